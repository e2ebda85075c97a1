// The history reader: the file benchgate records runs into, read back
// before every gated run with --benchgate_history.
#include "benchgate/error.h"
#include "io/history_file.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    benchgate::ParseHistory(benchgate::fuzz::Text(data, size), "fuzz.json");
  } catch (const benchgate::Error&) {
  }
  return 0;
}
