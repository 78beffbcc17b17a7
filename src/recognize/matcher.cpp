// One Hyperscan literal database for every lexicon phrase. The keys are
// plain literals in the matching form, so hs_compile_lit_multi is enough
// (fast to compile, no regex semantics) and the start of a match is its end
// minus the key's length (no SOM tracking needed).
#include "recognize/matcher.h"

#include <hs/hs.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "normalize/normalize.h"
#include "recognize/flat.h"
#include "recognize/key.h"

namespace mekong::recognize {

namespace {

struct Target {
  Kind kind;
  uint32_t entry;
  uint32_t caps;
  bool pair_only;
  bool block;
  bool readable;  // a kind a longer dictionary word may hide (see Impl::hidden_by_word)
};

// Per literal id, in one place so a hit touches one cache line.
struct Literal {
  uint32_t len;
  uint32_t first_target;  // into Impl::targets
  uint16_t targets;       // how many
  uint8_t edges;          // bit 0: first char alnum, bit 1: last char alnum
  uint32_t near = 0;      // 1 + index into WordData::near when a dictionary word may hide it, else 0
  uint64_t near_mask = 0; // WordData::near's syllables by syllable_bit: next ones in bits 0-31, previous 32-63
};

// One of 32 bits for a syllable's bytes (a first, in-register test of `near`).
inline uint32_t syllable_bit(std::string_view syl) {
  uint32_t h = 2166136261u;
  for (char c : syl) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return (h ^ (h >> 15)) & 31u;
}

// A match at syllable boundaries, in key offsets. Distinct hits have
// distinct spans (a span of the key spells one literal).
struct Hit {
  uint32_t begin, end;
  uint32_t literal;
};

// A selected target (an index into Impl::targets), in original offsets.
struct Choice {
  uint32_t begin, end;    // original offsets
  uint32_t fbegin, fend;  // folded offsets
  uint32_t target;
  uint32_t near;      // the literal's `near`
  uint64_t near_mask;  // and `near_mask`
  bool paired;
  bool hidden;
};

bool is_dash(UChar32 c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

// The text between two mentions is one dash with optional spaces.
bool dash_between(std::string_view text, uint32_t b, uint32_t e) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(b);
  int dashes = 0;
  while (i < static_cast<int32_t>(e)) {
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(e), c);
    if (is_dash(c)) ++dashes;
    else if (!(c == ' ' || c == 0xA0 || c == '\t' || c == 0x202F || c == 0x2009)) return false;
  }
  return dashes == 1;
}

// --- Word-level reading -------------------------------------------------------
//
// The matcher finds a lexicon phrase wherever its syllables occur. A reader
// of Vietnamese reads words, not syllables: 'thăm' inside 'thăm dò' (to
// explore) or 'bốc thăm' (to draw lots) is no visit, and 'Đức' in 'Nguyễn Đức
// Chinh' or 'Đức Phúc' is no Germany. Two readings, after leftmost-longest:
//
// 1. Words. A match of a common-word kind is dropped when a longer
//    dictionary word (lexicon/words.tsv) that is not itself a lexicon phrase
//    contains it or straddles one of its edges, and reading that word leaves
//    the stretch around it in fewer words than reading the match: the
//    syllables within reach are segmented into the fewest dictionary words
//    and lexicon phrases (one syllable alone counts as a word), once with the
//    match as a word and once freely; a tie keeps the match ('ký kết hợp
//    đồng' is 'ký kết | hợp đồng', so the word 'kết hợp' does not hide 'ký
//    kết'). Words ignore case like the common words they hide ('Chiến
//    trường' in a monument's name is no school), but a name is no part of a
//    lower-case word: over a country, a word is read only where the text
//    writes it in lower case (its first syllable may be capitalised at the
//    start of a sentence; text all in capitals reads as any case): 'Đức tin
//    tưởng' mid-sentence is Germany, 'Áo khoác' opening a sentence is a coat.
//    Persons, places and mechanisms are names and are not read as words.
// 2. Names. A country or place inside a Vietnamese personal name is part of
//    the name (see hidden_by_name).

enum : uint8_t { kWordToken = 1, kPhraseToken = 2 };

// The kinds a longer dictionary word may hide: common words. Names
// (persons, places, mechanisms) are not read as words.
bool readable_kind(Kind k) {
  switch (k) {
    case Kind::Country:
    case Kind::Action:
    case Kind::Title:
    case Kind::Cue:
    case Kind::Indicator:
    case Kind::AgreementKind:
    case Kind::ProjectKind:
    case Kind::ProjectStatus:
      return true;
    default:
      return false;
  }
}

// What the readings need from the lexicon, looked up by matching form.
struct WordData {
  std::unordered_map<std::string_view, uint8_t> tokens;  // keys of 2+ syllables: kWordToken | kPhraseToken
  // The same tokens of at most max_word syllables by their syllables' ids
  // (16 bits each, packed), for the reading's many small lookups.
  std::unordered_map<std::string_view, uint16_t> syllable_id;  // 1-based
  std::unordered_map<uint64_t, uint8_t> packed;
  detail::FlatIds syllable_flat;  // the two above, for lookups while reading
  detail::FlatCodes packed_flat;
  std::unordered_set<std::string_view> syllables;        // every syllable of a word or family name
  std::unordered_set<std::string_view> surnames;
  std::unordered_set<std::string_view> name_cues;   // a name follows ('ông')
  std::unordered_set<std::string_view> name_roles;  // a name or a nationality follows ('cầu thủ')
  std::unordered_set<std::string_view> cue_ends;    // last syllables of both
  std::unordered_set<std::string_view> country_parts;  // 'Nam' in 'Nam Lào'
  // Per literal a dictionary word may hide: the syllables such a word has
  // right after the literal (or after the literal's tail it starts with),
  // and right before it (or before the head it ends with). A match with
  // neither next to it is never hidden: one or two lookups decide most.
  struct Near {
    std::vector<std::string_view> next, prev;  // sorted, unique
  };
  std::vector<Near> near;
  // A Bloom filter of the (literal, side, syllable) triples of `near`: most
  // matches are told apart without a search.
  static constexpr uint32_t kBloomBits = 1u << 16;
  std::vector<uint64_t> bloom = std::vector<uint64_t>(kBloomBits / 64, 0);
  static uint32_t bloom_hash(uint32_t literal, bool after, std::string_view syl) {
    uint64_t h = 1469598103934665603ull ^ (uint64_t{literal} * 2 + (after ? 1 : 0)) * 0x9E3779B97F4A7C15ull;
    for (char c : syl) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<uint32_t>((h ^ (h >> 29)) & (kBloomBits - 1));
  }
  void bloom_add(uint32_t literal, bool after, std::string_view syl) {
    const uint32_t b = bloom_hash(literal, after, syl);
    bloom[b / 64] |= uint64_t{1} << (b % 64);
  }
  bool bloom_has(uint32_t literal, bool after, std::string_view syl) const {
    const uint32_t b = bloom_hash(literal, after, syl);
    return (bloom[b / 64] >> (b % 64)) & 1u;
  }
  uint32_t max_word = 1;  // syllables of the longest dictionary word
  uint32_t max_cue = 0;   // syllables of the longest name cue
  bool empty() const { return tokens.empty() && surnames.empty() && name_cues.empty() && name_roles.empty(); }
};

// Spans of the syllables (runs of letters and digits) of `s`.
template <typename F>
void each_syllable(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !detail::alnum_at(s, i)) ++i;
    if (i >= s.size()) break;
    const size_t b = i;
    while (i < s.size() && detail::alnum_at(s, i)) {
      const auto c = static_cast<unsigned char>(s[i]);
      i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    f(b, std::min(i, s.size()));
  }
}

