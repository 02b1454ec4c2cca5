import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  StatTestSkip,
  getStatTest,
  isDrift,
  jensenShannonDistance,
  wassersteinDistanceNorm
} from "./lib-chunk-YILB7LQL.js";
import {
  exampleValue,
  summarizeColumn
} from "./lib-chunk-OQL6BOPJ.js";
import {
  FINITE_CURRENT,
  FINITE_REFERENCE,
  RUNS_CURRENT,
  RUNS_REFERENCE,
  UNSCORABLE,
  cellCount,
  countsOf,
  currentRuns,
  currentSize,
  decodedFinite,
  expandRuns,
  finiteRunsOfCounts,
  labelCountsOf,
  mergedAllIntegers,
  mergedDistinctCount,
  mergedDistribution,
  mergedExtremes,
  mergedHistogram,
  referenceRuns,
  referenceSize,
  scratchFloat64,
  withColumnScratch,
  withDoubles
} from "./lib-chunk-K6LS4N3U.js";
import {
  getColumn,
  numbersOf
} from "./lib-chunk-B5PSUBWR.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/drift/default-stattest.ts
var SMALL_REFERENCE_MAX_ROWS = 1e3;
var SMALL_UNIQUE_MAX = 5;
function defaultStatTest(columnType, referenceSize2, uniqueValues) {
  if (referenceSize2 <= SMALL_REFERENCE_MAX_ROWS) {
    if (uniqueValues <= 2) return "z";
    if (columnType === "categorical") return "chisquare";
    return uniqueValues <= SMALL_UNIQUE_MAX ? "chisquare" : "ks";
  }
  if (columnType === "categorical") return "jensenshannon";
  return uniqueValues <= SMALL_UNIQUE_MAX ? "jensenshannon" : "wasserstein";
}

