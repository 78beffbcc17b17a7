// Persons the lexicon lacks: an office or an honorific of the lexicon
// followed by a personal name ('Tổng thống Pháp Emmanuel Macron', 'Bộ trưởng
// Bộ Y tế Lào Bounkong Syhavong', 'Đại sứ Nguyễn Văn A', 'ông Bun-khăm
// Vo-la-chít') is a person, named as the text writes the name.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/annotation.h"

namespace mekong::extract {

// What tells a personal name (lexicon/names.tsv, words.tsv), in matching form.
struct NameRules {
  std::unordered_set<std::string> surnames;  // Vietnamese family names
  std::unordered_set<std::string> words;     // common words of two or more syllables
  // A country's short form ('Anh', 'Hàn'; countries.tsv pair forms) -> its code.
  std::unordered_map<std::string, std::string> short_countries;
};

// The label of a Person annotation the lexicon lacks. Its `name` is the name
// as written, `country` the country the text gives ('' when none), `code`
// the country its apposition names ('X, Phó Chủ tịch Chính hiệp Trung
// Quốc'; not after 'tại', 'sang') or else its form gives (a Vietnamese name:
// 'VNM'), for when nothing beside it does; `role` is empty (the office before it is the role);
// `strong` when an office introduced it, whose title `entry` then is.
inline constexpr const char* kUnknownPerson = "unknown";

inline bool is_unknown_person(const Ann& a) { return a.type == AnnType::Person && a.label == kUnknownPerson; }

// Adds a Person annotation for each name the lexicon lacks that an office
// written with its capital or an honorific (cues.tsv 'honorific') introduces. A name is a run of one
// to four capitalised words right after it, or after the country, place,
// 'tại' + country or body ('Bộ ... Lào') that qualifies the office (an
// office may name its country by a short form: 'Thủ tướng Anh' is Britain's):
//  - Vietnamese: a family name and 2 to 4 syllables, whose first two are no
//    common word ('Hoàng Gia' is royal);
//  - foreign: every word written in Latin letters without marks or
//    hyphenated ('Xổn-xay'), and at least one no Vietnamese syllable could be
//    ('Putin', not 'Minh'); one word alone only after an office, and one
//    hyphenated word alone only when `resolve` knows it ('Ca-ta' is Qatar),
//    and so three or more opening with one after an office with no country
//    (the first may be the country's name).
// After a bare title too vague without a country ('Chủ tịch', titles.tsv
// flag `country`) a name needs a country, or `resolve` to know it. A capitalised word after the run (a headline in
// Title Case), a last word that opens a common word with the next one
// ('Kinh tế'), an initial ('V.'), or a particle that the name goes on after
// ('bin', 'al-Assad') makes it no name we can read. `resolve`, when given, may make a found name a
// known person (another spelling of one); after a vague title only those are
// kept. `s.anns` stays sorted.
void add_unknown_persons(SentenceView& s, const NameRules& rules, const std::function<void(Ann&)>& resolve = {});

}  // namespace mekong::extract