uint32_t syllable_count(std::string_view s) {
  uint32_t n = 0;
  each_syllable(s, [&](size_t, size_t) { ++n; });
  return n;
}

struct Syl {
  uint32_t b = 0, e = 0;  // folded offsets
};
enum class Sep : uint8_t { Space, Hyphen, Other };

// The syllable before folded offset `pos` (which starts a syllable or
// follows one) and what lies between them.
bool syl_before(std::string_view f, uint32_t pos, Syl& out, Sep& sep) {
  const auto* s = reinterpret_cast<const uint8_t*>(f.data());
  auto i = static_cast<int32_t>(pos);
  bool hyphen = false, other = false;
  while (i > 0 && !detail::alnum_before(f, static_cast<size_t>(i))) {
    UChar32 c;
    U8_PREV(s, 0, i, c);
    if (c == '-') hyphen = true;
    else if (c < 0 || !detail::is_space(static_cast<uint32_t>(c))) other = true;
  }
  if (i == 0) return false;
  out.e = static_cast<uint32_t>(i);
  while (i > 0 && detail::alnum_before(f, static_cast<size_t>(i))) U8_BACK_1(s, 0, i);
  out.b = static_cast<uint32_t>(i);
  sep = other ? Sep::Other : hyphen ? Sep::Hyphen : Sep::Space;
  return true;
}

// The syllable after folded offset `pos` (which ends a syllable or precedes one).
bool syl_after(std::string_view f, uint32_t pos, Syl& out, Sep& sep) {
  const auto* s = reinterpret_cast<const uint8_t*>(f.data());
  const auto n = static_cast<int32_t>(f.size());
  auto i = static_cast<int32_t>(pos);
  bool hyphen = false, other = false;
  while (i < n && !detail::alnum_at(f, static_cast<size_t>(i))) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '-') hyphen = true;
    else if (c < 0 || !detail::is_space(static_cast<uint32_t>(c))) other = true;
  }
  if (i >= n) return false;
  out.b = static_cast<uint32_t>(i);
  while (i < n && detail::alnum_at(f, static_cast<size_t>(i))) U8_FWD_1(s, i, n);
  out.e = static_cast<uint32_t>(i);
  sep = other ? Sep::Other : hyphen ? Sep::Hyphen : Sep::Space;
  return true;
}

// One sentence (or line) being read: the original text, its folded form and
// the mentions chosen so far.
class Reading {
 public:
  Reading(const WordData& data, const std::vector<Target>& targets, std::string_view text, std::string_view folded,
          const std::vector<uint32_t>& to_orig, std::vector<Choice>& chosen)
      : d_(data), targets_(targets), text_(text), f_(folded), to_orig_(to_orig), chosen_(chosen) {}

  void words();
  void names();

 private:
  const WordData& d_;
  const std::vector<Target>& targets_;
  std::string_view text_, f_;
  const std::vector<uint32_t>& to_orig_;
  std::vector<Choice>& chosen_;
  std::string buf_;
  int title_text_ = -1;  // lazily: whether the text is written in Title Case (a headline)

  std::string_view orig(const Syl& s) const { return text_.substr(to_orig_[s.b], to_orig_[s.e] - to_orig_[s.b]); }
  detail::Case case_of(const Syl& s) const { return detail::syllable_case(orig(s)); }
  std::string_view fold_of(const Syl& s) const { return f_.substr(s.b, s.e - s.b); }

  // The syllables [i, j) of `v` in matching form (one space between them).
  std::string_view joined(const std::vector<Syl>& v, size_t i, size_t j) {
    buf_.clear();
    for (size_t k = i; k < j; ++k) {
      if (k > i) buf_ += ' ';
      buf_.append(f_.substr(v[k].b, v[k].e - v[k].b));
    }
    return buf_;
  }

  // Whether a syllable starts a sentence: nothing before it but spaces,
  // opening quotes or brackets, or a sentence's closing punctuation.
  bool sentence_start(const Syl& s) const {
    size_t i = s.b;
    while (i > 0) {
      const char c = f_[i - 1];
      if (c == ' ') { --i; continue; }
      if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
          c == '\n')
        return true;
      // '…' (U+2026) folded as itself
      return i >= 3 && f_.compare(i - 3, 3, "\xE2\x80\xA6") == 0;
    }
    return true;
  }

  // Index in chosen_ of a visible mention overlapping folded [b, e), or -1.
  // Choices are in text order and do not overlap (but for one span of
  // several kinds), so their ends are in order too.
  int covering(uint32_t b, uint32_t e, int except = -1) const {
    size_t i = static_cast<size_t>(
        std::lower_bound(chosen_.begin(), chosen_.end(), e, [](const Choice& c, uint32_t v) { return c.fbegin < v; }) -
        chosen_.begin());
    while (i-- > 0) {
      const Choice& c = chosen_[i];
      if (c.fend <= b) break;
      if (static_cast<int>(i) == except || c.hidden) continue;
      if (targets_[c.target].pair_only && !c.paired) continue;
      return static_cast<int>(i);
    }
    return -1;
  }

  bool hidden_by_word(const Choice& m, bool cased);
  bool hidden_by_name(size_t idx);
  bool title_text();
};

