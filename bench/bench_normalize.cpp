// normalize: decode (UTF-8 check, NFC, lines) and fold (the matching form).
#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "normalize/normalize.h"

namespace {

using namespace mekong;

std::string corpus() {
  std::string all;
  for (const auto& p : bench::seed_pages()) all += p + "\n";
  return all;
}

void BM_Decode(benchmark::State& state) {
  const std::string text = corpus();
  Document doc;
  std::string error;
  for (auto _ : state) {
    if (!normalize::decode(text, doc, error)) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(doc.lines.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Decode);

// Text already in NFD (as legacy-encoded pages arrive): NFC has work to do.
void BM_DecodeDecomposed(benchmark::State& state) {
  std::string text = corpus();
  // 'ệ' precomposed -> 'e' + combining circumflex + combining dot below.
  for (size_t at = text.find("\xE1\xBB\x87"); at != std::string::npos; at = text.find("\xE1\xBB\x87", at))
    text.replace(at, 3, "e\xCC\x82\xCC\xA3");
  Document doc;
  std::string error;
  for (auto _ : state) {
    if (!normalize::decode(text, doc, error)) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(doc.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DecodeDecomposed);

void BM_FoldLines(benchmark::State& state) {
  Document doc;
  std::string error;
  const std::string text = corpus();
  normalize::decode(text, doc, error);
  normalize::Folded f;
  for (auto _ : state) {
    for (size_t i = 0; i < doc.lines.size(); ++i) {
      normalize::fold(doc.line(i), f);
      benchmark::DoNotOptimize(f.text.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_FoldLines);

}  // namespace

BENCHMARK_MAIN();
