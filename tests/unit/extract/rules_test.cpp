// The extraction rules on hand-made annotations: what a lexicon and the
// resolvers would have found in each sentence.
#include <gtest/gtest.h>

#include <functional>

#include "extract/rules.h"
#include "sentence_builder.h"

namespace ex = mekong::extract;
using ex::Ann;
using ex::AnnType;

using mekong::extract::testing::S;
using mekong::extract::testing::ctx_at;
using mekong::extract::testing::pair_ctx;


TEST(Events, InvitedVisitGoesFromGuestToHost) {
  S s("Nhận lời mời của Thủ tướng Campuchia Hun Manet, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Campuchia "
      "từ ngày 12-13/3/2025.");
  s.cue("lời mời của", "invite");
  s.office("Thủ tướng", "Thủ tướng");
  s.country("Campuchia", "KHM");
  s.person("Hun Manet", "Hun Manet", "KHM", "Thủ tướng");
  s.person("Phạm Minh Chính", "Phạm Minh Chính", "VNM", "Thủ tướng");
  s.cue("sẽ", "planned");
  s.action("thăm chính thức", "042", "visit");
  s.add(AnnType::Country, "Campuchia", 90).code = "KHM";
  s.date("từ ngày 12-13/3/2025", "2025-03-12", "2025-03-13", "day");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2025, 3, 10);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "042");
  EXPECT_EQ(ev[0].actor1.country, "VNM");
  EXPECT_EQ(ev[0].actor1.person, "Phạm Minh Chính");
  EXPECT_EQ(ev[0].actor2.country, "KHM");
  EXPECT_EQ(ev[0].actor2.person, "Hun Manet");
  EXPECT_EQ(ev[0].status, "planned");
  EXPECT_EQ(ev[0].date.start, "2025-03-12");
  EXPECT_EQ(ev[0].date.end, "2025-03-13");
}

TEST(Events, IntentAndUndatedStatementsAreNotEvents) {
  S a("Hai bên nhất trí tiếp tục phối hợp tổ chức các chuyến thăm cấp cao.");
  a.cue("Hai bên", "both");
  a.cue("nhất trí", "intent");
  a.cue("các", "generic");
  a.action("chuyến thăm", "042", "visit");
  S b("Việt Nam và Nhật Bản đã ký nhiều văn kiện quan trọng.");
  b.country("Việt Nam", "VNM");
  b.country("Nhật Bản", "JPN");
  b.action("ký", "057", "sign");
  std::vector<ex::SentenceView> v{a.done(), b.done()};
  auto ctx = ctx_at(2024, 5, 2);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ex::find_events(v, ctx).empty());
}

TEST(Events, OccasionDateIsInheritedOnlyWhenTheSentenceSaysSo) {
  S a("Chiều 5/5, Thủ tướng Nhật Bản Kishida Fumio hội đàm với Thủ tướng Phạm Minh Chính.");
  a.date("Chiều 5/5", "2024-05-05", "2024-05-05", "day");
  a.office("Thủ tướng", "Thủ tướng");
  a.country("Nhật Bản", "JPN");
  a.person("Kishida Fumio", "Kishida Fumio", "JPN", "Thủ tướng");
  a.action("hội đàm", "040", "meet");
  a.person("Phạm Minh Chính", "Phạm Minh Chính", "VNM", "Thủ tướng");
  S b("Ngay sau hội đàm, hai Thủ tướng đã chứng kiến lễ ký kết các văn kiện hợp tác.", 3);
  b.cue("Ngay sau", "occasion");
  b.action("hội đàm", "040", "meet");
  b.cue("hai Thủ tướng", "both");
  b.action("ký kết", "057", "sign");
  b.cue("văn kiện", "document");
  S c("Hai nước đã ký hiệp định thương mại song phương.", 5);
  c.cue("Hai nước", "both");
  c.action("ký", "057", "sign");
  std::vector<ex::SentenceView> v{a.done(), b.done(), c.done()};
  auto ctx = ctx_at(2024, 5, 6);
  ex::find_dyad(v, ctx);
  // No visit is dated here; the first dated meeting is the occasion.
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].cameo, "040");
  EXPECT_EQ(ev[0].actor1.country, "JPN");
  EXPECT_EQ(ev[0].actor2.country, "VNM");
  EXPECT_EQ(ev[1].cameo, "057");
  EXPECT_EQ(ev[1].line, 3u);
  EXPECT_EQ(ev[1].date.start, "2024-05-05");
}

TEST(Events, OldHistoryIsBackground) {
  S a("Ngày 5/9/1962, hai nước thiết lập quan hệ ngoại giao và ký Hiệp định hữu nghị.");
  a.date("Ngày 5/9/1962", "1962-09-05", "1962-09-05", "day");
  a.cue("hai nước", "both");
  a.action("ký", "057", "sign");
  std::vector<ex::SentenceView> v;
  S b("Việt Nam và Lào là hai nước láng giềng.");
  b.country("Việt Nam", "VNM");
  b.country("Lào", "LAO");
  v = {a.done(), b.done()};
  auto ctx = ctx_at(2024, 9, 5);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ex::find_events(v, ctx).empty());
}

TEST(Figures, LevelAndChangeShareTheirPeriod) {
  S s("Trong 9 tháng năm 2024, kim ngạch thương mại Việt Nam - Nhật Bản đạt khoảng 33,5 tỷ USD, tăng 4,2% so với cùng "
      "kỳ năm 2023.");
  s.date("9 tháng năm 2024", "2024-01", "2024-09", "month", true);
  s.indicator("kim ngạch thương mại", "trade_turnover", "money");
  s.country("Việt Nam", "VNM");
  s.country("Nhật Bản", "JPN");
  s.qty("khoảng 33,5 tỷ USD", 33.5e9, "USD", "about");
  s.cue("tăng", "increase");
  s.qty("4,2%", 4.2, "percent");
  s.cue("so với", "compare");
  s.date("năm 2023", "2023", "2023", "year");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2024, 10, 12);
  ex::find_dyad(v, ctx);
  auto f = ex::find_figures(v, ctx);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].indicator, "trade_turnover");
  EXPECT_EQ(f[0].approx, "about");
  EXPECT_EQ(f[0].period_start, "2024-01");
  EXPECT_EQ(f[0].period_end, "2024-09");
  EXPECT_FALSE(f[0].from);
  EXPECT_EQ(f[1].measure, "change");
  EXPECT_DOUBLE_EQ(f[1].value, 4.2);
  EXPECT_EQ(f[1].period_start, "2024-01");
}

