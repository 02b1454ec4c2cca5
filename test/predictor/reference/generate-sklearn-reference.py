#!/usr/bin/python3
"""Generates sklearn-month_000.json: the reference fit for test/predictor/sklearn-reference.test.ts.

Run with Debian's Python (not part of the test suite):  /usr/bin/python3 test/predictor/reference/generate-sklearn-reference.py
Versions used: Debian bookworm python3-sklearn 1.2.1, pandas 1.5.3, numpy 1.24.2.

It replays driftwatch's training recipe independently: the FNV-1a hash split of user_id (seed 42, 20 % holdout),
StandardScaler on the numeric columns (booleans as 0/1; NaN ignored in fit, then imputed as 0 = the mean), OneHotEncoder
over the levels seen in training (sorted; unseen/missing -> all zeros), and LogisticRegression(C=1) whose objective
C * sum(logloss) + 1/2 ||w||^2 with an unpenalised intercept is driftwatch's with l2 = 1.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, '..', '..', '..', 'fixtures', 'streamflow', 'month_000.csv')
SEED = 42
HOLDOUT = 0.2


def split_unit(key: str, seed: int) -> float:
    h = (0x811C9DC5 ^ seed) & 0xFFFFFFFF
    for ch in key:  # ASCII ids: one UTF-16 code unit per character, as charCodeAt in TypeScript
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h / 4294967296


frame = pd.read_csv(FIXTURE, dtype={'user_id': str})
target = frame['churn_label'].to_numpy(dtype=int)
features = [c for c in frame.columns if c not in ('user_id', 'churn_label')]
categorical = [c for c in features if frame[c].dtype == object]
numeric = [c for c in features if c not in categorical]
holdout = np.array([split_unit(u, SEED) < HOLDOUT for u in frame['user_id']])
train = ~holdout

scaler = StandardScaler().fit(frame.loc[train, numeric].astype(float))
levels = [sorted(frame.loc[train, c].dropna().unique().tolist()) for c in categorical]
encoder = OneHotEncoder(categories=levels, handle_unknown='ignore', sparse_output=False).fit(frame.loc[train, categorical])


def design(rows):
    scaled = np.nan_to_num(scaler.transform(frame.loc[rows, numeric].astype(float)), nan=0.0)
    onehot = encoder.transform(frame.loc[rows, categorical].fillna('__missing__'))
    return scaled, onehot


x_train = np.hstack(design(train))
x_holdout = np.hstack(design(holdout))
model = LogisticRegression(C=1.0, solver='newton-cholesky', tol=1e-12, max_iter=1000).fit(x_train, target[train])
coefficients = model.coef_[0]

weights = {}
for i, name in enumerate(numeric):
    weights[name] = {'kind': 'numeric', 'mean': scaler.mean_[i], 'std': scaler.scale_[i], 'weight': coefficients[i]}
offset = len(numeric)
for name, lv in zip(categorical, levels):
    weights[name] = {'kind': 'categorical', 'levels': lv, 'weights': coefficients[offset:offset + len(lv)].tolist()}
    offset += len(lv)

out = {
    'generated_by': 'test/predictor/reference/generate-sklearn-reference.py -- DO NOT EDIT',
    'versions': {'sklearn': sklearn.__version__, 'pandas': pd.__version__, 'numpy': np.__version__},
    'seed': SEED,
    'holdout_fraction': HOLDOUT,
    'train_rows': int(train.sum()),
    'holdout_rows': int(holdout.sum()),
    'intercept': model.intercept_[0],
    'features': weights,
    'train_auc': roc_auc_score(target[train], model.predict_proba(x_train)[:, 1]),
    'holdout_auc': roc_auc_score(target[holdout], model.predict_proba(x_holdout)[:, 1]),
}
with open(os.path.join(HERE, 'sklearn-month_000.json'), 'w') as f:
    json.dump(out, f, indent=2, default=float)
    f.write('\n')
print(json.dumps({k: out[k] for k in ('train_rows', 'holdout_rows', 'intercept', 'train_auc', 'holdout_auc')}))
