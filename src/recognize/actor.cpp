#include "recognize/actor.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "normalize/normalize.h"

namespace mekong::recognize {

namespace {

enum class Gap { None, Comma, Joiner, At, Other };

// What separates two mentions: nothing, ',', 'kiêm' (holds both), 'tại'
// (posted in), or anything else.
Gap gap_between(std::string_view text, uint32_t b, uint32_t e) {
  if (e <= b) return Gap::None;
  std::string g = normalize::fold(text.substr(b, e - b));
  const size_t first = g.find_first_not_of(' ');
  if (first == std::string::npos) return Gap::None;
  g = g.substr(first, g.find_last_not_of(' ') - first + 1);
  if (g == ",") return Gap::Comma;
  if (g == "kiêm" || g == ", kiêm") return Gap::Joiner;
  if (g == "tại") return Gap::At;
  return Gap::Other;
}

bool is_cue(const Lexicon& lex, const Mention& m, std::string_view label) {
  return m.kind == Kind::Cue && lex.cues()[m.entry].label == label;
}

bool actor_cue(const Lexicon& lex, const Mention& m) {
  return is_cue(lex, m, "honorific") || is_cue(lex, m, "former") || is_cue(lex, m, "acting");
}

// Capitalised syllables right after `pos` (at least two), stopping at `limit`.
std::pair<uint32_t, uint32_t> capitalised_run(std::string_view text, uint32_t pos, uint32_t limit) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(std::min<size_t>(limit, text.size()));
  auto i = static_cast<int32_t>(pos);
  uint32_t begin = 0, end = 0;
  int syllables = 0;
  while (i < len) {
    // A space before each syllable; inside a name also a hyphen.
    int32_t j = i;
    UChar32 c;
    U8_NEXT(s, j, len, c);
    const bool hyphen = c == '-';
    if (!(c == ' ' || (syllables > 0 && hyphen))) break;
    if (j >= len) break;
    int32_t k = j;
    U8_NEXT(s, k, len, c);
    // 'Khăm-phăn': after a hyphen the syllable may be lower case.
    if (!(u_isupper(c) || u_istitle(c) || (hyphen && u_isalpha(c)))) break;
    while (k < len) {
      int32_t next = k;
      U8_NEXT(s, next, len, c);
      if (!(u_isalpha(c) || u_getCombiningClass(c) > 0)) break;
      k = next;
    }
    if (syllables == 0) begin = static_cast<uint32_t>(j);
    end = static_cast<uint32_t>(k);
    ++syllables;
    i = k;
  }
  if (syllables < 2) return {0, 0};
  return {begin, end};
}

}  // namespace

Actor ActorRef::to_actor(const Lexicon& lex) const {
  Actor a;
  if (!country.empty()) a.country = country;
  if (person) a.person = lex.persons()[*person].name;
  if (!role.empty()) a.role = role;
  return a;
}

