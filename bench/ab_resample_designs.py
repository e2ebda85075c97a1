#!/usr/bin/python3
"""Compares benchgate-ab's possible per-round statistics on real rounds: the
fixed design's kept rounds of bench/ab_calibration.sh (--fixed-rounds keeps
5 repetitions per process, 10 to 20 rounds per benchmark) are resampled, each
benchmark's rounds drawn with replacement, and judged by a re-statement in
Python of each rule (not the product's code: an experiment to choose a rule,
whose winner is then calibrated with the real binaries):

  sign      the sign test looked at after every round 6..30 (Pocock level
            1/64 exact over the walk), its repeated interval of the median;
  signed    the Wilcoxon signed-rank test, repeated p-value over looks 6..30
            (Pocock's normal level), Hodges-Lehmann 95% interval: today's
            sequential design;
  fixed     --fixed-rounds: 10 rounds, then 5 more for the undecided up to
            20, signed-rank test and Hodges-Lehmann 95% interval each look.

A sequential rule also stops a benchmark as "unchanged" by the one-sided
sign test (9/512 per look). A regression needs p <= the per-look level / 4
(Benjamini-Hochberg with a quarter of the suite slowed), the estimate beyond
the 2% tolerance and the interval clear of the 1.2% margin. The sequential
rules use each process's first 2 repetitions (their design's), the fixed one
all 5.

FUTILITY=1 (an experiment, not the product's rule) also stops a sequential
judgment as inconclusive from round FUTILITY_FIRST (10) on when its 95%
interval, narrowed to the last look's width (x sqrt(n/30)), is still wider
than FUTILITY_WIDTH (1.0) x the tolerance on each side and its estimate,
within the tolerance, cannot clear the margin: the rounds it would spend
on a benchmark too noisy to decide.

EQUIVALENCE=1 (an experiment): the "unchanged" stop also needs the 95%
Hodges-Lehmann interval's worse end within the tolerance, so that a
benchmark whose rounds scatter widely is never vouched for early.

SCATTER_REPS=K (an experiment): a sequential judgment whose rounds at the
first look scatter beyond SCATTER_FACTOR (1) x the tolerance (1.4826 x their
median absolute deviation) draws its later rounds from processes of K repetitions (the fixed
design's first K) instead of 2; "cost" is then repetitions per process summed
over the rounds, relative to 2 per round.

BURST_K=K (an experiment): the signed rule first sets aside the rounds whose
|d| exceeds K x the median |d| of the rounds so far (a burst over a whole
process), a selection on |d| alone.

LAST=N (default 30): the sequential rules' last look (all their stops and
levels over looks 6..N; QUIET_NOMINAL stays 6..30's unless set).

EXTEND=N (an experiment): the sequential rules look to round 30 as usual,
but a benchmark whose estimate at round 30 is beyond the tolerance goes on
to round N, where only the regression boundary looks (Pocock over 6..N for
every look), and round N decides as a last look does.

usage: ab_resample_designs.py RULE DRAWS WORK...   (WORK: an ab-calibration
directory with round-N/ab-KIND/ kept rounds; RULE sign, signed or fixed)
Prints, per family (memcpy or other) and shift, the shares called a
regression and called unchanged, and the mean rounds.
"""
import collections
import functools
import json
import math
import os
import random
import sys

import numpy as np
from scipy.stats import norm

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calibration_score import slowed_names  # noqa: E402

FIRST, LAST = 6, int(os.environ.get("LAST", 30))
TOLERANCE, MARGIN = math.log(1.02), math.log(1.012)
QUIET_NOMINAL = float(os.environ.get("QUIET_NOMINAL", 9 / 512))  # one-sided sign test, 5% over looks 6..30 (exact)
BURST_K = float(os.environ.get("BURST_K", 0))
FUTILITY = os.environ.get("FUTILITY", "") == "1"
EQUIVALENCE = os.environ.get("EQUIVALENCE", "") == "1"
SCATTER_REPS = int(os.environ.get("SCATTER_REPS", 0))
SCATTER_FACTOR = float(os.environ.get("SCATTER_FACTOR", 1.0))
FUTILITY_WIDTH = float(os.environ.get("FUTILITY_WIDTH", 1.0))
FUTILITY_FIRST = int(os.environ.get("FUTILITY_FIRST", 10))
EXTEND = int(os.environ.get("EXTEND", 0))
SIGN_NOMINAL = 1 / 64    # two-sided sign test, 5% over looks 6..30 (exact)


