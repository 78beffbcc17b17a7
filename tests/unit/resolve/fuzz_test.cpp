// Random soups of date and number words, digits and separators (fixed seed):
// the resolvers never crash, and what they return is well formed.
#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>

#include "resolve/date.h"
#include "resolve/number.h"

namespace mekong::resolve {
namespace {

constexpr std::array<const char*, 64> kPieces = {
    "ngày", "tháng", "năm", "quý", "tuần", "hôm", "từ", "đến", "tới", "nay", "qua", "trước", "sáng", "chiều",
    "thứ", "Hai", "Năm", "đầu", "cuối", "giai đoạn", "năm học", "các", "những", "hai", "mười", "mươi", "lăm",
    "trăm", "nghìn", "triệu", "tỷ", "hàng", "khoảng", "hơn", "gần", "USD", "đồng", "kíp", "%", "km", "người",
    "lần thứ", "khóa", "IV", "XV", "0", "1", "6", "12", "29", "31", "2024", "1989", "120", "1.120", "1,6", "/",
    "-", ".", ",", "(", ")", ":", "đ"};

bool iso_shape(const std::string& s) {
  if (s.empty()) return true;  // an open end without a reference
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    const bool dash = k == 4 || k == 7;
    if (dash ? s[k] != '-' : (s[k] < '0' || s[k] > '9')) return false;
  }
  return true;
}

TEST(ResolveFuzz, WellFormedOnRandomText) {
  std::mt19937 rng(20240105);
  std::uniform_int_distribution<size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> len(1, 14), glue(0, 2), ref_kind(0, 3);
  const std::array<RefDate, 4> refs = {RefDate{}, RefDate{2024, 1, 5}, RefDate{2021, 12, 0}, RefDate{2000, 0, 0}};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = len(rng);
    for (int k = 0; k < n; ++k) {
      if (k > 0 && glue(rng) != 0) text += ' ';
      text += kPieces[piece(rng)];
    }
    const RefDate& ref = refs[static_cast<size_t>(ref_kind(rng))];
    const bool ahead = round % 2 == 0;
    uint32_t last_end = 0;
    for (const DateMention& m : find_dates(text, ref, ahead)) {
      ASSERT_LE(m.begin, m.end) << text;
      ASSERT_LE(m.end, text.size()) << text;
      ASSERT_LE(last_end, m.begin) << text;
      last_end = m.end;
      ASSERT_TRUE(iso_shape(m.range.start) && !m.range.start.empty()) << text << " -> " << m.range.start;
      ASSERT_TRUE(iso_shape(m.range.end)) << text << " -> " << m.range.end;
      ASSERT_TRUE(m.range.precision == "day" || m.range.precision == "month" || m.range.precision == "year");
      if (!m.open_end) {
        ASSERT_EQ(m.range.start.size(), m.range.end.size()) << text;
        ASSERT_LE(m.range.start, m.range.end) << text;
      }
    }
    last_end = 0;
    for (const Quantity& q : find_quantities(text)) {
      ASSERT_LE(q.begin, q.end) << text;
      ASSERT_LE(q.end, text.size()) << text;
      ASSERT_LE(last_end, q.begin) << text;
      last_end = q.end;
      ASSERT_TRUE(q.value >= 0 && q.value < 1e18) << text;
      ASSERT_TRUE(q.approx == "exact" || q.approx == "about" || q.approx == "over" || q.approx == "under");
    }
    (void)resolve_date(text, ref, ahead);
    (void)resolve_number(text);
    if (auto o = parse_ordinal(text)) {
      ASSERT_GT(*o, 0) << text;
    }
  }
}

}  // namespace
}  // namespace mekong::resolve
