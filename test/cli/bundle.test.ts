// The bundled CLI (what `npm start` and users run) on snapshots big enough to be read on two threads gives the same
// report as the engine run from source in one thread.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/drift/report.js';
import { STREAMFLOW_MONTHS, generateMonthCsv } from '../../scripts/streamflow-generator.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'driftwatch-bundle-'));
const bundle = join(dir, 'dist');
const ROWS = 260_000; // > 16 MiB per file: the threaded path

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...process.env, DRIFTWATCH_BUILD_OUT: bundle },
    stdio: 'inherit',
  });
  for (const month of STREAMFLOW_MONTHS.slice(0, 2))
    writeFileSync(join(dir, month.file), generateMonthCsv(month, ROWS));
}, 120_000);

describe('bundled CLI', () => {
  it('reads both snapshots on threads and reports exactly what the source engine reports', async () => {
    const args = [
      'compare',
      '--reference',
      join(dir, 'month_000.csv'),
      '--current',
      join(dir, 'month_001.csv'),
      '--id-column',
      'user_id',
      '--target',
      'churn_label',
      '--format',
      'json',
    ];
    const run = spawnSync(
      process.execPath,
      [join(bundle, 'cli.js'), ...args, '--report-dir', join(dir, 'bundled')],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\[driftwatch\] report_json=\S+ drift_share=/);
    const inProcess = await cli([...args, '--report-dir', join(dir, 'source')]);
    expect(inProcess.code).toBe(0);
    const read = (sub: string) =>
      JSON.parse(readFileSync(join(dir, sub, 'drift_month_000_vs_month_001.json'), 'utf8')) as DriftReport;
    expect(read('bundled')).toEqual(read('source'));
    expect(read('bundled').reference.rows).toBe(ROWS);
  });

  it('reports an id column left in as the source engine does, its labels kept on the threads or fetched', async () => {
    // The current file repeats one id: the reference's ids are then fetched from its thread, not kept there.
    const current = readFileSync(join(dir, 'month_001.csv'), 'utf8');
    const repeated = join(dir, 'month_001_repeated.csv');
    writeFileSync(repeated, current + current.split('\n')[1]! + '\n');
    for (const [label, currentPath, reason] of [
      ['kept', join(dir, 'month_001.csv'), /^unique in every row \(an id\?\): pass --id-column$/],
      ['fetched', repeated, /^text column: /],
    ] as const) {
      // Only the id column is loaded: the test is about it, and the other columns are covered above.
      const args = [
        'compare',
        '--reference',
        join(dir, 'month_000.csv'),
        '--current',
        currentPath,
        '--columns',
        'user_id',
      ];
      const common = ['--reference-label', 'r', '--current-label', 'c', '--format', 'json'];
      const run = spawnSync(
        process.execPath,
        [join(bundle, 'cli.js'), ...args, ...common, '--report-dir', join(dir, `bundled-${label}`)],
        { encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect((await cli([...args, ...common, '--report-dir', join(dir, `source-${label}`)])).code).toBe(0);
      const read = (sub: string) =>
        JSON.parse(readFileSync(join(dir, sub, 'drift_r_vs_c.json'), 'utf8')) as DriftReport;
      const bundled = read(`bundled-${label}`);
      expect(bundled).toEqual(read(`source-${label}`));
      expect(bundled.columns.find((column) => column.column === 'user_id')!.skipped).toMatch(reason);
      expect(bundled.summary.reference.by_column.find((column) => column.column === 'user_id')).toMatchObject(
        {
          type: 'text',
          distinct: ROWS,
        },
      );
    }
  });

  it('exits 2 with one line when a threaded read fails', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, readFileSync(join(dir, 'month_000.csv'), 'utf8') + 'too,few\n');
    const run = spawnSync(
      process.execPath,
      [
        join(bundle, 'cli.js'),
        'compare',
        '--reference',
        bad,
        '--current',
        join(dir, 'month_001.csv'),
        '--report-dir',
        join(dir, 'bad'),
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^driftwatch: error: ${bad.replaceAll('.', '\\.')}:${ROWS + 2}: expected 16 fields, found 2\\n$`,
      ),
    );
  });
});
