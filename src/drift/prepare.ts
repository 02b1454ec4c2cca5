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

function finiteValues(values: Float64Array): Float64Array {
  let kept = 0;
  for (const value of values) if (Number.isFinite(value)) kept++;
  if (kept === values.length) return values;
  const out = new Float64Array(kept);
  let j = 0;
  for (const value of values) if (Number.isFinite(value)) out[j++] = value;
  return out;
}

function encodeCodes(codes: Int32Array, remap: Int32Array): Float64Array {
  let kept = 0;
  for (const code of codes) if (code >= 0) kept++;
  const out = new Float64Array(kept);
  let j = 0;
  for (const code of codes) if (code >= 0) out[j++] = remap[code]!;
  return out;
}

/**
 * The cleaned pair of one column. Both columns must be of compatible storage (the caller checks): both numeric-like
 * (int, float, bool) or both strings.
 */
export function prepareColumnPair(column: string, columnType: ColumnType, reference: Column, current: Column): ColumnPair {
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
