// `mekong resolve date|number`: JSON on stdout, exit 1 with a reason when the
// phrase cannot be read, 2 on bad arguments.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

namespace {

struct Output {
  int status = -1;
  std::string out;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

Output mekong_env(const std::string& env, const std::string& args) {
  Output r;
  const std::string cmd = env + " " + std::string(MEKONG_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

Output mekong(const std::string& args) { return mekong_env("", args); }

TEST(ResolveCommand, Date) {
  const Output r = mekong("resolve date " + quote("từ ngày 6-7/1/2024") + " --published 2024-01-05T07:55");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["start"], "2024-01-06");
  EXPECT_EQ(j["end"], "2024-01-07");
  EXPECT_EQ(j["precision"], "day");
  EXPECT_EQ(j["phrase"], "từ ngày 6-7/1/2024");
}

TEST(ResolveCommand, DateAhead) {
  const Output past = mekong("resolve date " + quote("ngày 20/11") + " --published 2024-09-15");
  const Output ahead = mekong("resolve date " + quote("ngày 20/11") + " --published 2024-09-15 --ahead");
  ASSERT_EQ(past.status, 0);
  ASSERT_EQ(ahead.status, 0);
  EXPECT_EQ(nlohmann::json::parse(past.out)["start"], "2023-11-20");
  EXPECT_EQ(nlohmann::json::parse(ahead.out)["start"], "2024-11-20");
}

TEST(ResolveCommand, OpenEnd) {
  const Output r = mekong("resolve date " + quote("Từ năm 1989 đến nay") + " --published 2024-09");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["start"], "1989");
  EXPECT_EQ(j["end"], "2024-09");
  EXPECT_EQ(j["open_end"], true);
  EXPECT_EQ(j["period"], true);
}

TEST(ResolveCommand, DateUnresolved) {
  Output r = mekong("resolve date " + quote("hôm qua"));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(nlohmann::json::parse(r.out)["unresolved"], "needs the publication date");
  r = mekong("resolve date " + quote("1,6 tỷ USD") + " --published 2024-01-05");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(nlohmann::json::parse(r.out).contains("unresolved"));
  r = mekong("resolve date " + quote("ngày 6/1") + " --published 2024-13-01");
  EXPECT_EQ(r.status, 2);
}

TEST(ResolveCommand, Number) {
  const Output r = mekong("resolve number " + quote("hơn 800 triệu USD"));
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["value"], 800000000);
  EXPECT_EQ(j["unit"], "USD");
  EXPECT_EQ(j["approx"], "over");
}

TEST(ResolveCommand, NumberWithNounAndDecimal) {
  Output r = mekong("resolve number " + quote("khoảng 250 lưu học sinh"));
  ASSERT_EQ(r.status, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["noun"], "lưu học sinh");
  EXPECT_EQ(j["unit"], "count");
  r = mekong("resolve number " + quote("16,7%"));
  ASSERT_EQ(r.status, 0);
  j = nlohmann::json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["value"].get<double>(), 16.7);
  EXPECT_EQ(j["unit"], "percent");
}

TEST(ResolveCommand, NumberUnresolved) {
  const Output r = mekong("resolve number " + quote("Nghị định 15/2020"));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(nlohmann::json::parse(r.out)["unresolved"], "no number");
}

}  // namespace

// An analyst's new word in lexicon/numbers.tsv counts without rebuilding.
TEST(ResolveCommand, ReadsNumberWordsFromTheLexiconFolder) {
  const std::string dir = ::testing::TempDir() + "mekong_lexicon_copy";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(MEKONG_LEXICON_DIR, dir, std::filesystem::copy_options::recursive);
  {
    std::ofstream add(dir + "/numbers.tsv", std::ios::app);
    add << "currency\tđồng bạc xanh\tUSD\n";
  }
  const std::string phrase = quote("5 triệu đồng bạc xanh");
  const Output before = mekong("resolve number " + phrase);
  const Output after = mekong_env("MEKONG_LEXICON=" + quote(dir), "resolve number " + phrase);
  ASSERT_EQ(after.status, 0) << after.out;
  EXPECT_EQ(nlohmann::json::parse(after.out)["unit"], "USD");
  EXPECT_EQ(nlohmann::json::parse(before.out)["unit"], "VND");
  std::filesystem::remove_all(dir);
}
