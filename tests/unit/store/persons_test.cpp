// The persons of a base (Store::persons) and `mekong lexicon unknown`, which
// lists those the lexicon lacks. Every name here is invented.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "db_fixture.h"
#include "store/store.h"

namespace mekong::store {
namespace {

namespace fs = std::filesystem;

class PersonsTest : public testing::TempDb {};

Document doc(const std::string& id, const std::vector<std::string>& lines, std::vector<Event> events) {
  Record r;
  r.events = std::move(events);
  return testing::article(id, lines, std::move(r), "2025-03-06");
}

Event meeting(const char* person, const char* role, const char* day, uint32_t line) {
  Event e;
  e.cameo = "040";
  e.date = {day, day, "day"};
  e.actor1.country = "LAO";
  e.actor1.person = person;
  if (role) e.actor1.role = role;
  e.actor2.country = "VNM";
  e.status = "occurred";
  e.line = line;
  e.span = {0, 4};
  return e;
}

TEST_F(PersonsTest, EachPersonWithCountsRolesAndTheSentenceOfItsFirstMention) {
  {
    auto db = Store::open(path_, false);
    db->begin();
    db->add(doc("a", {"Tin", "Mở đầu. Bộ trưởng Lào Khăm-xay Vông-phạ hội đàm với Việt Nam. Sau đó về nước."},
                {meeting("Khăm-xay Vông-phạ", "Bộ trưởng", "2025-03-05", 2)}));
    db->add(doc("b", {"Tin khác", "Ông Khăm-xay Vông-phạ gặp Đại sứ.", "Bà Xổm-phon Xay-nha gặp Đại sứ."},
                {meeting("Khăm-xay Vông-phạ", nullptr, "2025-03-04", 2),
                 meeting("Xổm-phon Xay-nha", nullptr, "2025-03-04", 3)}));
    db->commit();
  }
  auto db = Store::open(path_, true);
  const auto persons = db->persons();
  ASSERT_EQ(persons.size(), 2u);
  EXPECT_EQ(persons[0]["person"], "Khăm-xay Vông-phạ");
  EXPECT_EQ(persons[0]["mentions"], 2);
  EXPECT_EQ(persons[0]["documents"], 2);
  EXPECT_EQ(persons[0]["countries"], "LAO (2)");
  EXPECT_EQ(persons[0]["roles"], "- (1), Bộ trưởng (1)");
  EXPECT_EQ(persons[0]["doc_id"], "a");
  EXPECT_EQ(persons[0]["line"], 2);
  EXPECT_EQ(persons[0]["sample"], "Bộ trưởng Lào Khăm-xay Vông-phạ hội đàm với Việt Nam.");
  EXPECT_EQ(persons[1]["person"], "Xổm-phon Xay-nha");
  EXPECT_EQ(persons[1]["sample"], "Bà Xổm-phon Xay-nha gặp Đại sứ.");
}

std::string run(const std::string& args) {
  std::string out;
  FILE* p = ::popen((std::string(MEKONG_BINARY) + " " + args + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

TEST_F(PersonsTest, LexiconUnknownListsOnlyPersonsTheLexiconLacks) {
  const fs::path page = dir_ / "page.txt";
  std::ofstream(page) << "Bộ trưởng Y tế Lào thăm Việt Nam\n"
                         "Ngày 5/3/2025, tại Hà Nội, Bộ trưởng Bộ Y tế Lào Xổm-xắc Phăn-thạ-vông đã hội đàm với "
                         "Bộ trưởng Bộ Y tế Trần Quốc Bảo.\n"
                         "Ngày 6/3/2025, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Bộ Y tế Lào Xổm-xắc Phăn-thạ-vông.\n";
  run("ingest " + page.string() + " --db " + path_ + " --assume-published 2025-03-06");
  const auto list = nlohmann::json::parse(run("lexicon unknown --db " + path_ + " --format json"));
  ASSERT_TRUE(list.is_array());
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& p : list) by_name[p["person"]] = p;
  ASSERT_TRUE(by_name.count("Xổm-xắc Phăn-thạ-vông")) << list.dump();
  EXPECT_EQ(by_name["Xổm-xắc Phăn-thạ-vông"]["countries"], "LAO (2)");
  EXPECT_EQ(by_name["Xổm-xắc Phăn-thạ-vông"]["roles"], "Bộ trưởng Y tế (2)");
  ASSERT_TRUE(by_name.count("Trần Quốc Bảo")) << list.dump();
  EXPECT_EQ(by_name["Trần Quốc Bảo"]["countries"], "VNM (1)");
  EXPECT_FALSE(by_name.count("Phạm Minh Chính")) << "a person of persons.tsv is known";
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0]["person"], "Xổm-xắc Phăn-thạ-vông") << "the most mentioned first";
  EXPECT_EQ(list[0]["mentions"], 2);
  // --limit keeps the most mentioned.
  EXPECT_EQ(nlohmann::json::parse(run("lexicon unknown --db " + path_ + " --format json --limit 1")).size(), 1u);
}

}  // namespace
}  // namespace mekong::store
