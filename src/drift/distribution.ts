/**
 * Chart data per column: reference and current distributions on shared axes, for the HTML report.
 *
 * Pure: reads a {@link ColumnPair}, never mutates it, and returns counts only, so the size of the data grows with
 * the number of bins and categories, never with the number of rows.
 *
 * The bins are for reading, not for the statistics: the stat tests bin with numpy's exact edges
 * (`src/drift/kernels/histogram.ts`), which are neither round nor bounded in number; these edges are rounded to
 * nice widths and capped at 30 bins, and counting reuses the merged distribution (distinct values with per-side counts) the stat tests already built.
 */
import { exampleValue } from './example-value.js';
import {
  mergedAllIntegers,
  mergedDistribution,
  mergedExtremes,
  mergedHistogram,
  type MergedDistribution,
} from './kernels/merged.js';
import type { ColumnPair } from './types.js';

/** Numerical column: both sides counted on the same bin edges. */
export interface HistogramDistribution {
  kind: 'histogram';
  /**
   * Ascending bin edges shared by both sides (`counts.length + 1` of them). Bin `i` is
   * `[bin_edges[i], bin_edges[i + 1])`; the last bin is closed on the right, as in numpy.histogram.
   */
  bin_edges: number[];
  reference_counts: number[];
  current_counts: number[];
}

/** Categorical column: the most frequent values over both sides, the rest pooled as "other". */
export interface CategoryDistribution {
  kind: 'categories';
  /**
   * The values with the largest combined share (reference share + current share): string categories most
   * frequent first, numeric and boolean categories in value order.
   */
  categories: string[];
  reference_counts: number[];
  current_counts: number[];
  /** Rows whose value is not among `categories` (0 when every value is listed). Kept apart from a real "other". */
  reference_other: number;
  current_other: number;
}

export type ColumnDistribution = HistogramDistribution | CategoryDistribution;

/** Fewest and most bins of a numerical histogram (Evidently's plots default to 10). */
export const MIN_HISTOGRAM_BINS = 10;
export const MAX_HISTOGRAM_BINS = 30;
/** Categories listed by name; the rest are pooled into "other". */
export const TOP_CATEGORIES = 10;

/**
 * Distribution chart data for one column.
 *
 * Numerical columns get a histogram with shared bin edges over the range of both sides. The target number of
 * bins is Sturges' rule on the combined size (`ceil(log2 n) + 1`), clamped to
 * [{@link MIN_HISTOGRAM_BINS}, {@link MAX_HISTOGRAM_BINS}]; edges are rounded to "nice" widths (1, 2, 2.5 or 5
 * times a power of ten) so the axis reads well. Integer-valued columns get integer widths, and one bin per value
 * when they span at most {@link MAX_HISTOGRAM_BINS} values. Categorical (and text) columns get the
 * {@link TOP_CATEGORIES} values with the largest combined share, the rest counted as "other".
 *
 * Runs in `O(n)` for histograms (one pass for the range, one for the counts) and `O(n + k log k)` for
 * categories with `k` distinct values.
 *
 * @param pair cleaned reference and current values of one column
 * @returns counts per bin or category for both sides
 * @example
 * computeDistribution({ column: 'x', columnType: 'numerical', reference: Float64Array.of(1, 2, 2),
 *   current: Float64Array.of(3), cache: new Map() });
 * // => { kind: 'histogram', bin_edges: [0.5, 1.5, 2.5, 3.5], reference_counts: [1, 2, 0], current_counts: [0, 0, 1] }
 */
export function computeDistribution(pair: ColumnPair): ColumnDistribution {
  return pair.columnType === 'numerical' ? histogram(pair) : categories(pair);
}

/** Range and integrality over the distinct values of both sides. */
function scan(merged: MergedDistribution) {
  // Read from the sides' runs when the merged arrays are not built (a continuous column's default test needs none).
  return { ...mergedExtremes(merged), allIntegers: mergedAllIntegers(merged) };
}

/** Strips binary noise from an edge computed as index × width (0.30000000000000004 → 0.3). */
function cleanEdge(value: number): number {
  return Number(value.toPrecision(12));
}

