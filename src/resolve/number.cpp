// Vietnamese quantities: a numeral (grammar.h) with the qualifier before it
// ('hơn', 'khoảng'), a currency, percent or measure after it, or else the
// counted noun ('1.120 suất', '79 dự án'). Dates, ordinals ('lần thứ 46')
// and identifiers ('Nghị định 15/2020', 'COVID-19', 'A321') are left out.
#include "resolve/number.h"

#include <algorithm>

#include "resolve/grammar.h"
#include "resolve/words.h"

namespace mekong::resolve {

using namespace detail;

namespace {

constexpr uint64_t kNumeralStart = bit(K::Digit) | bit(K::Ten) | bit(K::Vague);

char punct_at(const Tokens& T, size_t k) {
  if (k >= T.toks.size() || T.toks[k].kind != Tk::Punct || T.toks[k].e - T.toks[k].b != 1) return 0;
  return T.folded.text[T.toks[k].b];
}

// The digits at i are glued to what comes before: 'A321', 'COVID-19', 'GMT+7'.
bool glued_before(const Tokens& T, size_t i) {
  const auto& t = T.toks;
  if (i == 0 || t[i].space) return false;
  if (t[i - 1].kind == Tk::Word) return true;
  const char c = punct_at(T, i - 1);
  if (c == '+' || c == '#') return true;
  if ((c == '-' || c == '/' || c == '.' || c == ',' || c == ':') && i >= 2 && !t[i - 1].space &&
      t[i - 2].kind != Tk::Punct)
    return true;
  return false;
}

struct Unit {
  std::string_view code;
  size_t len = 0;
};

// The unit right after a number: percent, a currency or a measure (the longest).
Unit unit_at(const Tokens& T, size_t k) {
  const Words& W = Words::get();
  Unit u;
  if (const Sense* s = W.match(T.toks, k, K::Percent)) u = {"percent", s->len};
  if (const Sense* s = W.match(T.toks, k, K::Currency); s && s->len > u.len) u = {s->code, s->len};
  if (const Sense* s = W.match(T.toks, k, K::Measure); s && s->len > u.len) u = {s->code, s->len};
  // A listed noun that is longer wins: 'hai đồng chí' are two comrades.
  if (const Sense* s = W.match(T.toks, k, K::Noun); s && s->len > u.len) return {};
  return u;
}

struct Scanner {
  const Tokens& T;
  const Words& W = Words::get();
  bool phrase_mode;  // one phrase: a lone 'một' or 'năm' is a number too
  std::vector<std::pair<size_t, size_t>> dates;
  std::vector<uint8_t> in_date;
  size_t floor = 0;  // end of the last quantity: the next one's qualifier cannot reach back over it

  explicit Scanner(const Tokens& tokens, bool phrase) : T(tokens), phrase_mode(phrase) {
    date_spans(T, dates);
    in_date.assign(T.toks.size() + 1, 0);
    for (const auto& [b, e] : dates)
      for (size_t k = b; k < e; ++k) in_date[k] = 1;
  }

  bool numeral_start(size_t i) const {
    const Token& k = T.toks[i];
    if (k.kind == Tk::Num) return true;
    return k.kind == Tk::Word && k.id && (W.kinds_of(k.id) & kNumeralStart);
  }

  // 'lần thứ 46', 'khóa 15' (1: an ordinal); 'số 15', 'Điều 5' (0: an identifier); -1: neither.
  int marker_before(size_t i) const {
    size_t s = 0;
    const Sense* m = W.match_before(T.toks, i, K::OrdinalMarker, &s);
    return m ? static_cast<int>(m->v1) : -1;
  }

