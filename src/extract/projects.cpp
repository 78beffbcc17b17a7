// Projects: a work's kind (lexicon) that opens a proper name or a description
// with its place, tied to the other side near it.
#include <algorithm>
#include <cstdlib>

#include "extract/event_checks.h"
#include "extract/names.h"
#include "extract/relevance.h"
#include "extract/rules.h"
#include "extract/util.h"
#include "normalize/normalize.h"

namespace mekong::extract {

namespace {

// An aid word that is also an aid verb with nothing handed over ('hỗ trợ chuyên môn').
bool bare_help(const SentenceView& s, const Ann& ind) {
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Action && a.b == ind.b && a.e == ind.e && (a.label == "aid" || a.label == "handover"))
      return !has_object(s, a);
  return false;
}

// A word that says a work is built, financed, handed over or run.
bool is_works(const Ann& a) {
  return (a.type == AnnType::Cue && (a.label == "works" || a.label == "coop" || a.label.rfind("status:", 0) == 0)) ||
         (a.type == AnnType::Action && (a.label == "handover" || a.label == "aid")) ||
         (a.type == AnnType::Indicator && a.code == "aid");  // 'sử dụng vốn vay ODA'
}

// A link ('nối A') whose words, folded and padded with spaces, name one end only: no 'với',
// 'và' or dash joins a second.
bool one_link_end(const std::string& d) {
  return d.find(" nối ") != std::string::npos && d.find(" với ") == std::string::npos &&
         d.find(" và ") == std::string::npos && d.find(" - ") == std::string::npos;
}

// After a link's first end ('... nối Thủ đô A'), the second: '| với cảng B', or
// its country and 'và' ('|, Việt Nam và Thủ đô B'). Where the second end's name
// ends, or 0.
uint32_t link_second_end(const SentenceView& s, uint32_t end) {
  const std::string_view t = s.text;
  static constexpr std::string_view kWith = " với ", kAnd = " và ";
  uint32_t from = 0;
  if (normalize::fold(t.substr(end, kWith.size())) == kWith) {
    from = end + static_cast<uint32_t>(kWith.size());
  } else if (end + 2 < t.size() && t[end] == ',' && t[end + 1] == ' ') {
    const Ann* c = nullptr;
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Country && a.b == end + 2) c = &a;
    if (c && normalize::fold(t.substr(c->e, kAnd.size())) == kAnd) from = c->e + static_cast<uint32_t>(kAnd.size());
  }
  if (!from) return 0;
  uint32_t last = 0;
  int lower = 0;  // lower-case words in a row ('cảng', 'thủ đô')
  for (uint32_t i = from; i < t.size();) {
    const uint32_t we = word_end(t, i);
    if (we == i) break;
    const bool upper = upper_at(t, i);
    const uint32_t nx = we + 1;
    lower = upper ? 0 : lower + 1;
    if (lower > 2) break;
    if (upper) last = we;
    if (we >= t.size() || t[we] != ' ') break;
    i = nx;
  }
  return last;
}

}  // namespace

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
    uint32_t venue_end = 0;  // the end of the last work named as where something is done
    for (const Ann& kind : s.anns) {
      if (kind.type != AnnType::ProjectKind) continue;
      const bool after_and = kind.b >= 4 && normalize::fold(t.substr(kind.b - 4, 4)) == "và ";  // 'A và <kind> B'
      // 'dự án', 'công trình' alone name no kind of work ('dự án hợp tác Việt Nam - Lào').
      if (kind.label == "project" || kind.label == "work") continue;
      if (!works_near(kind)) continue;
      // 'hạ cánh xuống sân bay X', 'tại cảng Y', 'thăm trường Z': a work where something happens;
      // 'do Bệnh viện X tổ chức': the work's body acts.
      // ('từ một cảng biển ...', 'cho 5 trường ...': a determiner or a number may stand between;
      // 'tẩy độc sân bay A và sân bay B': the second is where it is done too.)
      {
        bool number_between = false;
        const Ann* v = cue_before(s, "venue", kind.b, 16);
        if (v)
          for (const Ann& a : s.anns)
            number_between = number_between || (a.type == AnnType::Quantity && a.b >= v->e && a.b < kind.b &&
                                                 words_between(s, v->e, a.b) == 0);
        if (v && (words_between(s, v->e, kind.b) == 0 ||
                  (words_between(s, v->e, kind.b) == 1 && (cue_before(s, "det", kind.b, 8) || number_between)))) {
          venue_end = kind.e;
          continue;
        }
        if (venue_end && kind.b > venue_end && words_between(s, venue_end, kind.b) <= 8 && after_and) continue;
      }
      // '..., Trưởng khoa ..., Bệnh viện X': the apposition names where someone works.
      if (kind.b >= 2 && t[kind.b - 2] == ',') {
        bool someone = false;
        for (const Ann& a : s.anns)
          someone = someone || ((a.type == AnnType::Person || a.type == AnnType::Office ||
                                 (a.type == AnnType::Cue && a.label == "member")) &&
                                a.e <= kind.b && words_between(s, a.e, kind.b) <= 14 &&
                                !has_char_between(s, a.e, kind.b - 2, ';'));
        if (someone) continue;
      }
      // 'nhà đầu tư Hàn Quốc xây nhà máy X', 'nhà thầu Trung Quốc thi công Y': a firm's
      // investment or contract, not the countries' cooperation.
      {
        bool firm = false;
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Cue && (a.label == "business" || a.label == "firm") &&
              (a.e <= kind.b ? words_between(s, a.e, kind.b) <= 12 : words_between(s, kind.e, a.b) <= 12))
            firm = true;
        // 'Tập đoàn VINCI (Pháp) ... tìm hiểu việc chuyển nhượng quyền khai thác dự án cao tốc X': a
        // company that opens the clause (or a part of it after a comma) is whose deal every work in it is.
        const uint32_t cs = clause_start(s, kind.b);
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Cue && a.label == "company" && a.e <= kind.b &&
              (words_between(s, cs, a.b) <= 1 || (a.b >= 2 && s.text[a.b - 2] == ',')) &&  // 'Về Tập đoàn X'
              !has_char_between(s, a.e, kind.b, ','))
            firm = true;
        if (firm) continue;
      }
      // 'Hải quân hai nước Mỹ và Nhật Bản sẽ cùng với chủ nhà Việt Nam hoàn thành trường X': a
      // work that a third country does with the pair is a multilateral one.
      {
        uint32_t from = clause_start(s, kind.b);
        for (uint32_t i = kind.b; i > from; --i)
          if (t[i - 1] == ',') {
            from = i;
            break;
          }
        bool third = false;
        for (const Ann& a : s.anns)
          third = third || (a.type == AnnType::Country && a.b >= from && a.e <= kind.b && a.code != ctx.dyad_a &&
                            a.code != ctx.dyad_b);
        if (third) continue;
      }
      // 'cử tri đề nghị cân nhắc vay vốn ... để xây dựng X': a proposal, not a project of the pair.
      if (const Ann* pr = cue_before(s, "proposal", kind.b, kind.b); pr && words_between(s, pr->e, kind.b) <= 20 &&
                                                                 !has_char_between(s, pr->e, kind.b, ';'))
        continue;
      // 'giữa Bệnh viện A và Bệnh viện B': the second party too.
      if (after_and)
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
        const bool named_for_pair = in_name.has(ctx.dyad_a) || in_name.has(ctx.dyad_b);
        coop = coop || named_for_pair;
        // A hospital or a school already at work ('Bệnh viện X phối hợp với chuyên gia Nhật Bản',
        // 'với sự hỗ trợ chuyên môn') is where experts help, not a work: it is the pair's only when
        // built, funded or equipped for the other side, or named for the pair.
        if (coop && !named_for_pair && (kind.label == "hospital" || kind.label == "school")) {
          bool funded = false;
          for (const Ann& a : s.anns)
            // ('hỗ trợ chuyên môn' is an aid word with nothing handed over: experts' help.)
            funded = funded || (((a.type == AnnType::Cue && a.label == "funds") ||
                                 (a.type == AnnType::Indicator && a.code == "aid" && !bare_help(s, a)) ||
                                 (a.type == AnnType::Action && a.label == "inaugurate") ||
                                 (a.type == AnnType::Action && (a.label == "aid" || a.label == "handover") && has_object(s, a))) &&
                                near(a, kind));
          if (!funded) continue;
        }
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
      // 'Trường Đảng ...', 'Bệnh viện Bộ ...': a body named after its kind.
      {
        uint32_t nx = kind.e;
        while (nx < t.size() && t[nx] == ' ') ++nx;
        bool body = false;
        for (const Ann& a : s.anns) body = body || (a.type == AnnType::Cue && a.label == "organization" && a.b == nx);
        if (body) continue;
      }
      // 'Phạm Trường Long': a kind inside a person's name.
      bool in_person = false;
      for (const Ann& a : s.anns)
        if (a.type == AnnType::Person && a.b <= kind.b && a.e >= kind.e) in_person = true;
      if (in_person) continue;
      // Right after a capitalised word that is no kind of its own, a kind is inside another name
      // ('Phạm Trường Long', 'Nông trường X'); a sentence's first word and a word closed by
      // punctuation prove nothing, nor a code with digits ('T1 Cảng hàng không ...').
      if (kind.b >= 2 && t[kind.b - 1] == ' ') {
        uint32_t w = kind.b - 1;
        while (w > 0 && t[w - 1] != ' ') --w;
        bool prev_kind = false;
        for (const Ann& a : s.anns)
          if ((a.type == AnnType::ProjectKind || a.type == AnnType::Cue) && a.e == kind.b - 1) prev_kind = true;
        const char last = t[kind.b - 2];
        const bool closed = last == ',' || last == ';' || last == ':' || last == '.' || last == ')';
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
      if (cue_before(s, "generic", kind.b, 3)) continue;
      // 'các dự án thủy điện': a kind of works, not one.
      if (const Ann* g = cue_before(s, "generic", kind.b, 16); g && words_between(s, g->e, kind.b) <= 2) continue;
      bool inside = false;
      for (const Project& p : out)
        if (p.line == s.line && kind.b + s.offset >= p.span.begin && kind.e + s.offset <= p.span.end) inside = true;
      if (inside) continue;

      // A proper name after the kind: capitalised words and numbers, ' - '
      // joins, and up to two lower-case words between capitals ('cầu Hữu nghị
      // Sông Hồng', 'Đài phát thanh tỉnh X'); 'tại', 'và', 'của' end it.
      struct Tok {
        uint32_t b, e;
        char kind;  // 'U' capital or digit, '-' join, 'l' lower, 's' stop word
      };
      std::vector<Tok> toks;
      for (uint32_t i = kind.e; i < t.size() && t[i] == ' ' && toks.size() < 24;) {
        const uint32_t w = i + 1;
        const uint32_t we = word_end(t, w);
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
      // 'cảng X 1, 2 và 3': trailing 'và N'
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
        // 'tuyến đường sắt từ A' without its 'đến ...', 'đường cao tốc nối A' without
        // its 'với ...': cut off before its other end.
        {
          const std::string d = " " + normalize::fold(t.substr(kind.e, end - kind.e)) + " ";
          if (d.find(" từ ") != std::string::npos && d.find(" đến ") == std::string::npos &&
              d.find(" tới ") == std::string::npos)
            continue;
          // (the other end may follow the name: 'nối thị trấn A | của nước X với tỉnh B')
          const std::string more =
              " " + normalize::fold(t.substr(kind.e, std::min<size_t>(t.size(), end + 60) - kind.e)) + " ";
          if (one_link_end(d) && more.find(" với ") == std::string::npos) continue;
        }
        // A description after a bare kind stops at words no name holds ('nhà máy sản xuất đạn dược và một ...').
        for (const char* w : {" và ", " bị ", " một ", " giữa "}) {
          const size_t at_w = t.substr(kind.e, end - kind.e).find(w);
          if (at_w != std::string_view::npos) end = kind.e + static_cast<uint32_t>(at_w);
        }
        // Cut inside a proper name ('tuyến đường sắt đô thị số 2 Ga | Trung Tâm - Ngoại Ô'): the
        // name runs on through capitalised words and dashes.
        if (cut && !at) {
          uint32_t i = end;
          while (i + 1 < t.size() && t[i] == ' ') {
            const uint32_t w = i + 1, we = word_end(t, w);
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
        // 'nhà máy của Công ty TNHH X': a company's plant.
        if (const Ann* org = cue_before(s, "firm", end, end - kind.e); org && org->b >= kind.e) continue;
        // A description names a work only with a name in it ('đường sắt kết nối thủ đô A với
        // cảng B'); 'nhà máy lọc dầu', 'đường sắt cao tốc' are kinds of works.
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
          // 'trường trung học phổ thông tại tỉnh X'.
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
      // 'đường cao tốc nối Thủ đô A, Việt Nam và Thủ đô B, Lào': a link names both its ends; a
      // name cut at the first end's country runs on through 'và' to the second.
      if (proper > 0) {
        if (one_link_end(" " + normalize::fold(t.substr(kind.e, end - kind.e)) + " ")) {
          const uint32_t second = link_second_end(s, end);
          if (!second) continue;  // one end only: the name is cut
          end = second;
        }
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
      // Status: the nearest status cue said of this work (or of its list), not of something else
      // in a long sentence ('hoàn thành việc xác định địa điểm ... công trình X' is about the site);
      // 'sẽ hoàn thành', 'dự kiến khánh thành': still planned.
      uint32_t best = UINT32_MAX;
      const Ann* said = nullptr;
      for (const Ann& a : s.anns) {
        if (a.type != AnnType::Cue || a.label.rfind("status:", 0) != 0) continue;
        // 'hoàn thành việc xác định địa điểm ...': a task done, not the work.
        if (a.label == "status:completed" && normalize::fold(s.text.substr(a.e, 8)).rfind(" việc ", 0) == 0) continue;
        // (a list of works shares the status said after it)
        const int words = a.b >= end ? words_between(s, end, a.b) : words_between(s, a.e, begin);
        if (words > (a.b >= end ? 25 : 12) && !(a.e <= begin && has_char_between(s, a.e, begin, ':'))) continue;
        const uint32_t dist = a.b >= end ? a.b - end : begin - std::min(begin, a.e);
        if (dist < best) {
          best = dist;
          said = &a;
        }
      }
      if (said) {
        p.status = said->label.substr(7);
        if (const Ann* pl = cue_before(s, "planned", said->b, 12); pl && words_between(s, pl->e, said->b) <= 1)
          p.status = "planned";
        // 'sớm đi vào hoạt động', 'hỗ trợ khai trương': the step is still ahead.
        if (const Ann* ny = cue_before(s, "not_yet", said->b, 12); ny && words_between(s, ny->e, said->b) <= 1)
          p.status = "planned";
      }
      p.countries = {ctx.dyad_a, ctx.dyad_b};
      p.line = s.line;
      p.span = {s.offset + begin, s.offset + end};
      out.push_back(std::move(p));
    }
  }
  std::vector<Project> uniq;
  std::vector<Syllables> uniq_syl;  // each kept name's syllables, made once
  for (Project& p : out) {
    bool dup = false;
    Syllables syl = name_syllables(p.name);
    for (const Syllables& u : uniq_syl)
      if (name_dice(syl, u) >= 0.8) dup = true;
    if (!dup) {
      uniq.push_back(std::move(p));
      uniq_syl.push_back(std::move(syl));
    }
  }
  return uniq;
}

}  // namespace mekong::extract
