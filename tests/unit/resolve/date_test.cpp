// Date phrases resolved against the publication date. Sentences are written
// for these tests (no seed page text).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "resolve/date.h"

namespace mekong::resolve {
namespace {

struct DateCase {
  const char* text;
  const char* ref;    // publication date (ISO), "" = none
  bool ahead;
  const char* start;  // "" = must be unresolved
  const char* end;
  const char* precision;
};

std::ostream& operator<<(std::ostream& os, const DateCase& c) {
  return os << "'" << c.text << "' @" << c.ref << (c.ahead ? " ahead" : "");
}

RefDate ref_of(const char* iso) {
  if (!*iso) return RefDate{};
  auto r = ref_from_iso(iso);
  EXPECT_TRUE(r) << iso;
  return r ? *r : RefDate{};
}

class ResolveDate : public testing::TestWithParam<DateCase> {};

TEST_P(ResolveDate, Resolves) {
  const DateCase& c = GetParam();
  const auto r = resolve_date(c.text, ref_of(c.ref), c.ahead);
  if (!*c.start) {
    EXPECT_FALSE(r) << "read as " << r->start << ".." << r->end;
    return;
  }
  ASSERT_TRUE(r);
  EXPECT_EQ(r->start, c.start);
  EXPECT_EQ(r->end, c.end);
  EXPECT_EQ(r->precision, c.precision);
}

// Days written in full.
const DateCase kAbsolute[] = {
    {"ngày 06/01/2024", "2023-05-01", false, "2024-01-06", "2024-01-06", "day"},
    {"ngày 6/1/2024", "", false, "2024-01-06", "2024-01-06", "day"},
    {"6.1.2024", "", false, "2024-01-06", "2024-01-06", "day"},
    {"6-1-2024", "", false, "2024-01-06", "2024-01-06", "day"},
    {"Ngày 15/8/2019 tại Viêng Chăn", "2024-01-05", false, "2019-08-15", "2019-08-15", "day"},
    {"ngày 31/12/2020", "", false, "2020-12-31", "2020-12-31", "day"},
    {"ngày 29/2/2024", "", false, "2024-02-29", "2024-02-29", "day"},
    {"Ngày 15 tháng 7 năm 2023, hiệp định có hiệu lực", "", false, "2023-07-15", "2023-07-15", "day"},
    {"ngày 2 tháng 9 năm 1945", "", false, "1945-09-02", "1945-09-02", "day"},
    {"ngày 3 tháng Hai năm 2021", "", false, "2021-02-03", "2021-02-03", "day"},
    {"ngày 1 tháng Giêng năm 2022", "", false, "2022-01-01", "2022-01-01", "day"},
    {"ngày 5 tháng Năm năm 2022", "", false, "2022-05-05", "2022-05-05", "day"},
    {"NGÀY 20/11/2022", "", false, "2022-11-20", "2022-11-20", "day"},
    {"sáng thứ Hai, ngày 8/1/2024", "", false, "2024-01-08", "2024-01-08", "day"},
    {"Thứ Bảy (13/4/2024), đoàn rời Hà Nội", "", false, "2024-04-13", "2024-04-13", "day"},
    {"tối 31/12/2023", "", false, "2023-12-31", "2023-12-31", "day"},
    {"trưa 1.5.2021", "", false, "2021-05-01", "2021-05-01", "day"},
    {"ngày 6/1 năm 2024", "", false, "2024-01-06", "2024-01-06", "day"},
    {"Hôm nay (6/1/2024), hai bên hội đàm", "2024-01-06", false, "2024-01-06", "2024-01-06", "day"},
    {"Hà Nội, 20/3/2023 - Bộ Ngoại giao cho biết", "", false, "2023-03-20", "2023-03-20", "day"},
};
INSTANTIATE_TEST_SUITE_P(Absolute, ResolveDate, testing::ValuesIn(kAbsolute));

// A day or month without a year: the nearest one before the publication date,
// on either side of a new year; `ahead` and 'tới' / 'vừa qua' turn it.
const DateCase kYearInference[] = {
    {"ngày 29/12", "2021-01-03", false, "2020-12-29", "2020-12-29", "day"},
    {"ngày 29/6", "2021-07-01T09:00", false, "2021-06-29", "2021-06-29", "day"},
    {"sáng 10-9", "2024-09", false, "2024-09-10", "2024-09-10", "day"},
    {"sáng 10-9", "2024-09-15", false, "2024-09-10", "2024-09-10", "day"},
    {"sáng 10-9", "2024-01-05", false, "2023-09-10", "2023-09-10", "day"},
    {"chiều 29.6", "2023-07-02", false, "2023-06-29", "2023-06-29", "day"},
    {"ngày 20/11", "2024-09-15", false, "2023-11-20", "2023-11-20", "day"},
    {"ngày 20/11", "2024-09-15", true, "2024-11-20", "2024-11-20", "day"},
    {"ngày 29/12", "2021-01-03", true, "2021-12-29", "2021-12-29", "day"},
    {"ngày 3/1", "2021-01-03", false, "2021-01-03", "2021-01-03", "day"},
    {"ngày 3/1", "2021-01-03", true, "2021-01-03", "2021-01-03", "day"},
    {"ngày 15/3", "2022", false, "2022-03-15", "2022-03-15", "day"},
    {"ngày 15/3", "2022-03", false, "2022-03-15", "2022-03-15", "day"},
    {"ngày 29/2", "2024-03-10", false, "2024-02-29", "2024-02-29", "day"},
    // A page announces the coming days without 'sẽ': a few weeks ahead is kept.
    {"chiều 28/9", "2024-09-15", false, "2024-09-28", "2024-09-28", "day"},
    {"ngày 2/1", "2020-12-29", false, "2021-01-02", "2021-01-02", "day"},
    {"ngày 2/1", "2020-12-29", true, "2021-01-02", "2021-01-02", "day"},
    {"ngày 5/1", "2024-12-20", false, "2025-01-05", "2025-01-05", "day"},
    {"ngày 15/4", "2022-03", false, "2022-04-15", "2022-04-15", "day"},
    {"ngày 15/7 tới", "2024-03-01", false, "2024-07-15", "2024-07-15", "day"},
    {"ngày 15/2 vừa qua", "2024-02-10", false, "2023-02-15", "2023-02-15", "day"},
    {"tháng 5 vừa qua", "2024-05-10", false, "2024-05", "2024-05", "month"},
    {"tháng 5 vừa qua", "2024-04-20", false, "2023-05", "2023-05", "month"},
    {"tháng 6 tới", "2024-04-20", false, "2024-06", "2024-06", "month"},
    {"tháng 2", "2024-01-05", false, "2024-02", "2024-02", "month"},
    {"tháng 11", "2024-01-05", false, "2023-11", "2023-11", "month"},
    {"tháng 11", "2024-01-05", true, "2024-11", "2024-11", "month"},
    {"từ ngày 28/12 đến 3/1", "2024-01-05", false, "2023-12-28", "2024-01-03", "day"},
    {"từ ngày 28/12 đến 3/1", "2023-12-20", true, "2023-12-28", "2024-01-03", "day"},
    {"ngày 28-29/6", "2021-06-29", true, "2021-06-28", "2021-06-29", "day"},
    {"quý IV", "2024-01-05", false, "2023-10", "2023-12", "month"},
    {"quý I", "2024-02-10", false, "2024-01", "2024-03", "month"},
    {"quý III", "2024-02-10", true, "2024-07", "2024-09", "month"},
    {"ngày 30/11 - 2/12", "2020-12-10", false, "2020-11-30", "2020-12-02", "day"},
    // A page known only to its year (a crawl's '--assume-published 2017') holds the day.
    {"ngày 24-1", "2017", false, "2017-01-24", "2017-01-24", "day"},
    {"từ ngày 23 đến 24/1", "2017", false, "2017-01-23", "2017-01-24", "day"},
    {"tháng 12", "2017", false, "2017-12", "2017-12", "month"},
    {"ngày 3/1", "2017-12-20", false, "2018-01-03", "2018-01-03", "day"},
};
INSTANTIATE_TEST_SUITE_P(YearInference, ResolveDate, testing::ValuesIn(kYearInference));

// Runs and lists of days, months and years.
const DateCase kRanges[] = {
    {"từ ngày 6-7/1/2024", "", false, "2024-01-06", "2024-01-07", "day"},
    {"29-30/11/2020", "", false, "2020-11-29", "2020-11-30", "day"},
    {"từ ngày 4 - 6/12/2020", "", false, "2020-12-04", "2020-12-06", "day"},
    {"từ ngày 07/6 đến ngày 13/6/2025", "", false, "2025-06-07", "2025-06-13", "day"},
    {"từ ngày 9 đến 10/1/2025", "", false, "2025-01-09", "2025-01-10", "day"},
    {"trong hai ngày 26, 27/6", "2023-07-10", false, "2023-06-26", "2023-06-27", "day"},
    {"ngày 28-29/6", "2021-07-01", false, "2021-06-28", "2021-06-29", "day"},
    {"30/11 - 2/12/2020", "", false, "2020-11-30", "2020-12-02", "day"},
    {"(2/12/1975 - 2/12/2020)", "", false, "1975-12-02", "2020-12-02", "day"},
    {"các ngày 12, 13 và 14/10/2022", "", false, "2022-10-12", "2022-10-14", "day"},
    {"từ 15/10 đến 20/10/2022", "", false, "2022-10-15", "2022-10-20", "day"},
    {"ngày 31/12/2023 - 2/1/2024", "", false, "2023-12-31", "2024-01-02", "day"},
    {"từ ngày 25/12/2023 đến ngày 5/1/2024", "", false, "2023-12-25", "2024-01-05", "day"},
    {"ngày 10 và 11/3/2023", "", false, "2023-03-10", "2023-03-11", "day"},
    {"Hội nghị diễn ra trong hai ngày 14 và 15/8 tại Viêng Chăn", "2024-09-01", false, "2024-08-14",
     "2024-08-15", "day"},
    {"từ tháng 5 đến tháng 7/2023", "", false, "2023-05", "2023-07", "month"},
    {"tháng 5-7/2023", "", false, "2023-05", "2023-07", "month"},
    {"từ năm 2020 đến năm 2025", "", false, "2020", "2025", "year"},
    {"năm 2020 - 2025", "", false, "2020", "2025", "year"},
    {"từ ngày 6/1 đến tháng 3/2024", "", false, "2024-01", "2024-03", "month"},
    {"từ quý I/2023 đến quý II/2024", "", false, "2023-01", "2024-06", "month"},
    {"sáng 6/1 - chiều 7/1/2024", "", false, "2024-01-06", "2024-01-07", "day"},
    {"từ tháng 12/2023 đến 1/2024", "", false, "2023-12", "2024-01", "month"},
    {"tháng 11 - 12/2023", "", false, "2023-11", "2023-12", "month"},
    {"từ quý I đến quý III/2024", "", false, "2024-01", "2024-09", "month"},
};
INSTANTIATE_TEST_SUITE_P(Ranges, ResolveDate, testing::ValuesIn(kRanges));

// Months, years, quarters and stretches of a year.
const DateCase kMonthsYears[] = {
    {"tháng 5/2023", "", false, "2023-05", "2023-05", "month"},
    {"tháng 10/2020", "", false, "2020-10", "2020-10", "month"},
    {"tháng 5 năm 2023", "", false, "2023-05", "2023-05", "month"},
    {"Tháng 05/2023", "", false, "2023-05", "2023-05", "month"},
    {"tháng 12-2022", "", false, "2022-12", "2022-12", "month"},
    {"tháng Giêng năm 2024", "", false, "2024-01", "2024-01", "month"},
    {"tháng Chạp năm 2023", "", false, "2023-12", "2023-12", "month"},
    {"tháng Năm năm 2022", "", false, "2022-05", "2022-05", "month"},
    {"tháng 5 năm ngoái", "2024-03-02", false, "2023-05", "2023-05", "month"},
    {"cuối tháng 11/2023", "", false, "2023-11", "2023-11", "month"},
    {"năm 2023", "", false, "2023", "2023", "year"},
    {"Hiệp định năm 1954", "", false, "1954", "1954", "year"},
    {"trong năm 2024, hai bên", "", false, "2024", "2024", "year"},
    {"quý I/2024", "", false, "2024-01", "2024-03", "month"},
    {"quý 2/2023", "", false, "2023-04", "2023-06", "month"},
    {"quý III năm 2022", "", false, "2022-07", "2022-09", "month"},
    {"quý IV/2021", "", false, "2021-10", "2021-12", "month"},
    {"quý II năm nay", "2024-05-20", false, "2024-04", "2024-06", "month"},
    {"7 tháng năm 2024", "", false, "2024-01", "2024-07", "month"},
    {"8 tháng đầu năm", "2024-09", false, "2024-01", "2024-08", "month"},
    {"6 tháng đầu năm 2024", "", false, "2024-01", "2024-06", "month"},
    {"6 tháng cuối năm 2023", "", false, "2023-07", "2023-12", "month"},
    {"9 tháng năm nay", "2024-10-02", false, "2024-01", "2024-09", "month"},
    {"11 tháng năm 2023", "", false, "2023-01", "2023-11", "month"},
    {"sáu tháng đầu năm 2022", "", false, "2022-01", "2022-06", "month"},
    {"năm học 2022 - 2023", "", false, "2022", "2023", "year"},
    {"giai đoạn 2021-2030", "", false, "2021", "2030", "year"},
    {"nhiệm kỳ 2021 - 2026", "", false, "2021", "2026", "year"},
    {"thời kỳ 2011-2020", "", false, "2011", "2020", "year"},
    {"niên khóa 2019-2020", "", false, "2019", "2020", "year"},
    {"giai đoạn từ năm 2016 đến năm 2020", "", false, "2016", "2020", "year"},
    {"thập niên 1990", "", false, "1990", "1999", "year"},
    {"những năm 1980", "", false, "1980", "1989", "year"},
    {"đầu năm 2024", "", false, "2024-01", "2024-03", "month"},
    {"cuối năm 2023", "", false, "2023-10", "2023-12", "month"},
    {"nửa đầu năm 2022", "", false, "2022-01", "2022-06", "month"},
    {"giữa năm nay", "2024", false, "2024-05", "2024-07", "month"},
    {"kỷ niệm 60 năm (1962 - 2022)", "", false, "1962", "2022", "year"},
};
INSTANTIATE_TEST_SUITE_P(MonthsYears, ResolveDate, testing::ValuesIn(kMonthsYears));

// Words relative to the publication date (2024-01-05 is a Friday).
const DateCase kRelative[] = {
    {"năm ngoái", "2024-01-05", false, "2023", "2023", "year"},
    {"năm nay", "2024-01-05", false, "2024", "2024", "year"},
    {"năm tới", "2024-01-05", false, "2025", "2025", "year"},
    {"Năm ngoái", "2024", false, "2023", "2023", "year"},
    {"hôm qua", "2024-01-05", false, "2024-01-04", "2024-01-04", "day"},
    {"hôm nay", "2024-01-05", false, "2024-01-05", "2024-01-05", "day"},
    {"hôm qua", "2024-03-01", false, "2024-02-29", "2024-02-29", "day"},
    {"hôm qua", "2023-01-01", false, "2022-12-31", "2022-12-31", "day"},
    {"ngày mai", "2023-12-31", false, "2024-01-01", "2024-01-01", "day"},
    {"hôm kia", "2024-01-01", false, "2023-12-30", "2023-12-30", "day"},
    {"Sáng nay, đoàn tới Hà Nội", "2024-01-05T07:55", false, "2024-01-05", "2024-01-05", "day"},
    {"chiều qua", "2024-01-05", false, "2024-01-04", "2024-01-04", "day"},
    {"hôm nay", "2024-09", false, "2024-09", "2024-09", "month"},
    {"tuần trước", "2024-01-05", false, "2023-12-25", "2023-12-31", "day"},
    {"tuần này", "2024-01-05", false, "2024-01-01", "2024-01-07", "day"},
    {"tuần tới", "2024-01-05", false, "2024-01-08", "2024-01-14", "day"},
    {"thứ Hai tuần trước", "2024-01-05", false, "2023-12-25", "2023-12-25", "day"},
    {"cuối tuần qua", "2024-01-10", false, "2024-01-06", "2024-01-07", "day"},
    {"tháng trước", "2024-01-05", false, "2023-12", "2023-12", "month"},
    {"tháng này", "2024-01-05", false, "2024-01", "2024-01", "month"},
    {"tháng tới", "2024-12-20", false, "2025-01", "2025-01", "month"},
    {"đầu năm nay", "2024-01-05", false, "2024-01", "2024-03", "month"},
    {"cuối năm ngoái", "2024-01-05", false, "2023-10", "2023-12", "month"},
    {"vào thứ Ba", "2024-01-05", false, "2024-01-02", "2024-01-02", "day"},
    {"vào thứ Ba", "2024-01-05", true, "2024-01-09", "2024-01-09", "day"},
    {"vào thứ Sáu", "2024-01-05", false, "2024-01-05", "2024-01-05", "day"},
    {"cách đây 10 năm", "2024-06-01", false, "2014", "2014", "year"},
    {"5 năm qua", "2024", false, "2019", "2024", "year"},
    {"hôm qua", "", false, "", "", ""},
    {"tuần trước", "2024-09", false, "", "", ""},
};
INSTANTIATE_TEST_SUITE_P(Relative, ResolveDate, testing::ValuesIn(kRelative));

// Stretches that run to the publication date.
const DateCase kUntilNow[] = {
    {"từ năm 1989 đến nay", "2024-01-05T07:55", false, "1989", "2024-01-05", "year"},
    {"từ năm 1989 đến nay", "2024-09", false, "1989", "2024-09", "year"},
    {"kể từ năm 2010 đến nay", "2024", false, "2010", "2024", "year"},
    {"từ tháng 5/2023 đến nay", "2024-01-05", false, "2023-05", "2024-01-05", "month"},
    {"Từ đầu năm đến nay", "2024-06-10", false, "2024-01", "2024-06-10", "month"},
    {"từ 1989 đến nay", "2024-01-05", false, "1989", "2024-01-05", "year"},
    {"từ năm 1989 đến nay", "", false, "1989", "", "year"},
    {"từ năm 2030 đến nay", "2024-01-05", false, "", "", ""},
};
INSTANTIATE_TEST_SUITE_P(UntilNow, ResolveDate, testing::ValuesIn(kUntilNow));

// Not dates: amounts, codes, ordinals, bare years, impossible days.
const DateCase kNotDates[] = {
    {"1,6 tỷ USD", "2024-01-05", false, "", "", ""},
    {"16,7%", "2024-01-05", false, "", "", ""},
    {"2.069 km", "2024-01-05", false, "", "", ""},
    {"2023", "2024-01-05", false, "", "", ""},
    {"2021-2030", "2024-01-05", false, "", "", ""},
    {"Kỳ họp lần thứ 46", "2024-01-05", false, "", "", ""},
    {"Nghị định 15/2020", "2024-01-05", false, "", "", ""},
    {"Nghị định số 15/2020/NĐ-CP", "2024-01-05", false, "", "", ""},
    {"10-9", "2024-01-05", false, "", "", ""},
    {"tỷ lệ 1/3 dân số", "2024-01-05", false, "", "", ""},
    {"", "2024-01-05", false, "", "", ""},
    {"ngày 31/2", "2024-01-05", false, "", "", ""},
    {"ngày 0/13", "2024-01-05", false, "", "", ""},
    {"ngày 29/2/2023", "", false, "", "", ""},
    {"ngày 31/4/2022", "", false, "", "", ""},
    {"ngày 12/13/2022", "", false, "", "", ""},
    {"tháng 13/2024", "", false, "", "", ""},
    {"quý V/2024", "", false, "", "", ""},
    {"những năm qua", "2024-01-05", false, "", "", ""},
    {"hai năm nay", "2024-01-05", false, "", "", ""},
    {"lúc 07:55", "2024-01-05", false, "", "", ""},
    {"COVID-19", "2024-01-05", false, "", "", ""},
    {"số 12/5", "2024-01-05", false, "", "", ""},
    {"phiên bản 6.1.2", "2024-01-05", false, "", "", ""},
    {"giá 29.6 USD", "2024-01-05", false, "", "", ""},
    {"năm 99999", "2024-01-05", false, "", "", ""},
    {"Hiệp định Geneva 1954", "2024-01-05", false, "", "", ""},
    {"lần thứ hai", "2024-01-05", false, "", "", ""},
    {"ngày", "2024-01-05", false, "", "", ""},
    {"sáng", "2024-01-05", false, "", "", ""},
};
INSTANTIATE_TEST_SUITE_P(NotDates, ResolveDate, testing::ValuesIn(kNotDates));

// ---------------------------------------------------------------------------
// find_dates on whole sentences: spans (as written) and ranges.

struct Expect {
  std::string phrase, start, end;
  bool period = false, open = false;
};

struct SentenceCase {
  const char* text;
  const char* ref;
  bool ahead;
  std::vector<Expect> dates;
};

std::ostream& operator<<(std::ostream& os, const SentenceCase& c) { return os << "'" << c.text << "'"; }

class FindDates : public testing::TestWithParam<SentenceCase> {};

TEST_P(FindDates, Spans) {
  const SentenceCase& c = GetParam();
  const std::string text = c.text;
  const auto found = find_dates(text, ref_of(c.ref), c.ahead);
  std::vector<Expect> got;
  for (const auto& m : found) {
    ASSERT_LE(m.begin, m.end);
    ASSERT_LE(m.end, text.size());
    got.push_back({text.substr(m.begin, m.end - m.begin), m.range.start, m.range.end, m.is_period, m.open_end});
  }
  ASSERT_EQ(got.size(), c.dates.size());
  for (size_t k = 0; k < got.size(); ++k) {
    SCOPED_TRACE(k);
    EXPECT_EQ(got[k].phrase, c.dates[k].phrase);
    EXPECT_EQ(got[k].start, c.dates[k].start);
    EXPECT_EQ(got[k].end, c.dates[k].end);
    EXPECT_EQ(got[k].period, c.dates[k].period);
    EXPECT_EQ(got[k].open, c.dates[k].open);
  }
}

const SentenceCase kSentences[] = {
    {"Chiều 12/3, tại Hà Nội, Phó Thủ tướng tiếp Đại sứ Campuchia.", "2024-03-15", false,
     {{"Chiều 12/3", "2024-03-12", "2024-03-12"}}},
    {"Năm 2023, thương mại hai chiều đạt 1,6 tỷ USD, tăng 12,4% so với năm 2022.", "2024-01-05", false,
     {{"Năm 2023", "2023", "2023"}, {"năm 2022", "2022", "2022"}}},
    {"Trong 11 tháng đầu năm, hai nước trao đổi hơn 20 đoàn.", "2023-12-10", false,
     {{"11 tháng đầu năm", "2023-01", "2023-11", true}}},
    {"Theo kế hoạch, đoàn sẽ thăm chính thức từ ngày 3 đến ngày 5/2/2025.", "2025-01-20", true,
     {{"từ ngày 3 đến ngày 5/2/2025", "2025-02-03", "2025-02-05"}}},
    {"Từ năm 2015 đến nay, Việt Nam đã cấp hơn 1.000 suất học bổng mỗi năm.", "2024-01-05", false,
     {{"Từ năm 2015 đến nay", "2015", "2024-01-05", true, true}}},
    {"Kỳ họp lần thứ 45 được tổ chức tháng 1/2023 tại Hà Nội.", "2024-01-05", false,
     {{"tháng 1/2023", "2023-01", "2023-01"}}},
    {"Nghị định số 15/2020/NĐ-CP quy định; tỷ lệ 1/3 dân số sống ở nông thôn.", "2024-01-05", false, {}},
    {"Dự án dài 2.069 km, vốn 36,7 triệu USD, khởi công quý II/2022.", "2024-01-05", false,
     {{"quý II/2022", "2022-04", "2022-06"}}},
    {"Sáng thứ Năm (18/1), Chủ tịch Quốc hội hội kiến Bộ trưởng Ngoại giao Thái Lan.", "2024-01-19", false,
     {{"Sáng thứ Năm (18/1)", "2024-01-18", "2024-01-18"}}},
    {"Những năm qua, hai bên phối hợp chặt chẽ; trong 5 năm qua có hàng nghìn lượt khách.", "2024-01-05",
     false, {{"5 năm qua", "2019", "2024", true}}},
    {"Tuần trước, hai Bộ Quốc phòng đã ký Kế hoạch hợp tác năm 2024.", "2024-01-05", false,
     {{"Tuần trước", "2023-12-25", "2023-12-31"}, {"năm 2024", "2024", "2024"}}},
    {"Giai đoạn 2016 - 2020, viện trợ đạt 1.500 tỷ đồng; giai đoạn 2021-2025 tăng lên.", "2024-01-05", false,
     {{"Giai đoạn 2016 - 2020", "2016", "2020", true}, {"giai đoạn 2021-2025", "2021", "2025", true}}},
    {"Ngày 30/12/2023, lãnh đạo hai nước trao đổi điện mừng năm mới 2024.", "2024-01-05", false,
     {{"Ngày 30/12/2023", "2023-12-30", "2023-12-30"}}},
    {"Máy bay A321 cất cánh lúc 9h30 sáng 7/1 và chở 180 hành khách.", "2024-01-05", false,
     {{"sáng 7/1", "2024-01-07", "2024-01-07"}}},
    {"Hội nghị khai mạc chiều 27-12 và bế mạc sáng 29-12.", "2024-01-05", false,
     {{"chiều 27-12", "2023-12-27", "2023-12-27"}, {"sáng 29-12", "2023-12-29", "2023-12-29"}}},
    {"Tháng 12 năm ngoái, kim ngạch đạt 300 triệu USD; tháng 2 tới sẽ có đoàn sang.", "2024-01-05", false,
     {{"Tháng 12 năm ngoái", "2023-12", "2023-12"}, {"tháng 2 tới", "2024-02", "2024-02"}}},
    {"Cách đây 60 năm, hai nước thiết lập quan hệ ngoại giao (1962 - 2022).", "2022-06-01", false,
     {{"Cách đây 60 năm", "1962", "1962"}, {"1962 - 2022", "1962", "2022", true}}},
    {"Hiệp định Paris năm 1973 và Hiệp định Geneva 1954 là dấu mốc.", "2024-01-05", false,
     {{"năm 1973", "1973", "1973"}}},
    {"Từ ngày 28/12 đến 3/1, đoàn thăm Lào; ngày 4/1 đoàn về nước.", "2024-01-05", false,
     {{"Từ ngày 28/12 đến 3/1", "2023-12-28", "2024-01-03"}, {"ngày 4/1", "2024-01-04", "2024-01-04"}}},
    {"Cập nhật: 15:20 ngày 06/01/2025", "2025-01-06", false, {{"ngày 06/01/2025", "2025-01-06", "2025-01-06"}}},
    {"Thứ hai, 06/01/2025 - 10:30 (GMT+7)", "", false,
     {{"Thứ hai, 06/01/2025", "2025-01-06", "2025-01-06"}}},
    {"Đêm 31/12 rạng sáng 1/1, pháo hoa được bắn.", "2024-01-02", false,
     {{"Đêm 31/12", "2023-12-31", "2023-12-31"}, {"rạng sáng 1/1", "2024-01-01", "2024-01-01"}}},
    {"Từ tháng 1 đến tháng 8 năm 2024, đầu tư tăng 15%.", "2024-09-20", false,
     {{"Từ tháng 1 đến tháng 8 năm 2024", "2024-01", "2024-08", false}}},
    // A month in words inside a name is no date; a month in words after 'vào' is.
    {"Ông đến thành phố nơi nổ ra cuộc Cách mạng Tháng Mười vĩ đại.", "2017-07-01", false, {}},
    {"Hội nghị sẽ họp vào tháng Mười.", "2017-07-01", true, {{"tháng Mười", "2017-10", "2017-10"}}},
    {"Ngày 6/1 và ngày 7/1 hai bên làm việc.", "2024-01-05", false,
     {{"Ngày 6/1", "2024-01-06", "2024-01-06"}, {"ngày 7/1", "2024-01-07", "2024-01-07"}}},
};
INSTANTIATE_TEST_SUITE_P(Sentences, FindDates, testing::ValuesIn(kSentences));

// ---------------------------------------------------------------------------
// The publication date as a reference.

TEST(RefDate, FromIso) {
  auto r = ref_from_iso("2024-01-05T07:55");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->year, 2024);
  EXPECT_EQ(r->month, 1);
  EXPECT_EQ(r->day, 5);
  r = ref_from_iso("2024-09");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->month, 9);
  EXPECT_EQ(r->day, 0);
  r = ref_from_iso("2024");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->month, 0);
  EXPECT_FALSE(ref_from_iso("2024-13"));
  EXPECT_FALSE(ref_from_iso("2023-02-29"));
  EXPECT_FALSE(ref_from_iso("hôm nay"));
  EXPECT_FALSE(ref_from_iso(""));
}

