// benchgate-ab's processes: checking and running the two binaries, the
// temporary directory, the order within rounds, and Ctrl-C.
#ifndef BENCHGATE_TOOLS_AB_PROCESS_H_
#define BENCHGATE_TOOLS_AB_PROCESS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace benchgate::ab {

// Throws benchgate::Error("<role> binary <path>", "", why) unless `path` is
// an executable regular file: "no such file", "not a regular file", "not
// executable". Called for both binaries before anything runs.
void CheckExecutable(const std::string& path, const std::string& role);

// A fresh directory from mkdtemp under $TMPDIR (or /tmp), removed with all
// it holds when this goes out of scope: on success, on error, on Ctrl-C.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// While one lives, SIGINT and SIGTERM are recorded instead of ending
// benchgate-ab at once: RunChild then stops its child (SIGTERM) and throws
// benchgate::Error naming the signal, so the temporary files are removed.
// The previous handlers come back on destruction.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// How a child ended: ok, or "exited with status 1", "killed by signal 11
// (Segmentation fault)", "could not be started (Exec format error)".
struct ChildExit {
  bool ok = false;
  std::string what;
  int code = -1;  // the exit status when it exited, else -1
};

// Runs `binary` with `args` (argv[0] is the binary), the environment
// inherited with `set_env` ("NAME=value" entries) replacing or adding
// variables, stdin and stdout on /dev/null and stderr into `stderr_path`,
// and waits for it.
ChildExit RunChild(const std::string& binary, const std::vector<std::string>& args,
                   const std::string& stderr_path, const std::vector<std::string>& set_env = {});

// The line of a child's stderr worth quoting in a one-line error: the first
// that mentions "error", else the first non-empty one ("" for none).
std::string TellingLine(const std::string& stderr_text);

// Per round, whether the baseline runs first: Xoshiro256(seed), one
// Below(2) per round. The same seed always gives the same order.
std::vector<bool> BaselineFirst(std::uint64_t seed, int rounds);

// A seed from the clock, for runs without --seed.
std::uint64_t SeedFromClock();

}  // namespace benchgate::ab

#endif  // BENCHGATE_TOOLS_AB_PROCESS_H_
