#include "run/count_attribution.h"

#include <algorithm>

namespace benchgate {

std::string BoundaryLabel(const std::string& name) {
  std::string label = name;
  for (char& c : label) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return label;
}

DumpGroups GroupDumps(const std::vector<CallgrindDump>& dumps) {
  DumpGroups groups;
  const std::string boundary = std::string(kClientRequestTrigger) + kBoundaryPrefix;
  std::vector<std::uint64_t> pending;
  for (const CallgrindDump& dump : dumps) {
    if (dump.trigger.rfind(boundary, 0) != 0) {
      pending.push_back(dump.instructions);
      continue;
    }
    const std::string label = dump.trigger.substr(boundary.size());
    auto [it, fresh] = groups.counts.try_emplace(label);
    if (fresh) groups.order.push_back(label);
    // Google Benchmark reports a benchmark's aggregates after its rows: a
    // second boundary of the same benchmark with no repetition before it.
    it->second.insert(it->second.end(), pending.begin(), pending.end());
    pending.clear();
  }
  groups.unattributed = pending.size();
  return groups;
}

ProcessCounts AttributeCounts(const DumpGroups& groups, const RunData& rows, double floor) {
  ProcessCounts out;
  for (const SampleSet& set : rows.benchmarks) {
    if (set.errored) continue;
    if (set.threads > 1) {
      out.not_counted[set.name] =
          "runs on " + std::to_string(set.threads) +
          " threads; Valgrind runs one thread at a time and callgrind counts them together, "
          "so its instructions are not judged (measure it in time)";
      continue;
    }
    const auto found = groups.counts.find(BoundaryLabel(set.name));
    const std::size_t dumps = found == groups.counts.end() ? 0 : found->second.size();
    const std::size_t repetitions = set.iterations.size();
    if (dumps != repetitions || repetitions == 0) {
      out.not_counted[set.name] = "expected " + std::to_string(repetitions) +
                                  " counted loops (one per repetition), got " +
                                  std::to_string(dumps) + "; its instructions are not judged";
      continue;
    }
    // The first repetition pays for lazy binding and first-touch paths: a
    // warm-up, left out when another one follows.
    const std::size_t first = repetitions >= 2 ? 1 : 0;
    std::vector<double>& values = out.per_iteration[set.name];
    for (std::size_t i = first; i < repetitions; ++i) {
      const double iterations = std::max(set.iterations[i], 1.0);
      const double body = std::max(static_cast<double>(found->second[i]) - floor, 0.0);
      values.push_back(body / iterations);
    }
    out.iterations[set.name] = static_cast<std::int64_t>(set.iterations.back());
  }
  return out;
}

void CombineCounts(SampleSet& set, const ProcessCounts& first, const ProcessCounts& second) {
  InstructionCount count;
  for (const ProcessCounts* process : {&first, &second}) {
    const auto why = process->not_counted.find(set.name);
    if (why != process->not_counted.end() && count.not_counted.empty()) {
      count.not_counted = why->second;
    }
  }
  const auto a = first.per_iteration.find(set.name);
  const auto b = second.per_iteration.find(set.name);
  if (count.not_counted.empty() &&
      (a == first.per_iteration.end() || b == second.per_iteration.end())) {
    count.not_counted = "counted in one process only; its instructions are not judged";
  }
  if (!count.not_counted.empty()) {
    set.instructions = count;
    return;
  }
  count.per_iteration = a->second;
  count.first_process = a->second.size();
  count.per_iteration.insert(count.per_iteration.end(), b->second.begin(), b->second.end());
  count.iterations = first.iterations.at(set.name);
  // Deterministic: the second process counted exactly what the first did,
  // repetition by repetition. Repetitions of one process may differ from
  // each other (an allocator's free lists change between them) and still
  // repeat exactly in the next process; the value is their median. The
  // warm-up repetition takes the dynamic loader's lazy binding, and with
  // address-space randomisation off nothing else in a single-threaded loop
  // depends on the process (measured: README).
  count.deterministic = a->second == b->second;
  set.instructions = count;
}

}  // namespace benchgate
