// The main() of benchgate::main, the drop-in for benchmark::benchmark_main:
// the same macro users may write in place of BENCHMARK_MAIN().
#include "benchgate/runner.h"

BENCHGATE_MAIN();
