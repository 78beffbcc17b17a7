#include "recognize/key.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>

namespace mekong::recognize::detail {

namespace {

// Index of the first "  " at or after `from` in s[0, n), or n. Branch-free
// over fixed blocks so the compiler vectorises it: find("  ") would stop at
// every single space.
size_t find_double_space(const char* s, size_t from, size_t n) {
  constexpr size_t kBlock = 32;
  size_t i = from;
  for (; i + kBlock < n; i += kBlock) {
    unsigned char hit = 0;  // bytes, not ints: the compiler keeps 16 lanes per vector
    for (size_t j = 0; j < kBlock; ++j)
      hit |= static_cast<unsigned char>((s[i + j] == ' ') & (s[i + j + 1] == ' '));
    if (hit) break;
  }
  for (; i + 1 < n; ++i)
    if (s[i] == ' ' && s[i + 1] == ' ') return i;
  return n;
}

}  // namespace

bool needs_key(std::string_view folded) {
  // Both tests in one pass, by blocks as in find_double_space.
  const char* s = folded.data();
  const size_t n = folded.size();
  constexpr size_t kBlock = 32;
  size_t i = 0;
  for (; i + kBlock < n; i += kBlock) {
    unsigned char hit = 0;
    for (size_t j = 0; j < kBlock; ++j)
      hit |= static_cast<unsigned char>((s[i + j] == '-') | ((s[i + j] == ' ') & (s[i + j + 1] == ' ')));
    if (hit) return true;
  }
  for (; i < n; ++i)
    if (s[i] == '-' || (s[i] == ' ' && i + 1 < n && s[i + 1] == ' ')) return true;
  return false;
}

void build_key(std::string_view folded, std::string& key, std::vector<Jump>* jumps, bool trim) {
  if (jumps) jumps->clear();
  key.assign(folded);
  char* const s = key.data();
  const size_t n = key.size();
  // Dashes become spaces in place (same length)...
  for (char* at = s; (at = static_cast<char*>(std::memchr(at, '-', static_cast<size_t>(s + n - at)))); ++at) *at = ' ';
  // ...then each run of spaces keeps its first one: bytes move only from the
  // first double space on, a stretch at a time.
  size_t next = find_double_space(s, 0, n);
  if (next != n) {
    size_t out = next + 1;
    size_t in = next + 1;
    uint32_t dropped = 0;
    while (in < n) {
      const size_t run = in;
      while (in < n && s[in] == ' ') ++in;
      dropped += static_cast<uint32_t>(in - run);
      if (jumps) jumps->push_back({static_cast<uint32_t>(out), dropped});
      next = find_double_space(s, in, n);
      const size_t stop = next == n ? n : next + 1;
      std::memmove(s + out, s + in, stop - in);
      out += stop - in;
      in = stop;
    }
    key.resize(out);
  }
  if (trim) {
    while (!key.empty() && key.back() == ' ') key.pop_back();
    size_t lead = 0;
    while (lead < key.size() && key[lead] == ' ') ++lead;
    key.erase(0, lead);  // lexicon phrases only: no map back needed
  }
}

namespace {

// ICU's answers for Latin and Vietnamese letters, looked up once: the
// matcher asks at every match edge and every capitalised syllable.
constexpr UChar32 kTableEnd = 0x2000;
enum : uint8_t { kAlnum = 1, kUpper = 2, kMark = 4 };

const uint8_t* char_table() {
  static const std::array<uint8_t, kTableEnd> table = [] {
    std::array<uint8_t, kTableEnd> t{};
    for (UChar32 c = 0; c < kTableEnd; ++c)
      t[static_cast<size_t>(c)] = static_cast<uint8_t>(((u_isalnum(c) || u_getCombiningClass(c) > 0) ? kAlnum : 0) |
                                  ((u_isupper(c) || u_istitle(c)) ? kUpper : 0) |
                                  (u_getCombiningClass(c) > 0 ? kMark : 0));
    return t;
  }();
  return table.data();
}

inline bool is_alnum(UChar32 c) {
  if (c < 0x80) return c >= 0 && ascii_alnum(static_cast<unsigned char>(c));
  if (c < kTableEnd) return c >= 0 && (char_table()[static_cast<size_t>(c)] & kAlnum);
  return u_isalnum(c) || u_getCombiningClass(c) > 0;
}

inline bool is_upper(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c < kTableEnd) return c >= 0 && (char_table()[static_cast<size_t>(c)] & kUpper);
  return u_isupper(c) || u_istitle(c);
}

}  // namespace

uint32_t caps_signature(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  uint32_t caps = 0;
  int syllable = -1;
  bool in = false;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const bool a = is_alnum(c);
    if (a && !in) {
      ++syllable;
      if (syllable < 32 && is_upper(c)) caps |= 1u << syllable;
    }
    in = a;
  }
  return caps;
}

bool caps_satisfied(std::string_view text, uint32_t caps) {
  if (caps == 0) return true;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  int syllable = -1;
  bool in = false;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const bool a = is_alnum(c);
    if (a && !in) {
      ++syllable;
      if ((caps >> syllable & 1u) && !is_upper(c)) return false;
      if (syllable == 31 || (caps >> (syllable + 1)) == 0) return true;  // no capital left to check
    }
    in = a;
  }
  return true;
}

Case syllable_case(std::string_view syllable) {
  const auto* s = reinterpret_cast<const uint8_t*>(syllable.data());
  const auto len = static_cast<int32_t>(syllable.size());
  int letters = 0, uppers = 0;
  bool first_upper = false;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0 || !is_alnum(c)) return Case::Other;
    if (c < 0x80 && c >= '0' && c <= '9') return Case::Other;
    const bool up = is_upper(c);
    if (up && letters == 0) first_upper = true;
    const bool mark = c < kTableEnd ? (char_table()[static_cast<size_t>(c)] & kMark) != 0 : u_getCombiningClass(c) > 0;
    if (!mark) ++letters;
    if (up) ++uppers;
  }
  if (letters == 0) return Case::Other;
  if (uppers == 0) return Case::Lower;
  if (first_upper && uppers == 1) return Case::Title;
  if (uppers == letters && letters >= 2) return Case::Upper;
  return Case::Other;
}

bool upper_at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  const auto c0 = static_cast<unsigned char>(s[pos]);
  if (c0 < 0x80) return c0 >= 'A' && c0 <= 'Z';
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && is_upper(c);
}

bool is_space(uint32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009; }

bool alnum_before_slow(std::string_view s, size_t pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(p, 0, i, c);
  return is_alnum(c);
}

bool alnum_at_slow(std::string_view s, size_t pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return is_alnum(c);
}

}  // namespace mekong::recognize::detail
