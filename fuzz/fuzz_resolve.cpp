// The date and number resolvers on any normalized text. The first byte
// picks the reference date and the 'ahead' flag; the rest is the text.
#include <cstdint>
#include <string>

#include "core/document.h"
#include "normalize/normalize.h"
#include "resolve/date.h"
#include "resolve/number.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mekong;
  if (size == 0) return 0;
  static const resolve::RefDate refs[4] = {{}, {2024, 1, 5}, {2021, 12, 0}, {2000, 0, 0}};
  const resolve::RefDate& ref = refs[data[0] & 3];
  const bool ahead = (data[0] & 4) != 0;
  // As the pipeline gives it: valid UTF-8 in NFC.
  Document doc;
  std::string error;
  if (!normalize::decode(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), doc, error)) return 0;
  const std::string_view text = doc.text;
  for (const auto& m : resolve::find_dates(text, ref, ahead))
    if (m.begin > m.end || m.end > text.size()) __builtin_trap();
  for (const auto& q : resolve::find_quantities(text))
    if (q.begin > q.end || q.end > text.size()) __builtin_trap();
  (void)resolve::resolve_date(text, ref, ahead);
  (void)resolve::resolve_number(text);
  (void)resolve::parse_ordinal(text);
  return 0;
}
