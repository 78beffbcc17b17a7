// content: find what the page says about itself (publication time, headline)
// and which lines are the article rather than the page around it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace mekong::content {

// The lines of a page around an article, loaded from lexicon/boilerplate.tsv.
struct Cues {
  std::vector<std::string> section_headers;  // folded; a line equal to one opens a box of teasers
  std::vector<std::string> section_cores;    // folded; a short line containing one opens a box too
  std::vector<std::string> end_headers;      // folded; a line equal to one opens what follows the article
  std::vector<std::string> footer_prefixes;  // folded; a line starting with one is the page footer
  std::vector<std::string> credit_prefixes;  // folded; 'Ảnh:', 'Nguồn:', 'Theo ' ...
  static Cues load(const std::string& lexicon_dir);
};

struct Options {
  // The publication date to assume for a page that states none; it becomes
  // the page's reference date (source "assumed"), never its `published`.
  std::optional<Published> assume_published;
};

// Publication time from one line of text, as the page states it:
// '07:55 | 05/01/2024 GMT+7', ' date 2024-09', '# date = 20201001',
// 'Cập nhật: 05/12/2020', 'Thứ Hai, 06/01/2024 - 09:15',
// '2024-01-05T07:55:00+07:00', ...
// `strict` asks that the line be a dateline: the date (and time) with a few
// words around it ('Thứ Hai', 'Cập nhật lúc'), not a headline or a sentence
// that holds a date.
std::optional<Published> parse_published(std::string_view line, bool strict);

// A byline that ends with the article's date after a bar or a dash: 'Bài và
// ảnh: X - Phóng viên TTXVN tại Y | 07/03/2024'. A short line only (a
// sentence that ends with a date is no byline).
std::optional<Published> parse_byline_date(std::string_view line);

// An ISO date as a user gives it: 2024, 2024-06, 2024-06-21, 2024-06-21T09:30.
std::optional<Published> parse_iso(std::string_view s);

// A date in a page's URL: /2017/06/21/, /2017-06-21, -20170621..., /2017/06/.
std::optional<Published> date_in_url(std::string_view url);

// The local (UTC+7) day of a WARC-Date such as 2025-06-20T18:30:00Z.
std::optional<Published> day_of_warc_date(std::string_view warc_date);

// Sets doc.published, doc.reference, doc.title_line, doc.is_content and doc.is_teaser.
void analyze(Document& doc, const Cues& cues, const Options& options = {});

}  // namespace mekong::content