TEST(Figures, TheReceiverSaysWhoGaveAndAFirmsBooksAreNoFlow) {
  // The data source's country comes first and is the receiver too, so the investor is the
  // other; a firm's debt in the next clause is no investment.
  S s("Theo số liệu của Bộ Thương mại Mỹ, đến nay Nga đã đầu tư 4,6 tỷ USD vào Mỹ; nợ của công ty Nga là 2 tỷ USD.");
  s.country("Mỹ", "USA");
  s.cue("đến nay", "now");
  s.country("Nga", "RUS");
  s.indicator("đầu tư", "investment_registered", "money");
  s.qty("4,6 tỷ USD", 4.6e9, "USD");
  s.cue("vào", "to");
  s.add(AnnType::Country, "Mỹ", s.text.find("vào Mỹ")).code = "USA";
  s.cue("nợ", "notflow");
  s.qty("2 tỷ USD", 2e9, "USD");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2017, 6, 3);
  ex::find_dyad(v, ctx);
  auto f = ex::find_figures(v, ctx);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 4.6e9);
  EXPECT_EQ(f[0].from, "RUS");
  EXPECT_EQ(f[0].to, "USA");
}

TEST(Figures, AnAmountWithNoTimeOfItsOwnIsNoFigure) {
  // Neither dated, nor said to be current, nor handed over: a story's detail.
  S s("Nhật Bản đầu tư 2 tỷ USD vào Việt Nam.");
  s.country("Nhật Bản", "JPN");
  s.indicator("đầu tư", "investment_registered", "money");
  s.qty("2 tỷ USD", 2e9, "USD");
  s.cue("vào", "to");
  s.country("Việt Nam", "VNM");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2017, 6, 3);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ex::find_figures(v, ctx).empty());
}

TEST(Figures, InvestmentInTheHomeCurrencyIsAProjectsCost) {
  auto figures = [](const std::string& text, const std::string& amount, double v, const std::string& unit) {
    S s(text);
    s.date("Năm 2016", "2016", "2016", "year");
    s.country("Nhật Bản", "JPN");
    s.indicator("vốn đầu tư", "investment_registered", "money");
    s.qty(amount, v, unit);
    s.country("Việt Nam", "VNM");
    std::vector<ex::SentenceView> v2{s.done()};
    auto ctx = pair_ctx(2017, 1, 1, "JPN", "VNM");
    return ex::find_figures(v2, ctx).size();
  };
  EXPECT_EQ(figures("Năm 2016, Nhật Bản có tổng vốn đầu tư 2 tỷ USD vào Việt Nam.", "2 tỷ USD", 2e9, "USD"), 1u);
  EXPECT_EQ(figures("Năm 2016, Nhật Bản có tổng vốn đầu tư 8.100 tỷ đồng vào Việt Nam.", "8.100 tỷ đồng", 8.1e12, "VND"), 0u);
}

// A trade figure of a page of 2017 about Vietnam and Laos, with what `more` adds.
static std::vector<mekong::Figure> trade(const std::string& text, const std::function<void(S&)>& more) {
  S s(text);
  s.indicator("kim ngạch thương mại", "trade_turnover", "money");
  more(s);
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = pair_ctx(2017, 6, 1, "VNM", "LAO");
  return ex::find_figures(v, ctx);
}

TEST(Figures, AFutureYearATownsTradeAndTheClausesOwnTime) {
  // A point in a later year than the page's is a target.
  auto f = trade("Hai bên nâng kim ngạch thương mại lên 3 tỷ USD vào năm 2021.", [](S& s) {
    s.cue("Hai bên", "both");
    s.qty("3 tỷ USD", 3e9, "USD");
    s.date("năm 2021", "2021", "2021", "year");
  });
  EXPECT_TRUE(f.empty());
  // 'giữa' a province and Vietnam: the province's trade; 'giữa năm 2016' is a time.
  f = trade("Năm 2016, kim ngạch thương mại giữa tỉnh Sekong và Việt Nam đạt 30 triệu USD.", [](S& s) {
    s.date("Năm 2016", "2016", "2016", "year");
    s.cue("giữa", "between");
    s.place("Sekong", "Sekong", "LAO");
    s.country("Việt Nam", "VNM");
    s.qty("30 triệu USD", 3e7, "USD");
  });
  EXPECT_TRUE(f.empty());
  f = trade("Tính đến giữa năm 2016, kim ngạch thương mại giữa Việt Nam và Lào đạt 800 triệu USD.", [](S& s) {
    s.cue("giữa", "between");
    s.date("giữa năm 2016", "2016-05", "2016-07", "month");
    s.add(AnnType::Cue, "giữa", s.text.find("giữa Việt")).label = "between";
    s.country("Việt Nam", "VNM");
    s.country("Lào", "LAO");
    s.qty("800 triệu USD", 8e8, "USD");
  });
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].period_start, "2016-05");
}

TEST(Figures, TradeThroughAMonthRunsFromJanuary) {
  auto f = trade("Tính hết tháng 3 năm nay, kim ngạch thương mại giữa Việt Nam và Lào đạt 300 triệu USD.", [](S& s) {
    s.cue("Tính hết", "to_date");
    s.date("tháng 3 năm nay", "2017-03", "2017-03", "month");
    s.country("Việt Nam", "VNM");
    s.country("Lào", "LAO");
    s.qty("300 triệu USD", 3e8, "USD");
  });
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].period_start, "2017-01");
  EXPECT_EQ(f[0].period_end, "2017-03");
}

TEST(Figures, NowInTheAmountsClauseAndADayAfterTheCountedThing) {
  S s("Năm 2016, Việt Nam dành 1.000 suất học bổng cho Lào; hiện có 16.000 lưu học sinh Lào tại Việt Nam.");
  s.date("Năm 2016", "2016", "2016", "year");
  s.country("Việt Nam", "VNM");
  s.qty("1.000 suất học bổng", 1000, "count", "exact", "suất học bổng");
  s.indicator("học bổng", "scholarships", "count");
  s.country("Lào", "LAO");
  s.cue("hiện", "now");
  s.qty("16.000 lưu học sinh", 16000, "count", "exact", "lưu học sinh");
  s.indicator("lưu học sinh", "students", "count");
  std::vector<ex::SentenceView> v{s.done()};
  auto f = ex::find_figures(v, pair_ctx(2017, 6, 1, "VNM", "LAO"));
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].period_start, "2016");
  EXPECT_EQ(f[1].period_start, "2017-06");  // as of the page, not the first clause's year
}

