#!/usr/bin/python3
"""Generates a baseline and a candidate Google Benchmark JSON file for
bench/diff_speed.sh: N benchmarks x R repetitions per side, seeded
(random.Random(42)), log-normal noise with a 2% CV and no ties, a 10%
slowdown in every 20th benchmark of the candidate.

usage: diff_speed_inputs.py N R OUTDIR   -> OUTDIR/base.json, OUTDIR/cand.json
"""
import math
import random
import sys

n, reps, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(42)
CONTEXT = ('{"context": {"date": "2026-11-22T10:00:00+00:00", "host_name": "speed", '
           '"executable": "./speed_bench", "num_cpus": 2, "mhz_per_cpu": 2000, '
           '"cpu_scaling_enabled": false, "caches": [], "load_avg": [], '
           '"library_build_type": "release"},\n"benchmarks": [\n')
ROW = ('{{"name": "{name}", "family_index": {i}, "per_family_instance_index": 0, '
       '"run_name": "{name}", "run_type": "iteration", "repetitions": {reps}, '
       '"repetition_index": {r}, "threads": 1, "iterations": 1000, '
       '"real_time": {t!r}, "cpu_time": {c!r}, "time_unit": "ns"}}')


def write(path, slow):
    with open(path, "w") as f:
        f.write(CONTEXT)
        first = True
        for i in range(n):
            name = "BM_Speed/%d" % i
            centre = 100.0 * (1 + i % 97) * (1.10 if slow and i % 20 == 0 else 1.0)
            for r in range(reps):
                t = centre * math.exp(rng.gauss(0, 0.02))
                c = centre * math.exp(rng.gauss(0, 0.02))
                f.write(("" if first else ",\n") +
                        ROW.format(name=name, i=i, reps=reps, r=r, t=t, c=c))
                first = False
        f.write("\n]}\n")


write(outdir + "/base.json", False)
write(outdir + "/cand.json", True)
