#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

#include "helpers.h"

namespace mekong::recognize {
namespace {

using testing::day;
using testing::minimal_files;
using testing::project_lexicon;
using testing::TempLexicon;

std::string problems_text(const Lexicon& lex) {
  std::string s;
  for (const auto& p : lex.problems())
    if (p.error) s += p.file + ":" + std::to_string(p.line) + ": " + p.message + "\n";
  return s;
}

TEST(Lexicon, ProjectLexiconLoadsWithoutErrors) {
  auto lex = project_lexicon();
  ASSERT_TRUE(lex);
  EXPECT_EQ(lex->error_count(), 0u) << problems_text(*lex);
  // Every file of lexicon/README.md is there (a missing file is an error).
  for (const char* f : {"countries.tsv", "offices.tsv", "titles.tsv", "persons.tsv", "terms.tsv", "places.tsv",
                        "mechanisms.tsv", "actions.tsv", "cues.tsv", "indicators.tsv", "agreements.tsv",
                        "projects.tsv", "project_status.tsv"})
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(MEKONG_LEXICON_DIR) / f)) << f;
}

TEST(Lexicon, ProjectLexiconCoversEveryUnMemberAndObserver) {
  auto lex = project_lexicon();
  size_t members = 0, observers = 0;
  for (const auto& c : lex->countries()) {
    members += c.status == "member";
    observers += c.status == "observer";
  }
  EXPECT_EQ(members, 193u);
  EXPECT_EQ(observers, 2u);
  for (const char* code : {"VNM", "LAO", "KHM", "THA", "CHN", "JPN", "RUS", "USA", "KOR", "PSE", "VAT"})
    EXPECT_TRUE(lex->country(code)) << code;
}

TEST(Lexicon, EveryCountryWithACapitalHasOnePlace) {
  auto lex = project_lexicon();
  std::map<std::string, int> capitals;
  for (const auto& p : lex->places())
    if (p.kind == PlaceKind::Capital) ++capitals[p.country];
  for (const char* code : {"VNM", "LAO", "KHM", "THA", "CHN", "JPN", "RUS", "USA", "KOR", "IDN", "MMR", "PHL"})
    EXPECT_EQ(capitals[code], 1) << code;
}

TEST(Lexicon, LookupsByAliasIgnoreToneMarkPlaceAndHyphens) {
  auto lex = project_lexicon();
  struct Case {
    const char* alias;
    const char* canonical;
  };
  for (const Case& c : std::array<Case, 5>{{{"Xạ-lởm-xay Côm-ma-xít", "Saleumxay Kommasith"},
                                            {"Xạ lởm xay Côm ma xít", "Saleumxay Kommasith"},
                                            {"Thoòng-lun Xi-xu-lít", "Thongloun Sisoulith"},
                                            {"SONEXAY SIPHANDONE", "Sonexay Siphandone"},
                                            {"Tập Cận Bình", "Xi Jinping"}}}) {
    auto p = lex->person(c.alias);
    ASSERT_TRUE(p) << c.alias;
    EXPECT_EQ(lex->persons()[*p].name, c.canonical);
  }
  auto pl = lex->place("Hủa Phăn");
  ASSERT_TRUE(pl);
  EXPECT_EQ(lex->places()[*pl].name, "Houaphanh");
  auto m = lex->mechanism("Ủy ban liên chính phủ Việt Nam-Lào");
  ASSERT_TRUE(m);
  EXPECT_EQ(lex->mechanisms()[*m].name, "Ủy ban liên Chính phủ Việt Nam - Lào");
}

TEST(Lexicon, GenericMechanismResolvesToThePairsEntry) {
  auto lex = project_lexicon();
  auto generic = lex->mechanism("Ủy ban liên Chính phủ");
  ASSERT_TRUE(generic);
  auto vl = lex->mechanism_for(*generic, "LAO", "VNM");
  ASSERT_TRUE(vl);
  EXPECT_EQ(lex->mechanisms()[*vl].name, "Ủy ban liên Chính phủ Việt Nam - Lào");
  auto vr = lex->mechanism_for(*generic, "VNM", "RUS");
  ASSERT_TRUE(vr);
  EXPECT_NE(*vr, *vl);
  EXPECT_FALSE(lex->mechanism_for(*generic, "VNM", "BRA"));
}

TEST(Lexicon, ABodyOfManyMembersIsMarked) {
  // mechanisms.tsv countries '*': the UN, APEC, the EU hold no session of a pair.
  auto lex = project_lexicon();
  for (const char* name : {"Liên hợp quốc", "APEC", "EU", "EAS"}) {
    auto m = lex->mechanism(name);
    ASSERT_TRUE(m) << name;
    EXPECT_TRUE(lex->mechanisms()[*m].many) << name;
  }
  auto generic = lex->mechanism("Ủy ban liên Chính phủ");
  ASSERT_TRUE(generic);
  EXPECT_FALSE(lex->mechanisms()[*generic].many);
}

