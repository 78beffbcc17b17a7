// mekong explain FILE --line N : what the engine recognized on one line and
// which item each rule made of it, so an analyst sees why something was or
// was not extracted and which lexicon entry to add.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/command.h"
#include "core/record_json.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"

namespace mekong::app {
namespace {

struct ExplainArgs {
  std::string path;
  std::vector<uint32_t> lines;
  std::string lexicon;
};

const char* type_name(extract::AnnType t) {
  using extract::AnnType;
  switch (t) {
    case AnnType::Country: return "country";
    case AnnType::Person: return "person";
    case AnnType::Office: return "office";
    case AnnType::Place: return "place";
    case AnnType::Mechanism: return "mechanism";
    case AnnType::Action: return "action";
    case AnnType::Cue: return "cue";
    case AnnType::Indicator: return "indicator";
    case AnnType::AgreementKind: return "agreement-kind";
    case AnnType::ProjectKind: return "project-kind";
    case AnnType::Date: return "date";
    case AnnType::Quantity: return "number";
  }
  return "?";
}

std::string describe(const extract::Ann& a) {
  using extract::AnnType;
  switch (a.type) {
    case AnnType::Country: return a.code;
    case AnnType::Person: return fmt::format("{} ({}{}{})", a.name, a.country, a.role.empty() ? "" : ", ", a.role);
    case AnnType::Office: return fmt::format("{}{}{}", a.role, a.country.empty() ? "" : " of ", a.country);
    case AnnType::Place: return fmt::format("{} ({})", a.name, a.country);
    case AnnType::Mechanism: return fmt::format("{}{}", a.name, a.label == "meeting" ? " [meets]" : "");
    case AnnType::Action: return fmt::format("CAMEO {} ({})", a.code, a.label);
    case AnnType::Cue: return a.session ? fmt::format("{} {}", a.label, *a.session) : a.label;
    case AnnType::Indicator: return a.code;
    case AnnType::AgreementKind: return a.code + (a.strong ? " (strong)" : "");
    case AnnType::ProjectKind: return a.label + (a.strong ? " (strong)" : "");
    case AnnType::Date:
      return fmt::format("{}..{} ({}{})", a.range.start, a.range.end, a.range.precision, a.period ? ", period" : "");
    case AnnType::Quantity: return fmt::format("{} {} ({}{}{})", a.value, a.unit, a.approx, a.noun.empty() ? "" : ", ", a.noun);
  }
  return {};
}

void setup(CLI::App& root, Context& ctx) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = root.add_subcommand("explain", "Show what was recognized on a line and what each rule made of it.");
  cmd->add_option("file", args->path, "A page (text or HTML).")->required();
  cmd->add_option("--line", args->lines, "Line number(s) as in records and `mekong text`; default: every article line.");
  cmd->add_option("--lexicon", args->lexicon, "Lexicon folder.");
  cmd->callback([args, &ctx] {
    PipelineOptions opts;
    opts.lexicon_dir = args->lexicon;
    Pipeline pipeline(opts);
    ingest::Source source({args->path});
    run_batch(
        pipeline, source, 1,
        [&](Document& doc) {
          extract::DocContext dc;
          const auto sentences = pipeline.extractor()->annotate(doc, dc);
          std::cout << fmt::format("{}: published {}, pair {}-{}, occasion {}\n", doc.id,
                                   doc.published ? doc.published->value : "-", dc.dyad_a.empty() ? "?" : dc.dyad_a,
                                   dc.dyad_b.empty() ? "?" : dc.dyad_b,
                                   dc.occasion ? dc.occasion->start + ".." + dc.occasion->end : "-");
          std::vector<uint32_t> wanted = args->lines;
          if (wanted.empty())
            for (uint32_t i = 0; i < doc.is_content.size(); ++i)
              if (doc.is_content[i]) wanted.push_back(i + 1);
          for (uint32_t n : wanted) {
            if (n == 0 || n > doc.lines.size()) {
              std::cerr << "mekong: line " << n << " is past the end (" << doc.lines.size() << " lines)\n";
              ctx.exit_code = kUsage;
              continue;
            }
            const char* status = doc.is_content[n - 1] ? "article" : doc.is_teaser[n - 1] ? "teaser of another article"
                                                                                           : "not article (not read)";
            std::cout << fmt::format("\nline {} [{}]\n  {}\n", n, status, doc.line(n - 1));
            for (const auto& s : sentences) {
              if (s.line != n) continue;
              std::cout << fmt::format("  sentence at {}:\n", s.offset);
              for (const auto& a : s.anns)
                std::cout << fmt::format("    {:<15} {:>4}-{:<4} '{}' -> {}\n", type_name(a.type), s.offset + a.b,
                                         s.offset + a.e, s.text.substr(a.b, a.e - a.b), describe(a));
            }
            auto show = [&](const char* what, const auto& items) {
              for (const auto& it : items)
                if (it.line == n) std::cout << fmt::format("  => {} {}\n", what, to_json(it).dump());
            };
            show("event", doc.record.events);
            show("figure", doc.record.figures);
            show("agreement", doc.record.agreements);
            show("project", doc.record.projects);
          }
        },
        [&](const std::string& origin, const std::string& message) {
          std::cerr << "mekong: " << origin << ": " << message << "\n";
          ctx.exit_code = kSomeFailed;
        });
  });
}

const bool registered = register_command(30, setup);

}  // namespace
}  // namespace mekong::app
