// html_to_text on a page built like a news site: menu, article, related
// links, scripts. Lines follow the block structure; link density tells
// navigation from text.
#include <gtest/gtest.h>

#include <sstream>

#include "ingest/html.h"

namespace mekong::ingest {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

const char* const kPage = R"(<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Thỏa thuận mới về cảng biển | Báo Thử Nghiệm</title>
  <meta property="og:title" content="Thỏa thuận mới về cảng biển">
  <meta property="article:published_time" content="2023-06-14T09:30:00+07:00">
  <link rel="canonical" href="https://bao-thu.example.vn/thoa-thuan-cang-bien.html">
  <style>body { font-family: serif }</style>
  <script>var tracking = "không được hiện ra";</script>
</head>
<body>
  <nav class="menu">
    <ul>
      <li><a href="/">Trang chủ</a></li>
      <li><a href="/the-gioi">Thế giới</a></li>
      <li><a href="/kinh-te">Kinh tế</a></li>
    </ul>
  </nav>
  <article>
    <h1>Thỏa thuận mới về cảng biển</h1>
    <div class="time">14/06/2023&nbsp;09:30</div>
    <p>Hai thành phố cảng đã ký một thỏa thuận
       hợp tác   kéo dài năm năm.</p>
    <p>Theo <a href="/nguon">thông cáo</a>, tàu của hai bên sẽ được ưu tiên cập bến.</p>
    <p>Dòng đầu của địa chỉ<br>Dòng hai của địa chỉ</p>
    <p hidden>Đoạn bị ẩn đi</p>
    <div style="display: none">Một khối ẩn khác</div>
    <script>document.write("quảng cáo");</script>
  </article>
  <aside>
    <h3>Tin liên quan</h3>
    <ul>
      <li><a href="/a">Cảng thứ ba được mở rộng</a></li>
      <li><a href="/b">Giá cước vận tải giảm trong quý hai</a></li>
    </ul>
  </aside>
  <footer>Bản quyền © Báo Thử Nghiệm</footer>
</body>
</html>)";

TEST(HtmlToText, LinesFollowTheBlockStructure) {
  const HtmlText h = html_to_text(kPage);
  const std::vector<std::string> expected = {
      "Trang chủ",
      "Thế giới",
      "Kinh tế",
      "Thỏa thuận mới về cảng biển",
      "14/06/2023 09:30",
      "Hai thành phố cảng đã ký một thỏa thuận hợp tác kéo dài năm năm.",
      "Theo thông cáo, tàu của hai bên sẽ được ưu tiên cập bến.",
      "Dòng đầu của địa chỉ",
      "Dòng hai của địa chỉ",
      "Tin liên quan",
      "Cảng thứ ba được mở rộng",
      "Giá cước vận tải giảm trong quý hai",
      "Bản quyền © Báo Thử Nghiệm",
  };
  EXPECT_EQ(lines_of(h.text), expected);
  ASSERT_EQ(h.link_density.size(), expected.size());
}

TEST(HtmlToText, LinkDensityPerLine) {
  const HtmlText h = html_to_text(kPage);
  ASSERT_EQ(h.link_density.size(), 13u);
  for (size_t i : {0u, 1u, 2u, 10u, 11u}) EXPECT_FLOAT_EQ(h.link_density[i], 1.0f) << "line " << i;  // menu, related
  for (size_t i : {3u, 4u, 5u, 7u, 8u, 9u, 12u}) EXPECT_FLOAT_EQ(h.link_density[i], 0.0f) << "line " << i;
  // One linked phrase in a sentence: a small share.
  const float mixed = h.link_density[6];
  EXPECT_GT(mixed, 0.1f);
  EXPECT_LT(mixed, 0.3f);
  const std::string line = lines_of(h.text)[6];
  EXPECT_FLOAT_EQ(mixed, static_cast<float>(std::string("thông cáo").size()) / static_cast<float>(line.size()));
}

TEST(HtmlToText, ScriptsStylesAndHiddenTextAreDropped) {
  const HtmlText h = html_to_text(kPage);
  for (const char* gone : {"tracking", "quảng cáo", "font-family", "bị ẩn", "khối ẩn", "Báo Thử Nghiệm</title>"})
    EXPECT_EQ(h.text.find(gone), std::string::npos) << gone;
}

TEST(HtmlToText, PageMeta) {
  const HtmlText h = html_to_text(kPage);
  EXPECT_EQ(h.meta.title, "Thỏa thuận mới về cảng biển");  // og:title, without the site name
  EXPECT_EQ(h.meta.published, "2023-06-14T09:30:00+07:00");
  EXPECT_EQ(h.meta.url, "https://bao-thu.example.vn/thoa-thuan-cang-bien.html");
}

TEST(HtmlToText, TitleWhenThereIsNoOpenGraph) {
  const HtmlText h = html_to_text("<html><head><title>\n  Chỉ có   tiêu đề\n</title></head><body><p>x</p></body></html>");
  EXPECT_EQ(h.meta.title, "Chỉ có tiêu đề");
}

TEST(HtmlToText, PublishedFromOtherVocabularies) {
  EXPECT_EQ(html_to_text(R"(<html><head><meta name="DC.date.issued" content="2022-02-03"></head><body>x</body></html>)")
                .meta.published,
            "2022-02-03");
  EXPECT_EQ(html_to_text(R"(<html><body><time itemprop="datePublished" datetime="2021-05-06T07:08:00Z">6/5</time></body></html>)")
                .meta.published,
            "2021-05-06T07:08:00Z");
  EXPECT_EQ(html_to_text(R"(<html><head><script type="application/ld+json">{"@type":"NewsArticle",
              "datePublished" : "2020-10-11T12:13:14+07:00","dateModified":"2020-10-12"}</script></head><body>x</body></html>)")
                .meta.published,
            "2020-10-11T12:13:14+07:00");
  // The stronger name wins whatever the order.
  EXPECT_EQ(html_to_text(R"(<html><head><meta name="date" content="2019-01-01">
              <meta property="article:published_time" content="2019-02-02T10:00"></head><body>x</body></html>)")
                .meta.published,
            "2019-02-02T10:00");
}

TEST(HtmlToText, PreKeepsItsLineBreaksAndInvisibleCharactersGo) {
  const HtmlText h = html_to_text("<pre>một\nhai</pre><p>a\xC2\xAD" "b\xE2\x80\x8B" "c</p>");
  EXPECT_EQ(lines_of(h.text), (std::vector<std::string>{"một", "hai", "abc"}));
}

TEST(HtmlToText, InlineElementsDoNotBreakLines) {
  const HtmlText h = html_to_text("<p>Một <b>câu</b> có <i>chữ</i><span>đậm</span>.</p>");
  EXPECT_EQ(h.text, "Một câu có chữđậm.");
}

}  // namespace
}  // namespace mekong::ingest
