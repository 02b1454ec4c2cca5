/** Test helpers for the stat-test catalogue: build cleaned column pairs the way the engine hands them over. */
import type { ColumnPair, ColumnType, StatTestOptions } from '../../../src/drift/types.js';

/**
 * A {@link ColumnPair} from plain values. String values are dictionary-encoded in code-point order (the
 * engine's contract), numbers are kept as they are.
 */
export function pairOf(
  reference: readonly (number | string)[],
  current: readonly (number | string)[],
  columnType: ColumnType = typeof reference[0] === 'string' ? 'categorical' : 'numerical',
): ColumnPair {
  if (typeof reference[0] === 'string' || typeof current[0] === 'string') {
    const labels = [...new Set([...reference, ...current].map(String))].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const code = new Map(labels.map((label, i) => [label, i]));
    return {
      column: 'x',
      columnType,
      reference: Float64Array.from(reference, (v) => code.get(String(v))!),
      current: Float64Array.from(current, (v) => code.get(String(v))!),
      labels,
      cache: new Map(),
    };
  }
  return {
    column: 'x',
    columnType,
    reference: Float64Array.from(reference as number[]),
    current: Float64Array.from(current as number[]),
    cache: new Map(),
  };
}

/** pandas `Series(values).repeat(counts)`: block order. */
export function repeated<T>(values: readonly T[], counts: readonly number[]): T[] {
  const out: T[] = [];
  values.forEach((value, i) => {
    for (let c = 0; c < counts[i]!; c++) out.push(value);
  });
  return out;
}

export const defaultOptions = (threshold: number): StatTestOptions => ({ threshold, seed: 0 });

/** Relative difference, with exact equality (including both NaN / both ±inf) counting as 0. */
export function relativeError(actual: number, expected: number): number {
  if (Object.is(actual, expected) || actual === expected) return 0;
  if (Number.isNaN(actual) && Number.isNaN(expected)) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

export const VECTOR_A_REFERENCE = [38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0];
export const VECTOR_A_CURRENT = [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8];
export const VECTOR_B_REFERENCE = Array.from({ length: 100 }, (_, i) => ((i * 37) % 101) / 10);
export const VECTOR_B_CURRENT = Array.from({ length: 80 }, (_, i) => ((i * 53) % 97) / 10 + 1.5);
