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

namespace benchgate {

// Parses and removes benchgate's flags, then hands the rest to
// benchmark::Initialize(). Bad flags are reported when the run starts.
void Initialize(int* argc, char** argv);

// Runs the registered benchmarks; returns the exit code of DESIGN.md:
// 0 the gate passed, 1 a regression or budget violation, 2 bad input.
int RunSpecifiedBenchmarks();

}  // namespace benchgate

#endif  // BENCHGATE_RUNNER_H_
