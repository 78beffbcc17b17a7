// A known person's role is the office held on the event's day, not on the
// page's (the binary on a page, with the project's lexicon).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

nlohmann::json extract(const std::string& page, const std::string& published) {
  const fs::path dir = fs::temp_directory_path() / ("mekong_role_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path in = dir / "page.txt";
  std::ofstream(in) << page;
  std::string out;
  const std::string cmd = std::string(MEKONG_BINARY) + " extract " + in.string() + " --assume-published " +
                          published + " 2>/dev/null";
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  fs::remove_all(dir);
  return out.empty() ? nlohmann::json() : nlohmann::json::parse(out);
}

}  // namespace

TEST(Roles, AKnownPersonHoldsTheOfficeOfTheEventsDay) {
  // lexicon/terms.tsv: Bùi Thanh Sơn is foreign minister from 2021, also deputy prime minister from 2024-08-26.
  const std::string page =
      "Bộ trưởng Ngoại giao Việt Nam hội đàm với Bộ trưởng Ngoại giao Lào\n"
      "Ngày 5/6/2024, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Bộ trưởng Ngoại giao Lào.\n";
  const auto r = extract(page, "2024-09-10");
  ASSERT_TRUE(r.is_object());
  ASSERT_FALSE(r["events"].empty()) << r.dump();
  const auto& e = r["events"][0];
  const auto& vn = e["actor1"]["country"] == "VNM" ? e["actor1"] : e["actor2"];
  EXPECT_EQ(vn["person"], "Bùi Thanh Sơn");
  EXPECT_EQ(vn["role"], "Bộ trưởng Ngoại giao") << "on 2024-06-05 he was not yet deputy prime minister";
}