TEST(Figures, ACitysInvestmentIsNotTheCountrys) {
  S s("Hiện Phần Lan có 7 dự án đầu tư tại Thành phố Hồ Chí Minh.");
  s.cue("Hiện", "now");
  s.country("Phần Lan", "FIN");
  s.qty("7 dự án", 7, "count", "exact", "dự án");
  s.indicator("dự án đầu tư", "investment_projects", "count");
  s.cue("tại", "to");
  s.place("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "VNM");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2017, 6, 3);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ex::find_figures(v, ctx).empty());
}

TEST(Figures, StockAsOfNowAndDirection) {
  S s("Hiện Hàn Quốc có 1.020 dự án đầu tư tại Việt Nam với tổng vốn đầu tư hơn 2 tỷ USD.");
  s.cue("Hiện", "now");
  s.country("Hàn Quốc", "KOR");
  s.qty("1.020 dự án", 1020, "count", "exact", "dự án");
  s.indicator("dự án đầu tư", "investment_projects", "count");
  s.cue("tại", "to");
  s.country("Việt Nam", "VNM");
  s.indicator("tổng vốn đầu tư", "investment_registered", "money");
  s.qty("hơn 2 tỷ USD", 2e9, "USD", "over");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2023, 6, 3);
  ex::find_dyad(v, ctx);
  auto f = ex::find_figures(v, ctx);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].indicator, "investment_projects");
  EXPECT_EQ(f[0].period_start, "2023-06");
  EXPECT_EQ(f[0].from, "KOR");
  EXPECT_EQ(f[0].to, "VNM");
  EXPECT_EQ(f[1].indicator, "investment_registered");
  EXPECT_EQ(f[1].approx, "over");
}

TEST(Agreements, NameRunsToItsPeriod) {
  S s("Hai bên ký Bản ghi nhớ về hợp tác giáo dục giai đoạn 2024-2028 và Nghị định thư về hợp tác quốc phòng.");
  s.cue("Hai bên", "both");
  s.agreement_kind("Bản ghi nhớ", "mou");
  s.date("giai đoạn 2024-2028", "2024", "2028", "year", true);
  s.agreement_kind("Nghị định thư", "protocol");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = pair_ctx(2024, 1, 1, "VNM", "LAO");
  auto a = ex::find_agreements(v, ctx);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "Bản ghi nhớ về hợp tác giáo dục");
  EXPECT_EQ(a[0].period_start, "2024");
  EXPECT_EQ(a[0].period_end, "2028");
  EXPECT_EQ(a[1].name, "Nghị định thư về hợp tác quốc phòng");
  EXPECT_FALSE(a[1].period_start);
}

TEST(Agreements, AQuotedTitleAndASecondPartyBelongToTheName) {
  S s("Hai bên ký Tuyên bố chung về “Chương trình hợp tác vì phát triển,” và Thỏa thuận hợp tác giữa tỉnh A với các đối tác Lào.");
  s.cue("Hai bên", "both");
  s.agreement_kind("Tuyên bố chung", "declaration");
  s.agreement_kind("Thỏa thuận", "agreement");
  s.cue("giữa", "between");  // as grammar.tsv reads them
  s.cue("với", "namestop");
  s.cue("với", "party");
  s.country("Lào", "LAO");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = pair_ctx(2024, 1, 1, "VNM", "LAO");
  auto a = ex::find_agreements(v, ctx);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "Tuyên bố chung về “Chương trình hợp tác vì phát triển”");
  EXPECT_EQ(a[1].name, "Thỏa thuận hợp tác giữa tỉnh A với các đối tác Lào");
}

TEST(Agreements, APartiesOnlyMentionSeveralDocumentsABodysNameAndWhomItIsForNameNoDocument) {
  auto names = [](const std::string& text, const std::string& kind_phrase, const std::vector<std::pair<std::string, std::string>>& cues) {
    S s(text);
    auto& k = s.add(AnnType::AgreementKind, kind_phrase);
    k.code = "agreement";
    k.strong = true;
    for (const auto& [phrase, label] : cues) s.cue(phrase, label);
    s.country("Việt Nam", "VNM");
    s.country("Lào", "LAO");
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = pair_ctx(2024, 1, 1, "VNM", "LAO");
    std::vector<std::string> out;
    for (const auto& a : ex::find_agreements(v, ctx)) out.push_back(a.name);
    return out;
  };
  EXPECT_EQ(names("Hai bên ký Hiệp định về hợp tác thương mại giữa Việt Nam và Lào.", "Hiệp định", {}).size(), 1u);
  EXPECT_TRUE(names("Xe nhập từ Lào được giảm thuế theo hiệp định giữa Việt Nam và Lào.", "hiệp định",
                    {{"giữa", "between"}}).empty());
  EXPECT_TRUE(names("Trên cơ sở các Hiệp định và thỏa thuận của Việt Nam và Lào, hai bên phối hợp.", "Hiệp định", {}).empty());
  EXPECT_TRUE(names("Giám đốc Viện Nghiên cứu Hiệp định Việt Nam và Lào cho rằng.", "Hiệp định", {{"Viện", "organization"}}).empty());
  // Provinces' documents, and a kind of document spoken of in lower case with no country.
  EXPECT_TRUE(names("Hai bên ký Thỏa thuận hợp tác giữa tỉnh A của Việt Nam và tỉnh B của Lào.", "Thỏa thuận",
                    {{"giữa tỉnh", "subnational"}}).empty());
  EXPECT_TRUE(names("Việt Nam và Lào sẽ đàm phán hiệp định thương mại song phương.", "hiệp định", {{"song phương", "pairref"}}).empty());
  const auto paris = names("Ông Obama đàm phán Hiệp định Paris cho Lào với Việt Nam.", "Hiệp định", {{"cho", "for_whom"}});
  for (const auto& n : paris) EXPECT_EQ(n.find("cho"), std::string::npos) << n;
}

