// The umbrella header: everything a benchmark file needs from benchgate.
//   benchgate::Sampled(state)      per-iteration latency (sampled.h)
//   BENCHGATE_BUDGET("regex")...   budgets next to the registration (budget.h)
//   benchgate::Initialize / RunSpecifiedBenchmarks for an own main() (runner.h)
// plus the statistics a user may call on their own samples: descriptive
// summaries and percentiles, the Mann-Whitney test and its effect sizes.
// Only these headers are installed; everything else is the tools' plumbing.
#ifndef BENCHGATE_BENCHGATE_H_
#define BENCHGATE_BENCHGATE_H_

#include "benchgate/budget.h"
#include "benchgate/budget_rule.h"
#include "benchgate/build_info.h"
#include "benchgate/error.h"
#include "benchgate/latency_histogram.h"
#include "benchgate/runner.h"
#include "benchgate/sample_view.h"
#include "benchgate/sampled.h"
#include "benchgate/stats/effect_size.h"
#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/percentile.h"
#include "benchgate/stats/status.h"
#include "benchgate/stats/summary.h"

#endif  // BENCHGATE_BENCHGATE_H_
