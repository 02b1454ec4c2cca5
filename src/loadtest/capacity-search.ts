/**
 * The capacity search as a pure state machine: which arrival rate to try next, given the pass/fail of the rates
 * tried so far. No clock, no I/O; the runner (capacity.ts) asks {@link CapacitySearch.next}, runs the step and
 * {@link CapacitySearch.record}s it.
 *
 * 1. Geometric ramp: `min`, `min·f`, `min·f²`, … (capped at `max`) until a rate fails.
 * 2. Bisection between the highest passing rate `lo` and the lowest failing rate `hi`, at their geometric mean (the
 *    precision is relative), until `hi / lo ≤ 1 + precision`.
 *
 * The capacity is `lo`: the highest rate that met every objective; the true limit lies in `[lo, hi)`. The number of
 * steps is bounded by {@link maxCapacitySteps}.
 */

export type SearchOutcome =
  /** `hi / lo ≤ 1 + precision`. */
  | 'converged'
  /** Every rate up to `max` passed: the capacity is at least `max`. */
  | 'max-reached'
  /** `min` failed: the capacity is below it. */
  | 'below-min';

/** The geometric growth of the ramp. */
export const RAMP_FACTOR = 2;

/**
 * The most steps a search with these bounds can take: the ramp's `⌈log_f(max/min)⌉ + 1` rates, plus the bisection
 * halving `log(f)` down to `log(1 + precision)`.
 */
export function maxCapacitySteps(min: number, max: number, precision: number, factor = RAMP_FACTOR): number {
  const ramp = Math.ceil(Math.log(max / min) / Math.log(factor) - 1e-9) + 1;
  const bisect = Math.max(0, Math.ceil(Math.log2(Math.log(factor) / Math.log(1 + precision)) - 1e-9));
  return ramp + bisect;
}

/** A rate rounded to 3 significant digits, kept strictly inside `(lo, hi)` when rounding would reach either end. */
function roundRate(rate: number, lo: number, hi: number): number {
  const rounded = Number(rate.toPrecision(3));
  return rounded > lo && rounded < hi ? rounded : rate;
}

export class CapacitySearch {
  private lo: number | null = null;
  private hi: number | null = null;

  constructor(
    readonly min: number,
    readonly max: number,
    readonly precision: number,
    readonly factor: number = RAMP_FACTOR,
  ) {
    if (!(min > 0) || !(max > min)) throw new RangeError(`need 0 < min < max, got ${min}, ${max}`);
    if (!(precision > 0)) throw new RangeError(`precision must be positive, got ${precision}`);
  }

  /** The highest rate that passed so far (null before any). */
  get highestPassing(): number | null {
    return this.lo;
  }

  /** The lowest rate that failed so far (null before any). */
  get lowestFailing(): number | null {
    return this.hi;
  }

  /** The search's verdict once {@link next} returns null; null while it goes on. */
  get outcome(): SearchOutcome | null {
    if (this.hi === null) return this.lo !== null && this.lo >= this.max ? 'max-reached' : null;
    if (this.lo === null) return this.hi <= this.min ? 'below-min' : null;
    return this.hi / this.lo <= 1 + this.precision ? 'converged' : null;
  }

  /** The next rate to try, or null when the search is done. */
  next(): number | null {
    if (this.outcome !== null) return null;
    if (this.hi === null) return this.lo === null ? this.min : Math.min(this.max, this.lo * this.factor);
    // A failure seen before any pass can only be min's (the ramp starts there).
    const lo = this.lo ?? this.min;
    return roundRate(Math.sqrt(lo * this.hi), lo, this.hi);
  }

  /** Records the verdict of a step at `rate`. */
  record(rate: number, passed: boolean): void {
    if (passed) this.lo = this.lo === null ? rate : Math.max(this.lo, rate);
    else this.hi = this.hi === null ? rate : Math.min(this.hi, rate);
  }
}
