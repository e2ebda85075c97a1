// Running a benchmark binary as a user's shell does, for tests that compare
// its stdout and exit code (run_gbench_compat_test, run_gbench_differential_test).
#ifndef BENCHGATE_TESTS_SUPPORT_RUN_BINARY_H_
#define BENCHGATE_TESTS_SUPPORT_RUN_BINARY_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace benchgate::test {

struct Ran {
  int exit_code = -1;
  std::string out;  // what was captured
};

// `binary flags` through the shell; captures stdout (stderr to /dev/null),
// or with stderr_only stderr (stdout to /dev/null).
inline Ran RunBinary(const std::string& binary, const std::string& flags,
                     bool stderr_only = false) {
  Ran ran;
  const std::string redirect = stderr_only ? " 2>&1 >/dev/null" : " 2>/dev/null";
  FILE* pipe = popen((binary + " " + flags + redirect).c_str(), "r");
  if (pipe == nullptr) return ran;
  char buffer[4096];
  for (std::size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    ran.out.append(buffer, got);
  }
  const int status = pclose(pipe);
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_RUN_BINARY_H_
