// Shared between store.cpp (writes, merge, checks) and query.cpp (reads).
#pragma once

#include <string>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace mekong::store {

struct Store::Impl {
  Db db;
  bool read_only = false;
  bool in_transaction = false;
};

namespace detail {

// The time now as 2024-05-20T07:55:00Z.
std::string now_utc();
// The first column of the first row of `sql` as an integer (0 without rows).
int64_t pragma_int(const Db& db, const char* sql);

// Columns of an event row or mention row, in the order the loaders read them.
inline constexpr const char* kEventCols =
    "date_start, date_end, precision, cameo, actor1_country, actor1_person, actor1_role, "
    "actor2_country, actor2_person, actor2_role, mechanism, session, location, status, line, span_begin, span_end";

// Reads kEventCols starting at column `c`.
Event read_event(const Stmt& s, int c);

// A stored mention as the merge sees it.
struct LoadedEventMention {
  int64_t id = 0;
  int64_t event = 0;  // 0 when not merged yet
  int64_t doc = 0;
  std::string site;
  merge::EventMention m;
};
std::vector<LoadedEventMention> load_block(const Db& db, const std::string& block);

struct LoadedFigureMention {
  int64_t id = 0;
  int64_t figure = 0;
  int64_t grp = 0;
  int64_t doc = 0;
  merge::FigureMention m;
};
std::vector<LoadedFigureMention> load_figure(const Db& db, const std::string& key);

}  // namespace detail
}  // namespace mekong::store
