// Loads lexicon/*.tsv (formats in lexicon/README.md). Loading never stops at
// a bad line: it skips it and records a Problem, so the pipeline runs with
// what is usable and `mekong lexicon check` can list every problem at once.
#include "recognize/lexicon.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "normalize/normalize.h"
#include "recognize/key.h"

namespace mekong::recognize {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    const size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Items of a '|'-separated list, trimmed, empty ones dropped.
std::vector<std::string> list_of(std::string_view field) {
  std::vector<std::string> out;
  if (trim(field).empty()) return out;
  for (auto part : split(field, '|')) {
    part = trim(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

std::string nfc(std::string_view s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(st);
  if (U_FAILURE(st)) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (n->isNormalized(u, st) && U_SUCCESS(st)) return std::string(s);
  st = U_ZERO_ERROR;
  icu::UnicodeString out = n->normalize(u, st);
  if (U_FAILURE(st)) return std::string(s);
  std::string r;
  out.toUTF8String(r);
  return r;
}

bool days_ok(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

bool is_code(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool is_cameo(std::string_view s) {
  return (s.size() == 2 || s.size() == 3 || s.size() == 4) &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <typename T>
bool one_of(std::string_view s, std::initializer_list<T> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

}  // namespace

std::optional<Date> Date::parse(std::string_view iso) {
  iso = trim(iso);
  auto digits = [&](size_t at, size_t n, int& out) {
    if (iso.size() < at + n) return false;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      v = v * 10 + (iso[i] - '0');
    }
    out = v;
    return true;
  };
  Date d;
  if (!digits(0, 4, d.year) || d.year == 0) return std::nullopt;
  d.month = 1;
  d.day = 1;
  if (iso.size() == 4) return d;
  if (iso[4] != '-' || !digits(5, 2, d.month) || d.month < 1 || d.month > 12) return std::nullopt;
  if (iso.size() == 7) return d;
  if (iso[7] != '-' || !digits(8, 2, d.day) || !days_ok(d.year, d.month, d.day)) return std::nullopt;
  if (iso.size() == 10 || iso[10] == 'T' || iso[10] == ' ') return d;
  return std::nullopt;
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::Country: return "country";
    case Kind::Person: return "person";
    case Kind::Title: return "title";
    case Kind::Place: return "place";
    case Kind::Mechanism: return "mechanism";
    case Kind::Action: return "action";
    case Kind::Cue: return "cue";
    case Kind::Indicator: return "indicator";
    case Kind::AgreementKind: return "agreement_kind";
    case Kind::ProjectKind: return "project_kind";
    case Kind::ProjectStatus: return "project_status";
  }
  return "?";
}

std::string match_key(std::string_view phrase) {
  std::string key;
  detail::build_key(normalize::fold(phrase), key, nullptr, true);
  return key;
}

// Fills a Lexicon file by file; friend of Lexicon.
class LexiconLoader {
 public:
  explicit LexiconLoader(Lexicon& lex) : lex_(lex) {}

  bool run(std::string* error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(lex_.dir_, ec)) {
      if (error) *error = "lexicon folder not found: " + lex_.dir_;
      return false;
    }
    if (!read("countries.tsv", [this](auto& f, size_t n) { country(f, n); })) {
      if (error) *error = "cannot read " + (fs::path(lex_.dir_) / "countries.tsv").string();
      return false;
    }
    read("offices.tsv", [this](auto& f, size_t n) { office(f, n); });
    read("titles.tsv", [this](auto& f, size_t n) { title(f, n); });
    office_titles();
    read("persons.tsv", [this](auto& f, size_t n) { person(f, n); });
    // Generated persons and terms (lexicon/tools/gen_persons.py), when present:
    // after the hand-kept files, which the generator leaves out.
    read("persons_gen.tsv", [this](auto& f, size_t n) { person(f, n); }, /*required=*/false);
    read("terms.tsv", [this](auto& f, size_t n) { term(f, n); });
    read("terms_gen.tsv", [this](auto& f, size_t n) { term(f, n); }, /*required=*/false);
    check_terms();
    read("places.tsv", [this](auto& f, size_t n) { place(f, n); });
    check_places();
    read("mechanisms.tsv", [this](auto& f, size_t n) { mechanism(f, n); });
    read("actions.tsv", [this](auto& f, size_t n) { action(f, n); });
    read("cues.tsv", [this](auto& f, size_t n) { cue(f, n); });
    read("grammar.tsv", [this](auto& f, size_t n) { cue(f, n); }, /*required=*/false);
    read("indicators.tsv", [this](auto& f, size_t n) { indicator(f, n); });
    read("agreements.tsv", [this](auto& f, size_t n) { agreement(f, n); });
    read("projects.tsv", [this](auto& f, size_t n) { project(f, n); });
    read("project_status.tsv", [this](auto& f, size_t n) { project_status(f, n); });
    read("words.tsv", [this](auto& f, size_t n) { word(f, n); }, /*required=*/false);
    read("syllables.tsv", [this](auto& f, size_t n) { syllable(f, n); }, /*required=*/false);
    read("names.tsv", [this](auto& f, size_t n) { name(f, n); }, /*required=*/false);
    return true;
  }

 private:
  using Fields = std::vector<std::string>;

  Lexicon& lex_;
  std::string file_;
  // Where each pattern came from, and each (kind, key) -> pattern index.
  std::vector<std::string> origin_;
  std::map<std::pair<Kind, std::string>, std::vector<uint32_t>> by_key_;
  std::set<std::pair<std::string, std::string>> cue_seen_;  // (label, key)

  void problem(size_t line, bool error, std::string message) {
    lex_.problems_.push_back({file_, line, error, std::move(message)});
  }

  std::string where(size_t line) const { return fmt::format("{}:{}", file_, line); }

  bool read(const std::string& name, const std::function<void(Fields&, size_t)>& row, bool required = true) {
    file_ = name;
    std::ifstream in(std::filesystem::path(lex_.dir_) / name, std::ios::binary);
    if (!in) {
      if (required) problem(0, true, "missing file");
      return false;
    }
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (trim(line).empty() || line[0] == '#') continue;
      Fields fields;
      for (auto f : split(line, '\t')) fields.push_back(nfc(trim(f)));
      row(fields, n);
    }
    return true;
  }

  // Field i or "" when the line is shorter.
  static const std::string& at(const Fields& f, size_t i) {
    static const std::string empty;
    return i < f.size() ? f[i] : empty;
  }

  bool need(const Fields& f, size_t n, size_t line, std::string_view what) {
    for (size_t i = 0; i < n; ++i)
      if (at(f, i).empty()) {
        problem(line, true, fmt::format("needs {} (TAB-separated)", what));
        return false;
      }
    return true;
  }

  bool known_country(std::string_view code, size_t line, std::string_view what) {
    if (lex_.country_by_code_.count(std::string(code))) return true;
    problem(line, true, fmt::format("unknown country code '{}' in {}", code, what));
    return false;
  }

  std::optional<Date> date(std::string_view s, size_t line, std::string_view what) {
    auto d = Date::parse(s);
    if (!d) problem(line, true, fmt::format("bad {} date '{}' (YYYY-MM-DD, YYYY-MM or YYYY)", what, s));
    return d;
  }

  // Registers `alias` as a way to write entry `entry` of `kind`.
  void pattern(Kind kind, uint32_t entry, const std::string& alias, size_t line, bool cased, bool pair_only = false) {
    Pattern p;
    p.key = match_key(alias);
    if (p.key.empty()) {
      problem(line, true, fmt::format("'{}' has nothing to match", alias));
      return;
    }
    p.kind = kind;
    p.entry = entry;
    p.pair_only = pair_only;
    p.caps = cased ? detail::caps_signature(alias) : 0;
    auto& slot = by_key_[{kind, p.key}];
    for (uint32_t i : slot) {
      const Pattern& q = lex_.patterns_[i];
      if (q.entry == entry) return;  // another spelling of the same entry folds the same way
      if (kind == Kind::Cue) continue;  // one phrase may carry several cue labels
      if (same_meaning(kind, q.entry, entry)) {
        problem(line, false, fmt::format("'{}' repeats {}", alias, origin_[i]));
        return;
      }
      problem(line, true,
              fmt::format("'{}' already names another {} ({}, at {})", alias, kind_name(kind), entry_name(q), origin_[i]));
      return;
    }
    slot.push_back(static_cast<uint32_t>(lex_.patterns_.size()));
    lex_.patterns_.push_back(std::move(p));
    origin_.push_back(where(line));
  }

  // Two phrase entries that say the same thing (a repeated line).
  bool same_meaning(Kind kind, uint32_t a, uint32_t b) const {
    switch (kind) {
      case Kind::Action: {
        const Action &x = lex_.actions_[a], &y = lex_.actions_[b];
        return x.cameo == y.cameo && x.construction == y.construction && x.alternatives == y.alternatives;
      }
      case Kind::Indicator: {
        const Indicator &x = lex_.indicators_[a], &y = lex_.indicators_[b];
        return x.indicator == y.indicator && x.units == y.units && x.direction == y.direction;
      }
      case Kind::AgreementKind:
        return lex_.agreement_kinds_[a].kind == lex_.agreement_kinds_[b].kind &&
               lex_.agreement_kinds_[a].strong == lex_.agreement_kinds_[b].strong;
      case Kind::ProjectKind:
        return lex_.project_kinds_[a].kind == lex_.project_kinds_[b].kind &&
               lex_.project_kinds_[a].strong == lex_.project_kinds_[b].strong;
      case Kind::ProjectStatus:
        return lex_.project_statuses_[a].status == lex_.project_statuses_[b].status;
      default:
        return false;  // names: the same alias for two entries is always a conflict
    }
  }

  std::string entry_name(const Pattern& p) const {
    switch (p.kind) {
      case Kind::Country: return lex_.countries_[p.entry].code;
      case Kind::Person: return lex_.persons_[p.entry].name;
      case Kind::Title: return lex_.titles_[p.entry].text;
      case Kind::Place: return lex_.places_[p.entry].name;
      case Kind::Mechanism: return lex_.mechanisms_[p.entry].name;
      case Kind::Action: return lex_.actions_[p.entry].phrase;
      case Kind::Cue: return lex_.cues_[p.entry].label;
      case Kind::Indicator: return lex_.indicators_[p.entry].indicator;
      case Kind::AgreementKind: return lex_.agreement_kinds_[p.entry].kind;
      case Kind::ProjectKind: return lex_.project_kinds_[p.entry].kind;
      case Kind::ProjectStatus: return lex_.project_statuses_[p.entry].status;
    }
    return "?";
  }

  // --- countries.tsv: code alpha2 name name_en status aliases pair -----------
  void country(Fields& f, size_t line) {
    if (at(f, 0).empty() || at(f, 2).empty()) {
      problem(line, true, "needs code and name (TAB-separated)");
      return;
    }
    if (!is_code(f[0])) {
      problem(line, true, fmt::format("'{}' is not an ISO 3166-1 alpha-3 code", f[0]));
      return;
    }
    if (lex_.country_by_code_.count(f[0])) {
      problem(line, true, fmt::format("country {} listed twice", f[0]));
      return;
    }
    const auto idx = static_cast<uint32_t>(lex_.countries_.size());
    lex_.countries_.push_back({f[0], at(f, 1), f[2], at(f, 3), at(f, 4)});
    lex_.country_by_code_.emplace(f[0], idx);
    pattern(Kind::Country, idx, f[2], line, true);
    if (!at(f, 3).empty()) pattern(Kind::Country, idx, f[3], line, true);
    for (const auto& a : list_of(at(f, 5))) pattern(Kind::Country, idx, a, line, true);
    for (const auto& a : list_of(at(f, 6))) pattern(Kind::Country, idx, a, line, true, /*pair_only=*/true);
  }

  // --- offices.tsv: role rank holders joins english ------------------------
  void office(Fields& f, size_t line) {
    if (!need(f, 4, line, "role, rank, holders, joins")) return;
    Office o;
    o.role = f[0];
    try {
      size_t used = 0;
      o.rank = std::stoi(f[1], &used);
      if (used != f[1].size()) throw std::invalid_argument("rank");
    } catch (const std::exception&) {
      problem(line, true, fmt::format("rank '{}' is not a number", f[1]));
      return;
    }
    if (!one_of(f[2], {"one", "many"})) problem(line, true, fmt::format("holders is '{}', not one|many", f[2]));
    if (!one_of(f[3], {"yes", "no"})) problem(line, true, fmt::format("joins is '{}', not yes|no", f[3]));
    o.single = f[2] != "many";
    o.joins = f[3] != "no";
    o.english = at(f, 4);
    if (lex_.office_by_role_.count(o.role)) {
      problem(line, true, fmt::format("office '{}' listed twice", o.role));
      return;
    }
    lex_.office_by_role_.emplace(o.role, static_cast<uint32_t>(lex_.offices_.size()));
    lex_.offices_.push_back(std::move(o));
  }

  // --- titles.tsv: title offices(+) country flags ---------------------------
  void title(Fields& f, size_t line) {
    if (!need(f, 2, line, "title and office")) return;
    Title t;
    t.text = f[0];
    for (auto part : split(f[1], '+')) {
      const std::string role(trim(part));
      auto it = lex_.office_by_role_.find(role);
      if (it == lex_.office_by_role_.end()) {
        problem(line, true, fmt::format("unknown office '{}' (not in offices.tsv)", role));
        return;
      }
      t.offices.push_back(it->second);
    }
    t.country = at(f, 2);
    if (!t.country.empty() && !known_country(t.country, line, "title")) return;
    for (const auto& flag : list_of(at(f, 3))) {
      if (flag == "country") t.needs_country = true;
      else problem(line, false, fmt::format("unknown flag '{}'", flag));
    }
    t.role = lex_.join_roles(t.offices);
    // The same title written twice for the same office is harmless.
    auto it = by_key_.find({Kind::Title, match_key(t.text)});
    if (it != by_key_.end()) {
      const Title& other = lex_.titles_[lex_.patterns_[it->second.front()].entry];
      if (other.offices == t.offices && other.country == t.country) {
        problem(line, false, fmt::format("'{}' repeats {}", t.text, origin_[it->second.front()]));
        return;
      }
    }
    const auto idx = static_cast<uint32_t>(lex_.titles_.size());
    lex_.titles_.push_back(t);
    pattern(Kind::Title, idx, t.text, line, false);
  }

  // Every office's own role is a title, unless titles.tsv says how to read it.
  void office_titles() {
    file_ = "offices.tsv";
    for (uint32_t o = 0; o < lex_.offices_.size(); ++o) {
      const std::string key = match_key(lex_.offices_[o].role);
      if (by_key_.count({Kind::Title, key})) continue;
      Title t;
      t.text = lex_.offices_[o].role;
      t.offices = {o};
      t.role = t.text;
      const auto idx = static_cast<uint32_t>(lex_.titles_.size());
      lex_.titles_.push_back(t);
      pattern(Kind::Title, idx, t.text, 0, false);
    }
  }

  // --- persons.tsv: name country aliases note --------------------------------
  void person(Fields& f, size_t line) {
    if (!need(f, 2, line, "name and country")) return;
    if (!known_country(f[1], line, "person")) return;
    if (canonical_person_.count(f[0])) {
      problem(line, true, fmt::format("person '{}' listed twice", f[0]));
      return;
    }
    const auto idx = static_cast<uint32_t>(lex_.persons_.size());
    lex_.persons_.push_back({f[0], f[1], {}});
    canonical_person_.emplace(f[0], idx);
    std::vector<std::string> names{f[0]};
    for (auto& a : list_of(at(f, 2))) names.push_back(a);
    for (const auto& n : names) {
      const size_t before = lex_.patterns_.size();
      pattern(Kind::Person, idx, n, line, true);
      if (lex_.patterns_.size() > before) lex_.person_by_key_.emplace(lex_.patterns_.back().key, idx);
    }
  }

  std::unordered_map<std::string, uint32_t> canonical_person_;
  std::vector<size_t> term_line_;
  std::vector<std::string> term_file_;

  // --- terms.tsv: person office start end country at note -------------------
  void term(Fields& f, size_t line) {
    if (!need(f, 3, line, "person, office and start")) return;
    auto p = canonical_person_.find(f[0]);
    if (p == canonical_person_.end()) {
      problem(line, true, fmt::format("unknown person '{}' (canonical names of persons.tsv)", f[0]));
      return;
    }
    auto o = lex_.office_by_role_.find(f[1]);
    if (o == lex_.office_by_role_.end()) {
      problem(line, true, fmt::format("unknown office '{}' (not in offices.tsv)", f[1]));
      return;
    }
    Term t;
    t.person = p->second;
    t.office = o->second;
    auto start = date(f[2], line, "start");
    if (!start) return;
    t.start = *start;
    if (!at(f, 3).empty()) {
      auto end = date(f[3], line, "end");
      if (!end) return;
      if (*end <= t.start) {
        problem(line, true, fmt::format("ends ({}) before it starts ({})", f[3], f[2]));
        return;
      }
      t.end = end;
    }
    const std::string& c = at(f, 4);
    if (c == "-") t.country.clear();
    else if (c.empty()) t.country = lex_.persons_[t.person].country;
    else if (known_country(c, line, "term")) t.country = c;
    else return;
    t.at = at(f, 5);
    if (!t.at.empty() && !known_country(t.at, line, "term (at)")) return;
    const std::string& note = at(f, 6);
    t.approx = note.find("approx") != std::string::npos;
    lex_.persons_[t.person].terms.push_back(static_cast<uint32_t>(lex_.terms_.size()));
    lex_.terms_.push_back(t);
    term_line_.push_back(line);
    term_file_.push_back(file_);
  }

  static std::string span_text(const Term& t) {
    return t.start.iso() + ".." + (t.end ? t.end->iso() : std::string("now"));
  }

  // Overlapping terms of a single-holder office of one country; the same
  // person twice in one office at once.
  void check_terms() {
    file_ = "terms.tsv";
    auto overlap = [](const Term& a, const Term& b) {
      return (!a.end || b.start < *a.end) && (!b.end || a.start < *b.end);
    };
    std::map<std::tuple<uint32_t, std::string, std::string>, std::vector<uint32_t>> groups;
    for (uint32_t i = 0; i < lex_.terms_.size(); ++i) {
      const Term& t = lex_.terms_[i];
      groups[{t.office, t.country, t.at}].push_back(i);
    }
    for (auto& [k, ids] : groups) {
      const Office& office = lex_.offices_[std::get<0>(k)];
      for (size_t a = 0; a < ids.size(); ++a)
        for (size_t b = a + 1; b < ids.size(); ++b) {
          const Term& x = lex_.terms_[ids[a]];
          const Term& y = lex_.terms_[ids[b]];
          if (!overlap(x, y)) continue;
          if (x.person != y.person && !office.single) continue;
          file_ = term_file_[ids[b]];
          problem(term_line_[ids[b]], true,
                  fmt::format("{} {} {} overlaps {} {} ({}:{})", office.role, lex_.persons_[y.person].name,
                              span_text(y), lex_.persons_[x.person].name, span_text(x), term_file_[ids[a]],
                              term_line_[ids[a]]));
        }
    }
    for (auto& p : lex_.persons_)
      std::sort(p.terms.begin(), p.terms.end(),
                [&](uint32_t a, uint32_t b) { return lex_.terms_[a].start < lex_.terms_[b].start; });
    file_ = "persons.tsv";
    for (const auto& p : lex_.persons_)
      if (p.terms.empty()) problem(0, false, fmt::format("'{}' has no term in terms.tsv", p.name));
  }

  // --- places.tsv: name country kind aliases until merged_into ---------------
  std::vector<std::pair<uint32_t, size_t>> merged_check_;
  std::unordered_map<std::string, uint32_t> place_by_name_;

  void place(Fields& f, size_t line) {
    if (!need(f, 3, line, "name, country and kind")) return;
    if (!known_country(f[1], line, "place")) return;
    Place pl;
    pl.name = f[0];
    pl.country = f[1];
    if (f[2] == "capital") pl.kind = PlaceKind::Capital;
    else if (f[2] == "city") pl.kind = PlaceKind::City;
    else if (f[2] == "province") pl.kind = PlaceKind::Province;
    else if (f[2] == "region") pl.kind = PlaceKind::Region;
    else {
      problem(line, true, fmt::format("kind '{}' is not capital|city|province|region", f[2]));
      return;
    }
    if (!at(f, 4).empty()) {
      pl.until = date(f[4], line, "until");
      if (!pl.until) return;
    }
    pl.merged_into = at(f, 5);
    const auto idx = static_cast<uint32_t>(lex_.places_.size());
    lex_.places_.push_back(pl);
    place_by_name_.emplace(pl.name, idx);
    if (!pl.merged_into.empty()) merged_check_.emplace_back(idx, line);
    std::vector<std::string> names{f[0]};
    for (auto& a : list_of(at(f, 3))) names.push_back(a);
    for (const auto& n : names) {
      const size_t before = lex_.patterns_.size();
      pattern(Kind::Place, idx, n, line, true);
      if (lex_.patterns_.size() > before) lex_.place_by_key_.emplace(lex_.patterns_.back().key, idx);
    }
  }

  void check_places() {
    file_ = "places.tsv";
    for (auto [idx, line] : merged_check_)
      if (!place_by_name_.count(lex_.places_[idx].merged_into))
        problem(line, true, fmt::format("merged into unknown place '{}'", lex_.places_[idx].merged_into));
  }

  // --- mechanisms.tsv: name countries family aliases -------------------------
  void mechanism(Fields& f, size_t line) {
    if (!need(f, 1, line, "a name")) return;
    Mechanism m;
    m.name = f[0];
    if (at(f, 1) == "*") {
      m.many = true;
    } else {
      for (const auto& c : list_of(at(f, 1))) {
        if (!known_country(c, line, "mechanism")) return;
        m.countries.push_back(c);
      }
    }
    m.family = at(f, 2);
    if (m.countries.empty() && m.family.empty() && !m.many)
      problem(line, false, fmt::format("'{}' has neither countries nor a family", m.name));
    const auto idx = static_cast<uint32_t>(lex_.mechanisms_.size());
    lex_.mechanisms_.push_back(m);
    std::vector<std::string> names{f[0]};
    for (auto& a : list_of(at(f, 3))) names.push_back(a);
    for (const auto& n : names) {
      const size_t before = lex_.patterns_.size();
      pattern(Kind::Mechanism, idx, n, line, false);
      if (lex_.patterns_.size() > before) lex_.mechanism_by_key_.emplace(lex_.patterns_.back().key, idx);
    }
  }

  // --- actions.tsv: phrase cameo construction alternatives note -------------
  void action(Fields& f, size_t line) {
    if (!need(f, 3, line, "phrase, cameo and construction")) return;
    if (!is_cameo(f[1])) {
      problem(line, true, fmt::format("'{}' is not a CAMEO code", f[1]));
      return;
    }
    Action a{f[0], f[1], f[2], list_of(at(f, 3))};
    for (const auto& alt : a.alternatives)
      if (!is_cameo(alt)) problem(line, true, fmt::format("alternative '{}' is not a CAMEO code", alt));
    const auto idx = static_cast<uint32_t>(lex_.actions_.size());
    lex_.actions_.push_back(std::move(a));
    pattern(Kind::Action, idx, f[0], line, false);
  }

  // --- cues.tsv / grammar.tsv: label phrase ----------------------------------
  void cue(Fields& f, size_t line) {
    if (!need(f, 2, line, "label and phrase")) return;
    if (!cue_seen_.insert({f[0], match_key(f[1])}).second) return;  // both files may list a cue
    const auto idx = static_cast<uint32_t>(lex_.cues_.size());
    lex_.cues_.push_back({f[0], f[1]});
    pattern(Kind::Cue, idx, f[1], line, false);
  }

  // --- indicators.tsv: phrase indicator units direction ----------------------
  void indicator(Fields& f, size_t line) {
    if (!need(f, 2, line, "phrase and indicator")) return;
    if (!one_of(f[1], {"trade_turnover", "investment_registered", "investment_disbursed", "investment_projects",
                       "scholarships", "students", "aid", "exports", "imports", "other"})) {
      problem(line, true, fmt::format("unknown indicator '{}'", f[1]));
      return;
    }
    Indicator ind{f[0], f[1], list_of(at(f, 2)), at(f, 3).empty() ? std::string("none") : at(f, 3)};
    if (!one_of(ind.direction, {"none", "source", "origin"}))
      problem(line, true, fmt::format("direction '{}' is not none|source|origin", ind.direction));
    const auto idx = static_cast<uint32_t>(lex_.indicators_.size());
    lex_.indicators_.push_back(std::move(ind));
    pattern(Kind::Indicator, idx, f[0], line, false);
  }

  bool strength(const std::string& s, size_t line) {
    if (s.empty() || s == "weak") return false;
    if (s == "strong") return true;
    problem(line, true, fmt::format("strength '{}' is not strong|weak", s));
    return false;
  }

  // --- agreements.tsv: phrase kind strength -----------------------------------
  void agreement(Fields& f, size_t line) {
    if (!need(f, 2, line, "phrase and kind")) return;
    if (!one_of(f[1], {"agreement", "strategy", "mou", "protocol", "plan", "programme", "declaration"})) {
      problem(line, true, fmt::format("unknown agreement kind '{}'", f[1]));
      return;
    }
    const auto idx = static_cast<uint32_t>(lex_.agreement_kinds_.size());
    lex_.agreement_kinds_.push_back({f[0], f[1], strength(at(f, 2), line)});
    pattern(Kind::AgreementKind, idx, f[0], line, false);
  }

  // --- projects.tsv: phrase kind strength -------------------------------------
  void project(Fields& f, size_t line) {
    if (!need(f, 2, line, "phrase and kind")) return;
    const auto idx = static_cast<uint32_t>(lex_.project_kinds_.size());
    lex_.project_kinds_.push_back({f[0], f[1], strength(at(f, 2), line)});
    pattern(Kind::ProjectKind, idx, f[0], line, false);
  }

  // --- project_status.tsv: phrase status --------------------------------------
  void project_status(Fields& f, size_t line) {
    if (!need(f, 2, line, "phrase and status")) return;
    if (!one_of(f[1], {"completed", "in_progress", "planned"})) {
      problem(line, true, fmt::format("status '{}' is not completed|in_progress|planned", f[1]));
      return;
    }
    const auto idx = static_cast<uint32_t>(lex_.project_statuses_.size());
    lex_.project_statuses_.push_back({f[0], f[1]});
    pattern(Kind::ProjectStatus, idx, f[0], line, false);
  }

  // --- words.tsv: word (generated, see lexicon/tools/gen_words.py) ----------
  std::set<std::string> word_seen_;
  void word(Fields& f, size_t line) {
    std::string key = match_key(f[0]);
    if (key.find(' ') == std::string::npos) {
      problem(line, false, fmt::format("'{}' is one syllable: only longer words are read", f[0]));
      return;
    }
    if (!word_seen_.insert(key).second) return;
    lex_.words_.push_back(std::move(key));
  }

  // --- syllables.tsv: syllable (generated, see lexicon/tools/gen_words.py) --
  std::set<std::string> syllable_seen_;
  void syllable(Fields& f, size_t line) {
    std::string key = match_key(f[0]);
    if (key.empty() || key.find(' ') != std::string::npos) {
      problem(line, false, fmt::format("'{}' is not one syllable", f[0]));
      return;
    }
    if (!syllable_seen_.insert(key).second) return;
    lex_.syllables_.push_back(std::move(key));
  }

  // --- names.tsv: label phrase (surname | before | role | part) -------------
  void name(Fields& f, size_t line) {
    if (!need(f, 2, line, "label and phrase")) return;
    std::string key = match_key(f[1]);
    if (key.empty()) {
      problem(line, true, fmt::format("'{}' has nothing to match", f[1]));
      return;
    }
    if (f[0] == "surname") {
      if (key.find(' ') != std::string::npos) problem(line, true, fmt::format("surname '{}' is not one syllable", f[1]));
      else lex_.surnames_.push_back(std::move(key));
    } else if (f[0] == "before") {
      lex_.name_cues_.push_back(std::move(key));
    } else if (f[0] == "role") {
      lex_.name_roles_.push_back(std::move(key));
    } else if (f[0] == "part") {
      lex_.country_parts_.push_back(std::move(key));
    } else {
      problem(line, true, fmt::format("label '{}' is not surname|before|role|part", f[0]));
    }
  }
};

std::shared_ptr<const Lexicon> Lexicon::load(const std::string& dir, std::string* error) {
  std::shared_ptr<Lexicon> lex(new Lexicon());
  lex->dir_ = dir;
  LexiconLoader loader(*lex);
  if (!loader.run(error)) return nullptr;
  return lex;
}

size_t Lexicon::error_count() const {
  return static_cast<size_t>(std::count_if(problems_.begin(), problems_.end(), [](const Problem& p) { return p.error; }));
}

std::optional<uint32_t> Lexicon::country(std::string_view code) const {
  auto it = country_by_code_.find(std::string(code));
  if (it == country_by_code_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> Lexicon::office(std::string_view role) const {
  auto it = office_by_role_.find(std::string(role));
  if (it == office_by_role_.end()) return std::nullopt;
  return it->second;
}

namespace {
std::optional<uint32_t> by_key(const std::unordered_map<std::string, uint32_t>& m, std::string_view name) {
  auto it = m.find(match_key(name));
  if (it == m.end()) return std::nullopt;
  return it->second;
}
}  // namespace

std::optional<uint32_t> Lexicon::person(std::string_view name) const { return by_key(person_by_key_, name); }
std::optional<uint32_t> Lexicon::place(std::string_view name) const { return by_key(place_by_key_, name); }
std::optional<uint32_t> Lexicon::mechanism(std::string_view name) const { return by_key(mechanism_by_key_, name); }

std::string Lexicon::join_roles(std::vector<uint32_t> offices) const {
  std::sort(offices.begin(), offices.end(), [&](uint32_t a, uint32_t b) {
    return offices_[a].rank != offices_[b].rank ? offices_[a].rank < offices_[b].rank : a < b;
  });
  offices.erase(std::unique(offices.begin(), offices.end()), offices.end());
  const bool any_joining = std::any_of(offices.begin(), offices.end(), [&](uint32_t o) { return offices_[o].joins; });
  std::string role;
  for (uint32_t o : offices) {
    if (offices.size() > 1 && any_joining && !offices_[o].joins) continue;
    if (!role.empty()) role += ", ";
    role += offices_[o].role;
  }
  return role;
}

std::optional<Held> Lexicon::office_of(uint32_t person, const Date& at) const {
  if (person >= persons_.size() || !at.valid()) return std::nullopt;
  Held held;
  int best_rank = 0;
  for (uint32_t t : persons_[person].terms) {
    const Term& term = terms_[t];
    if (!term.covers(at)) continue;
    const int rank = offices_[term.office].rank;
    if (held.offices.empty() || rank < best_rank) {
      best_rank = rank;
      held.country = term.country;
    }
    held.offices.push_back(term.office);
  }
  if (held.offices.empty()) return std::nullopt;
  held.role = join_roles(held.offices);
  std::sort(held.offices.begin(), held.offices.end(),
            [&](uint32_t a, uint32_t b) { return offices_[a].rank < offices_[b].rank; });
  held.offices.erase(std::unique(held.offices.begin(), held.offices.end()), held.offices.end());
  return held;
}

std::optional<uint32_t> Lexicon::holder(uint32_t office, std::string_view country, const Date& at,
                                        std::string_view posted_to) const {
  if (!at.valid()) return std::nullopt;
  std::optional<uint32_t> found;
  for (const Term& t : terms_) {
    if (t.office != office || t.country != country || !t.covers(at)) continue;
    if (!posted_to.empty() && !t.at.empty() && t.at != posted_to) continue;
    if (found && *found != t.person) return std::nullopt;  // several hold it: no single answer
    found = t.person;
  }
  return found;
}

std::optional<uint32_t> Lexicon::mechanism_for(uint32_t mechanism, std::string_view a, std::string_view b) const {
  if (mechanism >= mechanisms_.size() || mechanisms_[mechanism].family.empty()) return std::nullopt;
  const std::string& family = mechanisms_[mechanism].family;
  for (uint32_t i = 0; i < mechanisms_.size(); ++i) {
    const Mechanism& m = mechanisms_[i];
    if (m.family != family || m.countries.size() != 2) continue;
    if ((m.countries[0] == a && m.countries[1] == b) || (m.countries[0] == b && m.countries[1] == a)) return i;
  }
  return std::nullopt;
}

}  // namespace mekong::recognize
