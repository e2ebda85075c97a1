# RE2 (Debian's libre2-dev) as the target re2::re2, for the build and for
# installed consumers alike (benchgateConfig.cmake includes this file):
# Debian 12's package ships a pkg-config file and no CMake package, newer
# RE2 releases ship both.
if(NOT TARGET re2::re2)
  find_package(re2 CONFIG QUIET)
endif()
if(NOT TARGET re2::re2)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(BENCHGATE_RE2 REQUIRED QUIET re2)
  add_library(re2::re2 INTERFACE IMPORTED GLOBAL)
  target_link_libraries(re2::re2 INTERFACE ${BENCHGATE_RE2_LINK_LIBRARIES})
  target_include_directories(re2::re2 INTERFACE ${BENCHGATE_RE2_INCLUDE_DIRS})
  target_compile_options(re2::re2 INTERFACE ${BENCHGATE_RE2_CFLAGS_OTHER})
endif()
