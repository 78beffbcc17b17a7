// Test helpers: temporary folders, gzip, WARC records, draining a Source.
#pragma once

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/source.h"

namespace mekong::ingest::testing {

namespace fs = std::filesystem;

// A fresh folder, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "mekong-ingest-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to `name` inside the folder; returns the full path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// One gzip member holding `data`.
inline std::string gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate failed");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A WARC record: header, block, and the CRLF CRLF that ends it.
// `length` overrides the Content-Length (to make it lie); -1 = the truth.
inline std::string warc_record(const std::string& type, const std::string& id, const std::string& uri,
                               const std::string& content_type, const std::string& block, long length = -1,
                               const std::string& version = "WARC/1.0") {
  std::string r = version + "\r\n";
  r += "WARC-Type: " + type + "\r\n";
  r += "WARC-Record-ID: <" + id + ">\r\n";
  r += "WARC-Date: 2023-11-02T03:04:05Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(length < 0 ? static_cast<long>(block.size()) : length) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

inline std::string http_response(const std::string& body, const std::string& content_type = "text/html; charset=UTF-8",
                                 const std::string& status = "200 OK", const std::string& extra_headers = "") {
  return "HTTP/1.1 " + status + "\r\nServer: test\r\nContent-Type: " + content_type + "\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

struct Drained {
  std::vector<RawDocument> docs;
  std::vector<Problem> problems;
  std::vector<std::string> order;  // "doc:<id>" / "problem:<origin>" as yielded
};

inline Drained drain(const std::vector<std::string>& paths, SourceOptions options = {}) {
  Source source(paths, options);
  Drained d;
  Item item;
  while (source.next(item)) {
    if (item.doc) {
      d.order.push_back("doc:" + item.doc->id);
      d.docs.push_back(std::move(*item.doc));
    } else if (item.problem) {
      d.order.push_back("problem:" + item.problem->origin);
      d.problems.push_back(std::move(*item.problem));
    }
  }
  return d;
}

}  // namespace mekong::ingest::testing
