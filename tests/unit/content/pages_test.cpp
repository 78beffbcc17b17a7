// Our content pages (tests/data/content/pages): text, HTML and WARC pages
// written to show each class of mistake of the content and publication-date
// stages, with what a reader expects in tests/data/content/gold/<doc_id>.json
// (the scorer's record format, plus: reference, content_has, content_lacks,
// max_content_lines, assume_published). Run through the real pipeline.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "content/content.h"
#include "core/record_json.h"
#include "ingest/source.h"
#include "pipeline/pipeline.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kDir = std::string(MEKONG_TEST_DATA) + "/content";

struct Result {
  json record;
  std::vector<std::string> lines;  // the document's text lines
};

std::map<std::string, Result> run_pages(const mekong::PipelineOptions& options) {
  mekong::Pipeline pipeline(options);
  mekong::ingest::Source source({kDir + "/pages"});
  std::map<std::string, Result> out;
  mekong::run_batch(
      pipeline, source, 1,
      [&](mekong::Document& doc) {
        Result r;
        r.record = json::parse(mekong::to_json(doc).dump());
        for (size_t i = 0; i < doc.lines.size(); ++i) r.lines.emplace_back(doc.line(i));
        out[doc.id] = std::move(r);
      },
      [](const std::string& origin, const std::string& message) { ADD_FAILURE() << origin << ": " << message; });
  return out;
}

const std::map<std::string, Result>& results(const std::string& assume) {
  static std::map<std::string, std::map<std::string, Result>> cache;
  auto it = cache.find(assume);
  if (it != cache.end()) return it->second;
  mekong::PipelineOptions options;
  options.lexicon_dir = MEKONG_LEXICON_DIR;
  options.extract = false;
  if (!assume.empty()) options.assume_published = mekong::content::parse_iso(assume);
  return cache[assume] = run_pages(options);
}

std::vector<std::string> gold_ids() {
  std::vector<std::string> ids;
  for (const auto& e : fs::directory_iterator(kDir + "/gold"))
    if (e.path().extension() == ".json") ids.push_back(e.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::set<int> line_set(const json& ranges) {
  std::set<int> s;
  if (!ranges.is_array()) return s;
  for (const auto& r : ranges)
    for (int n = r[0].get<int>(); n <= r[1].get<int>(); ++n) s.insert(n);
  return s;
}

class ContentPage : public testing::TestWithParam<std::string> {};

TEST_P(ContentPage, MatchesWhatAReaderExpects) {
  const std::string id = GetParam();
  std::ifstream in(kDir + "/gold/" + id + ".json");
  const json gold = json::parse(in);
  const std::string assume = gold.value("assume_published", "");
  const auto& all = results(assume);
  auto it = all.find(id);
  ASSERT_NE(it, all.end()) << "no record for " << id;
  const json& rec = it->second.record;
  const std::vector<std::string>& lines = it->second.lines;

  EXPECT_EQ(rec["published"], gold["published"]) << "published";
  if (gold.contains("reference")) {
    EXPECT_EQ(rec["reference"], gold["reference"]) << "reference";
  }
  if (gold.contains("title")) {
    EXPECT_EQ(rec["title"], gold["title"]) << "title";
  }

  const std::set<int> system = line_set(rec["content_lines"]);
  if (gold.contains("content_lines")) {
    const std::set<int> optional = line_set(gold.value("optional_lines", json::array()));
    std::set<int> want, got;
    for (int n : line_set(gold["content_lines"]))
      if (!optional.count(n)) want.insert(n);
    for (int n : system)
      if (!optional.count(n)) got.insert(n);
    EXPECT_EQ(got, want) << "content lines";
  }
  auto in_content = [&](const std::string& needle) {
    for (int n : system)
      if (n >= 1 && static_cast<size_t>(n) <= lines.size() && lines[n - 1].find(needle) != std::string::npos) return true;
    return false;
  };
  for (const auto& s : gold.value("content_has", json::array()))
    EXPECT_TRUE(in_content(s.get<std::string>())) << "not kept as article: " << s;
  for (const auto& s : gold.value("content_lacks", json::array()))
    EXPECT_FALSE(in_content(s.get<std::string>())) << "kept as article: " << s;
  if (gold.contains("max_content_lines")) {
    EXPECT_LE(system.size(), gold["max_content_lines"].get<size_t>());
  }
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string s;
  for (char c : info.param) s.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return s;
}

INSTANTIATE_TEST_SUITE_P(Pages, ContentPage, testing::ValuesIn(gold_ids()), test_name);

}  // namespace
