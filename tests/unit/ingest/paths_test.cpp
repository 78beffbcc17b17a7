// Paths that are not regular files or cannot be read: FIFOs, devices,
// dangling links, folders without read permission. Each is named on one
// line, never opened for a blocking read, and the batch ends with 1.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "helpers.h"

namespace mekong::ingest {
namespace {

using testing::Drained;
using testing::TempDir;
using testing::drain;

const std::string kGood = "Một câu văn bình thường về hợp tác giữa hai nước.\n";

TEST(Paths, FifoInsideAFolderIsNamedAndNotRead) {
  TempDir dir;
  dir.write("a.txt", kGood);
  const std::string fifo = dir.path() + "/m.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  dir.write("z.txt", kGood);
  Drained d = drain({dir.path()});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, fifo);
  EXPECT_NE(d.problems[0].message.find("FIFO"), std::string::npos) << d.problems[0].message;
  ASSERT_EQ(d.docs.size(), 2u);
}

TEST(Paths, DanglingLinkInsideAFolderIsNamed) {
  TempDir dir;
  dir.write("a.txt", kGood);
  const std::string link = dir.path() + "/gone.txt";
  ASSERT_EQ(::symlink((dir.path() + "/nothing").c_str(), link.c_str()), 0);
  Drained d = drain({dir.path()});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, link);
  EXPECT_EQ(d.docs.size(), 1u);
}

TEST(Paths, DeviceOnTheCommandLineIsNotRead) {
  TempDir dir;
  // /dev/zero would never end if it were read.
  Drained d = drain({"/dev/zero", dir.write("a.txt", kGood)});
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].origin, "/dev/zero");
  EXPECT_NE(d.problems[0].message.find("device"), std::string::npos) << d.problems[0].message;
  EXPECT_EQ(d.docs.size(), 1u);
}

// ------------------------------------------------------------ the binary

struct CliRun {
  int status = -1;
  std::string err;
  size_t records = 0;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `mekong extract --content-only ARGS` as a user that file permissions
// bind (root reads everything: it runs as nobody then), stopped after 20 s.
CliRun extract_as_user(const std::string& args, const TempDir& work) {
  const std::string out = work.path() + "/stdout", err = work.path() + "/stderr";
  const std::string as = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const std::string cmd = as + "timeout 20 '" + MEKONG_BINARY + "' extract --content-only " + args + " >'" + out +
                          "' 2>'" + err + "'";
  const int rc = std::system(cmd.c_str());
  CliRun r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.err = slurp(err);
  for (char c : slurp(out)) r.records += c == '\n';
  return r;
}

// A folder the other user can enter and read, and write its output in.
void open_to_all(const TempDir& dir) { ::chmod(dir.path().c_str(), 0777); }

TEST(Paths, UnreadableFolderIsNamedAndTheExitStatusIsOne) {
  TempDir work, in;
  open_to_all(work);
  open_to_all(in);
  ::chmod(in.write("a.txt", kGood).c_str(), 0644);
  ::chmod(in.write("sub/b.txt", kGood).c_str(), 0644);
  ASSERT_EQ(::chmod((in.path() + "/sub").c_str(), 0000), 0);
  const CliRun r = extract_as_user("'" + in.path() + "'", work);
  ::chmod((in.path() + "/sub").c_str(), 0755);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.records, 1u);
  EXPECT_NE(r.err.find(in.path() + "/sub: cannot read this folder"), std::string::npos) << r.err;
}

TEST(Paths, UnreadableFileIsNamedAndTheExitStatusIsOne) {
  TempDir work, in;
  open_to_all(work);
  open_to_all(in);
  ::chmod(in.write("a.txt", kGood).c_str(), 0644);
  const std::string secret = in.write("b.txt", kGood);
  ASSERT_EQ(::chmod(secret.c_str(), 0000), 0);
  const CliRun r = extract_as_user("'" + in.path() + "' '" + secret + "'", work);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.records, 1u);
  EXPECT_NE(r.err.find(secret + ": cannot open"), std::string::npos) << r.err;
}

TEST(Paths, FifoOnTheCommandLineDoesNotHangTheBatch) {
  TempDir work, in;
  open_to_all(work);
  open_to_all(in);
  const std::string fifo = in.path() + "/pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0666), 0);
  ::chmod(in.write("a.txt", kGood).c_str(), 0644);
  const CliRun r = extract_as_user("'" + fifo + "' '" + in.path() + "/a.txt'", work);
  EXPECT_EQ(r.status, 1) << r.err;  // 124 when timeout had to stop it
  EXPECT_EQ(r.records, 1u);
  EXPECT_NE(r.err.find(fifo + ": a FIFO"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace mekong::ingest
