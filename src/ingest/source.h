// ingest: turn paths (files, folders, '-') into a stream of raw documents.
// Containers (WARC, gzip) are read record by record, never whole.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace mekong::ingest {

enum class Format { Text, Html, Warc };

// One document as its container gave it, before UTF-8 decoding.
struct RawDocument {
  std::string id;      // doc_id
  std::string origin;  // path, or path#offset for a WARC record
  Format format = Format::Text;
  std::string bytes;   // the page: text, or HTML before conversion
  PageMeta meta;       // what the container said (WARC-Target-URI, ...)
};

// A document that could not be read; the batch goes on.
struct Problem {
  std::string origin;
  std::string message;
};

struct Item {
  std::optional<RawDocument> doc;
  std::optional<Problem> problem;
};

struct SourceOptions {
  size_t max_document_bytes = 32u << 20;  // larger documents are skipped with a message
};

// Pull-based: next() yields documents and problems in a stable order
// (paths as given; folders recursively, sorted by name).
class Source {
 public:
  Source(std::vector<std::string> paths, SourceOptions options = {});
  ~Source();
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  // False when every path is exhausted.
  bool next(Item& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Guess the format from the first bytes (after gzip decompression).
Format sniff(std::string_view head);

// The doc_id of a file: its name without directory and extension(s).
std::string doc_id_from_path(const std::string& path);

}  // namespace mekong::ingest
