// mekong text DOC : the document's text as the engine numbers its lines, so
// that any `line` in a record can be looked up.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/command.h"
#include "pipeline/pipeline.h"

namespace mekong::app {
namespace {

struct TextArgs {
  std::vector<std::string> paths;
  bool marks = false;
};

void setup(CLI::App& root, Context& ctx) {
  auto args = std::make_shared<TextArgs>();
  CLI::App* cmd = root.add_subcommand("text", "Print each document's text with the line numbers records refer to.");
  cmd->add_option("paths", args->paths, "Files, folders or '-' (as for extract).")->required();
  cmd->add_flag("--marks", args->marks,
                "Mark each line: '*' article, 'T' teaser of another article, ' ' page around it.");
  cmd->callback([args, &ctx] {
    PipelineOptions opts;
    opts.extract = false;
    Pipeline pipeline(opts);
    ingest::Source source(args->paths);
    const size_t failed = run_batch(
        pipeline, source, 1,
        [&](Document& doc) {
          std::cout << "# " << doc.id << "  (" << doc.origin << ")\n";
          for (size_t i = 0; i < doc.lines.size(); ++i) {
            const char mark = doc.is_content[i] ? '*' : doc.is_teaser[i] ? 'T' : ' ';
            if (args->marks) std::cout << fmt::format("{:>5} {} {}\n", i + 1, mark, doc.line(i));
            else std::cout << fmt::format("{:>5}  {}\n", i + 1, doc.line(i));
          }
        },
        [&](const std::string& origin, const std::string& message) {
          std::cerr << "mekong: " << origin << ": " << message << "\n";
        });
    if (failed > 0) ctx.exit_code = kSomeFailed;
  });
}

const bool registered = register_command(20, setup);

}  // namespace
}  // namespace mekong::app
