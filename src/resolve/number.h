// resolve (numbers): Vietnamese numbers and quantities ('1,6 tỷ USD',
// '1.120 suất', 'hơn 800 triệu USD', 'hàng nghìn', 'lần thứ 46').
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mekong::resolve {

struct Quantity {
  uint32_t begin = 0;  // byte offsets into the text passed to find_quantities
  uint32_t end = 0;
  double value = 0;    // base units: '1,6 tỷ' -> 1.6e9, '16,7%' -> 16.7
  std::string unit;    // USD VND LAK THB JPY CNY EUR KRW percent count km ha tonne person ... ; "" if bare
  std::string approx;  // exact | about | over | under  (khoảng/ước -> about, hơn/trên -> over, gần/dưới -> under)
  std::string noun;    // the counted noun right after the number, as written ('suất', 'dự án', 'lưu học sinh'), or ""
  double value_max = 0;  // a range ('5-7%', 'từ 1 đến 2 tỷ USD'): the upper bound, `value` the lower; else 0
};

// One phrase -> quantity (the first one in it), or nullopt.
std::optional<Quantity> resolve_number(std::string_view phrase);

// Every quantity in a sentence, left to right. Years ('năm 2023'), dates
// ('6/1/2024') and ordinals ('lần thứ 46') are not quantities.
std::vector<Quantity> find_quantities(std::string_view text);

// 'lần thứ 46', 'thứ 3', 'lần thứ nhất', 'khóa XV' -> 46, 3, 1, 15.
std::optional<int> parse_ordinal(std::string_view phrase);

}  // namespace mekong::resolve
