#include "extract/persons.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

#include <re2/re2.h>

#include "extract/util.h"
#include "normalize/normalize.h"

namespace mekong::extract {

namespace {

// One written word: letters and marks, with hyphens between letters.
struct Word {
  uint32_t b = 0, e = 0;
  bool upper = false;    // starts with a capital
  bool ascii = true;     // Latin letters without marks
  bool hyphen = false;   // 'Xổn-xay'
  bool allcaps = false;  // an acronym ('UBND', 'TP')
};

Word word_at(std::string_view t, uint32_t i) {
  Word w;
  w.b = w.e = i;
  const auto* p = reinterpret_cast<const uint8_t*>(t.data());
  const auto n = static_cast<int32_t>(t.size());
  auto k = static_cast<int32_t>(i);
  int letters = 0, uppers = 0;
  while (k < n) {
    int32_t next = k;
    UChar32 c;
    U8_NEXT(p, next, n, c);
    if (c == '-') {
      if (letters == 0 || next >= n) break;
      int32_t after = next;
      UChar32 d;
      U8_NEXT(p, after, n, d);
      if (!u_isalpha(d)) break;
      w.hyphen = true;
      k = next;
      continue;
    }
    if (c < 0 || !(u_isalpha(c) || u_getCombiningClass(c) > 0)) break;
    if (letters == 0) w.upper = u_isupper(c) || u_istitle(c);
    if (c >= 0x80) w.ascii = false;
    if (u_isupper(c)) ++uppers;
    ++letters;
    k = next;
  }
  w.e = static_cast<uint32_t>(k);
  w.allcaps = letters > 1 && uppers == letters;
  return w;
}

// Could a Vietnamese syllable be written so without its marks ('Minh',
// 'Nguyen', 'Kim')? A foreign name has a word that could not ('Putin').
bool vietnamese_shape(std::string_view w) {
  static const RE2 kSyllable(R"((?i)(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?)");
  return RE2::FullMatch(re2::StringPiece(w.data(), w.size()), kSyllable);
}

bool only_spaces(std::string_view t, uint32_t b, uint32_t e) {
  for (uint32_t i = b; i < e && i < t.size(); ++i)
    if (t[i] != ' ') return false;
  return true;
}

bool is_trigger(const Ann& a) {
  return a.type == AnnType::Office || (a.type == AnnType::Cue && a.label == "honorific");
}

struct Reader {
  const SentenceView& s;
  const NameRules& rules;

  std::string_view text(const Word& w) const { return s.text.substr(w.b, w.e - w.b); }
  bool common(const Word& a, const Word& b) const {
    return rules.words.count(normalize::fold(s.text.substr(a.b, b.e - a.b))) > 0;
  }
  // A lexicon word in [b, e) ends a name; a grammar cue only when it opens a
  // body or another name ('Cho' of 'Cho Tae-yul' is no 'cho').
  bool ann_starts_within(uint32_t b, uint32_t e) const {
    for (const Ann& a : s.anns)
      if (a.b >= b && a.b < e &&
          (a.type != AnnType::Cue || a.label == "organization" || a.label == "honorific" || a.label == "at"))
        return true;
    return false;
  }

