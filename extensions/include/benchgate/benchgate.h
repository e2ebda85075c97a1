// The umbrella header: everything a benchmark file needs from benchgate.
#ifndef BENCHGATE_BENCHGATE_H_
#define BENCHGATE_BENCHGATE_H_

#include "benchgate/error.h"
#include "benchgate/runner.h"
#include "benchgate/sample_view.h"
#include "benchgate/stats/percentile.h"
#include "benchgate/stats/status.h"

#endif  // BENCHGATE_BENCHGATE_H_
