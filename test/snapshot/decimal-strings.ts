// Decimal strings that are hard to round correctly, for the byte parsers' tests: 17–25 digit mantissas, points
// halfway between two doubles and next to them, exponents at the ends of the double range, subnormals, -0, leading
// and trailing zeros, values next to powers of ten.

/** A deterministic generator of numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const view = new DataView(new ArrayBuffer(8));

/** The exact decimal of the point halfway between `x` (positive, finite) and the next double up. */
function halfwayAbove(x: number): string {
  view.setFloat64(0, x);
  const raw = view.getBigUint64(0);
  const exponent = Number((raw >> 52n) & 0x7ffn);
  const fraction = raw & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  // x = mantissa · 2^power; the midpoint is (2 · mantissa + 1) · 2^(power − 1).
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  const odd = 2n * mantissa + 1n;
  if (power - 1 >= 0) return (odd << BigInt(power - 1)).toString();
  // odd / 2^k = odd · 5^k / 10^k
  const k = 1 - power;
  const digits = (odd * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return `${digits.slice(0, -k)}.${digits.slice(-k)}`;
}

/** `text` (a plain decimal) with its significant digits cut to `keep`, then the last kept digit moved by `nudge`. */
function cut(text: string, keep: number, nudge: number): string | undefined {
  const [whole, fraction = ''] = text.split('.');
  const all = whole! + fraction;
  const first = all.search(/[1-9]/);
  if (first < 0) return undefined;
  const end = Math.min(all.length, first + keep);
  const kept = [...all.slice(0, end)].map(Number);
  let at = kept.length - 1;
  let carry = nudge;
  while (carry !== 0 && at >= 0) {
    const d = kept[at]! + carry;
    carry = d < 0 ? -1 : d > 9 ? 1 : 0;
    kept[at] = (d + 10) % 10;
    at--;
  }
  if (carry !== 0) return undefined;
  const zeros = '0'.repeat(Math.max(0, whole!.length - end));
  const digits = kept.join('') + zeros;
  const point = whole!.length;
  return point >= digits.length ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** `text` (a plain decimal) as `d.ddd…e±x`. */
function exponential(text: string): string {
  const [whole, fraction = ''] = text.split('.');
  const all = whole! + fraction;
  const first = all.search(/[1-9]/);
  if (first < 0) return '0e0';
  const digits = all.slice(first).replace(/0+$/, '') || '0';
  const exponent = whole!.length - first - 1;
  return `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exponent}`;
}

/** A double of any magnitude (normal or subnormal), positive. */
function anyDouble(next: () => number): number {
  view.setUint32(0, Math.floor(next() * 0x7ff00000));
  view.setUint32(4, Math.floor(next() * 2 ** 32));
  return view.getFloat64(0);
}

/** Fixed edge cases. */
export const EDGE_DECIMALS: readonly string[] = [
  '0',
  '-0',
  '-0.0',
  '-0e5',
  '-0.000e-10',
  '0e999999',
  '0.0000000000000000000000000000000000',
  '000123.4500',
  '-00.000000000000000000000123456789012345678',
  '1.2300000000000000000',
  '100000000000000000000',
  '10000000000000000000',
  '1000000000000000000',
  '12345678901234567890',
  '1234567890123456789',
  '123456789012345678901234567890',
  '9007199254740992',
  '9007199254740993',
  '9007199254740993.0000000001',
  '9007199254740994',
  '9007199254740995',
  '18014398509481985',
  '0.30000000000000004',
  '0.1000000000000000055511151231257827',
  '0.1000000000000000055511151231257828',
  '9.999999999999999e22',
  '1e23',
  '9.9999999999999999e22',
  '1e22',
  '1.0000000000000001e23',
  '0.99999999999999999',
  '0.999999999999999944',
  '0.999999999999999945',
  '9999999999999999.5',
  '99999999999999999',
  '4.9e-324',
  '5e-324',
  '2.4703282292062327e-324',
  '2.4703282292062328e-324',
  '2.2250738585072011e-308',
  '2.2250738585072012e-308',
  '2.2250738585072014e-308',
  '1.7976931348623157e308',
  '1.7976931348623158e308',
  '1.7976931348623159e308',
  '1e-250',
  '1e-251',
  '9.999999999999999e-251',
  '1e280',
  '1e281',
  '1e-400',
  '1e400',
  '-1e400',
  '1.5e-5',
  '-1.2345678901234567e-05',
  '0.12345678901234567',
  '1.2345678901234567E+300',
  '.5',
  '-.5',
  '5.',
  '+7',
  '+1.2345678901234567e-5',
];

/**
 * `count` decimal strings: the edge cases above, floats written the shortest way and to 17–20 digits (plain and
 * exponent forms), points halfway between two doubles cut to 16–25 digits and nudged by one, random 17–22 digit
 * mantissas with exponents from the whole double range and near the ends of the parsers' tables.
 */
export function adversarialDecimals(count: number, seed: number): string[] {
  const next = random(seed);
  const out = [...EDGE_DECIMALS];
  while (out.length < count) {
    const r = next();
    const sign = next() < 0.3 ? '-' : '';
    if (r < 0.25) {
      const x = next() < 0.7 ? (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20) : anyDouble(next);
      const forms = [
        String(x),
        x.toPrecision(17),
        x.toExponential(16),
        x.toExponential(18),
        x.toPrecision(20),
      ];
      out.push(forms[Math.floor(next() * forms.length)]!);
    } else if (r < 0.7) {
      const x = next() < 0.5 ? (1 + next()) * 10 ** Math.floor(next() * 60 - 30) : anyDouble(next) || 1;
      const half = halfwayAbove(x);
      const keep = 16 + Math.floor(next() * 10);
      const text = cut(half, keep, Math.floor(next() * 3) - 1);
      if (text === undefined) continue;
      out.push(sign + (next() < 0.5 ? text : exponential(text)));
    } else {
      const digits = 17 + Math.floor(next() * 6);
      let mantissa = String(1 + Math.floor(next() * 9));
      for (let i = 1; i < digits; i++) mantissa += String(Math.floor(next() * 10));
      const point = Math.floor(next() * (digits + 1));
      const plain = `${mantissa.slice(0, point) || '0'}.${mantissa.slice(point)}`;
      const exponent =
        next() < 0.5
          ? Math.floor(next() * 50 - 25)
          : pickOne(
              next,
              [-330, -324, -320, -310, -308, -300, -260, -250, -240, 270, 280, 290, 300, 308, 309],
            ) + Math.floor(next() * 5);
      out.push(`${sign}${plain}${next() < 0.2 && exponent === 0 ? '' : `e${exponent}`}`);
    }
  }
  return out;
}

function pickOne<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}
