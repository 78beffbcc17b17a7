// Reads: the query commands and the HTTP API share these. Every value from
// outside reaches SQLite through a bound parameter; filters are checked
// first and refused with a QueryError that says what is wrong.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <variant>

#include <fmt/format.h>

#include "normalize/normalize.h"
#include "store/impl.h"

namespace mekong::store {

namespace {

using Arg = std::variant<std::string, int64_t>;

// WHERE clauses with their arguments, bound in order ('?' placeholders).
struct Where {
  std::vector<std::string> clauses;
  std::vector<Arg> args;
  void add(std::string clause, std::vector<Arg> a = {}) {
    clauses.push_back(std::move(clause));
    for (auto& x : a) args.push_back(std::move(x));
  }
  std::string sql() const {
    if (clauses.empty()) return {};
    std::string out = " WHERE ";
    for (size_t i = 0; i < clauses.size(); ++i) out += (i ? " AND " : "") + clauses[i];
    return out;
  }
  int bind(Stmt& s) const {
    int i = 1;
    for (const auto& a : args) {
      if (std::holds_alternative<std::string>(a)) s.bind(i++, std::get<std::string>(a));
      else s.bind(i++, std::get<int64_t>(a));
    }
    return i;
  }
};

ordered_json opt_json(const Stmt& s, int c) { return s.is_null(c) ? ordered_json(nullptr) : ordered_json(s.str(c)); }

size_t checked_limit(size_t limit) {
  if (limit == 0) throw QueryError("limit must be at least 1");
  return std::min(limit, Limits::kMax);
}

// A day bound from 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
std::string day_bound(const std::string& v, bool last, const char* what) {
  const merge::Days d = merge::days_of(v, v);
  if (!d.valid()) throw QueryError(fmt::format("{} must be a date like 2024, 2024-05 or 2024-05-16, got '{}'", what, v));
  return last ? d.last : d.first;
}

void check_word(const std::string& v, const char* what, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed)
    if (v == a) return;
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw QueryError(fmt::format("{} must be one of {}, got '{}'", what, list, v));
}

void check_token(const std::string& v, const char* what) {
  if (v.empty() || v.size() > 64 ||
      !std::all_of(v.begin(), v.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
    throw QueryError(fmt::format("{} must be a word of letters, digits and '_', got '{}'", what, v));
}

ordered_json period_json(const Stmt& s, int c) {
  if (s.is_null(c) && s.is_null(c + 1)) return nullptr;
  return {{"start", opt_json(s, c)}, {"end", opt_json(s, c + 1)}};
}

// A source: where an item is stated, with the line's text.
constexpr const char* kSourceCols =
    "m.doc, d.doc_id, d.title, d.url, d.site, d.published, m.line, m.span_begin, m.span_end, l.text";
constexpr const char* kSourceJoin =
    " JOIN documents d ON d.id = m.doc LEFT JOIN lines l ON l.doc = m.doc AND l.n = m.line ";
// Lists attach at most this many sources per item (the item's counts say
// how many there are; the item's own endpoint gives them all).
constexpr int64_t kListSources = 100;
constexpr const char* kSourceOrder = " ORDER BY coalesce(d.published, '~'), d.hash, m.idx LIMIT ?9";

ordered_json source_json(const Stmt& s) {
  ordered_json j;
  j["doc"] = s.i64(0);
  j["doc_id"] = s.str(1);
  j["title"] = opt_json(s, 2);
  j["url"] = opt_json(s, 3);
  j["site"] = opt_json(s, 4);
  j["published"] = opt_json(s, 5);
  j["line"] = s.i64(6);
  j["span"] = {s.i64(7), s.i64(8)};
  j["text"] = opt_json(s, 9);
  return j;
}

ordered_json actor_json(const Stmt& s, int c) {
  return {{"country", opt_json(s, c)}, {"person", opt_json(s, c + 1)}, {"role", opt_json(s, c + 2)}};
}

std::string events_select() {
  return fmt::format("SELECT e.id, e.dyad, {}, e.mentions, e.documents, e.sites, e.first_doc, e.first_line FROM events e",
                     "e.date_start, e.date_end, e.precision, e.cameo, e.actor1_country, e.actor1_person, e.actor1_role, "
                     "e.actor2_country, e.actor2_person, e.actor2_role, e.mechanism, e.session, e.location, e.status, "
                     "e.line, e.span_begin, e.span_end");
}

ordered_json event_json(const Stmt& s, const merge::CameoTable& cameo) {
  ordered_json j;
  j["id"] = s.i64(0);
  j["dyad"] = s.str(1);
  j["date"] = {{"start", s.str(2)}, {"end", s.str(3)}, {"precision", s.str(4)}};
  const std::string code = s.str(5);
  j["cameo"] = code;
  const merge::CameoInfo* info = cameo.find(code);
  j["cameo_name"] = info ? ordered_json(info->name) : ordered_json(nullptr);
  j["quad_class"] = info ? ordered_json(info->quadclass) : ordered_json(nullptr);
  j["goldstein"] = info ? ordered_json(info->goldstein) : ordered_json(nullptr);
  j["actor1"] = actor_json(s, 6);
  j["actor2"] = actor_json(s, 9);
  if (s.is_null(12)) {
    j["mechanism"] = nullptr;
  } else {
    j["mechanism"] = {{"name", s.str(12)}, {"session", s.is_null(13) ? ordered_json(nullptr) : ordered_json(s.i64(13))}};
  }
  j["location"] = opt_json(s, 14);
  j["status"] = s.str(15);
  j["mentions"] = s.i64(19);
  j["documents"] = s.i64(20);
  j["sites"] = s.i64(21);
  j["first_source"] = {{"doc", s.i64(22)}, {"line", s.i64(23)}};
  return j;
}

ordered_json event_sources(const Db& db, int64_t event, int64_t cap) {
  Stmt s(db, fmt::format("SELECT {}, m.cameo, m.date_start, m.date_end, m.status FROM event_mentions m{}WHERE m.event = ?1{}",
                         kSourceCols, kSourceJoin, kSourceOrder));
  s.bind(1, event).bind(9, cap);
  ordered_json out = ordered_json::array();
  while (s.step()) {
    ordered_json j = source_json(s);
    j["cameo"] = s.str(10);
    j["date"] = {{"start", s.str(11)}, {"end", s.str(12)}};
    j["status"] = s.str(13);
    out.push_back(std::move(j));
  }
  return out;
}

ordered_json figure_values_json(const Db& db, int64_t figure, int64_t cap) {
  Stmt v(db, "SELECT grp, value, approx, mentions, documents FROM figure_values WHERE figure = ?1 ORDER BY grp");
  Stmt src(db, fmt::format("SELECT {}, m.value, m.approx FROM figure_mentions m{}WHERE m.figure = ?1 AND m.grp = ?2{}",
                           kSourceCols, kSourceJoin, kSourceOrder));
  v.bind(1, figure);
  ordered_json out = ordered_json::array();
  while (v.step()) {
    ordered_json j;
    j["value"] = v.f64(1);
    j["approx"] = v.str(2);
    j["mentions"] = v.i64(3);
    j["documents"] = v.i64(4);
    ordered_json sources = ordered_json::array();
    src.bind(1, figure).bind(2, v.i64(0)).bind(9, cap);
    while (src.step()) {
      ordered_json s = source_json(src);
      s["value"] = src.f64(10);
      s["approx"] = src.str(11);
      sources.push_back(std::move(s));
    }
    src.reset();
    j["sources"] = std::move(sources);
    out.push_back(std::move(j));
  }
  return out;
}

template <class Fn>
ordered_json collect(Stmt& s, size_t limit, bool* truncated, Fn row) {
  ordered_json out = ordered_json::array();
  bool more = false;
  while (s.step()) {
    if (out.size() == limit) {
      more = true;
      break;
    }
    out.push_back(row(s));
  }
  if (truncated) *truncated = more;
  return out;
}

// 'hòa   bình' -> '"hoa" "binh"': every word a quoted FTS5 string (never
// query syntax), marks stripped as in the index, all words required.
std::string fts_query(const std::string& text) {
  if (text.size() > 500) throw QueryError("search text is longer than 500 bytes");
  for (const char c : text)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
      throw QueryError("search text holds a control character");
  const std::string plain = normalize::strip_marks(text);
  std::string out;
  size_t words = 0;
  size_t i = 0;
  while (i < plain.size()) {
    while (i < plain.size() && std::isspace(static_cast<unsigned char>(plain[i]))) ++i;
    size_t j = i;
    while (j < plain.size() && !std::isspace(static_cast<unsigned char>(plain[j]))) ++j;
    if (j > i) {
      std::string w;
      for (size_t k = i; k < j; ++k)
        if (plain[k] != '"') w += plain[k];
      if (!w.empty()) {
        if (++words > 32) throw QueryError("search text has more than 32 words");
        out += (out.empty() ? "\"" : " \"") + w + "\"";
      }
    }
    i = j;
  }
  if (out.empty()) throw QueryError("search text is empty");
  return out;
}

}  // namespace

// --------------------------------------------------------------- events --

ordered_json Store::events(const EventFilter& f, bool* truncated) const {
  const size_t limit = checked_limit(f.limit);
  Where w;
  if (!f.dyad.empty()) w.add("e.dyad = ?", {canonical_dyad(f.dyad)});
  if (!f.from.empty()) w.add("e.day_last >= ?", {day_bound(f.from, false, "from")});
  if (!f.to.empty()) w.add("e.day_first <= ?", {day_bound(f.to, true, "to")});
  if (!f.cameo.empty()) {
    if (f.cameo.size() > 4 || !std::all_of(f.cameo.begin(), f.cameo.end(), [](char c) { return c >= '0' && c <= '9'; }))
      throw QueryError("cameo must be a CAMEO code or its start, digits only (04, 042), got '" + f.cameo + "'");
    w.add("substr(e.cameo, 1, ?) = ?", {static_cast<int64_t>(f.cameo.size()), f.cameo});
  }
  if (!f.person.empty()) {
    if (f.person.size() > 200) throw QueryError("person is longer than 200 bytes");
    const std::string key = normalize::strip_marks(f.person);
    w.add("e.id IN (SELECT event FROM event_mentions WHERE person1_key = ? UNION SELECT event FROM event_mentions "
          "WHERE person2_key = ?)",
          {key, key});
  }
  if (!f.status.empty()) {
    check_word(f.status, "status", {"occurred", "planned"});
    w.add("e.status = ?", {f.status});
  }
  Stmt s(impl_->db, events_select() + w.sql() + " ORDER BY e.day_first, e.day_last, e.id LIMIT ? OFFSET ?");
  const int next = w.bind(s);
  s.bind(next, static_cast<int64_t>(limit + 1)).bind(next + 1, static_cast<int64_t>(f.offset));
  return collect(s, limit, truncated, [&](const Stmt& row) {
    ordered_json j = event_json(row, cameo_);
    if (f.sources) j["sources"] = event_sources(impl_->db, row.i64(0), kListSources);
    return j;
  });
}

std::optional<ordered_json> Store::event(int64_t id) const {
  Stmt s(impl_->db, events_select() + " WHERE e.id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  ordered_json j = event_json(s, cameo_);
  j["sources"] = event_sources(impl_->db, id, -1);
  return j;
}

// -------------------------------------------------------------- figures --

ordered_json Store::figures(const FigureFilter& f, bool* truncated) const {
  const size_t limit = checked_limit(f.limit);
  Where w;
  if (!f.indicator.empty()) {
    check_token(f.indicator, "indicator");
    w.add("f.indicator = ?", {f.indicator});
  }
  if (!f.dyad.empty()) w.add("f.dyad = ?", {canonical_dyad(f.dyad)});
  if (!f.unit.empty()) {
    check_token(f.unit, "unit");
    w.add("f.unit = ?", {f.unit});
  }
  if (!f.measure.empty()) {
    check_word(f.measure, "measure", {"level", "change"});
    w.add("f.measure = ?", {f.measure});
  }
  if (!f.from.empty()) w.add("f.day_last >= ?", {day_bound(f.from, false, "from")});
  if (!f.to.empty()) w.add("f.day_first <= ?", {day_bound(f.to, true, "to")});
  Stmt s(impl_->db,
         "SELECT f.id, f.dyad, f.indicator, f.unit, f.measure, f.period_start, f.period_end, f.from_country, "
         "f.to_country, f.value, f.approx, f.conflict, f.mentions, f.documents FROM figures f" +
             w.sql() + " ORDER BY f.indicator, f.dyad, f.day_first, f.day_last, f.measure, f.unit, f.id LIMIT ? OFFSET ?");
  const int next = w.bind(s);
  s.bind(next, static_cast<int64_t>(limit + 1)).bind(next + 1, static_cast<int64_t>(f.offset));
  return collect(s, limit, truncated, [&](const Stmt& r) {
    ordered_json j;
    j["id"] = r.i64(0);
    j["dyad"] = opt_json(r, 1);
    j["indicator"] = r.str(2);
    j["unit"] = r.str(3);
    j["measure"] = r.str(4);
    j["period"] = period_json(r, 5);
    j["from"] = opt_json(r, 7);
    j["to"] = opt_json(r, 8);
    j["value"] = r.f64(9);
    j["approx"] = r.str(10);
    j["conflict"] = r.i64(11) != 0;
    j["mentions"] = r.i64(12);
    j["documents"] = r.i64(13);
    j["values"] = figure_values_json(impl_->db, r.i64(0), f.all_sources ? -1 : kListSources);
    return j;
  });
}

ordered_json Store::indicators(const std::string& dyad) const {
  Where w;
  if (!dyad.empty()) w.add("dyad = ?", {canonical_dyad(dyad)});
  Stmt s(impl_->db, "SELECT indicator, unit, measure, count(*), min(day_first), max(day_last) FROM figures" + w.sql() +
                        " GROUP BY indicator, unit, measure ORDER BY indicator, measure, unit");
  w.bind(s);
  ordered_json out = ordered_json::array();
  while (s.step())
    out.push_back({{"indicator", s.str(0)}, {"unit", s.str(1)}, {"measure", s.str(2)}, {"figures", s.i64(3)},
                   {"first", opt_json(s, 4)}, {"last", opt_json(s, 5)}});
  return out;
}

// --------------------------------------------------- agreements, projects --

ordered_json Store::agreements(const ItemFilter& f, bool* truncated) const {
  const size_t limit = checked_limit(f.limit);
  Where w;
  if (!f.dyad.empty()) w.add("a.dyad = ?", {canonical_dyad(f.dyad)});
  if (!f.kind.empty()) {
    check_token(f.kind, "kind");
    w.add("a.kind = ?", {f.kind});
  }
  Stmt s(impl_->db,
         "SELECT a.id, a.dyad, a.name, a.kind, a.period_start, a.period_end, a.mentions, a.documents FROM agreements a" +
             w.sql() +
             " ORDER BY coalesce(a.period_start, (SELECT min(coalesce(d.published, '~')) FROM agreement_mentions m "
             "JOIN documents d ON d.id = m.doc WHERE m.agreement = a.id)), a.id LIMIT ? OFFSET ?");
  const int next = w.bind(s);
  s.bind(next, static_cast<int64_t>(limit + 1)).bind(next + 1, static_cast<int64_t>(f.offset));
  Stmt src(impl_->db, fmt::format("SELECT {} FROM agreement_mentions m{}WHERE m.agreement = ?1{}", kSourceCols,
                                  kSourceJoin, kSourceOrder));
  return collect(s, limit, truncated, [&](const Stmt& r) {
    ordered_json j;
    j["id"] = r.i64(0);
    j["dyad"] = opt_json(r, 1);
    j["name"] = r.str(2);
    j["kind"] = r.str(3);
    j["period"] = period_json(r, 4);
    j["mentions"] = r.i64(6);
    j["documents"] = r.i64(7);
    ordered_json sources = ordered_json::array();
    src.bind(1, r.i64(0)).bind(9, f.all_sources ? -1 : kListSources);
    while (src.step()) sources.push_back(source_json(src));
    src.reset();
    j["sources"] = std::move(sources);
    return j;
  });
}

ordered_json Store::projects(const ItemFilter& f, bool* truncated) const {
  const size_t limit = checked_limit(f.limit);
  Where w;
  if (!f.dyad.empty()) w.add("p.dyad = ?", {canonical_dyad(f.dyad)});
  if (!f.status.empty()) {
    check_word(f.status, "status", {"completed", "in_progress", "planned"});
    w.add("p.status = ?", {f.status});
  }
  Stmt s(impl_->db,
         "SELECT p.id, p.dyad, p.name, p.location, p.status, p.mentions, p.documents FROM projects p" + w.sql() +
             " ORDER BY p.name, p.id LIMIT ? OFFSET ?");
  const int next = w.bind(s);
  s.bind(next, static_cast<int64_t>(limit + 1)).bind(next + 1, static_cast<int64_t>(f.offset));
  Stmt src(impl_->db, fmt::format("SELECT {}, m.status FROM project_mentions m{}WHERE m.project = ?1{}", kSourceCols,
                                  kSourceJoin, kSourceOrder));
  return collect(s, limit, truncated, [&](const Stmt& r) {
    ordered_json j;
    j["id"] = r.i64(0);
    j["dyad"] = opt_json(r, 1);
    j["name"] = r.str(2);
    j["location"] = opt_json(r, 3);
    j["status"] = opt_json(r, 4);
    j["mentions"] = r.i64(5);
    j["documents"] = r.i64(6);
    ordered_json sources = ordered_json::array();
    src.bind(1, r.i64(0)).bind(9, f.all_sources ? -1 : kListSources);
    while (src.step()) {
      ordered_json x = source_json(src);
      x["status"] = opt_json(src, 10);
      sources.push_back(std::move(x));
    }
    src.reset();
    j["sources"] = std::move(sources);
    return j;
  });
}

// -------------------------------------------------------------- search --

ordered_json Store::search(const std::string& text, size_t limit, bool* truncated) const {
  limit = checked_limit(limit);
  Stmt s(impl_->db,
         "SELECT l.doc, l.n, l.text, d.doc_id, d.title, d.published, d.url, d.site FROM lines_fts f "
         "JOIN lines l ON l.id = f.rowid JOIN documents d ON d.id = l.doc WHERE lines_fts MATCH ?1 "
         "ORDER BY f.rank, l.doc, l.n LIMIT ?2");
  s.bind(1, fts_query(text)).bind(2, static_cast<int64_t>(limit + 1));
  return collect(s, limit, truncated, [](const Stmt& r) {
    ordered_json j;
    j["doc"] = r.i64(0);
    j["line"] = r.i64(1);
    j["text"] = r.str(2);
    j["doc_id"] = r.str(3);
    j["title"] = opt_json(r, 4);
    j["published"] = opt_json(r, 5);
    j["url"] = opt_json(r, 6);
    j["site"] = opt_json(r, 7);
    return j;
  });
}

// ------------------------------------------------------------ document --

std::optional<ordered_json> Store::document(int64_t id, const DocumentPage& page) const {
  const Db& db = impl_->db;
  Stmt s(db,
         "SELECT id, doc_id, hash, origin, url, site, title, title_line, published, published_precision, dyad, "
         "line_count, ingested_at FROM documents WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  ordered_json j;
  j["id"] = s.i64(0);
  j["doc_id"] = s.str(1);
  j["hash"] = s.str(2);
  j["origin"] = s.str(3);
  j["url"] = opt_json(s, 4);
  j["site"] = opt_json(s, 5);
  j["title"] = opt_json(s, 6);
  j["title_line"] = s.is_null(7) ? ordered_json(nullptr) : ordered_json(s.i64(7));
  j["published"] = s.is_null(8) ? ordered_json(nullptr) : ordered_json{{"value", s.str(8)}, {"precision", s.str(9)}};
  j["dyad"] = opt_json(s, 10);
  j["ingested_at"] = s.str(12);
  const size_t limit = std::clamp<size_t>(page.limit, 1, DocumentPage::kMaxLines);
  ordered_json lines = ordered_json::array();
  Stmt l(db, "SELECT n, kind, text FROM lines WHERE doc = ?1 AND n > ?2 ORDER BY n LIMIT ?3");
  l.bind(1, id).bind(2, page.offset).bind(3, limit + 1);
  size_t bytes = 0, last = page.offset;
  bool more = false;
  while (l.step()) {
    std::string text = l.str(2);
    if (lines.size() == limit || (!lines.empty() && bytes + text.size() > DocumentPage::kMaxBytes)) {
      more = true;
      break;
    }
    bytes += text.size();
    last = static_cast<size_t>(l.i64(0));
    lines.push_back({{"n", l.i64(0)}, {"kind", l.str(1)}, {"text", std::move(text)}});
  }
  j["line_count"] = s.i64(11);
  j["lines_offset"] = page.offset;
  j["lines_truncated"] = more;
  j["next_offset"] = more ? ordered_json(last) : ordered_json(nullptr);
  j["lines"] = std::move(lines);

  ordered_json items;
  bool mentions_truncated = false;
  auto list = [&](const char* sql, const char* id_name, auto extra) {
    Stmt m(db, sql);
    m.bind(1, id);
    ordered_json arr = ordered_json::array();
    while (m.step()) {
      if (arr.size() == DocumentPage::kMaxMentions) {
        mentions_truncated = true;
        break;
      }
      ordered_json x;
      x[id_name] = m.is_null(0) ? ordered_json(nullptr) : ordered_json(m.i64(0));
      x["line"] = m.i64(1);
      x["span"] = {m.i64(2), m.i64(3)};
      extra(m, x);
      arr.push_back(std::move(x));
    }
    return arr;
  };
  items["events"] = list("SELECT event, line, span_begin, span_end, cameo FROM event_mentions WHERE doc = ?1 ORDER BY idx",
                         "event", [](const Stmt& m, ordered_json& x) { x["cameo"] = m.str(4); });
  items["figures"] = list(
      "SELECT figure, line, span_begin, span_end, indicator, value, unit FROM figure_mentions WHERE doc = ?1 ORDER BY idx",
      "figure", [](const Stmt& m, ordered_json& x) {
        x["indicator"] = m.str(4);
        x["value"] = m.f64(5);
        x["unit"] = m.str(6);
      });
  items["agreements"] = list(
      "SELECT agreement, line, span_begin, span_end, name FROM agreement_mentions WHERE doc = ?1 ORDER BY idx",
      "agreement", [](const Stmt& m, ordered_json& x) { x["name"] = m.str(4); });
  items["projects"] = list(
      "SELECT project, line, span_begin, span_end, name FROM project_mentions WHERE doc = ?1 ORDER BY idx", "project",
      [](const Stmt& m, ordered_json& x) { x["name"] = m.str(4); });
  j["items"] = std::move(items);
  j["items_truncated"] = mentions_truncated;
  ordered_json copies = ordered_json::array();
  Stmt c(db, "SELECT origin, url, seen_at FROM copies WHERE doc = ?1 ORDER BY seen_at, origin LIMIT ?2");
  c.bind(1, id).bind(2, DocumentPage::kMaxCopies + 1);
  while (c.step()) copies.push_back({{"origin", c.str(0)}, {"url", opt_json(c, 1)}, {"seen_at", c.str(2)}});
  j["copies_truncated"] = copies.size() > DocumentPage::kMaxCopies;
  if (copies.size() > DocumentPage::kMaxCopies) copies.erase(copies.end() - 1);
  j["copies"] = std::move(copies);
  return j;
}

ordered_json Store::dyads() const {
  struct Row {
    int64_t events = 0, figures = 0, agreements = 0, projects = 0, documents = 0;
    std::string first, last;
  };
  std::map<std::string, Row> rows;
  const Db& db = impl_->db;
  {
    Stmt s(db, "SELECT dyad, count(*), min(day_first), max(day_last) FROM events WHERE dyad != '' GROUP BY dyad");
    while (s.step()) {
      Row& r = rows[s.str(0)];
      r.events = s.i64(1);
      r.first = s.str(2);
      r.last = s.str(3);
    }
  }
  auto count = [&](const char* sql, int64_t Row::*field) {
    Stmt s(db, sql);
    while (s.step()) rows[s.str(0)].*field = s.i64(1);
  };
  count("SELECT dyad, count(*) FROM figures WHERE dyad IS NOT NULL GROUP BY dyad", &Row::figures);
  count("SELECT dyad, count(*) FROM agreements WHERE dyad IS NOT NULL GROUP BY dyad", &Row::agreements);
  count("SELECT dyad, count(*) FROM projects WHERE dyad IS NOT NULL GROUP BY dyad", &Row::projects);
  count("SELECT dyad, count(*) FROM documents WHERE dyad IS NOT NULL GROUP BY dyad", &Row::documents);
  std::vector<std::pair<std::string, Row>> sorted(rows.begin(), rows.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(b.second.events, b.second.documents) < std::tie(a.second.events, a.second.documents);
  });
  ordered_json out = ordered_json::array();
  for (const auto& [dyad, r] : sorted) {
    ordered_json j;
    j["dyad"] = dyad;
    j["countries"] = {dyad.substr(0, 3), dyad.substr(4)};
    j["events"] = r.events;
    j["figures"] = r.figures;
    j["agreements"] = r.agreements;
    j["projects"] = r.projects;
    j["documents"] = r.documents;
    j["first"] = r.first.empty() ? ordered_json(nullptr) : ordered_json(r.first);
    j["last"] = r.last.empty() ? ordered_json(nullptr) : ordered_json(r.last);
    out.push_back(std::move(j));
  }
  return out;
}

// -------------------------------------------------------------- export --

namespace {

// GDELT 2.0 event table, in file order.
constexpr const char* kGdeltColumns[] = {
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code",
    "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName",
    "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"};
constexpr size_t kGdeltCount = sizeof(kGdeltColumns) / sizeof(kGdeltColumns[0]);

// Tabs and newlines would break the row.
std::string tsv(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string digits_only(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

}  // namespace

void Store::export_gdelt(std::ostream& out, bool header) const {
  static_assert(kGdeltCount == 61);
  if (header) {
    for (size_t i = 0; i < kGdeltCount; ++i) out << (i ? "\t" : "") << kGdeltColumns[i];
    out << '\n';
  }
  Stmt s(impl_->db, events_select().substr(0, events_select().find(" FROM events e")) +
                        ", coalesce(d.url, d.origin), d.ingested_at FROM events e JOIN documents d ON d.id = e.first_doc "
                        "ORDER BY e.id");
  while (s.step()) {
    std::vector<std::string> col(kGdeltCount);
    auto set = [&](const char* name, std::string v) {
      for (size_t i = 0; i < kGdeltCount; ++i)
        if (std::string_view(kGdeltColumns[i]) == name) col[i] = tsv(std::move(v));
    };
    const merge::Days days = merge::days_of(s.str(2), s.str(3));
    const std::string day = digits_only(days.first);
    set("GlobalEventID", std::to_string(s.i64(0)));
    if (day.size() == 8) {
      set("SQLDATE", day);
      set("MonthYear", day.substr(0, 6));
      set("Year", day.substr(0, 4));
      std::tm tm{};
      tm.tm_year = std::stoi(day.substr(0, 4)) - 1900;
      tm.tm_mon = std::stoi(day.substr(4, 2)) - 1;
      tm.tm_mday = std::stoi(day.substr(6, 2));
      tm.tm_hour = 12;
      timegm(&tm);  // fills tm_yday
      set("FractionDate", fmt::format("{:.4f}", tm.tm_year + 1900 + (tm.tm_yday + 1) / 365.0));
    }
    for (int a = 0; a < 2; ++a) {
      const int c = a == 0 ? 6 : 9;
      const std::string p = a == 0 ? "Actor1" : "Actor2";
      const std::string country = s.str(c);
      set((p + "Code").c_str(), country);
      set((p + "CountryCode").c_str(), country);
      set((p + "Name").c_str(), s.is_null(c + 1) ? country : s.str(c + 1));
    }
    set("IsRootEvent", "0");
    const std::string code = s.str(5);
    set("EventCode", code);
    set("EventBaseCode", code.substr(0, 3));
    set("EventRootCode", code.substr(0, 2));
    if (const merge::CameoInfo* info = cameo_.find(code)) {
      set("QuadClass", std::to_string(info->quadclass));
      set("GoldsteinScale", fmt::format("{:.1f}", info->goldstein));
    }
    set("NumMentions", std::to_string(s.i64(19)));
    set("NumSources", std::to_string(s.i64(21)));
    set("NumArticles", std::to_string(s.i64(20)));
    if (!s.is_null(14)) set("ActionGeo_FullName", s.str(14));
    set("DATEADDED", digits_only(s.str(25)).substr(0, 14));
    set("SOURCEURL", s.str(24));
    for (size_t i = 0; i < kGdeltCount; ++i) out << (i ? "\t" : "") << col[i];
    out << '\n';
  }
}

void Store::export_jsonl(std::ostream& out) const {
  auto dump = [&](const char* type, ordered_json j) {
    ordered_json line;
    line["type"] = type;
    for (auto& [k, v] : j.items()) line[k] = v;
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  };
  {
    Stmt s(impl_->db, events_select() + " ORDER BY e.id");
    while (s.step()) {
      ordered_json j = event_json(s, cameo_);
      j["sources"] = event_sources(impl_->db, s.i64(0), -1);
      dump("event", std::move(j));
    }
  }
  // The rest through the API's queries, a page at a time.
  bool more = true;
  FigureFilter ff;
  ff.limit = Limits::kMax;
  ff.all_sources = true;
  for (ff.offset = 0; more; ff.offset += ff.limit)
    for (auto& j : figures(ff, &more)) dump("figure", std::move(j));
  ItemFilter f;
  f.limit = Limits::kMax;
  f.all_sources = true;
  more = true;
  for (f.offset = 0; more; f.offset += f.limit)
    for (auto& j : agreements(f, &more)) dump("agreement", std::move(j));
  more = true;
  for (f.offset = 0; more; f.offset += f.limit)
    for (auto& j : projects(f, &more)) dump("project", std::move(j));
}

}  // namespace mekong::store
