// mekong export : the merged events for GDELT tooling, or every merged item as JSON Lines.
#include <fstream>
#include <iostream>
#include <memory>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace mekong::app {
namespace {

struct ExportArgs {
  std::string format;
  std::string output;
  std::string db = "mekong.db";
  bool no_header = false;
};

void setup(CLI::App& root, Context&) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = root.add_subcommand("export", "Write the knowledge base for other programs.");
  cmd->add_option("--format", args->format,
                  "gdelt: merged events as a GDELT 2.0 event table (61 tab-separated columns);\n"
                  "jsonl: every merged event, figure, agreement and project with its sources.")
      ->required()
      ->check(CLI::IsMember({"gdelt", "jsonl"}));
  cmd->add_option("-o,--output", args->output, "Write to FILE instead of standard output.");
  cmd->add_flag("--no-header", args->no_header, "gdelt: leave out the line of column names, as GDELT's own files.");
  cmd->add_option("--db", args->db, "Database file.")->capture_default_str();
  cmd->footer(
      "GDELT columns filled: GlobalEventID, SQLDATE, MonthYear, Year, FractionDate, Actor1/2Code, Name,\n"
      "CountryCode, EventCode, EventBaseCode, EventRootCode, QuadClass and GoldsteinScale (lexicon/cameo.tsv),\n"
      "NumMentions, NumSources (sites), NumArticles, ActionGeo_FullName, DATEADDED, SOURCEURL; others empty.");
  cmd->callback([args] {
    auto db = store::Store::open(args->db, true, merge::CameoTable::load(default_lexicon_dir()));
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!args->output.empty() && args->output != "-") {
      file.open(args->output, std::ios::binary | std::ios::trunc);
      if (!file) throw std::runtime_error("cannot write " + args->output);
      out = &file;
    }
    if (args->format == "gdelt") db->export_gdelt(*out, !args->no_header);
    else db->export_jsonl(*out);
    out->flush();
    if (!*out) throw std::runtime_error("write failed");
  });
}

const bool registered = register_command(57, setup);

}  // namespace
}  // namespace mekong::app
