#include <gtest/gtest.h>

#include "helpers.h"

namespace mekong::recognize {
namespace {

using testing::day;
using testing::project_lexicon;
using testing::project_matcher;

struct Resolved {
  std::string country, person, role;
};

// The first actor phrase of `text` at `date`, or the lone country.
Resolved resolve(const std::string& text, const char* date, bool default_vietnam = false) {
  std::vector<Mention> ms;
  project_matcher().match(text, ms);
  const Lexicon& lex = *project_lexicon();
  auto phrases = find_actors(lex, ms, text, day(date), default_vietnam);
  ActorRef ref = phrases.empty() ? resolve_actor(lex, ms, text, day(date), default_vietnam) : phrases.front().actor;
  return {ref.country, ref.person ? lex.persons()[*ref.person].name : "", ref.role};
}

struct Case {
  const char* name;
  const char* text;
  const char* date;
  bool default_vietnam;
  Resolved want;
};

class ActorCases : public ::testing::TestWithParam<Case> {};

TEST_P(ActorCases, Resolves) {
  const Case& c = GetParam();
  const Resolved got = resolve(c.text, c.date, c.default_vietnam);
  EXPECT_EQ(got.country, c.want.country) << c.text << " @" << c.date;
  EXPECT_EQ(got.person, c.want.person) << c.text << " @" << c.date;
  EXPECT_EQ(got.role, c.want.role) << c.text << " @" << c.date;
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, ActorCases,
    ::testing::Values(
        // The same title names different persons across office changes.
        Case{"LaoPrimeMinister2019", "Thủ tướng Lào", "2019-06-10", false,
             {"LAO", "Thongloun Sisoulith", "Thủ tướng"}},
        Case{"LaoPrimeMinister2022", "Thủ tướng Lào", "2022-06-10", false,
             {"LAO", "Phankham Viphavanh", "Thủ tướng"}},
        Case{"LaoPrimeMinister2024", "Thủ tướng Lào", "2024-01", false, {"LAO", "Sonexay Siphandone", "Thủ tướng"}},
        Case{"HandoverDayBelongsToTheSuccessor", "Thủ tướng Chính phủ Lào", "2022-12-30", false,
             {"LAO", "Sonexay Siphandone", "Thủ tướng"}},
        Case{"VietnamPresidentBeforeAndAfter", "Chủ tịch nước Việt Nam", "2024-10-20", false,
             {"VNM", "Tô Lâm", "Tổng Bí thư, Chủ tịch nước"}},
        Case{"VietnamPresidentAfter", "Chủ tịch nước Việt Nam", "2024-10-21", false,
             {"VNM", "Lương Cường", "Chủ tịch nước"}},
        // A named person: country and office that day, whatever the title says.
        Case{"ToLamAsPresidentOnly", "Chủ tịch nước Tô Lâm", "2024-06-01", false,
             {"VNM", "Tô Lâm", "Chủ tịch nước"}},
        Case{"ToLamBothOffices", "Tổng Bí thư, Chủ tịch nước Tô Lâm", "2024-09-01", false,
             {"VNM", "Tô Lâm", "Tổng Bí thư, Chủ tịch nước"}},
        Case{"ToLamGeneralSecretary", "Tổng Bí thư Tô Lâm", "2025-03-01", false, {"VNM", "Tô Lâm", "Tổng Bí thư"}},
        Case{"DeputyAndMinisterJoined", "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh", "2020-05-01", false,
             {"VNM", "Phạm Bình Minh", "Phó Thủ tướng, Bộ trưởng Ngoại giao"}},
        Case{"LaoNameInVietnameseSpelling", "Bộ trưởng Ngoại giao Lào Xạ-lởm-xay Côm-ma-xít", "2018-03-01", false,
             {"LAO", "Saleumxay Kommasith", "Bộ trưởng Ngoại giao"}},
        Case{"HonorificBeforeTheName", "đồng chí Sonexay Siphandone", "2024-01-05", false,
             {"LAO", "Sonexay Siphandone", "Thủ tướng"}},
        Case{"GeneralSecretaryThenPresident", "đồng chí Thoòng-lun Xi-xu-lít", "2021-02-01", false,
             {"LAO", "Thongloun Sisoulith", "Tổng Bí thư, Thủ tướng"}},
        // Titles whose holder depends on the country named after them.
        Case{"TitleWithCountryInsideIt", "Tổng Bí thư Đảng Nhân dân Cách mạng Lào", "2018-01-01", false,
             {"LAO", "Bounnhang Vorachith", "Tổng Bí thư, Chủ tịch nước"}},
        Case{"CambodianPrimeMinister2020", "Thủ tướng Campuchia", "2020-01-01", false,
             {"KHM", "Hun Sen", "Thủ tướng"}},
        Case{"ThaiPrimeMinister2024", "Thủ tướng Thái Lan", "2024-03-01", false,
             {"THA", "Srettha Thavisin", "Thủ tướng"}},
        Case{"UsPresident", "Tổng thống Mỹ", "2023-09-10", false, {"USA", "Joe Biden", "Tổng thống"}},
        // No country: Vietnam only when the caller says so.
        Case{"BareTitleStaysOpen", "Thủ tướng", "2023-01-01", false, {"", "", "Thủ tướng"}},
        Case{"BareTitleDefaultsToVietnam", "Thủ tướng", "2023-01-01", true, {"VNM", "Phạm Minh Chính", "Thủ tướng"}},
        Case{"VagueTitleNeedsACountry", "Tổng thống", "2023-01-01", true, {"", "", "Tổng thống"}},
        // Deputies: several at once, so no single holder.
        Case{"DeputyWithoutName", "Phó Thủ tướng Việt Nam", "2022-01-01", false, {"VNM", "", "Phó Thủ tướng"}},
        // Former office holders keep their name but not the title.
        Case{"FormerPrimeMinister", "nguyên Thủ tướng Nguyễn Tấn Dũng", "2020-01-01", false,
             {"VNM", "Nguyễn Tấn Dũng", ""}},
        Case{"LoneCountry", "phía Lào", "2020-01-01", false, {"LAO", "", ""}}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(Actors, OfficeOfAndHolderAnswerByDate) {
  const Lexicon& lex = *project_lexicon();
  auto thongloun = lex.person("Thongloun Sisoulith");
  ASSERT_TRUE(thongloun);
  auto as_pm = lex.office_of(*thongloun, day("2018-01-01"));
  ASSERT_TRUE(as_pm);
  EXPECT_EQ(as_pm->role, "Thủ tướng");
  EXPECT_EQ(as_pm->country, "LAO");
  EXPECT_EQ(lex.office_of(*thongloun, day("2023-01-01"))->role, "Tổng Bí thư, Chủ tịch nước");
  EXPECT_FALSE(lex.office_of(*thongloun, day("1990-01-01")));

  auto pm = lex.office("Thủ tướng");
  ASSERT_TRUE(pm);
  auto h = lex.holder(*pm, "VNM", day("2021-04-04"));
  ASSERT_TRUE(h);
  EXPECT_EQ(lex.persons()[*h].name, "Nguyễn Xuân Phúc");
  h = lex.holder(*pm, "VNM", day("2021-04-05"));
  ASSERT_TRUE(h);
  EXPECT_EQ(lex.persons()[*h].name, "Phạm Minh Chính");
  EXPECT_FALSE(lex.holder(*pm, "VNM", Date{}));
}

TEST(Actors, SentenceGroupsIntoSeparateActors) {
  const std::string text =
      "Chiều 5/1, Thủ tướng Chính phủ Phạm Minh Chính và Thủ tướng Lào Xổn-xay Xi-phăn-đon đồng chủ trì kỳ họp, "
      "với sự tham dự của Bộ trưởng Bộ Ngoại giao hai nước.";
  std::vector<Mention> ms;
  project_matcher().match(text, ms);
  const Lexicon& lex = *project_lexicon();
  auto phrases = find_actors(lex, ms, text, day("2024-01-05"), false);
  ASSERT_EQ(phrases.size(), 3u);
  EXPECT_EQ(text.substr(phrases[0].begin, phrases[0].end - phrases[0].begin), "Thủ tướng Chính phủ Phạm Minh Chính");
  EXPECT_EQ(phrases[0].actor.country, "VNM");
  EXPECT_EQ(text.substr(phrases[1].begin, phrases[1].end - phrases[1].begin), "Thủ tướng Lào Xổn-xay Xi-phăn-đon");
  ASSERT_TRUE(phrases[1].actor.person);
  EXPECT_EQ(lex.persons()[*phrases[1].actor.person].name, "Sonexay Siphandone");
  // A title with neither name nor country stays unresolved without the flag.
  EXPECT_EQ(phrases[2].actor.role, "Bộ trưởng Ngoại giao");
  EXPECT_FALSE(phrases[2].actor.person);
}

TEST(Actors, AmbassadorsHostCountryIsNotTheirs) {
  const std::string text = "Đại sứ Lào tại Việt Nam tiếp đoàn";
  std::vector<Mention> ms;
  project_matcher().match(text, ms);
  auto phrases = find_actors(*project_lexicon(), ms, text, day("2023-01-01"), false);
  ASSERT_EQ(phrases.size(), 1u);
  EXPECT_EQ(phrases[0].actor.country, "LAO");
  EXPECT_EQ(phrases[0].actor.role, "Đại sứ");
}

TEST(Actors, UnknownNameAfterATitleIsPointedAt) {
  const std::string text = "Thủ tướng Lào Khăm-phăn Phôm-ma-thắt dự lễ";
  std::vector<Mention> ms;
  project_matcher().match(text, ms);
  auto phrases = find_actors(*project_lexicon(), ms, text, day("2023-01-01"), false);
  ASSERT_EQ(phrases.size(), 1u);
  ASSERT_LT(phrases[0].name_begin, phrases[0].name_end);
  EXPECT_EQ(text.substr(phrases[0].name_begin, phrases[0].name_end - phrases[0].name_begin), "Khăm-phăn Phôm-ma-thắt");
  // A lower-case word after the title is no name.
  const std::string plain = "Thủ tướng Lào dự lễ khánh thành";
  project_matcher().match(plain, ms);
  phrases = find_actors(*project_lexicon(), ms, plain, day("2023-01-01"), false);
  ASSERT_EQ(phrases.size(), 1u);
  EXPECT_EQ(phrases[0].name_begin, phrases[0].name_end);
}

}  // namespace
}  // namespace mekong::recognize
