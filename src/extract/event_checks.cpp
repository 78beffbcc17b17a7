#include "extract/event_checks.h"

#include <string>

#include "extract/util.h"
#include "normalize/normalize.h"

namespace mekong::extract {

// 'tiếp' (grammar 'bare': an action only with its guest after it) receives someone when an actor
// follows: a name, an office, a country, or a word that opens one ('đoàn', 'ngài', 'các').
bool has_guest(const SentenceView& s, const Ann& t) {
  bool bare = false;
  for (const Ann& a : s.anns)
    if (a.type == AnnType::Cue && a.label == "bare" && a.b == t.b && a.e == t.e) bare = true;
  if (!bare) return true;
  uint32_t next = t.e;
  while (next < s.text.size() && s.text[next] == ' ') ++next;
  if (next >= s.text.size() || next == t.e) return false;
  if (upper_at(s.text, next)) return true;
  for (const Ann& a : s.anns)
    if (a.b == next && (a.type == AnnType::Office || a.type == AnnType::Person || a.type == AnnType::Country ||
                        (a.type == AnnType::Cue && a.label == "guest")))
      return true;
  return false;
}

bool has_object(const SentenceView& s, const Ann& t) {
  for (const Ann& a : s.anns) {
    if (a.type == AnnType::Quantity) {
      const bool money = a.unit.size() == 3 && a.unit[0] >= 'A' && a.unit[0] <= 'Z';
      if (money) return true;
      // 'trao 500 suất quà', 'bàn giao 4 dự án'; not 'hai nước'
      // 'trao 500 suất quà', 'bàn giao 4 dự án'; not 'hai nước', not 'trao 5 văn kiện' (a signing)
      if (t.label == "handover" && a.unit == "count" && !a.noun.empty() && a.noun != "nước" && a.noun != "bên" &&
          a.noun.find("văn kiện") == std::string::npos && a.noun.find("văn bản") == std::string::npos &&
          a.noun.find("thỏa thuận") == std::string::npos && a.noun.find("hiệp định") == std::string::npos)
        return true;
    }
    if (a.type == AnnType::ProjectKind && a.label != "project" && a.label != "work" && t.label == "handover") {
      if (a.strong) return true;
      size_t next = a.e;
      while (next < s.text.size() && s.text[next] == ' ') ++next;
      if (next < s.text.size() && next > a.e && static_cast<unsigned char>(s.text[next]) >= 'A' &&
          static_cast<unsigned char>(s.text[next]) <= 'Z')
        return true;
    }
  }
  return false;
}

bool aimed_abroad(const SentenceView& s, const Ann& t) {
  // Said by someone: an actor stands before the verb in its clause, close
  // enough to be its subject ('Trung Quốc cáo buộc', not 'điều tra về cáo buộc').
  const uint32_t cs = clause_start(s, t.b);
  bool subject = false;
  for (const Ann& a : s.anns) {
    if (a.e > t.b || a.b < cs) continue;
    const bool actor = a.type == AnnType::Country || a.type == AnnType::Person || a.type == AnnType::Office ||
                       (a.type == AnnType::Cue && a.label == "both");
    if (actor) subject = words_between(s, a.e, t.b) <= 4 && !has_char_between(s, a.e, t.b, ',');
  }
  if (!subject) return false;
  // A note of protest is always addressed abroad: its addressee may stand anywhere in the sentence.
  if (t.code == "114") return true;
  // 'Nga bị phương Tây cáo buộc': in the passive the one named first is the target; left out.
  if (const Ann* pv = cue_before(s, "passive", t.b, 24); pv && pv->b >= cs) return false;
  const uint32_t ce = clause_end(s, t.e);
  for (const Ann& a : s.anns) {
    if (a.b < t.e || a.b > ce) continue;
    if (words_between(s, t.e, a.b) > 5 || has_char_between(s, t.e, a.b, ',')) break;
    if (a.type == AnnType::Country || ((a.type == AnnType::Person || a.type == AnnType::Office) && !a.country.empty()))
      return true;
  }
  return false;
}

bool signs_document(const SentenceView& s, const Ann& t) {
  const uint32_t ce = clause_end(s, t.e);
  for (const Ann& a : s.anns) {
    if (a.b < t.e || a.b > ce || words_between(s, t.e, a.b) > 12) continue;
    if (a.type == AnnType::AgreementKind) return true;
    if (a.type == AnnType::Cue && a.label == "document") return true;
  }
  return false;
}

// The checks an action word must pass to state an event of its own: not called
// off, denied, advised, guessed, generic, historical, a process, an eve, a
// meeting with people or firms, an invitation, a past or a thanked-for one.
bool states_event(const SentenceView& s, const Ann& t, bool sport) {
  // 'đã tiếp và hội đàm với B': receiving someone and holding talks with them is one meeting.
  if (t.label == "host") {
    bool conjoined = false;
    for (const Ann& o : s.anns)
      if (o.type == AnnType::Action && o.b > t.e && o.b - t.e <= 6 && o.label != "host" &&
          s.text.substr(t.e, o.b - t.e).find("v\xC3\xA0") != std::string_view::npos)
        conjoined = true;
    if (conjoined) return false;
  }
  // Aid and handovers need something handed over: money, goods, a work.
  if ((t.label == "aid" || t.label == "handover") && !has_object(s, t)) return false;
  // A signing is of a document between the sides ('ký Bản ghi nhớ', 'ký 4 văn kiện'),
  // not of a decree, a decision or a letter.
  if (t.label == "sign" && !signs_document(s, t)) return false;
  // Conflict words are common at home: the other side is named right after the verb
  // ('phản đối Trung Quốc', 'bác bỏ yêu sách của Trung Quốc', 'bắt giữ 5 ngư dân Việt Nam').
  if (t.label == "oppose" && !aimed_abroad(s, t)) return false;
  // Opening a work is aid only when the work was built or funded for the other side.
  if (t.label == "inaugurate" && !find_cue(s, "works", 0, static_cast<uint32_t>(s.text.size()))) return false;
  const uint32_t cs = clause_start(s, t.b), ce = clause_end(s, t.e);
  // 'các chuyến thăm', 'những cuộc hội đàm': generic, not one action.
  if (cue_before(s, "generic", t.b, 3)) return false;
  // Statements of intent are not events.
  if (const Ann* in = cue_before(s, "intent", t.b, t.b); in && in->b >= cs) return false;
  // 'nên tiến hành đàm phán', 'cần sớm gặp': advice or a need, not an event.
  if (const Ann* ad = cue_before(s, "advice", t.b, t.b); ad && ad->b >= cs && words_between(s, ad->e, t.b) <= 3)
    return false;
  // 'Ông Pahor đang có chuyến thăm ...': a subject named by a name the lexicon lacks, with
  // no office or country, may be of any country; its side cannot be told.
  if (const Ann* h = cue_before(s, "honorific", t.b, t.b);
      h && h->b >= cs && upper_at(s.text, h->e + 1) && words_between(s, h->e, t.b) <= 6) {
    bool known = false;
    for (const Ann& a : s.anns)
      known = known || (a.b >= h->b && a.e <= t.b &&
                        (a.type == AnnType::Person || a.type == AnnType::Office || a.type == AnnType::Country ||
                         a.type == AnnType::Place || a.type == AnnType::Mechanism));
    if (!known) return false;
  }
  // 'chưa trao trả', 'không gặp': an action denied is no event ('không chỉ' is 'not only').
  if (const Ann* ng = cue_before(s, "negation", t.b, 16); ng && ng->b >= cs && words_between(s, ng->e, t.b) <= 1 &&
                                                        !find_cue(s, "not_only", ng->b, t.b))
    return false;
  // 'ngay trước thềm chuyến thăm ...': the day named is the eve's, the visit is only referred to.
  if (const Ann* ev_cue = cue_before(s, "eve", t.b, 2); ev_cue && words_between(s, ev_cue->e, t.b) == 0) return false;
  // 'tiến triển trong đàm phán', 'tiến trình đàm phán': a process spoken of, not an act of the day.
  if (const Ann* tp = cue_before(s, "topic", t.b, 2); tp && words_between(s, tp->e, t.b) == 0) return false;
  // 'chuyến công du nước ngoài': a trip abroad names no country it visits.
  if (const Ann* ab = find_cue(s, "abroad", t.e, ce); ab && words_between(s, t.e, ab->b) <= 1) return false;
  // 'kỷ niệm 40 năm Ngày ký Hiệp ước ...': an anniversary of history, not an event of the day.
  if (const Ann* an = cue_before(s, "anniversary", t.b, t.b); an && words_between(s, an->e, t.b) <= 8) return false;
  // 'gặp gỡ doanh nghiệp', 'thăm cán bộ ... Tổng lãnh sự quán', 'bà con cộng đồng ... chào đón',
  // 'tiếp ông X, Chủ tịch ... Tập đoàn Y': people or a firm, not the other state.
  if (t.label == "meet" || t.label == "host" || t.label == "visit" || t.label == "congratulate") {
    bool people = false;
    for (const Ann& a : s.anns) {
      if (a.type != AnnType::Cue) continue;
      if (a.label == "nonstate" && a.b >= t.e && words_between(s, t.e, a.b) <= 3) people = true;
      if (a.label == "nonstate" && a.e <= t.b && words_between(s, a.e, t.b) <= 8 && t.label == "host") people = true;
      // 'du khách Trung Quốc thăm Hàn Quốc': tourists travel, states do not visit.
      if (a.label == "tourist" && a.e <= t.b && a.b >= cs && words_between(s, a.e, t.b) <= 4) people = true;
      if (a.label == "firm" && a.b >= t.e && words_between(s, t.e, a.b) <= 10 && t.label != "visit") people = true;
    }
    if (people) return false;
  }
  // 'mời Thủ tướng thăm Hàn Quốc': an invitation is not a visit ('nhận lời mời', 'theo lời
  // mời' are accepted ones, after which the visit is made).
  if (t.label == "visit") {
    bool invited = false;
    for (const Ann& a : s.anns) {
      if (a.e > t.b || words_between(s, a.e, t.b) > 10) continue;
      if (a.type == AnnType::Cue && a.label == "invitation") invited = true;
      // the action 'mời' itself, not an accepted invitation ('nhận lời mời')
      if (a.type == AnnType::Action && a.label == "invite" &&
          normalize::fold(s.text.substr(a.b, a.e - a.b)).find("nhận") == std::string::npos)
        invited = true;
      if (a.type == AnnType::Cue && a.label == "invite") invited = false;  // 'theo lời mời': accepted
    }
    if (invited) return false;
  }
  // 'Tập đoàn Damen vừa ký hợp đồng', 'các công ty ... đã ký': firms sign contracts, not the states.
  if (t.label == "sign")
    if (const Ann* f = cue_before(s, "firm", t.b, t.b); f && f->b >= cs && words_between(s, f->e, t.b) <= 10) return false;
  // 'trao nhiều văn kiện hợp tác': documents handed over at a signing, not aid.
  if (t.label == "handover") {
    bool documents = false;
    for (const Ann& a : s.anns)
      documents = documents || ((a.type == AnnType::AgreementKind || (a.type == AnnType::Cue && a.label == "document")) &&
                                a.b >= t.e && words_between(s, t.e, a.b) <= 2);
    if (documents) return false;
  }
  // 'cân nhắc việc trao trả', 'từng gặp', 'dưới thời Tổng thống X': considered or past, not done now.
  if (const Ann* pr = cue_before(s, "proposal", t.b, t.b); pr && pr->b >= cs && words_between(s, pr->e, t.b) <= 4) return false;
  if (const Ann* pa = cue_before(s, "past", t.b, t.b); pa && pa->b >= cs && words_between(s, pa->e, t.b) <= 3) return false;
  if (const Ann* pa = find_cue(s, "past", t.e, ce); pa && words_between(s, t.e, pa->b) <= 2) return false;
  // 'cảm ơn ... đã đón tiếp': a welcome thanked for is a past one referred to.
  if (const Ann* th = cue_before(s, "thanks", t.b, t.b); th && th->b >= cs && words_between(s, th->e, t.b) <= 25) return false;
  // 'các cuộc đàm phán', 'những chuyến thăm': generic.
  if (const Ann* g = cue_before(s, "generic", t.b, 16); g && words_between(s, g->e, t.b) <= 1) return false;
  // '... cuộc gặp ..., có thể diễn ra tại ...': speculation after the action too.
  if (const Ann* sp = find_cue(s, "speculate", t.e, ce); sp && words_between(s, t.e, sp->b) <= 12) return false;
  // 'nhiều khả năng sẽ gặp': speculation, not an announced event.
  if (const Ann* in = cue_before(s, "speculate", t.b, t.b); in && in->b >= cs && words_between(s, in->e, t.b) <= 6)
    return false;
  // A match between two teams is no diplomacy ('U20 Việt Nam tiếp New Zealand').
  if (sport) return false;
  // 'bị hoãn', 'hủy': an event called off.
  if (const Ann* c = find_cue(s, "cancel", t.e, ce); c && words_between(s, t.e, c->b) <= 15) return false;
  // 'hoãn cuộc hội đàm', 'hủy chuyến thăm': called off before it is named.
  if (const Ann* c = cue_before(s, "cancel", t.b, t.b); c && c->b >= cs && words_between(s, c->e, t.b) <= 2) return false;
  // 'tiếp' receives someone: an actor follows it; 'bước tiếp', 'bắn tiếp một tên lửa' go on doing.
  if (t.label == "meet" && !has_guest(s, t)) return false;
  if (const Ann* in = cue_before(s, "wish", t.b, t.b); in && in->b >= cs) return false;
  // A mechanism named after its action ('đồng chủ trì Kỳ họp') is that action's, not a second event.
  if (t.type == AnnType::Mechanism) {
    bool governed = false;
    for (const Ann& a : s.anns)
      if (a.type == AnnType::Action && a.e <= t.b && t.b - a.e <= 40) governed = true;
    if (governed) return false;
  }
  return true;
}

}  // namespace mekong::extract
