// Actor phrases of a sentence for the event rules: offices, then maybe a
// country (and 'tại' + the country an ambassador is posted to), then maybe
// a person, and the offices an apposition gives a named person.
#pragma once

#include <string>
#include <vector>

#include "extract/annotation.h"

namespace mekong::extract {

// An actor phrase: offices, then maybe a country, then maybe a person
// ('Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh', 'Thủ tướng Lào').
struct Group {
  uint32_t b = 0, e = 0;
  Actor actor;
  bool plural = false;  // 'hai bên', 'hai Bộ trưởng': both countries of the pair
  bool bare_country = false;
  bool named = false;  // an office followed by a name the lexicon lacks: not Vietnam's by default
  std::string name_country;  // a person the lexicon lacks: the country their name's form gives
  bool unknown = false;      // the person is one the lexicon lacks
  bool vague = false;        // a title too vague without a country ('Chủ tịch'), and none named
  bool former = false;       // 'nguyên', 'cựu' before the office: no longer held
  bool international = false;  // a person in an international post that day (Secretary-General of the UN)
};

// Whether `pos` lies in what an 'about' phrase (grammar.tsv: 'về vấn đề', 'về tình
// hình') opens, before the next action or ';': a country there is a topic, not an actor.
bool in_topic(const SentenceView& s, uint32_t pos);

// The actor phrases of `s`, in text order.
std::vector<Group> actor_groups(const SentenceView& s);

}  // namespace mekong::extract
