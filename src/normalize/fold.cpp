// The matching form. Vietnamese writes the same syllable with its tone mark
// on different vowels ('hoà' / 'hòa', 'thuý' / 'thúy'); we take every
// syllable apart into letters + one tone and put the tone back in one
// canonical place. The letter tables come from ICU's decompositions at
// start-up, not from a hand-written list.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <mutex>

#include "normalize/normalize.h"

namespace mekong::normalize {

namespace {

constexpr UChar32 kTableEnd = 0x2000;  // Latin, Latin Extended Additional (Vietnamese)

// Tone marks as combining characters, indexed 1..5.
constexpr std::array<UChar32, 6> kTones = {0, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323};

struct Letter {
  UChar32 base = 0;  // lower case, tone removed, vowel quality kept (â, ơ, ...)
  uint8_t tone = 0;  // 0 = none, else index into kTones
  bool alpha = false;
  UChar32 plain = 0; // lower case, every mark removed ('ơ' -> 'o', 'đ' -> 'd')
};

struct Tables {
  std::array<Letter, kTableEnd> letter{};
  // base * 8 + tone -> the toned letter (0 = none); bases of this table are < kTableEnd
  std::vector<char16_t> compose = std::vector<char16_t>(kTableEnd * 8, 0);
};

int tone_index(UChar32 c) {
  for (int i = 1; i < 6; ++i)
    if (kTones[static_cast<size_t>(i)] == c) return i;
  return 0;
}

const Tables& tables() {
  static const Tables* t = [] {
    auto* tb = new Tables();
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
    for (UChar32 c = 0; c < kTableEnd; ++c) {
      Letter& l = tb->letter[static_cast<size_t>(c)];
      const UChar32 lower = u_foldCase(c, U_FOLD_CASE_DEFAULT);
      l.base = lower;
      l.plain = lower;
      l.alpha = u_isalpha(c);
      if (!l.alpha) continue;
      st = U_ZERO_ERROR;
      icu::UnicodeString d = nfd->normalize(icu::UnicodeString(lower), st);
      if (U_FAILURE(st) || d.length() < 2) continue;
      icu::UnicodeString rest;
      int tone = 0;
      for (int32_t i = 0; i < d.length(); ++i) {
        const UChar32 m = d.char32At(i);
        const int ti = tone_index(m);
        if (ti && !tone) tone = ti;
        else rest.append(m);
      }
      st = U_ZERO_ERROR;
      icu::UnicodeString composed = nfc->normalize(rest, st);
      if (U_FAILURE(st) || composed.countChar32() != 1) continue;
      l.base = composed.char32At(0);
      l.tone = static_cast<uint8_t>(tone);
      l.plain = d.char32At(0);
    }
    // 'đ' has no decomposition but reads as 'd' when marks are ignored.
    tb->letter[0x0111].plain = 'd';
    tb->letter[0x0110].plain = 'd';
    for (UChar32 c = 0; c < kTableEnd; ++c) {
      const Letter& l = tb->letter[static_cast<size_t>(c)];
      if (l.tone && u_islower(c) && l.base < kTableEnd)
        tb->compose[static_cast<size_t>(l.base) * 8 + l.tone] = static_cast<char16_t>(c);
    }
    return tb;
  }();
  return *t;
}

// Vowels (bit 0) and vowels with a quality mark (bit 1: ă â ê ô ơ ư) by
// base letter, looked up rather than switched on: every toned syllable asks.
constexpr std::array<uint8_t, 0x200> kVowel = [] {
  std::array<uint8_t, 0x200> t{};
  for (UChar32 c : {'a', 'e', 'i', 'o', 'u', 'y'}) t[static_cast<size_t>(c)] = 1;
  for (UChar32 c : {0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0}) t[static_cast<size_t>(c)] = 3;
  return t;
}();

inline bool is_vowel(UChar32 b) { return b >= 0 && b < 0x200 && (kVowel[static_cast<size_t>(b)] & 1); }

inline bool has_quality(UChar32 b) { return b >= 0 && b < 0x200 && (kVowel[static_cast<size_t>(b)] & 2); }

// Index of the letter that carries the tone, by the 'new style' rules.
size_t tone_slot(const UChar32* base, size_t n) {
  size_t v0 = 0;
  while (v0 < n && !is_vowel(base[v0])) ++v0;
  if (v0 == n) return n - 1;
  // 'qu' and 'gi' + vowel: the u / i belongs to the consonant.
  if (v0 + 1 < n && is_vowel(base[v0 + 1]) &&
      ((base[v0] == 'u' && v0 > 0 && base[v0 - 1] == 'q') || (base[v0] == 'i' && v0 > 0 && base[v0 - 1] == 'g')))
    ++v0;
  size_t v1 = v0;
  while (v1 < n && is_vowel(base[v1])) ++v1;  // cluster [v0, v1)
  size_t pick = n;
  for (size_t i = v0; i < v1; ++i)
    if (has_quality(base[i])) pick = i;
  if (pick != n) return pick;
  const size_t len = v1 - v0;
  if (len == 1) return v0;
  if (v1 < n) return v1 - 1;  // closed syllable: last vowel
  if (len == 2) {
    const UChar32 a = base[v0], b = base[v0 + 1];
    if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')) return v0 + 1;
    return v0;
  }
  return v0 + 1;
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
  if (!err) out.append(buf, static_cast<size_t>(len));
}

UChar32 map_punct(UChar32 c) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F: case 0x3000: case '\t':
      return ' ';
    case 0x2018: case 0x2019: case 0x201B: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2026:
      return 0x2026;
    default:
      return c;
  }
}

}  // namespace

