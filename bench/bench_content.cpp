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

// One document of state.range(0) MB: the seed pages one after another, each
// line made unique (a number in it), so that boxes, teasers, lists and
// paragraphs recur through the whole document. The cost must grow linearly
// with the size: every pass of content is over lines, none rescans the page.
std::string big_document(size_t bytes) {
  const auto pages = bench::seed_pages();
  std::string out;
  out.reserve(bytes + 4096);
  size_t k = 0;
  while (out.size() < bytes)
    for (const auto& page : pages) {
      size_t b = 0;
      while (b < page.size() && out.size() < bytes) {
        size_t e = page.find('\n', b);
        if (e == std::string::npos) e = page.size();
        const std::string_view line(page.data() + b, e - b);
        const size_t space = line.find(' ');
        if (space != std::string_view::npos && line.size() > 40) {
          out.append(line.substr(0, space)).append(" ").append(std::to_string(++k)).append(line.substr(space));
        } else {
          out.append(line);
        }
        out.push_back('\n');
        b = e + 1;
      }
    }
  return out;
}

void BM_AnalyzeScaling(benchmark::State& state) {
  const content::Cues cues = content::Cues::load(MEKONG_LEXICON_DIR);
  const size_t bytes = static_cast<size_t>(state.range(0)) << 20;
  Document doc;
  std::string error;
  if (!normalize::decode(big_document(bytes), doc, error)) state.SkipWithError(error.c_str());
  for (auto _ : state) {
    content::analyze(doc, cues);
    benchmark::DoNotOptimize(doc.is_content.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
  state.SetComplexityN(static_cast<int64_t>(doc.text.size()));
}
BENCHMARK(BM_AnalyzeScaling)->RangeMultiplier(4)->Range(1, 16)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

// The same through the HTML reader, normalize and content, as the pipeline runs them.
void BM_HtmlToContentScaling(benchmark::State& state) {
  const content::Cues cues = content::Cues::load(MEKONG_LEXICON_DIR);
  const std::string html = bench::as_html(big_document(static_cast<size_t>(state.range(0)) << 20));
  for (auto _ : state) {
    ingest::HtmlText h = ingest::html_to_text(html);
    Document doc;
    std::string error;
    doc.link_density = std::move(h.link_density);
    doc.line_times = std::move(h.times);
    if (!normalize::decode(h.text, doc, error)) state.SkipWithError(error.c_str());
    content::analyze(doc, cues);
    benchmark::DoNotOptimize(doc.is_content.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
  state.SetComplexityN(static_cast<int64_t>(html.size()));
}
BENCHMARK(BM_HtmlToContentScaling)->RangeMultiplier(4)->Range(1, 16)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

}  // namespace

BENCHMARK_MAIN();
