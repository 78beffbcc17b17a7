#include "ingest/stream.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace mekong::ingest {

namespace {
constexpr size_t kChunk = 1 << 16;
}

// ---------------------------------------------------------------- files

std::unique_ptr<FileSource> FileSource::open(const std::string& path, std::string& error) {
  if (path == "-") return std::unique_ptr<FileSource>(new FileSource(stdin, false));
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = fmt::format("cannot open: {}", std::strerror(errno));
    return nullptr;
  }
  return std::unique_ptr<FileSource>(new FileSource(f, true));
}

FileSource::~FileSource() {
  if (owned_ && f_) std::fclose(f_);
}

size_t FileSource::read(char* buf, size_t n) {
  const size_t got = std::fread(buf, 1, n, f_);
  if (got == 0 && std::ferror(f_) && error_.empty()) error_ = fmt::format("read error: {}", std::strerror(errno));
  return got;
}

size_t StringSource::read(char* buf, size_t n) {
  const size_t k = std::min(n, data_.size() - pos_);
  std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

// ---------------------------------------------------------------- gzip

bool is_gzip(std::string_view head) { return head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b'; }

struct GzipSource::State {
  std::unique_ptr<ByteSource> inner;
  z_stream z{};
  std::string in;
  bool in_eof = false;
  bool member_open = false;  // inside a gzip member (its end not yet seen)
  bool done = false;
  bool init = false;
};

GzipSource::GzipSource(std::unique_ptr<ByteSource> inner) : s_(std::make_unique<State>()) {
  s_->inner = std::move(inner);
  s_->in.resize(kChunk);
  // 15 + 16: gzip wrapper only, largest window.
  if (inflateInit2(&s_->z, 15 + 16) != Z_OK) {
    error_ = "zlib initialisation failed";
    s_->done = true;
  } else {
    s_->init = true;
  }
}

GzipSource::~GzipSource() {
  if (s_->init) inflateEnd(&s_->z);
}

size_t GzipSource::read(char* buf, size_t n) {
  State& s = *s_;
  if (s.done || n == 0) return 0;
  z_stream& z = s.z;
  z.next_out = reinterpret_cast<Bytef*>(buf);
  z.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
  const uInt want = z.avail_out;
  while (z.avail_out > 0 && !s.done) {
    if (z.avail_in == 0 && !s.in_eof) {
      const size_t got = s.inner->read(s.in.data(), s.in.size());
      if (got == 0) {
        s.in_eof = true;
        if (!s.inner->error().empty()) {
          error_ = s.inner->error();
          s.done = true;
          break;
        }
      }
      z.next_in = reinterpret_cast<Bytef*>(s.in.data());
      z.avail_in = static_cast<uInt>(got);
    }
    if (!s.member_open) {
      // Between members: another member, or the end. Bytes that are not a
      // gzip header (padding) end the stream, as gzip(1) does.
      if (z.avail_in == 0) {
        if (s.in_eof) s.done = true;
        continue;
      }
      if (z.next_in[0] != 0x1f) {
        s.done = true;
        break;
      }
      inflateReset(&z);
      s.member_open = true;
    }
    const int ret = inflate(&z, Z_NO_FLUSH);
    if (ret == Z_STREAM_END) {
      s.member_open = false;
    } else if (ret == Z_OK) {
      continue;
    } else if (ret == Z_BUF_ERROR) {
      // No progress: either more input is needed or the input is over.
      if (z.avail_in == 0 && s.in_eof) {
        error_ = "truncated gzip data (the file ends inside a compressed member)";
        s.done = true;
      }
    } else {
      error_ = fmt::format("corrupt gzip data ({})", z.msg ? z.msg : "inflate error");
      s.done = true;
    }
  }
  return want - z.avail_out;
}

// ---------------------------------------------------------------- open

namespace {

// Gives back bytes already read (the magic number) before the rest.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  size_t read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      const size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    const size_t got = rest_->read(buf, n);
    if (got == 0) error_ = rest_->error();
    return got;
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

}  // namespace

std::unique_ptr<Reader> open_stream(const std::string& path, std::string& error, bool* gzip) {
  std::unique_ptr<ByteSource> file = FileSource::open(path, error);
  if (!file) return nullptr;
  char magic[2];
  size_t got = 0;
  while (got < sizeof magic) {
    const size_t k = file->read(magic + got, sizeof magic - got);
    if (k == 0) break;
    got += k;
  }
  const bool gz = is_gzip(std::string_view(magic, got));
  if (gzip) *gzip = gz;
  std::unique_ptr<ByteSource> src = std::make_unique<PrefixedSource>(std::string(magic, got), std::move(file));
  if (gz) src = std::make_unique<GzipSource>(std::move(src));
  return std::make_unique<Reader>(std::move(src));
}

// ---------------------------------------------------------------- reader

void Reader::fill(size_t n) {
  if (buf_.size() - pos_ >= n || eof_) return;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  while (buf_.size() < n && !eof_) {
    const size_t old = buf_.size();
    buf_.resize(old + std::max(kChunk, n - old));
    const size_t got = src_->read(buf_.data() + old, buf_.size() - old);
    buf_.resize(old + got);
    if (got == 0) eof_ = true;
  }
}

std::string_view Reader::peek(size_t n) {
  fill(n);
  return std::string_view(buf_).substr(pos_, n);
}

bool Reader::read_line(std::string& line, size_t max, bool* cut) {
  line.clear();
  if (cut) *cut = false;
  size_t searched = 0;
  for (;;) {
    const std::string_view view = std::string_view(buf_).substr(pos_);
    const size_t nl = view.find('\n', searched);
    if (nl != std::string_view::npos && nl <= max) {
      line.assign(view.substr(0, nl));
      consume(nl + 1);
      return true;
    }
    if (view.size() >= max) {
      line.assign(view.substr(0, max));
      consume(max);
      if (cut) *cut = true;
      return true;
    }
    if (eof_) {
      if (view.empty()) return false;
      line.assign(view);
      consume(view.size());
      return true;
    }
    searched = view.size();
    fill(view.size() + 1);
  }
}

size_t Reader::read(std::string& out, size_t n) {
  size_t done = 0;
  while (done < n) {
    fill(1);
    const size_t avail = buf_.size() - pos_;
    if (avail == 0) break;
    const size_t k = std::min(avail, n - done);
    out.append(buf_, pos_, k);
    consume(k);
    done += k;
  }
  return done;
}

size_t Reader::skip(size_t n) {
  size_t done = 0;
  while (done < n) {
    fill(1);
    const size_t avail = buf_.size() - pos_;
    if (avail == 0) break;
    const size_t k = std::min(avail, n - done);
    consume(k);
    done += k;
  }
  return done;
}

size_t Reader::skip_until(std::string_view needle, size_t n) {
  size_t done = 0;
  while (done < n) {
    fill(needle.size());
    const std::string_view view = std::string_view(buf_).substr(pos_);
    if (view.empty()) break;
    const size_t room = n - done;
    const size_t at = view.find(needle);
    if (at != std::string_view::npos && at < room) {
      consume(at);
      return done + at;
    }
    // No match starting in this view: keep a tail that could begin one.
    size_t k = view.size() < needle.size() ? view.size() : view.size() - needle.size() + 1;
    k = std::min(k, room);
    consume(k);
    done += k;
  }
  return done;
}

void Reader::unread(std::string_view bytes) {
  if (bytes.empty()) return;
  if (pos_ >= bytes.size() && std::string_view(buf_).substr(pos_ - bytes.size(), bytes.size()) == bytes) {
    pos_ -= bytes.size();  // still in the buffer
    prev_ = pos_ > 0 ? buf_[pos_ - 1] : '\n';
  } else {
    std::string merged;
    merged.reserve(bytes.size() + buf_.size() - pos_);
    merged.append(bytes);
    merged.append(buf_, pos_);
    buf_ = std::move(merged);
    pos_ = 0;
    prev_ = '\n';  // unknown: callers put back from a line start
  }
  consumed_ -= std::min<uint64_t>(consumed_, bytes.size());
}

bool Reader::skip_to_line_starting(std::string_view needle) {
  for (;;) {
    fill(needle.size() + 2);
    const std::string_view view = std::string_view(buf_).substr(pos_);
    if (prev_ == '\n' && view.substr(0, needle.size()) == needle) return true;
    std::string pattern = "\n";
    pattern.append(needle);
    const size_t at = view.find(pattern);
    if (at != std::string_view::npos) {
      consume(at + 1);
      return true;
    }
    if (eof_) {
      consume(view.size());
      return false;
    }
    // Keep a tail that could be the start of a match ('\n' + needle).
    const size_t keep = std::min(view.size(), needle.size() + 1);
    consume(view.size() - keep);
    fill(buf_.size() - pos_ + kChunk);
  }
}

void Reader::consume(size_t k) {
  if (k == 0) return;
  pos_ += k;
  consumed_ += k;
  prev_ = buf_[pos_ - 1];
}

bool Reader::at_end() {
  fill(1);
  return pos_ == buf_.size();
}

}  // namespace mekong::ingest
