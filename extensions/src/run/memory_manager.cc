// The Google Benchmark MemoryManager of benchgate::memory: Start() and Stop()
// open and close a counting window (memory_counters.h) around Google
// Benchmark's memory run. 1.7's pure virtual is Stop(Result*) (its
// Stop(Result&) forwards to it); 1.8 and later have only Stop(Result&).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>

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
// Calls visit(range) for each executable segment of a loaded object until it
// returns true; returns whether one did.
template <typename Visit>
bool VisitCodeSegments(const dl_phdr_info& info, Visit visit) {
  for (int i = 0; i < info.dlpi_phnum; ++i) {
    const auto& segment = info.dlpi_phdr[i];
    if (segment.p_type != PT_LOAD || (segment.p_flags & PF_X) == 0) continue;
    const std::uintptr_t begin = info.dlpi_addr + segment.p_vaddr;
    if (visit(CodeRange{begin, begin + segment.p_memsz})) return true;
  }
  return false;
}

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
  return VisitCodeSegments(*info, [&](CodeRange range) {
    if (search.address < range.begin || search.address >= range.end) return false;
    if (!main_program) search.range = range;
    return true;
  });
}

// The executable segment of the loaded shared object whose path contains
// `fragment`, e.g. "libstdc++".
struct NamedSearch {
  const char* fragment = nullptr;
  CodeRange range;
};

int FindNamedCodeSegment(dl_phdr_info* info, std::size_t /*size*/, void* data) {
  auto& search = *static_cast<NamedSearch*>(data);
  if (info->dlpi_name == nullptr || std::strstr(info->dlpi_name, search.fragment) == nullptr) {
    return 0;
  }
  return VisitCodeSegments(*info, [&](CodeRange range) {
    search.range = range;
    return true;
  });
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

// Bytes of runner code after the call of Start() whose allocations are
// Google Benchmark's own when it is linked statically: the ThreadManager's
// allocation follows within a few dozen bytes (seen with a Release build of
// 1.8.3); the runner's code continues for kilobytes beyond.
constexpr std::uintptr_t kRunnerWindow = 256;

// The code of the shared C++ runtime library (libstdc++, or libc++), or an
// empty range when it is linked statically.
CodeRange SharedRuntimeCode() {
#if defined(BENCHGATE_HAVE_DL_ITERATE_PHDR)
  for (const char* name : {"libstdc++.so", "libc++.so"}) {
    NamedSearch search;
    search.fragment = name;
    dl_iterate_phdr(&FindNamedCodeSegment, &search);
    if (search.range.begin != search.range.end) return search.range;
  }
#endif
  return {};
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
  // (even when Google Benchmark calls it) allocates from elsewhere.
  // A statically linked Google Benchmark (FetchContent's default) lies in
  // the program's own segment, where its code cannot be told apart from the
  // benchmark's. There the one bookkeeping allocation of every version, the
  // ThreadManager, is made by the runner right after Start() returns
  // (`Start(); ...reset(new ThreadManager(1))` in 1.7 and 1.8,
  // `Start(); make_unique<ThreadManager>(1)` in 1.9, inlined in a release
  // build): allocations called from the runner's next kRunnerWindow bytes of
  // code are not counted. That code is the runner's own; a benchmark is
  // called through a pointer, never inlined there. What the State copies
  // (a name longer than 15 characters, the arguments) is still counted with
  // a static Google Benchmark (README: Google Benchmark versions).
  // (Start() is only ever called through the vtable, never inlined.)
  void Start() override {
    if (!located_runner_) {
      const void* caller = BENCHGATE_CALLER();
      CodeRange runner = SharedLibraryCodeAround(caller);
      if (runner.begin == runner.end) {
        runner.begin = reinterpret_cast<std::uintptr_t>(caller);
        runner.end = runner.begin + kRunnerWindow;
        SetMemoryCountCaveat(
            "allocation counts include up to 2 of Google Benchmark's own allocations per memory "
            "run of at most 16 iterations (the benchmark's name and arguments it copies), since "
            "it is linked statically: link it as a shared library for exact counts");
      }
      IgnoreAllocationsFromCode(runner.begin, runner.end);
      // Google Benchmark 1.8 and later copy the benchmark's name into its
      // State through libstdc++'s out-of-line string code.
      const CodeRange runtime = SharedRuntimeCode();
      SetStandardLibraryCode(runtime.begin, runtime.end);
      located_runner_ = true;
    }
    StartCountingAllocations();
  }

  void Stop(Result& result) override { FillMemoryResult(StopCountingAllocations(), result); }
#if defined(BENCHGATE_GBENCH_STOP_POINTER)
  void Stop(Result* result) override { Stop(*result); }
#endif

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
