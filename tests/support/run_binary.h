// Running a benchmark binary as a user's shell does, for tests that compare
// its stdout and exit code (run_gbench_compat_test, run_gbench_differential_test).
#ifndef BENCHGATE_TESTS_SUPPORT_RUN_BINARY_H_
#define BENCHGATE_TESTS_SUPPORT_RUN_BINARY_H_

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/outcome.h"
#include "support/read_file.h"

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

// `env` ("NAME=value ...", may be empty) and `command` (a binary and its
// flags, quoted for the shell) run in `dir` as a user's shell runs them;
// stdout and stderr through files in `dir`.
inline Outcome RunInDir(const std::filesystem::path& dir, const std::string& env,
                        const std::string& command) {
  const std::filesystem::path out = dir / "stdout.txt";
  const std::filesystem::path err = dir / "stderr.txt";
  const std::string line = "cd '" + dir.string() + "' && env " + env + " " + command + " > '" +
                           out.string() + "' 2> '" + err.string() + "'";
  const int status = std::system(line.c_str());
  Outcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.out = ReadFile(out);
  outcome.err = ReadFile(err);
  return outcome;
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_RUN_BINARY_H_
