#!/usr/bin/python3
"""Generates test/vectors/catalogue-scipy.json: expected numbers for the second half of the stat-test catalogue
(anderson, cramer_von_mises, ed, es, fisher_exact, g_test, mannw, t_test, TVD, empirical_mmd), computed with the
reference numeric environment (Debian 12: numpy 1.24.2, scipy 1.10.1) by calling scipy exactly the way
Evidently 0.7.21's stat-test modules do (each wrapper below restates one of those modules in a few lines).

Run with Debian's interpreter: /usr/bin/python3 scripts/vectors/catalogue.py
The output is committed; do not edit it by hand. The test suite never runs Python.
"""
import json
import math
from collections import Counter

import mpmath
import numpy as np
import scipy
from scipy import stats
from scipy.special import kv

assert np.__version__ == "1.24.2", np.__version__
assert scipy.__version__ == "1.10.1", scipy.__version__


def cvm_exact_pvalue_evidently(s, m, n):
    """The Xiao-Gordon-Yakovlev recursion as Evidently 0.7.21's vendored `_pval_cvm_2samp_exact` runs it.

    The one difference from scipy 1.10.1: Evidently computes C(m+n, m) as
    math.factorial(m + n) / (math.factorial(m) * math.factorial(n)), a Python float, so the frequency table's
    dtype np.min_scalar_type(max(zeta_bound, C)) becomes float16/float32 wherever C > zeta_bound (scipy uses
    math.comb, an int, hence an exact unsigned dtype). The float dtype rounds frequencies and sums.
    """
    lcm = np.lcm(m, n)
    a = lcm // m
    b = lcm // n
    mn = m * n
    zeta = lcm**2 * (m + n) * (6 * s - mn * (4 * mn - 1)) // (6 * mn**2)
    zeta_bound = lcm**2 * (m + n)
    combinations = math.factorial(m + n) / (math.factorial(m) * math.factorial(n))
    dtype = np.min_scalar_type(max(zeta_bound, combinations))
    gs = [np.array([[0], [1]], dtype=dtype)] + [np.empty((2, 0), dtype=dtype) for _ in range(m)]
    for u in range(n + 1):
        next_gs = []
        tmp = np.empty((2, 0), dtype=dtype)
        for v, g in enumerate(gs):
            vi, i0, i1 = np.intersect1d(tmp[0], g[0], return_indices=True)
            tmp = np.concatenate([np.stack([vi, tmp[1, i0] + g[1, i1]]), np.delete(tmp, i0, 1), np.delete(g, i1, 1)], 1)
            tmp[0] += (a * v - b * u) ** 2
            next_gs.append(tmp)
        gs = next_gs
    value, freq = gs[m]
    return np.float64(np.sum(freq[value >= zeta]) / combinations)


def cvm_u_statistic(ref, cur):
    xa, ya = np.sort(np.asarray(ref)), np.sort(np.asarray(cur))
    nx, ny = len(xa), len(ya)
    r = stats.rankdata(np.concatenate([xa, ya]), method="average")
    u = nx * np.sum((r[:nx] - np.arange(1, nx + 1)) ** 2)
    u += ny * np.sum((r[nx:] - np.arange(1, ny + 1)) ** 2)
    return u


def evidently_cvm(ref, cur):
    # Evidently vendors scipy 1.10.1's two-sample CvM: same statistic and asymptotic branch as
    # scipy.stats.cramervonmises_2samp; the exact branch differs in its dtype (see above).
    res = stats.cramervonmises_2samp(ref, cur, method="auto")
    if max(len(ref), len(cur)) <= 20:
        return float(cvm_exact_pvalue_evidently(cvm_u_statistic(ref, cur), len(ref), len(cur))), float(res.statistic)
    return float(res.pvalue), float(res.statistic)


def evidently_es(ref, cur):
    if stats.iqr(np.hstack((ref, cur))) == 0:
        raise ValueError("IQR is zero")
    res = stats.epps_singleton_2samp(ref, cur)
    return float(res.pvalue), float(res.statistic)


def evidently_g(ref, cur):
    keys = sorted(set(ref) | set(cur))
    cr, cc = Counter(ref), Counter(cur)
    f_exp = [cr[k] for k in keys]
    f_obs = [cc[k] for k in keys]
    stat, p = stats.power_divergence(f_obs, f_exp, lambda_="log-likelihood")
    return float(p), float(stat)


