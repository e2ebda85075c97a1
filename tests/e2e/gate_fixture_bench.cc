// A benchmark binary for the end-to-end tests of the runner: ordinary
// BENCHMARK registrations linked with benchgate::main and benchgate::memory.
//
// BM_Spin reports a fixed time per iteration (manual time), so its samples
// are deterministic even on a loaded machine; BENCHGATE_FIXTURE_SLOWDOWN
// (e.g. 1.3) stretches it, which is how the tests make a regression.
#include <benchgate/sampled.h>
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

double Slowdown() {
  const char* value = std::getenv("BENCHGATE_FIXTURE_SLOWDOWN");
  return value == nullptr ? 1.0 : std::atof(value);
}

void SpinFor(std::chrono::nanoseconds duration) {
  const auto deadline = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < deadline) {
  }
}

// Reports a manual time per iteration of 200 us x slowdown with a small
// deterministic jitter (0..0.6%), after really spinning a tenth of it: the
// pipeline sees realistic, distinct samples whose spread does not depend on
// how loaded the test machine is, so the gate's verdicts are testable.
// BENCHGATE_FIXTURE_SPIKE=N limits the slowdown to the first N invocations
// of BM_Spin: a noise spike that a confirmation run does not reproduce.
bool InSpike() {
  static int invocations = 0;
  const char* spike = std::getenv("BENCHGATE_FIXTURE_SPIKE");
  return spike == nullptr || ++invocations <= std::atoi(spike);
}

void BM_Spin(benchmark::State& state) {
  static int call = 0;
  const double seconds = 200e-6 * (InSpike() ? Slowdown() : 1.0);
  for (auto _ : state) {
    SpinFor(std::chrono::microseconds(20));
    state.SetIterationTime(seconds * (1.0 + 0.001 * (call++ % 7)));
  }
}
BENCHMARK(BM_Spin)->UseManualTime()->Iterations(20);

void BM_SpinSampled(benchmark::State& state) {
  for (auto _ : benchgate::Sampled(state)) SpinFor(std::chrono::microseconds(50));
}
BENCHMARK(BM_SpinSampled)->UseRealTime()->Iterations(40);

// Exactly one allocation of 40 bytes per iteration.
void BM_Allocate(benchmark::State& state) {
  for (auto _ : state) {
    int* values = new int[10];
    benchmark::DoNotOptimize(values);
    delete[] values;
  }
}
BENCHMARK(BM_Allocate)->Iterations(1000);

// Publishes the order in which repetitions ran: a counter that grows with
// every invocation. Interleaved, the repetitions of BM_Order/0 and
// BM_Order/1 alternate at random; not interleaved, one benchmark's all come
// first.
int order = 0;
void BM_Order(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(order);
  state.counters["order"] = ++order;
}
BENCHMARK(BM_Order)->Arg(0)->Arg(1)->Iterations(10);

void BM_Fails(benchmark::State& state) {
  for (auto _ : state) {
    state.SkipWithError("fixture error");
    break;
  }
}
BENCHMARK(BM_Fails);

}  // namespace
