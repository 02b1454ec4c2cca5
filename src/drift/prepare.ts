/**
 * Builds the cleaned {@link ColumnPair} a stat test receives from the two snapshot columns: ±inf and missing cells
 * dropped (Evidently: `replace([-inf, inf], nan).dropna()`), string categories encoded as ranks of a shared dictionary
 * sorted in Python `sorted` order (code points), booleans as 0/1.
 */
import { numbersOf, type Column, type CountedColumn } from '../snapshot/table.js';
import { countsOf, finiteRunsOfCounts, labelCountsOf } from './counted.js';
import { decodedFinite, withDoubles } from './doubles.js';
import type { Runs } from './kernels/runs.js';
import { scratchFloat64 } from './kernels/scratch.js';
import {
  FINITE_CURRENT,
  FINITE_REFERENCE,
  RUNS_CURRENT,
  RUNS_REFERENCE,
  UNSCORABLE,
  expandRuns,
  type FiniteSide,
} from './kernels/side-runs.js';
import type { ColumnPair, ColumnType } from './types.js';

/** Compares strings by Unicode code point, as Python's `sorted` does (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–U+DFFF) encode code points above U+FFFF, which sort after every BMP code point.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Distinct labels sorted in place by code point ({@link compareCodePoints}). Without surrogates, UTF-16 order is code
 * point order, so the engine's own string sort (several times faster on a column of 50k labels) gives the same order.
 */
function sortLabels(labels: string[]): string[] {
  return labels.some((label) => SURROGATE.test(label)) ? labels.sort(compareCodePoints) : labels.sort();
}

/** A non-string column's cells as doubles (decoded when compact, into a fresh array: see withDoubles). */
function doublesOf(column: Column): Float64Array {
  if (column.type === 'string') throw new Error(`column '${column.name}': strings have no doubles`);
  return numbersOf(column.values);
}

/** How many of the values are finite. */
function finiteCount(values: Float64Array): number {
  // value - value is 0 for finite numbers and NaN for NaN and ±Infinity.
  let kept = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! - values[i]! === 0) kept++;
  return kept;
}

/** The `kept` finite values of a column in row order, copied. */
function finiteCopy(values: Float64Array, kept: number): Float64Array {
  const out = scratchFloat64(kept, false);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value - value === 0) out[k++] = value;
  }
  return out;
}

/** How often each dictionary code occurs among the codes (missing cells, code -1, are not counted). */
function codeCounts(codes: Int32Array, labels: number): Float64Array {
  const byCode = new Float64Array(labels);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code >= 0) byCode[code]!++;
  }
  return byCode;
}

/**
 * Cache keys of each string side's {@link codeCounts} (its dictionary codes tallied over the whole column): the
 * column's summary reads the same tally instead of counting the codes again.
 */
export const CODE_COUNTS_REFERENCE = 'prepare:code-counts-reference';
export const CODE_COUNTS_CURRENT = 'prepare:code-counts-current';

/** Non-missing codes remapped to their label ranks, in row order, in one pass (after counting them). */
function encodeCodes(codes: Int32Array, remap: Int32Array): Float64Array {
  let present = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) present++;
  const out = new Float64Array(present);
  let kept = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code >= 0) out[kept++] = remap[code]!;
  }
  return out;
}

/**
 * The runs of a side's label ranks (what counting {@link encodeCodes}' values gives: the ranks that occur, ascending,
 * with their counts), from the tally of its codes ({@link codeCounts}).
 */
function codeRuns(byCode: Float64Array, remap: Int32Array, labels: number): Runs {
  let total = 0;
  for (let code = 0; code < byCode.length; code++) total += byCode[code]!;
  const byRank = new Float64Array(labels);
  for (let code = 0; code < byCode.length; code++) byRank[remap[code]!]! += byCode[code]!;
  let runs = 0;
  for (let r = 0; r < labels; r++) if (byRank[r]! > 0) runs++;
  const values = new Float64Array(runs);
  const counts = new Float64Array(runs);
  for (let r = 0, k = 0; r < labels; r++) {
    if (byRank[r] === 0) continue;
    values[k] = r;
    counts[k++] = byRank[r]!;
  }
  return { values, counts, total };
}

