#include "extract/actors.h"

#include "extract/persons.h"
#include "extract/util.h"

namespace mekong::extract {

namespace {

// Only spaces, a comma and an honorific ('Đại sứ Nga, ông X') between the end of a group and a person.
bool adjacent(const SentenceView& s, uint32_t end, const Ann& person) {
  const Ann* h = find_cue(s, "honorific", end, person.b);
  for (uint32_t i = end; i < person.b; ++i) {
    if (h && i >= h->b && i < h->e) continue;
    if (s.text[i] != ' ' && s.text[i] != ',') return false;
  }
  return true;
}

// Only 'tại' (grammar.tsv 'at') between the end of an office and a country.
bool posted_to(const SentenceView& s, uint32_t end, const Ann& country) {
  const Ann* at = find_cue(s, "at", end, country.b);
  return at && words_between(s, end, at->b) == 0 && words_between(s, at->e, country.b) == 0;
}

}  // namespace

bool in_topic(const SentenceView& s, uint32_t pos) {
  const Ann* about = nullptr;
  for (const Ann& a : s.anns) {
    if (a.b >= pos) break;
    if (a.type == AnnType::Cue && a.label == "about") about = &a;
    if (about && a.type == AnnType::Action && a.b >= about->e) about = nullptr;  // a new action ends the topic
  }
  return about && !has_char_between(s, about->e, pos, ';');
}

std::vector<Group> actor_groups(const SentenceView& s) {
  std::vector<Group> out;
  Group cur;
  bool open = false;
  auto close = [&] {
    if (open) out.push_back(cur);
    open = false;
    cur = Group{};
  };
  for (const Ann& a : s.anns) {
    if (a.type == AnnType::Country && in_topic(s, a.b)) continue;
    const bool near = open && a.b >= cur.e && words_between(s, cur.e, a.b) <= 5 && !has_char_between(s, cur.e, a.b, ';') &&
                      !has_char_between(s, cur.e, a.b, '(');
    switch (a.type) {
      case AnnType::Office:
        // A second office right after the first belongs to the same person ('Tổng Bí thư, Chủ tịch nước').
        if (open && cur.actor.role && !cur.actor.person && !cur.bare_country && near && words_between(s, cur.e, a.b) <= 1) {
          cur.actor.role = *cur.actor.role + ", " + a.role;
          cur.e = a.e;
          if (!a.country.empty()) cur.actor.country = a.country;
          break;
        }
        close();
        open = true;
        cur.b = a.b;
        cur.e = a.e;
        cur.actor.role = a.role;
        if (!a.country.empty()) cur.actor.country = a.country;
        cur.named = unknown_foreign_name_after(s, a);
        cur.vague = !a.strong && a.country.empty();
        cur.former = cue_before(s, "former", a.b, 1) != nullptr;
        break;
      case AnnType::Country:
        // 'Đại sứ Lào tại Việt Nam': where an ambassador is posted, not whose.
        if (open && !cur.bare_country && !cur.actor.person && cur.actor.role && posted_to(s, cur.e, a)) {
          cur.e = a.e;
          break;
        }
        if (open && near && !cur.actor.person && !cur.bare_country && !cur.actor.country) {
          cur.actor.country = a.code;  // 'Thủ tướng (Chính phủ nước CHDCND) Lào'
          cur.e = a.e;
          cur.vague = false;
        } else {
          close();
          open = true;
          cur.b = a.b;
          cur.e = a.e;
          cur.actor.country = a.code;
          cur.bare_country = true;
        }
        break;
      case AnnType::Person:
        // A name the lexicon lacks is the office's right before it, not one a few words back.
        if (open && near && !cur.actor.person && !cur.bare_country && (!is_unknown_person(a) || adjacent(s, cur.e, a))) {
          if (is_unknown_person(a)) {
            cur.name_country = a.code;
            cur.unknown = true;
          }
          cur.actor.person = a.name;
          if (!a.country.empty()) cur.actor.country = a.country;
          if (!a.role.empty()) cur.actor.role = a.role;
          cur.international = a.label == "intl";
          if (cur.international) cur.actor.country.reset();
          cur.e = a.e;
          close();
        } else {
          close();
          cur.b = a.b;
          cur.e = a.e;
          cur.actor.person = a.name;
          if (!a.country.empty()) cur.actor.country = a.country;
          if (!a.role.empty()) cur.actor.role = a.role;
          cur.international = a.label == "intl";
          if (is_unknown_person(a)) {
            cur.name_country = a.code;
            cur.unknown = true;
          }
          open = true;
          close();
        }
        break;
      case AnnType::Cue:
        if (a.label == "both") {
          close();
          cur.b = a.b;
          cur.e = a.e;
          cur.plural = true;
          open = true;
          close();
        }
        break;
      default:
        break;
    }
  }
  close();
  // Apposition: 'Phan Văn Giang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng
  // Việt Nam đã hội đàm': the titles after a name are that person's.
  std::vector<Group> merged;
  for (Group& g : out) {
    if (!merged.empty()) {
      Group& p = merged.back();
      const bool office_only = !g.actor.person && !g.plural && !g.bare_country;
      // For a name the lexicon lacks, the office opens an item of the
      // apposition ('X, Bộ trưởng ...', not 'X, Đặc phái viên Tổng thống ...')
      // and says whose it is ('X, Chủ tịch Tiểu ban ...' chairs no state).
      const bool opens_item = !p.unknown || (!g.vague && s.text.substr(0, g.b).find_last_not_of(' ') ==
                                                            s.text.substr(0, g.b).rfind(','));
      if (p.actor.person && office_only && opens_item && g.b >= p.e && g.b - p.e <= 48 &&
          has_char_between(s, p.e, g.b, ',') && !has_char_between(s, p.e, g.b, ';')) {
        p.e = g.e;
        if (!p.actor.country && g.actor.country) p.actor.country = g.actor.country;
        if (!p.actor.role && g.actor.role) p.actor.role = g.actor.role;
        continue;
      }
    }
    merged.push_back(std::move(g));
  }
  for (Group& g : merged) {
    // 'Đặc phái viên của Thủ tướng Australia, bà X': the office is whom the envoy acts for; the
    // envoy keeps the country, not the office (nor the office holder's name).
    if (g.actor.role) {
      const Ann* of = cue_before(s, "of", g.b, 8);
      const Ann* envoy = of && words_between(s, of->e, g.b) == 0 ? cue_before(s, "envoy", of->b, 40) : nullptr;
      if (envoy && words_between(s, envoy->e, of->b) <= 1) {
        g.actor.role.reset();
        if (!g.unknown) g.actor.person.reset();
      }
    }
    // A person the lexicon lacks holds no office the text calls former ('cựu Thủ tướng X').
    if (g.unknown && g.former) g.actor.role.reset();
    // A name the lexicon lacks, with no country beside it, is of the country
    // its apposition or else its form gives (extract/persons.h).
    if (g.unknown && !g.actor.country && !g.name_country.empty()) g.actor.country = g.name_country;
  }
  return merged;
}

}  // namespace mekong::extract
