// Relevance: items are written only when their own sentence ties them to two
// countries, or to the pair of an article that is about relations.
#include <gtest/gtest.h>

#include "extract/relevance.h"
#include "extract/rules.h"
#include "sentence_builder.h"

namespace ex = mekong::extract;
using ex::AnnType;
using mekong::extract::testing::ctx_at;
using mekong::extract::testing::S;

namespace {

// 'Chủ tịch nước Việt Nam hội đàm với Tổng thống Lào': an article about the pair.
S bilateral_talks() {
  S s("Ngày 3/4, Chủ tịch nước Việt Nam hội đàm với Tổng thống Lào tại Hà Nội.");
  s.date("Ngày 3/4", "2024-04-03", "2024-04-03", "day");
  s.office("Chủ tịch nước", "Chủ tịch nước");
  s.country("Việt Nam", "VNM");
  s.action("hội đàm", "040", "meet");
  s.office("Tổng thống", "Tổng thống");
  s.country("Lào", "LAO");
  s.place("Hà Nội", "Hà Nội", "VNM");
  return s;
}

}  // namespace

TEST(Relevance, ADomesticActionGivesNoEvent) {
  // A minister visiting a province of his own country, in an article that
  // also names Laos elsewhere: the visit names one country only.
  S a("Ngày 5/4, Bộ trưởng Y tế thăm và làm việc tại tỉnh Lào Cai.");
  a.date("Ngày 5/4", "2024-04-05", "2024-04-05", "day");
  a.office("Bộ trưởng Y tế", "Bộ trưởng Y tế");
  a.action("thăm và làm việc", "042", "visit");
  a.place("Lào Cai", "Lào Cai", "VNM");
  S b("Lào là nước láng giềng.");
  b.country("Lào", "LAO");
  std::vector<ex::SentenceView> v{a.done(), b.done()};
  auto ctx = ctx_at(2024, 4, 6);
  ex::find_dyad(v, ctx);
  EXPECT_FALSE(ctx.relational);
  EXPECT_TRUE(ex::find_events(v, ctx).empty());
}

TEST(Relevance, BothSidesNamedGiveTheEvent) {
  S talks = bilateral_talks();
  std::vector<ex::SentenceView> v{talks.done()};
  auto ctx = ctx_at(2024, 4, 6);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ctx.relational);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].actor1.country, "VNM");
  EXPECT_EQ(ev[0].actor2.country, "LAO");
}

TEST(Relevance, HaiBenStandsForThePairOnlyInAnArticleAboutIt) {
  S later("Ngày 4/4, hai bên đã ký kết Bản ghi nhớ về hợp tác giáo dục.");
  later.date("Ngày 4/4", "2024-04-04", "2024-04-04", "day");
  later.cue("hai bên", "both");
  later.action("ký kết", "057", "sign");
  later.add(AnnType::AgreementKind, "Bản ghi nhớ").code = "mou";
  // Each SentenceView reads the text of its builder: keep the builders alive.
  {
    S talks = bilateral_talks();
    S signing = later;
    std::vector<ex::SentenceView> v{talks.done(), signing.done()};
    auto ctx = ctx_at(2024, 4, 6);
    ex::find_dyad(v, ctx);
    auto ev = ex::find_events(v, ctx);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(ev[1].cameo, "057");
  }
  {
    // The same sentence where the two countries are only named, not related
    // ('Việt Nam thắng Lào 4-1' is a match): 'hai bên' are two teams.
    S match("Đội tuyển Việt Nam thắng Lào 4-1.");
    match.country("Việt Nam", "VNM");
    match.country("Lào", "LAO");
    S signing = later;
    std::vector<ex::SentenceView> v{match.done(), signing.done()};
    auto ctx = ctx_at(2024, 4, 6);
    ex::find_dyad(v, ctx);
    EXPECT_FALSE(ctx.relational);
    EXPECT_TRUE(ex::find_events(v, ctx).empty());
  }
}

TEST(Relevance, AnOfficialTheLexiconLacksIsOfTheOtherSide) {
  S a("Bộ trưởng Phout Simmalavong thăm Việt Nam từ ngày 13-16/4/2024.");
  a.office("Bộ trưởng", "Bộ trưởng");
  a.action("thăm", "042", "visit");
  a.country("Việt Nam", "VNM");
  a.date("từ ngày 13-16/4/2024", "2024-04-13", "2024-04-16", "day");
  S talks = bilateral_talks();
  std::vector<ex::SentenceView> v{talks.done(), a.done()};
  auto ctx = ctx_at(2024, 4, 12);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[1].cameo, "042");
  EXPECT_EQ(ev[1].actor1.country, "LAO");
  EXPECT_EQ(ev[1].actor2.country, "VNM");
}

