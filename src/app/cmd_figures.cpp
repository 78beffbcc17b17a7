// mekong figures : an indicator as a time series, one row per period, with sources.
#include <iostream>
#include <memory>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "store/output.h"
#include "store/store.h"

namespace mekong::app {
namespace {

struct FiguresArgs {
  std::string db = "mekong.db";
  std::string format = "table";
  store::FigureFilter filter;
};

std::string period(const nlohmann::ordered_json& f) {
  const auto& p = f["period"];
  if (p.is_null()) return {};
  const std::string a = store::field(p, "start"), b = store::field(p, "end");
  return a == b ? a : a + ".." + b;
}

// The other values sources give, with how many documents give each.
std::string others(const nlohmann::ordered_json& f) {
  std::string s;
  const auto& values = f["values"];
  for (size_t i = 1; i < values.size(); ++i) {
    if (!s.empty()) s += "; ";
    s += store::number(values[i]["value"].get<double>()) + " (" + store::field(values[i], "documents") + " docs)";
  }
  return s;
}

std::string sources(const nlohmann::ordered_json& f) {
  std::string s;
  for (const auto& v : f["values"])
    for (const auto& src : v["sources"]) {
      if (!s.empty()) s += " ";
      s += store::field(src, "doc_id") + ":" + store::field(src, "line");
    }
  return s;
}

void setup(CLI::App& root, Context&) {
  auto args = std::make_shared<FiguresArgs>();
  CLI::App* cmd = root.add_subcommand("figures", "List figures as time series: one row per indicator and period.");
  auto& f = args->filter;
  cmd->add_option("--indicator", f.indicator, "trade_turnover, investment_registered, aid, scholarships, ...");
  cmd->add_option("--dyad", f.dyad, "Pair of countries, ISO alpha-3, either order: VNM-LAO.");
  cmd->add_option("--unit", f.unit, "USD, VND, LAK, count, percent.");
  cmd->add_option("--measure", f.measure, "level or change.");
  cmd->add_option("--from", f.from, "Periods ending on or after this date.");
  cmd->add_option("--to", f.to, "Periods starting on or before this date.");
  cmd->add_option("--limit", f.limit, "At most this many rows (max 1000).")->capture_default_str();
  cmd->add_option("--format", args->format, "table, json, jsonl or csv.")->capture_default_str();
  cmd->add_option("--db", args->db, "Database file.")->capture_default_str();
  cmd->footer("A row whose sources disagree beyond 0.5 % is marked in 'conflict' and lists the other values.");
  cmd->callback([args] {
    const auto format = store::parse_format(args->format);
    auto db = store::Store::open(args->db, true);
    bool more = false;
    const auto items = db->figures(args->filter, &more);
    using store::field;
    std::vector<store::Column> cols = {
        {"indicator", [](const auto& x) { return field(x, "indicator"); }},
        {"dyad", [](const auto& x) { return field(x, "dyad"); }},
        {"period", period},
        {"measure", [](const auto& x) { return field(x, "measure"); }},
        {"value", [](const auto& x) { return store::number(x["value"].template get<double>()); }, true},
        {"unit", [](const auto& x) { return field(x, "unit"); }},
        {"approx", [](const auto& x) { return field(x, "approx"); }},
        {"from", [](const auto& x) { return field(x, "from"); }},
        {"to", [](const auto& x) { return field(x, "to"); }},
        {"docs", [](const auto& x) { return field(x, "documents"); }, true},
        {"conflict", others, false, 40},
        {"sources", sources, false, 60},
    };
    store::write_items(std::cout, items, cols, format);
    if (more) std::cerr << "mekong: more figures match; narrow the filter or raise --limit\n";
  });
}

const bool registered = register_command(52, setup);

}  // namespace
}  // namespace mekong::app
