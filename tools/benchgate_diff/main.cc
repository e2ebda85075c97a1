// benchgate-diff: compares two runs (or a history of runs) of a benchmark
// suite. Everything happens in RunDiff(); this only connects it to the
// process.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "diff_command.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = benchgate::diff::RunDiff(args, std::cout, std::cerr, isatty(STDOUT_FILENO) != 0);
  std::cout.flush();
  return code;
}
