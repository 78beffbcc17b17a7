// Ingest end to end: pages through the pipeline into the store. The merge
// pages (tests/data/merge: one visit told by five sites in different words,
// a conflicting trade figure, an unrelated event) merge the same way in any
// order; an ingest killed at any moment leaves a consistent database that a
// rerun completes to exactly what a clean run gives.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "pipeline/pipeline.h"
#include "store/store.h"

namespace mekong::store {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

fs::path temp_dir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / fmt::format("mekong_ingest_test_{}_{}", ::getpid(), name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

std::vector<std::string> merge_pages() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(MEKONG_TEST_DATA) / "merge"))
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

const Pipeline& pipeline() {
  static const Pipeline p([] {
    PipelineOptions o;
    o.lexicon_dir = MEKONG_LEXICON_DIR;
    return o;
  }());
  return p;
}

// Ingests `paths` in the order given, one transaction per call.
void ingest(Store& db, const std::vector<std::string>& paths) {
  ingest::Source source(paths);
  db.begin();
  run_batch(pipeline(), source, 1, [&](Document& d) { db.add(d); },
            [](const std::string& o, const std::string& m) { ADD_FAILURE() << o << ": " << m; });
  db.commit();
}

std::unique_ptr<Store> fresh(const fs::path& dir, const std::string& name) {
  return Store::open((dir / name).string(), false, merge::CameoTable::load(MEKONG_LEXICON_DIR));
}

// Merged events as sets of 'doc_id#line:cameo' of their sources.
std::set<std::set<std::string>> event_partition(const Store& db) {
  std::set<std::set<std::string>> out;
  EventFilter f;
  f.limit = Limits::kMax;
  for (const auto& e : db.events(f)) {
    std::set<std::string> s;
    for (const auto& src : e["sources"])
      s.insert(fmt::format("{}#{}:{}", src["doc_id"].get<std::string>(), src["line"].get<int64_t>(),
                           src["cameo"].get<std::string>()));
    out.insert(s);
  }
  return out;
}

// Figures as 'key -> value: sources', for comparing bases.
std::map<std::string, std::string> figure_summary(const Store& db) {
  std::map<std::string, std::string> out;
  FigureFilter f;
  f.limit = Limits::kMax;
  for (const auto& fig : db.figures(f)) {
    const std::string key = fmt::format("{} {} {} {} {}", fig["dyad"].dump(), fig["indicator"].get<std::string>(),
                                        fig["unit"].get<std::string>(), fig["measure"].get<std::string>(),
                                        fig["period"].dump());
    std::string v;
    for (const auto& g : fig["values"]) {
      std::set<std::string> docs;
      for (const auto& s : g["sources"]) docs.insert(s["doc_id"].get<std::string>());
      v += fmt::format("{}:{};", g["value"].get<double>(), fmt::join(docs, ","));
    }
    out[key] += v + (fig["conflict"].get<bool>() ? " conflict" : "");
  }
  return out;
}

