// Which lines are the article. Signals a reader of any Vietnamese news site
// would name, none tied to a site:
//  - boxes of other articles' teasers open with a header line ('Tin liên
//    quan', 'Xem thêm'); a box may sit inside the body, and the article goes
//    on after it. Comments, tags and most-read lists ('Bình luận', 'Đọc
//    nhiều') and the page footer come after the article;
//  - a teaser is another article's headline (often printed twice: title and
//    image alt), usually with its one-sentence lead under it; a list of them
//    is a home or section page, not an article;
//  - headlines, menus, bylines and captions are short and end without a
//    sentence mark, paragraphs are long or end with one;
//  - a paragraph printed twice on a page is a teaser, not the article;
//  - in HTML, a line that is mostly link text is navigation or a teaser.
// Every pass below is linear in the number of lines.
#include "content/content.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
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

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Without closing quotes and brackets: they do not change how a line ends.
std::string_view strip_closers(std::string_view s) {
  for (;;) {
    if (ends_with(s, "\xE2\x80\x9D") || ends_with(s, "\xE2\x80\x99")) s.remove_suffix(3);  // ” ’
    else if (ends_with(s, "\xC2\xBB")) s.remove_suffix(2);                                   // »
    else if (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
    else return s;
  }
}

bool ends_sentence(std::string_view s) {
  s = strip_closers(s);
  if (s.empty()) return false;
  if (ends_with(s, "\xE2\x80\xA6")) return true;  // …
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
}

// A headline may ask or exclaim; a sentence of running text ends with '.'.
bool ends_question(std::string_view s) {
  s = strip_closers(s);
  return !s.empty() && (s.back() == '?' || s.back() == '!');
}

bool truncated(std::string_view s) { return ends_with(s, "...") || ends_with(s, "\xE2\x80\xA6"); }

// 'X X': a headline printed twice in one line (teaser title and image alt).
bool doubled(std::string_view s) {
  if (s.size() < 21 || s.size() % 2 == 0) return false;
  const size_t half = s.size() / 2;
  return s[half] == ' ' && s.substr(0, half) == s.substr(half + 1);
}

// One search for '://' and one over the dots, rather than a search per
// pattern ('http://' alone stops at every 'h').
bool has_url(std::string_view s) {
  for (size_t p = s.find("://"); p != std::string_view::npos; p = s.find("://", p + 1))
    if ((p >= 4 && s.substr(p - 4, 4) == "http") || (p >= 5 && s.substr(p - 5, 5) == "https")) return true;
  for (size_t p = s.find('.'); p != std::string_view::npos; p = s.find('.', p + 1)) {
    if (p >= 3 && s.substr(p - 3, 3) == "www") return true;  // 'www.'
    for (std::string_view tld : {".com", ".vn", ".net", ".org", ".la"}) {
      if (s.substr(p, tld.size()) != tld) continue;
      const size_t after = p + tld.size();
      if (p > 0 && s[p - 1] != ' ' && (after == s.size() || s[after] == ' ' || s[after] == '/' || s[after] == '.'))
        return true;
    }
  }
  return false;
}

// The first `max` bytes of s, cut at a character boundary.
std::string_view head_bytes(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t e = max;
  while (e > 0 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;
  return s.substr(0, e);
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

// Characters, words and whether a digit occurs: one pass of byte tests.
struct Shape {
  size_t chars = 0;
  size_t words = 0;
  bool has_digit = false;
};

Shape shape_of(std::string_view s) {
  // Counters without branches: this runs over every byte of every page.
  size_t chars = 0, words = 0;
  bool digit = false, prev_space = true;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    chars += (c & 0xC0) != 0x80;
    const bool space = c == ' ' || c == '\t';
    words += !space & prev_space;
    prev_space = space;
    digit |= static_cast<unsigned char>(c - '0') < 10;
  }
  return {chars, words, digit};
}

// Sentence ends followed by more text ('... hai nước. Hai bên ...').
size_t count_inner_sentences(std::string_view s) {
  size_t n = 0;
  for (const char mark : {'.', '?', '!'}) {
    for (size_t i = s.find(mark); i != std::string_view::npos && i + 2 < s.size(); i = s.find(mark, i + 1)) {
      if (s[i + 1] != ' ') continue;
      const auto next = static_cast<unsigned char>(s[i + 2]);
      if (!(next >= 'a' && next <= 'z') && !(next >= '0' && next <= '9')) ++n;
    }
  }
  return n;
}

// Words that open with a capital letter.
size_t count_capitalized(std::string_view s) {
  size_t n = 0;
  bool in = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    const bool space = bytes[i] == ' ' || bytes[i] == '\t';
    if (space) {
      in = false;
      ++i;
      continue;
    }
    if (in) {
      ++i;
      continue;
    }
    in = true;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, len, cp);
    if (cp > 0 && u_isupper(cp)) ++n;
  }
  return n;
}

