// Quantities with units, as people write them in budgets and threshold files:
// "10us", "2.5 ms", "1 KiB", "5%". Parsed strictly: a typo is an error naming
// what was expected, never a silently different number.
#ifndef BENCHGATE_GATE_UNITS_H_
#define BENCHGATE_GATE_UNITS_H_

#include <optional>
#include <string>
#include <string_view>

namespace benchgate {

// A duration in nanoseconds: "250ns", "10us" (or "10µs"), "2.5 ms", "1s".
// A unit is required: a bare number is ambiguous.
std::optional<double> ParseDuration(std::string_view text);

// A size in bytes: "512B", "4 KB" (1000), "1 KiB" (1024), "2MiB", "1 GB", ...;
// a bare non-negative number is bytes.
std::optional<double> ParseBytes(std::string_view text);

// A fraction from a percentage: "5%" -> 0.05, "0.5 %" -> 0.005.
std::optional<double> ParsePercent(std::string_view text);

// A plain non-negative number: "0", "12", "1.5e3".
std::optional<double> ParseCount(std::string_view text);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_UNITS_H_