  // The end of what qualifies the office at anns[i] ('Pháp', 'tỉnh Hủa Phăn',
  // 'Việt Nam tại Lào', 'Bộ Công an Lào'), with the country it names;
  // nullopt when another office or honorific follows (it reads the name).
  std::optional<uint32_t> qualifiers(size_t i, std::string& country) const {
    uint32_t pos = s.anns[i].e;
    for (size_t j = i + 1; j < s.anns.size(); ++j) {
      const Ann& q = s.anns[j];
      if (q.b < pos) continue;  // the same words as another kind, or inside them
      if (!only_spaces(s.text, pos, q.b)) break;
      if (is_trigger(q)) return std::nullopt;
      if (q.type == AnnType::Country || q.type == AnnType::Place) {
        if (country.empty()) country = q.type == AnnType::Country ? q.code : q.country;
        pos = q.e;
        continue;
      }
      // 'tại Lào': where an ambassador is posted, not whose.
      if (q.type == AnnType::Cue && q.label == "at" && j + 1 < s.anns.size() &&
          s.anns[j + 1].type == AnnType::Country && only_spaces(s.text, q.e, s.anns[j + 1].b)) {
        pos = s.anns[j + 1].e;
        ++j;
        continue;
      }
      // A body ending with its country: 'Bộ Công an Lào'.
      if (q.type == AnnType::Cue && q.label == "organization") {
        size_t k = j + 1;
        while (k < s.anns.size() && s.anns[k].type != AnnType::Country) ++k;
        if (k == s.anns.size()) return std::nullopt;
        const Ann& c = s.anns[k];
        if (words_between(s, q.e, c.b) > 8) return std::nullopt;
        for (uint32_t x = q.e; x < c.b; ++x)
          if (s.text[x] == ',' || s.text[x] == ';' || s.text[x] == '(' || s.text[x] == '.') return std::nullopt;
        if (country.empty()) country = c.code;
        pos = c.e;
        j = k;
        continue;
      }
      break;
    }
    // 'Thủ tướng Anh Theresa May': a short form a name follows is the office's country.
    if (country.empty() && s.anns[i].type == AnnType::Office && pos + 1 < s.text.size() && s.text[pos] == ' ') {
      const Word w = word_at(s.text, pos + 1);
      const auto it = rules.short_countries.find(normalize::fold(text(w)));
      if (w.upper && it != rules.short_countries.end() && w.e + 1 < s.text.size() && s.text[w.e] == ' ' &&
          word_at(s.text, w.e + 1).upper && !ann_starts_within(w.b, w.e)) {
        country = it->second;
        pos = w.e;
      }
    }
    return pos;
  }

  // The first country in the item of an apposition right after `end` (', ...'
  // up to the next ',', ';' or sentence end), unless it follows 'tại', 'sang'
  // or opens a common word ('Vụ Pháp chế' is no France).
  const Ann* apposition_country(uint32_t end) const {
    uint32_t i = end;
    while (i < s.text.size() && s.text[i] == ' ') ++i;
    if (i >= s.text.size() || s.text[i] != ',') return nullptr;
    uint32_t stop = i + 1;
    while (stop < s.text.size() && s.text[stop] != ',' && s.text[stop] != ';' &&
           !(s.text[stop] == '.' && (stop + 1 == s.text.size() || s.text[stop + 1] == ' ')))
      ++stop;
    for (const Ann& a : s.anns) {
      if (a.type != AnnType::Country || a.b <= i || a.e > stop) continue;
      if (cue_before(s, "at", a.b, 2) || cue_before(s, "to", a.b, 2)) return nullptr;
      if (a.e + 1 < s.text.size() && s.text[a.e] == ' ') {
        const Word next = word_at(s.text, a.e + 1);
        if (next.e > next.b && rules.words.count(normalize::fold(s.text.substr(a.b, next.e - a.b)))) continue;
      }
      return &a;
    }
    return nullptr;
  }

