// mekong show EVENT_ID : one merged event with every source sentence.
#include <unistd.h>

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "store/output.h"
#include "store/store.h"

namespace mekong::app {
namespace {

struct ShowArgs {
  int64_t id = 0;
  std::string db = "mekong.db";
  std::string format = "table";
};

std::string actor(const nlohmann::ordered_json& a) {
  using store::field;
  std::string s = field(a, "country");
  if (const auto p = field(a, "person"); !p.empty()) s += " " + p;
  if (const auto r = field(a, "role"); !r.empty()) s += " (" + r + ")";
  return s;
}

// The line with the stated span in bold on a terminal, in [brackets] elsewhere.
std::string marked(const nlohmann::ordered_json& src, bool tty) {
  const std::string text = store::field(src, "text");
  const auto& span = src["span"];
  size_t b = span[0].get<size_t>(), e = span[1].get<size_t>();
  if (b >= e || e > text.size()) return text;
  const char* open = tty ? "\033[1m" : "[";
  const char* close = tty ? "\033[0m" : "]";
  return text.substr(0, b) + open + text.substr(b, e - b) + close + text.substr(e);
}

void setup(CLI::App& root, Context& ctx) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = root.add_subcommand("show", "Show one event with every source sentence that states it.");
  cmd->add_option("event_id", args->id, "The id from `mekong events`.")->required();
  cmd->add_option("--format", args->format, "table (readable text) or json.")->capture_default_str();
  cmd->add_option("--db", args->db, "Database file.")->capture_default_str();
  cmd->callback([args, &ctx] {
    const auto format = store::parse_format(args->format);
    auto db = store::Store::open(args->db, true, merge::CameoTable::load(default_lexicon_dir()));
    const auto e = db->event(args->id);
    if (!e) {
      std::cerr << "mekong: no event " << args->id << " in " << args->db << "\n";
      ctx.exit_code = kSomeFailed;
      return;
    }
    if (format != store::Format::Table) {
      store::write_items(std::cout, nlohmann::ordered_json::array({*e}), {}, format);
      return;
    }
    using store::field;
    const bool tty = isatty(STDOUT_FILENO) != 0;
    const auto& d = (*e)["date"];
    std::string date = field(d, "start");
    if (field(d, "end") != date) date += ".." + field(d, "end");
    std::cout << fmt::format("Event {}  {} {}  {}  {}\n", field(*e, "id"), field(*e, "cameo"), field(*e, "cameo_name"),
                             date, field(*e, "status"));
    std::cout << fmt::format("  {} -> {}\n", actor((*e)["actor1"]), actor((*e)["actor2"]));
    if (!(*e)["mechanism"].is_null()) {
      std::string m = field((*e)["mechanism"], "name");
      if (const auto s = field((*e)["mechanism"], "session"); !s.empty()) m += ", session " + s;
      std::cout << "  mechanism: " << m << "\n";
    }
    if (const auto l = field(*e, "location"); !l.empty()) std::cout << "  location: " << l << "\n";
    std::cout << fmt::format("  {} mentions in {} documents from {} sites\n\n", field(*e, "mentions"),
                             field(*e, "documents"), field(*e, "sites"));
    size_t n = 0;
    for (const auto& src : (*e)["sources"]) {
      std::cout << fmt::format("[{}] {}  {}  line {}  {}\n", ++n, field(src, "doc_id"), field(src, "published"),
                               field(src, "line"), field(src, "url"));
      if (const auto t = field(src, "title"); !t.empty()) std::cout << "    " << t << "\n";
      std::cout << "    " << marked(src, tty) << "\n\n";
    }
  });
}

const bool registered = register_command(56, setup);

}  // namespace
}  // namespace mekong::app
