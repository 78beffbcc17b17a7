#include "recognize/key.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace mekong::recognize::detail {

void build_key(std::string_view folded, std::string& key, std::vector<uint32_t>* to_folded, bool trim) {
  key.clear();
  key.reserve(folded.size());
  if (to_folded) {
    to_folded->clear();
    to_folded->reserve(folded.size() + 1);
  }
  bool last_space = trim;  // trimming: leading spaces are dropped
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (c == '-') c = ' ';
    if (c == ' ') {
      if (last_space) continue;
      last_space = true;
    } else {
      last_space = false;
    }
    key.push_back(c);
    if (to_folded) to_folded->push_back(static_cast<uint32_t>(i));
  }
  if (trim) {
    while (!key.empty() && key.back() == ' ') {
      key.pop_back();
      if (to_folded) to_folded->pop_back();
    }
  }
  if (to_folded) to_folded->push_back(static_cast<uint32_t>(folded.size()));
}

namespace {

bool is_alnum(UChar32 c) { return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) > 0); }

}  // namespace

uint32_t caps_signature(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  uint32_t caps = 0;
  int syllable = -1;
  bool in = false;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const bool a = is_alnum(c);
    if (a && !in) {
      ++syllable;
      if (syllable < 32 && (u_isupper(c) || u_istitle(c))) caps |= 1u << syllable;
    }
    in = a;
  }
  return caps;
}

bool caps_satisfied(std::string_view text, uint32_t caps) {
  if (caps == 0) return true;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  int syllable = -1;
  bool in = false;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const bool a = is_alnum(c);
    if (a && !in) {
      ++syllable;
      if (syllable < 32 && (caps >> syllable & 1u) && !(u_isupper(c) || u_istitle(c))) return false;
    }
    in = a;
  }
  return true;
}

bool alnum_before(std::string_view s, size_t pos) {
  if (pos == 0) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(p, 0, i, c);
  return is_alnum(c);
}

bool alnum_at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return is_alnum(c);
}

}  // namespace mekong::recognize::detail
