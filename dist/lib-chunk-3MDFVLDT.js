import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/snapshot/decimal.ts
var POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
var lastDecimal = { value: Number.NaN, isInteger: false };
var MIN_POWER = -250;
var MAX_POWER = 280;
var powerHi;
var powerLo;
function fillPowers() {
  const hiOf = new Float64Array(MAX_POWER - MIN_POWER + 1);
  const loOf = new Float64Array(MAX_POWER - MIN_POWER + 1);
  const bits = new DataView(new ArrayBuffer(8));
  for (let e = MIN_POWER; e <= MAX_POWER; e++) {
    let hi;
    let lo;
    if (e >= 0) {
      const exact = 10n ** BigInt(e);
      hi = Number(exact);
      lo = Number(exact - BigInt(hi));
    } else {
      hi = Number(`1e${e}`);
      bits.setFloat64(0, hi);
      const raw = bits.getBigUint64(0);
      const mantissa = raw & (1n << 52n) - 1n | 1n << 52n;
      const shift = 1075n - (raw >> 52n & 0x7ffn);
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
function powersOfTen() {
  if (powerHi === void 0) fillPowers();
  return { minPower: MIN_POWER, maxPower: MAX_POWER, hi: powerHi, lo: powerLo };
}
var SPLITTER = 134217729;
function productError(a, b, p) {
  let c = SPLITTER * a;
  const aHi = c - (c - a);
  const aLo = a - aHi;
  c = SPLITTER * b;
  const bHi = c - (c - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}
var MARGIN = 2 ** -96;
function scaleExactly(wHi, wLo, power) {
  if (power < MIN_POWER || power > MAX_POWER) return Number.NaN;
  if (powerHi === void 0) fillPowers();
  const pHi = powerHi[power - MIN_POWER];
  const pLo = powerLo[power - MIN_POWER];
  const h = wHi * pHi;
  const s = productError(wHi, pHi, h) + (wHi * pLo + wLo * pHi);
  const x = h + s;
  const r = s - (x - h);
  const margin = x * MARGIN;
  return x + (r + margin) === x && x + (r - margin) === x ? x : Number.NaN;
}
var HIGH_DIGITS_BOUND = 1e14;
var EXACT_INTEGERS = 2 ** 53;
function decimalValue(high, low, lowDigits, power) {
  const scale = POW10[lowDigits];
  const whole = high * scale + low;
  if (whole < EXACT_INTEGERS) {
    if (power === 0 || whole === 0) return whole;
    if (power < 0 && power >= -22) return whole / POW10[-power];
    if (power > 0 && power <= 22) return whole * POW10[power];
    return scaleExactly(whole, 0, power);
  }
  const p = high * scale;
  const q = productError(high, scale, p) + low;
  const wHi = p + q;
  return scaleExactly(wHi, q - (wHi - p), power);
}
function readNumber(bytes, start, end) {
  let i = start;
  let negative = false;
  const first = bytes[i];
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let point = -1;
  const digitsStart = i;
  for (; i < end; i++) {
    const c = bytes[i] - 48;
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
  if (i < end && (bytes[i] === 101 || bytes[i] === 69)) {
    lastDecimal.isInteger = false;
    i++;
    let negativeExponent = false;
    if (i < end && (bytes[i] === 45 || bytes[i] === 43)) {
      negativeExponent = bytes[i] === 45;
      i++;
    }
    let exponent = 0;
    const exponentStart = i;
    for (; i < end; i++) {
      const c = bytes[i] - 48;
      if (c < 0 || c > 9) break;
      if (exponent < 1e5) exponent = exponent * 10 + c;
    }
    if (i === exponentStart) return i;
    power += negativeExponent ? -exponent : exponent;
  }
  if (lowDigits > 4) return i;
  const value = decimalValue(high, low, lowDigits, power);
  lastDecimal.value = negative ? -value : value;
  return i;
}
function parseDecimal(bytes, start, end) {
  return readNumber(bytes, start, end) === end ? lastDecimal.value : Number.NaN;
}

export {
  POW10,
  lastDecimal,
  powersOfTen,
  decimalValue,
  readNumber,
  parseDecimal
};
