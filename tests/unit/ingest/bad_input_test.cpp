// One test per kind of bad input: each is reported as a Problem naming the
// document, and the documents around it still come through.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <random>

#include "helpers.h"
#include "ingest/html.h"
#include "ingest/source.h"
#include "normalize/normalize.h"

namespace mekong::ingest {
namespace {

using testing::Drained;
using testing::TempDir;
using testing::drain;
using testing::gzip;
using testing::http_response;
using testing::warc_record;

const std::string kGood = "Một câu văn bình thường về hợp tác giữa hai nước.\n";

std::string page(const std::string& words) {
  return "<html><body><h1>" + words + "</h1><p>" + words + " và thêm một câu nữa.</p></body></html>";
}

std::string response(int n) {
  return warc_record("response", "urn:uuid:r" + std::to_string(n), "https://d.example/" + std::to_string(n),
                     "application/http; msgtype=response", http_response(page("Bài số " + std::to_string(n))));
}

// The bad file between two good ones: one problem naming it, both good ones read.
void expect_only_bad(const TempDir& dir, const std::string& bad_name, const std::string& bad_bytes,
                     const std::string& expected_words) {
  dir.write("a.txt", kGood);
  const std::string bad = dir.write(bad_name, bad_bytes);
  dir.write("z.txt", kGood);
  Drained d = drain({dir.path()});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, bad);
  EXPECT_NE(d.problems[0].message.find(expected_words), std::string::npos) << d.problems[0].message;
  EXPECT_EQ(d.problems[0].message.find('\n'), std::string::npos);  // one line
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[0].id, "a");
  EXPECT_EQ(d.docs[1].id, "z");
}

TEST(BadInput, EmptyFile) {
  TempDir dir;
  expect_only_bad(dir, "m.txt", "", "empty");
}

TEST(BadInput, WhiteSpaceOnlyFile) {
  TempDir dir;
  expect_only_bad(dir, "m.txt", " \n\n\t \r\n", "empty");
}

TEST(BadInput, BinaryJunk) {
  TempDir dir;
  std::mt19937 rng(7);
  std::string junk(100000, '\0');
  for (char& c : junk) c = static_cast<char>(rng() & 0xFF);
  expect_only_bad(dir, "m.bin", junk, "binary");
}

TEST(BadInput, ControlCharactersWithoutNul) {
  TempDir dir;
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk += static_cast<char>(1 + i % 7);
  expect_only_bad(dir, "m.dat", junk, "binary");
}

TEST(BadInput, NulBytesAfterALongTextStart) {
  TempDir dir;
  std::string text;
  while (text.size() < 20000) text += kGood;  // past the sniffed head
  text += std::string("\0\0\0", 3) + kGood;
  expect_only_bad(dir, "m.txt", text, "NUL");
}

TEST(BadInput, NulBytesInAWarcRecord) {
  TempDir dir;
  const std::string body = "<html><body><p>Chữ</p>" + std::string(3, '\0') + "</body></html>";
  const std::string w = response(1) +
                        warc_record("response", "urn:uuid:bad", "https://d.example/x",
                                    "application/http; msgtype=response", http_response(body)) +
                        response(3);
  const std::string p = dir.write("c.warc", w);
  Drained d = drain({p});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#1");
  EXPECT_NE(d.problems[0].message.find("NUL"), std::string::npos);
  ASSERT_EQ(d.docs.size(), 2u);
}

// Invalid UTF-8 is repaired, not skipped: the document comes through and
// the repair is counted, for the caller to report.
TEST(BadInput, InvalidUtf8IsRepairedAndCounted) {
  TempDir dir;
  const std::string text = "Chữ hỏng ở đây: \xC3\x28 và \xFF\xFE ở đây.\n";
  const std::string p = dir.write("broken.txt", text);
  Drained d = drain({p});
  ASSERT_TRUE(d.problems.empty());
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_EQ(d.docs[0].bytes, text);
  Document doc;
  std::string error;
  ASSERT_TRUE(normalize::decode(d.docs[0].bytes, doc, error)) << error;
  EXPECT_EQ(doc.replaced_bytes, 3u);
  // The same page as HTML: gumbo repairs it, html_to_text counts it.
  const HtmlText h = html_to_text("<p>" + text + "</p>");
  EXPECT_EQ(h.invalid_utf8_bytes, 3u);
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Writes a file of one line of `bytes` bytes, in pieces.
void write_long_line(const std::string& path, size_t bytes) {
  std::ofstream out(path, std::ios::binary);
  const std::string piece(1 << 20, 'x');
  for (size_t done = 0; done < bytes; done += piece.size()) out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
}

TEST(BadInput, HundredMegabyteLineIsNotLoaded) {
  TempDir dir;
  dir.write("a.txt", kGood);
  const std::string big = (std::filesystem::path(dir.path()) / "m.txt").string();
  write_long_line(big, 100u << 20);
  dir.write("z.txt", kGood);
  const long before = peak_rss_kib();
  Drained d = drain({dir.path()});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, big);
  EXPECT_NE(d.problems[0].message.find("32 MiB"), std::string::npos) << d.problems[0].message;
  EXPECT_EQ(d.docs.size(), 2u);
  EXPECT_LT(peak_rss_kib() - before, 40 << 10);  // KiB: far less than the file
}