bool Reading::hidden_by_word(const Choice& m, bool cased) {
  // Quick test: a syllable a hiding word could have right next to the match
  // (bytes up to the next space or ASCII sign: no decoding).
  auto word_byte = [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x80 || detail::ascii_alnum(c);
  };
  auto gap = [](char ch) { return ch == ' ' || ch == '-'; };
  bool close = false;
  if ((m.near_mask & 0xFFFFFFFFu) && m.fend < f_.size() && gap(f_[m.fend])) {
    size_t i = m.fend;
    while (i < f_.size() && gap(f_[i])) ++i;
    const size_t b = i;
    while (i < f_.size() && word_byte(f_[i])) ++i;
    const std::string_view x = f_.substr(b, i - b);
    if ((m.near_mask >> syllable_bit(x)) & 1u) {
      const WordData::Near& near = d_.near[m.near - 1];
      close = d_.bloom_has(m.near, true, x) && std::binary_search(near.next.begin(), near.next.end(), x);
    }
  }
  if (!close && (m.near_mask >> 32) && m.fbegin > 0 && gap(f_[m.fbegin - 1])) {
    size_t i = m.fbegin;
    while (i > 0 && gap(f_[i - 1])) --i;
    const size_t e = i;
    while (i > 0 && word_byte(f_[i - 1])) --i;
    const std::string_view x = f_.substr(i, e - i);
    if ((m.near_mask >> (32 + syllable_bit(x))) & 1u) {
      const WordData::Near& near = d_.near[m.near - 1];
      close = d_.bloom_has(m.near, false, x) && std::binary_search(near.prev.begin(), near.prev.end(), x);
    }
  }
  if (!close) return false;
  Syl s;
  Sep sep;

  // The syllables of the match and up to max_word - 1 on each side, joined
  // by spaces or hyphens only.
  thread_local std::vector<Syl> syl;
  syl.clear();
  const uint32_t reach = d_.max_word - 1;
  uint32_t pos = m.fbegin;
  for (uint32_t k = 0; k < reach && syl_before(f_, pos, s, sep) && sep != Sep::Other; ++k) {
    syl.push_back(s);
    pos = s.b;
  }
  std::reverse(syl.begin(), syl.end());
  const size_t m0 = syl.size();
  each_syllable(f_.substr(m.fbegin, m.fend - m.fbegin), [&](size_t b, size_t e) {
    syl.push_back({m.fbegin + static_cast<uint32_t>(b), m.fbegin + static_cast<uint32_t>(e)});
  });
  const size_t m1 = syl.size();
  pos = m.fend;
  for (uint32_t k = 0; k < reach && syl_after(f_, pos, s, sep) && sep != Sep::Other; ++k) {
    syl.push_back(s);
    pos = s.e;
  }
  const size_t n = syl.size();
  const size_t width = d_.max_word + 1;
  thread_local std::vector<uint16_t> ids;
  ids.assign(n, 0);
  for (size_t k = 0; k < n; ++k) {
    ids[k] = d_.syllable_flat.find(fold_of(syl[k]));
  }

  // A name (a country) is no part of a lower-case dictionary word: for a
  // cased match, a word is read where the text writes it in lower case.
  thread_local std::vector<detail::Case> cases;
  cases.assign(n, detail::Case::Other);
  thread_local std::vector<bool> known;
  known.assign(n, false);
  auto case_at = [&](size_t k) {
    if (!known[k]) {
      cases[k] = case_of(syl[k]);
      known[k] = true;
    }
    return cases[k];
  };
  auto lower_ok = [&](size_t i, size_t j) {
    if (!cased) return true;
    bool all_upper = true;
    for (size_t k = i; k < j && all_upper; ++k) all_upper = case_at(k) == detail::Case::Upper;
    if (all_upper) return true;
    for (size_t k = i; k < j; ++k) {
      if (case_at(k) == detail::Case::Lower) continue;
      if (k == i && case_at(k) == detail::Case::Title && sentence_start(syl[k])) continue;
      return false;
    }
    return true;
  };
  // Flags of the token [i, j) (2 to max_word syllables) as it may be read
  // here, looked up once: bit 7 = known.
  thread_local std::vector<uint8_t> memo;
  memo.assign(n * width, 0);
  auto token = [&](size_t i, size_t j) -> uint8_t {
    uint8_t& slot = memo[i * width + (j - i)];
    if (!(slot & 0x80)) {
      uint8_t fl = 0;
      uint64_t code = 0;
      bool ok = true;
      for (size_t k = i; k < j && ok; ++k) {
        ok = ids[k] != 0;
        code = code << 16 | ids[k];
      }
      if (ok) {
        fl = d_.packed_flat.find(code);  // 0: no such token
        if (fl && !(fl & kPhraseToken) && !lower_ok(i, j)) fl = 0;
      }
      slot = static_cast<uint8_t>(0x80 | fl);
    }
    return slot & 0x7F;
  };
  // A longer dictionary word over the match (containing it or across an edge)?
  bool blocker = false;
  for (size_t i = 0; i < m1 && !blocker; ++i)
    for (size_t j = std::max(i + 2, m0 + 1); j <= n && j - i <= d_.max_word; ++j) {
      if (i >= m0 && j <= m1) continue;  // inside the match
      if (token(i, j) == kWordToken) {
        blocker = true;
        break;
      }
    }
  if (!blocker) return false;

  // Fewest words over [0, n): free, and with [m0, m1) as one word.
  thread_local std::vector<uint32_t> best;
  auto fewest = [&](size_t from, size_t to) {
    best.assign(to - from + 1, 0);
    for (size_t j = from + 1; j <= to; ++j) {
      uint32_t b = best[j - 1 - from] + 1;
      for (size_t i = (j - from > d_.max_word ? j - d_.max_word : from); i + 1 < j; ++i)
        if (best[i - from] + 1 < b && token(i, j)) b = best[i - from] + 1;
      best[j - from] = b;
    }
    return best[to - from];
  };
  const uint32_t free_read = fewest(0, n);
  const uint32_t with_match = fewest(0, m0) + 1 + fewest(m1, n);
  return with_match > free_read;
}

