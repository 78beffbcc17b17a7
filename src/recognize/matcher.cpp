// One Hyperscan literal database for every lexicon phrase. The keys are
// plain literals in the matching form, so hs_compile_lit_multi is enough
// (fast to compile, no regex semantics) and the start of a match is its end
// minus the key's length (no SOM tracking needed).
#include "recognize/matcher.h"

#include <hs/hs.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <unordered_map>

#include "normalize/normalize.h"
#include "recognize/key.h"

namespace mekong::recognize {

namespace {

struct Target {
  Kind kind;
  uint32_t entry;
  uint32_t caps;
  bool pair_only;
  bool block;
};

// Per literal id, in one place so a hit touches one cache line.
struct Literal {
  uint32_t len;
  uint32_t first_target;  // into Impl::targets
  uint16_t targets;       // how many
  uint8_t edges;          // bit 0: first char alnum, bit 1: last char alnum
};

// A match at syllable boundaries, in key offsets. Distinct hits have
// distinct spans (a span of the key spells one literal).
struct Hit {
  uint32_t begin, end;
  uint32_t literal;
};

// A selected target (an index into Impl::targets), in original offsets.
struct Choice {
  uint32_t begin, end;
  uint32_t target;
  bool paired;
};

bool is_dash(UChar32 c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

// The text between two mentions is one dash with optional spaces.
bool dash_between(std::string_view text, uint32_t b, uint32_t e) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(b);
  int dashes = 0;
  while (i < static_cast<int32_t>(e)) {
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(e), c);
    if (is_dash(c)) ++dashes;
    else if (!(c == ' ' || c == 0xA0 || c == '\t' || c == 0x202F || c == 0x2009)) return false;
  }
  return dashes == 1;
}

std::atomic<uint64_t> next_matcher_id{1};

struct ScratchCache {
  struct Slot {
    uint64_t owner;
    hs_scratch_t* scratch;
  };
  std::vector<Slot> slots;
  ScratchCache() = default;
  ScratchCache(const ScratchCache&) = delete;
  ScratchCache& operator=(const ScratchCache&) = delete;
  ~ScratchCache() {
    for (const Slot& s : slots) hs_free_scratch(s.scratch);
  }
};

struct Buffers {
  normalize::Folded folded;
  std::string key;
  std::vector<detail::Jump> jumps;
  std::vector<Hit> hits;
  std::vector<Choice> chosen;
};

}  // namespace

struct Matcher::Impl {
  hs_database_t* db = nullptr;
  hs_scratch_t* proto = nullptr;
  std::vector<Literal> literals;
  std::vector<Target> targets;

  const uint64_t id = next_matcher_id.fetch_add(1);

  // Hyperscan scratch is per thread: each thread keeps its own for the last
  // few matchers it used (no lock on the hot path).
  hs_scratch_t* scratch() const {
    thread_local ScratchCache cache;
    for (const auto& slot : cache.slots)
      if (slot.owner == id) return slot.scratch;
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(proto, &s) != HS_SUCCESS) throw std::runtime_error("hyperscan: cannot allocate scratch");
    if (cache.slots.size() >= 8) {  // matchers long gone keep a slot until here
      hs_free_scratch(cache.slots.front().scratch);
      cache.slots.erase(cache.slots.begin());
    }
    cache.slots.push_back({id, s});
    return s;
  }

  ~Impl() {
    if (proto) hs_free_scratch(proto);
    if (db) hs_free_database(db);
  }
};

namespace {

struct ScanContext {
  const Literal* literals;
  std::string_view key;
  std::vector<Hit>* hits;
};

// Only the syllable-boundary test here: capitals and original offsets wait
// until selection, which needs them only for hits not inside a longer one.
int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
             void* p) {
  const auto& ctx = *static_cast<const ScanContext*>(p);
  const Literal& lit = ctx.literals[id];
  const auto end = static_cast<uint32_t>(to);
  const uint32_t begin = end - lit.len;
  // Whole syllables only: no letter or digit right outside the match.
  if ((lit.edges & 1) && detail::alnum_before(ctx.key, begin)) return 0;
  if ((lit.edges & 2) && detail::alnum_at(ctx.key, end)) return 0;
  ctx.hits->push_back({begin, end, id});
  return 0;
}

// Begin ascending, longest first. Hits arrive by end, so the few hits of a
// line are nearly in this order: insertion sort.
void sort_hits(std::vector<Hit>& v) {
  auto before = [](const Hit& x, const Hit& y) { return x.begin != y.begin ? x.begin < y.begin : x.end > y.end; };
  for (size_t i = 1; i < v.size(); ++i) {
    const Hit h = v[i];
    size_t j = i;
    for (; j > 0 && before(h, v[j - 1]); --j) v[j] = v[j - 1];
    v[j] = h;
  }
}

}  // namespace

