// serve: the JSON API answers with bounded, escaped, UTF-8 JSON; bad
// parameters get 400 and a message; the page is served with its charset
// and a content security policy; nothing can write.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "../store/db_fixture.h"
#include "serve/serve.h"
#include "store/store.h"

namespace mekong::serve {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

Document doc(const std::string& id, const std::vector<std::string>& lines, Record record, const std::string& url) {
  return store::testing::article(id, lines, std::move(record), "2024-05-20", url);
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / fmt::format("mekong_serve_test_{}", ::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "kb.db").string();
    auto store = store::Store::open(db_, false, merge::CameoTable::load(MEKONG_LEXICON_DIR));
    store->begin();
    for (int i = 0; i < 30; ++i) {
      Record r;
      Event e;
      e.cameo = i % 2 ? "042" : "040";
      const std::string day = fmt::format("2023-{:02d}-{:02d}", 1 + i % 12, 1 + i);
      e.date = {day, day, "day"};
      e.actor1.country = "LAO";
      e.actor1.person = "Khamla Vongsa";
      e.actor2.country = "VNM";
      e.status = "occurred";
      e.line = 2;
      e.span = {0, 9};
      r.events.push_back(e);
      Figure f;
      f.indicator = "trade_turnover";
      f.value = 1e9 + i;
      f.unit = "USD";
      f.measure = "level";
      f.approx = "exact";
      f.period_start = f.period_end = std::to_string(2000 + i);
      f.line = 3;
      r.figures.push_back(f);
      // Text that must stay text: markup in an article is shown, never run.
      store->add(doc(fmt::format("d{}", i),
                     {fmt::format("Tiêu đề <script>alert({})</script>", i), "Đoàn Lào thăm hữu nghị Việt Nam.",
                      "Kim ngạch thương mại đạt 1 tỷ USD."},
                     r, fmt::format("https://site{}.example/a", i % 3)));
    }
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
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    return {r.status, json::parse(r.body)};
  }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline Server* server_ = nullptr;
};

TEST_F(ApiTest, EventsWithFiltersAndSources) {
  auto [status, body] = get("/api/events", {{"dyad", "VNM-LAO"}, {"cameo", "042"}, {"limit", "5"}});
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["count"], 5);
  EXPECT_TRUE(body["truncated"].get<bool>());
  for (const auto& e : body["items"]) {
    EXPECT_EQ(e["cameo"], "042");
    EXPECT_EQ(e["dyad"], "LAO-VNM");
    EXPECT_EQ(e["cameo_name"], "Make a visit");
    ASSERT_EQ(e["sources"].size(), 1u);
    EXPECT_EQ(e["sources"][0]["text"], "Đoàn Lào thăm hữu nghị Việt Nam.");
  }
  auto [s2, one] = get("/api/events/" + std::to_string(body["items"][0]["id"].get<int>()));
  EXPECT_EQ(s2, 200);
  EXPECT_EQ(one["id"], body["items"][0]["id"]);
  auto [s3, person] = get("/api/events", {{"person", "khamla vongsa"}, {"limit", "1000"}});
  EXPECT_EQ(s3, 200);
  EXPECT_EQ(person["count"], 30);
  EXPECT_FALSE(person["truncated"].get<bool>());
}

TEST_F(ApiTest, BadParametersAre400WithAMessage) {
  const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> bad = {
      {"/api/events", {{"dyad", "Vietnam"}}},
      {"/api/events", {{"from", "2024-99"}}},
      {"/api/events", {{"limit", "0"}}},
      {"/api/events", {{"limit", "1001"}}},
      {"/api/events", {{"limit", "ten"}}},
      {"/api/events", {{"limit", "99999999999999999999"}}},
      {"/api/events", {{"offset", "-1"}}},
      {"/api/events", {{"cameo", "04 OR 1=1"}}},
      {"/api/events", {{"colour", "red"}}},
      {"/api/events", {{"dyad", "VNM-LAO"}, {"dyad", "VNM-KHM"}}},
      {"/api/events", {{"person", std::string(600, 'a')}}},
      {"/api/figures", {{"measure", "total"}}},
      {"/api/figures", {{"indicator", "trade turnover"}}},
      {"/api/projects", {{"status", "done"}}},
      {"/api/agreements", {{"status", "completed"}}},
      {"/api/search", {}},
      {"/api/search", {{"q", "\" \""}}},
      {"/api/events/abc", {}},
      {"/api/documents/1x", {}},
  };
  for (const auto& [path, params] : bad) {
    auto [status, body] = get(path, params);
    EXPECT_EQ(status, 400) << path << " " << json(params).dump();
    EXPECT_EQ(body["status"], 400);
    EXPECT_TRUE(body["error"].is_string() && !body["error"].get<std::string>().empty());
  }
  EXPECT_EQ(get("/api/events/999999").first, 404);
  EXPECT_EQ(get("/api/documents/999999").first, 404);
  EXPECT_EQ(get("/api/nothing").first, 404);
}

