#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace mekong::ingest {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

size_t find_ci(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// The value after 'charset' at `at`: charset = "value"
std::string charset_value(std::string_view s, size_t at) {
  size_t i = at + std::strlen("charset");
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i >= s.size() || s[i] != '=') return {};
  ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '"' || s[i] == '\'')) ++i;
  size_t e = i;
  while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '-' || s[e] == '_' ||
                          s[e] == '.' || s[e] == ':'))
    ++e;
  return lower(s.substr(i, e - i));
}

bool has_utf16_bom(std::string_view s) {
  return s.size() >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'));
}

bool convert(std::string& bytes, const char* from, std::string& error) {
  UErrorCode status = U_ZERO_ERROR;
  // A legacy byte becomes at most 3 UTF-8 bytes; 4-byte sequences stay 4.
  std::string out(bytes.size() * 3 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", from, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    out.assign(static_cast<size_t>(n) + 1, '\0');
    ucnv_convert("UTF-8", from, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                 static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) {
    error = fmt::format("cannot convert from {} to UTF-8 ({})", from, u_errorName(status));
    return false;
  }
  out.resize(static_cast<size_t>(n));
  bytes = std::move(out);
  return true;
}

}  // namespace

size_t count_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  size_t invalid = 0;
  size_t i = 0;
  while (i < n) {
    // ASCII runs, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    auto j = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(s, j, static_cast<int32_t>(std::min<size_t>(n, INT32_MAX)), c);
    if (c < 0) invalid += static_cast<size_t>(j) - i;
    i = static_cast<size_t>(j);
  }
  return invalid;
}

const char* binary_reason(std::string_view head) {
  if (has_utf16_bom(head)) return nullptr;
  size_t controls = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return "binary data (NUL bytes), not a text page";
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++controls;
  }
  if (controls >= 8 && controls * 20 > head.size()) return "binary data (control characters), not a text page";
  return nullptr;
}

std::string charset_of_content_type(std::string_view content_type) {
  const size_t at = find_ci(content_type, "charset");
  return at == std::string_view::npos ? std::string() : charset_value(content_type, at);
}

std::string charset_of_html(std::string_view head) {
  for (size_t at = find_ci(head, "charset"); at != std::string_view::npos; at = find_ci(head, "charset", at + 1)) {
    // Only inside a <meta ...> tag, not in text or scripts.
    const size_t lt = head.rfind('<', at);
    if (lt == std::string_view::npos || head.find('>', lt) < at) continue;
    if (find_ci(head.substr(lt, 5), "<meta") != 0) continue;
    std::string v = charset_value(head, at);
    if (!v.empty()) return v;
  }
  return {};
}

bool is_utf8_label(std::string_view charset) {
  const std::string c = lower(charset);
  return c == "utf-8" || c == "utf8" || c == "us-ascii" || c == "ascii";
}

bool ensure_utf8(std::string& bytes, std::string_view charset, std::string& error) {
  if (has_utf16_bom(bytes)) return convert(bytes, "UTF-16", error);  // the BOM picks the byte order
  if (charset.empty() || is_utf8_label(charset)) return true;
  if (count_invalid_utf8(bytes) == 0) return true;
  const std::string name(charset);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || !probe) return true;  // unknown label: read as UTF-8, normalize repairs
  ucnv_close(probe);
  return convert(bytes, name.c_str(), error);
}

}  // namespace mekong::ingest

namespace mekong::ingest {

bool prepare_document(RawDocument& doc, std::string_view charset, std::string& error, bool head_checked) {
  std::string& b = doc.bytes;
  if (b.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    error = b.empty() ? "empty document" : "empty document (only white space)";
    return false;
  }
  const bool utf16 = has_utf16_bom(b);
  if (!utf16) {
    const char* why = head_checked ? nullptr : binary_reason(std::string_view(b).substr(0, 4096));
    if (why) {
      error = why;
      return false;
    }
    if (const void* nul = std::memchr(b.data(), 0, b.size())) {
      error = fmt::format("NUL byte at offset {}: binary data, not a text page",
                          static_cast<const char*>(nul) - b.data());
      return false;
    }
  }
  std::string declared(charset);
  if (declared.empty() && doc.format == Format::Html) declared = charset_of_html(std::string_view(b).substr(0, 16384));
  if (!ensure_utf8(b, declared, error)) return false;
  // UTF-16 was sniffed before it could be read: a page of HTML looked like
  // text then. Look again at its UTF-8.
  if (utf16 && doc.format == Format::Text && sniff(std::string_view(b).substr(0, 4096)) == Format::Html)
    doc.format = Format::Html;
  return true;
}

}  // namespace mekong::ingest
