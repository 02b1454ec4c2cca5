/**
 * Row equality compares doubles as pandas does: -0 equals 0, and every NaN (a missing cell, whatever its payload or
 * sign) equals every other NaN. Code that hashes or keys a double by its bits reads it in place as two 32-bit words
 * through an Int32Array view (little-endian: low word first) and needs one bit pattern per value: these functions
 * give it. The NaN test is made on the double itself, and both functions are kept small: the compiler inlines them
 * into the per-row loops, where a version testing the words' bit fields was left as a call in the duplicate search.
 */

/** The high word of the canonical NaN, a quiet NaN without payload (its low word is 0). No number has it. */
export const CANONICAL_NAN_HIGH = 0x7ff80000;

/** The high word of -0 (as read from an Int32Array view); its low word is 0. */
const MINUS_ZERO_HIGH = 0x80000000 | 0;

/**
 * The canonical high word of a double.
 *
 * @param value the double
 * @param high its high word, as read from an Int32Array view
 * @returns {@link CANONICAL_NAN_HIGH} for every NaN, 0 for -0 and 0, else `high`
 */
export function canonicalHigh(value: number, high: number): number {
  // The high word is tested first: -0's high word is rare, where a column's zeros among other numbers would make
  // a test of the value itself a branch the CPU cannot predict.
  return value !== value ? CANONICAL_NAN_HIGH : high === MINUS_ZERO_HIGH && value === 0 ? 0 : high;
}

/**
 * The canonical low word of a double (-0 and 0 both have the low word 0).
 *
 * @param value the double
 * @param low its low word, as read from an Int32Array view
 * @returns 0 for every NaN, else `low`
 */
export function canonicalLow(value: number, low: number): number {
  return value !== value ? 0 : low;
}
