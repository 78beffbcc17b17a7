// store: the SQLite knowledge base (schema in docs/schema.md). Documents are
// keyed by a hash of their article text, so a page ingested twice (or the
// same article from two crawls) is stored once. Each added document updates
// the merged events, figures, agreements and projects it touches, inside the
// caller's transaction: a killed run leaves the last committed state.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "merge/merge.h"
#include "store/error.h"

namespace mekong::store {

using ordered_json = nlohmann::ordered_json;

// A bad query value (dyad, date, code, limit): the message says which and why.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Limits {
  static constexpr size_t kDefault = 200;
  static constexpr size_t kMax = 1000;
};

struct EventFilter {
  std::string dyad;    // 'VNM-LAO' (either order)
  std::string from;    // YYYY[-MM[-DD]]: events ending on or after
  std::string to;      // events starting on or before
  std::string cameo;   // code prefix: '04', '042'
  std::string person;  // canonical name; case and marks ignored
  std::string status;  // occurred | planned
  size_t limit = Limits::kDefault;
  size_t offset = 0;
  bool sources = true;  // attach the sources (at most 100 per event; event(id) gives all)
};

struct FigureFilter {
  std::string indicator;
  std::string dyad;
  std::string unit;
  std::string measure;
  std::string from, to;  // periods overlapping
  size_t limit = Limits::kDefault;
  size_t offset = 0;
  bool all_sources = false;  // else at most 100 sources per value
};

struct ItemFilter {
  std::string dyad;
  std::string kind;    // agreements: agreement | mou | ...
  std::string status;  // projects: completed | in_progress | planned
  size_t limit = Limits::kDefault;
  size_t offset = 0;
  bool all_sources = false;  // else at most 100 sources per item
};

// One answer about a document holds a page of its lines: at most `limit`
// lines (up to kMaxLines) and about kMaxBytes of their text (always at least
// one line), after skipping `offset` lines; its mentions of each kind and its
// copies are bounded too.
struct DocumentPage {
  static constexpr size_t kMaxLines = 2000;
  static constexpr size_t kMaxBytes = 4u << 20;
  static constexpr size_t kMaxMentions = 1000;  // of each kind: events, figures, agreements, projects
  static constexpr size_t kMaxCopies = 100;
  size_t offset = 0;
  size_t limit = kMaxLines;
};

struct Counts {
  size_t documents = 0, events = 0, event_mentions = 0, figures = 0, agreements = 0, projects = 0, lines = 0;
};

class Store {
 public:
  // Opens (read_only) or opens and creates the database at `path`. Throws
  // StoreError when it cannot, or when the file is not a Mekong database.
  static std::unique_ptr<Store> open(const std::string& path, bool read_only, merge::CameoTable cameo = {});
  ~Store();

  // Transactions around add(); commit() makes everything added durable.
  void begin();
  void commit();
  void rollback();
  // False when no transaction is open, as after SQLite rolled one back on
  // an error (a full disk, an I/O error).
  bool in_transaction() const;

  enum class Added { New, Duplicate };
  // Stores a processed document and merges its items. A document whose
  // article text is already stored only records where it was seen again.
  // The pair of countries the document is about comes from its events
  // (else its directed figures), else `dyad_hint` ('LAO-VNM'); two-way
  // figures, agreements and projects take it.
  Added add(const Document& doc, const std::string& dyad_hint = {});

  // The document's key: SHA-256 (hex) of its article lines (all lines when
  // none is marked article).
  static std::string content_hash(const Document& doc);

  Counts counts() const;
  // Problems found: SQLite's integrity check, dangling or missing rows,
  // counts that disagree, merged items that differ from a fresh merge of
  // their mentions. Empty when consistent.
  std::vector<std::string> check() const;

  // Queries; each returns a JSON array (documented in docs/schema.md#api).
  // Arrays hold at most the filter's limit; *truncated (when given) says more matched.
  ordered_json events(const EventFilter& f, bool* truncated = nullptr) const;
  std::optional<ordered_json> event(int64_t id) const;  // with every source line
  ordered_json figures(const FigureFilter& f, bool* truncated = nullptr) const;
  ordered_json agreements(const ItemFilter& f, bool* truncated = nullptr) const;
  ordered_json projects(const ItemFilter& f, bool* truncated = nullptr) const;
  ordered_json search(const std::string& text, size_t limit, bool* truncated = nullptr) const;
  // The document's meta, one page of its lines (`lines_offset`, `line_count`,
  // `lines_truncated`, `next_offset`), its mentions and copies.
  std::optional<ordered_json> document(int64_t id, const DocumentPage& page = {}) const;
  ordered_json dyads() const;
  // Every person named as an event's actor, most mentioned first: `person`,
  // `mentions`, `documents`, `countries` and `roles` ('Bộ trưởng (3), - (1)';
  // '-' = none), and the first mention's `doc_id`, `line` and `sample`
  // sentence. Persons the lexicon lacks are there as the text wrote them.
  ordered_json persons() const;
  ordered_json indicators(const std::string& dyad) const;

  // Every merged event as a GDELT 2.0 event-table row (61 tab-separated
  // columns), with a header line of column names when `header`.
  void export_gdelt(std::ostream& out, bool header) const;
  // Every merged item with its sources, one JSON object per line.
  void export_jsonl(std::ostream& out) const;

  const merge::CameoTable& cameo() const { return cameo_; }

 private:
  struct Impl;
  Store(std::unique_ptr<Impl> impl, merge::CameoTable cameo);
  Added add_document(const Document& doc, const std::string& dyad_hint);
  std::unique_ptr<Impl> impl_;
  merge::CameoTable cameo_;
};

// 'VNM-LAO' -> 'LAO-VNM'; throws QueryError on anything but two ISO alpha-3 codes.
std::string canonical_dyad(const std::string& dyad);
// The host of a URL without 'www.' ('' when none).
std::string site_of(const std::string& url);

}  // namespace mekong::store
