#include <gtest/gtest.h>

#include "content/content.h"
#include "normalize/normalize.h"

namespace ct = mekong::content;
using mekong::Document;

namespace {

Document analyzed(const std::string& text) {
  Document doc;
  std::string err;
  EXPECT_TRUE(mekong::normalize::decode(text, doc, err)) << err;
  ct::analyze(doc, ct::Cues::load(MEKONG_LEXICON_DIR));
  return doc;
}

std::string kept(const Document& doc) {
  std::string s;
  for (size_t i = 0; i < doc.lines.size(); ++i)
    if (doc.is_content[i]) s += std::to_string(i + 1) + ",";
  return s;
}

const std::string kPara1 =
    "Chiều 12/3, tại Hà Nội, Bộ trưởng Ngoại giao hai nước đã hội đàm và trao đổi sâu rộng về quan hệ "
    "song phương, nhất trí tăng cường hợp tác trên các lĩnh vực kinh tế, thương mại và đầu tư.";
const std::string kPara2 =
    "Hai bên đánh giá cao kết quả hợp tác thời gian qua, đồng thời thống nhất các biện pháp cụ thể nhằm "
    "thúc đẩy kim ngạch thương mại song phương trong những năm tới.";

}  // namespace

TEST(Published, ReadsTheFormsPagesUse) {
  auto p = ct::parse_published("07:55 | 05/01/2024 GMT+7", true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2024-01-05T07:55");
  EXPECT_EQ(p->precision, "minute");
  p = ct::parse_published(" date 2024-09 Sáng 10-9, ngay sau lễ đón chính thức ở Phủ Chủ tịch", true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2024-09");
  EXPECT_EQ(p->precision, "month");
  p = ct::parse_published("Cập nhật: 05/12/2020", true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2020-12-05");
  EXPECT_EQ(p->precision, "day");
  p = ct::parse_published("Thứ Hai, 06/01/2024 - 09:15", true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2024-01-06T09:15");
  p = ct::parse_published("06/01/2024 09:15 (GMT+07:00)", true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2024-01-06T09:15");
  p = ct::parse_published("2024-01-05T07:55:00+07:00", false);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2024-01-05T07:55");
}

TEST(Published, IgnoresDatesInsideSentencesAndImpossibleDates) {
  EXPECT_FALSE(ct::parse_published("Nhân kỷ niệm 45 năm Quốc khánh nước CHDCND Lào (2/12/1975 - 2/12/2020), sáng 26/11, "
                                   "Đại sứ Việt Nam tại Lào đã đến chúc mừng.",
                                   true));
  EXPECT_FALSE(ct::parse_published("31/02/2024 10:00", true));
  EXPECT_FALSE(ct::parse_published("25:61 | 05/13/2024", true));
}

TEST(Published, ABylineThatEndsWithTheArticlesDate) {
  auto p = ct::parse_byline_date("Bài và ảnh: Minh Anh - Phóng viên TTXVN tại Canada | 07/03/2024");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2024-03-07");
  EXPECT_EQ(p->precision, "day");
  // A sentence that ends with a date is no byline.
  EXPECT_FALSE(ct::parse_byline_date(
      "Hai bên nhất trí tổ chức kỳ họp tiếp theo của Ủy ban hỗn hợp tại Ottawa vào thời gian phù hợp sau khi "
      "trao đổi qua đường ngoại giao - 07/03/2024"));
  // Under the article, it dates the page.
  Document doc = analyzed("Việt Nam và Campuchia tăng cường hợp tác kinh tế\n" + kPara1 + "\n" + kPara2 +
                          "\n\nBài và ảnh: Minh Anh - Phóng viên TTXVN | 12/03/2024\n");
  ASSERT_TRUE(doc.published);
  EXPECT_EQ(doc.published->value, "2024-03-12");
}

TEST(Content, KeepsArticleDropsNavigationAndLists) {
  const std::string page = "Trang chủ Thời sự Quốc tế\n"
                           "10:20 | 12/03/2024 GMT+7\n"
                           "\n"
                           "Việt Nam và Campuchia tăng cường hợp tác kinh tế\n"
                           "\n" +
                           kPara1 + "\n\n" + kPara2 +
                           "\n"
                           "Tin liên quan\n"
                           "Một tin khác về hợp tác giữa hai nước láng giềng\n" +
                           kPara1 + "\n";
  Document doc = analyzed(page);
  EXPECT_EQ(kept(doc), "4,6,8,");
  ASSERT_TRUE(doc.title_line);
  EXPECT_EQ(*doc.title_line, 4u);
  ASSERT_TRUE(doc.published);
  EXPECT_EQ(doc.published->value, "2024-03-12T10:20");
}

TEST(Content, DropsTeasersInsideTheArticle) {
  const std::string teaser = "Thủ tướng tiếp Đại sứ Nhật Bản chào từ biệt";
  const std::string page = "Việt Nam và Campuchia tăng cường hợp tác kinh tế\n" + kPara1 + "\n" + teaser + " " + teaser +
                           "\n"
                           "Chiều 5/3, Thủ tướng đã tiếp Đại sứ Nhật Bản tại Việt Nam nhân dịp kết thúc nhiệm kỳ công "
                           "tác, hai bên trao đổi về hợp tác.\n" +
                           kPara2 + "\n";
  Document doc = analyzed(page);
  EXPECT_EQ(kept(doc), "1,2,5,");
  EXPECT_TRUE(doc.is_teaser[2]);
  EXPECT_TRUE(doc.is_teaser[3]);
}

TEST(Content, NoHeadlineWhenThePageStartsWithTheBody) {
  Document doc = analyzed(kPara1 + "\n\n" + kPara2 + "\n");
  EXPECT_FALSE(doc.title_line);
  EXPECT_EQ(kept(doc), "1,3,");
  EXPECT_FALSE(doc.published);
}

TEST(Content, DropsCaptionsBylinesAndLinkLines) {
  const std::string page = "Việt Nam và Campuchia tăng cường hợp tác kinh tế\n" + kPara1 +
                           "\n"
                           "Quang cảnh buổi hội đàm. Ảnh: TTXVN\n" +
                           kPara2 +
                           "\n"
                           "Minh Anh (tổng hợp)\n"
                           "https://example.vn/bai-viet-khac.html\n";
  Document doc = analyzed(page);
  EXPECT_EQ(kept(doc), "1,2,4,");
}

TEST(Content, ABoxOfTeasersInsideTheBodyDoesNotEndTheArticle) {
  // A box header, its teasers' headlines, then the article again.
  for (const std::string header : {"Tin liên quan", "Bài viết cùng chủ đề", "Tin liên quan khác:", "Xem thêm"}) {
    Document doc = analyzed("Việt Nam và Campuchia tăng cường hợp tác kinh tế\n" + kPara1 + "\n" + header +
                            "\nThủ tướng tiếp Đại sứ Nhật Bản chào từ biệt\nKhai mạc hội chợ thương mại biên giới năm nay\n" +
                            kPara2 + "\n");
    EXPECT_EQ(kept(doc), "1,2,6,") << header;
    EXPECT_TRUE(doc.is_teaser[3]) << header;
  }
}

TEST(Content, NoResumptionAfterABoxThatFollowsTheByline) {
  // After the byline the article is over: text after the box is not it.
  Document doc = analyzed("Việt Nam và Campuchia tăng cường hợp tác kinh tế\n" + kPara1 + "\nMinh Anh\nTin liên quan\n"
                          "Thủ tướng tiếp Đại sứ Nhật Bản chào từ biệt\nKhai mạc hội chợ thương mại biên giới năm nay\n" +
                          kPara2 + "\n");
  EXPECT_EQ(kept(doc), "1,2,");
}

TEST(Content, AListOfTeasersIsNotAnArticle) {
  std::string page = "Thứ Sáu, 20/06/2025\nTrang chủ Thời sự Thế giới Kinh tế\n";
  for (int i = 0; i < 5; ++i)
    page += "Bộ trưởng Ngoại giao tiếp Đại sứ nước bạn lần thứ " + std::to_string(i + 1) +
            "\nChiều " + std::to_string(10 + i) + "/6, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ nước bạn "
            "nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.\n" + std::to_string(i + 1) + " giờ trước\n";
  Document doc = analyzed(page);
  EXPECT_EQ(kept(doc), "");
  EXPECT_FALSE(doc.title_line);
  EXPECT_FALSE(doc.published);
}

TEST(Content, CommentsAndMostReadListsEndTheArticle) {
  for (const std::string header : {"Bình luận (12)", "Ý kiến bạn đọc", "Đọc nhiều"}) {
    Document doc = analyzed("Việt Nam và Campuchia tăng cường hợp tác kinh tế\n" + kPara1 + "\n" + header + "\n" +
                            kPara2 + "\n");
    EXPECT_EQ(kept(doc), "1,2,") << header;
  }
}

TEST(Content, HeadlineThatAsksOrHoldsADate) {
  Document doc = analyzed("Vì sao hai nước đẩy mạnh hợp tác kinh tế?\nThứ Hai, 06/01/2024 - 09:15\nMinh Anh\n" + kPara1 + "\n");
  ASSERT_TRUE(doc.title_line);
  EXPECT_EQ(*doc.title_line, 1u);
  ASSERT_TRUE(doc.published);
  EXPECT_EQ(doc.published->value, "2024-01-06T09:15");
  doc = analyzed("Kết quả kỳ họp Ủy ban liên Chính phủ ngày 6/2/2017\n" + kPara1 + "\n");
  ASSERT_TRUE(doc.title_line);
  EXPECT_EQ(*doc.title_line, 1u);
  EXPECT_FALSE(doc.published);  // a date in the headline is not a dateline
}

TEST(Published, ADateBarLosesToTheArticlesTimestamp) {
  Document doc = analyzed("Thứ Sáu, 20/06/2025\nTrang chủ\nThế giới\nKinh tế\n"
                          "Việt Nam và Campuchia tăng cường hợp tác kinh tế\n15:10 | 03/03/2023 GMT+7\n" +
                          kPara1 + "\n");
  ASSERT_TRUE(doc.published);
  EXPECT_EQ(doc.published->value, "2023-03-03T15:10");
  ASSERT_TRUE(doc.reference);
  EXPECT_EQ(doc.reference->source, "page");
  // Alone, the bar is not the article's date; it is still a reference.
  doc = analyzed("Thứ Sáu, 20/06/2025\nTrang chủ\nThế giới\nKinh tế\n"
                 "Việt Nam và Campuchia tăng cường hợp tác kinh tế\n" + kPara1 + "\n");
  EXPECT_FALSE(doc.published);
  ASSERT_TRUE(doc.reference);
  EXPECT_EQ(doc.reference->value, "2025-06-20");
  EXPECT_EQ(doc.reference->source, "date-bar");
}

TEST(Published, OtherSourcesOfTheDate) {
  auto p = ct::parse_published("# date = 20201001", true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2020-10-01");
  p = ct::date_in_url("https://example.vn/2017/06/21/bai-viet.html");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2017-06-21");
  p = ct::date_in_url("https://example.vn/thoi-su/bai-viet-20240105061517672.htm");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2024-01-05");
  EXPECT_FALSE(ct::date_in_url("https://2024.example.vn/bai-viet-123.html"));
  p = ct::day_of_warc_date("2025-06-20T18:30:00Z");  // already 21 June in Vietnam
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "2025-06-21");
  p = ct::parse_iso("2017-06");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->precision, "month");
  EXPECT_FALSE(ct::parse_iso("21/06/2017"));
  EXPECT_FALSE(ct::parse_iso("2017-13"));

  Document doc;
  std::string err;
  ASSERT_TRUE(mekong::normalize::decode("Việt Nam và Campuchia tăng cường hợp tác kinh tế\n" + kPara1 + "\n", doc, err));
  ct::Options options;
  options.assume_published = ct::parse_iso("2017-06");
  ct::analyze(doc, ct::Cues::load(MEKONG_LEXICON_DIR), options);
  EXPECT_FALSE(doc.published);
  ASSERT_TRUE(doc.reference);
  EXPECT_EQ(doc.reference->value, "2017-06");
  EXPECT_EQ(doc.reference->source, "assumed");
}
