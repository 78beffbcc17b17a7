// Which lines are the article. Signals, none tied to a site:
//  - lists around the article open with a header line ('Tin bài liên quan');
//  - a teaser of another article shows its headline twice on one line
//    (title + image alt) and its lead on the next line;
//  - headlines, menus, bylines and captions are short and end without a
//    sentence mark, paragraphs are long or end with one;
//  - a paragraph printed twice on a page is a teaser, not the article;
//  - in HTML, a line that is mostly link text is navigation.
#include "content/content.h"

#include <fstream>
#include <unordered_map>

#include "normalize/normalize.h"

namespace mekong::content {

namespace {

std::string_view trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // NBSP (U+00A0) at either end
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  return s;
}

size_t count_chars(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

size_t count_words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool ends_sentence(std::string_view s) {
  // Closing quotes and brackets after the mark still end a sentence.
  for (;;) {
    if (ends_with(s, "\xE2\x80\x9D") || ends_with(s, "\xE2\x80\x99")) s.remove_suffix(3);  // ” ’
    else if (ends_with(s, "\xC2\xBB")) s.remove_suffix(2);                                   // »
    else if (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
    else break;
  }
  if (s.empty()) return false;
  if (ends_with(s, "\xE2\x80\xA6")) return true;  // …
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
}

bool truncated(std::string_view s) { return ends_with(s, "...") || ends_with(s, "\xE2\x80\xA6"); }

// 'X X': a headline printed twice in one line (teaser title and image alt).
bool doubled(std::string_view s) {
  if (s.size() < 21 || s.size() % 2 == 0) return false;
  const size_t half = s.size() / 2;
  return s[half] == ' ' && s.substr(0, half) == s.substr(half + 1);
}

bool has_url(std::string_view s) {
  if (s.find("http://") != std::string_view::npos || s.find("https://") != std::string_view::npos ||
      s.find("www.") != std::string_view::npos)
    return true;
  for (std::string_view tld : {".com", ".vn", ".net", ".org", ".la"}) {
    size_t p = s.find(tld);
    while (p != std::string_view::npos) {
      const size_t after = p + tld.size();
      if (p > 0 && s[p - 1] != ' ' && (after == s.size() || s[after] == ' ' || s[after] == '/' || s[after] == '.'))
        return true;
      p = s.find(tld, p + 1);
    }
  }
  return false;
}

// A list header as a key: folded, without a count ('Bình luận (3)') or a final ':'.
std::string header_key(std::string_view line) {
  std::string f = normalize::fold(trim(line));
  for (;;) {
    while (!f.empty() && (f.back() == ':' || f.back() == ' ' || f.back() == '.')) f.pop_back();
    if (!f.empty() && f.back() == ')') {
      const size_t open = f.rfind('(');
      if (open != std::string::npos && f.find_first_not_of("0123456789", open + 1) == f.size() - 1) {
        f.resize(open);
        continue;
      }
    }
    return f;
  }
}

struct LineInfo {
  std::string_view text;  // trimmed
  size_t chars = 0;
  size_t words = 0;
  bool sentence_end = false;
  bool is_doubled = false;
  bool url = false;
  bool header = false;
  bool credit = false;   // starts with 'Ảnh:', 'Nguồn:' ...
  bool caption = false;  // a short line naming a photo credit: 'Quang cảnh hội đàm. Ảnh: TTXVN'
  bool dateline = false;
  float links = 0;
  bool blank() const { return chars == 0; }
  bool tiny() const { return chars <= 3 || words <= 1; }
  // A paragraph of running text.
  bool paragraph() const { return !url && !is_doubled && (chars >= 160 || (sentence_end && words >= 12)); }
  // A headline, menu entry, byline or caption.
  bool headline_like() const { return !blank() && !sentence_end && chars < 160; }
};

}  // namespace

Cues Cues::load(const std::string& lexicon_dir) {
  // Without the file no list header or credit is known: every line is judged on its shape alone.
  std::ifstream in(lexicon_dir + "/boilerplate.tsv");
  Cues c;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string kind = line.substr(0, tab);
    const std::string phrase = normalize::fold(trim(std::string_view(line).substr(tab + 1)));
    if (phrase.empty()) continue;
    if (kind == "section") c.section_headers.push_back(phrase);
    else if (kind == "section-core") c.section_cores.push_back(phrase);
    else if (kind == "credit") c.credit_prefixes.push_back(phrase);
  }
  return c;
}

void analyze(Document& doc, const Cues& cues) {
  const size_t n = doc.lines.size();
  doc.is_content.assign(n, 0);
  doc.is_teaser.assign(n, 0);
  doc.published.reset();
  doc.title_line.reset();
  if (n == 0) return;

  std::vector<LineInfo> info(n);
  std::unordered_map<std::string_view, int> seen;
  for (size_t i = 0; i < n; ++i) {
    LineInfo& li = info[i];
    li.text = trim(doc.line(i));
    li.chars = count_chars(li.text);
    li.words = count_words(li.text);
    if (li.chars == 0) continue;
    li.sentence_end = ends_sentence(li.text);
    li.is_doubled = doubled(li.text);
    li.url = has_url(li.text) && li.words <= 8;
    if (i < doc.link_density.size()) li.links = doc.link_density[i];
    if (li.chars <= 60 && li.words <= 6) {  // list headers are a few words
      const std::string key = header_key(li.text);
      for (const auto& h : cues.section_headers)
        if (key == h) li.header = true;
      if (li.words <= 5 && li.text.back() != '.' && li.text.back() != '?' && li.text.back() != '!')
        for (const auto& c : cues.section_cores)
          if (key.find(c) != std::string::npos) li.header = true;
    }
  }

  // Where the article ends: the first list header after some article text.
  size_t first_par = n;
  for (size_t i = 0; i < n; ++i)
    if (info[i].paragraph() && info[i].links < 0.5f) {
      first_par = i;
      break;
    }
  size_t stop = n;
  for (size_t i = first_par; i < n; ++i)
    if (info[i].header) {
      stop = i;
      break;
    }

  // Credits and captions, only where the article may be (folding every line costs).
  const size_t from = std::min(first_par, n);
  for (size_t i = 0; i < stop; ++i) {
    LineInfo& li = info[i];
    if (li.blank() || li.chars >= 300 || (i < from && i + 8 < from)) continue;
    const std::string f = normalize::fold(li.text);
    for (const auto& p : cues.credit_prefixes) {
      const size_t at = f.find(p);
      if (at == 0) li.credit = true;
      else if (at != std::string::npos && (f[at - 1] == ' ' || f[at - 1] == '(')) li.caption = true;
    }
  }

  // A paragraph printed twice before the lists is a teaser shown twice.
  for (size_t i = 0; i < stop; ++i)
    if (info[i].chars >= 40) ++seen[info[i].text];

  // Publication time: a dateline near the top, else the page's meta.
  const size_t scan_end = std::min(stop, std::max<size_t>(first_par + 1, 40));
  for (size_t i = 0; i < scan_end && !doc.published; ++i) {
    if (info[i].blank()) continue;
    if (auto p = parse_published(doc.line(i), /*strict=*/true)) {
      const bool whole_line = info[i].chars <= 120;
      doc.published = p;
      info[i].dateline = whole_line;
    }
  }
  if (!doc.published && !doc.meta.published.empty()) doc.published = parse_published(doc.meta.published, false);

  // Headline: with page meta, the line that states it; else the last
  // headline-like line before the first paragraph.
  std::optional<size_t> title;
  if (!doc.meta.title.empty()) {
    const std::string mt = normalize::fold(trim(doc.meta.title));
    for (size_t i = 0; i < std::min(n, first_par + 1) && !title; ++i) {
      if (info[i].blank() || info[i].chars < 10) continue;
      const std::string lt = normalize::fold(info[i].text);
      if (lt == mt || mt.find(lt) != std::string::npos) title = i;
    }
  }
  if (!title) {
    for (size_t i = 0; i < first_par; ++i) {
      const LineInfo& li = info[i];
      if (li.headline_like() && !li.dateline && !li.url && !li.header && !li.credit && li.words >= 4 &&
          li.words <= 40 && li.links < 0.5f)
        title = i;
    }
  }
  if (title) doc.title_line = static_cast<uint32_t>(*title + 1);

  const size_t start = title ? *title : first_par;
  std::optional<size_t> teaser_head;  // a doubled headline waiting for its lead
  for (size_t i = start; i < stop; ++i) {
    const LineInfo& li = info[i];
    if (li.blank()) continue;
    if (title && i == *title) {
      doc.is_content[i] = 1;
      continue;
    }
    if (li.is_doubled) {
      doc.is_teaser[i] = 1;
      teaser_head = i;
      continue;
    }
    if (teaser_head) {  // the lead under a teaser headline
      teaser_head.reset();
      if (!li.header) {
        doc.is_teaser[i] = 1;
        continue;
      }
    }
    if (li.dateline || li.tiny() || li.url || li.credit || li.caption || li.links >= 0.5f) continue;
    if (title && li.text == info[*title].text) continue;  // headline repeated as image alt
    if (li.chars >= 40 && seen[li.text] > 1) {           // printed twice: a teaser
      doc.is_teaser[i] = 1;
      continue;
    }
    if (li.headline_like()) continue;
    if (truncated(li.text) && li.chars < 400) {
      // A cut-off lead right under a headline of its own is a teaser.
      size_t p = i;
      while (p > start && info[p - 1].blank()) --p;
      const LineInfo* head = p > start ? &info[p - 1] : nullptr;
      if (head && head->headline_like() && !head->caption && !(title && p - 1 == *title) && head->words >= 3) {
        doc.is_teaser[i] = 1;
        doc.is_teaser[p - 1] = 1;
        continue;
      }
    }
    doc.is_content[i] = 1;
  }
}

}  // namespace mekong::content
