#include "extract/extract.h"
#include "extract/persons.h"
#include "extract/relevance.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_map>

#include <re2/re2.h>

#include "recognize/lexicon.h"
#include "recognize/matcher.h"
#include "resolve/date.h"
#include "resolve/number.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace mekong::extract {

struct Extractor::Impl {
  std::shared_ptr<const recognize::Lexicon> lex;
  std::unique_ptr<recognize::Matcher> matcher;
  segment::Abbreviations abbr;
  // Per mechanism entry: its name opens with a word of a meeting
  // ('Tham vấn chính trị ...', 'Hội nghị ...'; grammar.tsv label 'meeting').
  std::vector<uint8_t> mechanism_meets;
  // Per mechanism entry: between two countries (itself, or a generic form
  // whose family has two-country entries); regional ones tie no pair.
  std::vector<uint8_t> mechanism_bilateral;
  // Per indicator: its phrase itself says 'between the two' ('kim ngạch thương mại song phương').
  std::vector<uint8_t> indicator_pairref;
  // What tells a personal name the lexicon lacks (names.tsv, words.tsv).
  NameRules names;
  // Per person: the syllable sets of its name and aliases without marks; and
  // each such set (sorted, joined) -> the person.
  std::vector<std::vector<std::set<std::string>>> person_bare;
  std::unordered_map<std::string, uint32_t> person_by_bare;

  void resolve_unknown(Ann& a, const recognize::Date& at, bool dated) const;
};

Extractor::Extractor() : impl_(std::make_unique<Impl>()) {}
Extractor::~Extractor() = default;

