#include "serve/serve.h"

#include <httplib.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <condition_variable>
#include <mutex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "store/store.h"

namespace mekong::serve {

namespace {

using ordered_json = nlohmann::ordered_json;

class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class NotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

constexpr size_t kMaxValue = 500;  // bytes of one parameter value

// The HTTP server's limits (README, 'Limits'): how long a connection may
// take to send a request or read an answer, how long an idle keep-alive
// connection is kept, and how many connections are served at once (each
// holds a worker thread; slow ones cannot take them all).
constexpr time_t kReadTimeoutSeconds = 5;
constexpr time_t kWriteTimeoutSeconds = 5;
constexpr time_t kKeepAliveSeconds = 2;
constexpr size_t kKeepAliveRequests = 10;
constexpr size_t kWorkers = 256;
constexpr size_t kConnections = 4;  // read-only SQLite connections: queries run side by side

// Why a parameter value cannot be used ('' when it can): control
// characters (NUL...) and bytes that are not UTF-8.
std::string bad_value(const std::string& v) {
  const auto* s = reinterpret_cast<const uint8_t*>(v.data());
  const auto n = static_cast<int32_t>(v.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return "is not UTF-8";
    if (c < 0x20 || c == 0x7F) return "holds a control character";
  }
  return {};
}

// Query parameters of one route: unknown names, repeated names and
// oversized values are refused, so a typo never silently widens a query.
class Params {
 public:
  Params(const std::vector<std::pair<std::string, std::string>>& raw, std::initializer_list<const char*> allowed) {
    std::set<std::string> ok(allowed.begin(), allowed.end());
    for (const auto& [k, v] : raw) {
      if (!ok.count(k)) {
        std::string list;
        for (const auto& a : ok) list += (list.empty() ? "" : ", ") + a;
        throw BadRequest(fmt::format("unknown parameter '{}' (this endpoint takes: {})", k.substr(0, 40),
                                     list.empty() ? "none" : list));
      }
      if (values_.count(k)) throw BadRequest(fmt::format("parameter '{}' is given twice", k));
      if (v.size() > kMaxValue) throw BadRequest(fmt::format("parameter '{}' is longer than {} bytes", k, kMaxValue));
      if (const std::string why = bad_value(v); !why.empty())
        throw BadRequest(fmt::format("parameter '{}' {}", k, why));
      values_[k] = v;
    }
  }

  std::string get(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::string() : it->second;
  }

  size_t number(const std::string& name, size_t fallback, size_t lo, size_t hi) const {
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    const std::string& v = it->second;
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
      throw BadRequest(fmt::format("{} must be a whole number from {} to {}, got '{}'", name, lo, hi, v.substr(0, 40)));
    const size_t n = std::stoul(v);
    if (n < lo || n > hi) throw BadRequest(fmt::format("{} must be from {} to {}, got {}", name, lo, hi, n));
    return n;
  }

