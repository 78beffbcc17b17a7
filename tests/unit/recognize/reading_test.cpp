// Word-level reading (matcher.cpp): a common-word match inside a longer
// dictionary word, and a country or place inside a Vietnamese personal
// name, are not returned; true matches next to them are.
#include <gtest/gtest.h>

#include <algorithm>

#include "helpers.h"

namespace mekong::recognize {
namespace {

// "kind|surface|what" of every mention, as in matcher_test.cpp.
std::vector<std::string> mentions(const Matcher& m, const std::string& text) {
  const Lexicon& lex = m.lexicon();
  std::vector<Mention> ms;
  m.match(text, ms);
  std::vector<std::string> out;
  for (const auto& x : ms) {
    std::string what;
    switch (x.kind) {
      case Kind::Country: what = lex.countries()[x.entry].code + ((x.flags & kPair) ? "+pair" : ""); break;
      case Kind::Person: what = lex.persons()[x.entry].name; break;
      case Kind::Title: what = lex.titles()[x.entry].role; break;
      case Kind::Place: what = lex.places()[x.entry].name; break;
      case Kind::Action: what = lex.actions()[x.entry].cameo; break;
      case Kind::Cue: what = lex.cues()[x.entry].label; break;
      case Kind::AgreementKind: what = lex.agreement_kinds()[x.entry].kind; break;
      case Kind::ProjectKind: what = lex.project_kinds()[x.entry].kind; break;
      default: what = "?"; break;
    }
    out.push_back(std::string(kind_name(x.kind)) + "|" + text.substr(x.begin, x.end - x.begin) + "|" + what);
  }
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> present;
  std::vector<std::string> absent;
};

void check(const Matcher& m, const Case& c) {
  const auto got = mentions(m, c.text);
  std::string all;
  for (const auto& g : got) all += "  " + g + "\n";
  for (const auto& p : c.present)
    EXPECT_NE(std::find(got.begin(), got.end(), p), got.end()) << c.name << ": missing " << p << " in:\n" << all;
  for (const auto& a : c.absent)
    EXPECT_EQ(std::find(got.begin(), got.end(), a), got.end()) << c.name << ": unexpected " << a << " in:\n" << all;
}

// A small lexicon whose word list we control: the rules, not the coverage
// of the generated list, are under test here.
class WordReading : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto files = testing::minimal_files();
    files["countries.tsv"] +=
        "DEU\tDE\tĐức\tGermany\tmember\n"
        "AUT\tAT\tÁo\tAustria\tmember\n"
        "JPN\tJP\tNhật Bản\tJapan\tmember\tNhật\n";
    files["actions.tsv"] += "ký kết\t057\tsign\nđi thăm\t042\tvisit\n";
    files["words.tsv"] =
        "# test words\n"
        "thăm dò\nbốc thăm\nhội đàm\nđi thăm\nkết hợp\nhợp đồng\nđăng ký\nkết hôn\náo khoác\nđức tin\n"
        "nhật ký\ntrực tiếp\n";
    dir_ = new testing::TempLexicon(files);
    std::string error;
    lex_ = Lexicon::load(dir_->dir(), &error);
    ASSERT_TRUE(lex_) << error;
    EXPECT_EQ(lex_->error_count(), 0u);
    matcher_ = new Matcher(lex_);
  }
  static void TearDownTestSuite() {
    delete matcher_;
    lex_.reset();
    delete dir_;
  }
  static testing::TempLexicon* dir_;
  static std::shared_ptr<const Lexicon> lex_;
  static Matcher* matcher_;
};
testing::TempLexicon* WordReading::dir_ = nullptr;
std::shared_ptr<const Lexicon> WordReading::lex_;
Matcher* WordReading::matcher_ = nullptr;

TEST_F(WordReading, AWordContainingTheMatchHidesIt) {
  check(*matcher_, {"thăm dò", "Cuộc thăm dò ý kiến cho thấy", {}, {"action|thăm|042"}});
  check(*matcher_, {"bốc thăm", "Lễ bốc thăm chia bảng diễn ra ở Viêng Chăn", {"place|Viêng Chăn|Vientiane"},
                    {"action|thăm|042"}});
  check(*matcher_, {"visit", "Thủ tướng Lào thăm Campuchia", {"action|thăm|042", "country|Lào|LAO"}, {}});
}

TEST_F(WordReading, AWordThatIsALexiconPhraseHidesNothing) {
  // 'hội đàm' and 'đi thăm' are words and actions: they are read as actions.
  check(*matcher_, {"hội đàm", "Hai Thủ tướng hội đàm tại Hà Nội", {"action|hội đàm|040"}, {}});
  check(*matcher_, {"đi thăm", "Đoàn đi thăm Lào", {"action|đi thăm|042", "country|Lào|LAO"}, {"action|thăm|042"}});
}

