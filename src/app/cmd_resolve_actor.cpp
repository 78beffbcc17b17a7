// mekong resolve actor TEXT --date DATE : who an actor phrase names on a day
// ('Thủ tướng Lào' on 2024-01-05 -> LAO, Sonexay Siphandone, Thủ tướng).
// Attaches to the `resolve` command of cmd_resolve.cpp (order 40).
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "recognize/actor.h"
#include "recognize/lexicon.h"
#include "recognize/matcher.h"

namespace mekong::app {
namespace {

using nlohmann::json;

struct ActorArgs {
  std::string text;
  std::string date;
  std::string lexicon;
  bool default_vietnam = false;
};

json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

void setup(CLI::App& root, Context& ctx) {
  CLI::App* cmd = nullptr;
  try {
    cmd = root.get_subcommand("resolve");
  } catch (const CLI::OptionNotFound&) {
    cmd = root.add_subcommand("resolve", "Show how one phrase is read, as JSON.");
    cmd->require_subcommand(1);
  }
  auto args = std::make_shared<ActorArgs>();
  CLI::App* actor = cmd->add_subcommand("actor", "Resolve an actor phrase to country, person and office at a date.");
  actor->add_option("text", args->text,
                    "The phrase ('Thủ tướng Lào', 'Bộ trưởng Ngoại giao Lào Xạ-lởm-xay Côm-ma-xít', "
                    "'Tổng Bí thư, Chủ tịch nước Tô Lâm').")
      ->required();
  actor->add_option("--date", args->date, "The day to read it at: YYYY-MM-DD (YYYY-MM, YYYY: the first day).")
      ->required();
  actor->add_option("--lexicon", args->lexicon, "Lexicon folder (default: $MEKONG_LEXICON or the project's lexicon/).");
  actor->add_flag("--default-vietnam", args->default_vietnam,
                  "A title without a country ('Thủ tướng') means Vietnam's holder.");
  actor->footer(
      "Prints {\"country\", \"person\", \"role\"} (null when unknown). Exit status 1 with\n"
      "{\"unresolved\": REASON} when the phrase names no actor.");
  actor->callback([args, &ctx] {
    auto at = recognize::Date::parse(args->date);
    if (!at) throw CLI::ValidationError("--date", "not an ISO date: " + args->date);
    std::string error;
    auto lex = recognize::Lexicon::load(args->lexicon.empty() ? default_lexicon_dir() : args->lexicon, &error);
    if (!lex) throw std::runtime_error(error);
    recognize::Matcher matcher(lex);
    std::vector<recognize::Mention> mentions;
    matcher.match(args->text, mentions);
    auto phrases = recognize::find_actors(*lex, mentions, args->text, *at, args->default_vietnam);
    recognize::ActorRef ref;
    if (!phrases.empty()) ref = phrases.front().actor;
    else ref = recognize::resolve_actor(*lex, mentions, args->text, *at, args->default_vietnam);  // a lone country
    if (ref.empty()) {
      std::cout << json{{"unresolved", "no country, person or title recognized"}}.dump() << "\n";
      ctx.exit_code = kSomeFailed;
      return;
    }
    const Actor a = ref.to_actor(*lex);
    std::cout << json{{"country", opt(a.country)}, {"person", opt(a.person)}, {"role", opt(a.role)}}.dump(
                     -1, ' ', false, json::error_handler_t::replace)
              << "\n";
  });
}

const bool registered = register_command(41, setup);

}  // namespace
}  // namespace mekong::app
