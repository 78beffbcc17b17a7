// serve under hostile use: every answer bounded (documents paged by lines),
// bad parameters 400 and never 500, no byte-range amplification, slow
// connections cannot hold up the others, a base in a read-only folder.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "../store/db_fixture.h"
#include "serve/serve.h"
#include "store/store.h"

namespace mekong::serve {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

class Hardened : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / fmt::format("mekong_serve_hard_{}", ::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "kb.db").string();
    auto store = store::Store::open(db_, false);
    store->begin();
    std::vector<std::string> many;  // 5,000 short lines
    for (int i = 0; i < 5000; ++i) many.push_back(fmt::format("Dòng {}.", i + 1));
    store->add(store::testing::article("many", many));
    std::vector<std::string> wide;  // 10 lines of 1 MB
    for (int i = 0; i < 10; ++i) wide.push_back(std::string(1000000, static_cast<char>('a' + i)));
    store->add(store::testing::article("wide", wide));
    store->add(store::testing::article("small", {"Hai nước ký hiệp định.", "Dòng thứ hai."}));
    store->commit();
    Options o;
    o.db = db_;
    o.port = 0;
    o.lexicon_dir = MEKONG_LEXICON_DIR;
    server_ = new Server(o);
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(dir_);
  }
  static std::pair<int, json> get(const std::string& path, std::vector<std::pair<std::string, std::string>> params = {}) {
    const Response r = server_->api(Request{path, std::move(params)});
    return {r.status, json::parse(r.body)};
  }
  static inline fs::path dir_;
  static inline std::string db_;
  static inline Server* server_ = nullptr;
};

TEST_F(Hardened, DocumentsArePagedByLines) {
  auto [s1, first] = get("/api/documents/1");
  ASSERT_EQ(s1, 200) << first.dump().substr(0, 300);
  EXPECT_EQ(first["line_count"], 5000);
  EXPECT_EQ(first["lines"].size(), 2000u);
  EXPECT_EQ(first["lines"][0]["n"], 1);
  EXPECT_TRUE(first["lines_truncated"].get<bool>());
  EXPECT_EQ(first["next_offset"], 2000);
  auto [s2, last] = get("/api/documents/1", {{"offset", "4000"}});
  ASSERT_EQ(s2, 200);
  EXPECT_EQ(last["lines"].size(), 1000u);
  EXPECT_EQ(last["lines"][0]["n"], 4001);
  EXPECT_FALSE(last["lines_truncated"].get<bool>());
  EXPECT_TRUE(last["next_offset"].is_null());
  auto [s3, few] = get("/api/documents/1", {{"offset", "10"}, {"limit", "5"}});
  ASSERT_EQ(s3, 200);
  EXPECT_EQ(few["lines"].size(), 5u);
  EXPECT_EQ(few["next_offset"], 15);
  EXPECT_EQ(get("/api/documents/1", {{"limit", "2001"}}).first, 400);
  EXPECT_EQ(get("/api/documents/1", {{"limit", "0"}}).first, 400);
  EXPECT_EQ(get("/api/documents/1", {{"offset", "-1"}}).first, 400);
}

TEST_F(Hardened, DocumentAnswersAreBoundedInBytes) {
  const Response r = server_->api(Request{"/api/documents/2", {}});
  ASSERT_EQ(r.status, 200);
  // 4 MiB of lines, and the meta: here a title of 1 MB (a line's limit).
  EXPECT_LT(r.body.size(), 5300000u);
  const json d = json::parse(r.body);
  EXPECT_EQ(d["lines"].size(), 4u);  // 4 MB of text; the fifth line would pass 4 MiB
  EXPECT_EQ(d["next_offset"], 4);
  // A single line over the budget still comes, alone.
  auto [s, one] = get("/api/documents/2", {{"offset", "9"}});
  ASSERT_EQ(s, 200);
  EXPECT_EQ(one["lines"].size(), 1u);
}

TEST_F(Hardened, BadParametersAre400NeverAServerError) {
  const std::vector<std::string> values = {
      std::string(1, '\0'), "a\0b", "\x01", "\x7f", "\xff\xfe", "\xc3", "%", "%00", "'", "\"", "\"\"", "*", "NEAR(a b)",
      "a AND", "-", "^x", "x:y", "((", ")", "\\", "\xF0\x9F\x98\x80", std::string(500, 'x'), std::string(501, 'x'),
      "-1", "1e3", " 1", "0x10", "9999999999999", "2024-13", "VNM-", "../../etc"};
  const std::vector<std::pair<std::string, std::vector<std::string>>> endpoints = {
      {"/api/events", {"dyad", "from", "to", "cameo", "person", "status", "limit", "offset"}},
      {"/api/figures", {"indicator", "dyad", "unit", "measure", "from", "to", "limit", "offset"}},
      {"/api/agreements", {"dyad", "kind", "limit", "offset"}},
      {"/api/projects", {"dyad", "status", "limit", "offset"}},
      {"/api/indicators", {"dyad"}},
      {"/api/search", {"q", "limit"}},
      {"/api/documents/1", {"offset", "limit"}},
  };
  size_t asked = 0;
  for (const auto& [path, names] : endpoints)
    for (const auto& name : names)
      for (const auto& v : values) {
        std::vector<std::pair<std::string, std::string>> params = {{name, v}};
        if (path == "/api/search" && name != "q") params.emplace_back("q", "hai");
        const Response r = server_->api(Request{path, params});
        ++asked;
        EXPECT_TRUE(r.status == 200 || r.status == 400 || r.status == 404)
            << path << " " << name << "=" << json(v).dump(-1, ' ', false, json::error_handler_t::replace)
            << " -> " << r.status << " " << r.body;
      }
  EXPECT_GT(asked, 800u);
  auto [status, body] = get("/api/search", {{"q", std::string(1, '\0')}});
  EXPECT_EQ(status, 400);
  EXPECT_NE(body["error"].get<std::string>().find("control character"), std::string::npos);
}

