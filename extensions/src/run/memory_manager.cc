// The Google Benchmark MemoryManager of benchgate::memory: Start() and Stop()
// open and close a counting window (memory_counters.h) around Google
// Benchmark's memory run. Written against 1.7.1's interface (Stop(Result*)
// is its pure virtual; later versions only have Stop(Result&)).
#include <benchmark/benchmark.h>

#include <cstdint>

#include "run/memory_counters.h"
#include "run/memory_stats.h"

#if __has_include(<link.h>)
#include <link.h>
#define BENCHGATE_HAVE_DL_ITERATE_PHDR 1
#endif

#if defined(__GNUC__) || defined(__clang__)
#define BENCHGATE_CALLER() __builtin_return_address(0)
#else
#define BENCHGATE_CALLER() nullptr
#endif

namespace benchgate {
namespace {

struct CodeRange {
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
};

#if defined(BENCHGATE_HAVE_DL_ITERATE_PHDR)
struct CodeSearch {
  std::uintptr_t address = 0;
  bool first_object = true;
  CodeRange range;
};

int FindCodeSegment(dl_phdr_info* info, std::size_t /*size*/, void* data) {
  auto& search = *static_cast<CodeSearch*>(data);
  // dl_iterate_phdr visits the main program first.
  const bool main_program = search.first_object;
  search.first_object = false;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_LOAD || (segment.p_flags & PF_X) == 0) continue;
    const std::uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
    const std::uintptr_t end = begin + segment.p_memsz;
    if (search.address >= begin && search.address < end) {
      if (!main_program) search.range = {begin, end};
      return 1;
    }
  }
  return 0;
}
#endif

// The executable segment of the shared library that holds `code`, or an
// empty range when `code` is in the main program or cannot be located.
CodeRange SharedLibraryCodeAround(const void* code) {
#if defined(BENCHGATE_HAVE_DL_ITERATE_PHDR)
  CodeSearch search;
  search.address = reinterpret_cast<std::uintptr_t>(code);
  dl_iterate_phdr(&FindCodeSegment, &search);
  return search.range;
#else
  static_cast<void>(code);
  return {};
#endif
}

class CountingMemoryManager final : public benchmark::MemoryManager {
 public:
  // Between Start() and Stop(), Google Benchmark itself allocates its thread
  // manager, the State's argument vector, counter map nodes: a fixed cost per
  // memory run (with 1.7.1, at least one 400-byte block) that would add a
  // fraction of an allocation to every benchmark's allocs_per_iter.
  // Start() is called from Google Benchmark's runner, so its return
  // address locates Google Benchmark's code, and
  // allocations called from there are not counted. The benchmark's own code
  // (even when Google Benchmark calls it) allocates from elsewhere. With a
  // statically linked Google Benchmark its code cannot be told apart from
  // the program's, and its bookkeeping is counted like the benchmark's.
  // (Start() is only ever called through the vtable, never inlined.)
  void Start() override {
    if (!located_runner_) {
      const CodeRange runner = SharedLibraryCodeAround(BENCHGATE_CALLER());
      IgnoreAllocationsFromCode(runner.begin, runner.end);
      located_runner_ = true;
    }
    StartCountingAllocations();
  }

  void Stop(Result* result) override { FillMemoryResult(StopCountingAllocations(), *result); }
  void Stop(Result& result) override { Stop(&result); }

 private:
  bool located_runner_ = false;
};

}  // namespace

void RegisterCountingMemoryManager() {
  // Function-local: registration runs from another file's initializer.
  static CountingMemoryManager manager;
  benchmark::RegisterMemoryManager(&manager);
}

}  // namespace benchgate
