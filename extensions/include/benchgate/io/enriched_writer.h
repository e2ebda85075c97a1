// Writing the enriched JSON (schema 1, DESIGN.md): Google Benchmark's own
// JSON text, byte for byte, plus one "benchgate" key.
#ifndef BENCHGATE_IO_ENRICHED_WRITER_H_
#define BENCHGATE_IO_ENRICHED_WRITER_H_

#include <string>

#include "benchgate/gate/analysis.h"
#include "benchgate/model/environment.h"

namespace benchgate {

inline constexpr int kEnrichedSchemaVersion = 1;

// gbench_json: the complete text Google Benchmark's JSONReporter wrote for
// the run ({"context": ..., "benchmarks": [...]}). It is kept as text, not
// re-serialised, so `context` and `benchmarks` stay exactly as Google
// Benchmark wrote them (including its bare NaN / Infinity).
std::string RenderEnrichedJson(const std::string& gbench_json, const Environment& environment,
                               const SuiteAnalysis& analysis);

}  // namespace benchgate

#endif  // BENCHGATE_IO_ENRICHED_WRITER_H_
