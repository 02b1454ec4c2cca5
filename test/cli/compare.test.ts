import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/drift/report.js';
import { cli } from '../support/cli.js';

const fixtures = resolve('fixtures/streamflow');
const month = (n: number) => join(fixtures, `month_00${n}.csv`);
const base = ['compare', '--id-column', 'user_id', '--target', 'churn_label'];

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'driftwatch-cli-'));
}

describe('driftwatch compare on the StreamFlow fixtures', () => {
  it('month_000 vs month_001: only watch_hours_30d drifts, NO_ACTION', async () => {
    const dir = temp();
    const result = await cli([
      ...base,
      '--reference',
      month(0),
      '--current',
      month(1),
      '--reference-label',
      '2024-01-31',
      '--current-label',
      '2024-02-29',
      '--report-dir',
      dir,
      '--format',
      'json,md',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const jsonPath = join(dir, 'drift_2024-01-31_vs_2024-02-29.json');
    expect(result.stdout).toMatch(
      new RegExp(
        `^\\[driftwatch\\] report_json=${jsonPath.replaceAll('.', '\\.')} report_md=\\S+\\.md drift_share=0\\.07 < 0\\.30 -> NO_ACTION \\(target_rate_change=([-+]0\\.\\d{3}|0\\.000)\\)\\n$`,
      ),
    );
    const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as DriftReport;
    // The figure in parentheses is the change of the positive rate, current minus reference, as the JSON has it.
    const change = report.target!.current_rate! - report.target!.reference_rate!;
    expect(result.stdout).toContain(`(target_rate_change=${change < 0 ? '' : '+'}${change.toFixed(3)})`);
    expect(Math.abs(change)).toBeCloseTo(report.target!.abs_rate_diff!, 12);
    // No figure is printed twice.
    expect(result.stdout.match(/drift_share=/g)).toHaveLength(1);
    expect(report.schema_version).toBe(1);
    expect(report.reference).toMatchObject({ label: '2024-01-31', rows: 7043 });
    expect(report.number_of_columns).toBe(15);
    expect(report.columns.filter((c) => c.drift_detected).map((c) => c.column)).toEqual(['watch_hours_30d']);
    expect(report.columns.find((c) => c.column === 'watch_hours_30d')).toMatchObject({
      column_type: 'numerical',
      stattest: 'wasserstein',
      threshold: 0.1,
    });
    expect(report.columns.find((c) => c.column === 'net_service')).toMatchObject({
      column_type: 'categorical',
      stattest: 'jensenshannon',
    });
    expect(report.columns.find((c) => c.column === 'paperless_billing')).toMatchObject({
      column_type: 'categorical',
    });
    expect(report.columns.some((c) => c.column === 'user_id')).toBe(false);
    expect(report.target).toMatchObject({ column: 'churn_label', drift_detected: false });
    expect(report.target!.abs_rate_diff).toBeCloseTo(
      Math.abs(report.target!.current_rate! - report.target!.reference_rate!),
      12,
    );
    expect(report.decision).toMatchObject({ action: 'NO_ACTION', retrain_threshold: 0.3 });
    expect(existsSync(join(dir, 'drift_2024-01-31_vs_2024-02-29.md'))).toBe(true);
    expect(existsSync(join(dir, 'drift_2024-01-31_vs_2024-02-29.html'))).toBe(false);
  });

  it('month_000 vs month_002: strong drift, RETRAIN, exit 1 only with --fail-on-drift', async () => {
    const dir = temp();
    const plain = await cli([
      ...base,
      '--reference',
      month(0),
      '--current',
      month(2),
      '--report-dir',
      dir,
      '--format',
      'json',
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/drift_share=\d\.\d\d >= 0\.30 -> RETRAIN/);
    const report = JSON.parse(
      readFileSync(join(dir, 'drift_month_000_vs_month_002.json'), 'utf8'),
    ) as DriftReport;
    expect(report.drift_share).toBeGreaterThanOrEqual(0.3);
    expect(report.target!.drift_detected).toBe(true);
    const gated = await cli([
      ...base,
      '--reference',
      month(0),
      '--current',
      month(2),
      '--report-dir',
      dir,
      '--format',
      'json',
      '--fail-on-drift',
    ]);
    expect(gated.code).toBe(1);
  });

  it('applies overrides in Evidently’s order', async () => {
    const dir = temp();
    const result = await cli([
      ...base,
      '--reference',
      month(0),
      '--current',
      month(1),
      '--report-dir',
      dir,
      '--format',
      'json',
      '--stattest',
      'numerical=ks',
      '--stattest',
      'monthly_fee=psi',
      '--threshold',
      '0.2',
      '--threshold',
      'monthly_fee=0.25',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(
      readFileSync(join(dir, 'drift_month_000_vs_month_001.json'), 'utf8'),
    ) as DriftReport;
    const column = (name: string) => report.columns.find((c) => c.column === name)!;
    expect(column('watch_hours_30d')).toMatchObject({ stattest: 'ks', threshold: 0.2 });
    expect(column('monthly_fee')).toMatchObject({ stattest: 'psi', threshold: 0.25 });
    expect(column('net_service')).toMatchObject({ stattest: 'jensenshannon', threshold: 0.2 });
  });
});

describe('driftwatch compare on gzip-compressed snapshots', () => {
  it('reads month_000.csv.gz like month_000.csv: the same report, labels without .csv.gz', async () => {
    const dir = temp();
    for (const n of [0, 1]) writeFileSync(join(dir, `month_00${n}.csv.gz`), gzipSync(readFileSync(month(n))));
    const args = (reference: string, current: string, out: string) => [
      ...base,
      '--reference',
      reference,
      '--current',
      current,
      '--report-dir',
      join(dir, out),
      '--format',
      'json',
    ];
    const gz = await cli(args(join(dir, 'month_000.csv.gz'), join(dir, 'month_001.csv.gz'), 'gz'));
    expect(gz.stderr).toBe('');
    const plain = await cli(args(month(0), month(1), 'plain'));
    const read = (out: string) => {
      const report = JSON.parse(
        readFileSync(join(dir, out, 'drift_month_000_vs_month_001.json'), 'utf8'),
      ) as DriftReport;
      return {
        ...report,
        reference: { ...report.reference, source: '' },
        current: { ...report.current, source: '' },
      };
    };
    expect(read('gz')).toEqual(read('plain'));
    expect(plain.code).toBe(0);
  });
});

describe('bad input: one line, exit 2, nothing written', () => {
  const dir = temp();
  const good = join(dir, 'good.csv');
  writeFileSync(good, 'a,b,s\n1,2.5,x\n2,3.5,y\n3,1.5,x\n');
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const cases: [string, string[], RegExp][] = [
    ['missing file', ['--reference', join(dir, 'nope.csv'), '--current', good], /nope\.csv: file not found/],
    ['empty file', ['--reference', write('empty.csv', ''), '--current', good], /empty\.csv: file is empty/],
    [
      'header only',
      ['--reference', write('header.csv', 'a,b,s\n'), '--current', good],
      /header\.csv: has a header but no data rows/,
    ],
    [
      'ragged row',
      ['--reference', write('ragged.csv', 'a,b,s\n1,2,x\n1,2\n'), '--current', good],
      /ragged\.csv:3: expected 3 fields, found 2/,
    ],
    [
      'duplicate header',
      ['--reference', write('dup.csv', 'a,a,s\n1,2,x\n'), '--current', good],
      /dup\.csv:1: duplicate column name 'a'/,
    ],
    [
      'column missing from one snapshot',
      ['--reference', write('fewer.csv', 'a,b\n1,2\n'), '--current', good],
      /column 's' is missing from the reference snapshot/,
    ],
    [
      'numeric in one, text in the other',
      ['--reference', write('text.csv', 'a,b,s\n1,hello,x\n2,world,y\n'), '--current', good],
      /column 'b' is text in the reference .* but numeric in the current/,
    ],
    [
      'unknown stattest',
      ['--reference', good, '--current', good, '--stattest', 'kss'],
      /--stattest: unknown stattest 'kss'/,
    ],
    [
      'stattest on the wrong type',
      ['--reference', good, '--current', good, '--stattest', 'b=chisquare', '--numerical', 'b'],
      /'chisquare' cannot be applied to numerical column 'b'/,
    ],
    [
      'threshold out of range',
      ['--reference', good, '--current', good, '--threshold', '-0.1'],
      /--threshold: threshold -0\.1 is out of range \(must be between 0 and 1 for a p-value test/,
    ],
    [
      'p-value threshold above 1',
      ['--reference', good, '--current', good, '--threshold', '1.5'],
      /--threshold: 1\.5 for column '\w+' is out of the range of '\w+' \(a p-value\): must be between 0 and 1$/m,
    ],
    [
      'not a number',
      ['--reference', good, '--current', good, '--drift-share', 'lots'],
      /--drift-share: 'lots' is not a number/,
    ],
    [
      'unknown flag',
      ['--reference', good, '--current', good, '--frobnicate'],
      /Unknown option '--frobnicate'/,
    ],
    ['missing --current', ['--reference', good], /--current is required/],
    [
      'unknown format',
      ['--reference', good, '--current', good, '--format', 'pdf'],
      /--format: unknown format 'pdf'/,
    ],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const reports = join(dir, `reports-${Math.random().toString(36).slice(2)}`);
    const result = await cli(['compare', ...args, '--report-dir', reports]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(reports) ? readdirSync(reports) : []).toEqual([]);
  });
});
