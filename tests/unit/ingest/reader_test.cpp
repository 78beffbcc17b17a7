// One reader test per input format: text, HTML, WARC (plain, gzip per
// record, gzip single stream), WET conversion records, gzip text/HTML.
#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include "helpers.h"
#include "ingest/source.h"
#include "ingest/warc.h"

namespace mekong::ingest {
namespace {

using testing::Drained;
using testing::TempDir;
using testing::drain;
using testing::gzip;
using testing::http_response;
using testing::warc_record;

const std::string kText =
    "Hai bộ trưởng gặp nhau tại thủ đô để bàn về thương mại.\n"
    "Cuộc gặp kéo dài hai giờ và kết thúc bằng một tuyên bố chung.\n";

const std::string kHtml =
    "<!DOCTYPE html><html><head><title>Một trang thử</title></head>"
    "<body><p>Đoàn đại biểu đến sân bay vào buổi sáng.</p></body></html>";

// A crawl as Common Crawl writes it: warcinfo, then request/response/metadata per page.
std::vector<std::string> crawl_records() {
  return {
      warc_record("warcinfo", "urn:uuid:00000000-0000-0000-0000-000000000000", "", "application/warc-fields",
                  "software: test-crawler\r\nformat: WARC File Format 1.0\r\n"),
      warc_record("request", "urn:uuid:11111111-0000-0000-0000-000000000001", "https://tin.example.vn/a1",
                  "application/http; msgtype=request", "GET /a1 HTTP/1.1\r\nHost: tin.example.vn\r\n\r\n"),
      warc_record("response", "urn:uuid:11111111-0000-0000-0000-000000000002", "https://tin.example.vn/a1",
                  "application/http; msgtype=response", http_response(kHtml)),
      warc_record("metadata", "urn:uuid:11111111-0000-0000-0000-000000000003", "https://tin.example.vn/a1",
                  "application/warc-fields", "fetchTimeMs: 120\r\n"),
      warc_record("response", "urn:uuid:11111111-0000-0000-0000-000000000004", "https://tin.example.vn/logo.png",
                  "application/http; msgtype=response", http_response(std::string("\x89PNG\r\n\x1a\n\0\0", 10), "image/png")),
      warc_record("response", "urn:uuid:11111111-0000-0000-0000-000000000005", "https://tin.example.vn/a2",
                  "application/http; msgtype=response",
                  http_response("<html><body><p>Trang thứ hai của lần thu thập.</p></body></html>")),
  };
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

void expect_crawl(const Drained& d, const std::string& path) {
  ASSERT_TRUE(d.problems.empty()) << d.problems[0].origin << ": " << d.problems[0].message;
  ASSERT_EQ(d.docs.size(), 2u);
  const RawDocument& a = d.docs[0];
  EXPECT_EQ(a.id, "urn:uuid:11111111-0000-0000-0000-000000000002");
  EXPECT_EQ(a.origin, path + "#2");
  EXPECT_EQ(a.format, Format::Html);
  EXPECT_EQ(a.meta.url, "https://tin.example.vn/a1");
  EXPECT_TRUE(a.meta.published.empty());  // WARC-Date is the crawl, not the publication
  EXPECT_EQ(a.bytes, kHtml);               // status line and headers stripped
  EXPECT_EQ(d.docs[1].id, "urn:uuid:11111111-0000-0000-0000-000000000005");
  EXPECT_EQ(d.docs[1].origin, path + "#5");
}

TEST(Reader, TextFile) {
  TempDir dir;
  const std::string p = dir.write("bai-01.txt", kText);
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_TRUE(d.problems.empty());
  EXPECT_EQ(d.docs[0].id, "bai-01");
  EXPECT_EQ(d.docs[0].origin, p);
  EXPECT_EQ(d.docs[0].format, Format::Text);
  EXPECT_EQ(d.docs[0].bytes, kText);
}

TEST(Reader, HtmlFileToldByContentNotName) {
  TempDir dir;
  const std::string p = dir.write("page.data", kHtml);
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_EQ(d.docs[0].format, Format::Html);
  EXPECT_EQ(d.docs[0].bytes, kHtml);
}

TEST(Reader, FolderIsReadRecursivelyInNameOrder) {
  TempDir dir;
  dir.write("b.txt", kText);
  dir.write("a/z.txt", kText);
  dir.write("a/c.html", kHtml);
  Drained d = drain({dir.path()});
  ASSERT_EQ(d.docs.size(), 3u);
  EXPECT_EQ(d.docs[0].id, "c");
  EXPECT_EQ(d.docs[1].id, "z");
  EXPECT_EQ(d.docs[2].id, "b");
}

TEST(Reader, WarcPlain) {
  TempDir dir;
  const std::string p = dir.write("crawl.warc", join(crawl_records()));
  expect_crawl(drain({p}), p);
}

TEST(Reader, WarcVersion11) {
  TempDir dir;
  const std::string p = dir.write(
      "v11", warc_record("resource", "urn:uuid:22", "https://x.example/p", "text/html", kHtml, -1, "WARC/1.1"));
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_EQ(d.docs[0].id, "urn:uuid:22");
  EXPECT_EQ(d.docs[0].bytes, kHtml);
}

TEST(Reader, WarcGzipOneMemberPerRecord) {
  TempDir dir;
  std::string bytes;
  for (const auto& r : crawl_records()) bytes += gzip(r);
  const std::string p = dir.write("crawl.warc.gz", bytes);
  expect_crawl(drain({p}), p);
}

TEST(Reader, WarcGzipSingleStreamWithoutExtension) {
  TempDir dir;
  const std::string p = dir.write("crawl.bin", gzip(join(crawl_records())));
  expect_crawl(drain({p}), p);
}

TEST(Reader, WetConversionRecordsAreText) {
  TempDir dir;
  const std::string text = "Tiêu đề của bài\nĐoạn thứ nhất của bài viết.\nĐoạn thứ hai.";
  std::string wet = warc_record("warcinfo", "urn:uuid:0", "", "application/warc-fields", "isPartOf: test\r\n");
  wet += warc_record("conversion", "urn:uuid:33", "https://bao.example.vn/bai-1", "text/plain", text);
  wet += warc_record("conversion", "urn:uuid:34", "https://bao.example.vn/bai-2", "text/plain", "Một dòng.");
  std::string gz;
  gz += gzip(wet);
  const std::string p = dir.write("x.warc.wet.gz", gz);
  Drained d = drain({p});
  ASSERT_TRUE(d.problems.empty());
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[0].format, Format::Text);
  EXPECT_EQ(d.docs[0].id, "urn:uuid:33");
  EXPECT_EQ(d.docs[0].origin, p + "#1");
  EXPECT_EQ(d.docs[0].meta.url, "https://bao.example.vn/bai-1");
  EXPECT_EQ(d.docs[0].bytes, text);
  EXPECT_EQ(d.docs[1].bytes, "Một dòng.");
}

TEST(Reader, GzipTextAndHtmlFiles) {
  TempDir dir;
  const std::string t = dir.write("note.txt.gz", gzip(kText));
  const std::string h = dir.write("page.html.gz", gzip(kHtml));
  Drained d = drain({t, h});
  ASSERT_TRUE(d.problems.empty());
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[0].id, "note");
  EXPECT_EQ(d.docs[0].format, Format::Text);
  EXPECT_EQ(d.docs[0].bytes, kText);
  EXPECT_EQ(d.docs[1].id, "page");
  EXPECT_EQ(d.docs[1].format, Format::Html);
  EXPECT_EQ(d.docs[1].bytes, kHtml);
}

TEST(Reader, MultiMemberGzipTextIsOneDocument) {
  TempDir dir;
  const std::string p = dir.write("parts.gz", gzip("Phần một. ") + gzip("Phần hai."));
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_EQ(d.docs[0].bytes, "Phần một. Phần hai.");
}

TEST(Reader, HttpChunkedAndGzipEncodedBodiesAreDecoded) {
  const std::string body = "<html><body><p>Nội dung được nén khi gửi.</p></body></html>";
  const std::string gz = gzip(body);
  // Two chunks, in hex sizes.
  const size_t half = gz.size() / 2;
  char size1[24], size2[24];
  std::snprintf(size1, sizeof size1, "%zx", half);
  std::snprintf(size2, sizeof size2, "%zx", gz.size() - half);
  const std::string chunked = std::string(size1) + "\r\n" + gz.substr(0, half) + "\r\n" + size2 + "\r\n" +
                              gz.substr(half) + "\r\n0\r\n\r\n";
  const std::string msg = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                          "Content-Encoding: gzip\r\n\r\n" + chunked;
  HttpResponse r;
  std::string error;
  ASSERT_TRUE(parse_http_response(msg, 1 << 20, r, error)) << error;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html");
  EXPECT_EQ(r.body, body);
}

TEST(Reader, RedirectsAndNonHtmlResponsesAreSkippedQuietly) {
  TempDir dir;
  std::string w;
  w += warc_record("response", "urn:uuid:1", "https://a.example/old", "application/http; msgtype=response",
                   http_response("<html><body>Moved</body></html>", "text/html", "301 Moved Permanently",
                                 "Location: https://a.example/new\r\n"));
  w += warc_record("response", "urn:uuid:2", "https://a.example/s.css", "application/http; msgtype=response",
                   http_response("body { color: red }", "text/css"));
  w += warc_record("resource", "urn:uuid:3", "file:///notes.txt", "application/pdf", "%PDF-1.4 ...");
  w += warc_record("revisit", "urn:uuid:4", "https://a.example/new", "application/http; msgtype=response",
                   "HTTP/1.1 200 OK\r\n\r\n");
  w += warc_record("response", "urn:uuid:5", "https://a.example/new", "application/http; msgtype=response",
                   http_response(kHtml));
  const std::string p = dir.write("mixed.warc", w);
  Drained d = drain({p});
  EXPECT_TRUE(d.problems.empty());
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_EQ(d.docs[0].id, "urn:uuid:5");
  EXPECT_EQ(d.docs[0].origin, p + "#4");
}

TEST(Reader, DeclaredLegacyCharsetIsConvertedWhenNotUtf8) {
  TempDir dir;
  // 'Hà Nội' in windows-1258: tone marks are combining bytes (0xCC grave, 0xF2 dot below).
  const std::string cp1258 = std::string("<html><body><p>Ha") + "\xCC" + " N" + "\xF4" + "\xF2" + "i</p></body></html>";
  std::string w = warc_record("response", "urn:uuid:9", "https://c.example/", "application/http; msgtype=response",
                              http_response(cp1258, "text/html; charset=windows-1258"));
  const std::string p = dir.write("legacy.warc", w);
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 1u) << (d.problems.empty() ? "" : d.problems[0].message);
  // Decomposed (NFD) here; normalize composes to NFC later.
  EXPECT_NE(d.docs[0].bytes.find("Ha\xCC\x80 N\xC3\xB4\xCC\xA3i"), std::string::npos) << d.docs[0].bytes;
}