TEST(Projects, ProperNamesAndStrongKinds) {
  S s("Hai bên đã khánh thành cầu Hữu nghị Sông Hồng 2 và bàn giao trường tiểu học bán trú tại tỉnh Kiên Giang.");
  s.cue("Hai bên", "both");
  s.cue("Hai bên", "coop");
  s.cue("khánh thành", "status:completed");
  s.project_kind("cầu", "bridge", false);
  s.project_kind("trường tiểu học", "school");
  s.cue("tại", "at");
  auto& pl = s.add(AnnType::Place, "Kiên Giang");
  pl.name = "Kiên Giang";
  pl.country = "VNM";
  std::vector<ex::SentenceView> v{s.done()};
  auto p = ex::find_projects(v, pair_ctx(2024, 1, 1, "VNM", "KHM"));
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].name, "cầu Hữu nghị Sông Hồng 2");
  EXPECT_EQ(p[0].status, "completed");
  // A description in lower case is a work only with the place it stands in.
  EXPECT_EQ(p[1].name, "trường tiểu học bán trú tại tỉnh Kiên Giang");
  EXPECT_EQ(p[1].location, "Kiên Giang");
}

TEST(Projects, AStepStillAheadIsPlanned) {
  auto status = [](bool ahead) {
    S s(ahead ? "Việt Nam hỗ trợ khai trương trường Đại học Hữu Nghị của Lào." : "Việt Nam đã khai trương trường Đại học Hữu Nghị của Lào.");
    s.country("Việt Nam", "VNM");
    if (ahead) s.cue("hỗ trợ", "not_yet");
    s.cue("khai trương", "status:completed");
    s.cue("khai trương", "coop");
    s.project_kind("trường Đại học", "school");
    s.country("Lào", "LAO");
    std::vector<ex::SentenceView> v{s.done()};
    auto p = ex::find_projects(v, pair_ctx(2024, 1, 1, "VNM", "LAO"));
    return p.empty() ? std::string("none") : p[0].status.value_or("null");
  };
  EXPECT_EQ(status(false), "completed");
  EXPECT_EQ(status(true), "planned");
}

TEST(Projects, AHospitalIsTheirsOnlyWhenBuiltOrFundedForTheOtherSide) {
  auto projects = [](bool funded) {
    S s(funded ? "Hai bên đã bàn giao Bệnh viện Bình Minh Tây, nơi khám cho bạn Lào."
               : "Hai bên đã hỗ trợ Bệnh viện Bình Minh Tây, nơi mổ cho người Lào.");
    s.cue("Hai bên", "both");
    s.cue(funded ? "bàn giao" : "hỗ trợ", "coop");
    if (funded) s.cue("bàn giao", "funds");
    if (!funded) {  // 'hỗ trợ' read as an aid verb and an aid word too, with nothing handed over
      s.action("hỗ trợ", "070", "aid");
      s.indicator("hỗ trợ", "aid", "money");
    }
    s.project_kind("Bệnh viện", "hospital");
    s.country("Lào", "LAO");
    std::vector<ex::SentenceView> v{s.done()};
    return ex::find_projects(v, pair_ctx(2024, 1, 1, "VNM", "LAO")).size();
  };
  EXPECT_EQ(projects(true), 1u);
  EXPECT_EQ(projects(false), 0u);
}

TEST(Projects, ACompanyOpeningTheClauseMakesTheWorkItsDeal) {
  auto projects = [](const std::string& text, bool company) {
    S s(text);
    if (company) s.cue("Tập đoàn", "company");
    s.country("Pháp", "FRA");
    s.cue("hợp tác", "coop");
    s.project_kind("đường cao tốc", "expressway");
    s.country("Việt Nam", "VNM");
    std::vector<ex::SentenceView> v{s.done()};
    return ex::find_projects(v, pair_ctx(2024, 1, 1, "VNM", "FRA")).size();
  };
  EXPECT_EQ(projects("Pháp hợp tác xây đường cao tốc Hà Nội - Hải Phòng tại Việt Nam.", false), 1u);
  EXPECT_EQ(projects("Ông A cho biết, Tập đoàn X của Pháp muốn hợp tác khai thác đường cao tốc Hà Nội - Hải Phòng tại Việt Nam.", true), 0u);
}

TEST(Projects, DomesticVenueAndBodyAreNoProjects) {
  // The other side only far away in a long sentence, a work where something happens, a
  // hospital someone works at, and a description with nothing to name it: no project.
  S s("Đoàn bác sĩ Bệnh viện Chợ Lớn đến sân bay Tân Sơn Nhất, nơi nhà máy lọc dầu được xây dựng với hỗ trợ kỹ thuật của Nhật Bản.");
  s.cue("bác sĩ", "member");
  s.project_kind("Bệnh viện", "hospital");
  s.cue("đến", "venue");
  s.project_kind("sân bay", "airport");
  s.project_kind("nhà máy", "factory");
  s.cue("xây dựng", "works");
  s.cue("hỗ trợ", "coop");
  auto& pl = s.add(AnnType::Place, "Tân Sơn Nhất");
  pl.country = "VNM";
  auto& c = s.add(AnnType::Country, "Nhật Bản");
  c.code = "JPN";
  std::vector<ex::SentenceView> v{s.done()};
  EXPECT_TRUE(ex::find_projects(v, pair_ctx(2017, 1, 1, "VNM", "JPN")).empty());
}

TEST(Names, DiceOverSyllables) {
  EXPECT_DOUBLE_EQ(ex::name_dice("Hiệp định Thương mại", "hiệp định thương mại"), 1.0);
  EXPECT_NEAR(ex::name_dice("cảng Vũng Áng", "Dự án cảng Vũng Áng"), 2.0 * 3 / 8, 1e-9);
}

TEST(Agreements, TwoDocumentsJoinedByVaStayTwo) {
  S s("Hai bên ký Bản ghi nhớ về hợp tác thương mại biên giới và Kế hoạch hợp tác phòng chống ma túy.");
  s.cue("Hai bên", "both");
  s.agreement_kind("Bản ghi nhớ", "mou");
  auto& k2 = s.add(AnnType::AgreementKind, "Kế hoạch hợp tác");
  k2.code = "plan";
  std::vector<ex::SentenceView> v{s.done()};
  auto a = ex::find_agreements(v, pair_ctx(2024, 1, 1, "VNM", "LAO"));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "Bản ghi nhớ về hợp tác thương mại biên giới");
  EXPECT_EQ(a[1].name, "Kế hoạch hợp tác phòng chống ma túy");
}

