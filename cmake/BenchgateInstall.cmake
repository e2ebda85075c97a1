# Installs headers, the three targets and a relocatable package config, so
# that a separate project can do find_package(benchgate CONFIG REQUIRED).
include(CMakePackageConfigHelpers)

set(BENCHGATE_CONFIG_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/benchgate)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/extensions/include/benchgate
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# benchgate_memory is an OBJECT library: without OBJECTS DESTINATION its
# objects would not be installed and linking benchgate::memory would
# silently count nothing.
install(TARGETS benchgate benchgate_main benchgate_memory
        EXPORT benchgateTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        OBJECTS DESTINATION ${CMAKE_INSTALL_LIBDIR}/benchgate-objects
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# benchgate::gtest in an export set of its own: a consumer without
# GoogleTest still finds the package (benchgateConfig.cmake includes it only
# when GTest is found there).
if(TARGET benchgate_gtest)
  install(TARGETS benchgate_gtest EXPORT benchgateGtestTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT benchgateGtestTargets NAMESPACE benchgate:: DESTINATION ${BENCHGATE_CONFIG_DIR})
endif()

if(TARGET benchgate-diff)
  install(TARGETS benchgate-diff RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
if(TARGET benchgate-ab)
  install(TARGETS benchgate-ab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT benchgateTargets
        NAMESPACE benchgate::
        DESTINATION ${BENCHGATE_CONFIG_DIR})

# find_dependency(benchmark <version> EXACT) when the version is known.
set(BENCHGATE_GBENCH_REQUIREMENT "")
if(NOT BENCHGATE_GBENCH_VERSION STREQUAL "unknown")
  set(BENCHGATE_GBENCH_REQUIREMENT "${BENCHGATE_GBENCH_VERSION} EXACT")
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/benchgateConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/benchgateConfig.cmake
                              INSTALL_DESTINATION ${BENCHGATE_CONFIG_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/benchgateConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION}
                                 COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/benchgateConfig.cmake
              ${PROJECT_BINARY_DIR}/benchgateConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/benchgateRe2.cmake
              ${PROJECT_SOURCE_DIR}/cmake/benchgateFunctions.cmake
        DESTINATION ${BENCHGATE_CONFIG_DIR})