  // Reads the quantity whose numeral starts at token i; `next` gets where to go on.
  bool read(size_t i, Quantity& q, size_t& next) {
    const auto& t = T.toks;
    next = i + 1;
    size_t junk = 0;
    auto num = read_numeral(T, i, &junk);
    if (!num) {
      if (junk > i) next = junk;
      return false;
    }
    next = num->end;
    if (std::any_of(in_date.begin() + static_cast<std::ptrdiff_t>(i),
                    in_date.begin() + static_cast<std::ptrdiff_t>(num->end), [](uint8_t c) { return c != 0; }))
      return false;
    const int marker = marker_before(i);
    if (marker == 1) return false;
    if (t[i].kind == Tk::Num && glued_before(T, i)) return false;
    // 'Ba Lan', 'Hai Bà Trưng': names, not numbers.
    if (num->words && t[i].upper && num->end < t.size() && t[num->end].kind == Tk::Word && t[num->end].upper)
      return false;
    if (num->leading_zero) return false;  // '0912...', '06': codes and phone numbers

    double value = num->value;
    double value_max = 0;
    bool range_to = false;
    size_t k = num->end;
    // 'từ 5 đến 7 tỷ', '5-7%': a range whose second number carries the scale and unit.
    if (!num->scaled && !num->vague) {
      size_t c = k;
      const char dash = punct_at(T, c);
      const Sense* to = W.match(t, c, K::To);
      if (dash == '-' || to) {
        range_to = to != nullptr;
        c += dash == '-' ? 1 : to->len;
        if (c < t.size() && !in_date[c] && numeral_start(c)) {
          auto second = read_numeral(T, c);
          if (second && !second->vague && (second->value > value || second->scaled)) {
            // The scale of the second applies to the first: '1-2 tỷ'.
            const double scale = second->scaled && !num->words ? second->scale : 1;
            const double low = value * scale;
            if (second->value > low) {
              value = low;
              value_max = second->value;
              k = second->end;
            }
          }
        }
      }
    }
    if (k == num->end && dash_glued_number(k)) return false;  // '1-0', '19-5' codes and scores

    // What follows: a unit, a counted noun, or nothing.
    std::string_view unit;
    std::string noun;
    size_t end = k;
    const Unit u = unit_at(T, k);
    const bool glued_word = k < t.size() && !t[k].space && t[k].kind == Tk::Word;
    if (u.len && !in_date[k]) {
      unit = u.code;
      end = k + u.len;
    } else if (glued_word) {
      return false;  // '5G', '9h30', '3D'
    } else if (k < t.size() && t[k].kind == Tk::Word && !in_date[k] && !t[k].upper &&
               !W.match(t, k, K::NonNoun) && !W.match(t, k, K::Scale) && !W.match(t, k, K::Approx)) {
      size_t len = 1;
      if (const Sense* s = W.match(t, k, K::Noun)) len = s->len;
      for (size_t j = k; j < k + len; ++j)
        if (in_date[j]) len = j - k;
      if (len > 0) {
        const auto [nb, ne] = T.span(k, k + len);
        noun.assign(T.orig.substr(nb, ne - nb));
        unit = "count";
        end = k + len;
      }
    }
    if (num->year_like && unit.empty() && noun.empty()) return false;  // '1954', 'tầm nhìn 2045'
    // 'số 15', 'Điều 5 của Luật' name things; 'tổng số 256 dự án' counts them.
    if (marker == 0 && unit.empty() && noun.empty()) return false;
    if (num->words && num->lone_word && !phrase_mode) {
      // A lone 'một' is mostly 'a', a lone 'năm' mostly 'year'.
      const std::string_view w = T.text(i);
      if (w == "một" || w == "năm") return false;
    }

    // Before it: a currency sign ('$5 triệu', 'US$ 1,6 tỷ') and a qualifier.
    size_t begin = i;
    if (unit.empty() || unit == "count") {
      size_t s = 0;
      if (const Sense* p = W.match_before(t, begin, K::CurrencyPrefix, &s); p && !in_date[s] && s >= floor) {
        unit = p->code;
        noun.clear();
        end = k;
        begin = s;
      }
    }
    // 'từ 1 đến 2 tỷ USD': the 'từ' belongs to the range.
    if (value_max > 0 && range_to) {
      size_t s = 0;
      if (W.match_before(t, begin, K::From, &s) && s >= floor) begin = s;
    }
    std::string_view approx = num->vague ? "about" : "exact";
    {
      size_t s = 0;
      if (const Sense* a = W.match_before(t, begin, K::Approx, &s); a && !in_date[s] && s >= floor) {
        approx = a->code;
        begin = s;
      }
    }
    const auto [ob, oe] = T.span(begin, end);
    q.begin = ob;
    q.end = oe;
    q.value = value;
    q.value_max = value_max;
    q.unit = std::string(unit);
    q.approx = std::string(approx);
    q.noun = std::move(noun);
    next = end;
    return true;
  }