void Reading::words() {
  // One phrase of several kinds: the same span, one answer (per casing).
  uint32_t last_b = 0, last_e = 0;
  bool last = false, have = false, last_cased = false;
  for (Choice& c : chosen_) {
    const Target& t = targets_[c.target];
    if (!t.readable || c.near == 0) continue;
    const bool cased = t.caps != 0;
    if (!have || c.fbegin != last_b || c.fend != last_e || cased != last_cased) {
      // A capitalised name mid-sentence is in no lower-case word: no lookup.
      bool skip = false;
      if (cased) {
        Syl head{c.fbegin, c.fbegin};
        while (head.e < c.fend && detail::alnum_at(f_, head.e)) {
          const auto b = static_cast<unsigned char>(f_[head.e]);
          head.e += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        }
        head.e = std::min(head.e, c.fend);
        skip = !sentence_start(head) && case_of(head) != detail::Case::Upper;
      }
      last = skip ? false : hidden_by_word(c, cased);
      last_b = c.fbegin;
      last_e = c.fend;
      last_cased = cased;
      have = true;
    }
    c.hidden = last;
  }
}

// A headline written in Title Case ('Thủ Tướng Lào Thăm Việt Nam') says
// nothing about names: most of its syllables are capitalised.
bool Reading::title_text() {
  if (title_text_ < 0) {
    uint32_t all = 0, titled = 0;
    each_syllable(f_, [&](size_t b, size_t e) {
      ++all;
      if (case_of({static_cast<uint32_t>(b), static_cast<uint32_t>(e)}) == detail::Case::Title) ++titled;
    });
    title_text_ = all >= 4 && titled * 10 >= all * 8 ? 1 : 0;
  }
  return title_text_ == 1;
}

// Names. A run of capitalised syllables is a Vietnamese personal name, and
// a country or place inside it is part of the name, when
//   (a) it starts with a family name (names.tsv 'surname') and has 2 to 4
//       syllables: 'Nguyễn Đức Chinh', 'Cao Toàn Mỹ' (a lexicon phrase of
//       two syllables or more that starts at the family name wins: 'Hà Lan',
//       'Hà Nội');
//   (b) it follows a word that introduces a name (names.tsv 'before': 'ông',
//       'ca sĩ', 'HLV'), up to 4 syllables: 'ca sĩ Đức Phúc' (a run that is
//       just a country of two syllables or more is a nationality: 'cầu thủ
//       Hàn Quốc');
//   (c) a country is directly followed by a capitalised Vietnamese syllable
//       (a syllable of the word list or a family name) that no lexicon phrase
//       covers and that starts no name of its own ('Mỹ Tâm', 'Đức Phúc'), or
//       directly preceded by one that does not open the sentence ('Phương
//       Nga'); not when a title or mechanism of the lexicon or an acronym
//       stands right before the country ('Thủ tướng Lào Sonexay', 'CHDCND
//       Lào'); in a dash pair only the syllable after it counts ('Việt - Lào'
//       is a pair, 'Trung Lương - Mỹ Thuận' two places). Syllables joined by
//       hyphens are a foreign name written the Vietnamese way ('Xổn-xay'),
//       never a Vietnamese name.
// Persons of the lexicon are never hidden; text written in Title Case (a
// headline) is left as it is.
bool Reading::hidden_by_name(size_t idx) {
  const Choice& m = chosen_[idx];
  const Target& mt = targets_[m.target];
  {
    // Most matches have no capitalised neighbour: then only a cue word
    // right before them can make them a name ('chị Nga'). Tested on bytes.
    auto word_byte = [](char ch) {
      const auto c = static_cast<unsigned char>(ch);
      return c >= 0x80 || detail::ascii_alnum(c);
    };
    bool maybe = false;
    if (m.fend + 1 < f_.size() && f_[m.fend] == ' ' && detail::upper_at(text_, to_orig_[m.fend + 1])) maybe = true;
    if (!maybe && m.fbegin > 1 && f_[m.fbegin - 1] == ' ' && word_byte(f_[m.fbegin - 2])) {
      uint32_t i = m.fbegin - 1;
      while (i > 0 && word_byte(f_[i - 1])) --i;
      const std::string_view prev = f_.substr(i, m.fbegin - 1 - i);
      maybe = detail::upper_at(text_, to_orig_[i]) ||
              (d_.bloom_has(0, false, prev) && d_.cue_ends.count(prev) > 0);
    }
    if (!maybe) return false;
  }
  // The match's own syllables, all capitalised.
  Syl first{}, last{};
  uint32_t own = 0;
  bool titled = true;
  each_syllable(f_.substr(m.fbegin, m.fend - m.fbegin), [&](size_t b, size_t e) {
    const Syl s{m.fbegin + static_cast<uint32_t>(b), m.fbegin + static_cast<uint32_t>(e)};
    if (own == 0) first = s;
    last = s;
    ++own;
    titled = titled && case_of(s) == detail::Case::Title;
  });
  // 'nước Pháp Vân': a country phrase that opens in lower case is read, like a
  // dash pair, only by the syllable after it.
  const bool only_next = m.paired || (!titled && own >= 2 && case_of(last) == detail::Case::Title);
  if (own == 0 || (!titled && !only_next)) return false;

  // A syllable that may belong to a name next to the match: capitalised,
  // joined by a space, and covered by no lexicon phrase other than a
  // country or place (which the name may swallow).
  auto name_part = [&](const Syl& s, Sep sep) {
    if (sep != Sep::Space || case_of(s) != detail::Case::Title) return false;
    const int c = covering(s.b, s.e, static_cast<int>(idx));
    if (c < 0) return true;
    const Kind k = targets_[chosen_[c].target].kind;
    return k == Kind::Country || k == Kind::Place;
  };
  // Capitalised syllables before (nearest first) and after the match, at most 3 each.
  Syl left[3], right[3];
  size_t nl = 0, nr = 0;
  Syl s;
  Sep sep;
  for (uint32_t pos = first.b; nl < 3 && syl_before(f_, pos, s, sep) && name_part(s, sep); pos = s.b) left[nl++] = s;
  // Whether `x` opens a run of capitalised syllables: no capitalised
  // syllable of no lexicon phrase just before it.
  auto opens_run = [&](const Syl& x) {
    Syl y;
    Sep sp;
    return !(syl_before(f_, x.b, y, sp) && sp == Sep::Space && case_of(y) == detail::Case::Title &&
             covering(y.b, y.e) < 0);
  };
  for (uint32_t pos = last.e; nr < 3 && syl_after(f_, pos, s, sep) && name_part(s, sep); pos = s.e) right[nr++] = s;

  auto is_surname = [&](const Syl& x) { return d_.surnames.count(fold_of(x)) > 0; };
  // A lexicon phrase of 2+ syllables over `x` (other than a one-syllable match).
  auto in_long_phrase = [&](const Syl& x) {
    const int c = covering(x.b, x.e);
    if (c < 0) return false;
    const Choice& o = chosen_[c];
    return syllable_count(f_.substr(o.fbegin, o.fend - o.fbegin)) >= 2;
  };
  // What the syllables just before `x` say: 0 nothing, 1 a name follows
  // ('ông'), 2 a name or a nationality follows ('cầu thủ').
  auto after_cue = [&](const Syl& x) -> int {
    if (d_.max_cue == 0) return 0;
    Syl y;
    Sep sp;
    if (!syl_before(f_, x.b, y, sp) || sp != Sep::Space || !d_.cue_ends.count(fold_of(y))) return 0;
    thread_local std::vector<Syl> cue;
    cue.clear();
    for (uint32_t pos = x.b; cue.size() < d_.max_cue && syl_before(f_, pos, y, sp) && sp == Sep::Space; pos = y.b) {
      cue.insert(cue.begin(), y);
      const std::string_view key = joined(cue, 0, cue.size());
      const int what = d_.name_cues.count(key) ? 1 : d_.name_roles.count(key) ? 2 : 0;
      if (what == 0) continue;
      // Not when the cue word is itself a name ('Anh', the United Kingdom).
      const int c = covering(cue.front().b, x.b);
      return c < 0 || targets_[chosen_[c].target].kind == Kind::Cue ? what : 0;
    }
    return 0;
  };

  // (a) and (b): a name starting at one of the syllables before the match
  // or at its first one, of 2 to 4 syllables, reaching over the whole match.
  const size_t total = nl + own + nr;
  // A dash pair ('Việt - Lào') is read only by (c)'s syllable after it.
  for (size_t k = only_next ? 0 : nl + 1; k-- > 0;) {  // k syllables before the match
    const Syl& start = k == 0 ? first : left[k - 1];
    const size_t len = std::min<size_t>(4, total - (nl - k));  // syllables from start to the run's end
    if (k + own > len) continue;  // the name would end inside the match
    // A cue word is no name part, so it can only stand before the run.
    const int cue = k == nl ? after_cue(start) : 0;
    // After a role, a run that is just a country is a nationality ('cầu thủ Lào').
    if (cue == 1 || (cue == 2 && !(k == 0 && nr == 0))) {
      if (!title_text()) return true;
    }
    // (a) only when the family name opens the run ('Tỉnh Đoàn Quảng Trị' is
    // a body, no person named Đoàn).
    if (is_surname(start) && len >= 2 && opens_run(start)) {
      const bool long_phrase = k == 0 ? own >= 2 : in_long_phrase(start);
      if (!long_phrase && !title_text()) return true;
    }
  }

  // (c) a country with a name syllable right next to it.
  if (mt.kind != Kind::Country) return false;
  Sep psep = Sep::Other, nsep = Sep::Other;
  Syl prev{}, next{};
  const bool has_prev = syl_before(f_, m.fbegin, prev, psep);
  const bool has_next = syl_after(f_, m.fend, next, nsep);
  if (has_prev && psep == Sep::Space) {
    const detail::Case pc = case_of(prev);
    if (pc == detail::Case::Upper && prev.e - prev.b >= 2) return false;  // an acronym: 'CHDCND Lào'
    const int c = covering(prev.b, prev.e);
    if (c >= 0) {
      const Kind k = targets_[chosen_[c].target].kind;
      if (k == Kind::Title || k == Kind::Mechanism) return false;  // 'Thủ tướng Lào Sonexay'
    }
  }
  auto vietnamese = [&](const Syl& x) {
    return case_of(x) == detail::Case::Title && covering(x.b, x.e) < 0 &&
           (d_.syllables.count(fold_of(x)) > 0 || d_.surnames.count(fold_of(x)) > 0);
  };
  if (has_next && nsep == Sep::Space && vietnamese(next)) {
    Syl after;
    Sep asep;
    const bool joined_after = syl_after(f_, next.e, after, asep);
    const bool foreign = joined_after && asep == Sep::Hyphen;  // 'Lào Khăm-phảo'
    // A family name followed by another capitalised syllable starts a name of its own.
    const bool own_name = is_surname(next) && joined_after && asep == Sep::Space && case_of(after) == detail::Case::Title;
    if (!foreign && !own_name && !title_text()) return true;
  }
  if (!only_next && has_prev && psep == Sep::Space && vietnamese(prev) && !sentence_start(prev) &&
      !d_.country_parts.count(fold_of(prev))) {  // 'Nam Lào' is southern Laos
    Syl before;
    Sep bsep;
    const bool foreign = syl_before(f_, prev.b, before, bsep) && bsep == Sep::Hyphen;
    if (!foreign && !title_text()) return true;
  }
  return false;
}

