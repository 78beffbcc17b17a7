// The HTML reader: any bytes to text lines, meta and times.
#include <cstdint>
#include <string_view>

#include "ingest/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto out = mekong::ingest::html_to_text(std::string_view(reinterpret_cast<const char*>(data), size));
  size_t lines = out.text.empty() ? 0 : 1;
  for (char c : out.text) lines += c == '\n';
  if (out.link_density.size() != lines) __builtin_trap();  // one density per line
  // A <time> is on the line being built when it closes: at most the one
  // after the last (an empty <time> at the end; readers check the bound).
  for (const auto& [line, value] : out.times)
    if (line > lines) __builtin_trap();
  return 0;
}
