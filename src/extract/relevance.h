// Relevance: an item is written only when its own sentence ties it to the
// actors of two countries (or a mechanism between them), or refers back to
// the article's pair ('hai bên', 'hai nước', 'song phương') in an article
// that is about that pair. Domestic news names one country, or none.
#pragma once

#include <string>
#include <vector>

#include "extract/annotation.h"
#include "extract/rules.h"

namespace mekong::extract {

// What a stretch of a sentence says about whose item it is.
struct Ties {
  std::vector<std::string> countries;  // named: countries, persons, offices, places, mechanisms' members
  bool pair_ref = false;               // refers back to the article's pair ('hai bên', 'song phương')
  bool home_office = false;            // an office without a country (Vietnam's, in Vietnamese news)
  bool named_other = false;            // an office followed by a foreign name the lexicon does not know
  bool has(const std::string& c) const;
};

// Ties within [b, e) of the sentence.
Ties ties_in(const SentenceView& s, uint32_t b, uint32_t e);

// Do the ties name both `a` and `b`, or one of them with a reference back to
// the article's pair {a, b} (which must be the article's relational pair)?
// An office with no country stands for Vietnam.
bool ties_pair(const Ties& t, const std::string& a, const std::string& b, const DocContext& ctx);

// A figure's weaker tie: the sentence names one country of the article's
// relational pair {a, b} and no country outside it ('tỉnh cấp 80 suất học
// bổng cho sinh viên Lào' in an article about Vietnam and Laos).
bool ties_one_of_pair(const Ties& t, const std::string& a, const std::string& b, const DocContext& ctx);

// Sets ctx.relational: some sentence names both countries of the article's
// pair, or a mechanism between them.
void find_relational(const std::vector<SentenceView>& sentences, DocContext& ctx);

}  // namespace mekong::extract