void Reading::names() {
  if (d_.surnames.empty() && d_.name_cues.empty() && d_.syllables.empty()) return;
  for (size_t i = 0; i < chosen_.size(); ++i) {
    Choice& c = chosen_[i];
    const Target& t = targets_[c.target];
    if (c.hidden || t.block || (t.kind != Kind::Country && t.kind != Kind::Place)) continue;
    // Only a capitalised match can be part of a name.
    const uint32_t ob = to_orig_[c.fbegin];
    if (ob >= text_.size()) continue;
    const auto b0 = static_cast<unsigned char>(text_[ob]);
    if (b0 < 0x80 && !(b0 >= 'A' && b0 <= 'Z')) {
      // 'nước Pháp Vân': a lower-case opening with a capitalised country after it.
      const uint32_t oe = c.fend < to_orig_.size() ? to_orig_[c.fend] : static_cast<uint32_t>(text_.size());
      bool caps = false;
      for (uint32_t k = ob; k + 1 < oe && !caps; ++k) caps = text_[k] == ' ' && detail::upper_at(text_, k + 1);
      if (!caps) continue;
    }
    c.hidden = hidden_by_name(i);
  }
}

std::atomic<uint64_t> next_matcher_id{1};

struct ScratchCache {
  struct Slot {
    uint64_t owner;
    hs_scratch_t* scratch;
  };
  std::vector<Slot> slots;
  ScratchCache() = default;
  ScratchCache(const ScratchCache&) = delete;
  ScratchCache& operator=(const ScratchCache&) = delete;
  ~ScratchCache() {
    for (const Slot& s : slots) hs_free_scratch(s.scratch);
  }
};

struct Buffers {
  normalize::Folded folded;
  std::string key;
  std::vector<detail::Jump> jumps;
  std::vector<Hit> hits;
  std::vector<Choice> chosen;
};

}  // namespace

