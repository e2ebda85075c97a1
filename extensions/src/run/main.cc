// The main() of benchgate::main, the drop-in for benchmark::benchmark_main.
#include "benchgate/runner.h"

int main(int argc, char** argv) {
  benchgate::Initialize(&argc, argv);
  return benchgate::RunSpecifiedBenchmarks();
}
