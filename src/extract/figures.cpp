// Figures: a quantity with an indicator cue before it in its clause (or a
// counted noun such as 'suất học bổng'), the period from the nearest time
// phrase that governs it, and a direction from the countries around it.
#include <algorithm>
#include <cstdlib>
#include <cmath>

#include "extract/relevance.h"
#include "extract/rules.h"
#include "extract/util.h"
#include "normalize/normalize.h"

namespace mekong::extract {

namespace {

// 'so với năm 2015': a date right after a comparison word is the base compared with; not one
// after another date or in the next clause ('... so với năm 2015; bốn tháng đầu năm 2017, ...').
bool comparison_base(const SentenceView& s, const Ann& date) {
  const Ann* c = cue_before(s, "compare", date.b, 14);
  if (!c || has_char_between(s, c->e, date.b, ';') || has_char_between(s, c->e, date.b, ',')) return false;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Date && a.b >= c->e && a.e <= date.b) return false;
  return true;
}

// The currency of the news this engine reads (Vietnamese pages).
constexpr std::string_view kHomeCurrency = "VND";

bool is_money(const std::string& unit) {
  return unit.size() == 3 && unit != "ton" && std::isupper(static_cast<unsigned char>(unit[0]));
}

// Another amount between the figure `q` and the date `d` (the date is that amount's).
bool amount_between(const SentenceView& s, const Ann& q, const Ann& d) {
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Quantity && &a != &q && a.b >= q.e && a.e <= d.b && (is_money(a.unit) || a.unit == "percent" ||
                                                                               (a.unit == "count" && a.noun == q.noun)))
      return true;
  return false;
}

// Indicator from the counted noun after a number.
std::string indicator_of_noun(const SentenceView& s, const Ann& q) {
  // The noun was resolved from the text; indicator cues that overlap it tell what it counts.
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Indicator && a.b >= q.b && a.b <= q.e + 2) return a.code;
  // '767 dự án' in a sentence about investment ('nhà đầu tư', 'tổng vốn đầu tư').
  if (q.noun == "dự án")
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Indicator && a.code.rfind("investment_", 0) == 0) return "investment_projects";
  return {};
}

bool is_person_noun(const std::string& noun) {
  return noun == "người" || noun == "lượt người" || noun == "em";
}

struct Dir {
  std::optional<std::string> from, to;
};

// Direction of a figure from the countries of its clause: a country after
// 'tại', 'vào', 'sang', 'cho' receives; one after 'của' or before the verb gives;
// a nationality right after a student noun is where students come from.
// Trade, investment, education, aid: a period said of one figure goes on to the next only
// within its family ('kim ngạch ... Trong đó, xuất khẩu ...').
std::string_view family(std::string_view indicator) {
  if (indicator == "trade_turnover" || indicator == "exports" || indicator == "imports") return "trade";
  if (indicator.rfind("investment", 0) == 0) return "investment";
  if (indicator == "students" || indicator == "scholarships") return "education";
  return indicator;
}

// A flow counts over a time: 'hiện' (now) gives it none.
bool is_flow(std::string_view indicator) { return family(indicator) == "trade"; }

// 'Việt Nam và Hà Lan', 'Việt Nam - Hà Lan': a country joined to the next one names a pair, no subject.
bool paired(const SentenceView& s, const Ann& c) {
  auto joins = [&](uint32_t from, uint32_t to) {
    const std::string between = normalize::fold(s.text.substr(from, to - from));
    return between == " và " || between == " - " || between == "-" || between == " – " || between == " với ";
  };
  const Ann* prev = nullptr;
  for (const Ann& b : s.anns) {
    if (b.type != AnnType::Country) continue;
    if (b.b >= c.e) return joins(c.e, b.b) || (prev && joins(prev->e, c.b));
    if (b.e <= c.b) prev = &b;
  }
  return prev && joins(prev->e, c.b);
}