ActorRef resolve_actor(const Lexicon& lex, std::span<const Mention> mentions, std::string_view text, const Date& at,
                       bool default_vietnam) {
  ActorRef ref;
  std::optional<uint32_t> person;
  std::vector<uint32_t> titles;  // into lex.titles()
  std::string country, posted_to, title_country;
  bool acting = false, needs_country = true;
  const Mention* prev = nullptr;
  for (const Mention& m : mentions) {
    const Gap gap = prev ? gap_between(text, prev->end, m.begin) : Gap::None;
    switch (m.kind) {
      case Kind::Person:
        if (!person) person = m.entry;
        break;
      case Kind::Title: {
        titles.push_back(m.entry);
        const Title& t = lex.titles()[m.entry];
        if (!t.needs_country) needs_country = false;
        if (title_country.empty()) title_country = t.country;
        if (prev && gap == Gap::None && is_cue(lex, *prev, "former")) ref.former = true;
        if (prev && gap == Gap::None && is_cue(lex, *prev, "acting")) acting = true;
        break;
      }
      case Kind::Country:
        if (gap == Gap::At && !titles.empty()) posted_to = lex.countries()[m.entry].code;
        else if (country.empty()) country = lex.countries()[m.entry].code;
        break;
      default:
        break;
    }
    prev = &m;
  }

  // The title as written: its offices joined in rank order.
  std::vector<uint32_t> offices;
  for (uint32_t t : titles)
    for (uint32_t o : lex.titles()[t].offices) offices.push_back(o);
  std::string written = offices.empty() ? std::string() : lex.join_roles(offices);
  if (acting && !written.empty()) written = "Quyền " + written;

  if (person) {
    ref.person = person;
    const Person& p = lex.persons()[*person];
    ref.country = p.country;
    if (auto held = lex.office_of(*person, at)) ref.role = held->role;
    else if (!ref.former) ref.role = written;
    return ref;
  }
  if (country.empty()) country = title_country;
  if (titles.empty()) {
    ref.country = country;
    return ref;
  }
  if (country.empty() && default_vietnam && !needs_country) country = "VNM";
  ref.country = country;
  if (ref.former || acting || country.empty()) {
    if (!ref.former) ref.role = written;
    return ref;
  }
  // The holder of the highest single-holder office named; a deputy office
  // alone gives a holder only when one person holds it that day.
  std::vector<uint32_t> order = offices;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Office& x = lex.offices()[a];
    const Office& y = lex.offices()[b];
    if (x.single != y.single) return x.single;
    return x.rank < y.rank;
  });
  for (uint32_t o : order) {
    auto h = lex.holder(o, country, at, posted_to);
    if (!h) continue;
    // Every office named must be held by that person that day.
    auto held = lex.office_of(*h, at);
    if (!held) continue;
    const bool all = std::all_of(offices.begin(), offices.end(), [&](uint32_t x) {
      return std::find(held->offices.begin(), held->offices.end(), x) != held->offices.end();
    });
    if (!all) continue;
    ref.person = h;
    ref.holder = true;
    ref.role = held->role;
    return ref;
  }
  ref.role = written;
  return ref;
}

std::vector<ActorPhrase> find_actors(const Lexicon& lex, std::span<const Mention> mentions, std::string_view text,
                                     const Date& at, bool default_vietnam) {
  std::vector<ActorPhrase> out;
  const size_t n = mentions.size();
  size_t i = 0;
  while (i < n) {
    const Mention& m0 = mentions[i];
    if (!(m0.kind == Kind::Title || m0.kind == Kind::Person || actor_cue(lex, m0))) {
      ++i;
      continue;
    }
    bool has_title = m0.kind == Kind::Title, has_person = m0.kind == Kind::Person, has_country = false;
    size_t j = i + 1;
    size_t last = i;  // last mention joined
    while (j < n) {
      const Mention& m = mentions[j];
      const Mention& p = mentions[last];
      if (m.begin == p.begin && m.end == p.end) {  // the same words as another kind
        last = j++;
        continue;
      }
      const Gap gap = gap_between(text, p.end, m.begin);
      bool join = false;
      switch (m.kind) {
        case Kind::Title:
          join = !has_person && !has_country &&
                 (gap == Gap::None || gap == Gap::Comma || gap == Gap::Joiner);
          if (join) has_title = true;
          break;
        case Kind::Country:
          join = has_title && !has_person && !(m.flags & kPair) &&
                 ((gap == Gap::None && !has_country) || gap == Gap::At);
          if (join) has_country = true;
          break;
        case Kind::Person:
          join = !has_person && (gap == Gap::None || (gap == Gap::Comma && is_cue(lex, p, "honorific")));
          if (join) has_person = true;
          break;
        case Kind::Cue:
          join = actor_cue(lex, m) && !has_person && (gap == Gap::None || gap == Gap::Comma);
          break;
        default:
          break;
      }
      if (!join) break;
      last = j++;
    }
    // Cue words left dangling at the end belong to whatever follows.
    size_t end = last;
    while (end > i && mentions[end].kind == Kind::Cue) --end;
    if (has_title || has_person) {
      ActorPhrase a;
      a.first = static_cast<uint32_t>(i);
      a.count = static_cast<uint32_t>(end - i + 1);
      a.begin = mentions[i].begin;
      a.end = mentions[end].end;
      a.actor = resolve_actor(lex, mentions.subspan(i, a.count), text, at, default_vietnam);
      if (!has_person) {
        const uint32_t limit = end + 1 < n ? mentions[end + 1].begin : static_cast<uint32_t>(text.size());
        auto [nb, ne] = capitalised_run(text, a.end, limit);
        a.name_begin = nb;
        a.name_end = ne;
      }
      out.push_back(a);
      i = end + 1;
    } else {
      i = j;
    }
  }
  return out;
}

}  // namespace mekong::recognize
