// Internal helpers shared by the lexicon loader and the matcher: the key
// form of folded text and the capital-letter signature of a phrase.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mekong::recognize::detail {

// Key form of already folded text: '-' becomes ' ', runs of spaces become one.
// Dropped bytes are rare, so the map back to the folded text is sparse:
// `jumps` (optional) gets (key position, bytes dropped before it) at each
// drop; see to_folded(). `trim` drops spaces at both ends (lexicon phrases;
// text keeps them so offsets stay simple).
struct Jump {
  uint32_t key_pos;
  uint32_t dropped;
};
void build_key(std::string_view folded, std::string& key, std::vector<Jump>* jumps, bool trim);

// Whether build_key would change `folded` (a dash or two spaces in a row);
// most lines need no copy at all.
bool needs_key(std::string_view folded);

// Folded position of key position `k` (k == key size maps to the folded size).
inline uint32_t to_folded(const std::vector<Jump>& jumps, uint32_t k) {
  // Few jumps per line: a linear scan from the back beats a binary search.
  for (size_t i = jumps.size(); i > 0; --i)
    if (jumps[i - 1].key_pos <= k) return k + jumps[i - 1].dropped;
  return k;
}

// Bit i set when the i-th syllable (run of letters and digits) of `text`
// starts with an upper-case letter. Syllables past 32 are not recorded.
uint32_t caps_signature(std::string_view text);

// Whether every syllable required upper case by `caps` is upper case in `text`.
bool caps_satisfied(std::string_view text, uint32_t caps);

// How a syllable (a run of letters and digits) is written: all lower case,
// capitalised ('Tâm'; a single capital letter counts), all capitals of two
// letters or more ('HLV', 'CHDCND'), or anything else (digits, 'iPhone').
enum class Case : uint8_t { Lower, Title, Upper, Other };
Case syllable_case(std::string_view syllable);

// Whether the character starting at `pos` is an upper-case letter.
bool upper_at(std::string_view s, size_t pos);

// Whether `c` is a whitespace character that may separate two syllables.
bool is_space(uint32_t c);

inline bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The non-ASCII cases of the two below.
bool alnum_before_slow(std::string_view s, size_t pos);
bool alnum_at_slow(std::string_view s, size_t pos);

// Whether the code point ending just before `pos` (resp. starting at `pos`)
// is a letter or digit: a match must not continue a syllable. Inline for
// the usual ASCII neighbour (a space, a digit, punctuation).
inline bool alnum_before(std::string_view s, size_t pos) {
  if (pos == 0) return false;
  const auto c = static_cast<unsigned char>(s[pos - 1]);
  return c < 0x80 ? ascii_alnum(c) : alnum_before_slow(s, pos);
}
inline bool alnum_at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  const auto c = static_cast<unsigned char>(s[pos]);
  return c < 0x80 ? ascii_alnum(c) : alnum_at_slow(s, pos);
}

}  // namespace mekong::recognize::detail
