// The main() of benchgate::main, the drop-in for benchmark::benchmark_main.
#include "benchgate/error.h"
#include "benchgate/runner.h"

int main(int argc, char** argv) {
  benchgate::Initialize(&argc, argv);
  if (benchgate::ReportUnrecognizedArguments(argc, argv)) return benchgate::kExitBadInput;
  return benchgate::RunSpecifiedBenchmarks();
}
