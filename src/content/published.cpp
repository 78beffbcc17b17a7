// The page's own statement of when it was published, and the other dates
// a page can be placed by (its URL, the crawl, the user's word).
#include <re2/re2.h>

#include <fmt/format.h>

#include "content/content.h"

namespace mekong::content {

namespace {

int days_in(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool valid_date(int y, int m, int d, int min_year = 1990) {
  return y >= min_year && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

bool valid_time(int h, int mi) { return h >= 0 && h <= 23 && mi >= 0 && mi <= 59; }

std::optional<Published> make(int y, int mo, int d, int h, int mi, bool has_time) {
  if (!valid_date(y, mo, d)) return std::nullopt;
  if (has_time && valid_time(h, mi))
    return Published{fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}", y, mo, d, h, mi), "minute"};
  return Published{fmt::format("{:04d}-{:02d}-{:02d}", y, mo, d), "day"};
}

int num(const std::string& s) { return s.empty() ? 0 : std::stoi(s); }

// Words (runs holding a letter) outside [b, e): a dateline has few besides its date.
size_t words_outside(std::string_view line, size_t b, size_t e) {
  size_t n = 0;
  bool in_word = false, has_letter = false;
  auto end_word = [&] {
    if (in_word && has_letter) ++n;
    in_word = has_letter = false;
  };
  for (size_t i = 0; i < line.size(); ++i) {
    if (i >= b && i < e) {
      end_word();
      continue;
    }
    const auto c = static_cast<unsigned char>(line[i]);
    const bool letter = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
    const bool digit = c >= '0' && c <= '9';
    if (letter || digit) {
      in_word = true;
      has_letter = has_letter || letter;
    } else {
      end_word();
    }
  }
  end_word();
  return n;
}

bool has_four_digits(std::string_view s) {
  int run = 0;
  for (char c : s) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

}  // namespace

std::optional<Published> parse_published(std::string_view line, bool strict) {
  // A crawler's header: ' date 2024-09' (+ '-05', + time) at the very start.
  static const RE2 kHeader(R"(^\s*date:?\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2}))?)");
  // A corpus header line: '# date = 20201001', '# date = 2020-10-01 09:30'.
  static const RE2 kHashHeader(R"(^\s*#\s*date\s*[=:]\s*(\d{4})-?(\d{2})(?:-?(\d{2}))?(?:[T ](\d{1,2}):(\d{2}))?)");
  // ISO 8601 as in meta tags: 2024-01-05T07:55:00+07:00
  static const RE2 kIso(R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?)");
  // Time before date: '07:55 | 05/01/2024', '07:55 05-01-2024', '17:20 ngày 10/01/2025'
  static const RE2 kTimeDate(R"((\d{1,2})[:hg](\d{2})(?::\d{2})?\s*(?:[|,\-–]\s*)?(?:\pL+\s*){0,3}[,]?\s*(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}))");
  // Date before time: '06/01/2024 - 09:15', '06/01/2024 09:15 (GMT+07:00)'
  static const RE2 kDateTime(R"((\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})\s*(?:[|,\-–]|lúc)?\s*(\d{1,2})[:hg](\d{2}))");
  static const RE2 kDate(R"((\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}))");

  // Every pattern above holds four digits in a row: most lines have none,
  // and are turned down without running six regular expressions over them.
  if (!has_four_digits(line)) return std::nullopt;
  re2::StringPiece in(line.data(), line.size());
  std::string y, mo, d, h, mi;
  for (const RE2* header : {&kHeader, &kHashHeader}) {
    if (!RE2::PartialMatch(in, *header, &y, &mo, &d, &h, &mi)) continue;
    const int yy = num(y), mm = num(mo);
    if (!d.empty()) return make(yy, mm, num(d), num(h), num(mi), !h.empty());
    if (valid_date(yy, mm, 1)) return Published{fmt::format("{:04d}-{:02d}", yy, mm), "month"};
    return std::nullopt;
  }
  if (strict && line.size() > 120) return std::nullopt;

  // A dateline is its date and time with a few words around them ('Thứ Hai',
  // 'Cập nhật lúc', 'GMT'); a headline or a sentence holding a date has more.
  auto accept = [&](const re2::StringPiece& whole, bool has_time) {
    if (!strict) return true;
    const size_t b = static_cast<size_t>(whole.data() - line.data());
    return words_outside(line, b, b + whole.size()) <= (has_time ? 8u : 4u);
  };
  re2::StringPiece whole;
  static const RE2 kTimeDateW("(" + kTimeDate.pattern() + ")");
  static const RE2 kDateTimeW("(" + kDateTime.pattern() + ")");
  static const RE2 kIsoW("(" + kIso.pattern() + ")");
  static const RE2 kDateW("(" + kDate.pattern() + ")");
  if (RE2::PartialMatch(in, kDateTimeW, &whole, &d, &mo, &y, &h, &mi) && accept(whole, true)) {
    return make(num(y), num(mo), num(d), num(h), num(mi), true);
  }
  if (RE2::PartialMatch(in, kTimeDateW, &whole, &h, &mi, &d, &mo, &y) && accept(whole, true)) {
    return make(num(y), num(mo), num(d), num(h), num(mi), true);
  }
  if (RE2::PartialMatch(in, kIsoW, &whole, &y, &mo, &d, &h, &mi) && accept(whole, !h.empty())) {
    return make(num(y), num(mo), num(d), num(h), num(mi), !h.empty());
  }
  if (RE2::PartialMatch(in, kDateW, &whole, &d, &mo, &y) && accept(whole, false)) {
    return make(num(y), num(mo), num(d), 0, 0, false);
  }
  return std::nullopt;
}

std::optional<Published> parse_byline_date(std::string_view line) {
  static const RE2 kEnd(R"(^(.*?)\s[|–\-]\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$)");
  if (line.size() > 160 || !has_four_digits(line)) return std::nullopt;
  re2::StringPiece in(line.data(), line.size());
  std::string before, d, mo, y;
  if (!RE2::FullMatch(in, kEnd, &before, &d, &mo, &y)) return std::nullopt;
  if (words_outside(before, 0, 0) > 14) return std::nullopt;
  return make(num(y), num(mo), num(d), 0, 0, false);
}

std::optional<Published> parse_iso(std::string_view s) {
  static const RE2 kIso(R"(\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2})?)?)?)?\s*)");
  std::string y, mo, d, h, mi;
  if (!RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kIso, &y, &mo, &d, &h, &mi)) return std::nullopt;
  const int yy = num(y), mm = mo.empty() ? 1 : num(mo), dd = d.empty() ? 1 : num(d);
  if (!valid_date(yy, mm, dd, 1900)) return std::nullopt;
  if (mo.empty()) return Published{fmt::format("{:04d}", yy), "year"};
  if (d.empty()) return Published{fmt::format("{:04d}-{:02d}", yy, mm), "month"};
  if (h.empty()) return Published{fmt::format("{:04d}-{:02d}-{:02d}", yy, mm, dd), "day"};
  if (!valid_time(num(h), num(mi))) return std::nullopt;
  return Published{fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}", yy, mm, dd, num(h), num(mi)), "minute"};
}

std::optional<Published> date_in_url(std::string_view url) {
  // Only the path: a host name holds no date.
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    const size_t slash = url.find('/', scheme + 3);
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  if (url.empty()) return std::nullopt;
  static const RE2 kSlashes(R"(/(\d{4})/(\d{1,2})/(\d{1,2})(?:[/_.\-]|$))");
  static const RE2 kDashes(R"([/_\-](\d{4})-(\d{2})-(\d{2})(?:\D|$))");
  static const RE2 kDigits(R"([/_\-]((?:19|20)\d{2})(\d{2})(\d{2})\d*(?:\D|$))");
  static const RE2 kMonth(R"(/(\d{4})/(\d{1,2})/)");
  re2::StringPiece in(url.data(), url.size());
  std::string y, mo, d;
  for (const RE2* re : {&kSlashes, &kDashes, &kDigits}) {
    if (RE2::PartialMatch(in, *re, &y, &mo, &d) && valid_date(num(y), num(mo), num(d)))
      return Published{fmt::format("{:04d}-{:02d}-{:02d}", num(y), num(mo), num(d)), "day"};
  }
  if (RE2::PartialMatch(in, kMonth, &y, &mo) && valid_date(num(y), num(mo), 1))
    return Published{fmt::format("{:04d}-{:02d}", num(y), num(mo)), "month"};
  return std::nullopt;
}

std::optional<Published> day_of_warc_date(std::string_view warc_date) {
  static const RE2 kWarc(R"(\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+\-]\d{2}:?\d{2})?)?.*)");
  std::string y, mo, d, h, mi, zone;
  if (!RE2::FullMatch(re2::StringPiece(warc_date.data(), warc_date.size()), kWarc, &y, &mo, &d, &h, &mi, &zone))
    return std::nullopt;
  int yy = num(y), mm = num(mo), dd = num(d);
  if (!valid_date(yy, mm, dd, 1900)) return std::nullopt;
  // WARC-Date is UTC; the pages are read in Vietnam's time (UTC+7).
  if (!h.empty() && (zone.empty() || zone == "Z") && num(h) + 7 >= 24) {
    if (++dd > days_in(yy, mm)) {
      dd = 1;
      if (++mm > 12) {
        mm = 1;
        ++yy;
      }
    }
  }
  return Published{fmt::format("{:04d}-{:02d}-{:02d}", yy, mm, dd), "day"};
}

}  // namespace mekong::content