 private:
  std::map<std::string, std::string> values_;
};

int64_t parse_id(const std::string& s) {
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos)
    throw BadRequest("the id must be a positive whole number");
  return std::stoll(s);
}

Response json_response(int status, const ordered_json& j) {
  return {status, "application/json; charset=utf-8", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

Response error_response(int status, const std::string& message) {
  return json_response(status, {{"error", message}, {"status", status}});
}

ordered_json page(ordered_json items, size_t limit, size_t offset, bool truncated) {
  ordered_json j;
  j["count"] = items.size();
  j["limit"] = limit;
  j["offset"] = offset;
  j["truncated"] = truncated;
  j["items"] = std::move(items);
  return j;
}

void set_common_headers(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                 "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
}

}  // namespace

std::string content_type(const std::string& path) {
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml; charset=utf-8";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

// Country names for the page (lexicon/countries.tsv: code, alpha2, name, name_en, ...).
std::map<std::string, std::string> country_names(const std::string& lexicon_dir) {
  std::map<std::string, std::string> out;
  std::ifstream in(lexicon_dir + "/countries.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() >= 3 && f[0].size() == 3) out[f[0]] = f[2];
  }
  return out;
}

// Read-only connections to the base, one query at a time on each, handed
// out first come, first served: a request waits its turn behind those that
// came before it, never behind a luckier late one (with one lock and no
// order, the slowest of 100 clients waited 4 times the median).
class ConnectionPool {
 public:
  void add(std::unique_ptr<store::Store> db) {
    free_.push_back(db.get());
    all_.push_back(std::move(db));
  }
  class Lease {
   public:
    Lease(ConnectionPool& pool, const store::Store* db) : pool_(pool), db_(db) {}
    ~Lease() { pool_.release(db_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    const store::Store& operator*() const { return *db_; }

   private:
    ConnectionPool& pool_;
    const store::Store* db_;
  };
  Lease acquire() {
    std::unique_lock lock(mutex_);
    const uint64_t ticket = next_ticket_++;
    turn_.wait(lock, [&] { return serving_ == ticket && !free_.empty(); });
    ++serving_;
    const store::Store* db = free_.back();
    free_.pop_back();
    lock.unlock();
    turn_.notify_all();  // the next ticket may find another free connection
    return Lease(*this, db);
  }

 private:
  void release(const store::Store* db) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(db);
    }
    turn_.notify_all();
  }
  std::vector<std::unique_ptr<store::Store>> all_;
  std::vector<const store::Store*> free_;
  std::mutex mutex_;
  std::condition_variable turn_;
  uint64_t next_ticket_ = 0, serving_ = 0;
};

struct Server::Impl {
  Options options;
  std::map<std::string, std::string> names;
  ConnectionPool pool;
  httplib::Server http;
};

Server::Server(Options options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  const std::string lexicon = impl_->options.lexicon_dir.empty() ? "lexicon" : impl_->options.lexicon_dir;
  auto cameo = merge::CameoTable::load(lexicon);
  impl_->names = country_names(lexicon);
  for (size_t i = 0; i < kConnections; ++i) impl_->pool.add(store::Store::open(impl_->options.db, true, cameo));
}

Server::~Server() { stop(); }

Response Server::api(const Request& r) const {
  const std::string& path = r.path;
  auto under = [&](const char* prefix, std::string& rest) {
    const std::string p(prefix);
    if (path.size() <= p.size() || path.compare(0, p.size(), p) != 0) return false;
    rest = path.substr(p.size());
    return true;
  };
  try {
    const auto lease = impl_->pool.acquire();
    const store::Store& db = *lease;
    std::string rest;
    bool truncated = false;
    if (path == "/api/dyads") {
      Params p(r.params, {});
      ordered_json items = db.dyads();
      for (auto& d : items) {
        ordered_json names = ordered_json::array();
        for (const auto& c : d["countries"]) {
          auto it = impl_->names.find(c.get<std::string>());
          names.push_back(it == impl_->names.end() ? c : ordered_json(it->second));
        }
        d["names"] = std::move(names);
      }
      return json_response(200, page(std::move(items), store::Limits::kMax, 0, false));
    }
    if (path == "/api/stats") {
      Params p(r.params, {});
      const auto c = db.counts();
      return json_response(200, {{"documents", c.documents}, {"lines", c.lines}, {"events", c.events},
                                 {"event_mentions", c.event_mentions}, {"figures", c.figures},
                                 {"agreements", c.agreements}, {"projects", c.projects}});
    }
    if (path == "/api/events") {
      Params p(r.params, {"dyad", "from", "to", "cameo", "person", "status", "limit", "offset"});
      store::EventFilter f;
      f.dyad = p.get("dyad");
      f.from = p.get("from");
      f.to = p.get("to");
      f.cameo = p.get("cameo");
      f.person = p.get("person");
      f.status = p.get("status");
      f.limit = p.number("limit", store::Limits::kDefault, 1, store::Limits::kMax);
      f.offset = p.number("offset", 0, 0, 100000000);
      auto items = db.events(f, &truncated);
      return json_response(200, page(std::move(items), f.limit, f.offset, truncated));
    }
    if (under("/api/events/", rest)) {
      Params p(r.params, {});
      auto e = db.event(parse_id(rest));
      if (!e) throw NotFound("no event " + rest);
      return json_response(200, *e);
    }
    if (path == "/api/figures") {
      Params p(r.params, {"indicator", "dyad", "unit", "measure", "from", "to", "limit", "offset"});
      store::FigureFilter f;
      f.indicator = p.get("indicator");
      f.dyad = p.get("dyad");
      f.unit = p.get("unit");
      f.measure = p.get("measure");
      f.from = p.get("from");
      f.to = p.get("to");
      f.limit = p.number("limit", store::Limits::kDefault, 1, store::Limits::kMax);
      f.offset = p.number("offset", 0, 0, 100000000);
      auto items = db.figures(f, &truncated);
      return json_response(200, page(std::move(items), f.limit, f.offset, truncated));
    }
    if (path == "/api/indicators") {
      Params p(r.params, {"dyad"});
      return json_response(200, page(db.indicators(p.get("dyad")), store::Limits::kMax, 0, false));
    }
    if (path == "/api/agreements" || path == "/api/projects") {
      const bool agreements = path == "/api/agreements";
      Params p(r.params, agreements ? std::initializer_list<const char*>{"dyad", "kind", "limit", "offset"}
                                    : std::initializer_list<const char*>{"dyad", "status", "limit", "offset"});
      store::ItemFilter f;
      f.dyad = p.get("dyad");
      f.kind = p.get("kind");
      f.status = p.get("status");
      f.limit = p.number("limit", store::Limits::kDefault, 1, store::Limits::kMax);
      f.offset = p.number("offset", 0, 0, 100000000);
      auto items = agreements ? db.agreements(f, &truncated) : db.projects(f, &truncated);
      return json_response(200, page(std::move(items), f.limit, f.offset, truncated));
    }
    if (path == "/api/search") {
      Params p(r.params, {"q", "limit"});
      const std::string q = p.get("q");
      if (q.empty()) throw BadRequest("parameter 'q' (the words to find) is required");
      const size_t limit = p.number("limit", 50, 1, store::Limits::kMax);
      auto items = db.search(q, limit, &truncated);
      return json_response(200, page(std::move(items), limit, 0, truncated));
    }
    if (under("/api/documents/", rest)) {
      Params p(r.params, {"offset", "limit"});
      store::DocumentPage pg;
      pg.offset = p.number("offset", 0, 0, 100000000);
      pg.limit = p.number("limit", store::DocumentPage::kMaxLines, 1, store::DocumentPage::kMaxLines);
      auto d = db.document(parse_id(rest), pg);
      if (!d) throw NotFound("no document " + rest);
      return json_response(200, *d);
    }
    throw NotFound("no such endpoint: " + path.substr(0, 100) +
                   " (endpoints: /api/dyads, /api/events, /api/events/ID, /api/figures, /api/indicators, "
                   "/api/agreements, /api/projects, /api/search, /api/documents/ID, /api/stats)");
  } catch (const BadRequest& e) {
    return error_response(400, e.what());
  } catch (const store::QueryError& e) {
    return error_response(400, e.what());
  } catch (const NotFound& e) {
    return error_response(404, e.what());
  } catch (const std::exception& e) {
    return error_response(500, std::string("internal error: ") + e.what());
  }
}

int Server::bind() {
  auto& http = impl_->http;
  http.set_payload_max_length(16 * 1024);
  http.set_read_timeout(kReadTimeoutSeconds, 0);
  http.set_write_timeout(kWriteTimeoutSeconds, 0);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  http.set_keep_alive_max_count(kKeepAliveRequests);
  http.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  // The headers and the body are written apart: without TCP_NODELAY the
  // body of every answer after the first on a keep-alive connection waited
  // for the client's delayed ACK (40 ms each).
  http.set_tcp_nodelay(true);
  // Several byte ranges of one answer, overlapping or not, would multiply
  // it (a 3 KB answer asked 20,000 times over): one range at most.
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    const std::string range = req.get_header_value("Range");
    if (range.find(',') == std::string::npos) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 416;
    set_common_headers(res);
    return httplib::Server::HandlerResponse::Handled;
  });

  http.Get("/api/.*", [this](const httplib::Request& req, httplib::Response& res) {
    Request r;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.params.emplace_back(k, v);
    const Response out = api(r);
    res.status = out.status;
    set_common_headers(res);
    res.set_header("Cache-Control", "no-store");
    res.set_content(out.body, out.content_type.c_str());
  });
  http.Get("/.*", [this](const httplib::Request& req, httplib::Response& res) {
    set_common_headers(res);
    std::string path = req.path == "/" ? "/index.html" : req.path;
    // Only plain file names: no folders, no '..'.
    const bool plain = path.size() > 1 && path.size() < 100 &&
                       path.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", 1) ==
                           std::string::npos &&
                       path.find("..") == std::string::npos;
    if (plain && !impl_->options.web_dir.empty()) {
      std::ifstream in(impl_->options.web_dir + path, std::ios::binary);
      if (in) {
        std::ostringstream body;
        body << in.rdbuf();
        res.set_content(body.str(), content_type(path).c_str());
        res.set_header("Cache-Control", "no-cache");
        return;
      }
    } else if (plain) {
      for (const Asset& a : embedded_assets()) {
        if (path == a.path) {
          res.set_content(reinterpret_cast<const char*>(a.data), a.size, content_type(path).c_str());
          res.set_header("Cache-Control", "no-cache");
          return;
        }
      }
    }
    res.status = 404;
    res.set_content("not found\n", "text/plain; charset=utf-8");
  });
  auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    const Response out = error_response(405, "only GET is served: the knowledge base is read-only here");
    res.status = 405;
    set_common_headers(res);
    res.set_header("Allow", "GET, HEAD");
    res.set_content(out.body, out.content_type.c_str());
  };
  http.Post(".*", not_allowed);
  http.Put(".*", not_allowed);
  http.Delete(".*", not_allowed);
  http.Patch(".*", not_allowed);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    const Response out = error_response(500, "internal error");
    res.status = 500;
    res.set_content(out.body, out.content_type.c_str());
  });

  const Options& o = impl_->options;
  if (o.port == 0) {
    const int port = http.bind_to_any_port(o.host);
    if (port <= 0) throw std::runtime_error("cannot listen on " + o.host);
    return port;
  }
  if (!http.bind_to_port(o.host, o.port))
    throw std::runtime_error(fmt::format("cannot listen on {}:{} (in use? try --port)", o.host, o.port));
  return o.port;
}

void Server::listen() { impl_->http.listen_after_bind(); }

void Server::stop() {
  if (impl_ && impl_->http.is_running()) impl_->http.stop();
}

}  // namespace mekong::serve
