// Adding documents and keeping the merged items up to date; counts and checks.
// (Opening and the schema: open.cpp.)
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "normalize/normalize.h"
#include "store/impl.h"

namespace mekong::store {

using detail::now_utc;
using detail::pragma_int;

namespace {

// Most frequent value; ties to the smallest.
template <class T>
std::optional<T> mode(const std::vector<T>& values) {
  std::map<T, size_t> n;
  for (const auto& v : values) ++n[v];
  std::optional<T> out;
  size_t best = 0;
  for (const auto& [v, c] : n)
    if (c > best) {
      out = v;
      best = c;
    }
  return out;
}

// The pair of countries the document is about: the pair most of its events
// (else directed figures) name. Two-way figures such as trade have no
// direction of their own and take this pair.
std::string document_dyad(const Record& r, const std::string& hint) {
  std::vector<std::string> pairs;
  for (const auto& e : r.events)
    if (auto d = merge::dyad_of(e); !d.empty()) pairs.push_back(d);
  if (pairs.empty())
    for (const auto& f : r.figures)
      if (f.from && f.to && *f.from != *f.to) pairs.push_back(*f.from < *f.to ? *f.from + "-" + *f.to : *f.to + "-" + *f.from);
  if (pairs.empty() && !hint.empty()) pairs.push_back(canonical_dyad(hint));
  return mode(pairs).value_or("");
}

std::optional<std::string> person_key(const Actor& a) {
  if (!a.person || a.person->empty()) return std::nullopt;
  return normalize::strip_marks(*a.person);
}

}  // namespace

// ------------------------------------------------------------- helpers --

std::string canonical_dyad(const std::string& dyad) {
  auto code = [](std::string s) {
    if (s.size() != 3) return std::string();
    for (char& c : s) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (c < 'A' || c > 'Z') return std::string();
    }
    return s;
  };
  const size_t dash = dyad.find('-');
  if (dash == std::string::npos) throw QueryError("dyad must be two ISO 3166-1 alpha-3 codes like VNM-LAO, got '" + dyad + "'");
  const std::string a = code(dyad.substr(0, dash));
  const std::string b = code(dyad.substr(dash + 1));
  if (a.empty() || b.empty() || a == b)
    throw QueryError("dyad must be two different ISO 3166-1 alpha-3 codes like VNM-LAO, got '" + dyad + "'");
  return a < b ? a + "-" + b : b + "-" + a;
}

