#include <gtest/gtest.h>

#include "segment/segment.h"

namespace sg = mekong::segment;

namespace {

std::vector<std::string> split(const std::string& line) {
  sg::Abbreviations abbr;
  abbr.add("TP");
  abbr.add("PGS.TS");
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  sg::split_line(line, abbr, spans);
  std::vector<std::string> out;
  for (auto [b, e] : spans) out.push_back(line.substr(b, e - b));
  return out;
}

}  // namespace

TEST(Segment, SplitsAtSentenceMarksBeforeACapital) {
  auto s = split("Hai bên đã hội đàm. Sau đó, hai Bộ trưởng ký thỏa thuận! Có đúng không? Đúng vậy.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "Hai bên đã hội đàm.");
  EXPECT_EQ(s[1], "Sau đó, hai Bộ trưởng ký thỏa thuận!");
  EXPECT_EQ(s[3], "Đúng vậy.");
}

TEST(Segment, KeepsNumbersAbbreviationsAndInitialsTogether) {
  auto s = split("Kim ngạch đạt 1.120 triệu USD tại TP. Hồ Chí Minh, theo PGS.TS. Nguyễn Văn Hùng. Năm nay tăng 1,6%.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "Năm nay tăng 1,6%.");
}

TEST(Segment, QuotesCloseTheirSentence) {
  auto s = split("Ông nói: “Chúng tôi rất vui.” Hai bên nhất trí.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Ông nói: “Chúng tôi rất vui.”");
}

TEST(Segment, NoSplitBeforeLowerCase) {
  auto s = split("các lĩnh vực như viễn thông, ngân hàng… và nông nghiệp. Hết");
  ASSERT_EQ(s.size(), 2u);
}

TEST(Segment, SentencesComeOnlyFromArticleLines) {
  mekong::Document doc;
  const std::string body = "Câu một. Câu hai.";
  doc.text = "Menu\n" + body + "\nTeaser";
  const auto e = static_cast<uint32_t>(5 + body.size());
  doc.lines = {{0, 4}, {5, e}, {e + 1, e + 7}};
  doc.is_content = {0, 1, 0};
  auto s = sg::sentences(doc, sg::Abbreviations{});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].line, 2u);
  EXPECT_EQ(doc.line(1).substr(s[1].begin, s[1].end - s[1].begin), "Câu hai.");
}

TEST(Segment, ACreditInsideALineIsNoSentence) {
  sg::Abbreviations abbr;
  abbr.add_credit("Ảnh:");
  auto run = [&](const std::string& line) {
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    sg::split_line(line, abbr, spans);
    std::vector<std::string> out;
    for (auto [b, e] : spans) out.push_back(line.substr(b, e - b));
    return out;
  };
  auto s = run("Hai Chủ tịch cắt băng khánh thành. Ảnh: Trọng Đức/TTXVN Ngay sau lễ đón, hai bên hội đàm.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Hai Chủ tịch cắt băng khánh thành.");
  EXPECT_EQ(s[1], "Ngay sau lễ đón, hai bên hội đàm.");
  s = run("Quang cảnh lễ ký (Ảnh: Văn Mỹ) Hai bên nhất trí.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Quang cảnh lễ ký");
  EXPECT_EQ(s[1], "Hai bên nhất trí.");
  // No mark of the credit's end: the text is left as it is.
  s = run("Quang cảnh lễ ký. Ảnh: Tiến Tuấn Hai bên nhất trí.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "Ảnh: Tiến Tuấn Hai bên nhất trí.");
}

TEST(Segment, ATwoLetterAcronymEndsASentenceAnInitialDoesNot) {
  auto s = split("Viện đầu tiên bên ngoài lãnh thổ VN. Quý 1, kim ngạch tăng.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "Quý 1, kim ngạch tăng.");
  s = split("Ông Nguyễn V. Hùng phát biểu. Hai bên nhất trí.");
  ASSERT_EQ(s.size(), 2u);
}

TEST(Segment, ABracketedTitleLinkedFromTheBodyIsNoSentence) {
  auto s = split("Hai bên hội đàm. [Thủ tướng tiếp Đại sứ Nhật Bản] Sau đó, hai bên ký kết.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Hai bên hội đàm.");
  EXPECT_EQ(s[1], "Sau đó, hai bên ký kết.");
  // A short bracket ('[1]', '[ảnh]') is left in the text.
  s = split("Hai bên hội đàm [1]. Sau đó, hai bên ký kết.");
  ASSERT_EQ(s.size(), 2u);
}

