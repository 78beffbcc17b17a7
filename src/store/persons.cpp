// Reads: the persons named as events' actors, for `mekong lexicon unknown`.
// Persons the lexicon lacks are stored as the text writes them, so no table
// of their own is needed: every actor of every event mention is one sighting.
#include <algorithm>
#include <map>
#include <set>

#include "store/impl.h"

namespace mekong::store {

namespace {

// The sentence of `line` that holds `name` (the whole line when it is not
// found), cut at sentence ends ('. ', '? ', '! ') around it.
std::string sentence_with(const std::string& line, const std::string& name) {
  const size_t at = line.find(name);
  if (at == std::string::npos) return line;
  size_t b = 0;
  for (size_t i = at; i >= 2; --i)
    if ((line[i - 2] == '.' || line[i - 2] == '?' || line[i - 2] == '!') && line[i - 1] == ' ') {
      b = i;
      break;
    }
  size_t e = line.size();
  for (size_t i = at + name.size(); i + 1 < line.size(); ++i)
    if ((line[i] == '.' || line[i] == '?' || line[i] == '!') && line[i + 1] == ' ') {
      e = i + 1;
      break;
    }
  return line.substr(b, e - b);
}

// 'a (3), b (1)': values by count, most frequent first.
std::string by_count(const std::map<std::string, size_t>& counts) {
  std::vector<std::pair<size_t, std::string>> v;
  for (const auto& [k, n] : counts) v.emplace_back(n, k);
  std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::string out;
  for (const auto& [n, k] : v) out += (out.empty() ? "" : ", ") + k + " (" + std::to_string(n) + ")";
  return out;
}

}  // namespace

ordered_json Store::persons() const {
  const Db& db = impl_->db;
  struct Seen {
    size_t mentions = 0;
    std::set<int64_t> docs;
    std::map<std::string, size_t> roles, countries;
    int64_t first = 0;  // the first mention stored
  };
  std::map<std::string, Seen> seen;
  Stmt s(db,
         "SELECT id, doc, actor1_person, actor1_role, actor1_country, actor2_person, actor2_role, actor2_country "
         "FROM event_mentions WHERE actor1_person IS NOT NULL OR actor2_person IS NOT NULL ORDER BY id");
  while (s.step()) {
    for (int c : {2, 5}) {
      if (s.is_null(c)) continue;
      Seen& x = seen[s.str(c)];
      if (x.mentions++ == 0) x.first = s.i64(0);
      x.docs.insert(s.i64(1));
      ++x.roles[s.is_null(c + 1) ? std::string("-") : s.str(c + 1)];
      ++x.countries[s.is_null(c + 2) ? std::string("-") : s.str(c + 2)];
    }
  }
  std::vector<std::pair<std::string, const Seen*>> order;
  for (const auto& [name, x] : seen) order.emplace_back(name, &x);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.second->mentions != b.second->mentions) return a.second->mentions > b.second->mentions;
    return a.second->docs.size() > b.second->docs.size();
  });
  Stmt sample(db,
              "SELECT d.doc_id, m.line, coalesce(l.text, '') FROM event_mentions m JOIN documents d ON d.id = m.doc "
              "LEFT JOIN lines l ON l.doc = m.doc AND l.n = m.line WHERE m.id = ?1");
  ordered_json out = ordered_json::array();
  for (const auto& [name, x] : order) {
    ordered_json j;
    j["person"] = name;
    j["mentions"] = x->mentions;
    j["documents"] = x->docs.size();
    j["countries"] = by_count(x->countries);
    j["roles"] = by_count(x->roles);
    sample.reset();
    sample.bind(1, x->first);
    if (sample.step()) {
      j["doc_id"] = sample.str(0);
      j["line"] = sample.i64(1);
      j["sample"] = sentence_with(sample.str(2), name);
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace mekong::store
