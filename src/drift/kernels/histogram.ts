/**
 * numpy histograms: `np.histogram_bin_edges(..., bins="sturges")`, `np.linspace` edges and `np.histogram`
 * counts, reproduced to the bit (docs/drift-semantics.md, "Binning").
 */

/**
 * The number of Sturges bins exactly as numpy 1.24 derives it.
 *
 * numpy does not compute `ceil(log2(n) + 1)`: it computes a bin width `ptp / (log2(n) + 1)` and then
 * `ceil(ptp / width)`. The two differ when the division rounds across an integer, so the float path is kept.
 * A zero range gives one bin (numpy's `if width: ... else: n_equal_bins = 1`).
 *
 * @param min smallest pooled value
 * @param max largest pooled value
 * @param size number of pooled values (with duplicates)
 * @returns the bin count
 * @example
 * sturgesBinCount(0, 11, 180); // => 9
 */
export function sturgesBinCount(min: number, max: number, size: number): number {
  const range = max - min;
  const width = range / (Math.log2(size) + 1);
  if (width === 0 || Number.isNaN(width)) return 1;
  return Math.ceil(range / width);
}

/**
 * Equal-width bin edges as `np.linspace(first, last, bins + 1)`: `edge[i] = first + i * ((last - first) / bins)`
 * with the last edge exactly `last`. When `min == max` numpy widens the range to `[min - 0.5, max + 0.5]`.
 *
 * @param min smallest value covered
 * @param max largest value covered
 * @param bins number of bins (≥ 1)
 * @throws {Error} if bins is not a positive integer
 * @returns `bins + 1` ascending edges
 * @example
 * equalWidthEdges(0, 1, 4); // => [0, 0.25, 0.5, 0.75, 1]
 */
export function equalWidthEdges(min: number, max: number, bins: number): Float64Array {
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`equalWidthEdges requires a positive integer bin count, got ${bins}`);
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  const delta = last - first;
  const step = delta / bins;
  if (step === 0) {
    // numpy's denormal branch: y = i / div * delta
    for (let i = 0; i <= bins; i++) edges[i] = (i / bins) * delta + first;
  } else {
    for (let i = 0; i <= bins; i++) edges[i] = i * step + first;
  }
  edges[bins] = last;
  return edges;
}

/**
 * `np.histogram_bin_edges(a, bins="sturges")` from the pooled minimum, maximum and size.
 *
 * @param min smallest pooled value
 * @param max largest pooled value
 * @param size number of pooled values
 * @returns the edges
 * @example
 * sturgesEdges(5, 5, 10); // => [4.5, 5.5]
 */
export function sturgesEdges(min: number, max: number, size: number): Float64Array {
  return equalWidthEdges(min, max, sturgesBinCount(min, max, size));
}

/** Index of the first element `>= value` (numpy `searchsorted(side="left")`). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element `> value` (numpy `searchsorted(side="right")`). */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `np.histogram(values, bins=edges)[0]` for ascending values: bin `i` counts `edges[i] <= x < edges[i+1]`,
 * the last bin also counts `x == edges[last]`. Values outside the edges are not counted.
 *
 * This runs in `O(bins log n)`.
 *
 * @param sortedValues sample, ascending
 * @param edges ascending bin edges (at least 2)
 * @returns counts per bin (length `edges.length - 1`)
 * @example
 * histogramCountsSorted(new Float64Array([0, 1, 1, 2]), new Float64Array([0, 1, 2])); // => [1, 3]
 */
export function histogramCountsSorted(sortedValues: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  let previous = lowerBound(sortedValues, edges[0]!);
  for (let i = 0; i < bins; i++) {
    const next =
      i + 1 === bins ? upperBound(sortedValues, edges[bins]!) : lowerBound(sortedValues, edges[i + 1]!);
    counts[i] = next - previous;
    previous = next;
  }
  return counts;
}

/**
 * `np.histogram` counts from aggregates: distinct ascending values with their counts (e.g. a database
 * `GROUP BY value`, or one side of a merged distribution).
 *
 * @param values distinct values, ascending
 * @param counts occurrences aligned with `values`
 * @param edges ascending bin edges
 * @returns counts per bin
 */
export function histogramCountsFromValueCounts(
  values: Float64Array,
  counts: ArrayLike<number>,
  edges: Float64Array,
): Float64Array {
  const bins = edges.length - 1;
  const out = new Float64Array(bins);
  const first = edges[0]!;
  const last = edges[bins]!;
  let bin = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    const c = counts[k]!;
    if (c === 0 || v < first || v > last) continue;
    if (v === last) {
      out[bins - 1]! += c;
      continue;
    }
    while (bin + 1 < bins && v >= edges[bin + 1]!) bin++;
    out[bin]! += c;
  }
  return out;
}

/**
 * `np.histogram` counts of one side of a distribution given as distinct ascending values and the running totals
 * of their counts (`prefix[k]` = occurrences of `values[0 .. k)`), by two binary searches per bin. Bin `i` counts
 * `edges[i] <= x < edges[i+1]`, the last bin also `x == edges[last]`; values outside the edges are not counted.
 * Counts are whole numbers, so differences of running totals are exact: the same result as walking the values.
 *
 * This runs in `O(bins log k)` for k distinct values.
 *
 * @param values distinct values, ascending (or, without `prefix`, a whole sample ascending)
 * @param prefix running totals, `values.length + 1` long, `prefix[0] = 0`; undefined: each value occurs once (its
 *   index is its running total)
 * @param edges ascending bin edges (at least 2)
 * @returns counts per bin
 * @example
 * histogramCountsFromPrefix(new Float64Array([0, 1, 2]), new Float64Array([0, 1, 3, 4]), [0, 1, 2]); // => [1, 3]
 */
export function histogramCountsFromPrefix(
  values: Float64Array,
  prefix: Float64Array | undefined,
  edges: ArrayLike<number>,
): Float64Array {
  const bins = edges.length - 1;
  const out = new Float64Array(Math.max(bins, 0));
  if (bins < 1) return out;
  let previous = lowerBound(values, edges[0]!);
  for (let i = 0; i < bins; i++) {
    const next = i + 1 === bins ? upperBound(values, edges[bins]!) : lowerBound(values, edges[i + 1]!);
    out[i] = next > previous ? (prefix ? prefix[next]! - prefix[previous]! : next - previous) : 0;
    if (next > previous) previous = next;
  }
  return out;
}