// src/drift/distribution.ts
var MIN_HISTOGRAM_BINS = 10;
var MAX_HISTOGRAM_BINS = 30;
var TOP_CATEGORIES = 10;
function computeDistribution(pair) {
  return pair.columnType === "numerical" ? histogram(pair) : categories(pair);
}
function scan(merged) {
  return { ...mergedExtremes(merged), allIntegers: mergedAllIntegers(merged) };
}
function cleanEdge(value) {
  return Number(value.toPrecision(12));
}
function histogramEdges(minimum, maximum, allIntegers, size) {
  if (!Number.isFinite(minimum) || !Number.isFinite(maximum)) return [];
  if (allIntegers && maximum - minimum + 1 <= MAX_HISTOGRAM_BINS) {
    const edges = [];
    for (let value = minimum; value <= maximum + 1; value++) edges.push(value - 0.5);
    return edges;
  }
  if (minimum === maximum) return [cleanEdge(minimum - 0.5), cleanEdge(minimum + 0.5)];
  const sturges = Math.ceil(Math.log2(Math.max(size, 1))) + 1;
  const target = Math.min(MAX_HISTOGRAM_BINS, Math.max(MIN_HISTOGRAM_BINS, sturges));
  const rawWidth = (maximum - minimum) / target;
  const magnitude = 10 ** Math.floor(Math.log10(rawWidth));
  if (!(magnitude > 0) || !Number.isFinite(magnitude)) return [minimum, maximum];
  let best;
  for (const scale of [magnitude / 10, magnitude, magnitude * 10]) {
    for (const multiple of [1, 2, 2.5, 5]) {
      const width2 = multiple * scale;
      if (allIntegers && (width2 < 1 || !Number.isInteger(width2))) continue;
      const first = Math.floor(minimum / width2);
      const last = allIntegers ? Math.floor(maximum / width2) + 1 : Math.max(Math.ceil(maximum / width2), first + 1);
      const count = last - first;
      if (count > MAX_HISTOGRAM_BINS || count < 1) continue;
      if (best === void 0 || Math.abs(count - target) < Math.abs(best.count - target)) {
        best = { width: width2, first, count };
      }
    }
  }
  if (best !== void 0) {
    const edges = [];
    for (let i = 0; i <= best.count; i++) edges.push(cleanEdge((best.first + i) * best.width));
    if (isValidCover(edges, minimum, maximum)) return edges;
  }
  const width = (maximum - minimum) / target;
  const plain = Array.from({ length: target + 1 }, (_, i) => i === target ? maximum : minimum + i * width);
  return isValidCover(plain, minimum, maximum) ? plain : [minimum, maximum];
}
function isValidCover(edges, minimum, maximum) {
  for (let i = 1; i < edges.length; i++) if (!(edges[i] > edges[i - 1])) return false;
  return edges.length > 1 && edges[0] <= minimum && edges[edges.length - 1] >= maximum;
}
function histogram(pair) {
  const merged = mergedDistribution(pair);
  const { minimum, maximum, allIntegers } = scan(merged);
  const edges = histogramEdges(minimum, maximum, allIntegers, merged.referenceSize + merged.currentSize);
  return {
    kind: "histogram",
    bin_edges: edges,
    // np.histogram semantics, as countIntoBins gives for these strictly increasing edges.
    reference_counts: Array.from(mergedHistogram(merged, "reference", edges)),
    current_counts: Array.from(mergedHistogram(merged, "current", edges))
  };
}
function categories(pair) {
  const merged = mergedDistribution(pair);
  const referenceSize2 = Math.max(merged.referenceSize, 1);
  const currentSize2 = Math.max(merged.currentSize, 1);
  const count = (counts, k) => counts[k] > 0 ? counts[k] : 0;
  const share = new Float64Array(merged.values.length);
  const occurring = [];
  for (let k = 0; k < merged.values.length; k++) {
    if (!(merged.referenceCounts[k] > 0 || merged.currentCounts[k] > 0)) continue;
    occurring.push(k);
    share[k] = count(merged.referenceCounts, k) / referenceSize2 + count(merged.currentCounts, k) / currentSize2;
  }
  const value = (k) => merged.values[k];
  const ranked = occurring.sort((a, b) => share[b] - share[a] || value(a) - value(b));
  const top = ranked.slice(0, TOP_CATEGORIES);
  if (!pair.labels) top.sort((a, b) => value(a) - value(b));
  const label = (k) => pair.labels ? exampleValue(pair.labels[value(k)] ?? String(value(k))) : String(value(k));
  const reference_counts = top.map((k) => count(merged.referenceCounts, k));
  const current_counts = top.map((k) => count(merged.currentCounts, k));
  const sum = (counts) => counts.reduce((total, count2) => total + count2, 0);
  return {
    kind: "categories",
    categories: top.map(label),
    reference_counts,
    current_counts,
    reference_other: merged.referenceSize - sum(reference_counts),
    current_other: merged.currentSize - sum(current_counts)
  };
}

// src/drift/effect.ts
function columnEffect(pair) {
  const jensenshannon = jensenShannonDistance(pair);
  return pair.columnType === "numerical" ? { wasserstein_normed: wassersteinDistanceNorm(pair), jensenshannon } : { jensenshannon };
}

// src/drift/options.ts
var DEFAULT_DRIFT_SHARE = 0.5;
var DEFAULT_RETRAIN_THRESHOLD = 0.3;
var DEFAULT_NAMES = {
  stattest: "stattest",
  threshold: "threshold",
  numerical: "numerical",
  categorical: "categorical",
  columns: "columns",
  exclude: "exclude",
  idColumn: "id-column",
  timestampColumn: "timestamp-column",
  target: "target",
  allowEmpty: "allow-empty"
};
function settingName(options, setting) {
  return options.names?.[setting] ?? DEFAULT_NAMES[setting];
}
function resolveOverride(overrides, column, columnType) {
  return overrides?.byColumn?.[column] ?? overrides?.byType?.[columnType] ?? overrides?.all;
}

