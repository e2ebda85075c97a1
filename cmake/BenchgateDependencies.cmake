# Every dependency comes from the system (Debian packages); nothing is
# downloaded at configure time. The same list is repeated with
# find_dependency() in benchgateConfig.cmake.in for installed consumers.
find_package(benchmark REQUIRED)
# Which of Google Benchmark 1.7, 1.8 or 1.9 it is: BENCHGATE_GBENCH_API_DEFINITIONS.
include(${CMAKE_CURRENT_LIST_DIR}/benchgateGbenchApi.cmake)
find_package(nlohmann_json 3.9 REQUIRED)
find_package(Boost 1.71 REQUIRED)   # Boost.Math is header-only
find_package(Threads REQUIRED)
# Benchmark-name patterns (gate/name_pattern.h): linear-time matching.
include(${CMAKE_CURRENT_LIST_DIR}/benchgateRe2.cmake)
# GoogleTest: the tests, and benchgate::gtest (benchgate/gtest.h) when found.
find_package(GTest)
