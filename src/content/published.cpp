// The page's own statement of when it was published.
#include <re2/re2.h>

#include <fmt/format.h>

#include "content/content.h"

namespace mekong::content {

namespace {

bool valid_date(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] &&
         !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

bool valid_time(int h, int mi) { return h >= 0 && h <= 23 && mi >= 0 && mi <= 59; }

std::optional<Published> make(int y, int mo, int d, int h, int mi, bool has_time) {
  if (!valid_date(y, mo, d)) return std::nullopt;
  if (has_time && valid_time(h, mi))
    return Published{fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}", y, mo, d, h, mi), "minute"};
  return Published{fmt::format("{:04d}-{:02d}-{:02d}", y, mo, d), "day"};
}

// Counts letters outside [b, e): a dateline has few words besides its date.
size_t letters_outside(std::string_view line, size_t b, size_t e) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (i >= b && i < e) continue;
    const auto c = static_cast<unsigned char>(line[i]);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++n;
    else if (c >= 0xC0) ++n;  // lead byte of a non-ASCII letter
  }
  return n;
}

}  // namespace

std::optional<Published> parse_published(std::string_view line, bool strict) {
  // A crawler's header: ' date 2024-09' (+ '-05', + time) at the very start.
  static const RE2 kHeader(R"(^\s*date:?\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2}))?)");
  // ISO 8601 as in meta tags: 2024-01-05T07:55:00+07:00
  static const RE2 kIso(R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?)");
  // Time before date: '07:55 | 05/01/2024', '07:55 05-01-2024'
  static const RE2 kTimeDate(R"((\d{1,2})[:hg](\d{2})(?::\d{2})?\s*(?:[|,\-–]\s*)?(?:\pL+\s*){0,3}[,]?\s*(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}))");
  // Date before time: '06/01/2024 - 09:15', '06/01/2024 09:15 (GMT+07:00)'
  static const RE2 kDateTime(R"((\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})\s*(?:[|,\-–]|lúc)?\s*(\d{1,2})[:hg](\d{2}))");
  static const RE2 kDate(R"((\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}))");

  re2::StringPiece in(line.data(), line.size());
  std::string y, mo, d, h, mi;
  if (RE2::PartialMatch(in, kHeader, &y, &mo, &d, &h, &mi)) {
    const int yy = std::stoi(y), mm = std::stoi(mo);
    if (!d.empty()) {
      return make(yy, mm, std::stoi(d), h.empty() ? 0 : std::stoi(h), mi.empty() ? 0 : std::stoi(mi), !h.empty());
    }
    if (valid_date(yy, mm, 1)) return Published{fmt::format("{:04d}-{:02d}", yy, mm), "month"};
    return std::nullopt;
  }
  if (strict && line.size() > 120) return std::nullopt;

  auto accept = [&](const re2::StringPiece& whole) {
    if (!strict) return true;
    const size_t b = static_cast<size_t>(whole.data() - line.data());
    return letters_outside(line, b, b + whole.size()) <= 40;
  };
  re2::StringPiece whole;
  static const RE2 kTimeDateW("(" + kTimeDate.pattern() + ")");
  static const RE2 kDateTimeW("(" + kDateTime.pattern() + ")");
  static const RE2 kIsoW("(" + kIso.pattern() + ")");
  static const RE2 kDateW("(" + kDate.pattern() + ")");
  if (RE2::PartialMatch(in, kDateTimeW, &whole, &d, &mo, &y, &h, &mi) && accept(whole)) {
    return make(std::stoi(y), std::stoi(mo), std::stoi(d), std::stoi(h), std::stoi(mi), true);
  }
  if (RE2::PartialMatch(in, kTimeDateW, &whole, &h, &mi, &d, &mo, &y) && accept(whole)) {
    return make(std::stoi(y), std::stoi(mo), std::stoi(d), std::stoi(h), std::stoi(mi), true);
  }
  if (RE2::PartialMatch(in, kIsoW, &whole, &y, &mo, &d, &h, &mi) && accept(whole)) {
    return make(std::stoi(y), std::stoi(mo), std::stoi(d), h.empty() ? 0 : std::stoi(h),
                mi.empty() ? 0 : std::stoi(mi), !h.empty());
  }
  if (RE2::PartialMatch(in, kDateW, &whole, &d, &mo, &y) && accept(whole)) {
    return make(std::stoi(y), std::stoi(mo), std::stoi(d), 0, 0, false);
  }
  return std::nullopt;
}

}  // namespace mekong::content
