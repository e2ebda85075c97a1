// benchgate::memory end to end: benchmarks whose allocations are known
// exactly run through Google Benchmark 1.7.1 (its memory run, with the
// MemoryManager that linking benchgate::memory registered, no user code),
// and are read back through MemorySummaryOf() as the reporter does.
//
// Expected values are hand calculations: Google Benchmark's memory run does
// min(16, iterations) iterations (benchmark_runner.cc of 1.7.1), so with
// Iterations(100) a leak of 16 bytes per iteration leaves 16 * 16 = 256.
#include <benchmark/benchmark.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "run/gbench_api.h"
#include "run/memory_stats.h"

namespace benchgate {
namespace {

static_assert(sizeof(int) == 4, "the expected byte counts assume 4-byte ints");

// Makes an allocation observable, so the compiler cannot drop a new/delete
// pair. Not Google Benchmark's DoNotOptimize: under GCC 12 with
// -fsanitize=address,undefined -O1, the "+m,r" asm of 1.7.1 leaves the
// variable unwritten (a later delete then gets a null pointer).
inline void Escape(const void* pointer) { asm volatile("" : : "r"(pointer) : "memory"); }

struct alignas(64) Aligned64 {
  char bytes[64];
};

// Blocks a "leaking" benchmark keeps; freed after the run so that
// LeakSanitizer stays quiet. Reserved before any run: push_back never
// allocates inside a measured window.
std::vector<void*> g_kept;

void NoAllocation(benchmark::State& state) {
  for (auto _ : state) {
    int value = 42;
    Escape(&value);
  }
}

void NewIntArray(benchmark::State& state) {
  for (auto _ : state) {
    int* ints = new int[10];  // 40 bytes
    Escape(ints);
    delete[] ints;
  }
}

void VectorReserve1KiB(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<char> bytes;
    bytes.reserve(1024);  // one allocation of 1024 bytes
    Escape(bytes.data());
  }
}

void AlignedNew(benchmark::State& state) {
  for (auto _ : state) {
    auto* block = new Aligned64;  // operator new(64, align_val_t{64})
    Escape(block);
    if (reinterpret_cast<std::uintptr_t>(block) % 64 != 0) state.SkipWithError("misaligned");
    delete block;
  }
}

void NoThrowNew(benchmark::State& state) {
  for (auto _ : state) {
    int* ints = new (std::nothrow) int[4];  // 16 bytes
    Escape(ints);
    delete[] ints;
  }
}

void Leak16(benchmark::State& state) {
  for (auto _ : state) {
    char* bytes = new char[16];
    Escape(bytes);
    g_kept.push_back(bytes);
  }
}

// A copy of a 40-character string per iteration: through the same
// std::string code (basic_string::_M_create) that Google Benchmark 1.8 and
// later use to copy a benchmark's name into its State, which is not counted.
const std::string g_forty(40, 'x');

void StringCopy(benchmark::State& state) {
  for (auto _ : state) {
    std::string copy = g_forty;  // 41 bytes
    Escape(copy.data());
  }
}

void NewArgInts(benchmark::State& state) {
  for (auto _ : state) {
    int* ints = new int[static_cast<std::size_t>(state.range(0))];  // 4 * range(0) bytes
    Escape(ints);
    delete[] ints;
  }
}

// What the reporter sees: one entry per row, the summary taken while the
// row's memory_result is still valid (inside ReportRuns). Google Benchmark
// names rows after their settings, e.g. "NewIntArray/iterations:100".
struct Row {
  std::string name;
  std::int64_t repetition_index = 0;
  bool aggregate = false;
  std::optional<MemorySummary> memory;
  bool forwards_memory_result = false;  // after ForgetInvalidMemoryResult
};

// Whether a row still holds a memory result, read directly (not through
// the adapter, whose MemoryResultOf hides the invalid ones).
bool CarriesMemoryResult(const benchmark::BenchmarkReporter::Run& row) {
#if defined(BENCHGATE_GBENCH_MEMORY_VALUE)
  return row.memory_result.memory_iterations > 0;
#else
  return row.memory_result != nullptr;
#endif
}

class CapturingReporter : public benchmark::BenchmarkReporter {
 public:
  explicit CapturingReporter(std::vector<Row>* rows) : rows_(rows) {}
  bool ReportContext(const Context& /*context*/) override { return true; }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      Run forwarded = run;
      gbench::ForgetInvalidMemoryResult(forwarded);
      rows_->push_back({run.run_name.str(), run.repetition_index, run.run_type == Run::RT_Aggregate,
                        MemorySummaryOf(run), CarriesMemoryResult(forwarded)});
    }
  }

 private:
  std::vector<Row>* rows_;
};

class MemoryManagerTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    g_kept.reserve(4096);
    benchmark::RegisterBenchmark("NoAllocation", NoAllocation)->Iterations(100);
    benchmark::RegisterBenchmark("NewIntArray", NewIntArray)->Iterations(100);
    benchmark::RegisterBenchmark("VectorReserve1KiB", VectorReserve1KiB)->Iterations(100);
    benchmark::RegisterBenchmark("AlignedNew", AlignedNew)->Iterations(100);
    benchmark::RegisterBenchmark("NoThrowNew", NoThrowNew)->Iterations(100);
    benchmark::RegisterBenchmark("Leak16", Leak16)->Iterations(100);
    benchmark::RegisterBenchmark("Leak16Short", Leak16)->Iterations(5);
    benchmark::RegisterBenchmark("NewArgInts", NewArgInts)->Arg(8)->Iterations(100);
    benchmark::RegisterBenchmark("StringCopyOfFortyCharacters", StringCopy)->Iterations(100);
    benchmark::RegisterBenchmark("NewIntArrayThreads", NewIntArray)->Threads(2)->Iterations(100);
    benchmark::RegisterBenchmark("NewIntArrayRepeated", NewIntArray)
        ->Iterations(20)
        ->Repetitions(3);
    int argc = 1;
    char program[] = "run_memory_manager_test";
    char* argv[] = {program, nullptr};
    benchmark::Initialize(&argc, argv);
    rows_ = new std::vector<Row>;
    CapturingReporter reporter(rows_);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::ClearRegisteredBenchmarks();
    for (void* block : g_kept) delete[] static_cast<char*>(block);
    g_kept.clear();
  }
  static void TearDownTestSuite() {
    delete rows_;
    rows_ = nullptr;
  }

  // The summary of the one row of `name` that carries one; fails the test
  // when there is none or more than one.
  static MemorySummary SummaryOf(const std::string& name) {
    std::optional<MemorySummary> found;
    int count = 0;
    for (const Row& row : *rows_) {
      if (row.name == name && row.memory.has_value()) {
        found = row.memory;
        ++count;
      }
    }
    EXPECT_EQ(count, 1) << name << " among the rows:" << RowNames();
    return found.value_or(MemorySummary{});
  }

  static std::string RowNames() {
    std::string names;
    for (const Row& row : *rows_) names += " " + row.name;
    return names;
  }

  static std::vector<Row>* rows_;
};

std::vector<Row>* MemoryManagerTest::rows_ = nullptr;

void ExpectSummary(const MemorySummary& summary, double allocs_per_iter, double bytes_per_iter,
                   std::int64_t max_bytes_used, std::int64_t net_heap_growth) {
  EXPECT_DOUBLE_EQ(summary.allocs_per_iter, allocs_per_iter);
  EXPECT_DOUBLE_EQ(summary.bytes_per_iter, bytes_per_iter);
  EXPECT_EQ(summary.max_bytes_used, max_bytes_used);
  EXPECT_EQ(summary.net_heap_growth, net_heap_growth);
}

// Google Benchmark's own allocations in the memory run (its thread manager,
// the State) are not counted: nothing at all here.
TEST_F(MemoryManagerTest, ZeroAllocationBenchmarkReportsZero) {
  ExpectSummary(SummaryOf("NoAllocation/iterations:100"), 0, 0, 0, 0);
}

