#include "ingest/source.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace mekong::ingest {

struct Source::Impl {
  std::vector<std::string> files;  // expanded, in order
  size_t next_file = 0;
  SourceOptions options;
  std::vector<Problem> pending;    // problems found while expanding paths
};

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

// Reads a whole (non-container) file up to the size limit.
bool read_limited(std::istream& in, size_t limit, std::string& out, std::string& error) {
  out.clear();
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    const auto got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    if (out.size() + got > limit) {
      error = fmt::format("larger than the {} MiB document limit", limit >> 20);
      return false;
    }
    out.append(buf, got);
  }
  if (in.bad()) {
    error = "read error";
    return false;
  }
  return true;
}

}  // namespace

Format sniff(std::string_view head) {
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  std::string_view s = head.substr(i);
  if (s.substr(0, 5) == "WARC/") return Format::Warc;
  if (starts_with_ci(s, "<!doctype html") || starts_with_ci(s, "<html") ||
      starts_with_ci(s, "<head") || starts_with_ci(s, "<body") ||
      starts_with_ci(s, "<?xml") || starts_with_ci(s, "<meta") ||
      starts_with_ci(s, "<!--") || starts_with_ci(s, "<div") || starts_with_ci(s, "<title")) {
    // A text page may start with '<!--' too: require an HTML tag somewhere near.
    const std::string_view probe = s.substr(0, 4096);
    for (std::string_view tag : {"<html", "<head", "<body", "<div", "<p>", "<p ", "<meta", "<title", "<HTML", "<BODY", "<DIV"}) {
      if (probe.find(tag) != std::string_view::npos) return Format::Html;
    }
  }
  return Format::Text;
}

std::string doc_id_from_path(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (std::string_view ext : {".gz", ".txt", ".html", ".htm", ".warc", ".wet", ".text"}) {
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
      name.resize(name.size() - ext.size());
    }
  }
  return name;
}

Source::Source(std::vector<std::string> paths, SourceOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  for (const std::string& p : paths) {
    if (p == "-") {
      impl_->files.push_back(p);
      continue;
    }
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      impl_->pending.push_back({p, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      impl_->files.insert(impl_->files.end(), found.begin(), found.end());
    } else {
      impl_->files.push_back(p);
    }
  }
}

Source::~Source() = default;

bool Source::next(Item& out) {
  out = Item{};
  if (!impl_->pending.empty()) {
    out.problem = std::move(impl_->pending.front());
    impl_->pending.erase(impl_->pending.begin());
    return true;
  }
  if (impl_->next_file >= impl_->files.size()) return false;
  const std::string path = impl_->files[impl_->next_file++];
  RawDocument doc;
  doc.origin = path;
  doc.id = path == "-" ? std::string("stdin") : doc_id_from_path(path);
  std::string error;
  bool ok;
  if (path == "-") {
    ok = read_limited(std::cin, impl_->options.max_document_bytes, doc.bytes, error);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      out.problem = Problem{path, "cannot open"};
      return true;
    }
    ok = read_limited(in, impl_->options.max_document_bytes, doc.bytes, error);
  }
  if (!ok) {
    out.problem = Problem{path, error};
    return true;
  }
  doc.format = sniff(std::string_view(doc.bytes).substr(0, 4096));
  out.doc = std::move(doc);
  return true;
}

}  // namespace mekong::ingest
