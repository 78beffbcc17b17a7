#include "pipeline/pipeline.h"

#include <condition_variable>
#include <stdexcept>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "ingest/html.h"
#include "normalize/normalize.h"

#ifndef MEKONG_LEXICON_DIR
#define MEKONG_LEXICON_DIR "lexicon"
#endif

namespace mekong {

std::string default_lexicon_dir() {
  if (const char* env = std::getenv("MEKONG_LEXICON"); env && *env) return env;
  if (std::filesystem::exists(MEKONG_LEXICON_DIR)) return MEKONG_LEXICON_DIR;
  return "lexicon";
}

Pipeline::Pipeline(PipelineOptions options) : options_(std::move(options)) {
  if (options_.lexicon_dir.empty()) options_.lexicon_dir = default_lexicon_dir();
  cues_ = content::Cues::load(options_.lexicon_dir);
  content_options_.assume_published = options_.assume_published;
  if (options_.extract) {
    std::string error;
    extractor_ = extract::Extractor::create(options_.lexicon_dir, &error);
    if (!extractor_) throw std::runtime_error("cannot load the lexicons in " + options_.lexicon_dir + ": " + error);
  }
}

Pipeline::~Pipeline() = default;

bool Pipeline::run(ingest::RawDocument&& raw, Document& doc, std::string& error) const {
  doc = Document{};
  doc.id = std::move(raw.id);
  doc.origin = std::move(raw.origin);
  doc.meta = std::move(raw.meta);
  size_t html_invalid = 0;
  if (raw.format == ingest::Format::Html) {
    ingest::HtmlText h = ingest::html_to_text(raw.bytes);
    html_invalid = h.invalid_utf8_bytes;
    if (doc.meta.title.empty()) doc.meta.title = std::move(h.meta.title);
    if (doc.meta.published.empty()) doc.meta.published = std::move(h.meta.published);
    if (doc.meta.url.empty()) doc.meta.url = std::move(h.meta.url);
    doc.link_density = std::move(h.link_density);
    doc.line_times = std::move(h.times);
    raw.bytes = std::move(h.text);
  }
  if (!normalize::decode_owned(std::move(raw.bytes), doc, error)) return false;
  doc.replaced_bytes += html_invalid;  // gumbo repaired these before decode could count them
  content::analyze(doc, cues_, content_options_);
  if (extractor_) extractor_->run(doc);
  return true;
}

namespace {

// Invalid UTF-8 is repaired, not fatal: the record is written and marked.
std::string repaired_message(const Document& doc) {
  return std::to_string(doc.replaced_bytes) +
         " invalid UTF-8 bytes replaced by U+FFFD (record written, source.replaced_bytes set)";
}

}  // namespace

namespace {

// One line: a message from a library may hold newlines.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

// The work on one document, its exceptions turned into its problem.
bool run_safely(const BatchWork& work, ingest::RawDocument&& raw, Document& doc, std::string& error) {
  try {
    return work(std::move(raw), doc, error);
  } catch (const std::exception& e) {
    error = one_line(std::string("cannot process this document: ") + e.what());
  } catch (...) {
    error = "cannot process this document: unknown error";
  }
  return false;
}

// Hands a document's outcome to the caller: counts and reports problems,
// emits the document. Exceptions from `emit` other than BatchStop are the
// document's problem.
class Outlet {
 public:
  Outlet(const EmitFn& emit, const ProblemFn& on_problem) : emit_(emit), on_problem_(on_problem) {}
  void problem(const std::string& origin, const std::string& message) {
    ++failed_;
    try {
      on_problem_(origin, message);
    } catch (const BatchStop&) {
      throw;
    } catch (...) {  // a report that cannot be made still counts
    }
  }
  void done(const std::string& origin, bool ok, const std::string& error, Document& doc) {
    if (!ok) return problem(origin, error);
    if (doc.replaced_bytes) problem(origin, repaired_message(doc));
    try {
      emit_(doc);
    } catch (const BatchStop&) {
      throw;
    } catch (const std::exception& e) {
      problem(origin, one_line(e.what()));
    } catch (...) {
      problem(origin, "unknown error");
    }
  }
  size_t failed() const { return failed_; }

