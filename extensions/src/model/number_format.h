// Number formatting shared by the gate's reasons and every renderer, so the
// verdicts, the console, Markdown and HTML agree on how a duration or a
// change reads, and the one parser of a share that every tool's flags take.
// Below both layers: the gate never depends on report/.
#ifndef BENCHGATE_MODEL_NUMBER_FORMAT_H_
#define BENCHGATE_MODEL_NUMBER_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>

namespace benchgate {

// 3 significant digits in the largest unit that keeps the value >= 1:
// 0.5 -> "0.500 ns", 1234 -> "1.23 us", 2.5e9 -> "2.50 s"; below 0.1 ns
// three significant digits: 5.6e-7 -> "5.6e-07 ns".
std::string FormatDuration(double nanoseconds);

// A relative change with sign: 0.052 -> "+5.2%", -0.1234 -> "-12.3%".
std::string FormatChange(double change);

// A plain percentage without sign: 0.012 -> "1.2%".
std::string FormatPercent(double fraction);

// A p-value: 0.0004 -> "0.0004", 3.2e-9 -> "3.2e-09", 0.5 -> "0.50".
std::string FormatPValue(double p);

// A count: 1234567 -> "1234567" (no separators: easy to parse back).
std::string FormatCount(double count);

// A counter's value in 3 significant digits with a prefix, as Google
// Benchmark's console shows counters: 6793480 -> "6.79M", 1234 -> "1.23k",
// 3 -> "3.00", 0.25 -> "0.25", 0 -> "0". With base 1024 the prefixes count
// in 1024s, as for a counter with OneK::kIs1024: 2048 -> "2.00k".
std::string FormatQuantity(double value, double base = 1000);

// A share as a flag gives it, "10%" or "0.1", as a number from 0 to 1;
// nullopt for anything else (out of range, spaces, a sign other than a
// leading '-', trailing text, NaN). The caller words the error.
std::optional<double> ParseShare(std::string_view text);

}  // namespace benchgate

#endif  // BENCHGATE_MODEL_NUMBER_FORMAT_H_
