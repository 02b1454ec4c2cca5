/**
 * The Mersenne Twister MT19937 exactly as numpy's legacy `RandomState` runs it
 * (`numpy/random/src/mt19937/mt19937.c`, `mt19937-jump` aside).
 *
 * Written here rather than taken from `@stdlib/random-base-mt19937` because driftwatch needs numpy's
 * integer seeding (`RandomState.seed(int)` → `mt19937_seed`, Matsumoto–Nishimura `init_genrand`) together with
 * numpy's bounded-integer and shuffle algorithms on top of the raw 32-bit stream; only a port of those exact
 * steps reproduces Evidently's seeded permutation p-values bit for bit (see `random-state.ts`).
 */

const STATE_LENGTH = 624;
const PERIOD_OFFSET = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** A 32-bit MT19937 generator seeded the way numpy's `RandomState.seed(int)` seeds it. */
export class MT19937 {
  private readonly key = new Uint32Array(STATE_LENGTH);
  private position = STATE_LENGTH;

  /**
   * @param seed an integer in [0, 2^32 - 1], as numpy's `RandomState(seed)` accepts
   * @throws {RangeError} if the seed is not such an integer
   */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`MT19937 seed must be an integer between 0 and 2**32 - 1, got ${seed}`);
    }
    // mt19937_seed: key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >>> 30)) + i, modulo 2^32.
    let value = seed >>> 0;
    for (let i = 0; i < STATE_LENGTH; i++) {
      this.key[i] = value;
      value = (Math.imul(1812433253, (value ^ (value >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    this.position = STATE_LENGTH;
  }

  /** Regenerates the 624-word state block (numpy's `mt19937_gen`). */
  private generate(): void {
    const key = this.key;
    let i = 0;
    let y: number;
    for (; i < STATE_LENGTH - PERIOD_OFFSET; i++) {
      y = (key[i]! & UPPER_MASK) | (key[i + 1]! & LOWER_MASK);
      key[i] = key[i + PERIOD_OFFSET]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < STATE_LENGTH - 1; i++) {
      y = (key[i]! & UPPER_MASK) | (key[i + 1]! & LOWER_MASK);
      key[i] = key[i + (PERIOD_OFFSET - STATE_LENGTH)]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (key[STATE_LENGTH - 1]! & UPPER_MASK) | (key[0]! & LOWER_MASK);
    key[STATE_LENGTH - 1] = key[PERIOD_OFFSET - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.position = 0;
  }

  /** The next tempered 32-bit output, as an unsigned integer (numpy's `mt19937_next32`). */
  nextUint32(): number {
    if (this.position === STATE_LENGTH) this.generate();
    let y = this.key[this.position++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}