def evidently_fisher(ref, cur):
    if len(set(ref)) > 2 or len(set(cur)) > 2:
        raise ValueError("more than 2 categories")
    if len(ref) != len(cur):
        raise ValueError("unequal length")
    cats = sorted(set(ref) | set(cur))
    if len(cats) > 2:
        raise ValueError("union of more than 2 categories")
    one = cats[1] if len(cats) == 2 else None
    ones_ref = sum(1 for v in ref if v == one)
    ones_cur = sum(1 for v in cur if v == one)
    table = [[ones_cur, len(cur) - ones_cur], [ones_ref, len(ref) - ones_ref]]
    return float(stats.fisher_exact(table)[1]), table


def tvd_statistic(ref, cur):
    # Evidently's _total_variation_distance, with the key union in sorted order (Evidently iterates a Python
    # set, whose order for strings depends on PYTHONHASHSEED; see the TVD note in the tests).
    keys = sorted(set(ref) | set(cur))
    cr, cc = Counter(ref), Counter(cur)
    r = np.array([cr[k] for k in keys])
    c = np.array([cc[k] for k in keys])
    return 0.5 * np.sum(np.abs(r / np.sum(r) - c / np.sum(c)))


def evidently_tvd(ref, cur, seed=0, iterations=1000):
    observed = tvd_statistic(ref, cur)
    np.random.seed(seed)
    stats_perm = []
    combined = list(ref) + list(cur)
    for _ in range(iterations):
        new_ref = np.random.choice(combined, len(ref), replace=False).tolist()
        new_cur = list((Counter(combined) - Counter(new_ref)).elements())
        stats_perm.append(tvd_statistic(new_ref, new_cur))
    p = sum(observed <= abs(np.array(stats_perm))) / len(stats_perm)
    return float(p), float(observed)


def evidently_mmd(ref, cur, seed=0):
    # Evidently's mmd_stattest with numpy's global generator seeded just before the call.
    np.random.seed(seed)
    x = np.asarray(ref, dtype=float).reshape(-1, 1)
    y = np.asarray(cur, dtype=float).reshape(-1, 1)

    def dist(a, b):
        return (b**2).T - 2 * np.dot(a, b.T) + a**2

    def sigma_median(d):
        s = (0.5 * np.percentile(a=d.flatten(), q=50, method="nearest")) ** 0.5
        return (0.5 * 1) ** 0.5 if s == 0 else s

    sigma = sigma_median(dist(x, x))
    g = 1.0 / (2.0 * sigma**2)
    kxx, kxy, kyy = np.exp(-g * dist(x, x)), np.exp(-g * dist(x, y)), np.exp(-g * dist(y, y))
    k = np.concatenate((np.concatenate((kxx, kxy), axis=1), np.concatenate((kxy.T, kyy), axis=1)), axis=0)
    k = k - np.diag(np.diagonal(k))
    ny = y.shape[0]

    def mmd(km, permute):
        nx = km.shape[0] - ny
        if permute:
            idx = np.random.permutation(km.shape[0])
            km = km[idx][:, idx]
        a = 1 / (nx * (nx - 1))
        b = 1 / (ny * (ny - 1))
        return a * km[:-ny, :-ny].sum() + b * km[-ny:, -ny:].sum() - 2.0 * km[-ny:, :-ny].mean()

    observed = mmd(k, False)
    perms = np.array([mmd(k, True) for _ in range(100)])
    return float((observed <= perms).mean()), float(observed)


NUMERIC_TESTS = {
    "anderson": lambda r, c: (float(stats.anderson_ksamp([r, c])[2]), float(stats.anderson_ksamp([r, c])[0])),
    "cramer_von_mises": evidently_cvm,
    "ed": lambda r, c: (float(stats.energy_distance(r, c)), None),
    "es": evidently_es,
    "mannw": lambda r, c: (
        float(stats.mannwhitneyu(x=r, y=c, alternative="less").pvalue),
        float(stats.mannwhitneyu(x=r, y=c, alternative="less").statistic),
    ),
    "t_test": lambda r, c: (float(stats.ttest_ind(r, c)[1]), float(stats.ttest_ind(r, c)[0])),
    "empirical_mmd": evidently_mmd,
}
CATEGORICAL_TESTS = {"g_test": evidently_g, "fisher_exact": evidently_fisher, "TVD": evidently_tvd}


