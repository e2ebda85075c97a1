// Padding, counting and colours of the plain-text reports (the console table
// of a benchmark binary, benchgate-diff's text and history reports), so that
// every column and every count reads alike.
#ifndef BENCHGATE_REPORT_PLAIN_TEXT_H_
#define BENCHGATE_REPORT_PLAIN_TEXT_H_

#include <cstddef>
#include <string>

#include "gate/verdict.h"

namespace benchgate::report_detail {

// Terminal columns of UTF-8 text (code points; our marks are one column each).
std::size_t DisplayWidth(const std::string& text);

// `text` padded with spaces to `width` columns, on the right (PadRight) or
// on the left (PadLeft), with at least `min_gap` spaces on the padded side:
// a column that must stay apart from its neighbour when `text` fills it
// takes min_gap 1.
std::string PadRight(const std::string& text, std::size_t width, std::size_t min_gap = 0);
std::string PadLeft(const std::string& text, std::size_t width, std::size_t min_gap = 0);

// "1 regression", "2 regressions".
std::string Counted(std::size_t count, const std::string& noun);

// The terminal colour of a verdict: red for what fails (regression, budget
// breach, error), green for an improvement, yellow for inconclusive, ""
// otherwise; kAnsiReset ends it.
const char* AnsiColor(VerdictStatus status);
inline constexpr const char* kAnsiReset = "\033[0m";

}  // namespace benchgate::report_detail

#endif  // BENCHGATE_REPORT_PLAIN_TEXT_H_
