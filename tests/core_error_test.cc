#include "benchgate/error.h"

#include <gtest/gtest.h>

namespace benchgate {
namespace {

TEST(ErrorTest, JoinsSourcePlaceAndExpectation) {
  const Error error("runs/base.json", "3:14", "expected a number");
  EXPECT_STREQ(error.what(), "runs/base.json:3:14: expected a number");
  EXPECT_EQ(error.source(), "runs/base.json");
  EXPECT_EQ(error.place(), "3:14");
  EXPECT_EQ(error.expected(), "expected a number");
}

TEST(ErrorTest, OmitsAnEmptyPlace) {
  const Error error("--benchgate_alpha", "", "expected a number in (0, 1), got 'x'");
  EXPECT_STREQ(error.what(), "--benchgate_alpha: expected a number in (0, 1), got 'x'");
}

TEST(ErrorTest, IsAlwaysOneLine) {
  const Error error("a.json", "1:1", "expected an object,\ngot \"x\r\"");
  EXPECT_STREQ(error.what(), "a.json:1:1: expected an object, got \"x \"");
}

TEST(ErrorTest, ExitCodesMatchTheContract) {
  EXPECT_EQ(kExitPass, 0);
  EXPECT_EQ(kExitGateFailed, 1);
  EXPECT_EQ(kExitBadInput, 2);
}

}  // namespace
}  // namespace benchgate
