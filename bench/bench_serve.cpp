// Load on `mekong serve` over loopback: requests per second, latency p50 /
// p99 / max, and the server's memory before and after, for one client alone,
// many keep-alive clients, and many clients while slow connections hold
// half-sent requests open.
//
//   build/bench/bench_serve [--db mekong.db] [--seconds 10] [--clients 16] [--slow 16]
//
// Starts build/mekong serve (MEKONG=path to change it) on a free port.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

namespace {

using Clock = std::chrono::steady_clock;

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

long rss_kb(pid_t pid) {
  std::ifstream in(fmt::format("/proc/{}/status", pid));
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

const std::vector<std::string> kPaths = {
    "/api/stats", "/api/dyads", "/api/events?dyad=LAO-VNM&limit=50", "/api/figures?limit=50",
    "/api/search?q=hop%20tac&limit=20", "/api/documents/1", "/api/agreements", "/api/events?limit=200",
};

struct Result {
  size_t requests = 0, errors = 0;
  double seconds = 0;
  std::vector<double> ms;
};

Result load(int port, int clients, double seconds) {
  Result r;
  std::mutex mu;
  std::atomic<bool> stop{false};
  std::vector<std::thread> pool;
  const auto t0 = Clock::now();
  for (int c = 0; c < clients; ++c) {
    pool.emplace_back([&, c] {
      httplib::Client cli("127.0.0.1", port);
      cli.set_keep_alive(true);
      cli.set_read_timeout(30, 0);
      std::vector<double> mine;
      size_t errors = 0;
      for (size_t i = static_cast<size_t>(c); !stop; ++i) {
        const auto a = Clock::now();
        auto res = cli.Get(kPaths[i % kPaths.size()]);
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
        if (!res || res->status != 200) ++errors;
      }
      std::lock_guard lock(mu);
      r.ms.insert(r.ms.end(), mine.begin(), mine.end());
      r.errors += errors;
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : pool) t.join();
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.requests = r.ms.size();
  std::sort(r.ms.begin(), r.ms.end());
  return r;
}

double pct(const std::vector<double>& v, double p) {
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

void report(const char* what, const Result& r, pid_t server) {
  std::printf("%-44s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  errors %zu  server RSS %ld MB\n", what,
              static_cast<double>(r.requests) / r.seconds, pct(r.ms, 0.5), pct(r.ms, 0.99),
              r.ms.empty() ? 0 : r.ms.back(), r.errors, rss_kb(server) / 1024);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db = "mekong.db";
  double seconds = 10;
  int clients = 16, slow = 16;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--db") db = v;
    else if (k == "--seconds") seconds = std::atof(v.c_str());
    else if (k == "--clients") clients = std::atoi(v.c_str());
    else if (k == "--slow") slow = std::atoi(v.c_str());
  }
  const char* env = std::getenv("MEKONG");
  const std::string bin = env ? env : "build/mekong";
  const int port = free_port();
  const pid_t server = ::fork();
  if (server == 0) {
    const std::string p = std::to_string(port);
    if (!std::freopen("/dev/null", "w", stdout)) ::_exit(97);
    ::execl(bin.c_str(), "mekong", "serve", "--db", db.c_str(), "--port", p.c_str(), static_cast<char*>(nullptr));
    ::_exit(98);
  }
  httplib::Client probe("127.0.0.1", port);
  bool up = false;
  for (int i = 0; i < 100 && !up; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    up = static_cast<bool>(probe.Get("/api/stats"));
  }
  if (!up) {
    std::fprintf(stderr, "bench_serve: %s serve --db %s did not start\n", bin.c_str(), db.c_str());
    ::kill(server, SIGTERM);
    return 2;
  }
  std::printf("mekong serve --db %s on 127.0.0.1:%d; %u CPUs; server RSS at start %ld MB\n", db.c_str(), port,
              std::thread::hardware_concurrency(), rss_kb(server) / 1024);
  report("1 client, keep-alive", load(port, 1, seconds), server);
  report(fmt::format("{} clients, keep-alive", clients).c_str(), load(port, clients, seconds), server);
  // Connections that send half a request and wait.
  std::vector<int> held;
  for (int i = 0; i < slow; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
      const char* start = "GET /api/stats HTTP/1.1\r\nHost: x\r\n";
      if (::send(fd, start, std::strlen(start), 0) > 0) held.push_back(fd);
    }
  }
  report(fmt::format("{} clients + {} slow connections", clients, held.size()).c_str(), load(port, clients, seconds),
         server);
  for (int fd : held) ::close(fd);
  ::kill(server, SIGTERM);
  ::waitpid(server, nullptr, 0);
  return 0;
}
