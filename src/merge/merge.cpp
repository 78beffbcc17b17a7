#include "merge/merge.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "normalize/normalize.h"

namespace mekong::merge {

// ---------------------------------------------------------------- CAMEO --

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    const size_t e = line.find('\t', b);
    out.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

bool is_code(const std::string& s) {
  if (s.size() < 2 || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

CameoTable CameoTable::load(const std::string& lexicon_dir, std::string* error) {
  CameoTable t;
  const std::string path = lexicon_dir + "/cameo.tsv";
  std::ifstream in(path);
  if (!in) {
    if (error) *error = "cannot read " + path;
    return t;
  }
  std::string line;
  size_t n = 0;
  std::string problems;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto f = split_tabs(line);
    CameoInfo info;
    try {
      if (f.size() < 3 || !is_code(f[0])) throw std::invalid_argument("code");
      info.code = f[0];
      size_t used = 0;
      info.goldstein = std::stod(f[1], &used);
      if (used != f[1].size()) throw std::invalid_argument("goldstein");
      info.quadclass = std::stoi(f[2]);
      if (info.quadclass < 1 || info.quadclass > 4) throw std::invalid_argument("quadclass");
      if (f.size() > 3) info.mirror = f[3];
      if (!info.mirror.empty() && !is_code(info.mirror)) throw std::invalid_argument("mirror");
      if (f.size() > 4) info.name = f[4];
    } catch (const std::exception&) {
      problems += fmt::format("{}:{}: malformed line\n", path, n);
      continue;
    }
    t.add(std::move(info));
  }
  if (error && !problems.empty()) *error = problems;
  return t;
}

void CameoTable::add(CameoInfo info) {
  std::string code = info.code;
  rows_[code] = std::move(info);
}

const CameoInfo* CameoTable::find(std::string_view code) const {
  auto it = rows_.find(std::string(code));
  if (it != rows_.end()) return &it->second;
  if (code.size() > 2) {
    it = rows_.find(std::string(code.substr(0, 2)));
    if (it != rows_.end()) return &it->second;
  }
  return nullptr;
}

std::string_view CameoTable::mirror(std::string_view code) const {
  auto it = rows_.find(std::string(code));
  return it == rows_.end() ? std::string_view() : std::string_view(it->second.mirror);
}

// ---------------------------------------------------------------- dates --

namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

// 'YYYY[-MM[-DD]]' -> first or last day; '' when not a date.
std::string day_of(std::string_view s, bool last) {
  if (s.size() > 10) s = s.substr(0, 10);
  if (s.size() < 4 || !digits(s.substr(0, 4))) return {};
  const int y = std::stoi(std::string(s.substr(0, 4)));
  int m = last ? 12 : 1;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(s.substr(5, 2))) return {};
    m = std::stoi(std::string(s.substr(5, 2)));
    if (m < 1 || m > 12) return {};
  } else if (s.size() != 4) {
    return {};
  }
  int d = last ? days_in_month(y, m) : 1;
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(s.substr(8, 2))) return {};
    d = std::stoi(std::string(s.substr(8, 2)));
    if (d < 1 || d > days_in_month(y, m)) return {};
  } else if (s.size() != 4 && s.size() != 7) {
    return {};
  }
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

}  // namespace

Days days_of(std::string_view start, std::string_view end) {
  Days d{day_of(start, false), day_of(end.empty() ? start : end, true)};
  if (!d.valid()) return {};
  return d;
}

int precision_rank(std::string_view precision) {
  if (precision == "day" || precision == "minute") return 0;
  if (precision == "month") return 1;
  if (precision == "year") return 2;
  return 3;
}

// --------------------------------------------------------------- events --

namespace {

std::string root_of(std::string_view code) { return std::string(code.substr(0, std::min<size_t>(2, code.size()))); }

const std::string& country(const Actor& a) {
  static const std::string kNone;
  return a.country ? *a.country : kNone;
}

// Canonical order of mentions: finest dates first, then by content, then by
// the document's content hash, so the order never depends on arrival.
auto mention_key(const EventMention& m) {
  const Days d = days_of(m.event.date.start, m.event.date.end);
  return std::make_tuple(precision_rank(m.event.date.precision), d.first, d.last, m.event.cameo, m.doc, m.index);
}

template <class T, class Less = std::less<T>>
struct Tally {
  std::map<T, size_t, Less> counts;
  void add(const T& v) { ++counts[v]; }
  // Most frequent; ties go to `prefer(a, b)` = a is better, else the smallest.
  template <class Prefer>
  std::optional<T> best(Prefer prefer) const {
    std::optional<T> out;
    size_t n = 0;
    for (const auto& [v, c] : counts) {
      if (!out || c > n || (c == n && prefer(v, *out))) {
        out = v;
        n = c;
      }
    }
    return out;
  }
  std::optional<T> best() const {
    return best([](const T&, const T&) { return false; });
  }
};

}  // namespace

