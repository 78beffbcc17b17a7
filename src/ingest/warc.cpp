#include "ingest/warc.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "ingest/charset.h"

namespace mekong::ingest {

namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderBytes = 1 << 20;
constexpr std::string_view kRecordStart = "WARC/1.";

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool icontains(std::string_view hay, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (iequals(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void chomp(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

// Splits 'Name: value'; false when there is no colon.
bool split_field(std::string_view line, std::string_view& name, std::string_view& value) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  name = trim(line.substr(0, colon));
  value = trim(line.substr(colon + 1));
  return true;
}

// A record's block that hides the start of another record ('\r\n\r\nWARC/1.x\r\n'):
// its Content-Length was too long and swallowed whole records.
size_t hidden_record_start(std::string_view block) {
  constexpr std::string_view sep = "\r\n\r\nWARC/1.";
  for (size_t at = block.find(sep); at != std::string_view::npos; at = block.find(sep, at + 1)) {
    const std::string_view rest = block.substr(at + sep.size());
    if (rest.size() >= 3 && rest[0] >= '0' && rest[0] <= '9' && rest.substr(1, 2) == "\r\n") return at + 4;
  }
  return std::string_view::npos;
}

bool inflate_body(std::string_view in, size_t max, std::string& out, std::string& error) {
  z_stream z{};
  // 15 + 32: zlib or gzip wrapper, detected from the header.
  if (inflateInit2(&z, 15 + 32) != Z_OK) {
    error = "zlib initialisation failed";
    return false;
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  out.clear();
  char buf[1 << 15];
  int ret = Z_OK;
  while (ret == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    ret = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > max) {
      inflateEnd(&z);
      error = fmt::format("HTTP body larger than the {} MiB document limit once decompressed", max >> 20);
      return false;
    }
    if (ret == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated body: keep what came out
  }
  inflateEnd(&z);
  if (ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
    error = fmt::format("cannot decompress the HTTP body ({})", z.msg ? z.msg : "inflate error");
    return false;
  }
  return true;
}

// Transfer-Encoding: chunked -> the plain body. False when malformed.
bool dechunk(std::string_view in, std::string& out) {
  out.clear();
  size_t i = 0;
  for (;;) {
    const size_t eol = in.find('\n', i);
    if (eol == std::string_view::npos) return !out.empty();  // cut short: keep what we have
    std::string_view size_line = trim(in.substr(i, eol - i));
    size_line = size_line.substr(0, size_line.find(';'));
    size_t n = 0;
    const auto r = std::from_chars(size_line.data(), size_line.data() + size_line.size(), n, 16);
    if (r.ec != std::errc() || size_line.empty()) return false;
    i = eol + 1;
    if (n == 0) return true;
    if (i + n > in.size()) {
      out.append(in.substr(i));
      return true;
    }
    out.append(in.substr(i, n));
    i += n;
    if (in.substr(i, 2) == "\r\n") i += 2;
    else if (in.substr(i, 1) == "\n") i += 1;
  }
}

}  // namespace

bool parse_http_response(std::string_view message, size_t max_body, HttpResponse& out, std::string& error) {
  out = HttpResponse{};
  if (message.substr(0, 5) != "HTTP/") {
    error = "response record without an HTTP status line";
    return false;
  }
  size_t head_end = message.find("\r\n\r\n");
  size_t body_at = head_end == std::string_view::npos ? std::string_view::npos : head_end + 4;
  const size_t lf = message.find("\n\n");
  if (lf != std::string_view::npos && (head_end == std::string_view::npos || lf < head_end)) {
    head_end = lf;
    body_at = lf + 2;
  }
  const std::string_view head = message.substr(0, head_end);
  const std::string_view body = body_at == std::string_view::npos ? std::string_view() : message.substr(body_at);

  std::string_view transfer, encoding;
  size_t b = 0;
  bool first = true;
  while (b < head.size()) {
    size_t e = head.find('\n', b);
    if (e == std::string_view::npos) e = head.size();
    const std::string_view line = trim(head.substr(b, e - b));
    b = e + 1;
    if (first) {
      first = false;
      const size_t sp = line.find(' ');
      if (sp != std::string_view::npos) {
        const std::string_view code = line.substr(sp + 1, 3);
        std::from_chars(code.data(), code.data() + code.size(), out.status);
      }
      continue;
    }
    std::string_view name, value;
    if (!split_field(line, name, value)) continue;
    if (iequals(name, "content-type")) out.content_type = std::string(value);
    else if (iequals(name, "transfer-encoding")) transfer = value;
    else if (iequals(name, "content-encoding")) encoding = value;
  }

  std::string plain;
  std::string_view payload = body;
  if (icontains(transfer, "chunked") && dechunk(body, plain)) payload = plain;
  if (encoding.empty() || iequals(encoding, "identity")) {
    out.body.assign(payload);
  } else if (icontains(encoding, "gzip") || icontains(encoding, "deflate")) {
    if (!inflate_body(payload, max_body, out.body, error)) {
      // Servers (and archivers that decoded it already) say gzip of plain bytes.
      if (binary_reason(payload.substr(0, 4096)) != nullptr) return false;
      out.body.assign(payload);
    }
  } else {
    error = fmt::format("unsupported HTTP Content-Encoding '{}'", encoding);
    return false;
  }
  return true;
}

struct WarcReader::Header {
  std::string origin;
  std::string type, id, uri, content_type, date;
  uint64_t length = 0;
  bool has_length = false;
};

WarcReader::WarcReader(std::unique_ptr<Reader> in, std::string path, SourceOptions options)
    : in_(std::move(in)), path_(std::move(path)), options_(options) {}

void WarcReader::problem(Item& out, const std::string& origin, std::string message) {
  out.doc.reset();
  out.problem = Problem{origin, std::move(message)};
}

// Reads one record header. True with `h` filled; false at the end of the
// file or with a problem in `out`.
bool WarcReader::read_header(Header& h, Item& out) {
  std::string line;
  bool cut = false;
  do {  // blank lines between records
    if (!in_->read_line(line, kMaxHeaderLine, &cut)) {
      done_ = true;
      if (!in_->error().empty()) problem(out, path_, in_->error());
      return false;
    }
    chomp(line);
  } while (line.empty());

  h.origin = fmt::format("{}#{}", path_, index_);
  if (line.compare(0, kRecordStart.size(), kRecordStart) != 0) {
    const uint64_t at = in_->position() - line.size();
    problem(out, fmt::format("{}@{}", path_, at),
            "no WARC record header where one was expected; skipping to the next record");
    in_->skip_to_line_starting(kRecordStart);
    return false;
  }
  ++index_;
  size_t header_bytes = line.size();
  std::string* last = nullptr;
  for (;;) {
    if (!in_->read_line(line, kMaxHeaderLine, &cut)) {
      done_ = true;
      problem(out, h.origin,
              in_->error().empty() ? std::string("truncated WARC record: the file ends inside its header")
                                   : fmt::format("truncated WARC record: {}", in_->error()));
      return false;
    }
    chomp(line);
    header_bytes += line.size();
    if (cut || header_bytes > kMaxHeaderBytes) {
      problem(out, h.origin, "WARC record header too long; skipping to the next record");
      in_->skip_to_line_starting(kRecordStart);
      return false;
    }
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && last) {  // folded continuation
      last->append(" ").append(trim(line));
      continue;
    }
    std::string_view name, value;
    last = nullptr;
    if (!split_field(line, name, value)) continue;
    if (iequals(name, "WARC-Type")) last = &(h.type = std::string(value));
    else if (iequals(name, "WARC-Record-ID")) last = &(h.id = std::string(value));
    else if (iequals(name, "WARC-Target-URI")) last = &(h.uri = std::string(value));
    else if (iequals(name, "WARC-Date")) last = &(h.date = std::string(value));
    else if (iequals(name, "Content-Type")) last = &(h.content_type = std::string(value));
    else if (iequals(name, "Content-Length")) {
      const auto r = std::from_chars(value.data(), value.data() + value.size(), h.length);
      h.has_length = r.ec == std::errc() && r.ptr == value.data() + value.size();
    }
  }
  return true;
}

// After a block: the record separator (CRLF CRLF), then the next record
// or the end. Blank lines in any number are accepted. Junk after a proper
// separator is the next header's problem, not this record's.
WarcReader::BlockEnd WarcReader::check_end_of_block() {
  size_t newlines = 0;
  for (;;) {
    const std::string_view ahead = in_->peek(kRecordStart.size());
    if (ahead.empty()) return BlockEnd::Ok;
    if (ahead[0] == '\r' || ahead[0] == '\n') {
      newlines += ahead[0] == '\n';
      in_->skip(1);
      continue;
    }
    if (ahead == kRecordStart) return BlockEnd::Ok;
    return newlines >= 2 ? BlockEnd::Junk : BlockEnd::Bad;
  }
}

uint64_t WarcReader::skip_block(uint64_t length, bool& hidden) {
  hidden = false;
  constexpr std::string_view sep = "\r\n\r\nWARC/1.";
  uint64_t done = 0;
  while (done < length) {
    done += in_->skip_until(sep, static_cast<size_t>(std::min<uint64_t>(length - done, SIZE_MAX)));
    if (done >= length) break;
    const std::string_view ahead = in_->peek(sep.size() + 3);
    if (ahead.size() < sep.size()) {  // the end of the file
      done += in_->skip(ahead.size());
      break;
    }
    const std::string_view rest = ahead.substr(sep.size());
    if (done + 4 < length && rest.size() == 3 && rest[0] >= '0' && rest[0] <= '9' && rest.substr(1) == "\r\n") {
      in_->skip(4);  // the record starts after the separator
      hidden = true;
      return done + 4;
    }
    done += in_->skip(1);
  }
  return done;
}

bool WarcReader::next(Item& out) {
  out = Item{};
  while (!done_) {
    Header h;
    if (!read_header(h, out)) {
      if (out.problem) return true;
      continue;
    }
    if (!h.has_length) {
      problem(out, h.origin, "WARC record without a valid Content-Length; skipping to the next record");
      in_->skip_to_line_starting(kRecordStart);
      return true;
    }
    const bool wanted = h.type == "response" || h.type == "resource" || h.type == "conversion";
    const uint64_t block_start = in_->position();

    if (h.length > options_.max_document_bytes) {
      // Too big to keep: stream past it, watching for a record start inside
      // it (a lying Content-Length must not swallow the records after it).
      bool hidden = false;
      const uint64_t got = skip_block(h.length, hidden);
      if (hidden) {
        problem(out, h.origin,
                fmt::format("WARC Content-Length {} is too long: the next record starts {} bytes into the block",
                            h.length, got));
        return true;
      }
      if (got < h.length) {
        done_ = true;
        problem(out, h.origin,
                in_->error().empty()
                    ? fmt::format("truncated WARC record: Content-Length is {} bytes, the file ends after {}",
                                  h.length, got)
                    : fmt::format("truncated WARC record: {}", in_->error()));
        return true;
      }
      if (check_end_of_block() == BlockEnd::Bad) {
        in_->skip_to_line_starting(kRecordStart);
        problem(out, h.origin, fmt::format("WARC record of {} bytes not followed by a record end; skipped", h.length));
        return true;
      }
      if (wanted) {
        problem(out, h.origin,
                fmt::format("WARC record larger than the {} MiB document limit; skipped", options_.max_document_bytes >> 20));
        return true;
      }
      continue;
    }

    block_.clear();
    const size_t got = in_->read(block_, h.length);
    const bool ends_early = got < h.length;
    size_t hidden = ends_early ? std::string::npos : hidden_record_start(block_);
    if (ends_early || hidden != std::string::npos || check_end_of_block() == BlockEnd::Bad) {
      // Content-Length does not fit the data. Look for the next record from
      // just after this one's start, in its block and beyond.
      const std::string gz_error = in_->error();
      if (hidden != std::string::npos) {
        in_->unread(std::string_view(block_).substr(hidden));
      } else if (!block_.empty()) {  // (a file that ends right after the header has no block at all)
        in_->unread(std::string_view(block_).substr(1));
      }
      const bool found = in_->skip_to_line_starting(kRecordStart);
      const uint64_t next_at = in_->position();
      std::string why;
      if (!found) {
        done_ = true;
        why = gz_error.empty() ? fmt::format("truncated WARC record: Content-Length is {} bytes, the file ends after {}",
                                             h.length, got)
                               : fmt::format("truncated WARC record: {}", gz_error);
      } else if (next_at < block_start + h.length) {
        why = fmt::format("WARC Content-Length {} is too long: the next record starts {} bytes into the block", h.length,
                          next_at - block_start);
      } else {
        why = fmt::format("WARC Content-Length {} is too short: the block goes on, the next record starts {} bytes into it",
                          h.length, next_at - block_start);
      }
      problem(out, h.origin, why);
      return true;
    }
    if (!wanted) continue;

    RawDocument doc;
    doc.origin = h.origin;
    doc.id = h.id;
    if (doc.id.size() >= 2 && doc.id.front() == '<' && doc.id.back() == '>') doc.id = doc.id.substr(1, doc.id.size() - 2);
    if (doc.id.empty()) doc.id = fmt::format("{}-{}", doc_id_from_path(path_), index_ - 1);
    doc.meta.url = h.uri;
    doc.meta.crawled = h.date;
    std::string charset;
    if (h.type == "conversion") {
      doc.format = Format::Text;
      doc.bytes = std::move(block_);
      charset = charset_of_content_type(h.content_type);
    } else if (h.type == "resource") {
      const bool html = h.content_type.empty() ? sniff(std::string_view(block_).substr(0, 4096)) == Format::Html
                                               : icontains(h.content_type, "html");
      if (!html) continue;
      doc.format = Format::Html;
      doc.bytes = std::move(block_);
      charset = charset_of_content_type(h.content_type);
    } else {  // response
      if (!h.content_type.empty() && !icontains(h.content_type, "application/http")) continue;  // dns: and kin
      HttpResponse http;
      std::string error;
      if (!parse_http_response(block_, options_.max_document_bytes, http, error)) {
        problem(out, h.origin, error);
        return true;
      }
      if (http.status < 200 || http.status >= 300) continue;  // redirects, errors: no page
      const bool html = http.content_type.empty() ? sniff(std::string_view(http.body).substr(0, 4096)) == Format::Html
                                                  : icontains(http.content_type, "html");
      if (!html) continue;
      doc.format = Format::Html;
      doc.bytes = std::move(http.body);
      charset = charset_of_content_type(http.content_type);
    }
    // A record with nothing in it is not a page that failed: skip it quietly.
    if (doc.bytes.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    std::string error;
    if (!prepare_document(doc, charset, error)) {
      problem(out, h.origin, error);
      return true;
    }
    out.doc = std::move(doc);
    return true;
  }
  return false;
}

}  // namespace mekong::ingest