/**
 * The cleaned pair of one column. Both columns must be of compatible storage (the caller checks): both numeric-like
 * (int, float, bool) or both strings. Two columns of counted tables give {@link prepareCountedPair}'s pair, built
 * from their counts.
 */
export function prepareColumnPair(
  column: string,
  columnType: ColumnType,
  reference: Column,
  current: Column,
): ColumnPair {
  const referenceCounts = countsOf(reference);
  const currentCounts = countsOf(current);
  if (referenceCounts && currentCounts)
    return prepareCountedPair(column, columnType, referenceCounts, currentCounts);
  if (reference.type === 'string' && current.type === 'string') {
    const labels = sortLabels([...new Set([...reference.dictionary, ...current.dictionary])]);
    const rank = new Map(labels.map((label, index) => [label, index]));
    const remap = (dictionary: readonly string[]) => Int32Array.from(dictionary, (label) => rank.get(label)!);
    const referenceRemap = remap(reference.dictionary);
    const currentRemap = remap(current.dictionary);
    // Each side's runs come from a tally of its codes; the ranks in row order (a million-cell copy per side) are
    // laid out only if a test reads them.
    let referenceValues: Float64Array | undefined;
    let currentValues: Float64Array | undefined;
    const referenceByCode = codeCounts(reference.codes, reference.dictionary.length);
    const currentByCode = codeCounts(current.codes, current.dictionary.length);
    return {
      column,
      columnType,
      labels,
      cache: new Map<string, unknown>([
        [RUNS_REFERENCE, codeRuns(referenceByCode, referenceRemap, labels.length)],
        [RUNS_CURRENT, codeRuns(currentByCode, currentRemap, labels.length)],
        [CODE_COUNTS_REFERENCE, referenceByCode],
        [CODE_COUNTS_CURRENT, currentByCode],
      ]),
      get reference() {
        return (referenceValues ??= encodeCodes(reference.codes, referenceRemap));
      },
      get current() {
        return (currentValues ??= encodeCodes(current.codes, currentRemap));
      },
    };
  }
  if (reference.type === 'string' || current.type === 'string')
    throw new Error(`prepareColumnPair: column '${column}' mixes strings and numbers`);
  // A side with missing or infinite cells is described by its column and its finite count (see FiniteSide): its
  // counted runs and the reference's std read the column past those cells, so the copy of the finite values in row
  // order (a million-row column's 8 MB, written fresh: 27-44 ms of page faults measured) is made only if something
  // else reads it (a sort, a test on the values).
  // Compact cells (scaled integers) are decoded once per side (see withDoubles): the tests read doubles.
  const referenceDoubles = withDoubles(reference, 0);
  const currentDoubles = withDoubles(current, 1);
  const referenceCells = doublesOf(referenceDoubles);
  const currentCells = doublesOf(currentDoubles);
  const cache = new Map<string, unknown>();
  const referenceKept = decodedFinite(referenceDoubles) ?? finiteCount(referenceCells);
  const currentKept = decodedFinite(currentDoubles) ?? finiteCount(currentCells);
  // Both sides hold only the finite cells, and some: the pair is scorable, known without another scan.
  if (referenceKept > 0 && currentKept > 0) cache.set(UNSCORABLE, null);
  // Every cell finite (the usual column): the columns themselves, as plain fields.
  if (referenceKept === referenceCells.length && currentKept === currentCells.length)
    return { column, columnType, reference: referenceCells, current: currentCells, cache };
  let referenceValues = referenceKept === referenceCells.length ? referenceCells : undefined;
  let currentValues = currentKept === currentCells.length ? currentCells : undefined;
  if (!referenceValues)
    cache.set(FINITE_REFERENCE, { values: referenceCells, finite: referenceKept } satisfies FiniteSide);
  if (!currentValues)
    cache.set(FINITE_CURRENT, { values: currentCells, finite: currentKept } satisfies FiniteSide);
  return {
    column,
    columnType,
    cache,
    get reference() {
      return (referenceValues ??= finiteCopy(referenceCells, referenceKept));
    },
    get current() {
      return (currentValues ??= finiteCopy(currentCells, currentKept));
    },
  };
}

