#include "resolve/words.h"

#include <fstream>
#include <iterator>
#include <mutex>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

namespace mekong::resolve::detail {

extern const unsigned char kWordsTsv[];
extern const size_t kWordsTsvSize;

namespace {

// Section names of lexicon/numbers.tsv, in the order of enum K.
constexpr std::array<std::string_view, static_cast<size_t>(K::Count_)> kKindNames = {
    "digit", "digit_after", "ten", "tens", "zero_tens", "scale", "vague", "decimal_word",
    "approx", "currency", "currency_prefix", "percent", "measure", "noun", "nonnoun",
    "ordinal_marker", "roman_marker", "ordinal_word",
    "day_word", "month_word", "year_word", "quarter_word", "week_word", "from", "to", "and", "until_now",
    "daypart", "weekday", "rel_day", "rel_week", "rel_month", "rel_year", "ago", "ago_head", "plural",
    "year_part", "month_part", "first_last", "month_name", "span_cue", "decade_cue", "dir_after", "at"};

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A letter or a mark that continues a word; `len` gets the byte length.
bool letter_at(std::string_view s, size_t pos, size_t& len) {
  const auto c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    len = 1;
    return is_ascii_alpha(c);
  }
  int32_t i = static_cast<int32_t>(pos);
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), cp);
  len = static_cast<size_t>(i) - pos;
  if (cp < 0) return false;
  // Vietnamese letters (Latin-1 and Latin Extended-A/B, Latin Extended Additional)
  // without asking ICU; everything else by its Unicode properties.
  if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF)) return true;
  const int8_t type = u_charType(cp);
  return u_isalpha(cp) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}


std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t p = line.find(sep, start);
    out.push_back(line.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

double number_of(std::string_view s) {
  double v = 0;
  if (s.empty()) return 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return 0;
  return v;
}

}  // namespace

bool upper_at(std::string_view orig, uint32_t at) {
  if (at >= orig.size()) return false;
  const auto c = static_cast<unsigned char>(orig[at]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  int32_t i = static_cast<int32_t>(at);
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(orig.data()), i, static_cast<int32_t>(orig.size()), cp);
  return cp >= 0 && (u_isupper(cp) || u_istitle(cp));
}

void tokenize(std::string_view orig, const normalize::Folded& f, std::vector<Token>& out, const Words* words) {
  out.clear();
  const std::string_view s = f.text;
  size_t pos = 0;
  bool space = true;
  while (pos < s.size()) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (is_space(c)) {
      space = true;
      ++pos;
      continue;
    }
    Token t;
    t.b = static_cast<uint32_t>(pos);
    t.space = space;
    space = false;
    size_t len = 0;
    if (is_digit(c)) {
      t.kind = Tk::Num;
      while (pos < s.size() && is_digit(static_cast<unsigned char>(s[pos]))) ++pos;
    } else if (letter_at(s, pos, len)) {
      t.kind = Tk::Word;
      pos += len;
      while (pos < s.size() && !is_digit(static_cast<unsigned char>(s[pos])) && letter_at(s, pos, len)) pos += len;
    } else {
      t.kind = Tk::Punct;
      pos += std::max<size_t>(len, 1);
    }
    t.e = static_cast<uint32_t>(pos);
    if (t.kind == Tk::Word && !orig.empty()) t.upper = upper_at(orig, f.to_orig[t.b]);
    if (words) t.id = words->id_of(s.substr(t.b, t.e - t.b));
    out.push_back(t);
  }
}

void Tokens::run(std::string_view text) {
  orig = text;
  normalize::fold(text, folded);
  tokenize(text, folded, toks, &Words::get());
}

namespace {
struct Cache {
  Tokens tokens;
  std::string last;
  bool filled = false;
};
Cache& cache() {
  thread_local Cache c;
  return c;
}
}  // namespace

void prime(std::string_view text, normalize::Folded& folded) {
  Cache& c = cache();
  c.filled = false;
  c.tokens.orig = text;
  std::swap(c.tokens.folded, folded);  // buffers change hands, nothing is copied
  tokenize(text, c.tokens.folded, c.tokens.toks, &Words::get());
  c.last.assign(text);
  c.filled = true;
}

Tokens& tokens_of(std::string_view text) {
  Cache& c = cache();
  Tokens& tokens = c.tokens;
  std::string& last = c.last;
  bool& filled = c.filled;
  if (filled && text == last) {
    tokens.orig = text;  // same content; spans and slices refer to the caller's buffer
    return tokens;
  }
  filled = false;  // stays false if run() throws
  tokens.run(text);
  last.assign(text);
  filled = true;
  return tokens;
}

namespace {
std::mutex& lexicon_mutex() {
  static std::mutex m;
  return m;
}
std::string& lexicon_dir() {
  static std::string dir;
  return dir;
}
}  // namespace

void use_lexicon(const std::string& dir) {
  std::lock_guard lock(lexicon_mutex());
  lexicon_dir() = dir;
}

