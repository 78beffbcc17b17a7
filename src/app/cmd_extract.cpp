// mekong extract PATH... : one JSON record per document (../shared/spec/output.md).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/command.h"
#include "core/record_json.h"
#include "pipeline/pipeline.h"

namespace mekong::app {
namespace {

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string output;
  std::string lexicon;
  unsigned threads = 1;
  bool summary = false;
  bool content_only = false;
  std::string assume_published;
};

void setup(CLI::App& root, Context& ctx) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = root.add_subcommand("extract", "Read pages and write one JSON record per document (JSON Lines).");
  cmd->add_option("paths", args->paths,
                  "Files, folders (read recursively, sorted by name) or '-' for standard input. "
                  "Plain text, HTML and WARC (plain or gzip) are told apart by content.")
      ->required();
  cmd->add_option("-o,--output", args->output, "Write the records to FILE instead of standard output.");
  cmd->add_option("--threads", args->threads, "Worker threads; records keep the input order.")
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--lexicon", args->lexicon, "Lexicon folder (default: $MEKONG_LEXICON or the project's lexicon/).");
  cmd->add_flag("--summary", args->summary,
                "Also print a readable line per document on stderr: date, kept lines, title.");
  cmd->add_flag("--content-only", args->content_only, "Stop after finding the article (no events, figures...).");
  add_assume_published(cmd, args->assume_published);
  cmd->footer(
      "Each document that cannot be read (empty, binary, invalid, truncated...) is named on stderr with the\n"
      "reason; the others are still written. Exit status 1 then says that some documents failed.\n"
      "`published` is the date the page states (null when it states none); `reference` is the date its\n"
      "relative dates were read against and where it came from: page, url, assumed, warc-date or date-bar.");
  cmd->callback([args, &ctx] {
    PipelineOptions opts;
    opts.lexicon_dir = args->lexicon;
    opts.extract = !args->content_only;
    if (!args->assume_published.empty()) opts.assume_published = content::parse_iso(args->assume_published);
    Pipeline pipeline(opts);
    std::ofstream file;
    std::ostream* out = &std::cout;
    std::string out_name = "standard output";
    if (!args->output.empty() && args->output != "-") {
      file.open(args->output, std::ios::binary | std::ios::trunc);
      if (!file) throw std::runtime_error(fmt::format("cannot write {}: {}", args->output, std::strerror(errno)));
      out = &file;
      out_name = args->output;
    }
    // A write that fails (a full disk, a closed pipe) ends the batch: the
    // records after it would be lost anyway.
    const auto check_output = [&] {
      if (*out) return;
      const int err = errno;
      throw BatchStop(fmt::format("cannot write {}{}; the output is incomplete", out_name,
                                  err != 0 ? std::string(": ") + std::strerror(err) : std::string()));
    };
    std::ios::sync_with_stdio(false);
    ingest::Source source(args->paths);
    size_t written = 0;
    size_t failed = 0;
    try {
      failed = run_batch(
          pipeline, source, args->threads,
          [&](Document& doc) {
            *out << to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            check_output();
            ++written;
            if (args->summary) {
              size_t kept = 0;
              for (auto c : doc.is_content) kept += c;
              const std::string date = doc.published ? doc.published->value : std::string("-");
              const std::string title =
                  doc.title_line ? std::string(doc.line(*doc.title_line - 1)) : std::string("(no title)");
              std::cerr << fmt::format("{:<28} {:<17} {:>3}/{:<3} lines  {}\n", doc.id, date, kept, doc.lines.size(),
                                       title);
            }
          },
          [&](const std::string& origin, const std::string& message) {
            std::cerr << "mekong: " << origin << ": " << message << "\n";
          });
      errno = 0;
      out->flush();
      check_output();
      if (file.is_open()) {
        file.close();
        check_output();
      }
    } catch (const BatchStop& e) {
      std::cerr << "mekong: " << e.what() << "\n";
      ctx.exit_code = kSomeFailed;
      return;
    }
    if (args->summary) std::cerr << fmt::format("{} documents written, {} skipped\n", written, failed);
    if (failed > 0) ctx.exit_code = kSomeFailed;
  });
}

const bool registered = register_command(10, setup);

}  // namespace
}  // namespace mekong::app