  // The name right after `pos`, if it is one; sets `vietnamese`.
  std::optional<std::pair<uint32_t, uint32_t>> name_after(uint32_t pos, bool office, bool no_country,
                                                         bool& vietnamese, bool& weak) const {
    std::vector<Word> run;
    uint32_t k = pos;
    while (k + 1 < s.text.size() && s.text[k] == ' ' && run.size() < 5) {
      const Word w = word_at(s.text, k + 1);
      if (w.e == w.b || !w.upper || w.allcaps) break;
      if (ann_starts_within(w.b, w.e)) break;  // a lexicon word ends the name
      run.push_back(w);
      k = w.e;
    }
    if (run.empty() || run.size() > 4 || run.front().b != pos + 1) return std::nullopt;
    // An initial ('V.Xê-ma-scô'): the name goes on past what we can read.
    for (const Word& w : run)
      if (w.e - w.b == 1) return std::nullopt;
    if (k + 1 < s.text.size() && s.text[k] == ' ') {
      const Word next = word_at(s.text, k + 1);
      if (next.e > next.b && next.upper) return std::nullopt;             // a headline in Title Case, or more names
      if (next.e > next.b && common(run.back(), next)) return std::nullopt;  // 'Kinh tế', 'Thành công'
      // 'bin', 'al-Assad': the name goes on past what we can read.
      const bool particle = next.e > next.b && next.ascii && next.hyphen &&
                            std::any_of(s.text.begin() + next.b, s.text.begin() + next.e, [](char c) { return c >= 'A' && c <= 'Z'; });
      if (particle || (next.e > next.b && next.ascii && next.e + 1 < s.text.size() && s.text[next.e] == ' ' &&
                       word_at(s.text, next.e + 1).upper))
        return std::nullopt;
    }
    bool hyphen = false, ascii = true, shaped = true;
    for (const Word& w : run) {
      hyphen = hyphen || w.hyphen;
      ascii = ascii && (w.ascii || w.hyphen);
      shaped = shaped && !w.hyphen && vietnamese_shape(text(w));
    }
    vietnamese = !hyphen && run.size() >= 2 && rules.surnames.count(normalize::fold(text(run.front()))) > 0 &&
                 !common(run[0], run[1]);
    const bool foreign = ascii && !shaped && (run.size() >= 2 || office || hyphen);
    if (!vietnamese && !foreign) return std::nullopt;
    // One transliterated word may as well be a country or a town ('Ca-ta');
    // with no country named, three that open with one may hold the country too.
    weak = (run.size() == 1 && run.front().hyphen) || (run.size() >= 3 && run.front().hyphen && no_country);
    return std::make_pair(run.front().b, run.back().e);
  }
};

}  // namespace

void add_unknown_persons(SentenceView& s, const NameRules& rules, const std::function<void(Ann&)>& resolve) {
  const Reader r{s, rules};
  std::vector<Ann> found;
  for (size_t i = 0; i < s.anns.size(); ++i) {
    const Ann& t = s.anns[i];
    if (!is_trigger(t)) continue;
    const bool office = t.type == AnnType::Office;
    // A title is written with its capital; 'trợ lý ngoại trưởng' is an aide, not the minister.
    if (office && !upper_at(s.text, t.b)) continue;
    std::string country = office ? t.country : std::string();
    const auto pos = r.qualifiers(i, country);
    if (!pos) continue;
    // 'Chủ tịch' alone chairs anything: only a country, or a known person, makes it a state's.
    const bool vague = office && !t.strong && country.empty();
    bool vietnamese = false, weak = false;
    const auto span = r.name_after(*pos, office, country.empty(), vietnamese, weak);
    if (!span) continue;
    Ann a{};
    a.type = AnnType::Person;
    a.label = kUnknownPerson;
    a.b = span->first;
    a.e = span->second;
    a.name = std::string(s.text.substr(a.b, a.e - a.b));
    a.country = country;
    // 'X, Phó Chủ tịch Chính hiệp Trung Quốc': the apposition's country beats the name's form.
    const Ann* apposed = country.empty() ? r.apposition_country(a.e) : nullptr;
    a.code = apposed ? apposed->code : vietnamese ? "VNM" : "";
    a.strong = office;  // introduced by an office: `entry` is its title
    a.entry = t.entry;
    if (resolve) resolve(a);
    if ((vague || weak) && is_unknown_person(a)) continue;
    found.push_back(std::move(a));
  }
  // Each into its place, after the annotations that sort before it or tie
  // with it: the order a stable sort of the whole list would give.
  for (Ann& a : found) {
    auto at = std::upper_bound(s.anns.begin(), s.anns.end(), a,
                               [](const Ann& x, const Ann& y) { return x.b != y.b ? x.b < y.b : x.e > y.e; });
    s.anns.insert(at, std::move(a));
  }
}

}  // namespace mekong::extract
