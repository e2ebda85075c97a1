// A strict JSON reader for the text benchgate reads most: large, valid runs.
//
// nlohmann's parser reads a byte at a time through an input adapter and
// needs a cleaning pass for Google Benchmark's bare NaN and Infinity; on a
// 2,000-benchmark run that is three quarters of benchgate-diff's time. This
// reader takes the same grammar (RFC 8259, plus NaN, Infinity, -Infinity and
// -NaN as values) in one pass over contiguous memory, hands the streamed
// array's object elements over as flat member lists instead of trees, and
// builds everything else as the same nlohmann document.
//
// It never reports an error. On anything it does not read exactly as
// nlohmann would (any syntax error, a byte order mark, a number beyond a
// double's range, nesting deeper than kMaxJsonDepth, a second streamed
// member) it gives up, and the caller parses the text again with nlohmann,
// whose error message, with its place, is the one the user sees.
#ifndef BENCHGATE_IO_JSON_FAST_READER_H_
#define BENCHGATE_IO_JSON_FAST_READER_H_

#include <cstddef>
#include <exception>
#include <nlohmann/json.hpp>
#include <string_view>

#include "io/json_text.h"

namespace benchgate {

struct FastReadResult {
  bool complete = false;  // false: gave up, parse again with nlohmann
  nlohmann::json root;
  // Elements handed to the streamed array's callbacks (before giving up, too).
  std::size_t handed = 0;
  // The first exception thrown by a callback; later elements were not handed.
  std::exception_ptr refused;
};

FastReadResult FastReadJson(std::string_view text, NonFinite non_finite,
                            const StreamedArray* streamed);

}  // namespace benchgate

#endif  // BENCHGATE_IO_JSON_FAST_READER_H_