  bool dash_glued_number(size_t k) const {
    return punct_at(T, k) == '-' && k + 1 < T.toks.size() && !T.toks[k].space && !T.toks[k + 1].space &&
           T.toks[k + 1].kind == Tk::Num;
  }

  void run(std::vector<Quantity>& out, size_t limit) {
    size_t di = 0;
    for (size_t i = 0; i < T.toks.size() && out.size() < limit;) {
      while (di < dates.size() && dates[di].second <= i) ++di;
      if (di < dates.size() && dates[di].first <= i) {
        i = dates[di].second;
        continue;
      }
      if (!numeral_start(i)) {
        ++i;
        continue;
      }
      Quantity q;
      size_t next = i + 1;
      if (read(i, q, next)) {
        out.push_back(std::move(q));
        floor = next;
      }
      i = std::max(next, i + 1);
    }
  }
};

}  // namespace

std::vector<Quantity> find_quantities(std::string_view text) {
  Tokens& T = tokens_of(text);
  std::vector<Quantity> out;
  Scanner(T, false).run(out, SIZE_MAX);
  return out;
}

std::optional<Quantity> resolve_number(std::string_view phrase) {
  Tokens& T = tokens_of(phrase);
  std::vector<Quantity> out;
  Scanner(T, true).run(out, 1);
  if (!out.empty()) return std::move(out.front());
  if (const auto ord = parse_ordinal(phrase)) {
    Quantity q;
    q.begin = 0;
    q.end = static_cast<uint32_t>(phrase.size());
    q.value = *ord;
    q.unit = "ordinal";
    q.approx = "exact";
    return q;
  }
  return std::nullopt;
}

std::optional<int> parse_ordinal(std::string_view phrase) {
  Tokens T;
  T.run(phrase);
  const Words& W = Words::get();
  const auto& t = T.toks;
  for (size_t i = 0; i < t.size(); ++i) {
    const Sense* m = W.match(t, i, K::OrdinalMarker);
    const Sense* r = W.match(t, i, K::RomanMarker);
    if (!(m && m->v1 == 1) && !r) continue;
    const size_t k = i + std::max(m && m->v1 == 1 ? m->len : 0, r ? r->len : 0);
    if (k >= t.size()) continue;
    if (t[k].kind == Tk::Num && numeric_run_end(T, k) == k + 1) {
      const std::string_view s = T.text(k);
      if (s.size() > 6) continue;
      int v = 0;
      for (char c : s) v = v * 10 + (c - '0');
      if (v > 0) return v;
      continue;
    }
    if (t[k].kind != Tk::Word) continue;
    // 'khóa XV', 'lần thứ IX': Roman numerals are written in capitals.
    if (r && t[k].upper)
      if (const int v = roman_value(T.text(k)); v > 0) {
        const auto [ob, oe] = T.span(k, k + 1);
        bool all_upper = true;
        for (size_t c = ob; c < oe; ++c) all_upper = all_upper && phrase[c] >= 'A' && phrase[c] <= 'Z';
        if (all_upper) return v;
      }
    // 'thứ nhất', 'lần thứ tư', 'thứ mười hai'.
    if (m && m->v1 == 1) {
      size_t e = 0;
      const int w = read_small(T, k, &e);
      const Sense* ow = W.match(t, k, K::OrdinalWord);
      if (ow && (w <= 0 || e <= k + ow->len)) return static_cast<int>(ow->v1);
      if (w > 0) return w;
    }
  }
  return std::nullopt;
}

}  // namespace mekong::resolve
