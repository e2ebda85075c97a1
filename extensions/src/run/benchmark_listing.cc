#include "run/benchmark_listing.h"

#include <sstream>

#include "benchgate/error.h"
#include "io/files.h"
#include "run/child_process.h"

namespace benchgate {

std::vector<std::string> ListBenchmarks(const std::string& binary, std::vector<std::string> args,
                                        const std::vector<std::string>& set_env,
                                        double timeout_seconds) {
  const TempDir dir("benchgate-list");
  ChildOptions options;
  options.stdout_path = dir.path() + "/list";
  options.stderr_path = dir.path() + "/stderr";
  options.set_env = set_env;
  options.timeout_seconds = timeout_seconds;
  args.push_back("--benchmark_list_tests=true");
  const ChildExit ended = RunChild(binary, args, options);
  if (!ended.ok) {
    const std::string line = TellingLine(ReadFileIfAny(options.stderr_path));
    throw Error(binary, "",
                "listing its benchmarks " + ended.what + (line.empty() ? "" : ": " + line));
  }
  std::vector<std::string> names;
  std::istringstream lines(ReadFileIfAny(options.stdout_path));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) names.push_back(line);
  }
  return names;
}

}  // namespace benchgate