enum class Header : uint8_t { None, Box, End };

struct LineInfo {
  std::string_view text;  // trimmed
  size_t chars = 0;
  size_t words = 0;
  bool has_digit = false;
  bool sentence_end = false;
  bool question = false;
  bool is_doubled = false;
  bool url = false;
  Header header = Header::None;
  bool footer = false;
  bool credit = false;   // starts with 'Ảnh:', 'Nguồn:' ...
  bool caption = false;  // a short line naming a photo credit: 'Quang cảnh hội đàm. Ảnh: TTXVN'
  bool meta = false;     // a '# key = value' header line of a corpus file
  float links = 0;
  bool blank() const { return chars == 0; }
  bool tiny() const { return chars <= 3 || words <= 1; }
  // A paragraph of running text.
  bool paragraph() const { return !url && !is_doubled && (chars >= 160 || (sentence_end && !question && words >= 12)); }
  // Running text a reader would call prose: a paragraph, not a footer.
  bool prose() const { return paragraph() && !footer && links < 0.5f && header == Header::None; }
  // A headline, menu entry, byline or caption.
  bool headline_like() const { return !blank() && !sentence_end && chars < 160; }
  // One or two sentences of a teaser's lead (or a cut-off one).
  bool summary_like() const { return !headline_like() && (truncated(text) || (chars <= 600 && inner_sentences() <= 2)); }
  size_t inner_sentences() const {
    if (sentences_ < 0) sentences_ = static_cast<int>(count_inner_sentences(text));
    return static_cast<size_t>(sentences_);
  }
  mutable int sentences_ = -1;
  // Short furniture between list items: '2 giờ trước', '19/06/2025 08:30', 'Video'.
  bool furniture() const { return tiny() || (headline_like() && words <= 5 && (has_digit || words <= 2)); }
};

// 'Sáng 10/4,' 'Ngày 5/6,' 'Sáng nay (3/3),' '(TTXVN) - Tối 9/12,': a lead
// that opens with the time of its event, as another article's teaser does.
bool opens_with_time(std::string_view s) {
  static const RE2 kLead(
      R"(^(?:\([^)]{1,40}\)\s*[\-–—]\s*)?(?:\pL+\s+){1,3}\(?\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\)?\s*,)");
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kLead);
}

// A byline or a name: few words, every one capitalized, or 'Tên (TTXVN)'.
bool byline_like(const LineInfo& li) {
  if (li.words <= 7 && count_capitalized(li.text) == li.words) return true;
  return li.words <= 8 && li.text.back() == ')' && li.text.find('(') != std::string_view::npos;
}

// '# date = 20201001', '# url = ...': metadata lines atop a corpus file.
bool meta_line(std::string_view s, std::string* key, std::string_view* value) {
  if (s.empty() || s[0] != '#') return false;
  size_t i = 1;
  while (i < s.size() && s[i] == ' ') ++i;
  const size_t kb = i;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '-' || s[i] == '.'))
    ++i;
  if (i == kb) return false;
  const size_t ke = i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || (s[i] != '=' && s[i] != ':')) return false;
  key->assign(s.substr(kb, ke - kb));
  for (char& c : *key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  *value = trim(s.substr(i + 1));
  return true;
}

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
    else if (kind == "section-end") c.end_headers.push_back(phrase);
    else if (kind == "footer") c.footer_prefixes.push_back(phrase);
    else if (kind == "credit") c.credit_prefixes.push_back(phrase);
  }
  return c;
}

namespace {

class Analyzer {
 public:
  Analyzer(Document& doc, const Cues& cues, const Options& options)
      : doc_(doc), cues_(cues), options_(options), n_(doc.lines.size()) {}

