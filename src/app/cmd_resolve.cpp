// mekong resolve date|number TEXT : how the engine reads one phrase, for
// analysts checking why a date or a figure came out as it did. Other files
// attach more resolvers to `resolve` (e.g. `resolve actor`, order 41).
#include <cmath>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "resolve/date.h"
#include "resolve/number.h"

namespace mekong::app {
namespace {

using nlohmann::json;

struct DateArgs {
  std::string text;
  std::string published;
  bool ahead = false;
};

struct NumberArgs {
  std::string text;
};

// Whole values print as integers ('1600000000', not '1.6e9').
json number_json(double v) {
  if (std::fabs(v) < 9.0e15 && v == std::floor(v)) return json(static_cast<int64_t>(v));
  return json(v);
}

void print(const json& j) { std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n"; }

void unresolved(Context& ctx, const std::string& why) {
  print(json{{"unresolved", why}});
  ctx.exit_code = kSomeFailed;
}

void setup(CLI::App& root, Context& ctx) {
  CLI::App* cmd = nullptr;
  try {
    cmd = root.get_subcommand("resolve");
  } catch (const CLI::OptionNotFound&) {
    cmd = root.add_subcommand("resolve", "Show how one phrase is read (a date, a number...), as JSON.");
  }
  cmd->require_subcommand(1);
  cmd->footer("Exit status 1 with {\"unresolved\": REASON} when the phrase cannot be read.");

  auto d = std::make_shared<DateArgs>();
  CLI::App* date = cmd->add_subcommand("date", "Resolve a Vietnamese date phrase against the publication date.");
  date->add_option("text", d->text, "The phrase ('sáng 10-9', 'từ ngày 6-7/1/2024', 'quý I/2024'...).")->required();
  date->add_option("--published", d->published,
                   "The page's publication date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM. Phrases without "
                   "a year ('ngày 29/6', 'năm ngoái') need it.");
  date->add_flag("--ahead", d->ahead, "The sentence says the date lies ahead ('sẽ'): a day without a year is the "
                                      "nearest one on or after the publication date.");
  date->footer(
      "Prints {\"start\", \"end\", \"precision\"} (ISO dates cut to day | month | year), whether it is a\n"
      "period, whether it runs to the publication date (open_end), and the phrase read.");
  date->callback([d, &ctx] {
    resolve::use_lexicon(default_lexicon_dir());
    resolve::RefDate ref;
    if (!d->published.empty()) {
      auto r = resolve::ref_from_iso(d->published);
      if (!r) throw CLI::ValidationError("--published", "not an ISO date: " + d->published);
      ref = *r;
    }
    std::string why;
    auto m = resolve::explain_date(d->text, ref, d->ahead, &why);
    if (!m) return unresolved(ctx, why);
    json j{{"start", m->range.start},
           {"end", m->range.end.empty() ? json(nullptr) : json(m->range.end)},
           {"precision", m->range.precision},
           {"period", m->is_period},
           {"open_end", m->open_end},
           {"phrase", d->text.substr(m->begin, m->end - m->begin)}};
    print(j);
  });

  auto n = std::make_shared<NumberArgs>();
  CLI::App* number = cmd->add_subcommand("number", "Resolve a Vietnamese number or quantity.");
  number->add_option("text", n->text, "The phrase ('1,6 tỷ USD', 'hơn 800 triệu USD', 'hàng nghìn', 'lần thứ 46'...).")
      ->required();
  number->footer(
      "Prints {\"value\", \"unit\", \"approx\"} (value in base units; unit USD VND LAK ... percent count km\n"
      "... or \"\" when nothing follows; approx exact | about | over | under), the counted noun and the phrase\n"
      "read. An ordinal alone ('lần thứ 46') prints with unit \"ordinal\".");
  number->callback([n, &ctx] {
    resolve::use_lexicon(default_lexicon_dir());
    auto q = resolve::resolve_number(n->text);
    if (!q) return unresolved(ctx, "no number");
    json j{{"value", number_json(q->value)},
           {"unit", q->unit},
           {"approx", q->approx},
           {"noun", q->noun.empty() ? json(nullptr) : json(q->noun)},
           {"phrase", n->text.substr(q->begin, q->end - q->begin)}};
    if (q->value_max > 0) j["value_max"] = number_json(q->value_max);
    print(j);
  });
}

const bool registered = register_command(40, setup);

}  // namespace
}  // namespace mekong::app
