// kill -9 at a random moment of an ingest: the base left behind is
// consistent (Store::check finds nothing), and running the same ingest
// again completes it to the same counts as an ingest never killed.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "db_fixture.h"
#include "store/store.h"

namespace mekong::store {
namespace {

using testing::TempDb;

class Killed : public TempDb {};

const std::vector<std::string> kInputs = {std::string(MEKONG_TEST_DATA) + "/pages",
                                          std::string(MEKONG_TEST_DATA) + "/pages2/pages",
                                          std::string(MEKONG_TEST_DATA) + "/content/pages"};

// Starts `mekong ingest` on the inputs, one document per transaction.
pid_t start_ingest(const std::string& db) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  std::vector<std::string> args = {"mekong", "ingest", "--db", db, "--batch", "1", "--threads", "2"};
  args.insert(args.end(), kInputs.begin(), kInputs.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (!std::freopen("/dev/null", "w", stderr)) ::_exit(97);
  ::execv(MEKONG_BINARY, argv.data());
  ::_exit(98);
}

int finish(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Read-only, with the CAMEO table the ingest merged with (check() merges again).
std::unique_ptr<Store> open_checked(const std::string& path) {
  return Store::open(path, true, merge::CameoTable::load(MEKONG_LEXICON_DIR));
}

std::string summary(const Store& db) {
  const Counts c = db.counts();
  return fmt::format("{} documents, {} events, {} mentions, {} figures, {} agreements, {} projects, {} lines",
                     c.documents, c.events, c.event_mentions, c.figures, c.agreements, c.projects, c.lines);
}

TEST_F(Killed, ThirtyRandomKillPointsLeaveAConsistentBaseThatARerunCompletes) {
  // The whole ingest, never killed: what every rerun must reach, and how long it takes.
  const std::string ref = (dir_ / "ref.db").string();
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(finish(start_ingest(ref)), 0);
  const auto full = std::chrono::steady_clock::now() - t0;
  const std::string expected = summary(*Store::open(ref, true));
  for (const auto& p : open_checked(ref)->check()) ADD_FAILURE() << "the whole ingest: " << p;
  std::cout << "whole ingest: " << expected << " in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(full).count() << " ms\n";

  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int64_t> when(0, std::chrono::duration_cast<std::chrono::microseconds>(full).count());
  int killed_with_documents = 0;
  for (int round = 0; round < 30; ++round) {
    const std::string db = (dir_ / fmt::format("kb{}.db", round)).string();
    const auto at = std::chrono::microseconds(when(rng));
    const pid_t pid = start_ingest(db);
    std::this_thread::sleep_for(at);
    ::kill(pid, SIGKILL);
    const int status = finish(pid);
    const std::string where = fmt::format("seed {} round {}: killed after {} us (status {})", seed, round, at.count(),
                                          status);
    // What was left: consistent, whatever it holds.
    if (std::filesystem::exists(db)) {
      try {
        auto left = open_checked(db);
        const auto problems = left->check();
        EXPECT_TRUE(problems.empty()) << where << ": " << problems.front();
        killed_with_documents += left->counts().documents > 0;
      } catch (const StoreError& e) {
        // Killed before the schema was committed: an empty file, nothing to check.
        EXPECT_NE(std::string(e.what()).find("is empty"), std::string::npos) << where << ": " << e.what();
      }
    }
    // Run again: completes to the same base.
    EXPECT_EQ(finish(start_ingest(db)), 0) << where;
    auto done = open_checked(db);
    EXPECT_EQ(summary(*done), expected) << where;
    EXPECT_TRUE(done->check().empty()) << where;
  }
  // The kill points reached the writing, not only the start-up.
  EXPECT_GT(killed_with_documents, 3) << "seed " << seed;
}

}  // namespace
}  // namespace mekong::store
