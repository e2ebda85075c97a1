// The one-line message of the benchgate::Error a call throws, for tests that
// pin exact error messages:
//
//   EXPECT_EQ(ErrorMessageOf([&] { ReadThresholds(path); }), path + ": expected ...");
#ifndef BENCHGATE_TESTS_SUPPORT_ERROR_MESSAGE_H_
#define BENCHGATE_TESTS_SUPPORT_ERROR_MESSAGE_H_

#include <string>

#include "benchgate/error.h"

namespace benchgate::test {

// What() of the benchgate::Error that `call` throws, or "no error" when it
// returns. Any other exception goes on to the test (which then fails).
template <typename Call>
std::string ErrorMessageOf(Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_ERROR_MESSAGE_H_
