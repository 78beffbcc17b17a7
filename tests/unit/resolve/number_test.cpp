// Numbers and quantities in Vietnamese text. Sentences are written for these
// tests (no seed page text).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "resolve/number.h"

namespace mekong::resolve {
namespace {

struct NumberCase {
  const char* text;
  bool resolves;
  double value;
  const char* unit;
  const char* approx;
  const char* noun;
};

std::ostream& operator<<(std::ostream& os, const NumberCase& c) { return os << "'" << c.text << "'"; }

constexpr NumberCase none(const char* text) { return {text, false, 0, "", "", ""}; }

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

class ResolveNumber : public testing::TestWithParam<NumberCase> {};

TEST_P(ResolveNumber, Resolves) {
  const NumberCase& c = GetParam();
  const auto q = resolve_number(c.text);
  if (!c.resolves) {
    EXPECT_FALSE(q) << "read as " << q->value << " " << q->unit;
    return;
  }
  ASSERT_TRUE(q);
  EXPECT_PRED2(near, q->value, c.value);
  EXPECT_EQ(q->unit, c.unit);
  EXPECT_EQ(q->approx, c.approx);
  EXPECT_EQ(q->noun, c.noun);
}

// Money, with the scale words and the currencies.
const NumberCase kMoney[] = {
    {"1,6 tỷ USD", true, 1.6e9, "USD", "exact", ""},
    {"hơn 800 triệu USD", true, 8e8, "USD", "over", ""},
    {"gần 4 tỷ USD", true, 4e9, "USD", "under", ""},
    {"khoảng 5,5 tỷ USD", true, 5.5e9, "USD", "about", ""},
    {"36,7 triệu USD", true, 3.67e7, "USD", "exact", ""},
    {"393 tỷ đồng", true, 3.93e11, "VND", "exact", ""},
    {"1.000.000 đồng", true, 1e6, "VND", "exact", ""},
    {"1,600 tỷ đồng", true, 1.6e9, "VND", "exact", ""},
    {"1.6 tỷ USD", true, 1.6e9, "USD", "exact", ""},
    {"2,5 triệu USD", true, 2.5e6, "USD", "exact", ""},
    {"1.500 tỷ đồng", true, 1.5e12, "VND", "exact", ""},
    {"2.200 tỷ đồng", true, 2.2e12, "VND", "exact", ""},
    {"1,2 nghìn tỷ đồng", true, 1.2e12, "VND", "exact", ""},
    {"2 nghìn tỷ đồng", true, 2e12, "VND", "exact", ""},
    {"3 tỷ 200 triệu đồng", true, 3.2e9, "VND", "exact", ""},
    {"1 triệu 500 nghìn đồng", true, 1.5e6, "VND", "exact", ""},
    {"1.234,5 tỷ đồng", true, 1.2345e12, "VND", "exact", ""},
    {"1,234.5 tỷ đồng", true, 1.2345e12, "VND", "exact", ""},
    {"370 triệu kíp", true, 3.7e8, "LAK", "exact", ""},
    {"5 tỷ kíp Lào", true, 5e9, "LAK", "exact", ""},
    {"200 triệu bạt", true, 2e8, "THB", "exact", ""},
    {"10 triệu baht", true, 1e7, "THB", "exact", ""},
    {"1 tỷ yên", true, 1e9, "JPY", "exact", ""},
    {"50 triệu nhân dân tệ", true, 5e7, "CNY", "exact", ""},
    {"20 triệu euro", true, 2e7, "EUR", "exact", ""},
    {"3 tỷ won", true, 3e9, "KRW", "exact", ""},
    {"100 triệu riel", true, 1e8, "KHR", "exact", ""},
    {"5 triệu đô la Mỹ", true, 5e6, "USD", "exact", ""},
    {"5 triệu đô-la", true, 5e6, "USD", "exact", ""},
    {"2 triệu VNĐ", true, 2e6, "VND", "exact", ""},
    {"2 triệu VND", true, 2e6, "VND", "exact", ""},
    {"5.000đ", true, 5000, "VND", "exact", ""},
    {"US$ 5 triệu", true, 5e6, "USD", "exact", ""},
    {"$5 triệu", true, 5e6, "USD", "exact", ""},
    {"€3 triệu", true, 3e6, "EUR", "exact", ""},
    {"7 tỉ đồng", true, 7e9, "VND", "exact", ""},
    {"một tỷ USD", true, 1e9, "USD", "exact", ""},
    {"một phẩy sáu tỷ USD", true, 1.6e9, "USD", "exact", ""},
    {"KHOẢNG 5 TỶ USD", true, 5e9, "USD", "about", ""},
    {"Khoảng 5 Tỷ usd", true, 5e9, "USD", "about", ""},
    {"hơn 800 triệu USD (tương đương 18.000 tỷ đồng)", true, 8e8, "USD", "over", ""},
    {"50 triệu USD/năm", true, 5e7, "USD", "exact", ""},
    {"hàng triệu USD", true, 1e6, "USD", "about", ""},
    {"hàng nghìn tỷ đồng", true, 1e12, "VND", "about", ""},
    {"10 ngàn USD", true, 1e4, "USD", "exact", ""},
    {"2 tỷ đô", true, 2e9, "USD", "exact", ""},
};
INSTANTIATE_TEST_SUITE_P(Money, ResolveNumber, testing::ValuesIn(kMoney));

// Qualifiers before the number.
const NumberCase kQualifiers[] = {
    {"ước đạt 1,1 tỷ USD", true, 1.1e9, "USD", "about", ""},
    {"ước tính 300 triệu USD", true, 3e8, "USD", "about", ""},
    {"xấp xỉ 2 tỷ USD", true, 2e9, "USD", "about", ""},
    {"chừng 30 người", true, 30, "count", "about", "người"},
    {"khoảng 1.000 người", true, 1000, "count", "about", "người"},
    {"trên 170 sinh viên", true, 170, "count", "over", "sinh viên"},
    {"ngoài 3 dự án", true, 3, "count", "over", "dự án"},
    {"vượt 1 tỷ USD", true, 1e9, "USD", "over", ""},
    {"ít nhất 3 người", true, 3, "count", "over", "người"},
    {"trên 2.000 lượt khách", true, 2000, "count", "over", "lượt khách"},
    {"dưới 10%", true, 10, "percent", "under", ""},
    {"chưa đến 5 triệu USD", true, 5e6, "USD", "under", ""},
    {"chưa tới 20 người", true, 20, "count", "under", "người"},
    {"tối đa 50 người", true, 50, "count", "under", "người"},
    {"không quá 20%", true, 20, "percent", "under", ""},
    {"gần 90%", true, 90, "percent", "under", ""},
    {"gần 300 cán bộ, chiến sĩ", true, 300, "count", "under", "cán bộ"},
    {"hàng nghìn", true, 1000, "", "about", ""},
    {"hàng trăm cán bộ", true, 100, "count", "about", "cán bộ"},
    {"hàng chục nghìn người", true, 1e4, "count", "about", "người"},
    {"vài trăm người", true, 100, "count", "about", "người"},
    {"tăng 39,5%", true, 39.5, "percent", "exact", ""},
    {"đạt 250 người", true, 250, "count", "exact", "người"},
    {"tổng số 256 dự án", true, 256, "count", "exact", "dự án"},
};
INSTANTIATE_TEST_SUITE_P(Qualifiers, ResolveNumber, testing::ValuesIn(kQualifiers));

// Counts with their noun, percents and measures.
const NumberCase kCounts[] = {
    {"1.120 suất", true, 1120, "count", "exact", "suất"},
    {"14.050 người", true, 14050, "count", "exact", "người"},
    {"khoảng 250 lưu học sinh", true, 250, "count", "about", "lưu học sinh"},
    {"khoảng 250 lưu học sinh Lào", true, 250, "count", "about", "lưu học sinh"},
    {"16.500 lưu học sinh", true, 16500, "count", "exact", "lưu học sinh"},
    {"hơn 1.000 suất học bổng", true, 1000, "count", "over", "suất"},
    {"79 dự án", true, 79, "count", "exact", "dự án"},
    {"12 văn kiện", true, 12, "count", "exact", "văn kiện"},
    {"4 doanh nghiệp", true, 4, "count", "exact", "doanh nghiệp"},
    {"18 bệnh viện", true, 18, "count", "exact", "bệnh viện"},
    {"1,600 người", true, 1600, "count", "exact", "người"},
    {"12,5 triệu người", true, 1.25e7, "count", "exact", "người"},
    {"hai nước", true, 2, "count", "exact", "nước"},
    {"hai bên", true, 2, "count", "exact", "bên"},
    {"hai đồng chí", true, 2, "count", "exact", "đồng chí"},
    {"mười năm", true, 10, "count", "exact", "năm"},
    {"hai mươi năm", true, 20, "count", "exact", "năm"},
    {"khoảng 20 năm", true, 20, "count", "about", "năm"},
    {"100 người.", true, 100, "count", "exact", "người"},
    {"tăng 2 lần", true, 2, "count", "exact", "lần"},
    {"15 tuổi", true, 15, "count", "exact", "tuổi"},
    {"3 chục người", true, 30, "count", "exact", "người"},
    {"180 hành khách", true, 180, "count", "exact", "hành khách"},
    {"16,7%", true, 16.7, "percent", "exact", ""},
    {"0,5%", true, 0.5, "percent", "exact", ""},
    {"100%", true, 100, "percent", "exact", ""},
    {"50 phần trăm", true, 50, "percent", "exact", ""},
    {"12,4 %", true, 12.4, "percent", "exact", ""},
    {"2.069 km", true, 2069, "km", "exact", ""},
    {"120 km", true, 120, "km", "exact", ""},
    {"10km", true, 10, "km", "exact", ""},
    {"1.5 km", true, 1.5, "km", "exact", ""},
    {"500 ha", true, 500, "ha", "exact", ""},
    {"0,25 ha", true, 0.25, "ha", "exact", ""},
    {"1.200 tấn", true, 1200, "tonne", "exact", ""},
    {"10.000 tấn gạo", true, 1e4, "tonne", "exact", ""},
    {"35 MW", true, 35, "MW", "exact", ""},
    {"40 m", true, 40, "m", "exact", ""},
    {"200 m2", true, 200, "m2", "exact", ""},
    {"3 triệu m3", true, 3e6, "m3", "exact", ""},
};
INSTANTIATE_TEST_SUITE_P(Counts, ResolveNumber, testing::ValuesIn(kCounts));

// Numbers in words and bare numbers.
const NumberCase kWordsAndBare[] = {
    {"hai", true, 2, "", "exact", ""},
    {"ba mươi", true, 30, "", "exact", ""},
    {"mười hai", true, 12, "", "exact", ""},
    {"mười lăm", true, 15, "", "exact", ""},
    {"hai mươi mốt", true, 21, "", "exact", ""},
    {"bốn mươi tư", true, 44, "", "exact", ""},
    {"chín mươi chín", true, 99, "", "exact", ""},
    {"một trăm linh năm", true, 105, "", "exact", ""},
    {"hai trăm lẻ một", true, 201, "", "exact", ""},
    {"hai trăm năm mươi", true, 250, "", "exact", ""},
    {"năm trăm", true, 500, "", "exact", ""},
    {"hai nghìn", true, 2000, "", "exact", ""},
    {"ba triệu", true, 3e6, "", "exact", ""},
    {"mười một nghìn", true, 11000, "", "exact", ""},
    {"hai mươi lăm nghìn tỷ", true, 2.5e13, "", "exact", ""},
    {"hai chục", true, 20, "", "exact", ""},
    {"1 vạn", true, 1e4, "", "exact", ""},
    {"5 trăm", true, 500, "", "exact", ""},
    {"1.000", true, 1000, "", "exact", ""},
    {"1.120", true, 1120, "", "exact", ""},
    {"2,5", true, 2.5, "", "exact", ""},
    {"123456789012345678", true, 123456789012345678.0, "", "exact", ""},
    {"5-7%", true, 5, "percent", "exact", ""},
    {"từ 1 đến 2 tỷ USD", true, 1e9, "USD", "exact", ""},
};
INSTANTIATE_TEST_SUITE_P(WordsAndBare, ResolveNumber, testing::ValuesIn(kWordsAndBare));

// Ordinals alone read as unit 'ordinal'; identifiers, dates and codes are no quantity.
const NumberCase kOrdinalsAndNot[] = {
    {"lần thứ 46", true, 46, "ordinal", "exact", ""},
    {"thứ 3", true, 3, "ordinal", "exact", ""},
    {"lần thứ nhất", true, 1, "ordinal", "exact", ""},
    {"thứ hai", true, 2, "ordinal", "exact", ""},
    {"thứ tư", true, 4, "ordinal", "exact", ""},
    {"khóa XV", true, 15, "ordinal", "exact", ""},
    {"Đại hội XIII của Đảng", true, 13, "ordinal", "exact", ""},
    {"Kỳ họp thứ 46", true, 46, "ordinal", "exact", ""},
    none("năm 2023"),
    none("6/1/2024"),
    none("ngày 6-7/1/2024"),
    none("7 tháng năm 2024"),
    none("COVID-19"),
    none("A321"),
    none("5G"),
    none("07:55"),
    none("9h30"),
    none("Nghị định 15/2020"),
    none("số 15"),
    none("Điều 5"),
    none("Top 10"),
    none("tỷ lệ 1/3"),
    none("quý vị"),
    none("Ba Lan"),
    none("Hai Bà Trưng"),
    none("0912345678"),
    none("12345678901234567890 USD"),
    none("1000000000000000000"),
    none("2 tỷ tỷ"),
    none("1.2.3"),
    none(""),
    none("không có số nào"),
    none("nghìn"),
};
INSTANTIATE_TEST_SUITE_P(OrdinalsAndNot, ResolveNumber, testing::ValuesIn(kOrdinalsAndNot));

TEST(ResolveNumber, RangeKeepsItsUpperBound) {
  auto q = resolve_number("5-7%");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value, 5);
  EXPECT_EQ(q->value_max, 7);
  q = resolve_number("từ 1 đến 2 tỷ USD");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value_max, 2e9);
  EXPECT_EQ(q->begin, 0u);
  q = resolve_number("1,6 tỷ USD");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value_max, 0);
}

