#include "ingest/source.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "ingest/charset.h"
#include "ingest/stream.h"
#include "ingest/warc.h"

namespace fs = std::filesystem;

namespace mekong::ingest {

struct Source::Impl {
  std::vector<std::string> files;  // expanded, in order
  size_t next_file = 0;
  SourceOptions options;
  std::deque<Problem> pending;     // problems found while expanding paths
  std::unique_ptr<WarcReader> warc;  // the WARC file being read, if any

  // Opens the next file: yields its document or problem, or starts `warc`
  // (then returns false and the caller goes on with it).
  bool open(const std::string& path, Item& out);
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

namespace {

// Why a path that is not a regular file or a folder is not read.
std::string not_regular(const fs::file_status& st) {
  switch (st.type()) {
    case fs::file_type::fifo: return "a FIFO (named pipe), not a regular file; skipped without reading it";
    case fs::file_type::socket: return "a socket, not a regular file; skipped";
    case fs::file_type::block:
    case fs::file_type::character: return "a device, not a regular file; skipped";
    case fs::file_type::not_found: return "a symbolic link to nothing; skipped";
    default: return "not a regular file; skipped";
  }
}

// The regular files under `root` (links to files included, links to
// folders not followed). Folders that cannot be read and entries that are
// not regular files are problems; the walk goes on without them.
void walk(const fs::path& root, std::vector<std::string>& files, std::deque<Problem>& problems) {
  std::vector<fs::path> folders{root};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code st_ec;
      if (it->is_directory(st_ec) && it->is_symlink(st_ec)) continue;  // a link to a folder
      if (it->is_directory(st_ec)) {
        folders.push_back(it->path());
        continue;
      }
      const fs::file_status st = it->status(st_ec);
      if (fs::is_regular_file(st)) files.push_back(it->path().string());
      else problems.push_back({it->path().string(), not_regular(st)});
    }
    if (ec) problems.push_back({folder.string(), fmt::format("cannot read this folder: {}; skipped", ec.message())});
  }
}

}  // namespace

Source::Source(std::vector<std::string> paths, SourceOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  for (const std::string& p : paths) {
    if (p == "-") {
      impl_->files.push_back(p);
      continue;
    }
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (st.type() == fs::file_type::not_found) {
      impl_->pending.push_back({p, "no such file or folder"});
    } else if (ec) {
      impl_->pending.push_back({p, fmt::format("cannot read: {}", ec.message())});
    } else if (fs::is_directory(st)) {
      std::vector<std::string> found;
      walk(p, found, impl_->pending);
      std::sort(found.begin(), found.end());
      impl_->files.insert(impl_->files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(st)) {
      impl_->files.push_back(p);
    } else {
      impl_->pending.push_back({p, not_regular(st)});
    }
  }
}

Source::~Source() = default;

bool Source::Impl::open(const std::string& path, Item& out) {
  std::string error;
  bool gz = false;
  std::unique_ptr<Reader> in = open_stream(path, error, &gz);
  if (!in) {
    out.problem = Problem{path, error};
    return true;
  }
  const std::string head(in->peek(4096));
  if (head.empty()) {
    out.problem = Problem{path, in->error().empty() ? std::string("empty file") : in->error()};
    return true;
  }
  const Format format = sniff(head);
  if (format == Format::Warc) {
    warc = std::make_unique<WarcReader>(std::move(in), path, options);
    return false;
  }
  // Junk is told from its first bytes, without reading the rest.
  if (const char* why = binary_reason(head)) {
    out.problem = Problem{path, why};
    return true;
  }
  const size_t limit = options.max_document_bytes;
  const auto too_long = [&] {
    out.problem = Problem{path, fmt::format("larger than the {} MiB document limit; skipped", limit >> 20)};
    return true;
  };
  std::error_code ec;
  if (!gz && path != "-" && fs::is_regular_file(path, ec) && fs::file_size(path, ec) > limit && !ec) return too_long();
  RawDocument doc;
  doc.origin = path;
  doc.id = path == "-" ? std::string("stdin") : doc_id_from_path(path);
  doc.format = format;
  // Else (compressed, a pipe) one byte over the limit tells a document
  // that is too long; the rest of it is never read.
  in->read(doc.bytes, limit + 1);
  if (!in->error().empty()) {
    out.problem = Problem{path, in->error()};
    return true;
  }
  if (doc.bytes.size() > limit) return too_long();
  if (!prepare_document(doc, {}, error, /*head_checked=*/true)) {
    out.problem = Problem{path, error};
    return true;
  }
  out.doc = std::move(doc);
  return true;
}

bool Source::next(Item& out) {
  out = Item{};
  for (;;) {
    if (!impl_->pending.empty()) {
      out.problem = std::move(impl_->pending.front());
      impl_->pending.pop_front();
      return true;
    }
    if (impl_->warc) {
      if (impl_->warc->next(out)) return true;
      impl_->warc.reset();
    }
    if (impl_->next_file >= impl_->files.size()) return false;
    const std::string path = impl_->files[impl_->next_file++];
    if (impl_->open(path, out)) return true;
  }
}

}  // namespace mekong::ingest
