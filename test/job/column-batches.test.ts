// The memory budget of file comparisons: a report read in column batches equals the report read at once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { COMPARE_FLAGS } from '../../src/cli/commands/compare.js';
import { runCompareJob } from '../../src/job/compare-job.js';
import { compareInBatches, planBatches, type RowLimits } from '../../src/job/column-batches.js';
import { parseCompareSettings } from '../../src/job/compare-settings.js';
import { UserError } from '../../src/errors.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { RowLimitExceeded } from '../../src/snapshot/row-limit.js';
import { mulberry32 as random } from '../../scripts/streamflow-generator.js';

const ROWS = 1500;
const dir = mkdtempSync(join(tmpdir(), 'driftwatch-batches-'));

type Cell = number | string | boolean | null;

/**
 * One snapshot: floats (some missing, a -0), small ints, booleans, labels, dates, a constant column, a column only
 * this side has, an id; duplicated and empty rows.
 */
function snapshot(seed: number, shift: number): { names: string[]; rows: Cell[][] } {
  const next = random(seed);
  const names = ['id', 'x1', 'k', 'flag', 'plan', 'x2', 'day', 'const', 'x3', 'churn', `only_${seed}`];
  const rows: Cell[][] = [];
  for (let r = 0; r < ROWS; r++) {
    if (r % 97 === 5) {
      rows.push(names.map((name) => (name === 'id' ? `u${r}` : null)));
      continue;
    }
    if (r % 50 === 7 && r > 0) {
      rows.push([`u${r}`, ...rows[r - 1]!.slice(1)]);
      continue;
    }
    rows.push([
      `u${r}`,
      next() < 0.05 ? null : Math.round((next() * 10 + shift) * 1000) / 1000,
      Math.floor(next() * 5 + shift),
      next() < 0.5 + shift / 10,
      ['free', 'pro', 'team'][Math.floor(next() * 3)]!,
      r % 211 === 0 ? -0 : Math.round(next() * 100) / 10,
      `2024-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
      7,
      Math.round(next() * 2 * 100) / 100,
      next() < 0.2 + shift / 5 ? 1 : 0,
      Math.round(next() * 50),
    ]);
  }
  return { names, rows };
}

function csvText({ names, rows }: { names: string[]; rows: Cell[][] }, order: number[]): string {
  const cell = (value: Cell) => (value === null ? '' : String(Object.is(value, -0) ? '-0.0' : value));
  return (
    [
      order.map((i) => names[i]).join(','),
      ...rows.map((row) => order.map((i) => cell(row[i]!)).join(',')),
    ].join('\n') + '\n'
  );
}

const reference = snapshot(1, 0);
const current = snapshot(2, 1);
const natural = reference.names.map((_, i) => i);
// The current file lists its columns in another order: summaries follow each file's own order.
const shuffled = [0, 4, 1, 3, 2, 5, 7, 6, 10, 9, 8];

function files(kind: 'csv' | 'csv.gz' | 'jsonl' | 'parquet'): [string, string] {
  const paths: [string, string] = [join(dir, `reference.${kind}`), join(dir, `current.${kind}`)];
  [reference, current].forEach((data, side) => {
    const order = side === 0 ? natural : shuffled;
    if (kind === 'csv') writeFileSync(paths[side]!, csvText(data, order));
    else if (kind === 'csv.gz') writeFileSync(paths[side]!, gzipSync(csvText(data, order)));
    else if (kind === 'jsonl')
      writeFileSync(
        paths[side]!,
        data.rows
          .map((row) => JSON.stringify(Object.fromEntries(order.map((i) => [data.names[i], row[i]]))))
          .join('\n') + '\n',
      );
    else
      parquetWriteFile({
        filename: paths[side]!,
        rowGroupSize: 400,
        columnData: order.map((i) => {
          const name = data.names[i]!;
          const values = data.rows.map((row) => row[i]!);
          const type =
            name === 'flag'
              ? 'BOOLEAN'
              : name === 'id' || name === 'plan' || name === 'day'
                ? 'STRING'
                : 'DOUBLE';
          return { name, data: values, type };
        }),
      });
  });
  return paths;
}

async function report(
  paths: [string, string],
  extra: Record<string, string>,
  limit?: number,
  batches?: string[][],
) {
  const settings = parseCompareSettings(
    {
      reference: paths[0],
      current: paths[1],
      idColumn: 'id',
      target: 'churn',
      exclude: ['only_1', 'only_2'].join(','),
      reportDir: join(dir, 'reports'),
      formats: 'json',
      referenceLabel: 'ref',
      currentLabel: 'cur',
      ...extra,
    },
    COMPARE_FLAGS,
    { cwd: dir, env: {} },
  );
  const budget =
    limit === undefined
      ? undefined
      : { limit, baseline: 0, onBatch: (names: readonly string[]) => batches?.push([...names]) };
  return (await runCompareJob(settings, undefined, undefined, budget)).report;
}

// One column of 1,500 + 1,500 rows takes 24 KB (72 KB while read, 84 KB from Parquet) and 72 KB to score: 320 KB
// holds a few.
const SMALL = 320_000;

describe('comparing files under a memory limit', () => {
  for (const kind of ['csv', 'csv.gz', 'jsonl', 'parquet'] as const)
    it(`${kind}: the report read in several column batches equals the one read at once`, async () => {
      const paths = files(kind);
      const whole = await report(paths, {}, 64 * 1024 ** 3);
      const batches: string[][] = [];
      const batched = await report(paths, {}, SMALL, batches);
      expect(batches.length).toBeGreaterThan(2);
      expect(batched).toEqual(whole);
      expect(whole.summary.reference.duplicated_rows).toBeGreaterThan(0);
      expect(whole.summary.reference.empty_rows).toBeGreaterThan(0);
    });

  it('keeps the corrected decision, missing-value drift and a column selection across batches', async () => {
    const paths = files('csv');
    const extra = { correction: 'fdr_bh', missingDrift: 'true', columns: 'x3,plan,k,x1,flag' };
    const batches: string[][] = [];
    expect(await report(paths, extra, SMALL, batches)).toEqual(await report(paths, extra));
    expect(batches.length).toBeGreaterThan(1);
  });

  it('spilled text sides: a column mixing numbers and words is read from the file in its batch', async () => {
    // Both sides gain a column of numbers that holds one word (read as text, as pandas does); TSV this time.
    const paths: [string, string] = [join(dir, 'reference-mixed.tsv'), join(dir, 'current-mixed.tsv')];
    [reference, current].forEach((data, side) => {
      const names = [...data.names, 'code'];
      const rows = data.rows.map((row, r) => [...row, r === 700 + side ? 'oops' : r % 17]);
      writeFileSync(
        paths[side]!,
        csvText(
          { names, rows },
          names.map((_, i) => i),
        ).replaceAll(',', '\t'),
      );
    });
    const batches: string[][] = [];
    const batched = await report(paths, {}, SMALL, batches);
    expect(batches.length).toBeGreaterThan(2);
    expect(batched).toEqual(await report(paths, {}, 64 * 1024 ** 3));
    expect(batched.columns.find((column) => column.column === 'code')?.column_type).toBe('categorical');
  });

  it('tells the job once batching is certain, before the first batch, and plans from the resident set given', async () => {
    const paths = files('csv');
    const settings = parseCompareSettings(
      {
        reference: paths[0],
        current: paths[1],
        idColumn: 'id',
        exclude: ['only_1', 'only_2'].join(','),
        reportDir: join(dir, 'reports'),
        formats: 'json',
      },
      COMPARE_FLAGS,
      { cwd: dir, env: {} },
    );
    const events: string[] = [];
    const budget = (limit: number, residentSet: number) => ({
      limit,
      residentSet,
      beforeBatches: () => {
        events.push('before');
        return undefined;
      },
      onBatch: () => events.push('batch'),
    });
    // Everything fits: never told.
    await runCompareJob(settings, undefined, undefined, budget(64 * 1024 ** 3, 0));
    expect(events).toEqual([]);
    // Batches: told once, before the first.
    await runCompareJob(settings, undefined, undefined, budget(SMALL + 64 * 1024 ** 2, 0));
    expect(events[0]).toBe('before');
    expect(events.filter((event) => event === 'before')).toHaveLength(1);
    expect(events.filter((event) => event === 'batch').length).toBeGreaterThan(2);
    // The resident set given is what the process is taken to hold already: nothing fits under a limit it fills.
    const full = await runCompareJob(
      settings,
      undefined,
      undefined,
      budget(SMALL + 64 * 1024 ** 2, SMALL),
    ).catch((error: unknown) => error);
    expect(full).toBeInstanceOf(UserError);
  });

  it('names the column a limit is too small for, and what it needs', async () => {
    const paths = files('csv');
    const failure = await report(paths, {}, 50_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).code).toBe('USAGE');
    expect((failure as UserError).message).toMatch(
      /^--memory-limit 48\.8 KiB: column 'plan' alone needs [\d.]+ KiB \(1,500 \+ 1,500 rows, with what the process already holds\); raise the limit$/,
    );
  });
});

describe('reading at once on the rows estimated from the first MiB', () => {
  const ROWS = 60_000;
  // The reference's first MiB is long rows (a note of 500 characters), the rest short ones (a plan name): its rows
  // estimated from that MiB are about a twentieth of its rows. The current file's rows are all alike.
  const misleading = join(dir, 'misleading.csv');
  const uniform = join(dir, 'uniform.csv');
  const next = random(7);
  const lines = (rows: number, notes: number, shift: number) =>
    Array.from(
      { length: rows },
      (_, r) => `${r < notes ? 'n'.repeat(500) : `p${r % 3}`},${(next() * 10 + shift).toFixed(2)},${r % 7}`,
    );
  writeFileSync(misleading, ['note,x,k', ...lines(ROWS, 2_200, 0)].join('\n') + '\n');
  writeFileSync(uniform, ['note,x,k', ...lines(ROWS + 2_200, 0, 1)].join('\n') + '\n');
  const sources = {
    reference: { kind: 'file', path: misleading },
    current: { kind: 'file', path: uniform },
    cwd: dir,
    limitName: '--memory-limit',
  } as const;
  const options = { referenceLabel: 'ref', currentLabel: 'cur' } as never;
  const settings = parseCompareSettings(
    { reference: misleading, current: uniform, reportDir: join(dir, 'reports'), formats: 'json' },
    COMPARE_FLAGS,
    { cwd: dir, env: {} },
  );
  const run = (limit: number, batches?: string[][]) =>
    runCompareJob(settings, undefined, undefined, {
      limit,
      baseline: 0,
      onBatch: (names) => batches?.push([...names]),
    }).then((outcome) => outcome.report);

  it('limits each file to its share, and a file past its limit stops the read', async () => {
    // 120 bytes a row of three columns (read: 72, scoring: 48); 16 MB available: the estimate (~66k rows) fits and
    // so would the rows (124,400), but the misleading file's limit follows its estimate.
    const plan = (await compareInBatches(
      sources,
      undefined,
      options,
      { limit: 16e6 / 0.9, baseline: 0 },
      {
        threads: 1,
        rowLimits: true,
      },
    )) as RowLimits;
    const referenceRows = plan.maxRows.get(misleading)!;
    expect(referenceRows).toBeLessThan(ROWS / 4);
    expect(plan.maxRows.get(uniform)).toBeGreaterThan(ROWS + 2_200);
    const stopped = await readSnapshot(misleading, { maxRows: referenceRows }).catch(
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(RowLimitExceeded);
    expect(stopped).toMatchObject({ path: misleading, maxRows: referenceRows });
    expect((await readSnapshot(misleading, { maxRows: ROWS })).rows).toBe(ROWS);
    // Asked again with the rows counted: everything fits.
    expect(
      await compareInBatches(
        sources,
        undefined,
        options,
        { limit: 16e6 / 0.9, baseline: 0, census: true },
        {
          threads: 1,
          rowLimits: true,
        },
      ),
    ).toBeUndefined();
  });

  it('gives the report read at once, whether the rows counted then fit or need batches', async () => {
    const whole = await run(64 * 1024 ** 3);
    // The estimate fits, the rows do too: the read stops, the census finds they fit, the files are read again.
    const batches: string[][] = [];
    expect(await run(16e6 / 0.9, batches)).toEqual(whole);
    expect(batches).toEqual([]);
    // The estimate fits, the rows do not: the read stops, the census plans batches of a column or two.
    expect(await run(11e6 / 0.9, batches)).toEqual(whole);
    expect(batches.length).toBeGreaterThan(1);
  });
});

describe('planBatches', () => {
  it('fills consecutive batches up to the budget, a column too big for any alone in its own', () => {
    const cost = (name: string, bytes: number) => ({ name, bytes });
    expect(planBatches([cost('a', 4), cost('b', 4), cost('c', 4), cost('d', 12), cost('e', 1)], 10)).toEqual([
      ['a', 'b'],
      ['c'],
      ['d'],
      ['e'],
    ]);
    expect(planBatches([], 10)).toEqual([]);
  });
});
