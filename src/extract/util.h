// Small helpers shared by the extraction rules.
#pragma once

#include <string>
#include <string_view>

#include "extract/annotation.h"
#include "resolve/date.h"

namespace mekong::extract {

// Is there a cue with `label` whose span lies within [b, e)?
inline const Ann* find_cue(const SentenceView& s, std::string_view label, uint32_t b, uint32_t e) {
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Cue && a.label == label && a.b >= b && a.e <= e) return &a;
  return nullptr;
}

// The last cue with `label` ending at or before `pos`, within `window` bytes.
inline const Ann* cue_before(const SentenceView& s, std::string_view label, uint32_t pos, uint32_t window) {
  const Ann* best = nullptr;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Cue && a.label == label && a.e <= pos && pos - a.e <= window) best = &a;
  return best;
}

// Start of the clause holding `pos`: after the last ';' (or ':' ) before it.
inline uint32_t clause_start(const SentenceView& s, uint32_t pos) {
  for (uint32_t i = pos; i > 0; --i)
    if (s.text[i - 1] == ';') return i;
  return 0;
}
inline uint32_t clause_end(const SentenceView& s, uint32_t pos) {
  for (uint32_t i = pos; i < s.text.size(); ++i)
    if (s.text[i] == ';') return i;
  return static_cast<uint32_t>(s.text.size());
}

// Syllables (space-separated words) in [b, e).
inline int words_between(const SentenceView& s, uint32_t b, uint32_t e) {
  if (e <= b) return 0;
  int n = 0;
  bool in = false;
  for (uint32_t i = b; i < e && i < s.text.size(); ++i) {
    const bool sp = s.text[i] == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

inline bool has_char_between(const SentenceView& s, uint32_t b, uint32_t e, char c) {
  for (uint32_t i = b; i < e && i < s.text.size(); ++i)
    if (s.text[i] == c) return true;
  return false;
}

// Months since year 0 of an ISO date cut to any precision ('2024', '2024-01', '2024-01-05').
inline int month_index(std::string_view iso, bool end_of) {
  if (iso.size() < 4) return 0;
  const int y = std::stoi(std::string(iso.substr(0, 4)));
  int m = end_of ? 12 : 1;
  if (iso.size() >= 7) m = std::stoi(std::string(iso.substr(5, 2)));
  return y * 12 + (m - 1);
}

// ISO day number-ish for comparing day ranges (not a calendar: only order matters).
inline long day_key(std::string_view iso, bool end_of) {
  if (iso.size() < 4) return 0;
  const long y = std::stol(std::string(iso.substr(0, 4)));
  long m = end_of ? 12 : 1, d = end_of ? 31 : 1;
  if (iso.size() >= 7) m = std::stol(std::string(iso.substr(5, 2)));
  if (iso.size() >= 10) d = std::stol(std::string(iso.substr(8, 2)));
  return (y * 12 + m) * 32 + d;
}

inline bool ranges_overlap(const DateRange& a, const DateRange& b) {
  return day_key(a.start, false) <= day_key(b.end, true) && day_key(b.start, false) <= day_key(a.end, true);
}

// The reference date as an ISO string cut to `precision` (month by default).
std::string ref_iso(const resolve::RefDate& ref, std::string_view precision);

// Does a capital letter start at byte `i`?
bool upper_at(std::string_view s, size_t i);

// Right after the office `office`: a capitalised name the lexicon does not
// know (no person, country or place starts there), written as foreign names
// are: Latin letters only or hyphenated syllables ('Xỏn-xay'). An unknown
// name with Vietnamese letters is a Vietnamese official.
bool unknown_foreign_name_after(const SentenceView& s, const Ann& office);

// Lower-cases and trims punctuation at the ends of a name.
std::string clean_name(std::string_view s);

}  // namespace mekong::extract
