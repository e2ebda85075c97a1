#include "run/counting_child.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "run/count_attribution.h"

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCHGATE_HAS_CALLGRIND 1
#endif
#endif

namespace benchgate {
namespace {

std::string ChildKind() {
  const char* value = std::getenv(kCountingChildVariable);
  return value == nullptr ? std::string() : std::string(value);
}

void EmptyLoop(benchmark::State& state) {
  for (auto _ : state) {
  }
}

}  // namespace

bool IsCountingChild() { return !ChildKind().empty(); }

bool CountingSupported() {
#if defined(BENCHGATE_HAS_CALLGRIND)
  return true;
#else
  return false;
#endif
}

void PrepareCountingChild() {
  // No memory run: Google Benchmark would run each loop once more with the
  // allocation counter on (1.9: after every repetition), a dump that is not
  // a repetition.
  benchmark::RegisterMemoryManager(nullptr);
  if (ChildKind() == kCountFloor) benchmark::RegisterBenchmark(kHarnessFloorName, EmptyLoop);
#if defined(BENCHGATE_HAS_CALLGRIND)
  CALLGRIND_START_INSTRUMENTATION;
#endif
}

void MarkRowsCounted(const std::string& name) {
#if defined(BENCHGATE_HAS_CALLGRIND)
  const std::string label = kBoundaryPrefix + BoundaryLabel(name);
  CALLGRIND_DUMP_STATS_AT(label.c_str());
#else
  (void)name;
#endif
}

}  // namespace benchgate
