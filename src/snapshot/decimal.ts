/**
 * Exact parsing of plain decimal numbers straight from bytes, shared by the CSV reader and the PostgreSQL COPY
 * decoder: most numeric cells of a snapshot are short decimals, and parsing them without making a string is most of
 * a reader's speed.
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Whether the last {@link parseDecimal} that returned a number read an integer (no decimal point). */
export const lastDecimal = { isInteger: false };

/**
 * Parses `bytes[start, end)` as a plain decimal (`[+-]digits[.digits]`) without making a string, or returns NaN when
 * the bytes are not one the fast path can do exactly (exponents, more than 15 significant digits, words, empty):
 * the caller then parses the text. Exact: a mantissa below 10^15 < 2^53 and a power of ten up to 10^22 are both
 * exact doubles, so the one division is correctly rounded and the result equals `Number(text)`. Sets
 * {@link lastDecimal}`.isInteger` when it returns a number.
 *
 * This runs in `O(end - start)`.
 *
 * @param bytes the buffer
 * @param start first byte of the cell
 * @param end byte after the cell
 * @returns the number, or NaN when the fast path does not apply
 * @example
 * parseDecimal(new TextEncoder().encode('-12.50'), 0, 6); // => -12.5
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = bytes[i];
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let sawDigit = false;
  for (; i < end; i++) {
    const c = bytes[i]! - 0x30;
    if (c < 0 || c > 9) break;
    sawDigit = true;
    if (digits > 0 || c !== 0) digits++;
    mantissa = mantissa * 10 + c;
  }
  let integer = true;
  if (i < end && bytes[i] === 0x2e) {
    integer = false;
    i++;
    for (; i < end; i++) {
      const c = bytes[i]! - 0x30;
      if (c < 0 || c > 9) break;
      sawDigit = true;
      if (digits > 0 || c !== 0) digits++;
      mantissa = mantissa * 10 + c;
      fraction++;
    }
  }
  if (i !== end || !sawDigit || digits > 15 || fraction > 22) return Number.NaN;
  lastDecimal.isInteger = integer;
  const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
  return negative ? -value : value;
}