struct Matcher::Impl {
  hs_database_t* db = nullptr;
  hs_scratch_t* proto = nullptr;
  std::vector<Literal> literals;
  std::vector<Target> targets;
  WordData words;

  const uint64_t id = next_matcher_id.fetch_add(1);

  // Hyperscan scratch is per thread: each thread keeps its own for the last
  // few matchers it used (no lock on the hot path).
  hs_scratch_t* scratch() const {
    thread_local ScratchCache cache;
    for (const auto& slot : cache.slots)
      if (slot.owner == id) return slot.scratch;
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(proto, &s) != HS_SUCCESS) throw std::runtime_error("hyperscan: cannot allocate scratch");
    if (cache.slots.size() >= 8) {  // matchers long gone keep a slot until here
      hs_free_scratch(cache.slots.front().scratch);
      cache.slots.erase(cache.slots.begin());
    }
    cache.slots.push_back({id, s});
    return s;
  }

  ~Impl() {
    if (proto) hs_free_scratch(proto);
    if (db) hs_free_database(db);
  }
};

namespace {

struct ScanContext {
  const Literal* literals;
  std::string_view key;
  std::vector<Hit>* hits;
};

// Only the syllable-boundary test here: capitals and original offsets wait
// until selection, which needs them only for hits not inside a longer one.
int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
             void* p) {
  const auto& ctx = *static_cast<const ScanContext*>(p);
  const Literal& lit = ctx.literals[id];
  const auto end = static_cast<uint32_t>(to);
  const uint32_t begin = end - lit.len;
  // Whole syllables only: no letter or digit right outside the match.
  if ((lit.edges & 1) && detail::alnum_before(ctx.key, begin)) return 0;
  if ((lit.edges & 2) && detail::alnum_at(ctx.key, end)) return 0;
  ctx.hits->push_back({begin, end, id});
  return 0;
}

// Begin ascending, longest first. Hits arrive by end, so the few hits of a
// line are nearly in this order: insertion sort.
void sort_hits(std::vector<Hit>& v) {
  auto before = [](const Hit& x, const Hit& y) { return x.begin != y.begin ? x.begin < y.begin : x.end > y.end; };
  for (size_t i = 1; i < v.size(); ++i) {
    const Hit h = v[i];
    size_t j = i;
    for (; j > 0 && before(h, v[j - 1]); --j) v[j] = v[j - 1];
    v[j] = h;
  }
}

}  // namespace

namespace {

// Compiling the literals is most of a lexicon's start-up (0.04 ms a literal);
// the compiled database is kept in a cache folder under a hash of what was
// compiled, and read back next time. MEKONG_CACHE_DIR names the folder
// (empty: no cache), else $XDG_CACHE_HOME/mekong or ~/.cache/mekong. Any
// failure to read or write it just compiles.
std::filesystem::path cache_file(const std::vector<const char*>& exprs, const std::vector<size_t>& lens,
                                 const std::vector<unsigned>& flags) {
  std::filesystem::path dir;
  if (const char* d = std::getenv("MEKONG_CACHE_DIR")) {
    if (!*d) return {};
    dir = d;
  } else if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) {
    dir = std::filesystem::path(x) / "mekong";
  } else if (const char* h = std::getenv("HOME"); h && *h) {
    dir = std::filesystem::path(h) / ".cache" / "mekong";
  } else {
    return {};
  }
  uint64_t hash = 1469598103934665603ULL;  // FNV-1a over the version and every literal
  auto mix = [&](const void* data, size_t n) {
    for (size_t i = 0; i < n; ++i) hash = (hash ^ static_cast<const unsigned char*>(data)[i]) * 1099511628211ULL;
  };
  const std::string version = hs_version();
  mix(version.data(), version.size());
  for (size_t i = 0; i < exprs.size(); ++i) {
    mix(&lens[i], sizeof lens[i]);
    mix(exprs[i], lens[i]);
    mix(&flags[i], sizeof flags[i]);
  }
  char name[40];
  std::snprintf(name, sizeof name, "hs-%016llx.db", static_cast<unsigned long long>(hash));
  return dir / name;
}

hs_database_t* read_cached(const std::filesystem::path& file) {
  if (file.empty()) return nullptr;
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string data = bytes.str();
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(data.data(), data.size(), &db) != HS_SUCCESS) return nullptr;
  return db;
}

void write_cached(const std::filesystem::path& file, const hs_database_t* db) {
  if (file.empty()) return;
  char* bytes = nullptr;
  size_t n = 0;
  if (hs_serialize_database(db, &bytes, &n) != HS_SUCCESS) return;
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  static std::atomic<unsigned> serial{0};
  const auto tmp = file.string() + "." + std::to_string(::getpid()) + "." + std::to_string(serial++) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes, static_cast<std::streamsize>(n));
    if (!out) ec = std::make_error_code(std::errc::io_error);
  }
  std::free(bytes);
  if (!ec) std::filesystem::rename(tmp, file, ec);  // atomic: a reader sees the old file or the whole new one
  if (ec) std::filesystem::remove(tmp, ec);
  // Keep the 8 newest databases (each lexicon edit makes a new one).
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> dbs;
  for (const auto& e : std::filesystem::directory_iterator(file.parent_path(), ec)) {
    const auto name = e.path().filename().string();
    if (name.rfind("hs-", 0) == 0 && e.path().extension() == ".db") dbs.emplace_back(e.last_write_time(ec), e.path());
  }
  if (dbs.size() <= 8) return;
  std::sort(dbs.begin(), dbs.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 8; i < dbs.size(); ++i) std::filesystem::remove(dbs[i].second, ec);
}

}  // namespace