TEST(RefDate, FromPublishedCutsToPrecision) {
  auto r = ref_from_published(Published{"2024-01-05T07:55", "minute"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->day, 5);
  r = ref_from_published(Published{"2024-09", "month"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->day, 0);
  EXPECT_EQ(resolve_date("sáng 10-9", *r)->start, "2024-09-10");
}

TEST(RefDate, ImpossibleReferenceKeepsWhatIsSound) {
  // A hand-made reference with a bad day is taken as its month.
  const RefDate bad{2024, 2, 31};
  EXPECT_EQ(resolve_date("năm ngoái", bad)->start, "2023");
  EXPECT_EQ(resolve_date("tháng trước", bad)->start, "2024-01");
  const auto yesterday = resolve_date("hôm qua", bad);
  ASSERT_TRUE(yesterday);
  EXPECT_EQ(yesterday->start, "2024-02");
  EXPECT_EQ(yesterday->precision, "month");
  EXPECT_FALSE(resolve_date("tuần trước", bad));  // a week needs the day
  // A month out of range leaves the year alone.
  EXPECT_EQ(resolve_date("năm nay", RefDate{2024, 14, 2})->start, "2024");
}

TEST(ExplainDate, SaysWhy) {
  std::string why;
  EXPECT_FALSE(explain_date("hôm qua", RefDate{}, false, &why));
  EXPECT_EQ(why, "needs the publication date");
  EXPECT_FALSE(explain_date("không có ngày nào", RefDate{2024, 1, 5}, false, &why));
  EXPECT_EQ(why, "no date phrase");
  const auto m = explain_date("Đoàn đến vào sáng 10-9.", RefDate{2024, 9, 0}, false, &why);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->begin, std::string("Đoàn đến vào ").size());
  EXPECT_FALSE(m->is_period);
}

TEST(FindDates, TodayWithItsWrittenDateNeedsOnlyTheYear) {
  // 'vào hôm nay 6/6' on a page known only by its year: the written day says it.
  const auto found = find_dates("nhận hai khoản tài trợ từ Chính phủ Hoa Kỳ vào hôm nay 6/6.", RefDate{2017, 0, 0});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range.start, "2017-06-06");
  EXPECT_EQ(found[0].range.precision, "day");
}

