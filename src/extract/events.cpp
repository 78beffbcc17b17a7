// Events: an action word (lexicon/actions) with two countries' actors and a
// date. Who acts on whom comes from the order of actor phrases around the
// action ('A thăm B', 'nhận lời mời của A, B thăm C', 'A và B hội đàm',
// 'A tiếp B', 'chuyến thăm C của A'); a sentence without a date of its own
// inherits the occasion's date only when it says it belongs to it.
#include <algorithm>

#include <fmt/format.h>

#include "extract/actors.h"
#include "extract/event_checks.h"
#include "extract/persons.h"
#include "extract/relevance.h"
#include "normalize/normalize.h"
#include "extract/rules.h"
#include "extract/util.h"

namespace mekong::extract {

namespace {

bool is_visit(const Ann& t) { return t.label == "visit"; }

// 'chuyến thăm': the visit named as a noun.
bool starts_with_chuyen(std::string_view s) {
  constexpr std::string_view kChuyen = "chuy\xe1\xba\xbfn";  // 'chuyến'
  return s.size() >= kChuyen.size() && (s.substr(0, kChuyen.size()) == kChuyen ||
                                        (s[0] == 'C' && s.substr(1, kChuyen.size() - 1) == kChuyen.substr(1)));
}
bool is_mutual(const Ann& t) {
  return t.label == "meet" || t.label == "session" || t.label == "sign" || t.label == "call" || t.label == "consult" ||
         t.label == "negotiate";
}

std::string other_of(const DocContext& ctx, const std::string& c) {
  if (c == ctx.dyad_a) return ctx.dyad_b;
  if (c == ctx.dyad_b) return ctx.dyad_a;
  return {};
}

struct Pending {
  Event ev;
  bool has_own_date = false;
  bool occasion_ref = false;  // the sentence says it belongs to the occasion
  size_t order = 0;
  std::string trigger;  // the action's words, folded ('hội đàm')
};

// Within two months of the page: the article's days, not its history.
bool near_page(const DocContext& ctx, const DateRange& r) {
  if (!ctx.ref.valid()) return true;
  const int pub = ctx.ref.year * 12 + (ctx.ref.month ? ctx.ref.month - 1 : 6);
  return month_index(r.end, true) >= pub - 2 && month_index(r.start, false) <= pub + 2;
}

// Nothing but ',' and 'và' between two spans ('hội kiến B, hội kiến C và gặp D').
bool only_joins_between(const SentenceView& s, uint32_t b, uint32_t e) {
  std::string_view gap = s.text.substr(b, e > b ? e - b : 0);
  auto trim = [](std::string_view& g) {
    while (!g.empty() && (g.front() == ' ' || g.front() == ',')) g.remove_prefix(1);
    while (!g.empty() && (g.back() == ' ' || g.back() == ',')) g.remove_suffix(1);
  };
  trim(gap);
  return gap.empty() || gap == "v\xC3\xA0";  // 'và'
}

// The end of the capitalised words from `pos` (a name after a title).
uint32_t past_name(const SentenceView& s, uint32_t pos) {
  uint32_t i = pos;
  while (i + 1 < s.text.size() && s.text[i] == ' ' && upper_at(s.text, i + 1)) {
    ++i;
    while (i < s.text.size() && s.text[i] != ' ' && s.text[i] != ',' && s.text[i] != ';' && s.text[i] != '.') ++i;
  }
  return i;
}

// The lines (paragraphs) one of whose sentences says it belongs to the
// occasion ('Trong khuôn khổ chuyến thăm', 'Nhân dịp này'): every sentence of
// such a line does. One pass over the document (sentences come in line order).
std::vector<uint32_t> occasion_lines(const std::vector<SentenceView>& all) {
  std::vector<uint32_t> lines;
  for (const SentenceView& o : all)
    if ((lines.empty() || lines.back() != o.line) && find_cue(o, "occasion", 0, static_cast<uint32_t>(o.text.size())))
      lines.push_back(o.line);
  return lines;
}

std::optional<int> ordinal_near(const SentenceView& s, const Ann& mech) {
  // 'Kỳ họp lần thứ 46 Ủy ban ...' (before) or '... Việt Nam - Lào lần thứ 7' (after).
  if (mech.session) return mech.session;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Cue && a.label == "ordinal" && a.session &&
        ((a.e <= mech.b && mech.b - a.e <= 24) ||
         // '... cấp Bộ trưởng Ngoại giao Việt Nam - Lào lần thứ 7': words the lexicon did not list may come between
         (a.b >= mech.e && a.b - mech.e <= 80 && !has_char_between(s, mech.e, a.b, ',') &&
          !has_char_between(s, mech.e, a.b, ';'))))
      return a.session;
  return std::nullopt;
}

}  // namespace