TEST(ParseOrdinal, Forms) {
  EXPECT_EQ(parse_ordinal("Kỳ họp lần thứ 46 Ủy ban liên Chính phủ"), 46);
  EXPECT_EQ(parse_ordinal("lần thứ nhất"), 1);
  EXPECT_EQ(parse_ordinal("khóa XV"), 15);
  EXPECT_EQ(parse_ordinal("Quốc hội khoá XIV"), 14);
  EXPECT_EQ(parse_ordinal("lần thứ IX"), 9);
  EXPECT_EQ(parse_ordinal("lần thứ mười hai"), 12);
  EXPECT_EQ(parse_ordinal("lần 9"), 9);
  EXPECT_EQ(parse_ordinal("thứ năm"), 5);
  EXPECT_FALSE(parse_ordinal("khóa học"));
  EXPECT_FALSE(parse_ordinal("khóa xv"));  // Roman numerals are written in capitals
  EXPECT_FALSE(parse_ordinal("lần thứ IIII"));
  EXPECT_FALSE(parse_ordinal("số 15"));
  EXPECT_FALSE(parse_ordinal(""));
}

// ---------------------------------------------------------------------------
// find_quantities on whole sentences.

struct Q {
  std::string phrase;
  double value;
  std::string unit, approx, noun;
};

