#include "extract/relevance.h"

#include <algorithm>

#include "extract/util.h"
#include "normalize/normalize.h"

namespace mekong::extract {

bool Ties::has(const std::string& c) const {
  return !c.empty() && std::find(countries.begin(), countries.end(), c) != countries.end();
}

Ties ties_in(const SentenceView& s, uint32_t b, uint32_t e) {
  Ties t;
  auto add = [&](const std::string& c) {
    if (!c.empty() && !t.has(c)) t.countries.push_back(c);
  };
  for (const Ann& a : s.anns) {
    if (a.b < b || a.e > e) continue;
    switch (a.type) {
      case AnnType::Country:
        add(a.code);
        break;
      case AnnType::Person:
      case AnnType::Place:
        add(a.country);
        break;
      case AnnType::Office: {
        if (!a.country.empty()) {
          add(a.country);
          break;
        }
        // 'hai Thứ trưởng', 'hai Ngoại trưởng': one of each side.
        if (a.b >= 4 && normalize::fold(s.text.substr(a.b - 4, 4)) == "hai ") {
          t.pair_ref = true;
          break;
        }
        // A title and a foreign name the lexicon lacks is someone of either
        // side; a title alone (or with a Vietnamese name) is Vietnam's.
        // 'thủ tướng Đức': the office of the country named right after it.
        // 'Thủ tướng Anh Theresa May' read as one person with her country: the office is hers.
        bool country_next = false;
        for (const Ann& o : s.anns)
          if ((o.type == AnnType::Country && o.b >= a.e && o.b <= a.e + 1) ||
              (o.type == AnnType::Person && !o.country.empty() && o.b > a.e && words_between(s, a.e, o.b) <= 3 &&
               !has_char_between(s, a.e, o.b, ',')))
            country_next = true;
        if (country_next) break;
        if (unknown_foreign_name_after(s, a)) t.named_other = true;
        else t.home_office = true;
        break;
      }
      case AnnType::Mechanism:
        // A regional grouping or summit ties no pair; a generic two-country
        // mechanism ('Ủy ban liên Chính phủ') is the pair's own.
        if (!a.strong) break;
        if (a.countries.empty()) t.pair_ref = true;
        for (const auto& c : a.countries) add(c);
        break;
      case AnnType::Cue:
        if (a.label == "both" || a.label == "pairref") t.pair_ref = true;
        break;
      case AnnType::Indicator:
        if (a.strong) t.pair_ref = true;  // 'kim ngạch thương mại song phương'
        break;
      default:
        break;
    }
  }
  return t;
}

bool ties_pair(const Ties& t, const std::string& a, const std::string& b, const DocContext& ctx) {
  if (a.empty() || b.empty() || a == b) return false;
  const bool ha = t.has(a) || (a == "VNM" && t.home_office && t.has(b));
  const bool hb = t.has(b) || (b == "VNM" && t.home_office && t.has(a));
  if (ha && hb) return true;
  const bool is_pair = ctx.relational && ((a == ctx.dyad_a && b == ctx.dyad_b) || (a == ctx.dyad_b && b == ctx.dyad_a));
  if (!is_pair) return false;
  // 'hai bên', 'song phương': the article's pair, when the article is about it;
  // a named official the lexicon lacks, beside one country of the pair, is of the other.
  return t.pair_ref || (t.named_other && (ha || hb));
}

bool ties_one_of_pair(const Ties& t, const std::string& a, const std::string& b, const DocContext& ctx) {
  const bool is_pair = ctx.relational && ((a == ctx.dyad_a && b == ctx.dyad_b) || (a == ctx.dyad_b && b == ctx.dyad_a));
  if (!is_pair || !(t.has(a) || t.has(b))) return false;
  // Vietnamese news names Vietnam in its own affairs: the named one must be the other country.
  if (a == "VNM" && !t.has(b)) return false;
  if (b == "VNM" && !t.has(a)) return false;
  for (const auto& c : t.countries)
    if (c != a && c != b) return false;
  return true;
}

void find_relational(const std::vector<SentenceView>& sentences, DocContext& ctx) {
  ctx.relational = false;
  if (ctx.dyad_a.empty() || ctx.dyad_b.empty()) return;
  for (const SentenceView& s : sentences) {
    // Both names and something they do or share: an action, a mechanism, a
    // figure, a document ('Việt Nam thắng Lào 4-1' is a match, not relations).
    bool relation = false;
    for (const Ann& a : s.anns)
      relation = relation || a.type == AnnType::Action || a.type == AnnType::Mechanism ||
                 a.type == AnnType::Indicator || a.type == AnnType::AgreementKind;
    if (!relation) continue;
    const Ties t = ties_in(s, 0, static_cast<uint32_t>(s.text.size()));
    if (t.has(ctx.dyad_a) && t.has(ctx.dyad_b)) {
      ctx.relational = true;
      return;
    }
  }
}

}  // namespace mekong::extract
