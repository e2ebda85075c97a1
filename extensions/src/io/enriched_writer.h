// Writing the enriched JSON (schema 1, DESIGN.md): Google Benchmark's own
// JSON text, byte for byte, plus one "benchgate" key.
#ifndef BENCHGATE_IO_ENRICHED_WRITER_H_
#define BENCHGATE_IO_ENRICHED_WRITER_H_

#include <string>
#include <vector>

#include "benchgate/budget_rule.h"
#include "gate/verdict.h"
#include "model/environment.h"

namespace benchgate {

inline constexpr int kEnrichedSchemaVersion = 1;

// gbench_json: the complete text Google Benchmark's JSONReporter wrote for
// the run ({"context": ..., "benchmarks": [...]}). It is kept as text, not
// re-serialised, so `context` and `benchmarks` stay exactly as Google
// Benchmark wrote them (including its bare NaN / Infinity).
//
// code_budgets: the binary's BENCHGATE_BUDGET rules, written as "budgets"
// (only when there are any) so that benchgate-diff and benchgate-ab judge
// the run by the budgets its code declares:
//   "budgets": [ { "pattern": "BM_Lookup/.*", "origin": "bench/lookup.cc:42",
//                  "limits": [ { "statistic": "p99", "value": 10000,
//                                "minimum": false } ],
//                  "max_regression": 0.05 } ]
// Values in the Limit's units (nanoseconds for times, a fraction for cv).
//
// counting: an instructions run's setup (--benchgate_measure=instructions),
// written as "measure": "instructions" and "counting": { "valgrind",
// "options", "harness_floor", "processes" }; each result then has
//   "instructions": { "per_iteration": 6260, "iterations": 1,
//                     "counts": [[6260, 6260], [6260, 6260]],   // per process
//                     "deterministic": true }
// or { "not_counted": "why" }. Null for a time run (no "measure" key).
// shard: --benchgate_shard, written as "shard": { "index": K, "count": N };
// null: the whole selection (no "shard" key).
// speed_probe: the machine's speed through the run (model/speed_probe.h),
// written as "speed_probe": { "kind": "...", "points_ns": [1.33e6, ...] };
// null: no probe (no key). With a baseline that had one, "gate" also has
// "machine": { "change", "baseline_ns", "candidate_ns" }.
std::string RenderEnrichedJson(const std::string& gbench_json, const Environment& environment,
                               const SuiteAnalysis& analysis,
                               const std::vector<BudgetRule>& code_budgets = {},
                               const CountingSetup* counting = nullptr,
                               const Shard* shard = nullptr,
                               const SpeedProbe* speed_probe = nullptr);

}  // namespace benchgate

#endif  // BENCHGATE_IO_ENRICHED_WRITER_H_