const Words& Words::get() {
  static const Words words = [] {
    std::string dir;
    {
      std::lock_guard lock(lexicon_mutex());
      dir = lexicon_dir();
    }
    std::string tsv;
    if (!dir.empty()) {
      std::ifstream in(dir + "/numbers.tsv", std::ios::binary);
      if (in) tsv.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (tsv.empty()) tsv.assign(reinterpret_cast<const char*>(kWordsTsv), kWordsTsvSize);
    return Words(tsv);
  }();
  return words;
}

uint64_t Words::hash(std::string_view token) {
  // FNV-1a, inline: tokens are a few bytes, and every token is looked up.
  uint64_t h = 1469598103934665603ull;
  for (char c : token) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h ^ (h >> 32);
}

uint32_t Words::id_of(std::string_view token) const {
  if (token.size() == 1 && static_cast<unsigned char>(token[0]) < 0x80)
    return ascii_ids_[static_cast<unsigned char>(token[0])];
  const uint64_t h = hash(token);
  for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = table_[i];
    if (slot.id == 0) return 0;
    if (slot.hash == h && slot.len == token.size() && pool_.compare(slot.off, slot.len, token) == 0) return slot.id;
  }
}

Words::Words(std::string_view tsv) {
  first_kinds_.push_back(0);  // id 0: not a listed word
  max_len_.push_back(0);
  normalize::Folded folded;
  std::vector<Token> toks;
  size_t lineno = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto cols = split(line, '\t');
    const auto where = [&] { return fmt::format("numbers.tsv:{}: ", lineno); };
    if (cols.size() < 2 || cols[1].empty()) throw std::logic_error(where() + "want kind<TAB>phrase[<TAB>value...]");
    const auto kind_it = std::find(kKindNames.begin(), kKindNames.end(), cols[0]);
    if (kind_it == kKindNames.end()) throw std::logic_error(where() + "unknown kind " + std::string(cols[0]));
    normalize::fold(cols[1], folded);
    tokenize(cols[1], folded, toks, nullptr);
    if (toks.empty() || toks.size() > kMaxLen) throw std::logic_error(where() + "a phrase is 1 to 4 tokens");
    Sense sense;
    sense.kind = static_cast<K>(kind_it - kKindNames.begin());
    sense.len = static_cast<uint8_t>(toks.size());
    if (cols.size() > 2) {
      sense.code = std::string(cols[2]);
      sense.v1 = number_of(cols[2]);
    }
    if (cols.size() > 3) sense.v2 = number_of(cols[3]);
    uint64_t key = 0;
    for (size_t j = 0; j < toks.size(); ++j) {
      const std::string text = folded.text.substr(toks[j].b, toks[j].e - toks[j].b);
      auto [it, fresh] = ids_.emplace(text, static_cast<uint32_t>(first_kinds_.size()));
      if (fresh) {
        first_kinds_.push_back(0);
        max_len_.push_back(0);
        if (text.size() == 1 && static_cast<unsigned char>(text[0]) < 0x80)
          ascii_ids_[static_cast<unsigned char>(text[0])] = it->second;
      }
      if (it->second > 0xFFFF) throw std::logic_error(where() + "too many distinct words");
      key |= static_cast<uint64_t>(it->second) << (16 * j);
      if (j > 0 && !toks[j].space) sense.glued |= static_cast<uint8_t>(1u << j);
      if (j == 0) {
        first_kinds_[it->second] |= uint64_t{1} << static_cast<unsigned>(sense.kind);
        max_len_[it->second] = std::max(max_len_[it->second], static_cast<uint8_t>(toks.size()));
      }
    }
    phrases_[key].push_back(std::move(sense));
  }
  size_t size = 16;
  while (size < 2 * ids_.size()) size *= 2;
  table_.assign(size, Slot{});
  mask_ = size - 1;
  for (const auto& [word, id] : ids_) {
    Slot slot{hash(word), id, static_cast<uint32_t>(pool_.size()),
              static_cast<uint32_t>(word.size())};
    pool_ += word;
    uint64_t i = slot.hash & mask_;
    while (table_[i].id != 0) i = (i + 1) & mask_;
    table_[i] = slot;
  }
}

const Sense* Words::find(const std::vector<Token>& toks, size_t i, K k, size_t max_len) const {
  if (i >= toks.size()) return nullptr;
  const uint32_t first = toks[i].id;
  if (first == 0 || !(first_kinds_[first] >> static_cast<unsigned>(k) & 1)) return nullptr;
  std::array<uint64_t, kMaxLen> keys{};
  size_t n = 0;
  uint64_t key = 0;
  max_len = std::min<size_t>(max_len, max_len_[first]);
  for (; n < max_len && i + n < toks.size(); ++n) {
    const uint32_t id = toks[i + n].id;
    if (id == 0) break;
    key |= static_cast<uint64_t>(id) << (16 * n);
    keys[n] = key;
  }
  for (size_t len = n; len >= 1; --len) {
    auto it = phrases_.find(keys[len - 1]);
    if (it == phrases_.end()) continue;
    for (const Sense& s : it->second) {
      if (s.kind != k) continue;
      bool ok = true;
      for (size_t j = 1; j < len && ok; ++j)
        if ((s.glued >> j & 1) && toks[i + j].space) ok = false;
      if (ok) return &s;
    }
  }
  return nullptr;
}

const Sense* Words::match_before(const std::vector<Token>& toks, size_t i, K k, size_t* start) const {
  const Sense* best = nullptr;
  for (size_t len = 1; len <= kMaxLen && len <= i; ++len) {
    if (!starts(toks, i - len, k)) continue;
    const Sense* s = find(toks, i - len, k, len);
    if (s && s->len == len) {
      best = s;
      if (start) *start = i - len;
    }
  }
  return best;
}

}  // namespace mekong::resolve::detail