// src/drift/prepare.ts
function compareCodePoints(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 55296 && x <= 57343;
    const ys = y >= 55296 && y <= 57343;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
var SURROGATE = /[\uD800-\uDFFF]/;
function sortLabels(labels) {
  return labels.some((label) => SURROGATE.test(label)) ? labels.sort(compareCodePoints) : labels.sort();
}
function doublesOf(column) {
  if (column.type === "string") throw new Error(`column '${column.name}': strings have no doubles`);
  return numbersOf(column.values);
}
function finiteCount(values) {
  let kept = 0;
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] === 0) kept++;
  return kept;
}
function finiteCopy(values, kept) {
  const out = scratchFloat64(kept, false);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value === 0) out[k++] = value;
  }
  return out;
}
function codeCounts(codes, labels) {
  const byCode = new Float64Array(labels);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code >= 0) byCode[code]++;
  }
  return byCode;
}
var CODE_COUNTS_REFERENCE = "prepare:code-counts-reference";
var CODE_COUNTS_CURRENT = "prepare:code-counts-current";
function encodeCodes(codes, remap) {
  let present = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) present++;
  const out = new Float64Array(present);
  let kept = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code >= 0) out[kept++] = remap[code];
  }
  return out;
}
function codeRuns(byCode, remap, labels) {
  let total = 0;
  for (let code = 0; code < byCode.length; code++) total += byCode[code];
  const byRank = new Float64Array(labels);
  for (let code = 0; code < byCode.length; code++) byRank[remap[code]] += byCode[code];
  let runs = 0;
  for (let r = 0; r < labels; r++) if (byRank[r] > 0) runs++;
  const values = new Float64Array(runs);
  const counts = new Float64Array(runs);
  for (let r = 0, k = 0; r < labels; r++) {
    if (byRank[r] === 0) continue;
    values[k] = r;
    counts[k++] = byRank[r];
  }
  return { values, counts, total };
}
function prepareColumnPair(column, columnType, reference, current) {
  const referenceCounts = countsOf(reference);
  const currentCounts = countsOf(current);
  if (referenceCounts && currentCounts)
    return prepareCountedPair(column, columnType, referenceCounts, currentCounts);
  if (reference.type === "string" && current.type === "string") {
    const labels = sortLabels([.../* @__PURE__ */ new Set([...reference.dictionary, ...current.dictionary])]);
    const rank = new Map(labels.map((label, index) => [label, index]));
    const remap = (dictionary) => Int32Array.from(dictionary, (label) => rank.get(label));
    const referenceRemap = remap(reference.dictionary);
    const currentRemap = remap(current.dictionary);
    let referenceValues2;
    let currentValues2;
    const referenceByCode = codeCounts(reference.codes, reference.dictionary.length);
    const currentByCode = codeCounts(current.codes, current.dictionary.length);
    return {
      column,
      columnType,
      labels,
      cache: /* @__PURE__ */ new Map([
        [RUNS_REFERENCE, codeRuns(referenceByCode, referenceRemap, labels.length)],
        [RUNS_CURRENT, codeRuns(currentByCode, currentRemap, labels.length)],
        [CODE_COUNTS_REFERENCE, referenceByCode],
        [CODE_COUNTS_CURRENT, currentByCode]
      ]),
      get reference() {
        return referenceValues2 ??= encodeCodes(reference.codes, referenceRemap);
      },
      get current() {
        return currentValues2 ??= encodeCodes(current.codes, currentRemap);
      }
    };
  }
  if (reference.type === "string" || current.type === "string")
    throw new Error(`prepareColumnPair: column '${column}' mixes strings and numbers`);
  const referenceDoubles = withDoubles(reference, 0);
  const currentDoubles = withDoubles(current, 1);
  const referenceCells = doublesOf(referenceDoubles);
  const currentCells = doublesOf(currentDoubles);
  const cache = /* @__PURE__ */ new Map();
  const referenceKept = decodedFinite(referenceDoubles) ?? finiteCount(referenceCells);
  const currentKept = decodedFinite(currentDoubles) ?? finiteCount(currentCells);
  if (referenceKept > 0 && currentKept > 0) cache.set(UNSCORABLE, null);
  if (referenceKept === referenceCells.length && currentKept === currentCells.length)
    return { column, columnType, reference: referenceCells, current: currentCells, cache };
  let referenceValues = referenceKept === referenceCells.length ? referenceCells : void 0;
  let currentValues = currentKept === currentCells.length ? currentCells : void 0;
  if (!referenceValues)
    cache.set(FINITE_REFERENCE, { values: referenceCells, finite: referenceKept });
  if (!currentValues)
    cache.set(FINITE_CURRENT, { values: currentCells, finite: currentKept });
  return {
    column,
    columnType,
    cache,
    get reference() {
      return referenceValues ??= finiteCopy(referenceCells, referenceKept);
    },
    get current() {
      return currentValues ??= finiteCopy(currentCells, currentKept);
    }
  };
}
function rankRuns(counted, rank) {
  const { labels, counts } = labelCountsOf(counted);
  const order = labels.map((_, k) => k).sort((a, b) => rank.get(labels[a]) - rank.get(labels[b]));
  const values = new Float64Array(order.length);
  const runCounts = new Float64Array(order.length);
  let runs = 0;
  let total = 0;
  for (const k of order) {
    const value = rank.get(labels[k]);
    total += counts[k];
    if (runs > 0 && values[runs - 1] === value) runCounts[runs - 1] += counts[k];
    else {
      values[runs] = value;
      runCounts[runs++] = counts[k];
    }
  }
  return { values: values.slice(0, runs), counts: runCounts.slice(0, runs), total };
}
function prepareCountedPair(column, columnType, reference, current) {
  let referenceRuns2;
  let currentRuns2;
  let labels;
  if (reference.storage === "string" && current.storage === "string") {
    labels = sortLabels([.../* @__PURE__ */ new Set([...labelCountsOf(reference).labels, ...labelCountsOf(current).labels])]);
    const rank = new Map(labels.map((label, index) => [label, index]));
    referenceRuns2 = rankRuns(reference, rank);
    currentRuns2 = rankRuns(current, rank);
  } else if (reference.storage === "string" || current.storage === "string") {
    throw new Error(`prepareColumnPair: column '${column}' mixes strings and numbers`);
  } else {
    referenceRuns2 = finiteRunsOfCounts(reference);
    currentRuns2 = finiteRunsOfCounts(current);
  }
  const cache = /* @__PURE__ */ new Map([
    [RUNS_REFERENCE, referenceRuns2],
    [RUNS_CURRENT, currentRuns2]
  ]);
  let referenceValues;
  let currentValues;
  return {
    column,
    columnType,
    ...labels ? { labels } : {},
    cache,
    fromCounts: true,
    get reference() {
      return referenceValues ??= expandRuns(referenceRuns2);
    },
    get current() {
      return currentValues ??= expandRuns(currentRuns2);
    }
  };
}

