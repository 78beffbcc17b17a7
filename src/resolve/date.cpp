// Vietnamese date phrases -> calendar spans, against the page's publication
// date. The grammar reads tokens of the folded text: a phrase is one or more
// points ('ngày 6/1', 'tháng 5/2023', 'năm nay', 'quý I/2024') joined by
// 'đến' / '-' / 'và' into ranges and lists ('từ ngày 6-7/1/2024',
// 'từ năm 1989 đến nay'). Words come from lexicon/numbers.tsv.
#include "resolve/date.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <chrono>

#include <fmt/format.h>

#include "resolve/grammar.h"
#include "resolve/words.h"

namespace mekong::resolve {

using namespace detail;

namespace {

namespace ch = std::chrono;

// A day-month without a year is the nearest one before the publication date,
// except one that falls at most this many days after it: a page announces
// next week's visit without 'sẽ' ('Từ ngày 6-7/1, Thủ tướng ... thăm'); no
// page means last year's day without saying so.
constexpr int kGraceAheadDays = 31;
constexpr int kMinYear = 1000, kMaxYear = 2999;

enum Prec : uint8_t { kNone = 0, kYear = 1, kMonth = 2, kDay = 3 };

struct Pt {
  int y = 0, m = 0, d = 0;
};

ch::year_month_day ymd(int y, int m, int d) {
  return ch::year{y} / ch::month{static_cast<unsigned>(m)} / ch::day{static_cast<unsigned>(d)};
}
bool valid_day(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= 31 && ymd(y, m, d).ok(); }
int last_day(int y, int m) {
  return static_cast<int>(static_cast<unsigned>((ch::year{y} / ch::month{static_cast<unsigned>(m)} / ch::last).day()));
}
ch::sys_days days(int y, int m, int d) { return ch::sys_days(ymd(y, m, d)); }
Pt pt_of(ch::sys_days sd) {
  const ch::year_month_day v{sd};
  return {static_cast<int>(v.year()), static_cast<int>(static_cast<unsigned>(v.month())),
          static_cast<int>(static_cast<unsigned>(v.day()))};
}

struct Iv {
  ch::sys_days b, e;
};
// The days a point covers at a precision.
Iv cover(Pt p, Prec prec) {
  if (prec == kDay) return {days(p.y, p.m, p.d), days(p.y, p.m, p.d)};
  if (prec == kMonth) return {days(p.y, p.m, 1), days(p.y, p.m, last_day(p.y, p.m))};
  return {days(p.y, 1, 1), days(p.y, 12, 31)};
}

Prec ref_prec(const RefDate& r) { return r.day ? kDay : r.month ? kMonth : kYear; }
Pt ref_pt(const RefDate& r) { return {r.year, r.month, r.day}; }

Pt add_months(Pt p, int n) {
  const int idx = p.y * 12 + (p.m - 1) + n;
  return {idx / 12, idx % 12 + 1, 0};
}

std::string iso(Pt p, Prec prec) {
  if (prec == kDay) return fmt::format("{:04}-{:02}-{:02}", p.y, p.m, p.d);
  if (prec == kMonth) return fmt::format("{:04}-{:02}", p.y, p.m);
  return fmt::format("{:04}", p.y);
}

const char* prec_name(Prec p) { return p == kDay ? "day" : p == kMonth ? "month" : "year"; }

// (m, d) of a before (m, d) of b at a precision, ignoring years.
bool earlier_in_year(Pt a, Pt b, Prec prec) {
  if (prec == kYear) return false;
  if (a.m != b.m) return a.m < b.m;
  return prec == kDay && a.d < b.d;
}

// The year of a span written without one: from `a` to `b` (month and day;
// day 0 = whole months; `b` before `a` runs into the next year).
int infer_year(Pt a, Pt b, Prec prec, const RefDate& ref, bool ahead, int dir) {
  if (!ref.valid()) return 0;
  const Iv r = cover(ref_pt(ref), ref_prec(ref));
  struct Cand {
    int y;
    Iv iv;
  };
  const bool wraps = earlier_in_year(b, a, prec);
  std::array<Cand, 3> cands{};
  size_t n = 0;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    const int y2 = wraps ? y + 1 : y;
    if (prec == kDay && (!valid_day(y, a.m, a.d) || !valid_day(y2, b.m, b.d))) continue;
    cands[n++] = {y, prec == kDay ? Iv{days(y, a.m, a.d), days(y2, b.m, b.d)}
                                  : Iv{days(y, a.m, 1), days(y2, b.m, last_day(y2, b.m))}};
  }
  if (n == 0) return 0;
  const Cand* past = nullptr;
  const Cand* next = nullptr;
  if (dir > 0 || (dir == 0 && ahead)) {
    // Ahead: the nearest that has not ended before the publication date.
    for (size_t k = 0; k < n && !next; ++k)
      if (cands[k].iv.e >= r.b) next = &cands[k];
    return next ? next->y : cands[n - 1].y;
  }
  for (size_t k = 0; k < n; ++k) {
    if (cands[k].iv.b <= r.e) past = &cands[k];
    else if (!next) next = &cands[k];
  }
  // A reference known only to the year (or month) holds the date if it can: 'ngày 24/1' on a
  // page of 2017 is January 2017, not the January nearest to 31 December.
  if (ref_prec(ref) != kDay)
    for (size_t k = 0; k < n; ++k)
      if (cands[k].iv.b >= r.b && cands[k].iv.e <= r.e) return cands[k].y;
  if (dir == 0 && next && (next->iv.b - r.e).count() <= kGraceAheadDays) return next->y;
  return past ? past->y : next->y;
}

// A resolved span.
struct Res {
  Pt s, e;
  Prec prec = kNone;
  bool period = false;
  bool open = false;  // ends at the publication date
  bool ok = false;
  int dir = 0;        // +1: said to be coming ('tháng Ba tới'), -1: past ('vừa qua')
};

struct Point {
  size_t begin = 0, end = 0;  // tokens
  enum Kind : uint8_t { DayOnly, Abs, Fixed } kind = Abs;
  Pt a, b;  // Abs: y == 0 when not written; Fixed: resolved
  Prec prec = kNone;
  bool anchored = false;   // a word says it is a date ('ngày', 'sáng', 'tháng', a weekday...)
  bool full = false;       // the year is written
  bool slash = false;      // written d/m
  bool bare_year = false;  // a year without 'năm': only as part of a range
  bool period = false;
  bool ok = true;          // resolvable (relative points need the reference)
  bool year_start = false; // 'đầu năm': with 'từ' it runs to the publication date
  int dir = 0;             // -1 'vừa qua', +1 'tới'
};

struct Found {
  size_t begin = 0, end = 0;
  Res r;
};

constexpr uint64_t kStartKinds = bit(K::From) | bit(K::Daypart) | bit(K::Weekday) | bit(K::DayWord) |
                                 bit(K::MonthWord) | bit(K::YearWord) | bit(K::QuarterWord) | bit(K::RelDay) |
                                 bit(K::RelWeek) | bit(K::RelMonth) | bit(K::RelYear) | bit(K::YearPart) |
                                 bit(K::MonthPart) | bit(K::SpanCue) | bit(K::DecadeCue) | bit(K::AgoHead) |
                                 bit(K::Plural) | bit(K::Digit) | bit(K::Ten);

class Parser {
 public:
  Parser(const Tokens& T, const RefDate& ref, bool ahead)
      : T_(T), W_(Words::get()), t_(T.toks), n_(T.toks.size()), ref_(ref), ahead_(ahead) {
    // A reference with an impossible month or day keeps what is sound.
    if (ref_.month < 1 || ref_.month > 12) ref_.month = ref_.day = 0;
    if (ref_.day && (!ref_.valid() || !valid_day(ref_.year, ref_.month, ref_.day))) ref_.day = 0;
    if (ref_.year < kMinYear || ref_.year > kMaxYear) ref_ = RefDate{};
  }

