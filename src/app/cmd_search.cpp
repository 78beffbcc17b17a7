// mekong search TEXT : article lines containing every word, marks ignored.
#include <iostream>
#include <memory>

#include "app/command.h"
#include "store/output.h"
#include "store/store.h"

namespace mekong::app {
namespace {

struct SearchArgs {
  std::vector<std::string> words;
  std::string db = "mekong.db";
  std::string format = "table";
  size_t limit = 50;
};

void setup(CLI::App& root, Context&) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = root.add_subcommand("search", "Full-text search over article lines ('hoa binh' finds 'hòa bình').");
  cmd->add_option("text", args->words, "Words that must all appear in the line.")->required();
  cmd->add_option("--limit", args->limit, "At most this many lines (max 1000).")->capture_default_str();
  cmd->add_option("--format", args->format, "table, json, jsonl or csv.")->capture_default_str();
  cmd->add_option("--db", args->db, "Database file.")->capture_default_str();
  cmd->callback([args] {
    const auto format = store::parse_format(args->format);
    auto db = store::Store::open(args->db, true);
    std::string text;
    for (const auto& w : args->words) text += (text.empty() ? "" : " ") + w;
    bool more = false;
    const auto items = db->search(text, args->limit, &more);
    using store::field;
    std::vector<store::Column> cols = {
        {"doc", [](const auto& x) { return field(x, "doc"); }, true},
        {"doc_id", [](const auto& x) { return field(x, "doc_id"); }, false, 28},
        {"published", [](const auto& x) { return field(x, "published"); }},
        {"line", [](const auto& x) { return field(x, "line"); }, true},
        {"text", [](const auto& x) { return field(x, "text"); }, false, 100},
    };
    store::write_items(std::cout, items, cols, format);
    if (more) std::cerr << "mekong: more lines match; raise --limit to see them\n";
  });
}

const bool registered = register_command(55, setup);

}  // namespace
}  // namespace mekong::app
