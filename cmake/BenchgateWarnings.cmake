# Warnings for benchgate's own targets only; consumers get none of these.
# BENCHGATE_WERROR makes them errors (CI's Google Benchmark version stages:
# the adapter must build cleanly against every version).
option(BENCHGATE_WERROR "Treat warnings in benchgate's own targets as errors" OFF)
function(benchgate_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor)
    if(BENCHGATE_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  # GCC 12 reports -Wrestrict falsely inside libstdc++ for `"literal" + str`
  # at -O2 (GCC bug 105329, fixed in GCC 13): silence that one warning only.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