  bool could_start(size_t i) const {
    const Token& k = t_[i];
    if (k.kind == Tk::Num) return true;
    if (T_.is(i, '(')) return true;
    return k.id && (W_.kinds_of(k.id) & kStartKinds);
  }

  bool phrase(size_t i, Found& f);

 private:
  struct Mode {
    bool second = false;         // after 'đến' / '-' / 'và'
    const Point* prev = nullptr; // the element before
    bool from = false;           // after 'từ'
  };

  bool point(size_t i, Point& p, const Mode& mode);
  bool num_day(size_t k, Point& p) const;
  bool day_month_words(size_t k, Point& p) const;
  bool day_only(size_t k, Point& p) const;
  bool month(size_t k, Point& p);
  bool year_of(size_t k, int& y, size_t& end, bool& ok) const;
  bool quarter(size_t k, Point& p);
  bool n_months(size_t k, Point& p);
  bool span_years(size_t k, Point& p) const;
  bool ago(size_t k, Point& p);
  bool relative(size_t k, int weekday, Point& p);
  bool weekday_alone(size_t i, size_t k, int weekday, bool daypart, Point& p);
  void direction(Point& p) const;
  bool combine(const Point* items, size_t n, bool from, bool until_now, Res& r);
  bool resolve_one(const Point& p, Res& r) const;

  int digits(size_t k, size_t max_len) const {
    if (!T_.num(k)) return -1;
    const std::string_view s = T_.text(k);
    if (s.size() > max_len) return -1;
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }
  int year4(size_t k) const {
    if (!T_.num(k) || T_.text(k).size() != 4) return 0;
    const int y = digits(k, 4);
    return y >= kMinYear && y <= kMaxYear ? y : 0;
  }
  char punct(size_t k) const {
    if (k >= n_ || t_[k].kind != Tk::Punct || t_[k].e - t_[k].b != 1) return 0;
    return T_.folded.text[t_[k].b];
  }
  // Token k does not continue the digits before it ('6/1' inside '6/1/24' or '1.6/1').
  bool clean_after(size_t k) const {
    if (k >= n_ || t_[k].space) return true;
    if (t_[k].kind != Tk::Punct) return false;
    const char c = punct(k);
    if ((c == '/' || c == '.' || c == ',' || c == ':') && T_.num(k + 1) && T_.glued(k + 1)) return false;
    return c != '%';
  }
  bool clean_before(size_t k) const {
    if (k == 0 || t_[k].space) return true;
    if (t_[k - 1].kind != Tk::Punct) return false;
    const char c = punct(k - 1);
    if ((c == '/' || c == '.' || c == ',' || c == ':') && k >= 2 && !t_[k - 1].space && t_[k - 2].kind != Tk::Punct)
      return false;
    // 'COVID-19'; but '6-7/1' is a run of days.
    if (c == '-' && k >= 2 && !t_[k - 1].space && t_[k - 2].kind == Tk::Word) return false;
    return true;
  }
  // A pause (or the end) at token k.
  bool pause(size_t k) const { return k >= n_ || (t_[k].kind == Tk::Punct && punct(k) != '-'); }
  // 'tới' and 'qua' after a date say 'coming' / 'past' before a pause or a
  // function word ('tháng 2 tới sẽ...'), not before 'thăm' or 'Hà Nội' (go to, pass by).
  bool direction_word_ends(size_t k) const {
    return pause(k) || (t_[k].kind == Tk::Word && !t_[k].upper && W_.match(t_, k, K::NonNoun));
  }
  // 'những năm qua', 'hai tuần qua': a stretch of time, not the previous year or week.
  bool counted_before(size_t k) const {
    if (k == 0) return false;
    if (t_[k - 1].kind == Tk::Num) return true;
    size_t s = 0;
    return W_.match_before(t_, k, K::Plural, &s) || W_.match_before(t_, k, K::Digit, &s) ||
           W_.match_before(t_, k, K::Ten, &s) || W_.match_before(t_, k, K::DigitAfter, &s);
  }
  bool ref_day() const { return ref_.valid() && ref_.day > 0; }

