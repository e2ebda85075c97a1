#include "ab_counts.h"

#include <filesystem>
#include <system_error>

#include "benchgate/error.h"
#include "io/files.h"
#include "io/run_reader.h"
#include "run/child_process.h"

namespace benchgate::ab {

RunData CountBinary(const AbOptions& o, const std::string& role, const std::string& binary,
                    const std::string& json_path, const std::string& stderr_path) {
  namespace fs = std::filesystem;
  const std::string source = role + " binary " + binary;
  std::error_code error;
  fs::remove(json_path, error);
  ChildOptions child;
  child.stderr_path = stderr_path;
  // Variables, not flags: a binary without benchgate ignores them and says
  // nothing, which is told apart below; flags would make it fail on its own.
  child.set_env = {"BENCHGATE_MEASURE=instructions", "BENCHGATE_OUT=" + json_path};
  std::vector<std::string> args = o.child_flags;
  // The binary counts only its shard's benchmarks itself (--benchgate_shard).
  if (o.shard) args.push_back("--benchgate_shard=" + ShardName(*o.shard));
  const ChildExit ended = RunChild(binary, args, child);
  const bool written = fs::is_regular_file(json_path, error);
  // The binary's own budgets broken still leave counts to judge here.
  if (!ResultsStand(ended, written)) {
    const std::string line = TellingLine(ReadFileIfAny(stderr_path));
    throw Error(source, "", ended.what + (line.empty() ? "" : ": " + line));
  }
  RunData run;
  if (written) {
    try {
      run = ReadRunFile(json_path);
    } catch (const Error& bad) {
      throw Error(source, "", bad.what());
    }
  }
  if (!written || run.measure != Measure::kInstructions) {
    throw Error(source, "",
                "cannot count instructions: it is not linked with benchgate (it wrote no "
                "instructions run); link benchgate::main, or benchgate::benchgate with "
                "benchgate::Initialize in its own main");
  }
  return run;
}

}  // namespace benchgate::ab
