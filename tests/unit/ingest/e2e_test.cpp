// The built binary on a folder mixing good and bad files: good records on
// stdout, each bad file named on stderr, exit status 1.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.h"

namespace mekong::ingest {
namespace {

using testing::TempDir;
using testing::gzip;
using testing::http_response;
using testing::warc_record;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct MekongRun {
  int status = -1;
  std::vector<nlohmann::json> records;
  std::string err;
};

MekongRun run_mekong(const std::string& args, const std::string& work) {
  const std::string out = work + "/stdout", err = work + "/stderr";
  const std::string cmd = std::string("'") + MEKONG_BINARY + "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int rc = std::system(cmd.c_str());
  MekongRun r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  std::istringstream lines(slurp(out));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) r.records.push_back(nlohmann::json::parse(line));
  r.err = slurp(err);
  return r;
}

std::string article(const std::string& subject) {
  return subject + " đã ký một bản ghi nhớ về hợp tác giáo dục trong buổi sáng nay.\n"
                   "Văn bản mở rộng chương trình trao đổi sinh viên giữa các trường đại học của hai bên.\n"
                   "Các bên cũng thống nhất tổ chức hội thảo chung vào năm tới.\n";
}

TEST(EndToEnd, MixedFolderReportsEachBadFileAndKeepsTheGoodOnes) {
  TempDir work;
  TempDir in;
  in.write("01-text.txt", article("Thành phố thứ nhất"));
  in.write("02-page.html", "<html><head><title>Trang</title></head><body><h1>Tin mới</h1><p>" +
                               article("Thành phố thứ hai") + "</p></body></html>");
  const std::string warc =
      warc_record("response", "urn:uuid:e2e-1", "https://e2e.example/1", "application/http; msgtype=response",
                  http_response("<html><body><p>" + article("Tỉnh thứ ba") + "</p></body></html>")) +
      warc_record("conversion", "urn:uuid:e2e-2", "https://e2e.example/2", "text/plain", article("Tỉnh thứ tư"));
  in.write("03-crawl.warc.gz", gzip(warc));
  in.write("04-empty.txt", "");
  std::mt19937 rng(11);
  std::string junk(5000, '\0');
  for (char& c : junk) c = static_cast<char>(rng() & 0xFF);
  in.write("05-junk.bin", junk);
  in.write("06-nul.txt", article("Nơi có byte rỗng") + std::string(2, '\0'));
  const std::string gz = gzip(article("Một tệp bị cắt") + article("Một tệp bị cắt lần nữa"));
  in.write("07-cut.txt.gz", gz.substr(0, gz.size() - 12));
  in.write("08-cut.warc", warc.substr(0, warc.size() - 50));
  in.write("09-invalid-utf8.txt", article("Chữ \xC3\x28 hỏng"));

  const MekongRun r = run_mekong("extract --content-only '" + in.path() + "'", work.path());
  EXPECT_EQ(r.status, 1) << r.err;
  std::vector<std::string> ids;
  for (const auto& rec : r.records) ids.push_back(rec.at("doc_id").get<std::string>());
  const std::vector<std::string> expected = {"01-text", "02-page", "urn:uuid:e2e-1", "urn:uuid:e2e-2",
                                             "urn:uuid:e2e-1", "09-invalid-utf8"};
  EXPECT_EQ(ids, expected) << r.err;
  for (const char* bad :
       {"04-empty.txt", "05-junk.bin", "06-nul.txt", "07-cut.txt.gz", "08-cut.warc#1", "09-invalid-utf8.txt"})
    EXPECT_NE(r.err.find(std::string("/") + bad + ": "), std::string::npos) << bad << " not named in:\n" << r.err;
  // One line each.
  size_t lines = 0;
  for (char c : r.err) lines += c == '\n';
  EXPECT_GE(lines, 5u);
  // The WARC record keeps its URL and says where it came from.
  ASSERT_GE(r.records.size(), 3u);
  EXPECT_EQ(r.records[2].at("source").at("url"), "https://e2e.example/1");
  EXPECT_EQ(r.records[2].at("source").at("origin"), in.path() + "/03-crawl.warc.gz#0");
}

TEST(EndToEnd, AllGoodMeansExitZero) {
  TempDir work;
  TempDir in;
  in.write("a.txt", article("Thị trấn"));
  const MekongRun r = run_mekong("extract --content-only '" + in.path() + "'", work.path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.records.size(), 1u);
}

TEST(EndToEnd, GzipWarcOnStandardInput) {
  TempDir work;
  TempDir in;
  const std::string p = in.write(
      "x", gzip(warc_record("conversion", "urn:uuid:stdin-1", "https://s.example/", "text/plain", article("Làng"))));
  const MekongRun r = run_mekong("extract --content-only - <'" + p + "'", work.path());
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].at("doc_id"), "urn:uuid:stdin-1");
  EXPECT_EQ(r.records[0].at("source").at("origin"), "-#0");
}

}  // namespace
}  // namespace mekong::ingest
