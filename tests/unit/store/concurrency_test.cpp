// Two writers creating the same new base at once: both open it, the schema
// is made once, and documents from both are stored.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <barrier>
#include <filesystem>
#include <fstream>
#include <thread>

#include "db_fixture.h"
#include "store/store.h"

namespace mekong::store {
namespace {

using testing::TempDb;
using testing::article;

class Concurrent : public TempDb {};

TEST_F(Concurrent, TwoConnectionsCreatingOneBaseAtOnce) {
  for (int round = 0; round < 30; ++round) {
    const std::string path = (dir_ / ("kb" + std::to_string(round) + ".db")).string();
    std::barrier start(2);
    std::string errors[2];
    auto writer = [&](int n) {
      start.arrive_and_wait();
      try {
        auto db = Store::open(path, false);
        db->begin();
        db->add(article("doc" + std::to_string(n), {"Dòng số " + std::to_string(n) + " của bài."}));
        db->commit();
      } catch (const std::exception& e) {
        errors[n] = e.what();
      }
    };
    std::thread a(writer, 0), b(writer, 1);
    a.join();
    b.join();
    ASSERT_EQ(errors[0], "") << "round " << round;
    ASSERT_EQ(errors[1], "") << "round " << round;
    auto db = Store::open(path, true);
    EXPECT_EQ(db->counts().documents, 2u) << "round " << round;
    EXPECT_TRUE(db->check().empty());
  }
}

// The same with two `mekong ingest` processes started together.
TEST_F(Concurrent, TwoIngestProcessesCreatingOneBaseAtOnce) {
  const std::string a = (dir_ / "a.txt").string(), b = (dir_ / "b.txt").string();
  std::ofstream(a) << "Bài thứ nhất có một dòng về hợp tác.\n";
  std::ofstream(b) << "Bài thứ hai có một dòng khác về thương mại.\n";
  for (int round = 0; round < 10; ++round) {
    const std::string db = (dir_ / ("kb" + std::to_string(round) + ".db")).string();
    const std::string bin = std::string("'") + MEKONG_BINARY + "' ingest --threads 1 --db '" + db + "' ";
    const std::string script = (dir_ / "run.sh").string();
    std::ofstream(script) << bin << "'" << a << "' 2>'" << dir_.string() << "/err-a' & pa=$!\n"
                          << bin << "'" << b << "' 2>'" << dir_.string() << "/err-b' & pb=$!\n"
                          << "wait $pa || exit 11\nwait $pb || exit 12\n";
    const int rc = std::system(("bash '" + script + "'").c_str());
    std::ifstream ea(dir_ / "err-a"), eb(dir_ / "err-b");
    std::string err((std::istreambuf_iterator<char>(ea)), {});
    err.append(std::istreambuf_iterator<char>(eb), {});
    ASSERT_TRUE(WIFEXITED(rc) && WEXITSTATUS(rc) == 0) << "round " << round << ": " << err;
    EXPECT_EQ(Store::open(db, true)->counts().documents, 2u);
  }
}

}  // namespace
}  // namespace mekong::store
