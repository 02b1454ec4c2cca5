// The exact decimal byte parser shared by the CSV reader and the PostgreSQL COPY decoder.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastDecimal, parseDecimal } from '../../src/snapshot/decimal.js';

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
  ])('%s is %s, integer %s', (text, value, integer) => {
    expect(parse(text)).toBe(value);
    expect(lastDecimal.isInteger).toBe(integer);
  });

  it.each(['', '-', '.', '1e5', 'NaN', 'inf', '1.2.3', '12a', '1234567890123456', ' 1'])(
    "leaves '%s' to the caller (NaN)",
    (text) => {
      expect(parse(text)).toBeNaN();
    },
  );

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

  it('reads a cell in the middle of a buffer', () => {
    const buffer = bytes('a,3.25,b');
    expect(parseDecimal(buffer, 2, 6)).toBe(3.25);
  });
});