TEST(MergePages, SameEventsAndFiguresFromDifferentArticles) {
  const fs::path dir = temp_dir("merge");
  const auto pages = merge_pages();
  ASSERT_EQ(pages.size(), 6u);
  auto db = fresh(dir, "kb.db");
  ingest(*db, pages);
  EXPECT_TRUE(db->check().empty());

  std::ifstream in(fs::path(MEKONG_TEST_DATA) / "merge" / "expected.json");
  const json expected = json::parse(in);

  // What extraction found, per document, to hold the merge to: every mention
  // that matches an expected event (same code, overlapping dates) must land in
  // one merged event, and never with mentions of another expected event.
  EventFilter all;
  all.limit = Limits::kMax;
  const auto events = db->events(all);
  for (const auto& exp : expected["events"]) {
    std::set<int64_t> merged_ids;
    std::set<std::string> docs;
    for (const auto& e : events)
      for (const auto& src : e["sources"]) {
        const std::string doc = src["doc_id"];
        const bool listed = std::find(exp["sources"].begin(), exp["sources"].end(), doc) != exp["sources"].end();
        const bool same = src["cameo"] == exp["cameo"] && src["date"]["start"] <= exp["date"]["end"] &&
                          exp["date"]["start"] <= src["date"]["end"];
        if (listed && same) {
          merged_ids.insert(e["id"].get<int64_t>());
          docs.insert(doc);
        }
      }
    EXPECT_LE(merged_ids.size(), 1u) << exp["what"] << ": told by " << docs.size()
                                     << " articles, split into several events";
  }
  // The unrelated talks of two months earlier stay alone.
  for (const auto& e : events) {
    std::set<std::string> docs;
    for (const auto& src : e["sources"]) docs.insert(src["doc_id"]);
    if (docs.count("m06_vnm_tha_fm_march")) {
      EXPECT_EQ(docs.size(), 1u) << e.dump();
    }
  }
  // At least one event is told by several articles (the visit by four).
  size_t most = 0;
  for (const auto& e : events) most = std::max<size_t>(most, e["documents"].get<size_t>());
  EXPECT_GE(most, 2u);

  // The 2024 trade level: one figure, both values kept with their sources, flagged.
  FigureFilter f;
  f.indicator = "trade_turnover";
  f.unit = "USD";
  f.measure = "level";
  f.from = "2024";
  f.to = "2024";
  const auto figs = db->figures(f);
  const ordered_json* trade = nullptr;
  for (const auto& fig : figs)
    if (fig["period"]["start"] == "2024" && fig["period"]["end"] == "2024") trade = &fig;
  ASSERT_NE(trade, nullptr) << json(figs).dump(1);
  EXPECT_TRUE((*trade)["conflict"].get<bool>());
  EXPECT_EQ((*trade)["dyad"], "THA-VNM");
  std::map<double, std::set<std::string>> by_value;
  for (const auto& g : (*trade)["values"])
    for (const auto& s : g["sources"]) by_value[g["value"].get<double>()].insert(s["doc_id"].get<std::string>());
  ASSERT_TRUE(by_value.count(20.2e9));
  ASSERT_TRUE(by_value.count(19.5e9));
  EXPECT_EQ(by_value[19.5e9], std::set<std::string>{"m03_vnm_tha_signing"});
  EXPECT_GE(by_value[20.2e9].size(), 3u);
  EXPECT_DOUBLE_EQ((*trade)["value"].get<double>(), 20.2e9) << "the value most articles give comes first";
  // The first quarter of 2025 is another period: never merged with 2024.
  f.from = f.to = "2025-02";
  for (const auto& fig : db->figures(f)) {
    for (const auto& g : fig["values"])
      for (const auto& s : g["sources"]) EXPECT_EQ(s["doc_id"], "m06_vnm_tha_fm_march") << fig.dump();
  }
  fs::remove_all(dir);
}

TEST(MergePages, OrderAndBatchesDoNotMatter) {
  const fs::path dir = temp_dir("order");
  auto pages = merge_pages();
  auto forward = fresh(dir, "forward.db");
  ingest(*forward, pages);
  std::vector<std::string> reversed(pages.rbegin(), pages.rend());
  auto backward = fresh(dir, "backward.db");
  ingest(*backward, reversed);
  {
    auto split = fresh(dir, "split.db");
    ingest(*split, {pages[3], pages[5], pages[0]});
  }
  auto split = fresh(dir, "split.db");  // reopened: a later run adds to it
  ingest(*split, {pages[4], pages[1], pages[2]});
  ingest(*split, pages);  // everything again: nothing changes
  EXPECT_EQ(split->counts().documents, 6u);

  EXPECT_EQ(event_partition(*forward), event_partition(*backward));
  EXPECT_EQ(event_partition(*forward), event_partition(*split));
  EXPECT_EQ(figure_summary(*forward), figure_summary(*backward));
  EXPECT_EQ(figure_summary(*forward), figure_summary(*split));
  for (const Store* db : {forward.get(), backward.get(), split.get()}) EXPECT_TRUE(db->check().empty());
  fs::remove_all(dir);
}

// ------------------------------------------------------------ kill test --

