// HTML page -> text lines (one per block element) with page meta.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"

namespace mekong::ingest {

struct HtmlText {
  std::string text;                // lines joined by '\n'
  std::vector<float> link_density; // per line: share of characters inside <a>
  PageMeta meta;                   // <title>/og:title, article:published_time, canonical URL
  // Every <time datetime="..."> in the text: the line (0-based) its text
  // is on and its datetime, so that content can tell the one by the
  // headline from a site-wide date bar.
  std::vector<std::pair<uint32_t, std::string>> times;
  // Bytes of the input that were not valid UTF-8, counted when some of
  // them reached the text (gumbo turns them into U+FFFD, so normalize
  // cannot count them any more).
  size_t invalid_utf8_bytes = 0;
};

// Parses with gumbo. One line per block element (p, div, li, h1, td, ...)
// and per <br>; spaces collapsed, NBSP as a space. Scripts, styles, forms
// and hidden elements are dropped. The publication time comes from the
// strongest of article:published_time, JSON-LD datePublished (of the
// article object when the JSON-LD holds several),
// itemprop=datePublished and the Dublin Core / other common metas.
HtmlText html_to_text(std::string_view html);

}  // namespace mekong::ingest
