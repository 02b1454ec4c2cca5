// End-to-end golden reports 1 and 2 (docs/drift-semantics.md; Evidently 0.7.21, numpy 1.24.2, scipy 1.10.1, pandas 1.5.3),
// through the whole engine: typing from the current snapshot, cleaning, default selection, dataset level.
import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../src/drift/engine.js';
import type { ColumnDriftResult } from '../../src/drift/report.js';
import { pairOfTables } from '../../src/snapshot/pair.js';
import type { Column, Table } from '../../src/snapshot/table.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const float = (name: string, values: number[]): Column => ({
  name,
  type: 'float',
  values: Float64Array.from(values),
});
const int = (name: string, values: number[]): Column => ({
  name,
  type: 'int',
  values: Float64Array.from(values),
});
function strings(name: string, values: string[]): Column {
  const dictionary = [...new Set(values)];
  return { name, type: 'string', dictionary, codes: Int32Array.from(values, (v) => dictionary.indexOf(v)) };
}
const repeat = (labels: string[], counts: number[]) =>
  labels.flatMap((label, i) => Array<string>(counts[i]!).fill(label));
const table = (source: string, rows: number, columns: Column[]): Table => ({ source, rows, columns });

function expectClose(actual: number | null, expected: number, relative = 1e-9): void {
  expect(actual).not.toBeNull();
  if (expected === 0) expect(Math.abs(actual!)).toBeLessThan(1e-300);
  else expect(Math.abs(actual! - expected) / Math.abs(expected)).toBeLessThan(relative);
}
const byName = (columns: ColumnDriftResult[]) => Object.fromEntries(columns.map((c) => [c.column, c]));

describe('golden 1: 100 reference rows, 80 current rows, defaults', async () => {
  const bRef = range(100).map((i) => ((i * 37) % 101) / 10);
  const bCur = range(80).map((i) => ((i * 53) % 97) / 10 + 1.5);
  const reference = table('ref', 100, [
    float('num', bRef),
    float(
      'num_nan',
      bRef.map((v, i) => (i % 10 === 0 ? NaN : v)),
    ),
    strings('cat', repeat(['a', 'b', 'c'], [50, 30, 20])),
    strings('bin', repeat(['x', 'y'], [60, 40])),
    int(
      'int_few',
      range(100).map((i) => (i * 7) % 4),
    ),
  ]);
  const current = table('cur', 80, [
    float('num', bCur),
    float(
      'num_nan',
      bCur.map((v, i) => (i % 4 === 0 ? NaN : v)),
    ),
    strings('cat', repeat(['a', 'b', 'c', 'd'], [30, 25, 15, 10])),
    strings('bin', repeat(['x', 'y'], [45, 35])),
    int(
      'int_few',
      range(80).map((i) => (i * 5) % 3),
    ),
  ]);
  const report = await computeDrift(pairOfTables(reference, current), {
    referenceLabel: 'ref',
    currentLabel: 'cur',
  });
  const columns = byName(report.columns);

  it('chooses Evidently’s tests and reproduces its scores', () => {
    expect(columns.num).toMatchObject({
      column_type: 'numerical',
      stattest: 'ks',
      stattest_name: 'K-S p_value',
      threshold: 0.05,
      drift_detected: false,
    });
    expectClose(columns.num!.drift_score, 0.24563233880550928);
    expect(columns.num_nan).toMatchObject({
      stattest: 'ks',
      drift_detected: false,
      reference_size: 90,
      current_size: 60,
    });
    expectClose(columns.num_nan!.drift_score, 0.21847498279021116);
    expect(columns.cat).toMatchObject({
      column_type: 'categorical',
      stattest: 'chisquare',
      drift_score: 0,
      drift_detected: true,
    });
    expect(columns.bin).toMatchObject({ column_type: 'categorical', stattest: 'z', drift_detected: false });
    expectClose(columns.bin!.drift_score, 0.6120898800892571);
    expect(columns.int_few).toMatchObject({
      column_type: 'categorical',
      stattest: 'chisquare',
      drift_detected: true,
    });
    expectClose(columns.int_few!.drift_score, 6.804581332376004e-6);
  });

  it('counts drifted columns like DriftedColumnsCount', () => {
    expect(report.columns.map((c) => c.column)).toEqual(['num', 'num_nan', 'cat', 'bin', 'int_few']);
    expect(report.number_of_columns).toBe(5);
    expect(report.number_of_drifted_columns).toBe(2);
    expect(report.drift_share).toBe(0.4);
    expect(report.dataset_drift).toBe(false); // 0.400 < 0.500
    expect(report.decision.action).toBe('RETRAIN'); // 0.4 >= 0.3
  });
});

