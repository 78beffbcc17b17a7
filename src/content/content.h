// content: find what the page says about itself (publication time, headline)
// and which lines are the article rather than the page around it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace mekong::content {

// Words that open the lists around an article ('Tin bài liên quan',
// 'Đọc nhiều', ...), loaded from lexicon/boilerplate.tsv.
struct Cues {
  std::vector<std::string> section_headers;  // folded; a line equal to one ends the article
  std::vector<std::string> section_cores;    // folded; a short line containing one ends it too
  std::vector<std::string> credit_prefixes;  // folded; 'Ảnh:', 'Nguồn:', 'Theo ' ...
  static Cues load(const std::string& lexicon_dir);
};

// Publication time from one line of text, as the page states it:
// '07:55 | 05/01/2024 GMT+7', ' date 2024-09', 'Cập nhật: 05/12/2020',
// 'Thứ Hai, 06/01/2024 - 09:15', '2024-01-05T07:55:00+07:00', ...
// `strict` asks that the date be most of the line (a dateline, not a sentence).
std::optional<Published> parse_published(std::string_view line, bool strict);

// Sets doc.published, doc.title_line, doc.is_content and doc.is_teaser.
void analyze(Document& doc, const Cues& cues);

}  // namespace mekong::content
