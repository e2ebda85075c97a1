// benchgate-ab: runs a baseline and a candidate benchmark binary in
// interleaved rounds and gates on the comparison. Everything happens in
// RunAb(); this only connects it to the process.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "ab_command.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const benchgate::ab::Terminals terminals{isatty(STDOUT_FILENO) != 0, isatty(STDERR_FILENO) != 0};
  const int code = benchgate::ab::RunAb(args, std::cout, std::cerr, terminals);
  std::cout.flush();
  return code;
}
