import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/snapshot/table.ts
var MISSING_DIGITS = -2147483648;
function isCounted(snapshot) {
  return "counted" in snapshot;
}
function hasColumn(table, name) {
  return table.columns.some((column) => column.name === name) || (table.unloaded?.includes(name) ?? false);
}
function getColumn(table, name) {
  return table.columns.find((column) => column.name === name);
}
function isScaled(values) {
  return !(values instanceof Float64Array);
}
function cellsOf(values) {
  return values instanceof Float64Array ? values.length : values.digits.length;
}
var MAX_SCALED_DECIMALS = 15;
var POWERS = Array.from({ length: MAX_SCALED_DECIMALS + 1 }, (_, d) => 10 ** d);
function scaleOf(decimals) {
  return POWERS[decimals];
}
function decodeScaled(values, out, range) {
  const digits = values.digits;
  const scale = POWERS[values.decimals];
  let missing = 0;
  let min = 2147483647;
  let max = -2147483647;
  for (let i = 0; i < digits.length; i++) {
    const m = digits[i];
    if (m === MISSING_DIGITS) {
      out[i] = Number.NaN;
      missing++;
    } else {
      out[i] = m / scale;
      if (m < min) min = m;
      if (m > max) max = m;
    }
  }
  if (range !== void 0) {
    range[0] = min;
    range[1] = max;
  }
  return missing;
}
function numbersOf(values, into) {
  if (values instanceof Float64Array) {
    if (!into) return values;
    into.set(values);
    return into;
  }
  const out = into ?? new Float64Array(values.digits.length);
  decodeScaled(values, out);
  return out;
}
function numberAt(values, index) {
  if (values instanceof Float64Array) return values[index];
  const m = values.digits[index];
  return m === MISSING_DIGITS ? Number.NaN : m / POWERS[values.decimals];
}
function countMissing(column) {
  let missing = 0;
  if (column.type === "string") {
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i] < 0) missing++;
  } else if (isScaled(column.values)) {
    const digits = column.values.digits;
    for (let i = 0; i < digits.length; i++) if (digits[i] === MISSING_DIGITS) missing++;
  } else {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
  }
  return missing;
}

export {
  MISSING_DIGITS,
  isCounted,
  hasColumn,
  getColumn,
  isScaled,
  cellsOf,
  MAX_SCALED_DECIMALS,
  scaleOf,
  decodeScaled,
  numbersOf,
  numberAt,
  countMissing
};