// src/drift/score-column.ts
function skippedResult(name, columnType, reason, sizes, test, threshold) {
  return {
    column: name,
    column_type: columnType,
    stattest: test?.id ?? null,
    stattest_name: test?.displayName ?? null,
    threshold: threshold ?? null,
    drift_score: null,
    drift_detected: false,
    skipped: reason,
    reference_size: sizes[0],
    current_size: sizes[1]
  };
}
var UNIQUE_REASON = "unique in every row (an id?): pass --id-column";
var UNIQUE_WARNING_MIN_ROWS = 100;
var DISTANCES_AT_MOST_ONE = ["hellinger", "jensenshannon"];
function maxThreshold(test) {
  return test.scoreKind === "p_value" || DISTANCES_AT_MOST_ONE.includes(test.id) ? 1 : Infinity;
}
function chooseStatTest(pair, options) {
  const requested = resolveOverride(options.stattest, pair.column, pair.columnType);
  if (requested !== void 0) {
    const test = getStatTest(requested);
    if (!test.allowedTypes.includes(pair.columnType))
      throw new UserError(
        "STATTEST_TYPE",
        `${settingName(options, "stattest")}: '${requested}' cannot be applied to ${pair.columnType} column '${pair.column}' (it accepts ${test.allowedTypes.join(", ")} columns)`
      );
    return test;
  }
  const uniqueValues = mergedDistinctCount(mergedDistribution(pair), SMALL_UNIQUE_MAX);
  return getStatTest(
    defaultStatTest(
      pair.columnType === "text" ? "categorical" : pair.columnType,
      referenceSize(pair),
      uniqueValues
    )
  );
}
function driftOfColumn({ name, type: columnType, uniqueInEveryRow }, ref, cur, options) {
  if (columnType === "text") {
    const result2 = skippedResult(
      name,
      columnType,
      uniqueInEveryRow ? UNIQUE_REASON : "text column: more than half of its values are distinct; Evidently scores text with an sklearn domain classifier that driftwatch does not reproduce (force it categorical to test it as categories)",
      [cellCount(ref), cellCount(cur)]
    );
    return { result: result2 };
  }
  const pair = prepareColumnPair(name, columnType, ref, cur);
  const sizes = [referenceSize(pair), currentSize(pair)];
  if (sizes[0] === 0 || sizes[1] === 0) {
    const side = sizes[0] === 0 ? "reference" : "current";
    const result2 = skippedResult(
      name,
      columnType,
      `empty column: no values left in the ${side} snapshot after removing missing and infinite values`,
      sizes
    );
    return { result: result2 };
  }
  const test = chooseStatTest(pair, options);
  const threshold = resolveOverride(options.threshold, name, columnType) ?? test.defaultThreshold;
  const maximum = maxThreshold(test);
  if (!(threshold > 0 && threshold <= maximum))
    throw new UserError(
      "THRESHOLD_RANGE",
      `${settingName(options, "threshold")}: ${threshold} for column '${name}' is out of the range of '${test.id}' (${test.scoreKind === "p_value" ? "a p-value" : "a distance"}): must be ${maximum === Infinity ? "above 0" : `between 0 and ${maximum}`}`
    );
  let result;
  try {
    const outcome = test.compute(pair, { threshold, bins: options.bins, seed: options.seed ?? 0 });
    result = {
      column: name,
      column_type: columnType,
      stattest: test.id,
      stattest_name: test.displayName,
      threshold,
      drift_score: outcome.score,
      drift_detected: isDrift(test.comparison, outcome.score, threshold),
      skipped: null,
      reference_size: sizes[0],
      current_size: sizes[1]
    };
    if (outcome.statistic !== void 0) result.statistic = outcome.statistic;
    if (outcome.method !== void 0) result.method = outcome.method;
    if (outcome.warnings && outcome.warnings.length > 0) result.warnings = [...outcome.warnings];
    result.effect = columnEffect(pair);
  } catch (error) {
    if (!(error instanceof StatTestSkip)) throw error;
    result = skippedResult(name, columnType, `${test.id}: ${error.message}`, sizes, test, threshold);
  }
  result.distribution = computeDistribution(pair);
  return { result, pair };
}
function scoreColumn(column, tables, options) {
  return withColumnScratch(() => scoreOneColumn(column, tables, options));
}
function scoreOneColumn(column, tables, options) {
  const ref = withDoubles(getColumn(tables.reference, column.name), 0);
  const cur = withDoubles(getColumn(tables.current, column.name), 1);
  const { result, pair } = driftOfColumn(column, ref, cur, options);
  if (!pair) return { result };
  const referenceTally = summarizeColumn(
    ref,
    tables.reference.rows,
    ref.type !== "string" ? referenceRuns(pair) : void 0,
    result.column_type,
    pair.cache.get(CODE_COUNTS_REFERENCE)
  );
  const currentTally = summarizeColumn(
    cur,
    tables.current.rows,
    cur.type !== "string" ? currentRuns(pair) : void 0,
    result.column_type,
    pair.cache.get(CODE_COUNTS_CURRENT)
  );
  const uniqueIn = (tally, rows) => rows >= UNIQUE_WARNING_MIN_ROWS && tally.summary.count === rows && tally.summary.distinct === rows;
  if (ref.type === "int" && cur.type === "int" && uniqueIn(referenceTally, tables.reference.rows) && uniqueIn(currentTally, tables.current.rows))
    result.warnings = [...result.warnings ?? [], UNIQUE_REASON];
  return { result, referenceTally, currentTally };
}

export {
  DEFAULT_DRIFT_SHARE,
  DEFAULT_RETRAIN_THRESHOLD,
  settingName,
  resolveOverride,
  defaultStatTest,
  histogramEdges,
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  maxThreshold,
  scoreColumn
};