Dir direction(const SentenceView& s, const Ann& q, const std::string& indicator, uint32_t cs, uint32_t ce,
              const DocContext& ctx) {
  Dir d;
  if (indicator == "trade_turnover") return d;
  std::optional<std::string> giver, receiver, nationality;
  // A transfer verb before the amount ('trao tặng', 'viện trợ', 'cung cấp cho'):
  // who stands before it gives, who stands after it receives.
  const Ann* verb = nullptr;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Action && (a.label == "handover" || a.label == "aid") && a.b >= cs && a.e <= q.b) verb = &a;
  for (const Ann& a : s.anns) {
    if (a.b < cs || a.e > ce) continue;
    std::string c;
    if (a.type == AnnType::Country) c = a.code;
    else if (a.type == AnnType::Place && !a.country.empty()) c = a.country;
    else if (a.type == AnnType::Person && !a.country.empty() && verb) c = a.country;
    else continue;
    if (verb && (indicator == "aid" || indicator == "scholarships")) {
      if (a.e <= verb->b) {
        if (!giver) giver = c;
      } else if (a.b >= verb->e && a.b < q.b) {
        if (!receiver) receiver = c;
      } else if (cue_before(s, "to", a.b, 2) && !receiver) {
        receiver = c;
      } else if (cue_before(s, "from", a.b, 24) && a.b > q.e) {
        giver = c;  // '... tài trợ 8,3 triệu USD từ Bộ Ngoại giao Hoa Kỳ'
      }
      continue;
    }
    if (a.type == AnnType::Person) continue;
    // 'nhập khẩu than từ Triều Tiên', 'đầu tư từ Nhật Bản': the country the flow comes from
    // (imports are turned round into the other side's exports below).
    if (cue_before(s, "from", a.b, 2) && indicator != "students") {
      if (indicator == "imports") receiver = c;
      else giver = c;
      continue;
    }
    // Before the amount the nearest says it ('FDI của Mỹ tại Trung Quốc ... , vốn FDI của Trung
    // Quốc vào Mỹ đạt 110 tỷ USD'); after it, the first.
    const bool before = a.b < q.b;
    if (cue_before(s, "to", a.b, 2)) {
      if (!receiver || before) receiver = c;
    } else if (cue_before(s, "of", a.b, 2)) {
      if (!giver || before) giver = c;
    } else if (indicator == "students" && a.b >= q.b && a.b <= q.e + 4) {
      nationality = c;
    } else if (indicator == "students") {
      // 'sinh viên Lào học tập tại ...' : a nationality right after the cue noun.
      bool after_cue = false;
      for (const Ann& i : s.anns)
        if (i.type == AnnType::Indicator && i.code == "students" && a.b >= i.e && a.b - i.e <= 2) after_cue = true;
      if (after_cue) nationality = c;
      else if (!giver && a.b < q.b) giver = c;
    } else if (!giver && a.b < q.b && !paired(s, a)) {
      giver = c;  // the subject: 'Việt Nam có 256 dự án ...', 'Mỹ đã cung cấp Ukraine 600 triệu USD'
    }
  }
  if (indicator == "students") {
    d.from = nationality ? nationality : giver;
    d.to = receiver;
  } else {
    d.from = giver;
    d.to = receiver;
  }
  auto other = [&](const std::string& c) -> std::optional<std::string> {
    if (c == ctx.dyad_a && !ctx.dyad_b.empty()) return ctx.dyad_b;
    if (c == ctx.dyad_b && !ctx.dyad_a.empty()) return ctx.dyad_a;
    return std::nullopt;
  };
  // 'Theo số liệu của Bộ Thương mại Mỹ, Nga đã đầu tư ... vào Mỹ': where it goes is said by a
  // word ('vào', 'sang', 'tại'); a giver that is also the receiver was only the first name.
  if (d.from && d.to && *d.from == *d.to) d.from.reset();
  if (d.from && !d.to) d.to = other(*d.from);
  if (d.to && !d.from) d.from = other(*d.to);
  return d;
}