std::string dyad_of(const Event& e) {
  const std::string& a = country(e.actor1);
  const std::string& b = country(e.actor2);
  if (a.empty() || b.empty()) return {};
  return a < b ? a + "-" + b : b + "-" + a;
}

std::string block_of(const Event& e) {
  std::string year = e.date.start.size() >= 4 ? e.date.start.substr(0, 4) : std::string("?");
  std::string dyad = dyad_of(e);
  if (dyad.empty()) dyad = country(e.actor1) + "-" + country(e.actor2);
  return dyad + "|" + root_of(e.cameo) + "|" + year;
}

namespace {

// What compatibility looks at, computed once per mention: a block of a few
// hundred mentions is compared pairwise many times.
struct Prepared {
  std::string dyad;
  int first = 0, last = 0;  // calendar days as yyyymmdd; 0 = no valid date
  std::vector<std::pair<std::string, std::string>> persons;  // (country, person), sorted
  std::string mechanism;  // name_key, '' = none
  std::optional<int> session;
};

int day_number(const std::string& iso) {
  return iso.size() == 10 ? std::stoi(iso.substr(0, 4)) * 10000 + std::stoi(iso.substr(5, 2)) * 100 +
                                std::stoi(iso.substr(8, 2))
                          : 0;
}

Prepared prepare(const Event& e) {
  Prepared p;
  p.dyad = dyad_of(e);
  const Days d = days_of(e.date.start, e.date.end);
  if (d.valid()) {
    p.first = day_number(d.first);
    p.last = day_number(d.last);
  }
  for (const Actor* a : {&e.actor1, &e.actor2})
    if (a->country && a->person && !a->person->empty()) p.persons.emplace_back(*a->country, *a->person);
  std::sort(p.persons.begin(), p.persons.end());
  if (e.mechanism) {
    p.mechanism = name_key(e.mechanism->name);
    p.session = e.mechanism->session;
  }
  return p;
}

bool compatible_prepared(const Event& a, const Prepared& pa, const Event& b, const Prepared& pb,
                         const CameoTable& cameo) {
  if (pa.dyad.empty() || pa.dyad != pb.dyad) return false;
  if (a.cameo.size() < 2 || b.cameo.size() < 2 || a.cameo.compare(0, 2, b.cameo, 0, 2) != 0) return false;
  if (a.cameo == b.cameo) {
    // Directed actions (visit / host) keep their direction.
    if (!cameo.mirror(a.cameo).empty() && country(a.actor1) != country(b.actor1)) return false;
  } else if (!cameo.mirror(a.cameo).empty() && cameo.mirror(a.cameo) == b.cameo) {
    if (country(a.actor1) != country(b.actor2)) return false;
  } else if (a.cameo.size() != 2 && b.cameo.size() != 2) {
    return false;
  }
  if (!pa.first || !pb.first || pa.first > pb.last || pb.first > pa.last) return false;
  // A country named with persons on both sides needs one person in common.
  for (size_t i = 0; i < pa.persons.size();) {
    const std::string& c = pa.persons[i].first;
    bool b_names = false, shared = false;
    for (const auto& [bc, bp] : pb.persons) {
      if (bc != c) continue;
      b_names = true;
      for (size_t j = i; j < pa.persons.size() && pa.persons[j].first == c; ++j) shared = shared || pa.persons[j].second == bp;
    }
    if (b_names && !shared) return false;
    while (i < pa.persons.size() && pa.persons[i].first == c) ++i;
  }
  if (!pa.mechanism.empty() && !pb.mechanism.empty()) {
    if (pa.mechanism != pb.mechanism) return false;
    if (pa.session && pb.session && *pa.session != *pb.session) return false;
  }
  return true;
}

}  // namespace

bool compatible(const Event& a, const Event& b, const CameoTable& cameo) {
  return compatible_prepared(a, prepare(a), b, prepare(b), cameo);
}

