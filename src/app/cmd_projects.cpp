// mekong projects : built works and programmes, with where they stand.
#include <iostream>
#include <memory>

#include "app/command.h"
#include "store/output.h"
#include "store/store.h"

namespace mekong::app {
namespace {

struct ProjectsArgs {
  std::string db = "mekong.db";
  std::string format = "table";
  store::ItemFilter filter;
};

void setup(CLI::App& root, Context&) {
  auto args = std::make_shared<ProjectsArgs>();
  CLI::App* cmd = root.add_subcommand("projects", "List projects; the status is the latest article's.");
  cmd->add_option("--status", args->filter.status, "completed, in_progress or planned.");
  cmd->add_option("--dyad", args->filter.dyad, "Pair of countries, ISO alpha-3, either order: VNM-LAO.");
  cmd->add_option("--limit", args->filter.limit, "At most this many rows (max 1000).")->capture_default_str();
  cmd->add_option("--format", args->format, "table, json, jsonl or csv.")->capture_default_str();
  cmd->add_option("--db", args->db, "Database file.")->capture_default_str();
  cmd->callback([args] {
    const auto format = store::parse_format(args->format);
    auto db = store::Store::open(args->db, true);
    bool more = false;
    const auto items = db->projects(args->filter, &more);
    using store::field;
    std::vector<store::Column> cols = {
        {"id", [](const auto& x) { return field(x, "id"); }, true},
        {"dyad", [](const auto& x) { return field(x, "dyad"); }},
        {"name", [](const auto& x) { return field(x, "name"); }, false, 60},
        {"location", [](const auto& x) { return field(x, "location"); }, false, 24},
        {"status", [](const auto& x) { return field(x, "status"); }},
        {"docs", [](const auto& x) { return field(x, "documents"); }, true},
        {"first source",
         [](const auto& x) {
           const auto& s = x["sources"];
           return s.empty() ? std::string() : field(s[0], "doc_id") + ":" + field(s[0], "line");
         }},
    };
    store::write_items(std::cout, items, cols, format);
    if (more) std::cerr << "mekong: more projects match; narrow the filter or raise --limit\n";
  });
}

const bool registered = register_command(54, setup);

}  // namespace
}  // namespace mekong::app