// Pages written for this test: visits and talks between Vietnam and four
// neighbours, each told by two articles in different words, trade figures
// that sometimes disagree, and exact copies under other names.
void write_pages(const fs::path& dir, int n) {
  const char* names[] = {"Lào", "Campuchia", "Thái Lan", "Trung Quốc"};
  for (int i = 0; i < n; ++i) {
    const int k = i / 4;
    const char* name = names[k % 4];
    const int d = 1 + (k * 7) % 25, m = 1 + k % 12, y = 2016 + k % 9;
    std::string title, body;
    switch (i % 4) {
      case 0:
        title = fmt::format("Đoàn đại biểu {} thăm Việt Nam", name);
        body = fmt::format("Từ ngày {} đến {}/{}/{}, đoàn đại biểu cấp cao {} đã thăm chính thức Việt Nam.", d, d + 1, m,
                           y, name);
        break;
      case 1:
        title = fmt::format("Việt Nam và {} hội đàm", name);
        body = fmt::format("Ngày {}/{}/{}, tại Hà Nội, đại diện hai nước Việt Nam và {} đã hội đàm về hợp tác kinh tế.",
                           d + 1, m, y, name);
        break;
      case 2:
        title = fmt::format("Kết thúc chuyến thăm của đoàn {}", name);
        body = fmt::format("Chuyến thăm chính thức Việt Nam của đoàn {} diễn ra từ ngày {} đến {}/{}/{}.", name, d, d + 1,
                           m, y);
        break;
      default:
        title = fmt::format("Hai nước Việt Nam - {} tăng cường hợp tác", name);
        body = fmt::format("Sáng {}/{}/{}, lãnh đạo Việt Nam đã hội đàm với lãnh đạo {} tại Hà Nội.", d + 1, m, y, name);
    }
    const std::string fig = fmt::format("Năm {}, kim ngạch thương mại giữa Việt Nam và {} đạt {},{} tỷ USD.", y - 1,
                                        name, 1 + (k % 3), (i % 7 == 0) ? 9 : 2);
    const std::string text =
        fmt::format("Trang chủ | Tin tức | Quốc tế\n{:02d}/{:02d}/{} 10:{:02d}\n\n{}\n\n{}\n\n{}\n\nHai bên đã ký Bản ghi "
                    "nhớ về hợp tác giáo dục giai đoạn {}-{}.\n\nPhóng viên {}\n",
                    std::min(d + 2, 28), m, y, i % 60, title, body, fig, y, y + 4, i);
    std::ofstream(dir / fmt::format("p{:04d}.txt", i)) << text;
    if (i % 10 == 9) std::ofstream(dir / fmt::format("p{:04d}_copy.txt", i)) << text;  // same page, another file
  }
}

int64_t documents_in(const std::string& db) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return 0;
  }
  sqlite3_busy_timeout(raw, 200);
  int64_t n = 0;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(raw, "SELECT count(*) FROM documents", -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(raw);
  return n;
}

pid_t spawn_ingest(const fs::path& pages, const std::string& db) {
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string p = pages.string();
    execl(MEKONG_BINARY, MEKONG_BINARY, "ingest", p.c_str(), "--db", db.c_str(), "--threads", "2", "--batch", "3",
          "--lexicon", MEKONG_LEXICON_DIR, static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::string dump(const std::string& path) {
  auto db = Store::open(path, true, merge::CameoTable::load(MEKONG_LEXICON_DIR));
  std::ostringstream out;
  db->export_jsonl(out);
  return out.str();
}

TEST(IngestKill, AKilledRunLeavesAConsistentBaseThatARerunCompletes) {
  const fs::path dir = temp_dir("kill");
  const fs::path pages = dir / "pages";
  fs::create_directories(pages);
  constexpr int kPages = 1200;
  write_pages(pages, kPages);
  const std::string clean = (dir / "clean.db").string();
  ASSERT_EQ(wait_exit(spawn_ingest(pages, clean)), 0);
  const int64_t total = documents_in(clean);
  EXPECT_EQ(total, kPages) << "copies are stored once";
  const std::string reference = dump(clean);
  ASSERT_GT(reference.size(), 1000u);
  {
    auto db = Store::open(clean, true, merge::CameoTable::load(MEKONG_LEXICON_DIR));
    const auto problems = db->check();
    EXPECT_TRUE(problems.empty()) << fmt::format("{}", fmt::join(problems, "\n"));
    EXPECT_GT(db->counts().event_mentions, db->counts().events) << "some events merged across articles";
  }

  // Kill twice, at a quarter and at two thirds of the way, then complete.
  const std::string killed = (dir / "killed.db").string();
  for (const int64_t at : {total / 4, total * 2 / 3}) {
    const pid_t pid = spawn_ingest(pages, killed);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    bool sent = false;
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid, nullptr, WNOHANG) == pid) break;  // finished before the kill: checked below
      if (documents_in(killed) >= at) {
        kill(pid, SIGKILL);
        sent = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (sent) {
      EXPECT_EQ(wait_exit(pid), -SIGKILL);
    }
    ASSERT_TRUE(sent) << "the ingest ended before it could be killed at " << at << " documents";
    const int64_t stored = documents_in(killed);
    EXPECT_GE(stored, at);
    EXPECT_LT(stored, total) << "killed mid-way";
    auto db = Store::open(killed, true, merge::CameoTable::load(MEKONG_LEXICON_DIR));
    const auto problems = db->check();
    EXPECT_TRUE(problems.empty()) << "after the kill at " << at << ":\n" << fmt::format("{}", fmt::join(problems, "\n"));
  }
  ASSERT_EQ(wait_exit(spawn_ingest(pages, killed)), 0);
  EXPECT_EQ(documents_in(killed), total);
  EXPECT_EQ(dump(killed), reference) << "the completed base differs from a clean run";
  // And once more: nothing new.
  ASSERT_EQ(wait_exit(spawn_ingest(pages, killed)), 0);
  EXPECT_EQ(dump(killed), reference);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mekong::store