TEST(Agreements, ATreatyNamedForACityOrOneThatMayNeverBeIsNotThePairs) {
  // 'Hiệp định Paris' names where it was signed, not the pair; a convention is many
  // parties'; 'nếu được ký kết' is a document that may never be.
  S s("Mỹ rút khỏi Hiệp định Paris về khí hậu, tuân thủ Công ước Berne về bản quyền của Pháp và nếu được ký kết thì Hiệp định thương mại Mỹ - Pháp sẽ có lợi.");
  auto& us = s.add(AnnType::Country, "Mỹ");
  us.code = "USA";
  s.agreement_kind("Hiệp định", "agreement");
  auto& paris = s.add(AnnType::Place, "Paris");
  paris.country = "FRA";
  s.agreement_kind("Công ước", "agreement");
  s.cue("Công ước", "multilateral");
  s.cue("của", "of");
  auto& fr = s.add(AnnType::Country, "Pháp");
  fr.code = "FRA";
  s.cue("nếu", "hypothetical");
  auto& k3 = s.add(AnnType::AgreementKind, "Hiệp định thương mại");
  k3.e = k3.b + static_cast<uint32_t>(std::string("Hiệp định").size());
  k3.code = "agreement";
  k3.strong = true;
  std::vector<ex::SentenceView> v{s.done()};
  EXPECT_TRUE(ex::find_agreements(v, pair_ctx(2017, 6, 1, "USA", "FRA")).empty());
}

TEST(Events, ReceivingAndHoldingTalksIsOneMeeting) {
  S s("Chiều 20/3, Bộ trưởng Nguyễn Hồng Diên đã tiếp và hội đàm với Bộ trưởng Thương mại Campuchia.");
  s.date("Chiều 20/3", "2024-03-20", "2024-03-20", "day");
  s.office("Bộ trưởng", "Bộ trưởng Công Thương");
  s.person("Nguyễn Hồng Diên", "Nguyễn Hồng Diên", "VNM", "Bộ trưởng Công Thương");
  s.action("tiếp", "043", "host");
  s.action("hội đàm", "040", "meet");
  s.add(AnnType::Office, "Bộ trưởng Thương mại").role = "Bộ trưởng Thương mại";
  s.country("Campuchia", "KHM");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2024, 3, 21);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "040");
  EXPECT_EQ(ev[0].actor2.country, "KHM");
}

// One meeting stated four ways; only the plain statement is an event.
static std::vector<mekong::Event> meeting_events(const std::string& text, const std::string& extra_label,
                                                 const std::string& extra_phrase) {
  S s(text);
  s.date("Ngày 20/3", "2024-03-20", "2024-03-20", "day");
  s.office("Thủ tướng", "Thủ tướng");
  s.person("Phạm Minh Chính", "Phạm Minh Chính", "VNM", "Thủ tướng");
  s.action("tiếp", "040", "meet");
  s.cue("tiếp", "bare");
  s.add(AnnType::Office, "Đại sứ").role = "Đại sứ";
  s.country("Nhật Bản", "JPN");
  if (!extra_label.empty()) s.cue(extra_phrase, extra_label);
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2024, 3, 21);
  ex::find_dyad(v, ctx);
  return ex::find_events(v, ctx);
}