  const Tokens& T_;
  const Words& W_;
  const std::vector<Token>& t_;
  size_t n_;
  RefDate ref_;
  bool ahead_;
};

bool Parser::num_day(size_t k, Point& p) const {
  if (!T_.num(k) || !clean_before(k)) return false;
  const int d = digits(k, 2);
  if (d < 1 || d > 31) return false;
  const char sep = punct(k + 1);
  if ((sep != '/' && sep != '-' && sep != '.') || !T_.glued(k + 1) || !T_.glued(k + 2)) return false;
  const int m = digits(k + 2, 2);
  if (m < 1 || m > 12) return false;
  size_t e = k + 3;
  int y = 0;
  if (punct(e) == sep && T_.glued(e) && T_.num(e + 1) && T_.glued(e + 1)) {
    y = year4(e + 1);
    if (!y) return false;
    e += 2;
  }
  if (!clean_after(e)) return false;
  // '10-9' inside '10-9-2' or '6-7/1': not a day-month.
  if (sep == '-' && punct(e) == '-' && T_.glued(e) && T_.num(e + 1)) return false;
  if (!valid_day(y ? y : 2000, m, d)) return false;  // 2000: 29/2 exists in some year
  p.kind = Point::Abs;
  p.a = p.b = {y, m, d};
  p.prec = kDay;
  p.full = y != 0;
  p.slash = sep == '/';
  p.end = e;
  if (!y) {  // 'ngày 6/1 năm 2024'
    size_t q = e;
    if (punct(q) == ',') ++q;
    if (W_.match(t_, q, K::YearWord))
      if (const int yy = year4(q + 1); yy && clean_after(q + 2) && valid_day(yy, m, d)) {
        p.a.y = p.b.y = yy;
        p.full = true;
        p.end = q + 2;
      }
  }
  return true;
}

// The month after 'tháng': a number or a name ('tháng Giêng', 'tháng Năm').
bool month_value(const Tokens& T, const Words& W, size_t k, int& m, size_t& end) {
  if (T.num(k)) {
    const std::string_view s = T.text(k);
    if (s.size() > 2) return false;
    m = 0;
    for (char c : s) m = m * 10 + (c - '0');
    end = k + 1;
    return m >= 1 && m <= 12;
  }
  const Sense* s = W.match(T.toks, k, K::MonthName);
  if (!s) return false;
  // 'năm' after 'tháng' is the month May only when written 'Năm' or followed by
  // 'năm <year>'; else it is the word 'year' ('7 tháng năm 2024').
  if (s->v1 == 5 && s->len == 1 && W.match(T.toks, k, K::YearWord)) {
    const bool then_year = W.match(T.toks, k + 1, K::YearWord) != nullptr && T.num(k + 2);
    if (!T.toks[k].upper && !then_year) return false;
  }
  m = static_cast<int>(s->v1);
  end = k + s->len;
  return true;
}

// 'năm 2024' or 'năm nay' after a month, day or part.
bool Parser::year_of(size_t k, int& y, size_t& end, bool& ok) const {
  if (const Sense* r = W_.match(t_, k, K::RelYear)) {
    y = ref_.valid() ? ref_.year + static_cast<int>(r->v1) : 0;
    ok = ref_.valid();
    end = k + r->len;
    return true;
  }
  if (W_.match(t_, k, K::YearWord)) {
    if (const int yy = year4(k + 1); yy && clean_after(k + 2)) {
      y = yy;
      end = k + 2;
      return true;
    }
  }
  return false;
}

bool Parser::day_month_words(size_t k, Point& p) const {
  if (!T_.num(k) || !clean_before(k) || k + 1 >= n_ || !t_[k + 1].space) return false;
  const int d = digits(k, 2);
  if (d < 1 || d > 31 || !W_.match(t_, k + 1, K::MonthWord)) return false;
  int m = 0;
  size_t e = 0;
  if (!month_value(T_, W_, k + 2, m, e)) return false;
  int y = 0;
  bool ok = true;
  size_t q = e;
  if (punct(q) == ',') ++q;
  size_t ye = 0;
  if (year_of(q, y, ye, ok)) {
    e = ye;
  } else if (punct(e) == '/' && T_.glued(e) && year4(e + 1) && clean_after(e + 2)) {
    y = year4(e + 1);
    e += 2;
  } else if (!T_.num(k + 2) && year4(e) && clean_after(e + 1)) {  // 'ngày 7 tháng Năm 2024'
    y = year4(e);
    e += 1;
  } else if (!clean_after(e)) {
    return false;
  }
  if (!valid_day(y ? y : 2000, m, d)) return false;
  p.kind = ok || y ? Point::Abs : Point::Fixed;
  p.a = p.b = {y, m, d};
  p.prec = kDay;
  p.full = y != 0;
  p.ok = ok;
  p.end = e;
  return true;
}

bool Parser::day_only(size_t k, Point& p) const {
  if (!T_.num(k) || !clean_before(k)) return false;
  const int d = digits(k, 2);
  if (d < 1 || d > 31) return false;
  const char c = punct(k + 1);
  if (T_.glued(k + 1) && (c == '/' || c == '.' || c == ':' || c == '%' || t_[k + 1].kind == Tk::Word)) return false;
  if (T_.glued(k + 1) && c == ',' && T_.num(k + 2) && T_.glued(k + 2)) return false;
  p.kind = Point::DayOnly;
  p.a = p.b = {0, 0, d};
  p.prec = kDay;
  p.end = k + 1;
  return true;
}

bool Parser::month(size_t k, Point& p) {
  size_t c = k;
  bool part = false;
  if (const Sense* mp = W_.match(t_, c, K::MonthPart))
    if (W_.match(t_, c + mp->len, K::MonthWord) || W_.match(t_, c + mp->len, K::RelMonth)) {
      c += mp->len;
      part = true;
    }
  if (const Sense* r = W_.match(t_, c, K::RelMonth); r && (part || !counted_before(c))) {
    p.kind = Point::Fixed;
    p.prec = kMonth;
    p.ok = ref_.valid() && ref_.month > 0;
    if (p.ok) p.a = p.b = add_months(ref_pt(ref_), static_cast<int>(r->v1));
    p.end = c + r->len;
    p.anchored = true;
    return true;
  }
  if (!W_.match(t_, c, K::MonthWord)) return false;
  int m = 0;
  size_t e = 0;
  if (!month_value(T_, W_, c + 1, m, e)) return false;
  int m2 = m;
  int y = 0;
  bool ok = true;
  auto year_after = [&](size_t q, size_t& qe) -> bool {
    const char sep = punct(q);
    if ((sep == '/' || sep == '-' || sep == '.') && T_.glued(q) && T_.glued(q + 1) && year4(q + 1) &&
        clean_after(q + 2)) {
      y = year4(q + 1);
      qe = q + 2;
      return true;
    }
    if (punct(q) == ',') ++q;
    return year_of(q, y, qe, ok);
  };
  size_t ye = 0;
  if (year_after(e, ye)) {
    e = ye;
  } else if (punct(e) == '-' && T_.num(e + 1) && !year4(e + 1)) {
    // 'tháng 5-7/2023': a run of months.
    int m_end = 0;
    size_t e2 = 0;
    if (month_value(T_, W_, e + 1, m_end, e2) && m_end > m) {
      m2 = m_end;
      e = e2;
      if (year_after(e, ye)) e = ye;
      else if (!clean_after(e)) return false;
    } else if (!clean_after(e)) {
      return false;
    }
  } else if (!clean_after(e)) {
    return false;
  }
  p.kind = ok ? Point::Abs : Point::Fixed;
  p.a = {y, m, 0};
  p.b = {y, m2, 0};
  p.prec = kMonth;
  p.full = y != 0;
  p.ok = ok;
  p.anchored = true;
  p.end = e;
  return true;
}

bool Parser::quarter(size_t k, Point& p) {
  if (!W_.match(t_, k, K::QuarterWord)) return false;
  int q = 0;
  size_t e = k + 1;
  if (T_.num(e)) {
    q = digits(e, 1);
  } else if (e < n_ && t_[e].kind == Tk::Word && t_[e].upper) {
    q = roman_value(T_.text(e));
  }
  if (q < 1 || q > 4) return false;
  ++e;
  int y = 0;
  bool ok = true;
  size_t ye = 0;
  const char sep = punct(e);
  if ((sep == '/' || sep == '-') && year4(e + 1) && clean_after(e + 2)) {
    y = year4(e + 1);
    e += 2;
  } else if (year_of(punct(e) == ',' ? e + 1 : e, y, ye, ok)) {
    e = ye;
  } else if (!clean_after(e)) {
    return false;
  }
  p.kind = ok ? Point::Abs : Point::Fixed;
  p.a = {y, 3 * q - 2, 0};
  p.b = {y, 3 * q, 0};
  p.prec = kMonth;
  p.full = y != 0;
  p.ok = ok;
  p.anchored = true;
  p.end = e;
  return true;
}

// '7 tháng năm 2024', '8 tháng đầu năm', '6 tháng cuối năm 2023': months 1..N (or the last N).
bool Parser::n_months(size_t k, Point& p) {
  size_t e = 0;
  const int months = read_small(T_, k, &e);
  if (months < 1 || months > 12 || !W_.match(t_, e, K::MonthWord)) return false;
  ++e;
  int side = 0;
  if (const Sense* fl = W_.match(t_, e, K::FirstLast)) {
    side = static_cast<int>(fl->v1);
    e += fl->len;
  }
  int y = 0;
  bool ok = true;
  size_t ye = 0;
  if (year_of(e, y, ye, ok)) {
    e = ye;
  } else if (side != 0 && W_.match(t_, e, K::YearWord) && !T_.num(e + 1)) {
    // 'N tháng đầu năm' without a year: the publication year.
    ok = ref_.valid();
    y = ref_.year;
    e += 1;
  } else {
    return false;
  }
  p.kind = Point::Fixed;
  p.a = {y, side < 0 ? 13 - months : 1, 0};
  p.b = {y, side < 0 ? 12 : months, 0};
  p.prec = kMonth;
  p.period = true;
  p.ok = ok;
  p.anchored = true;
  p.full = true;
  p.end = e;
  return true;
}

// 'giai đoạn 2021-2030', 'năm học 2022 - 2023', 'thập niên 1990'.
bool Parser::span_years(size_t k, Point& p) const {
  const Sense* cue = W_.match(t_, k, K::SpanCue);
  const Sense* decade = W_.match(t_, k, K::DecadeCue);
  if (!cue && !decade) return false;
  size_t e = k + std::max(cue ? cue->len : 0, decade ? decade->len : 0);
  if (const Sense* f = W_.match(t_, e, K::From)) e += f->len;
  if (W_.match(t_, e, K::YearWord) && T_.num(e + 1)) ++e;
  const int y1 = year4(e);
  if (cue && y1 && clean_before(e)) {
    size_t q = e + 1;
    const Sense* to = W_.match(t_, q, K::To);
    if (to) {
      q += to->len;
      if (W_.match(t_, q, K::YearWord) && T_.num(q + 1)) ++q;
      const int y2 = year4(q);
      if (y2 && y2 >= y1 && y2 - y1 <= 100 && clean_after(q + 1)) {
        p.kind = Point::Abs;
        p.a = {y1, 0, 0};
        p.b = {y2, 0, 0};
        p.prec = kYear;
        p.full = p.anchored = p.period = true;
        p.end = q + 1;
        return true;
      }
    }
  }
  if (decade || (cue && cue->len > 1)) {  // 'thập niên 1990', 'những năm 1990'
    int y = y1;
    if (!y && decade && T_.num(e) && T_.text(e).size() == 2) y = 1900 + digits(e, 2);
    if (y && y % 10 == 0 && clean_after(e + 1)) {
      p.kind = Point::Abs;
      p.a = {y, 0, 0};
      p.b = {y + 9, 0, 0};
      p.prec = kYear;
      p.full = p.anchored = p.period = true;
      p.end = e + 1;
      return true;
    }
  }
  return false;
}

// 'cách đây 10 năm', '10 năm trước', '5 năm qua'.
bool Parser::ago(size_t k, Point& p) {
  size_t e = k;
  const Sense* head = W_.match(t_, k, K::AgoHead);
  if (head) e += head->len;
  size_t ne = 0;
  const int years = read_small(T_, e, &ne);
  if (years < 1 || years > 500 || !W_.match(t_, ne, K::YearWord)) return false;
  e = ne + 1;
  int kind = 1;
  if (!head) {
    const Sense* a = W_.match(t_, e, K::Ago);
    if (!a) return false;
    kind = static_cast<int>(a->v1);
    e += a->len;
  }
  p.kind = Point::Fixed;
  p.prec = kYear;
  p.ok = ref_.valid();
  p.a = {ref_.year - years, 0, 0};
  p.b = kind == 2 ? Pt{ref_.year, 0, 0} : p.a;
  p.period = kind == 2;
  p.anchored = true;
  p.end = e;
  return true;
}

// 'hôm qua', 'sáng nay', 'tuần trước', 'năm ngoái', 'đầu năm nay', 'thứ Hai tuần trước'.
bool Parser::relative(size_t k, int weekday, Point& p) {
  if (const Sense* r = W_.match(t_, k, K::RelDay)) {
    p.kind = Point::Fixed;
    p.prec = ref_day() ? kDay : kMonth;
    p.ok = ref_.valid() && ref_.month > 0;
    if (p.ok) {
      p.a = p.b = ref_day() ? pt_of(days(ref_.year, ref_.month, ref_.day) + ch::days{static_cast<int>(r->v1)})
                            : ref_pt(ref_);
    }
    p.end = k + r->len;
    p.anchored = true;
    // 'hôm nay (6/1)', 'hôm qua, ngày 5/1', 'hôm nay 6/6': the written date says it better.
    size_t q = p.end;
    Point inner;
    if (punct(q) == '(' && num_day(q + 1, inner) && punct(inner.end) == ')') {
      inner.end += 1;
    } else if (punct(q) == ',' && W_.match(t_, q + 1, K::DayWord) && num_day(q + 2, inner)) {
    } else if (num_day(q, inner)) {
    } else {
      return true;
    }
    inner.begin = p.begin;
    inner.anchored = true;
    p = inner;
    return true;
  }
  if (const Sense* r = W_.match(t_, k, K::RelWeek); r && (weekday || !counted_before(k))) {
    p.kind = Point::Fixed;
    p.prec = kDay;
    p.ok = ref_day();
    if (p.ok) {
      const ch::sys_days today = days(ref_.year, ref_.month, ref_.day);
      const int iso_wd = static_cast<int>(ch::weekday(today).iso_encoding());
      const ch::sys_days monday = today - ch::days{iso_wd - 1} + ch::days{7 * static_cast<int>(r->v1)};
      if (weekday) {
        p.a = p.b = pt_of(monday + ch::days{weekday - 1});
      } else if (r->v2 == 1) {  // the weekend
        p.a = pt_of(monday + ch::days{5});
        p.b = pt_of(monday + ch::days{6});
      } else {
        p.a = pt_of(monday);
        p.b = pt_of(monday + ch::days{6});
      }
    }
    p.end = k + r->len;
    p.anchored = true;
    return true;
  }
  if (weekday) return false;
  if (const Sense* yp = W_.match(t_, k, K::YearPart)) {
    int y = 0;
    bool ok = true;
    size_t e = 0;
    const size_t q = k + yp->len;
    if (!year_of(q, y, e, ok)) {
      // 'đầu năm' alone: of the publication year (not 'đầu năm học').
      if (!W_.match(t_, q, K::YearWord) || T_.num(q + 1) || W_.match(t_, q, K::SpanCue)) return false;
      ok = ref_.valid();
      y = ref_.year;
      e = q + 1;
    }
    p.kind = Point::Fixed;
    p.a = {y, static_cast<int>(yp->v1), 0};
    p.b = {y, static_cast<int>(yp->v2), 0};
    p.prec = kMonth;
    p.ok = ok;
    p.anchored = true;
    p.year_start = yp->v1 == 1;
    p.end = e;
    return true;
  }
  if (const Sense* r = W_.match(t_, k, K::RelYear); r && !counted_before(k)) {
    p.kind = Point::Fixed;
    p.prec = kYear;
    p.ok = ref_.valid();
    p.a = p.b = {ref_.year + static_cast<int>(r->v1), 0, 0};
    p.end = k + r->len;
    p.anchored = true;
    return true;
  }
  return false;
}

// 'vào thứ Hai', 'sáng thứ Năm', 'thứ Sáu tới': the nearest such day.
bool Parser::weekday_alone(size_t i, size_t k, int weekday, bool daypart, Point& p) {
  size_t s = 0;
  int dir = 0;
  size_t e = k;
  if (const Sense* d = W_.match(t_, k, K::DirAfter); d && (d->v2 != 1 || direction_word_ends(k + d->len))) {
    dir = static_cast<int>(d->v1);
    e = k + d->len;
  }
  if (!daypart && e == k && !W_.match_before(t_, i, K::At, &s)) return false;
  p.kind = Point::Fixed;
  p.prec = kDay;
  p.ok = ref_day();
  if (p.ok) {
    const ch::sys_days today = days(ref_.year, ref_.month, ref_.day);
    const int wd = static_cast<int>(ch::weekday(today).iso_encoding());
    const bool forward = dir > 0 || (dir == 0 && ahead_);
    const int delta = forward ? (weekday - wd + 7) % 7 : -((wd - weekday + 7) % 7);
    p.a = p.b = pt_of(today + ch::days{delta});
  }
  p.anchored = true;
  p.end = e;
  return true;
}

void Parser::direction(Point& p) const {
  if (p.kind != Point::Abs || p.full) return;
  if (const Sense* d = W_.match(t_, p.end, K::DirAfter); d && (d->v2 != 1 || direction_word_ends(p.end + d->len))) {
    p.dir = static_cast<int>(d->v1);
    p.end += d->len;
  }
}

bool Parser::point(size_t i, Point& p, const Mode& mode) {
  p = Point{};
  if (T_.num(i) && !clean_before(i)) return false;  // '15:20 ngày 6/1': the 20 is a minute
  auto finish = [&](bool ok, bool anch) {
    if (!ok) return false;
    p.begin = i;
    p.anchored = p.anchored || anch;
    direction(p);
    return true;
  };
  // Relative words, some of which start with a day part ('sáng nay', 'hôm qua').
  if (relative(i, 0, p)) return finish(true, true);
  size_t j = i;
  bool anch = false, daypart = false;
  int weekday = 0;
  if (const Sense* s = W_.match(t_, j, K::Daypart)) {
    j += s->len;
    anch = daypart = true;
  }
  if (const Sense* s = W_.match(t_, j, K::Weekday)) {
    weekday = static_cast<int>(s->v1);
    j += s->len;
    anch = true;
  }
  // 'sáng hôm qua', 'thứ Hai tuần trước'.
  if (j > i && relative(j, weekday, p)) return finish(true, true);

  size_t k = j;
  if (weekday && punct(k) == ',') ++k;
  // 'ngày', 'các ngày', 'hai ngày' before the day(s).
  bool dayword = false;
  {
    size_t c = k, e = 0;
    if (const Sense* pl = W_.match(t_, c, K::Plural)) c += pl->len;
    else if (read_small(T_, c, &e) > 0) c = e;
    if (const Sense* dw = W_.match(t_, c, K::DayWord)) {
      k = c + dw->len;
      dayword = anch = true;
    }
  }
  if (dayword || weekday || daypart) {
    if (num_day(k, p) || day_month_words(k, p)) return finish(true, anch);
    if (punct(k) == '(' && num_day(k + 1, p) && punct(p.end) == ')') {
      p.end += 1;
      return finish(true, anch);
    }
    if (day_only(k, p)) return finish(true, anch);
    if (weekday && !dayword) return finish(weekday_alone(i, j, weekday, daypart, p), anch);
    return false;  // a day part or 'ngày' with no day after it
  }

  if (num_day(k, p)) return finish(true, anch);
  if (day_month_words(k, p)) return finish(true, anch);
  if (punct(k) == '(' && num_day(k + 1, p) && punct(p.end) == ')') {
    p.anchored = p.slash;
    p.end += 1;
    return finish(true, anch);
  }
  if (month(k, p) || quarter(k, p) || n_months(k, p) || span_years(k, p) || ago(k, p)) return finish(true, anch);
  if (W_.match(t_, k, K::YearWord)) {
    if (const int y = year4(k + 1); y && clean_after(k + 2)) {
      p.kind = Point::Abs;
      p.a = p.b = {y, 0, 0};
      p.prec = kYear;
      p.full = p.anchored = true;
      p.end = k + 2;
      return finish(true, anch);
    }
  }
  // A year without 'năm': second in a run of years, or after 'từ' / '('.
  if (const int y = year4(k); y && clean_before(k) && clean_after(k + 1)) {
    const bool after_year = mode.second && mode.prev && mode.prev->prec == kYear && mode.prev->kind == Point::Abs;
    if (!mode.second || after_year) {
      p.kind = Point::Abs;
      p.a = p.b = {y, 0, 0};
      p.prec = kYear;
      p.full = p.bare_year = true;
      // '(1962 - 2022)', 'từ 1989 đến nay'; a bare '2021-2030' is no date.
      p.anchored = after_year ? mode.prev->anchored : (mode.from || (k > 0 && punct(k - 1) == '('));
      p.end = k + 1;
      return finish(true, anch);
    }
  }
  // A month without 'tháng' after a month: 'từ tháng 12/2023 đến 1/2024'.
  if (mode.second && mode.prev && mode.prev->prec == kMonth && mode.prev->kind == Point::Abs && T_.num(k) &&
      clean_before(k)) {
    const int m = digits(k, 2);
    int y = 0;
    size_t e = k + 1;
    if (punct(e) == '/' && T_.glued(e) && T_.glued(e + 1) && year4(e + 1)) {
      y = year4(e + 1);
      e += 2;
    } else {
      bool ok = true;
      size_t ye = 0;
      if (year_of(e, y, ye, ok) && ok) e = ye;
    }
    if (m >= 1 && m <= 12 && y && clean_after(e)) {
      p.kind = Point::Abs;
      p.a = p.b = {y, m, 0};
      p.prec = kMonth;
      p.full = p.anchored = true;
      p.end = e;
      return finish(true, anch);
    }
  }
  // A day number: first (or inside) a list of days ('6-7/1', '26, 27/6').
  if ((!mode.second || (mode.prev && mode.prev->kind == Point::DayOnly)) && day_only(k, p)) return finish(true, anch);
  return false;
}

bool Parser::resolve_one(const Point& p, Res& r) const {
  r.prec = p.prec;
  r.period = p.period;
  r.dir = p.dir;
  if (p.kind == Point::Fixed) {
    r.s = p.a;
    r.e = p.b;
    r.ok = p.ok;
    return true;
  }
  r.s = p.a;
  r.e = p.b;
  if (r.s.y == 0) {
    const int y = infer_year(p.a, p.b, p.prec, ref_, ahead_, p.dir);
    r.s.y = y;
    r.e.y = earlier_in_year(p.b, p.a, p.prec) ? y + 1 : y;
    if (!y) return ref_.valid() ? false : (r.ok = false, true);
  }
  r.ok = true;
  return true;
}

bool Parser::combine(const Point* items, size_t n, bool from, bool until_now, Res& r) {
  const Point& first = items[0];
  const Point& last = items[n - 1];
  if (n == 1) {
    if (first.kind == Point::DayOnly) return false;
    if (first.bare_year && !until_now) return false;
    if (!first.anchored && !first.full) return false;
    if (!resolve_one(first, r)) return false;
    // 'từ năm 1989 đến nay', 'từ đầu năm': until the publication date.
    if (until_now || (from && first.year_start && first.kind == Point::Fixed && r.ok && r.s.y == ref_.year)) {
      r.open = r.period = true;
      if (ref_.valid() && r.ok) {
        const Pt now = ref_pt(ref_);
        const Prec np = ref_prec(ref_);
        if (cover(r.s, r.prec).b > cover(now, np).e) return false;
      }
    }
    return true;
  }
  // A list of days ending in a day-month: '6-7/1/2024', 'ngày 26, 27 và 28/6'.
  if (first.kind == Point::DayOnly) {
    if (last.kind == Point::DayOnly || last.prec != kDay || last.a.m == 0) return false;
    bool anchored = last.full || last.slash;
    int prev_d = 0;
    for (size_t k = 0; k < n; ++k) {
      anchored = anchored || items[k].anchored;
      if (items[k].a.d <= prev_d) return false;
      prev_d = items[k].a.d;
    }
    if (!anchored) return false;
    Point span = last;
    span.a.d = first.a.d;
    if (!valid_day(last.a.y ? last.a.y : 2000, span.a.m, span.a.d)) return false;
    span.dir = first.dir ? first.dir : last.dir;
    return resolve_one(span, r);
  }
  // Two points: 'từ ngày 07/6 đến ngày 13/6/2025', '30/11 - 2/12/2020', 'năm 2020 - 2025'.
  const Point& a = first;
  const Point& b = last;
  if (b.kind == Point::DayOnly) return false;
  const bool anchored = a.anchored || b.anchored || (a.full && !a.bare_year) || (b.full && !b.bare_year) ||
                        (from && a.slash && b.slash);
  if (!anchored) return false;
  const Prec prec = std::min(a.prec, b.prec);
  Pt s = a.a, e = b.b;
  bool ok = true;
  if (a.kind == Point::Fixed) ok = ok && a.ok;
  if (b.kind == Point::Fixed) ok = ok && b.ok;
  if (s.y == 0 && e.y == 0) {
    Point both = a;
    both.b = b.b;
    both.prec = prec;
    both.dir = a.dir ? a.dir : b.dir;
    Res rb;
    if (!resolve_one(both, rb)) return false;
    if (!rb.ok) ok = false;
    s.y = rb.s.y;
  }
  if (s.y == 0) s.y = earlier_in_year(e, s, prec) ? e.y - 1 : e.y;
  if (e.y == 0) e.y = earlier_in_year(e, s, prec) ? s.y + 1 : s.y;
  r.prec = prec;
  r.period = a.period || b.period || prec == kYear;
  r.ok = ok;
  if (!ok) return true;
  if (prec < kDay) s.d = e.d = 0;
  if (prec < kMonth) s.m = e.m = 0;
  if (prec == kDay && (!valid_day(s.y, s.m, s.d) || !valid_day(e.y, e.m, e.d))) return false;
  if (s.y < kMinYear || e.y > kMaxYear) return false;
  if (a.bare_year && e.y - s.y > 100) return false;  // 'từ 2000 đến 2500 ...' counts things
  if (cover(s, prec).b > cover(e, prec).e) return false;
  r.s = s;
  r.e = e;
  return true;
}

bool Parser::phrase(size_t i, Found& f) {
  size_t j = i;
  bool from = false;
  if (const Sense* s = W_.match(t_, i, K::From)) {
    from = true;
    j = i + s->len;
  }
  std::array<Point, 8> items;
  if (!point(j, items[0], Mode{false, nullptr, from})) return false;
  size_t n = 1;
  size_t k = items[0].end;
  bool until_now = false;
  while (n < items.size()) {
    const Sense* to = W_.match(t_, k, K::To);
    const Sense* andw = W_.match(t_, k, K::And);
    if (!to && !andw) break;
    const Point& prev = items[n - 1];
    if (to && prev.kind != Point::DayOnly) {
      if (const Sense* u = W_.match(t_, k + to->len, K::UntilNow)) {
        if (n == 1) {
          until_now = true;
          k += to->len + u->len;
        }
        break;
      }
    }
    const size_t len = to ? to->len : andw->len;
    Point q;
    if (!point(k + len, q, Mode{true, &prev, from})) break;
    // 'và' and ',' only join days ('ngày 26, 27/6'); two dates so joined stay two.
    if (!to && prev.kind != Point::DayOnly) break;
    items[n++] = q;
    k = q.end;
    if (q.kind != Point::DayOnly) break;
  }
  while (n > 1 && items[n - 1].kind == Point::DayOnly) --n;
  if (!combine(items.data(), n, from, until_now, f.r)) {
    // The run did not hold ('ngày 6/1 - 7/1 ...' with a bad second part): the first point alone.
    if (n == 1 || !combine(items.data(), 1, from, false, f.r)) return false;
    n = 1;
    until_now = false;
  }
  f.r.open = f.r.open || until_now;
  if (f.r.open) f.r.period = true;
  const bool range = n > 1 || until_now || f.r.open;
  f.begin = from && range ? i : items[0].begin;
  f.end = until_now ? k : items[n - 1].end;
  return true;
}

DateRange to_range(const Res& r, const RefDate& ref) {
  DateRange out;
  out.start = iso(r.s, r.prec);
  out.precision = prec_name(r.prec);
  if (r.open) {
    if (ref.valid()) {
      const Prec np = ref.day ? kDay : ref.month ? kMonth : kYear;
      out.end = iso(Pt{ref.year, ref.month, ref.day}, np);
    }
  } else {
    out.end = iso(r.e, r.prec);
  }
  return out;
}

template <typename Fn>
void scan(const Tokens& T, const RefDate& ref, bool ahead, Fn&& fn) {
  Parser P(T, ref, ahead);
  const size_t n = T.toks.size();
  for (size_t i = 0; i < n;) {
    Found f;
    if (P.could_start(i) && P.phrase(i, f) && f.end > i) {
      fn(f);
      i = f.end;
    } else {
      ++i;
    }
  }
}

}  // namespace