void find_dyad(const std::vector<SentenceView>& sentences, DocContext& ctx) {
  // A page names a few countries: a short list beats a map of strings.
  std::vector<std::pair<int, std::string>> v;  // (-count, code)
  auto add = [&](const std::string& c, int n) {
    for (auto& [k, code] : v)
      if (code == c) {
        k -= n;
        return;
      }
    v.emplace_back(-n, c);
  };
  for (const auto& s : sentences)
    for (const Ann& a : s.anns) {
      if (a.type == AnnType::Country) add(a.code, 2);
      else if ((a.type == AnnType::Person || a.type == AnnType::Place || a.type == AnnType::Office) && !a.country.empty() &&
               !is_unknown_person(a))  // its country is named beside it, and counted there
        add(a.country, 1);
    }
  std::sort(v.begin(), v.end());
  if (v.size() >= 1) ctx.dyad_a = v[0].second;
  if (v.size() >= 2) ctx.dyad_b = v[1].second;
  find_relational(sentences, ctx);
  // Unqualified offices are Vietnam's in Vietnamese news: keep Vietnam in the pair.
}

std::vector<Event> find_events(const std::vector<SentenceView>& sentences, DocContext& ctx) {
  std::vector<Pending> found;
  size_t order = 0;
  std::optional<DateRange> last_day;  // the last day named before this sentence
  std::vector<uint32_t> occ_lines = occasion_lines(sentences);
  std::sort(occ_lines.begin(), occ_lines.end());
  for (const SentenceView& s : sentences) {
    std::optional<DateRange> this_last;  // the last day this sentence names
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Date && !a.period && a.range.precision == "day" &&
          day_key(a.range.end, true) - day_key(a.range.start, false) <= 40 && near_page(ctx, a.range))
        this_last = a.range;
    // The sentence's actors, read only once one of its actions passes the checks below.
    std::vector<Group> groups;
    bool grouped = false;
    // 'nhận lời mời của A': A hosts; accepting an invitation is not an event by itself.
    const Ann* invite = nullptr;
    for (const Ann& a : s.anns)
      if ((a.type == AnnType::Cue || a.type == AnnType::Action) && a.label == "invite") invite = &a;
    const bool occasion_ref = std::binary_search(occ_lines.begin(), occ_lines.end(), s.line);
    const Ties sentence_ties = ties_in(s, 0, static_cast<uint32_t>(s.text.size()));
    const bool sport = find_cue(s, "sport", 0, static_cast<uint32_t>(s.text.size())) != nullptr;

    const Group* prev_agent = nullptr;  // the actor of the sentence's last action
    uint32_t prev_action_end = 0;
    for (const Ann& t : s.anns) {
      const bool issued = t.type == AnnType::AgreementKind && t.code == "declaration" && cue_before(s, "issue", t.b, 2);
      if (t.type != AnnType::Action && !(t.type == AnnType::Mechanism && t.label == "meeting") && !issued) continue;
      if (t.label == "invite") continue;
      // A session of a mechanism of many ('Hội nghị Cấp cao ASEAN', '... ASEAN - Hàn Quốc') is no
      // pair's event; a meeting on its sidelines is told by a verb of its own.
      if (t.type == AnnType::Mechanism && t.countries.size() > 2) continue;
      if (!states_event(s, t, sport)) continue;
      const uint32_t cs = clause_start(s, t.b), ce = clause_end(s, t.e);

      if (!grouped) {
        groups = actor_groups(s);
        grouped = true;
      }
      Pending p;
      p.order = order++;
      Event& ev = p.ev;
      ev.cameo = t.type == AnnType::Mechanism ? std::string("040") : issued ? std::string("057") : t.code;
      // Money handed over is economic aid (071); works and goods stay 070.
      if ((t.label == "aid" || t.label == "handover") && ev.cameo.rfind("07", 0) == 0) {
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Quantity && a.b >= t.e && a.b < clause_end(s, t.e) && a.unit.size() == 3 &&
              a.unit[0] >= 'A' && a.unit[0] <= 'Z') {
            ev.cameo = "071";
            break;
          }
      }
      ev.line = s.line;
      ev.span = {s.offset + t.b, s.offset + t.e};
      ev.rule = t.type == AnnType::Mechanism ? "mechanism-session"
                : issued                        ? "declaration-issued"
                                                : fmt::format("action:{}", t.label);

      // Date: a date leading the clause ('Sáng 10-9, ... đã hội đàm') wins;
      // else the first date after the action ('thăm ... từ ngày 6-7/1').
      // Spans of weeks or years are anniversaries or periods, not the day of an action.
      const Ann* date = nullptr;
      const Ann* after = nullptr;
      for (const Ann& a : s.anns) {
        if (a.type != AnnType::Date || a.period) continue;
        if (cue_before(s, "compare", a.b, 12)) continue;  // '... so với cùng kỳ năm 2023'
        if (a.range.precision == "day" && day_key(a.range.end, true) - day_key(a.range.start, false) > 40) continue;
        if (a.e <= t.b && a.b >= cs) date = &a;
        else if (a.b >= t.e && !after) after = &a;
      }
      // '... hội kiến Tổng thống Mỹ kể từ khi ông Trump nhậm chức hồi tháng 1': a date past a 'since'
      // clause is that clause's ('thăm ... từ ngày 6-7/1' keeps its own days: 'từ' right before them).
      if (after)
        if (const Ann* since = find_cue(s, "from", t.e, after->b); since && words_between(s, since->e, after->b) >= 2)
          after = nullptr;
      // 'hồi tháng 6-2016' after the action is the action's own past time, whatever the sentence opens with.
      // Not when another clause comes between ('... kể từ khi ông nhậm chức hồi tháng 8').
      // ('hồi tháng 5/2016': the cue may share its last word with the date.)
      const Ann* when_cue = nullptr;
      if (after)
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Cue && a.label == "past_when" && a.b < after->b && after->b - a.b <= 16 &&
              a.e <= after->e)
            when_cue = &a;
      bool past_after = when_cue && words_between(s, t.e, when_cue->b) <= 7;
      if (!past_after) when_cue = nullptr;
      for (const Ann& a : s.anns)
        if (past_after && a.type == AnnType::Cue && (a.label == "from" || a.label == "namestop") && a.b > t.e &&
            a.e <= when_cue->b)
          past_after = false;
      // 'cáo buộc Nga can thiệp bầu cử năm 2016': a year after a conflict verb dates its object, not the act.
      if (t.label == "oppose" && after && after->range.precision == "year" && !past_after) after = nullptr;
      // 'chúc mừng ... nhân dịp Quốc khánh 3/7': a date after a message is the day it celebrates or mourns.
      if ((t.label == "congratulate" || t.label == "condole") && after && !past_after) after = nullptr;
      if (past_after) date = after;
      // 'chuyến thăm Tây Ban Nha năm 2009': a year close after the action, before the page's, is
      // the action's own (so history is told from news).
      if (after && after->range.precision == "year" && words_between(s, t.e, after->b) <= 4 && ctx.ref.valid() &&
          !ctx.ref_weak && month_index(after->range.end, true) < ctx.ref.year * 12 && t.label != "oppose")
        date = after;
      // 'Trump ngày 13/7 cho biết ông và Putin ... gặp nhau': the day leading the sentence is the
      // report's; the action it reports has no day of its own.
      bool reported = false;
      if (date && date->e <= t.b)
        for (const Ann& a : s.anns)
          reported = reported || (a.type == AnnType::Cue && a.label == "report" && a.b >= date->e && a.e <= t.b) ||
                     // 'Theo trang tin X ngày 6/2, cuộc gặp sẽ ...': the day of the source cited.
                     (a.type == AnnType::Cue && a.label == "attribution" && a.b <= cs + 1 && a.e <= date->b &&
                      !has_char_between(s, a.e, date->b, ','));
      if (reported) {
        date = nullptr;
        if (!after) continue;
      }
      // 'thăm ... Việt Nam từ ngày 19-22/3': the visit's own days beat the day the sentence opens with.
      if (is_visit(t) && after && after->range.precision == "day" && after->b - t.e <= 60) date = after;
      if (!date) date = after;
      // 'chuyến thăm' (the visit, as a noun) mostly refers back to the occasion:
      // it takes only a date that follows it closely ('chuyến thăm ... từ ngày 28-29/6').
      const bool noun_visit = is_visit(t) && starts_with_chuyen(s.text.substr(t.b));
      // 'chuyến thăm Việt Nam của cựu Tổng thống Obama năm 2016': a year after the visit's own
      // words is its time.
      if (noun_visit && !past_after && after &&
          (after->range.precision == "year" || after->range.precision == "month") &&
          words_between(s, t.e, after->b) <= (after->range.precision == "year" ? 10 : 14) &&
          !has_char_between(s, t.e, after->b, ',')) {
        // A visit recalled by its month ('... của Thủ tướng X (tháng 1/2017)', 'vào tháng 3 vừa
        // qua') is background to the news, not an event of it; its own news tells its days.
        if (after->range.precision == "month") continue;
        past_after = true;
        date = after;
      }
      if (noun_visit && !past_after) {
        // '(đã có) chuyến thăm ...' opening the sentence's statement keeps the sentence's day;
        // after another action ('hội kiến ... trước khi kết thúc chuyến thăm') it only refers back.
        bool after_other = false;
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Action && a.e <= t.b && a.b >= cs) after_other = true;
        const Ann* close_after = after && after->b - t.e <= 80 && after->range.precision == "day" ? after : nullptr;
        date = close_after ? close_after : after_other ? nullptr : (date && date->e <= t.b ? date : nullptr);
      }
      if (date) {
        ev.date = date->range;
        p.has_own_date = true;
      } else if (t.type == AnnType::Mechanism) {
        continue;  // a mechanism named without a date of its own is no meeting to report
      } else if (const Ann* same = find_cue(s, "sameday", cs, t.b)) {
        // 'Chiều cùng ngày', 'Nhân dịp này': the day last named. 'Sau hội đàm', 'Kết thúc kỳ họp':
        // the day of the action the cue names, when it was told ('Bên lề hội nghị, ngày 5/3, ...'
        // between the talks of 7/3 and 'Sau hội đàm' does not move it).
        const std::string cue_words = " " + normalize::fold(s.text.substr(same->b, same->e - same->b)) + " ";
        const Pending* named = nullptr;
        for (const Pending& o : found)
          if (o.has_own_date && !o.trigger.empty() && cue_words.find(" " + o.trigger + " ") != std::string::npos)
            named = &o;
        if (named) {
          ev.date = named->ev.date;
          p.has_own_date = true;
        } else if (last_day) {
          ev.date = *last_day;
          p.has_own_date = true;
        }
      }
      p.trigger = normalize::fold(s.text.substr(t.b, t.e - t.b));
      // A welcome is part of the visit it welcomes.
      p.occasion_ref = (occasion_ref || is_visit(t) || t.label == "host") && t.type != AnnType::Mechanism;

      // 'chào xã giao Thủ tướng X': a visit paid to a person is a meeting with them.
      bool call_on_person = false;
      if (is_visit(t) && !starts_with_chuyen(s.text.substr(t.b))) {
        for (const Group& g : groups)
          if (g.b >= t.e) {
            call_on_person = !g.bare_country && !g.plural && words_between(s, t.e, g.b) <= 1;
            break;
          }
        if (call_on_person) ev.cameo = "040";
      }
      const bool visit = is_visit(t) && !call_on_person;

      // Actors.
      const Group* agent = nullptr;
      const Group* patient = nullptr;
      const Group* inviter = nullptr;
      if (invite && invite->e <= t.b) {
        for (const Group& g : groups)
          if (g.b >= invite->e) {
            inviter = &g;
            break;
          }
        // 'A mời B sang thăm C': B, right after the verb, is the one invited; A invites.
        if (inviter && invite->type == AnnType::Action && words_between(s, invite->e, inviter->b) == 0) {
          const Group* before = nullptr;
          for (const Group& g : groups)
            if (g.e <= invite->b && g.b >= cs) before = &g;
          inviter = before;
        }
      }
      for (const Group& g : groups) {
        if (g.e > t.b) break;
        if (&g == inviter || g.b < cs) continue;
        if (g.bare_country && agent && !agent->bare_country) continue;  // 'đoàn ... Chính phủ Lào' after the agent
        agent = &g;
      }
      // 'A sẽ hội kiến B, hội kiến C và gặp D': B is the first action's object;
      // the later actions keep the first one's actor.
      if (agent && prev_agent && prev_action_end && agent->b >= prev_action_end && prev_agent->e <= prev_action_end &&
          only_joins_between(s, agent->named ? past_name(s, agent->e) : agent->e, t.b))
        agent = prev_agent;
      // 'A và B hội đàm', 'A cùng B đồng chủ trì': the earlier of two joined groups acts.
      if (agent && is_mutual(t)) {
        for (const Group& g : groups) {
          if (&g == agent || &g == inviter || g.e > agent->b || g.b < cs) continue;
          if (agent->b - g.e <= 8 && !g.bare_country) {
            patient = agent;
            agent = &g;
          }
        }
      }
      const Ann* dest = nullptr;  // the visited country or place
      for (const Ann& a : s.anns) {
        if (a.b < t.e) continue;
        if (a.type == AnnType::Cue && (a.label == "to" || a.label == "at" || a.label == "venue")) continue;  // 'thăm ... tới Ấn Độ'
        // ('thăm, làm việc tại Việt Nam': the comma joined to the verb counts as a word.)
        if ((a.type == AnnType::Country || a.type == AnnType::Place) && words_between(s, t.e, a.b) <= 4) dest = &a;
        break;
      }
      // 'chuyến đi thăm Mỹ của ...': the visit as a noun, with 'chuyến (đi)' just before the word.
      const bool noun_before = visit && t.b >= 2 &&
                               (starts_with_chuyen(s.text.substr(t.b >= 10 ? t.b - 10 : 0)) ||
                                normalize::fold(s.text.substr(t.b >= 14 ? t.b - 14 : 0, t.b >= 14 ? 14 : t.b)).find("chuyến") !=
                                    std::string::npos);
      // 'TS X đánh giá chuyến thăm này', 'Trung Quốc theo dõi chuyến đi thăm Mỹ của ...': who comments
      // on a visit is not its visitor.
      bool commentator = false;
      if (agent && visit)
        for (const Ann& a : s.anns)
          commentator = commentator || (a.type == AnnType::Cue && a.label == "report" && a.b >= agent->e && a.e <= t.b);
      if (commentator) agent = nullptr;
      if (!agent || visit || t.type == AnnType::Mechanism) {
        // 'chuyến thăm Việt Nam của Thủ tướng Lào ...': the actor comes after 'của'.
        // 'Lễ đón Chủ tịch Quốc hội Lào ...': who comes after a welcome is the guest, not the host.
        if ((!agent && t.label != "host") || starts_with_chuyen(s.text.substr(t.b)) || noun_before) {
          const std::string dc = !dest ? std::string() : dest->type == AnnType::Country ? dest->code : dest->country;
          for (const Group& g : groups)
            if (g.b >= t.e && !g.bare_country && (!dest || g.b != dest->b)) {
              // 'Chuyến thăm diễn ra theo lời mời của Tổng thống X': who invites is not the visitor.
              if (invite && invite->e <= g.b && invite->b >= t.e) break;
              // 'thăm Liên bang Nga và Cộng hòa Belarus': a second place visited, not the visitor.
              if (visit && dest && dest->e <= g.b && words_between(s, dest->e, g.b) <= 3 &&
                  normalize::fold(s.text.substr(dest->e, g.b - dest->e)).rfind(" và ", 0) == 0)
                break;
              // '... chuyến thăm Mỹ, Tổng thống Mỹ đã đón': one of the visited country receives, not visits.
              if (visit && !dc.empty() && g.actor.country == std::optional<std::string>(dc)) break;
              // 'Đoàn ... Campuchia do X dẫn đầu ... bắt đầu chuyến thăm Việt Nam, dự Hội nghị Chủ tịch ...':
              // with its visitor before it, a visit takes one after it only when 'của' names them.
              if (agent && agent->e <= t.b) {
                const Ann* of = cue_before(s, "of", g.b, g.b - t.e);
                if (!of || of->b < t.e || words_between(s, of->e, g.b) > 1) break;
              }
              agent = &g;
              break;
            }
        }
      }
      if (commentator && !agent) continue;  // the visitor is not in this sentence
      if (!patient) {
        for (const Group& g : groups)
          if (g.b >= t.e && &g != agent && !(dest && g.b == dest->b && visit)) {
            if (!visit) patient = &g;
            break;
          }
      }
      if (!patient && inviter) patient = inviter;
      // 'Ngay sau lễ đón, hai Thủ tướng ...': a welcome with no guest of its own refers back.
      if (t.label == "host" && !agent && (!patient || patient->plural)) continue;
      // 'gặp lại ông Tập ... ở Đức': one met, named by a name the lexicon lacks, is of a country
      // the sentence does not tell; the place after is only where.
      if (!visit) {
        bool unknown_guest = false;
        for (const Ann& h : s.anns)
          if (h.type == AnnType::Cue && h.label == "honorific" && h.b >= t.e && words_between(s, t.e, h.b) <= 2 &&
              upper_at(s.text, h.e + 1) && (!patient || patient->b > h.b)) {
            unknown_guest = true;
            for (const Ann& a : s.anns)
              if (a.b == h.e + 1 && a.type != AnnType::Cue) unknown_guest = false;
          }
        if (unknown_guest) continue;
      }
      // 'hội đàm với lãnh đạo tỉnh Xiengkhouang', 'trao tặng tỉnh X ...': a place after the action is the other side.
      const Ann* obj_place = nullptr;
      if (!patient && !visit) {
        for (const Ann& a : s.anns) {
          if (a.b < t.e || a.b > ce) continue;
          if (a.type == AnnType::Action) break;
          if ((a.type == AnnType::Place || a.type == AnnType::Country) && words_between(s, t.e, a.b) <= 8 &&
              !in_topic(s, a.b)) {
            obj_place = &a;
            break;
          }
        }
      }

      // One in an international post acts for the organisation, not for a country.
      if ((agent && agent->international) || (patient && patient->international)) continue;
      if (agent) ev.actor1 = agent->actor;
      if (patient) ev.actor2 = patient->actor;
      // 'X dự lễ đón ...', 'X được chào đón': who attends or is welcomed is the guest.
      if (t.label == "host" && agent && agent->e <= t.b) {
        const Ann* g = cue_before(s, "guest_side", t.b, 24);
        if (g && g->b >= agent->e && words_between(s, g->e, t.b) <= 1) {
          std::swap(ev.actor1, ev.actor2);
          if (!ev.actor1.country) ev.actor1.country = other_of(ctx, ev.actor2.country.value_or(""));
        }
      }
      else if (obj_place) ev.actor2.country = obj_place->type == AnnType::Country ? obj_place->code : obj_place->country;
      if (visit && dest) {
        const std::string dc = dest->type == AnnType::Country ? dest->code : dest->country;
        // 'A chào đón đoàn ... Campuchia sang thăm Việt Nam', A of Việt Nam: A receives;
        // the visitor is the one of another country between A and the visit.
        if (agent && agent->actor.country == std::optional<std::string>(dc)) {
          const Group* visitor = nullptr;
          for (const Group& g : groups)
            if (g.b >= agent->e && g.e <= t.b && g.actor.country && *g.actor.country != dc) visitor = &g;
          ev.actor2 = agent->actor;
          if (visitor) {
            ev.actor1 = visitor->actor;
          } else {
            ev.actor1 = Actor{};
            const std::string o = other_of(ctx, dc);
            if (!o.empty()) ev.actor1.country = o;
          }
        }
        // 'Bộ trưởng X thăm Việt Nam' with X unknown: the visitor comes from the other side.
        // 'Ông X thăm Nga' with X unknown and no office: from anywhere, so no event of the pair.
        // An office alone ('Chủ tịch nước sẽ thăm Nga và Belarus') is Vietnam's in Vietnamese news.
        if (agent && !agent->actor.person && !agent->actor.country && !agent->plural) {
          if (!agent->actor.role) continue;
          const std::string o = !agent->named && dc != "VNM" ? std::string("VNM") : other_of(ctx, dc);
          if (!o.empty()) ev.actor1.country = o;
        }
        if (!ev.actor2.country || (inviter && inviter->actor.country && *inviter->actor.country != dc)) {
          ev.actor2 = inviter && inviter->actor.country == std::optional<std::string>(dc) ? inviter->actor : Actor{};
          ev.actor2.country = dc;
        }
        ev.location = std::string(s.text.substr(dest->b, dest->e - dest->b));
      }
      // 'lễ đón chính thức theo nghi thức cao nhất của Nhà nước Nga', 'Lễ đón tàu được cử hành tại
      // cảng Tiên Sa': a welcome's host is whose ceremony it is, or where it is held.
      if (t.label == "host" && ev.actor1.country && ev.actor2.country) {
        std::string host;
        for (const Ann& a : s.anns) {
          if (a.b < t.e || a.b > ce || words_between(s, t.e, a.b) > 10) continue;
          if (a.type != AnnType::Country && a.type != AnnType::Place) continue;
          const Ann* of = cue_before(s, "of", a.b, 30);
          const Ann* at = cue_before(s, "at", a.b, 30);
          if ((of && of->b >= t.e && words_between(s, of->e, a.b) <= 2) ||
              (at && at->b >= t.e && words_between(s, at->e, a.b) <= 3)) {
            host = a.type == AnnType::Country ? a.code : a.country;
            break;
          }
        }
        if (!host.empty() && host == *ev.actor2.country) std::swap(ev.actor1, ev.actor2);
      }
      // 'Việt Nam nhận được 12 triệu USD viện trợ từ Mỹ': the one who receives stands first.
      if ((t.label == "aid" || t.label == "handover") && agent && agent->e <= t.b &&
          find_cue(s, "receive", agent->e, t.b)) {
        std::swap(ev.actor1, ev.actor2);
        if (!ev.actor1.country) {
          for (const Ann& a : s.anns)
            if (a.type == AnnType::Country && a.b >= t.e && cue_before(s, "from", a.b, 2)) {
              ev.actor1.country = a.code;
              break;
            }
        }
      }
      // Plural actors ('hai bên', 'hai Bộ trưởng') and unqualified offices.
      if (agent && agent->plural) {
        ev.actor1.country = ctx.dyad_a;
        if (!ev.actor2.country) ev.actor2.country = ctx.dyad_b;
      }
      // An office without a country is Vietnam's in Vietnamese news, when Vietnam is a party.
      const bool vnm_party = ctx.dyad_a == "VNM" || ctx.dyad_b == "VNM";
      const bool named1 = agent && agent->named && ev.actor1.role == agent->actor.role;
      const bool named2 = patient && patient->named && ev.actor2.role == patient->actor.role;
      if (vnm_party && ev.actor1.role && !ev.actor1.country && !ev.actor1.person && !named1) ev.actor1.country = "VNM";
      if (vnm_party && ev.actor2.role && !ev.actor2.country && !ev.actor2.person && !named2) ev.actor2.country = "VNM";
      if (!ev.actor1.country && ev.actor2.country) {
        // 'Chủ tịch nước sẽ thăm Nga và Belarus': an office alone before a visit abroad is Vietnam's.
        bool home_office = false;
        if (visit && *ev.actor2.country != "VNM")
          for (const Ann& a : s.anns)
            home_office = home_office || (a.type == AnnType::Office && a.country.empty() && a.b >= cs && a.e <= t.b &&
                                          !unknown_foreign_name_after(s, a));
        ev.actor1.country = home_office ? std::string("VNM") : other_of(ctx, *ev.actor2.country);
      }
      if (ev.actor1.country && (!ev.actor2.country || *ev.actor2.country == *ev.actor1.country)) {
        // 'Cán bộ Đại sứ quán Việt Nam chào đón Thủ tướng Nguyễn Xuân Phúc': both named, of one country.
        if (ev.actor2.country == ev.actor1.country && ev.actor2.person && ev.actor1.person.value_or("") != *ev.actor2.person)
          continue;
        if (ev.actor2.country == ev.actor1.country) ev.actor2 = Actor{};
        const std::string o = other_of(ctx, *ev.actor1.country);
        if (!o.empty()) ev.actor2.country = o;
      }
      if (!ev.actor1.country || !ev.actor2.country || ev.actor1.country->empty() || ev.actor2.country->empty() ||
          *ev.actor1.country == *ev.actor2.country)
        continue;
      // A foreign name the lexicon lacks with no country of its own: after an
      // office it is of the other side of the pair, never Vietnam's; after
      // just 'ông' it may be of anywhere, so the event's side is unknown.
      bool unknown_side = false;
      for (Actor* x : {&ev.actor1, &ev.actor2})
        for (const Group& g : groups)
          if (g.unknown && x->person && g.actor.person == x->person && !g.actor.country) {
            if (!g.actor.role) unknown_side = true;
            if (x->country == "VNM" || !g.actor.role) x->person.reset();
          }
      if (unknown_side) continue;
      // The sentence itself must tie the action to both countries (or to the
      // article's pair by 'hai bên'): a domestic action names one country.
      if (!ties_pair(sentence_ties, *ev.actor1.country, *ev.actor2.country, ctx)) continue;

      // Mechanism and its session.
      for (const Ann& a : s.anns) {
        if (a.type != AnnType::Mechanism) continue;
        const bool mine = t.type == AnnType::Mechanism ? &a == &t
                                                       : (a.b >= t.e && a.b - t.e <= 40 && t.label == "session") ||
                                                             (a.b >= t.e && a.b - t.e <= 8);
        if (!mine) continue;
        ev.mechanism = Mechanism{a.name, ordinal_near(s, a)};
        break;
      }
      if (!ev.location) {
        for (const Ann& a : s.anns)
          if (a.type == AnnType::Place && cue_before(s, "at", a.b, 2)) {
            ev.location = a.name;
            break;
          }
      }
      // Status: 'sẽ', 'dự kiến' before the action, or a date still ahead.
      ev.status = "occurred";
      // 'cuộc gặp sẽ được tổ chức': 'sẽ' right after the action named as a noun.
      if (const Ann* pl = find_cue(s, "planned", t.e, ce); pl && words_between(s, t.e, pl->b) == 0 && pl->b > t.e)
        ev.status = "planned";
      // 'thăm Nga tuần tới': a time still ahead right after the action.
      if (const Ann* fu = find_cue(s, "future", t.e, ce); fu && words_between(s, t.e, fu->b) <= 5) ev.status = "planned";
      // 'Chuyến công du tới Tunisia vào tháng Ba tới': the action's own date is said to be coming.
      if (date && date->coming && p.has_own_date && ev.date.start == date->range.start) ev.status = "planned";
      // The nearer of 'sẽ' and 'đã' before the action decides ('đã hoàn thành theo kế hoạch ... đã được bàn giao').
      if (const Ann* pl = cue_before(s, "planned", t.b, 400); pl && pl->b >= cs) {
        const Ann* done = cue_before(s, "occurred", t.b, 400);
        if (!done || done->b < pl->b) ev.status = "planned";
      }
      if (agent && t.type == AnnType::Action) {
        prev_agent = agent;
        prev_action_end = t.e;
      }
      // 'Trong cuộc điện đàm, hai bên ...': the call already told, with no day of its own,
      // is what the sentence speaks within, not a new event (its 'hai bên' are the call's).
      if (const Ann* in = cue_before(s, "within", t.b, 2); in && in->b <= cs + 1 && !p.has_own_date &&
          std::any_of(found.begin(), found.end(), [&](const Pending& o) { return o.ev.cameo == p.ev.cameo; }))
        continue;
      // 'Hai nhà lãnh đạo đã chứng kiến lễ ký ...': the two of the occasion, doing it together, do it then.
      if (agent && agent->plural && agent->e <= t.b && t.type != AnnType::Mechanism &&
          find_cue(s, "both_leaders", agent->b, agent->e))
        p.occasion_ref = true;
      found.push_back(std::move(p));
    }
    // A later span that contains the day last named ('từ ngày 22-24/7' after 'Ngày 23/7')
    // does not move 'cùng ngày' off that day.
    if (this_last && !(last_day && last_day->start == last_day->end && this_last->start != this_last->end &&
                       ranges_overlap(*last_day, *this_last)))
      last_day = this_last;
  }

  // History told as background: more than a year before the page; on a page
  // whose date is unknown (or only the crawl's), more than a year before the
  // latest day the article names.
  const bool ref_firm = ctx.ref.valid() && !ctx.ref_weak;
  int latest_day_month = 0;
  if (!ref_firm)
    for (const SentenceView& s : sentences)
      for (const Ann& a : s.anns)
        if (a.type == AnnType::Date && !a.period && a.range.precision == "day")
          latest_day_month = std::max(latest_day_month, month_index(a.range.end, true));
  auto history = [&](const DateRange& d) {
    if (ref_firm) {
      const int pub_m = ctx.ref.year * 12 + (ctx.ref.month ? ctx.ref.month - 1 : 11);
      return month_index(d.end, true) < pub_m - 12;
    }
    return latest_day_month && month_index(d.end, true) < latest_day_month - 12;
  };

  // The occasion: the first dated visit, else the first dated session; never a past one.
  std::optional<std::string> occasion_visitor;  // who makes the occasion's visit
  std::optional<std::string> occasion_host;     // and whom it visits
  for (int pass = 0; pass < 2 && !ctx.occasion; ++pass)
    for (const Pending& p : found)
      if (p.has_own_date && p.ev.date.precision == "day" && !history(p.ev.date) &&
          (pass == 1 ? p.ev.cameo.rfind("04", 0) == 0 : p.ev.cameo == "042")) {
        ctx.occasion = p.ev.date;
        ctx.occasion_status = p.ev.status;
        if (p.ev.cameo == "042") {
          occasion_visitor = p.ev.actor1.country;
          occasion_host = p.ev.actor2.country;
        }
        break;
      }

  std::vector<Event> out;
  const long pub_key = ctx.ref.valid() ? day_key(ref_iso(ctx.ref, "day"), true) : 0;
  for (Pending& p : found) {
    Event& ev = p.ev;
    if (!p.has_own_date) {
      if (!ctx.occasion || !p.occasion_ref) continue;
      // 'Tổng thống Trump sẽ tới Việt Nam dự APEC' in news of the Prime Minister's visit to the
      // US: a visit the other way is another trip, not the occasion.
      if (ev.cameo == "042" && occasion_visitor && ev.actor1.country != occasion_visitor) continue;
      ev.date = *ctx.occasion;
      // 'Trước khi tới Singapore, ... đã thăm Indonesia', 'kết thúc chuyến thăm Belarus' in news dated
      // by the next leg: another country visited is another leg of the trip, with days of its own;
      // only its month is known.
      if (ev.cameo == "042" && occasion_visitor && ev.actor2.country != occasion_host) {
        const std::string month = ctx.occasion->start.substr(0, 7);
        ev.date = DateRange{month, month, "month"};
      }
      if (ctx.occasion_status == "planned") ev.status = "planned";
    }
    if (ev.date.start.empty()) continue;
    if (history(ev.date)) continue;
    if (ctx.ref.valid() && ev.date.precision == "day" && ctx.ref.day && day_key(ev.date.start, false) > pub_key)
      ev.status = "planned";
    // 'vào tháng Ba tới', 'cuối năm nay' on a page of June: a month still ahead is planned.
    if (ctx.ref.valid() && ctx.ref.month && ev.date.precision == "month" &&
        month_index(ev.date.start, false) > ctx.ref.year * 12 + (ctx.ref.month - 1))
      ev.status = "planned";
    // One event per action: the same code, countries and overlapping dates.
    bool dup = false;
    for (Event& o : out) {
      const bool same_pair = (o.actor1.country == ev.actor1.country && o.actor2.country == ev.actor2.country) ||
                             (o.actor1.country == ev.actor2.country && o.actor2.country == ev.actor1.country);
      // Two meetings the same day with different people are two events.
      auto clash = [](const Actor& x, const Actor& y) { return x.person && y.person && !same_person(*x.person, *y.person); };
      const bool straight = o.actor1.country == ev.actor1.country;
      const bool persons_clash = straight ? clash(o.actor1, ev.actor1) || clash(o.actor2, ev.actor2)
                                          : clash(o.actor1, ev.actor2) || clash(o.actor2, ev.actor1);
      // Sessions of two different mechanisms are two events.
      const bool mechanisms_clash = o.mechanism && ev.mechanism && o.mechanism->name != ev.mechanism->name;
      // 'hội kiến Tổng thống X, gặp Phó Tổng thống Y': unnamed people of different offices are different people.
      auto role_clash = [](const Actor& x, const Actor& y) { return x.role && y.role && *x.role != *y.role; };
      const bool roles_clash = straight ? role_clash(o.actor2, ev.actor2) : role_clash(o.actor2, ev.actor1);
      if (o.cameo == ev.cameo && same_pair && ranges_overlap(o.date, ev.date) && !persons_clash && !mechanisms_clash &&
          !roles_clash) {
        if (o.mechanism && ev.mechanism && !o.mechanism->session) o.mechanism->session = ev.mechanism->session;
        if (!o.actor1.person && ev.actor1.person && o.actor1.country == ev.actor1.country) o.actor1 = ev.actor1;
        if (!o.actor2.person && ev.actor2.person && o.actor2.country == ev.actor2.country) o.actor2 = ev.actor2;
        if (!o.location) o.location = ev.location;
        dup = true;
        break;
      }
    }
    if (!dup) out.push_back(std::move(ev));
  }
  return out;
}

}  // namespace mekong::extract
