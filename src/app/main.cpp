#include <algorithm>
#include <iostream>

#include "app/command.h"
#include "content/content.h"

namespace mekong::app {

void add_assume_published(CLI::App* cmd, std::string& value) {
  cmd->add_option("--assume-published", value,
                  "For pages that state no date of their own: read their relative dates ('hôm qua', 'ngày 29/6') "
                  "against DATE (2017, 2017-06, 2017-06-21 or 2017-06-21T09:30). `published` stays null; the "
                  "record's `reference` says {value: DATE, source: \"assumed\"}. A date in the page's URL is "
                  "preferred to it, and it to the WARC-Date of a record.")
      ->type_name("DATE")
      ->check([](const std::string& v) {
        return content::parse_iso(v) ? std::string() : "not a date as 2017, 2017-06, 2017-06-21 or 2017-06-21T09:30: " + v;
      });
}

std::vector<std::pair<int, Setup>>& commands() {
  static std::vector<std::pair<int, Setup>> list;
  return list;
}

bool register_command(int order, Setup setup) {
  commands().emplace_back(order, std::move(setup));
  return true;
}

}  // namespace mekong::app

int main(int argc, char** argv) {
  using namespace mekong::app;
  CLI::App root{
      "mekong: raw Vietnamese news pages -> a source-linked knowledge base of relations between countries.\n"
      "Exit status: 0 all documents processed; 1 some documents were skipped (each named on stderr);\n"
      "2 bad arguments or nothing could be done."};
  root.require_subcommand(1);
  root.set_version_flag("--version", "mekong 0.1.0");
  Context ctx;
  auto& list = commands();
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, setup] : list) setup(root, ctx);
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = root.exit(e);
    return rc == 0 ? 0 : kUsage;
  } catch (const std::exception& e) {
    std::cerr << "mekong: " << e.what() << "\n";
    return kUsage;
  }
  return ctx.exit_code;
}