@functools.lru_cache(None)
def binomial_cdf(n, m):
    return sum(math.comb(n, i) for i in range(0, min(m, n) + 1)) / 2 ** n if m >= 0 else 0.0


def most_beyond(n, level):
    m = -1
    while m + 1 <= n and binomial_cdf(n, m + 1) <= level:
        m += 1
    return m


@functools.lru_cache(None)
def signed_rank_cdf(n):
    counts = np.zeros(n * (n + 1) // 2 + 1)
    counts[0] = 1
    for i in range(1, n + 1):
        shifted = counts.copy()
        shifted[i:] += counts[:-i]
        counts = shifted
    return np.cumsum(counts) / 2 ** n


def signed_rank_p(d):
    n = len(d)
    ranks = np.abs(d).argsort().argsort() + 1
    plus = int(ranks[d > 0].sum())
    return min(1.0, 2 * signed_rank_cdf(n)[min(plus, n * (n + 1) // 2 - plus)])


@functools.lru_cache(None)
def walsh_k(n, alpha):
    cdf = signed_rank_cdf(n)
    k = -1
    while 2 * cdf[k + 1] <= alpha:
        k += 1
    return k


def hodges_lehmann(d, alpha=0.05):
    n = len(d)
    walsh = np.sort(np.add.outer(d, d)[np.triu_indices(n)] / 2)
    k = walsh_k(n, alpha)
    lower, upper = (walsh[k], walsh[-1 - k]) if k >= 0 else (walsh[0], walsh[-1])
    return float(np.median(walsh)), lower, upper


def pocock_nominal(alpha=0.05, walks=200000, seed=1):
    """Pocock's two-sided level over looks FIRST..LAST of S_k / sqrt(k)."""
    last = max(LAST, EXTEND)
    sums = np.cumsum(np.random.default_rng(seed).standard_normal((walks, last)), axis=1)
    z = np.abs(sums[:, FIRST - 1:]) / np.sqrt(np.arange(FIRST, last + 1))
    return 2 * norm.sf(np.quantile(z.max(axis=1), 1 - alpha))


def judge_sequential(pool, rng, rule, nominal, late_pool=None):
    d = []
    global COST
    for n in range(1, max(LAST, EXTEND) + 1):
        d.append(rng.choice(pool))
        COST += 2 if pool is not late_pool else SCATTER_REPS
        if n < FIRST:
            continue
        a = np.array(d)
        if n == FIRST and late_pool is not None:
            scatter = 1.4826 * float(np.median(np.abs(a - np.median(a))))
            if scatter > SCATTER_FACTOR * TOLERANCE:
                pool = late_pool
        if rule == "sign":
            s = np.sort(a)
            k = -1
            while 2 * binomial_cdf(n, k + 1) <= SIGN_NOMINAL:
                k += 1
            lower = s[k] if k >= 0 else s[0]
            positive, negative = int((a > 0).sum()), int((a < 0).sum())
            significant = 2 * binomial_cdf(positive + negative, min(positive, negative)) <= nominal / 4
            estimate = float(np.median(a))
        else:
            kept = a
            if BURST_K > 0:
                # Rounds set aside by |d| alone: the signs of the kept rounds
                # stay fair coins under the null, so the test stays exact.
                kept = a[np.abs(a) <= BURST_K * np.median(np.abs(a))]
            estimate, lower, upper = hodges_lehmann(kept)
            significant = signed_rank_p(kept) <= nominal / 4
        if significant and estimate > TOLERANCE and lower > MARGIN:
            return "regression", n
        if n > LAST:
            # The extension: only the regression boundary looks; the last
            # round decides as the fixed look does.
            if n == EXTEND:
                return ("unchanged" if upper < TOLERANCE else "inconclusive"), n
            continue
        if n == LAST and EXTEND > LAST:
            if estimate > TOLERANCE:
                continue
            # Within the tolerance at round LAST: decided as a last look.
            return ("unchanged" if upper < TOLERANCE else "inconclusive"), n
        if int((a >= TOLERANCE).sum()) <= most_beyond(n, QUIET_NOMINAL):
            if not EQUIVALENCE or (hodges_lehmann(a)[2] if rule == "sign" else upper) < TOLERANCE:
                return "unchanged", n
        if FUTILITY and n >= FUTILITY_FIRST and n < LAST:
            _, lo95, up95 = hodges_lehmann(a) if rule == "sign" else (estimate, lower, upper)
            reach = (up95 - lo95) / 2 * math.sqrt(n / LAST)
            if estimate <= TOLERANCE and reach > FUTILITY_WIDTH * TOLERANCE and estimate - reach < MARGIN:
                return "inconclusive", n
    return "inconclusive", len(d)


COST = 0


def judge_fixed(pool, rng):
    d = [rng.choice(pool) for _ in range(10)]
    while True:
        a = np.array(d)
        estimate, lower, upper = hodges_lehmann(a)
        p = signed_rank_p(a)
        if p <= 0.05 / 4 and estimate > TOLERANCE and lower > MARGIN:
            return "regression", len(d)
        if p <= 0.05 / 4 or (-TOLERANCE < lower and upper < TOLERANCE):
            return "unchanged", len(d)
        if len(d) >= 20:
            return "inconclusive", len(d)
        d += [rng.choice(pool) for _ in range(5)]


def load(path):
    out = collections.defaultdict(list)
    for row in json.load(open(path))["benchmarks"]:
        if row.get("run_type") == "iteration":
            out[row.get("run_name", row["name"])].append(row["real_time"])
    return out


def kept_rounds(work, repetitions):
    """(name, kind, slowed, [d]) for every benchmark of every run."""
    out = []
    for run in sorted(os.listdir(work)):
        if not run.startswith("round-"):
            continue
        for kind in ("aa", "5", "10"):
            directory = os.path.join(work, run, "ab-" + kind)
            if not os.path.isdir(directory):
                continue
            slowed = slowed_names(os.path.join(work, run, f"sep-base-{kind}.json")) if kind != "aa" else set()
            series = collections.defaultdict(list)
            for r in range(1, 101):
                base = os.path.join(directory, f"r{r:02d}-base.json")
                if not os.path.exists(base):
                    break
                b, c = load(base), load(os.path.join(directory, f"r{r:02d}-cand.json"))
                for name, times in b.items():
                    if len(times) >= repetitions and len(c.get(name, [])) >= repetitions:
                        series[name].append(math.log(min(c[name][:repetitions]) / min(times[:repetitions])))
            out += [(name, kind, name in slowed, d) for name, d in series.items() if len(d) >= FIRST]
    return out


def main():
    global COST
    if len(sys.argv) < 4 or sys.argv[1] not in ("sign", "signed", "fixed"):
        sys.exit(__doc__)
    rule, draws = sys.argv[1], int(sys.argv[2])
    nominal = SIGN_NOMINAL if rule == "sign" else pocock_nominal()
    rng = random.Random(1)
    tally = collections.defaultdict(lambda: [0, 0, 0, 0, 0.0])
    for work in sys.argv[3:]:
        rows = kept_rounds(work, 5 if rule == "fixed" else 2)
        # The same processes with more repetitions, row for row (every kept
        # process of the fixed design has 5).
        late = [None] * len(rows)
        if SCATTER_REPS and rule != "fixed":
            more = kept_rounds(work, SCATTER_REPS)
            if [r[:2] for r in more] != [r[:2] for r in rows]:
                sys.exit(f"{work}: the rounds with {SCATTER_REPS} repetitions are not those with 2")
            late = [r[3] for r in more]
        for (name, kind, slowed, d), late_pool in zip(rows, late):
            family = "memcpy" if "Copy" in name else "other"
            shift = {"aa": "0%", "5": "5%", "10": "10%"}[kind] if slowed else "0%"
            for _ in range(draws):
                before = COST
                verdict, rounds = judge_fixed(d, rng) if rule == "fixed" else judge_sequential(d, rng, rule, nominal, late_pool)
                t = tally[(family, shift)]
                t[4] += (COST - before) / 2
                t[0] += verdict == "regression"
                t[1] += rounds
                t[2] += 1
                t[3] += verdict == "unchanged"
    for (family, shift), (caught, rounds, n, unchanged, cost) in sorted(tally.items()):
        print(f"{rule:6} {family:6} {shift:>3}: regression {caught / n:.3f}, unchanged {unchanged / n:.3f}, "
              f"{rounds / n:.1f} rounds, cost {cost / n:.1f} ({n} judgments)")


if __name__ == "__main__":
    main()
