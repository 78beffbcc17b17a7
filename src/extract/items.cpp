// Agreements and projects: a kind word (lexicon) that opens a name. The name
// runs until punctuation, a verb that closes it, or the next document; a
// period phrase right after it ('giai đoạn 2021-2025') is its period.
#include <algorithm>
#include <cstdlib>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract/relevance.h"
#include "extract/rules.h"
#include "extract/util.h"
#include "normalize/normalize.h"

namespace mekong::extract {

namespace {

// An agreement or project belongs to the article's pair only when its
// sentence names both (or one with 'hai bên'), or names the pair's other
// country and none outside the pair.
bool ties_item(const Ties& t, const DocContext& ctx) {
  return ties_pair(t, ctx.dyad_a, ctx.dyad_b, ctx) || ties_one_of_pair(t, ctx.dyad_a, ctx.dyad_b, ctx);
}

// A word that says a work is built, financed, handed over or run.
bool is_works(const Ann& a) {
  return (a.type == AnnType::Cue && (a.label == "works" || a.label == "coop" || a.label.rfind("status:", 0) == 0)) ||
         (a.type == AnnType::Action && (a.label == "handover" || a.label == "aid")) ||
         (a.type == AnnType::Indicator && a.code == "aid");  // 'sử dụng vốn vay ODA'
}

// An all-capital word in the parenthesis right after [b, e) ('(TPP)'), or one
// of `inside` letters or more within it ('AANZFTA'; not 'ODA').
bool acronym_near(const SentenceView& s, uint32_t b, uint32_t e, int inside) {
  const std::string_view t = s.text;
  uint32_t stop = e;
  while (stop < t.size() && t[stop] == ' ') ++stop;
  uint32_t paren = stop;
  if (stop < t.size() && t[stop] == '(') {
    stop = static_cast<uint32_t>(std::min<size_t>(t.find(')', stop), t.size()));
  } else {
    stop = e;
  }
  int caps = 0;
  for (uint32_t i = b; i < stop; ++i) {
    const char c = t[i];
    if (c >= 'A' && c <= 'Z') {
      const int need = i > paren ? 3 : inside;
      if (++caps >= need && (i + 1 >= stop || !(t[i + 1] >= 'a' && t[i + 1] <= 'z'))) {
        // the whole word is capitals
        uint32_t w = i;
        while (w > b && t[w - 1] != ' ' && t[w - 1] != '(') --w;
        bool all = true;
        for (uint32_t k = w; k <= i; ++k) all = all && ((t[k] >= 'A' && t[k] <= 'Z') || t[k] == '-');
        if (all) return true;
      }
    } else {
      caps = 0;
    }
  }
  return false;
}

// A document between the two sides has a name of its own: not 'Hiệp định
// này', 'Thỏa thuận mới nhất', 'Tuyên bố của Bộ Quốc phòng' (a statement);
// and it is the pair's: its name says so ('Việt Nam - Lào', 'giữa hai') or
// the sentence signs it, else it is a regional or another pair's treaty.
bool names_a_document(const SentenceView& s, const Ties& all, const Ann& kind, uint32_t end, const DocContext& ctx) {
  // 'Hiệp định này', 'Tuyên bố của ...': the word right after the kind refers back or names its author.
  uint32_t next = kind.e;
  while (next < end && s.text[next] == ' ') ++next;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Cue && a.label == "noname" && a.b == next) return false;
  // A declaration of the two sides is a joint one ('Tuyên bố chung', a strong kind of
  // agreements.tsv); a bare 'tuyên bố' is a statement.
  if (kind.code == "declaration" && !kind.strong) return false;
  const Ties in_name = ties_in(s, kind.b, end);
  // A name that names a country or a grouping outside the pair ('Hiệp định Thương mại tự do
  // Việt Nam - EU' in an article about Vietnam and the Netherlands) is another party's treaty.
  for (const auto& c : in_name.countries)
    if (c != ctx.dyad_a && c != ctx.dyad_b) return false;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Mechanism && !a.strong && a.b >= kind.b && a.e <= end) return false;
  // A treaty cited by an acronym ('... xuyên Thái Bình Dương (TPP)', '... AANZFTA') without
  // both countries in its name is a regional one.
  const bool both_named = in_name.has(ctx.dyad_a) && in_name.has(ctx.dyad_b);
  const bool one_named = in_name.has(ctx.dyad_a) || in_name.has(ctx.dyad_b);
  if (!both_named && acronym_near(s, kind.b, end, one_named ? 99 : 3)) return false;
  // A document is the pair's by name only where the name writes a country ('Hiệp định ... Việt
  // Nam - Lào') or the pair ('giữa hai Chính phủ'); a city in it is where a treaty was signed
  // ('Hiệp định Paris', 'Nghị định thư Kyoto').
  // 'giữa hai nước' stands for the article's pair only where the sentence names no other
  // country; a sentence naming three or more signs a many-party text.
  bool outsider = false;
  for (const auto& c : all.countries) outsider = outsider || (c != ctx.dyad_a && c != ctx.dyad_b);
  if (!both_named && all.countries.size() >= 3) return false;
  bool country_named = in_name.pair_ref && !outsider;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Country && a.b >= kind.b && a.e <= end && (a.code == ctx.dyad_a || a.code == ctx.dyad_b))
      country_named = true;
  // 'Công ước ...', '... khu vực ...', '... đa phương': many parties' unless the name writes both.
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Cue && a.label == "multilateral" && a.b >= kind.b && a.e <= end && !both_named) return false;
  if (country_named) return true;
  if (!ties_pair(all, ctx.dyad_a, ctx.dyad_b, ctx)) return false;
  // Otherwise only a document the sentence says is signed ('hai bên đã ký Bản ghi nhớ về ...');
  // one merely discussed by both sides may be a regional treaty ('thúc đẩy đàm phán RCEP').
  // or a cooperation document the two sides carry out ('hai bên thực hiện tốt Nghị định thư hợp tác ...').
  const bool cooperation = normalize::fold(s.text.substr(kind.b, end - kind.b)).find("hợp tác") != std::string::npos;
  if (cooperation && (all.pair_ref || (all.has(ctx.dyad_a) && all.has(ctx.dyad_b)))) return true;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Action && a.label == "sign" && a.e <= kind.b) return true;
  return false;
}