Matcher::Matcher(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)), impl_(new Impl()) {
  const auto& patterns = lexicon_->patterns();
  // One literal per distinct key; a key may name several entries of several kinds.
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_key;
  std::vector<std::string_view> keys;
  for (uint32_t i = 0; i < patterns.size(); ++i) {
    auto [it, inserted] = by_key.try_emplace(patterns[i].key);
    if (inserted) keys.push_back(patterns[i].key);
    it->second.push_back(i);
  }
  const auto& cues = lexicon_->cues();
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> ids, flags;
  for (std::string_view key : keys) {
    const auto id = static_cast<unsigned>(ids.size());
    exprs.push_back(key.data());
    lens.push_back(key.size());
    ids.push_back(id);
    flags.push_back(0);
    Literal lit;
    lit.len = static_cast<uint32_t>(key.size());
    lit.edges = static_cast<uint8_t>((detail::alnum_at(key, 0) ? 1 : 0) | (detail::alnum_before(key, key.size()) ? 2 : 0));
    lit.first_target = static_cast<uint32_t>(impl_->targets.size());
    for (uint32_t p : by_key[key]) {
      const Pattern& pat = patterns[p];
      const bool block = pat.kind == Kind::Cue && cues[pat.entry].label == "block";
      impl_->targets.push_back({pat.kind, pat.entry, pat.caps, pat.pair_only, block, readable_kind(pat.kind) && !block});
    }
    lit.targets = static_cast<uint16_t>(impl_->targets.size() - lit.first_target);
    impl_->literals.push_back(lit);
  }
  build_word_data(keys);
  if (exprs.empty()) return;
  const auto cached = cache_file(exprs, lens, flags);
  impl_->db = read_cached(cached);
  if (impl_->db) {
    if (hs_alloc_scratch(impl_->db, &impl_->proto) != HS_SUCCESS)
      throw std::runtime_error("hyperscan: cannot allocate scratch");
    return;
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(), static_cast<unsigned>(exprs.size()),
                           HS_MODE_BLOCK, nullptr, &impl_->db, &err) != HS_SUCCESS) {
    std::string msg = std::string("hyperscan: ") + (err && err->message ? err->message : "compile failed");
    if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < keys.size())
      msg += " ('" + std::string(keys[static_cast<size_t>(err->expression)]) + "')";
    hs_free_compile_error(err);
    throw std::runtime_error(msg);
  }
  write_cached(cached, impl_->db);
  if (hs_alloc_scratch(impl_->db, &impl_->proto) != HS_SUCCESS)
    throw std::runtime_error("hyperscan: cannot allocate scratch");
}

