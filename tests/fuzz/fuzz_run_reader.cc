// The run reader: Google Benchmark's JSON, plain or enriched (benchgate's
// samples, latency, memory, environment), as benchgate-diff and
// benchgate-ab read it.
#include "benchgate/error.h"
#include "io/run_reader.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    benchgate::ReadRunText(benchgate::fuzz::Text(data, size), "fuzz.json");
  } catch (const benchgate::Error&) {
  }
  return 0;
}
