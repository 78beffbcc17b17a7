// Persons the lexicon lacks (extract/persons.h), on hand-made annotations;
// every name here is invented.
#include <gtest/gtest.h>

#include "extract/actors.h"
#include "extract/persons.h"
#include "extract/rules.h"
#include "sentence_builder.h"

namespace ex = mekong::extract;
using ex::Ann;
using ex::AnnType;
using mekong::extract::testing::pair_ctx;
using mekong::extract::testing::S;

namespace {

ex::NameRules rules() {
  ex::NameRules r;
  r.surnames = {"nguyễn", "trần", "hoàng"};
  r.words = {"kinh tế", "hoàng gia", "thành công", "pháp chế"};
  r.short_countries = {{"anh", "GBR"}};
  return r;
}

// An office as the lexicon gives it: `vague` titles need a country ('Chủ tịch').
Ann& office(S& s, const std::string& phrase, const std::string& role, bool vague = false) {
  Ann& a = s.office(phrase, role);
  a.strong = !vague;
  return a;
}

std::vector<Ann> unknown(S& s, const std::function<void(Ann&)>& resolve = {}) {
  ex::SentenceView v = s.done();
  ex::add_unknown_persons(v, rules(), resolve);
  std::vector<Ann> out;
  for (const Ann& a : v.anns)
    if (a.type == AnnType::Person) out.push_back(a);
  for (size_t i = 1; i < v.anns.size(); ++i) EXPECT_LE(v.anns[i - 1].b, v.anns[i].b) << "annotations stay sorted";
  return out;
}

}  // namespace

TEST(UnknownPersons, ForeignNameAfterOfficeAndCountry) {
  S s("Tổng thống Pháp Jean-Luc Dumont sẽ thăm Việt Nam.");
  office(s, "Tổng thống", "Tổng thống", true);
  s.country("Pháp", "FRA");
  s.country("Việt Nam", "VNM");
  auto p = unknown(s);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "Jean-Luc Dumont");
  EXPECT_EQ(p[0].country, "FRA");
  EXPECT_EQ(p[0].code, "");
  EXPECT_TRUE(ex::is_unknown_person(p[0]));
}

TEST(UnknownPersons, ShortFormOfACountryAfterAnOffice) {
  S s("Bộ trưởng Anh Oliver Bramwell phát biểu.");
  office(s, "Bộ trưởng", "Bộ trưởng");
  auto p = unknown(s);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "Oliver Bramwell");
  EXPECT_EQ(p[0].country, "GBR");
}

TEST(UnknownPersons, BodyOfTheOfficeAndItsCountry) {
  S s("Thứ trưởng Bộ Công an Lào Khăm-phăn Vông-xay đã làm việc với đoàn.");
  office(s, "Thứ trưởng", "Thứ trưởng");
  s.cue("Bộ", "organization");
  s.country("Lào", "LAO");
  auto p = unknown(s);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "Khăm-phăn Vông-xay");
  EXPECT_EQ(p[0].country, "LAO");
}

TEST(UnknownPersons, VietnameseNameGivesVietnamOnlyAsFallback) {
  S s("Đại sứ Trần Văn Khải cho biết hai bên đã trao đổi.");
  office(s, "Đại sứ", "Đại sứ");
  auto p = unknown(s);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "Trần Văn Khải");
  EXPECT_EQ(p[0].country, "");
  EXPECT_EQ(p[0].code, "VNM");
}

TEST(UnknownPersons, AmbassadorIsOfTheFirstCountryNotWherePosted) {
  S s("Đại sứ Việt Nam tại Lào Nguyễn Hữu Tâm dự lễ.");
  office(s, "Đại sứ", "Đại sứ");
  s.country("Việt Nam", "VNM");
  s.cue("tại", "at");
  s.country("Lào", "LAO");
  auto p = unknown(s);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "Nguyễn Hữu Tâm");
  EXPECT_EQ(p[0].country, "VNM");
}

TEST(UnknownPersons, HonorificIntroducesAName) {
  S s("Phát biểu tại buổi lễ, ông Bun-mi Xay-nha-vông cảm ơn.");
  s.cue("ông", "honorific");
  auto p = unknown(s);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "Bun-mi Xay-nha-vông");
}

