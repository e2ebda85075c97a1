// Reading a run from JSON: Google Benchmark's own output (iteration rows are
// the samples) or benchgate's enriched JSON (schema 1, samples from the
// "benchgate" key). Every problem is a benchgate::Error naming the file, the
// place (line:column for syntax, a JSON pointer for content) and what was
// expected, as one line.
#ifndef BENCHGATE_IO_RUN_READER_H_
#define BENCHGATE_IO_RUN_READER_H_

#include <string>

#include "benchgate/model/sample_set.h"

namespace benchgate {

// Deeper nesting than this is rejected before parsing (a recursive parser
// would otherwise overflow the stack on hostile input).
inline constexpr int kMaxJsonDepth = 256;

RunData ReadRunFile(const std::string& path);

// The same from text; `source` names it in errors.
RunData ReadRunText(const std::string& text, const std::string& source);

}  // namespace benchgate

#endif  // BENCHGATE_IO_RUN_READER_H_
