#!/usr/bin/python3
"""Scores bench/ab_calibration.sh's runs: false alarms and detections of
benchgate-ab, of two separate runs judged by benchgate-diff, and of
compare.py's uncorrected U test on those two separate runs.

Layout of WORK: round-N/ab-S.json (benchgate-ab --fixed-rounds,
benchgate.diff/1), round-N/ab-S/ (its kept process files), round-N/seq-S.json
and seq-S/ (benchgate-ab's sequential rounds), round-N/sep-S.json (benchgate-diff on
the separate runs), round-N/sep-base-S.json (a separate run, for the labels),
round-N/compare-S.json (compare.py -d), S in aa, 5, 10.

A benchmark is "slowed" when its Google Benchmark label says so (a quarter of
calibration_bench.cc's, in every run, knob set or not).

usage: ab_calibration_score.py WORK
"""
import glob
import json
import os
import sys

import calibration_score  # beside this file: the same reading of labels and compare.py
from calibration_score import slowed_names

KINDS = [("aa", "A/A (no change)"), ("5", "5% slowdown of a quarter"),
         ("10", "10% slowdown of a quarter")]


def diff_calls(path):
    """name -> (regression, inconclusive) from a benchgate.diff/1 file."""
    doc = json.load(open(path))
    return {c["name"]: (c["verdict"] == "regression", c["verdict"] == "inconclusive")
            for c in doc["comparisons"]}


def compare_calls(path):
    """name -> (compare.py's call, never undecided), as calibration_score.py reads it."""
    return {name: (flagged, False) for name, flagged in calibration_score.compare_calls(path).items()}


def main(work):
    rounds = sorted(glob.glob(os.path.join(work, "round-*")))
    if not rounds:
        sys.exit("ab_calibration_score: no round-* directories in " + work)
    print("%d rounds of 48 benchmarks, 12 of them slowed in the slowdown runs, tolerance 2%%\n"
          % len(rounds))
    header = "%-28s %-34s %14s %14s %14s %12s" % ("runs", "rule", "false alarms",
                                                  "runs with any", "detected", "undecided")
    print(header)
    print("-" * len(header))
    rules = [("benchgate-ab, sequential", "seq-%s.json", diff_calls),
             ("benchgate-ab, fixed rounds", "ab-%s.json", diff_calls),
             ("two runs, benchgate-diff", "sep-%s.json", diff_calls),
             ("two runs, compare.py U test", "compare-%s.json", compare_calls)]
    for kind, title in KINDS:
        for rule, pattern, read in rules:
            false = any_false = detected = total = undecided = judged = 0
            for directory in rounds:
                slowed = slowed_names(os.path.join(directory, "sep-base-%s.json" % kind))
                if kind == "aa":
                    slowed = set()
                calls = read(os.path.join(directory, pattern % kind))
                n_false = sum(1 for n, (f, _) in calls.items() if f and n not in slowed)
                false += n_false
                any_false += 1 if n_false else 0
                detected += sum(1 for n, (f, _) in calls.items() if f and n in slowed)
                total += len(slowed)
                undecided += sum(1 for _, (_, u) in calls.items() if u)
                judged += len(calls)
            unslowed = (48 if kind == "aa" else 36) * len(rounds)
            print("%-28s %-34s %7d / %-5d %7d / %-5d %14s %12s" % (
                title, rule, false, unslowed, any_false, len(rounds),
                "-" if total == 0 else "%d / %d" % (detected, total),
                "%d / %d" % (undecided, judged) if read is diff_calls else ""))
        print()
    # Rounds each benchmark was judged on (sequential: the round of the look
    # that decided it), and the wall time of each design.
    for kind, title in KINDS:
        rounds_seen = []
        for directory in rounds:
            path = os.path.join(directory, "seq-%s.json" % kind)
            if os.path.exists(path):
                rounds_seen += [c["sequential"]["round"] for c in json.load(open(path))["comparisons"]
                                if "sequential" in c]
        if rounds_seen:
            print("%-28s mean rounds per benchmark, sequential: %.1f (max %d)" % (
                title, sum(rounds_seen) / len(rounds_seen), max(rounds_seen)))
    times = os.path.join(work, "times.txt")
    if os.path.exists(times):
        text = open(times).read().rstrip()
        print()
        print(text)
        for kind, title in KINDS:
            fixed, sequential = [], []
            for line in text.splitlines():
                if line.split(":")[1].strip().split(" ")[0] != kind or "sequential" not in line:
                    continue
                fixed.append(float(line.split("fixed ")[1].split(" s")[0]))
                sequential.append(float(line.split("sequential ")[1].split(" s")[0]))
            if fixed:
                print("%-28s wall time per judgment: fixed %.0f-%.0f s, sequential %.0f-%.0f s "
                      "(%.0f%% of fixed on average)" % (
                          title, min(fixed), max(fixed), min(sequential), max(sequential),
                          100 * sum(sequential) / sum(fixed)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/ab-calibration")
