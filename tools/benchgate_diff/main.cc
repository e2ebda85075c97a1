// benchgate-diff: compares two runs (or a history of runs) of a benchmark
// suite. Everything happens in RunDiff(); this only connects it to the
// process.
#include <malloc.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "diff_command.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Parsing makes a million short-lived JSON nodes (a row at a time) and
  // large sample vectors: growing the heap 64 MiB at a time instead of page
  // by page, and never trimming it, spares page faults (costly in a VM).
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = benchgate::diff::RunDiff(args, std::cout, std::cerr, isatty(STDOUT_FILENO) != 0);
  std::cout.flush();
  return code;
}