namespace detail {
void date_spans(const Tokens& T, std::vector<std::pair<size_t, size_t>>& out) {
  out.clear();
  scan(T, RefDate{}, false, [&](const Found& f) { out.emplace_back(f.begin, f.end); });
}
}  // namespace detail

std::optional<RefDate> ref_from_iso(std::string_view iso_text) {
  static const RE2 kIso(R"((\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?)");
  int y = 0, m = 0, d = 0;
  std::string ms, ds;
  if (!RE2::FullMatch(re2::StringPiece(iso_text.data(), iso_text.size()), kIso, &y, &ms, &ds)) return std::nullopt;
  if (!ms.empty()) m = std::stoi(ms);
  if (!ds.empty()) d = std::stoi(ds);
  if (y < kMinYear || y > kMaxYear) return std::nullopt;
  if (!ms.empty() && (m < 1 || m > 12)) return std::nullopt;
  if (!ds.empty() && !valid_day(y, m, d)) return std::nullopt;
  return RefDate{y, m, d};
}

std::optional<RefDate> ref_from_published(const Published& p) {
  auto r = ref_from_iso(p.value);
  if (!r) return std::nullopt;
  if (p.precision == "year") r->month = r->day = 0;
  else if (p.precision == "month") r->day = 0;
  return r;
}