TEST(Relevance, AnOfficialWhoseCountryIsNamedIsNotOfTheOtherSide) {
  // 'Bộ trưởng Lào Khamla Vongsouk': the lexicon lacks him, but his country is written.
  S a("Bộ trưởng Lào Khamla Vongsouk sẽ trình bày lập trường trong đàm phán ngày 13/4/2024.");
  a.office("Bộ trưởng", "Bộ trưởng");
  a.person("Khamla Vongsouk", "Khamla Vongsouk", "LAO", "Bộ trưởng");
  a.action("đàm phán", "046", "negotiate");
  a.date("ngày 13/4/2024", "2024-04-13", "2024-04-13", "day");
  S talks = bilateral_talks();
  std::vector<ex::SentenceView> v{talks.done(), a.done()};
  auto ctx = ctx_at(2024, 4, 12);
  ex::find_dyad(v, ctx);
  const ex::Ties t = ex::ties_in(v[1], 0, static_cast<uint32_t>(v[1].text.size()));
  EXPECT_FALSE(t.named_other);
  for (const auto& e : ex::find_events(v, ctx)) EXPECT_NE(e.cameo, "046");
}

TEST(Relevance, AnIndicatorThatSaysBilateralTiesThePair) {
  auto figures = [](bool bilateral) {
    S a("Năm 2023, kim ngạch thương mại song phương đạt 14,3 tỷ USD.", 2);  // a paragraph of its own
    a.date("Năm 2023", "2023", "2023", "year");
    auto& ind = a.indicator(bilateral ? "kim ngạch thương mại song phương" : "kim ngạch thương mại", "trade_turnover", "money");
    ind.strong = bilateral;
    a.qty("14,3 tỷ USD", 14.3e9, "USD");
    S talks = bilateral_talks();
    std::vector<ex::SentenceView> v{talks.done(), a.done()};
    auto ctx = ctx_at(2024, 4, 12);
    ex::find_dyad(v, ctx);
    return ex::find_figures(v, ctx).size();
  };
  EXPECT_EQ(figures(true), 1u);
  EXPECT_EQ(figures(false), 0u);
}

TEST(Relevance, ARankedInvestorIsItsFiguresSubject) {
  S a("Năm 2023, Nhật Bản với 4,2 tỷ USD vốn đăng ký vào Việt Nam, Lào với 0,5 tỷ USD.");
  a.date("Năm 2023", "2023", "2023", "year");
  a.country("Nhật Bản", "JPN");
  a.qty("4,2 tỷ USD", 4.2e9, "USD");
  a.indicator("vốn đăng ký", "investment_registered", "money");
  a.cue("vào", "to");
  a.country("Việt Nam", "VNM");
  a.add(AnnType::Country, "Lào", 60).code = "LAO";
  a.qty("0,5 tỷ USD", 0.5e9, "USD");
  S talks = bilateral_talks();
  std::vector<ex::SentenceView> v{talks.done(), a.done()};
  auto ctx = ctx_at(2024, 4, 6);
  ex::find_dyad(v, ctx);
  auto figs = ex::find_figures(v, ctx);
  ASSERT_FALSE(figs.empty());
  EXPECT_EQ(figs[0].from, "JPN");
  EXPECT_EQ(figs[0].to, "VNM");
  ASSERT_EQ(figs[0].countries.size(), 2u);
  EXPECT_EQ(figs[0].countries[0], "JPN");
  for (const auto& f : figs) EXPECT_NE(f.from, std::optional<std::string>("VNM")) << f.value;
}

TEST(Relevance, DomesticMoneyIsNoFigure) {
  S a("Năm 2023, tỉnh Nghệ An thu hút 2.000 tỷ đồng vốn đầu tư.");
  a.date("Năm 2023", "2023", "2023", "year");
  a.place("Nghệ An", "Nghệ An", "VNM");
  a.qty("2.000 tỷ đồng", 2e12, "VND");
  a.indicator("vốn đầu tư", "investment_registered", "money");
  S talks = bilateral_talks();
  std::vector<ex::SentenceView> v{talks.done(), a.done()};
  auto ctx = ctx_at(2024, 4, 6);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ex::find_figures(v, ctx).empty());
}

TEST(Relevance, ANamedBodyIsNoDocument) {
  S a("Bộ Kế hoạch và Đầu tư Việt Nam làm việc với Đại sứ Lào.");
  a.add(AnnType::Cue, "Bộ").label = "organization";
  auto& k = a.add(AnnType::AgreementKind, "Kế hoạch");
  k.code = "plan";
  a.country("Việt Nam", "VNM");
  a.office("Đại sứ", "Đại sứ");
  a.country("Lào", "LAO");
  S talks = bilateral_talks();
  std::vector<ex::SentenceView> v{talks.done(), a.done()};
  auto ctx = ctx_at(2024, 4, 6);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ex::find_agreements(v, ctx).empty());
}