TEST(UnknownPersons, WhatIsNoName) {
  {  // a portfolio: 'Kinh tế' opens a common word
    S s("Bộ trưởng Kinh tế cho biết.");
    office(s, "Bộ trưởng", "Bộ trưởng");
    EXPECT_TRUE(unknown(s).empty());
  }
  {  // a Vietnamese given name alone could be any syllable
    S s("Theo ông Minh, dự án sẽ hoàn thành.");
    s.cue("ông", "honorific");
    EXPECT_TRUE(unknown(s).empty());
  }
  {  // 'Hoàng Gia' is royal, not a family name and a given name
    S s("Thủ tướng Hoàng Gia đã tiếp đoàn.");
    office(s, "Thủ tướng", "Thủ tướng");
    EXPECT_TRUE(unknown(s).empty());
  }
  {  // a vague title with no country chairs anything
    S s("Chủ tịch Jonathan Smithers phát biểu.");
    office(s, "Chủ tịch", "Chủ tịch nước", true);
    EXPECT_TRUE(unknown(s).empty());
  }
  {  // a headline in Title Case
    S s("Bộ trưởng Trần Văn Khải Thăm Lào");
    office(s, "Bộ trưởng", "Bộ trưởng");
    s.country("Lào", "LAO");
    EXPECT_TRUE(unknown(s).empty());
  }
  {  // a second office reads the name, not the first
    S s("Phó Thủ tướng, Bộ trưởng Ngoại giao Lào Xổm-phết Mạ-ni-vông phát biểu.");
    office(s, "Phó Thủ tướng", "Phó Thủ tướng");
    office(s, "Bộ trưởng Ngoại giao", "Bộ trưởng Ngoại giao");
    s.country("Lào", "LAO");
    auto p = unknown(s);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].name, "Xổm-phết Mạ-ni-vông");
  }
}

TEST(UnknownPersons, AVagueTitleKeepsOnlyAKnownPerson) {
  S s("Chủ tịch Jonathan Smithers phát biểu.");
  office(s, "Chủ tịch", "Chủ tịch nước", true);
  auto p = unknown(s, [](Ann& a) {
    a.label.clear();  // the resolver knows this spelling
    a.name = "John Smithers";
  });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "John Smithers");
}

TEST(UnknownPersons, EventActorsCarryTheNameRoleAndCountry) {
  S s("Ngày 5/3, Bộ trưởng Bộ Y tế Lào Xổm-xắc Phăn-thạ-vông đã thăm Việt Nam.");
  s.date("Ngày 5/3", "2025-03-05", "2025-03-05", "day");
  office(s, "Bộ trưởng Bộ Y tế", "Bộ trưởng Y tế");
  s.country("Lào", "LAO");
  s.action("thăm", "042", "visit");
  s.add(AnnType::Country, "Việt Nam").code = "VNM";
  ex::SentenceView v = s.done();
  ex::add_unknown_persons(v, rules());
  std::vector<ex::SentenceView> doc{v};
  auto ctx = pair_ctx(2025, 3, 6, "LAO", "VNM");
  auto ev = ex::find_events(doc, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].actor1.person, "Xổm-xắc Phăn-thạ-vông");
  EXPECT_EQ(ev[0].actor1.role, "Bộ trưởng Y tế");
  EXPECT_EQ(ev[0].actor1.country, "LAO");
  EXPECT_EQ(ev[0].actor2.country, "VNM");
}

TEST(UnknownPersons, VietnameseNameAfterAnOfficeIsVietnams) {
  S s("Ngày 5/3, Thứ trưởng Trần Quốc Bảo đã hội đàm với Bộ trưởng Ngoại giao Lào.");
  s.date("Ngày 5/3", "2025-03-05", "2025-03-05", "day");
  office(s, "Thứ trưởng", "Thứ trưởng");
  s.action("hội đàm", "040", "meet");
  office(s, "Bộ trưởng Ngoại giao", "Bộ trưởng Ngoại giao");
  s.country("Lào", "LAO");
  ex::SentenceView v = s.done();
  ex::add_unknown_persons(v, rules());
  std::vector<ex::SentenceView> doc{v};
  auto ctx = pair_ctx(2025, 3, 6, "LAO", "VNM");
  auto ev = ex::find_events(doc, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].actor1.person, "Trần Quốc Bảo");
  EXPECT_EQ(ev[0].actor1.country, "VNM");
  EXPECT_EQ(ev[0].actor1.role, "Thứ trưởng");
  EXPECT_EQ(ev[0].actor2.country, "LAO");
  EXPECT_FALSE(ev[0].actor2.person);
}