void prepare(std::string_view text, normalize::Folded& folded) { detail::prime(text, folded); }

void use_lexicon(const std::string& dir) { detail::use_lexicon(dir); }

namespace {
bool capital_at(std::string_view t, size_t i) { return detail::upper_at(t, static_cast<uint32_t>(i)); }
// Start of the word ending before byte `i` (spaces skipped); npos when none.
size_t word_before(std::string_view t, size_t i) {
  while (i > 0 && t[i - 1] == ' ') --i;
  if (i == 0 || std::string_view(".!?:;\"'(,-").find(t[i - 1]) != std::string_view::npos) return std::string_view::npos;
  while (i > 0 && t[i - 1] != ' ') --i;
  return i;
}
// A capitalised word that does not open its sentence.
bool inner_capital(std::string_view t, size_t w) {
  return w != std::string_view::npos && capital_at(t, w) && word_before(t, w) != std::string_view::npos;
}
// 'Cách mạng Tháng Mười', 'Quảng trường Tháng Tám': a capitalised month in words
// inside a name is the name's, not a date ('tháng Mười', 'Tháng 10' are dates).
bool month_in_name(std::string_view t, size_t b) {
  if (t.substr(b, 6) != "Th\xC3\xA1ng" || b + 7 >= t.size() || t[b + 6] != ' ' || !capital_at(t, b + 7)) return false;
  const size_t w1 = word_before(t, b);
  if (w1 == std::string_view::npos) return false;
  return inner_capital(t, w1) || inner_capital(t, word_before(t, w1));
}
}  // namespace

