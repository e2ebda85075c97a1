# Reference for the suspect cases of gate_sequential_analysis_test and
# diff_command_test: rounds r = 0.. with candidate/baseline ratio
# 1.10 (1 + 0.0002 r) for even r, 0.96 (1 + 0.0002 r) for odd r. For each
# prefix: the exact two-sided signed-rank p-value (counted with Python
# integers: 2 x #{W <= min(W+, W-)} / 2^n), the smallest so far, and the
# Hodges-Lehmann estimate with its exact (Tukey) 95% interval.
# Usage: /usr/bin/python3 tests/reference/suspect_rounds.py
import math

import numpy as np


def null_counts(n):
    c = [0] * (n * (n + 1) // 2 + 1)
    c[0] = 1
    for i in range(1, n + 1):
        for s in range(len(c) - 1, i - 1, -1):
            c[s] += c[s - i]
    return c


def exact_p(d):
    n = len(d)
    ranks = np.abs(d).argsort().argsort() + 1
    plus = int(ranks[d > 0].sum())
    low = min(plus, n * (n + 1) // 2 - plus)
    count = 2 * sum(null_counts(n)[: low + 1])
    return min(1.0, count / 2**n), low, count


def hodges_lehmann(d, level=0.95):
    n = len(d)
    w = np.sort(np.add.outer(d, d)[np.triu_indices(n)] / 2)
    c = np.cumsum(null_counts(n)) / 2**n
    k = -1
    while 2 * c[k + 1] <= 1 - level:
        k += 1
    lo, hi = (w[k], w[-1 - k]) if k >= 0 else (w[0], w[-1])
    return np.median(w), lo, hi


d = np.array([math.log((1.10 if r % 2 == 0 else 0.96) * (1 + 0.0002 * r)) for r in range(60)])
smallest = 1
for n in range(6, 61):
    p, low, count = exact_p(d[:n])
    smallest = min(smallest, p)
    e, lo, hi = hodges_lehmann(d[:n])
    print(f"{n} W-={low} p={count}/2^{n}={p:.6g} smallest={smallest:.6g} "
          f"estimate={math.expm1(e):+.4f} [{math.expm1(lo):+.4f}, {math.expm1(hi):+.4f}]")

# The suspect back within the tolerance: the same rounds to round 30, then
# 1.03 and 0.90 in turn (x 1 + 0.0002 r). SciPy's wilcoxon (normal
# approximation beyond 50 rounds, as benchgate) for every prefix, and the
# Hodges-Lehmann interval from the normal approximation at round 60.
from scipy.stats import norm, wilcoxon

back = np.array([d[r] if r < 30 else math.log((1.03 if r % 2 == 0 else 0.90) * (1 + 0.0002 * r))
                 for r in range(60)])
n = len(back)
w = np.sort(np.add.outer(back, back)[np.triu_indices(n)] / 2)
k = int(math.floor(n * (n + 1) / 4 - norm.ppf(0.975) * math.sqrt(n * (n + 1) * (2 * n + 1) / 24)))
print(f"back within: round 60 estimate={math.expm1(np.median(w)):+.4f} "
      f"[{math.expm1(w[k]):+.4f}, {math.expm1(w[-1 - k]):+.4f}] p={wilcoxon(back).pvalue:.3g}; "
      f"smallest p of rounds 6..60 {min(wilcoxon(back[:m]).pvalue for m in range(6, 61)):.4g}")