TEST(UnknownPersons, OnePersonInFullAndInPart) {
  EXPECT_TRUE(ex::same_person("Xổm-xắc Phăn-thạ-vông", "Xổm-xắc"));
  EXPECT_TRUE(ex::same_person("Jean-Luc Dumont", "Dumont"));
  EXPECT_FALSE(ex::same_person("Jean-Luc Dumont", "Pierre Dumont"));
}

TEST(UnknownPersons, AnAppositionNamingACountryBeatsTheNamesForm) {
  S s("Chủ tịch nước tiếp đồng chí Trần Gia Thụy, Phó Chủ tịch Chính hiệp Trung Quốc, tại Hà Nội.");
  office(s, "Chủ tịch nước", "Chủ tịch nước");
  s.cue("đồng chí", "honorific");
  s.country("Trung Quốc", "CHN");
  ex::SentenceView v = s.done();
  ex::add_unknown_persons(v, rules());
  const auto groups = ex::actor_groups(v);
  const ex::Group* g = nullptr;
  for (const auto& x : groups)
    if (x.actor.person) g = &x;
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->actor.person, "Trần Gia Thụy");
  EXPECT_EQ(g->actor.country, "CHN");

  S home("Chủ tịch nước tiếp đồng chí Trần Gia Thụy, Trưởng đoàn công tác sang Trung Quốc.");
  office(home, "Chủ tịch nước", "Chủ tịch nước");
  home.cue("đồng chí", "honorific");
  home.cue("sang", "to");
  home.country("Trung Quốc", "CHN");
  v = home.done();
  ex::add_unknown_persons(v, rules());
  g = nullptr;
  const auto home_groups = ex::actor_groups(v);
  for (const auto& x : home_groups)
    if (x.actor.person) g = &x;
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->actor.country, "VNM") << "where one goes is not whose one is";

  S word("Bộ trưởng tiếp ông Trần Gia Thụy, Vụ trưởng Vụ Pháp chế, tại Hà Nội.");
  office(word, "Bộ trưởng", "Bộ trưởng");
  word.cue("ông", "honorific");
  word.country("Pháp", "FRA");
  auto p = unknown(word);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "VNM") << "a country's name inside a common word names no country";
}

TEST(UnknownPersons, AnInitialLeavesTheNameUnread) {
  S s("Phó Thủ tướng Bê-la-rút V.Xê-ma-scô đón đoàn.");
  office(s, "Phó Thủ tướng", "Phó Thủ tướng");
  EXPECT_TRUE(unknown(s).empty());
}

TEST(UnknownPersons, AFormerOfficeIsNoRoleAndAParticleLeavesTheNameUnread) {
  S s("Thủ tướng tiếp cựu Thủ tướng Canada Pierre Lavallee.");
  office(s, "Thủ tướng", "Thủ tướng");
  s.cue("cựu", "former");
  s.add(AnnType::Office, "Thủ tướng", 20).role = "Thủ tướng";
  s.v.anns.back().strong = true;
  s.country("Canada", "CAN");
  ex::SentenceView v = s.done();
  ex::add_unknown_persons(v, rules());
  const ex::Group* g = nullptr;
  const auto groups = ex::actor_groups(v);
  for (const auto& x : groups)
    if (x.actor.person) g = &x;
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->actor.person, "Pierre Lavallee");
  EXPECT_EQ(g->actor.country, "CAN");
  EXPECT_FALSE(g->actor.role);

  S p("Tổng thống Syria Karim al-Nouri thông báo.");
  office(p, "Tổng thống", "Tổng thống", true);
  p.country("Syria", "SYR");
  EXPECT_TRUE(unknown(p).empty());
}
