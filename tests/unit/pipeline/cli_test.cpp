// The batch commands through the built binary when the output or the base
// fails under them: a message, exit status 1, never 'terminate called'.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../ingest/helpers.h"
#include "store/store.h"

namespace mekong {
namespace {

using ingest::testing::TempDir;

struct CliRun {
  int status = -1;  // exit status, or -signal
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CliRun run_mekong(const std::string& args, const TempDir& work) {
  const std::string out = work.path() + "/stdout", err = work.path() + "/stderr";
  const std::string cmd = std::string("'") + MEKONG_BINARY + "' " + args + " 2>'" + err + "'" +
                          (args.find('>') == std::string::npos ? " >'" + out + "'" : "");
  const int rc = std::system(cmd.c_str());
  CliRun r;
  if (WIFEXITED(rc)) r.status = WEXITSTATUS(rc);
  // system() runs sh, which reports a killed child as 128 + signal.
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

const std::string kSeeds = std::string(MEKONG_SHARED_DIR) + "/data/seeds";

TEST(BatchFailures, ExtractToAFullDiskExitsOneWithAMessage) {
  TempDir work;
  for (const char* threads : {"1", "2"}) {
    const CliRun r = run_mekong("extract '" + kSeeds + "' --threads " + threads + " -o /dev/full", work);
    EXPECT_EQ(r.status, 1) << threads << ": " << r.err;
    EXPECT_NE(r.err.find("cannot write /dev/full"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.err;
  }
}

TEST(BatchFailures, ExtractToAFullStandardOutputExitsOne) {
  TempDir work;
  const CliRun r = run_mekong("extract '" + kSeeds + "' --threads 2 >/dev/full", work);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("cannot write standard output"), std::string::npos) << r.err;
}

TEST(BatchFailures, ExtractToAWritableFileExitsZero) {
  TempDir work;
  const CliRun r = run_mekong("extract '" + kSeeds + "' --threads 2 -o '" + work.path() + "/out.jsonl'", work);
  EXPECT_EQ(r.status, 0) << r.err;
  size_t lines = 0;
  for (char c : slurp(work.path() + "/out.jsonl")) lines += c == '\n';
  EXPECT_EQ(lines, 5u);
}

// A base whose schema lost a table: each document that needs it is named,
// the others are stored, the run ends with 1 on two threads as on one.
TEST(BatchFailures, IngestIntoADamagedBaseNamesEachDocument) {
  for (const char* threads : {"1", "2"}) {
    TempDir work;
    const std::string db = work.path() + "/kb.db";
    store::Store::open(db, false);
    sqlite3* c = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &c), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(c, "DROP TABLE lines", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(c);
    const CliRun r = run_mekong("ingest '" + kSeeds + "' --threads " + std::string(threads) + " --db '" + db + "'", work);
    EXPECT_EQ(r.status, 1) << threads << ": " << r.err;
    EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.err;
    for (const char* seed : {"000_4195dd1368f513b9.txt", "004_70412b0965f91b2c.txt"})
      EXPECT_NE(r.err.find(std::string("/") + seed + ": "), std::string::npos) << seed << " in:\n" << r.err;
    EXPECT_NE(r.err.find("no such table: lines"), std::string::npos) << r.err;
  }
}

// A disk that fills up during an ingest (a 700 KB tmpfs; mounting needs
// root, the test is skipped without): one message, exit 1, the committed
// documents kept in a consistent base, and a rerun with room completes it.
TEST(BatchFailures, IngestOnAFullDiskStopsWithAMessageAndARerunCompletes) {
  TempDir work, full;
  const std::string mount = "mount -t tmpfs -o size=700k tmpfs '" + full.path() + "' 2>/dev/null";
  if (std::system(mount.c_str()) != 0) GTEST_SKIP() << "cannot mount a small tmpfs here (not root?)";
  const std::string pages = std::string(MEKONG_TEST_DATA) + "/pages' '" + MEKONG_TEST_DATA + "/pages2/pages' '" +
                            MEKONG_TEST_DATA + "/content/pages";
  const CliRun r = run_mekong("ingest '" + pages + "' --batch 4 --threads 2 --db '" + full.path() + "/kb.db'", work);
  // The base as the full disk left it, moved where there is room.
  for (const char* f : {"kb.db", "kb.db-wal", "kb.db-shm"})
    if (std::filesystem::exists(full.path() + "/" + f))
      std::filesystem::copy_file(full.path() + "/" + f, work.path() + "/" + f);
  EXPECT_EQ(std::system(("umount '" + full.path() + "'").c_str()), 0);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("disk is full"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.err;
  const std::string db = work.path() + "/kb.db";
  const auto cameo = [] { return merge::CameoTable::load(MEKONG_LEXICON_DIR); };
  {
    auto left = store::Store::open(db, true, cameo());
    EXPECT_GT(left->counts().documents, 0u);
    EXPECT_LT(left->counts().documents, 67u);
    const auto problems = left->check();
    EXPECT_TRUE(problems.empty()) << problems.front();
  }
  const CliRun again = run_mekong("ingest '" + pages + "' --db '" + db + "'", work);
  EXPECT_EQ(again.status, 0) << again.err;
  auto done = store::Store::open(db, true, cameo());
  EXPECT_EQ(done->counts().documents, 67u);
  EXPECT_TRUE(done->check().empty());
}

}  // namespace
}  // namespace mekong
