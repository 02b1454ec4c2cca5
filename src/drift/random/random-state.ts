/**
 * The parts of numpy's legacy `RandomState` (numpy 1.24, `numpy/random/mtrand.pyx`) that Evidently's permutation
 * tests use: `seed(int)`, `permutation(n)`, `shuffle` of a 1-D array and `choice(a, size, replace=False)`.
 *
 * With the same seed these produce the same permutations as numpy, so `TVD` (which calls `np.random.seed(0)`)
 * reproduces Evidently's p-values exactly, and `empirical_mmd` does too when numpy's global generator was seeded
 * with the same value before the call.
 */
import { MT19937 } from './mt19937.js';

/** numpy's legacy `RandomState`, limited to the calls Evidently's drift tests make. */
export class RandomState {
  private readonly generator: MT19937;

  /** Equivalent of `np.random.RandomState(seed)` / `np.random.seed(seed)` with an integer seed. */
  constructor(seed: number) {
    this.generator = new MT19937(seed);
  }

  /** A raw 32-bit output (`next_uint32`). */
  nextUint32(): number {
    return this.generator.nextUint32();
  }

  /**
   * A uniform integer in [0, max] by masked rejection: numpy's `random_interval`, which legacy `shuffle` uses.
   * Only the 32-bit branch is implemented: arrays here never have 2^32 elements.
   * @throws {RangeError} if max is not an integer in [0, 2^32 - 1]
   */
  randomInterval(max: number): number {
    if (max === 0) return 0;
    if (!Number.isInteger(max) || max < 0 || max > 0xffffffff) {
      throw new RangeError(`randomInterval requires an integer max in [0, 2**32 - 1], got ${max}`);
    }
    // Smallest all-ones bit mask >= max.
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do {
      value = (this.generator.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /**
   * Shuffles a 1-D array in place exactly like legacy `RandomState.shuffle` (Fisher–Yates from the end:
   * for i = n-1 down to 1, swap x[i] with x[random_interval(i)]).
   */
  shuffle(values: { length: number; [index: number]: number }): void {
    const generator = this.generator;
    // random_interval(i) for each i, with its bit mask kept up to date as i decreases (same draws, same result).
    let mask = values.length - 1;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    for (let i = values.length - 1; i >= 1; i--) {
      while (i <= mask >>> 1) mask >>>= 1;
      let j: number;
      do {
        j = (generator.nextUint32() & mask) >>> 0;
      } while (j > i);
      const held = values[j]!;
      values[j] = values[i]!;
      values[i] = held;
    }
  }

  /** `RandomState.permutation(n)`: a shuffled `arange(n)`. */
  permutation(n: number): Int32Array {
    const indices = new Int32Array(n);
    for (let i = 0; i < n; i++) indices[i] = i;
    this.shuffle(indices);
    return indices;
  }

  /**
   * The indices `RandomState.choice(a, size, replace=False)` draws from a population of `populationSize`
   * (with `p=None`, legacy `choice` takes `permutation(pop_size)[:size]`).
   * @throws {RangeError} if size is larger than the population
   */
  choiceWithoutReplacement(populationSize: number, size: number): Int32Array {
    if (size > populationSize) {
      throw new RangeError("Cannot take a larger sample than population when 'replace=False'");
    }
    return this.permutation(populationSize).subarray(0, size);
  }
}