TEST(Reader, ValidUtf8WinsOverAWrongDeclaration) {
  TempDir dir;
  const std::string page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Việt Nam</p></body></html>";
  const std::string p = dir.write("wrong.html", page);
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_EQ(d.docs[0].bytes, page);
}

TEST(Reader, Utf16WithByteOrderMarkIsConverted) {
  TempDir dir;
  const std::string le("\xFF\xFE" "A\0b\0c\0\n\0", 10);
  const std::string p = dir.write("u16.txt", le);
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 1u) << d.problems[0].message;
  EXPECT_EQ(d.docs[0].bytes, "Abc\n");
}

// UTF-16 bytes of a UTF-8 string, with a byte order mark: little or big endian.
std::string utf16(const std::string& utf8, bool big_endian) {
  std::string out = big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE");
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  for (int32_t i = 0; i < u.length(); ++i) {
    const char16_t c = u.charAt(i);
    const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

TEST(Reader, Utf16HtmlWithByteOrderMarkIsReadAsHtml) {
  const std::string page =
      "<!DOCTYPE html>\n<html><head><title>Tin</title></head><body><p>Hai bộ trưởng gặp nhau.</p></body></html>\n";
  for (const bool be : {false, true}) {
    TempDir dir;
    const std::string p = dir.write("u16.html", utf16(page, be));
    Drained d = drain({p});
    ASSERT_EQ(d.docs.size(), 1u) << d.problems[0].message;
    EXPECT_EQ(d.docs[0].format, Format::Html) << (be ? "big endian" : "little endian");
    EXPECT_EQ(d.docs[0].bytes, page);
  }
}

TEST(Reader, Utf16TextWithByteOrderMarkStaysText) {
  TempDir dir;
  const std::string p = dir.write("u16.txt", utf16("Văn bản thường <b> ở đây.\n", true));
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_EQ(d.docs[0].format, Format::Text);
}

TEST(Reader, Sniff) {
  EXPECT_EQ(sniff("WARC/1.0\r\n"), Format::Warc);
  EXPECT_EQ(sniff("\xEF\xBB\xBF  <!DOCTYPE html><html>"), Format::Html);
  EXPECT_EQ(sniff("<div class=a><p>x</p></div>"), Format::Html);
  EXPECT_EQ(sniff("<!-- ghi chú --> Văn bản thường"), Format::Text);
  EXPECT_EQ(sniff("Văn bản thường <b>"), Format::Text);
}

}  // namespace
}  // namespace mekong::ingest
