#include "benchgate/model/sample_set.h"

namespace benchgate {

double NanosecondsPerUnit(const std::string& time_unit) noexcept {
  if (time_unit == "ns") return 1.0;
  if (time_unit == "us") return 1e3;
  if (time_unit == "ms") return 1e6;
  if (time_unit == "s") return 1e9;
  return 0.0;
}

}  // namespace benchgate
