// Numerals in digits and in words. Vietnamese writes '.' between thousands
// and ',' before decimals ('1.120', '1,6'); some sites write English style
// ('1,600', '1.6'). The shape of the digits decides, with one question left
// to the context: '1,600' is a thousand and six hundred unless a scale word
// follows ('1,600 tỷ' is 1.6 billion).
#include <re2/re2.h>

#include <array>
#include <charconv>
#include <limits>

#include "resolve/grammar.h"

namespace mekong::resolve::detail {

namespace {

constexpr size_t kMaxLiteral = 40;   // longer digit runs are no amount
constexpr size_t kMaxIntDigits = 18; // 10^18 and beyond is no amount either

struct Shapes {
  RE2 integer{R"(\d+)"};
  RE2 dot_groups{R"(\d{1,3}(?:\.\d{3})+)"};
  RE2 comma_groups{R"(\d{1,3}(?:,\d{3})+)"};
  RE2 dot_groups_comma_decimal{R"(\d{1,3}(?:\.\d{3})+,\d+)"};
  RE2 comma_groups_dot_decimal{R"(\d{1,3}(?:,\d{3})+\.\d+)"};
  RE2 comma_decimal{R"(\d+,\d+)"};
  RE2 dot_decimal{R"(\d+\.\d+)"};
};

const Shapes& shapes() {
  static const Shapes s;
  return s;
}

bool is_sep(const Tokens& T, size_t i, std::string_view seps) {
  if (i >= T.toks.size() || T.toks[i].kind != Tk::Punct || T.toks[i].e - T.toks[i].b != 1) return false;
  return seps.find(T.folded.text[T.toks[i].b]) != std::string_view::npos;
}

// Parses `lit` with thousands separator `thou` and decimal mark `dec` (0 = none).
bool to_value(std::string_view lit, char thou, char dec, double& out) {
  std::array<char, kMaxLiteral + 1> buf{};
  size_t n = 0, int_digits = 0;
  bool in_frac = false;
  for (char c : lit) {
    if (c == thou) continue;
    if (c == dec) {
      buf[n++] = '.';
      in_frac = true;
      continue;
    }
    buf[n++] = c;
    if (!in_frac) ++int_digits;
  }
  if (int_digits > kMaxIntDigits) return false;
  auto [p, ec] = std::from_chars(buf.data(), buf.data() + n, out);
  return ec == std::errc() && p == buf.data() + n;
}

// Word numerals below a thousand: 'hai', 'ba mươi', 'mười lăm',
// 'một trăm linh năm', 'hai trăm bốn mươi mốt'. Returns -1 if none.
int word_chunk(const Tokens& T, size_t i, size_t& end) {
  const Words& W = Words::get();
  const auto& t = T.toks;
  // 'năm' right after 'mười' / 'mươi' / 'trăm' is mostly 'years' ('mười năm'), so
  // only the unambiguous unit words ('lăm', 'mốt', 'tư') and the other digits count.
  auto unit_after = [&](size_t k) -> int {
    if (const Sense* s = W.match(t, k, K::DigitAfter)) return static_cast<int>(s->v1);
    if (const Sense* s = W.match(t, k, K::Digit); s && s->v1 != 5) return static_cast<int>(s->v1);
    return -1;
  };
  auto is_hundred = [&](size_t k) {
    const Sense* s = W.match(t, k, K::Scale);
    return s && s->v1 == 100;
  };
  size_t j = i;
  int value = 0;
  bool any = false;
  const Sense* d = W.match(t, j, K::Digit);
  if (d && is_hundred(j + 1)) {
    value = static_cast<int>(d->v1) * 100;
    j += 2;
    any = true;
    if (W.match(t, j, K::ZeroTens)) {
      const Sense* u = W.match(t, j + 1, K::Digit);
      if (!u) u = W.match(t, j + 1, K::DigitAfter);
      if (u) {
        end = j + 2;
        return value + static_cast<int>(u->v1);
      }
    }
    d = W.match(t, j, K::Digit);
  }
  if (W.match(t, j, K::Ten)) {
    value += 10;
    ++j;
    if (const int u = unit_after(j); u >= 0) {
      value += u;
      ++j;
    }
    end = j;
    return value;
  }
  if (d && W.match(t, j + 1, K::Tens)) {
    value += static_cast<int>(d->v1) * 10;
    j += 2;
    if (const int u = unit_after(j); u >= 0) {
      value += u;
      ++j;
    }
    end = j;
    return value;
  }
  if (d && !any) {
    end = j + 1;
    return static_cast<int>(d->v1);
  }
  if (any) {
    end = j;
    return value;
  }
  return -1;
}

}  // namespace

size_t numeric_run_end(const Tokens& T, size_t i) {
  if (!T.num(i)) return i;
  size_t j = i + 1;
  while (j + 1 < T.toks.size() && is_sep(T, j, ".,/:") && T.glued(j) && T.num(j + 1) && T.glued(j + 1)) j += 2;
  return j;
}

int roman_value(std::string_view s) {
  if (s.empty() || s.size() > 15) return 0;
  auto val = [](char c) {
    switch (c | 0x20) {
      case 'i': return 1;
      case 'v': return 5;
      case 'x': return 10;
      case 'l': return 50;
      case 'c': return 100;
      case 'd': return 500;
      case 'm': return 1000;
      default: return 0;
    }
  };
  int total = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    const int v = val(s[k]);
    if (!v) return 0;
    const int next = k + 1 < s.size() ? val(s[k + 1]) : 0;
    total += next > v ? -v : v;
  }
  if (total <= 0 || total > 3999) return 0;
  // Only the canonical spelling ('IV', not 'IIII' or 'IL') is a numeral.
  static constexpr std::array<std::pair<int, std::string_view>, 13> kParts = {{
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  std::array<char, 20> canon{};
  size_t n = 0;
  int rest = total;
  for (const auto& [v, str] : kParts)
    while (rest >= v && n + str.size() <= canon.size()) {
      for (char c : str) canon[n++] = c;
      rest -= v;
    }
  if (n != s.size()) return 0;
  for (size_t k = 0; k < n; ++k)
    if ((s[k] | 0x20) != canon[k]) return 0;
  return total;
}

int read_small(const Tokens& T, size_t i, size_t* end) {
  if (T.num(i)) {
    if (numeric_run_end(T, i) != i + 1) return 0;
    const std::string_view s = T.text(i);
    if (s.size() > 3) return 0;
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    *end = i + 1;
    return v;
  }
  size_t e = i;
  const int v = word_chunk(T, i, e);
  if (v <= 0) return 0;
  *end = e;
  return v;
}

std::optional<Numeral> read_numeral(const Tokens& T, size_t i, size_t* junk_end) {
  const Words& W = Words::get();
  const auto& t = T.toks;
  if (junk_end) *junk_end = 0;
  if (i >= t.size()) return std::nullopt;
  Numeral n;
  n.begin = i;

  auto scales = [&](size_t& k, double& part) {
    double applied = 1;
    while (const Sense* s = W.match(t, k, K::Scale)) {
      part *= s->v1;
      applied *= s->v1;
      k += s->len;
    }
    return applied;
  };

  if (const Sense* v = W.match(t, i, K::Vague)) {
    size_t k = i + v->len;
    double value = 1;
    if (scales(k, value) == 1 || !(value < 1e18)) return std::nullopt;
    n.value = value;
    n.end = k;
    n.vague = n.scaled = true;
    return n;
  }

  // One chunk: digits or words, before its scales.
  auto chunk = [&](size_t k, double& value, size_t& after, bool first) -> bool {
    if (T.num(k)) {
      const size_t run = numeric_run_end(T, k);
      // Only '.' and ',' join the digits of an amount; '/', ':' and '-' make dates,
      // times and codes.
      size_t e = k + 1;
      while (e + 1 < run && is_sep(T, e, ".,")) e += 2;
      if (e != run) {
        if (first && junk_end) *junk_end = run;
        return false;
      }
      const size_t lb = t[k].b, le = t[e - 1].e;
      const std::string_view lit = std::string_view(T.folded.text).substr(lb, le - lb);
      if (lit.size() > kMaxLiteral) {
        if (first && junk_end) *junk_end = run;
        return false;
      }
      const Shapes& sh = shapes();
      const re2::StringPiece sp(lit.data(), lit.size());
      const bool scale_follows = W.match(t, e, K::Scale) != nullptr;
      bool ok = false;
      if (RE2::FullMatch(sp, sh.integer)) {
        ok = to_value(lit, 0, 0, value);
        if (first) {
          n.year_like = lit.size() == 4 && value >= 1000 && value <= 2999;
          n.leading_zero = lit.size() > 1 && lit[0] == '0';
        }
      } else if (RE2::FullMatch(sp, sh.dot_groups)) {
        ok = to_value(lit, '.', 0, value);
      } else if (RE2::FullMatch(sp, sh.comma_groups)) {
        // '1,600' is English thousands; '1,600 tỷ' a Vietnamese decimal.
        const bool one_group = lit.find(',') == lit.rfind(',');
        ok = one_group && scale_follows ? to_value(lit, 0, ',', value) : to_value(lit, ',', 0, value);
      } else if (RE2::FullMatch(sp, sh.dot_groups_comma_decimal)) {
        ok = to_value(lit, '.', ',', value);
      } else if (RE2::FullMatch(sp, sh.comma_groups_dot_decimal)) {
        ok = to_value(lit, ',', '.', value);
      } else if (RE2::FullMatch(sp, sh.comma_decimal)) {
        ok = to_value(lit, 0, ',', value);
      } else if (RE2::FullMatch(sp, sh.dot_decimal)) {
        ok = to_value(lit, 0, '.', value);
      }
      if (!ok) {
        if (first && junk_end) *junk_end = run;
        return false;
      }
      after = e;
      return true;
    }
    size_t e = k;
    const int v = word_chunk(T, k, e);
    if (v < 0) return false;
    value = v;
    // 'một phẩy sáu' (1,6): decimals said in words.
    if (const Sense* p = W.match(t, e, K::DecimalWord)) {
      size_t f = e + p->len;
      double scale = 0.1, frac = 0;
      while (const Sense* d = W.match(t, f, K::Digit)) {
        frac += d->v1 * scale;
        scale /= 10;
        ++f;
      }
      if (f > e + p->len) {
        value += frac;
        e = f;
      }
    }
    if (first) {
      n.words = true;
      n.lone_word = e == k + 1;
    }
    after = e;
    return true;
  };

  double part = 0;
  size_t k = i;
  if (!chunk(i, part, k, true)) return std::nullopt;
  double total = 0;
  double chunk_scale = scales(k, part);
  n.scale = chunk_scale;
  if (chunk_scale > 1) {
    n.scaled = true;
    n.year_like = false;
    n.lone_word = false;
  }
  // '3 tỷ 200 triệu': a further chunk with a smaller scale adds to the first.
  while (chunk_scale > 1) {
    double next = 0;
    size_t after = k;
    if (!chunk(k, next, after, false)) break;
    size_t s = after;
    const double next_scale = scales(s, next);
    if (next_scale <= 1 || next_scale >= chunk_scale) break;
    total += part;
    part = next;
    k = s;
    chunk_scale = next_scale;
  }
  total += part;
  if (!(total < 1e18)) return std::nullopt;
  n.value = total;
  n.end = k;
  return n;
}

}  // namespace mekong::resolve::detail
