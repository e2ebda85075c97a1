// How the benchmark binary was compiled: compiler, optimisation, assertions,
// sanitizers and target architecture.
//
// benchgate is a library: the macros seen while compiling benchgate's own .cc
// files describe benchgate's build, not the user's benchmarks. So
// CurrentBuildInfo() is defined here and evaluated in the translation unit
// that calls it; call it from the file that holds (or is compiled like) the
// benchmarks, e.g. from an inline wrapper around benchgate::Initialize.
#ifndef BENCHGATE_BUILD_INFO_H_
#define BENCHGATE_BUILD_INFO_H_

#include <string>

namespace benchgate {

struct BuildInfo {
  // "gcc", "clang", "apple-clang", "intel-llvm", "msvc" or "unknown".
  std::string compiler = "unknown";
  // Dotted numeric version, e.g. "12.2.0"; "unknown" when not recognised.
  std::string compiler_version = "unknown";
  // "speed" (__OPTIMIZE__), "size" (__OPTIMIZE_SIZE__), "none" (neither; GCC
  // and Clang define __OPTIMIZE__ for every -O level above -O0) or "unknown"
  // (a compiler without these macros, e.g. MSVC).
  std::string optimization = "unknown";
  // "yes" when NDEBUG was defined (assert() compiled out), "no" otherwise.
  std::string ndebug = "unknown";
  // Sanitizers compiled in, comma-separated ("address,undefined"), or "none".
  std::string sanitizers = "unknown";
  // Target architecture: "x86_64", "x86", "aarch64", "arm", "riscv64",
  // "ppc64le", "ppc64", "s390x" or "unknown".
  std::string architecture = "unknown";
};

#define BENCHGATE_BUILD_INFO_STR2(x) #x
#define BENCHGATE_BUILD_INFO_STR(x) BENCHGATE_BUILD_INFO_STR2(x)

// `static` on purpose: each translation unit gets its own copy. An ordinary
// inline function would be one definition with different bodies in TUs built
// with different flags (an ODR violation), and the linker would keep an
// arbitrary one.
static inline BuildInfo CurrentBuildInfo() {
  BuildInfo info;
#if defined(__INTEL_LLVM_COMPILER)
  info.compiler = "intel-llvm";
  info.compiler_version = BENCHGATE_BUILD_INFO_STR(__INTEL_LLVM_COMPILER);
#elif defined(__clang__)
#if defined(__apple_build_version__)
  info.compiler = "apple-clang";
#else
  info.compiler = "clang";
#endif
  info.compiler_version = BENCHGATE_BUILD_INFO_STR(__clang_major__) "." BENCHGATE_BUILD_INFO_STR(
      __clang_minor__) "." BENCHGATE_BUILD_INFO_STR(__clang_patchlevel__);
#elif defined(__GNUC__)
  info.compiler = "gcc";
  info.compiler_version = BENCHGATE_BUILD_INFO_STR(__GNUC__) "." BENCHGATE_BUILD_INFO_STR(
      __GNUC_MINOR__) "." BENCHGATE_BUILD_INFO_STR(__GNUC_PATCHLEVEL__);
#elif defined(_MSC_VER)
  info.compiler = "msvc";
  info.compiler_version = BENCHGATE_BUILD_INFO_STR(_MSC_FULL_VER);
#endif

#if defined(__OPTIMIZE_SIZE__)
  info.optimization = "size";
#elif defined(__OPTIMIZE__)
  info.optimization = "speed";
#elif defined(__GNUC__) || defined(__clang__)
  info.optimization = "none";
#endif

#if defined(NDEBUG)
  info.ndebug = "yes";
#else
  info.ndebug = "no";
#endif

  info.sanitizers = "";
#if defined(__SANITIZE_ADDRESS__)
  info.sanitizers += "address,";
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  info.sanitizers += "address,";
#endif
#endif
#if defined(__SANITIZE_THREAD__)
  info.sanitizers += "thread,";
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
  info.sanitizers += "thread,";
#endif
#endif
#if defined(__has_feature)
#if __has_feature(memory_sanitizer)
  info.sanitizers += "memory,";
#endif
#endif
  if (info.sanitizers.empty()) {
    info.sanitizers = "none";
  } else {
    info.sanitizers.pop_back();  // the trailing comma
  }

#if defined(__x86_64__) || defined(_M_X64)
  info.architecture = "x86_64";
#elif defined(__i386__) || defined(_M_IX86)
  info.architecture = "x86";
#elif defined(__aarch64__) || defined(_M_ARM64)
  info.architecture = "aarch64";
#elif defined(__arm__) || defined(_M_ARM)
  info.architecture = "arm";
#elif defined(__riscv) && __riscv_xlen == 64
  info.architecture = "riscv64";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
  info.architecture = "ppc64le";
#elif defined(__powerpc64__)
  info.architecture = "ppc64";
#elif defined(__s390x__)
  info.architecture = "s390x";
#endif
  return info;
}

#undef BENCHGATE_BUILD_INFO_STR
#undef BENCHGATE_BUILD_INFO_STR2

}  // namespace benchgate

#endif  // BENCHGATE_BUILD_INFO_H_
