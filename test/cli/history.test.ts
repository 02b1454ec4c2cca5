/**
 * `driftwatch compare --history PATH`: the JSON Lines history is read, the run added (a re-run of the same labels
 * replaces its record), corrupt lines are warnings with their line numbers, and two processes appending at once
 * never lose a record.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHistoryRecord, type HistoryRecord } from '../../src/drift/history.js';
import type { DriftReport } from '../../src/drift/report.js';
import { validateHistoryRecord, validateReport } from '../../src/report/schema.js';
import { buildCliBundle, runBundle } from '../support/bundle.js';
import { cli } from '../support/cli.js';

const month = (n: number) => resolve(`fixtures/streamflow/month_00${n}.csv`);
const LABELS = ['2024-01-31', '2024-02-29', '2024-03-31'];

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'driftwatch-history-'));
}

function compareArgs(dir: string, history: string, ref: number, cur: number): string[] {
  return [
    'compare',
    '--id-column',
    'user_id',
    '--target',
    'churn_label',
    '--reference',
    month(ref),
    '--current',
    month(cur),
    '--reference-label',
    LABELS[ref]!,
    '--current-label',
    LABELS[cur]!,
    '--report-dir',
    dir,
    '--format',
    'json,md',
    '--history',
    history,
  ];
}

function readHistory(path: string): HistoryRecord[] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const value: unknown = JSON.parse(line);
      expect(validateHistoryRecord(value)).toEqual([]);
      const record = parseHistoryRecord(value);
      if (typeof record === 'string') throw new Error(record);
      return record;
    });
}

const pairs = (records: HistoryRecord[]) => records.map((r) => `${r.reference.label}>${r.current.label}`);

describe('compare --history', () => {
  it('appends one record per run, replaces a re-run of the same labels, and puts the trend in the reports', async () => {
    const dir = temp();
    const history = join(dir, 'history', 'drift.jsonl');
    const first = await cli(compareArgs(dir, history, 0, 1));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(pairs(readHistory(history))).toEqual(['2024-01-31>2024-02-29']);

    const second = await cli(compareArgs(dir, history, 1, 2));
    expect(second.code).toBe(0);
    const third = await cli(compareArgs(dir, history, 0, 2));
    expect(third.code).toBe(0);
    const records = readHistory(history);
    expect(pairs(records)).toEqual([
      '2024-01-31>2024-02-29',
      '2024-02-29>2024-03-31',
      '2024-01-31>2024-03-31',
    ]);

    // The JSON report of the third run carries the three runs, and it still satisfies the schema.
    const report = JSON.parse(
      readFileSync(join(dir, 'drift_2024-01-31_vs_2024-03-31.json'), 'utf8'),
    ) as DriftReport;
    expect(validateReport(report)).toEqual([]);
    expect(report.trend!.runs.map((run) => run.drift_share)).toEqual(records.map((r) => r.drift_share));
    expect(report.trend!.runs.at(-1)!.drift_share).toBe(report.drift_share);
    expect(records[2]!.drift_share).toBe(report.drift_share);

    // A re-run of the first pair replaces its record and becomes the newest.
    const rerun = await cli(compareArgs(dir, history, 0, 1));
    expect(rerun.code).toBe(0);
    expect(pairs(readHistory(history))).toEqual([
      '2024-02-29>2024-03-31',
      '2024-01-31>2024-03-31',
      '2024-01-31>2024-02-29',
    ]);
    // Nothing but the history and the reports: no temporary file or lock left behind.
    expect(readdirSync(join(dir, 'history'))).toEqual(['drift.jsonl']);
  });

  it('warns about a corrupt line with its line number, skips it, and keeps it in the file', async () => {
    const dir = temp();
    const history = join(dir, 'drift.jsonl');
    expect((await cli(compareArgs(dir, history, 0, 1))).code).toBe(0);
    const good = readFileSync(history, 'utf8');
    writeFileSync(history, `${good}{"history_version": 1, "cut off\n{"history_version": 9}\n`);
    const result = await cli(compareArgs(dir, history, 1, 2));
    expect(result.code).toBe(0);
    const warnings = result.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^driftwatch: warning: --history: ${history.replaceAll('.', '\\.')}:2: not a history record \\(not JSON: .+\\); skipped$`,
      ),
    );
    expect(warnings[1]).toBe(
      `driftwatch: warning: --history: ${history}:3: not a history record (history_version is 9, expected 1); skipped`,
    );
    const lines = readFileSync(history, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('{"history_version": 1, "cut off');
    // The trend counted the two good runs only.
    const report = JSON.parse(
      readFileSync(join(dir, 'drift_2024-02-29_vs_2024-03-31.json'), 'utf8'),
    ) as DriftReport;
    expect(report.trend!.runs.map((run) => run.current)).toEqual(['2024-02-29', '2024-03-31']);
  });

  it('a history path that is a directory is a one-line error naming the flag, and no report is written', async () => {
    const dir = temp();
    const result = await cli(compareArgs(join(dir, 'out'), dir, 0, 1));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`driftwatch: error: --history: ${dir}: is a directory, not a file\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('compare --retrain-after N', () => {
  /** month_000 → month_001 under the labels given (only watch_hours_30d drifts: NO_ACTION on its own). */
  const run = (dir: string, reference: string, current: string, extra: string[]) =>
    cli([
      'compare',
      '--id-column',
      'user_id',
      '--target',
      'churn_label',
      '--reference',
      month(0),
      '--current',
      month(1),
      '--reference-label',
      reference,
      '--current-label',
      current,
      '--report-dir',
      dir,
      '--format',
      'json',
      ...extra,
    ]);

  it('RETRAIN when a column drifted in each of the last N runs; the reason names the column and the runs', async () => {
    const dir = temp();
    const history = join(dir, 'drift.jsonl');
    const first = await run(dir, 'a', 'b', ['--history', history, '--retrain-after', '2']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('-> NO_ACTION');
    const second = await run(dir, 'b', 'c', ['--history', history, '--retrain-after', '3']);
    expect(second.stdout).toContain('-> NO_ACTION');
    const third = await run(dir, 'c', 'd', ['--history', history, '--retrain-after', '3', '--fail-on-drift']);
    expect(third.code).toBe(1);
    expect(third.stdout).toMatch(/drift_share=0\.07 < 0\.30 triggered_by=trend -> RETRAIN/);
    const report = JSON.parse(readFileSync(join(dir, 'drift_c_vs_d.json'), 'utf8')) as DriftReport;
    expect(report.decision.action).toBe('RETRAIN');
    expect(report.decision.triggered_by).toEqual(['trend']);
    expect(report.decision.reason).toMatch(
      /^RETRAIN: column watch_hours_30d drifted in 3 consecutive runs \(a→b, b→c, c→d\); /,
    );
    // The history records the decision that was made.
    expect(readHistory(history).map((record) => record.decision)).toEqual([
      'NO_ACTION',
      'NO_ACTION',
      'RETRAIN',
    ]);
  });

  it('without a history it is a one-line usage error', async () => {
    const dir = temp();
    const result = await run(dir, 'a', 'b', ['--retrain-after', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('driftwatch: error: --retrain-after: needs a history (--history)\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('compare --history with concurrent processes (the bundled CLI)', () => {
  let bundle = '';
  beforeAll(() => {
    bundle = buildCliBundle();
  }, 120_000);

  it('two processes appending at once never lose a record (repeated)', async () => {
    const dir = temp();
    // A small pair of snapshots, so the two processes reach the history at nearly the same moment.
    const rows = (shift: number) =>
      ['a,b', ...Array.from({ length: 200 }, (_, i) => `${(i % 17) + shift},${i % 3}`)].join('\n') + '\n';
    writeFileSync(join(dir, 'ref.csv'), rows(0));
    writeFileSync(join(dir, 'cur.csv'), rows(2));
    const history = join(dir, 'drift.jsonl');
    const ROUNDS = 6;
    for (let round = 0; round < ROUNDS; round++) {
      const runs = await Promise.all(
        ['x', 'y'].map((side) =>
          runBundle(
            bundle,
            [
              'compare',
              '--reference',
              join(dir, 'ref.csv'),
              '--current',
              join(dir, 'cur.csv'),
              '--reference-label',
              `r${round}${side}`,
              '--current-label',
              `c${round}${side}`,
              '--report-dir',
              join(dir, 'reports'),
              '--format',
              'json',
              '--history',
              history,
            ],
            // Each holds the history for 300 ms between reading and writing it: without the lock, one of the two
            // would write a file without the other's record.
            { env: { ...process.env, DRIFTWATCH_HISTORY_HOLD_MS: '300' } },
          ),
        ),
      );
      for (const run of runs) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
      }
    }
    const records = readHistory(history);
    expect(records).toHaveLength(2 * ROUNDS);
    expect(new Set(pairs(records)).size).toBe(2 * ROUNDS);
    expect(readdirSync(dir).sort()).toEqual(['cur.csv', 'drift.jsonl', 'ref.csv', 'reports']);
  }, 120_000);
});
