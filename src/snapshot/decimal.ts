/**
 * Exact parsing of decimal numbers straight from bytes, shared by the CSV reader and the PostgreSQL COPY decoder:
 * most cells of a snapshot are numbers, and parsing them without making a string is most of a reader's speed.
 *
 * Two exact paths, then a fallback the caller takes:
 * - digits whose integer is below 2^53 (every number of up to 15 significant digits, most of 16) and a power of ten
 *   up to 10^22 (Clinger's fast path): the mantissa and the power are both exact doubles, so the one multiplication
 *   or division is correctly rounded;
 * - up to 19 significant digits (the 17 of a float64 written the shortest way that round-trips, as pandas and
 *   Python's `repr` write it), powers of ten from 10^-250 to 10^280: the product of the mantissa and the power is
 *   computed in double-double arithmetic (about 100 bits; error below 2^-100 of the value) and rounded to the
 *   nearest double; that rounding is accepted only when the whole error interval rounds to the same double, which
 *   fails only when the exact value lies within 2^-96 of a halfway point between two doubles (about one cell in
 *   2^43, and every exact tie).
 * Anything else (more digits, larger exponents, words, whitespace, an ambiguous rounding) returns NaN and the caller
 * parses the text with `Number()`. Either way the result is the correctly rounded double that `Number(text)`,
 * Python's `float(text)` and C's `strtod` give.
 */

/** 10^0 … 10^22: every one an exact double (Clinger's fast path divides or multiplies by them). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The number the last {@link readNumber} read (NaN when none) and whether it was written as an integer (no decimal
 * point, no exponent); {@link parseDecimal} sets `isInteger` too.
 */
export const lastDecimal = { value: Number.NaN, isInteger: false };

/** Powers of ten covered by the double-double path. */
const MIN_POWER = -250;
const MAX_POWER = 280;

/** 10^e as hi + lo (hi the nearest double, lo the nearest double to the rest), filled on first use. */
let powerHi: Float64Array | undefined;
let powerLo: Float64Array | undefined;

function fillPowers(): void {
  const hiOf = new Float64Array(MAX_POWER - MIN_POWER + 1);
  const loOf = new Float64Array(MAX_POWER - MIN_POWER + 1);
  const bits = new DataView(new ArrayBuffer(8));
  for (let e = MIN_POWER; e <= MAX_POWER; e++) {
    let hi: number;
    let lo: number;
    if (e >= 0) {
      const exact = 10n ** BigInt(e);
      hi = Number(exact);
      lo = Number(exact - BigInt(hi));
    } else {
      // hi = M·2^-K exactly; 10^e − hi = (2^K − M·10^D) / (10^D·2^K) with D = −e.
      hi = Number(`1e${e}`);
      bits.setFloat64(0, hi);
      const raw = bits.getBigUint64(0);
      const mantissa = (raw & ((1n << 52n) - 1n)) | (1n << 52n);
      const shift = 1075n - ((raw >> 52n) & 0x7ffn);
      const ten = 10n ** BigInt(-e);
      const numerator = (1n << shift) - mantissa * ten;
      const denominator = ten << shift;
      const scale = 128 + Math.ceil(-e * Math.log2(10));
      lo = Number((numerator << BigInt(scale)) / denominator) * 2 ** -scale;
    }
    hiOf[e - MIN_POWER] = hi;
    loOf[e - MIN_POWER] = lo;
  }
  powerHi = hiOf;
  powerLo = loOf;
}

/**
 * The powers of ten of the double-double path, 10^e as `hi[e - minPower] + lo[e - minPower]` for `e` from `minPower`
 * to `maxPower` (the compiled scan of numeric records, `numeric-records.c`, takes them into its memory).
 */
export function powersOfTen(): { minPower: number; maxPower: number; hi: Float64Array; lo: Float64Array } {
  if (powerHi === undefined) fillPowers();
  return { minPower: MIN_POWER, maxPower: MAX_POWER, hi: powerHi!, lo: powerLo! };
}

/** 2^27 + 1: Veltkamp's constant for splitting a double into two 26-bit halves. */
const SPLITTER = 134217729;

