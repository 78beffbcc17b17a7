// content: content::analyze (publication time, headline, article lines).
#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "content/content.h"
#include "ingest/html.h"
#include "normalize/normalize.h"

namespace {

using namespace mekong;

std::vector<Document> documents(bool html) {
  std::vector<Document> docs;
  for (const auto& page : bench::seed_pages()) {
    Document doc;
    std::string error;
    std::string text = page;
    if (html) {
      ingest::HtmlText h = ingest::html_to_text(bench::as_html(page));
      doc.link_density = std::move(h.link_density);
      text = std::move(h.text);
    }
    if (normalize::decode(text, doc, error)) docs.push_back(std::move(doc));
  }
  return docs;
}

void analyze_all(benchmark::State& state, bool html) {
  const content::Cues cues = content::Cues::load(MEKONG_LEXICON_DIR);
  std::vector<Document> docs = documents(html);
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.size();
  for (auto _ : state) {
    for (auto& d : docs) {
      content::analyze(d, cues);
      benchmark::DoNotOptimize(d.is_content.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = benchmark::Counter(static_cast<double>(state.iterations() * docs.size()),
                                              benchmark::Counter::kIsRate);
}

void BM_AnalyzeText(benchmark::State& state) { analyze_all(state, false); }
BENCHMARK(BM_AnalyzeText);

void BM_AnalyzeHtml(benchmark::State& state) { analyze_all(state, true); }
BENCHMARK(BM_AnalyzeHtml);

}  // namespace

BENCHMARK_MAIN();
