#include <gtest/gtest.h>

#include "normalize/normalize.h"

using mekong::Document;
namespace nz = mekong::normalize;

TEST(Fold, UnifiesOldAndNewToneMarkPlacement) {
  EXPECT_EQ(nz::fold("hoà"), nz::fold("hòa"));
  EXPECT_EQ(nz::fold("thuý"), nz::fold("thúy"));
  EXPECT_EQ(nz::fold("thoả"), nz::fold("thỏa"));
  EXPECT_EQ(nz::fold("khoẻ"), nz::fold("khỏe"));
  EXPECT_EQ(nz::fold("Hoà Bình"), nz::fold("hòa bình"));
  EXPECT_NE(nz::fold("hòa"), nz::fold("hoa"));  // the tone itself still counts
  EXPECT_NE(nz::fold("Lào"), nz::fold("Lao"));
}

TEST(Fold, FoldsCaseAndDashes) {
  EXPECT_EQ(nz::fold("VIỆT NAM – LÀO"), "việt nam - lào");
  EXPECT_EQ(nz::fold("Việt\u00a0Nam"), "việt nam");
  EXPECT_EQ(nz::fold("ĐÀ NẴNG"), nz::fold("đà nẵng"));
}

TEST(Fold, MapsBackToOriginalOffsets) {
  const std::string in = "Thủ tướng Lào";
  nz::Folded f;
  nz::fold(in, f);
  const size_t at = f.text.find("lào");
  ASSERT_NE(at, std::string::npos);
  auto [b, e] = f.orig(at, at + std::string("lào").size());
  EXPECT_EQ(in.substr(b, e - b), "Lào");
  ASSERT_EQ(f.to_orig.size(), f.text.size() + 1);
  EXPECT_EQ(f.to_orig.back(), in.size());
}

TEST(Fold, KeepsLettersOfOtherScripts) {
  EXPECT_EQ(nz::fold("ÀÉ Москва"), nz::fold("àé москва"));
}

TEST(StripMarks, IgnoresAllDiacritics) {
  EXPECT_EQ(nz::strip_marks("Hoà Bình"), "hoa binh");
  EXPECT_EQ(nz::strip_marks("Đà Nẵng"), "da nang");
  EXPECT_EQ(nz::strip_marks("người"), "nguoi");
}

TEST(Decode, SplitsLinesAtNewlineOnly) {
  Document doc;
  std::string err;
  ASSERT_TRUE(nz::decode("a\r\nb\x0b" "c\n\nd", doc, err)) << err;
  ASSERT_EQ(doc.lines.size(), 4u);
  EXPECT_EQ(doc.line(0), "a\r");
  EXPECT_EQ(doc.line(1), "b\x0b" "c");
  EXPECT_EQ(doc.line(2), "");
  EXPECT_EQ(doc.line(3), "d");
}

TEST(Decode, NormalizesToNfc) {
  Document doc;
  std::string err;
  // 'ạ' as a + combining dot below
  ASSERT_TRUE(nz::decode("Vie\xCC\xA3\xCC\x82t", doc, err));
  EXPECT_EQ(doc.text, "Việt");
}

TEST(Decode, ReplacesAndCountsInvalidBytes) {
  Document doc;
  std::string err;
  ASSERT_TRUE(nz::decode("Hà Nội \xFF\xFE ngày mới, một bài báo dài hơn một chút", doc, err)) << err;
  EXPECT_EQ(doc.replaced_bytes, 2u);
  EXPECT_NE(doc.text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Decode, RejectsBadInputWithAReason) {
  Document doc;
  std::string err;
  EXPECT_FALSE(nz::decode("", doc, err));
  EXPECT_EQ(err, "empty document");
  EXPECT_FALSE(nz::decode(" \n\t\n", doc, err));
  EXPECT_FALSE(nz::decode(std::string("abc\0def", 7), doc, err));
  EXPECT_NE(err.find("NUL"), std::string::npos);
  EXPECT_FALSE(nz::decode(std::string(100, '\x01') + "abc", doc, err));
  EXPECT_NE(err.find("binary"), std::string::npos);
  std::string junk;
  for (int i = 0; i < 400; ++i) junk.push_back(static_cast<char>(0x80 + (i * 7) % 64));
  EXPECT_FALSE(nz::decode(junk, doc, err));
  EXPECT_NE(err.find("not UTF-8"), std::string::npos);
  nz::Limits small;
  small.max_line_bytes = 10;
  EXPECT_FALSE(nz::decode("short\nthis line is too long\n", doc, err, small));
  EXPECT_NE(err.find("line 2"), std::string::npos);
}
