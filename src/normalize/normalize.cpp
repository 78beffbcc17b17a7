#include "normalize/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

namespace mekong::normalize {

namespace {

// Replaces invalid UTF-8 with U+FFFD; counts the replaced bytes.
size_t repair_utf8(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  size_t replaced = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto n = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {  // fast path for ASCII runs
      out.push_back(static_cast<char>(s[i++]));
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      replaced += static_cast<size_t>(i - start);
      out.append("\xEF\xBF\xBD");
    } else {
      out.append(in.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return replaced;
}

// Valid UTF-8, and whether any byte is not ASCII (ASCII text is NFC as it stands).
bool is_valid_utf8(std::string_view in, bool& non_ascii) {
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto n = static_cast<int32_t>(in.size());
  int32_t i = 0;
  non_ascii = false;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    non_ascii = true;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

bool decode(std::string_view bytes, Document& doc, std::string& error, const Limits& limits) {
  return decode_owned(std::string(bytes), doc, error, limits);
}

bool decode_owned(std::string&& owned, Document& doc, std::string& error, const Limits& limits) {
  doc.text.clear();
  doc.lines.clear();
  doc.replaced_bytes = 0;
  std::string_view bytes = owned;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // BOM

  if (bytes.find('\0') != std::string_view::npos) {
    error = "contains NUL bytes: binary data, not a text page";
    return false;
  }
  size_t controls = 0, nonspace = 0;
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;  // rare: a predictable branch
    nonspace += c > 0x20;  // no branch: spaces come every few bytes
  }
  if (nonspace == 0) {
    error = "empty document";
    return false;
  }
  if (controls >= 8 && controls * 20 > bytes.size()) {
    error = "mostly control characters: binary data, not a text page";
    return false;
  }

  const size_t size = bytes.size();  // `bytes` is not read after `owned` moves on
  std::string repaired;
  bool non_ascii = true;
  // Most pages are valid UTF-8: check first, repair (copying) only when needed.
  if (is_valid_utf8(bytes, non_ascii)) {
    if (size != owned.size()) owned.erase(0, owned.size() - size);  // the BOM
    repaired = std::move(owned);
  } else {
    non_ascii = true;
    doc.replaced_bytes = repair_utf8(bytes, repaired);
  }
  if (doc.replaced_bytes * 4 > size) {
    error = fmt::format("not UTF-8 text ({} of {} bytes invalid)", doc.replaced_bytes, size);
    return false;
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    error = "ICU NFC data unavailable";
    return false;
  }
  if (!non_ascii || (nfc->isNormalizedUTF8(repaired, status) && U_SUCCESS(status))) {
    doc.text = std::move(repaired);
  } else {
    status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&doc.text, static_cast<int32_t>(repaired.size()));
    nfc->normalizeUTF8(0, repaired, sink, nullptr, status);
    if (U_FAILURE(status)) {
      error = "NFC normalization failed";
      return false;
    }
  }

  // Lines end at '\n' only; a trailing '\n' does not open a new line.
  const std::string& t = doc.text;
  size_t b = 0;
  while (b < t.size()) {
    size_t e = t.find('\n', b);
    if (e == std::string::npos) e = t.size();
    if (e - b > limits.max_line_bytes) {
      error = fmt::format("line {} is {} bytes long, over the {} KiB line limit", doc.lines.size() + 1, e - b,
                          limits.max_line_bytes >> 10);
      return false;
    }
    doc.lines.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    b = e + 1;
  }
  return true;
}

}  // namespace mekong::normalize
