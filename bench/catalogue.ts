/**
 * Catalogue benchmark (issue 3): wall time of the second half of the stat-test catalogue on 100k rows per
 * snapshot (a fresh `ColumnPair` per run, so the once-per-column sort is included), the regimes with their own
 * cost (exact Cramér–von Mises at 20 + 20, exact Mann–Whitney, empirical_mmd at its pooled-size limit), the
 * additive effect sizes, and the data summary of a 100k-row × 15-column snapshot. Median of RUNS runs each.
 */
import { columnEffect } from '../src/drift/effect.js';
import { getStatTest } from '../src/drift/stattests/index.js';
import { MMD_MAX_POOLED_SIZE } from '../src/drift/stattests/empirical-mmd.js';
import { computeSummary } from '../src/drift/summary.js';
import { rowFactsOf } from '../src/snapshot/row-facts.js';
import { StatTestSkip, type ColumnPair, type ColumnType, type StatTestId } from '../src/drift/types.js';
import type { Column, Table } from '../src/snapshot/table.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

/** Deterministic pseudo-random column: an LCG mapped to [0, scale) plus a shift (no per-row objects). */
function column(n: number, seed: number, scale: number, shift: number, integer = false): Float64Array {
  const out = new Float64Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const u = state / 4294967296;
    out[i] = integer ? Math.floor(u * scale) : Math.round((u * scale + shift) * 100) / 100;
  }
  return out;
}

function pair(reference: Float64Array, current: Float64Array, columnType: ColumnType): ColumnPair {
  return { column: 'bench', columnType, reference, current, cache: new Map() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(label: string, run: () => string | void): void {
  const walls: number[] = [];
  let note: string | void = undefined;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    note = run();
    walls.push(performance.now() - started);
  }
  console.log(
    `${label.padEnd(64)} median ${median(walls).toFixed(1).padStart(9)} ms (min ${Math.min(...walls).toFixed(1)})` +
      (note ? `  ${note}` : ''),
  );
}

function stattest(
  id: StatTestId,
  reference: Float64Array,
  current: Float64Array,
  columnType: ColumnType,
): string | void {
  try {
    const outcome = getStatTest(id).compute(pair(reference, current, columnType), {
      threshold: 0.05,
      seed: 0,
    });
    return `score ${outcome.score.toPrecision(6)}${outcome.method ? ` (${outcome.method})` : ''}`;
  } catch (error) {
    if (error instanceof StatTestSkip) return `skipped: ${error.message.slice(0, 60)}…`;
    throw error;
  }
}

const numericalReference = column(ROWS, 1, 100, 0);
const numericalCurrent = column(ROWS, 2, 100, 1.5);
const binaryReference = column(ROWS, 3, 2, 0, true);
const binaryCurrent = column(ROWS, 4, 2, 0, true);
const categoricalReference = column(ROWS, 5, 6, 0, true);
const categoricalCurrent = column(ROWS, 6, 6, 0, true);

console.log(`catalogue on ${ROWS.toLocaleString('en')} rows per snapshot, ${RUNS} runs each (sort included)`);
for (const id of ['anderson', 'cramer_von_mises', 'ed', 'es', 'mannw', 't_test', 'empirical_mmd'] as const) {
  time(`${id} (numerical, continuous)`, () =>
    stattest(id, numericalReference, numericalCurrent, 'numerical'),
  );
}
time('g_test (categorical, 6 keys)', () =>
  stattest('g_test', categoricalReference, categoricalCurrent, 'categorical'),
);
time('fisher_exact (binary, equal sizes)', () =>
  stattest('fisher_exact', binaryReference, binaryCurrent, 'categorical'),
);
time('TVD (categorical, 6 keys, 1000 permutations)', () =>
  stattest('TVD', categoricalReference, categoricalCurrent, 'categorical'),
);
time('effect sizes (normed Wasserstein + Jensen-Shannon)', () => {
  columnEffect(pair(numericalReference, numericalCurrent, 'numerical'));
});

console.log('\nregimes with their own cost');
const half = MMD_MAX_POOLED_SIZE / 2;
time(`empirical_mmd at its limit (${half} + ${half}, 100 permutations)`, () =>
  stattest(
    'empirical_mmd',
    numericalReference.subarray(0, half),
    numericalCurrent.subarray(0, half),
    'numerical',
  ),
);
time('cramer_von_mises exact (20 + 20, float32 table)', () =>
  stattest(
    'cramer_von_mises',
    numericalReference.subarray(0, 20),
    numericalCurrent.subarray(0, 20),
    'numerical',
  ),
);
/** Continuous values without rounding (no ties), for the exact Mann–Whitney regime. */
function continuous(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 4294967296 + i * 1e-9;
  }
  return out;
}
time('mannw exact (8 vs 2000, no ties)', () =>
  stattest('mannw', continuous(8, 9), continuous(2000, 10), 'numerical'),
);

console.log('\ndata summary');
function table(rows: number): Table {
  const columns: Column[] = [];
  for (let c = 0; c < 8; c++)
    columns.push({ name: `num_${c}`, type: 'float', values: column(rows, 100 + c, 1000, c) });
  for (let c = 0; c < 4; c++)
    columns.push({ name: `int_${c}`, type: 'int', values: column(rows, 200 + c, 5, 0, true) });
  for (let c = 0; c < 3; c++) {
    const codes = Int32Array.from(column(rows, 300 + c, 4, 0, true));
    columns.push({
      name: `str_${c}`,
      type: 'string',
      codes,
      dictionary: ['basic', 'premium', 'standard', 'trial'],
    });
  }
  return { source: 'bench', rows, columns };
}
const snapshot = table(ROWS);
time(`computeSummary (${ROWS.toLocaleString('en')} rows × 15 columns)`, () => {
  const summary = computeSummary(snapshot, rowFactsOf(snapshot));
  return `duplicated_rows ${summary.duplicated_rows}`;
});