std::vector<DateMention> find_dates(std::string_view text, const RefDate& ref, bool ahead) {
  std::vector<DateMention> out;
  Tokens& T = tokens_of(text);
  scan(T, ref, ahead, [&](const Found& f) {
    if (!f.r.ok) return;
    DateMention m;
    const auto [b, e] = T.span(f.begin, f.end);
    if (month_in_name(text, b)) return;
    m.begin = b;
    m.end = e;
    m.range = to_range(f.r, ref);
    m.is_period = f.r.period;
    m.open_end = f.r.open;
    m.coming = f.r.dir > 0;
    out.push_back(std::move(m));
  });
  return out;
}

std::optional<DateMention> explain_date(std::string_view phrase, const RefDate& ref, bool ahead, std::string* why) {
  Tokens& T = tokens_of(phrase);
  Parser P(T, ref, ahead);
  for (size_t i = 0; i < T.toks.size(); ++i) {
    Found f;
    if (!P.could_start(i) || !P.phrase(i, f) || f.end <= i) continue;
    if (!f.r.ok) {
      if (why) *why = ref.valid() ? "cannot be placed against the publication date" : "needs the publication date";
      return std::nullopt;
    }
    DateMention m;
    const auto [b, e] = T.span(f.begin, f.end);
    m.begin = b;
    m.end = e;
    m.range = to_range(f.r, ref);
    m.is_period = f.r.period;
    m.open_end = f.r.open;
    return m;
  }
  if (why) *why = "no date phrase";
  return std::nullopt;
}

std::optional<DateRange> resolve_date(std::string_view phrase, const RefDate& ref, bool ahead) {
  auto m = explain_date(phrase, ref, ahead, nullptr);
  if (!m) return std::nullopt;
  return std::move(m->range);
}

}  // namespace mekong::resolve