  void run() {
    doc_.is_content.assign(n_, 0);
    doc_.is_teaser.assign(n_, 0);
    doc_.published.reset();
    doc_.reference.reset();
    doc_.title_line.reset();
    if (n_ > 0) {
      describe_lines();
      find_boxes();
      find_teaser_lists();
      find_first_paragraph();
      find_title();
      find_inbody_teasers();
      mark_article();
      find_published();
    }
    choose_reference();
  }

 private:
  Document& doc_;
  const Cues& cues_;
  const Options& options_;
  const size_t n_;
  std::vector<LineInfo> info_;
  std::vector<uint32_t> next_;      // next non-blank line after i (n when none)
  std::vector<uint8_t> boxed_;      // inside a box or a list of teasers (header, items, furniture)
  std::vector<uint8_t> dead_;       // after a box, a run with no prose: not the article
  // Long lines before the end, by text: all of them while boxes are read,
  // then only those outside boxes and lists.
  std::unordered_map<std::string_view, int> seen_;
  size_t first_par_ = 0;
  size_t end_ = 0;                  // the article ends before this line
  std::optional<size_t> title_;
  std::optional<Published> header_date_;  // '# date = ...' / ' date 2024-09' atop the page
  std::string meta_url_;

  bool html() const { return !doc_.link_density.empty(); }

  // The first character of s (NFC: one code point, with what combines with it).
  static std::string_view first_char(std::string_view s) {
    size_t e = 1;
    while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) ++e;
    return s.substr(0, e);
  }

  // Whether a line, folded, starts with one of `prefixes`; `firsts` holds
  // their first folded characters, so most lines are rejected unfolded.
  bool folded_starts_with_any(std::string_view text, const std::vector<std::string>& prefixes,
                              const std::vector<std::string>* firsts = nullptr) const {
    if (prefixes.empty() || text.empty()) return false;
    if (firsts) {
      const std::string c = normalize::fold(first_char(text));
      if (std::find(firsts->begin(), firsts->end(), c) == firsts->end()) return false;
    }
    const std::string f = normalize::fold(head_bytes(text, 96));
    for (const auto& p : prefixes)
      if (f.rfind(p, 0) == 0) return true;
    return false;
  }

  std::vector<std::string> footer_firsts_;  // first folded characters of the footer phrases

  void describe_lines() {
    for (const auto& p : cues_.footer_prefixes) {
      const std::string c(first_char(p));
      if (std::find(footer_firsts_.begin(), footer_firsts_.end(), c) == footer_firsts_.end()) footer_firsts_.push_back(c);
    }
    info_.resize(n_);
    std::string key;
    bool header_block = true;  // '# key = value' lines count only atop the file
    for (size_t i = 0; i < n_; ++i) {
      LineInfo& li = info_[i];
      li.text = trim(doc_.line(i));
      if (li.text.empty()) continue;
      const Shape sh = shape_of(li.text);
      li.chars = sh.chars;
      li.words = sh.words;
      li.has_digit = sh.has_digit;
      li.sentence_end = ends_sentence(li.text);
      li.question = ends_question(li.text);
      li.is_doubled = doubled(li.text);
      li.url = has_url(li.text) && li.words <= 8;
      if (i < doc_.link_density.size()) li.links = doc_.link_density[i];
      if (header_block) {
        std::string_view value;
        if (meta_line(li.text, &key, &value)) {
          li.meta = true;
          if (key == "date" && !header_date_) header_date_ = parse_published(li.text, false);
          else if (key == "url" && meta_url_.empty()) meta_url_ = std::string(value);
          continue;
        }
        header_block = false;
      }
      if (i < 3 && !header_date_ && li.text.size() >= 5) {
        // ' date 2024-09 ...' glued to the first line by a crawler
        static const RE2 kDateHeader(R"(^\s*date:?\s+\d{4}-\d{1,2})");
        if (RE2::PartialMatch(re2::StringPiece(doc_.line(i).data(), doc_.line(i).size()), kDateHeader))
          header_date_ = parse_published(doc_.line(i), false);
      }
      if (li.chars <= 60 && li.words <= 6) {  // list headers are a few words
        const std::string k = header_key(li.text);
        for (const auto& h : cues_.section_headers)
          if (k == h) li.header = Header::Box;
        for (const auto& h : cues_.end_headers)
          if (k == h) li.header = Header::End;
        if (li.header == Header::None && li.words <= 5 && li.text.back() != '.' && li.text.back() != '?' &&
            li.text.back() != '!')
          for (const auto& c : cues_.section_cores)
            if (k.find(c) != std::string::npos) li.header = Header::Box;
      }
      if (li.chars < 300) li.footer = folded_starts_with_any(li.text, cues_.footer_prefixes, &footer_firsts_);
    }
    next_.assign(n_ + 1, static_cast<uint32_t>(n_));
    for (size_t i = n_; i-- > 0;) next_[i] = info_[i].blank() ? next_[i + 1] : static_cast<uint32_t>(i);
    // next_[i] is i itself when i has text: the next non-blank line after i is next_[i + 1].
  }

