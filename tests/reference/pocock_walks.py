# Reference for stats_repeated_normal_looks_test (looks 6..30 and 6..60):
# 4,000,000 standard normal walks in NumPy (default_rng(7)), looks at steps
# first..last: the 95th percentile of max |S_k| / sqrt(k) (Pocock's
# constant), its nominal level, and the share of walks whose smallest
# two-sided p-value reaches given levels (the crossing chance).
# Usage: /usr/bin/python3 tests/reference/pocock_walks.py [last] (default 60)
import sys

import numpy as np
from scipy.stats import norm

rng = np.random.default_rng(7)
first, last = 6, int(sys.argv[1]) if len(sys.argv) > 1 else 60
mx = []
for chunk in range(40):
    s = np.cumsum(rng.standard_normal((100000, last)), axis=1)
    z = np.abs(s[:, first - 1:]) / np.sqrt(np.arange(first, last + 1))
    mx.append(z.max(axis=1))
mx = np.concatenate(mx)
c = np.quantile(mx, 0.95)
print(f"looks {first}..{last}: c = {c:.4f}, nominal 2 (1 - Phi(c)) = {2 * norm.sf(c):.6f}")
for p in [2 / 128, 2 / 256, 2 / 512, 2 / 1024]:
    print(f"crossing chance of p = {p:.6g}: {(mx >= norm.isf(p / 2)).mean():.5f}")