TEST(Relevance, ProtestAimedAtAnotherCountryIsAnEvent) {
  S a("Ngày 5/4, Việt Nam kiên quyết phản đối Trung Quốc về việc tập trận.");
  a.date("Ngày 5/4", "2024-04-05", "2024-04-05", "day");
  a.country("Việt Nam", "VNM");
  a.action("kiên quyết phản đối", "110", "oppose");
  a.country("Trung Quốc", "CHN");
  std::vector<ex::SentenceView> v{a.done()};
  auto ctx = ctx_at(2024, 4, 6);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "110");
  EXPECT_EQ(ev[0].actor1.country, "VNM");
  EXPECT_EQ(ev[0].actor2.country, "CHN");
}

TEST(Relevance, AnAccusationTalkedAboutOrSufferedIsNoEvent) {
  // The noun: an inquiry into an accusation, with no one accusing.
  S a("Ngày 5/4, cơ quan điều tra về cáo buộc Nga can thiệp bầu cử Mỹ.");
  a.date("Ngày 5/4", "2024-04-05", "2024-04-05", "day");
  a.action("cáo buộc", "112", "oppose");
  a.country("Nga", "RUS");
  a.country("Mỹ", "USA");
  // The passive: the one named first is the target.
  S b("Ngày 6/4, Nga bị Mỹ cáo buộc Ukraine can thiệp bầu cử.");
  b.date("Ngày 6/4", "2024-04-06", "2024-04-06", "day");
  b.country("Nga", "RUS");
  b.cue("bị", "passive");
  b.country("Mỹ", "USA");
  b.action("cáo buộc", "112", "oppose");
  b.country("Ukraine", "UKR");
  std::vector<ex::SentenceView> v{a.done(), b.done()};
  auto ctx = ctx_at(2024, 4, 7);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ex::find_events(v, ctx).empty());
}

TEST(Relevance, AidReceivedFromAnotherCountryGoesFromTheGiver) {
  S a("Năm 2016, Việt Nam nhận được 12 triệu USD viện trợ quân sự từ Mỹ.");
  a.date("Năm 2016", "2016", "2016", "year");
  a.country("Việt Nam", "VNM");
  a.cue("nhận được", "receive");
  a.qty("12 triệu USD", 12e6, "USD");
  a.action("viện trợ", "070", "aid");
  a.cue("từ", "from");
  a.country("Mỹ", "USA");
  std::vector<ex::SentenceView> v{a.done()};
  auto ctx = ctx_at(2016, 12, 1);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].actor1.country, "USA");
  EXPECT_EQ(ev[0].actor2.country, "VNM");
}

TEST(Relevance, AHostWelcomingVisitorsToHisCountryIsNotTheVisitor) {
  S a("Ngày 10/8, Chủ tịch Quốc hội Trần Thanh Mẫn chào đón đoàn đại biểu Campuchia sang thăm Việt Nam.");
  a.date("Ngày 10/8", "2024-08-10", "2024-08-10", "day");
  a.office("Chủ tịch Quốc hội", "Chủ tịch Quốc hội");
  a.person("Trần Thanh Mẫn", "Trần Thanh Mẫn", "VNM", "Chủ tịch Quốc hội");
  a.cue("đoàn đại biểu", "pairref");
  a.country("Campuchia", "KHM");
  a.action("sang thăm", "042", "visit");
  a.add(AnnType::Country, "Việt Nam").code = "VNM";
  std::vector<ex::SentenceView> v{a.done()};
  auto ctx = ctx_at(2024, 8, 11);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "042");
  EXPECT_EQ(ev[0].actor1.country, "KHM");
  EXPECT_EQ(ev[0].actor2.country, "VNM");
  EXPECT_EQ(ev[0].actor2.person, "Trần Thanh Mẫn");
}

TEST(Relevance, SeveralMeetingsWithOfficialsTheLexiconLacksAreOneEventEach) {
  S a("Ngày 1/8, Thủ tướng Phạm Minh Chính hội kiến Tổng thống Droupadi Murmu, gặp Phó Tổng thống Jagdeep "
      "Dhankhar và tiếp Bộ trưởng Ngoại giao Subrahmanyam Jaishankar tại New Delhi, Ấn Độ.");
  a.date("Ngày 1/8", "2024-08-01", "2024-08-01", "day");
  a.office("Thủ tướng", "Thủ tướng");
  a.person("Phạm Minh Chính", "Phạm Minh Chính", "VNM", "Thủ tướng");
  a.action("hội kiến", "040", "meet");
  a.office("Tổng thống", "Tổng thống");
  a.action("gặp", "040", "meet");
  a.add(AnnType::Office, "Phó Tổng thống").role = "Phó Tổng thống";
  a.action("tiếp", "040", "meet");
  a.add(AnnType::Office, "Bộ trưởng Ngoại giao").role = "Bộ trưởng Ngoại giao";
  a.country("Ấn Độ", "IND");
  std::vector<ex::SentenceView> v{a.done()};
  auto ctx = ctx_at(2024, 8, 2);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 3u);
  for (const auto& e : ev) {
    EXPECT_EQ(e.actor1.country, "VNM");
    EXPECT_EQ(e.actor2.country, "IND");
  }
  EXPECT_EQ(ev[1].actor2.role, "Phó Tổng thống");
}
