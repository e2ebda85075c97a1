// The thresholds reader: JSON with comments, budgets, units and patterns,
// repository content that anyone opening a pull request can change.
#include "benchgate/error.h"
#include "io/thresholds_reader.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    benchgate::ParseThresholds(benchgate::fuzz::Text(data, size), "fuzz.json");
  } catch (const benchgate::Error&) {
  }
  return 0;
}
