#!/usr/bin/python3
"""The p-values of bench/diff_speed.sh's run, checked.

benchgate-diff's p_value must equal SciPy's mannwhitneyu(base, cand,
alternative="two-sided", method=p_method) to 1e-9 relative (DESIGN.md).
compare.py calls mannwhitneyu with SciPy's default method "auto", which uses
the exact distribution only up to 8 values per side: at 20 vs 20 it is the
normal approximation. diff_speed.sh therefore runs benchgate-diff with
--p-method asymptotic, and its p-values must then equal compare.py's own to
1e-9 relative too (benchgate's default would be the exact distribution).

usage: diff_speed_check.py BASE CAND BENCHGATE_JSON COMPARE_JSON
"""
import json
import sys

from scipy.stats import mannwhitneyu


def samples(path):
    rows = json.load(open(path))["benchmarks"]
    out = {}
    for row in rows:
        if row.get("run_type") == "iteration":
            out.setdefault(row["run_name"], []).append(row["real_time"])
    return out


base, cand = samples(sys.argv[1]), samples(sys.argv[2])
ours = {c["name"]: c for c in json.load(open(sys.argv[3]))["comparisons"]}
theirs = {}
for entry in json.load(open(sys.argv[4])):
    utest = entry.get("utest") or {}
    if utest.get("time_pvalue") is not None:
        theirs[entry["name"]] = utest["time_pvalue"]

worst_same_method = 0.0
worst_vs_compare = 0.0
methods = {}
for name, c in ours.items():
    if c.get("p_value") is None:
        continue
    method = c["p_method"]
    methods[method] = methods.get(method, 0) + 1
    ref = mannwhitneyu(base[name], cand[name], alternative="two-sided", method=method).pvalue
    worst_same_method = max(worst_same_method, abs(c["p_value"] - ref) / ref)
    if name in theirs:
        worst_vs_compare = max(worst_vs_compare, abs(c["p_value"] - theirs[name]) / theirs[name])

print("p-values: %d compared (%s); max relative difference from SciPy with the same method: %.2e"
      % (sum(methods.values()), ", ".join("%s %d" % kv for kv in sorted(methods.items())),
         worst_same_method))
print("          from compare.py's own p-values (%d benchmarks): %.2e"
      % (len(theirs), worst_vs_compare))
sys.exit(0 if worst_same_method < 1e-9 and worst_vs_compare < 1e-9 else 1)
