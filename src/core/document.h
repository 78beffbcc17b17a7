// The one object passed through the pipeline, as in spaCy: every stage reads
// what earlier stages left on the Document and adds its own part.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/record.h"

namespace mekong {

// A line of the document's text: [begin, end) byte offsets, '\n' excluded.
struct LineSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// What a reader learned about the page besides its text (HTML meta, WARC headers).
struct PageMeta {
  std::string title;      // <title>, og:title
  std::string published;  // article:published_time and kin, as written
  std::string url;        // WARC-Target-URI or canonical link
  std::string crawled;    // WARC-Date: when the crawler fetched the page (UTC), as written
};

// The date a page's relative dates ('hôm qua', 'ngày 29/6') are read
// against: the page's own publication date when it states one, else the
// best other knowledge of when it was written.
struct ReferenceDate {
  std::string value;      // ISO 8601 local time cut to precision
  std::string precision;  // minute | day | month | year
  // page: the page's own date (= published); url: a date in the page's
  // URL; assumed: given by the user (--assume-published); warc-date: the
  // crawl's WARC-Date; date-bar: a site-wide 'today' bar on the page.
  std::string source;
};

struct Document {
  // Set by ingest.
  std::string id;      // doc_id: file name without extension, or WARC-Record-ID
  std::string origin;  // where it came from (path, path#record)
  PageMeta meta;
  // Per line, the share of its characters inside links (HTML only; empty for text).
  std::vector<float> link_density;
  // HTML <time datetime="..."> elements: the line (0-based) their text is on, and the datetime.
  std::vector<std::pair<uint32_t, std::string>> line_times;

  // Set by normalize: valid UTF-8, NFC; lines split at '\n' only.
  std::string text;
  std::vector<LineSpan> lines;
  size_t replaced_bytes = 0;  // invalid UTF-8 bytes replaced by U+FFFD

  // Set by content.
  std::optional<Published> published;         // as the page states it; nullopt when it does not
  std::optional<ReferenceDate> reference;     // what relative dates are read against; nullopt when nothing is known
  std::optional<uint32_t> title_line;  // 1-based
  std::vector<uint8_t> is_content;     // per line (0-based index), 1 = article
  std::vector<uint8_t> is_teaser;      // per line, 1 = teaser of another article

  // Filled by extract.
  Record record;

  std::string_view line(size_t index0) const {
    const LineSpan& s = lines[index0];
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

}  // namespace mekong