bool digit_at(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

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
// such items, then 'và' and one to four words before the next punctuation: a list of nouns.
bool list_continues(const SentenceView& s, uint32_t comma) {
  const std::string_view t = s.text;
  uint32_t i = comma + 1;
  for (int items = 0; items < 6; ++items) {
    int words = 0;
    while (i < t.size() && t[i] == ' ') {
      const uint32_t w = i + 1;
      uint32_t we = w;
      while (we < t.size() && t[we] != ' ' && t[we] != ',' && t[we] != ';' && t[we] != '.' && t[we] != ':' &&
             t[we] != '(' && t[we] != ')')
        ++we;
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

// End of the name that starts at `b`: punctuation or a closing cue.
uint32_t name_end(const SentenceView& s, uint32_t b, uint32_t limit_words, bool* cut = nullptr, bool document = false) {
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
        if (a.b == i + 1 && ((a.type == AnnType::Cue && a.label == "namestop") || a.type == AnnType::Person ||
                             (a.type == AnnType::Date && !a.period && a.range.precision == "day")))
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
        // '... của Mỹ', '... của Tổng thống Mỹ': whose it is, not its name.
        if (a.b == i + 1 && a.type == AnnType::Cue && a.label == "of")
          for (const Ann& o : s.anns)
            if ((o.type == AnnType::Country || o.type == AnnType::Office || o.type == AnnType::Person) &&
                o.b == a.e + 1)
              stop = true;
      }
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

}  // namespace

std::vector<Agreement> find_agreements(const std::vector<SentenceView>& sentences, const DocContext& ctx) {
  std::vector<Agreement> out;
  for (const SentenceView& s : sentences) {
    std::optional<Ties> sentence_ties;  // computed for the sentence's first document word
    for (size_t k = 0; k < s.anns.size(); ++k) {
      const Ann& kind = s.anns[k];
      if (kind.type != AnnType::AgreementKind) continue;
      if (!kind.strong && !upper_at(s.text, kind.b)) continue;
      // A sentence's first word is capitalised anyway: a weak kind there names nothing by its capital.
      if (!kind.strong && kind.b == 0) continue;
      if (cue_before(s, "generic", kind.b, 3)) continue;
      // 'Bộ Kế hoạch và Đầu tư', 'Viện Chiến lược', 'Đối tác chiến lược toàn diện': a body or a level, not a document.
      if (const Ann* org = cue_before(s, "organization", kind.b, 1);
          org && words_between(s, org->e, kind.b) == 0 && upper_at(s.text, org->b))
        continue;
      // 'nếu được ký kết', 'muốn có hiệp định ...': a document that may never be.
      if (const Ann* h = cue_before(s, "hypothetical", kind.b, 80); h && words_between(s, h->e, kind.b) <= 10) continue;
      if (!sentence_ties) sentence_ties = ties_in(s, 0, static_cast<uint32_t>(s.text.size()));
      if (!ties_item(*sentence_ties, ctx)) continue;
      // Part of a meeting's or forum's name ('Hội nghị Cấp cao Chiến lược hợp tác ...').
      {
        const uint32_t from = kind.b > 40 ? kind.b - 40 : 0;
        const std::string before = normalize::fold(s.text.substr(from, kind.b - from));
        if (before.find("hội nghị") != std::string::npos || before.find("diễn đàn") != std::string::npos ||
            before.find("cấp cao") != std::string::npos)
          continue;
      }
      // Inside another document's name ('Thỏa thuận về Chiến lược ...'): part of it.
      bool inside = false;
      for (const Agreement& a : out)
        if (a.line == s.line && kind.b + s.offset >= a.span.begin && kind.e + s.offset <= a.span.end) inside = true;
      if (inside) continue;

      bool cut = false;  // a name still running after 40 words has no end we can tell
      uint32_t end = name_end(s, kind.b, 40, &cut, true);
      const uint32_t cut_end = end;
      // The next document after 'và' ends this one; a period phrase closes it.
      std::optional<DateRange> period;
      for (const Ann& a : s.anns) {
        if (a.b <= kind.e || a.b > end) continue;
        if (a.type == AnnType::AgreementKind && (upper_at(s.text, a.b) || a.strong)) {
          const std::string_view before = s.text.substr(kind.b, a.b - kind.b);
          constexpr std::string_view kAnd = " v\xC3\xA0 ";  // ' và '
          if (before.size() >= kAnd.size() && before.substr(before.size() - kAnd.size()) == kAnd) {
            end = a.b - static_cast<uint32_t>(kAnd.size());
            break;
          }
        }
        if (a.type == AnnType::Date && !period) {
          const std::string w = first_word_folded(s, a.b);
          if (w == "giai" || w == "nhiệm" || w == "thời") {
            period = a.range;
            end = a.b;
            while (end > kind.b && s.text[end - 1] == ' ') --end;
            break;
          }
          if (a.range.precision == "year") period = a.range;  // 'Kế hoạch hợp tác năm 2024 về ...'
        }
      }
      if (!period) {  // 'giai đoạn 2021 - 2025' right after the name, past a comma
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Date && a.b >= end && a.b - end <= 3 && a.period) period = a.range;
      }
      if (cut && end == cut_end) continue;  // no next document or period ended it
      std::string name = clean_name(s.text.substr(kind.b, end - kind.b));
      // A year closing the name ('Hiệp định Geneva 1954') is its period.
      if (!period && name.size() > 5) {
        const std::string_view tail = std::string_view(name).substr(name.size() - 5);
        if (tail[0] == ' ' && (tail.substr(1, 2) == "19" || tail.substr(1, 2) == "20") &&
            tail.find_first_not_of("0123456789", 1) == std::string_view::npos) {
          period = DateRange{std::string(tail.substr(1)), std::string(tail.substr(1)), "year"};
          name.resize(name.size() - 5);
        }
      }
      if (words_between(s, kind.b, end) < 3) continue;
      // 'Chương trình giao lưu ... lần thứ 4': the n-th of a series of events, not a document.
      if (kind.code == "programme" && normalize::fold(name).find("lần thứ") != std::string::npos) continue;
      if (!names_a_document(s, *sentence_ties, kind, end, ctx)) continue;
      Agreement ag;
      ag.name = name;
      ag.kind = kind.code;
      if (period) {
        ag.period_start = period->start.substr(0, 4);
        ag.period_end = period->end.substr(0, 4);
      }
      ag.line = s.line;
      ag.span = {s.offset + kind.b, s.offset + end};
      out.push_back(std::move(ag));
    }
  }
  // The same document named twice: keep the first statement, with the period
  // whichever statement gave one. Names differ in detail ('nước CHXHCN ...').
  std::vector<Agreement> uniq;
  for (Agreement& a : out) {
    Agreement* best = nullptr;
    double best_d = 0;
    for (Agreement& u : uniq) {
      const bool periods_agree = !a.period_start || !u.period_start || (a.period_start == u.period_start && a.period_end == u.period_end);
      // One name contains the other ('... giữa Bộ Ngoại giao nước CHXHCN Việt Nam ...' and '... Việt Nam ...'),
      // or they differ in a word or two; 'Bản ghi nhớ về hợp tác X' and '... Y' stay apart.
      const double d = name_dice(a.name, u.name);
      const bool same = d >= 0.85 || name_contains(a.name, u.name) || name_contains(u.name, a.name);
      if (periods_agree && same && d > best_d) {
        best = &u;
        best_d = d;
      }
    }
    if (best) {
      if (!best->period_start && a.period_start) {
        best->period_start = a.period_start;
        best->period_end = a.period_end;
      }
      continue;
    }
    uniq.push_back(std::move(a));
  }
  return uniq;
}

std::vector<Project> find_projects(const std::vector<SentenceView>& sentences, const DocContext& ctx) {
  std::vector<Project> out;
  for (const SentenceView& s : sentences) {
    const std::string_view t = s.text;
    // A cooperation project: the sentence ties it to the pair and says it is
    // built, financed, handed over or run ('sân bay' where a delegation landed is not one).
    bool has_kind = false;
    for (const Ann& a : s.anns) has_kind = has_kind || a.type == AnnType::ProjectKind;
    // A sentence about a generation ago tells history ('người Pháp xây dựng ... năm 1868').
    bool history = false;
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Date && ctx.ref.valid() && a.range.end.size() >= 4 &&
          std::atoi(a.range.end.substr(0, 4).c_str()) + 20 < ctx.ref.year)
        history = true;
    if (history) continue;
    // Both sides, or one with 'hai bên': a work that names one country is its domestic construction.
    if (!has_kind || !ties_pair(ties_in(s, 0, static_cast<uint32_t>(s.text.size())), ctx.dyad_a, ctx.dyad_b, ctx))
      continue;
    // A word said of this work: near it, not anywhere in a long sentence. A list's head says
    // it of every item ('Hai bên đã bàn giao ... gồm: ...').
    auto near = [&](const Ann& a, const Ann& kind) {
      return a.e <= kind.b ? words_between(s, a.e, kind.b) <= 30 || has_char_between(s, a.e, kind.b, ':')
                           : words_between(s, kind.e, a.b) <= 12;
    };
    auto works_near = [&](const Ann& kind) {
      for (const Ann& a : s.anns)
        if (is_works(a) && near(a, kind)) return true;
      return false;
    };
    for (const Ann& kind : s.anns) {
      if (kind.type != AnnType::ProjectKind) continue;
      // 'dự án', 'công trình' alone name no kind of work ('dự án hợp tác Việt Nam - Lào').
      if (kind.label == "project" || kind.label == "work") continue;
      if (!works_near(kind)) continue;
      // 'hạ cánh xuống sân bay X', 'tại cảng Y', 'thăm trường Z': a work where something happens;
      // 'do Bệnh viện X tổ chức': the work's body acts.
      // ('từ một cảng biển ...': a determiner may stand between.)
      if (const Ann* v = cue_before(s, "venue", kind.b, 16);
          v && (words_between(s, v->e, kind.b) == 0 ||
                (words_between(s, v->e, kind.b) == 1 && cue_before(s, "det", kind.b, 8))))
        continue;
      // 'cử tri đề nghị cân nhắc vay vốn ... để xây dựng X': a proposal, not a project of the pair.
      if (const Ann* pr = cue_before(s, "proposal", kind.b, kind.b); pr && words_between(s, pr->e, kind.b) <= 15 &&
                                                                 !has_char_between(s, pr->e, kind.b, ';'))
        continue;
      // 'giữa Bệnh viện A và Bệnh viện B': the second party too.
      if (kind.b >= 5 && normalize::fold(t.substr(kind.b - 4, 4)) == "và ")
        if (const Ann* g = cue_before(s, "party", kind.b, kind.b); g && words_between(s, g->e, kind.b) <= 10) continue;
      // 'hợp tác với Bệnh viện X', 'giữa Bệnh viện A và ...': a party to something, not a work.
      if (const Ann* v = cue_before(s, "party", kind.b, 8); v && words_between(s, v->e, kind.b) == 0) continue;
      if (const Ann* v = cue_before(s, "by", kind.b, 8); v && words_between(s, v->e, kind.b) == 0) continue;
      {
        bool visited = false;
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Action && a.e <= kind.b && words_between(s, a.e, kind.b) == 0) visited = true;
        if (visited) continue;
      }
      // What ties the work to the other side: given, financed, lent for or done together, near it;
      // else its name names the pair ('Trường Đại học Việt - Đức').
      bool coop = false;
      for (const Ann& a : s.anns)
        if (((a.type == AnnType::Cue && a.label == "coop") || (a.type == AnnType::Indicator && a.code == "aid") ||
             (a.type == AnnType::Action && (a.label == "aid" || a.label == "handover"))) &&
            near(a, kind))
          coop = true;
      // 'do Trung Quốc đầu tư', 'do Nhật Bản xây dựng': built or financed by a country.
      for (const Ann& a : s.anns) {
        if (coop || a.type != AnnType::Country || !cue_before(s, "by", a.b, 5)) continue;
        for (const Ann& w : s.anns)
          if (w.type == AnnType::Cue && w.label == "works" && w.b >= a.e && words_between(s, a.e, w.b) <= 1 &&
              near(a, kind))
            coop = true;
      }
      {
        // A name that names a country outside the pair is another pair's work ('Bệnh viện Hữu
        // nghị Việt Đức' in news about Vietnam and Japan); one of the pair ties it to them.
        const uint32_t stop = name_end(s, kind.b, 12);
        const Ties in_name = ties_in(s, kind.b, stop);
        bool outside = false;
        for (const auto& c : in_name.countries) outside = outside || (c != ctx.dyad_a && c != ctx.dyad_b);
        if (outside) continue;
        coop = coop || in_name.has(ctx.dyad_a) || in_name.has(ctx.dyad_b);
      }
      if (!coop) continue;
      // The other side near the work, not only somewhere in a long sentence (Vietnam, the
      // newspaper's own side, may stand anywhere in it).
      {
        uint32_t nb = kind.b, ne = kind.e;
        for (int w = 0; nb > 0 && w < 30; --nb)
          if (t[nb - 1] == ' ') ++w;
        for (int w = 0; ne < t.size() && w < 30; ++ne)
          if (t[ne] == ' ') ++w;
        if (t.substr(0, kind.b).find(':') != std::string_view::npos) nb = 0;  // a list's head speaks for its items
        const Ties near_ties = ties_in(s, nb, ne);
        const bool a_ok = ctx.dyad_a == "VNM" || near_ties.has(ctx.dyad_a) || near_ties.pair_ref;
        const bool b_ok = ctx.dyad_b == "VNM" || near_ties.has(ctx.dyad_b) || near_ties.pair_ref;
        if (!a_ok || !b_ok) continue;
      }
      // 'Phạm Trường Long': a kind inside a person's name.
      bool in_person = false;
      for (const Ann& a : s.anns)
        if (a.type == AnnType::Person && a.b <= kind.b && a.e >= kind.e) in_person = true;
      if (in_person) continue;
      // A capitalised kind right after a capitalised word that is no kind of its own is inside
      // another name ('Phạm Trường Long'); a sentence's first word proves nothing.
      if (upper_at(t, kind.b) && kind.b >= 2 && t[kind.b - 1] == ' ') {
        uint32_t w = kind.b - 1;
        while (w > 0 && t[w - 1] != ' ') --w;
        bool prev_kind = false;
        for (const Ann& a : s.anns)
          if ((a.type == AnnType::ProjectKind || a.type == AnnType::Cue) && a.e == kind.b - 1) prev_kind = true;
        const char last = t[kind.b - 2];
        const bool closed = last == ',' || last == ';' || last == ':' || last == '.' || last == ')';
        // Only a word of letters can be a name's syllable ('T2 Cảng hàng không ...' is a terminal's code).
        bool letters = true;
        for (uint32_t i = w; i + 1 < kind.b; ++i) letters = letters && !digit_at(t, i);
        if (w > 0 && upper_at(t, w) && letters && !prev_kind && !closed) continue;
      }
      // 'Công ty TNHH Nhà máy ...', 'Ban QLDA Đường sắt ...', 'thành phố cảng ...': a body or a
      // place whose name holds a work's noun.
      if (const Ann* org = cue_before(s, "holder", kind.b, 60);
          org && (words_between(s, org->e, kind.b) <= 1 ||
                  (words_between(s, org->e, kind.b) <= 6 && upper_at(t, org->b) && !has_char_between(s, org->e, kind.b, ','))))
        continue;  // 'Tổng công ty Đầu tư phát triển đường cao tốc ...': a company's name
      // 'bác sĩ Bệnh viện X', 'lớp 11 trường Y': a body someone belongs to.
      if (const Ann* m = cue_before(s, "member", kind.b, 24); m && words_between(s, m->e, kind.b) <= 1) continue;
      // 'Nông trường X', 'Tổng công ty ... đường cao tốc': a lower-case kind right after a
      // capitalised word is inside another name.
      if (!upper_at(t, kind.b) && kind.b >= 2 && t[kind.b - 1] == ' ') {
        uint32_t w = kind.b - 1;
        while (w > 0 && t[w - 1] != ' ') --w;
        const char last = t[kind.b - 2];
        const bool closed = last == ',' || last == ';' || last == ':' || last == '.' || last == ')';
        if (upper_at(t, w) && !closed) continue;
      }
      if (cue_before(s, "generic", kind.b, 3)) continue;
      // 'các dự án thủy điện': a kind of works, not one.
      if (const Ann* g = cue_before(s, "generic", kind.b, 16); g && words_between(s, g->e, kind.b) <= 2) continue;
      bool inside = false;
      for (const Project& p : out)
        if (p.line == s.line && kind.b + s.offset >= p.span.begin && kind.e + s.offset <= p.span.end) inside = true;
      if (inside) continue;

      // A proper name after the kind: capitalised words and numbers, ' - '
      // joins, and up to two lower-case words between capitals ('cầu Hữu nghị
      // Sông Hồng', 'Đài phát thanh tỉnh Xaysomboun'); 'tại', 'và', 'của' end it.
      struct Tok {
        uint32_t b, e;
        char kind;  // 'U' capital or digit, '-' join, 'l' lower, 's' stop word
      };
      std::vector<Tok> toks;
      for (uint32_t i = kind.e; i < t.size() && t[i] == ' ' && toks.size() < 24;) {
        const uint32_t w = i + 1;
        uint32_t we = w;
        while (we < t.size() && t[we] != ' ' && t[we] != ',' && t[we] != ';' && t[we] != '.' && t[we] != '(' &&
               t[we] != ')' && t[we] != ':' && t[we] != '[' && t[we] != ']')
          ++we;
        if (we == w) break;
        const std::string_view word = t.substr(w, we - w);
        char k = 'l';
        if (upper_at(t, w) || digit_at(t, w)) k = 'U';
        else if (word == "-" || word == "\xE2\x80\x93") k = '-';
        else {
          const std::string f = normalize::fold(word);
          if (f == "tại" || f == "ở" || f == "và" || f == "của" || f == "cho" || f == "với" || f == "trong" ||
              f == "từ" || f == "theo" || f == "thuộc" || f == "do" || f == "giữa" || f == "bị")
            k = 's';
          for (const Ann& a : s.anns)
            if (a.type == AnnType::Cue && a.label == "namestop" && a.b == w) k = 's';
        }
        // A date after the name is not part of it ('cao tốc X - Y Ngày 10-7').
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Date && a.b == w) k = 's';
        toks.push_back({w, we, k});
        i = we;
        // '1, 2 và 3': a list of numbers after a number.
        if (k == 'U' && digit_at(t, w) && i + 2 < t.size() && t[i] == ',' && digit_at(t, i + 2)) {
          toks.push_back({i, i + 1, '-'});
          i += 1;
          continue;
        }
        if (i < t.size() && t[i] != ' ') break;
      }
      uint32_t end = kind.e;
      int proper = 0;
      for (size_t j = 0; j < toks.size(); ++j) {
        const Tok& tk = toks[j];
        if (tk.kind == 'U') {
          ++proper;
          end = tk.e;
        } else if (tk.kind == '-') {
          continue;
        } else if (tk.kind == 'l') {
          size_t k2 = j + 1;
          while (k2 < toks.size() && k2 <= j + 1 && toks[k2].kind == 'l') ++k2;
          if (k2 < toks.size() && toks[k2].kind == 'U') continue;
          break;
        } else {
          break;
        }
      }
      if (proper > 0) {
        // 'cảng biển Việt Nam', 'nhà máy ... Mỹ': a country alone is no name; two ('Thép Việt - Trung') are a pair's.
        int countries = 0, other = 0;
        for (const Tok& tk : toks) {
          if (tk.e > end || tk.kind != 'U') continue;
          const Ann* c = nullptr;
          for (const Ann& a : s.anns)
            if (a.type == AnnType::Country && a.b <= tk.b && a.e >= tk.e) c = &a;
          if (c) {
            if (c->b == tk.b) ++countries;  // 'Việt Nam' is one country, not two words
          } else if (!digit_at(t, tk.b)) {
            ++other;  // 'dài 1500': a number alone is a measure
          }
        }
        if (other == 0 && countries < 2) proper = 0;
        // One capitalised word and the text runs on in lower case: a word cut in two ('Trường Kinh | tế').
        for (size_t j = 0; j + 1 < toks.size(); ++j)
          if (toks[j].e == end && proper == 1 && toks[j + 1].kind == 'l' && !digit_at(t, toks[j].b)) proper = -1;
      }
      // 'Trường Hải', 'Cầu Giấy': a capitalised weak kind and one more word is a name of its own.
      if (!kind.strong && upper_at(t, kind.b) && proper == 1) continue;
      if (proper < 0) continue;
      // 'cảng Vũng Áng 1, 2 và 3': trailing 'và N'
      if (proper > 0 && end + 5 < t.size() && t.compare(end, 5, " v\xC3\xA0 ") == 0 && digit_at(t, end + 5)) end += 6;

      uint32_t begin = kind.b;
      if (!kind.strong && proper > 0 && !toks.empty()) {
        // 'trường có 12 ...', 'thị trường Nhật Bản': a weak kind names a work only
        // when a capitalised name follows it at once, and not a number or a country.
        const Tok& first = toks.front();
        if (first.kind != 'U') proper = 0;
        bool country = false;
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Country && a.b == first.b) country = true;
        if (digit_at(t, first.b) || country) proper = 0;
      }
      if (proper == 0) {
        if (!kind.strong) continue;
        // A description still running after eight words has no end we can tell ('cây cầu do ... bị').
        bool cut = false;
        end = name_end(s, kind.b, 8, &cut);
        const Ann* at = nullptr;
        for (const Ann& a : s.anns)  // 'trường ... tại tỉnh X': the place is the location, not the name
          if (a.type == AnnType::Cue && a.label == "at" && a.b > kind.b && a.b < end) {
            end = a.b - 1;
            at = &a;
            break;
          }
        // A description after a bare kind stops at words no name holds ('nhà máy sản xuất đạn dược và một ...').
        for (const char* w : {" và ", " bị ", " một ", " giữa "}) {
          const size_t at_w = t.substr(kind.e, end - kind.e).find(w);
          if (at_w != std::string_view::npos) end = kind.e + static_cast<uint32_t>(at_w);
        }
        // Cut inside a proper name ('tuyến đường sắt đô thị số 1 Bến | Thành - Suối Tiên'): the
        // name runs on through capitalised words and dashes.
        if (cut && !at) {
          uint32_t i = end;
          while (i + 1 < t.size() && t[i] == ' ') {
            uint32_t w = i + 1, we = w;
            while (we < t.size() && t[we] != ' ' && t[we] != ',' && t[we] != ';' && t[we] != '.' && t[we] != '(' &&
                   t[we] != ')' && t[we] != ':')
              ++we;
            const std::string_view word = t.substr(w, we - w);
            const bool dash = word == "-" || word == "\xE2\x80\x93";
            if (we == w || !(upper_at(t, w) || (digit_at(t, w) && !cut) || dash)) break;
            if (!dash) {
              end = we;
              cut = false;
            }
            i = we;
          }
          if (cut) continue;
        }
        // An office or a person in the description starts another phrase ('sân bay có Phó Thủ tướng ...').
        for (const Ann& a : s.anns)
          if ((a.type == AnnType::Office || a.type == AnnType::Person) && a.b > kind.e && a.b < end) {
            end = a.b;
            while (end > kind.e && t[end - 1] == ' ') --end;
          }
        // A description names a work only with a name in it ('đường sắt kết nối Viêng Chăn với
        // cảng Vũng Áng'); 'nhà máy lọc dầu', 'đường sắt cao tốc' are kinds of works.
        // A country alone names no work ('đường sắt của Nga', 'bệnh viện ... của Hàn Quốc').
        bool named = false;
        for (uint32_t i = kind.e; i + 1 < end; ++i) {
          if (t[i] != ' ' || !upper_at(t, i + 1)) continue;
          bool country = false;
          for (const Ann& a : s.anns)
            if (a.type == AnnType::Country && a.b <= i + 1 && a.e > i + 1) country = true;
          named = named || !country;
        }
        if (!named || words_between(s, kind.b, end) <= words_between(s, kind.b, kind.e)) {
          // A bare kind or a description in lower case names no project ('bệnh viện', 'nhà máy
          // sản xuất hóa chất', 'trường học tại các tỉnh'), unless a named place follows:
          // 'trường trung học phổ thông tại tỉnh Houaphan'.
          const Ann* place = nullptr;
          if (at)
            for (const Ann& a : s.anns)
              if (a.type == AnnType::Place && a.b > at->e && words_between(s, at->e, a.b) <= 4) place = &a;
          if (!place) continue;
          end = place->e;
        }
      } else {
        // 'Dự án Phát triển cảng ...', 'tuyến đường cao tốc ...': the words that open the name.
        const std::string_view before = t.substr(0, kind.b);
        const size_t du_an = before.rfind("D\xE1\xBB\xB1 \xC3\xA1n ");  // 'Dự án '
        if (du_an != std::string_view::npos && words_between(s, static_cast<uint32_t>(du_an), kind.b) <= 5 &&
            !has_char_between(s, static_cast<uint32_t>(du_an), kind.b, ','))
          begin = static_cast<uint32_t>(du_an);
        else if (before.size() >= 7 && normalize::fold(before.substr(before.size() - 7)) == "tuyến ")
          begin = kind.b - 7;
      }
      if (end <= begin) continue;
      Project p;
      p.name = clean_name(t.substr(begin, end - begin));
      if (words_between(s, begin, end) < 2) continue;
      for (const Ann& a : s.anns)
        if (a.type == AnnType::Place && a.b >= begin && a.b <= end + 16) {
          p.location = a.name;
          break;
        }
      // Status: the nearest status cue in the sentence.
      uint32_t best = UINT32_MAX;
      for (const Ann& a : s.anns) {
        if (a.type != AnnType::Cue || a.label.rfind("status:", 0) != 0) continue;
        const uint32_t dist = a.b >= end ? a.b - end : begin - std::min(begin, a.e);
        if (dist < best) {
          best = dist;
          p.status = a.label.substr(7);
        }
      }
      p.line = s.line;
      p.span = {s.offset + begin, s.offset + end};
      out.push_back(std::move(p));
    }
  }
  std::vector<Project> uniq;
  for (Project& p : out) {
    bool dup = false;
    for (const Project& u : uniq)
      if (name_dice(p.name, u.name) >= 0.8) dup = true;
    if (!dup) uniq.push_back(std::move(p));
  }
  return uniq;
}

}  // namespace mekong::extract