TEST_F(WordReading, AStraddlingWordHidesOnlyWhenItReadsInFewerWords) {
  // 'ký kết | hợp đồng' beats 'ký | kết hợp | đồng'.
  check(*matcher_, {"ký kết hợp đồng", "Hai bên ký kết hợp đồng", {"action|ký kết|057"}, {}});
  // 'đăng ký | kết hôn' beats 'đăng | ký kết | hôn'.
  check(*matcher_, {"đăng ký kết hôn", "Họ đăng ký kết hôn", {}, {"action|ký kết|057"}});
  // A tie keeps the match: 'Nhật | ký kết' as well as 'Nhật ký | kết'.
  check(*matcher_, {"Nhật ký kết", "Hôm nay Nhật ký kết hiệp định", {"country|Nhật|JPN", "action|ký kết|057"}, {}});
}

TEST_F(WordReading, LowerCaseWordsOnlyWhereTheTextIsLowerCase) {
  // A sentence's first syllable may be capitalised...
  check(*matcher_, {"Áo khoác", "Áo khoác mới được bán", {}, {"country|Áo|AUT"}});
  // ...a capitalised name mid-sentence is no lower-case word.
  check(*matcher_, {"Đức tin", "Người dân Đức tin tưởng Lào", {"country|Đức|DEU", "country|Lào|LAO"}, {}});
  // Text all in capitals reads as any case.
  check(*matcher_, {"THĂM DÒ", "KẾT QUẢ THĂM DÒ Ý KIẾN", {}, {"action|THĂM|042"}});
}

TEST_F(WordReading, NoWordListReadsAsBefore) {
  auto files = testing::minimal_files();
  testing::TempLexicon dir(files);
  std::string error;
  auto lex = Lexicon::load(dir.dir(), &error);
  ASSERT_TRUE(lex) << error;
  Matcher m(lex);
  check(m, {"no words", "Cuộc thăm dò ý kiến", {"action|thăm|042"}, {}});
}

// Names, with the project's lexicon (its names.tsv, persons and titles).
const Matcher& project() { return testing::project_matcher(); }

TEST(NameReading, AFamilyNameStartsAName) {
  check(project(), {"(a) Nguyễn", "Cầu thủ Nguyễn Đức Chinh ghi bàn", {}, {"country|Đức|DEU"}});
  check(project(), {"(a) Cao", "Sáng nay, Cao Toàn Mỹ bị bắt", {}, {"country|Mỹ|USA"}});
  check(project(), {"(a) Lê", "Tiền vệ Lê Nhật Minh vào sân", {}, {"country|Nhật|JPN"}});
  // After a place: 'Hà' opens the name.
  check(project(), {"(a) after a place", "Bí thư Tỉnh ủy Tuyên Quang Hà Anh Tuấn phát biểu",
                    {"place|Tuyên Quang|Tuyên Quang"}, {"country|Anh|GBR"}});
  // A family name inside a longer run opens no name: 'Tỉnh Đoàn' is a body.
  check(project(), {"(a) inside a run", "Tỉnh Đoàn Quảng Trị ra quân", {"place|Quảng Trị|Quảng Trị"}, {}});
  // A country or place of two syllables at the family name wins.
  check(project(), {"(a) Hà Lan", "Thủ tướng Hà Lan Mark Rutte thăm Hà Nội",
                    {"country|Hà Lan|NLD", "place|Hà Nội|Hà Nội"}, {}});
}

TEST(NameReading, AWordBeforeANameStartsIt) {
  check(project(), {"(b) ca sĩ", "Đêm nhạc có ca sĩ Phương Nga", {}, {"country|Nga|RUS"}});
  check(project(), {"(b) chị", "Hàng xóm kể chị Nga đi chợ sớm", {}, {"country|Nga|RUS"}});
  // After a role, a run that is just a country is a nationality.
  check(project(), {"(b) nationality", "Các cầu thủ Lào thi đấu tốt", {"country|Lào|LAO"}, {}});
}

TEST(NameReading, AWordThatOpensAPlaceStartsItsName) {
  check(project(), {"xã", "Đoàn hỗ trợ xã Sơn Mỹ 30 triệu đồng", {}, {"country|Mỹ|USA"}});
  check(project(), {"huyện", "Nông dân huyện Mỹ Đức thu hoạch lúa", {}, {"country|Mỹ|USA", "country|Đức|DEU"}});
  check(project(), {"phường", "Người dân phường Nga Sơn dọn vệ sinh", {}, {"country|Nga|RUS"}});
  // The place word before a country in lower case opens nothing: 'xã biên giới Lào' is no name.
  check(project(), {"not a name", "Các xã biên giới với Lào được hỗ trợ", {"country|Lào|LAO"}, {}});
}

