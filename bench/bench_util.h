// Inputs shared by the stage benchmarks: the seed pages (or, without them,
// generated Vietnamese-like text), as text, HTML, gzip and WARC.
#pragma once

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace mekong::bench {

inline std::vector<std::string> seed_pages() {
  std::vector<std::string> pages;
  const std::filesystem::path dir = std::filesystem::path(MEKONG_SHARED_DIR) / "data" / "seeds";
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    pages.push_back(s.str());
  }
  if (pages.empty()) {
    // No seeds beside the tree: a page of generic sentences.
    std::string page = "Tiêu đề của một bài báo thử nghiệm\n07:30 | 02/03/2024\n";
    for (int i = 0; i < 60; ++i)
      page += "Đoạn văn số " + std::to_string(i) +
              " nói về hợp tác kinh tế, thương mại và đầu tư giữa các địa phương trong khu vực.\n";
    pages.push_back(page);
  }
  return pages;
}

// A text page as the HTML a news site would serve: paragraphs, a menu.
inline std::string as_html(const std::string& text) {
  std::string h = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Trang</title></head><body>"
                  "<nav><ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/tg\">Thế giới</a></li></ul></nav><article>";
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    h += "<p>";
    for (char c : line) {
      if (c == '<') h += "&lt;";
      else if (c == '&') h += "&amp;";
      else h += c;
    }
    h += "</p>\n";
  }
  h += "</article><script>var x = 1;</script></body></html>";
  return h;
}

inline std::string gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string warc_record(const std::string& type, size_t n, const std::string& content_type,
                               const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:bench-" + std::to_string(n) +
                  ">\r\nWARC-Target-URI: https://bench.example/" + std::to_string(n) +
                  "\r\nContent-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) +
                  "\r\n\r\n";
  return r + block + "\r\n\r\n";
}

inline std::string http_html(const std::string& html) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
         std::to_string(html.size()) + "\r\n\r\n" + html;
}

// Files written for a benchmark, removed when the program ends.
struct TempFiles {
  std::vector<std::filesystem::path> paths;
  ~TempFiles() {
    std::error_code ec;
    for (const auto& p : paths) std::filesystem::remove(p, ec);
  }
};

inline std::string temp_file(const std::string& name, const std::string& bytes) {
  static TempFiles files;
  const auto p = std::filesystem::temp_directory_path() / ("mekong-bench-" + std::to_string(::getpid()) + "-" + name);
  files.paths.push_back(p);
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p.string();
}

}  // namespace mekong::bench
