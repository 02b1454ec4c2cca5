/**
 * Compact columns (scaled integers, see `ScaledDecimals`) as doubles for the drift layer, decoded into arrays each
 * thread keeps: the stat tests, the summaries and the target rate read Float64Arrays, and a table of compact columns
 * then costs one column's doubles per use at a time, written into memory already mapped instead of a fresh array
 * (and its page faults) per column. Where the job layer gives this thread a faster decoder ({@link useScaledDecoders}:
 * the CSV reader's compiled vector loop), its memory holds them instead.
 */
import { decodeScaled, isScaled, type Column, type ScaledDecimals } from '../snapshot/table.js';
import { countsOf } from './counted.js';
import { ThreadKernel } from '../util/thread-kernel.js';

/**
 * Per thread, the arrays compact columns are decoded into, kept for the next column: one per side of the column
 * being scored, and one for a column read outside a scoring (a summary, the target's rate).
 */
const decoded: (Float64Array | undefined)[] = [undefined, undefined, undefined];

/**
 * A decoder of compact columns faster than the loop of `decodeScaled` (the reader's compiled one, which the job layer
 * hands to {@link useScaledDecoders}): the same doubles, range and missing count, the doubles in memory of its own,
 * valid until its next call.
 */
export interface ScaledDecoding {
  decode(values: ScaledDecimals, range: Int32Array): { readonly out: Float64Array; readonly missing: number };
}

/** This thread's decoders, one per slot; none: the kept arrays above and `decodeScaled`. */
const decoders = [0, 1, 2].map(() => new ThreadKernel<ScaledDecoding>());

/**
 * Has this thread decode compact columns with decoders `make` makes (one per slot; undefined: the loop). The decoders
 * made are kept while `make` stays the same.
 */
export function useScaledDecoders(make: () => ScaledDecoding | undefined): void {
  for (const decoder of decoders) decoder.use(make);
}

/**
 * Columns of more cells are decoded by the loop of `decodeScaled` into the arrays this thread keeps, not by a decoder
 * {@link useScaledDecoders} gave. A compiled decoder's memory (12 bytes a cell: the integers copied in, the doubles
 * out) is its own, mapped 4 KiB page by page where the kept arrays come from malloc (huge pages when Node runs with
 * glibc's `glibc.malloc.hugetlb=1`, as every run did when this was measured); its loop saves ~1 ns a cell. Measured on
 * Node 24, 2 cores (AMD EPYC, 4 KiB page faults ~10 µs that day), 2026-12-05, 5 alternated pairs of shape a of `npm run
 * bench -- compare` (two 1M-row StreamFlow files): every column by the compiled decoder 33k page faults, 0.35–0.68 s of
 * system time, 286–301 MiB peak; by the loop 23k, 0.31–0.48 s, 273–287 MiB, user time alike (1.67–1.70 against
 * 1.66–1.76 s). On shape g (100,000 rows × 400 columns) the compiled decoder keeps its lead (user 3.40–3.62 against
 * 3.48–3.77 s, 4 pairs), its memory ~1.2 MB.
 */
export const COMPILED_DECODE_MAX_CELLS = 1 << 18;

/** How many cells of a column {@link withDoubles} decoded are finite (counted as it decoded them). */
const finiteCells = new WeakMap<Column, number>();

/** Scaled integers with the least and greatest of their present cells. */
export interface RangedScaledDecimals extends ScaledDecimals {
  readonly min: number;
  readonly max: number;
}

/** The scaled integers an array was decoded from (with their range), and whether some of its cells were missing. */
const sources = new WeakMap<
  Float64Array,
  { readonly source: RangedScaledDecimals; readonly missing: boolean }
>();

/** Where {@link withDoubles} has the decoding write a column's least and greatest integer. */
const decodedRange = new Int32Array(2);

/**
 * The scaled integers `values` were decoded from by {@link withDoubles}, when every cell was present: `values[i]`
 * is `digits[i] / 10^decimals`, so a kernel may work on the integers (a sort orders them as the doubles), else
 * undefined.
 */
export function scaledSource(values: Float64Array): RangedScaledDecimals | undefined {
  const decoded = sources.get(values);
  return decoded && !decoded.missing ? decoded.source : undefined;
}

/**
 * The scaled integers `values` were decoded from by {@link withDoubles}, missing cells or not (a missing cell is
 * `MISSING_DIGITS` there and NaN in `values`; the range is that of the present cells), else undefined.
 */
export function scaledSourceWithMissing(values: Float64Array): RangedScaledDecimals | undefined {
  return sources.get(values)?.source;
}

/**
 * The finite cells of a column {@link withDoubles} returned decoded, or undefined for any other column: a compact
 * column holds no ±Infinity, so they are its present cells, counted while decoding.
 */
export function decodedFinite(column: Column): number | undefined {
  return finiteCells.get(column);
}

/**
 * The column with its cells as doubles: itself unless its cells are scaled integers, which are decoded into the
 * array this thread keeps for `slot` and hands out again on the next call for it. The column returned is valid
 * until that call: only synchronous work on one column may hold it, and nothing it returns may keep the array.
 *
 * This runs in `O(n)` for a compact column (a division a cell), `O(1)` otherwise.
 *
 * @param column a column of a table (a counted one is returned as it is: its cells are built only if read)
 * @param slot 0 and 1 for the reference and current side of the column being scored, 2 for any other use
 * @returns the column, its `values` a Float64Array for a numeric or boolean column
 */
export function withDoubles(column: Column, slot: 0 | 1 | 2): Column {
  if (column.type === 'string' || column.type === 'datetime' || countsOf(column)) return column;
  const values = column.values;
  if (!isScaled(values)) return column;
  const length = values.digits.length;
  const decoder = length <= COMPILED_DECODE_MAX_CELLS ? decoders[slot]!.get() : undefined;
  let out: Float64Array;
  let missing: number;
  // The missing cells are counted, and the least and greatest integer found, in the same pass.
  if (decoder !== undefined) ({ out, missing } = decoder.decode(values, decodedRange));
  else {
    let kept = decoded[slot];
    if (kept === undefined || kept.length < length) decoded[slot] = kept = new Float64Array(length);
    out = kept.subarray(0, length);
    missing = decodeScaled(values, out, decodedRange);
  }
  const doubles: Column = { ...column, values: out };
  finiteCells.set(doubles, length - missing);
  const source = {
    digits: values.digits,
    decimals: values.decimals,
    min: decodedRange[0]!,
    max: decodedRange[1]!,
  };
  sources.set(out, { source, missing: missing > 0 });
  return doubles;
}
