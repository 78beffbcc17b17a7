// serve: the knowledge base over HTTP (cpp-httplib): a JSON API under
// /api/ and the web page (web/dist, embedded in the binary at build time or
// read from a folder). Read-only: the database is opened read-only and
// every request only reads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mekong::serve {

struct Options {
  std::string db = "mekong.db";
  std::string host = "127.0.0.1";
  int port = 8080;          // 0: any free port (see Server::port)
  std::string web_dir;      // serve the page from this folder instead of the embedded copy
  std::string lexicon_dir;  // for CAMEO names (lexicon/cameo.tsv)
};

// A parsed request, as the API sees it: path and query parameters.
struct Request {
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
};

class Server {
 public:
  // Opens the database read-only. Throws store::StoreError when it cannot.
  explicit Server(Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Answers one API request (/api/...) without a socket: the same code the
  // HTTP server runs. Errors are JSON objects {"error": "...", "status": N}.
  Response api(const Request& request) const;

  // Binds the socket; returns the port (the chosen one when Options::port
  // is 0). Throws std::runtime_error when the address cannot be bound.
  int bind();
  // Serves until stop() (call bind() first).
  void listen();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The embedded copy of web/dist: path ('/index.html') -> bytes.
struct Asset {
  const char* path;
  const unsigned char* data;
  size_t size;
};
const std::vector<Asset>& embedded_assets();

// Content-Type for a file name, with charset=utf-8 for text.
std::string content_type(const std::string& path);

}  // namespace mekong::serve
