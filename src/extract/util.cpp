#include "extract/util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <set>

#include <fmt/format.h>

#include "extract/persons.h"
#include "extract/rules.h"
#include "normalize/normalize.h"

namespace mekong::extract {

std::string ref_iso(const resolve::RefDate& ref, std::string_view precision) {
  if (!ref.valid()) return {};
  if (precision == "year" || ref.month == 0) return fmt::format("{:04d}", ref.year);
  if (precision == "month" || ref.day == 0) return fmt::format("{:04d}-{:02d}", ref.year, ref.month);
  return fmt::format("{:04d}-{:02d}-{:02d}", ref.year, ref.month, ref.day);
}

bool upper_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool unknown_foreign_name_after(const SentenceView& s, const Ann& office) {
  const uint32_t pos = office.e;
  if (pos + 1 >= s.text.size() || s.text[pos] != ' ' || !upper_at(s.text, pos + 1)) return false;
  for (const Ann& o : s.anns)
    if (o.b == pos + 1 && o.type != AnnType::Cue && !is_unknown_person(o)) return false;  // a known person, country, place
  bool ascii = true, hyphen = false;
  uint32_t i = pos;
  int words = 0;
  while (i + 1 < s.text.size() && s.text[i] == ' ' && upper_at(s.text, i + 1) && words < 4) {
    ++i;
    ++words;
    while (i < s.text.size() && s.text[i] != ' ' && s.text[i] != ',' && s.text[i] != ';' && s.text[i] != '.') {
      if (static_cast<unsigned char>(s.text[i]) >= 0x80) ascii = false;
      if (s.text[i] == '-') hyphen = true;
      ++i;
    }
  }
  return ascii || hyphen;
}

std::string clean_name(std::string_view s) {
  auto strip = [](char c) { return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')'; };
  while (!s.empty() && strip(s.front())) s.remove_prefix(1);
  while (!s.empty() && strip(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Syllables as the scorer sees them: lower-cased, punctuation dropped.
std::set<std::string> syllables(std::string_view name) {  // NOLINT(misc-use-internal-linkage)
  const std::string f = normalize::fold(name);
  std::set<std::string> out;
  std::string cur;
  const auto* p = reinterpret_cast<const uint8_t*>(f.data());
  const auto n = static_cast<int32_t>(f.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) > 0)) {
      cur.append(f, static_cast<size_t>(start), static_cast<size_t>(i - start));
    } else if (!cur.empty()) {
      out.insert(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.insert(cur);
  return out;
}

Syllables name_syllables(std::string_view name) { return syllables(name); }

bool name_contains(const Syllables& sb, const Syllables& ss) {
  if (ss.size() < 3) return false;
  for (const auto& x : ss)
    if (!sb.count(x)) return false;
  return true;
}

bool name_contains(std::string_view big, std::string_view small) { return name_contains(syllables(big), syllables(small)); }

bool same_person(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const auto sa = syllables(a), sb = syllables(b);
  const auto& small = sa.size() <= sb.size() ? sa : sb;
  const auto& big = sa.size() <= sb.size() ? sb : sa;
  if (small.empty()) return false;
  for (const auto& x : small)
    if (!big.count(x)) return false;
  return true;
}

double name_dice(const Syllables& sa, const Syllables& sb) {
  if (sa.empty() && sb.empty()) return 1.0;
  size_t common = 0;
  for (const auto& x : sa) common += sb.count(x);
  return 2.0 * static_cast<double>(common) / static_cast<double>(sa.size() + sb.size());
}

double name_dice(std::string_view a, std::string_view b) { return name_dice(syllables(a), syllables(b)); }

}  // namespace mekong::extract
