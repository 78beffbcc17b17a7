// segment: the article's lines -> sentences. Vietnamese news writes one
// paragraph per line; a sentence ends at '.', '!', '?' or '…' followed by a
// space and a capital, unless the word before is an abbreviation ('TP.',
// 'PGS.TS.').
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/document.h"

namespace mekong::segment {

struct Sentence {
  uint32_t line = 0;   // 1-based line number
  uint32_t begin = 0;  // byte offsets within the line
  uint32_t end = 0;
};

// Abbreviations that end with a period but not a sentence, from
// lexicon/abbreviations.tsv (one per line, without the final period).
class Abbreviations {
 public:
  static Abbreviations load(const std::string& lexicon_dir);
  bool contains(std::string_view word) const { return words_.find(word) != words_.end(); }
  void add(std::string word) { words_.insert(std::move(word)); }
  // Photo and source credits ('Ảnh:', 'Nguồn:') from lexicon/boilerplate.tsv
  // ('credit' entries that end with ':').
  void add_credit(std::string prefix) { credits_.push_back(std::move(prefix)); }
  const std::vector<std::string>& credits() const { return credits_; }

 private:
  // Looked up by string_view without building a std::string.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
  std::vector<std::string> credits_;
};

// Sentences of one line as [begin, end) byte ranges, outer spaces trimmed. A
// credit inside the line ('... lễ đón. Ảnh: Trọng Đức/TTXVN Ngay sau ...'),
// where its end can be told (a '/' agency or a closing bracket), is no
// sentence: its names are the photographer's, never the article's actors.
// Nor is a bracketed title linked from the body ('[Thủ tướng tiếp ...]').
void split_line(std::string_view line, const Abbreviations& abbr, std::vector<std::pair<uint32_t, uint32_t>>& out);

// Sentences of the document's article lines (doc.is_content), in order.
std::vector<Sentence> sentences(const Document& doc, const Abbreviations& abbr);

}  // namespace mekong::segment
