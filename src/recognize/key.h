// Internal helpers shared by the lexicon loader and the matcher: the key
// form of folded text and the capital-letter signature of a phrase.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mekong::recognize::detail {

// Key form of already folded text: '-' becomes ' ', runs of spaces become one.
// `to_folded` (optional) gets, per key byte, the folded byte it came from,
// plus one final entry = folded.size(). `trim` drops spaces at both ends
// (lexicon phrases; text keeps them so offsets stay simple).
void build_key(std::string_view folded, std::string& key, std::vector<uint32_t>* to_folded, bool trim);

// Bit i set when the i-th syllable (run of letters and digits) of `text`
// starts with an upper-case letter. Syllables past 32 are not recorded.
uint32_t caps_signature(std::string_view text);

// Whether every syllable required upper case by `caps` is upper case in `text`.
bool caps_satisfied(std::string_view text, uint32_t caps);

// Whether the code point ending just before `pos` (resp. starting at `pos`)
// is a letter or digit: a match must not continue a syllable.
bool alnum_before(std::string_view s, size_t pos);
bool alnum_at(std::string_view s, size_t pos);

}  // namespace mekong::recognize::detail
