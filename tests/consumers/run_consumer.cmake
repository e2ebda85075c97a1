# Builds and runs the consumer project in one mode, as ctest test:
#   cmake -DMODE=... -DSOURCE_DIR=... -DWORK_DIR=... [-DPREFIX=...] -DCXX=... -DBUILD_TYPE=...
#         -DCXX_FLAGS=... -P run_consumer.cmake
foreach(variable IN ITEMS MODE SOURCE_DIR WORK_DIR CXX BUILD_TYPE)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "run_consumer.cmake: ${variable} is not set")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${result}): ${command}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(configure ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumers/project -B ${WORK_DIR}
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" -DBENCHGATE_CONSUMER_MODE=${MODE}
    -DBENCHGATE_SOURCE_DIR=${SOURCE_DIR})
if(MODE STREQUAL "find_package")
  list(APPEND configure -DCMAKE_PREFIX_PATH=${PREFIX})
endif()
run(${configure})
run(${CMAKE_COMMAND} --build ${WORK_DIR} -j2)
# The consumer runs like a user's benchmark binary, enriched JSON and all.
run(${WORK_DIR}/consumer_bench --benchmark_min_time=0.01 --benchmark_repetitions=3
    --benchgate_out=${WORK_DIR}/out.json)
file(READ ${WORK_DIR}/out.json json)
string(JSON version GET "${json}" benchgate schema_version)
string(JSON allocs GET "${json}" benchgate results 0 memory allocs_per_iter)
string(JSON latency GET "${json}" benchgate results 0 latency count)
if(NOT version EQUAL 1 OR latency LESS 1)
  message(FATAL_ERROR "unexpected enriched JSON from the consumer: ${json}")
endif()
message(STATUS "consumer (${MODE}) ok: allocs_per_iter ${allocs}, latency count ${latency}")
