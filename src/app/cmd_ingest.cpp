// mekong ingest PATH... : extract and store documents in the knowledge base.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace mekong::app {
namespace {

namespace fs = std::filesystem;

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db = "mekong.db";
  std::string lexicon;
  unsigned threads = 0;
  size_t batch = 64;
  bool summary = false;
  std::string assume_published;
};

// How many documents the paths hold, when that is cheap to know: plain
// files and folders of them. Containers (WARC, gzip) and stdin hold an
// unknown number: 0.
size_t count_documents(const std::vector<std::string>& paths) {
  auto container = [](const fs::path& p) {
    const std::string name = p.filename().string();
    for (const char* ext : {".warc", ".gz", ".arc"})
      if (name.find(ext) != std::string::npos) return true;
    return false;
  };
  size_t n = 0;
  std::error_code ec;
  for (const auto& p : paths) {
    if (p == "-") return 0;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (container(it->path())) return 0;
        ++n;
      }
    } else {
      if (container(p)) return 0;
      ++n;
    }
  }
  return n;
}

// A progress line on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(size_t total) : total_(total), on_(isatty(STDERR_FILENO) != 0) {}
  ~Progress() { clear(); }

  void tick(size_t done) {
    if (!on_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(100) && done != total_) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    const int elapsed = static_cast<int>(secs);
    std::string line;
    if (total_ > 0) {
      constexpr size_t kBar = 30;
      const size_t fill = std::min(kBar, done * kBar / total_);
      std::string bar;
      for (size_t i = 0; i < kBar; ++i) bar += i < fill ? "█" : "░";
      line = fmt::format("{} {}/{} documents  {:.1f} docs/s  {}:{:02d}", bar, done, total_, rate, elapsed / 60,
                         elapsed % 60);
    } else {
      line = fmt::format("{} documents  {:.1f} docs/s  {}:{:02d}", done, rate, elapsed / 60, elapsed % 60);
    }
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    shown_ = true;
  }

  void clear() {
    if (on_ && shown_) {
      std::fprintf(stderr, "\r\033[K");
      std::fflush(stderr);
      shown_ = false;
    }
  }

 private:
  using Clock = std::chrono::steady_clock;
  size_t total_;
  bool on_;
  bool shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_{};
};

void setup(CLI::App& root, Context& ctx) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = root.add_subcommand(
      "ingest", "Extract pages and store documents, their text and every item in the knowledge base (SQLite).");
  cmd->add_option("paths", args->paths,
                  "Files, folders (read recursively, sorted by name) or '-' for standard input; text, HTML or WARC.")
      ->required();
  cmd->add_option("--db", args->db, "Database file (created when missing).")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Extraction threads (default: the number of cores, at most 8).")
      ->check(CLI::Range(0u, 256u));
  cmd->add_option("--batch", args->batch, "Documents per transaction.")->check(CLI::Range(size_t{1}, size_t{10000}))
      ->capture_default_str();
  cmd->add_option("--lexicon", args->lexicon, "Lexicon folder (default: $MEKONG_LEXICON or the project's lexicon/).");
  cmd->add_flag("--summary", args->summary, "Print what was stored on stderr (always shown on a terminal).");
  add_assume_published(cmd, args->assume_published);
  cmd->footer(
      "A document is keyed by a hash of its article text: ingesting a page again, or the same article from\n"
      "another crawl, stores it once (the new origin is recorded). Documents are committed in batches; a run\n"
      "that is interrupted keeps every committed batch, and running it again completes the rest.\n"
      "A progress line with documents per second is shown when stderr is a terminal.");
  cmd->callback([args, &ctx] {
    PipelineOptions opts;
    opts.lexicon_dir = args->lexicon;
    if (!args->assume_published.empty()) opts.assume_published = content::parse_iso(args->assume_published);
    Pipeline pipeline(opts);
    std::string cameo_error;
    auto cameo = merge::CameoTable::load(pipeline.options().lexicon_dir, &cameo_error);
    if (!cameo_error.empty()) std::cerr << "mekong: " << cameo_error << "\n";
    auto db = store::Store::open(args->db, false, std::move(cameo));

    unsigned threads = args->threads;
    if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    Progress progress(count_documents(args->paths));
    size_t seen = 0, added = 0, duplicates = 0, pending = 0;
    auto last_commit = std::chrono::steady_clock::now();
    ingest::Source source(args->paths);
    // A commit that fails, or an error that made SQLite roll the open
    // transaction back, loses the documents since the last commit: the batch
    // stops there (a rerun completes it). Other errors are the document's.
    const auto commit = [&] {
      try {
        db->commit();
      } catch (const std::exception& e) {
        throw BatchStop(fmt::format("cannot commit the last {} documents to {}: {}; run the same ingest again to "
                                    "complete the base", pending, args->db, e.what()));
      }
      pending = 0;
    };
    const auto begin = [&] {
      try {
        db->begin();
      } catch (const std::exception& e) {
        throw BatchStop(fmt::format("cannot write to {}: {}; run the same ingest again to complete the base",
                                    args->db, e.what()));
      }
    };
    db->begin();
    size_t failed = 0;
    try {
      failed = run_batch(
          pipeline, source, threads,
          [&](Document& doc) {
            const Record& r = doc.record;
            std::string hint;
            // Figures, agreements and projects without events: the pair of
            // countries the article is about tells whose they are.
            if (r.events.empty() && (!r.figures.empty() || !r.agreements.empty() || !r.projects.empty()) &&
                r.countries.size() == 2 && r.countries[0] != r.countries[1])
              hint = r.countries[0] + "-" + r.countries[1];
            store::Store::Added a{};
            try {
              a = db->add(doc, hint);
            } catch (const std::exception& e) {
              if (db->in_transaction()) throw;
              throw BatchStop(fmt::format("{}: {}; the {} documents before it since the last commit were not stored "
                                          "either; run the same ingest again to complete the base",
                                          doc.origin, e.what(), pending));
            }
            if (a == store::Store::Added::New) ++added;
            else ++duplicates;
            ++seen;
            ++pending;
            const auto now = std::chrono::steady_clock::now();
            if (pending >= args->batch || now - last_commit > std::chrono::seconds(2)) {
              commit();
              begin();
              last_commit = now;
            }
            progress.tick(seen);
          },
          [&](const std::string& origin, const std::string& message) {
            progress.clear();
            std::cerr << "mekong: " << origin << ": " << message << "\n";
            ++seen;
            progress.tick(seen);
          });
      commit();
    } catch (const BatchStop& e) {
      progress.clear();
      std::cerr << "mekong: " << e.what() << "\n";
      ctx.exit_code = kSomeFailed;
      return;
    }
    progress.clear();
    if (args->summary || isatty(STDERR_FILENO)) {
      const auto c = db->counts();
      std::cerr << fmt::format(
          "{} new documents, {} already stored, {} skipped -> {}: {} documents, {} events ({} mentions), {} figures, "
          "{} agreements, {} projects\n",
          added, duplicates, failed, args->db, c.documents, c.events, c.event_mentions, c.figures, c.agreements,
          c.projects);
    }
    if (failed > 0) ctx.exit_code = kSomeFailed;
  });
}

const bool registered = register_command(50, setup);

}  // namespace
}  // namespace mekong::app
