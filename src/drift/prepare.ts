/**
 * Builds the cleaned {@link ColumnPair} a stat test receives from the two snapshot columns: ±inf and missing cells
 * dropped (Evidently: `replace([-inf, inf], nan).dropna()`), string categories encoded as ranks of a shared dictionary
 * sorted in Python `sorted` order (code points), booleans as 0/1.
 */
import type { Column } from '../snapshot/table.js';
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

/** The finite values in row order: the column itself when every value is finite (never mutated), else a copy. */
function finiteValues(values: Float64Array): Float64Array {
  // value - value is 0 for finite numbers and NaN for NaN and ±Infinity.
  let kept = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! - values[i]! === 0) kept++;
  if (kept === values.length) return values;
  // Counted first, so the copy is allocated once at its size.
  const out = new Float64Array(kept);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value - value === 0) out[k++] = value;
  }
  return out;
}

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
 * The cleaned pair of one column. Both columns must be of compatible storage (the caller checks): both numeric-like
 * (int, float, bool) or both strings.
 */
export function prepareColumnPair(
  column: string,
  columnType: ColumnType,
  reference: Column,
  current: Column,
): ColumnPair {
  if (reference.type === 'string' && current.type === 'string') {
    const labels = [...new Set([...reference.dictionary, ...current.dictionary])].sort(compareCodePoints);
    const rank = new Map(labels.map((label, index) => [label, index]));
    const remap = (dictionary: readonly string[]) => Int32Array.from(dictionary, (label) => rank.get(label)!);
    return {
      column,
      columnType,
      reference: encodeCodes(reference.codes, remap(reference.dictionary)),
      current: encodeCodes(current.codes, remap(current.dictionary)),
      labels,
      cache: new Map(),
    };
  }
  if (reference.type === 'string' || current.type === 'string')
    throw new Error(`prepareColumnPair: column '${column}' mixes strings and numbers`);
  return {
    column,
    columnType,
    reference: finiteValues(reference.values),
    current: finiteValues(current.values),
    cache: new Map(),
  };
}