TEST(FindDates, SaysWhenADateIsComing) {
  const RefDate ref{2017, 1, 0};
  const auto coming = find_dates("Chuyến công du tới Tunisia vào tháng Ba tới của Thủ tướng", ref);
  ASSERT_EQ(coming.size(), 1u);
  EXPECT_TRUE(coming[0].coming);
  const auto plain = find_dates("Chuyến công du tới Tunisia vào tháng 3/2017 của Thủ tướng", ref);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_FALSE(plain[0].coming);
}

// ---------------------------------------------------------------------------
// Bad input never crashes and reads as no date.

TEST(DateRobustness, BadInput) {
  const RefDate ref{2024, 1, 5};
  const std::string digits(10 * 1024, '7');
  EXPECT_FALSE(resolve_date(digits, ref));
  EXPECT_TRUE(find_dates(digits, ref).empty());
  std::string slashes;
  for (int k = 0; k < 2000; ++k) slashes += "1/";
  EXPECT_TRUE(find_dates(slashes, ref).empty());
  EXPECT_FALSE(resolve_date("ngày ٦/١/٢٠٢٤", ref));          // Arabic-Indic digits
  EXPECT_FALSE(resolve_date("ngày ６/１/２０２４", ref));        // full-width digits
  EXPECT_FALSE(resolve_date(std::string("ng\xC3\xA0y 6/\xFF\xFE"), ref));  // broken UTF-8
  EXPECT_FALSE(resolve_date(std::string("\0\0\0", 3), ref));
  const auto mixed = resolve_date("中文 ngày 6/1/2024 ภาษาไทย", ref);
  ASSERT_TRUE(mixed);
  EXPECT_EQ(mixed->start, "2024-01-06");
  EXPECT_FALSE(resolve_date("ngày 99/99/9999", ref));
  EXPECT_FALSE(resolve_date("năm 0000", ref));
}

TEST(DateRobustness, LongTextFindsEveryDate) {
  std::string text;
  for (int k = 1; k <= 28; ++k) text += "Ngày " + std::to_string(k) + "/2/2023, hai bên gặp nhau. ";
  std::string many;
  for (int r = 0; r < 40; ++r) many += text;
  const auto found = find_dates(many, RefDate{2024, 1, 5});
  ASSERT_EQ(found.size(), 28u * 40u);
  EXPECT_EQ(found.front().range.start, "2023-02-01");
  EXPECT_EQ(found.back().range.start, "2023-02-28");
  for (size_t k = 1; k < found.size(); ++k) ASSERT_LE(found[k - 1].end, found[k].begin);
}

}  // namespace
}  // namespace mekong::resolve
