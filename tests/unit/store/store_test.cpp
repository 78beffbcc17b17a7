// store: documents keyed by content, merged items kept up to date as
// documents arrive, queries with checked filters, search without marks.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <sstream>

#include "db_fixture.h"
#include "store/store.h"

namespace mekong::store {
namespace {

namespace fs = std::filesystem;

// A fresh database file per test, removed afterwards.
class StoreTest : public testing::TempDb {
 protected:
  std::unique_ptr<Store> open(bool read_only = false) {
    return Store::open(path_, read_only, merge::CameoTable::load(MEKONG_LEXICON_DIR));
  }
};

using testing::article;

Event visit(const char* from, const char* to, const char* start, const char* end, uint32_t line,
            const char* person = nullptr) {
  Event e;
  e.cameo = "042";
  e.date = {start, end, "day"};
  e.actor1.country = from;
  if (person) e.actor1.person = person;
  e.actor2.country = to;
  e.status = "occurred";
  e.line = line;
  e.span = {0, 6};
  return e;
}

Figure trade(double value, const char* year, uint32_t line) {
  Figure f;
  f.indicator = "trade_turnover";
  f.value = value;
  f.unit = "USD";
  f.measure = "level";
  f.approx = "exact";
  f.period_start = year;
  f.period_end = year;
  f.line = line;
  return f;
}

TEST_F(StoreTest, SamePageTwiceIsStoredOnce) {
  auto db = open();
  Record r;
  r.events.push_back(visit("LAO", "VNM", "2024-05-18", "2024-05-19", 2, "Khamla Vongsa"));
  const Document a = article("a", {"Tiêu đề bài viết", "Chuyến thăm hai ngày của đoàn Lào."}, r);
  db->begin();
  EXPECT_EQ(db->add(a), Store::Added::New);
  EXPECT_EQ(db->add(a), Store::Added::Duplicate);
  // The same article from another crawl (another file, another URL).
  Document again = a;
  again.id = "a-crawl2";
  again.origin = "/crawl2/a.html";
  again.meta.url = "https://mirror.example/a";
  EXPECT_EQ(db->add(again), Store::Added::Duplicate);
  db->commit();
  const Counts c = db->counts();
  EXPECT_EQ(c.documents, 1u);
  EXPECT_EQ(c.event_mentions, 1u);
  EXPECT_EQ(c.lines, 2u);
  const auto d = db->document(1);
  ASSERT_TRUE(d);
  EXPECT_EQ((*d)["copies"].size(), 2u) << "where it was seen again is kept";
  EXPECT_TRUE(db->check().empty());
}

TEST_F(StoreTest, ContentHashIgnoresNavigation) {
  Document a = article("a", {"Menu | Trang chủ", "Nội dung bài báo."});
  Document b = article("b", {"Trang chủ | Liên hệ | Quảng cáo", "Nội dung bài báo."});
  a.is_content = {0, 1};
  b.is_content = {0, 1};
  EXPECT_EQ(Store::content_hash(a), Store::content_hash(b));
  b = article("b", {"Menu | Trang chủ", "Nội dung bài báo khác."});
  b.is_content = {0, 1};
  EXPECT_NE(Store::content_hash(a), Store::content_hash(b));
}

TEST_F(StoreTest, ANewArticleJoinsTheExistingEvent) {
  {
    auto db = open();
    Record r1;
    r1.events.push_back(visit("LAO", "VNM", "2024-05-18", "2024-05-19", 2));
    db->begin();
    db->add(article("first", {"Tin 1", "Đoàn Lào thăm Việt Nam."}, r1, "2024-05-19", "https://one.example/a"));
    db->commit();
  }
  auto db = open();  // a later run: incremental
  Record r2;
  r2.events.push_back(visit("LAO", "VNM", "2024-05-19", "2024-05-19", 3, "Khamla Vongsa"));
  Record r3;
  Event other = visit("LAO", "VNM", "2024-09-02", "2024-09-02", 2);
  r3.events.push_back(other);
  db->begin();
  db->add(article("second", {"Tin 2", "Dòng khác", "Ông Khamla Vongsa thăm Hà Nội."}, r2, "2024-05-20", "https://two.example/b"));
  db->add(article("third", {"Tin 3", "Một chuyến thăm khác vào tháng Chín."}, r3, "2024-09-03", "https://www.one.example/c"));
  db->commit();
  EventFilter f;
  const auto events = db->events(f);
  ASSERT_EQ(events.size(), 2u);
  const auto& joined = events[0];
  EXPECT_EQ(joined["id"], 1) << "the event keeps its id when an article joins it";
  EXPECT_EQ(joined["mentions"], 2);
  EXPECT_EQ(joined["documents"], 2);
  EXPECT_EQ(joined["sites"], 2);
  EXPECT_EQ(joined["actor1"]["person"], "Khamla Vongsa");
  ASSERT_EQ(joined["sources"].size(), 2u);
  EXPECT_EQ(joined["sources"][0]["doc_id"], "first") << "sources in order of publication";
  EXPECT_EQ(joined["sources"][1]["text"], "Ông Khamla Vongsa thăm Hà Nội.");
  EXPECT_EQ(joined["sources"][1]["line"], 3);
  EXPECT_EQ(events[1]["mentions"], 1);
  EXPECT_TRUE(db->check().empty());
}

TEST_F(StoreTest, ConflictingFigureKeepsBothValues) {
  auto db = open();
  auto with_trade = [](double v) {
    Record r;
    r.events.push_back(visit("THA", "VNM", "2025-05-15", "2025-05-16", 2));
    r.figures.push_back(trade(v, "2024", 3));
    return r;
  };
  db->begin();
  db->add(article("a", {"A", "Chuyến thăm.", "Thương mại năm ngoái 20,2 tỷ USD."}, with_trade(20.2e9), "2025-05-16"));
  db->add(article("b", {"B", "Chuyến thăm!", "Kim ngạch đạt 20,2 tỷ USD."}, with_trade(20.2e9), "2025-05-17"));
  db->add(article("c", {"C", "Chuyến thăm?", "Trao đổi thương mại 19,5 tỷ USD."}, with_trade(19.5e9), "2025-05-18"));
  db->commit();
  FigureFilter f;
  f.indicator = "trade_turnover";
  f.dyad = "VNM-THA";
  const auto figs = db->figures(f);
  ASSERT_EQ(figs.size(), 1u);
  const auto& fig = figs[0];
  EXPECT_TRUE(fig["conflict"].get<bool>());
  EXPECT_DOUBLE_EQ(fig["value"].get<double>(), 20.2e9);
  ASSERT_EQ(fig["values"].size(), 2u);
  EXPECT_EQ(fig["values"][0]["sources"].size(), 2u);
  EXPECT_DOUBLE_EQ(fig["values"][1]["value"].get<double>(), 19.5e9);
  EXPECT_EQ(fig["values"][1]["sources"][0]["doc_id"], "c");
  EXPECT_EQ(fig["dyad"], "THA-VNM") << "a two-way figure takes the pair its article is about";
  EXPECT_TRUE(db->check().empty());
}

TEST_F(StoreTest, SearchIgnoresMarksAndTheirPlacement) {
  auto db = open();
  db->begin();
  db->add(article("a", {"Tiêu đề", "Hai nước cùng vì hòa bình và phát triển của khu vực.", "Tuyến đường sắt mới được khởi công.",
                    "Xin gửi lời cảm ơn chân thành."}));
  db->commit();
  auto lines = [&](const std::string& q) {
    std::vector<int64_t> out;
    for (const auto& r : db->search(q, 10)) out.push_back(r["line"].get<int64_t>());
    return out;
  };
  EXPECT_EQ(lines("hoa binh"), std::vector<int64_t>{2});
  EXPECT_EQ(lines("hoà bình"), std::vector<int64_t>{2}) << "tone mark on the other vowel";
  EXPECT_EQ(lines("HÒA BÌNH"), std::vector<int64_t>{2});
  EXPECT_EQ(lines("duong sat"), std::vector<int64_t>{3}) << "'đ' reads as 'd'";
  EXPECT_EQ(lines("đường sắt"), std::vector<int64_t>{3});
  EXPECT_EQ(lines("cam on"), std::vector<int64_t>{4}) << "'ơ' reads as 'o'";
  EXPECT_EQ(lines("ơn"), std::vector<int64_t>{4});
  EXPECT_TRUE(lines("hòa đường").empty()) << "every word must be in the line";
  // Query syntax is text, never FTS5 operators.
  EXPECT_NO_THROW(db->search("\"hoa\" OR NEAR(binh", 10));
  EXPECT_NO_THROW(db->search("a* AND -b ^c", 10));
  EXPECT_THROW(db->search("  \" ", 10), QueryError);
  bool more = false;
  db->search("hai", 1, &more);
  EXPECT_FALSE(more);
}

TEST_F(StoreTest, EventFilters) {
  auto db = open();
  Record r;
  r.events.push_back(visit("LAO", "VNM", "2019-04-01", "2019-04-02", 2, "Khamla Vongsa"));
  Event talks = visit("VNM", "LAO", "2022-11-10", "2022-11-10", 3);
  talks.cameo = "040";
  talks.actor1.person = "Trần Thị Thu Hương";
  r.events.push_back(talks);
  Event aid = visit("VNM", "KHM", "2023-06-05", "2023-06-05", 4);
  aid.cameo = "071";
  r.events.push_back(aid);
  db->begin();
  db->add(article("a", {"T", "l2", "l3", "l4"}, r));
  db->commit();
  auto ids = [&](EventFilter f) {
    std::vector<std::string> out;
    for (const auto& e : db->events(f)) out.push_back(e["cameo"].get<std::string>());
    return out;
  };
  EventFilter f;
  EXPECT_EQ(ids(f), (std::vector<std::string>{"042", "040", "071"})) << "in date order";
  f.dyad = "vnm-lao";
  EXPECT_EQ(ids(f), (std::vector<std::string>{"042", "040"}));
  f.from = "2020";
  EXPECT_EQ(ids(f), (std::vector<std::string>{"040"}));
  f = {};
  f.to = "2019-04";
  EXPECT_EQ(ids(f), (std::vector<std::string>{"042"}));
  f = {};
  f.cameo = "07";
  EXPECT_EQ(ids(f), (std::vector<std::string>{"071"}));
  f = {};
  f.person = "tran thi thu huong";
  EXPECT_EQ(ids(f), (std::vector<std::string>{"040"})) << "person without marks or capitals";
  f.person = "Trần Thị";
  EXPECT_TRUE(ids(f).empty()) << "a person is a whole name";
  f = {};
  f.limit = 2;
  bool more = false;
  EXPECT_EQ(db->events(f, &more).size(), 2u);
  EXPECT_TRUE(more);
  f.offset = 2;
  EXPECT_EQ(db->events(f, &more).size(), 1u);
  EXPECT_FALSE(more);

  for (auto bad : std::vector<std::pair<std::string, std::string>>{
           {"dyad", "VN-LAO"}, {"dyad", "VNM"}, {"dyad", "VNM-VNM"}, {"dyad", "VNM-LA0"}, {"from", "2024-13"},
           {"to", "yesterday"}, {"cameo", "04'; DROP TABLE events"}, {"status", "done"}}) {
    EventFilter g;
    if (bad.first == "dyad") g.dyad = bad.second;
    if (bad.first == "from") g.from = bad.second;
    if (bad.first == "to") g.to = bad.second;
    if (bad.first == "cameo") g.cameo = bad.second;
    if (bad.first == "status") g.status = bad.second;
    EXPECT_THROW(db->events(g), QueryError) << bad.first << "=" << bad.second;
  }
  EventFilter zero;
  zero.limit = 0;
  EXPECT_THROW(db->events(zero), QueryError);
  zero.limit = 1000000;
  EXPECT_EQ(db->events(zero).size(), 3u) << "limits above the maximum are cut to it";
}

TEST_F(StoreTest, ListsBoundTheSourcesPerItem) {
  auto db = open();
  db->begin();
  for (int i = 0; i < 130; ++i) {
    Record r;
    r.events.push_back(visit("KHM", "VNM", "2022-08-09", "2022-08-10", 2));
    db->add(article("copy" + std::to_string(i), {"Tin " + std::to_string(i), "Đoàn Campuchia thăm Việt Nam."}, r));
  }
  db->commit();
  EventFilter f;
  const auto list = db->events(f);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["mentions"], 130);
  EXPECT_EQ(list[0]["sources"].size(), 100u) << "a list answer stays bounded";
  EXPECT_EQ((*db->event(list[0]["id"].get<int64_t>()))["sources"].size(), 130u) << "the event itself gives them all";
}

TEST_F(StoreTest, AgreementsAndProjectsMerge) {
  auto db = open();
  Record r1, r2;
  Agreement a;
  a.name = "Hiệp định Thương mại biên giới";
  a.kind = "agreement";
  a.line = 2;
  r1.agreements.push_back(a);
  a.name = "hiệp định thương mại biên giới";
  r2.agreements.push_back(a);
  Project p;
  p.name = "Cầu hữu nghị số 5";
  p.status = "planned";
  p.line = 3;
  r1.projects.push_back(p);
  p.status = "completed";
  r2.projects.push_back(p);
  r1.events.push_back(visit("VNM", "LAO", "2021-03-01", "2021-03-01", 2));
  r2.events.push_back(visit("VNM", "LAO", "2023-03-01", "2023-03-01", 2));
  db->begin();
  db->add(article("old", {"T", "Ký hiệp định.", "Chuẩn bị xây cầu."}, r1, "2021-03-02"));
  db->add(article("new", {"T2", "Nhắc lại hiệp định.", "Khánh thành cầu."}, r2, "2023-03-02"));
  db->commit();
  ItemFilter f;
  const auto ag = db->agreements(f);
  ASSERT_EQ(ag.size(), 1u);
  EXPECT_EQ(ag[0]["documents"], 2);
  const auto pr = db->projects(f);
  ASSERT_EQ(pr.size(), 1u);
  EXPECT_EQ(pr[0]["status"], "completed") << "the latest article says where a project stands";
  f.status = "completed";
  EXPECT_EQ(db->projects(f).size(), 1u);
  f.status = "planned";
  EXPECT_EQ(db->projects(f).size(), 0u);
  f.status = "finished";
  EXPECT_THROW(db->projects(f), QueryError);
}

TEST_F(StoreTest, ReadOnlyAndForeignFiles) {
  EXPECT_THROW(Store::open(path_, true), StoreError) << "no file yet";
  { auto db = open(); }
  auto ro = open(true);
  EXPECT_THROW(ro->add(article("x", {"x"})), StoreError);
  // Another program's SQLite file is refused, not written into.
  const std::string other = (dir_ / "other.db").string();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  EXPECT_THROW(Store::open(other, false), StoreError);
}

TEST_F(StoreTest, CheckFindsDamage) {
  {
    auto db = open();
    Record r;
    r.events.push_back(visit("LAO", "VNM", "2024-05-18", "2024-05-19", 2));
    r.figures.push_back(trade(1e9, "2023", 2));
    db->begin();
    db->add(article("a", {"T", "Nội dung."}, r));
    db->commit();
    EXPECT_TRUE(db->check().empty());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "UPDATE events SET mentions = 7; DELETE FROM lines WHERE n = 2", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  auto db = open(true);
  const auto problems = db->check();
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_NE(all.find("event whose counts differ"), std::string::npos) << all;
  EXPECT_NE(all.find("line count differs"), std::string::npos) << all;
  EXPECT_NE(all.find("full-text index"), std::string::npos) << all;
}

TEST_F(StoreTest, ExportGdelt) {
  auto db = open();
  Record r;
  r.events.push_back(visit("LAO", "VNM", "2024-05-18", "2024-05-19", 2, "Khamla Vongsa"));
  Event aid = visit("VNM", "KHM", "2023-06-05", "2023-06-05", 2);
  aid.cameo = "071";
  aid.location = "Phnôm Pênh";
  r.events.push_back(aid);
  db->begin();
  db->add(article("a", {"T", "Nội dung."}, r, "2024-05-20", "https://news.example/a"));
  db->commit();
  std::ostringstream out;
  db->export_gdelt(out, true);
  std::istringstream in(out.str());
  std::string line;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, '\t')) cols.push_back(cell);
    if (!line.empty() && line.back() == '\t') cols.push_back("");
    rows.push_back(cols);
  }
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& r0 : rows) EXPECT_EQ(r0.size(), 61u);
  const auto& h = rows[0];
  auto col = [&](const std::vector<std::string>& row, const std::string& name) {
    auto it = std::find(h.begin(), h.end(), name);
    EXPECT_NE(it, h.end()) << name;
    return row[static_cast<size_t>(it - h.begin())];
  };
  EXPECT_EQ(h[0], "GlobalEventID");
  EXPECT_EQ(h[60], "SOURCEURL");
  // Rows in id order; find each by its code.
  const auto& v = col(rows[1], "EventCode") == "042" ? rows[1] : rows[2];
  const auto& a = col(rows[1], "EventCode") == "042" ? rows[2] : rows[1];
  EXPECT_EQ(col(v, "SQLDATE"), "20240518");
  EXPECT_EQ(col(v, "EventCode"), "042");
  EXPECT_EQ(col(v, "EventRootCode"), "04");
  EXPECT_EQ(col(v, "QuadClass"), "1");
  EXPECT_EQ(col(v, "GoldsteinScale"), "1.9");
  EXPECT_EQ(col(v, "Actor1CountryCode"), "LAO");
  EXPECT_EQ(col(v, "Actor1Name"), "Khamla Vongsa");
  EXPECT_EQ(col(v, "Actor2CountryCode"), "VNM");
  EXPECT_EQ(col(v, "NumMentions"), "1");
  EXPECT_EQ(col(v, "SOURCEURL"), "https://news.example/a");
  EXPECT_EQ(col(a, "QuadClass"), "2");
  EXPECT_EQ(col(a, "GoldsteinScale"), "7.4");
  EXPECT_EQ(col(a, "ActionGeo_FullName"), "Phnôm Pênh");
  std::ostringstream no_header;
  db->export_gdelt(no_header, false);
  EXPECT_EQ(no_header.str().rfind("1\t20", 0), 0u) << "the first line is a row";
}

TEST_F(StoreTest, ExportJsonlHasEveryItemWithSources) {
  auto db = open();
  Record r;
  r.events.push_back(visit("LAO", "VNM", "2024-05-18", "2024-05-19", 2));
  r.figures.push_back(trade(1e9, "2023", 2));
  db->begin();
  db->add(article("a", {"T", "Nội dung."}, r));
  db->commit();
  std::ostringstream out;
  db->export_jsonl(out);
  std::istringstream in(out.str());
  std::string line;
  std::map<std::string, int> types;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line);
    types[j["type"].get<std::string>()]++;
    if (j["type"] == "event") {
      EXPECT_EQ(j["sources"][0]["text"], "Nội dung.");
    }
  }
  EXPECT_EQ(types["event"], 1);
  EXPECT_EQ(types["figure"], 1);
}

}  // namespace
}  // namespace mekong::store
