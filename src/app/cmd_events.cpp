// mekong events : merged events, filtered by pair of countries, dates, code, person.
#include <iostream>
#include <memory>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "store/output.h"
#include "store/store.h"

namespace mekong::app {
namespace {

struct EventsArgs {
  std::string db = "mekong.db";
  std::string format = "table";
  store::EventFilter filter;
};

std::string actor(const nlohmann::ordered_json& a) {
  std::string s = store::field(a, "country");
  if (const std::string p = store::field(a, "person"); !p.empty()) s += " " + p;
  return s;
}

std::string date_range(const nlohmann::ordered_json& e) {
  const std::string a = e["date"]["start"].get<std::string>();
  const std::string b = e["date"]["end"].get<std::string>();
  return a == b ? a : a + ".." + b;
}

void setup(CLI::App& root, Context&) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = root.add_subcommand("events", "List merged events (each told by one or more articles).");
  auto& f = args->filter;
  cmd->add_option("--dyad", f.dyad, "Pair of countries, ISO alpha-3, either order: VNM-LAO.");
  cmd->add_option("--from", f.from, "Events ending on or after this date: 2020, 2020-05 or 2020-05-16.");
  cmd->add_option("--to", f.to, "Events starting on or before this date.");
  cmd->add_option("--cameo", f.cameo, "CAMEO code or its start: 04 (consult), 042 (visit).");
  cmd->add_option("--person", f.person, "A person taking part (canonical name; case and marks ignored).");
  cmd->add_option("--status", f.status, "occurred or planned.");
  cmd->add_option("--limit", f.limit, "At most this many events (max 1000).")->capture_default_str();
  cmd->add_option("--offset", f.offset, "Skip this many events first.");
  cmd->add_option("--format", args->format, "table, json, jsonl or csv.")->capture_default_str();
  cmd->add_option("--db", args->db, "Database file.")->capture_default_str();
  cmd->footer("Every source of an event: mekong show EVENT_ID.");
  cmd->callback([args] {
    const auto format = store::parse_format(args->format);
    auto db = store::Store::open(args->db, true, merge::CameoTable::load(default_lexicon_dir()));
    args->filter.sources = format == store::Format::Json || format == store::Format::Jsonl;
    bool more = false;
    const auto items = db->events(args->filter, &more);
    using store::field;
    std::vector<store::Column> cols = {
        {"id", [](const auto& e) { return field(e, "id"); }, true},
        {"date", date_range},
        {"cameo", [](const auto& e) { return field(e, "cameo"); }},
        {"action", [](const auto& e) { return field(e, "cameo_name"); }, false, 28},
        {"actor1", [](const auto& e) { return actor(e["actor1"]); }, false, 32},
        {"actor2", [](const auto& e) { return actor(e["actor2"]); }, false, 32},
        {"status", [](const auto& e) { return field(e, "status"); }},
        {"mentions", [](const auto& e) { return field(e, "mentions"); }, true},
        {"docs", [](const auto& e) { return field(e, "documents"); }, true},
    };
    store::write_items(std::cout, items, cols, format);
    if (more) std::cerr << "mekong: more events match; use --limit / --offset to see them\n";
  });
}

const bool registered = register_command(51, setup);

}  // namespace
}  // namespace mekong::app
