// Running benchmarks through benchgate from your own main():
//
//   int main(int argc, char** argv) {
//     benchgate::Initialize(&argc, argv);
//     return benchgate::RunSpecifiedBenchmarks();
//   }
//
// Linking benchgate::main instead of benchmark::benchmark_main does exactly that.
#ifndef BENCHGATE_RUNNER_H_
#define BENCHGATE_RUNNER_H_

#include "benchgate/build_info.h"
#include "benchgate/error.h"

namespace benchgate {
namespace internal {
void InitializeWithBuild(int* argc, char** argv, const BuildInfo& build);
}  // namespace internal

// Takes benchgate's flags (--benchgate_*) and the Google Benchmark flags it
// manages out of argv, then hands the rest to benchmark::Initialize(). Flag
// errors are reported by RunSpecifiedBenchmarks(), before any benchmark runs.
// Inline so that the build information (compiler, optimisation, NDEBUG) is
// that of the caller's translation unit, not of the benchgate library.
inline void Initialize(int* argc, char** argv) {
  internal::InitializeWithBuild(argc, argv, CurrentBuildInfo());
}

// Runs the registered benchmarks; returns the exit code of DESIGN.md:
// 0 the gate passed, 1 a regression or budget violation, 2 bad input.
int RunSpecifiedBenchmarks();

// After Initialize(): true when arguments neither benchgate nor Google
// Benchmark recognised are left in argv (benchgate::main rejects them).
bool ReportUnrecognizedArguments(int argc, char** argv);

}  // namespace benchgate

// The one-word change for a file that ends in Google Benchmark's
// BENCHMARK_MAIN(): write BENCHGATE_MAIN() instead and link
// benchgate::benchgate. (No edit at all: benchgate_adopt_main() in CMake.)
// The trailing declaration takes the semicolon after the macro, as
// BENCHMARK_MAIN()'s does.
#define BENCHGATE_MAIN()                                        \
  int main(int argc, char** argv) {                             \
    ::benchgate::Initialize(&argc, argv);                       \
    if (::benchgate::ReportUnrecognizedArguments(argc, argv)) { \
      return ::benchgate::kExitBadInput;                        \
    }                                                           \
    return ::benchgate::RunSpecifiedBenchmarks();               \
  }                                                             \
  int main(int, char**)

#endif  // BENCHGATE_RUNNER_H_