describe('golden 2: 1500 reference rows, 1200 current rows', () => {
  const reference = table('ref', 1500, [
    float(
      'x',
      range(1500).map((i) => ((i * 37) % 1009) / 10),
    ),
    float(
      'k',
      range(1500).map((i) => i % 4),
    ),
    strings(
      'cat',
      range(1500).map((i) => ['a', 'b', 'c'][i % 3]!),
    ),
  ]);
  const current = table('cur', 1200, [
    float(
      'x',
      range(1200).map((i) => ((i * 53) % 997) / 10 + 3),
    ),
    float(
      'k',
      range(1200).map((i) => i % 3),
    ),
    strings(
      'cat',
      range(1200).map((i) => ['a', 'b', 'c', 'd', 'a'][(i * 7) % 5]!),
    ),
  ]);

  it('DataDriftPreset(drift_share=0.6)', async () => {
    const report = await computeDrift(pairOfTables(reference, current), {
      referenceLabel: 'r',
      currentLabel: 'c',
      driftShare: 0.6,
    });
    const columns = byName(report.columns);
    expect(columns.x).toMatchObject({
      stattest: 'wasserstein',
      stattest_name: 'Wasserstein distance (normed)',
      threshold: 0.1,
      drift_detected: false,
    });
    expectClose(columns.x!.drift_score, 0.07829719483090418);
    expect(columns.k).toMatchObject({ stattest: 'jensenshannon', drift_detected: true });
    expectClose(columns.k!.drift_score, 0.3091966832730143);
    expect(columns.cat).toMatchObject({ stattest: 'jensenshannon', drift_detected: true });
    expectClose(columns.cat!.drift_score, 0.2961025713626615);
    expect(report.number_of_drifted_columns).toBe(2);
    expect(report.drift_share).toBe(2 / 3);
    expect(report.dataset_drift).toBe(true); // 0.667 >= 0.600
  });

  it('DataDriftPreset(method="psi")', async () => {
    const report = await computeDrift(pairOfTables(reference, current), {
      referenceLabel: 'r',
      currentLabel: 'c',
      stattest: { all: 'psi' },
    });
    const columns = byName(report.columns);
    expect(columns.x).toMatchObject({
      stattest: 'psi',
      stattest_name: 'PSI',
      threshold: 0.1,
      drift_detected: false,
    });
    expectClose(columns.x!.drift_score, 0.019015599211443635);
    expectClose(columns.k!.drift_score, 2.0271496162259326);
    expectClose(columns.cat!.drift_score, 1.66779533845299);
    expect(report.drift_share).toBe(2 / 3);
  });
});