  size_t after(size_t i) const { return i + 1 <= n_ ? next_[i + 1] : n_; }

  void mark_teaser(size_t i) {
    boxed_[i] = 1;
    doc_.is_teaser[i] = 1;
  }

  // From a header at h: the box's teasers, until a line where a teaser
  // headline is expected but running text stands (the article resumes
  // there) or the page ends. Returns the first line after the box.
  size_t parse_box(size_t h) {
    boxed_[h] = 1;
    last_box_headline_ = SIZE_MAX;
    size_t with_summary = 0, without_summary = 0;
    size_t j = after(h);
    while (j < n_) {
      const LineInfo& li = info_[j];
      if (li.header != Header::None) {
        if (li.header == Header::End) return j;  // handled by the caller
        boxed_[j] = 1;
        j = after(j);
        continue;
      }
      if (!li.headline_like() && !li.furniture() && li.links < 0.5f) return j;  // running text: the box is over
      // A teaser headline (or furniture: a date, a label).
      const bool headline = !li.furniture();
      if (headline) {
        mark_teaser(j);
        last_box_headline_ = j;
      } else {
        boxed_[j] = 1;
      }
      bool repeated = li.is_doubled;
      size_t k = after(j);
      while (k < n_ && (info_[k].text == li.text || (info_[k].furniture() && info_[k].header == Header::None))) {
        if (info_[k].text == li.text) {
          repeated = true;
          if (headline) mark_teaser(k);  // the headline again (image alt)
        }
        boxed_[k] = 1;
        k = after(k);
      }
      if (k >= n_) return n_;
      const LineInfo& s = info_[k];
      if (!headline || s.header != Header::None || s.headline_like()) {
        if (headline) ++without_summary;
        j = k;
        continue;
      }
      // Running text under a teaser headline: its lead, or the article again?
      const bool lead = repeated || truncated(s.text) || seen_count(k) > 1 || s.links >= 0.5f;
      if (!lead) {
        // The box's teasers look alike: once they had leads, one sentence under
        // a headline is a lead too; running text of several sentences followed
        // by more of it is the article again.
        const size_t q = after(k);
        const bool prose_follows = q < n_ && info_[q].prose();
        const bool one_sentence = s.chars <= 400 && s.inner_sentences() == 0;
        if (with_summary == 0) {
          // Teasers' leads open with the time of their event ('Ngày 26/9, ...');
          // after a lead the box goes on with another headline, after the
          // article's text comes more text, a byline or the end.
          const bool lead_like = one_sentence && opens_with_time(s.text);
          const bool goes_on = q < n_ && (info_[q].header != Header::None ||
                                          (info_[q].headline_like() && info_[q].words >= 5 && !byline_like(info_[q])));
          if (prose_follows && !lead_like) return k;
          if (!goes_on && (without_summary >= 2 || (without_summary >= 1 && !lead_like))) return k;
        } else if (prose_follows && !one_sentence) {
          return k;
        }
        if (!s.summary_like()) return k;
      }
      mark_teaser(k);
      ++with_summary;
      last_box_headline_ = SIZE_MAX;
      j = after(k);
    }
    return n_;
  }
  size_t last_box_headline_ = SIZE_MAX;  // of the box parsed last, when no lead followed it

  // A line that signs an article off: a byline ('Minh Anh', 'Hà Văn (TTXVN)')
  // or a short source or credit line ('Nguồn: ...').
  bool signs_off(size_t i) const {
    const LineInfo& li = info_[i];
    if (!li.headline_like() && !(li.words <= 3 && li.text.back() == ':')) return false;
    return byline_like(li) || (li.words <= 6 && folded_starts_with_any(li.text, cues_.credit_prefixes));
  }
  size_t closed_at_ = SIZE_MAX;  // a box after the sign-off: the article ends there

