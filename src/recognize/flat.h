// Small read-only hash tables for the matcher's word-level reading, which
// looks up every syllable and every span of syllables near a match:
// open addressing in a power-of-two table, so a lookup costs no division
// and no chain walk (std::unordered_map's did, in profiles).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace mekong::recognize::detail {

// Packed syllable ids (never 0) -> token flags (0 = absent).
class FlatCodes {
 public:
  template <typename Map>
  void build(const Map& m) {
    size_t size = 16;
    while (size < 2 * m.size()) size *= 2;
    keys_.assign(size, 0);
    vals_.assign(size, 0);
    mask_ = size - 1;
    for (const auto& [k, v] : m) {
      uint64_t i = slot(k) & mask_;
      while (keys_[i] != 0) i = (i + 1) & mask_;
      keys_[i] = k;
      vals_[i] = v;
    }
  }
  uint8_t find(uint64_t k) const {
    if (keys_.empty()) return 0;
    for (uint64_t i = slot(k) & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == k) return vals_[i];
      if (keys_[i] == 0) return 0;
    }
  }

 private:
  static uint64_t slot(uint64_t k) {
    k *= 0x9E3779B97F4A7C15ull;
    return k ^ (k >> 29);
  }
  std::vector<uint64_t> keys_;
  std::vector<uint8_t> vals_;
  uint64_t mask_ = 0;
};

// Syllables (views into the lexicon, which outlives the table) -> ids (never 0; 0 = absent).
class FlatIds {
 public:
  template <typename Map>
  void build(const Map& m) {
    size_t size = 16;
    while (size < 2 * m.size()) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (const auto& [k, v] : m) {
      const uint64_t h = hash(k);
      uint64_t i = h & mask_;
      while (slots_[i].id != 0) i = (i + 1) & mask_;
      slots_[i] = {h, k, v};
    }
  }
  uint16_t find(std::string_view k) const {
    if (slots_.empty()) return 0;
    const uint64_t h = hash(k);
    for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == 0) return 0;
      if (s.hash == h && s.key == k) return s.id;
    }
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    std::string_view key;
    uint16_t id = 0;
  };
  static uint64_t hash(std::string_view s) {  // FNV-1a: syllables are a few bytes
    uint64_t h = 1469598103934665603ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h ^ (h >> 32);
  }
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
};

}  // namespace mekong::recognize::detail