TEST(Lexicon, DatesParseToTheFirstDayOfWhatIsGiven) {
  EXPECT_EQ(day("2024").iso(), "2024-01-01");
  EXPECT_EQ(day("2024-09").iso(), "2024-09-01");
  EXPECT_EQ(day("2024-02-29T07:55").iso(), "2024-02-29");
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("2024-13"));
  EXPECT_FALSE(Date::parse("24-01-05"));
  EXPECT_FALSE(Date::parse("05/01/2024"));
}

TEST(Lexicon, MinimalLexiconIsClean) {
  TempLexicon dir(minimal_files());
  std::string error;
  auto lex = Lexicon::load(dir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  EXPECT_EQ(lex->error_count(), 0u) << problems_text(*lex);
  EXPECT_EQ(lex->persons().size(), 4u);
}

TEST(Lexicon, WordsAndNamesLoadInMatchingForm) {
  auto files = minimal_files();
  files["words.tsv"] = "# generated\nThăm Dò\nthăm dò\nhoà bình\nthăm\n";
  files["names.tsv"] = "surname\tNguyễn\nbefore\tÔng\nrole\tca sĩ\n";
  TempLexicon dir(files);
  std::string error;
  auto lex = Lexicon::load(dir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  EXPECT_EQ(lex->error_count(), 0u) << problems_text(*lex);
  // Repeats fold together; a single syllable is only a warning.
  EXPECT_EQ(lex->words(), (std::vector<std::string>{"thăm dò", match_key("hòa bình")}));
  EXPECT_EQ(lex->surnames(), std::vector<std::string>{match_key("Nguyễn")});
  EXPECT_EQ(lex->name_cues(), std::vector<std::string>{"ông"});
  EXPECT_EQ(lex->name_roles(), std::vector<std::string>{"ca sĩ"});
  bool warned = false;
  for (const auto& p : lex->problems()) warned |= !p.error && p.file == "words.tsv" && p.line == 5;
  EXPECT_TRUE(warned) << problems_text(*lex);
}

TEST(Lexicon, ProjectWordListIsLoaded) {
  auto lex = project_lexicon();
  EXPECT_GT(lex->words().size(), 3000u);
  EXPECT_GT(lex->surnames().size(), 50u);
}

TEST(Lexicon, MissingFolderIsAnError) {
  std::string error;
  EXPECT_FALSE(Lexicon::load("/nonexistent/lexicon", &error));
  EXPECT_NE(error.find("not found"), std::string::npos);
}

// Each case appends one bad line to one file of the minimal lexicon; the
// check must name that file and line with the expected message.
struct BadLine {
  const char* name;
  const char* file;
  const char* line;
  const char* message;  // substring of the problem
};

class LexiconCheck : public ::testing::TestWithParam<BadLine> {};

TEST_P(LexiconCheck, ReportsTheBadLine) {
  const BadLine& c = GetParam();
  auto files = minimal_files();
  std::string& text = files[c.file];
  const size_t line_no = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  text += std::string(c.line) + "\n";
  TempLexicon dir(files);
  std::string error;
  auto lex = Lexicon::load(dir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  bool found = false;
  for (const auto& p : lex->problems())
    if (p.error && p.file == c.file && p.line == line_no && p.message.find(c.message) != std::string::npos)
      found = true;
  EXPECT_TRUE(found) << "expected '" << c.message << "' at " << c.file << ":" << line_no << ", got:\n"
                     << problems_text(*lex);
}

INSTANTIATE_TEST_SUITE_P(
    Problems, LexiconCheck,
    ::testing::Values(
        BadLine{"DuplicateCountryAlias", "countries.tsv", "THA\tTH\tThái Lan\tThailand\tmember\tnước ta",
                "already names another country"},
        BadLine{"DuplicateAliasOtherToneMarkPlace", "persons.tsv", "Somebody Else\tVNM\tLÊ THỊ HOÀ",
                "already names another person"},
        BadLine{"DuplicatePlaceAlias", "places.tsv", "Vientiane Province\tLAO\tprovince\tviêng chăn",
                "already names another place"},
        BadLine{"OverlappingTermsOfOneOffice", "terms.tsv", "Nguyễn Văn A\tThủ tướng\t2019-06-01\t2021-01-01",
                "overlaps"},
        BadLine{"OverlapWithAnOpenTerm", "terms.tsv", "Khamla Phommavong\tThủ tướng\t2024-01-01", "overlaps"},
        BadLine{"EndBeforeStart", "terms.tsv", "Nguyễn Văn A\tBộ trưởng Ngoại giao\t2012-01-01\t2011-01-01",
                "before it starts"},
        BadLine{"BadDate", "terms.tsv", "Nguyễn Văn A\tBộ trưởng Ngoại giao\t2012-02-30", "bad start date"},
        BadLine{"UnknownPersonInTerm", "terms.tsv", "Nobody Known\tThủ tướng\t2001-01-01", "unknown person"},
        BadLine{"UnknownOfficeInTerm", "terms.tsv", "Nguyễn Văn A\tThủ tướng Hoàng gia\t2001-01-01",
                "unknown office"},
        BadLine{"UnknownCountryOfPerson", "persons.tsv", "Somebody Else\tXYZ", "unknown country code 'XYZ'"},
        BadLine{"UnknownCountryOfPlace", "places.tsv", "Atlantis\tATL\tcapital", "unknown country code 'ATL'"},
        BadLine{"UnknownCountryOfMechanism", "mechanisms.tsv", "Hội nghị X\tVNM|QQQ\tx",
                "unknown country code 'QQQ'"},
        BadLine{"UnknownCountryOfTitle", "titles.tsv", "Thủ tướng Atlantis\tThủ tướng\tATL",
                "unknown country code 'ATL'"},
        BadLine{"BadCameo", "actions.tsv", "gặp\t4x\tmeet", "not a CAMEO code"},
        BadLine{"ConflictingActionPhrase", "actions.tsv", "Hội đàm\t042\tvisit", "already names another action"},
        BadLine{"UnknownIndicator", "indicators.tsv", "doanh thu\trevenue\tUSD\tnone", "unknown indicator"},
        BadLine{"MissingColumns", "offices.tsv", "Đại sứ", "needs role, rank, holders, joins"},
        BadLine{"UnknownNameLabel", "names.tsv", "given\tTâm", "not surname|before|role|part"},
        BadLine{"SurnameOfTwoSyllables", "names.tsv", "surname\tÂu Dương", "not one syllable"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(Lexicon, SeveralHoldersAllowedOnlyForManyHolderOffices) {
  auto files = minimal_files();
  files["terms.tsv"] += "Nguyễn Văn A\tPhó Thủ tướng\t2018-01-01\t2019-01-01\n";
  TempLexicon dir(files);
  std::string error;
  auto lex = Lexicon::load(dir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  EXPECT_EQ(lex->error_count(), 0u) << problems_text(*lex);
}

// persons_gen.tsv / terms_gen.tsv (lexicon/tools/gen_persons.py) are read
// after the hand-kept files; an overlap with a hand-kept term is reported in
// the generated file.
TEST(Lexicon, GeneratedPersonsAndTermsAreReadWhenPresent) {
  auto files = minimal_files();
  files["persons_gen.tsv"] = "# generated\nSomsack Inthavong\tLAO\tSomsak Inthavong\tfactbook\n";
  files["terms_gen.tsv"] = "Somsack Inthavong\tPhó Thủ tướng\t2021-03-22\n";
  TempLexicon dir(files);
  std::string error;
  auto lex = Lexicon::load(dir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  EXPECT_EQ(lex->error_count(), 0u) << problems_text(*lex);
  auto p = lex->person("Somsak Inthavong");
  ASSERT_TRUE(p);
  EXPECT_EQ(lex->persons()[*p].name, "Somsack Inthavong");
  auto held = lex->office_of(*p, *Date::parse("2022-01-01"));
  ASSERT_TRUE(held);

  files["terms_gen.tsv"] += "Somsack Inthavong\tThủ tướng\t2020-01-01\n";  // Khamla's and Bounmy's office
  TempLexicon bad(files);
  auto lex2 = Lexicon::load(bad.dir(), &error);
  ASSERT_TRUE(lex2) << error;
  EXPECT_TRUE(std::any_of(lex2->problems().begin(), lex2->problems().end(), [](const Problem& q) {
    return q.error && q.file == "terms_gen.tsv" && q.message.find("overlaps") != std::string::npos;
  })) << problems_text(*lex2);
}

TEST(Lexicon, RepeatedIdenticalPhraseIsOnlyAWarning) {
  auto files = minimal_files();
  files["actions.tsv"] += "HỘI ĐÀM\t040\tmeet\n";
  TempLexicon dir(files);
  std::string error;
  auto lex = Lexicon::load(dir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  EXPECT_EQ(lex->error_count(), 0u) << problems_text(*lex);
  EXPECT_TRUE(std::any_of(lex->problems().begin(), lex->problems().end(), [](const Problem& p) {
    return !p.error && p.file == "actions.tsv" && p.message.find("repeats") != std::string::npos;
  }));
}

TEST(Lexicon, CheckCommandExitsOneOnErrors) {
  auto files = minimal_files();
  TempLexicon good(files);
  files["terms.tsv"] += "Nguyễn Văn A\tThủ tướng\t2015-01-01\n";
  TempLexicon bad(files);
  auto run = [](const std::string& dir, std::string& out) {
    const std::string cmd = std::string(MEKONG_BINARY) + " lexicon check --lexicon " + dir + " 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    char buf[512];
    while (p && fgets(buf, sizeof buf, p)) out += buf;
    const int rc = p ? pclose(p) : -1;
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  std::string out;
  EXPECT_EQ(run(good.dir(), out), 0) << out;
  out.clear();
  EXPECT_EQ(run(bad.dir(), out), 1);
  EXPECT_NE(out.find("terms.tsv:6: error:"), std::string::npos) << out;
  out.clear();
  EXPECT_EQ(run(MEKONG_LEXICON_DIR, out), 0) << out;
}

}  // namespace
}  // namespace mekong::recognize
