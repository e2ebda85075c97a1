#!/usr/bin/python3
"""How well the speed probe tracked what the machine did to the benchmarks,
over a chain of runs of the same binaries (bench/main_job_pairs.sh keeps each
run's enriched JSON in LOGDIR/run-K/).

    bench/speed_probe_check.py LOGDIR [LIMIT=0.10]

For each binary and each run judged against the run before: the median over
its benchmarks of the verdicts' shifts (what the kept samples saw, bursts set
aside), beside the probe's change computed three ways from the two files'
points (ratio of medians, of means, of 20%-trimmed means: the slowest fifth
of the points dropped), the verdicts that were regressions and those left
inconclusive for the machine. Then, per statistic, its mean distance from the
benchmarks' median shift and how often it went beyond LIMIT (the probe's
limit at the main job's 20% tolerance). Reads only; prints; exit 0 (2 on a
bad argument).
"""
import glob
import json
import math
import os
import statistics
import sys


def trimmed_mean(points, share=0.2):
    kept = sorted(points)[: len(points) - int(len(points) * share)]
    return sum(kept) / len(kept)


STATISTICS = [("median", statistics.median), ("mean", statistics.mean), ("trim20", trimmed_mean)]


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)


def main():
    if len(sys.argv) not in (2, 3):
        fail("usage: bench/speed_probe_check.py LOGDIR [LIMIT=0.10]")
    limit = float(sys.argv[2]) if len(sys.argv) == 3 else 0.10
    runs = sorted(glob.glob(os.path.join(sys.argv[1], "run-*/")),
                  key=lambda d: int(d.rstrip("/").rsplit("-", 1)[1]))
    if len(runs) < 2:
        fail("speed_probe_check: %s: expected run-K/ directories of at least two runs" % sys.argv[1])
    rows = []
    for before, after in zip(runs, runs[1:]):
        for path in sorted(glob.glob(os.path.join(after, "benchgate_*_bench.json"))):
            name = os.path.basename(path)
            base = os.path.join(before, name)
            if not os.path.exists(base):
                continue
            old, new = (json.load(open(p))["benchgate"] for p in (base, path))
            if "speed_probe" not in old or "speed_probe" not in new:
                continue
            shifts = [r["verdict"]["shift"] for r in new["results"]
                      if "shift" in r.get("verdict", {})]
            row = {"run": after.rstrip("/").rsplit("/", 1)[1], "binary": name[10:-11],
                   "bench": statistics.median(shifts) if shifts else math.nan,
                   "regressions": sum(r.get("verdict", {}).get("status") == "regression"
                                      for r in new["results"]),
                   "machine": sum(r.get("verdict", {}).get("undecided") == "machine speed differs"
                                  for r in new["results"])}
            for label, f in STATISTICS:
                row[label] = f(new["speed_probe"]["points_ns"]) / f(old["speed_probe"]["points_ns"]) - 1
            rows.append(row)
    print("run     binary   benchmarks  median    mean  trim20  regressions  machine")
    for r in rows:
        print("%-7s %-8s %+9.1f%% %+6.1f%% %+6.1f%% %+6.1f%%  %11d  %7d" % (
            r["run"], r["binary"], 100 * r["bench"], 100 * r["median"], 100 * r["mean"],
            100 * r["trim20"], r["regressions"], r["machine"]))
    judged = [r for r in rows if not math.isnan(r["bench"])]
    for label, _ in STATISTICS:
        distance = sum(abs(r[label] - r["bench"]) for r in judged) / max(len(judged), 1)
        beyond = sum(abs(r[label]) > limit for r in rows)
        print("%-6s: %.1f%% from the benchmarks' median shift on average; beyond %.0f%% in %d of %d"
              % (label, 100 * distance, 100 * limit, beyond, len(rows)))


if __name__ == "__main__":
    main()
