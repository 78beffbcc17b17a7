#include "segment/segment.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>

namespace mekong::segment {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

UChar32 char_at(std::string_view s, size_t i) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  return c;
}

// Can a sentence start at s[i]?
bool opens_sentence(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const UChar32 c = char_at(s, i);
  if (c < 0) return false;
  if (u_isupper(c) || u_istitle(c) || u_isdigit(c)) return true;
  // Opening quotes and brackets: “ " ( [ «
  return c == 0x201C || c == '"' || c == '(' || c == '[' || c == 0x00AB || c == '\'' || c == 0x2018;
}

// The word that ends right before position `dot`.
std::string_view word_before(std::string_view s, size_t dot) {
  size_t b = dot;
  while (b > 0 && !is_space(s[b - 1]) && s[b - 1] != '(' && s[b - 1] != '"') --b;
  return s.substr(b, dot - b);
}

// The end of a credit whose words start at `b`: past a word holding '/'
// ('Trọng Đức/TTXVN') or at a closing bracket, within six words; npos when
// the credit runs on into the text with no mark of its end.
size_t credit_end(std::string_view s, size_t b) {
  size_t i = b;
  for (int words = 0; words < 6 && i < s.size(); ++words) {
    while (i < s.size() && is_space(s[i])) ++i;
    const size_t w = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != ')') ++i;
    if (i < s.size() && s[i] == ')') return i + 1;
    if (s.substr(w, i - w).find('/') != std::string_view::npos) return i;
    if (i < s.size() && i > w && (s[i - 1] == '.' || s[i - 1] == ',')) return std::string_view::npos;
  }
  return std::string_view::npos;
}

void split_piece(std::string_view line, size_t from, size_t to, const Abbreviations& abbr,
                 std::vector<std::pair<uint32_t, uint32_t>>& out);

}  // namespace

Abbreviations Abbreviations::load(const std::string& lexicon_dir) {
  Abbreviations a;
  std::ifstream in(lexicon_dir + "/abbreviations.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    a.add(tab == std::string::npos ? line : line.substr(0, tab));
  }
  std::ifstream bp(lexicon_dir + "/boilerplate.tsv");
  while (std::getline(bp, line)) {
    const size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos || line.compare(0, tab, "credit") != 0) continue;
    std::string phrase = line.substr(tab + 1);
    if (const size_t t2 = phrase.find('\t'); t2 != std::string::npos) phrase.resize(t2);
    if (!phrase.empty() && phrase.back() == ':') a.add_credit(std::move(phrase));
  }
  return a;
}

void split_line(std::string_view line, const Abbreviations& abbr, std::vector<std::pair<uint32_t, uint32_t>>& out) {
  size_t start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && !is_space(line[i - 1]) && line[i - 1] != '(') continue;
    // '[Thủ tướng tiếp Đại diện Thương mại Mỹ]': another article's title, linked from the body.
    if (line[i] == '[') {
      const size_t close = line.find(']', i + 1);
      if (close != std::string_view::npos && close - i <= 300 &&
          std::count(line.begin() + static_cast<std::ptrdiff_t>(i), line.begin() + static_cast<std::ptrdiff_t>(close),
                     ' ') >= 3) {
        split_piece(line, start, i, abbr, out);
        start = close + 1;
        i = close;
        continue;
      }
    }
    if (i == 0) continue;  // a credit opening the line is the content stage's
    for (const std::string& c : abbr.credits()) {
      if (line.compare(i, c.size(), c) != 0) continue;
      const size_t e = credit_end(line, i + c.size());
      if (e == std::string_view::npos) continue;
      split_piece(line, start, line[i - 1] == '(' ? i - 1 : i, abbr, out);
      start = e;
      i = e;
      break;
    }
  }
  split_piece(line, start, line.size(), abbr, out);
}

namespace {

void split_piece(std::string_view full, size_t from, size_t to, const Abbreviations& abbr,
                 std::vector<std::pair<uint32_t, uint32_t>>& out) {
  const std::string_view line = full.substr(0, to);
  size_t start = from;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && is_space(line[b])) ++b;
    while (e > b && is_space(line[e - 1])) --e;
    if (e > b) out.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  };
  for (size_t i = from; i < line.size(); ++i) {
    const char c = line[i];
    size_t mark_end;  // one past the sentence mark
    if (c == '.' || c == '!' || c == '?') {
      mark_end = i + 1;
    } else if (c == '\xE2' && line.compare(i, 3, "\xE2\x80\xA6") == 0) {  // … (byte test first: no call per byte)
      mark_end = i + 3;
    } else {
      continue;
    }
    while (mark_end < line.size() && (line[mark_end] == '.' || line[mark_end] == '!' || line[mark_end] == '?')) ++mark_end;
    // Closing quotes and brackets stay with the sentence they close.
    size_t close = mark_end;
    for (;;) {
      if (line.compare(close, 3, "\xE2\x80\x9D") == 0 || line.compare(close, 3, "\xE2\x80\x99") == 0) close += 3;
      else if (close < line.size() && (line[close] == '"' || line[close] == ')' || line[close] == '\'')) ++close;
      else break;
    }
    if (close >= line.size() || !is_space(line[close])) {
      i = mark_end - 1;
      continue;
    }
    size_t next = close;
    while (next < line.size() && is_space(line[next])) ++next;
    if (!opens_sentence(line, next)) {
      i = mark_end - 1;
      continue;
    }
    if (c == '.' && mark_end == i + 1) {
      const std::string_view w = word_before(line, i);
      // 'TP.', 'PGS.TS.', a single capital ('Nguyễn V. A.'), or a listed abbreviation.
      // One capital letter (one code point, 'V.' or 'Đ.'), not a two-letter acronym ('VN.').
      const bool single_cap = !w.empty() && w.size() <= 2 && u_isupper(char_at(w, 0)) &&
                              (w.size() == 1 || static_cast<unsigned char>(w[0]) >= 0xC0);
      if (single_cap || abbr.contains(w)) {
        i = mark_end - 1;
        continue;
      }
    }
    emit(start, close);
    start = next;
    i = next - 1;
  }
  emit(start, line.size());
}

}  // namespace

std::vector<Sentence> sentences(const Document& doc, const Abbreviations& abbr) {
  std::vector<Sentence> out;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (i >= doc.is_content.size() || !doc.is_content[i]) continue;
    spans.clear();
    split_line(doc.line(i), abbr, spans);
    for (auto [b, e] : spans) out.push_back({static_cast<uint32_t>(i + 1), b, e});
  }
  return out;
}

}  // namespace mekong::segment
