#!/usr/bin/python3
"""Generates test/vectors/catalogue-summary.json: pandas 1.5.3 / numpy 1.24.2 values of the data-summary
statistics (DataSummaryPreset definitions, docs/drift-semantics.md "Data summary") for a few small frames.

Run with Debian's interpreter: /usr/bin/python3 scripts/vectors/catalogue_summary.py
The output is committed; do not edit it by hand. The test suite never runs Python.
"""
import json
import math

import numpy as np
import pandas as pd

assert pd.__version__ == "1.5.3", pd.__version__


def clean(value):
    if isinstance(value, (np.floating, float)):
        value = float(value)
        return value if math.isfinite(value) else None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    return value


def summarize(df, kinds):
    out = {
        "rows": len(df),
        "columns": len(df.columns),
        "duplicated_rows": int(df.duplicated().sum()),
        "empty_rows": int(df.isna().all(axis=1).sum()),
        "empty_columns": int(sum(df[c].isna().all() for c in df.columns)),
        "constant_columns": int(sum(df[c].nunique() <= 1 for c in df.columns)),
        "almost_constant_columns": int(
            sum((df[c].value_counts().max() if df[c].notna().any() else 0) / len(df) >= 0.95 for c in df.columns)
        ),
        "missing_cells": {"count": int(df.isna().sum().sum()), "share": float(df.isna().sum().sum() / len(df))},
        "by_column": [],
    }
    for c in df.columns:
        s = df[c]
        entry = {
            "column": c,
            "count": int(s.count()),
            "missing": {"count": int(len(s) - s.count()), "share": float((len(s) - s.count()) / len(s))},
            "distinct": int(s.nunique()),
        }
        if kinds[c] == "numerical":
            entry.update({
                "min": clean(s.min()), "max": clean(s.max()), "mean": clean(s.mean()), "std": clean(s.std()),
                "quantiles": {"0.25": clean(s.quantile(0.25)), "0.5": clean(s.quantile(0.5)),
                              "0.75": clean(s.quantile(0.75))},
            })
        else:
            vc = s.value_counts()
            entry["value_counts"] = {str(k): int(v) for k, v in vc.items()}
        out["by_column"].append(entry)
    return out


def column_json(s, storage):
    return {"name": s.name, "storage": storage, "values": [None if pd.isna(v) else clean(v) for v in s.tolist()]}


frames = []
# Evidently's DataSummaryPreset example frame plus more columns.
df = pd.DataFrame({
    "num": [2, 2, 4, 8, np.nan, 1.5],
    "cat": ["a", "c", "c", "a", "b", "b"],
})
frames.append(("spec_example", df, {"num": ("float", "numerical"), "cat": ("string", "categorical")}))

rng = np.random.default_rng(7)
n = 400
x = np.round(rng.normal(50, 10, n), 1)
x[rng.random(n) < 0.1] = np.nan
df = pd.DataFrame({
    "x": x,
    "k": rng.integers(0, 4, n),
    "plan": rng.choice(["basic", "premium", "standard"], n, p=[0.5, 0.2, 0.3]),
    "flag": rng.random(n) < 0.97,
    "const": np.full(n, 3.0),
    "empty": np.full(n, np.nan),
})
df.loc[5:9, :] = df.loc[0:4, :].values  # exact duplicate rows
df.loc[20, ["x", "const", "empty"]] = np.nan
df["plan"] = df["plan"].astype(object)
df.loc[30:33, "plan"] = None
kinds = {"x": ("float", "numerical"), "k": ("int", "categorical"), "plan": ("string", "categorical"),
         "flag": ("bool", "categorical"), "const": ("float", "numerical"), "empty": ("float", "numerical")}
df["k"] = df["k"].astype("int64")
df["flag"] = df["flag"].astype(bool)
frames.append(("mixed_400", df, kinds))

# Few distinct values per numerical column: the summary computes mean and std from the sorted runs there.
rng = np.random.default_rng(11)
n = 2000
few = np.round(rng.normal(50, 10, n), 0)
few[rng.random(n) < 0.05] = np.nan
df = pd.DataFrame({
    "few": few,
    "cents": np.round(rng.gamma(2.0, 20.0, n), 2) * 0 + np.round(rng.choice([19.99, 24.5, 0.1, 1e6 + 0.01], n), 2),
    "count": rng.integers(0, 40, n).astype("int64"),
})
frames.append(("few_values_2000", df, {"few": ("float", "numerical"), "cents": ("float", "numerical"), "count": ("int", "numerical")}))

out = {"_generated_by": "scripts/vectors/catalogue_summary.py with pandas 1.5.3, numpy 1.24.2; do not edit", "frames": []}
for name, frame, kind in frames:
    out["frames"].append({
        "name": name,
        "columns": [column_json(frame[c], kind[c][0]) for c in frame.columns],
        "expected": summarize(frame, {c: kind[c][1] for c in frame.columns}),
    })
with open("test/vectors/catalogue-summary.json", "w") as fh:
    json.dump(out, fh, allow_nan=False)
    fh.write("\n")
print("frames", len(out["frames"]))
