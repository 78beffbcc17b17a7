#include "extract/names.h"

#include "extract/util.h"
#include "normalize/normalize.h"

namespace mekong::extract {

namespace {

// After a comma, do lower-case words run into a period phrase ('giai đoạn ...')?
bool period_follows(const SentenceView& s, uint32_t comma) {
  const std::string_view t = s.text;
  if (comma + 2 >= t.size() || upper_at(t, comma + 2)) return false;
  for (const Ann& a : s.anns) {
    if (a.type != AnnType::Date || !a.period || a.b <= comma) continue;
    if (a.b - comma > 48) return false;
    for (uint32_t i = comma + 1; i < a.b; ++i)
      if (t[i] == ',' || t[i] == ';' || t[i] == '.' || t[i] == '(') return false;
    const std::string w = normalize::fold(t.substr(a.b, 4));
    return w.rfind("gia", 0) == 0 || w.rfind("nhi", 0) == 0;
  }
  return false;
}

// After the comma at `comma`: one to four words in lower case (or 'hai Nhà nước'), more
// such items, then 'và' and its last item: a list of nouns ('kinh tế, thương mại và đầu tư').
bool list_continues(const SentenceView& s, uint32_t comma) {
  const std::string_view t = s.text;
  uint32_t i = comma + 1;
  for (int items = 0; items < 6; ++items) {
    int words = 0;
    while (i < t.size() && t[i] == ' ') {
      const uint32_t w = i + 1;
      const uint32_t we = word_end(t, w);
      if (we == w) return false;
      const std::string f = normalize::fold(t.substr(w, we - w));
      for (const Ann& a : s.anns)
        if (a.b == w && ((a.type == AnnType::Action && (a.label == "sign" || a.label == "visit" || a.label == "meet" ||
                                                        a.label == "host" || a.label == "oppose")) ||
                         a.type == AnnType::Person || a.type == AnnType::Date ||
                         (a.type == AnnType::Cue && a.label == "namestop")))
          return false;  // a verb, a person or a day: the name has ended
      // 'và' closes the list; the name's other stops still end it after the last item.
      if (f == "và") return words > 0 && we + 1 < t.size() && t[we] == ' ';
      if (++words > 4) return false;
      i = we;
    }
    if (words == 0 || i >= t.size() || t[i] != ',') return false;
    ++i;  // another item after another comma
  }
  return false;
}

// Does the text end in the word 'về' (a title to follow)?
bool ends_with_ve(std::string_view name) {
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  constexpr std::string_view kVe = " v\xE1\xBB\x81";  // ' về'
  return name.size() > kVe.size() && name.substr(name.size() - kVe.size()) == kVe;
}

// 'với' (grammar 'party') at `stop` after 'giữa X' (grammar 'between') with no second party yet
// opens the second party.
bool second_party(const SentenceView& s, uint32_t b, uint32_t i, const Ann& stop) {
  bool party = false;
  const Ann* between = nullptr;
  for (const Ann& a : s.anns) {
    if (a.type != AnnType::Cue) continue;
    if (a.label == "party" && a.b == stop.b && a.e == stop.e) party = true;
    if (a.label == "between" && a.b >= b && a.e <= i) between = &a;
  }
  if (!party || !between) return false;
  for (const Ann& a : s.anns)  // a second party already named ('giữa A với B với ...')
    if (a.type == AnnType::Cue && a.label == "party" && a.b > between->e && a.e <= i) return false;
  return normalize::fold(s.text.substr(between->e, i - between->e)).find(" và ") == std::string::npos;
}

// In [b, i): 'giữa' (grammar 'between'), then 'và', then a second party that ends at `i` with a
// country, a place or an acronym ('... và EAEU', '... và Lào'): both parties are named.
bool parties_closed(const SentenceView& s, uint32_t b, uint32_t i) {
  const Ann* between = nullptr;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Cue && a.label == "between" && a.b >= b && a.e <= i) between = &a;
  if (!between) return false;
  static constexpr std::string_view kAnd = " và ";
  const std::string_view t = s.text;
  const size_t and_at = t.substr(0, i).rfind(kAnd);
  if (and_at == std::string_view::npos || and_at < between->e) return false;
  for (const Ann& a : s.anns)
    if (a.e == i && a.b > and_at && (a.type == AnnType::Country || a.type == AnnType::Place)) return true;
  uint32_t w = i;
  while (w > and_at + kAnd.size() && t[w - 1] != ' ') --w;
  int caps = 0;
  for (uint32_t k = w; k < i; ++k) {
    if (t[k] >= 'a' && t[k] <= 'z') return false;
    if (t[k] >= 'A' && t[k] <= 'Z') ++caps;
  }
  return caps >= 2;
}

// A word at `w` that says what a document is about or its time (grammar 'doc_about': 'về',
// 'giai đoạn'), or a date.
bool topic_or_time(const SentenceView& s, uint32_t w) {
  for (const Ann& a : s.anns)
    if (a.b == w && ((a.type == AnnType::Cue && a.label == "doc_about") || a.type == AnnType::Date)) return true;
  return false;
}

}  // namespace

bool ties_item(const Ties& t, const DocContext& ctx) {
  return ties_pair(t, ctx.dyad_a, ctx.dyad_b, ctx) || ties_one_of_pair(t, ctx.dyad_a, ctx.dyad_b, ctx);
}