Matcher::Matcher(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)), impl_(new Impl()) {
  const auto& patterns = lexicon_->patterns();
  // One literal per distinct key; a key may name several entries of several kinds.
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_key;
  std::vector<std::string_view> keys;
  for (uint32_t i = 0; i < patterns.size(); ++i) {
    auto [it, inserted] = by_key.try_emplace(patterns[i].key);
    if (inserted) keys.push_back(patterns[i].key);
    it->second.push_back(i);
  }
  const auto& cues = lexicon_->cues();
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> ids, flags;
  for (std::string_view key : keys) {
    const auto id = static_cast<unsigned>(ids.size());
    exprs.push_back(key.data());
    lens.push_back(key.size());
    ids.push_back(id);
    flags.push_back(0);
    Literal lit;
    lit.len = static_cast<uint32_t>(key.size());
    lit.edges = static_cast<uint8_t>((detail::alnum_at(key, 0) ? 1 : 0) | (detail::alnum_before(key, key.size()) ? 2 : 0));
    lit.first_target = static_cast<uint32_t>(impl_->targets.size());
    for (uint32_t p : by_key[key]) {
      const Pattern& pat = patterns[p];
      const bool block = pat.kind == Kind::Cue && cues[pat.entry].label == "block";
      impl_->targets.push_back({pat.kind, pat.entry, pat.caps, pat.pair_only, block});
    }
    lit.targets = static_cast<uint16_t>(impl_->targets.size() - lit.first_target);
    impl_->literals.push_back(lit);
  }
  if (exprs.empty()) return;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(), static_cast<unsigned>(exprs.size()),
                           HS_MODE_BLOCK, nullptr, &impl_->db, &err) != HS_SUCCESS) {
    std::string msg = std::string("hyperscan: ") + (err && err->message ? err->message : "compile failed");
    if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < keys.size())
      msg += " ('" + std::string(keys[static_cast<size_t>(err->expression)]) + "')";
    hs_free_compile_error(err);
    throw std::runtime_error(msg);
  }
  if (hs_alloc_scratch(impl_->db, &impl_->proto) != HS_SUCCESS)
    throw std::runtime_error("hyperscan: cannot allocate scratch");
}

// An aliasing shared_ptr with no owner: it never deletes the borrowed lexicon.
Matcher::Matcher(const Lexicon& lexicon) : Matcher(std::shared_ptr<const Lexicon>(std::shared_ptr<const Lexicon>(), &lexicon)) {}

Matcher::~Matcher() = default;

size_t Matcher::database_bytes() const {
  size_t n = 0;
  if (impl_->db) hs_database_size(impl_->db, &n);
  return n;
}

void Matcher::match(std::string_view text, std::vector<Mention>& out) const { scan(text, nullptr, out, false); }
void Matcher::match(std::string_view text, const normalize::Folded& folded, std::vector<Mention>& out) const {
  scan(text, &folded, out, false);
}
void Matcher::match_all(std::string_view text, std::vector<Mention>& out) const { scan(text, nullptr, out, true); }

void Matcher::scan(std::string_view text, const normalize::Folded* folded, std::vector<Mention>& out,
                   bool all) const {
  out.clear();
  if (!impl_->db || text.empty()) return;
  thread_local Buffers buf;
  if (!folded) {
    normalize::fold(text, buf.folded);
    folded = &buf.folded;
  }
  std::string_view key = folded->text;
  buf.jumps.clear();
  if (detail::needs_key(key)) {
    detail::build_key(folded->text, buf.key, &buf.jumps, false);
    key = buf.key;
  }
  buf.hits.clear();
  const ScanContext ctx{impl_->literals.data(), key, &buf.hits};
  const hs_error_t rc =
      hs_scan(impl_->db, key.data(), static_cast<unsigned>(key.size()), 0, impl_->scratch(), on_match,
              const_cast<ScanContext*>(&ctx));
  if (rc != HS_SUCCESS) throw std::runtime_error("hyperscan: scan failed");
  sort_hits(buf.hits);

  // The map from key to original offsets keeps order and never merges two
  // character boundaries, so comparing key offsets is comparing spans.
  const auto& to_orig = folded->to_orig;
  auto orig = [&](uint32_t key_pos) { return to_orig[detail::to_folded(buf.jumps, key_pos)]; };
  // Calls f(begin, end, target) for each target of `h` whose capitals the text keeps.
  auto each_target = [&](const Hit& h, auto&& f) {
    const Literal& lit = impl_->literals[h.literal];
    const uint32_t b = orig(h.begin);
    const uint32_t e = orig(h.end);
    bool any = false;
    for (uint32_t t = lit.first_target; t < lit.first_target + lit.targets; ++t) {
      const uint32_t caps = impl_->targets[t].caps;
      if (caps && !detail::caps_satisfied(text.substr(b, e - b), caps)) continue;
      f(b, e, t);
      any = true;
    }
    return any;
  };
  auto mention = [&](uint32_t b, uint32_t e, uint32_t target, uint8_t flags) {
    const Target& t = impl_->targets[target];
    return Mention{t.kind, t.entry, b, e, flags};
  };
  if (all) {
    for (const Hit& h : buf.hits)
      each_target(h, [&](uint32_t b, uint32_t e, uint32_t t) { out.push_back(mention(b, e, t, 0)); });
    return;
  }

  // Leftmost-longest; one phrase of several kinds gives one choice per kind.
  auto& chosen = buf.chosen;
  chosen.clear();
  uint32_t cursor = 0;  // key offset
  for (const Hit& h : buf.hits) {
    if (h.begin < cursor) continue;
    if (each_target(h, [&](uint32_t b, uint32_t e, uint32_t t) { chosen.push_back({b, e, t, false}); }))
      cursor = h.end;
  }

  // Countries joined by a dash name a pair ('Việt - Lào', 'Lào - Việt Nam').
  Choice* prev = nullptr;
  for (Choice& c : chosen) {
    const Target& t = impl_->targets[c.target];
    if (t.block) continue;
    if (t.kind != Kind::Country) continue;  // anything between two countries fails the dash test anyway
    if (prev && dash_between(text, prev->end, c.begin)) prev->paired = c.paired = true;
    prev = &c;
  }
  for (const Choice& c : chosen) {
    const Target& t = impl_->targets[c.target];
    if (t.block || (t.pair_only && !c.paired)) continue;
    out.push_back(mention(c.begin, c.end, c.target, c.paired ? kPair : 0));
  }
}

}  // namespace mekong::recognize
