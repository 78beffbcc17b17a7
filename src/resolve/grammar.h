// Internal to resolve: numerals, shared by the date and number grammars.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "resolve/words.h"

namespace mekong::resolve::detail {

constexpr uint64_t bit(K k) { return uint64_t{1} << static_cast<unsigned>(k); }

// A number read at a token: digits ('1.120', '1,6', '36.7'), words ('ba
// mươi', 'mười hai', 'một trăm linh năm'), or 'hàng nghìn', each with the
// scales after it ('1,6 tỷ', 'hai nghìn', 'nghìn tỷ', '3 tỷ 200 triệu').
struct Numeral {
  double value = 0;
  size_t begin = 0, end = 0;  // tokens [begin, end)
  bool words = false;         // said in words
  bool vague = false;         // 'hàng nghìn', 'vài trăm'
  bool lone_word = false;     // one numeral word and no scale ('năm', 'một', 'hai')
  bool scaled = false;
  double scale = 1;           // the scale words' product after the first chunk ('2 nghìn tỷ': 1e12)
  bool year_like = false;     // four digits 1000..2999, no separator, no scale
  bool leading_zero = false;  // '06', '0912...' (an identifier unless it has decimals)
  bool junk = false;          // digits that are no number (too long, '1.2.3'): skip tokens [begin, end)
};

// Reads the number that starts at token i, or nullopt (also for junk, see
// `junk_end`: when set, tokens up to it are digits that no reading may use).
std::optional<Numeral> read_numeral(const Tokens& T, size_t i, size_t* junk_end = nullptr);

// A small whole number without scales ('7', 'bảy', 'mười hai'); 0 if none.
int read_small(const Tokens& T, size_t i, size_t* end);

// Roman numeral 1..3999 in canonical form ('XV' -> 15), 0 if not one.
int roman_value(std::string_view s);

// End of the run of digits joined by glued . , / : to token i
// ('1.120,5', '6/1/2024', '07:55'); i itself when token i is not a digit run.
size_t numeric_run_end(const Tokens& T, size_t i);

// Token spans [begin, end) of the date phrases in T (resolved or not), for
// the number grammar to leave alone.
void date_spans(const Tokens& T, std::vector<std::pair<size_t, size_t>>& out);

}  // namespace mekong::resolve::detail
