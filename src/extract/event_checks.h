// What an action word needs to be an event: a guest after 'tiếp', something
// handed over, the other side right after a conflict verb, a document signed.
#pragma once

#include "extract/annotation.h"

namespace mekong::extract {

// 'tiếp' (grammar 'bare') receives someone only with an actor right after it.
bool has_guest(const SentenceView& s, const Ann& t);
// Aid and handovers need money, goods or a work handed over.
bool has_object(const SentenceView& s, const Ann& t);
// A conflict verb names the other side right after it.
bool aimed_abroad(const SentenceView& s, const Ann& t);
// A signing is of a document between the sides.
bool signs_document(const SentenceView& s, const Ann& t);
// All the checks an action word (or a session named) must pass to state an event of its own;
// `sport`: the sentence tells of a match.
bool states_event(const SentenceView& s, const Ann& t, bool sport);

}  // namespace mekong::extract