  int seen_count(size_t i) const {
    if (info_[i].chars < 40) return 0;
    auto it = seen_.find(info_[i].text);
    return it == seen_.end() ? 0 : it->second;
  }

  void find_boxes() {
    closed_at_ = n_;
    boxed_.assign(n_, 0);
    dead_.assign(n_, 0);
    // Where the article can end at the latest: the first comments / most-read
    // header or footer line after the first paragraph-looking line.
    size_t raw_first = n_;
    for (size_t i = 0; i < n_; ++i)
      if (info_[i].paragraph() && info_[i].links < 0.5f) {
        raw_first = i;
        break;
      }
    end_ = n_;
    for (size_t i = raw_first; i < n_; ++i)
      if (info_[i].header == Header::End || info_[i].footer) {
        end_ = i;
        break;
      }
    // A paragraph printed twice before that is a teaser shown twice.
    for (size_t i = 0; i < end_; ++i)
      if (info_[i].chars >= 40) ++seen_[info_[i].text];

    size_t i = 0;
    size_t resumed = SIZE_MAX;  // where the article resumed after the last box
    size_t last_text = SIZE_MAX;  // the last line with text outside the boxes
    auto close_run = [&](size_t stop) {
      // A run after a box counts only when it holds prose (not a footer sentence).
      if (resumed == SIZE_MAX) return;
      stop = std::min(stop, std::max(end_, resumed));
      bool prose = false;
      for (size_t k = resumed; k < stop && !prose; ++k) prose = !boxed_[k] && info_[k].prose();
      if (!prose)
        for (size_t k = resumed; k < stop; ++k) dead_[k] = 1;
      resumed = SIZE_MAX;
    };
    while (i < n_) {
      if (info_[i].header == Header::None || (info_[i].header == Header::End && i >= end_)) {
        if (!info_[i].blank()) last_text = i;
        ++i;
        continue;
      }
      // A box right after the byline or the source line: the article was over.
      if (i > raw_first && last_text != SIZE_MAX && last_text >= raw_first && closed_at_ == n_ && signs_off(last_text))
        closed_at_ = i;
      close_run(i);
      const size_t e = parse_box(i);
      if (e < n_ && info_[e].header == Header::None) {
        resumed = e;
        // A box above the article (a sidebar printed first): its last
        // headline, right above the first paragraph, is the article's own.
        if (e <= raw_first && last_box_headline_ < e)
          for (size_t k = last_box_headline_; k < e; ++k) boxed_[k] = doc_.is_teaser[k] = 0;
      }
      i = std::max(e, i + 1);
    }
    close_run(std::min(end_, n_));
  }

  // Three or more teasers in a row without a header (headline, maybe a date,
  // one or two sentences of lead): a home or section page's list.
  void find_teaser_lists() {
    struct Unit {
      size_t head, lead, last;
    };
    std::vector<Unit> run;
    size_t with_furniture = 0, linked = 0;
    auto flush = [&](size_t next) {
      // Home pages print a time or a label with each teaser, or link each
      // headline; an article's headline, lead and captions do not look so
      // alike for long, and article text does not follow a list.
      const bool alike = run.size() >= 4 || with_furniture >= 2 || (html() && linked == run.size());
      const bool article_follows = next < n_ && info_[next].prose();
      if (run.size() >= 3 && alike && !article_follows)
        for (const Unit& u : run)
          for (size_t k = u.head; k <= u.last; ++k) {
            if (info_[k].blank()) continue;
            if (k == u.head || k == u.lead) mark_teaser(k);
            else boxed_[k] = 1;
          }
      run.clear();
      with_furniture = linked = 0;
    };
    size_t i = next_[0];
    while (i < n_) {
      const LineInfo& h = info_[i];
      if (boxed_[i] || !h.headline_like() || h.furniture() || h.words < 4 || h.header != Header::None) {
        flush(i);
        i = after(i);
        continue;
      }
      size_t k = after(i);
      bool furniture = false;
      while (k < n_ && !boxed_[k] && info_[k].furniture() && info_[k].header == Header::None) {
        furniture = true;
        k = after(k);
      }
      if (k >= n_ || boxed_[k] || info_[k].chars > 500 || !info_[k].summary_like()) {
        flush(i);
        i = after(i);
        continue;
      }
      size_t last = k;
      size_t m = after(k);
      while (m < n_ && !boxed_[m] && info_[m].furniture() && info_[m].header == Header::None) {
        furniture = true;
        last = m;
        m = after(m);
      }
      run.push_back({i, k, last});
      with_furniture += furniture ? 1 : 0;
      linked += h.links >= 0.5f ? 1 : 0;
      i = m;
    }
    flush(n_);
  }

