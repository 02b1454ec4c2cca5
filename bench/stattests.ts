/**
 * Statistics-core benchmark: wall time of the eight Evidently tests owned by `src/drift/stattests` on synthetic
 * columns, including the once-per-column sort (a fresh `ColumnPair` per run), plus the KS p-value regimes
 * (exact equal sizes, exact unequal sizes, asymptotic). Median of RUNS runs each.
 */
import { getStatTest } from '../src/drift/stattests/index.js';
import { ksPValue } from '../src/drift/stattests/ks.js';
import type { ColumnPair, ColumnType, StatTestId } from '../src/drift/types.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Deterministic pseudo-random column: an LCG mapped to [0, scale) plus a shift (no per-row objects). */
function column(n: number, seed: number, scale: number, shift: number, integer = false): Float64Array {
  const out = new Float64Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const u = state / 4294967296;
    out[i] = integer ? Math.floor(u * scale) : u * scale + shift;
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

function time(label: string, run: () => unknown): void {
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    walls.push(performance.now() - started);
  }
  console.log(
    `${label.padEnd(72)} median ${median(walls).toFixed(1).padStart(8)} ms (min ${Math.min(...walls).toFixed(1)})`,
  );
}

function stattest(
  id: StatTestId,
  reference: Float64Array,
  current: Float64Array,
  columnType: ColumnType,
  bins?: number,
) {
  const test = getStatTest(id);
  return () =>
    test.compute(pair(reference, current, columnType), {
      threshold: test.defaultThreshold,
      seed: 0,
      ...(bins ? { bins } : {}),
    });
}

// KS p-value regimes (statistic given, as in the in-database mode)
time('ksPValue exact, n1 = n2 = 10000, D = 0.02', () => ksPValue(0.02, 10000, 10000));
time('ksPValue exact, n1 = n2 = 10000, D = 0.3', () => ksPValue(0.3, 10000, 10000));
time('ksPValue exact, n1 = 10000, n2 = 9999, D = 0.02', () => ksPValue(200 / 9999, 10000, 9999));
time('ksPValue exact, n1 = 10000, n2 = 9999, D = 0.25 (worst case, p ~ 1e-276)', () =>
  ksPValue(0.2505981898189819, 10000, 9999),
);
time('ksPValue asymptotic, 1000 / 1000000 (default path)', () => ksPValue(0.03, 1000, 1_000_000));
time('ksPValue asymptotic, 100000 / 100000', () => ksPValue(0.004, 100_000, 100_000));

// Whole tests on columns (fresh pair each run: includes the sort)
const small = [column(1000, 1, 100, 0), column(1000, 2, 100, 3)] as const;
const large = [column(1_000_000, 3, 100, 0), column(1_000_000, 4, 100, 0.5)] as const;
const codes = [column(1_000_000, 5, 12, 0, true), column(1_000_000, 6, 13, 0, true)] as const;
time('ks 1000 / 1000 (exact)', stattest('ks', ...small, 'numerical'));
time(
  'ks 10000 / 10000 (exact)',
  stattest('ks', column(10000, 7, 100, 0), column(10000, 8, 100, 1), 'numerical'),
);
time('ks 1000000 / 1000000 (asymptotic)', stattest('ks', ...large, 'numerical'));
time('wasserstein 1000000 / 1000000', stattest('wasserstein', ...large, 'numerical'));
time('jensenshannon 1000000 / 1000000 (Sturges)', stattest('jensenshannon', ...large, 'numerical'));
time('psi 1000000 / 1000000 (Sturges)', stattest('psi', ...large, 'numerical'));
time('psi 1000000 / 1000000 (--bins 50)', stattest('psi', ...large, 'numerical', 50));
time('kl_div 1000000 / 1000000 (Sturges)', stattest('kl_div', ...large, 'numerical'));
time('hellinger 1000000 / 1000000 (numerical)', stattest('hellinger', ...large, 'numerical'));
time('chisquare 1000000 / 1000000 (13 categories)', stattest('chisquare', ...codes, 'categorical'));
time('z 1000000 / 1000000 (13 categories)', stattest('z', ...codes, 'categorical'));
time('jensenshannon 1000000 / 1000000 (13 categories)', stattest('jensenshannon', ...codes, 'categorical'));
