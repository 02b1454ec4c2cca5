#!/usr/bin/python3
"""Generates test/vectors/catalogue-correction.json: statsmodels (Debian python3-statsmodels) values for the
multiple-testing corrections (`multipletests`) and the two-proportion z-test of missing shares
(`proportions_ztest`, pooled variance, two-sided).

Run with Debian's interpreter: /usr/bin/python3 scripts/vectors/catalogue_correction.py
The output is committed; do not edit it by hand. The test suite never runs Python.
"""
import json

import numpy as np
import statsmodels
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

rng = np.random.default_rng(3)
families = [
    [0.01, 0.04, 0.03],
    [0.001, 0.2, 0.049, 0.051, 0.9, 0.0001, 0.3, 0.03],
    [0.5],
    [0.02, 0.02, 0.02, 0.5],
    rng.uniform(0, 0.2, 25).tolist(),
]
corrections = []
for pvals in families:
    entry = {"pvalues": pvals}
    for method in ("bonferroni", "holm", "fdr_bh"):
        entry[method] = multipletests(pvals, alpha=0.05, method=method)[1].tolist()
    corrections.append(entry)

proportions = []
for (x1, n1, x2, n2) in [(10, 1000, 80, 1000), (0, 500, 3, 700), (70, 7043, 75, 7043), (5, 50, 5, 50),
                         (200, 1000, 150, 1200), (1, 100000, 40, 100000)]:
    _, p = proportions_ztest([x1, x2], [n1, n2])
    proportions.append({"reference_missing": x1, "reference_rows": n1, "current_missing": x2, "current_rows": n2,
                        "pvalue": float(p)})

out = {"_generated_by": f"scripts/vectors/catalogue_correction.py with statsmodels {statsmodels.__version__}; do not edit",
       "corrections": corrections, "missing_proportions": proportions}
with open("test/vectors/catalogue-correction.json", "w") as fh:
    json.dump(out, fh, allow_nan=False)
    fh.write("\n")
print("ok")
