#include "recognize/key.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace mekong::recognize::detail {

bool needs_key(std::string_view folded) {
  // One pass: find("  ") would stop at every space.
  const char* p = folded.data();
  const char* const end = p + folded.size();
  bool space = false;
  for (; p < end; ++p) {
    const char c = *p;
    if (c == '-' || (c == ' ' && space)) return true;
    space = c == ' ';
  }
  return false;
}

void build_key(std::string_view folded, std::string& key, std::vector<Jump>* jumps, bool trim) {
  if (jumps) jumps->clear();
  key.assign(folded);
  // Dashes become spaces in place (same length)...
  for (size_t at = key.find('-'); at != std::string::npos; at = key.find('-', at + 1)) key[at] = ' ';
  // ...and only from the first double space on must bytes move.
  size_t from = key.find("  ");
  if (from != std::string::npos) {
    char* const start = key.data();
    char* out = start + from + 1;
    const char* in = out;
    const char* const end = start + key.size();
    uint32_t dropped = 0;
    bool last_space = true;
    for (; in < end; ++in) {
      const char c = *in;
      if (c == ' ') {
        if (last_space) {
          ++dropped;
          if (jumps) {
            const auto k = static_cast<uint32_t>(out - start);
            if (!jumps->empty() && jumps->back().key_pos == k) jumps->back().dropped = dropped;
            else jumps->push_back({k, dropped});
          }
          continue;
        }
        last_space = true;
      } else {
        last_space = false;
      }
      *out++ = c;
    }
    key.resize(static_cast<size_t>(out - start));
  }
  if (trim) {
    while (!key.empty() && key.back() == ' ') key.pop_back();
    size_t lead = 0;
    while (lead < key.size() && key[lead] == ' ') ++lead;
    key.erase(0, lead);  // lexicon phrases only: no map back needed
  }
}

namespace {

bool is_alnum(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_getCombiningClass(c) > 0;
}

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
  if (static_cast<uint8_t>(s[pos - 1]) < 0x80) return is_alnum(static_cast<uint8_t>(s[pos - 1]));
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(p, 0, i, c);
  return is_alnum(c);
}

bool alnum_at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  if (static_cast<uint8_t>(s[pos]) < 0x80) return is_alnum(static_cast<uint8_t>(s[pos]));
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return is_alnum(c);
}

}  // namespace mekong::recognize::detail
