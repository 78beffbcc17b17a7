// The WARC reader over plain or gzip bytes (told by the magic number, as
// ingest does), record by record to the end.
#include <cstdint>
#include <memory>
#include <string>

#include "ingest/source.h"
#include "ingest/stream.h"
#include "ingest/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mekong::ingest;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const bool gz = is_gzip(bytes);
  std::unique_ptr<ByteSource> src = std::make_unique<StringSource>(std::move(bytes));
  if (gz) src = std::make_unique<GzipSource>(std::move(src));
  SourceOptions options;
  options.max_document_bytes = 1u << 20;  // small: the over-the-limit paths are reached too
  WarcReader reader(std::make_unique<Reader>(std::move(src)), "fuzz.warc", options);
  Item item;
  for (size_t n = 0; reader.next(item); ++n) {
    if (n > 1000000) __builtin_trap();  // the reader must move on
    if (!item.doc && !item.problem) __builtin_trap();
  }
  return 0;
}
