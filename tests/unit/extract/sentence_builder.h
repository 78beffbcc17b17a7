// Hand-made annotated sentences for the extraction rules' tests: what a
// lexicon and the resolvers would have found in each sentence.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "extract/rules.h"

namespace mekong::extract::testing {

using mekong::extract::Ann;
using mekong::extract::AnnType;

// Builds a sentence and annotates the first occurrence of each phrase.
struct S {
  mekong::extract::SentenceView v;
  std::string text;
  explicit S(std::string t, uint32_t line = 1) : text(std::move(t)) {
    v.line = line;
  }
  Ann& add(AnnType type, const std::string& phrase, size_t from = 0) {
    const size_t at = text.find(phrase, from);
    EXPECT_NE(at, std::string::npos) << phrase;
    Ann a{};
    a.type = type;
    a.b = static_cast<uint32_t>(at);
    a.e = static_cast<uint32_t>(at + phrase.size());
    v.anns.push_back(a);
    return v.anns.back();
  }
  Ann& country(const std::string& phrase, const std::string& code) {
    Ann& a = add(AnnType::Country, phrase);
    a.code = code;
    return a;
  }
  Ann& office(const std::string& phrase, const std::string& role, const std::string& c = "") {
    Ann& a = add(AnnType::Office, phrase);
    a.role = role;
    a.country = c;
    return a;
  }
  Ann& person(const std::string& phrase, const std::string& name, const std::string& c, const std::string& role) {
    Ann& a = add(AnnType::Person, phrase);
    a.name = name;
    a.country = c;
    a.role = role;
    return a;
  }
  Ann& action(const std::string& phrase, const std::string& cameo, const std::string& label) {
    Ann& a = add(AnnType::Action, phrase);
    a.code = cameo;
    a.label = label;
    return a;
  }
  Ann& place(const std::string& phrase, const std::string& name, const std::string& c) {
    Ann& a = add(AnnType::Place, phrase);
    a.name = name;
    a.country = c;
    return a;
  }
  Ann& cue(const std::string& phrase, const std::string& label) {
    Ann& a = add(AnnType::Cue, phrase);
    a.label = label;
    return a;
  }
  Ann& date(const std::string& phrase, const std::string& s, const std::string& e, const std::string& p,
            bool period = false) {
    Ann& a = add(AnnType::Date, phrase);
    a.range = {s, e, p};
    a.period = period;
    return a;
  }
  Ann& qty(const std::string& phrase, double value, const std::string& unit, const std::string& approx = "exact",
           const std::string& noun = "") {
    Ann& a = add(AnnType::Quantity, phrase);
    a.value = value;
    a.unit = unit;
    a.approx = approx;
    a.noun = noun;
    return a;
  }
  Ann& project_kind(const std::string& phrase, const std::string& label, bool strong = true) {
    Ann& a = add(AnnType::ProjectKind, phrase);
    a.label = label;
    a.strong = strong;
    return a;
  }
  Ann& agreement_kind(const std::string& phrase, const std::string& code, bool strong = true) {
    Ann& a = add(AnnType::AgreementKind, phrase);
    a.code = code;
    a.strong = strong;
    return a;
  }
  Ann& indicator(const std::string& phrase, const std::string& code, const std::string& label) {
    Ann& a = add(AnnType::Indicator, phrase);
    a.code = code;
    a.label = label;
    return a;
  }
  mekong::extract::SentenceView done() {
    std::sort(v.anns.begin(), v.anns.end(), [](const Ann& a, const Ann& b) { return a.b < b.b; });
    v.text = text;
    return v;
  }
};

inline mekong::extract::DocContext ctx_at(int y, int m, int d) {
  mekong::extract::DocContext c;
  c.ref = {y, m, d};
  return c;
}

// An article already known to be about relations between `a` and `b`.
inline mekong::extract::DocContext pair_ctx(int y, int m, int d, const std::string& a, const std::string& b) {
  mekong::extract::DocContext c = ctx_at(y, m, d);
  c.dyad_a = a;
  c.dyad_b = b;
  c.relational = true;
  return c;
}

}  // namespace mekong::extract::testing
