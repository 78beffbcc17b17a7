// mekong serve : the JSON API and the web page over the knowledge base.
#include <csignal>
#include <iostream>
#include <memory>
#include <pthread.h>
#include <thread>

#include <fmt/format.h>

#include "app/command.h"
#include "pipeline/pipeline.h"
#include "serve/serve.h"

namespace mekong::app {
namespace {

void setup(CLI::App& root, Context&) {
  auto opts = std::make_shared<serve::Options>();
  CLI::App* cmd = root.add_subcommand("serve", "Serve the web page and the JSON API over the knowledge base (read-only).");
  cmd->add_option("--db", opts->db, "Database file.")->capture_default_str();
  cmd->add_option("--port", opts->port, "TCP port; 0 picks a free one (printed).")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--host", opts->host, "Address to listen on (127.0.0.1: this machine only).")->capture_default_str();
  cmd->add_option("--web", opts->web_dir, "Serve the page from this folder (e.g. web/dist) instead of the built-in copy.");
  cmd->add_option("--lexicon", opts->lexicon_dir, "Lexicon folder (for CAMEO names).");
  cmd->footer(
      "API (GET, JSON, UTF-8): /api/dyads, /api/events?dyad=VNM-LAO&from=2020&to=2024&cameo=04&person=...,\n"
      "/api/events/ID, /api/figures?indicator=trade_turnover&dyad=..., /api/indicators?dyad=...,\n"
      "/api/agreements, /api/projects?status=completed, /api/search?q=..., /api/documents/ID, /api/stats.\n"
      "Lists take limit (1-1000) and offset; a bad parameter is answered 400 with {\"error\": ...}.");
  cmd->callback([opts] {
    if (opts->lexicon_dir.empty()) opts->lexicon_dir = default_lexicon_dir();
    // SIGINT / SIGTERM go to one thread that stops the server cleanly.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    serve::Server server(*opts);
    const int port = server.bind();
    std::cout << fmt::format("mekong: serving {} at http://{}:{}/  (Ctrl-C to stop)", opts->db, opts->host, port)
              << std::endl;
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      server.stop();
    });
    server.listen();
    // Stopped by something else than a signal: wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  });
}

const bool registered = register_command(58, setup);

}  // namespace
}  // namespace mekong::app
