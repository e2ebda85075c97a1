// Multi-threaded: a shared counter under a mutex and with an atomic, run by
// 1 and 2 threads (this machine has 2 cores).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdint>
#include <mutex>

namespace {

std::mutex g_mutex;
std::uint64_t g_guarded = 0;
std::atomic<std::uint64_t> g_atomic{0};

void BM_MutexIncrement(benchmark::State& state) {
  for (auto _ : state) {
    std::lock_guard<std::mutex> lock(g_mutex);
    benchmark::DoNotOptimize(++g_guarded);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MutexIncrement)->Threads(1)->Threads(2)->UseRealTime();

void BM_AtomicIncrement(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(g_atomic.fetch_add(1, std::memory_order_relaxed));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AtomicIncrement)->Threads(1)->Threads(2)->UseRealTime();

}  // namespace
