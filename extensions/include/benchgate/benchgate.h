// The umbrella header: everything a benchmark file needs from benchgate.
//   benchgate::Sampled(state)      per-iteration latency (sampled.h)
//   BENCHGATE_BUDGET("regex")...   budgets next to the registration (budget.h)
//   benchgate::Initialize / RunSpecifiedBenchmarks for an own main() (runner.h)
// plus the statistics core, usable on its own.
#ifndef BENCHGATE_BENCHGATE_H_
#define BENCHGATE_BENCHGATE_H_

#include "benchgate/budget.h"
#include "benchgate/build_info.h"
#include "benchgate/error.h"
#include "benchgate/latency_histogram.h"
#include "benchgate/model/environment.h"
#include "benchgate/model/sample_set.h"
#include "benchgate/runner.h"
#include "benchgate/sample_view.h"
#include "benchgate/sampled.h"
#include "benchgate/stats/confidence.h"
#include "benchgate/stats/effect_size.h"
#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/multiple_testing.h"
#include "benchgate/stats/outliers.h"
#include "benchgate/stats/percentile.h"
#include "benchgate/stats/slow_outliers.h"
#include "benchgate/stats/status.h"
#include "benchgate/stats/summary.h"

#endif  // BENCHGATE_BENCHGATE_H_
