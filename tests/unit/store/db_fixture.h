// What the store and server tests share: a fresh database folder per test, and
// a processed document whose every line is article text.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/document.h"

namespace mekong::store::testing {

class TempDb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           std::filesystem::path("mekong_db_test_" + std::to_string(::getpid()) + "_" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "_" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "kb.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string path_;
};

inline Document article(const std::string& id, const std::vector<std::string>& lines, Record record = {},
                        const std::string& published = "2024-05-20", const std::string& url = "") {
  Document d;
  d.id = id;
  d.origin = "/pages/" + id + ".txt";
  d.meta.url = url;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) d.text += '\n';
    const auto b = static_cast<uint32_t>(d.text.size());
    d.text += lines[i];
    d.lines.push_back({b, static_cast<uint32_t>(d.text.size())});
  }
  d.is_content.assign(lines.size(), 1);
  d.is_teaser.assign(lines.size(), 0);
  d.title_line = 1;
  d.published = Published{published, "day"};
  d.record = std::move(record);
  return d;
}

}  // namespace mekong::store::testing