uint32_t word_end(std::string_view t, uint32_t w) {
  uint32_t e = w;
  while (e < t.size() && t[e] != ' ' && t[e] != ',' && t[e] != ';' && t[e] != '.' && t[e] != ':' && t[e] != '(' &&
         t[e] != ')' && t[e] != '[' && t[e] != ']')
    ++e;
  return e;
}

bool digit_at(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

uint32_t name_end(const SentenceView& s, uint32_t b, uint32_t limit_words, bool* cut, bool document) {
  const std::string_view t = s.text;
  uint32_t words = 0;
  uint32_t i = b;
  while (i < t.size()) {
    const char c = t[i];
    if (c == ',' && period_follows(s, i)) {  // 'Chương trình hợp tác văn hóa, nghệ thuật giai đoạn 2024 - 2027'
      ++i;
      continue;
    }
    if (c == ',') {  // 'phòng, chống tội phạm': a word that a comma joins to the one before it
      bool joins = false;
      for (const Ann& a : s.anns) joins = joins || (a.type == AnnType::Cue && a.label == "joins" && a.b == i + 2);
      // 'về hợp tác kinh tế, thương mại và đầu tư', 'giữa hai Đảng, hai Nhà nước và ...': a list of
      // short nouns closed by 'và' inside a document's name.
      if (!joins && document) joins = list_continues(s, i);
      if (joins) {
        ++i;
        continue;
      }
    }
    // 'Tuyên bố chung về “Chương trình hợp tác ...”': a title in quotes after 'về' is the name's.
    if ((c == '"' || t.compare(i, 3, "\xE2\x80\x9C") == 0) && ends_with_ve(t.substr(b, i - b))) {
      const size_t close = c == '"' ? t.find('"', i + 1) : t.find("\xE2\x80\x9D", i + 3);
      if (close != std::string_view::npos && close - i <= 200) {
        i = static_cast<uint32_t>(close + (c == '"' ? 1 : 3));
        break;
      }
    }
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '[' || c == ']') break;
    if (c == '.' && (i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == '/')) break;
    if (t.compare(i, 3, "\xE2\x80\x9C") == 0 || t.compare(i, 3, "\xE2\x80\x9D") == 0) break;
    if (c == ' ') {
      ++words;
      if (words >= limit_words) {
        if (cut) *cut = true;
        break;
      }
      // A closing word, a person or a day ends the name ('... giữa hai miền vào ngày 19/5/2005').
      bool stop = false;
      for (const Ann& a : s.anns) {
        // ('tháng 10-2011' too, in a document's name; 'năm 2024' may belong to a plan's name)
        // 'Thỏa thuận giữa bang A với các đối tác B': 'với' names the second party after 'giữa'.
        if (a.b == i + 1 && a.type == AnnType::Cue && a.label == "namestop" && document && second_party(s, b, i, a))
          continue;
        if (a.b == i + 1 && ((a.type == AnnType::Cue && a.label == "namestop") || a.type == AnnType::Person ||
                             (a.type == AnnType::Date && !a.period &&
                              (a.range.precision == "day" || (document && a.range.precision == "month")))))
          stop = true;
        // '... và ký ...', '... nhân chuyến thăm ...': the pair's doings are no document's name.
        // ('Tuyên bố chung về chuyến thăm ...' names the visit it is about: a noun, not a doing).
        if (a.b == i + 1 && a.type == AnnType::Action &&
            (a.label == "sign" ||
             ((a.label == "visit" || a.label == "meet" || a.label == "host" || a.label == "oppose") &&
              normalize::fold(s.text.substr(b, i - b)).find("về") == std::string::npos)))
          stop = true;
        // '... tại tỉnh Sơn La': where it was said or done, not the name ('... tại Kỳ họp lần thứ
        // 46' names the session it was signed at); a capitalised 'Tại' starts a new sentence.
        if (a.b == i + 1 && a.type == AnnType::Cue && (a.label == "at" || a.label == "namestop")) {
          if (upper_at(t, a.b)) stop = true;
          if (a.label == "at" && document)
            for (const Ann& o : s.anns)
              if ((o.type == AnnType::Place || o.type == AnnType::Country) && o.b > a.e && words_between(s, a.e, o.b) <= 2)
                stop = true;
        }
        // '... của Mỹ', '... của Tổng thống Mỹ', '... cho Mỹ': whose it is, not its name.
        if (a.b == i + 1 && a.type == AnnType::Cue && (a.label == "of" || a.label == "for_whom"))
          for (const Ann& o : s.anns)
            if ((o.type == AnnType::Country || o.type == AnnType::Office || o.type == AnnType::Person ||
                 (o.type == AnnType::Cue && o.label == "organization")) &&
                o.b == a.e + 1)
              stop = true;
      }
      // 'Hiệp định ... giữa Việt Nam và EAEU mang lại': the second party closes the name; only
      // what it is about or its time may follow ('... và Lào về ...', '... giai đoạn ...').
      if (!stop && document && i + 1 < t.size() && !upper_at(t, i + 1) && !digit_at(t, i + 1) &&
          normalize::fold(t.substr(i, 5)) != " và " && parties_closed(s, b, i) && !topic_or_time(s, i + 1))
        stop = true;
      if (stop) break;
    }
    ++i;
  }
  while (i > b && t[i - 1] == ' ') --i;
  return i;
}

std::string first_word_folded(const SentenceView& s, uint32_t at) {
  uint32_t e = at;
  while (e < s.text.size() && s.text[e] != ' ') ++e;
  return normalize::fold(s.text.substr(at, e - at));
}

}  // namespace mekong::extract
