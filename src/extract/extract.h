// extract: the article's sentences -> events, figures, agreements, projects.
// Annotates each sentence (lexicon matches, grammar cues, dates, numbers),
// then runs the rules of rules.h.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "extract/annotation.h"
#include "extract/rules.h"

namespace mekong::extract {

class Extractor {
 public:
  // Loads the lexicons under `lexicon_dir`; nullptr with `error` set when they cannot be used.
  static std::unique_ptr<Extractor> create(const std::string& lexicon_dir, std::string* error);
  ~Extractor();

  // Fills doc.record from the article lines of a document that went through content.
  void run(Document& doc) const;

  // The annotated sentences and document context, as run() sees them (for `mekong explain`).
  std::vector<SentenceView> annotate(const Document& doc, DocContext& ctx) const;

 private:
  Extractor();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mekong::extract
