// resolve (dates): what calendar span a Vietnamese date phrase means,
// relative to the page's publication date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"
#include "normalize/normalize.h"

namespace mekong::resolve {

// The page's publication date as a reference point. Fields beyond the
// precision are 0 (a page of '2024-09' has day == 0).
struct RefDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool valid() const { return year > 0; }
};

// From the record's `published` ('2024-01-05T07:55', '2024-09', '2024').
std::optional<RefDate> ref_from_published(const Published& p);
std::optional<RefDate> ref_from_iso(std::string_view iso);

// A date phrase found in text. `begin`/`end` are byte offsets into the
// text passed to find_dates.
struct DateMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  DateRange range;        // start/end cut to precision (day | month | year)
  bool is_period = false; // a span of time ('7 tháng năm 2024', 'giai đoạn 2021-2030', 'từ năm 1989 đến nay')
  bool open_end = false;  // '... đến nay': ends at the publication date
  bool coming = false;    // said to lie ahead ('tháng Ba tới', 'thứ Sáu tới')
};

// Resolves one phrase ('sáng 10-9', 'từ ngày 6-7/1/2024', 'quý I/2024', ...).
// `ahead`: the sentence says the date lies ahead ('sẽ', 'tới'), so a
// day-month without a year takes the nearest year on or after the reference.
std::optional<DateRange> resolve_date(std::string_view phrase, const RefDate& ref, bool ahead = false);

// As resolve_date, with the phrase's span and flags; when nothing resolves,
// `why` (if given) gets a short reason ('no date phrase', 'needs the
// publication date').
std::optional<DateMention> explain_date(std::string_view phrase, const RefDate& ref, bool ahead = false,
                                        std::string* why = nullptr);

// Reads the resolvers' words (numerals, currencies, cue words) from
// DIR/numbers.tsv instead of the copy compiled in. Call before the first resolve.
void use_lexicon(const std::string& dir);

// Optional: `folded` is `text` already folded (normalize::fold); the
// find_dates / find_quantities calls that follow on the same text reuse it.
// `folded` is taken: afterwards it holds other buffers, to be reused.
void prepare(std::string_view text, normalize::Folded& folded);

// Every date phrase in a sentence, left to right, non-overlapping, longest first.
std::vector<DateMention> find_dates(std::string_view text, const RefDate& ref, bool ahead = false);

}  // namespace mekong::resolve
