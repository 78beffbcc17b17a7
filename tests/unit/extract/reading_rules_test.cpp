// Reading rules whose words live in the lexicon (grammar.tsv, cues.tsv,
// terms.tsv), checked through the whole pipeline with the real lexicon on
// short made-up articles, so that a lexicon edit that breaks them fails here.
#include <gtest/gtest.h>

#include <string>

#include "core/document.h"
#include "pipeline/pipeline.h"

namespace {

using mekong::Document;
using mekong::Pipeline;
using mekong::PipelineOptions;
using mekong::Record;

const Pipeline& pipeline() {
  static const Pipeline p([] {
    PipelineOptions o;
    o.lexicon_dir = MEKONG_LEXICON_DIR;
    o.assume_published = mekong::Published{"2017-06-20", "day"};
    return o;
  }());
  return p;
}

// The record of an article: a headline, then the body lines.
Record read(const std::string& title, const std::string& body) {
  mekong::ingest::RawDocument raw;
  raw.id = "t";
  raw.origin = "t.txt";
  raw.bytes = title + "\n" + body + "\n";
  Document doc;
  std::string error;
  EXPECT_TRUE(pipeline().run(std::move(raw), doc, error)) << error;
  return doc.record;
}

TEST(ReadingRules, OneInAnInternationalPostActsForNoCountry) {
  // The UN Secretary-General (terms.tsv: an international post) condemns for the UN, not for Portugal.
  const Record r = read("Liên hợp quốc lên án vụ phóng tên lửa",
                        "Ngày 18/6, Tổng Thư ký Liên hợp quốc António Guterres lên án việc Triều Tiên phóng tên lửa "
                        "đạn đạo.");
  for (const auto& e : r.events) {
    EXPECT_NE(e.actor1.country, std::optional<std::string>("PRT"));
    EXPECT_NE(e.actor2.country, std::optional<std::string>("PRT"));
  }
}

TEST(ReadingRules, ALinkNamesBothItsEnds) {
  // A link's name cut at the first end's country runs on through 'và' to the second end.
  const Record r = read("Hợp tác giao thông Việt Nam - Lào",
                        "Ngày 18/6, Việt Nam và Lào nhất trí tiếp tục hợp tác triển khai dự án đường sắt nối "
                        "Thành phố Vinh, Việt Nam và Thủ đô Viêng Chăn, Lào.");
  ASSERT_EQ(r.projects.size(), 1u);
  EXPECT_NE(r.projects[0].name.find("Viêng Chăn"), std::string::npos) << r.projects[0].name;
}

TEST(ReadingRules, AWorkOfferedOrAnOptionIsNoProject) {
  // 'ngỏ lời đề nghị tham gia', 'phương án vốn': only offered or considered.
  const Record offered = read("Pháp muốn tham gia dự án đường sắt",
                              "Cơ quan Phát triển Pháp đã ngỏ lời đề nghị tham gia hợp tác đối với dự án cải tạo "
                              "tuyến đường sắt Hòa Bình - Sơn La của Việt Nam.");
  EXPECT_TRUE(offered.projects.empty());
  const Record option = read("Vốn vay cho đường cao tốc",
                             "Khoản vay từ Hàn Quốc từng được nêu trong phương án vốn làm đường cao tốc Lạng Sơn - "
                             "Cao Bằng của Việt Nam.");
  EXPECT_TRUE(option.projects.empty());
}

TEST(ReadingRules, ALicensedOrACompanysWorkIsAFirmsDeal) {
  // A licence given to an investor, and a company that opens the clause after 'Về'.
  const Record licensed = read("Vốn đầu tư nước ngoài tăng",
                               "Dự án lớn được cấp phép trong tháng là Khu công nghiệp Việt Nam - Thái Lan, tổng vốn "
                               "200 triệu USD do Thái Lan đầu tư.");
  EXPECT_TRUE(licensed.projects.empty());
  const Record firm = read("Doanh nghiệp Pháp quan tâm cao tốc",
                           "Về Tập đoàn Alpha (Pháp) quan tâm đến việc mua quyền khai thác dự án cao tốc Hòa Bình - "
                           "Mộc Châu của Việt Nam.");
  EXPECT_TRUE(firm.projects.empty());
}

TEST(ReadingRules, AWorkDoneWithAThirdCountryIsNoPairs) {
  const Record r = read("Hải quân ba nước xây trường học",
                        "Ngày 18/6, Hải quân hai nước Australia và Nhật Bản sẽ cùng với chủ nhà Việt Nam hoàn thành "
                        "trường tiểu học Hoa Sen (Phú Yên) với sự tài trợ của Nhật Bản.");
  EXPECT_TRUE(r.projects.empty());
  // The pair alone: a project.
  const Record two = read("Hải quân Nhật Bản xây trường học",
                          "Ngày 18/6, Hải quân Nhật Bản sẽ cùng với chủ nhà Việt Nam hoàn thành trường tiểu học "
                          "Hoa Sen (Phú Yên) với sự tài trợ của Nhật Bản.");
  EXPECT_EQ(two.projects.size(), 1u);
}



TEST(ReadingRules, ASigningSoughtWishedOrHinderedHasNotHappened) {
  auto status = [](const std::string& sentence) -> std::string {
    const Record r = read("Quan hệ Việt Nam - Hungary", sentence);
    if (r.agreements.empty()) return "none";
    return r.agreements[0].status.value_or("null");
  };
  EXPECT_EQ(status("Ngày 18/6, Việt Nam và Hungary đã ký Hiệp định hợp tác về nông nghiệp."), "signed");
  EXPECT_EQ(status("Việt Nam và Hungary đang đàm phán ký Hiệp định hợp tác về nông nghiệp."), "planned");
  EXPECT_EQ(status("Việt Nam và Hungary chưa ký Hiệp định hợp tác về nông nghiệp."), "planned");
  EXPECT_EQ(status("Tranh chấp đã cản trở hai nước Việt Nam và Hungary ký Hiệp định hợp tác về nông nghiệp."),
            "planned");
  EXPECT_EQ(status("Ngày 18/6, Việt Nam và Hungary đã nhất trí và ký kết Hiệp định hợp tác về nông nghiệp."),
            "signed");
}

TEST(ReadingRules, ADocumentsNameEndsWithItsSecondParty) {
  const Record r = read("Thương mại Việt Nam - Hungary",
                        "Hai bên cần tận dụng cơ hội do Hiệp định Thương mại giữa Việt Nam và EFTA mang lại cho "
                        "doanh nghiệp Việt Nam và Hungary.");
  ASSERT_EQ(r.agreements.size(), 1u);
  EXPECT_EQ(r.agreements[0].name, "Hiệp định Thương mại giữa Việt Nam và EFTA");
  // 'và' inside the first party's name does not close it.
  const Record two = read("Hợp tác giáo dục Việt Nam - Hungary",
                          "Ngày 18/6, hai bên ký Kế hoạch hợp tác giữa Bộ Giáo dục và Đào tạo Việt Nam và Bộ Nhân "
                          "lực Hungary giai đoạn 2017 - 2020.");
  ASSERT_EQ(two.agreements.size(), 1u);
  EXPECT_NE(two.agreements[0].name.find("Bộ Nhân lực Hungary"), std::string::npos) << two.agreements[0].name;
}

TEST(ReadingRules, AStrategyWordInsideABodysNameIsNoDocument) {
  const Record r = read("Chuyên gia Hungary nói về hải quân Việt Nam",
                        "Ông Ferenc, chuyên gia Trung tâm Đánh giá Ngân sách và Chiến lược Hungary, nói với báo chí "
                        "Việt Nam rằng hải quân hai nước có nhiều điểm chung.");
  EXPECT_TRUE(r.agreements.empty());
}

TEST(ReadingRules, AComparisonsBaseStaysInItsClause) {
  // 'so với năm 2015; bốn tháng đầu năm 2017, ...': the next clause's period is its own.
  const Record r = read("Thương mại Việt Nam - Hungary",
                        "Kim ngạch thương mại hai chiều Việt Nam - Hungary năm 2016 đạt 2,1 tỷ USD, tăng 15% so với "
                        "năm 2015; bốn tháng đầu năm 2017, tiếp tục tăng 20%, đạt 0,9 tỷ USD.");
  bool found = false;
  for (const auto& f : r.figures)
    if (f.value == 900000000.0) {
      found = true;
      EXPECT_EQ(f.period_start, std::optional<std::string>("2017-01"));
      EXPECT_EQ(f.period_end, std::optional<std::string>("2017-04"));
    }
  EXPECT_TRUE(found);
}

TEST(ReadingRules, TradeWithAStatesPartIsNotTheCountrys) {
  const Record part = read("Thương mại Việt Nam - Đức",
                           "Kim ngạch thương mại hai chiều giữa Việt Nam và bang Sachsen của Đức đạt 500 triệu euro "
                           "năm 2016.");
  EXPECT_TRUE(part.figures.empty());
  const Record whole = read("Thương mại Việt Nam - Séc",
                            "Năm 2016, kim ngạch thương mại hai chiều giữa Việt Nam và CH Séc đạt 400 triệu USD.");
  EXPECT_EQ(whole.figures.size(), 1u);
}

TEST(ReadingRules, AnAmountInBracketsIsTheCountrysBeforeIt) {
  // 'cùng với Qatar (600 triệu euro)': a third country's amount, not the pair's.
  const Record r = read("Ai Cập nhập vũ khí của Đức",
                        "Năm 2016, Đức xuất khẩu vũ khí trị giá 900 triệu euro sang Ai Cập. Ai Cập là một trong ba "
                        "khách hàng mua vũ khí lớn nhất của Đức cùng với Qatar (600 triệu euro).");
  ASSERT_EQ(r.figures.size(), 1u);
  EXPECT_EQ(r.figures[0].value, 900000000.0);
}

TEST(ReadingRules, AListOfSchoolsSetsNoPairForTheNumbersAfterIt) {
  // A sentence that names no country reads the last one that did only when that one spoke of a figure.
  const Record r = read("Trường đại học tuyển sinh năm 2017",
                        "Năm 2016, Việt Nam và Đan Mạch ký thỏa thuận hợp tác giáo dục.\nChương trình của trường "
                        "tham khảo nhiều trường đại học như: ĐH Bách khoa Hà Nội; ĐH Aalborg (Đan Mạch); ĐH Quốc gia "
                        "Hà Nội của Việt Nam. Thống kê của trường cho hay, tổng số sinh viên toàn trường trong năm "
                        "học 2016 - 2017 là trên 3.000 người.");
  EXPECT_TRUE(r.figures.empty());
}

TEST(ReadingRules, GuestsVisitingTheHostsCountryAreTheVisitors) {
  // 'tiếp ... Hoa Kỳ đang thăm, làm việc tại Việt Nam': the comma after the verb does not hide the place.
  const Record r = read("Chủ tịch nước tiếp các nghị sĩ Canada",
                        "Chiều 1/6, Chủ tịch nước Trần Đại Quang đã tiếp các nghị sĩ Canada đang thăm, làm việc tại "
                        "Việt Nam.");
  bool visit = false;
  for (const auto& e : r.events)
    if (e.cameo == "042") {
      visit = true;
      EXPECT_EQ(e.actor1.country, std::optional<std::string>("CAN"));
      EXPECT_EQ(e.actor2.country, std::optional<std::string>("VNM"));
    }
  EXPECT_TRUE(visit);
}

TEST(ReadingRules, AVisitWithItsVisitorBeforeItTakesNoOneAfterIt) {
  // '... do X dẫn đầu ... bắt đầu chuyến thăm Việt Nam, ... dự Hội nghị Chủ tịch ...': the office after
  // the visit, in another phrase, is not the visitor; only 'của' would name one there.
  const Record r = read("Đoàn Quốc hội Campuchia thăm Việt Nam",
                        "Ngày 23/6, Đoàn đại biểu cấp cao Quốc hội Vương quốc Campuchia do Chủ tịch Quốc hội Heng "
                        "Samrin dẫn đầu đã tới Hà Nội, bắt đầu chuyến thăm hữu nghị chính thức Việt Nam, dự các hoạt "
                        "động kỷ niệm và tham dự Hội nghị Chủ tịch Mặt trận ba nước từ ngày 23 - 26/6.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].actor1.country, std::optional<std::string>("KHM"));
  EXPECT_EQ(r.events[0].actor2.country, std::optional<std::string>("VNM"));
}

TEST(ReadingRules, ACountrySpokenAboutIsNoActor) {
  // 'hội đàm về tình hình Syria': what the talks are about, not who holds them.
  const Record r = read("Mỹ và Nga hội đàm",
                        "Ngoại trưởng Mỹ ngày 9/5 đã gặp người đồng cấp Nga để hội đàm về tình hình Syria và Ukraine.");
  ASSERT_FALSE(r.events.empty());
  for (const auto& e : r.events) {
    EXPECT_NE(e.actor1.country, std::optional<std::string>("SYR"));
    EXPECT_NE(e.actor2.country, std::optional<std::string>("SYR"));
  }
}

TEST(ReadingRules, AFigureMustBeANumberReachedWithATimeOfItsOwn) {
  // An order of magnitude, a figure still ahead, trade said to be so 'now': no figures.
  EXPECT_TRUE(read("Hợp tác Việt Nam - Hungary",
                   "Năm 2016, chương trình đã đưa hàng nghìn sinh viên Việt Nam sang học tập tại Hungary.")
                  .figures.empty());
  EXPECT_TRUE(read("Thương mại Việt Nam - Hungary",
                   "Năm 2016, Bộ trưởng tin tưởng kim ngạch thương mại song phương Việt Nam - Hungary sẽ đạt mốc 2 tỷ "
                   "USD vào năm 2018.")
                  .figures.empty());
  EXPECT_TRUE(read("Thương mại Việt Nam - Hungary",
                   "Hiện kim ngạch thương mại hai chiều Việt Nam - Hungary đạt 900 triệu USD.")
                  .figures.empty());
  // A period said of investment does not go on to trade in the next sentence.
  const Record r = read("Quan hệ Việt Nam - Hungary",
                        "Năm 2016, Hungary là nhà đầu tư lớn thứ 30 tại Việt Nam với 300 triệu USD vốn đầu tư. Kim "
                        "ngạch xuất nhập khẩu giữa Việt Nam và Hungary đạt khoảng 800 triệu USD.");
  for (const auto& f : r.figures) EXPECT_NE(f.indicator, "trade_turnover");
}

TEST(ReadingRules, APairOfCountriesIsNoInvestor) {
  // 'quan hệ ... Việt Nam và Hungary ..., đầu tư đạt ...': who invests in whom is not said.
  const Record r = read("Quan hệ Việt Nam - Hungary",
                        "Năm 2016, quan hệ thương mại và đầu tư Việt Nam và Hungary phát triển tốt, trong đó, đầu tư "
                        "đạt khoảng 900 triệu USD.");
  ASSERT_EQ(r.figures.size(), 1u);
  EXPECT_FALSE(r.figures[0].from);
  EXPECT_FALSE(r.figures[0].to);
}

TEST(ReadingRules, APlanWhoseTermIsOverIsCompleted) {
  const Record r = read("Kỳ họp Ủy ban hợp tác Việt Nam - Hungary",
                        "Tại kỳ họp, hai bên đánh giá tình hình thực hiện Thỏa thuận về Kế hoạch hợp tác Việt Nam - "
                        "Hungary năm 2016.");
  ASSERT_EQ(r.agreements.size(), 1u);
  EXPECT_EQ(r.agreements[0].status, std::optional<std::string>("completed"));
}

TEST(ReadingRules, WhatTheTwoLeadersDoIsDoneOnTheOccasion) {
  // 'Hai nhà lãnh đạo đã chứng kiến lễ ký ...' with no day of its own: on the day of their talks.
  const Record r = read("Ba Lan và Việt Nam",
                        "Ngày 12/4/2023, Thủ tướng Việt Nam hội đàm với Thủ tướng Ba Lan tại Warsaw.\nHai nhà lãnh đạo "
                        "đã chứng kiến lễ ký kết 3 văn kiện hợp tác.");
  bool signing = false;
  for (const auto& e : r.events)
    if (e.cameo == "057") {
      signing = true;
      EXPECT_EQ(e.date.start, "2023-04-12");
    }
  EXPECT_TRUE(signing);
}

TEST(ReadingRules, AnAmountForODAProjectsIsAid) {
  // '... cung cấp khoảng 1 tỷ USD cho các dự án ODA': the cue after the amount, not the last sentence's.
  const Record r = read("Hungary hỗ trợ Việt Nam",
                        "Năm 2016, vốn đầu tư của Hungary vào Việt Nam đạt 300 triệu USD. Là một trong những nước viện "
                        "trợ ODA nhiều và thường xuyên cho Việt Nam, từ năm 1990 đến nay, Hungary đã cung cấp khoảng 1 "
                        "tỷ USD cho các dự án ODA tại Việt Nam.");
  bool aid = false;
  for (const auto& f : r.figures)
    if (f.value == 1000000000.0) {
      aid = true;
      EXPECT_EQ(f.indicator, "aid");
    }
  EXPECT_TRUE(aid);
}

TEST(ReadingRules, AParagraphAboutAProvincesTradeGoesOnWithIt) {
  // After '... giữa Quảng Tây và Việt Nam đạt ...;', the paragraph's next trade figure is the province's too.
  const Record r = read("Việt Nam khuyến khích doanh nghiệp Trung Quốc đầu tư",
                        "Chủ tịch tỉnh cho biết, năm 2016, kim ngạch thương mại song phương giữa Quảng Tây và Việt "
                        "Nam đạt 3,4 tỷ USD (tăng 13,8% so với năm 2015); Quý 1/2017 kim ngạch thương mại song phương "
                        "đã đạt 820 triệu USD và đang duy trì xu hướng phát triển tốt. Việt Nam và Trung Quốc có quan hệ "
                        "hợp tác kinh tế.");
  EXPECT_TRUE(r.figures.empty());
}

TEST(ReadingRules, AnEnvoyIsNotTheOfficeHolderTheyActFor) {
  // 'Đặc phái viên của Thủ tướng Australia, bà X': the envoy visits, not the Prime Minister.
  const Record r = read("Đặc phái viên của Thủ tướng Australia thăm Việt Nam",
                        "Ngày 10/7/2017, Đặc phái viên của Thủ tướng Australia, bà Frances Adamson đã thăm Việt Nam.");
  ASSERT_FALSE(r.events.empty());
  for (const auto& e : r.events) {
    EXPECT_EQ(e.actor1.country, std::optional<std::string>("AUS"));
    EXPECT_NE(e.actor1.role, std::optional<std::string>("Thủ tướng"));
  }
}

TEST(ReadingRules, ADatePastASinceClauseIsThatClauses) {
  // '... gặp Tổng thống Mỹ kể từ khi Tổng thống Mỹ nhậm chức hồi tháng 1': January is the inauguration's.
  const Record r = read("Ngoại trưởng Nga gặp Tổng thống Mỹ",
                        "Ngoại trưởng Nga là quan chức Nga cấp cao nhất gặp Tổng thống Mỹ kể từ khi Tổng thống Mỹ nhậm "
                        "chức hồi tháng 1/2017.");
  for (const auto& e : r.events) EXPECT_NE(e.date.start, "2017-01");
}

}  // namespace
