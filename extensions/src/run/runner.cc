#include "benchgate/runner.h"

#include <benchmark/benchmark.h>

#include "benchgate/error.h"

namespace benchgate {

// The full runner (flags, enriched reporters, gate) arrives with issue 3; for
// now benchgate runs Google Benchmark unchanged so binaries link and run.
namespace internal {
void InitializeWithBuild(int* argc, char** argv, const BuildInfo&) { benchmark::Initialize(argc, argv); }
}  // namespace internal

bool ReportUnrecognizedArguments(int argc, char** argv) {
  return benchmark::ReportUnrecognizedArguments(argc, argv);
}

int RunSpecifiedBenchmarks() {
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return kExitPass;
}

}  // namespace benchgate