std::vector<std::vector<size_t>> cluster_events(const std::vector<EventMention>& mentions, const CameoTable& cameo) {
  const size_t n = mentions.size();
  std::vector<Prepared> prep;
  prep.reserve(n);
  for (const auto& m : mentions) prep.push_back(prepare(m.event));
  std::vector<decltype(mention_key(mentions[0]))> keys;
  keys.reserve(n);
  for (const auto& m : mentions) keys.push_back(mention_key(m));
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });

  struct Cluster {
    std::vector<size_t> members;
    int first = 0, last = 0;  // the days every member covers
    std::set<std::string> docs;
  };
  std::vector<Cluster> clusters;
  for (size_t i : order) {
    const EventMention& m = mentions[i];
    const Prepared& p = prep[i];
    const bool coarse = precision_rank(m.event.date.precision) > 0;
    std::vector<size_t> candidates;
    for (size_t c = 0; c < clusters.size(); ++c) {
      const Cluster& cl = clusters[c];
      // Members overlap pairwise, so they share a common stretch of days;
      // a mention overlapping each of them overlaps that stretch (and back).
      if (!p.first || p.first > cl.last || cl.first > p.last || cl.docs.count(m.doc)) continue;
      // Complete linkage: compatible with every member, so that a long or
      // vague mention cannot chain two different events together.
      bool ok = true;
      for (size_t j : cl.members)
        if (!compatible_prepared(m.event, p, mentions[j].event, prep[j], cameo)) {
          ok = false;
          break;
        }
      if (ok) candidates.push_back(c);
    }
    // A month or a year fits many events: join only when it fits one.
    if (candidates.empty() || (coarse && candidates.size() > 1)) {
      clusters.push_back({{i}, p.first, p.last, {m.doc}});
      continue;
    }
    size_t best = candidates[0];
    long best_score = -1;
    for (size_t c : candidates) {
      long score = 0;
      for (size_t j : clusters[c].members) {
        if (mentions[j].event.cameo == m.event.cameo) score += 2;
        for (const auto& x : p.persons)
          for (const auto& y : prep[j].persons) score += x == y ? 1 : 0;
      }
      if (score > best_score) {
        best_score = score;
        best = c;
      }
    }
    Cluster& cl = clusters[best];
    cl.members.push_back(i);
    cl.first = std::max(cl.first, p.first);
    cl.last = std::min(cl.last, p.last);
    cl.docs.insert(m.doc);
  }
  std::vector<std::vector<size_t>> out;
  out.reserve(clusters.size());
  for (auto& c : clusters) out.push_back(std::move(c.members));
  return out;
}