  void find_first_paragraph() {
    // A paragraph printed twice (outside the boxes, which may show this very
    // article's lead) is a teaser shown twice.
    for (size_t i = 0; i < end_; ++i)
      if (info_[i].chars >= 40 && boxed_[i]) --seen_[info_[i].text];
    first_par_ = n_;
    for (size_t i = 0; i < n_; ++i)
      if (info_[i].paragraph() && info_[i].links < 0.5f && !boxed_[i] && !dead_[i]) {
        first_par_ = i;
        break;
      }
    // The article ends at the latest at the first comments / most-read header
    // or footer line after its first paragraph.
    end_ = n_;
    for (size_t i = first_par_; i < n_; ++i)
      if (info_[i].header == Header::End || info_[i].footer) {
        end_ = i;
        break;
      }
    if (closed_at_ > first_par_) end_ = std::min(end_, closed_at_);
  }

  bool title_candidate(size_t i) const {
    const LineInfo& li = info_[i];
    if (li.blank() || boxed_[i] || li.meta || li.url || li.header != Header::None || li.footer || li.links >= 0.5f)
      return false;
    if (li.chars >= 160 || li.is_doubled || li.words < 4 || li.words > 40) return false;
    if (li.sentence_end && !li.question) return false;
    if (is_credit(i)) return false;
    return !parse_published(li.text, /*strict=*/true);
  }

  bool is_credit(size_t i) const { return info_[i].credit; }