 private:
  const EmitFn& emit_;
  const ProblemFn& on_problem_;
  size_t failed_ = 0;
};

}  // namespace

size_t run_batch(const Pipeline& pipeline, ingest::Source& source, unsigned threads, const EmitFn& emit,
                 const ProblemFn& on_problem) {
  const BatchWork work = [&pipeline](ingest::RawDocument&& raw, Document& doc, std::string& error) {
    return pipeline.run(std::move(raw), doc, error);
  };
  return run_batch(work, source, threads, emit, on_problem);
}

size_t run_batch(const BatchWork& work, ingest::Source& source, unsigned threads, const EmitFn& emit,
                 const ProblemFn& on_problem) {
  Outlet outlet(emit, on_problem);
  if (threads <= 1) {
    ingest::Item item;
    Document doc;
    std::string error;
    while (source.next(item)) {
      if (item.problem) {
        outlet.problem(item.problem->origin, item.problem->message);
        continue;
      }
      const std::string origin = item.doc->origin;
      const bool ok = run_safely(work, std::move(*item.doc), doc, error);
      outlet.done(origin, ok, error, doc);
    }
    return outlet.failed();
  }

  // Workers take documents from a bounded queue; results are emitted in
  // input order, so memory stays bounded by the window, not the corpus.
  struct Slot {
    bool done = false;
    bool ok = false;
    std::string origin, error;
    Document doc;
  };
  const size_t window = threads * 4;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::pair<size_t, ingest::RawDocument>> queue;
  std::map<size_t, Slot> results;
  bool input_done = false;

  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (;;) {
        std::pair<size_t, ingest::RawDocument> job;
        {
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return !queue.empty() || input_done; });
          if (queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
        }
        Slot slot;
        slot.origin = job.second.origin;
        slot.ok = run_safely(work, std::move(job.second), slot.doc, slot.error);
        slot.done = true;
        {
          std::lock_guard lock(mu);
          results[job.first] = std::move(slot);
        }
        cv.notify_all();
      }
    });
  }

  size_t next_in = 0, next_out = 0;
  auto drain = [&](bool all) {
    std::unique_lock lock(mu);
    for (;;) {
      auto it = results.find(next_out);
      if (it != results.end()) {
        Slot slot = std::move(it->second);
        results.erase(it);
        ++next_out;
        lock.unlock();
        if (!slot.done) outlet.problem(slot.origin, slot.error);  // a problem reported by the source, in order
        else outlet.done(slot.origin, slot.ok, slot.error, slot.doc);
        lock.lock();
        continue;
      }
      const size_t in_flight = next_in - next_out;
      if (all ? in_flight == 0 : in_flight < window) return;
      cv.wait(lock);
    }
  };
  auto stop = [&] {
    {
      std::lock_guard lock(mu);
      input_done = true;
      queue.clear();
    }
    cv.notify_all();
    for (auto& th : pool) th.join();
  };

  try {
    ingest::Item item;
    while (source.next(item)) {
      drain(false);
      std::lock_guard lock(mu);
      if (item.problem) {
        Slot s;
        s.origin = item.problem->origin;
        s.error = item.problem->message;
        results[next_in++] = std::move(s);
      } else {
        queue.emplace_back(next_in++, std::move(*item.doc));
      }
      cv.notify_all();
    }
    {
      std::lock_guard lock(mu);
      input_done = true;
    }
    cv.notify_all();
    drain(true);
  } catch (...) {
    stop();  // no thread is left running when the exception goes on
    throw;
  }
  stop();
  return outlet.failed();
}

}  // namespace mekong
