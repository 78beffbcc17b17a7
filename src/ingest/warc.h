// WARC 1.0 / 1.1 reader (ISO 28500), record by record over a Reader (so
// plain or gzip, single stream or one member per record alike).
#pragma once

#include <memory>
#include <string>

#include "ingest/source.h"
#include "ingest/stream.h"

namespace mekong::ingest {

class WarcReader {
 public:
  // `path` names the file in origins (`path#<record index>`) and messages.
  WarcReader(std::unique_ptr<Reader> in, std::string path, SourceOptions options);

  // The next page (an HTML `response` or `resource`, or a `conversion` text
  // record as in Common Crawl WET) or the next broken record. Other records
  // are skipped. False at the end of the file.
  bool next(Item& out);

 private:
  struct Header;
  bool read_header(Header& h, Item& out);
  enum class BlockEnd { Ok, Junk, Bad };
  BlockEnd check_end_of_block();
  // Drops a block of `length` bytes without keeping it; stops early, just
  // before it, at a record start hidden inside (`hidden`). Returns the
  // bytes dropped.
  uint64_t skip_block(uint64_t length, bool& hidden);
  void problem(Item& out, const std::string& origin, std::string message);

  std::unique_ptr<Reader> in_;
  std::string path_;
  SourceOptions options_;
  size_t index_ = 0;  // records seen so far, broken ones included
  bool done_ = false;
  std::string block_;  // reused between records
};

// The payload of an HTTP response: status, headers and the body after them
// (chunked transfer and gzip/deflate content encodings undone).
struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string body;
};
// False with `error` when the message is not HTTP or its body cannot be decoded.
bool parse_http_response(std::string_view message, size_t max_body, HttpResponse& out, std::string& error);

}  // namespace mekong::ingest
