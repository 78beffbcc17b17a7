// The extraction rules: annotated sentences -> events, figures, agreements,
// projects. Pure functions of their inputs, so they can be tested on
// hand-made annotations (tests/unit/extract).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/record.h"
#include "extract/annotation.h"
#include "resolve/date.h"

namespace mekong::extract {

struct DocContext {
  std::optional<Published> published;
  resolve::RefDate ref;  // from published; year 0 when the page has no date
  // The reference is only the crawl's day (WARC-Date, a site's 'today' bar):
  // good for reading 'ngày 21/6', not for telling history from news.
  bool ref_weak = false;
  // The pair of countries the article is about (most mentioned), if any.
  std::string dyad_a, dyad_b;
  // Some sentence names both countries of the pair (extract/relevance.h):
  // only then can 'hai bên' or 'song phương' stand for the pair.
  bool relational = false;
  // The occasion: the first dated visit or session, which undated
  // sentences about 'the visit' / 'this session' inherit.
  std::optional<DateRange> occasion;
  std::string occasion_status;
};

// Counts country mentions over the article to find its pair of countries,
// and whether the article is about relations between them (ctx.relational).
void find_dyad(const std::vector<SentenceView>& sentences, DocContext& ctx);

// Events, in order of first statement, one per action.
std::vector<Event> find_events(const std::vector<SentenceView>& sentences, DocContext& ctx);
std::vector<Figure> find_figures(const std::vector<SentenceView>& sentences, const DocContext& ctx);
std::vector<Agreement> find_agreements(const std::vector<SentenceView>& sentences, const DocContext& ctx);
std::vector<Project> find_projects(const std::vector<SentenceView>& sentences, const DocContext& ctx);

// Dice coefficient of the syllable sets of two names (lower-cased, NFC,
// punctuation dropped), as the scorer compares names.
double name_dice(std::string_view a, std::string_view b);
// Every syllable of `small` (at least three) is in `big`.
bool name_contains(std::string_view big, std::string_view small);
// The same on syllable sets made once (name_syllables), for callers that
// compare each name with many others.
using Syllables = std::set<std::string>;
Syllables name_syllables(std::string_view name);
double name_dice(const Syllables& a, const Syllables& b);
bool name_contains(const Syllables& big, const Syllables& small);
// The same person named in full and in part: one name's syllables are all in
// the other's ('Bounkong Syhavong', 'Bounkong').
bool same_person(std::string_view a, std::string_view b);

}  // namespace mekong::extract
