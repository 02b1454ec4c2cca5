// The exact decimal byte parser shared by the CSV reader and the PostgreSQL COPY decoder.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalValue, lastDecimal, parseDecimal, readNumber } from '../../src/snapshot/decimal.js';
import { adversarialDecimals } from './decimal-strings.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseDecimal(bytes(text), 0, text.length);

describe('parseDecimal', () => {
  it.each([
    ['0.1', 0.1, false],
    ['-12.345', -12.345, false],
    ['+7', 7, true],
    ['007', 7, true],
    ['-0', -0, true],
    ['1.', 1, false],
    ['.5', 0.5, false],
    ['123456789012345', 123456789012345, true],
    ['0.000000000000000000001', 1e-21, false],
    ['1e5', 1e5, false],
    ['-2.5E-3', -0.0025, false],
    ['1234567890123456', 1234567890123456, true],
    ['0.30000000000000004', 0.30000000000000004, false],
    ['5.3104994236491615e-8', 5.3104994236491615e-8, false],
    ['-893667.5345333494', -893667.5345333494, false],
    ['1234567890123456789', 1234567890123456800, true],
    ['1e-250', 1e-250, false],
  ])('%s is %s, integer %s', (text, value, integer) => {
    expect(parse(text)).toBe(value);
    expect(lastDecimal.isInteger).toBe(integer);
  });

  it.each([
    '',
    '-',
    '.',
    '1e',
    '1e+',
    'NaN',
    'inf',
    '1.2.3',
    '12a',
    ' 1',
    // Exact ties between two doubles, more than 19 significant digits, exponents beyond the table: Number() decides.
    '9007199254740993',
    '12345678901234567890',
    '2.2250738585072014e-308',
    '1e300',
  ])("leaves '%s' to the caller (NaN)", (text) => {
    expect(parse(text)).toBeNaN();
  });

  it('equals Number(text) on every decimal it accepts (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,15}$/),
        fc.stringMatching(/^[0-9]{0,7}$/),
        (negative, whole, fraction) => {
          const text = `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
          const value = parse(text);
          if (!Number.isNaN(value)) expect(value).toBe(Number(text));
        },
      ),
    );
  });

  it('equals Number(text) on floats written the shortest round-trip way, to 17 digits and in exponent form (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const text of [String(x), x.toPrecision(17), x.toExponential(15), x.toPrecision(16)]) {
          const value = parse(text);
          if (!Number.isNaN(value)) expect(value).toBe(Number(text));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('equals Number(text) on 16 digits on both sides of 2^53, with fractions and exponents', () => {
    // 2^53 = 9007199254740992: 16-digit integers up to 9007199254740989 take the fast path (always a number); larger
    // ones the double-double path, which gives NaN (the caller's Number()) only for a rounding it cannot settle.
    const fast = ['9007199254740989', '1000000000000001', '1234567890123456'];
    const exact = ['9007199254740991', '9007199254740993', '9007199254740999', '9999999999999999'];
    for (const digits of [...fast, ...exact]) {
      const texts = [
        digits,
        `0.${digits}`,
        `${digits.slice(0, 8)}.${digits.slice(8)}`,
        `-${digits}e-22`,
        `${digits}e22`,
      ];
      for (const text of [...texts, `${digits}e-23`, `${digits}e23`]) {
        const value = parse(text);
        if (fast.includes(digits) && texts.includes(text)) expect(value, text).toBe(Number(text));
        else if (!Number.isNaN(value)) expect(value, text).toBe(Number(text));
      }
    }
  });

  it('equals Number(text) next to halfway points between two doubles (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-200, max: 1e200, noNaN: true }),
        fc.integer({ min: -3, max: 3 }),
        (x, nudge) => {
          // The midpoint of x and the next double up, written to 19 digits with the last digit nudged.
          const next = x + x * 2 ** -52;
          const digits = ((x + next) / 2).toPrecision(19);
          const [mantissa, exponent] = digits.split('e');
          const last = Number(mantissa!.at(-1)) + nudge;
          if (last < 0 || last > 9) return;
          const text = `${mantissa!.slice(0, -1)}${last}${exponent === undefined ? '' : `e${exponent}`}`;
          const value = parse(text);
          if (!Number.isNaN(value)) expect(value).toBe(Number(text));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('equals Number(text) on hard decimals: halfway points, 17-25 digits, extreme exponents, subnormals, -0', () => {
    const texts = adversarialDecimals(60_000, 11);
    let numbers = 0;
    for (const text of texts) {
      for (const [cell, end] of [
        [text, text.length],
        [`${text},7`, text.length],
        [`${text}\n`, text.length],
      ] as const) {
        const buffer = bytes(cell);
        const stop = readNumber(buffer, 0, buffer.length);
        const value = lastDecimal.value;
        if (Number.isNaN(value)) continue;
        numbers++;
        expect(stop, cell).toBe(end);
        expect(Object.is(value, Number(text)), text).toBe(true);
      }
    }
    // Most of them take an exact path (the others, over 19 digits or ambiguous, are the caller's Number()).
    expect(numbers).toBeGreaterThan(texts.length);
  });

  it('takes an exact path for every 17-digit float written as pandas writes it', () => {
    const next = (() => {
      let state = 3;
      return () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 2 ** 32;
      };
    })();
    for (let n = 0; n < 20_000; n++) {
      const x = (next() - 0.5) * 10 ** Math.floor(next() * 16 - 8);
      for (const text of [x.toPrecision(17), x.toExponential(16), String(x)]) {
        const value = parse(text);
        if (Number.isNaN(value) && Math.abs(Number(text)) > 1e-300) {
          // Only a rounding within 2^-96 of a halfway point is left to Number(); none of these is one.
          expect.fail(`${text} left to Number()`);
        }
        expect(Object.is(value, Number(text)), text).toBe(true);
      }
    }
  });

  it('decimalValue scales the digits split at the fifteenth', () => {
    expect(decimalValue(123456789012345, 67, 2, -15)).toBe(12.345678901234567);
    expect(decimalValue(900719925474099, 2, 1, 0)).toBe(9007199254740992);
    // 9007199254740993: an exact tie between two doubles, the caller's Number() settles it.
    expect(decimalValue(900719925474099, 3, 1, 0)).toBeNaN();
    expect(decimalValue(123456789012345, 6789, 4, -19)).toBe(Number('0.1234567890123456789'));
    expect(decimalValue(123456789012345, 67890, 5, 0)).toBe(Number('12345678901234567890'));
    expect(decimalValue(70079388843719, 69, 2, -16)).toBe(0.7007938884371969);
    expect(decimalValue(123456789012345, 67, 2, -23)).toBe(Number('1.2345678901234567e-7'));
    expect(decimalValue(0, 0, 0, 400)).toBe(0);
    expect(decimalValue(5, 0, 0, -324)).toBeNaN();
  });

  it('takes the fast path for the shortest round-trip form of ordinary floats', () => {
    for (const x of [0.1, 1 / 3, Math.PI * 1e-8, -Math.SQRT2 * 1e6, 123.456])
      expect(parse(String(x))).toBe(x);
  });

  it('reads a number prefix and says where it stopped', () => {
    const buffer = bytes('-1.25e2,x');
    expect(readNumber(buffer, 0, buffer.length)).toBe(7);
    expect(lastDecimal.value).toBe(-125);
    expect(readNumber(buffer, 8, buffer.length)).toBe(8);
    expect(lastDecimal.value).toBeNaN();
  });

  it('reads a cell in the middle of a buffer', () => {
    const buffer = bytes('a,3.25,b');
    expect(parseDecimal(buffer, 2, 6)).toBe(3.25);
  });
});
