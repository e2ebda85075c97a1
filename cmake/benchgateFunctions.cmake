# CMake functions for projects that use benchgate (included by the package
# config and by benchgate's own CMakeLists.txt, so find_package,
# add_subdirectory and FetchContent users all have them).

# benchgate_adopt_main(<target>...)
#
# Runs existing benchmark executables through benchgate without editing a
# source file: for sources that end in Google Benchmark's BENCHMARK_MAIN(),
# and for targets linked with benchmark::benchmark_main. Their own main() is
# renamed by a compile definition (main=benchgate_replaced_main: it is still
# compiled, never called), benchmark::benchmark_main is taken out of the link,
# and benchgate::main provides main(). A hand-written main() that does more
# than BENCHMARK_MAIN() (set-up before the run) would be skipped the same way:
# call benchgate::Initialize and benchgate::RunSpecifiedBenchmarks there
# instead (benchgate/runner.h), or write BENCHGATE_MAIN().
function(benchgate_adopt_main)
  foreach(target IN LISTS ARGN)
    if(NOT TARGET ${target})
      message(FATAL_ERROR "benchgate_adopt_main: '${target}' is not a target")
    endif()
    get_target_property(type ${target} TYPE)
    if(NOT type STREQUAL "EXECUTABLE")
      message(FATAL_ERROR "benchgate_adopt_main: '${target}' is a ${type}, expected an executable")
    endif()
    get_target_property(libraries ${target} LINK_LIBRARIES)
    if(libraries)
      list(REMOVE_ITEM libraries benchmark::benchmark_main benchmark_main)
      set_property(TARGET ${target} PROPERTY LINK_LIBRARIES ${libraries})
    endif()
    target_compile_definitions(${target} PRIVATE main=benchgate_replaced_main)
    target_link_libraries(${target} PRIVATE benchgate::main)
  endforeach()
endfunction()

# benchgate_add_test(NAME <name> TARGET <target> [BASELINE <file>]
#                    [THRESHOLDS <file or directory>] [ARGS <flag>...])
#
# Registers a benchmark binary's gated run as a CTest test labelled
# `benchmark`: it fails when the gate does (exit 1: a regression against
# BASELINE or a budget of THRESHOLDS exceeded; exit 2: bad input). The test
# runs alone (RUN_SERIAL): timing beside other tests measures them too.
# `ctest -L benchmark` runs the gates; `ctest -LE benchmark` everything else.
function(benchgate_add_test)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;TARGET;BASELINE;THRESHOLDS" "ARGS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "benchgate_add_test: unexpected arguments '${arg_UNPARSED_ARGUMENTS}'")
  endif()
  if(NOT arg_NAME OR NOT arg_TARGET)
    message(FATAL_ERROR "benchgate_add_test: expected NAME <name> and TARGET <target>")
  endif()
  if(NOT TARGET ${arg_TARGET})
    message(FATAL_ERROR "benchgate_add_test: '${arg_TARGET}' is not a target")
  endif()
  set(command $<TARGET_FILE:${arg_TARGET}>)
  if(arg_BASELINE)
    list(APPEND command --benchgate_baseline=${arg_BASELINE})
  endif()
  if(arg_THRESHOLDS)
    list(APPEND command --benchgate_thresholds=${arg_THRESHOLDS})
  endif()
  add_test(NAME ${arg_NAME} COMMAND ${command} ${arg_ARGS})
  set_tests_properties(${arg_NAME} PROPERTIES LABELS benchmark RUN_SERIAL TRUE)
endfunction()
