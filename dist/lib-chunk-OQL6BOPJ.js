import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  countsOf,
  labelCountsOf,
  percentilesOfRuns,
  presentRunsOfCounts,
  runsOfSorted,
  scratchFloat64,
  sortedCopy,
  withDoubles
} from "./lib-chunk-K6LS4N3U.js";
import {
  MISSING_DIGITS,
  isScaled
} from "./lib-chunk-B5PSUBWR.js";

// src/drift/example-value.ts
var MAX_EXAMPLE_LENGTH = 200;
function exampleValue(value) {
  if (value.length <= MAX_EXAMPLE_LENGTH) return value;
  let end = MAX_EXAMPLE_LENGTH;
  const last = value.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end--;
  return `${value.slice(0, end)}\u2026`;
}

// src/drift/column-types.ts
var INTEGER_CARDINALITY_LIMIT = 10;
var SMALL_WHOLE = 1024;
var MASK_WHOLE = 32;
var MASK_BLOCK = 4096;
function bitCount(bits) {
  let x = bits - (bits >>> 1 & 1431655765);
  x = (x & 858993459) + (x >>> 2 & 858993459);
  return Math.imul(x + (x >>> 4) & 252645135, 16843009) >>> 24 & 255;
}
function distinctUpTo(values, limit, missing = Number.NaN) {
  const small = new Uint8Array(SMALL_WHOLE);
  const seen = new Float64Array(limit + 1);
  let mask = 0;
  let others = 0;
  let seenSize = 0;
  let previous = Number.NaN;
  const length = values.length;
  for (let start = 0; start < length; start += MASK_BLOCK) {
    const end = Math.min(length, start + MASK_BLOCK);
    outer: for (let i = start; i < end; i++) {
      const value = values[i];
      const whole = value | 0;
      if (whole === value) {
        if (whole >>> 0 < MASK_WHOLE) {
          mask |= 1 << whole;
          continue;
        }
        if (whole >= 0 && whole < SMALL_WHOLE) {
          others += 1 - small[whole];
          small[whole] = 1;
          if (others > limit) return limit + 1;
          continue;
        }
      }
      if (value === previous || value !== value || value === missing) continue;
      previous = value;
      for (let k = 0; k < seenSize; k++) if (seen[k] === value) continue outer;
      seen[seenSize++] = value;
      if (++others > limit) return limit + 1;
    }
    if (others + bitCount(mask) > limit) return limit + 1;
  }
  return others + bitCount(mask);
}
function inferColumnType(current) {
  const counted = countsOf(current);
  if (counted) return inferCountedType(current.type, counted);
  switch (current.type) {
    case "float":
      return "numerical";
    case "int": {
      const values = current.values;
      const distinct = isScaled(values) ? distinctUpTo(values.digits, INTEGER_CARDINALITY_LIMIT, MISSING_DIGITS) : distinctUpTo(values, INTEGER_CARDINALITY_LIMIT);
      return distinct <= INTEGER_CARDINALITY_LIMIT ? "categorical" : "numerical";
    }
    case "bool":
      return "categorical";
    case "string": {
      const distinct = current.dictionary.length;
      if (distinct > 0.5 * current.codes.length) return "text";
      const enough = 2 * distinct;
      let nonNull = 0;
      const codes = current.codes;
      for (let i = 0; i < codes.length && nonNull < enough; i++) if (codes[i] >= 0) nonNull++;
      return distinct > 0.5 * nonNull ? "text" : "categorical";
    }
    case "datetime":
      return void 0;
  }
}
function inferCountedType(type, counted) {
  switch (type) {
    case "float":
      return "numerical";
    case "int":
      return presentRunsOfCounts(counted).values.length <= INTEGER_CARDINALITY_LIMIT ? "categorical" : "numerical";
    case "bool":
      return "categorical";
    case "string": {
      const { labels, counts } = labelCountsOf(counted);
      let nonNull = 0;
      for (const count of counts) nonNull += count;
      return labels.length > 0.5 * nonNull ? "text" : "categorical";
    }
    case "datetime":
      return void 0;
  }
}

// src/drift/kernels/compensated-sum.ts
function neumaierError(sum, x, t) {
  return Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
}
function compensatedSum(values) {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const t = sum + x;
    compensation += neumaierError(sum, x, t);
    sum = t;
  }
  return sum + compensation;
}
function compensatedSquaredDeviations(values, center) {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const d = center - values[i];
    const x = d * d;
    const t = sum + x;
    compensation += neumaierError(sum, x, t);
    sum = t;
  }
  return sum + compensation;
}
function compensatedWeightedSum(values, weights, count) {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < count; k++) {
    const x = values[k] * weights[k];
    const t = sum + x;
    compensation += neumaierError(sum, x, t);
    sum = t;
  }
  return sum + compensation;
}
function compensatedWeightedSquaredDeviations(values, weights, count, center) {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < count; k++) {
    const d = center - values[k];
    const x = d * d * weights[k];
    const t = sum + x;
    compensation += neumaierError(sum, x, t);
    sum = t;
  }
  return sum + compensation;
}
function compensatedSumOfRepeats(values, counts) {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    for (let c = counts[k]; c > 0; c--) {
      const t = sum + x;
      compensation += neumaierError(sum, x, t);
      sum = t;
    }
  }
  return sum + compensation;
}
function compensatedSquaredDeviationsOfRepeats(values, counts, center) {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < values.length; k++) {
    const d = center - values[k];
    const x = d * d;
    for (let c = counts[k]; c > 0; c--) {
      const t = sum + x;
      compensation += neumaierError(sum, x, t);
      sum = t;
    }
  }
  return sum + compensation;
}

