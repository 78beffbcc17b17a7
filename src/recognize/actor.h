// recognize (actors): a mention of an actor ('Thủ tướng Lào', 'Bộ trưởng
// Ngoại giao Lào Xạ-lởm-xay Côm-ma-xít', 'Tổng Bí thư, Chủ tịch nước Tô Lâm')
// read at a date as country, canonical person and office.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"
#include "recognize/lexicon.h"
#include "recognize/matcher.h"

namespace mekong::recognize {

struct ActorRef {
  std::string country;             // ISO alpha-3, "" unknown
  std::optional<uint32_t> person;  // into Lexicon::persons()
  std::string role;                // office at the date ('Thủ tướng'), "" unknown
  bool former = false;             // 'nguyên Thủ tướng ...': the title is not held any more
  bool holder = false;             // the person was found as the title's holder, not named

  bool empty() const { return country.empty() && !person && role.empty(); }
  // As the record's Actor: empty fields become null.
  Actor to_actor(const Lexicon& lex) const;
};

// Reads the mentions of ONE actor phrase (titles, country, person, cues such
// as 'đồng chí' or 'nguyên'), in text order, at date `at`:
//  - a person gives the person, their country and their offices that day
//    (the title as written only when the lexicon has no term that day);
//  - titles + a country give that country's holder that day;
//  - titles without a country give Vietnam's holder only if `default_vietnam`;
//  - a country after 'tại' is where an ambassador is posted, not whose.
// `text` is the text the mentions' offsets point into.
ActorRef resolve_actor(const Lexicon& lex, std::span<const Mention> mentions, std::string_view text, const Date& at,
                       bool default_vietnam);

// One actor phrase found among a sentence's mentions.
struct ActorPhrase {
  uint32_t begin = 0, end = 0;   // span in the text
  uint32_t first = 0, count = 0; // mentions[first, first + count)
  ActorRef actor;
  // A title not followed by a known person but by capitalised words (at
  // least two syllables): where those words are, for extraction to decide.
  uint32_t name_begin = 0, name_end = 0;
};

// Groups `mentions` (as Matcher::match returns them) into actor phrases: a
// run of titles, at most one country, one person and their cue words,
// separated only by spaces (titles also by ',' or 'kiêm'; an ambassador's
// host country by 'tại'). A phrase needs a title or a person; a lone country
// is not an actor phrase.
std::vector<ActorPhrase> find_actors(const Lexicon& lex, std::span<const Mention> mentions, std::string_view text,
                                     const Date& at, bool default_vietnam);

}  // namespace mekong::recognize