def run(tests, ref, cur):
    out = {}
    for name, fn in tests.items():
        if name == "empirical_mmd" and len(ref) + len(cur) > 600:
            continue
        try:
            score, extra = fn(ref, cur)
            entry = {"score": score}
            if extra is not None:
                entry["statistic" if name != "fisher_exact" else "table"] = extra
            out[name] = entry
        except ValueError as error:
            out[name] = {"error": str(error).splitlines()[0]}
    return out


def rep(values, counts):
    return [v for v, c in zip(values, counts) for _ in range(c)]


rng = np.random.default_rng(20240131)
cases = []


def numeric(name, ref, cur):
    ref = [float(v) for v in ref]
    cur = [float(v) for v in cur]
    cases.append({"name": name, "type": "numerical", "reference": ref, "current": cur,
                  "expected": run(NUMERIC_TESTS, np.array(ref), np.array(cur))})


def categorical(name, ref, cur):
    cases.append({"name": name, "type": "categorical", "reference": list(ref), "current": list(cur),
                  "expected": run(CATEGORICAL_TESTS, list(ref), list(cur))})


numeric("A", [38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0], [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8])
numeric("B", [((i * 37) % 101) / 10 for i in range(100)], [((i * 53) % 97) / 10 + 1.5 for i in range(80)])
numeric("C_numeric", rep([1, 2, 3, 4, 5, 6], [16, 18, 16, 14, 12, 12]), rep([1, 2, 3, 4, 5, 6], [16, 16, 16, 16, 16, 8]))
for (n1, n2, shift, decimals) in [(5, 7, 0.0, 6), (6, 6, 1.0, 6), (8, 8, 0.5, 6), (7, 13, 0.3, 6), (9, 9, 0.8, 6),
                                  (10, 10, 0.2, 6), (12, 20, 0.6, 6), (20, 20, 0.4, 6), (15, 9, 0.0, 1),
                                  (20, 17, 1.2, 6), (19, 20, 0.3, 1), (30, 25, 0.5, 6), (100, 80, 0.3, 1),
                                  (250, 300, 0.15, 6), (1200, 1000, 0.05, 2), (3000, 2500, 0.02, 6)]:
    ref = np.round(rng.normal(0, 1, n1), decimals)
    cur = np.round(rng.normal(shift, 1.2, n2), decimals)
    numeric(f"normal_{n1}_{n2}_shift{shift}_d{decimals}", ref, cur)
# Evidently's own cramer_von_mises unit test: norm.rvs(size=100, random_state=0) vs random_state=1.
numeric("cvm_unit_norm_rvs", stats.norm.rvs(size=100, random_state=0), stats.norm.rvs(size=100, random_state=1))
numeric("constant_pooled", [5.0] * 12, [5.0] * 9)
numeric("zero_iqr", [1.0] * 20 + [2.0, 3.0], [1.0] * 18 + [4.0])
numeric("identical", [float(v) for v in range(30)], [float(v) for v in range(30)])
numeric("disjoint", [float(v) for v in range(50)], [float(v) for v in range(100, 150)])

categorical("C", rep([1, 2, 3, 4, 5, 6], [16, 18, 16, 14, 12, 12]), rep([1, 2, 3, 4, 5, 6], [16, 16, 16, 16, 16, 8]))
categorical("D", rep(["a", "b", "c"], [50, 30, 20]), rep(["a", "b", "c", "d"], [30, 30, 30, 10]))
categorical("E", rep(["x", "y"], [60, 40]), rep(["x", "y"], [45, 55]))
categorical("g_unit", rep(["a", "b", "c"], [5, 5, 8]), rep(["a", "b", "c"], [4, 6, 8]))
categorical("fisher_unit_1", ["a", "b", "b", "a", "a", "b"] * 15, ["b", "b", "a", "b", "b", "a"] * 15)
categorical("fisher_unit_2", ["a", "b", "b", "a", "a", "b"], ["a"] * 6)
categorical("fisher_unit_3", ["a"] * 6, ["b"] * 6)
categorical("fisher_unit_4", ["a", "a", "a", "b", "b"] * 30, ["b", "b", "b", "a", "a"] * 30)
categorical("unequal_sizes", rep(["x", "y"], [60, 40]), rep(["x", "y"], [45, 35]))
for (n, p1, p2) in [(50, 0.5, 0.6), (400, 0.3, 0.35), (2000, 0.27, 0.25), (7043, 0.265, 0.27)]:
    ref = ["yes" if v else "no" for v in (rng.random(n) < p1)]
    cur = ["yes" if v else "no" for v in (rng.random(n) < p2)]
    categorical(f"binary_{n}", ref, cur)