namespace {

// A name's syllables without case, marks or hyphens ('Xỏn-xay' = 'Xổn xay').
std::set<std::string> bare_syllables(std::string_view name) {
  const std::string f = normalize::strip_marks(normalize::fold(name));
  std::set<std::string> out;
  std::string cur;
  for (char c : f) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      cur += c;
    } else if (!cur.empty()) {
      out.insert(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.insert(cur);
  return out;
}

std::string joined(const std::set<std::string>& syl) {
  std::string out;
  for (const auto& x : syl) out += (out.empty() ? "" : " ") + x;
  return out;
}

double dice(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t common = 0;
  for (const auto& x : a) common += b.count(x);
  return a.empty() || b.empty() ? 0.0 : 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

}  // namespace

// A name the lexicon lacks is a known person when it is one of their
// spellings with other marks or hyphens ('Xỏn-xay Xi-phăn-đon'), or, on a
// dated page, when one holder that day of the office named before it is
// spelt close to it ('Pae-tông-tan Xin-na-vắt').
void Extractor::Impl::resolve_unknown(Ann& a, const recognize::Date& at, bool dated) const {
  const auto syl = bare_syllables(a.name);
  std::optional<uint32_t> person;
  if (auto it = person_by_bare.find(joined(syl)); it != person_by_bare.end()) person = it->second;
  const std::string country = a.country.empty() ? a.code : a.country;
  if (!person && dated && a.strong) {
    // A holder that day of an office the title names: close to the spelling
    // of the one holder of the country named, or part of a spelling of one
    // holder anywhere ('Thủ tướng Xỏn-xay').
    const auto& offices = lex->titles()[a.entry].offices;
    for (const recognize::Term& term : lex->terms()) {
      if (!term.covers(at) || std::find(offices.begin(), offices.end(), term.office) == offices.end()) continue;
      const std::string& whose = term.country.empty() ? lex->persons()[term.person].country : term.country;
      if (!country.empty() && whose != country) continue;
      const bool one = !country.empty() && lex->offices()[term.office].single;
      bool close = false;
      for (const auto& spelling : person_bare[term.person])
        close = close || (one && dice(syl, spelling) >= 0.5) ||
                (syl.size() >= 2 && std::includes(spelling.begin(), spelling.end(), syl.begin(), syl.end()));
      if (!close) continue;
      if (person && *person != term.person) return;  // two fit: leave it as written
      person = term.person;
    }
  }
  if (!person) return;
  const auto& p = lex->persons()[*person];
  a.label.clear();
  a.code.clear();
  a.name = p.name;
  a.country = p.country;
  a.role.clear();
  if (auto held = lex->office_of(*person, at)) {
    a.role = held->role;
    if (!held->country.empty()) a.country = held->country;
  }
}

std::unique_ptr<Extractor> Extractor::create(const std::string& lexicon_dir, std::string* error) {
  std::unique_ptr<Extractor> x(new Extractor());
  x->impl_->lex = recognize::Lexicon::load(lexicon_dir, error);
  if (!x->impl_->lex) return nullptr;
  x->impl_->matcher = std::make_unique<recognize::Matcher>(*x->impl_->lex);
  x->impl_->abbr = segment::Abbreviations::load(lexicon_dir);
  const recognize::Lexicon& lex = *x->impl_->lex;
  std::vector<std::string> heads;
  for (const auto& c : lex.cues())
    if (c.label == "meeting") heads.push_back(normalize::fold(c.phrase));
  for (const auto& m : lex.mechanisms()) {
    const std::string f = normalize::fold(m.name);
    bool meets = false;
    for (const auto& h : heads) meets = meets || f.rfind(h, 0) == 0;
    x->impl_->mechanism_meets.push_back(meets ? 1 : 0);
    bool bilateral = m.countries.size() == 2;
    if (m.countries.empty())
      for (const auto& o : lex.mechanisms()) bilateral = bilateral || (o.family == m.family && o.countries.size() == 2);
    x->impl_->mechanism_bilateral.push_back(bilateral ? 1 : 0);
  }
  {
    std::vector<std::string> pairrefs;
    for (const auto& c : lex.cues())
      if (c.label == "pairref") pairrefs.push_back(normalize::fold(c.phrase));
    for (const auto& ind : lex.indicators()) {
      const std::string f = " " + normalize::fold(ind.phrase) + " ";
      bool pair = false;
      for (const auto& r : pairrefs) pair = pair || f.find(" " + r + " ") != std::string::npos;
      x->impl_->indicator_pairref.push_back(pair ? 1 : 0);
    }
  }
  x->impl_->person_bare.resize(lex.persons().size());
  auto remember = [&](uint32_t person, std::string_view spelling) {
    auto syl = bare_syllables(spelling);
    if (syl.empty()) return;
    x->impl_->person_by_bare.emplace(joined(syl), person);
    x->impl_->person_bare[person].push_back(std::move(syl));
  };
  for (uint32_t p = 0; p < lex.persons().size(); ++p) remember(p, lex.persons()[p].name);
  for (const auto& pat : lex.patterns())
    if (pat.kind == recognize::Kind::Person) remember(pat.entry, pat.key);
  for (const auto& pat : lex.patterns())
    if (pat.kind == recognize::Kind::Country && pat.pair_only)
      x->impl_->names.short_countries.emplace(normalize::fold(pat.key), lex.countries()[pat.entry].code);
  x->impl_->names.surnames.insert(lex.surnames().begin(), lex.surnames().end());
  x->impl_->names.words.insert(lex.words().begin(), lex.words().end());
  resolve::use_lexicon(lexicon_dir);
  return x;
}

namespace {

using recognize::Kind;

// A crawler's ' date 2024-09 ' header glued to the first line is not text.
uint32_t header_length(std::string_view s) {
  // Most lines do not open with 'date': no regular expression for them.
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r')) ++i;
  if (s.substr(i, 4) != "date") return 0;
  static const RE2 kHeader(R"(^(\s*date:?\s+\d{4}-\d{1,2}(?:-\d{1,2})?(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\s+))");
  re2::StringPiece m;
  if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kHeader, &m)) return static_cast<uint32_t>(m.size());
  return 0;
}

// 'lần thứ 46', 'lần 9', 'kỳ họp 45', 'khóa XV': an ordinal near a mechanism.
struct Ordinal {
  uint32_t b, e;
  int session;
};
// Whether one of kOrdinal's words, in either case, ends right before a
// space ('lần ', 'thứ ', 'họp ', 'khóa ', 'khoá '; 'k' is left out, as
// (?i) also matches the Kelvin sign): a test on bytes that lets most
// sentences skip the regular expression.
bool may_hold_ordinal(std::string_view t) {
  // The bytes before `end` are `bytes`, after ASCII letters `ascii` (any case).
  auto ends = [&](size_t end, std::string_view ascii, std::string_view bytes) {
    if (end < ascii.size() + bytes.size() || t.substr(end - bytes.size(), bytes.size()) != bytes) return false;
    for (size_t k = 0; k < ascii.size(); ++k)
      if ((t[end - bytes.size() - ascii.size() + k] | 0x20) != ascii[k]) return false;
    return true;
  };
  for (size_t p = 2; p < t.size(); ++p) {
    const char c = t[p];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') continue;
    const char last = static_cast<char>(t[p - 1] | 0x20);
    if (ends(p, "th", "\xE1\xBB\xA9") || ends(p, "th", "\xE1\xBB\xA8")) return true;  // thứ
    if (last == 'n' && (ends(p - 1, "l", "\xE1\xBA\xA7") || ends(p - 1, "l", "\xE1\xBA\xA6"))) return true;  // lần
    if (last == 'p' && (ends(p - 1, "h", "\xE1\xBB\x8D") || ends(p - 1, "h", "\xE1\xBB\x8C"))) return true;  // họp
    if (last == 'a' && (ends(p - 1, "h", "\xC3\xB3") || ends(p - 1, "h", "\xC3\x93"))) return true;  // hóa
    if (ends(p, "ho", "\xC3\xA1") || ends(p, "ho", "\xC3\x81")) return true;  // hoá
  }
  return false;
}

void find_ordinals(std::string_view text, std::vector<Ordinal>& out) {
  out.clear();
  if (!may_hold_ordinal(text)) return;
  static const RE2 kOrdinal(R"((?i)((?:lần thứ|lần|thứ|kỳ họp|khóa|khoá)\s+(?:\d{1,3}|[IVXLC]{1,6}|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b))");
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece m;
  while (RE2::FindAndConsume(&in, kOrdinal, &m)) {
    if (auto n = resolve::parse_ordinal(std::string_view(m.data(), m.size()))) {
      const auto b = static_cast<uint32_t>(m.data() - text.data());
      out.push_back({b, b + static_cast<uint32_t>(m.size()), *n});
    }
  }
}

// What an annotation is made from, before it is made: the sentence's
// annotations are sorted on these small records and each Ann is then built
// once, in place, in its final position (an Ann is large to move).
struct Pending {
  uint32_t b, e;
  uint8_t source;  // 0 mention, 1 date, 2 quantity, 3 ordinal
  uint32_t index;
};

}  // namespace

