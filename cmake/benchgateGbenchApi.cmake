# Which Google Benchmark API the found package has. Google Benchmark has no
# version macro, and a package's version says little about a copy built from
# a commit between releases, so each difference benchgate's adapter
# (extensions/src/run/gbench_api.h) absorbs is found by compiling against the
# found headers. Sets BENCHGATE_GBENCH_API_DEFINITIONS, the definitions every
# target that includes run/ headers compiles with (benchgate, benchgate::memory,
# the tests), and BENCHGATE_GBENCH_VERSION, the package's version or "unknown"
# (the installed package config requires it).
#
#   BENCHGATE_GBENCH_SKIPPED         Run::skipped and skip_message, SkipWithMessage (1.8)
#   BENCHGATE_GBENCH_MEMORY_VALUE    Run::memory_result is a value, not a pointer (1.9.2)
#   BENCHGATE_GBENCH_STOP_POINTER    MemoryManager::Stop(Result*) is the pure virtual (1.7)
#   BENCHGATE_GBENCH_MEMORY_ITERS    MemoryManager::Result::memory_iterations (1.9.2)
#   BENCHGATE_GBENCH_MIN_TIME_SUFFIX --benchmark_min_time takes "0.5s" and "100x" (1.8)
include(CheckCXXSourceCompiles)
include(CMakePushCheckState)

function(benchgate_check_gbench_api)
  cmake_push_check_state(RESET)
  set(CMAKE_REQUIRED_QUIET ON)
  get_target_property(imported benchmark::benchmark IMPORTED)
  if(imported)
    set(CMAKE_REQUIRED_LIBRARIES benchmark::benchmark)
  else()
    # Built in this project (FetchContent, add_subdirectory): try_compile
    # cannot link a target that is not built yet, so the checks only compile,
    # against the include directories it builds with.
    get_target_property(target benchmark::benchmark ALIASED_TARGET)
    if(NOT target)
      set(target benchmark::benchmark)
    endif()
    get_target_property(includes ${target} INTERFACE_INCLUDE_DIRECTORIES)
    set(CMAKE_REQUIRED_INCLUDES "")
    foreach(entry IN LISTS includes)
      if(entry MATCHES "^\\$<BUILD_INTERFACE:(.*)>$")
        list(APPEND CMAKE_REQUIRED_INCLUDES "${CMAKE_MATCH_1}")
      elseif(NOT entry MATCHES "^\\$<")
        list(APPEND CMAKE_REQUIRED_INCLUDES "${entry}")
      endif()
    endforeach()
    set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
  endif()
  set(run "benchmark::BenchmarkReporter::Run")
  set(result "benchmark::MemoryManager::Result")
  check_cxx_source_compiles("#include <benchmark/benchmark.h>
    int main() { ${run} row; row.skip_message = \"\";
                 return row.skipped == benchmark::internal::SkippedWithMessage ? 1 : 0; }"
    BENCHGATE_GBENCH_SKIPPED)
  check_cxx_source_compiles("#include <benchmark/benchmark.h>
    int main() { ${run} row; ${result} copy = row.memory_result; return copy.num_allocs > 0; }"
    BENCHGATE_GBENCH_MEMORY_VALUE)
  check_cxx_source_compiles("#include <benchmark/benchmark.h>
    struct M : benchmark::MemoryManager { void Start() override {} void Stop(Result*) override {} };
    int main() { M m; m.Start(); return 0; }"
    BENCHGATE_GBENCH_STOP_POINTER)
  check_cxx_source_compiles("#include <benchmark/benchmark.h>
    int main() { ${result} r; r.memory_iterations = 1; return r.memory_iterations > 1; }"
    BENCHGATE_GBENCH_MEMORY_ITERS)
  check_cxx_source_compiles("#include <benchmark/benchmark.h>
    int main() { return sizeof(benchmark::kDefaultMinTimeStr) > 1 ? 0 : 1; }"
    BENCHGATE_GBENCH_MIN_TIME_SUFFIX)
  cmake_pop_check_state()

  set(version "unknown")  # e.g. fetched and built here: no package version
  if(benchmark_VERSION)
    set(version "${benchmark_VERSION}")
  endif()
  set(definitions "")
  set(features "")
  foreach(check IN ITEMS BENCHGATE_GBENCH_SKIPPED BENCHGATE_GBENCH_MEMORY_VALUE
                         BENCHGATE_GBENCH_STOP_POINTER BENCHGATE_GBENCH_MEMORY_ITERS
                         BENCHGATE_GBENCH_MIN_TIME_SUFFIX)
    if(${check})
      list(APPEND definitions ${check}=1)
      string(REPLACE "BENCHGATE_GBENCH_" "" short "${check}")
      list(APPEND features ${short})
    endif()
  endforeach()
  # A 1.7 API that also looks like 1.8 (or none of either) is a Google
  # Benchmark benchgate's adapter does not know: say so at configure time,
  # not as a page of compile errors.
  if(BENCHGATE_GBENCH_STOP_POINTER AND BENCHGATE_GBENCH_SKIPPED)
    message(FATAL_ERROR "benchgate: Google Benchmark ${version} (${benchmark_DIR}) has both "
                        "1.7's MemoryManager::Stop(Result*) and 1.8's Run::skipped; benchgate "
                        "supports 1.7, 1.8 and 1.9")
  endif()
  if(NOT BENCHGATE_GBENCH_STOP_POINTER AND NOT BENCHGATE_GBENCH_SKIPPED)
    message(FATAL_ERROR "benchgate: Google Benchmark ${version} (${benchmark_DIR}) has neither "
                        "1.7's MemoryManager::Stop(Result*) nor 1.8's Run::skipped; benchgate "
                        "supports 1.7, 1.8 and 1.9")
  endif()
  string(REPLACE ";" ", " shown "${features}")
  set(where "${benchmark_DIR}")
  if(NOT imported)
    set(where "built in this project")
  endif()
  message(STATUS "benchgate: Google Benchmark ${version} (${where}); API: ${shown}")
  set(BENCHGATE_GBENCH_API_DEFINITIONS "${definitions}" PARENT_SCOPE)
  set(BENCHGATE_GBENCH_VERSION "${version}" PARENT_SCOPE)
endfunction()

benchgate_check_gbench_api()
