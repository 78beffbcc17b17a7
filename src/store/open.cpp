// Opening a base (read-only or read-write), the schema, transactions.
#include <cctype>
#include <chrono>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "store/impl.h"

namespace mekong::store {

using detail::now_utc;
using detail::pragma_int;

namespace {

constexpr int kSchemaVersion = 1;
constexpr int kApplicationId = 0x4D4B4E47;  // 'MKNG': tells our files from other SQLite files

// The schema; docs/schema.md explains every table.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  url TEXT,
  site TEXT,
  title TEXT,
  title_line INTEGER,
  published TEXT,
  published_precision TEXT,
  dyad TEXT,
  line_count INTEGER NOT NULL,
  replaced_bytes INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS copies(
  doc INTEGER NOT NULL REFERENCES documents(id),
  origin TEXT NOT NULL,
  url TEXT,
  seen_at TEXT NOT NULL,
  PRIMARY KEY(doc, origin)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lines(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER NOT NULL,
  kind TEXT NOT NULL,
  indexed INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE(doc, n));
CREATE VIRTUAL TABLE IF NOT EXISTS lines_fts USING fts5(text, content='', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY,
  block TEXT NOT NULL,
  dyad TEXT NOT NULL,
  date_start TEXT NOT NULL, date_end TEXT NOT NULL, precision TEXT NOT NULL,
  day_first TEXT NOT NULL, day_last TEXT NOT NULL,
  cameo TEXT NOT NULL,
  actor1_country TEXT, actor1_person TEXT, actor1_role TEXT,
  actor2_country TEXT, actor2_person TEXT, actor2_role TEXT,
  mechanism TEXT, session INTEGER, location TEXT,
  status TEXT NOT NULL,
  line INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL, sites INTEGER NOT NULL,
  first_doc INTEGER NOT NULL REFERENCES documents(id), first_line INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS events_dyad ON events(dyad, day_first);
CREATE INDEX IF NOT EXISTS events_block ON events(block);
CREATE TABLE IF NOT EXISTS event_mentions(
  id INTEGER PRIMARY KEY,
  event INTEGER REFERENCES events(id),
  doc INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  block TEXT NOT NULL,
  date_start TEXT NOT NULL, date_end TEXT NOT NULL, precision TEXT NOT NULL,
  cameo TEXT NOT NULL,
  actor1_country TEXT, actor1_person TEXT, actor1_role TEXT,
  actor2_country TEXT, actor2_person TEXT, actor2_role TEXT,
  mechanism TEXT, session INTEGER, location TEXT,
  status TEXT NOT NULL,
  line INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  rule TEXT,
  person1_key TEXT, person2_key TEXT,
  UNIQUE(doc, idx));
CREATE INDEX IF NOT EXISTS event_mentions_block ON event_mentions(block);
CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event);
CREATE INDEX IF NOT EXISTS event_mentions_person1 ON event_mentions(person1_key);
CREATE INDEX IF NOT EXISTS event_mentions_person2 ON event_mentions(person2_key);
CREATE TABLE IF NOT EXISTS figures(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  dyad TEXT,
  indicator TEXT NOT NULL, unit TEXT NOT NULL, measure TEXT NOT NULL,
  period_start TEXT, period_end TEXT, day_first TEXT, day_last TEXT,
  from_country TEXT, to_country TEXT,
  value REAL NOT NULL, approx TEXT NOT NULL, conflict INTEGER NOT NULL,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS figures_dyad ON figures(dyad, indicator, day_first);
CREATE TABLE IF NOT EXISTS figure_values(
  figure INTEGER NOT NULL REFERENCES figures(id),
  grp INTEGER NOT NULL,
  value REAL NOT NULL, approx TEXT NOT NULL,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL,
  PRIMARY KEY(figure, grp)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS figure_mentions(
  id INTEGER PRIMARY KEY,
  figure INTEGER REFERENCES figures(id),
  grp INTEGER NOT NULL DEFAULT 0,
  doc INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  key TEXT NOT NULL,
  indicator TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, measure TEXT NOT NULL, approx TEXT NOT NULL,
  period_start TEXT, period_end TEXT, from_country TEXT, to_country TEXT,
  line INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, rule TEXT,
  UNIQUE(doc, idx));
CREATE INDEX IF NOT EXISTS figure_mentions_key ON figure_mentions(key);
CREATE INDEX IF NOT EXISTS figure_mentions_figure ON figure_mentions(figure);
CREATE TABLE IF NOT EXISTS agreements(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  dyad TEXT,
  name TEXT NOT NULL, kind TEXT NOT NULL, period_start TEXT, period_end TEXT,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS agreement_mentions(
  id INTEGER PRIMARY KEY,
  agreement INTEGER NOT NULL REFERENCES agreements(id),
  doc INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT NOT NULL, period_start TEXT, period_end TEXT,
  line INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  UNIQUE(doc, idx));
CREATE INDEX IF NOT EXISTS agreement_mentions_agreement ON agreement_mentions(agreement);
CREATE TABLE IF NOT EXISTS projects(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  dyad TEXT,
  name TEXT NOT NULL, location TEXT, status TEXT,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS project_mentions(
  id INTEGER PRIMARY KEY,
  project INTEGER NOT NULL REFERENCES projects(id),
  doc INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  name TEXT NOT NULL, location TEXT, status TEXT,
  line INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  UNIQUE(doc, idx));
CREATE INDEX IF NOT EXISTS project_mentions_project ON project_mentions(project);
)sql";

}  // namespace

// ---------------------------------------------------------------- open --

Store::Store(std::unique_ptr<Impl> impl, merge::CameoTable cameo) : impl_(std::move(impl)), cameo_(std::move(cameo)) {}

Store::~Store() {
  if (impl_ && impl_->in_transaction) {
    try {
      impl_->db.exec("ROLLBACK");
    } catch (...) {
    }
  }
}

namespace {

// How long a writer waits for another one's lock before giving up.
constexpr std::chrono::milliseconds kBusyTimeout{10000};

// Switching to WAL takes an exclusive lock and, unlike other statements, may
// answer 'database is locked' at once, without waiting, while another
// connection opens the same new base: retried up to the busy timeout.
void set_wal(Db& db) {
  const auto until = std::chrono::steady_clock::now() + kBusyTimeout;
  for (;;) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db.get(), "PRAGMA journal_mode = WAL", nullptr, nullptr, &err);
    const std::string message = err ? err : "unknown error";
    sqlite3_free(err);
    if (rc == SQLITE_OK) return;
    if ((rc & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() > until) throw StoreError(message);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// 'file:' URI of a path for sqlite3_open_v2, with `query` (mode=ro...).
std::string sqlite_uri(const std::string& path, const char* query) {
  std::string out = "file:";
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~') out += c;
    else out += fmt::format("%{:02X}", u);
  }
  return out + "?" + query;
}

// False when a read-only connection cannot read `db` for want of its WAL
// index (the -shm file cannot be made: a read-only folder); true otherwise,
// other errors included (they are reported by the first real read).
bool readable(const Db& db) {
  sqlite3_busy_timeout(db.get(), static_cast<int>(kBusyTimeout.count()));
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db.get(), "SELECT count(*) FROM sqlite_master", -1, &s, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(s);
  sqlite3_finalize(s);
  return (rc & 0xFF) != SQLITE_READONLY && (rc & 0xFF) != SQLITE_CANTOPEN;
}

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& path, bool read_only, merge::CameoTable cameo) {
  auto impl = std::make_unique<Impl>();
  impl->read_only = read_only;
  if (read_only && !std::filesystem::exists(path))
    throw StoreError("no database at " + path + " (create it with: mekong ingest PAGES --db " + path + ")");
  if (read_only) {
    // Read-only at SQLite's level. A base in WAL mode needs its -shm file
    // beside it: in a folder that cannot be written (where no writer can be
    // at work either) it is read as immutable instead.
    impl->db = Db(sqlite_uri(path, "mode=ro"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX);
    if (!readable(impl->db))
      impl->db = Db(sqlite_uri(path, "immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX);
  } else {
    impl->db = Db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX);
  }
  Db& db = impl->db;
  sqlite3_busy_timeout(db.get(), static_cast<int>(kBusyTimeout.count()));
  try {
    // One read transaction: the three come from the same state of the file
    // even while another writer is creating the schema.
    db.exec("BEGIN");
    const int64_t tables = pragma_int(db, "SELECT count(*) FROM sqlite_master");
    const int64_t app = pragma_int(db, "PRAGMA application_id");
    const int64_t version = pragma_int(db, "PRAGMA user_version");
    db.exec("COMMIT");
    if (app != kApplicationId && tables > 0)
      throw StoreError(path + " is an SQLite database but not a Mekong knowledge base");
    if (version > kSchemaVersion)
      throw StoreError(fmt::format("{} has schema version {}, newer than this program's {}", path, version,
                                   kSchemaVersion));
    if (read_only) {
      if (tables == 0) throw StoreError(path + " is empty (create it with: mekong ingest PAGES --db " + path + ")");
      db.exec("PRAGMA query_only = 1");
    } else {
      // WAL: readers (mekong serve) never block the writer; NORMAL sync keeps
      // every commit atomic, and a killed process loses nothing committed.
      set_wal(db);
      db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
      if (tables == 0) {
        // Two writers may find the base new at once: the schema is made
        // under the write lock, by whichever gets it first (the other waits
        // up to the busy timeout, then finds it made).
        db.exec("BEGIN IMMEDIATE");
        try {
          if (pragma_int(db, "SELECT count(*) FROM sqlite_master") == 0) {
            db.exec(kSchema);
            db.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}", kApplicationId,
                                kSchemaVersion)
                        .c_str());
            Stmt m(db, "INSERT OR IGNORE INTO meta(key, value) VALUES ('created', ?1)");
            m.bind(1, now_utc()).run();
          } else if (pragma_int(db, "PRAGMA application_id") != kApplicationId) {
            throw StoreError(path + " is an SQLite database but not a Mekong knowledge base");
          }
          db.exec("COMMIT");
        } catch (...) {
          sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
          throw;
        }
      }
    }
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception& e) {
    throw StoreError(path + ": " + e.what());
  }
  return std::unique_ptr<Store>(new Store(std::move(impl), std::move(cameo)));
}

void Store::begin() {
  impl_->db.exec("BEGIN IMMEDIATE");
  impl_->in_transaction = true;
}

void Store::commit() {
  impl_->db.exec("COMMIT");
  impl_->in_transaction = false;
}

void Store::rollback() {
  impl_->db.exec("ROLLBACK");
  impl_->in_transaction = false;
}

bool Store::in_transaction() const { return sqlite3_get_autocommit(impl_->db.get()) == 0; }

}  // namespace mekong::store
