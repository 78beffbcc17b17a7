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

}  // namespace mekong::extract
