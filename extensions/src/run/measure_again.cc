#include "run/measure_again.h"

#include <benchmark/benchmark.h>

#include "gate/more_rounds.h"
#include "run/collecting_reporter.h"
#include "run/latency_registry.h"

namespace benchgate {

RunData MeasureAgain(const std::vector<std::string>& names) {
  // No display or file sink: the first pass is what Google Benchmark's own
  // outputs describe; the extra samples feed the verdicts.
  DisplayView no_display(ReporterSink{});
  CollectingReporter extra(ReporterSink{}, false, nullptr);
  benchmark::RunSpecifiedBenchmarks(&no_display, &extra, ExactNameFilter(names));
  DiscardLatencyHistograms();
  return extra.run();
}

}  // namespace benchgate
