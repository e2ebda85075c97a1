#!/usr/bin/python3
"""Writes the fixed inputs of tests/diff_command_test.cc (run once, committed).

Google Benchmark 1.7 JSON with 10 repetition rows per benchmark and seeded
noise (random.Random(7), CV about 1%), so every verdict is known by
construction:
  BM_Regressed    1000 ns -> 1300 ns   regression (strong, +30%)
  BM_Improved     2000 ns -> 1700 ns   improvement (-15%); candidate rows in us
  BM_Same          500 ns ->  500 ns   unchanged
  BM_Slight        800 ns ->  816 ns   unchanged (+2% is below the 5% tolerance)
  BM_Noisy        1000 ns, CV ~20%     inconclusive (unstable)
  BM_Throughput   time unchanged, items_per_second 1e6 -> 0.8e6 (a rate: lower is worse)
  BM_Removed      baseline only;  BM_Added: candidate only
  BM_Errored      errored in the candidate (SkipWithError)
shard_a.json / shard_b.json: the candidate split in two by name, for merging.
"""
import json
import random

rng = random.Random(7)


def rows(name, centre, cv=0.01, unit="ns", counters=None, n=10):
    out = []
    scale = {"ns": 1, "us": 1e-3}[unit]
    for i in range(n):
        t = centre * (1 + rng.gauss(0, cv))
        row = {"name": name, "family_index": 0, "per_family_instance_index": 0,
               "run_name": name, "run_type": "iteration", "repetitions": n,
               "repetition_index": i, "threads": 1, "iterations": 1000,
               "real_time": t * scale, "cpu_time": t * scale, "time_unit": unit}
        for key, value in (counters or {}).items():
            row[key] = value * (1 + rng.gauss(0, cv))
        out.append(row)
    return out


def errored(name):
    return [{"name": name, "family_index": 0, "per_family_instance_index": 0,
             "run_name": name, "run_type": "iteration", "repetitions": 10,
             "repetition_index": 0, "threads": 1, "error_occurred": True,
             "error_message": "fixture failed", "iterations": 0, "real_time": 0,
             "cpu_time": 0, "time_unit": "ns"}]


def document(benchmarks):
    return {"context": {"date": "2026-11-22T10:00:00+00:00", "host_name": "fixture",
                        "executable": "./fixture_bench", "num_cpus": 2, "mhz_per_cpu": 2000,
                        "cpu_scaling_enabled": False, "caches": [], "load_avg": [],
                        "library_build_type": "release"},
            "benchmarks": benchmarks}


base = (rows("BM_Regressed", 1000) + rows("BM_Improved", 2000) + rows("BM_Same", 500) +
        rows("BM_Slight", 800) + rows("BM_Noisy", 1000, cv=0.2) +
        rows("BM_Throughput", 1000, counters={"items_per_second": 1e6}) +
        rows("BM_Removed", 300) + rows("BM_Errored", 100))
cand = (rows("BM_Regressed", 1300) + rows("BM_Improved", 1700, unit="us") + rows("BM_Same", 500) +
        rows("BM_Slight", 816) + rows("BM_Noisy", 1000, cv=0.2) +
        rows("BM_Throughput", 1000, counters={"items_per_second": 0.8e6}) +
        rows("BM_Added", 50) + errored("BM_Errored"))

for path, benchmarks in (("base.json", base), ("cand.json", cand),
                         ("shard_a.json", [r for r in cand if r["name"] < "BM_N"]),
                         ("shard_b.json", [r for r in cand if r["name"] >= "BM_N"])):
    with open(path, "w") as f:
        json.dump(document(benchmarks), f, indent=2)
        f.write("\n")
