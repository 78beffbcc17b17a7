// Each subcommand lives in its own cmd_*.cpp and registers itself here, so
// stages add commands without touching main.cpp.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace mekong::app {

// Exit statuses, documented in `mekong --help` and the README.
enum Exit : int {
  kOk = 0,
  kSomeFailed = 1,  // the batch ran, but some documents were skipped (see stderr)
  kUsage = 2,       // bad arguments, or nothing could be done
};

struct Context {
  int exit_code = kOk;
};

using Setup = std::function<void(CLI::App& root, Context& ctx)>;

// --assume-published DATE for the commands that extract pages: pages that
// state no date of their own read their relative dates against DATE (an
// ISO date: 2017, 2017-06, 2017-06-21, 2017-06-21T09:30). Sets `value`.
void add_assume_published(CLI::App* cmd, std::string& value);

// `order` sorts the commands in --help.
bool register_command(int order, Setup setup);
std::vector<std::pair<int, Setup>>& commands();

}  // namespace mekong::app