/** The rounding error of `p = a * b`: a·b − p exactly (Dekker's product, no FMA needed). */
function productError(a: number, b: number, p: number): number {
  let c = SPLITTER * a;
  const aHi = c - (c - a);
  const aLo = a - aHi;
  c = SPLITTER * b;
  const bHi = c - (c - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** 2^-96: the half-width of the interval the double-double result must round within. */
const MARGIN = 2 ** -96;

/**
 * The correctly rounded double of `(wHi + wLo) · 10^power`, or NaN when the double-double estimate is too close to
 * a halfway point (or the power out of range) to be sure.
 */
function scaleExactly(wHi: number, wLo: number, power: number): number {
  if (power < MIN_POWER || power > MAX_POWER) return Number.NaN;
  if (powerHi === undefined) fillPowers();
  const pHi = powerHi![power - MIN_POWER]!;
  const pLo = powerLo![power - MIN_POWER]!;
  const h = wHi * pHi;
  const s = productError(wHi, pHi, h) + (wHi * pLo + wLo * pHi);
  const x = h + s;
  const r = s - (x - h);
  const margin = x * MARGIN;
  // Rounding is monotonic: when both ends of [r − margin, r + margin] added to x round to x, so does the exact value.
  return x + (r + margin) === x && x + (r - margin) === x ? x : Number.NaN;
}

/**
 * Below this, an integer of digits takes one more digit and stays under 10^15 (exact): {@link readNumber} keeps the
 * first 15 significant digits of a number in one integer and the rest in another ({@link decimalValue}'s `high` and
 * `low`).
 */
const HIGH_DIGITS_BOUND = 1e14;

/** 2^53: every integer below it is an exact double. */
const EXACT_INTEGERS = 2 ** 53;

/**
 * The correctly rounded double of `(high · 10^lowDigits + low) · 10^power`: a number's digits as an integer split in
 * two (`high` the integer of the first digits, below 2^53; `low` that of the `lowDigits` digits after them, at most
 * 8; the whole below 10^20), scaled by the power of ten its point and exponent give. NaN when no exact path applies
 * (powers beyond the table, an ambiguous rounding): the caller then parses the text with `Number()`. The sign is the
 * caller's.
 *
 * @param high the integer of the first digits
 * @param low the integer of the last `lowDigits` digits (0 when there are none)
 * @param lowDigits how many digits `low` was read from, 0 to 8
 * @param power the power of ten that scales the digits (the exponent minus the digits after the point)
 * @returns the value, or NaN
 * @example
 * decimalValue(123456789012345, 67, 2, -15); // => 12.345678901234567
 */
export function decimalValue(high: number, low: number, lowDigits: number, power: number): number {
  const scale = POW10[lowDigits]!;
  const whole = high * scale + low;
  // Rounding is monotonic and 2^53 is a double: a computed sum below 2^53 is the exact one.
  if (whole < EXACT_INTEGERS) {
    // Clinger's fast path: an exact integer and an exact power of ten, one correctly rounded operation.
    if (power === 0 || whole === 0) return whole;
    if (power < 0 && power >= -22) return whole / POW10[-power]!;
    if (power > 0 && power <= 22) return whole * POW10[power]!;
    return scaleExactly(whole, 0, power);
  }
  // high · 10^lowDigits + low, exactly as the sum of two doubles (every part below is an integer).
  const p = high * scale;
  const q = productError(high, scale, p) + low;
  const wHi = p + q;
  return scaleExactly(wHi, q - (wHi - p), power);
}

/**
 * Reads the longest prefix of `bytes[start, end)` that can be a decimal number
 * (`[+-]digits[.digits][(e|E)[+-]digits]`) and returns the index where it stopped; the number is left in
 * {@link lastDecimal}: `value` is NaN when the prefix is not a complete number or not one the exact paths can do
 * (more than 19 significant digits, huge exponents), `isInteger` says it had no decimal point and no exponent. A
 * reader scanning a line calls this at a field's first byte: when it stops at the delimiter or the line end with a
 * number, the field is parsed in the same pass that found its end.
 *
 * This runs in `O(returned index - start)`.
 *
 * @param bytes the buffer
 * @param start first byte of the field
 * @param end bound of the readable bytes
 * @returns the index of the first byte not read as part of the number
 */
export function readNumber(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = bytes[i];
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    i++;
  }
  // The first 15 significant digits in `high` (leading zeros add nothing), the rest in `low`.
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let point = -1;
  const digitsStart = i;
  for (; i < end; i++) {
    const c = bytes[i]! - 0x30;
    if (c >= 0 && c <= 9) {
      if (high < HIGH_DIGITS_BOUND) high = high * 10 + c;
      else {
        low = low * 10 + c;
        lowDigits++;
      }
    } else if (c === -2 && point < 0) point = i;
    else break;
  }
  const integer = point < 0;
  lastDecimal.isInteger = integer;
  lastDecimal.value = Number.NaN;
  if (i - digitsStart === (integer ? 0 : 1)) return i;
  let power = integer ? 0 : point + 1 - i;
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    lastDecimal.isInteger = false;
    i++;
    let negativeExponent = false;
    if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
      negativeExponent = bytes[i] === 0x2d;
      i++;
    }
    let exponent = 0;
    const exponentStart = i;
    for (; i < end; i++) {
      const c = bytes[i]! - 0x30;
      if (c < 0 || c > 9) break;
      if (exponent < 100_000) exponent = exponent * 10 + c;
    }
    if (i === exponentStart) return i;
    power += negativeExponent ? -exponent : exponent;
  }
  // More than 19 significant digits: the caller's `Number()`.
  if (lowDigits > 4) return i;
  const value = decimalValue(high, low, lowDigits, power);
  lastDecimal.value = negative ? -value : value;
  return i;
}

/**
 * Parses `bytes[start, end)` as a decimal number (`[+-]digits[.digits][(e|E)[+-]digits]`) without making a string,
 * or returns NaN when the bytes are not one this can do exactly (more than 19 significant digits, huge exponents,
 * words, whitespace, empty): the caller then parses the text with `Number()`. When it returns a number, that number
 * equals `Number(text)` (see the file comment for why). Sets {@link lastDecimal}`.isInteger` when it returns a
 * number.
 *
 * This runs in `O(end - start)`.
 *
 * @param bytes the buffer
 * @param start first byte of the cell
 * @param end byte after the cell
 * @returns the number, or NaN when the exact paths do not apply
 * @example
 * parseDecimal(new TextEncoder().encode('-12.50'), 0, 6); // => -12.5
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  return readNumber(bytes, start, end) === end ? lastDecimal.value : Number.NaN;
}
