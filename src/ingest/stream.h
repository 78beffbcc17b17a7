// Byte streams under the readers: a file (or stdin), gzip decompression on
// top of it, and a buffered reader with lines, peeking and push-back, so
// that containers are read piece by piece and never loaded whole.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace mekong::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `n` bytes into `buf`; 0 at the end or on error (then error() says why).
  virtual size_t read(char* buf, size_t n) = 0;
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

// A file, or standard input for "-".
class FileSource final : public ByteSource {
 public:
  // nullptr with `error` set when the file cannot be opened.
  static std::unique_ptr<FileSource> open(const std::string& path, std::string& error);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  size_t read(char* buf, size_t n) override;

 private:
  FileSource(std::FILE* f, bool owned) : f_(f), owned_(owned) {}
  std::FILE* f_;
  bool owned_;
};

// A memory buffer (tests, benchmarks, HTTP bodies).
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}
  size_t read(char* buf, size_t n) override;

 private:
  std::string data_;
  size_t pos_ = 0;
};

// Decompresses gzip (RFC 1952), including several members one after the
// other as in Common Crawl's per-record gzip. A stream that ends inside a
// member is reported as truncated.
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> inner);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  size_t read(char* buf, size_t n) override;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// True when `head` starts with the gzip magic bytes.
bool is_gzip(std::string_view head);

class Reader;

// A file, or standard input for "-", decompressed when it is gzip (told by
// its magic bytes, not its name); `gzip` says which. nullptr with `error`
// when it cannot be opened.
std::unique_ptr<Reader> open_stream(const std::string& path, std::string& error, bool* gzip = nullptr);

// Buffered reading over a ByteSource.
class Reader {
 public:
  explicit Reader(std::unique_ptr<ByteSource> src) : src_(std::move(src)) {}

  // The next `n` bytes (fewer at the end) without consuming them.
  std::string_view peek(size_t n);
  // One line without its '\n' (a trailing '\r' is kept). False at the end.
  // A line longer than `max` is cut there; `cut` says so.
  bool read_line(std::string& line, size_t max, bool* cut = nullptr);
  // Appends up to `n` bytes to `out`; returns how many.
  size_t read(std::string& out, size_t n);
  // Drops up to `n` bytes; returns how many.
  size_t skip(size_t n);
  // Drops bytes until `needle` is next (not consumed) or `n` bytes are
  // dropped, whichever comes first; returns how many were dropped.
  size_t skip_until(std::string_view needle, size_t n);
  // Puts `bytes` back in front of what remains to be read.
  void unread(std::string_view bytes);
  // Drops bytes until `needle` starts a line (or the end); true when found.
  bool skip_to_line_starting(std::string_view needle);
  // True when nothing remains (may read to find out).
  bool at_end();
  // The underlying error, if reading stopped on one.
  const std::string& error() const { return src_->error(); }
  // Bytes consumed so far (after decompression).
  uint64_t position() const { return consumed_; }

 private:
  // Makes at least `n` bytes available if the source has them.
  void fill(size_t n);
  void consume(size_t k);
  std::unique_ptr<ByteSource> src_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  uint64_t consumed_ = 0;
  char prev_ = '\n';  // the last byte consumed: is the next one at a line start?
};

}  // namespace mekong::ingest
