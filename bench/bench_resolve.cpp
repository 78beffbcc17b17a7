// resolve: find_dates + find_quantities over news text, in MB/s. Two inputs:
// every line of the seed pages (the mix a crawl gives: most lines hold no
// date or number), and dense sentences written here, each with several dates
// and amounts.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "resolve/date.h"
#include "resolve/number.h"

namespace {

using namespace mekong;

std::vector<std::string> page_lines() {
  std::vector<std::string> lines;
  for (const auto& page : bench::seed_pages()) {
    std::istringstream in(page);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> dense_sentences() {
  return {
      "Từ ngày 12-14/3/2024, Phó Thủ tướng dẫn đầu đoàn gồm 45 đại biểu thăm Campuchia và ký 6 văn kiện.",
      "Năm 2023, kim ngạch hai chiều đạt gần 2,4 tỷ USD, tăng 11,3% so với năm 2022.",
      "Trong 9 tháng đầu năm, vốn đăng ký mới đạt khoảng 350 triệu USD với 27 dự án.",
      "Sáng thứ Ba (5/3), hai Bộ trưởng hội đàm; chiều cùng ngày, hai bên họp báo.",
      "Giai đoạn 2021-2025, Chính phủ hỗ trợ hơn 1.500 tỷ đồng và 2.000 suất học bổng.",
      "Từ năm 1993 đến nay, hàng nghìn lưu học sinh đã tốt nghiệp; năm học 2023 - 2024 có 3.200 người.",
      "Dự án dài 126 km, vốn 4.800 tỷ đồng, khởi công quý II/2023, dự kiến xong cuối năm nay.",
      "Hôm qua, đoàn 30 doanh nghiệp đến Viêng Chăn; tuần tới sẽ có thêm 2 đoàn.",
  };
}

void scan(benchmark::State& state, const std::vector<std::string>& lines) {
  const resolve::RefDate ref{2024, 3, 6};
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size();
  size_t found = 0;
  for (auto _ : state) {
    for (const auto& l : lines) {
      const auto dates = resolve::find_dates(l, ref);
      const auto quantities = resolve::find_quantities(l);
      found += dates.size() + quantities.size();
      benchmark::DoNotOptimize(dates.data());
      benchmark::DoNotOptimize(quantities.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["mentions/iter"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_ResolvePageLines(benchmark::State& state) { scan(state, page_lines()); }
BENCHMARK(BM_ResolvePageLines);

void BM_ResolveDenseSentences(benchmark::State& state) { scan(state, dense_sentences()); }
BENCHMARK(BM_ResolveDenseSentences);

void BM_FindDatesOnly(benchmark::State& state) {
  const auto lines = page_lines();
  const resolve::RefDate ref{2024, 3, 6};
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size();
  for (auto _ : state)
    for (const auto& l : lines) benchmark::DoNotOptimize(resolve::find_dates(l, ref).data());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_FindDatesOnly);

void BM_FindQuantitiesOnly(benchmark::State& state) {
  const auto lines = page_lines();
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size();
  for (auto _ : state)
    for (const auto& l : lines) benchmark::DoNotOptimize(resolve::find_quantities(l).data());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_FindQuantitiesOnly);

}  // namespace

BENCHMARK_MAIN();
