// Thin RAII wrappers over the SQLite C API: a connection and a prepared
// statement with bound parameters (all SQL text is constant; every value
// goes through a bind).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "store/error.h"

namespace mekong::store {

class Stmt;

class Db {
 public:
  Db() = default;
  Db(const std::string& path, int flags);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  // Moved only before use: cached statements belong to the connection they were made on.
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept {
    std::swap(db_, o.db_);
    return *this;
  }

  sqlite3* get() const { return db_; }
  // Runs statements without results (schema, pragmas, BEGIN/COMMIT).
  void exec(const char* sql);
  int64_t last_id() const { return sqlite3_last_insert_rowid(db_); }
  [[noreturn]] void fail(const std::string& what) const;
  // A prepared statement kept for the connection's life, reset and with no
  // bindings: for statements run once per document, parsed once per run.
  Stmt& cached(std::string_view sql) const;

 private:
  sqlite3* db_ = nullptr;
  mutable std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
};

class Stmt {
 public:
  Stmt(const Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Parameters are 1-based, as in SQLite.
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::optional<std::string>& v);
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, uint32_t v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, size_t v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind_null(int i);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }

  // True while a row is available.
  bool step();
  // Runs a statement without result rows.
  void run();
  void reset();

  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  int64_t i64(int col) const { return sqlite3_column_int64(s_, col); }
  double f64(int col) const { return sqlite3_column_double(s_, col); }
  std::string str(int col) const;
  std::optional<std::string> opt(int col) const;

 private:
  const Db& db_;
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace mekong::store
