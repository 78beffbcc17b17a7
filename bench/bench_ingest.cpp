// ingest: reading WARC (plain, gzip per record) and gzip files, and HTML to text.
#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "ingest/html.h"
#include "ingest/source.h"

namespace {

using namespace mekong;

// About `target` bytes of records, cycling through the seed pages.
std::string crawl(size_t target, bool html, bool gz_members, size_t& payload) {
  const auto pages = bench::seed_pages();
  std::string out;
  payload = 0;
  for (size_t n = 0; payload < target; ++n) {
    const std::string& page = pages[n % pages.size()];
    const std::string rec = html ? bench::warc_record("response", n, "application/http; msgtype=response",
                                                      bench::http_html(bench::as_html(page)))
                                 : bench::warc_record("conversion", n, "text/plain", page);
    payload += rec.size();
    out += gz_members ? bench::gzip(rec) : rec;
  }
  return out;
}

void read_all(benchmark::State& state, const std::string& path, size_t bytes) {
  size_t docs = 0;
  for (auto _ : state) {
    ingest::Source source({path});
    ingest::Item item;
    while (source.next(item)) {
      if (item.problem) state.SkipWithError(item.problem->message.c_str());
      docs += item.doc ? 1 : 0;
      benchmark::DoNotOptimize(item);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
}

void BM_WarcPlain(benchmark::State& state) {
  static size_t bytes = 0;
  static const std::string path = bench::temp_file("plain.warc", crawl(16 << 20, true, false, bytes));
  read_all(state, path, bytes);
}
BENCHMARK(BM_WarcPlain)->Unit(benchmark::kMillisecond);

void BM_WarcGzipPerRecord(benchmark::State& state) {
  static size_t bytes = 0;
  static const std::string path = bench::temp_file("members.warc.gz", crawl(16 << 20, true, true, bytes));
  read_all(state, path, bytes);  // rate of decompressed bytes
}
BENCHMARK(BM_WarcGzipPerRecord)->Unit(benchmark::kMillisecond);

void BM_WetGzipSingleStream(benchmark::State& state) {
  static size_t bytes = 0;
  static const std::string path = bench::temp_file("single.wet.gz", bench::gzip(crawl(16 << 20, false, false, bytes)));
  read_all(state, path, bytes);
}
BENCHMARK(BM_WetGzipSingleStream)->Unit(benchmark::kMillisecond);

void BM_GzipTextFile(benchmark::State& state) {
  std::string text;
  for (const auto& p : bench::seed_pages()) text += p;
  static const std::string path = bench::temp_file("page.txt.gz", bench::gzip(text));
  read_all(state, path, text.size());
}
BENCHMARK(BM_GzipTextFile);

void BM_HtmlToText(benchmark::State& state) {
  std::string html;
  for (const auto& p : bench::seed_pages()) html += bench::as_html(p);
  for (auto _ : state) benchmark::DoNotOptimize(ingest::html_to_text(html));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_HtmlToText);

}  // namespace

BENCHMARK_MAIN();
