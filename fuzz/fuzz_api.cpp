// The server's request parsers: a path and query parameters (one per line,
// 'name=value') against a small base, never a 500.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "serve/serve.h"
#include "store/store.h"

namespace {

mekong::serve::Server* make_server() {
  using namespace mekong;
  const auto dir = std::filesystem::temp_directory_path() / ("mekong_fuzz_api_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "kb.db").string();
  {
    auto store = store::Store::open(db, false);
    store->begin();
    Document d;
    d.id = "d1";
    d.origin = "/pages/d1.txt";
    d.text = "Hai nước ký hiệp định hợp tác.\nDòng thứ hai.";
    const auto nl = static_cast<uint32_t>(d.text.find('\n'));
    d.lines = {{0, nl}, {nl + 1, static_cast<uint32_t>(d.text.size())}};
    d.is_content = {1, 1};
    d.is_teaser = {0, 0};
    store->add(d);
    store->commit();
  }
  serve::Options o;
  o.db = db;
  o.lexicon_dir = MEKONG_LEXICON_DIR;
  return new serve::Server(o);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const mekong::serve::Server* server = make_server();
  const std::string in(reinterpret_cast<const char*>(data), size);
  mekong::serve::Request r;
  size_t at = in.find('\n');
  r.path = "/api/" + in.substr(0, at);
  while (at != std::string::npos) {
    const size_t next = in.find('\n', at + 1);
    const std::string kv = in.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    const size_t eq = kv.find('=');
    r.params.emplace_back(kv.substr(0, eq), eq == std::string::npos ? std::string() : kv.substr(eq + 1));
    at = next;
  }
  const auto out = server->api(r);
  if (out.status >= 500) __builtin_trap();
  return 0;
}
