// Internal to resolve: the words the date and number grammars read
// (lexicon/numbers.tsv, read at run time) and the token stream they read them
// from. Matching runs on the folded form, so case and tone-mark placement
// never matter; spans map back to the original through Folded::to_orig.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "normalize/normalize.h"

namespace mekong::resolve::detail {

// One kind per section of lexicon/numbers.tsv.
enum class K : uint8_t {
  Digit, DigitAfter, Ten, Tens, ZeroTens, Scale, Vague, DecimalWord,
  Approx, Currency, CurrencyPrefix, Percent, Measure, Noun, NonNoun,
  OrdinalMarker, RomanMarker, OrdinalWord,
  DayWord, MonthWord, YearWord, QuarterWord, WeekWord, From, To, And, UntilNow,
  Daypart, Weekday, RelDay, RelWeek, RelMonth, RelYear, Ago, AgoHead, Plural,
  YearPart, MonthPart, FirstLast, MonthName, SpanCue, DecadeCue, DirAfter, At,
  Count_
};
static_assert(static_cast<int>(K::Count_) <= 64, "kinds are a 64-bit mask");

enum class Tk : uint8_t { Word, Num, Punct };

struct Token {
  uint32_t b = 0, e = 0;  // byte offsets in the folded text
  uint32_t id = 0;        // index in the word dictionary, 0 = not a listed word
  Tk kind = Tk::Punct;
  bool space = false;     // whitespace (or the start of text) before it
  bool upper = false;     // its first character is upper case in the original
};

struct Sense {
  K kind{};
  uint8_t len = 0;       // tokens
  uint8_t glued = 0;     // bit j: token j of the phrase is written without a space before it
  double v1 = 0, v2 = 0;
  std::string code;      // the value column as text ('USD', 'about', ...)
};

// Where Words::get() reads numbers.tsv from; call before the first resolve.
void use_lexicon(const std::string& dir);

class Words {
 public:
  static constexpr size_t kMaxLen = 4;
  // The words of lexicon/numbers.tsv: from the folder given to use_lexicon,
  // else the copy compiled in.
  static const Words& get();

  uint32_t id_of(std::string_view token) const;
  // The longest phrase of kind `k` that starts at token `i`. (Inline: the
  // grammars ask this of most tokens, and most answers are a quick no.)
  const Sense* match(const std::vector<Token>& toks, size_t i, K k) const {
    if (!starts(toks, i, k)) return nullptr;
    return find(toks, i, k, kMaxLen);
  }
  bool starts(const std::vector<Token>& toks, size_t i, K k) const {
    return i < toks.size() && (first_kinds_[toks[i].id] >> static_cast<unsigned>(k) & 1);
  }
  // The longest phrase of kind `k` that ends right before token `i` (begins at *start).
  const Sense* match_before(const std::vector<Token>& toks, size_t i, K k, size_t* start) const;
  // The kinds of the phrases that start with word `id` (bit per K).
  uint64_t kinds_of(uint32_t id) const { return id < first_kinds_.size() ? first_kinds_[id] : 0; }

 private:
  explicit Words(std::string_view tsv);
  static uint64_t hash(std::string_view token);
  const Sense* find(const std::vector<Token>& toks, size_t i, K k, size_t max_len) const;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  // ids_ again as one flat open-addressing table: every token of every
  // sentence is looked up, and bucket chains cost more than the rest of the
  // tokenizer.
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = 0;  // 0 = empty
    uint32_t off = 0; // the word in pool_
    uint32_t len = 0;
  };
  std::vector<Slot> table_;
  std::string pool_;
  uint64_t mask_ = 0;
  std::vector<uint64_t> first_kinds_;  // by id: kinds of the phrases that start with it
  std::vector<uint8_t> max_len_;       // by id: tokens in the longest phrase that starts with it
  std::array<uint32_t, 128> ascii_ids_{};  // ids of one-character ASCII tokens ('-', '%', '2'), without hashing
  std::unordered_map<uint64_t, std::vector<Sense>> phrases_;  // packed ids -> senses
};

// The token stream of one text, reusing its buffers between calls.
struct Tokens {
  std::string_view orig;
  normalize::Folded folded;
  std::vector<Token> toks;

  void run(std::string_view text);
  std::string_view text(size_t i) const {
    return std::string_view(folded.text).substr(toks[i].b, toks[i].e - toks[i].b);
  }
  bool is(size_t i, char c) const {
    return i < toks.size() && toks[i].kind == Tk::Punct && toks[i].e - toks[i].b == 1 && folded.text[toks[i].b] == c;
  }
  bool num(size_t i) const { return i < toks.size() && toks[i].kind == Tk::Num; }
  bool glued(size_t i) const { return i < toks.size() && !toks[i].space; }
  // Original byte span of tokens [i, j).
  std::pair<uint32_t, uint32_t> span(size_t i, size_t j) const {
    return folded.orig(toks[i].b, toks[j - 1].e);
  }
};

// The tokens of `text` for this thread. find_dates and find_quantities are
// called in turn on each sentence, so the last text's tokens are kept and
// reused when the same text comes again (compared by content).
Tokens& tokens_of(std::string_view text);

// Hands this thread's cache a text its caller already folded, so that the
// find_dates / find_quantities calls that follow do not fold it again.
// `folded` is taken (swapped with the cache's old buffers).
void prime(std::string_view text, normalize::Folded& folded);

// Splits folded text into words, digit runs and single punctuation marks.
void tokenize(std::string_view orig, const normalize::Folded& f, std::vector<Token>& out, const Words* words);

// Does the character at byte `at` of the original text start in upper case?
bool upper_at(std::string_view orig, uint32_t at);

}  // namespace mekong::resolve::detail
