// HTML page -> text lines (one per block element) with page meta.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace mekong::ingest {

struct HtmlText {
  std::string text;                // lines joined by '\n'
  std::vector<float> link_density; // per line: share of characters inside <a>
  PageMeta meta;                   // <title>/og:title, article:published_time, canonical URL
};

// Parses with gumbo; scripts, styles and other non-text elements are dropped.
HtmlText html_to_text(std::string_view html);

}  // namespace mekong::ingest