std::pair<uint32_t, uint32_t> Folded::orig(size_t b, size_t e) const {
  if (b >= to_orig.size()) b = to_orig.size() - 1;
  if (e >= to_orig.size()) e = to_orig.size() - 1;
  // The end maps to where the next character starts.
  return {to_orig[b], to_orig[e]};
}

namespace {

// The folding itself; with kMap it also records, per output byte, the input
// offset it came from (the matcher and resolvers need it, plain callers do not).
template <bool kMap>
void fold_into(std::string_view in, std::string& text, std::vector<uint32_t>& to_orig) {
  const Tables& tb = tables();
  text.clear();
  text.reserve(in.size());
  if constexpr (kMap) {
    to_orig.clear();
    to_orig.reserve(in.size() + 1);
  }

  // The current syllable: letters with their input offsets.
  UChar32 base[64];
  uint32_t where[64];
  size_t n = 0;
  int tone = 0;

  // The input offset of `len` bytes just appended.
  auto mapped = [&](size_t len, uint32_t at) {
    if constexpr (kMap)
      for (size_t k = 0; k < len; ++k) to_orig.push_back(at);
  };

  auto flush = [&]() {
    if (n == 0) return;
    const size_t slot = tone ? tone_slot(base, n) : n;
    for (size_t i = 0; i < n; ++i) {
      UChar32 c = base[i];
      if (i == slot && c < kTableEnd) {
        const char16_t toned = tb.compose[static_cast<size_t>(c) * 8 + static_cast<size_t>(tone)];
        if (toned) c = toned;
      }
      if (c < 0x80) {
        text.push_back(static_cast<char>(c));
        mapped(1, where[i]);
        continue;
      }
      // Letters from the tables are valid scalar values: encode in place.
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);
      text.append(buf, static_cast<size_t>(len));
      mapped(static_cast<size_t>(len), where[i]);
    }
    n = 0;
    tone = 0;
  };

  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto len = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < len) {
    const auto at = static_cast<uint32_t>(i);
    if (s[i] < 0x80 && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) {  // ASCII non-letter
      flush();
      text.push_back(s[i] == '\t' ? ' ' : static_cast<char>(s[i]));
      mapped(1, at);
      ++i;
      continue;
    }
    UChar32 c;
    if (s[i] < 0x80) {  // ASCII letter: no decoding
      c = s[i++];
    } else {
      U8_NEXT(s, i, len, c);
      if (c < 0) c = 0xFFFD;
    }
    if (c < kTableEnd && tb.letter[static_cast<size_t>(c)].alpha) {
      const Letter& l = tb.letter[static_cast<size_t>(c)];
      if (n == 64) flush();
      base[n] = l.base;
      where[n] = at;
      ++n;
      if (l.tone && !tone) tone = l.tone;
      continue;
    }
    if (const int ti = tone_index(c); ti && n > 0) {  // a loose combining tone mark
      if (!tone) tone = ti;
      continue;
    }
    if (u_isalpha(c)) {  // other scripts: case fold only
      flush();
      const size_t before = text.size();
      append_utf8(text, u_foldCase(c, U_FOLD_CASE_DEFAULT));
      mapped(text.size() - before, at);
      continue;
    }
    flush();
    const size_t before = text.size();
    append_utf8(text, map_punct(c));
    mapped(text.size() - before, at);
  }
  flush();
  if constexpr (kMap) to_orig.push_back(static_cast<uint32_t>(in.size()));
}

}  // namespace

void fold(std::string_view in, Folded& out) { fold_into<true>(in, out.text, out.to_orig); }

std::string fold(std::string_view in) {
  std::string text;
  std::vector<uint32_t> unused;
  fold_into<false>(in, text, unused);
  return text;
}

std::string strip_marks(std::string_view in) {
  const Tables& tb = tables();
  std::string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto len = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) c = 0xFFFD;
    if (tone_index(c) || c == 0x0302 || c == 0x0306 || c == 0x031B) continue;
    if (c < kTableEnd) c = tb.letter[static_cast<size_t>(c)].plain;
    else c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    append_utf8(out, map_punct(c));
  }
  return out;
}

}  // namespace mekong::normalize
