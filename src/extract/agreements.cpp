// Agreements: a document word (lexicon) that opens a name. The name runs
// until punctuation, a verb that closes it, or the next document; a period
// phrase right after it ('giai đoạn 2021-2025') is its period.
#include <cstdlib>
#include <string>

#include "extract/names.h"
#include "extract/relevance.h"
#include "extract/rules.h"
#include "extract/util.h"
#include "normalize/normalize.h"

namespace mekong::extract {

namespace {

// Where a document stands, from what its clause says of it: the nearest word
// before its name ('đã ký', 'thực hiện', 'dự thảo') within the clause, else one
// right after it ('... có hiệu lực từ ...', '... được ký năm 2015').
std::optional<std::string> document_status(const SentenceView& s, uint32_t b, uint32_t e) {
  auto status_of = [&](const Ann& a) -> std::optional<std::string> {
    if (a.type == AnnType::Action && a.label == "sign") {
      // 'sẽ ký', 'dự kiến ký kết': not signed yet.
      if (const Ann* pl = cue_before(s, "planned", a.b, 24); pl && words_between(s, pl->e, a.b) <= 2) return "planned";
      // 'đàm phán ký kết', 'sớm trao đổi, ký kết gia hạn', 'chưa ký', 'cản trở hai nước ký': a
      // signing still sought, wished, denied or hindered has not happened.
      // ('hai bên đã nhất trí và ký kết': agreed and signed.)
      for (const char* label : {"doc_planned", "not_yet", "wish", "negation", "hinder"})
        if (const Ann* c = cue_before(s, label, a.b, 80);
            c && words_between(s, c->e, a.b) <= (std::string_view(label) == "hinder" ? 8 : 3) &&
                                                          !has_char_between(s, c->e, a.b, ';')) {
          const Ann* done = cue_before(s, "occurred", a.b, a.b);
          if (std::string_view(label) == "wish" && done && done->e <= c->b && words_between(s, done->e, c->b) <= 1)
            break;
          return "planned";
        }
      return "signed";
    }
    if (a.type != AnnType::Cue) return std::nullopt;
    if (a.label == "doc_planned") return "planned";
    if (a.label == "doc_in_force") {
      if (const Ann* pl = cue_before(s, "planned", a.b, 24); pl && words_between(s, pl->e, a.b) <= 2) return "signed";
      return "in_force";
    }
    if (a.label == "doc_implementing") return "implementing";
    if (a.label == "doc_completed") return "completed";
    return std::nullopt;
  };
  const uint32_t cs = clause_start(s, b), ce = clause_end(s, e);
  std::optional<std::string> before;
  for (const Ann& a : s.anns)
    if (a.e <= b && a.b >= cs && words_between(s, a.e, b) <= 12)
      if (auto st = status_of(a)) before = st;  // the nearest wins: anns come in text order
  if (before) return before;
  for (const Ann& a : s.anns)
    if (a.b >= e && a.b <= ce && words_between(s, e, a.b) <= 4)
      if (auto st = status_of(a)) return st;
  return std::nullopt;
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
  // 'hiệp định thương mại song phương': all in lower case and no country, a kind of document
  // spoken of, not one named.
  if (in_name.countries.empty()) {
    bool capital = false;
    for (uint32_t i = kind.b; i < end && !capital; ++i)
      capital = (i == kind.b || s.text[i - 1] == ' ') && upper_at(s.text, i);
    if (!capital) return false;
  }
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
  // 'Thỏa thuận hợp tác giữa tỉnh A và tỉnh B', '... kết nghĩa Lazio - Hà Nội': provinces' or cities'.
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Cue && a.label == "subnational" && a.b >= kind.b && a.e <= end) return false;
  // 'Liên minh Kinh tế Á - Âu (EAEU) ký Hiệp định ...': a grouping of many signs it with one side.
  {
    const uint32_t cs = clause_start(s, kind.b);
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Mechanism && !a.strong && a.b >= cs && a.e <= kind.b && words_between(s, a.e, kind.b) <= 8 &&
          !both_named)
        return false;
  }
  if (country_named) return true;
  if (!ties_pair(all, ctx.dyad_a, ctx.dyad_b, ctx)) return false;
  // A treaty named for a city ('Hiệp định Paris', 'Hiệp định Geneva') is the pair's only where
  // the sentence says the two sides signed it ('hai nước ... ký Hiệp định Geneva').
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Place && a.b >= kind.b && a.e <= end && !all.pair_ref) return false;
  // Otherwise only a document the sentence says is signed ('hai bên đã ký Bản ghi nhớ về ...');
  // one merely discussed by both sides may be a regional treaty ('thúc đẩy đàm phán RCEP').
  // or a cooperation document the two sides carry out ('hai bên thực hiện tốt Nghị định thư hợp tác ...').
  const bool cooperation = normalize::fold(s.text.substr(kind.b, end - kind.b)).find("hợp tác") != std::string::npos;
  if (cooperation && (all.pair_ref || (all.has(ctx.dyad_a) && all.has(ctx.dyad_b)))) return true;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Action && a.label == "sign" && a.e <= kind.b) return true;
  return false;
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
      // '... chiến lược,”': the writer's comma inside the closing quote is not the title's.
      for (std::string_view q : {std::string_view(",\xE2\x80\x9D"), std::string_view(",\"")})
        if (name.size() > q.size() && name.compare(name.size() - q.size(), q.size(), q) == 0)
          name.erase(name.size() - q.size(), 1);
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
      // 'biên bản ghi nhớ' alone, 'Kế hoạch hợp tác' alone: the kind word is no name.
      if (words_between(s, kind.e, end) == 0) continue;
      // 'hiệp định giữa Việt Nam và Nhật Bản' (in lower case) names only its parties; 'Hiệp định và thỏa thuận
      // của ...' is several documents: neither names one.
      {
        const std::string rest = normalize::fold(s.text.substr(kind.e, end - kind.e));
        const bool parties_next = find_cue(s, "between", kind.e, std::min<uint32_t>(end, kind.e + 8)) != nullptr;
        if (!upper_at(s.text, kind.b) && parties_next && rest.find(" về ") == std::string::npos) continue;
        if (rest.rfind(" và ", 0) == 0) continue;
      }
      // 'Trung tâm Nghiên cứu Chiến lược Nga', 'Viện Chiến lược': a capitalised kind a few
      // capitalised words after a body's head word is inside the body's name.
      // ('Trung tâm Đánh giá Ngân sách và Chiến lược Mỹ': up to six words, the first capitalised.)
      if (upper_at(s.text, kind.b))
        if (const Ann* org = cue_before(s, "organization", kind.b, 80);
            org && upper_at(s.text, org->b) && words_between(s, org->e, kind.b) <= 6 &&
            (org->e + 1 >= kind.b || upper_at(s.text, org->e + 1)) && !has_char_between(s, org->e, kind.b, ',') &&
            !has_char_between(s, org->e, kind.b, ';'))
          continue;
      if (normalize::fold(s.text.substr(kind.e, end - kind.e)) == " hợp tác") continue;
      // 'ký kết một hiệp ước hòa bình': one of a kind, not a named document.
      if (const Ann* d = cue_before(s, "det", kind.b, 6); d && words_between(s, d->e, kind.b) == 0 &&
                                                        normalize::fold(s.text.substr(d->b, d->e - d->b)) == "một")
        continue;
      // '... hợp đồng bán khí': a commercial contract between firms, not the states'.
      if (normalize::fold(name).find("hợp đồng") != std::string::npos) continue;
      // 'Chương trình giao lưu ... lần thứ 4': the n-th of a series of events, not a document; a
      // programme between the sides is one of cooperation or action ('Chương trình hành động hợp
      // tác ...'), not a brand's, an exchange's or one side's own.
      if (kind.code == "programme") {
        const std::string f = normalize::fold(name);
        if (f.find("lần thứ") != std::string::npos) continue;
        if (f.find("hợp tác") == std::string::npos && f.find("hành động") == std::string::npos) continue;
      }
      if (!names_a_document(s, *sentence_ties, kind, end, ctx)) continue;
      Agreement ag;
      ag.name = name;
      ag.kind = kind.code;
      if (period) {
        ag.period_start = period->start.substr(0, 4);
        ag.period_end = period->end.substr(0, 4);
      }
      ag.countries = {ctx.dyad_a, ctx.dyad_b};
      ag.status = document_status(s, kind.b, end);
      // 'đánh giá tình hình thực hiện Kế hoạch ... năm 2016' in 2017: a plan whose term is over is
      // completed, not being carried out.
      if (ag.status == std::optional<std::string>("implementing") && ag.period_end && ctx.ref.valid() &&
          std::atoi(ag.period_end->c_str()) < ctx.ref.year)
        ag.status = "completed";
      ag.line = s.line;
      ag.span = {s.offset + kind.b, s.offset + end};
      out.push_back(std::move(ag));
    }
  }
  // The same document named twice: keep the first statement, with the period
  // whichever statement gave one. Names differ in detail ('nước CHXHCN ...').
  std::vector<Agreement> uniq;
  std::vector<Syllables> uniq_syl;  // each kept name's syllables, made once
  for (Agreement& a : out) {
    Agreement* best = nullptr;
    double best_d = 0;
    Syllables syl = name_syllables(a.name);
    for (size_t k = 0; k < uniq.size(); ++k) {
      Agreement& u = uniq[k];
      const bool periods_agree = !a.period_start || !u.period_start || (a.period_start == u.period_start && a.period_end == u.period_end);
      // One name contains the other ('... giữa Bộ Ngoại giao nước CHXHCN Việt Nam ...' and '... Việt Nam ...'),
      // or they differ in a word or two; 'Bản ghi nhớ về hợp tác X' and '... Y' stay apart.
      const double d = name_dice(syl, uniq_syl[k]);
      const bool same = d >= 0.85 || name_contains(syl, uniq_syl[k]) || name_contains(uniq_syl[k], syl);
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
    uniq_syl.push_back(std::move(syl));
  }
  return uniq;
}

}  // namespace mekong::extract