describe('dataset-level rules (Evidently unit test test_dataset_drift_metric)', () => {
  it('stattest_threshold=0.7 gives 2 of 3 drifted and dataset drift', async () => {
    const reference = table('ref', 3, [
      strings('category_feature', ['a', 'a', 'b']),
      int('target', [1, 4, 5]),
      int('prediction', [1, 0, 1]),
    ]);
    const current = table('cur', 3, [
      strings('category_feature', ['az', 'bz', 'az']),
      int('target', [1, 2, 3]),
      int('prediction', [1, 0, 1]),
    ]);
    // The legacy test maps category_feature as categorical (inferred, 2 distinct of 3 rows would be text).
    const report = await computeDrift(pairOfTables(reference, current), {
      referenceLabel: 'r',
      currentLabel: 'c',
      threshold: { all: 0.7 },
      categorical: ['category_feature'],
    });
    expect(report.number_of_columns).toBe(3);
    expect(report.number_of_drifted_columns).toBe(2);
    expect(report.dataset_drift).toBe(true);
  });

  it('an all-missing column is skipped on that column and does not sink the others', async () => {
    const reference = table('ref', 3, [float('empty', [NaN, NaN, NaN]), float('x', [1, 2, 3])]);
    const current = table('cur', 3, [float('empty', [NaN, NaN, NaN]), float('x', [1, 2, 3])]);
    const report = await computeDrift(pairOfTables(reference, current), {
      referenceLabel: 'r',
      currentLabel: 'c',
    });
    expect(byName(report.columns).empty!.skipped).toMatch(
      /^empty column: no values left in the reference snapshot/,
    );
    expect(report.number_of_columns).toBe(1);
    expect(report.number_of_skipped_columns).toBe(1);
  });

  it('lists text columns as skipped, with the reason', async () => {
    const ids = range(20).map((i) => `user-${i}`);
    const notes = range(20).map((i) => `note ${i % 15}`);
    const report = await computeDrift(
      pairOfTables(
        table('ref', 20, [strings('id', ids), strings('note', notes)]),
        table('cur', 20, [strings('id', ids), strings('note', notes)]),
      ),
      { referenceLabel: 'r', currentLabel: 'c' },
    );
    // A label of its own in every row of both snapshots: an id, named as such.
    expect(byName(report.columns).id).toMatchObject({
      column_type: 'text',
      skipped: 'unique in every row (an id?): pass --id-column',
    });
    expect(byName(report.columns).note).toMatchObject({
      column_type: 'text',
      skipped: expect.stringMatching(/^text column: /),
    });
    expect(report.number_of_columns).toBe(0);
  });

  it('names an id only when it is unique in both snapshots, and tests it when forced categorical', async () => {
    const ids = range(20).map((i) => `user-${i}`);
    const repeated = [...ids.slice(0, 19), 'user-0'];
    const pair = pairOfTables(
      table('ref', 20, [strings('id', repeated)]),
      table('cur', 20, [strings('id', ids)]),
    );
    const report = await computeDrift(pair, { referenceLabel: 'r', currentLabel: 'c' });
    expect(report.columns[0]!.skipped).toMatch(/^text column: /);
    const forced = await computeDrift(pair, { referenceLabel: 'r', currentLabel: 'c', categorical: ['id'] });
    expect(forced.columns[0]).toMatchObject({ column_type: 'categorical', skipped: null });
  });

  it('keeps testing an integer column unique in every row (Evidently does) and warns that it looks like an id', async () => {
    const rows = 200;
    const report = await computeDrift(
      pairOfTables(
        table('ref', rows, [
          int('user', range(rows)),
          int(
            'k',
            range(rows).map((i) => i % 30),
          ),
        ]),
        table('cur', rows, [
          int(
            'user',
            range(rows).map((i) => i + 50),
          ),
          int(
            'k',
            range(rows).map((i) => i % 31),
          ),
        ]),
      ),
      { referenceLabel: 'r', currentLabel: 'c' },
    );
    const user = byName(report.columns).user!;
    expect(user).toMatchObject({ column_type: 'numerical', skipped: null, stattest: 'ks' });
    expect(user.drift_score).not.toBeNull();
    expect(user.warnings).toContain('unique in every row (an id?): pass --id-column');
    expect(byName(report.columns).k!.warnings ?? []).not.toContain(
      'unique in every row (an id?): pass --id-column',
    );
    expect(report.number_of_columns).toBe(2);
  });
});
