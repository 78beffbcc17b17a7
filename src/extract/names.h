// Names of documents and works in a sentence: where a name that a kind word
// opens ends, and what ties an item to the article's pair. Shared by the
// agreement and project rules (agreements.cpp, projects.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "extract/annotation.h"
#include "extract/relevance.h"
#include "extract/rules.h"

namespace mekong::extract {

// An agreement or project belongs to the article's pair only when its
// sentence names both (or one with 'hai bên'), or names the pair's other
// country and none outside the pair.
bool ties_item(const Ties& t, const DocContext& ctx);

bool digit_at(std::string_view s, size_t i);

// End of the word that starts at `w`: the next space or punctuation mark.
uint32_t word_end(std::string_view t, uint32_t w);

// End of the name that starts at `b`: punctuation, a closing cue, a person, a
// day, the pair's doings; `cut` tells whether it ran `limit_words` words
// without ending. A document's name (`document`) also ends at 'tại' + a
// place and runs through a comma list of nouns closed by 'và'.
uint32_t name_end(const SentenceView& s, uint32_t b, uint32_t limit_words, bool* cut = nullptr, bool document = false);

std::string first_word_folded(const SentenceView& s, uint32_t at);

}  // namespace mekong::extract