std::string site_of(const std::string& url) {
  size_t b = url.find("://");
  if (b == std::string::npos) return {};
  b += 3;
  size_t e = url.find_first_of("/?#", b);
  std::string host = url.substr(b, e == std::string::npos ? std::string::npos : e - b);
  if (auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (auto colon = host.find(':'); colon != std::string::npos) host = host.substr(0, colon);
  for (char& c : host)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

namespace detail {

std::string now_utc() {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t pragma_int(const Db& db, const char* sql) {
  Stmt s(db, sql);
  return s.step() ? s.i64(0) : 0;
}

Event read_event(const Stmt& s, int c) {
  Event e;
  e.date.start = s.str(c);
  e.date.end = s.str(c + 1);
  e.date.precision = s.str(c + 2);
  e.cameo = s.str(c + 3);
  e.actor1 = {s.opt(c + 4), s.opt(c + 5), s.opt(c + 6)};
  e.actor2 = {s.opt(c + 7), s.opt(c + 8), s.opt(c + 9)};
  if (!s.is_null(c + 10)) {
    e.mechanism = Mechanism{s.str(c + 10), std::nullopt};
    if (!s.is_null(c + 11)) e.mechanism->session = static_cast<int>(s.i64(c + 11));
  }
  e.location = s.opt(c + 12);
  e.status = s.str(c + 13);
  e.line = static_cast<uint32_t>(s.i64(c + 14));
  e.span = {static_cast<uint32_t>(s.i64(c + 15)), static_cast<uint32_t>(s.i64(c + 16))};
  return e;
}

std::vector<LoadedEventMention> load_block(const Db& db, const std::string& block) {
  Stmt& s = db.cached(fmt::format("SELECT m.id, coalesce(m.event, 0), m.doc, d.hash, coalesce(d.published, ''), "
                         "coalesce(d.site, ''), m.idx, {} FROM event_mentions m JOIN documents d ON d.id = m.doc "
                         "WHERE m.block = ?1 ORDER BY m.id",
                         "m.date_start, m.date_end, m.precision, m.cameo, m.actor1_country, m.actor1_person, "
                         "m.actor1_role, m.actor2_country, m.actor2_person, m.actor2_role, m.mechanism, m.session, "
                         "m.location, m.status, m.line, m.span_begin, m.span_end"));
  s.bind(1, block);
  std::vector<LoadedEventMention> out;
  while (s.step()) {
    LoadedEventMention l;
    l.id = s.i64(0);
    l.event = s.i64(1);
    l.doc = s.i64(2);
    l.m.doc = s.str(3);
    l.m.published = s.str(4);
    l.site = s.str(5);
    l.m.index = static_cast<uint32_t>(s.i64(6));
    l.m.event = read_event(s, 7);
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<LoadedFigureMention> load_figure(const Db& db, const std::string& key) {
  Stmt& s = db.cached(
         "SELECT m.id, coalesce(m.figure, 0), m.grp, m.doc, d.hash, coalesce(d.published, ''), m.idx, m.indicator, "
         "m.value, m.unit, m.measure, m.approx, m.period_start, m.period_end, m.from_country, m.to_country, m.line, "
         "m.span_begin, m.span_end FROM figure_mentions m JOIN documents d ON d.id = m.doc WHERE m.key = ?1 "
         "ORDER BY m.id");
  s.bind(1, key);
  std::vector<LoadedFigureMention> out;
  while (s.step()) {
    LoadedFigureMention l;
    l.id = s.i64(0);
    l.figure = s.i64(1);
    l.grp = s.i64(2);
    l.doc = s.i64(3);
    l.m.doc = s.str(4);
    l.m.published = s.str(5);
    l.m.index = static_cast<uint32_t>(s.i64(6));
    Figure& f = l.m.figure;
    f.indicator = s.str(7);
    f.value = s.f64(8);
    f.unit = s.str(9);
    f.measure = s.str(10);
    f.approx = s.str(11);
    f.period_start = s.opt(12);
    f.period_end = s.opt(13);
    f.from = s.opt(14);
    f.to = s.opt(15);
    f.line = static_cast<uint32_t>(s.i64(16));
    f.span = {static_cast<uint32_t>(s.i64(17)), static_cast<uint32_t>(s.i64(18))};
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace detail

std::string Store::content_hash(const Document& doc) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  bool any = false;
  for (size_t i = 0; i < doc.lines.size() && i < doc.is_content.size(); ++i) {
    if (!doc.is_content[i]) continue;
    const auto l = doc.line(i);
    EVP_DigestUpdate(ctx, l.data(), l.size());
    EVP_DigestUpdate(ctx, "\n", 1);
    any = true;
  }
  if (!any) EVP_DigestUpdate(ctx, doc.text.data(), doc.text.size());
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx, md, &n);
  EVP_MD_CTX_free(ctx);
  std::string hex;
  for (unsigned i = 0; i < n; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

// ---------------------------------------------------------------- merge --

namespace {

void remerge_block(Db& db, const merge::CameoTable& cameo, const std::string& block) {
  auto loaded = detail::load_block(db, block);
  std::vector<merge::EventMention> ms;
  ms.reserve(loaded.size());
  for (const auto& l : loaded) ms.push_back(l.m);
  const auto clusters = merge::cluster_events(ms, cameo);
  std::vector<std::vector<int64_t>> old_ids;
  for (const auto& c : clusters) {
    std::vector<int64_t> ids;
    for (size_t i : c) ids.push_back(loaded[i].event);
    old_ids.push_back(std::move(ids));
  }
  const auto keep = merge::keep_ids(old_ids);

  // Events of this block that no cluster continues are gone.
  std::set<int64_t> kept(keep.begin(), keep.end());
  {
    Stmt& old = db.cached("SELECT id FROM events WHERE block = ?1");
    old.bind(1, block);
    std::vector<int64_t> drop;
    while (old.step())
      if (!kept.count(old.i64(0))) drop.push_back(old.i64(0));
    Stmt& del = db.cached("DELETE FROM events WHERE id = ?1");
    Stmt& unlink = db.cached("UPDATE event_mentions SET event = NULL WHERE event = ?1");
    for (int64_t id : drop) {
      unlink.bind(1, id).run();
      del.bind(1, id).run();
    }
  }

  static constexpr const char* kValues =
      "block = ?1, dyad = ?2, date_start = ?3, date_end = ?4, precision = ?5, day_first = ?6, day_last = ?7, "
      "cameo = ?8, actor1_country = ?9, actor1_person = ?10, actor1_role = ?11, actor2_country = ?12, "
      "actor2_person = ?13, actor2_role = ?14, mechanism = ?15, session = ?16, location = ?17, status = ?18, "
      "line = ?19, span_begin = ?20, span_end = ?21, mentions = ?22, documents = ?23, sites = ?24, first_doc = ?25, "
      "first_line = ?26";
  Stmt& update = db.cached(fmt::format("UPDATE events SET {} WHERE id = ?27", kValues));
  Stmt& insert = db.cached(
              "INSERT INTO events(block, dyad, date_start, date_end, precision, day_first, day_last, cameo, "
              "actor1_country, actor1_person, actor1_role, actor2_country, actor2_person, actor2_role, mechanism, "
              "session, location, status, line, span_begin, span_end, mentions, documents, sites, first_doc, "
              "first_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
              "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)");
  Stmt& link = db.cached("UPDATE event_mentions SET event = ?1 WHERE id = ?2");
  // An event whose mentions are the same as before is the same event: only
  // clusters that changed are written.
  std::map<int64_t, std::vector<int64_t>> before;
  for (const auto& l : loaded)
    if (l.event) before[l.event].push_back(l.id);
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (keep[c]) {
      std::vector<int64_t> now;
      for (size_t i : clusters[c]) now.push_back(loaded[i].id);
      std::sort(now.begin(), now.end());
      if (before[keep[c]] == now) continue;
    }
    std::vector<const merge::EventMention*> members;
    std::set<int64_t> docs;
    std::set<std::string> sites;
    const detail::LoadedEventMention* first = nullptr;
    for (size_t i : clusters[c]) {
      const auto& l = loaded[i];
      members.push_back(&l.m);
      docs.insert(l.doc);
      sites.insert(l.site.empty() ? fmt::format("#{}", l.doc) : l.site);
      // The first source: earliest published, then by content hash.
      auto key = [](const detail::LoadedEventMention& x) {
        return std::make_tuple(x.m.published.empty() ? std::string("~") : x.m.published, x.m.doc, x.m.index);
      };
      if (!first || key(l) < key(*first)) first = &l;
    }
    const Event e = merge::summarize(members);
    const merge::Days days = merge::days_of(e.date.start, e.date.end);
    Stmt& s = keep[c] ? update : insert;
    s.bind(1, block).bind(2, merge::dyad_of(e)).bind(3, e.date.start).bind(4, e.date.end).bind(5, e.date.precision);
    s.bind(6, days.first).bind(7, days.last).bind(8, e.cameo);
    s.bind(9, e.actor1.country).bind(10, e.actor1.person).bind(11, e.actor1.role);
    s.bind(12, e.actor2.country).bind(13, e.actor2.person).bind(14, e.actor2.role);
    if (e.mechanism) {
      s.bind(15, e.mechanism->name);
      if (e.mechanism->session) s.bind(16, *e.mechanism->session);
      else s.bind_null(16);
    } else {
      s.bind_null(15).bind_null(16);
    }
    s.bind(17, e.location).bind(18, e.status).bind(19, e.line).bind(20, e.span.begin).bind(21, e.span.end);
    s.bind(22, clusters[c].size()).bind(23, docs.size()).bind(24, sites.size());
    s.bind(25, first->doc).bind(26, first->m.event.line);
    int64_t id = keep[c];
    if (id) {
      s.bind(27, id).run();
    } else {
      s.run();
      id = db.last_id();
    }
    for (size_t i : clusters[c])
      if (loaded[i].event != id) link.bind(1, id).bind(2, loaded[i].id).run();
  }
}

void remerge_figure(Db& db, const std::string& key) {
  const auto loaded = detail::load_figure(db, key);
  if (loaded.empty()) return;
  std::vector<merge::FigureMention> ms;
  for (const auto& l : loaded) ms.push_back(l.m);
  const merge::FigureValues v = merge::merge_values(ms);
  const Figure& f = loaded.front().m.figure;
  const merge::Days days = merge::days_of(f.period_start.value_or(""), f.period_end.value_or(""));
  std::set<int64_t> docs;
  for (const auto& l : loaded) docs.insert(l.doc);
  // The dyad is the key's first field.
  const std::string dyad = key.rfind("doc:", 0) == 0 ? std::string() : key.substr(0, key.find('|'));
  Stmt& up = db.cached(
          "INSERT INTO figures(key, dyad, indicator, unit, measure, period_start, period_end, day_first, day_last, "
          "from_country, to_country, value, approx, conflict, mentions, documents) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
          "approx = excluded.approx, conflict = excluded.conflict, mentions = excluded.mentions, "
          "documents = excluded.documents");
  up.bind(1, key);
  if (dyad.empty()) up.bind_null(2);
  else up.bind(2, dyad);
  up.bind(3, f.indicator).bind(4, f.unit).bind(5, f.measure).bind(6, f.period_start).bind(7, f.period_end);
  if (days.valid()) up.bind(8, days.first).bind(9, days.last);
  else up.bind_null(8).bind_null(9);
  up.bind(10, f.from).bind(11, f.to).bind(12, v.groups[0].value).bind(13, v.groups[0].approx);
  up.bind(14, v.conflict ? 1 : 0).bind(15, loaded.size()).bind(16, docs.size()).run();
  Stmt& id_of = db.cached("SELECT id FROM figures WHERE key = ?1");
  id_of.bind(1, key);
  if (!id_of.step()) db.fail("figure vanished");
  const int64_t id = id_of.i64(0);
  id_of.reset();
  Stmt& clear = db.cached("DELETE FROM figure_values WHERE figure = ?1");
  clear.bind(1, id).run();
  Stmt& add = db.cached("INSERT INTO figure_values(figure, grp, value, approx, mentions, documents) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  Stmt& link = db.cached("UPDATE figure_mentions SET figure = ?1, grp = ?2 WHERE id = ?3");
  for (size_t g = 0; g < v.groups.size(); ++g) {
    const auto& grp = v.groups[g];
    add.bind(1, id).bind(2, g).bind(3, grp.value).bind(4, grp.approx).bind(5, grp.members.size()).bind(6, grp.documents).run();
    for (size_t i : grp.members)
      if (loaded[i].figure != id || loaded[i].grp != static_cast<int64_t>(g)) link.bind(1, id).bind(2, g).bind(3, loaded[i].id).run();
  }
}

// Agreements and projects: one row per key; the summary is recomputed from
// every mention of the key.
void remerge_agreement(Db& db, int64_t id) {
  Stmt& s = db.cached("SELECT m.name, m.doc FROM agreement_mentions m WHERE m.agreement = ?1");
  s.bind(1, id);
  std::vector<std::string> names;
  std::set<int64_t> docs;
  while (s.step()) {
    names.push_back(s.str(0));
    docs.insert(s.i64(1));
  }
  Stmt& u = db.cached("UPDATE agreements SET name = ?1, mentions = ?2, documents = ?3 WHERE id = ?4");
  u.bind(1, mode(names).value_or("")).bind(2, names.size()).bind(3, docs.size()).bind(4, id).run();
}

void remerge_project(Db& db, int64_t id) {
  Stmt& s = db.cached(
         "SELECT m.name, m.location, m.status, m.doc, coalesce(d.published, ''), d.hash FROM project_mentions m "
         "JOIN documents d ON d.id = m.doc WHERE m.project = ?1");
  s.bind(1, id);
  std::vector<std::string> names, locations;
  std::set<int64_t> docs;
  std::tuple<std::string, std::string> latest;
  std::optional<std::string> status;
  size_t n = 0;
  while (s.step()) {
    ++n;
    names.push_back(s.str(0));
    if (!s.is_null(1)) locations.push_back(s.str(1));
    docs.insert(s.i64(3));
    // A project moves on (planned -> in progress -> completed): the latest
    // article that states a status tells where it stands.
    if (!s.is_null(2)) {
      auto key = std::make_tuple(s.str(4), s.str(5));
      if (!status || key > latest) {
        latest = key;
        status = s.str(2);
      }
    }
  }
  Stmt& u = db.cached("UPDATE projects SET name = ?1, location = ?2, status = ?3, mentions = ?4, documents = ?5 WHERE id = ?6");
  u.bind(1, mode(names).value_or("")).bind(2, mode(locations)).bind(3, status).bind(4, n).bind(5, docs.size());
  u.bind(6, id).run();
}

int64_t upsert_key(Db& db, const char* table, const std::string& key, const std::string& dyad,
                   const std::function<void(Stmt&)>& bind_rest, const char* insert_sql) {
  Stmt& find = db.cached(fmt::format("SELECT id FROM {} WHERE key = ?1", table));
  find.bind(1, key);
  if (find.step()) {
    const int64_t id = find.i64(0);
    find.reset();
    return id;
  }
  Stmt& ins = db.cached(insert_sql);
  ins.bind(1, key);
  if (dyad.empty()) ins.bind_null(2);
  else ins.bind(2, dyad);
  bind_rest(ins);
  ins.run();
  return db.last_id();
}

}  // namespace

// ----------------------------------------------------------------- add --

Store::Added Store::add(const Document& doc, const std::string& dyad_hint) {
  if (impl_->read_only) throw StoreError("the database is open read-only");
  // A document goes in whole or not at all, even inside a larger transaction.
  impl_->db.exec("SAVEPOINT add_document");
  try {
    const Added a = add_document(doc, dyad_hint);
    impl_->db.exec("RELEASE add_document");
    return a;
  } catch (...) {
    impl_->db.exec("ROLLBACK TO add_document; RELEASE add_document");
    throw;
  }
}

Store::Added Store::add_document(const Document& doc, const std::string& dyad_hint) {
  Db& db = impl_->db;
  const std::string hash = content_hash(doc);
  const std::string now = now_utc();
  {
    Stmt& find = db.cached("SELECT id FROM documents WHERE hash = ?1");
    find.bind(1, hash);
    if (find.step()) {
      const int64_t existing = find.i64(0);
      find.reset();
      Stmt& copy = db.cached("INSERT OR IGNORE INTO copies(doc, origin, url, seen_at) VALUES (?1, ?2, ?3, ?4)");
      copy.bind(1, existing).bind(2, doc.origin);
      if (doc.meta.url.empty()) copy.bind_null(3);
      else copy.bind(3, doc.meta.url);
      copy.bind(4, now).run();
      return Added::Duplicate;
    }
  }
  const Record& r = doc.record;
  const std::string dyad = document_dyad(r, dyad_hint);
  std::optional<std::string> title;
  if (doc.title_line && *doc.title_line >= 1 && *doc.title_line <= doc.lines.size())
    title = std::string(doc.line(*doc.title_line - 1));
  else if (!doc.meta.title.empty())
    title = doc.meta.title;
  auto nonempty = [](const std::string& s) { return s.empty() ? std::optional<std::string>() : std::optional(s); };

  Stmt& ins = db.cached(
           "INSERT INTO documents(hash, doc_id, origin, url, site, title, title_line, published, published_precision, "
           "dyad, line_count, replaced_bytes, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  ins.bind(1, hash).bind(2, doc.id).bind(3, doc.origin).bind(4, nonempty(doc.meta.url));
  ins.bind(5, nonempty(site_of(doc.meta.url))).bind(6, title);
  if (doc.title_line) ins.bind(7, *doc.title_line);
  else ins.bind_null(7);
  if (doc.published) ins.bind(8, doc.published->value).bind(9, doc.published->precision);
  else ins.bind_null(8).bind_null(9);
  ins.bind(10, nonempty(dyad)).bind(11, doc.lines.size()).bind(12, doc.replaced_bytes).bind(13, now).run();
  const int64_t id = db.last_id();
  {
    Stmt& copy = db.cached("INSERT INTO copies(doc, origin, url, seen_at) VALUES (?1, ?2, ?3, ?4)");
    copy.bind(1, id).bind(2, doc.origin).bind(3, nonempty(doc.meta.url)).bind(4, now).run();
  }

  // Lines; the article's lines go into the full-text index (all lines when
  // none was found), without marks so that 'hoa binh' finds 'hòa bình'.
  bool has_content = false;
  for (size_t i = 0; i < doc.is_content.size() && i < doc.lines.size(); ++i) has_content = has_content || doc.is_content[i];
  Stmt& line = db.cached("INSERT INTO lines(doc, n, kind, indexed, text) VALUES (?1, ?2, ?3, ?4, ?5)");
  Stmt& fts = db.cached("INSERT INTO lines_fts(rowid, text) VALUES (?1, ?2)");
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const bool article = i < doc.is_content.size() && doc.is_content[i];
    const bool teaser = i < doc.is_teaser.size() && doc.is_teaser[i];
    const std::string_view text = doc.line(i);
    const bool indexed = (article || !has_content) && !text.empty();
    line.bind(1, id).bind(2, i + 1).bind(3, article ? "article" : teaser ? "teaser" : "other");
    line.bind(4, indexed ? 1 : 0).bind(5, text).run();
    if (indexed) fts.bind(1, db.last_id()).bind(2, normalize::strip_marks(text)).run();
  }

  // Events: stored as mentions, then every block they fall in is merged again.
  std::set<std::string> blocks;
  {
    Stmt& m = db.cached(
           "INSERT INTO event_mentions(doc, idx, block, date_start, date_end, precision, cameo, actor1_country, "
           "actor1_person, actor1_role, actor2_country, actor2_person, actor2_role, mechanism, session, location, "
           "status, line, span_begin, span_end, rule, person1_key, person2_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
           "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)");
    for (size_t i = 0; i < r.events.size(); ++i) {
      const Event& e = r.events[i];
      const std::string block = merge::block_of(e);
      blocks.insert(block);
      m.bind(1, id).bind(2, i).bind(3, block).bind(4, e.date.start).bind(5, e.date.end).bind(6, e.date.precision);
      m.bind(7, e.cameo).bind(8, e.actor1.country).bind(9, e.actor1.person).bind(10, e.actor1.role);
      m.bind(11, e.actor2.country).bind(12, e.actor2.person).bind(13, e.actor2.role);
      if (e.mechanism) {
        m.bind(14, e.mechanism->name);
        if (e.mechanism->session) m.bind(15, *e.mechanism->session);
        else m.bind_null(15);
      } else {
        m.bind_null(14).bind_null(15);
      }
      m.bind(16, e.location).bind(17, e.status).bind(18, e.line).bind(19, e.span.begin).bind(20, e.span.end);
      m.bind(21, nonempty(e.rule)).bind(22, person_key(e.actor1)).bind(23, person_key(e.actor2)).run();
    }
  }
  for (const auto& b : blocks) remerge_block(db, cameo_, b);

  std::set<std::string> keys;
  {
    Stmt& m = db.cached(
           "INSERT INTO figure_mentions(doc, idx, key, indicator, value, unit, measure, approx, period_start, "
           "period_end, from_country, to_country, line, span_begin, span_end, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
           "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    for (size_t i = 0; i < r.figures.size(); ++i) {
      const Figure& f = r.figures[i];
      std::string key = merge::figure_key(f, dyad);
      if (key.empty()) key = fmt::format("doc:{}:{}", hash, i);  // cannot merge safely: stands alone
      keys.insert(key);
      m.bind(1, id).bind(2, i).bind(3, key).bind(4, f.indicator).bind(5, f.value).bind(6, f.unit).bind(7, f.measure);
      m.bind(8, f.approx).bind(9, f.period_start).bind(10, f.period_end).bind(11, f.from).bind(12, f.to);
      m.bind(13, f.line).bind(14, f.span.begin).bind(15, f.span.end).bind(16, nonempty(f.rule)).run();
    }
  }
  for (const auto& k : keys) remerge_figure(db, k);

  {
    std::set<int64_t> touched;
    Stmt& m = db.cached(
           "INSERT INTO agreement_mentions(agreement, doc, idx, name, kind, period_start, period_end, line, span_begin, "
           "span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (size_t i = 0; i < r.agreements.size(); ++i) {
      const Agreement& a = r.agreements[i];
      const int64_t aid = upsert_key(
          db, "agreements", merge::agreement_key(a, dyad), dyad,
          [&](Stmt& s) { s.bind(3, a.name).bind(4, a.kind).bind(5, a.period_start).bind(6, a.period_end); },
          "INSERT INTO agreements(key, dyad, name, kind, period_start, period_end, mentions, documents) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0)");
      touched.insert(aid);
      m.bind(1, aid).bind(2, id).bind(3, i).bind(4, a.name).bind(5, a.kind).bind(6, a.period_start);
      m.bind(7, a.period_end).bind(8, a.line).bind(9, a.span.begin).bind(10, a.span.end).run();
    }
    for (int64_t a : touched) remerge_agreement(db, a);
  }
  {
    std::set<int64_t> touched;
    Stmt& m = db.cached(
           "INSERT INTO project_mentions(project, doc, idx, name, location, status, line, span_begin, span_end) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (size_t i = 0; i < r.projects.size(); ++i) {
      const Project& p = r.projects[i];
      const int64_t pid = upsert_key(
          db, "projects", merge::project_key(p, dyad), dyad, [&](Stmt& s) { s.bind(3, p.name); },
          "INSERT INTO projects(key, dyad, name, mentions, documents) VALUES (?1, ?2, ?3, 0, 0)");
      touched.insert(pid);
      m.bind(1, pid).bind(2, id).bind(3, i).bind(4, p.name).bind(5, p.location).bind(6, p.status).bind(7, p.line);
      m.bind(8, p.span.begin).bind(9, p.span.end).run();
    }
    for (int64_t p : touched) remerge_project(db, p);
  }
  return Added::New;
}

// --------------------------------------------------------------- check --

Counts Store::counts() const {
  const Db& db = impl_->db;
  Counts c;
  c.documents = static_cast<size_t>(pragma_int(db, "SELECT count(*) FROM documents"));
  c.events = static_cast<size_t>(pragma_int(db, "SELECT count(*) FROM events"));
  c.event_mentions = static_cast<size_t>(pragma_int(db, "SELECT count(*) FROM event_mentions"));
  c.figures = static_cast<size_t>(pragma_int(db, "SELECT count(*) FROM figures"));
  c.agreements = static_cast<size_t>(pragma_int(db, "SELECT count(*) FROM agreements"));
  c.projects = static_cast<size_t>(pragma_int(db, "SELECT count(*) FROM projects"));
  c.lines = static_cast<size_t>(pragma_int(db, "SELECT count(*) FROM lines"));
  return c;
}

std::vector<std::string> Store::check() const {
  const Db& db = impl_->db;
  std::vector<std::string> problems;
  {
    Stmt s(db, "PRAGMA integrity_check");
    while (s.step())
      if (s.str(0) != "ok") problems.push_back("integrity_check: " + s.str(0));
  }
  // Rows that must not exist: each query names the offending rows.
  static constexpr std::pair<const char*, const char*> kRules[] = {
      {"document whose line count differs from its lines",
       "SELECT d.id FROM documents d WHERE d.line_count != (SELECT count(*) FROM lines l WHERE l.doc = d.id)"},
      {"document seen nowhere (no copy)", "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM copies c WHERE c.doc = d.id)"},
      {"line of no document", "SELECT l.id FROM lines l WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = l.doc)"},
      {"event mention not merged", "SELECT m.id FROM event_mentions m WHERE m.event IS NULL OR NOT EXISTS "
                                   "(SELECT 1 FROM events e WHERE e.id = m.event)"},
      {"event mention of no document", "SELECT m.id FROM event_mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.doc)"},
      {"event mention in another block than its event",
       "SELECT m.id FROM event_mentions m JOIN events e ON e.id = m.event WHERE e.block != m.block"},
      {"event whose counts differ from its mentions",
       "SELECT e.id FROM events e WHERE e.mentions != (SELECT count(*) FROM event_mentions m WHERE m.event = e.id) "
       "OR e.documents != (SELECT count(DISTINCT m.doc) FROM event_mentions m WHERE m.event = e.id) OR e.mentions = 0"},
      {"figure mention not merged", "SELECT m.id FROM figure_mentions m WHERE m.figure IS NULL OR NOT EXISTS "
                                    "(SELECT 1 FROM figures f WHERE f.id = m.figure AND f.key = m.key)"},
      {"figure whose counts differ from its mentions",
       "SELECT f.id FROM figures f WHERE f.mentions != (SELECT count(*) FROM figure_mentions m WHERE m.figure = f.id) "
       "OR f.mentions = 0 OR f.mentions != (SELECT coalesce(sum(v.mentions), 0) FROM figure_values v WHERE v.figure = f.id)"},
      {"figure mention in no value group",
       "SELECT m.id FROM figure_mentions m WHERE NOT EXISTS (SELECT 1 FROM figure_values v WHERE v.figure = m.figure "
       "AND v.grp = m.grp)"},
      {"agreement whose counts differ from its mentions",
       "SELECT a.id FROM agreements a WHERE a.mentions != (SELECT count(*) FROM agreement_mentions m WHERE m.agreement = a.id) "
       "OR a.mentions = 0"},
      {"project whose counts differ from its mentions",
       "SELECT p.id FROM projects p WHERE p.mentions != (SELECT count(*) FROM project_mentions m WHERE m.project = p.id) "
       "OR p.mentions = 0"},
      {"agreement or project mention of no document",
       "SELECT m.id FROM agreement_mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.doc) UNION ALL "
       "SELECT m.id FROM project_mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.doc)"},
  };
  for (const auto& [what, sql] : kRules) {
    Stmt s(db, sql);
    std::vector<int64_t> ids;
    while (s.step())
      if (ids.size() < 5) ids.push_back(s.i64(0));
    if (!ids.empty()) problems.push_back(fmt::format("{}: {}", what, fmt::join(ids, ", ")));
  }
  {
    const int64_t lines = pragma_int(db, "SELECT count(*) FROM lines WHERE indexed = 1");
    const int64_t fts = pragma_int(db, "SELECT count(*) FROM lines_fts");
    if (lines != fts) problems.push_back(fmt::format("full-text index holds {} lines, {} are indexed", fts, lines));
  }
  // The stored merge must be what merging the stored mentions gives now.
  {
    Stmt blocks(db, "SELECT DISTINCT block FROM event_mentions ORDER BY block");
    while (blocks.step()) {
      const std::string block = blocks.str(0);
      const auto loaded = detail::load_block(db, block);
      std::vector<merge::EventMention> ms;
      for (const auto& l : loaded) ms.push_back(l.m);
      std::set<std::set<int64_t>> fresh, stored;
      for (const auto& c : merge::cluster_events(ms, cameo_)) {
        std::set<int64_t> ids;
        for (size_t i : c) ids.insert(loaded[i].id);
        fresh.insert(ids);
      }
      std::map<int64_t, std::set<int64_t>> by_event;
      for (const auto& l : loaded) by_event[l.event].insert(l.id);
      for (auto& [ev, ids] : by_event) stored.insert(ids);
      if (fresh != stored) problems.push_back("events of block " + block + " differ from a fresh merge");
    }
  }
  {
    Stmt figs(db, "SELECT id, key, conflict, value FROM figures ORDER BY id");
    while (figs.step()) {
      const auto loaded = detail::load_figure(db, figs.str(1));
      std::vector<merge::FigureMention> ms;
      for (const auto& l : loaded) ms.push_back(l.m);
      if (ms.empty()) continue;  // reported above
      const auto v = merge::merge_values(ms);
      if (v.conflict != (figs.i64(2) != 0) || v.groups[0].value != figs.f64(3))
        problems.push_back(fmt::format("figure {} differs from a fresh merge", figs.i64(0)));
    }
  }
  return problems;
}

}  // namespace mekong::store