struct SentenceCase {
  const char* text;
  std::vector<Q> quantities;
};

std::ostream& operator<<(std::ostream& os, const SentenceCase& c) { return os << "'" << c.text << "'"; }

class FindQuantities : public testing::TestWithParam<SentenceCase> {};

TEST_P(FindQuantities, Spans) {
  const SentenceCase& c = GetParam();
  const std::string text = c.text;
  const auto found = find_quantities(text);
  ASSERT_EQ(found.size(), c.quantities.size()) << [&] {
    std::string s;
    for (const auto& q : found) s += "[" + text.substr(q.begin, q.end - q.begin) + "] ";
    return s;
  }();
  for (size_t k = 0; k < found.size(); ++k) {
    SCOPED_TRACE(k);
    ASSERT_LE(found[k].end, text.size());
    EXPECT_EQ(text.substr(found[k].begin, found[k].end - found[k].begin), c.quantities[k].phrase);
    EXPECT_PRED2(near, found[k].value, c.quantities[k].value);
    EXPECT_EQ(found[k].unit, c.quantities[k].unit);
    EXPECT_EQ(found[k].approx, c.quantities[k].approx);
    EXPECT_EQ(found[k].noun, c.quantities[k].noun);
  }
}

const SentenceCase kSentences[] = {
    {"Năm 2023, thương mại song phương đạt 1,6 tỷ USD, tăng 12,4% so với năm 2022.",
     {{"1,6 tỷ USD", 1.6e9, "USD", "exact", ""}, {"12,4%", 12.4, "percent", "exact", ""}}},
    {"Hiện Việt Nam có 215 dự án đầu tư tại Lào với tổng vốn đăng ký khoảng 5,3 tỷ USD.",
     {{"215 dự án", 215, "count", "exact", "dự án"}, {"khoảng 5,3 tỷ USD", 5.3e9, "USD", "about", ""}}},
    {"Kỳ họp lần thứ 45 diễn ra ngày 6/1/2024 với hơn 300 đại biểu.",
     {{"hơn 300 đại biểu", 300, "count", "over", "đại biểu"}}},
    {"Nghị định số 15/2020/NĐ-CP và Thông tư 12 không áp dụng cho 1/3 số hộ.", {}},
    {"Máy bay A321 của hãng, chuyến bay VN615, chở 180 hành khách lúc 9h30.",
     {{"180 hành khách", 180, "count", "exact", "hành khách"}}},
    {"Giai đoạn 2021-2025, viện trợ đạt khoảng 1.500 tỷ đồng (hơn 60 triệu USD).",
     {{"khoảng 1.500 tỷ đồng", 1.5e12, "VND", "about", ""}, {"hơn 60 triệu USD", 6e7, "USD", "over", ""}}},
    {"Hai bên nhất trí trao 60 suất học bổng; hiện có 16.500 lưu học sinh Lào học tại Việt Nam.",
     {{"Hai bên", 2, "count", "exact", "bên"},
      {"60 suất", 60, "count", "exact", "suất"},
      {"16.500 lưu học sinh", 16500, "count", "exact", "lưu học sinh"}}},
    {"Đoàn gồm 7 tháng năm 2024 hoạt động, 8 tháng đầu năm đạt 1,3 tỷ USD.",
     {{"1,3 tỷ USD", 1.3e9, "USD", "exact", ""}}},
    {"Ba Lan và Hai Bà Trưng không phải số; hai nước đã ký 12 văn kiện.",
     {{"hai nước", 2, "count", "exact", "nước"}, {"12 văn kiện", 12, "count", "exact", "văn kiện"}}},
    {"Hiệp định Geneva 1954 và tầm nhìn 2045 không phải số lượng.", {}},
    {"Tuyến đường dài 2.069 km đi qua 5 tỉnh, vốn 36,7 triệu USD.",
     {{"2.069 km", 2069, "km", "exact", ""},
      {"5 tỉnh", 5, "count", "exact", "tỉnh"},
      {"36,7 triệu USD", 3.67e7, "USD", "exact", ""}}},
    {"Hàng nghìn người dân và hàng trăm doanh nghiệp tham gia.",
     {{"Hàng nghìn người dân", 1000, "count", "about", "người dân"},
      {"hàng trăm doanh nghiệp", 100, "count", "about", "doanh nghiệp"}}},
    {"Kim ngạch tăng 39,5%, xuất khẩu đạt gần 800 triệu USD, nhập khẩu trên 400 triệu USD.",
     {{"39,5%", 39.5, "percent", "exact", ""},
      {"gần 800 triệu USD", 8e8, "USD", "under", ""},
      {"trên 400 triệu USD", 4e8, "USD", "over", ""}}},
    {"Phía Lào trao tặng 370 triệu kíp (tương đương 1 tỷ đồng) cho Quỹ.",
     {{"370 triệu kíp", 3.7e8, "LAK", "exact", ""}, {"1 tỷ đồng", 1e9, "VND", "exact", ""}}},
    {"Chiều 12/3, lúc 15h, bệnh viện 500 giường được khánh thành.",
     {{"500 giường", 500, "count", "exact", "giường"}}},
    {"Số ca mắc COVID-19 giảm 20% trong quý II/2022.", {{"20%", 20, "percent", "exact", ""}}},
    {"Tổng số 256 dự án với 100 đối tác, đứng thứ 3 với 1,2 tỷ USD; Điều 5 của Luật và số 10 Trần Phú.",
     {{"256 dự án", 256, "count", "exact", "dự án"},
      {"100 đối tác", 100, "count", "exact", "đối tác"},
      {"1,2 tỷ USD", 1.2e9, "USD", "exact", ""}}},
    {"Lúc 15:20 ngày 6/1, hơn 2 nghìn người dự lễ; giá 5.000đ/kg.",
     {{"hơn 2 nghìn người", 2000, "count", "over", "người"}, {"5.000đ", 5000, "VND", "exact", ""}}},
    {"Công suất nhà máy là 1.200 MW, sản lượng 5 tỷ kWh mỗi năm.",
     {{"1.200 MW", 1200, "MW", "exact", ""}, {"5 tỷ kWh", 5e9, "kWh", "exact", ""}}},
};
INSTANTIATE_TEST_SUITE_P(Sentences, FindQuantities, testing::ValuesIn(kSentences));