/** Picks bin edges for the combined range; see {@link computeDistribution}. */
export function histogramEdges(
  minimum: number,
  maximum: number,
  allIntegers: boolean,
  size: number,
): number[] {
  if (!Number.isFinite(minimum) || !Number.isFinite(maximum)) return [];
  // One bin per value for small integer ranges (counts such as devices or tickets), and for a constant column.
  if (allIntegers && maximum - minimum + 1 <= MAX_HISTOGRAM_BINS) {
    const edges: number[] = [];
    for (let value = minimum; value <= maximum + 1; value++) edges.push(value - 0.5);
    return edges;
  }
  if (minimum === maximum) return [cleanEdge(minimum - 0.5), cleanEdge(minimum + 0.5)];

  const sturges = Math.ceil(Math.log2(Math.max(size, 1))) + 1;
  const target = Math.min(MAX_HISTOGRAM_BINS, Math.max(MIN_HISTOGRAM_BINS, sturges));
  const rawWidth = (maximum - minimum) / target;
  const magnitude = 10 ** Math.floor(Math.log10(rawWidth));
  if (!(magnitude > 0) || !Number.isFinite(magnitude)) return [minimum, maximum];

  // Candidate nice widths around the raw width; keep the one whose bin count is closest to the target.
  let best: { width: number; first: number; count: number } | undefined;
  for (const scale of [magnitude / 10, magnitude, magnitude * 10]) {
    for (const multiple of [1, 2, 2.5, 5]) {
      const width = multiple * scale;
      if (allIntegers && (width < 1 || !Number.isInteger(width))) continue;
      const first = Math.floor(minimum / width);
      // Integer data: the maximum always falls strictly inside the last bin, so each bin holds `width` values.
      const last = allIntegers
        ? Math.floor(maximum / width) + 1
        : Math.max(Math.ceil(maximum / width), first + 1);
      const count = last - first;
      if (count > MAX_HISTOGRAM_BINS || count < 1) continue;
      if (best === undefined || Math.abs(count - target) < Math.abs(best.count - target)) {
        best = { width, first, count };
      }
    }
  }
  if (best !== undefined) {
    const edges: number[] = [];
    for (let i = 0; i <= best.count; i++) edges.push(cleanEdge((best.first + i) * best.width));
    if (isValidCover(edges, minimum, maximum)) return edges;
  }
  // A range too narrow for round edges at 12 significant digits (e.g. 1e6 + 1e-9): plain equal widths, or one bin
  // when even those collapse (a denormal range).
  const width = (maximum - minimum) / target;
  const plain = Array.from({ length: target + 1 }, (_, i) => (i === target ? maximum : minimum + i * width));
  return isValidCover(plain, minimum, maximum) ? plain : [minimum, maximum];
}

/** Edges strictly increase and cover [minimum, maximum]. */
function isValidCover(edges: readonly number[], minimum: number, maximum: number): boolean {
  for (let i = 1; i < edges.length; i++) if (!(edges[i]! > edges[i - 1]!)) return false;
  return edges.length > 1 && edges[0]! <= minimum && edges[edges.length - 1]! >= maximum;
}

/**
 * Counts weighted distinct values into `edges` (last bin closed), correcting the arithmetic index against the
 * actual edges. `values` ascending, `weights[i]` occurrences of `values[i]`.
 */
export function countIntoBins(
  values: Float64Array,
  edges: readonly number[],
  weights?: Float64Array,
): number[] {
  const binCount = edges.length - 1;
  const counts = new Array<number>(Math.max(binCount, 0)).fill(0);
  if (binCount < 1) return counts;
  const low = edges[0]!;
  const high = edges[binCount]!;
  const scale = binCount / (high - low);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const weight = weights ? weights[i]! : 1;
    if (weight === 0 || !(value >= low && value <= high)) continue;
    const guess = Math.floor((value - low) * scale);
    let bin = Number.isFinite(guess) ? Math.min(binCount - 1, Math.max(guess, 0)) : 0;
    // Nice edges are rounded, so the arithmetic guess can be one bin off near an edge.
    while (bin > 0 && value < edges[bin]!) bin--;
    while (bin < binCount - 1 && value >= edges[bin + 1]!) bin++;
    counts[bin]! += weight;
  }
  return counts;
}

function histogram(pair: ColumnPair): HistogramDistribution {
  // The merged distribution (distinct values with per-side counts) is shared with the stat tests: no extra pass
  // over the rows.
  const merged = mergedDistribution(pair);
  const { minimum, maximum, allIntegers } = scan(merged);
  const edges = histogramEdges(minimum, maximum, allIntegers, merged.referenceSize + merged.currentSize);
  return {
    kind: 'histogram',
    bin_edges: edges,
    // np.histogram semantics, as countIntoBins gives for these strictly increasing edges.
    reference_counts: Array.from(mergedHistogram(merged, 'reference', edges)),
    current_counts: Array.from(mergedHistogram(merged, 'current', edges)),
  };
}

function categories(pair: ColumnPair): CategoryDistribution {
  const merged = mergedDistribution(pair);
  const referenceSize = Math.max(merged.referenceSize, 1);
  const currentSize = Math.max(merged.currentSize, 1);
  // The values that occur (by their index in the merged distribution, whose values are distinct) with their
  // combined shares, each computed once: a column of 50k labels is ranked in one sort on the numbers.
  const count = (counts: Float64Array, k: number) => (counts[k]! > 0 ? counts[k]! : 0);
  const share = new Float64Array(merged.values.length);
  const occurring: number[] = [];
  for (let k = 0; k < merged.values.length; k++) {
    if (!(merged.referenceCounts[k]! > 0 || merged.currentCounts[k]! > 0)) continue;
    occurring.push(k);
    share[k] =
      count(merged.referenceCounts, k) / referenceSize + count(merged.currentCounts, k) / currentSize;
  }
  const value = (k: number) => merged.values[k]!;
  // Largest combined share first; ties in value order (label order for string codes), so output is stable.
  const ranked = occurring.sort((a, b) => share[b]! - share[a]! || value(a) - value(b));
  const top = ranked.slice(0, TOP_CATEGORIES);
  // Numbers and booleans read best in value order (1, 2, 3 devices); strings stay most frequent first.
  if (!pair.labels) top.sort((a, b) => value(a) - value(b));
  const label = (k: number) =>
    pair.labels ? exampleValue(pair.labels[value(k)] ?? String(value(k))) : String(value(k));
  const reference_counts = top.map((k) => count(merged.referenceCounts, k));
  const current_counts = top.map((k) => count(merged.currentCounts, k));
  const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
  return {
    kind: 'categories',
    categories: top.map(label),
    reference_counts,
    current_counts,
    reference_other: merged.referenceSize - sum(reference_counts),
    current_other: merged.currentSize - sum(current_counts),
  };
}
