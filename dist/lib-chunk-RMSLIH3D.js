import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/snapshot/decimal.ts
var POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
var lastDecimal = { value: Number.NaN, isInteger: false };
var MAX_SIXTEENTH = Math.floor((2 ** 53 - 9) / 10) + 1;
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
function readNumber(bytes, start, end) {
  let i = start;
  let negative = false;
  const first = bytes[i];
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let tail = 0;
  let digits = 0;
  let fraction = 0;
  let sawDigit = false;
  for (; i < end; i++) {
    const c = bytes[i] - 48;
    if (c < 0 || c > 9) break;
    sawDigit = true;
    if (digits > 0 || c !== 0) digits++;
    if (digits <= 15) mantissa = mantissa * 10 + c;
    else tail = tail * 10 + c;
  }
  let integer = true;
  if (i < end && bytes[i] === 46) {
    integer = false;
    i++;
    for (; i < end; i++) {
      const c = bytes[i] - 48;
      if (c < 0 || c > 9) break;
      sawDigit = true;
      if (digits > 0 || c !== 0) digits++;
      if (digits <= 15) mantissa = mantissa * 10 + c;
      else tail = tail * 10 + c;
      fraction++;
    }
  }
  lastDecimal.isInteger = integer;
  lastDecimal.value = Number.NaN;
  if (!sawDigit) return i;
  let power = -fraction;
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
  if (digits > 19) return i;
  let value;
  if (digits <= 15) {
    if (power === 0 || mantissa === 0) value = mantissa;
    else if (power < 0 && power >= -22) value = mantissa / POW10[-power];
    else if (power > 0 && power <= 22) value = mantissa * POW10[power];
    else value = scaleExactly(mantissa, 0, power);
  } else if (digits === 16 && mantissa < MAX_SIXTEENTH && power >= -22 && power <= 22) {
    const whole = mantissa * 10 + tail;
    value = power < 0 ? whole / POW10[-power] : whole * POW10[power];
  } else {
    const scale = POW10[digits - 15];
    const p = mantissa * scale;
    const q = productError(mantissa, scale, p) + tail;
    const wHi = p + q;
    value = scaleExactly(wHi, q - (wHi - p), power);
  }
  lastDecimal.value = negative ? -value : value;
  return i;
}
function parseDecimal(bytes, start, end) {
  return readNumber(bytes, start, end) === end ? lastDecimal.value : Number.NaN;
}

export {
  POW10,
  lastDecimal,
  readNumber,
  parseDecimal
};
