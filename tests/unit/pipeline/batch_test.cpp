// run_batch on one or more threads: an exception while processing or
// emitting one document is that document's problem, named on its own line,
// and the batch goes on; BatchStop ends the batch cleanly.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace mekong {
namespace {

namespace fs = std::filesystem;

class Batch : public ::testing::TestWithParam<unsigned> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mekong_batch_" + std::to_string(::getpid()) + "_" +
                                        std::to_string(GetParam()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* id : {"a", "b", "c", "d", "e", "f", "g", "h"}) {
      std::ofstream(dir_ / (std::string(id) + ".txt")) << "Trang " << id << " có một dòng văn bản.\n";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string origin(const char* id) const { return (dir_ / (std::string(id) + ".txt")).string(); }

  // Reads the file as its text: no lexicons needed.
  static bool plain(ingest::RawDocument&& raw, Document& doc, std::string&) {
    doc = Document{};
    doc.id = raw.id;
    doc.origin = raw.origin;
    doc.text = raw.bytes;
    return true;
  }

  fs::path dir_;
  std::vector<std::string> emitted;
  std::vector<std::pair<std::string, std::string>> problems;
  size_t run(const BatchWork& work, const std::function<void(Document&)>& emit = {}) {
    ingest::Source source({dir_.string()});
    return run_batch(
        work, source, GetParam(),
        [&](Document& d) {
          if (emit) emit(d);
          emitted.push_back(d.id);
        },
        [&](const std::string& o, const std::string& m) { problems.emplace_back(o, m); });
  }
};

TEST_P(Batch, AnExceptionInTheWorkIsTheDocumentsProblem) {
  const size_t failed = run([](ingest::RawDocument&& raw, Document& doc, std::string& error) {
    if (raw.id == "c" || raw.id == "f") throw std::out_of_range("vector::at\nsecond line");
    return plain(std::move(raw), doc, error);
  });
  EXPECT_EQ(failed, 2u);
  EXPECT_EQ(emitted, (std::vector<std::string>{"a", "b", "d", "e", "g", "h"}));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].first, origin("c"));
  EXPECT_EQ(problems[1].first, origin("f"));
  EXPECT_NE(problems[0].second.find("vector::at"), std::string::npos) << problems[0].second;
  EXPECT_EQ(problems[0].second.find('\n'), std::string::npos);  // one line
}

TEST_P(Batch, AnExceptionWhileEmittingIsTheDocumentsProblem) {
  const size_t failed = run(plain, [](Document& d) {
    if (d.id == "b") throw std::runtime_error("database disk image is malformed");
  });
  EXPECT_EQ(failed, 1u);
  EXPECT_EQ(emitted, (std::vector<std::string>{"a", "c", "d", "e", "f", "g", "h"}));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].first, origin("b"));
  EXPECT_NE(problems[0].second.find("malformed"), std::string::npos);
}

TEST_P(Batch, BatchStopEndsTheBatchAndComesOut) {
  EXPECT_THROW(run(plain,
                   [](Document& d) {
                     if (d.id == "c") throw BatchStop("cannot write out.jsonl: No space left on device");
                   }),
               BatchStop);
  EXPECT_EQ(emitted, (std::vector<std::string>{"a", "b"}));
}

INSTANTIATE_TEST_SUITE_P(Threads, Batch, ::testing::Values(1u, 2u, 4u));

}  // namespace
}  // namespace mekong