TEST(Events, SpeculationMatchesCalledOffAndGoingOnAreNoMeetings) {
  EXPECT_EQ(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản.", "", "").size(), 1u);
  EXPECT_TRUE(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính nhiều khả năng tiếp Đại sứ Nhật Bản.", "speculate", "nhiều khả năng").empty());
  EXPECT_TRUE(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản nhưng đã bị hoãn.", "cancel", "bị hoãn").empty());
  EXPECT_TRUE(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản xem trận đấu.", "sport", "trận đấu").empty());
  // The day leading the sentence is the day it was said, not the day of the meeting.
  EXPECT_TRUE(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính cho biết từng tiếp Đại sứ Nhật Bản.", "report", "cho biết").empty());
  // 'tiếp' with no guest after it goes on doing something.
  EXPECT_TRUE(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính nói tiếp về Đại sứ Nhật Bản.", "", "").empty());
  // Called off before it is named.
  EXPECT_TRUE(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính hoãn tiếp Đại sứ Nhật Bản.", "cancel", "hoãn").empty());
  // Denied; 'không chỉ' ('not only') denies nothing.
  EXPECT_TRUE(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính chưa tiếp Đại sứ Nhật Bản.", "negation", "chưa").empty());
  EXPECT_EQ(meeting_events("Ngày 20/3, Thủ tướng Phạm Minh Chính không tiếp Đại sứ Nhật Bản.", "", "").size(), 1u);
}

TEST(Events, TouristsTravelStatesVisit) {
  auto visits = [](const std::string& text, bool tourists) {
    S s(text);
    s.date("Tháng 5/2017", "2017-05", "2017-05", "month");
    if (tourists) s.cue("du khách", "tourist");
    s.country("Trung Quốc", "CHN");
    s.action("thăm", "042", "visit");
    s.country("Hàn Quốc", "KOR");
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = ctx_at(2017, 6, 1);
    ex::find_dyad(v, ctx);
    return ex::find_events(v, ctx).size();
  };
  EXPECT_EQ(visits("Tháng 5/2017, đoàn đại biểu Trung Quốc thăm Hàn Quốc.", false), 1u);
  EXPECT_EQ(visits("Tháng 5/2017, du khách Trung Quốc thăm Hàn Quốc nhiều hơn.", true), 0u);
}

TEST(Events, AClauseSpokenWithinACallAlreadyToldIsNoNewCall) {
  S a("Ngày 7/2, Tổng thống Nga điện đàm với Thủ tướng Đức.");
  a.date("Ngày 7/2", "2017-02-07", "2017-02-07", "day");
  a.office("Tổng thống", "Tổng thống");
  a.country("Nga", "RUS");
  a.action("điện đàm", "040", "call");
  a.office("Thủ tướng", "Thủ tướng");
  a.country("Đức", "DEU");
  S b("Trong cuộc điện đàm, hai bên thảo luận tình hình tại Ukraine.", 2);
  b.cue("Trong cuộc", "within");
  b.action("điện đàm", "040", "call");
  b.cue("hai bên", "both");
  b.country("Ukraine", "UKR");
  std::vector<ex::SentenceView> v{a.done(), b.done()};
  auto ctx = ctx_at(2017, 2, 8);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].line, 1u);
  for (const auto& e : ev) EXPECT_NE(e.actor1.country, std::optional<std::string>("UKR"));
}

TEST(Events, AnInvitationOrAFirmMetIsNoVisitOrMeeting) {
  // A bare invitation to visit is no visit.
  {
    S s("Ngày 20/3, Tổng thống Hàn Quốc trân trọng mời Thủ tướng Việt Nam thăm Hàn Quốc.");
    s.date("Ngày 20/3", "2024-03-20", "2024-03-20", "day");
    s.add(AnnType::Office, "Tổng thống").role = "Tổng thống";
    s.country("Hàn Quốc", "KOR");
    s.cue("trân trọng mời", "invitation");
    s.office("Thủ tướng", "Thủ tướng");
    s.country("Việt Nam", "VNM");
    s.action("thăm", "042", "visit");
    s.add(AnnType::Country, "Hàn Quốc", s.text.find("thăm Hàn")).code = "KOR";
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = ctx_at(2024, 3, 21);
    ex::find_dyad(v, ctx);
    EXPECT_TRUE(ex::find_events(v, ctx).empty());
  }
  // Receiving a firm's chairman is not receiving the other state.
  {
    S s("Ngày 20/3, Thủ tướng Phạm Minh Chính tiếp ông Lee, Chủ tịch Tập đoàn Samsung của Hàn Quốc.");
    s.date("Ngày 20/3", "2024-03-20", "2024-03-20", "day");
    s.office("Thủ tướng", "Thủ tướng");
    s.person("Phạm Minh Chính", "Phạm Minh Chính", "VNM", "Thủ tướng");
    s.action("tiếp", "040", "meet");
    s.cue("Tập đoàn", "firm");
    s.country("Hàn Quốc", "KOR");
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = ctx_at(2024, 3, 21);
    ex::find_dyad(v, ctx);
    EXPECT_TRUE(ex::find_events(v, ctx).empty());
  }
}

TEST(Events, WhoWatchesAVisitIsNotItsVisitor) {
  S s("Trung Quốc theo dõi chuyến đi thăm Mỹ của Thủ tướng Ấn Độ Narendra Modi từ ngày 25/6.");
  s.date("ngày 25/6", "2017-06-25", "2017-06-25", "day");
  s.country("Trung Quốc", "CHN");
  s.cue("theo dõi", "report");
  s.action("thăm", "042", "visit");
  s.country("Mỹ", "USA");
  s.office("Thủ tướng", "Thủ tướng", "IND");
  s.country("Ấn Độ", "IND");
  s.person("Narendra Modi", "Narendra Modi", "IND", "Thủ tướng");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2017, 6, 27);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  for (const auto& e : ev) EXPECT_NE(e.actor1.country, std::optional<std::string>("CHN"));
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev[0].actor1.country, std::optional<std::string>("IND"));
  EXPECT_EQ(ev[0].actor2.country, std::optional<std::string>("USA"));
}

TEST(Figures, AnAmountRestatedInAnotherCurrencyIsOneFigureOnTheDayItIsHandedOver) {
  S s("Ngày 3/12, đoàn công tác đã trao tặng tỉnh Xiengkhouang 370 triệu kíp (tương đương 520 triệu đồng).");
  s.date("Ngày 3/12", "2022-12-03", "2022-12-03", "day");
  s.cue("đoàn công tác", "pairref");
  s.action("trao tặng", "070", "handover");
  auto& pl = s.add(AnnType::Place, "Xiengkhouang");
  pl.name = "Xiengkhuang";
  pl.country = "LAO";
  s.qty("370 triệu kíp", 370e6, "LAK");
  s.cue("tương đương", "equivalent");
  s.qty("520 triệu đồng", 520e6, "VND");
  S t("Việt Nam và Lào đã hội đàm.");
  t.country("Việt Nam", "VNM");
  t.country("Lào", "LAO");
  t.action("hội đàm", "040", "meet");
  std::vector<ex::SentenceView> v{s.done(), t.done()};
  auto ctx = ctx_at(2022, 12, 5);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "071");  // money: economic aid
  EXPECT_EQ(ev[0].actor1.country, "VNM");
  EXPECT_EQ(ev[0].actor2.country, "LAO");
  auto f = ex::find_figures(v, ctx);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].indicator, "aid");
  EXPECT_EQ(f[0].unit, "LAK");
  EXPECT_EQ(f[0].period_start, "2022-12-03");  // the sentence's own day
}

TEST(Events, ALaterActionInTheSentenceKeepsTheFirstActor) {
  S s("Ngày 14/10, Thủ tướng Lý Cường sẽ hội kiến Tổng Bí thư Tô Lâm và hội kiến Chủ tịch Quốc hội Trần Thanh Mẫn.");
  s.date("Ngày 14/10", "2024-10-14", "2024-10-14", "day");
  s.person("Lý Cường", "Li Qiang", "CHN", "Thủ tướng");
  s.cue("sẽ", "planned");
  s.action("hội kiến", "040", "meet");
  s.person("Tô Lâm", "Tô Lâm", "VNM", "Tổng Bí thư, Chủ tịch nước");
  s.add(AnnType::Action, "hội kiến", 60);
  s.v.anns.back().code = "040";
  s.v.anns.back().label = "meet";
  s.person("Trần Thanh Mẫn", "Trần Thanh Mẫn", "VNM", "Chủ tịch Quốc hội");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2024, 10, 13);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 2u);
  for (const auto& e : ev) {
    EXPECT_EQ(e.actor1.person, "Li Qiang");
    EXPECT_EQ(e.status, "planned");
  }
  EXPECT_EQ(ev[0].actor2.person, "Tô Lâm");
  EXPECT_EQ(ev[1].actor2.person, "Trần Thanh Mẫn");
}

// A country named just before a title opens no office of its own: the title
// starts a new actor (this once read the missing role of the country's group).
TEST(Events, ATitleRightAfterACountryStartsItsOwnActor) {
  S s("Ngày 5/3, tại Lào, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Lào Sonexay Siphandone.");
  s.date("Ngày 5/3", "2024-03-05", "2024-03-05", "day");
  s.country("Lào", "LAO");
  s.office("Thủ tướng", "Thủ tướng");
  s.person("Phạm Minh Chính", "Phạm Minh Chính", "VNM", "Thủ tướng");
  s.action("hội đàm", "040", "meet");
  s.add(AnnType::Office, "Thủ tướng Lào").role = "Thủ tướng";
  s.v.anns.back().country = "LAO";
  s.person("Sonexay Siphandone", "Sonexay Siphandone", "LAO", "Thủ tướng");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2024, 3, 6);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].actor1.person, "Phạm Minh Chính");
  EXPECT_EQ(ev[0].actor1.role, "Thủ tướng");
  EXPECT_EQ(ev[0].actor2.country, "LAO");
}