// ---------------------------------------------------------------------------
// Bad input never crashes and reads as no number.

TEST(NumberRobustness, BadInput) {
  const std::string digits(10 * 1024, '9');
  EXPECT_FALSE(resolve_number(digits));
  EXPECT_TRUE(find_quantities(digits).empty());
  std::string groups = "1";
  for (int k = 0; k < 3000; ++k) groups += ".000";
  EXPECT_FALSE(resolve_number(groups));
  EXPECT_FALSE(resolve_number("٣٠ USD"));   // Arabic-Indic digits
  EXPECT_FALSE(resolve_number("３０ USD"));  // full-width digits
  EXPECT_FALSE(resolve_number(std::string("\xFF\xFE\xFD")));
  EXPECT_FALSE(resolve_number(std::string("\0\0", 2)));
  const auto mixed = resolve_number("中文 khoảng 5 tỷ USD ภาษาไทย");
  ASSERT_TRUE(mixed);
  EXPECT_EQ(mixed->value, 5e9);
  EXPECT_EQ(mixed->approx, "about");
  std::string words;
  for (int k = 0; k < 2000; ++k) words += "tỷ ";
  EXPECT_FALSE(resolve_number("1 " + words));
  EXPECT_FALSE(resolve_number("hàng " + words));
  EXPECT_FALSE(parse_ordinal(digits));
}

TEST(NumberRobustness, LongText) {
  std::string text;
  for (int k = 0; k < 500; ++k) text += "Dự án " + std::to_string(k + 1) + " có vốn 2,5 triệu USD. ";
  const auto found = find_quantities(text);
  // 'Dự án 7' names a project (the number follows its noun) and is a bare number; the money follows.
  ASSERT_EQ(found.size(), 1000u);
  for (size_t k = 1; k < found.size(); ++k) ASSERT_LE(found[k - 1].end, found[k].begin);
  EXPECT_EQ(found[1].unit, "USD");
  EXPECT_EQ(found[1].value, 2.5e6);
}

}  // namespace
}  // namespace mekong::resolve
