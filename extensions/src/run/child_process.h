// Child processes of benchgate: benchgate-ab's rounds and the counting
// processes of --benchgate_measure=instructions. Started with posix_spawn,
// their output to files, waited for with an optional time limit, and
// stopped on Ctrl-C so that temporary files are removed.
#ifndef BENCHGATE_RUN_CHILD_PROCESS_H_
#define BENCHGATE_RUN_CHILD_PROCESS_H_

#include <string>
#include <vector>

namespace benchgate {

// A fresh directory from mkdtemp under $TMPDIR (or /tmp), named
// `<name>.XXXXXX`, removed with all it holds when this goes out of scope: on
// success, on error, on Ctrl-C.
class TempDir {
 public:
  explicit TempDir(const std::string& name = "benchgate");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// While one lives, SIGINT and SIGTERM are recorded instead of ending the
// process at once: RunChild then stops its child (SIGTERM) and throws
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
// (Segmentation fault)", "could not be started (Exec format error)", "did
// not finish in 60 s".
struct ChildExit {
  bool ok = false;
  std::string what;
  int code = -1;  // the exit status when it exited, else -1
  bool timed_out = false;
};

// Whether a benchmark binary's results stand: it ended well, or only its own
// gate failed (exit 1: budgets its code declares) after it wrote them.
bool ResultsStand(const ChildExit& ended, bool wrote_results);

struct ChildOptions {
  std::string stderr_path;           // stderr goes into this file
  std::string stdout_path;           // "": /dev/null
  std::vector<std::string> set_env;  // "NAME=value": replaces or adds a variable
  double timeout_seconds = 0;        // 0: no limit; else killed (SIGKILL) after it
};

// Runs `binary` with `args` (argv[0] is the binary), the environment
// inherited with `set_env` applied, stdin on /dev/null, and waits for it.
ChildExit RunChild(const std::string& binary, const std::vector<std::string>& args,
                   const ChildOptions& options);

// The line of a child's stderr worth quoting in a one-line error: the first
// that mentions "error", else the first non-empty one ("" for none).
std::string TellingLine(const std::string& stderr_text);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_CHILD_PROCESS_H_