// A visit of a named leader to the other country, on a day, with one extra cue or name.
static std::vector<mekong::Event> visit_events(const std::string& text, const std::string& label = "",
                                               const std::string& phrase = "") {
  S s(text);
  s.date("Ngày 20/3", "2024-03-20", "2024-03-20", "day");
  if (text.find("Thủ tướng Nhật Bản") != std::string::npos) {
    s.office("Thủ tướng", "Thủ tướng", "JPN");
    s.country("Nhật Bản", "JPN");
  }
  s.action(text.find("gặp") != std::string::npos ? "gặp" : "thăm", text.find("gặp") != std::string::npos ? "040" : "042",
           text.find("gặp") != std::string::npos ? "meet" : "visit");
  s.country("Việt Nam", "VNM");
  if (!label.empty()) s.cue(phrase, label);
  s.cue("hai bên", "both");  // the article is about the pair
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = pair_ctx(2024, 3, 21, "JPN", "VNM");
  return ex::find_events(v, ctx);
}

TEST(Events, AdviceAnUnknownSubjectAndATripAbroadAreNoEvents) {
  EXPECT_EQ(visit_events("Ngày 20/3, Thủ tướng Nhật Bản thăm Việt Nam, hai bên hội đàm.").size(), 1u);
  EXPECT_TRUE(visit_events("Ngày 20/3, Thủ tướng Nhật Bản nên thăm Việt Nam, hai bên hội đàm.", "advice", "nên").empty());
  // 'Ông X' with no office or country may be of any country; read without the honorific, the pair fills the side.
  EXPECT_EQ(visit_events("Ngày 20/3, ông Pahor thăm Việt Nam, hai bên hội đàm.").size(), 1u);  // unread 'ông'
  EXPECT_TRUE(visit_events("Ngày 20/3, ông Pahor thăm Việt Nam, hai bên hội đàm.", "honorific", "ông").empty());
  EXPECT_TRUE(visit_events("Ngày 20/3, Thủ tướng Nhật Bản thăm nước ngoài rồi về Việt Nam, hai bên hội đàm.", "abroad",
                           "nước ngoài")
                  .empty());
}

TEST(Events, OneMetWhoseNameTheLexiconLacksIsOfNoKnownCountry) {
  S s("Ngày 20/3, Thủ tướng Nhật Bản sẽ gặp lại ông Lý tại hội nghị ở Việt Nam.");
  s.date("Ngày 20/3", "2024-03-20", "2024-03-20", "day");
  s.office("Thủ tướng", "Thủ tướng", "JPN");
  s.country("Nhật Bản", "JPN");
  s.cue("sẽ", "planned");
  s.action("gặp", "040", "meet");
  s.cue("ông", "honorific");
  s.cue("ở", "at");
  s.country("Việt Nam", "VNM");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2024, 3, 19);
  ex::find_dyad(v, ctx);
  EXPECT_TRUE(ex::find_events(v, ctx).empty());
}

TEST(Events, TheDayOfACitedSourceIsNotTheEventsAndSeAfterTheNounPlansIt) {
  {
    S s("Theo trang tin X ngày 20/3, cuộc gặp giữa Thủ tướng Nhật Bản và Việt Nam sẽ diễn ra.");
    s.cue("Theo", "attribution");
    s.date("ngày 20/3", "2024-03-20", "2024-03-20", "day");
    s.action("cuộc gặp", "040", "meet");
    s.office("Thủ tướng", "Thủ tướng", "JPN");
    s.country("Nhật Bản", "JPN");
    s.country("Việt Nam", "VNM");
    s.cue("sẽ", "planned");
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = ctx_at(2024, 3, 21);
    ex::find_dyad(v, ctx);
    EXPECT_TRUE(ex::find_events(v, ctx).empty());
  }
  {
    S s("Ngày 20/3, cuộc gặp sẽ diễn ra giữa Thủ tướng Nhật Bản và Việt Nam.");
    s.date("Ngày 20/3", "2024-03-20", "2024-03-20", "day");
    s.action("cuộc gặp", "040", "meet");
    s.cue("sẽ", "planned");
    s.office("Thủ tướng", "Thủ tướng", "JPN");
    s.country("Nhật Bản", "JPN");
    s.country("Việt Nam", "VNM");
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = ctx_at(2024, 3, 19);
    ex::find_dyad(v, ctx);
    auto ev = ex::find_events(v, ctx);
    ASSERT_EQ(ev.size(), 1u);
    EXPECT_EQ(ev[0].status, "planned");
  }
}

TEST(Events, AYearAfterANounVisitIsItsTime) {
  S s("Ông nhắc lại chuyến thăm Việt Nam của Thủ tướng Nhật Bản năm 2016 là dấu mốc.");
  s.action("chuyến thăm", "042", "visit");
  s.country("Việt Nam", "VNM");
  s.office("Thủ tướng", "Thủ tướng", "JPN");
  s.country("Nhật Bản", "JPN");
  s.date("năm 2016", "2016", "2016", "year");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = ctx_at(2024, 3, 21);
  ex::find_dyad(v, ctx);
  for (const auto& e : ex::find_events(v, ctx)) EXPECT_EQ(e.date.start, "2016");
}

TEST(Events, AProcessTheEveAndASecondPlaceVisited) {
  EXPECT_TRUE(visit_events("Ngày 20/3, tiến trình gặp Việt Nam, hai bên hội đàm.", "topic", "tiến trình").empty());
  EXPECT_TRUE(visit_events("Ngày 20/3, ngay trước thềm thăm Việt Nam, hai bên hội đàm.", "eve", "ngay trước thềm").empty());
}

TEST(Events, AnOfficeAloneVisitingAbroadIsVietnamsAndWhoInvitesIsNotTheVisitor) {
  {
    S s("Ngày 20/3, Chủ tịch nước sẽ thăm Nhật Bản và Hàn Quốc.");
    s.date("Ngày 20/3", "2024-03-20", "2024-03-20", "day");
    s.office("Chủ tịch nước", "Chủ tịch nước");
    s.cue("sẽ", "planned");
    s.action("thăm", "042", "visit");
    s.country("Nhật Bản", "JPN");
    s.country("Hàn Quốc", "KOR");
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = pair_ctx(2024, 3, 19, "JPN", "KOR");
    auto ev = ex::find_events(v, ctx);
    ASSERT_FALSE(ev.empty());
    EXPECT_EQ(ev[0].actor1.country, "VNM");
    EXPECT_EQ(ev[0].actor2.country, "JPN");
    for (const auto& e : ev) EXPECT_NE(e.actor1.country, "KOR");
  }
  {
    S s("Ngày 20/3, chuyến thăm Việt Nam diễn ra theo lời mời của Thủ tướng Nhật Bản, hai bên hội đàm.");
    s.date("Ngày 20/3", "2024-03-20", "2024-03-20", "day");
    s.action("chuyến thăm", "042", "visit");
    s.country("Việt Nam", "VNM");
    s.cue("theo lời mời", "invite");
    s.office("Thủ tướng", "Thủ tướng", "JPN");
    s.country("Nhật Bản", "JPN");
    s.cue("hai bên", "both");
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = pair_ctx(2024, 3, 19, "JPN", "VNM");
    for (const auto& e : ex::find_events(v, ctx))
      EXPECT_FALSE(e.actor1.role == std::optional<std::string>("Thủ tướng") && e.actor1.country == "JPN" && e.actor2.country == "VNM");
  }
}

