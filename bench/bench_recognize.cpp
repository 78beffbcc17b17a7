// recognize: lexicon load, matcher compile, and matching throughput with
// every lexicon loaded (target: >= 200 MB/s matching, load < 100 ms).
#include <benchmark/benchmark.h>

#include <sstream>

#include "bench_util.h"
#include "normalize/normalize.h"
#include "recognize/actor.h"
#include "recognize/lexicon.h"
#include "recognize/matcher.h"

namespace {

using namespace mekong;

std::shared_ptr<const recognize::Lexicon> lexicon() {
  static auto lex = [] {
    std::string error;
    auto l = recognize::Lexicon::load(MEKONG_LEXICON_DIR, &error);
    if (!l) throw std::runtime_error(error);
    return l;
  }();
  return lex;
}

const recognize::Matcher& matcher() {
  static recognize::Matcher m(lexicon());
  return m;
}

// The seed pages as lines (the pipeline matches sentence by sentence).
const std::vector<std::string>& lines() {
  static std::vector<std::string> all = [] {
    std::vector<std::string> out;
    for (const auto& page : bench::seed_pages()) {
      std::istringstream in(page);
      for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    }
    return out;
  }();
  return all;
}

size_t bytes_of(const std::vector<std::string>& v) {
  size_t n = 0;
  for (const auto& s : v) n += s.size();
  return n;
}

void BM_LoadLexicon(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    auto lex = recognize::Lexicon::load(MEKONG_LEXICON_DIR, &error);
    benchmark::DoNotOptimize(lex.get());
  }
  state.counters["patterns"] = static_cast<double>(lexicon()->patterns().size());
}
BENCHMARK(BM_LoadLexicon)->Unit(benchmark::kMillisecond);

void BM_CompileMatcher(benchmark::State& state) {
  auto lex = lexicon();
  size_t bytes = 0;
  for (auto _ : state) {
    recognize::Matcher m(lex);
    bytes = m.database_bytes();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["db_KiB"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(BM_CompileMatcher)->Unit(benchmark::kMillisecond);

// Load + compile: what a command pays before the first page.
void BM_LoadAndCompile(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    auto lex = recognize::Lexicon::load(MEKONG_LEXICON_DIR, &error);
    recognize::Matcher m(lex);
    benchmark::DoNotOptimize(m.database_bytes());
  }
}
BENCHMARK(BM_LoadAndCompile)->Unit(benchmark::kMillisecond);

// Matching line by line, folding included.
void BM_MatchLines(benchmark::State& state) {
  const auto& ls = lines();
  std::vector<recognize::Mention> out;
  size_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (const auto& l : ls) {
      matcher().match(l, out);
      mentions += out.size();
    }
    benchmark::DoNotOptimize(mentions);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(ls)));
  state.counters["mentions/pass"] = static_cast<double>(mentions);
}
BENCHMARK(BM_MatchLines);

// Matching text the caller already folded (extraction folds each sentence
// once for its own rules): the matcher's own cost.
void BM_MatchPrefoldedLines(benchmark::State& state) {
  const auto& ls = lines();
  std::vector<normalize::Folded> folded(ls.size());
  for (size_t i = 0; i < ls.size(); ++i) normalize::fold(ls[i], folded[i]);
  std::vector<recognize::Mention> out;
  for (auto _ : state)
    for (size_t i = 0; i < ls.size(); ++i) {
      matcher().match(ls[i], folded[i], out);
      benchmark::DoNotOptimize(out.data());
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(ls)));
}
BENCHMARK(BM_MatchPrefoldedLines);

// The share of the above spent folding (normalize::fold), for comparison.
void BM_FoldOnly(benchmark::State& state) {
  const auto& ls = lines();
  normalize::Folded f;
  for (auto _ : state)
    for (const auto& l : ls) {
      normalize::fold(l, f);
      benchmark::DoNotOptimize(f.text.data());
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(ls)));
}
BENCHMARK(BM_FoldOnly);

// One large buffer (all pages at once): the matcher without per-call costs.
void BM_MatchBuffer(benchmark::State& state) {
  std::string text;
  for (const auto& l : lines()) text += l + "\n";
  std::vector<recognize::Mention> out;
  for (auto _ : state) {
    matcher().match(text, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_MatchBuffer);

// Matching from several threads at once (scratch pool contention).
void BM_MatchLinesThreads(benchmark::State& state) {
  const auto& ls = lines();
  std::vector<recognize::Mention> out;
  for (auto _ : state)
    for (const auto& l : ls) {
      matcher().match(l, out);
      benchmark::DoNotOptimize(out.data());
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(ls)));
}
BENCHMARK(BM_MatchLinesThreads)->Threads(2)->UseRealTime();

// Matching plus grouping into actors and resolving them, per line.
void BM_MatchAndResolveActors(benchmark::State& state) {
  const auto& ls = lines();
  std::vector<recognize::Mention> out;
  const recognize::Date at{2024, 1, 5};
  size_t actors = 0;
  for (auto _ : state) {
    actors = 0;
    for (const auto& l : ls) {
      matcher().match(l, out);
      actors += recognize::find_actors(*lexicon(), out, l, at, false).size();
    }
    benchmark::DoNotOptimize(actors);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(ls)));
  state.counters["actors/pass"] = static_cast<double>(actors);
}
BENCHMARK(BM_MatchAndResolveActors);

}  // namespace

BENCHMARK_MAIN();
