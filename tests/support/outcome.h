// What one run of a tool or a benchmark binary gave, for the end-to-end tests.
#ifndef BENCHGATE_TESTS_SUPPORT_OUTCOME_H_
#define BENCHGATE_TESTS_SUPPORT_OUTCOME_H_

#include <string>

namespace benchgate::test {

struct Outcome {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_OUTCOME_H_