TEST(BadInput, HundredMegabyteLineCompressedStopsAtTheLimit) {
  TempDir dir;
  // Compressed, the size is unknown until read: the limit holds while reading.
  const std::string line(100u << 20, 'y');
  const std::string gz = gzip(line);
  const std::string p = dir.write("m.gz", gz);
  SourceOptions small;
  small.max_document_bytes = 4u << 20;
  Drained d = drain({p}, small);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].message.find("4 MiB"), std::string::npos) << d.problems[0].message;
  EXPECT_TRUE(d.docs.empty());
}

TEST(BadInput, TruncatedGzip) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Dòng số " + std::to_string(i) + " của một văn bản dài.\n";
  const std::string gz = gzip(text);
  expect_only_bad(dir, "m.txt.gz", gz.substr(0, gz.size() / 2), "truncated gzip");
}

TEST(BadInput, CorruptGzip) {
  TempDir dir;
  std::string gz = gzip(std::string(5000, 'a') + "\n");
  for (size_t i = 12; i < 40; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5A);
  expect_only_bad(dir, "m.gz", gz, "gzip");
}

TEST(BadInput, TruncatedWarcRecordKeepsTheEarlierOnes) {
  TempDir dir;
  const std::string w = response(0) + response(1) + response(2);
  const std::string p = dir.write("t.warc", w.substr(0, w.size() - 60));
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 2u);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#2");
  EXPECT_NE(d.problems[0].message.find("truncated WARC record"), std::string::npos) << d.problems[0].message;
}

TEST(BadInput, TruncatedWarcHeader) {
  TempDir dir;
  const std::string w = response(0) + response(1);
  const std::string p = dir.write("t.warc", w + "WARC/1.0\r\nWARC-Type: resp");
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 2u);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#2");
  EXPECT_NE(d.problems[0].message.find("header"), std::string::npos) << d.problems[0].message;
}

TEST(BadInput, WarcEndingRightAfterARecordHeader) {
  TempDir dir;
  const std::string w = response(0) + response(1);
  const std::string p = dir.write("t.warc", w + "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 100\r\n\r\n");
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 2u);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].message.find("truncated WARC record"), std::string::npos) << d.problems[0].message;
}

TEST(BadInput, DeeplyNestedHtmlIsReadWithoutRecursion) {
  std::string html = "<html><body><p>Hai bên hội đàm.</p>";
  for (int i = 0; i < 100000; ++i) html += "<b>";
  html += "sâu";
  for (int i = 0; i < 100000; ++i) html += "</b>";
  html += "</body></html>";
  const mekong::ingest::HtmlText h = mekong::ingest::html_to_text(html);
  EXPECT_NE(h.text.find("Hai bên hội đàm."), std::string::npos);
  EXPECT_NE(h.text.find("sâu"), std::string::npos);
}

// 20,000 nested tables: gumbo's parse errors are not kept (they took 12 GB).
TEST(BadInput, DeeplyNestedTablesStayInBoundedMemory) {
  std::string html = "<html><body><p>Hai bên hội đàm.</p>";
  for (int i = 0; i < 20000; ++i) html += "<table><tr><td>";
  html += "ô cuối";
  html += "</body></html>";
  rusage before{}, after{};
  ::getrusage(RUSAGE_SELF, &before);
  const mekong::ingest::HtmlText h = mekong::ingest::html_to_text(html);
  ::getrusage(RUSAGE_SELF, &after);
  EXPECT_NE(h.text.find("ô cuối"), std::string::npos);
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 1L << 20) << "KB of peak memory grown";  // under 1 GB
}

TEST(BadInput, TruncatedWarcGzipMidMember) {
  TempDir dir;
  const std::string gz = gzip(response(0)) + gzip(response(1)) + gzip(response(2));
  const std::string p = dir.write("t.warc.gz", gz.substr(0, gz.size() - 30));
  Drained d = drain({p});
  ASSERT_EQ(d.docs.size(), 2u);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#2");
  EXPECT_NE(d.problems[0].message.find("truncated gzip"), std::string::npos) << d.problems[0].message;
}

std::string lying_record(int n, long delta) {
  const std::string block = http_response(page("Bài nói dối " + std::to_string(n)));
  return warc_record("response", "urn:uuid:r" + std::to_string(n), "https://d.example/" + std::to_string(n),
                     "application/http; msgtype=response", block, static_cast<long>(block.size()) + delta);
}