TEST(Events, AWelcomesHostIsWhoseCeremonyItIs) {
  S s("Ngày 28/6, Chủ tịch nước Việt Nam hạ cánh và lễ đón chính thức theo nghi thức của Nhà nước Nga được tổ chức.");
  s.date("Ngày 28/6", "2017-06-28", "2017-06-28", "day");
  s.office("Chủ tịch nước", "Chủ tịch nước", "VNM");
  s.country("Việt Nam", "VNM");
  s.action("lễ đón chính thức", "043", "host");
  s.cue("của", "of");
  s.country("Nga", "RUS");
  std::vector<ex::SentenceView> v{s.done()};
  auto ctx = pair_ctx(2017, 6, 29, "VNM", "RUS");
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].actor1.country, "RUS");
  EXPECT_EQ(ev[0].actor2.country, "VNM");
}

TEST(Events, AnotherCountryVisitedIsAnotherLegKnownOnlyByItsMonth) {
  S a("Ngày 12/3, Chủ tịch nước thăm chính thức Singapore.");
  a.date("Ngày 12/3", "2025-03-12", "2025-03-12", "day");
  a.office("Chủ tịch nước", "Chủ tịch nước");
  a.action("thăm chính thức", "042", "visit");
  a.country("Singapore", "SGP");
  S b("Trước đó, Chủ tịch nước đã thăm chính thức Indonesia.", 2);
  b.office("Chủ tịch nước", "Chủ tịch nước");
  b.action("thăm chính thức", "042", "visit");
  b.country("Indonesia", "IDN");
  std::vector<ex::SentenceView> v{a.done(), b.done()};
  auto ctx = ctx_at(2025, 3, 14);
  ex::find_dyad(v, ctx);
  auto ev = ex::find_events(v, ctx);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].actor2.country, "SGP");
  EXPECT_EQ(ev[0].date.precision, "day");
  EXPECT_EQ(ev[1].actor2.country, "IDN");
  EXPECT_EQ(ev[1].date.precision, "month");
  EXPECT_EQ(ev[1].date.start, "2025-03");
}

TEST(Events, ASessionOfAMechanismOfManyIsNoPairsEvent) {
  auto events = [](std::vector<std::string> members) {
    S s("Ngày 10/11, Thủ tướng Việt Nam dự Hội nghị Cấp cao X cùng Thủ tướng Nhật Bản.");
    s.date("Ngày 10/11", "2017-11-10", "2017-11-10", "day");
    s.office("Thủ tướng", "Thủ tướng");
    s.country("Việt Nam", "VNM");
    ex::Ann& m = s.add(AnnType::Mechanism, "Hội nghị Cấp cao X");
    m.name = "Hội nghị Cấp cao X";
    m.label = "meeting";
    m.countries = std::move(members);
    m.strong = m.countries.size() == 2;
    s.add(AnnType::Office, "Thủ tướng", 60).role = "Thủ tướng";
    s.country("Nhật Bản", "JPN");
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = ctx_at(2017, 11, 11);
    ex::find_dyad(v, ctx);
    return ex::find_events(v, ctx).size();
  };
  EXPECT_EQ(events({"VNM", "JPN"}), 1u);
  EXPECT_EQ(events({"VNM", "JPN", "LAO", "KHM"}), 0u);
}

TEST(Events, AVisitRecalledByItsMonthIsBackground) {
  // In news of a meeting on 12/5, a visit recalled by its month does not take the meeting's day.
  auto events = [](const std::string& when, const std::string& start, const std::string& precision) {
    S a("Ngày 12/5, Chủ tịch nước hội kiến Thủ tướng Nhật Bản.");
    a.date("Ngày 12/5", "2017-05-12", "2017-05-12", "day");
    a.office("Chủ tịch nước", "Chủ tịch nước");
    a.action("hội kiến", "040", "meet");
    a.add(AnnType::Office, "Thủ tướng", 30).role = "Thủ tướng";
    a.country("Nhật Bản", "JPN");
    S s("Chủ tịch nước đánh giá cao chuyến thăm Việt Nam của Thủ tướng Nhật Bản (" + when + ").", 2);
    s.office("Chủ tịch nước", "Chủ tịch nước");
    s.action("chuyến thăm", "042", "visit");
    s.country("Việt Nam", "VNM");
    s.add(AnnType::Office, "Thủ tướng", 50).role = "Thủ tướng";
    s.country("Nhật Bản", "JPN");
    s.date(when, start, start, precision);
    std::vector<ex::SentenceView> v{a.done(), s.done()};
    auto ctx = ctx_at(2017, 5, 13);
    ex::find_dyad(v, ctx);
    return ex::find_events(v, ctx).size();
  };
  EXPECT_EQ(events("ngày 10/5", "2017-05-10", "day"), 2u);
  EXPECT_EQ(events("tháng 11/2016", "2016-11", "month"), 1u);
}

TEST(Events, AnActionOnADateSaidToBeComingIsPlanned) {
  auto status = [](bool coming) {
    S s("Thủ tướng Đức sẽ công du tới Tunisia vào tháng Ba tới.");
    s.office("Thủ tướng", "Thủ tướng");
    s.country("Đức", "DEU");
    s.action("công du", "042", "visit");
    s.country("Tunisia", "TUN");
    s.date("tháng Ba tới", "2017-03", "2017-03", "month").coming = coming;
    std::vector<ex::SentenceView> v{s.done()};
    auto ctx = ctx_at(2017, 0, 0);
    ctx.ref_weak = true;
    ex::find_dyad(v, ctx);
    auto ev = ex::find_events(v, ctx);
    return ev.empty() ? std::string("none") : ev[0].status;
  };
  EXPECT_EQ(status(true), "planned");
}
