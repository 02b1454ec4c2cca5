import { describe, expect, it } from 'vitest';
import {
  computeTrend,
  historyRecord,
  mergeHistory,
  parseHistoryRecord,
  retrainAfter,
  type HistoryRecord,
} from '../../src/drift/history.js';
import type { Decision } from '../../src/drift/report.js';
import { validateHistoryRecord } from '../../src/report/schema.js';
import { STREAMFLOW_LABELS, streamflowReport, syntheticReport } from '../report/helpers.js';

/** A record of `columns` (name → drifted, score) for the labels `ref`→`cur`. */
function record(
  ref: string,
  cur: string,
  columns: Record<string, [drifted: boolean, score: number]>,
  datasetDrift = false,
): HistoryRecord {
  const list = Object.entries(columns);
  return {
    history_version: 1,
    reference: { label: ref, rows: 100 },
    current: { label: cur, rows: 100 },
    drift_share: list.filter(([, [drifted]]) => drifted).length / list.length,
    drift_share_threshold: 0.5,
    retrain_threshold: 0.3,
    dataset_drift: datasetDrift,
    decision: 'NO_ACTION',
    columns: list.map(([name, [drifted, score]]) => [name, 'ks', score, 0.05, drifted ? 1 : 0, 0]),
  };
}

const noAction: Decision = { action: 'NO_ACTION', retrain_threshold: 0.3, reason: 'drift_share=0.10 < 0.30' };

describe('history record', () => {
  it('holds labels, sources, rows, drift_share, decision and per-column test/score/threshold/drifted/missing share', async () => {
    const report = await streamflowReport(1);
    const built = historyRecord(report);
    expect(validateHistoryRecord(JSON.parse(JSON.stringify(built)))).toEqual([]);
    expect(parseHistoryRecord(JSON.parse(JSON.stringify(built)))).toEqual(built);
    expect(built.reference).toEqual({
      label: STREAMFLOW_LABELS[0],
      rows: report.reference.rows,
      source: report.reference.source,
    });
    expect(built.reference.source).toContain('month_000.csv');
    expect(built.current.label).toBe(STREAMFLOW_LABELS[1]);
    expect(built.drift_share).toBe(report.drift_share);
    expect(built.decision).toBe(report.decision.action);
    expect(built.columns).toHaveLength(report.columns.length);
    for (const [i, column] of report.columns.entries()) {
      const [name, test, score, threshold, drifted, missing] = built.columns[i]!;
      expect(name).toBe(column.column);
      expect(test).toBe(column.stattest);
      if (column.drift_score === null) expect(score).toBeNull();
      else
        expect(Math.abs(score! - column.drift_score)).toBeLessThanOrEqual(
          5e-6 * Math.abs(column.drift_score),
        );
      expect(threshold).toBe(column.threshold);
      expect(drifted).toBe(column.drift_detected ? 1 : 0);
      const share = column.missing_share?.current;
      if (share === undefined) expect(missing).toBeNull();
      else expect(Math.abs(missing! - share)).toBeLessThanOrEqual(5e-6 * share);
    }
  });

  it('is compact: a 100-column run takes a few KB', async () => {
    const report = await syntheticReport({ rows: 500, columns: 100, seed: 5, shift: 0.3 });
    const line = JSON.stringify(historyRecord(report));
    expect(report.columns).toHaveLength(100);
    expect(line.length).toBeLessThan(5_000);
  });

  it('names what is wrong with a record that is not one', () => {
    const good = record('a', 'b', { x: [true, 0.01] });
    expect(parseHistoryRecord([])).toBe('not a JSON object');
    expect(parseHistoryRecord({ ...good, history_version: 2 })).toBe('history_version is 2, expected 1');
    expect(parseHistoryRecord({ ...good, drift_share: 'x' })).toBe('drift_share is not a number');
    expect(parseHistoryRecord({ ...good, columns: [['x', 'ks', 0.1, 0.05, 2, 0]] })).toBe(
      'columns[0][4] (drifted) is not 0 or 1',
    );
    expect(validateHistoryRecord({ ...good, decision: 'MAYBE' })).not.toEqual([]);
  });
});

describe('history merge and trend', () => {
  it('replaces a record of the same label pair, newest last, and keeps the newest `limit` runs', () => {
    const a = record('m0', 'm1', { x: [false, 0.5] });
    const b = record('m1', 'm2', { x: [true, 0.01] });
    const a2 = record('m0', 'm1', { x: [true, 0.02] });
    expect(mergeHistory([a, b], a2)).toEqual([b, a2]);
    expect(
      mergeHistory([a, b], record('m2', 'm3', { x: [true, 0.01] }), 2).map((r) => r.current.label),
    ).toEqual(['m2', 'm3']);
  });

  it('marks columns new this run and drifting for N runs, and sorts them by the slope towards drift', () => {
    const history = [
      record('m0', 'm1', { creeping: [false, 0.4], oneoff: [false, 0.5], steady: [true, 0.01] }),
      record('m1', 'm2', { creeping: [false, 0.2], oneoff: [true, 0.01], steady: [true, 0.01] }),
      record('m2', 'm3', { creeping: [true, 0.04], oneoff: [false, 0.6], steady: [true, 0.01] }),
    ];
    const trend = computeTrend(history);
    expect(trend.runs.map((run) => run.current)).toEqual(['m1', 'm2', 'm3']);
    const byName = Object.fromEntries(trend.columns.map((column) => [column.column, column]));
    expect(byName.creeping).toMatchObject({
      drifted: [false, false, true],
      drifting_for: 1,
      new_this_run: true,
    });
    expect(byName.steady).toMatchObject({ drifting_for: 3, new_this_run: false, score_slope: 0 });
    expect(byName.oneoff).toMatchObject({ drifting_for: 0, new_this_run: false });
    // p-values falling 0.4 → 0.2 → 0.04: slope -0.18 per run, towards drift +0.18.
    expect(byName.creeping!.score_slope).toBeCloseTo(-0.18, 12);
    expect(byName.creeping!.drift_slope).toBeCloseTo(0.18, 12);
    expect(trend.columns[0]!.column).toBe('creeping');
  });

  it('retrain-after N: RETRAIN when a column or the dataset drifted in each of the last N runs, naming the runs', () => {
    const history = [
      record('m0', 'm1', { x: [false, 0.4], y: [true, 0.01] }),
      record('m1', 'm2', { x: [true, 0.01], y: [true, 0.01] }),
      record('m2', 'm3', { x: [true, 0.01], y: [false, 0.3] }),
    ];
    expect(retrainAfter(noAction, history, 3)).toEqual(noAction);
    const fired = retrainAfter(noAction, history, 2);
    expect(fired.action).toBe('RETRAIN');
    expect(fired.triggered_by).toEqual(['trend']);
    expect(fired.reason).toContain('column x drifted in 2 consecutive runs (m1→m2, m2→m3)');
    const dataset = [
      record('a', 'b', { x: [false, 0.4] }, true),
      record('b', 'c', { x: [false, 0.4] }, true),
    ];
    expect(retrainAfter(noAction, dataset, 2).reason).toContain(
      'dataset drift in 2 consecutive runs (a→b, b→c)',
    );
    // Too few runs: nothing fires.
    expect(retrainAfter(noAction, dataset, 3)).toEqual(noAction);
  });
});
