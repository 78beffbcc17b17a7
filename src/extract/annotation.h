// What recognize and resolve found in one sentence, in one flat, typed list
// that the extraction rules read. Rules never look at lexicon internals;
// they can be tested on hand-made annotations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"

namespace mekong::extract {

enum class AnnType : uint8_t {
  Country,        // code = ISO3
  Person,         // name = canonical, country, role = office at the page's date
  Office,         // role = normalized office, country if the title names one
  Place,          // name = canonical, country; strong = a national capital
  Mechanism,      // name = canonical; session if an ordinal is attached; strong = between two countries
  Action,         // code = CAMEO, label = construction (visit, host, meet, sign, handover, aid, message...)
  Cue,            // label = grammar cue (planned, intent, occasion, invite, ...)
  Indicator,      // code = indicator name; strong = its phrase says between the two (song phương)
  AgreementKind,  // code = kind; strong = names a document even in lower case
  ProjectKind,    // label = kind; strong = names a project without a proper name
  Date,           // range; period = a span of time
  Quantity,       // value, unit, approx, noun
};

struct Ann {
  AnnType type;
  uint32_t b = 0, e = 0;  // byte offsets within the sentence text
  std::string code;       // ISO3 / CAMEO / indicator / agreement kind
  std::string label;      // action construction / cue name / project kind
  std::string name;       // canonical person / place / mechanism
  std::string country;    // country of a person, office, place ("" unknown)
  std::string role;       // office (Person: at the page's date; Office: normalized)
  bool strong = false;
  std::optional<int> session;
  uint32_t entry = 0;                  // lexicon entry (mechanisms, titles of offices)
  std::vector<std::string> countries;  // members of a mechanism
  // Date
  DateRange range;
  bool period = false;
  bool open_end = false;
  bool coming = false;  // the date phrase says it lies ahead ('tháng Ba tới')
  // Quantity
  double value = 0;
  std::string unit, approx, noun;
};

// One sentence with its annotations sorted by position.
struct SentenceView {
  uint32_t line = 0;         // 1-based
  uint32_t offset = 0;       // byte offset of the sentence within its line
  std::string_view text;     // the sentence (original text)
  std::string folded;        // matching form of `text` (same syllables)
  std::vector<Ann> anns;
};

}  // namespace mekong::extract