TEST_F(ApiTest, FiguresSearchDocumentsDyads) {
  auto [s1, figs] = get("/api/figures", {{"indicator", "trade_turnover"}, {"dyad", "LAO-VNM"}, {"from", "2010"}});
  ASSERT_EQ(s1, 200);
  EXPECT_EQ(figs["count"], 20) << "periods 2010..2029";
  EXPECT_EQ(figs["items"][0]["period"]["start"], "2010");
  auto [s2, found] = get("/api/search", {{"q", "huu nghi"}});
  ASSERT_EQ(s2, 200);
  EXPECT_EQ(found["count"], 30);
  EXPECT_EQ(found["items"][0]["line"], 2);
  const int doc = found["items"][0]["doc"];
  auto [s3, d] = get("/api/documents/" + std::to_string(doc));
  ASSERT_EQ(s3, 200);
  ASSERT_EQ(d["lines"].size(), 3u);
  EXPECT_EQ(d["lines"][1]["text"], "Đoàn Lào thăm hữu nghị Việt Nam.");
  EXPECT_NE(d["lines"][0]["text"].get<std::string>().find("<script>"), std::string::npos)
      << "stored and sent as text; the page shows it with textContent";
  EXPECT_EQ(d["items"]["events"][0]["line"], 2);
  auto [s4, dyads] = get("/api/dyads");
  ASSERT_EQ(s4, 200);
  ASSERT_EQ(dyads["items"].size(), 1u);
  EXPECT_EQ(dyads["items"][0]["dyad"], "LAO-VNM");
  EXPECT_EQ(dyads["items"][0]["events"], 30);
  EXPECT_EQ(dyads["items"][0]["names"], json::array({"Lào", "Việt Nam"})) << "names from lexicon/countries.tsv";
}

TEST_F(ApiTest, OverHttp) {
  Options o;
  o.db = db_;
  o.port = 0;
  o.lexicon_dir = MEKONG_LEXICON_DIR;
  Server http(o);
  const int port = http.bind();
  ASSERT_GT(port, 0);
  std::thread t([&] { http.listen(); });
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(5);
  auto r = c.Get("/api/events?dyad=LAO-VNM&limit=2");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(json::parse(r->body)["count"], 2);
  r = c.Get("/api/events?limit=5000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(json::parse(r->body)["error"].get<std::string>().find("limit"), std::string::npos);
  r = c.Get("/api/search?q=th%C4%83m");  // 'thăm', percent-encoded UTF-8
  ASSERT_TRUE(r);
  EXPECT_EQ(json::parse(r->body)["count"], 30);
  r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_NE(r->body.find("<script src=\"app.js\">"), std::string::npos);
  r = c.Get("/app.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  r = c.Get("/../CMakeLists.txt");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  r = c.Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  http.stop();
  t.join();
}

TEST(Page, EmbeddedCopyIsTheBuiltPage) {
  // The binary serves web/dist as built; a stale embed would serve an old page.
  bool index = false;
  for (const Asset& a : embedded_assets()) {
    std::ifstream in(std::string(MEKONG_TEST_DATA) + "/../../web/dist" + a.path, std::ios::binary);
    ASSERT_TRUE(in) << a.path;
    std::ostringstream s;
    s << in.rdbuf();
    EXPECT_EQ(s.str(), std::string(reinterpret_cast<const char*>(a.data), a.size)) << a.path;
    index = index || std::string(a.path) == "/index.html";
  }
  EXPECT_TRUE(index);
}

TEST(Page, DataIsNeverParsedAsHtml) {
  // Everything from the database reaches the page through textContent; the
  // page's code must not use the HTML-parsing sinks at all.
  std::ifstream in(std::string(MEKONG_TEST_DATA) + "/../../web/src/app.js");
  ASSERT_TRUE(in);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string code = s.str();
  for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"})
    EXPECT_EQ(code.find(sink), std::string::npos) << sink;
  EXPECT_NE(code.find("textContent"), std::string::npos);
}

TEST(ContentType, CharsetOnText) {
  EXPECT_EQ(content_type("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type("/app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type("/x.png"), "image/png");
}

}  // namespace
}  // namespace mekong::serve
