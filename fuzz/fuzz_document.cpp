// One document's whole extraction from bytes: told apart, checked and
// converted as ingest does, then every stage, then its JSON record.
#include <cstdint>
#include <memory>
#include <string>

#include "core/record_json.h"
#include "ingest/charset.h"
#include "pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mekong;
  static const Pipeline* pipeline = [] {
    PipelineOptions o;
    o.lexicon_dir = MEKONG_LEXICON_DIR;
    return new Pipeline(o);
  }();
  ingest::RawDocument raw;
  raw.id = "fuzz";
  raw.origin = "fuzz";
  raw.bytes.assign(reinterpret_cast<const char*>(data), size);
  raw.format = ingest::sniff(std::string_view(raw.bytes).substr(0, 4096));
  if (raw.format == ingest::Format::Warc) raw.format = ingest::Format::Text;  // fuzz_warc reads containers
  std::string error;
  if (!ingest::prepare_document(raw, {}, error)) return 0;
  Document doc;
  if (!pipeline->run(std::move(raw), doc, error)) return 0;
  const std::string json = to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (json.empty()) __builtin_trap();
  return 0;
}