std::vector<SentenceView> Extractor::annotate(const Document& doc, DocContext& ctx) const {
  const recognize::Lexicon& lex = *impl_->lex;
  ctx = DocContext{};
  ctx.published = doc.published;
  // Relative dates are read against the page's own date, else against the
  // reference content chose (a date in the URL, --assume-published, WARC-Date).
  std::optional<Published> basis = doc.published;
  if (!basis && doc.reference) {
    basis = Published{doc.reference->value, doc.reference->precision};
    ctx.ref_weak = doc.reference->source == "warc-date" || doc.reference->source == "date-bar";
  }
  if (basis) {
    if (auto r = resolve::ref_from_published(*basis)) ctx.ref = *r;
  }
  // Offices are read at the page's date; undated pages at the latest terms.
  recognize::Date at{9999, 12, 31};
  if (ctx.ref.valid()) at = {ctx.ref.year, ctx.ref.month ? ctx.ref.month : 6, ctx.ref.day ? ctx.ref.day : 15};

  std::vector<SentenceView> out;
  std::vector<recognize::Mention> mentions;
  normalize::Folded folded;
  std::vector<Ordinal> ordinals;
  std::vector<Pending> pending;
  for (const segment::Sentence& s : segment::sentences(doc, impl_->abbr)) {
    SentenceView sv;
    sv.line = s.line;
    std::string_view text = doc.line(s.line - 1).substr(s.begin, s.end - s.begin);
    uint32_t skip = s.begin == 0 ? header_length(text) : 0;
    sv.offset = s.begin + skip;
    sv.text = text.substr(skip);
    if (sv.text.empty()) continue;

    // Fold once: the matcher and the resolvers read the same matching form.
    normalize::fold(sv.text, folded);
    mentions.clear();
    impl_->matcher->match(sv.text, folded, mentions);
    resolve::prepare(sv.text, folded);
    // Dates and numbers; a sentence that says 'sẽ' reads bare day-months ahead.
    bool ahead = false;
    for (const recognize::Mention& m : mentions)
      if (m.kind == Kind::Cue && lex.cues()[m.entry].label == "planned") ahead = true;
    // Without a page date only dates that carry their own year resolve.
    const resolve::RefDate ref = ctx.ref.valid() ? ctx.ref : resolve::RefDate{};
    std::vector<resolve::DateMention> dates = resolve::find_dates(sv.text, ref, ahead && ctx.ref.valid());
    std::vector<resolve::Quantity> quantities = resolve::find_quantities(sv.text);
    find_ordinals(sv.text, ordinals);

    // Sorted by position, longest first on ties, else in the order above.
    pending.clear();
    for (uint32_t k = 0; k < mentions.size(); ++k) pending.push_back({mentions[k].begin, mentions[k].end, 0, k});
    for (uint32_t k = 0; k < dates.size(); ++k) pending.push_back({dates[k].begin, dates[k].end, 1, k});
    for (uint32_t k = 0; k < quantities.size(); ++k) pending.push_back({quantities[k].begin, quantities[k].end, 2, k});
    for (uint32_t k = 0; k < ordinals.size(); ++k) pending.push_back({ordinals[k].b, ordinals[k].e, 3, k});
    // Insertion sort (stable): the mentions come in order, and the few
    // dates and numbers after them move a short way; no buffer to allocate.
    for (size_t k = 1; k < pending.size(); ++k) {
      const Pending x = pending[k];
      size_t j = k;
      for (; j > 0 && (x.b != pending[j - 1].b ? x.b < pending[j - 1].b : x.e > pending[j - 1].e); --j)
        pending[j] = pending[j - 1];
      pending[j] = x;
    }
    sv.anns.reserve(pending.size() + 2);
    for (const Pending& pd : pending) {
      Ann& a = sv.anns.emplace_back();
      a.b = pd.b;
      a.e = pd.e;
      if (pd.source == 1) {
        resolve::DateMention& d = dates[pd.index];
        a.type = AnnType::Date;
        a.range = std::move(d.range);
        a.period = d.is_period;
        a.open_end = d.open_end;
        a.coming = d.coming;
        continue;
      }
      if (pd.source == 2) {
        resolve::Quantity& q = quantities[pd.index];
        a.type = AnnType::Quantity;
        a.value = q.value;
        a.unit = std::move(q.unit);
        a.approx = std::move(q.approx);
        a.noun = std::move(q.noun);
        continue;
      }
      if (pd.source == 3) {
        a.type = AnnType::Cue;
        a.label = "ordinal";
        a.session = ordinals[pd.index].session;
        continue;
      }
      const recognize::Mention& m = mentions[pd.index];
      switch (m.kind) {
        case Kind::Country:
          a.type = AnnType::Country;
          a.code = lex.countries()[m.entry].code;
          break;
        case Kind::Person: {
          const auto& p = lex.persons()[m.entry];
          a.type = AnnType::Person;
          a.name = p.name;
          a.country = p.country;
          if (auto held = lex.office_of(m.entry, at)) {
            a.role = held->role;
            // The UN Secretary-General speaks for the UN, not for Portugal: an
            // international post that day leaves the person no country.
            a.country = held->country;
            if (held->country.empty()) a.label = "intl";
          }
          break;
        }
        case Kind::Title: {
          const auto& t = lex.titles()[m.entry];
          a.type = AnnType::Office;
          a.entry = m.entry;
          a.role = t.role;
          a.country = t.country;
          a.strong = !t.needs_country;
          break;
        }
        case Kind::Place: {
          const auto& p = lex.places()[m.entry];
          a.type = AnnType::Place;
          a.name = p.name;
          a.country = p.country;
          a.strong = p.kind == recognize::PlaceKind::Capital;  // 'giữa Moskva và Hà Nội': the states
          break;
        }
        case Kind::Mechanism: {
          const auto& mech = lex.mechanisms()[m.entry];
          a.type = AnnType::Mechanism;
          a.name = mech.name;
          a.entry = m.entry;
          for (const auto& c : mech.countries) a.countries.push_back(c);
          a.label = "mechanism";
          a.strong = impl_->mechanism_bilateral[m.entry] != 0;
          break;
        }
        case Kind::Action: {
          const auto& act = lex.actions()[m.entry];
          a.type = AnnType::Action;
          a.code = act.cameo;
          a.label = act.construction;
          break;
        }
        case Kind::Cue:
          a.type = AnnType::Cue;
          a.label = lex.cues()[m.entry].label;
          break;
        case Kind::Indicator: {
          const auto& ind = lex.indicators()[m.entry];
          a.type = AnnType::Indicator;
          a.code = ind.indicator;
          bool money = false, count = false;
          for (const auto& u : ind.units) {
            if (u == "count") count = true;
            else if (u != "percent") money = true;
          }
          a.label = money && !count ? "money" : count && !money ? "count" : "";
          a.strong = impl_->indicator_pairref[m.entry] != 0;
          break;
        }
        case Kind::AgreementKind: {
          const auto& k = lex.agreement_kinds()[m.entry];
          a.type = AnnType::AgreementKind;
          a.code = k.kind;
          a.strong = k.strong;
          break;
        }
        case Kind::ProjectKind: {
          const auto& k = lex.project_kinds()[m.entry];
          a.type = AnnType::ProjectKind;
          a.label = k.kind;
          a.strong = k.strong;
          break;
        }
        case Kind::ProjectStatus:
          a.type = AnnType::Cue;
          a.label = "status:" + lex.project_statuses()[m.entry].status;
          break;
      }
    }
    add_unknown_persons(sv, impl_->names, [&](Ann& a) { impl_->resolve_unknown(a, at, ctx.ref.valid()); });
    // A mechanism that meets ('Tham vấn chính trị', 'Kỳ họp lần thứ 46 Ủy ban ...') can be an event by itself.
    for (Ann& a : sv.anns) {
      if (a.type != AnnType::Mechanism) continue;
      if (impl_->lex->mechanisms()[a.entry].many) continue;  // a body of many members: no session of the pair
      if (impl_->mechanism_meets[a.entry]) a.label = "meeting";
      for (const Ann& o : sv.anns)
        if (o.type == AnnType::Cue && o.label == "ordinal" && o.e <= a.b && a.b - o.e <= 4) a.label = "meeting";
    }
    out.push_back(std::move(sv));
  }

  find_dyad(out, ctx);
  // A generic mechanism ('Ủy ban liên Chính phủ') is the pair's own.
  for (SentenceView& sv : out)
    for (Ann& a : sv.anns)
      if (a.type == AnnType::Mechanism && a.countries.empty() && !ctx.dyad_a.empty() && !ctx.dyad_b.empty())
        if (auto m = lex.mechanism_for(a.entry, ctx.dyad_a, ctx.dyad_b)) a.name = lex.mechanisms()[*m].name;
  return out;
}

