#!/usr/bin/python3
"""Generates test/vectors/catalogue-bins.json: psi, kl_div and jensenshannon on the StreamFlow fixtures with
Evidently 0.7.21's binning (`get_binned_data`), once with its Sturges edges and once with `bins=N` equal-width
edges (`np.histogram_bin_edges(pooled, bins=N)`): the expected numbers of the end-to-end `--bins N` test.

Run with Debian's interpreter: /usr/bin/python3 scripts/vectors/catalogue_bins.py
The output is committed; do not edit it by hand. The test suite never runs Python.
"""
import json

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance


def binned(ref, cur, bins, fill):
    edges = np.histogram_bin_edges(pd.concat([ref, cur], axis=0).values, bins=bins)
    r = np.histogram(ref, edges)[0] / len(ref)
    c = np.histogram(cur, edges)[0] / len(cur)
    if fill:
        for a in (r, c):
            m = min(a[a != 0])
            np.place(a, a == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return r, c


def scores(ref, cur, bins):
    r, c = binned(ref, cur, bins, True)
    psi = float(np.sum((r - c) * np.log(r / c)))
    kl = float(stats.entropy(r, c))
    r0, c0 = binned(ref, cur, bins, False)
    js = float(distance.jensenshannon(r0, c0))
    return {"psi": psi, "kl_div": kl, "jensenshannon": js}


reference = pd.read_csv("fixtures/streamflow/month_000.csv")
current = pd.read_csv("fixtures/streamflow/month_001.csv")
out = {"_generated_by": "scripts/vectors/catalogue_bins.py (numpy 1.24.2, scipy 1.10.1, pandas 1.5.3); do not edit",
       "cases": []}
for column in ["watch_hours_30d", "monthly_fee", "avg_session_mins_7d"]:
    ref = reference[column].replace([np.inf, -np.inf], np.nan).dropna()
    cur = current[column].replace([np.inf, -np.inf], np.nan).dropna()
    assert ref.nunique() > 20, column
    for bins in ["sturges", 5, 30]:
        out["cases"].append({"column": column, "bins": bins, **scores(ref, cur, bins)})
with open("test/vectors/catalogue-bins.json", "w") as fh:
    json.dump(out, fh, allow_nan=False)
    fh.write("\n")
print(out["cases"][:3])
