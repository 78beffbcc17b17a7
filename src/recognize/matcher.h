// recognize (matcher): every lexicon phrase found in a text, in one pass of
// one Hyperscan literal database over the matching form of the text, with
// spans mapped back to the original bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/normalize.h"
#include "recognize/lexicon.h"

namespace mekong::recognize {

enum MentionFlag : uint8_t {
  kPair = 1,  // a country named in a dash pair ('Việt - Lào'): the other side is the next / previous mention
};

// One lexicon phrase in the text: `entry` indexes the Lexicon table of
// `kind`; [begin, end) are byte offsets into the ORIGINAL text.
struct Mention {
  Kind kind = Kind::Country;
  uint32_t entry = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint8_t flags = 0;
};

class Matcher {
 public:
  // Compiles the lexicon's patterns. Throws std::runtime_error when
  // Hyperscan refuses them (it should not: they are plain literals).
  explicit Matcher(std::shared_ptr<const Lexicon> lexicon);
  // Same, borrowing: `lexicon` must outlive the matcher.
  explicit Matcher(const Lexicon& lexicon);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  const Lexicon& lexicon() const { return *lexicon_; }

  // Leftmost-longest, non-overlapping mentions in text order. A phrase that
  // belongs to several kinds ('bàn giao': action and project status) gives
  // one mention per kind, all with the same span; that is the only overlap.
  // Matches start and end at syllable boundaries; names of countries,
  // persons and places keep the capitals of their lexicon spelling; `block`
  // cues are matched (so the words inside them are not) but not returned;
  // a country's pair-only short form ('Việt') is kept only inside a dash pair;
  // a common-word match inside a longer dictionary word ('thăm' in 'thăm dò')
  // and a country or place inside a Vietnamese personal name ('Đức' in
  // 'Nguyễn Đức Chinh') are dropped (matcher.cpp, 'Word-level reading').
  // Safe to call from several threads at once. `out` is cleared first.
  void match(std::string_view text, std::vector<Mention>& out) const;

  // Same, for a caller that already folded the text: `folded` must be
  // normalize::fold(text). Saves folding twice.
  void match(std::string_view text, const normalize::Folded& folded, std::vector<Mention>& out) const;

  // Every match at syllable boundaries, overlapping ones included, ordered
  // by begin then longest first (for explain / debugging tools).
  void match_all(std::string_view text, std::vector<Mention>& out) const;

  // Size of the compiled database in bytes, for benchmarks and `lexicon check`.
  size_t database_bytes() const;

 private:
  struct Impl;
  std::shared_ptr<const Lexicon> lexicon_;
  std::unique_ptr<Impl> impl_;

  void scan(std::string_view text, const normalize::Folded* folded, std::vector<Mention>& out, bool all) const;
  void build_word_data(const std::vector<std::string_view>& keys);
};

}  // namespace mekong::recognize
