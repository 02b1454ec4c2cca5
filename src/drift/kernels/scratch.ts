/**
 * Working arrays of the column being scored (sorted sides, runs, the merged distribution, its running totals), kept
 * per thread and handed out again to the next column.
 *
 * A fresh typed array of a few MB costs its zeroing and a page fault per 4 KiB page each time it is first written:
 * measured at 1.3 ms for 1.6 MB against 0.15 ms to refill a kept one (Node 24). A wide table allocates about ten such
 * arrays per column (100,000 rows × 400 float columns: 13 MB per column, 5 GB over the table), so fresh arrays cost
 * about as much as the scoring itself, and the resident set carries the ones the collector has not freed yet.
 *
 * Arrays are lent only inside {@link withColumnScratch}: everything lent is reused as soon as that call returns, so
 * nothing lent may outlive it (results hold numbers and plain arrays, never these views). Outside a scope every call
 * allocates a fresh array.
 */

/** Longer arrays are lent from the large ones kept (see {@link LARGE_KEPT_BYTES}); the slots stay at most 2 MiB each. */
export const SCRATCH_MAX_LENGTH = 1 << 18;
/**
 * Arrays longer than {@link SCRATCH_MAX_LENGTH} (the sorted sides of a column of a million rows: 8 MB each) are lent
 * from large arrays kept per thread, up to this many bytes in all (48 MiB: both sorted sides of a column of three
 * million rows). A fresh 8 MB array costs ~9 ms of zeroing and page faults where a kept one costs nothing (measured
 * in the sort of a million doubles, Node 24), and fresh ones pile up until the collector frees them: on 12 float
 * columns of a million rows, two threads held some 300 MB more at their peak. Past the budget, arrays are fresh.
 */
export const LARGE_KEPT_BYTES = 48 * 1024 * 1024;
/** At most this many arrays are kept per thread (32 MiB); a column that needs more gets fresh ones past it. */
const SCRATCH_SLOTS = 16;

/** Kept arrays, lent in order: the n-th request of a column gets slot n. */
const slots: Float64Array[] = [];
/** Large kept arrays, each lent to the request that fits it best (shortest long enough) while it is free. */
const large: { array: Float64Array; lent: boolean }[] = [];
let lent = 0;
let open = false;

/**
 * Runs `work` with the working arrays of one column lent from the kept ones; they are all taken back when it returns
 * (or throws). A nested call joins the outer scope.
 *
 * @param work the scoring of one column, synchronous (the arrays are taken back when it returns, not when a promise
 *   it returns settles); what it returns must not hold a lent array
 * @returns what `work` returns
 */
export function withColumnScratch<T>(work: () => T): T {
  if (open) return work();
  open = true;
  lent = 0;
  try {
    return work();
  } finally {
    open = false;
    lent = 0;
    for (const kept of large) kept.lent = false;
  }
}

/** Bytes held by the large kept arrays. */
function largeBytes(): number {
  let bytes = 0;
  for (const kept of large) bytes += kept.array.byteLength;
  return bytes;
}

/** A large array lent from the kept ones (the best fit, else a new one kept within the budget), or a fresh one. */
function largeFloat64(length: number, zeroed: boolean): Float64Array {
  let best: { array: Float64Array; lent: boolean } | undefined;
  for (const kept of large)
    if (
      !kept.lent &&
      kept.array.length >= length &&
      (best === undefined || kept.array.length < best.array.length)
    )
      best = kept;
  if (best !== undefined) {
    best.lent = true;
    const view = best.array.subarray(0, length);
    return zeroed ? view.fill(0) : view;
  }
  // Free kept arrays too short for this request make way for one that fits (a later table may be longer).
  if (largeBytes() + 8 * length > LARGE_KEPT_BYTES)
    for (let i = large.length - 1; i >= 0; i--) if (!large[i]!.lent) large.splice(i, 1);
  const array = new Float64Array(length);
  if (largeBytes() + array.byteLength <= LARGE_KEPT_BYTES) large.push({ array, lent: true });
  return array;
}

/**
 * A Float64Array of `length` elements: a view of a kept array inside {@link withColumnScratch}, else a fresh one.
 *
 * @param length elements wanted
 * @param zeroed whether the caller needs every element 0 (a kept array holds the last column's values otherwise)
 * @returns an array of exactly `length` elements, valid until the enclosing scope returns
 */
export function scratchFloat64(length: number, zeroed = true): Float64Array {
  if (open && length > SCRATCH_MAX_LENGTH) return largeFloat64(length, zeroed);
  if (!open || length > SCRATCH_MAX_LENGTH || lent >= SCRATCH_SLOTS) return new Float64Array(length);
  const slot = lent++;
  let kept = slots[slot];
  if (kept === undefined || kept.length < length) {
    // Grown to the next power of two (at most the cap), so columns of slightly different lengths reuse it.
    kept = new Float64Array(Math.min(SCRATCH_MAX_LENGTH, 2 ** Math.ceil(Math.log2(Math.max(length, 1024)))));
    slots[slot] = kept;
    return kept.subarray(0, length);
  }
  const view = kept.subarray(0, length);
  return zeroed ? view.fill(0) : view;
}

/** Whether a scope is open (so lent arrays are views of kept ones); for tests. */
export function scratchOpen(): boolean {
  return open;
}
