#!/usr/bin/python3
"""Scores bench/calibration.sh's runs: false alarms and detections of
benchgate's gate and of compare.py's uncorrected U test on the same runs.

Layout of WORK: round-N/base.json, round-N/cand-S.json (the runner's enriched
JSON, judged against base.json by the runner itself) and round-N/compare-S.json
(compare.py -d on the same two files), S in aa, 5, 10.

A benchmark is "slowed" when its Google Benchmark label says so (a quarter
of calibration_bench.cc's, in every run, knob set or not).

benchgate flags a regression when its verdict is "regression" (after the
confirmation re-run); "suspect" counts those plus the ones the re-run
cleared, i.e. what the gate would have said without confirmation.
compare.py's rule, as its users read it: the U test's p < 0.05 on real time,
uncorrected, with the candidate's median slower.

usage: calibration_score.py WORK
"""
import glob
import json
import os
import statistics
import sys

KINDS = [("aa", "A/A (no change)"), ("5", "5% slowdown of a quarter"),
         ("10", "10% slowdown of a quarter")]


def slowed_names(path):
    rows = json.load(open(path))["benchmarks"]
    return {r.get("run_name", r["name"]) for r in rows if r.get("label") == "slowed"}


def benchgate_calls(path):
    """name -> (regression after confirmation, suspect before it)."""
    out = {}
    for result in json.load(open(path))["benchgate"]["results"]:
        verdict = result.get("verdict", {})
        status = verdict.get("status")
        confirmation = verdict.get("confirmation", "")
        out[result["name"]] = (status == "regression",
                               status == "regression" or confirmation == "cleared")
    return out


def undecided(path):
    """How many verdicts of a run are inconclusive."""
    results = json.load(open(path))["benchgate"]["results"]
    return sum(1 for r in results if r.get("verdict", {}).get("status") == "inconclusive")


def compare_calls(path):
    """name -> uncorrected U test p < 0.05 with the candidate slower."""
    out = {}
    for entry in json.load(open(path)):
        utest = entry.get("utest") or {}
        p = utest.get("time_pvalue")
        if p is None or entry.get("run_type") == "aggregate":
            continue
        m = entry["measurements"]
        slower = (statistics.median(x["real_time_other"] for x in m) >
                  statistics.median(x["real_time"] for x in m))
        out[entry["name"]] = p < 0.05 and slower
    return out


def main(work):
    rounds = sorted(glob.glob(os.path.join(work, "round-*")))
    if not rounds:
        sys.exit("calibration_score: no round-* directories in " + work)
    print("%d rounds of 48 benchmarks, 12 of them slowed in the slowdown runs\n" % len(rounds))
    header = "%-28s %-22s %14s %14s %14s %12s" % ("runs", "rule", "false alarms",
                                                    "runs with any", "detected", "undecided")
    print(header)
    print("-" * len(header))
    for kind, title in KINDS:
        tallies = {"benchgate": [0, 0, 0, 0], "benchgate, no confirm": [0, 0, 0, 0],
                   "compare.py U test": [0, 0, 0, 0]}  # false, runs with any, detected, slowed
        inconclusive = 0
        for directory in rounds:
            slowed = slowed_names(os.path.join(directory, "base.json"))
            if kind == "aa":
                slowed = set()  # nothing changed: every call is false
            gate = benchgate_calls(os.path.join(directory, "cand-%s.json" % kind))
            inconclusive += undecided(os.path.join(directory, "cand-%s.json" % kind))
            utest = compare_calls(os.path.join(directory, "compare-%s.json" % kind))
            calls = {"benchgate": {n: v[0] for n, v in gate.items()},
                     "benchgate, no confirm": {n: v[1] for n, v in gate.items()},
                     "compare.py U test": utest}
            for rule, flagged in calls.items():
                t = tallies[rule]
                false = sum(1 for n, f in flagged.items() if f and n not in slowed)
                t[0] += false
                t[1] += 1 if false else 0
                t[2] += sum(1 for n, f in flagged.items() if f and n in slowed)
                t[3] += len(slowed)
        for rule, (false, any_false, detected, total) in tallies.items():
            unslowed = (48 if kind == "aa" else 36) * len(rounds)
            print("%-28s %-22s %7d / %-5d %7d / %-5d %14s %12s" % (
                title, rule, false, unslowed, any_false, len(rounds),
                "-" if total == 0 else "%d / %d" % (detected, total),
                "%d / %d" % (inconclusive, 48 * len(rounds)) if rule == "benchgate" else ""))
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/calibration")