TEST_F(MemoryManagerTest, NewIntArrayIsOneAllocationOf40Bytes) {
  ExpectSummary(SummaryOf("NewIntArray/iterations:100"), 1, 40, 40, 0);
}

TEST_F(MemoryManagerTest, VectorReserveIsOneAllocationOf1KiB) {
  ExpectSummary(SummaryOf("VectorReserve1KiB/iterations:100"), 1, 1024, 1024, 0);
}

// The benchmark's string copies count; Google Benchmark's copy of its
// 27-character name, made through the same code, does not.
TEST_F(MemoryManagerTest, StringCopiesCountButNotTheRunnersCopyOfTheName) {
  ExpectSummary(SummaryOf("StringCopyOfFortyCharacters/iterations:100"), 1, 41, 41, 0);
}

TEST_F(MemoryManagerTest, AlignedNewCountsTheObjectSize) {
  ExpectSummary(SummaryOf("AlignedNew/iterations:100"), 1, 64, 64, 0);
}

TEST_F(MemoryManagerTest, NoThrowNewIsCounted) {
  ExpectSummary(SummaryOf("NoThrowNew/iterations:100"), 1, 16, 16, 0);
}

// 16 iterations keep 16 bytes each: 256 bytes grow the heap, all alive at
// the end, so the peak is 256 too.
TEST_F(MemoryManagerTest, LeakShowsAsNetHeapGrowth) {
  ExpectSummary(SummaryOf("Leak16/iterations:100"), 1, 16, 256, 256);
}

// Iterations(5): the memory run does min(16, 5) = 5 iterations, which
// MemorySummaryOf recovers from allocs_per_iter: 5 * 16 = 80 bytes.
TEST_F(MemoryManagerTest, PerIterationValuesUseTheMemoryRunIterations) {
  ExpectSummary(SummaryOf("Leak16Short/iterations:5"), 1, 16, 80, 80);
}

// The State's copy of the arguments is Google Benchmark's, not the
// benchmark's: 8 ints are 32 bytes, nothing more.
TEST_F(MemoryManagerTest, BenchmarkArgumentsAreNotCounted) {
  ExpectSummary(SummaryOf("NewArgInts/8/iterations:100"), 1, 32, 32, 0);
}

// The memory run is single-threaded whatever Threads() says.
TEST_F(MemoryManagerTest, ThreadedBenchmarkIsMeasuredOnOneThread) {
  ExpectSummary(SummaryOf("NewIntArrayThreads/iterations:100/threads:2"), 1, 40, 40, 0);
}

// Only the last repetition carries a summary, on every version. Before 1.9.2
// only its memory_result is forwarded (earlier rows' results may be freed);
// 1.9.2's values stay valid and are forwarded on every row. Aggregate rows
// never carry one.
TEST_F(MemoryManagerTest, OnlyTheLastRepetitionCarriesTheSummary) {
  const std::string kRepeated = "NewIntArrayRepeated/iterations:20/repeats:3";
  std::map<std::int64_t, bool> has_memory;
  std::map<std::int64_t, bool> forwards;
  int aggregates = 0;
  for (const Row& row : *rows_) {
    if (row.name != kRepeated) continue;
    if (row.aggregate) {
      ++aggregates;
      EXPECT_FALSE(row.memory.has_value());
    } else {
      has_memory[row.repetition_index] = row.memory.has_value();
      forwards[row.repetition_index] = row.forwards_memory_result;
    }
  }
  EXPECT_GT(aggregates, 0);
  const std::map<std::int64_t, bool> expected = {{0, false}, {1, false}, {2, true}};
  EXPECT_EQ(has_memory, expected);
#if defined(BENCHGATE_GBENCH_MEMORY_VALUE)
  const std::map<std::int64_t, bool> expected_forwards = {{0, true}, {1, true}, {2, true}};
#else
  const std::map<std::int64_t, bool> expected_forwards = expected;
#endif
  EXPECT_EQ(forwards, expected_forwards);
  ExpectSummary(SummaryOf(kRepeated), 1, 40, 40, 0);
}

}  // namespace
}  // namespace benchgate