TEST(NameReading, ACountryNextToANameSyllable) {
  check(project(), {"(c) after", "Mỹ Tâm và Đức Phúc sẽ biểu diễn", {}, {"country|Mỹ|USA", "country|Đức|DEU"}});
  check(project(), {"(c) before", "Dịch sốt xuất huyết ở huyện Chương Mỹ tăng", {}, {"country|Mỹ|USA"}});
  check(project(), {"(c) pair form", "ca ghép tạng tại Bệnh viện Hữu nghị Việt Đức", {}, {"country|Đức|DEU"}});
}

TEST(NameReading, TrueCountriesSurvive) {
  for (const Case& c : std::vector<Case>{
           {"title before", "Thủ tướng Lào Sonexay Siphandone hội đàm",
            {"country|Lào|LAO", "person|Sonexay Siphandone|Sonexay Siphandone"}, {}},
           {"title before, name after", "Chủ tịch Trung Quốc Tập Cận Bình thăm Việt Nam",
            {"country|Trung Quốc|CHN", "person|Tập Cận Bình|Xi Jinping", "country|Việt Nam|VNM"}, {}},
           {"a person after", "Bộ Ngoại giao Trung Quốc Vương Nghị phát biểu",
            {"country|Trung Quốc|CHN", "person|Vương Nghị|Wang Yi"}, {}},
           {"foreign name", "Tổng thống Mỹ Joe Biden", {"country|Mỹ|USA"}, {}},
           {"ministry title", "Bộ trưởng Bộ Y tế Lào Bounkong Syhavong", {"country|Lào|LAO"}, {}},
           {"acronym before", "Quân đội NDCM Lào Tổ chức diễn tập", {"country|Lào|LAO"}, {}},
           {"visit", "Đoàn sang thăm Lào", {"action|sang thăm|042", "country|Lào|LAO"}, {}},
           {"and", "Quan hệ giữa Việt Nam và Đức", {"country|Việt Nam|VNM", "country|Đức|DEU"}, {}},
           {"dash pair", "Quan hệ đặc biệt Việt - Lào", {"country|Việt|VNM+pair", "country|Lào|LAO+pair"}, {}},
           {"sentence start", "Tại Lào, ông phát biểu", {"country|Lào|LAO"}, {}},
           {"part of a country", "Kết nghĩa với các tỉnh Nam Lào", {"country|Lào|LAO"}, {}},
           {"a name of its own after", "Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng", {"country|Lào|LAO"}, {}},
           {"hyphenated foreign name", "Đại sứ Lào tại Việt Nam Khăm-phảo Ơn-thăn-vấn",
            {"country|Lào|LAO", "country|Việt Nam|VNM"}, {}},
           {"Title Case headline", "Thủ Tướng Lào Thăm Việt Nam", {"country|Lào|LAO", "country|Việt Nam|VNM"}, {}},
       })
    check(project(), c);
}

TEST(NameReading, PersonsOfTheLexiconAreNeverHidden) {
  check(project(), {"person", "Ông Phạm Minh Chính tiếp Đại sứ", {"person|Phạm Minh Chính|Phạm Minh Chính"}, {}});
}

TEST(NameReading, TheProjectWordListHidesCommonWords) {
  // 'tiếp nhận' (to take in) and 'hỏi thăm' (to ask after) are words of the
  // generated list: neither is a reception nor a visit.
  check(project(), {"tiếp nhận", "Bệnh viện tiếp nhận 50 bệnh nhân", {}, {"action|tiếp|040"}});
  check(project(), {"hỏi thăm", "Ông hỏi thăm sức khỏe bà con", {}, {"action|thăm|042"}});
  // A sentence's capitalised first word: a coat, not Austria; Austria itself stays.
  check(project(), {"Áo khoác", "Áo khoác mùa đông giảm giá", {}, {"country|Áo|AUT"}});
  check(project(), {"Áo", "Áo và Việt Nam ký hiệp định", {"country|Áo|AUT", "country|Việt Nam|VNM"}, {}});
  // Whatever its case: a ministry's name says 'môi trường' (environment), no school.
  check(project(), {"Môi trường", "Bộ Tài nguyên và Môi trường họp báo", {}, {"project_kind|trường|school"}});
}

}  // namespace
}  // namespace mekong::recognize
