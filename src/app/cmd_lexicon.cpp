// mekong lexicon check|match|unknown : validate the lexicon files; show what
// the matcher finds in a text; list the persons of a base the lexicon lacks
// (for analysts editing lexicon/).
#include <chrono>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "recognize/lexicon.h"
#include "recognize/matcher.h"
#include "store/output.h"
#include "store/store.h"

namespace mekong::app {
namespace {

using recognize::Kind;

struct LexiconArgs {
  std::string dir;
  std::string text;
  bool all = false;
  bool warnings = false;
  std::string db = "mekong.db";
  std::string format = "table";
  size_t limit = 50;
};

std::string dir_or_default(const std::string& dir) { return dir.empty() ? default_lexicon_dir() : dir; }

// What a mention names, in words.
std::string describe(const recognize::Lexicon& lex, const recognize::Mention& m) {
  switch (m.kind) {
    case Kind::Country: return lex.countries()[m.entry].code + ((m.flags & recognize::kPair) ? " (pair)" : "");
    case Kind::Person: return lex.persons()[m.entry].name + " (" + lex.persons()[m.entry].country + ")";
    case Kind::Title: {
      const auto& t = lex.titles()[m.entry];
      return t.role + (t.country.empty() ? "" : " (" + t.country + ")");
    }
    case Kind::Place: return lex.places()[m.entry].name + " (" + lex.places()[m.entry].country + ")";
    case Kind::Mechanism: return lex.mechanisms()[m.entry].name;
    case Kind::Action: return lex.actions()[m.entry].cameo + " " + lex.actions()[m.entry].construction;
    case Kind::Cue: return lex.cues()[m.entry].label;
    case Kind::Indicator: return lex.indicators()[m.entry].indicator;
    case Kind::AgreementKind: return lex.agreement_kinds()[m.entry].kind;
    case Kind::ProjectKind: return lex.project_kinds()[m.entry].kind;
    case Kind::ProjectStatus: return lex.project_statuses()[m.entry].status;
  }
  return "?";
}

void setup(CLI::App& root, Context& ctx) {
  CLI::App* cmd = root.add_subcommand("lexicon", "Check the lexicon files, or show what they match in a text.");
  cmd->require_subcommand(1);
  auto args = std::make_shared<LexiconArgs>();

  CLI::App* check = cmd->add_subcommand("check", "Validate every lexicon file; one line per problem.");
  check->add_option("--lexicon", args->dir, "Lexicon folder (default: $MEKONG_LEXICON or the project's lexicon/).");
  check->add_flag("--warnings", args->warnings, "Also print warnings (repeated lines, persons without terms...).");
  check->footer(
      "Checks: columns, duplicate phrases across entries of one kind, overlapping terms of a\n"
      "single-holder office, bad or reversed dates, unknown country codes, offices and persons.\n"
      "Exit status 1 when there is any error (warnings do not count).");
  check->callback([args, &ctx] {
    const std::string dir = dir_or_default(args->dir);
    const auto t0 = std::chrono::steady_clock::now();
    std::string error;
    auto lex = recognize::Lexicon::load(dir, &error);
    if (!lex) {
      std::cerr << "mekong: " << error << "\n";
      ctx.exit_code = kSomeFailed;
      return;
    }
    const auto t1 = std::chrono::steady_clock::now();
    size_t warnings = 0;
    for (const auto& p : lex->problems()) {
      if (!p.error) {
        ++warnings;
        if (!args->warnings) continue;
      }
      std::cout << fmt::format("{}/{}{}: {}: {}\n", dir, p.file, p.line ? ":" + std::to_string(p.line) : "",
                               p.error ? "error" : "warning", p.message);
    }
    std::string compile_error;
    size_t db_bytes = 0;
    auto t2 = t1;
    try {
      recognize::Matcher matcher(lex);
      db_bytes = matcher.database_bytes();
      t2 = std::chrono::steady_clock::now();
    } catch (const std::exception& e) {
      compile_error = e.what();
      std::cout << fmt::format("{}: error: {}\n", dir, compile_error);
    }
    const size_t errors = lex->error_count() + (compile_error.empty() ? 0 : 1);
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    std::cerr << fmt::format(
        "{}: {} countries, {} persons ({} terms), {} titles, {} places, {} mechanisms, {} actions, {} cues, "
        "{} indicator, {} agreement and {} project phrases; {} patterns, database {} KiB; {} words, {} family "
        "names; loaded in {:.0f} ms, compiled in {:.0f} ms; {} errors, {} warnings\n",
        dir, lex->countries().size(), lex->persons().size(), lex->terms().size(), lex->titles().size(),
        lex->places().size(), lex->mechanisms().size(), lex->actions().size(), lex->cues().size(),
        lex->indicators().size(), lex->agreement_kinds().size(), lex->project_kinds().size(), lex->patterns().size(),
        db_bytes / 1024, lex->words().size(), lex->surnames().size(), ms(t0, t1), ms(t1, t2), errors, warnings);
    if (errors > 0) ctx.exit_code = kSomeFailed;
  });

  CLI::App* match = cmd->add_subcommand("match", "Print what the lexicons find in TEXT, one mention per line.");
  match->add_option("text", args->text, "The text to match.")->required();
  match->add_option("--lexicon", args->dir, "Lexicon folder (default: $MEKONG_LEXICON or the project's lexicon/).");
  match->add_flag("--all", args->all, "Every match, overlapping ones included (not only leftmost-longest).");
  match->footer("Each line: begin end kind text -> what it names. Offsets are bytes into TEXT.");
  match->callback([args, &ctx] {
    std::string error;
    auto lex = recognize::Lexicon::load(dir_or_default(args->dir), &error);
    if (!lex) throw std::runtime_error(error);
    recognize::Matcher matcher(lex);
    std::vector<recognize::Mention> mentions;
    if (args->all) matcher.match_all(args->text, mentions);
    else matcher.match(args->text, mentions);
    for (const auto& m : mentions)
      std::cout << fmt::format("{:>4} {:>4} {:<14} {} -> {}\n", m.begin, m.end, recognize::kind_name(m.kind),
                               args->text.substr(m.begin, m.end - m.begin), describe(*lex, m));
    if (mentions.empty()) ctx.exit_code = kSomeFailed;
  });

  CLI::App* unknown = cmd->add_subcommand(
      "unknown", "List the persons of a base the lexicon lacks, most mentioned first, to add to persons.tsv.");
  unknown->add_option("--db", args->db, "Database file.")->capture_default_str();
  unknown->add_option("--limit", args->limit, "At most this many persons.")->capture_default_str();
  unknown->add_option("--format", args->format, "table, json, jsonl or csv.")->capture_default_str();
  unknown->add_option("--lexicon", args->dir, "Lexicon folder (default: $MEKONG_LEXICON or the project's lexicon/).");
  unknown->footer(
      "A person is unknown when no name or alias of persons.tsv is the name events were stored with\n"
      "(persons added since the base was made are left out). Each: mentions, documents, countries and\n"
      "roles with their counts, and the sentence of the first mention.");
  unknown->callback([args] {
    const auto format = store::parse_format(args->format);
    if (args->limit == 0) throw CLI::ValidationError("--limit", "must be at least 1");
    std::string error;
    auto lex = recognize::Lexicon::load(dir_or_default(args->dir), &error);
    if (!lex) throw std::runtime_error(error);
    auto db = store::Store::open(args->db, true);
    store::ordered_json items = store::ordered_json::array();
    size_t more = 0;
    for (auto& p : db->persons()) {
      if (lex->person(p["person"].get<std::string>())) continue;
      if (items.size() < args->limit) items.push_back(std::move(p));
      else ++more;
    }
    using store::field;
    const std::vector<store::Column> cols = {
        {"mentions", [](const auto& x) { return field(x, "mentions"); }, true},
        {"docs", [](const auto& x) { return field(x, "documents"); }, true},
        {"person", [](const auto& x) { return field(x, "person"); }, false, 32},
        {"countries", [](const auto& x) { return field(x, "countries"); }, false, 16},
        {"roles", [](const auto& x) { return field(x, "roles"); }, false, 40},
        {"doc_id", [](const auto& x) { return field(x, "doc_id"); }, false, 24},
        {"line", [](const auto& x) { return field(x, "line"); }, true},
        {"sample", [](const auto& x) { return field(x, "sample"); }, false, 100},
    };
    store::write_items(std::cout, items, cols, format);
    if (more) std::cerr << fmt::format("mekong: {} more unknown persons; raise --limit to see them\n", more);
  });
}

const bool registered = register_command(60, setup);

}  // namespace
}  // namespace mekong::app