// src/drift/summary.ts
var ALMOST_CONSTANT_SHARE = 0.95;
var TOP_VALUES = 10;
function runMoments(runs, n) {
  const k = runs.values.length;
  const mean = compensatedWeightedSum(runs.values, runs.counts, k) / n;
  const squares = compensatedWeightedSquaredDeviations(runs.values, runs.counts, k, mean);
  return { mean, std: Math.sqrt(squares / (n - 1)) };
}
function presentValues(values, rows, count) {
  if (count === rows) return values.subarray(0, rows);
  const present = scratchFloat64(count, false);
  let k = 0;
  for (let i = 0; i < rows; i++) if (!Number.isNaN(values[i])) present[k++] = values[i];
  return present;
}
function manyValuesMoments(present) {
  const mean = compensatedSum(present) / present.length;
  return {
    mean,
    std: present.length < 2 ? Number.NaN : Math.sqrt(compensatedSquaredDeviations(present, mean) / (present.length - 1))
  };
}
function manyValuesMomentsOfRuns(runs) {
  const n = runs.total;
  const mean = compensatedSumOfRepeats(runs.values, runs.counts) / n;
  return {
    mean,
    std: n < 2 ? Number.NaN : Math.sqrt(compensatedSquaredDeviationsOfRepeats(runs.values, runs.counts, mean) / (n - 1))
  };
}
function finiteOrNull(value) {
  return Number.isFinite(value) ? value : null;
}
function largestCount(counts, k) {
  let largest = 0;
  for (let i = 0; i < k; i++) if (counts[i] > largest) largest = counts[i];
  return largest;
}
function numericTally(column, rows, given, decided) {
  const counted = countsOf(column);
  const presentRuns = counted ? presentRunsOfCounts(counted) : void 0;
  let count = 0;
  if (presentRuns) count = presentRuns.total;
  else if (given !== void 0 && given.total === rows)
    count = rows;
  else for (let i = 0; i < rows; i++) if (!Number.isNaN(column.values[i])) count++;
  let runs;
  let present;
  if (presentRuns) {
    runs = presentRuns;
  } else if (given !== void 0 && given.total === count) {
    runs = given;
  } else {
    present = presentValues(column.values, rows, count);
    runs = runsOfSorted(sortedCopy(present));
  }
  const distinct = runs.values.length;
  const modeCount = runs.largest ?? largestCount(runs.counts, distinct);
  const first = runs.values[0];
  const last = runs.values[distinct - 1];
  const type = column.type === "datetime" ? "datetime" : decided === "numerical" || decided === "categorical" ? decided : decided === "text" ? "categorical" : column.type === "bool" || column.type === "int" && distinct <= INTEGER_CARDINALITY_LIMIT ? "categorical" : "numerical";
  const missing = { count: rows - count, share: rows === 0 ? 0 : (rows - count) / rows };
  if (type === "datetime") {
    const iso = (ms) => ms === void 0 || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
    return {
      summary: {
        column: column.name,
        type,
        count,
        missing,
        distinct,
        min: iso(first),
        max: iso(last)
      },
      modeCount
    };
  }
  if (type === "numerical") {
    const empty = count === 0;
    let computed;
    const moments = () => computed ??= distinct <= count >> 3 && Number.isFinite(first) && Number.isFinite(last) ? runMoments(runs, count) : presentRuns ? manyValuesMomentsOfRuns(presentRuns) : manyValuesMoments(present ??= presentValues(column.values, rows, count));
    const quartiles = empty ? [] : percentilesOfRuns(runs, [25, 50, 75]);
    return {
      summary: {
        column: column.name,
        type,
        count,
        missing,
        distinct,
        min: empty ? null : finiteOrNull(first),
        max: empty ? null : finiteOrNull(last),
        mean: empty ? null : finiteOrNull(moments().mean),
        std: count < 2 ? null : finiteOrNull(moments().std),
        quantiles: {
          "0.25": empty ? null : finiteOrNull(quartiles[0]),
          "0.5": empty ? null : finiteOrNull(quartiles[1]),
          "0.75": empty ? null : finiteOrNull(quartiles[2])
        }
      },
      modeCount
    };
  }
  const counts = [];
  for (let k = 0; k < distinct; k++) {
    const value = runs.values[k];
    counts.push({ value: column.type === "bool" ? value === 1 : value, count: runs.counts[k] });
  }
  return { summary: categoricalSummary(column.name, type, count, missing, counts, rows), modeCount };
}
function categoricalSummary(name, type, count, missing, counts, rows) {
  const top = [...counts].sort((a, b) => b.count - a.count).slice(0, TOP_VALUES).map(({ value, count: c }) => ({
    value: typeof value === "string" ? exampleValue(value) : value,
    count: c,
    share: c / rows
  }));
  return { column: name, type, count, missing, distinct: counts.length, top };
}
function stringTally(column, type, rows, given) {
  const counted = countsOf(column);
  if (counted) {
    const { labels, counts } = labelCountsOf(counted);
    return labelTally(column.name, labels, Float64Array.from(counts), type, rows);
  }
  if (given !== void 0 && given.length === column.dictionary.length && column.codes.length === rows)
    return labelTally(column.name, column.dictionary, given, type, rows);
  const byCode = new Float64Array(column.dictionary.length);
  for (let i = 0; i < rows; i++) {
    const code = column.codes[i];
    if (code >= 0) byCode[code] += 1;
  }
  return labelTally(column.name, column.dictionary, byCode, type, rows);
}
function uniqueLabelsTally(name, smallest, rows) {
  const top = smallest.slice(0, TOP_VALUES).map((value) => ({ value, count: 1 }));
  const summary = categoricalSummary(name, "text", rows, { count: 0, share: 0 }, top, rows);
  return { summary: { ...summary, distinct: rows }, modeCount: rows === 0 ? 0 : 1 };
}
function labelTally(name, dictionary, byCode, type, rows) {
  let count = 0;
  for (let code = 0; code < byCode.length; code++) count += byCode[code];
  const top = [];
  let distinct = 0;
  let modeCount = 0;
  const before = (a, b) => a.count > b.count || a.count === b.count && a.value < b.value;
  for (let code = 0; code < byCode.length; code++) {
    const c = byCode[code];
    if (c === 0) continue;
    distinct++;
    if (c > modeCount) modeCount = c;
    const entry = { value: dictionary[code], count: c };
    if (top.length === TOP_VALUES && !before(entry, top[TOP_VALUES - 1])) continue;
    let at = top.length < TOP_VALUES ? top.length : TOP_VALUES - 1;
    top[at] = entry;
    while (at > 0 && before(top[at], top[at - 1])) {
      [top[at - 1], top[at]] = [top[at], top[at - 1]];
      at--;
    }
  }
  const missing = { count: rows - count, share: rows === 0 ? 0 : (rows - count) / rows };
  const summaryType = type === "text" ? "text" : "categorical";
  const summary = categoricalSummary(name, summaryType, count, missing, top, rows);
  return { summary: { ...summary, distinct }, modeCount };
}
function summarizeColumn(column, rows, runs, type, codeTally) {
  if (column.type !== "string")
    return numericTally(withDoubles(column, 2), rows, runs, type);
  return stringTally(column, type ?? inferColumnType(column) ?? "datetime", rows, codeTally);
}
function summaryColumnType(reference, current) {
  const decidingSide = current ?? reference;
  if (decidingSide === void 0) return "categorical";
  return inferColumnType(decidingSide) ?? "datetime";
}
function computeSummary(table, rowFacts, precomputed, typeOf, order) {
  const rows = table.rows;
  const columnsByType = {
    numerical: 0,
    categorical: 0,
    text: 0,
    datetime: 0
  };
  const byColumn = [];
  let emptyColumns = 0;
  let constantColumns = 0;
  let almostConstantColumns = 0;
  let missingCells = 0;
  const byName = new Map(table.columns.map((column) => [column.name, column]));
  const names = order ?? table.columns.map((column) => column.name);
  for (const name of names) {
    const column = byName.get(name);
    const tally = precomputed?.(name) ?? (column ? summarizeColumn(column, rows, void 0, typeOf?.(name)) : void 0);
    if (tally === void 0) continue;
    const { summary, modeCount } = tally;
    columnsByType[summary.type]++;
    byColumn.push(summary);
    missingCells += summary.missing.count;
    if (summary.count === 0) emptyColumns++;
    if (summary.distinct <= 1) constantColumns++;
    if (rows > 0 && modeCount / rows >= ALMOST_CONSTANT_SHARE) almostConstantColumns++;
  }
  return {
    rows,
    columns: byColumn.length,
    columns_by_type: columnsByType,
    duplicated_rows: rowFacts.duplicatedRows,
    empty_rows: rowFacts.emptyRows,
    empty_columns: emptyColumns,
    constant_columns: constantColumns,
    almost_constant_columns: almostConstantColumns,
    missing_cells: { count: missingCells, share: rows === 0 ? 0 : missingCells / rows },
    by_column: byColumn
  };
}

export {
  INTEGER_CARDINALITY_LIMIT,
  inferColumnType,
  exampleValue,
  TOP_VALUES,
  uniqueLabelsTally,
  summarizeColumn,
  summaryColumnType,
  computeSummary
};
