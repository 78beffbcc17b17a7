#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "helpers.h"

namespace mekong::recognize {
namespace {

using testing::project_lexicon;
using testing::project_matcher;

// "kind|surface|what": the words as found in the ORIGINAL text and the
// canonical thing they name.
std::string describe(const Lexicon& lex, const Mention& m, std::string_view text) {
  std::string what;
  switch (m.kind) {
    case Kind::Country: what = lex.countries()[m.entry].code + ((m.flags & kPair) ? "+pair" : ""); break;
    case Kind::Person: what = lex.persons()[m.entry].name; break;
    case Kind::Title: what = lex.titles()[m.entry].role; break;
    case Kind::Place: what = lex.places()[m.entry].name; break;
    case Kind::Mechanism: what = lex.mechanisms()[m.entry].name; break;
    case Kind::Action: what = lex.actions()[m.entry].cameo; break;
    case Kind::Cue: what = lex.cues()[m.entry].label; break;
    case Kind::Indicator: what = lex.indicators()[m.entry].indicator; break;
    case Kind::AgreementKind: what = lex.agreement_kinds()[m.entry].kind; break;
    case Kind::ProjectKind: what = lex.project_kinds()[m.entry].kind; break;
    case Kind::ProjectStatus: what = lex.project_statuses()[m.entry].status; break;
  }
  return std::string(kind_name(m.kind)) + "|" + std::string(text.substr(m.begin, m.end - m.begin)) + "|" + what;
}

std::vector<std::string> found(const std::string& text) {
  std::vector<Mention> ms;
  project_matcher().match(text, ms);
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(describe(*project_lexicon(), m, text));
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> present;  // each must be found
  std::vector<std::string> absent;   // none may be found
};

class MatcherCases : public ::testing::TestWithParam<Case> {};

TEST_P(MatcherCases, FindsWhatItShouldAndNothingElse) {
  const Case& c = GetParam();
  const auto got = found(c.text);
  std::string all;
  for (const auto& g : got) all += "  " + g + "\n";
  for (const auto& p : c.present)
    EXPECT_NE(std::find(got.begin(), got.end(), p), got.end()) << "missing " << p << " in:\n" << all;
  for (const auto& a : c.absent)
    EXPECT_EQ(std::find(got.begin(), got.end(), a), got.end()) << "unexpected " << a << " in:\n" << all;
}

INSTANTIATE_TEST_SUITE_P(
    Text, MatcherCases,
    ::testing::Values(
        Case{"UpperCaseAndOldToneMarks",
             "THỦ TƯỚNG LÀO ĐẾN TỈNH KHÁNH HOÀ, sau đó tới Thanh Hoá",
             {"title|THỦ TƯỚNG|Thủ tướng", "country|LÀO|LAO", "place|KHÁNH HOÀ|Khánh Hòa",
              "place|Thanh Hoá|Thanh Hóa"},
             {}},
        Case{"WholeSyllablesOnly",
             "Đoàn Làocai và đoàn Việt Namese gặp nhau ở Lào Cai",
             {"place|Lào Cai|Lào Cai"},
             {"country|Lào|LAO", "country|Việt Nam|VNM"}},
        Case{"LongestWinsOverTheNameInside",
             "Chuyến đi Mỹ Tho của đoàn Mỹ kết thúc ở Thái Bình Dương",
             {"place|Mỹ Tho|Mỹ Tho", "country|Mỹ|USA", "place|Thái Bình Dương|Thái Bình Dương"},
             {"place|Thái Bình|Thái Bình"}},
        Case{"NamesKeepTheirCapitals",
             "Một thẩm mỹ viện mở cửa; nghệ thuật mỹ thuật; Mỹ và Nga",
             {"country|Mỹ|USA", "country|Nga|RUS"},
             {"country|mỹ|USA"}},
        Case{"DashPairsNameTwoCountries",
             "Quan hệ đặc biệt Việt - Lào, hợp tác Lào–Việt Nam và tình hữu nghị Việt-Trung",
             {"country|Việt|VNM+pair", "country|Lào|LAO+pair", "country|Việt Nam|VNM+pair",
              "country|Trung|CHN+pair"},
             {}},
        Case{"PairFormAloneIsNoCountry",
             "Học tiếng Việt ở Trung tâm văn hóa",
             {},
             {"country|Việt|VNM", "country|Trung|CHN"}},
        Case{"HyphensAndSpacesAreTheSame",
             "Thủ tướng Xổn xay Xi phăn đon gặp Bộ trưởng Xạ-lởm-xay Côm-ma-xít tại Cam-pu-chia",
             {"person|Xổn xay Xi phăn đon|Sonexay Siphandone",
              "person|Xạ-lởm-xay Côm-ma-xít|Saleumxay Kommasith", "country|Cam-pu-chia|KHM"},
             {}},
        Case{"MechanismWithAnyDash",
             "Kỳ họp lần thứ 46 Ủy ban liên Chính phủ Việt Nam – Lào và UBLCP",
             {"mechanism|Ủy ban liên Chính phủ Việt Nam – Lào|Ủy ban liên Chính phủ Việt Nam - Lào",
              "mechanism|UBLCP|Ủy ban liên Chính phủ"},
             {"country|Việt Nam|VNM", "country|Lào|LAO"}},
        Case{"OnePhraseSeveralKinds",
             "Hai bên bàn giao bệnh viện",
             {"action|bàn giao|070", "project_status|bàn giao|completed", "project_kind|bệnh viện|hospital"},
             {}},
        Case{"BlockWordsHideTheWordInside",
             "Hai bên trao đổi trực tiếp vào Chủ Nhật",
             {},
             {"action|tiếp|040", "country|Nhật|JPN", "cue|trực tiếp|block"}},
        Case{"AGreetingIsNoVisit",  // 'gửi lời thăm hỏi': asking after someone, not visiting
             "Chủ tịch Mặt trận gửi lời thăm hỏi tới kiều bào",
             {"cue|tới|to"},
             {"action|thăm|042"}},
        Case{"APlacesNameHidesItsCountryWord",  // syllables.tsv: 'Hưng' is a Vietnamese syllable
             "Phú Mỹ Hưng đã trở thành tên gọi",
             {"cue|đã|occurred"},
             {"country|Mỹ|USA"}},
        Case{"OuterSpaceIsNoNegation",  // 'khoảng không', 'không phận': words, no 'không' (not)
             "sử dụng khoảng không vũ trụ trong không phận của nước khác",
             {},
             {"cue|không|negation"}},
        Case{"APalaceIsNoOffice",  // 'Phủ Tổng thống': the building, not its holder
             "Người phát ngôn Phủ Tổng thống Ai Cập cho biết",
             {"country|Ai Cập|EGY"},
             {"title|Tổng thống|Tổng thống"}},
        Case{"AYouthTeamIsASportCue",
             "U15 Việt Nam sẽ gặp U15 Brunei ở lượt trận tiếp theo",
             {"cue|U15|sport", "cue|lượt trận|sport"},
             {}},
        Case{"AskingAfterIsNoVisit",  // 'đến thăm hỏi, động viên': not 'đến thăm'
             "Lãnh đạo Đại sứ quán đến thăm hỏi, động viên đội tuyển",
             {},
             {"action|đến thăm|042", "action|thăm|042"}},
        Case{"TheWordOutsideABlockWord",
             "Chủ tịch nước tiếp Đại sứ Nhật Bản",
             {"action|tiếp|040", "title|Chủ tịch nước|Chủ tịch nước", "title|Đại sứ|Đại sứ",
              "country|Nhật Bản|JPN"},
             {}},
        Case{"CuesAndIndicators",
             "Thủ tướng sẽ thăm chính thức; kim ngạch thương mại hai chiều đạt 1,6 tỷ USD",
             {"cue|sẽ|planned", "action|thăm chính thức|042",
              "indicator|kim ngạch thương mại hai chiều|trade_turnover"},
             {"action|thăm|042"}},
        Case{"TitlesWithTheirCountry",
             "Tổng Bí thư Đảng Nhân dân Cách mạng Lào và Thủ tướng Chính phủ",
             {"title|Tổng Bí thư Đảng Nhân dân Cách mạng Lào|Tổng Bí thư", "title|Thủ tướng Chính phủ|Thủ tướng"},
             {"country|Lào|LAO"}}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

// Folding changes byte lengths (typographic quotes and dashes become ASCII,
// 'Ầ' and 'ầ' differ in nothing but case): spans still point into the
// original text.
TEST(Matcher, SpansPointIntoTheOriginalText) {
  const std::string text = "“Ừ”\u00a0— ĐOÀN “THỦ TƯỚNG LÀO” ĐẾN VIÊNG CHĂN – Hà Nội…";
  const auto got = found(text);
  for (const char* want : {"title|THỦ TƯỚNG|Thủ tướng", "country|LÀO|LAO", "place|VIÊNG CHĂN|Vientiane",
                           "place|Hà Nội|Hà Nội"})
    EXPECT_NE(std::find(got.begin(), got.end(), want), got.end()) << want;
}

TEST(Matcher, ResultIsOrderedAndNonOverlapping) {
  const std::string text =
      "Sáng 12/3, tại Phnôm Pênh, Thủ tướng Hun Manet hội đàm với Thủ tướng Phạm Minh Chính; hai bên chứng kiến lễ "
      "ký bản ghi nhớ về đường sắt, thúc đẩy dự án cảng biển và Hội nghị Cấp cao CLV.";
  std::vector<Mention> ms;
  project_matcher().match(text, ms);
  ASSERT_GT(ms.size(), 8u);
  for (size_t i = 1; i < ms.size(); ++i) {
    const bool same = ms[i].begin == ms[i - 1].begin && ms[i].end == ms[i - 1].end;
    EXPECT_TRUE(same || ms[i].begin >= ms[i - 1].end)
        << describe(*project_lexicon(), ms[i - 1], text) << " / " << describe(*project_lexicon(), ms[i], text);
  }
}

TEST(Matcher, AllModeKeepsTheShorterMatchesInside) {
  const std::string text = "Ủy ban liên Chính phủ Việt Nam - Lào";
  std::vector<Mention> ms;
  project_matcher().match_all(text, ms);
  std::vector<std::string> got;
  for (const auto& m : ms) got.push_back(describe(*project_lexicon(), m, text));
  for (const char* want : {"mechanism|Ủy ban liên Chính phủ Việt Nam - Lào|Ủy ban liên Chính phủ Việt Nam - Lào",
                           "mechanism|Ủy ban liên Chính phủ|Ủy ban liên Chính phủ", "country|Việt Nam|VNM",
                           "country|Lào|LAO"})
    EXPECT_NE(std::find(got.begin(), got.end(), want), got.end()) << want;
}

TEST(Matcher, SameResultsFromManyThreads) {
  const std::vector<std::string> texts = {
      "Tổng Bí thư, Chủ tịch nước Tô Lâm tiếp Đại sứ Lào tại Hà Nội.",
      "Kim ngạch thương mại Việt Nam - Campuchia tăng 12%.",
      "Phó Thủ tướng, Bộ trưởng Ngoại giao Lào Xạ-lởm-xay Côm-ma-xít thăm Xiêng Khoảng.",
      "Hai bên ký Nghị định thư và bàn giao trường học ở Hủa Phăn.",
  };
  std::vector<std::vector<std::string>> expected;
  for (const auto& t : texts) expected.push_back(found(t));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int i = 0; i < 300; ++i) {
        const size_t t = static_cast<size_t>(i + k) % texts.size();
        if (found(texts[t]) != expected[t]) ++mismatches[static_cast<size_t>(k)];
      }
    });
  for (auto& t : threads) t.join();
  for (int k = 0; k < 4; ++k) EXPECT_EQ(mismatches[static_cast<size_t>(k)], 0);
}

TEST(Matcher, EmptyTextAndTextWithoutLexiconWords) {
  std::vector<Mention> ms{{Kind::Place, 1, 2, 3, 0}};
  project_matcher().match("", ms);
  EXPECT_TRUE(ms.empty());
  project_matcher().match("1234 5678 !!!", ms);
  EXPECT_TRUE(ms.empty());
}

TEST(Matcher, BorrowedLexiconMatchesLikeOwned) {
  testing::TempLexicon dir(testing::minimal_files());
  std::string error;
  auto lex = Lexicon::load(dir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  Matcher borrowed(*lex);
  std::vector<Mention> ms;
  borrowed.match("Thủ tướng Chính phủ thăm Viêng Chăn", ms);
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[0].kind, Kind::Title);
  EXPECT_EQ(ms[1].kind, Kind::Action);
  EXPECT_EQ(ms[2].kind, Kind::Place);
}

// The compiled literals are kept in MEKONG_CACHE_DIR and read back: a second
// matcher finds the same; a damaged cache file is compiled again.
TEST(Matcher, CompiledDatabaseIsCachedAndReadBack) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("mekong-hs-cache-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const char* old = std::getenv("MEKONG_CACHE_DIR");
  const std::string saved = old ? old : "";
  ::setenv("MEKONG_CACHE_DIR", dir.c_str(), 1);
  testing::TempLexicon lexdir(testing::minimal_files());
  std::string error;
  auto lex = Lexicon::load(lexdir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  const std::string text = "Thủ tướng Chính phủ thăm Viêng Chăn";
  auto kinds = [&](const Matcher& m) {
    std::vector<Mention> ms;
    m.match(text, ms);
    std::vector<std::pair<Kind, uint32_t>> out;
    for (const auto& x : ms) out.emplace_back(x.kind, x.begin);
    return out;
  };
  Matcher first(*lex);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  Matcher second(*lex);
  EXPECT_EQ(kinds(first), kinds(second));
  EXPECT_EQ(kinds(second).size(), 3u);
  std::ofstream(files[0], std::ios::binary | std::ios::trunc) << "not a database";
  Matcher third(*lex);
  EXPECT_EQ(kinds(first), kinds(third));
  if (old) ::setenv("MEKONG_CACHE_DIR", saved.c_str(), 1);
  else ::unsetenv("MEKONG_CACHE_DIR");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mekong::recognize