// 'Nhật Bản với 42,4 tỷ USD, Singapore với 38,2 tỷ USD': a country opening
// the figure's own comma-separated part is the figure's subject.
const Ann* own_country(const SentenceView& s, const Ann& q) {
  // 'Qatar (790,5 triệu euro)': an amount in brackets right after a country is that country's.
  if (q.b >= 2 && s.text[q.b - 1] == '(')
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Country && a.e + 2 == q.b && s.text[a.e] == ' ') return &a;
  uint32_t from = q.b;
  while (from > 0 && s.text[from - 1] != ',' && s.text[from - 1] != ';' && s.text[from - 1] != ':') --from;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Country && a.b >= from && a.e <= q.b && words_between(s, a.e, q.b) <= 8) return &a;
  return nullptr;
}

}  // namespace

std::vector<Figure> find_figures(const std::vector<SentenceView>& sentences, const DocContext& ctx) {
  std::vector<Figure> out;
  // The indicator of the last money figure, for 'con số này đạt ...' in the next sentence of a paragraph.
  uint32_t prev_line = 0;
  std::string prev_money_indicator;
  Ties prev_ties;  // of the previous sentence of the same paragraph
  std::pair<std::string, std::string> para_period;  // the last period a figure of the paragraph named
  std::string para_family;                          // and that figure's indicator family
  uint32_t local_line = 0;                          // the paragraph that named a province's or a city's figure
  std::string_view local_family;                    // and its family
  uint32_t para_line = 0;
  size_t para_sentence = 0, sentence_no = 0;  // the sentence that named it, and this one
  std::string last_to;  // the last country after 'tại', 'vào', 'sang' in the paragraph
  uint32_t to_line = 0;
  int prev_age = 0;
  for (const SentenceView& s : sentences) {
    ++sentence_no;
    if (s.line != prev_line) {
      prev_money_indicator.clear();
      prev_ties = Ties{};
    }
    prev_line = s.line;
    const Ties ties = ties_in(s, 0, static_cast<uint32_t>(s.text.size()));
    const bool ties_empty = ties.countries.empty() && !ties.pair_ref;
    // 'giữa' right after an indicator ('kim ngạch ... giữa A và B'): the figure's parties. Found once
    // per sentence, not per amount.
    std::vector<const Ann*> parties;
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Cue && a.label == "between")
        for (const Ann& i : s.anns)
          if (i.type == AnnType::Indicator && i.e <= a.b && words_between(s, i.e, a.b) <= 3) {
            parties.push_back(&a);
            break;
          }
    if (s.line != to_line) last_to.clear();
    to_line = s.line;
    std::optional<size_t> level_idx;  // the last level figure of this sentence
    for (const Ann& q : s.anns) {
      if (q.type != AnnType::Quantity) continue;
      const uint32_t cs = clause_start(s, q.b), ce = clause_end(s, q.e);
      Figure f;
      f.value = q.value;
      f.unit = q.unit.empty() && !q.noun.empty() ? "count" : q.unit;
      f.approx = q.approx.empty() ? "exact" : q.approx;
      f.line = s.line;
      f.span = {s.offset + q.b, s.offset + q.e};
      f.measure = "level";
      if (f.unit.empty()) continue;
      if (f.unit == "percent") {
        const Ann* up = cue_before(s, "increase", q.b, 14);
        const Ann* down = cue_before(s, "decrease", q.b, 14);
        if (!up && !down) continue;  // a share, not a change
        f.measure = "change";
        if (down && (!up || down->b > up->b)) f.value = -std::fabs(f.value);
      }
      if (f.unit != "count" && f.unit != "percent" && !is_money(f.unit)) continue;
      // 'Phần Lan có 7 dự án đầu tư tại TPHCM', 'nhập khẩu từ Nga và Thành phố Hồ Chí Minh': a city's
      // or a province's trade and investment are not the country's (aid to a province is the pair's).
      if (is_money(f.unit) || f.unit == "count" || f.unit == "percent") {
        bool local = false;
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Place && a.b >= cs && a.e <= ce &&
              (cue_before(s, "to", a.b, 2) || cue_before(s, "at", a.b, 2) || cue_before(s, "from", a.b, 2)) &&
              (a.e <= q.b ? words_between(s, a.e, q.b) <= 12 : words_between(s, q.e, a.b) <= 8))
            local = true;
        bool given = false;
        for (const Ann& a : s.anns)
          given = given || (a.type == AnnType::Action && (a.label == "aid" || a.label == "handover"));
        if (local && !given) continue;
      }
      // '... có thể tăng lên 300 triệu USD trong cả năm, nếu ...': a figure on a condition.
      if (find_cue(s, "hypothetical", cs, ce)) continue;
      // 'Tập đoàn Creed đầu tư 200 triệu USD', 'quỹ 500 triệu USD': one firm's deal, not the countries'.
      if (const Ann* firm = cue_before(s, "firm", q.b, q.b); firm && firm->b >= cs && words_between(s, firm->e, q.b) <= 10)
        continue;
      // '19000 đ/kg': a price per unit, not a flow between countries.
      if (is_money(f.unit) && q.e < s.text.size() && s.text[q.e] == '/') continue;
      // 'xuất siêu sang Canada 3 tỷ USD', 'nợ dài hạn là ...': a balance, a firm's books, a
      // contract's worth — unless an indicator cue stands between it and the amount.
      if (const Ann* bal = cue_before(s, "notflow", q.b, q.b); bal && bal->b >= cs && words_between(s, bal->e, q.b) <= 12) {
        bool cue_after = false;
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Indicator && a.b > bal->e && a.e <= q.b) cue_after = true;
        if (!cue_after) continue;
      }
      // '370 triệu kíp (tương đương 520 triệu đồng)': one amount, the one stated first.
      if (cue_before(s, "equivalent", q.b, 12)) continue;
      // Targets and intentions are not figures ('phấn đấu đưa kim ngạch lên 20 tỷ USD').
      if (const Ann* tg = cue_before(s, "target", q.b, q.b); tg && tg->b >= cs) continue;
      if (const Ann* in = cue_before(s, "wish", q.b, q.b); in && in->b >= cs) continue;
      // 'hàng nghìn học viên', 'hàng chục dự án': an order of magnitude, not a number.
      if (normalize::fold(s.text.substr(q.b, q.e - q.b)).rfind("hàng ", 0) == 0) continue;
      // 'Về đầu tư trong nước, ... 140 dự án': the country's own investors.
      if (const Ann* dom = cue_before(s, "domestic", q.b, q.b); dom && dom->b >= cs) continue;

      // Indicator: the counted noun, else the nearest cue before in the clause
      // ('sinh viên ... là 14.050 người'); a count of other things is not a figure.
      std::string ind = f.unit == "count" ? indicator_of_noun(s, q) : std::string();
      const bool other_noun = f.unit == "count" && ind.empty() && !q.noun.empty() && !is_person_noun(q.noun);
      if (ind.empty() && !other_noun) {
        const Ann* best = nullptr;
        // A cue far back in a long clause is about something else ('tổng GDP lên đến ...').
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Indicator && a.e <= q.b && a.b >= cs && words_between(s, a.e, q.b) <= 12) best = &a;
        if (best) {
          const bool money_cue = best->label == "money";
          const bool count_cue = best->label == "count";
          if ((f.unit == "count" && !money_cue) || (is_money(f.unit) && !count_cue) || f.unit == "percent")
            ind = best->code;
        }
      }
      const Figure* last_level = level_idx ? &out[*level_idx] : nullptr;
      if (f.measure == "change" && ind.empty() && last_level) ind = last_level->indicator;
      if (ind.empty() && is_money(f.unit)) {  // '4 tỷ USD vốn ODA', '2 tỷ USD cho các dự án ODA': the cue just after
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Indicator && a.b >= q.e && a.label != "count" &&
              (words_between(s, q.e, a.b) <= 1 ||
               (words_between(s, q.e, a.b) <= 4 && find_cue(s, "for_whom", q.e, q.e + 5) &&  // '... cho các dự án ODA'
                !has_char_between(s, q.e, a.b, ',') && !amount_between(s, q, a)))) {
            ind = a.code;
            break;
          }
      }
      if (ind.empty() && is_money(f.unit) && !prev_money_indicator.empty()) ind = prev_money_indicator;
      if (ind.empty() && is_money(f.unit) && f.measure == "level") {  // 'trao tặng tỉnh X 370 triệu kíp'
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Action && (a.label == "handover" || a.label == "aid") && a.b >= cs && a.e <= q.b)
            ind = "aid";
      }
      if (ind.empty()) continue;
      if (ind == "investment_projects" && f.unit != "count") continue;
      if ((ind == "scholarships" || ind == "students") && f.unit != "count") continue;
      if ((ind == "trade_turnover" || ind == "investment_registered" || ind == "investment_disbursed" || ind == "aid" ||
           ind == "exports" || ind == "imports") &&
          f.unit == "count")
        continue;  // 'hàng trăm doanh nghiệp xuất khẩu': firms are no flow of goods
      // Investment between countries is counted in foreign money; an amount in the page's own
      // currency ('tổng vốn đầu tư 8.100 tỷ đồng') is one project's cost or domestic capital.
      if ((ind == "investment_registered" || ind == "investment_disbursed") && f.unit == kHomeCurrency) continue;
      // 'tặng 40 suất quà cho 40 sinh viên': recipients of something, not students abroad.
      if (ind == "students" && cue_before(s, "to", q.b, 2)) {
        bool cho = false;
        for (const Ann& a : s.anns) cho = cho || (a.type == AnnType::Cue && a.label == "venue" && a.e <= q.b && q.b - a.e <= 2);
        if (cho) continue;
      }
      if (ind == "students" && !q.noun.empty() && !is_person_noun(q.noun) && q.noun.find("sinh") == std::string::npos &&
          q.noun.find("viên") == std::string::npos)
        continue;
      f.indicator = ind;
      // 'sẽ đạt mốc 10 tỷ USD', '2.600 sinh viên ... sẽ đến': a figure still ahead (aid and
      // scholarships promised for a period are commitments, and stay).
      if (ind != "aid" && ind != "scholarships") {
        if (const Ann* pl = cue_before(s, "planned", q.b, q.b); pl && pl->b >= cs && words_between(s, pl->e, q.b) <= 8)
          continue;
        if (f.unit == "count")
          if (const Ann* pl = find_cue(s, "planned", q.e, ce); pl && words_between(s, q.e, pl->b) <= 6) continue;
      }

      // Period: the nearest time phrase before the figure in its sentence
      // (not the base of a comparison), else the level's for a change,
      // else the page's date for a stock stated as of now.
      const Ann* when = nullptr;
      for (const Ann& a : s.anns) {
        if (a.type != AnnType::Date || a.b >= q.b) continue;
        if (comparison_base(s, a)) continue;
        when = &a;
      }
      // 'Năm 2024, ...; hiện có khoảng 16.000 lưu học sinh': 'now' in the amount's own clause
      // beats a date of an earlier clause.
      if (when && when->e <= cs && find_cue(s, "now", cs, q.b)) when = nullptr;
      // 'từ 100 triệu USD năm 2008, đến nay đã có 18 dự án': 'đến nay' between a date and the amount
      // makes the amount a stock as of the page.
      if (when && when->e <= q.b && find_cue(s, "until_now", when->e, q.b)) when = nullptr;
      // 'giảm so với mức 74 tỷ USD của năm 2014': the base of a comparison has the date after it, or none.
      if (cue_before(s, "compare", q.b, 12)) {
        const Ann* base = nullptr;
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Date && a.b >= q.e && words_between(s, q.e, a.b) <= 3) {
            base = &a;
            break;
          }
        if (!base) continue;
        when = base;
      }
      // '2,7 tỷ USD năm 2016 và 1,37 tỷ USD trong 5 tháng đầu năm 2017': a date that belongs to an
      // earlier amount gives way to one right after this amount.
      if (when) {
        bool other_amount = false;
        for (const Ann& a : s.anns)
          other_amount = other_amount || (a.type == AnnType::Quantity && a.b < when->b && &a != &q &&
                                          (is_money(a.unit) || a.unit == "percent") &&
                                          words_between(s, a.e, when->b) <= 1);
        if (other_amount)
          for (const Ann& a : s.anns)
            if (a.type == AnnType::Date && a.b >= q.e && words_between(s, q.e, a.b) <= 3) {
              when = &a;
              break;
            }
      }
      if (!when) {  // '1.180 suất học bổng năm 2025': a year right after the counted thing
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Date && a.b >= q.e &&
              (words_between(s, q.e, a.b) <= 3 ||
               ((ind == "aid" || ind == "scholarships" || ind == "students") && a.b < ce &&
                words_between(s, q.e, a.b) <= 12 && !amount_between(s, q, a))) &&
              !comparison_base(s, a)) {  // '... 500.000 USD mà Chính phủ quyết định dành cho Cuba ngày 8/11'
            when = &a;  // '65 suất học bổng cho cán bộ, sinh viên Việt Nam trong năm 2025'
            break;
          }
      }
      if (f.measure == "change" && last_level && (!when || when->b < last_level->span.begin - s.offset)) {
        f.period_start = last_level->period_start;
        f.period_end = last_level->period_end;
      } else if (when && !when->period && cue_before(s, "from", when->b, 8) && ctx.ref.valid()) {
        // 'kể từ năm 2008, chương trình đã đưa ...': from that year until the page.
        f.period_start = when->range.start;
        f.period_end = ref_iso(ctx.ref, "month");
      } else if (when && (ind == "trade_turnover" || ind == "exports" || ind == "imports") && !when->period &&
                 when->range.precision == "month" && when->range.start == when->range.end &&
                 cue_before(s, "to_date", when->b, 16)) {
        // 'Tính hết tháng 3 năm nay, kim ngạch ... đạt': trade from January through that month.
        f.period_start = when->range.start.substr(0, 4) + "-01";
        f.period_end = when->range.end;
      } else if (when) {
        f.period_start = when->range.start;
        f.period_end = when->open_end ? (ctx.ref.valid() ? std::optional<std::string>(ref_iso(ctx.ref, "month"))
                                                         : std::nullopt)
                                      : std::optional<std::string>(when->range.end);
      } else if (!para_period.first.empty() && s.line == para_line && para_sentence + 1 == sentence_no &&
                 para_family == family(ind) && !find_cue(s, "now", 0, static_cast<uint32_t>(s.text.size()))) {
        // 'Năm 2024, kim ngạch ... đạt 134,6 tỷ USD. Trong đó, xuất khẩu ... đạt 119,5 tỷ USD': the
        // paragraph's period goes on until another is named.
        f.period_start = para_period.first;
        f.period_end = para_period.second;
        f.rule = "figure:paragraph-period";
      } else {
        // As of the page (or of the action that hands it over, filled in later): only a stock
        // the sentence says is current ('Hiện ... có', 'đến nay', 'lũy kế') or an amount handed
        // over; an amount with no time of its own is a deal, a price or a story's detail.
        bool handed = false;
        for (const Ann& a : s.anns)
          handed = handed || (a.type == AnnType::Action && (a.label == "handover" || a.label == "aid"));
        if (!handed && !find_cue(s, "now", 0, static_cast<uint32_t>(s.text.size()))) continue;
        // 'hiện ... kim ngạch hai chiều đạt 51 tỉ USD': trade is counted over a year or months; 'now'
        // does not say which.
        if (!handed && is_flow(ind)) {
          if (is_money(f.unit)) prev_money_indicator = ind;  // '..., đặc biệt chỉ trong quý 1 đã đạt 85 triệu USD'
          continue;
        }
        if (ctx.ref.valid()) f.period_start = f.period_end = ref_iso(ctx.ref, "month");
        f.rule = "figure:as-of-page";
      }
      // 'tăng gấp đôi ... lên 13 tỷ USD vào năm 2021': a period that starts after the page's year is
      // a target or a forecast, not a figure.
      if (when && !when->period && f.period_start == f.period_end && ctx.ref.valid() && !ctx.ref_weak &&
          f.period_start && f.period_start->size() >= 4 &&
          std::atoi(f.period_start->substr(0, 4).c_str()) > ctx.ref.year)
        continue;
      // 'kim ngạch thương mại song phương giữa Phúc Kiến và Việt Nam': a province's or a city's
      // trade, when the first party after 'giữa' is no country.
      // ('giữa năm 2016' is a time; 'giữa Moskva và Hà Nội' names the states by their capitals.)
      const Ann* gi = nullptr;
      for (const Ann* a : parties)
        if (a->e <= q.b && a->b >= cs) gi = a;
      // '... giữa Phúc Kiến và Việt Nam đạt 3,4 tỷ USD; Quý 1/2017 kim ngạch thương mại song phương đã
      // đạt 820 triệu USD': the paragraph goes on with the province's trade.
      if (!gi && local_line == s.line && local_family == family(ind)) continue;
      if (gi) {
        bool state_first = false, time = false;
        for (const Ann& a : s.anns) {
          time = time || (a.type == AnnType::Date && a.b <= gi->e + 1 && a.e > gi->b);
          if (a.b <= gi->e || a.b > gi->e + 1) continue;
          state_first = state_first || a.type == AnnType::Country || (a.type == AnnType::Place && a.strong) ||
                        (a.type == AnnType::Cue && (a.label == "pairref" || a.label == "both"));
        }
        if (!state_first && !time) {
          local_line = s.line;
          local_family = family(ind);
          continue;
        }
        // '... giữa Việt Nam và bang Hessen': a second party that is no country is a state's, a
        // province's or a city's part.
        if (state_first) {
          static constexpr std::string_view kAnd = " và ";
          const size_t and_at = s.text.substr(0, q.b).find(kAnd, gi->e);
          if (and_at != std::string_view::npos && words_between(s, gi->e, static_cast<uint32_t>(and_at)) <= 6) {
            const uint32_t second = static_cast<uint32_t>(and_at + kAnd.size());
            bool state_second = false;
            for (const Ann& a : s.anns)
              // ('và CH Czech', 'và nước Nga': a form of the state's name may stand before it.)
              state_second = state_second || (a.b >= second && words_between(s, second, a.b) <= 2 &&
                                              !has_char_between(s, second, a.b, ',') &&
                                              (a.type == AnnType::Country || (a.type == AnnType::Place && a.strong)));
            if (!state_second) {
              local_line = s.line;
              local_family = family(ind);
              continue;
            }
          }
        }
      }
      // 'Ước tính 8 tháng năm 2024, kim ngạch ... đạt 1,3 tỷ USD': an estimate from the clause's start.
      if (f.approx == "exact" && find_cue(s, "estimate", cs, q.b)) f.approx = "about";

      Dir d = direction(s, q, ind, cs, ce, ctx);
      // Imports are the other side's exports.
      if (ind == "imports") {
        std::swap(d.from, d.to);
        f.indicator = ind = "exports";
      }
      // The figure's pair: its own direction, else the article's; a country
      // outside the article's pair that opens the figure's part of a list
      // ('Nhật Bản với 42,4 tỷ USD') is the figure's own subject.
      std::string pa = ctx.dyad_a, pb = ctx.dyad_b;
      if (const Ann* own = own_country(s, q); own && own->code != pa && own->code != pb) {
        if (ind == "trade_turnover") continue;  // whose trade with whom is not said
        // 'cùng với Qatar (600 triệu euro)': another country's amount in a list; with whom is not said.
        if (q.b >= 1 && s.text[q.b - 1] == '(') continue;
        d.from = own->code;
        d.to = d.to && *d.to != own->code ? d.to : std::nullopt;
        // '... đầu tư tại Việt Nam. Singapore dẫn đầu với ...': the host named earlier in the paragraph.
        if (!d.to && !last_to.empty() && last_to != own->code) d.to = last_to;
        if (!d.to) continue;
      }
      if (d.from && d.to) {
        pa = *d.from;
        pb = *d.to;
      }
      // The sentence ties the figure to its pair; a sentence that names no
      // country reads its paragraph's previous sentence.
      if (!ties_pair(ties, pa, pb, ctx) && !(ties_empty && ties_pair(prev_ties, pa, pb, ctx)) &&
          !ties_one_of_pair(ties, pa, pb, ctx))
        continue;
      // The other side is named near the figure, in its clause or a few words around it, or the
      // figure is the pair's ('hai chiều', 'song phương'): a country far off in a long sentence
      // is about something else ('tỉnh đã thu hút 126 dự án FDI ...').
      {
        uint32_t nb = q.b, ne = q.e;
        for (int w = 0; nb > 0 && w < 30; --nb)
          if (s.text[nb - 1] == ' ') ++w;
        for (int w = 0; ne < std::min<uint32_t>(ce, static_cast<uint32_t>(s.text.size())) && w < 10; ++ne)
          if (s.text[ne] == ' ') ++w;
        const Ties near = ties_in(s, nb, ne);
        // A sentence that names no one speaks of what its paragraph was speaking of.
        // A short sentence that names the pair speaks of it throughout.
        const bool carried = (ties_empty && ties_pair(prev_ties, pa, pb, ctx)) ||
                             (words_between(s, 0, static_cast<uint32_t>(s.text.size())) <= 40 &&
                              ties_pair(ties, pa, pb, ctx));
        const bool a_ok = pa == "VNM" || near.has(pa) || near.pair_ref || carried;
        const bool b_ok = pb == "VNM" || near.has(pb) || near.pair_ref || carried;
        if (!a_ok || !b_ok) continue;
      }
      // One-way trade names both its ends ('xuất khẩu của Việt Nam sang Lào'); a
      // country's total exports are not a relation.
      if (ind == "exports" && !(d.from && d.to && ties.has(*d.from) && ties.has(*d.to))) continue;
      // A change stands beside its level ('đạt 1,2 tỷ USD, tăng 5%').
      if (f.measure == "change" && !last_level) continue;
      f.from = d.from;
      f.to = d.to;
      f.countries = {pa, pb};
      if (f.rule.empty()) f.rule = "figure";
      if (is_money(f.unit) && f.measure == "level") prev_money_indicator = ind;
      if (when && f.period_start) {
        para_period = {*f.period_start, f.period_end.value_or(*f.period_start)};
        para_family = family(f.indicator);
        para_line = s.line;
        para_sentence = sentence_no;
      }
      out.push_back(std::move(f));
      if (out.back().measure == "level") level_idx = out.size() - 1;
    }
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Country && cue_before(s, "to", a.b, 2)) last_to = a.code;
    // A sentence that names no one reads the last one that did, up to two sentences back;
    // only one that spoke of a figure ('... ĐH Leeds (Anh); ĐH Aalborg (Đan Mạch)': a list of
    // schools sets no pair for the school's own numbers after it).
    bool speaks_of_figure = false;
    for (const Ann& a : s.anns) speaks_of_figure = speaks_of_figure || a.type == AnnType::Indicator;
    if (!ties_empty && !speaks_of_figure) {
      prev_ties = Ties{};
      prev_age = 0;
    } else if (!ties_empty) {
      prev_ties = ties;
      prev_age = 0;
    } else if (++prev_age > 2) {
      prev_ties = Ties{};
    }
  }
  // The same figure stated twice is one figure.
  std::vector<Figure> uniq;
  for (Figure& f : out) {
    bool dup = false;
    for (const Figure& u : uniq)
      if (u.indicator == f.indicator && u.unit == f.unit && u.measure == f.measure && u.period_start == f.period_start &&
          u.period_end == f.period_end && std::fabs(u.value - f.value) <= 0.005 * std::fabs(u.value))
        dup = true;
    if (!dup) uniq.push_back(std::move(f));
  }
  return uniq;
}

}  // namespace mekong::extract
