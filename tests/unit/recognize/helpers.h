// Shared by the recognize tests: the project's lexicon, loaded once, and
// throw-away lexicon folders for the checks.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "recognize/actor.h"
#include "recognize/lexicon.h"
#include "recognize/matcher.h"

namespace mekong::recognize::testing {

inline std::shared_ptr<const Lexicon> project_lexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    std::string error;
    auto l = Lexicon::load(MEKONG_LEXICON_DIR, &error);
    if (!l) ADD_FAILURE() << error;
    return l;
  }();
  return lex;
}

inline const Matcher& project_matcher() {
  static Matcher m(project_lexicon());
  return m;
}

inline Date day(const char* iso) {
  auto d = Date::parse(iso);
  EXPECT_TRUE(d.has_value()) << iso;
  return d.value_or(Date{});
}

// A lexicon folder in /tmp with the given files, removed with the object.
class TempLexicon {
 public:
  explicit TempLexicon(const std::map<std::string, std::string>& files) {
    char tmpl[] = "/tmp/mekong-lexicon-XXXXXX";
    dir_ = mkdtemp(tmpl);
    for (const auto& [name, text] : files) std::ofstream(dir_ / name) << text;
  }
  ~TempLexicon() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string dir() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

// A minimal but complete lexicon: every file exists and is valid.
inline std::map<std::string, std::string> minimal_files() {
  return {
      {"countries.tsv",
       "VNM\tVN\tViệt Nam\tVietnam\tmember\tnước ta\tViệt\n"
       "LAO\tLA\tLào\tLaos\tmember\tCHDCND Lào\n"
       "KHM\tKH\tCampuchia\tCambodia\tmember\tCam-pu-chia\n"},
      {"offices.tsv",
       "Tổng Bí thư\t10\tone\tyes\tGeneral Secretary\n"
       "Chủ tịch nước\t20\tone\tyes\tPresident\n"
       "Thủ tướng\t40\tone\tyes\tPrime Minister\n"
       "Phó Thủ tướng\t55\tmany\tyes\tDeputy Prime Minister\n"
       "Bộ trưởng Ngoại giao\t70\tone\tyes\tForeign Minister\n"},
      {"titles.tsv", "Thủ tướng Chính phủ\tThủ tướng\nBộ trưởng Bộ Ngoại giao\tBộ trưởng Ngoại giao\n"},
      {"persons.tsv",
       "Nguyễn Văn A\tVNM\n"
       "Khamla Phommavong\tLAO\tKhăm-la Phôm-ma-vông\n"
       "Bounmy Sisavath\tLAO\tBun-mi Xi-xa-vạt\n"
       "Lê Thị Hòa\tVNM\n"},
      {"terms.tsv",
       "Nguyễn Văn A\tThủ tướng\t2010-01-01\t2020-01-01\n"
       "Khamla Phommavong\tThủ tướng\t2015-05-01\t2021-03-22\n"
       "Bounmy Sisavath\tThủ tướng\t2021-03-22\n"
       "Bounmy Sisavath\tPhó Thủ tướng\t2016-04-20\t2021-03-22\n"
       "Lê Thị Hòa\tBộ trưởng Ngoại giao\t2011-02-01\n"},
      {"places.tsv", "Vientiane\tLAO\tcapital\tViêng Chăn\nHà Nội\tVNM\tcapital\n"},
      {"mechanisms.tsv",
       "Ủy ban liên Chính phủ\t\tigc\tUBLCP\n"
       "Ủy ban liên Chính phủ Việt Nam - Lào\tVNM|LAO\tigc\n"},
      {"actions.tsv", "thăm\t042\tvisit\nhội đàm\t040\tmeet\ntiếp\t043\thost\t040\nbàn giao\t070\thandover\n"},
      {"cues.tsv", "planned\tsẽ\nformer\tnguyên\nblock\ttrực tiếp\n"},
      {"indicators.tsv", "kim ngạch thương mại\ttrade_turnover\tUSD\tnone\n"},
      {"agreements.tsv", "bản ghi nhớ\tmou\tstrong\n"},
      {"projects.tsv", "sân bay\tairport\tstrong\n"},
      {"project_status.tsv", "bàn giao\tcompleted\n"},
  };
}

}  // namespace mekong::recognize::testing