void Extractor::run(Document& doc) const {
  DocContext ctx;
  std::vector<SentenceView> sentences = annotate(doc, ctx);
  doc.record.countries.clear();
  if (!ctx.dyad_a.empty() && !ctx.dyad_b.empty()) doc.record.countries = {ctx.dyad_a, ctx.dyad_b};
  doc.record.events = find_events(sentences, ctx);
  // A known person's role is the office held on the event's day (the page's
  // day may be later: 'Bộ trưởng X' then may be 'Thủ tướng X' now).
  const recognize::Lexicon& lex = *impl_->lex;
  for (Event& e : doc.record.events) {
    const auto day = recognize::Date::parse(e.date.start);
    if (!day) continue;
    for (Actor* a : {&e.actor1, &e.actor2}) {
      if (!a->person) continue;
      const auto p = lex.person(*a->person);
      if (!p || lex.persons()[*p].name != *a->person) continue;  // only canonical names: persons the lexicon knows
      if (auto held = lex.office_of(*p, *day)) a->role = held->role;
    }
  }
  doc.record.figures = find_figures(sentences, ctx);
  // An amount handed over in one action covers the day of that action.
  for (Figure& f : doc.record.figures) {
    if (f.rule != "figure:as-of-page" || (f.indicator != "aid" && f.indicator != "scholarships")) continue;
    for (const Event& e : doc.record.events)
      if (e.line == f.line && e.date.precision == "day") {
        f.period_start = e.date.start;
        f.period_end = e.date.end;
        f.rule = "figure:action-day";
        break;
      }
  }
  doc.record.agreements = find_agreements(sentences, ctx);
  doc.record.projects = find_projects(sentences, ctx);
}

}  // namespace mekong::extract