Event summarize(const std::vector<const EventMention*>& members) {
  Event out;
  if (members.empty()) return out;
  // Code: most given; ties to the more specific, then the smaller.
  Tally<std::string> codes;
  for (const auto* m : members) codes.add(m->event.cameo);
  out.cameo = *codes.best([](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  // Dates: among the finest precision given, the most common range; ties to
  // the earlier start, then the longer range.
  int finest = 3;
  for (const auto* m : members) finest = std::min(finest, precision_rank(m->event.date.precision));
  Tally<std::tuple<std::string, std::string, std::string>> ranges;
  for (const auto* m : members)
    if (precision_rank(m->event.date.precision) == finest)
      ranges.add({m->event.date.start, m->event.date.end, m->event.date.precision});
  const auto range = *ranges.best([](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    return std::get<1>(a) > std::get<1>(b);
  });
  out.date = {std::get<0>(range), std::get<1>(range), std::get<2>(range)};

  // Direction and the representative: the first mention (canonical order)
  // with the chosen code.
  const EventMention* rep = nullptr;
  for (const auto* m : members)
    if (m->event.cameo == out.cameo && (!rep || mention_key(*m) < mention_key(*rep))) rep = m;
  out.actor1.country = rep->event.actor1.country;
  out.actor2.country = rep->event.actor2.country;
  out.line = rep->event.line;
  out.span = rep->event.span;
  out.rule = rep->event.rule;

  // Persons and roles per country, whichever slot a source put them in.
  for (Actor* slot : {&out.actor1, &out.actor2}) {
    if (!slot->country) continue;
    Tally<std::string> persons, roles;
    for (const auto* m : members)
      for (const Actor* a : {&m->event.actor1, &m->event.actor2})
        if (a->country == slot->country) {
          if (a->person) persons.add(*a->person);
        }
    slot->person = persons.best();
    for (const auto* m : members)
      for (const Actor* a : {&m->event.actor1, &m->event.actor2})
        if (a->country == slot->country && a->role && a->person == slot->person) roles.add(*a->role);
    slot->role = roles.best();
  }

  Tally<std::string> mechanisms;
  for (const auto* m : members)
    if (m->event.mechanism) mechanisms.add(m->event.mechanism->name);
  if (auto name = mechanisms.best()) {
    Tally<int> sessions;
    for (const auto* m : members)
      if (m->event.mechanism && m->event.mechanism->name == *name && m->event.mechanism->session)
        sessions.add(*m->event.mechanism->session);
    out.mechanism = Mechanism{*name, sessions.best()};
  }
  Tally<std::string> locations;
  for (const auto* m : members)
    if (m->event.location) locations.add(*m->event.location);
  out.location = locations.best();

  out.status = "planned";
  for (const auto* m : members)
    if (m->event.status != "planned") out.status = "occurred";
  return out;
}

// -------------------------------------------------------------- figures --

std::string figure_key(const Figure& f, std::string_view dyad) {
  if (!f.period_start && !f.period_end) return {};
  std::string pair(dyad);
  if (f.from && f.to) pair = *f.from < *f.to ? *f.from + "-" + *f.to : *f.to + "-" + *f.from;
  if (pair.empty()) return {};
  return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", pair, f.indicator, f.unit, f.measure, f.period_start.value_or(""),
                     f.period_end.value_or(""), f.from.value_or(""), f.to.value_or(""));
}

bool same_value(double a, double b) {
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= 0.005 * scale;
}

FigureValues merge_values(const std::vector<FigureMention>& mentions) {
  FigureValues out;
  std::vector<size_t> order(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& x = mentions[a];
    const auto& y = mentions[b];
    return std::tie(x.figure.value, x.doc, x.index) < std::tie(y.figure.value, y.doc, y.index);
  });
  // Values in ascending order; a group holds the values within 0.5 % of its first.
  double first = 0;
  for (size_t i : order) {
    const double v = mentions[i].figure.value;
    if (out.groups.empty() || !same_value(first, v)) {
      out.groups.emplace_back();
      first = v;
    }
    out.groups.back().members.push_back(i);
  }
  std::vector<std::string> latest(out.groups.size());
  for (size_t g = 0; g < out.groups.size(); ++g) {
    ValueGroup& grp = out.groups[g];
    Tally<double> values;
    std::set<std::string> docs;
    for (size_t i : grp.members) {
      values.add(mentions[i].figure.value);
      docs.insert(mentions[i].doc);
      latest[g] = std::max(latest[g], mentions[i].published);
    }
    grp.value = *values.best();
    grp.documents = docs.size();
    Tally<std::string> approx;
    for (size_t i : grp.members)
      if (mentions[i].figure.value == grp.value) approx.add(mentions[i].figure.approx);
    grp.approx = approx.counts.count("exact") ? "exact" : approx.best().value_or("exact");
  }
  // Main value first; the rest by value.
  size_t main = 0;
  for (size_t g = 1; g < out.groups.size(); ++g) {
    const auto& a = out.groups[g];
    const auto& b = out.groups[main];
    if (std::tie(a.documents, latest[g]) > std::tie(b.documents, latest[main])) main = g;
  }
  if (main != 0) std::rotate(out.groups.begin(), out.groups.begin() + static_cast<long>(main),
                             out.groups.begin() + static_cast<long>(main) + 1);
  const double main_value = out.groups.empty() ? 0 : out.groups[0].value;
  for (size_t g = 1; g < out.groups.size(); ++g) {
    bool agrees = true;  // a bound agrees with a main value on its side
    for (size_t i : out.groups[g].members) {
      const Figure& f = mentions[i].figure;
      if (!((f.approx == "over" && f.value <= main_value) || (f.approx == "under" && f.value >= main_value)))
        agrees = false;
    }
    if (!agrees) out.conflict = true;
  }
  return out;
}

// ------------------------------------------------- agreements, projects --

std::string name_key(std::string_view name) {
  const std::string folded = normalize::fold(name);
  std::string out;
  bool space = false;
  for (unsigned char c : folded) {
    // ASCII punctuation and spaces separate syllables; other bytes are letters.
    const bool sep = c < 0x80 && !std::isalnum(c);
    if (sep) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string agreement_key(const Agreement& a, std::string_view dyad) {
  return fmt::format("{}|{}|{}|{}|{}", dyad, a.kind, name_key(a.name), a.period_start.value_or(""),
                     a.period_end.value_or(""));
}

std::string project_key(const Project& p, std::string_view dyad) {
  return fmt::format("{}|{}", dyad, name_key(p.name));
}

// ------------------------------------------------------------- identity --

std::vector<int64_t> keep_ids(const std::vector<std::vector<int64_t>>& old_ids) {
  std::map<std::pair<size_t, int64_t>, size_t> overlap;
  for (size_t i = 0; i < old_ids.size(); ++i)
    for (int64_t id : old_ids[i])
      if (id != 0) ++overlap[{i, id}];
  std::vector<std::tuple<size_t, int64_t, size_t>> pairs;  // count, id, cluster
  for (const auto& [k, n] : overlap) pairs.emplace_back(n, k.second, k.first);
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a) < std::get<2>(b);
  });
  std::vector<int64_t> out(old_ids.size(), 0);
  std::set<int64_t> used;
  for (const auto& [n, id, cluster] : pairs) {
    if (out[cluster] != 0 || used.count(id)) continue;
    out[cluster] = id;
    used.insert(id);
  }
  return out;
}

}  // namespace mekong::merge