// Many threads at once through the pool of connections: every answer is
// the one a lone request gets.
TEST_F(Hardened, ConcurrentRequestsGetTheAnswersOfALoneRequest) {
  const std::vector<Request> asks = {{"/api/stats", {}},
                                     {"/api/documents/3", {}},
                                     {"/api/documents/1", {{"offset", "100"}, {"limit", "50"}}},
                                     {"/api/search", {{"q", "hiep dinh"}}},
                                     {"/api/events", {}}};
  std::vector<std::string> alone;
  for (const auto& a : asks) alone.push_back(server_->api(a).body);
  std::atomic<int> wrong{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 16; ++t)
    pool.emplace_back([&, t] {
      for (size_t i = 0; i < 50; ++i) {
        const size_t k = (i + static_cast<size_t>(t)) % asks.size();
        if (server_->api(asks[k]).body != alone[k]) ++wrong;
      }
    });
  for (auto& th : pool) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

// ------------------------------------------------------------- over HTTP

class Running {
 public:
  explicit Running(const std::string& db) {
    Options o;
    o.db = db;
    o.port = 0;
    o.lexicon_dir = MEKONG_LEXICON_DIR;
    server_ = std::make_unique<Server>(o);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
  }
  ~Running() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
};

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

TEST_F(Hardened, OverlappingByteRangesDoNotAmplify) {
  Running server(db_);
  httplib::Client c("127.0.0.1", server.port());
  c.set_read_timeout(10, 0);
  std::string ranges = "bytes=0-";
  for (int i = 0; i < 300; ++i) ranges += ",0-";
  auto r = c.Get("/api/documents/3", {{"Range", ranges}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 416);
  EXPECT_LT(r->body.size(), 1000u);
  r = c.Get("/", {{"Range", "bytes=0-9,5-20,0-"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 416);
  EXPECT_LT(r->body.size(), 1000u);
  r = c.Get("/api/documents/3", {{"Range", "bytes=0-9"}});  // one range: at most the answer itself
  ASSERT_TRUE(r);
  EXPECT_LE(r->body.size(), 10u);
}

// Requests after the first on a keep-alive connection are as quick as the
// first (they waited 40 ms each for a delayed ACK).
TEST_F(Hardened, KeepAliveRequestsDoNotWaitForDelayedAcks) {
  Running server(db_);
  httplib::Client c("127.0.0.1", server.port());
  c.set_keep_alive(true);
  std::vector<double> ms;
  for (int i = 0; i < 11; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = c.Get("/api/documents/3");
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
  }
  std::sort(ms.begin() + 1, ms.end());
  EXPECT_LT(ms[6], 20.0) << "median of the 10 requests after the first, ms";
}

TEST_F(Hardened, SlowConnectionsDoNotHoldUpOthers) {
  Running server(db_);
  // Connections that start a request and never finish it.
  std::vector<int> slow;
  for (int i = 0; i < 24; ++i) {
    const int fd = connect_to(server.port());
    ASSERT_GE(fd, 0);
    const std::string start = "GET /api/stats HTTP/1.1\r\nHost: x\r\n";
    ASSERT_EQ(::send(fd, start.data(), start.size(), 0), static_cast<ssize_t>(start.size()));
    slow.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  httplib::Client c("127.0.0.1", server.port());
  c.set_read_timeout(30, 0);
  const auto t0 = std::chrono::steady_clock::now();
  auto r = c.Get("/api/stats");
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (int fd : slow) ::close(fd);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_LT(secs, 2.0) << "a request waited behind slow connections";
}

// `mekong serve` on a base in a folder it cannot write (as another user
// when the tests run as root, who may write anywhere).
TEST_F(Hardened, ServesABaseInAReadOnlyFolder) {
  const fs::path ro = dir_ / "ro";
  fs::create_directories(ro);
  fs::copy_file(db_, ro / "kb.db");
  ::chmod((ro / "kb.db").c_str(), 0644);
  ::chmod(dir_.c_str(), 0755);
  ::chmod(ro.c_str(), 0555);
  // A free port: bound, read, closed.
  const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(probe, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  socklen_t len = sizeof a;
  ::getsockname(probe, reinterpret_cast<sockaddr*>(&a), &len);
  const int port = ntohs(a.sin_port);
  ::close(probe);

  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(97);
    const std::string p = std::to_string(port), db = (ro / "kb.db").string();
    ::execl(MEKONG_BINARY, "mekong", "serve", "--db", db.c_str(), "--port", p.c_str(), static_cast<char*>(nullptr));
    ::_exit(98);
  }
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(1, 0);
  int answer = 0;
  std::string body;
  for (int i = 0; i < 100 && answer == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (auto r = c.Get("/api/stats")) {
      answer = r->status;
      body = r->body;
    }
    int status = 0;
    if (answer == 0 && ::waitpid(pid, &status, WNOHANG) == pid) break;  // it ended: it could not open the base
  }
  ::kill(pid, SIGTERM);
  ::waitpid(pid, nullptr, 0);
  ::chmod(ro.c_str(), 0755);
  ASSERT_EQ(answer, 200) << "mekong serve did not answer";
  EXPECT_EQ(json::parse(body)["documents"], 3);
  EXPECT_FALSE(fs::exists(ro / "kb.db-shm"));
}

}  // namespace
}  // namespace mekong::serve