void expect_liar_skipped(const std::string& file, const std::string& words) {
  TempDir dir;
  const std::string p = dir.write("l.warc", file);
  Drained d = drain({p});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#1");
  EXPECT_NE(d.problems[0].message.find(words), std::string::npos) << d.problems[0].message;
  ASSERT_EQ(d.docs.size(), 3u);  // resynchronised: the records after the liar are read
  EXPECT_EQ(d.docs[0].id, "urn:uuid:r0");
  EXPECT_EQ(d.docs[1].id, "urn:uuid:r2");
  EXPECT_EQ(d.docs[2].id, "urn:uuid:r3");
  EXPECT_EQ(d.docs[1].origin, p + "#2");
}

TEST(BadInput, WarcContentLengthTooLongRunsIntoTheNextRecord) {
  expect_liar_skipped(response(0) + lying_record(1, 25) + response(2) + response(3), "too long");
}

TEST(BadInput, WarcContentLengthTooLongSwallowsAWholeRecord) {
  const std::string next = response(2);
  // Exactly one record more: the separator check alone would not notice.
  expect_liar_skipped(response(0) + lying_record(1, static_cast<long>(next.size())) + next + response(3), "too long");
}

TEST(BadInput, WarcContentLengthTooLongRunsPastTheEnd) {
  expect_liar_skipped(response(0) + lying_record(1, 100000) + response(2) + response(3), "too long");
}

// A Content-Length above the document limit is streamed past, not read; a
// lie of that size must not swallow the records after it.
TEST(BadInput, WarcContentLengthAboveTheLimitDoesNotSwallowTheRest) {
  TempDir dir;
  std::string file = response(0) + lying_record(1, 40l << 20);
  for (int n = 2; n < 52; ++n) file += response(n);
  const std::string p = dir.write("l.warc", file);
  Drained d = drain({p});  // the default 32 MiB limit
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#1");
  EXPECT_NE(d.problems[0].message.find("too long"), std::string::npos) << d.problems[0].message;
  EXPECT_EQ(d.problems[0].message.find('\n'), std::string::npos);
  ASSERT_EQ(d.docs.size(), 51u);
  EXPECT_EQ(d.docs[1].id, "urn:uuid:r2");
  EXPECT_EQ(d.docs[1].origin, p + "#2");
  EXPECT_EQ(d.docs.back().id, "urn:uuid:r51");
}

TEST(BadInput, WarcContentLengthAboveTheLimitInGzipMembers) {
  TempDir dir;
  std::string gz = gzip(response(0)) + gzip(lying_record(1, 3l << 20));
  for (int n = 2; n < 6; ++n) gz += gzip(response(n));
  const std::string p = dir.write("l.warc.gz", gz);
  SourceOptions small;
  small.max_document_bytes = 1u << 20;
  Drained d = drain({p}, small);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#1");
  ASSERT_EQ(d.docs.size(), 5u);
  EXPECT_EQ(d.docs[4].id, "urn:uuid:r5");
}

TEST(BadInput, WarcContentLengthTooShort) {
  expect_liar_skipped(response(0) + lying_record(1, -40) + response(2) + response(3), "too short");
}

TEST(BadInput, WarcContentLengthTooShortInGzipMembers) {
  TempDir dir;
  const std::string gz = gzip(response(0)) + gzip(lying_record(1, -40)) + gzip(response(2));
  const std::string p = dir.write("l.warc.gz", gz);
  Drained d = drain({p});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#1");
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[1].id, "urn:uuid:r2");
}

TEST(BadInput, WarcWithoutContentLength) {
  std::string r = response(1);
  const size_t at = r.find("Content-Length: ");
  r.replace(at, std::string("Content-Length").size(), "Content-Lenght");
  TempDir dir;
  const std::string p = dir.write("n.warc", response(0) + r + response(2));
  Drained d = drain({p});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#1");
  EXPECT_NE(d.problems[0].message.find("Content-Length"), std::string::npos);
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[1].id, "urn:uuid:r2");
}

TEST(BadInput, JunkBetweenWarcRecords) {
  TempDir dir;
  const std::string p = dir.write("j.warc", response(0) + "garbage that is no record\nmore of it\n" + response(1));
  Drained d = drain({p});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].message.find("no WARC record header"), std::string::npos);
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[1].id, "urn:uuid:r1");
  EXPECT_EQ(d.docs[1].origin, p + "#1");
}

TEST(BadInput, WarcRecordOverTheSizeLimit) {
  TempDir dir;
  const std::string big = warc_record("response", "urn:uuid:big", "https://d.example/big",
                                      "application/http; msgtype=response",
                                      http_response(page(std::string(3u << 20, 'w'))));
  const std::string p = dir.write("b.warc", response(0) + big + response(2));
  SourceOptions small;
  small.max_document_bytes = 1u << 20;
  Drained d = drain({p}, small);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, p + "#1");
  EXPECT_NE(d.problems[0].message.find("1 MiB"), std::string::npos);
  ASSERT_EQ(d.docs.size(), 2u);
}

TEST(BadInput, MissingPath) {
  TempDir dir;
  const std::string missing = dir.path() + "/nothing-here.txt";
  Drained d = drain({missing, dir.write("a.txt", kGood)});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, missing);
  EXPECT_EQ(d.docs.size(), 1u);
}

}  // namespace
}  // namespace mekong::ingest
