/**
 * Issue 3 end to end through `driftwatch compare` on the StreamFlow fixtures: every registry name via
 * `--stattest`, `--bins N` honoured by psi/kl_div/jensenshannon (numbers from numpy, test/vectors/catalogue-bins.json),
 * `--seed`, `--correction`, `--missing-drift`, effect sizes, missing shares and the summary block.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnDriftResult, DriftReport } from '../../../src/drift/report.js';
import { STATTEST_IDS } from '../../../src/drift/types.js';
import { cli } from '../../support/cli.js';
import { relativeError } from './helpers.js';

const month = (n: number) => resolve(`fixtures/streamflow/month_00${n}.csv`);
const base = [
  'compare',
  '--id-column',
  'user_id',
  '--reference',
  month(0),
  '--current',
  month(1),
  '--format',
  'json',
];

async function report(args: string[]): Promise<DriftReport> {
  const dir = mkdtempSync(join(tmpdir(), 'driftwatch-catalogue-'));
  const result = await cli([...base, '--report-dir', dir, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(readFileSync(join(dir, 'drift_month_000_vs_month_001.json'), 'utf8')) as DriftReport;
}

const byName = (r: DriftReport, name: string): ColumnDriftResult => r.columns.find((c) => c.column === name)!;

describe('--stattest accepts every registry name', () => {
  const numericalOnly = new Set([
    'ks',
    'wasserstein',
    'anderson',
    'cramer_von_mises',
    'ed',
    'es',
    'mannw',
    't_test',
    'empirical_mmd',
  ]);
  it.each(STATTEST_IDS.map((id) => [id] as const))('%s', async (id) => {
    // A numerical column for numerical tests, a categorical one (plan_stream_tv: Yes/No/No service) otherwise.
    const column = numericalOnly.has(id)
      ? 'skips_7d'
      : id === 'fisher_exact'
        ? 'paperless_billing'
        : 'plan_stream_tv';
    const r = await report(['--columns', column, '--stattest', id]);
    const result = byName(r, column);
    expect(result.stattest).toBe(id);
    if (id === 'empirical_mmd') {
      // 14,086 pooled rows exceed the O(N²) kernel-matrix limit: skipped with the reason, not a crash.
      expect(result.skipped).toMatch(/empirical_mmd builds a \(n1\+n2\)² kernel matrix/);
    } else {
      expect(result.skipped).toBeNull();
      expect(result.drift_score).not.toBeNull();
    }
  });

  it('a test on a column type it does not support is a usage error naming both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftwatch-catalogue-'));
    const result = await cli([
      ...base,
      '--report-dir',
      dir,
      '--columns',
      'plan_stream_tv',
      '--stattest',
      'anderson',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/'anderson'.*categorical column 'plan_stream_tv'/);
  });
});

describe('--bins N for psi, kl_div and jensenshannon', () => {
  const vectors = JSON.parse(
    readFileSync(new URL('../../vectors/catalogue-bins.json', import.meta.url), 'utf8'),
  ) as {
    cases: { column: string; bins: number | 'sturges'; psi: number; kl_div: number; jensenshannon: number }[];
  };
  const rows = vectors.cases.flatMap((c) =>
    (['psi', 'kl_div', 'jensenshannon'] as const).map((test) => [c.column, c.bins, test, c[test]] as const),
  );
  it.each(rows)('%s bins=%s %s', async (column, bins, test, expected) => {
    const r = await report([
      '--columns',
      column,
      '--stattest',
      test,
      ...(bins === 'sturges' ? [] : ['--bins', String(bins)]),
    ]);
    expect(relativeError(byName(r, column).drift_score!, expected)).toBeLessThanOrEqual(1e-12);
  });
});

describe('additive fields and options', () => {
  it('every tested column carries effect sizes and missing shares; the summary covers both snapshots', async () => {
    const r = await report([]);
    for (const column of r.columns.filter((c) => c.skipped === null)) {
      expect(column.effect).toHaveProperty('jensenshannon');
      if (column.column_type === 'numerical') expect(column.effect).toHaveProperty('wasserstein_normed');
      expect(column.missing_share).toEqual({ reference: expect.any(Number), current: expect.any(Number) });
      expect(column.missing_p_value).toBeGreaterThanOrEqual(0);
    }
    const summary = r.summary;
    // The id column is not loaded (--id-column), so 15 of the 16 CSV columns are summarised.
    expect(summary.reference).toMatchObject({ rows: 7043, columns: 15 });
    expect(summary.current.rows).toBe(7043);
    expect(summary.reference.by_column).toHaveLength(15);
    // Parity: the default numbers are untouched by the additive fields.
    const wasserstein = byName(r, 'watch_hours_30d');
    expect(wasserstein.drift_score).toBe(
      (wasserstein.effect as { wasserstein_normed: number }).wasserstein_normed,
    );
  });

  it('--correction adjusts p-value tests across the columns and keeps the raw p-values', async () => {
    const raw = await report(['--stattest', 'numerical=ks', '--stattest', 'categorical=chisquare']);
    const corrected = await report([
      '--stattest',
      'numerical=ks',
      '--stattest',
      'categorical=chisquare',
      '--correction',
      'bonferroni',
    ]);
    expect(corrected.correction).toBe('bonferroni');
    const tested = corrected.columns.filter((c) => c.skipped === null);
    for (const column of tested) {
      const before = byName(raw, column.column);
      expect(column.drift_score).toBe(before.drift_score);
      expect(column.drift_score_adjusted).toBe(Math.min(1, before.drift_score! * tested.length));
      const adjusted = column.drift_score_adjusted as number;
      expect(column.drift_detected).toBe(column.stattest === 'ks' ? adjusted <= 0.05 : adjusted < 0.05);
    }
  });

  it('--correction rejects unknown methods', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftwatch-catalogue-'));
    const result = await cli([...base, '--report-dir', dir, '--correction', 'sidak']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--correction: unknown method 'sidak' \(known: bonferroni, holm, fdr_bh\)/);
  });

  it('--missing-drift counts a jump in the null rate as drift; without it the column stays undrifted', async () => {
    // A copy of month_001 where a third of monthly_fee is missing: Evidently drops NaN and sees no drift.
    const dir = mkdtempSync(join(tmpdir(), 'driftwatch-catalogue-'));
    const lines = readFileSync(month(1), 'utf8').trimEnd().split('\n');
    const feeIndex = lines[0]!.split(',').indexOf('monthly_fee');
    const edited = lines.map((line, i) => {
      if (i === 0 || i % 3 !== 0) return line;
      const cells = line.split(',');
      cells[feeIndex] = '';
      return cells.join(',');
    });
    const current = join(dir, 'month_001_nulls.csv');
    writeFileSync(current, edited.join('\n') + '\n');
    const args = [
      'compare',
      '--id-column',
      'user_id',
      '--reference',
      month(0),
      '--current',
      current,
      '--format',
      'json',
      '--report-dir',
      dir,
      '--columns',
      'monthly_fee',
    ];
    const plain = await cli(args);
    expect(plain.code).toBe(0);
    const plainReport = JSON.parse(
      readFileSync(join(dir, 'drift_month_000_vs_month_001_nulls.json'), 'utf8'),
    ) as DriftReport;
    const fee = byName(plainReport, 'monthly_fee');
    expect(fee.drift_detected).toBe(false);
    expect(fee.missing_drift_detected).toBe(true);
    expect((fee.missing_share as { current: number }).current).toBeCloseTo(2347 / 7043, 12);
    const flagged = await cli([...args, '--missing-drift']);
    expect(flagged.code).toBe(0);
    const flaggedReport = JSON.parse(
      readFileSync(join(dir, 'drift_month_000_vs_month_001_nulls.json'), 'utf8'),
    ) as DriftReport;
    expect(byName(flaggedReport, 'monthly_fee').drift_detected).toBe(true);
    expect(flaggedReport.missing_drift).toBe(true);
  });

  it('--seed makes permutation tests deterministic and changes their draws', async () => {
    const first = await report(['--columns', 'plan_stream_tv', '--stattest', 'TVD']);
    const again = await report(['--columns', 'plan_stream_tv', '--stattest', 'TVD']);
    const seeded = await report(['--columns', 'plan_stream_tv', '--stattest', 'TVD', '--seed', '7']);
    expect(byName(again, 'plan_stream_tv').drift_score).toBe(byName(first, 'plan_stream_tv').drift_score);
    expect(byName(seeded, 'plan_stream_tv').method).toBe('permutation (1000, seed 7)');
    expect(byName(first, 'plan_stream_tv').method).toBe('permutation (1000, seed 0)');
  });
});