// The lookups of the word-level reading, and which literals a dictionary
// word may hide: those a word contains, or whose edge a word straddles
// (a word's head is the literal's tail, or its tail the literal's head).
void Matcher::build_word_data(const std::vector<std::string_view>& keys) {
  WordData& d = impl_->words;
  auto add_token = [&](std::string_view key, uint8_t flag) {
    const uint32_t n = syllable_count(key);
    if (n < 2) return;
    d.tokens[key] |= flag;
    if (flag == kWordToken) d.max_word = std::max(d.max_word, n);
  };
  for (std::string_view key : keys) add_token(key, kPhraseToken);
  for (const std::string& w : lexicon_->words()) add_token(w, kWordToken);
  for (const std::string& w : lexicon_->surnames()) {
    d.surnames.insert(w);
    d.syllables.insert(w);
  }
  for (const std::string& w : lexicon_->syllables()) d.syllables.insert(w);
  for (const std::string& w : lexicon_->name_cues()) {
    d.name_cues.insert(w);
    d.max_cue = std::max(d.max_cue, syllable_count(w));
  }
  for (const std::string& w : lexicon_->name_roles()) {
    d.name_roles.insert(w);
    d.max_cue = std::max(d.max_cue, syllable_count(w));
  }
  for (const std::string& w : lexicon_->country_parts()) d.country_parts.insert(w);
  for (const auto* set : {&d.name_cues, &d.name_roles})
    for (std::string_view w : *set) {
      size_t last = 0;
      each_syllable(w, [&](size_t b, size_t) { last = b; });
      d.cue_ends.insert(w.substr(last));
      d.bloom_add(0, false, w.substr(last));  // literal 0 is never a `near` index (those start at 1)
    }
  // Tokens by syllable ids.
  for (const auto& token : d.tokens) {
    const auto& key = token.first;  // (clang 14 cannot capture a structured binding)
    const auto flags = token.second;
    uint64_t code = 0;
    uint32_t n = 0;
    bool ok = true;
    each_syllable(key, [&](size_t b, size_t e) {
      if (!ok || ++n > d.max_word) {
        ok = false;
        return;
      }
      auto [it, fresh] = d.syllable_id.try_emplace(key.substr(b, e - b), static_cast<uint16_t>(d.syllable_id.size() + 1));
      if (fresh && d.syllable_id.size() >= 0xFFFF) ok = false;
      code = code << 16 | it->second;
    });
    if (ok) d.packed[code] |= flags;
  }
  d.syllable_flat.build(d.syllable_id);
  d.packed_flat.build(d.packed);

  // The readable literals by key, and by their proper heads and tails.
  using Spans = std::vector<std::pair<size_t, size_t>>;
  auto syllables_of = [](std::string_view v, Spans& out) {
    out.clear();
    each_syllable(v, [&](size_t b, size_t e) { out.emplace_back(b, e); });
  };
  auto part = [](std::string_view v, const Spans& sy, size_t i, size_t j) {
    return v.substr(sy[i].first, sy[j - 1].second - sy[i].first);
  };
  std::unordered_map<std::string_view, std::vector<uint32_t>> whole, heads, tails;
  Spans sy;
  for (uint32_t id = 0; id < keys.size(); ++id) {
    const Literal& lit = impl_->literals[id];
    bool readable = false;
    for (uint32_t t = lit.first_target; t < lit.first_target + lit.targets; ++t) readable |= impl_->targets[t].readable;
    if (!readable) continue;
    syllables_of(keys[id], sy);
    if (sy.empty()) continue;
    whole[keys[id]].push_back(id);
    for (size_t k = 1; k < sy.size(); ++k) {
      heads[part(keys[id], sy, 0, k)].push_back(id);
      tails[part(keys[id], sy, k, sy.size())].push_back(id);
    }
  }
  // Each dictionary word that is no lexicon phrase, against them.
  std::vector<std::vector<std::string_view>> next(keys.size()), prev(keys.size());
  for (const std::string& w : lexicon_->words()) {
    const std::string_view v(w);
    syllables_of(v, sy);
    for (const auto& [b, e] : sy) d.syllables.insert(v.substr(b, e - b));
    if (sy.size() < 2 || (d.tokens[v] & kPhraseToken)) continue;
    const size_t p = sy.size();
    auto syl = [&](size_t k) { return v.substr(sy[k].first, sy[k].second - sy[k].first); };
    for (size_t i = 0; i < p; ++i)
      for (size_t j = i + 1; j <= p; ++j) {
        if (i == 0 && j == p) continue;
        const std::string_view span = part(v, sy, i, j);
        if (auto it = whole.find(span); it != whole.end())  // the word contains the literal
          for (uint32_t id : it->second) {
            if (j < p) next[id].push_back(syl(j));
            if (i > 0) prev[id].push_back(syl(i - 1));
          }
        if (i == 0 && j < p)  // the word starts with the literal's tail and goes on
          if (auto it = tails.find(span); it != tails.end())
            for (uint32_t id : it->second) next[id].push_back(syl(j));
        if (j == p && i > 0)  // the word ends with the literal's head
          if (auto it = heads.find(span); it != heads.end())
            for (uint32_t id : it->second) prev[id].push_back(syl(i - 1));
      }
  }
  for (uint32_t id = 0; id < keys.size(); ++id) {
    if (next[id].empty() && prev[id].empty()) continue;
    WordData::Near n;
    for (auto* v : {&next[id], &prev[id]}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    n.next = std::move(next[id]);
    n.prev = std::move(prev[id]);
    d.near.push_back(std::move(n));
    const auto index = static_cast<uint32_t>(d.near.size());
    impl_->literals[id].near = index;
    for (std::string_view x : d.near.back().next) {
      d.bloom_add(index, true, x);
      impl_->literals[id].near_mask |= uint64_t{1} << syllable_bit(x);
    }
    for (std::string_view x : d.near.back().prev) {
      d.bloom_add(index, false, x);
      impl_->literals[id].near_mask |= uint64_t{1} << (32 + syllable_bit(x));
    }
  }
}

// An aliasing shared_ptr with no owner: it never deletes the borrowed lexicon.
Matcher::Matcher(const Lexicon& lexicon) : Matcher(std::shared_ptr<const Lexicon>(std::shared_ptr<const Lexicon>(), &lexicon)) {}

Matcher::~Matcher() = default;

size_t Matcher::database_bytes() const {
  size_t n = 0;
  if (impl_->db) hs_database_size(impl_->db, &n);
  return n;
}

void Matcher::match(std::string_view text, std::vector<Mention>& out) const { scan(text, nullptr, out, false); }
void Matcher::match(std::string_view text, const normalize::Folded& folded, std::vector<Mention>& out) const {
  scan(text, &folded, out, false);
}
void Matcher::match_all(std::string_view text, std::vector<Mention>& out) const { scan(text, nullptr, out, true); }

void Matcher::scan(std::string_view text, const normalize::Folded* folded, std::vector<Mention>& out,
                   bool all) const {
  out.clear();
  if (!impl_->db || text.empty()) return;
  thread_local Buffers buf;
  if (!folded) {
    normalize::fold(text, buf.folded);
    folded = &buf.folded;
  }
  std::string_view key = folded->text;
  buf.jumps.clear();
  if (detail::needs_key(key)) {
    detail::build_key(folded->text, buf.key, &buf.jumps, false);
    key = buf.key;
  }
  buf.hits.clear();
  const ScanContext ctx{impl_->literals.data(), key, &buf.hits};
  const hs_error_t rc =
      hs_scan(impl_->db, key.data(), static_cast<unsigned>(key.size()), 0, impl_->scratch(), on_match,
              const_cast<ScanContext*>(&ctx));
  if (rc != HS_SUCCESS) throw std::runtime_error("hyperscan: scan failed");
  sort_hits(buf.hits);

  // The map from key to original offsets keeps order and never merges two
  // character boundaries, so comparing key offsets is comparing spans.
  const auto& to_orig = folded->to_orig;
  auto orig = [&](uint32_t key_pos) { return to_orig[detail::to_folded(buf.jumps, key_pos)]; };
  // Calls f(begin, end, target) for each target of `h` whose capitals the text keeps.
  auto each_target = [&](const Hit& h, auto&& f) {
    const Literal& lit = impl_->literals[h.literal];
    const uint32_t b = orig(h.begin);
    const uint32_t e = orig(h.end);
    bool any = false;
    for (uint32_t t = lit.first_target; t < lit.first_target + lit.targets; ++t) {
      const uint32_t caps = impl_->targets[t].caps;
      if (caps && !detail::caps_satisfied(text.substr(b, e - b), caps)) continue;
      f(b, e, t);
      any = true;
    }
    return any;
  };
  auto mention = [&](uint32_t b, uint32_t e, uint32_t target, uint8_t flags) {
    const Target& t = impl_->targets[target];
    return Mention{t.kind, t.entry, b, e, flags};
  };
  if (all) {
    for (const Hit& h : buf.hits)
      each_target(h, [&](uint32_t b, uint32_t e, uint32_t t) { out.push_back(mention(b, e, t, 0)); });
    return;
  }

  // Leftmost-longest; one phrase of several kinds gives one choice per kind.
  auto& chosen = buf.chosen;
  chosen.clear();
  uint32_t cursor = 0;  // key offset
  for (const Hit& h : buf.hits) {
    if (h.begin < cursor) continue;
    const uint32_t fb = detail::to_folded(buf.jumps, h.begin);
    const uint32_t fe = detail::to_folded(buf.jumps, h.end);
    const Literal& lit = impl_->literals[h.literal];
    if (each_target(h, [&](uint32_t b, uint32_t e, uint32_t t) {
          chosen.push_back({b, e, fb, fe, t, lit.near, lit.near_mask, false, false});
        }))
      cursor = h.end;
  }

  // Words first: a hidden country takes no part in a pair.
  const bool reading = !impl_->words.empty();
  Reading read(impl_->words, impl_->targets, text, folded->text, to_orig, chosen);
  if (reading) read.words();

  // Countries joined by a dash name a pair ('Việt - Lào', 'Lào - Việt Nam').
  Choice* prev = nullptr;
  for (Choice& c : chosen) {
    const Target& t = impl_->targets[c.target];
    if (t.block || c.hidden) continue;
    if (t.kind != Kind::Country) continue;  // anything between two countries fails the dash test anyway
    if (prev && dash_between(text, prev->end, c.begin)) prev->paired = c.paired = true;
    prev = &c;
  }
  if (reading) {
    read.names();
    // 'Trung Lương - Mỹ Thuận': a pair whose one side is a name's syllable is no pair.
    prev = nullptr;
    for (Choice& c : chosen) c.paired = false;
    for (Choice& c : chosen) {
      const Target& t = impl_->targets[c.target];
      if (t.block || c.hidden || t.kind != Kind::Country) continue;
      if (prev && dash_between(text, prev->end, c.begin)) prev->paired = c.paired = true;
      prev = &c;
    }
  }
  for (const Choice& c : chosen) {
    const Target& t = impl_->targets[c.target];
    if (t.block || c.hidden || (t.pair_only && !c.paired)) continue;
    out.push_back(mention(c.begin, c.end, c.target, c.paired ? kPair : 0));
  }
}

}  // namespace mekong::recognize
