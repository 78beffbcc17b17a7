// The stages in order, for one document: ingest (format) -> normalize ->
// content -> (recognize -> resolve -> extract). Commands that process pages
// (extract, ingest, explain) all go through here.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "content/content.h"
#include "extract/extract.h"
#include "core/document.h"
#include "ingest/source.h"

namespace mekong {

struct PipelineOptions {
  std::string lexicon_dir;
  bool extract = true;  // false: stop after content (benchmarks of the foundation)
  // The publication date to assume for pages that state none (--assume-published):
  // it becomes their reference date, never their `published`.
  std::optional<Published> assume_published;
};

// Where the lexicons are: --lexicon, else $MEKONG_LEXICON, else the source tree's.
std::string default_lexicon_dir();

class Pipeline {
 public:
  // Throws std::runtime_error when the lexicons cannot be loaded.
  explicit Pipeline(PipelineOptions options);
  ~Pipeline();

  // Fills `doc` from `raw`. Returns false with a one-line reason when the
  // document cannot be used; `doc` is then partial.
  bool run(ingest::RawDocument&& raw, Document& doc, std::string& error) const;

  const PipelineOptions& options() const { return options_; }
  // nullptr when the pipeline stops after content.
  const extract::Extractor* extractor() const { return extractor_.get(); }

 private:
  PipelineOptions options_;
  content::Cues cues_;
  content::Options content_options_;
  std::unique_ptr<extract::Extractor> extractor_;
};

using EmitFn = std::function<void(Document&)>;
using ProblemFn = std::function<void(const std::string& origin, const std::string& message)>;
// What is done to each document: fills `doc`, or returns false with a one-line `error`.
using BatchWork = std::function<bool(ingest::RawDocument&& raw, Document& doc, std::string& error)>;

// Thrown by `emit` when the batch cannot go on (its output cannot be
// written): run_batch stops reading, drops the documents in flight, stops
// its threads and lets it through.
class BatchStop : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs `pipeline` over every document of `source` on `threads` threads and
// hands results to `emit` in input order. `on_problem` gets documents that
// could not be read or used, and documents whose invalid UTF-8 was repaired
// (those are still emitted). Any other exception while processing or
// emitting one document is that document's problem, on one line, and the
// batch goes on. Returns the number of documents reported.
size_t run_batch(const Pipeline& pipeline, ingest::Source& source, unsigned threads, const EmitFn& emit,
                 const ProblemFn& on_problem);
// The same with any work in place of the pipeline.
size_t run_batch(const BatchWork& work, ingest::Source& source, unsigned threads, const EmitFn& emit,
                 const ProblemFn& on_problem);

}  // namespace mekong
