// merge: the same event or figure told by several articles becomes one item
// with every source attached. Pure functions over items and stable document
// keys; the store (src/store) calls them on the items a new document touches.
// Results never depend on the order documents arrived in: mentions are put
// in a canonical order (by content, and by the document's content hash)
// before any choice is made.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/record.h"

namespace mekong::merge {

// ---------------------------------------------------------------- CAMEO --

struct CameoInfo {
  std::string code;
  double goldstein = 0;
  int quadclass = 0;
  std::string mirror;  // the same action told from the other side ('' = none)
  std::string name;
};

// lexicon/cameo.tsv.
class CameoTable {
 public:
  // Reads DIR/cameo.tsv. Returns an empty table (and sets *error) when the
  // file cannot be read; malformed lines are reported in *error and skipped.
  static CameoTable load(const std::string& lexicon_dir, std::string* error = nullptr);

  // The row of `code`, else of its 2-digit root, else nullptr.
  const CameoInfo* find(std::string_view code) const;
  // The mirror code of `code` ('' when none).
  std::string_view mirror(std::string_view code) const;
  size_t size() const { return rows_.size(); }
  void add(CameoInfo info);

 private:
  std::unordered_map<std::string, CameoInfo> rows_;
};

// ---------------------------------------------------------------- dates --

// A date range as calendar days: 'YYYY-MM-DD' first and last day. A start
// of '2024-05' begins on 2024-05-01; an end of '2024-05' ends on 2024-05-31.
struct Days {
  std::string first, last;
  bool valid() const { return !first.empty() && !last.empty() && first <= last; }
};
Days days_of(std::string_view start, std::string_view end);
// 0 day, 1 month, 2 year, 3 unknown: smaller is finer.
int precision_rank(std::string_view precision);

// --------------------------------------------------------------- events --

struct EventMention {
  Event event;
  std::string doc;        // stable key of the document (its content hash)
  std::string published;  // the document's publication date (ISO, may be empty)
  uint32_t index = 0;     // position in the document's record
};

// The sorted pair of countries 'KHM-VNM' ('' when a side is unknown).
std::string dyad_of(const Event& e);
// Events merge only within one block: same pair of countries, same CAMEO
// root, same year of start.
std::string block_of(const Event& e);

// Whether two mentions may tell the same event: same pair of countries,
// same CAMEO root with the same code (or a code and its mirror with actors
// swapped, or one side giving only the root), overlapping dates, no
// disagreement on the persons of a country or on the mechanism and session.
bool compatible(const Event& a, const Event& b, const CameoTable& cameo);

// Groups the mentions of one block into events. Each cluster lists indices
// into `mentions`; a cluster never holds two mentions of one document (an
// article states each action once, so two of its events are two actions).
// The result is the same for any order of `mentions`.
std::vector<std::vector<size_t>> cluster_events(const std::vector<EventMention>& mentions, const CameoTable& cameo);

// The merged event of a cluster: the most common value of each field (the
// finest dates, the code given most often, every person any source names);
// status 'occurred' when any source reports it done. line/span/rule are the
// representative mention's.
Event summarize(const std::vector<const EventMention*>& members);

// -------------------------------------------------------------- figures --

struct FigureMention {
  Figure figure;
  std::string doc;
  std::string published;
  uint32_t index = 0;
};

// Figures merge when this key is equal: indicator, unit, measure, period,
// direction, and the pair of countries they are about. Empty when the
// figure cannot be merged safely (no period, or no known pair of countries).
std::string figure_key(const Figure& f, std::string_view dyad);

// Two values are the same when they are within 0.5 % of each other.
bool same_value(double a, double b);

struct ValueGroup {
  double value = 0;            // the value most sources give within the group
  std::string approx;          // exact when any source with that value says exact
  std::vector<size_t> members; // indices into the mentions
  size_t documents = 0;
};

struct FigureValues {
  std::vector<ValueGroup> groups;  // groups[0] is the main value
  bool conflict = false;           // sources disagree beyond 0.5 %
};

// Groups the values of mentions sharing one figure_key. Main value: given by
// the most documents, then by the most recently published, then the
// smallest. A conflict is a group that disagrees with the main value; 'over
// X' / 'under X' agree with a main value on the right side of X.
FigureValues merge_values(const std::vector<FigureMention>& mentions);

// ------------------------------------------------- agreements, projects --

// Names compared in the matching form: case and tone-mark placement folded,
// punctuation and repeated spaces dropped.
std::string name_key(std::string_view name);
std::string agreement_key(const Agreement& a, std::string_view dyad);
std::string project_key(const Project& p, std::string_view dyad);

// ------------------------------------------------------------- identity --

// New clusters keep the ids of the merged items they continue. old_ids[i]
// lists, for each member of new cluster i, the id of the item it belonged
// to (0 = new mention). Returns per cluster the id to keep (0 = new item):
// pairs with the largest overlap first; each old id is kept at most once.
std::vector<int64_t> keep_ids(const std::vector<std::vector<int64_t>>& old_ids);

}  // namespace mekong::merge