  // Credits and captions, where they matter (folding every line costs).
  // In the body only lines that could otherwise be article text need it:
  // a headline-like line is not article text anyway.
  void find_credits(size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      LineInfo& li = info_[i];
      if (li.blank() || li.chars >= 300 || boxed_[i] || (i > first_par_ && li.headline_like())) continue;
      find_credit(li);
    }
  }

  void find_credit(LineInfo& li) const {
    const std::string f = normalize::fold(li.text);
    for (const auto& p : cues_.credit_prefixes) {
      const size_t at = f.find(p);
      if (at == 0) li.credit = true;
      else if (at != std::string::npos && (f[at - 1] == ' ' || f[at - 1] == '(')) li.caption = true;
    }
  }

  // Headline: with page meta, the line that states it; else, of the
  // headline-like lines before the first paragraph, the last one, unless it
  // is a byline or a short label and a longer one stands before it.
  void find_title() {
    if (first_par_ == n_) return;  // no article: no headline
    find_credits(first_par_ > 12 ? first_par_ - 12 : 0, end_);
    if (!doc_.meta.title.empty()) {
      const std::string mt = normalize::fold(trim(doc_.meta.title));
      for (size_t i = 0; i <= first_par_ && i < n_ && !title_; ++i) {
        if (info_[i].blank() || info_[i].chars < 10 || boxed_[i]) continue;
        if (info_[i].chars <= 120 && parse_published(info_[i].text, /*strict=*/true)) continue;  // a dateline
        const std::string lt = normalize::fold(info_[i].text);
        if (lt == mt || mt.find(lt) != std::string::npos) title_ = i;
      }
    }
    if (title_) {
      doc_.title_line = static_cast<uint32_t>(*title_ + 1);
      return;
    }
    std::optional<size_t> last;
    for (size_t i = 0; i < first_par_; ++i)
      if (title_candidate(i)) last = i;
    if (!last) return;
    const LineInfo& l = info_[*last];
    if (l.words <= 5 || byline_like(l)) {
      // Look back a few lines for a longer headline.
      size_t seen = 0;
      for (size_t i = *last; i-- > 0 && seen < 4;) {
        if (info_[i].blank()) continue;
        ++seen;
        if (title_candidate(i) && info_[i].words > l.words && !byline_like(info_[i])) {
          last = i;
          break;
        }
      }
    }
    title_ = last;
    doc_.title_line = static_cast<uint32_t>(*title_ + 1);
  }

  // Another article's teaser inside the body, without a box header: its
  // headline, then one sentence of lead that opens with the time of its
  // event ('Sáng 10/4, ...'). In HTML the headline is a link (a subheading
  // of the article is not).
  void find_inbody_teasers() {
    if (first_par_ == n_) return;
    const std::string_view title_text = title_ ? info_[*title_].text : std::string_view();
    for (size_t i = first_par_; i < end_; ++i) {
      const LineInfo& h = info_[i];
      if (h.blank() || boxed_[i] || !h.headline_like() || h.words < 5 || h.furniture()) continue;
      if ((title_ && i == *title_) || h.text == title_text) continue;
      const size_t k = after(i);
      if (k >= end_ || boxed_[k]) continue;
      const LineInfo& s = info_[k];
      if (!s.summary_like() || s.header != Header::None) continue;
      if (h.chars < 300 && i > first_par_) find_credit(info_[i]);
      if (h.credit || h.caption) continue;
      bool teaser;
      if (html()) teaser = h.links >= 0.5f && s.chars <= 500 && s.inner_sentences() <= 1;
      else teaser = s.chars <= 350 && s.inner_sentences() == 0 && opens_with_time(s.text);
      if (teaser) {
        mark_teaser(i);
        mark_teaser(k);
      }
    }
  }

  void mark_article() {
    if (first_par_ == n_) return;
    const size_t start = title_ ? std::min(*title_, first_par_) : first_par_;
    std::optional<size_t> teaser_head;  // a doubled headline waiting for its lead
    for (size_t i = start; i < end_; ++i) {
      const LineInfo& li = info_[i];
      if (li.blank()) continue;
      if (title_ && i == *title_) {
        doc_.is_content[i] = 1;
        continue;
      }
      if (boxed_[i] || dead_[i] || doc_.is_teaser[i]) {
        teaser_head.reset();
        continue;
      }
      if (li.is_doubled) {
        doc_.is_teaser[i] = 1;
        teaser_head = i;
        continue;
      }
      if (teaser_head) {  // the lead under a teaser headline
        teaser_head.reset();
        doc_.is_teaser[i] = 1;
        continue;
      }
      if (li.meta || li.tiny() || li.url || li.credit || li.caption || li.footer || li.links >= 0.5f) continue;
      if (title_ && li.text == info_[*title_].text) continue;  // headline repeated as image alt
      if (seen_count(i) > 1) {  // printed twice outside the boxes: a teaser
        doc_.is_teaser[i] = 1;
        continue;
      }
      if (li.headline_like()) continue;
      if (li.words <= 3 && li.text.back() == ':') continue;  // a label: 'Chia sẻ:', 'Nguồn:'
      if (li.chars <= 120 && li.words <= 8 && parse_published(li.text, true)) continue;  // a dateline
      if (truncated(li.text) && li.chars < 400) {
        // A cut-off lead right under a headline of its own is a teaser.
        size_t p = i;
        while (p > start && info_[p - 1].blank()) --p;
        const LineInfo* head = p > start ? &info_[p - 1] : nullptr;
        if (head && head->headline_like() && !head->caption && !(title_ && p - 1 == *title_) && head->words >= 3) {
          doc_.is_teaser[i] = 1;
          doc_.is_teaser[p - 1] = 1;
          doc_.is_content[p - 1] = 0;
          continue;
        }
      }
      doc_.is_content[i] = 1;
    }
  }

  // The page's own time. A dateline by the headline or under the byline is
  // the article's; a date at the top of the page, away from the headline
  // and without a time, is a site-wide 'today' bar and is not.
  struct Candidate {
    size_t line;
    Published date;
    int score;
  };

  void find_published() {
    if (header_date_) {
      doc_.published = header_date_;
      return;
    }
    // Anchors: the headline (or the first article line) and the last article line.
    std::optional<size_t> first_content, last_content;
    for (size_t i = 0; i < n_; ++i)
      if (doc_.is_content[i]) {
        if (!first_content) first_content = i;
        last_content = i;
      }
    const std::optional<size_t> top = title_ ? title_ : first_content;

    // Where a page states its time: the head of the page, and a few lines under the article.
    const size_t head_end = std::min<size_t>(n_, top ? std::max<size_t>(*top + 8, 40) : 40);
    size_t tail_begin = n_, tail_end = n_;
    if (last_content && *last_content + 1 >= head_end) {
      tail_begin = *last_content + 1;
      tail_end = tail_begin;
      for (size_t seen = 0; tail_end < n_ && seen < 5; ++tail_end) seen += info_[tail_end].blank() ? 0 : 1;
    }
    auto usable = [&](size_t i) {
      return i < n_ && (i < head_end || (i >= tail_begin && i < tail_end)) && !info_[i].blank() &&
             !doc_.is_content[i] && !boxed_[i];
    };
    std::vector<std::pair<size_t, Published>> found;
    for (size_t i = 0; i < head_end; ++i)
      if (usable(i) && info_[i].chars <= 120)
        if (auto p = parse_published(info_[i].text, /*strict=*/true)) found.emplace_back(i, *p);
    for (size_t i = tail_begin; i < tail_end; ++i)
      if (usable(i) && info_[i].chars <= 120)
        if (auto p = parse_published(info_[i].text, /*strict=*/true)) found.emplace_back(i, *p);
    // A byline right under the article that ends with its date ('... | 07/03/2024').
    std::vector<size_t> byline_dated;
    if (last_content)
      for (size_t i = *last_content + 1, seen = 0; i < n_ && seen < 3; ++i) {
        if (info_[i].blank()) continue;
        ++seen;
        if (boxed_[i]) continue;
        bool known = false;
        for (const auto& f : found) known = known || f.first == i;
        if (known) continue;
        if (auto p = parse_byline_date(info_[i].text)) {
          found.emplace_back(i, *p);
          byline_dated.push_back(i);
        }
      }
    // <time datetime> elements come with their machine-readable value.
    for (const auto& [line, datetime] : doc_.line_times)
      if (usable(line))
        if (auto p = parse_published(datetime, false)) found.emplace_back(line, *p);

    // Non-blank lines strictly between two lines (counted up to 8).
    auto distance = [&](size_t a, size_t b) {
      if (a > b) std::swap(a, b);
      size_t d = 0;
      for (size_t k = next_[std::min(a + 1, n_)]; k < b && d < 8; k = after(k)) ++d;
      return d;
    };
    std::optional<Candidate> near, near_bare, far_timed;
    for (const auto& [line, date] : found) {
      const bool timed = date.precision == "minute";
      const size_t to_top = top ? distance(line, *top) : 8;
      // A time by the headline or under the byline; a bare date only right by the headline.
      const bool by_headline = top && to_top <= (timed ? 3u : 1u);
      const bool signed_date = std::find(byline_dated.begin(), byline_dated.end(), line) != byline_dated.end();
      const bool by_byline = (timed || signed_date) && last_content && line > *last_content &&
                             distance(*last_content, line) <= 3;
      if (by_headline || by_byline) {
        const int score = -static_cast<int>(by_headline ? to_top : 4);
        std::optional<Candidate>& slot = timed ? near : near_bare;
        if (!slot || score > slot->score) slot = Candidate{line, date, score};
      } else if (top && line > *top) {
        continue;  // a date under the article, away from its byline
      } else if (timed) {
        if (!far_timed) far_timed = Candidate{line, date, 0};
      } else if (!date_bar_) {
        date_bar_ = date;  // a site-wide 'today' bar: not the article's date
      }
    }
    // A time by the headline or byline, else the page's meta (article:published_time,
    // JSON-LD, <time itemprop>), else a bare date by the headline, else weaker datelines.
    if (near) doc_.published = near->date;
    else if (!doc_.meta.published.empty()) doc_.published = parse_published(doc_.meta.published, false);
    if (doc_.published) return;
    if (near_bare) doc_.published = near_bare->date;
    else if (!first_content) return;
    else if (far_timed) doc_.published = far_timed->date;
  }

  std::optional<Published> date_bar_;

  void choose_reference() {
    if (doc_.meta.url.empty() && !meta_url_.empty()) doc_.meta.url = meta_url_;
    auto set = [&](const Published& p, const char* source) {
      doc_.reference = ReferenceDate{p.value, p.precision, source};
    };
    if (doc_.published) set(*doc_.published, "page");
    else if (auto u = date_in_url(doc_.meta.url)) set(*u, "url");
    else if (options_.assume_published) set(*options_.assume_published, "assumed");
    else if (auto w = day_of_warc_date(doc_.meta.crawled)) set(*w, "warc-date");
    else if (date_bar_) set(*date_bar_, "date-bar");
  }
};

}  // namespace

void analyze(Document& doc, const Cues& cues, const Options& options) { Analyzer(doc, cues, options).run(); }

}  // namespace mekong::content