/** Runs of label ranks: each occurring label's rank in `rank`, ascending, repeated labels merged. */
function rankRuns(counted: CountedColumn, rank: ReadonlyMap<string, number>): Runs {
  const { labels, counts } = labelCountsOf(counted);
  const order = labels.map((_, k) => k).sort((a, b) => rank.get(labels[a]!)! - rank.get(labels[b]!)!);
  const values = new Float64Array(order.length);
  const runCounts = new Float64Array(order.length);
  let runs = 0;
  let total = 0;
  for (const k of order) {
    const value = rank.get(labels[k]!)!;
    total += counts[k]!;
    if (runs > 0 && values[runs - 1] === value) runCounts[runs - 1]! += counts[k]!;
    else {
      values[runs] = value;
      runCounts[runs++] = counts[k]!;
    }
  }
  return { values: values.slice(0, runs), counts: runCounts.slice(0, runs), total };
}

/**
 * The cleaned pair of one column from both sides' value counts, without laying the sides out: each side's runs
 * (cleaned as rows are: ±inf and missing dropped; string labels as ranks of the shared dictionary) are put in the
 * pair's cache, where the kernels find them, and `reference` / `current` are built from the runs, in ascending
 * order, only when read.
 *
 * This runs in `O(k log k)` for k distinct values.
 *
 * @param column the column name
 * @param columnType the type it is tested as
 * @param reference the reference side's counts
 * @param current the current side's counts
 * @throws {Error} if one side holds strings and the other numbers
 * @returns the pair, marked `fromCounts`
 * @example
 * prepareCountedPair('x', 'numerical',
 *   { name: 'x', storage: 'float', counts: { keys: Float64Array.of(2, 1), counts: Float64Array.of(1, 2), missing: 0 } },
 *   { name: 'x', storage: 'float', counts: { keys: Float64Array.of(3), counts: Float64Array.of(1), missing: 1 } },
 * ).current; // => [3]
 */
export function prepareCountedPair(
  column: string,
  columnType: ColumnType,
  reference: CountedColumn,
  current: CountedColumn,
): ColumnPair {
  let referenceRuns: Runs;
  let currentRuns: Runs;
  let labels: string[] | undefined;
  if (reference.storage === 'string' && current.storage === 'string') {
    labels = sortLabels([...new Set([...labelCountsOf(reference).labels, ...labelCountsOf(current).labels])]);
    const rank = new Map(labels.map((label, index) => [label, index]));
    referenceRuns = rankRuns(reference, rank);
    currentRuns = rankRuns(current, rank);
  } else if (reference.storage === 'string' || current.storage === 'string') {
    throw new Error(`prepareColumnPair: column '${column}' mixes strings and numbers`);
  } else {
    referenceRuns = finiteRunsOfCounts(reference);
    currentRuns = finiteRunsOfCounts(current);
  }
  const cache = new Map<string, unknown>([
    [RUNS_REFERENCE, referenceRuns],
    [RUNS_CURRENT, currentRuns],
  ]);
  let referenceValues: Float64Array | undefined;
  let currentValues: Float64Array | undefined;
  return {
    column,
    columnType,
    ...(labels ? { labels } : {}),
    cache,
    fromCounts: true,
    get reference() {
      return (referenceValues ??= expandRuns(referenceRuns));
    },
    get current() {
      return (currentValues ??= expandRuns(currentRuns));
    },
  };
}
