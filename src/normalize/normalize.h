// normalize: bytes -> valid NFC UTF-8 text split into lines, and the
// matching form (case folded, tone marks in one canonical place) used by
// every recognizer, with a map back to the original offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace mekong::normalize {

struct Limits {
  size_t max_line_bytes = 1u << 20;  // a longer line is not article text
};

// Decodes `bytes` strictly as UTF-8 (invalid sequences become U+FFFD and are
// counted in doc.replaced_bytes), normalizes to NFC and splits lines at '\n'.
// Returns false with a one-line reason when the document is not usable text:
// empty, binary (NUL bytes or mostly control characters), or a line over
// the limit.
bool decode(std::string_view bytes, Document& doc, std::string& error, const Limits& limits = {});
// The same, taking the bytes: valid NFC text (most pages) becomes doc.text
// without a copy.
bool decode_owned(std::string&& bytes, Document& doc, std::string& error, const Limits& limits = {});

// The matching form of a piece of text. Same number of syllables and
// letters as the input; only case, tone-mark placement, dashes, quotes and
// spaces are unified.
struct Folded {
  std::string text;
  // to_orig[i] = byte offset in the input of the character that produced
  // byte i of `text`; to_orig[text.size()] = input size.
  std::vector<uint32_t> to_orig;

  // Input span of the folded span [b, e).
  std::pair<uint32_t, uint32_t> orig(size_t b, size_t e) const;
};

// Folds `in` into `out` (cleared first; its buffers are reused).
void fold(std::string_view in, Folded& out);

// Convenience for lexicon entries and tests.
std::string fold(std::string_view in);

// Strips tone and vowel-quality marks too ('hòa bình' -> 'hoa binh'), for
// search that ignores diacritics.
std::string strip_marks(std::string_view in);

}  // namespace mekong::normalize