for (n1, n2, k) in [(300, 300, 5), (500, 420, 8)]:
    categorical(f"multi_{n1}_{n2}_{k}", [int(v) for v in rng.integers(0, k, n1)], [int(v) for v in rng.integers(0, k, n2)])

# Exact CvM p-values over the sizes where numpy's dtype switches (uint / float16 / float32).
cvm_exact = []
for m in range(2, 21):
    for n in range(2, 21):
        if (m * 7 + n * 3) % 4 != 0 and not (m == n):
            continue
        x = np.round(rng.normal(0, 1, m), 3)
        y = np.round(rng.normal(0.4, 1, n), 3)
        res = stats.cramervonmises_2samp(x, y, method="exact")
        evidently = float(cvm_exact_pvalue_evidently(cvm_u_statistic(x, y), m, n))
        cvm_exact.append({"reference": x.tolist(), "current": y.tolist(), "pvalue_evidently": evidently,
                          "pvalue_scipy": float(res.pvalue), "statistic": float(res.statistic)})

fisher_tables = []
for table in [[[0, 6], [6, 0]], [[45, 45], [45, 45]], [[30, 60], [60, 30]], [[3, 1], [1, 3]], [[10, 2], [3, 15]],
              [[5000, 2043], [4800, 2243]], [[7, 2], [3, 9]], [[100, 3], [90, 20]], [[0, 5], [0, 7]],
              [[1, 0], [0, 1]], [[20, 30], [25, 25]], [[12, 0], [7, 5]]]:
    fisher_tables.append({"table": table, "pvalue": float(stats.fisher_exact(table)[1])})

mpmath.mp.dps = 30
bessel = []
for x in [1e-4, 1e-3, 0.01, 0.05, 0.1, 0.3, 0.5, 1.0, 1.5, 1.9999, 2.0, 2.0001, 2.5, 5.0, 10.0, 20.8, 50.0, 100.0, 300.0]:
    bessel.append({"x": x, "scipy": float(kv(0.25, x)), "mpmath": float(mpmath.besselk(0.25, x))})

np.random.seed(0)
permutation_0 = np.random.permutation(20).tolist()
np.random.seed(12345)
permutation_12345 = np.random.permutation(1000).tolist()
np.random.seed(7)
choice_7 = np.random.choice(list(range(100)), 30, replace=False).tolist()
rs = np.random.RandomState(2**32 - 1)
raw = [int(v) for v in rs.randint(0, 2**32, size=5, dtype=np.uint64)]

out = {
    "_generated_by": "scripts/vectors/catalogue.py with numpy 1.24.2, scipy 1.10.1 (Debian 12); do not edit",
    "cases": cases,
    "cvm_exact": cvm_exact,
    "fisher_tables": fisher_tables,
    "bessel_k_quarter": bessel,
    "random_state": {"permutation_seed0_20": permutation_0, "permutation_seed12345_1000": permutation_12345,
                     "choice_seed7_100_30": choice_7, "raw_uint32_seed_4294967295": raw},
}


def portable(value):
    """JSON has no NaN/Infinity: write them as the strings "NaN", "Infinity", "-Infinity"."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: portable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [portable(v) for v in value]
    return value


with open("test/vectors/catalogue-scipy.json", "w") as fh:
    json.dump(portable(out), fh, indent=None, separators=(",", ":"), allow_nan=False)
    fh.write("\n")
print("cases", len(cases), "cvm_exact", len(cvm_exact))
