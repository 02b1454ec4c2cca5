import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  REDACTED,
  urlPassword
} from "./lib-chunk-XLAAAM6J.js";
import {
  formatChange,
  formatMetric,
  measureClassification,
  modelSectionMarkdown,
  readProbabilityColumn,
  readTarget,
  scoreTable,
  unpairedAucDrop
} from "./lib-chunk-2KPYPDV6.js";
import {
  readModelFile
} from "./lib-chunk-BF6ZWWRF.js";
import {
  driftScoreCharts,
  mermaidLabel,
  mermaidNumber
} from "./lib-chunk-CTFPGZCV.js";
import {
  SCHEMA_VERSION,
  driftState,
  escapeXml,
  formatCount,
  formatPercent,
  formatScore,
  formatTick,
  isPValueTest,
  orderColumns,
  truncateLabel
} from "./lib-chunk-QPUCOD3P.js";
import {
  DATABASE_FLAGS,
  DATABASE_FLAGS_USAGE,
  DATABASE_FLAG_OPTIONS,
  hasDatabaseSettings,
  parseDatabaseSources,
  resolveDatabaseUrl
} from "./lib-chunk-Z4AMWMD4.js";
import {
  THREADS,
  WORKER_OPTIONS,
  takePrestartedWorkers,
  wantsThreads,
  workerUrl
} from "./lib-chunk-H5U6DWZU.js";
import {
  DEFAULT_DRIFT_SHARE,
  DEFAULT_RETRAIN_THRESHOLD,
  UNIQUE_REASON,
  UNIQUE_WARNING_MIN_ROWS,
  defaultStatTest,
  histogramEdges,
  maxThreshold,
  resolveOverride,
  scoreColumn,
  settingName
} from "./lib-chunk-R7OSXZ3E.js";
import {
  STATTEST_IDS,
  StatTestSkip,
  getStatTest,
  isDrift,
  jensenShannonFromCounts,
  klDivFromCounts,
  ksPValue,
  normalSf,
  normedWasserstein,
  psiFromCounts
} from "./lib-chunk-YILB7LQL.js";
import {
  INTEGER_CARDINALITY_LIMIT,
  computeSummary,
  inferColumnType,
  summaryColumnType
} from "./lib-chunk-OQL6BOPJ.js";
import {
  asTable,
  countsOf,
  equalWidthEdges,
  labelCountsOf,
  missingCount,
  sturgesBinCount,
  useScaledDecoders,
  useScaledPooler,
  useScaledSorter,
  usesHistogramBinning
} from "./lib-chunk-K6LS4N3U.js";
import {
  parseTableName
} from "./lib-chunk-RMK2IS6S.js";
import {
  defaultLabel,
  describeSource,
  parseNumberSetting,
  parseSnapshotSource,
  readFileSources,
  splitList
} from "./lib-chunk-IPFD7OHJ.js";
import "./lib-chunk-ZFKH7BIN.js";
import {
  parseFlags
} from "./lib-chunk-RCRKTVFD.js";
import {
  ColumnSorter,
  INPUT_FORMATS,
  RowLimitExceeded,
  ScaledDecoder,
  canonicalHigh,
  canonicalLow,
  columnFilterFunction,
  formatFromPath,
  isGzipPath,
  readInThisThread,
  readSnapshot,
  rowFactsOf
} from "./lib-chunk-RTQKJJQO.js";
import {
  fileNamePart,
  fileReadError,
  fileWriteError,
  openForReading,
  processAlive,
  registerScratchFile,
  removeScratchFile,
  writeFileAtomic,
  writeFileSetAtomic
} from "./lib-chunk-4C3UKEYM.js";
import {
  snapshotSettingsOf
} from "./lib-chunk-PN6SSXAQ.js";
import "./lib-chunk-3MDFVLDT.js";
import {
  useDoubleSorter
} from "./lib-chunk-XVY6L3DS.js";
import {
  fmix32,
  heldLabelsArray
} from "./lib-chunk-R6DACXVA.js";
import {
  MISSING_DIGITS,
  getColumn,
  hasColumn,
  isCounted,
  isScaled,
  numbersOf,
  scaleOf
} from "./lib-chunk-B5PSUBWR.js";
import {
  ExitCode,
  UserError,
  assertNever
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/drift/correction.ts
var CORRECTION_METHODS = ["bonferroni", "holm", "fdr_bh"];
function adjustPValues(pValues, method) {
  const adjusted = pValues.map(() => Number.NaN);
  const order = pValues.map((p, index) => ({ p, index })).filter(({ p }) => !Number.isNaN(p)).sort((a, b) => a.p - b.p || a.index - b.index);
  const m = order.length;
  switch (method) {
    case "bonferroni":
      for (const { p, index } of order) adjusted[index] = Math.min(p * m, 1);
      break;
    case "holm": {
      let running = 0;
      order.forEach(({ p, index }, i) => {
        running = Math.max(running, Math.min((m - i) * p, 1));
        adjusted[index] = running;
      });
      break;
    }
    case "fdr_bh": {
      let running = 1;
      for (let i = m - 1; i >= 0; i--) {
        const { p, index } = order[i];
        running = Math.min(running, Math.min(m * p / (i + 1), 1));
        adjusted[index] = running;
      }
      break;
    }
  }
  return adjusted;
}
function applyCorrection(columns, method) {
  const family = columns.filter(
    (column) => column.skipped === null && column.stattest !== null && column.drift_score !== null && getStatTest(column.stattest).scoreKind === "p_value"
  );
  const adjusted = adjustPValues(
    family.map((column) => column.drift_score),
    method
  );
  family.forEach((column, i) => {
    const test = getStatTest(column.stattest);
    column.drift_score_adjusted = adjusted[i];
    column.correction = method;
    column.drift_detected = isDrift(test.comparison, adjusted[i], column.threshold ?? test.defaultThreshold);
  });
  return family.length;
}

// src/job/compare-job.ts
import { isAbsolute, join as join2, resolve as resolve3 } from "node:path";

// src/drift/decide.ts
function positiveRate(column) {
  if (column.type === "datetime") return null;
  const counted = countsOf(column);
  if (counted) return positiveRateOfCounts(counted);
  if (column.type === "string") {
    const positive = column.dictionary.findIndex((label) => POSITIVE_LABEL.test(label.trim()));
    if (positive < 0) return null;
    let hits2 = 0;
    let count2 = 0;
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) {
      const code2 = codes[i];
      if (code2 < 0) continue;
      count2++;
      if (code2 === positive) hits2++;
    }
    return count2 === 0 ? null : hits2 / count2;
  }
  let hits = 0;
  let count = 0;
  if (isScaled(column.values)) {
    const { digits } = column.values;
    const one = scaleOf(column.values.decimals);
    for (let i = 0; i < digits.length; i++) {
      const m = digits[i];
      count += +(m !== MISSING_DIGITS);
      hits += +(m === one);
    }
    return count === 0 ? null : hits / count;
  }
  const values = column.values;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    count += +(value - value === 0);
    hits += +(value === 1);
  }
  return count === 0 ? null : hits / count;
}
var POSITIVE_LABEL = /^(1|true|yes|y|positive|churn(ed)?)$/i;
function positiveRateOfCounts(counted) {
  let hits = 0;
  let count = 0;
  if (counted.storage === "string") {
    const { labels, counts } = labelCountsOf(counted);
    const positive = labels.findIndex((label) => POSITIVE_LABEL.test(label.trim()));
    if (positive < 0) return null;
    for (let k = 0; k < labels.length; k++) count += counts[k];
    hits = counts[positive];
  } else {
    const keys = counted.counts.keys;
    for (let k = 0; k < keys.length; k++) {
      const value = keys[k];
      if (value - value !== 0) continue;
      count += counted.counts.counts[k];
      if (value === 1) hits += counted.counts.counts[k];
    }
  }
  return count === 0 ? null : hits / count;
}
function formatShare(value) {
  return value.toFixed(2);
}
function decideDrift(columns, inputs) {
  const tested = columns.filter((column) => column.skipped === null);
  const drifted = tested.filter((column) => column.drift_detected).length;
  const driftShare = tested.length === 0 ? 0 : drifted / tested.length;
  let target = null;
  if (inputs.target) {
    const column = columns.find((c) => c.column === inputs.target.column);
    const { referenceRate, currentRate } = inputs.target;
    target = {
      column: inputs.target.column,
      stattest: column?.stattest ?? null,
      drift_score: column?.drift_score ?? null,
      drift_detected: column?.drift_detected ?? false,
      reference_rate: referenceRate,
      current_rate: currentRate,
      abs_rate_diff: referenceRate === null || currentRate === null ? null : Math.abs(currentRate - referenceRate)
    };
  }
  const retrain = driftShare >= inputs.retrainThreshold;
  return {
    number_of_columns: tested.length,
    number_of_drifted_columns: drifted,
    number_of_skipped_columns: columns.length - tested.length,
    drift_share: driftShare,
    drift_share_threshold: inputs.driftShareThreshold,
    dataset_drift: tested.length > 0 && driftShare >= inputs.driftShareThreshold,
    target,
    decision: {
      action: retrain ? "RETRAIN" : "NO_ACTION",
      retrain_threshold: inputs.retrainThreshold,
      reason: `drift_share=${formatShare(driftShare)} ${retrain ? ">=" : "<"} ${formatShare(inputs.retrainThreshold)} (${drifted} of ${tested.length} tested columns drifted)`
    }
  };
}

// src/drift/missing-drift.ts
var MISSING_DRIFT_THRESHOLD = 0.05;
function missingDrift(referenceMissing, referenceRows, currentMissing, currentRows, threshold = MISSING_DRIFT_THRESHOLD) {
  for (const [missing, rows] of [
    [referenceMissing, referenceRows],
    [currentMissing, currentRows]
  ]) {
    if (!(rows > 0) || !(missing >= 0 && missing <= rows)) {
      throw new RangeError(
        `missingDrift requires 0 <= missing <= rows and rows > 0, got ${missing} of ${rows}`
      );
    }
  }
  const p1 = referenceMissing / referenceRows;
  const p2 = currentMissing / currentRows;
  const pooled = (referenceMissing + currentMissing) / (referenceRows + currentRows);
  let pValue = 1;
  if (p1 !== p2 && pooled > 0 && pooled < 1) {
    const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / referenceRows + 1 / currentRows));
    pValue = Math.min(1, 2 * normalSf(Math.abs(z)));
  }
  return {
    missing_share: { reference: p1, current: p2 },
    missing_p_value: pValue,
    missing_drift_detected: pValue < threshold
  };
}

// src/drift/plan.ts
function isStringUniqueInEveryRow(column) {
  if (column.type !== "string") return false;
  const counted = countsOf(column);
  if (counted) return counted.counts.missing === 0 && counted.counts.counts.every((count) => count <= 1);
  return column.dictionary.length === column.codes.length;
}
function isNumericStorage(column) {
  return column.type === "float" || column.type === "int" || column.type === "bool";
}
function storageName(column) {
  return column.type === "string" ? "text" : column.type === "bool" ? "boolean" : column.type === "datetime" ? "datetime" : "numeric";
}
function planColumns(reference, current, options, summarized) {
  const reserved = new Set(
    [options.idColumn, options.timestampColumn].filter((name) => !!name)
  );
  const excluded = new Set(options.exclude ?? []);
  const forcedNumerical = new Set(options.numerical ?? []);
  const forcedCategorical = new Set(options.categorical ?? []);
  checkNamedColumns(reference, current, options, summarized?.names);
  const names = options.columns ? [...options.columns] : summarized ? [...summarized.order] : [.../* @__PURE__ */ new Set([...current.columns.map((c) => c.name), ...reference.columns.map((c) => c.name)])];
  const typed = [];
  for (const name of names) {
    if (reserved.has(name) || excluded.has(name)) continue;
    if (summarized?.names.has(name)) {
      typed.push({ name, type: "numerical" });
      continue;
    }
    const ref = getColumn(reference, name);
    const cur = getColumn(current, name);
    if (!ref)
      throw new UserError(
        "COLUMN_MISSING",
        `column '${name}' is missing from the reference snapshot ${reference.source}`
      );
    if (!cur)
      throw new UserError(
        "COLUMN_MISSING",
        `column '${name}' is missing from the current snapshot ${current.source}`
      );
    if (ref.type === "datetime" || cur.type === "datetime") {
      if (options.columns)
        throw new UserError(
          "COLUMN_TYPE_MISMATCH",
          `column '${name}' holds dates; drift is tested on numbers and categories`
        );
      continue;
    }
    if (isNumericStorage(ref) !== isNumericStorage(cur))
      throw new UserError(
        "COLUMN_TYPE_MISMATCH",
        `column '${name}' is ${storageName(ref)} in the reference (${reference.source}) but ${storageName(cur)} in the current (${current.source})`
      );
    let type;
    if (forcedNumerical.has(name)) {
      if (!isNumericStorage(cur))
        throw new UserError(
          "COLUMN_TYPE_MISMATCH",
          `${settingName(options, "numerical")} ${name}: column '${name}' holds text, not numbers`
        );
      type = "numerical";
    } else if (forcedCategorical.has(name)) type = "categorical";
    else type = inferColumnType(cur);
    if (type === "text" && isStringUniqueInEveryRow(ref) && isStringUniqueInEveryRow(cur))
      typed.push({ name, type, uniqueInEveryRow: true });
    else if (type) typed.push({ name, type });
  }
  if (typed.length === 0 && !options.allowEmpty)
    throw noColumnsError(reference.source, current.source, options);
  const order = ["numerical", "categorical", "text"];
  return order.flatMap((type) => typed.filter((column) => column.type === type));
}
function noColumnsError(referenceSource, currentSource, options) {
  return new UserError(
    "NO_COLUMNS",
    `no column left to test: every column is excluded, an id, a timestamp or a date (${referenceSource}, ${currentSource}); pass ${settingName(options, "allowEmpty")} to accept a comparison that tests nothing`
  );
}
function planOrder(reference, current, options) {
  return options.columns ? [...options.columns] : [.../* @__PURE__ */ new Set([...current, ...reference])];
}
function checkColumnNames(reference, current, options) {
  checkNamedColumns(reference, current, options);
}
var LISTED_COLUMNS = 20;
function describeColumns(reference, current) {
  const all = [...new Set([...reference.columns, ...current.columns].map((column) => column.name))];
  const listed = all.slice(0, LISTED_COLUMNS).join(", ");
  return all.length > LISTED_COLUMNS ? `columns: ${listed}, ... (${all.length} in all)` : `columns: ${listed}`;
}
function checkNamedColumns(reference, current, options, summarized) {
  const named = [
    ["columns", options.columns ?? []],
    ["exclude", options.exclude ?? []],
    ["numerical", options.numerical ?? []],
    ["categorical", options.categorical ?? []],
    ["idColumn", [options.idColumn]],
    ["timestampColumn", [options.timestampColumn]],
    ["target", [options.target]],
    ["stattest", Object.keys(options.stattest?.byColumn ?? {})],
    ["threshold", Object.keys(options.threshold?.byColumn ?? {})]
  ];
  for (const [setting, names] of named) {
    const unknown = [
      ...new Set(
        names.filter(
          (name) => name !== void 0 && !hasColumn(reference, name) && !hasColumn(current, name) && !summarized?.has(name)
        )
      )
    ];
    if (unknown.length === 0) continue;
    const loaded = reference.columns.length + current.columns.length;
    const quoted = unknown.map((name) => `'${name}'`).join(", ");
    throw new UserError(
      "COLUMN_MISSING",
      `${settingName(options, setting)}: ${unknown.length === 1 ? "column" : "columns"} ${quoted} ${unknown.length === 1 ? "is" : "are"} in neither snapshot (${reference.source}, ${current.source}${loaded === 0 ? "" : `; ${describeColumns(reference, current)}`})`
    );
  }
}

// src/drift/assemble.ts
var NO_ROW_FACTS = { duplicatedRows: 0, emptyRows: 0 };
function assemblePart(tables, options, works, columnOrder) {
  const { reference, current } = tables;
  const columns = works.map((work) => work.result);
  const referenceTallies = /* @__PURE__ */ new Map();
  const currentTallies = /* @__PURE__ */ new Map();
  for (const work of works) {
    if (work.referenceTally) referenceTallies.set(work.result.column, work.referenceTally);
    if (work.currentTally) currentTallies.set(work.result.column, work.currentTally);
  }
  for (const column of columns) {
    const ref = getColumn(reference, column.column);
    const cur = getColumn(current, column.column);
    const tallied = referenceTallies.has(column.column) && currentTallies.has(column.column);
    if ((ref && cur || tallied) && reference.rows > 0 && current.rows > 0) {
      const referenceMissing = referenceTallies.get(column.column)?.summary.missing.count ?? missingCount(ref);
      const currentMissing = currentTallies.get(column.column)?.summary.missing.count ?? missingCount(cur);
      Object.assign(column, missingDrift(referenceMissing, reference.rows, currentMissing, current.rows));
    }
  }
  const summaryTypes = /* @__PURE__ */ new Map();
  for (const column of columns) summaryTypes.set(column.column, column.column_type);
  const typeOf = (name) => summaryTypes.get(name) ?? summaryColumnType(getColumn(reference, name), getColumn(current, name));
  const referenceTarget = options.target ? getColumn(reference, options.target) : void 0;
  const currentTarget = options.target ? getColumn(current, options.target) : void 0;
  return {
    columns,
    summary: {
      reference: computeSummary(
        reference,
        NO_ROW_FACTS,
        (name) => referenceTallies.get(name),
        typeOf,
        columnOrder
      ),
      current: computeSummary(current, NO_ROW_FACTS, (name) => currentTallies.get(name), typeOf, columnOrder)
    },
    ...referenceTarget && currentTarget ? { target: { referenceRate: positiveRate(referenceTarget), currentRate: positiveRate(currentTarget) } } : {}
  };
}
var TYPE_RANK = { numerical: 0, categorical: 1, text: 2 };
function byIndexIn(names, nameOf) {
  const index = new Map(names.map((name, position) => [name, position]));
  return (a, b) => (index.get(nameOf(a)) ?? Infinity) - (index.get(nameOf(b)) ?? Infinity);
}
function mergeSummaries(parts, rows, rowFacts, order) {
  const byColumn = parts.flatMap((part) => part.by_column);
  if (order) byColumn.sort(byIndexIn(order, (summary) => summary.column));
  const sum = (field) => parts.reduce((total, part) => total + part[field], 0);
  const missingCells = parts.reduce((total, part) => total + part.missing_cells.count, 0);
  const columnsByType = { numerical: 0, categorical: 0, text: 0, datetime: 0 };
  for (const part of parts)
    for (const type of Object.keys(columnsByType))
      columnsByType[type] += part.columns_by_type[type];
  return {
    rows,
    columns: sum("columns"),
    columns_by_type: columnsByType,
    duplicated_rows: rowFacts.duplicatedRows,
    empty_rows: rowFacts.emptyRows,
    empty_columns: sum("empty_columns"),
    constant_columns: sum("constant_columns"),
    almost_constant_columns: sum("almost_constant_columns"),
    missing_cells: { count: missingCells, share: rows === 0 ? 0 : missingCells / rows },
    by_column: byColumn
  };
}
function finishDrift(parts, snapshots, rowFacts, options, order) {
  const { reference, current } = snapshots;
  const columns = parts.flatMap((part) => part.columns);
  if (parts.length > 1) {
    const position = byIndexIn(order?.plan ?? [], (column) => column.column);
    columns.sort((a, b) => TYPE_RANK[a.column_type] - TYPE_RANK[b.column_type] || position(a, b));
  }
  if (columns.length === 0 && !options.allowEmpty)
    throw noColumnsError(reference.source, current.source, options);
  if (options.correction) applyCorrection(columns, options.correction);
  if (options.missingDrift) {
    for (const column of columns)
      if (column.skipped === null && column.missing_drift_detected === true) column.drift_detected = true;
  }
  const target = parts.find((part) => part.target)?.target;
  const decided = decideDrift(columns, {
    driftShareThreshold: options.driftShare ?? DEFAULT_DRIFT_SHARE,
    retrainThreshold: options.retrainThreshold ?? DEFAULT_RETRAIN_THRESHOLD,
    target: options.target ? {
      column: options.target,
      referenceRate: target?.referenceRate ?? null,
      currentRate: target?.currentRate ?? null
    } : void 0
  });
  const merged = parts.length > 1;
  return {
    schema_version: SCHEMA_VERSION,
    reference: { label: options.referenceLabel, rows: reference.rows, source: reference.source },
    current: { label: options.currentLabel, rows: current.rows, source: current.source },
    columns,
    ...decided,
    ...options.correction ? { correction: options.correction } : {},
    ...options.missingDrift ? { missing_drift: true } : {},
    // DataSummaryPreset-style summary of both snapshots.
    summary: {
      reference: mergeSummaries(
        parts.map((part) => part.summary.reference),
        reference.rows,
        rowFacts.reference,
        merged ? order?.reference : void 0
      ),
      current: mergeSummaries(
        parts.map((part) => part.summary.current),
        current.rows,
        rowFacts.current,
        merged ? order?.current : void 0
      )
    }
  };
}
function assembleDrift(tables, rowFacts, options, works, columnOrder) {
  return finishDrift([assemblePart(tables, options, works, columnOrder)], tables, rowFacts, options);
}

// src/drift/aggregate-scores.ts
var AGGREGATE_TESTS = ["ks", "wasserstein", "jensenshannon", "psi", "kl_div"];
function histogramEdgesOf(min, max, size, bins) {
  return equalWidthEdges(min, max, bins ?? sturgesBinCount(min, max, size));
}
function defaultAggregateTest(aggregates) {
  return defaultStatTest("numerical", aggregates.referenceSize, aggregates.mergedDistinct);
}
function scoreFromAggregates(test, aggregates) {
  switch (test) {
    case "ks": {
      const result = ksPValue(aggregates.ksStatistic, aggregates.referenceSize, aggregates.currentSize);
      return {
        score: result.pValue,
        statistic: result.statistic,
        method: result.method,
        ...result.warning === void 0 ? {} : { warnings: [result.warning] }
      };
    }
    case "wasserstein":
      return { score: normedWasserstein(aggregates.wasserstein1, aggregates.referenceStdPopulation) };
    case "jensenshannon":
    case "psi":
    case "kl_div": {
      if (!usesHistogramBinning("numerical", aggregates.referenceDistinct))
        throw new UserError(
          "STATTEST_TYPE",
          `${test} bins a column with at most 20 distinct reference values by value: use its value counts`
        );
      if (!aggregates.bins) throw new Error(`scoreFromAggregates: ${test} needs the bin counts`);
      const binned = {
        binning: "histogram",
        referenceCounts: aggregates.bins.reference,
        currentCounts: aggregates.bins.current,
        referenceSize: aggregates.referenceSize,
        currentSize: aggregates.currentSize
      };
      const score = test === "jensenshannon" ? jensenShannonFromCounts(binned) : test === "psi" ? psiFromCounts(binned) : klDivFromCounts(binned);
      return { score };
    }
    default:
      throw new UserError(
        "STATTEST_TYPE",
        `${test} needs the values themselves; from aggregates only ${AGGREGATE_TESTS.join(", ")} are computed`
      );
  }
}

// src/drift/summarized.ts
var HISTOGRAM_MIN_REFERENCE_DISTINCT = 20;
var BINNED_TESTS = ["jensenshannon", "psi", "kl_div"];
var SUMMARIZE_MIN_DISTINCT = 1e4;
var SUMMARIZE_PROBE_ROWS = 1e5;
function summarizePolicy(options, tuning = {}) {
  const categorical = new Set(options.categorical ?? []);
  const numerical = new Set(options.numerical ?? []);
  const requested = (name) => resolveOverride(options.stattest, name, "numerical");
  return {
    minDistinct: Math.max(tuning.minDistinct ?? SUMMARIZE_MIN_DISTINCT, HISTOGRAM_MIN_REFERENCE_DISTINCT),
    probeRows: tuning.probeRows ?? SUMMARIZE_PROBE_ROWS,
    candidate(name) {
      if (categorical.has(name) || name === options.target) return false;
      const test = requested(name);
      if (test === void 0) return true;
      return AGGREGATE_TESTS.includes(test) && !(options.bins !== void 0 && BINNED_TESTS.includes(test));
    },
    edges(column) {
      const typedNumerical = numerical.has(column.name) || column.storage === "float" || column.current.missing > 0 || column.current.distinct > INTEGER_CARDINALITY_LIMIT;
      if (!typedNumerical || column.reference.distinct <= HISTOGRAM_MIN_REFERENCE_DISTINCT) return void 0;
      const size = column.reference.count + column.current.count;
      const test = histogramEdgesOf(column.min, column.max, size);
      const chart = histogramEdges(column.min, column.max, column.allIntegers, size);
      if (chart.length < 2) return void 0;
      return [test, Float64Array.from(chart)];
    }
  };
}
function aggregatesOf(column) {
  return {
    referenceSize: column.reference.count,
    currentSize: column.current.count,
    referenceDistinct: column.reference.distinct,
    mergedDistinct: column.mergedDistinct,
    ksStatistic: column.ksStatistic,
    wasserstein1: column.wasserstein1,
    referenceStdPopulation: column.reference.stdPopulation ?? 0,
    bins: { reference: column.reference.testBins, current: column.current.testBins }
  };
}
function quartile(side, index, q) {
  const low = side.quartileBounds[2 * index];
  const high = side.quartileBounds[2 * index + 1];
  if (low === void 0 || high === void 0 || low === null || high === null) return null;
  const position = q * (side.count - 1);
  const fraction = position - Math.floor(position);
  const diff = high - low;
  return fraction >= 0.5 ? high - diff * (1 - fraction) : low + diff * fraction;
}
function summarizedTally(name, side, rows) {
  const empty2 = side.count === 0;
  return {
    summary: {
      column: name,
      type: "numerical",
      count: side.count,
      missing: { count: side.missing, share: rows === 0 ? 0 : side.missing / rows },
      distinct: side.distinct,
      min: empty2 ? null : side.min,
      max: empty2 ? null : side.max,
      mean: empty2 ? null : side.mean,
      std: side.count < 2 ? null : side.stdSample,
      quantiles: {
        "0.25": empty2 ? null : quartile(side, 0, 0.25),
        "0.5": empty2 ? null : quartile(side, 1, 0.5),
        "0.75": empty2 ? null : quartile(side, 2, 0.75)
      }
    },
    modeCount: side.modeCount
  };
}
function scoreSummarizedColumn({ name, type: columnType }, column, rows, options) {
  const aggregates = aggregatesOf(column);
  const requested = resolveOverride(options.stattest, name, columnType);
  if (requested !== void 0 && !getStatTest(requested).allowedTypes.includes(columnType))
    throw new UserError(
      "STATTEST_TYPE",
      `${settingName(options, "stattest")}: '${requested}' cannot be applied to ${columnType} column '${name}' (it accepts ${getStatTest(requested).allowedTypes.join(", ")} columns)`
    );
  const test = getStatTest(requested ?? defaultAggregateTest(aggregates));
  const threshold = resolveOverride(options.threshold, name, columnType) ?? test.defaultThreshold;
  const maximum = maxThreshold(test);
  if (!(threshold > 0 && threshold <= maximum))
    throw new UserError(
      "THRESHOLD_RANGE",
      `${settingName(options, "threshold")}: ${threshold} for column '${name}' is out of the range of '${test.id}' (${test.scoreKind === "p_value" ? "a p-value" : "a distance"}): must be ${maximum === Infinity ? "above 0" : `between 0 and ${maximum}`}`
    );
  const base = {
    column: name,
    column_type: columnType,
    stattest: test.id,
    stattest_name: test.displayName,
    threshold,
    reference_size: aggregates.referenceSize,
    current_size: aggregates.currentSize
  };
  let result;
  try {
    const outcome = scoreFromAggregates(test.id, aggregates);
    result = {
      ...base,
      drift_score: outcome.score,
      drift_detected: isDrift(test.comparison, outcome.score, threshold),
      skipped: null
    };
    if (outcome.statistic !== void 0) result.statistic = outcome.statistic;
    if (outcome.method !== void 0) result.method = outcome.method;
    if (outcome.warnings && outcome.warnings.length > 0) result.warnings = [...outcome.warnings];
    result.effect = {
      wasserstein_normed: normedWasserstein(aggregates.wasserstein1, aggregates.referenceStdPopulation),
      jensenshannon: jensenShannonFromCounts({
        binning: "histogram",
        referenceCounts: column.reference.testBins,
        currentCounts: column.current.testBins,
        referenceSize: aggregates.referenceSize,
        currentSize: aggregates.currentSize
      })
    };
  } catch (error) {
    if (!(error instanceof StatTestSkip)) throw error;
    result = { ...base, drift_score: null, drift_detected: false, skipped: `${test.id}: ${error.message}` };
  }
  result.distribution = {
    kind: "histogram",
    bin_edges: Array.from(column.chartEdges),
    reference_counts: Array.from(column.reference.chartBins),
    current_counts: Array.from(column.current.chartBins)
  };
  result.computed = "sql_statistics";
  const uniqueIn = (side, sideRows) => sideRows >= UNIQUE_WARNING_MIN_ROWS && side.count === sideRows && side.distinct === sideRows;
  if (column.storage === "int" && uniqueIn(column.reference, rows.reference) && uniqueIn(column.current, rows.current))
    result.warnings = [...result.warnings ?? [], UNIQUE_REASON];
  return {
    result,
    referenceTally: summarizedTally(name, column.reference, rows.reference),
    currentTally: summarizedTally(name, column.current, rows.current)
  };
}

// src/drift/engine.ts
var scoreInThisThread = (columns, tables, options, scored) => columns.map((column, index) => {
  const work = scoreColumn(column, tables, options);
  scored?.(index + 1, columns.length);
  return work;
});
async function computeDrift(pair, options, strategy = {}) {
  const tables = { reference: asTable(pair.reference), current: asTable(pair.current) };
  const summarized = new Map((pair.summarized ?? []).map((column) => [column.name, column]));
  const plan = planColumns(
    tables.reference,
    tables.current,
    options,
    summarized.size > 0 ? { names: new Set(summarized.keys()), order: pair.columnOrder ?? [...summarized.keys()] } : void 0
  );
  const fromTables = plan.filter((column) => !summarized.has(column.name));
  const scored = await (strategy.mapColumns ?? scoreInThisThread)(
    fromTables,
    tables,
    options,
    strategy.onColumnScored
  );
  const computed = isCounted(pair.reference) ? "value_counts" : "values";
  for (const work of scored) if (work.result.skipped === null) work.result.computed = computed;
  const rows = { reference: tables.reference.rows, current: tables.current.rows };
  let next = 0;
  const works = plan.map((column) => {
    const summary = summarized.get(column.name);
    return summary ? scoreSummarizedColumn(column, summary, rows, options) : scored[next++];
  });
  const rowFacts = { reference: await pair.rowFacts.reference, current: await pair.rowFacts.current };
  return assembleDrift(tables, rowFacts, options, works, pair.summarized ? pair.columnOrder : void 0);
}
async function computeDriftPart(tables, options, strategy = {}) {
  const partOptions = { ...options, allowEmpty: true };
  const plan = planColumns(tables.reference, tables.current, partOptions);
  const works = await (strategy.mapColumns ?? scoreInThisThread)(plan, tables, partOptions);
  for (const work of works) if (work.result.skipped === null) work.result.computed = "values";
  return assemblePart(tables, partOptions, works);
}

// src/report/trend.ts
var MAX_TREND_ROWS = 25;
var SYMBOL = { drifted: "\u25B2", stable: "\u25CB", absent: "\xB7" };
function runSymbols(column) {
  return column.drifted.map((drifted) => drifted === null ? SYMBOL.absent : drifted ? SYMBOL.drifted : SYMBOL.stable).join(" ");
}
function trendMarker(column) {
  if (column.new_this_run) return "new this run";
  if (column.drifting_for >= 2) return `drifting for ${formatCount(column.drifting_for)} runs`;
  if (column.drifting_for === 1) return "drifting";
  return "";
}
function driftedInWindow(trend) {
  return trend.columns.filter((column) => column.drifted.some((drifted) => drifted === true)).sort((a, b) => b.drifting_for - a.drifting_for || Number(b.new_this_run) - Number(a.new_this_run));
}
function code(name) {
  const flat = name.replace(/[\r\n]+/g, " ");
  if (!/[`|<>&\\]/.test(flat)) return `\`${flat}\``;
  return `<code>${flat.replace(/[&<>|`\\]/g, (character) => `&#${character.charCodeAt(0)};`)}</code>`;
}
function plain(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/\|/g, "&#124;").replace(/<(?=[A-Za-z/!?])/g, "&#60;");
}
function trendMarkdown(trend, retrainThreshold) {
  const runs = trend.runs;
  const lines = [
    `### Drift over time (${formatCount(runs.length)} ${runs.length === 1 ? "run" : "runs"})`,
    ""
  ];
  lines.push(
    `_drift_share by run (oldest first): ${runs.map((run) => `${plain(run.reference)}\u2192${plain(run.current)} **${formatPercent(run.drift_share)}**`).join(" \xB7 ")}_`,
    "",
    `_Line chart: drift_share per run, and the retrain threshold (${formatPercent(retrainThreshold)}) as the second line._`,
    "",
    "```mermaid",
    "xychart-beta",
    '    title "drift_share over runs"',
    `    x-axis [${runs.map((run) => `"${mermaidLabel(`${run.reference}..${run.current}`)}"`).join(", ")}]`,
    `    y-axis "drift_share" 0 --> 1`,
    `    line [${runs.map((run) => mermaidNumber(run.drift_share)).join(", ")}]`,
    `    line [${runs.map(() => mermaidNumber(retrainThreshold)).join(", ")}]`,
    "```"
  );
  const drifted = driftedInWindow(trend);
  lines.push("");
  if (drifted.length === 0) {
    lines.push(`No column drifted in the last ${formatCount(trend.window)} runs.`);
    return lines;
  }
  lines.push(
    `Columns that drifted in the last ${formatCount(trend.window)} runs (\u25B2 drifted, \u25CB not, \xB7 not tested; newest right):`,
    "",
    "| Column | Runs | Trend |",
    "|---|---|---|"
  );
  for (const column of drifted.slice(0, MAX_TREND_ROWS))
    lines.push(`| ${code(column.column)} | ${runSymbols(column)} | ${trendMarker(column)} |`);
  if (drifted.length > MAX_TREND_ROWS)
    lines.push(
      "",
      `_${formatCount(drifted.length - MAX_TREND_ROWS)} more columns drifted; see the JSON report's trend._`
    );
  return lines;
}
var SPARK_WIDTH = 120;
var SPARK_HEIGHT = 24;
function sparklineSvg(column) {
  const points = column.scores.flatMap((score, index) => score === null ? [] : [[index, score]]);
  const title = `${column.column}: score ${column.scores.map((score) => formatScore(score)).join(" \u2192 ")}`;
  const open2 = `<svg class="spark" viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}" width="${SPARK_WIDTH}" height="${SPARK_HEIGHT}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`;
  if (points.length === 0) return `${open2}</svg>`;
  const values = points.map(([, score]) => score);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const steps = Math.max(column.scores.length - 1, 1);
  const x = (index) => (4 + index / steps * (SPARK_WIDTH - 8)).toFixed(1);
  const y = (score) => (high === low ? SPARK_HEIGHT / 2 : 4 + (1 - (score - low) / (high - low)) * (SPARK_HEIGHT - 8)).toFixed(
    1
  );
  const path = points.map(([index, score]) => `${x(index)},${y(score)}`).join(" ");
  const dots = points.map(
    ([index, score]) => `<circle cx="${x(index)}" cy="${y(score)}" r="2.2" class="${column.drifted[index] ? "dot drifted" : "dot"}"/>`
  ).join("");
  return `${open2}<polyline points="${path}" fill="none" stroke="currentColor" stroke-width="1.2"/>${dots}</svg>`;
}
function trendHtml(trend) {
  const runs = trend.runs.map(
    (run) => `<li>${escapeXml(run.reference)} \u2192 ${escapeXml(run.current)}: <strong>${formatPercent(run.drift_share)}</strong> ${run.decision}</li>`
  ).join("");
  const rows = trend.columns.map(
    (column) => `<tr><td>${escapeXml(column.column)}</td><td>${sparklineSvg(column)}</td><td>${runSymbols(column)}</td><td>${escapeXml(trendMarker(column))}</td><td class="num">${column.drift_slope === null ? "\u2014" : formatScore(column.drift_slope)}</td></tr>`
  ).join("\n");
  return [
    `<h2 id="trend">Drift over time (${formatCount(trend.runs.length)} runs)</h2>`,
    `<ol class="runs">${runs}</ol>`,
    `<table class="trend"><thead><tr><th>column</th><th>score, last ${formatCount(trend.window)} runs</th><th>drifted (newest right)</th><th></th><th class="num">slope towards drift</th></tr></thead><tbody>`,
    rows,
    "</tbody></table>"
  ].join("\n");
}

// node_modules/mustache/mustache.mjs
var objectToString = Object.prototype.toString;
var isArray = Array.isArray || function isArrayPolyfill(object) {
  return objectToString.call(object) === "[object Array]";
};
function isFunction(object) {
  return typeof object === "function";
}
function typeStr(obj) {
  return isArray(obj) ? "array" : typeof obj;
}
function escapeRegExp(string) {
  return string.replace(/[\-\[\]{}()*+?.,\\\^$|#\s]/g, "\\$&");
}
function hasProperty(obj, propName) {
  return obj != null && typeof obj === "object" && propName in obj;
}
function primitiveHasOwnProperty(primitive, propName) {
  return primitive != null && typeof primitive !== "object" && primitive.hasOwnProperty && primitive.hasOwnProperty(propName);
}
var regExpTest = RegExp.prototype.test;
function testRegExp(re, string) {
  return regExpTest.call(re, string);
}
var nonSpaceRe = /\S/;
function isWhitespace(string) {
  return !testRegExp(nonSpaceRe, string);
}
var entityMap = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "/": "&#x2F;",
  "`": "&#x60;",
  "=": "&#x3D;"
};
function escapeHtml(string) {
  return String(string).replace(/[&<>"'`=\/]/g, function fromEntityMap(s) {
    return entityMap[s];
  });
}
var whiteRe = /\s*/;
var spaceRe = /\s+/;
var equalsRe = /\s*=/;
var curlyRe = /\s*\}/;
var tagRe = /#|\^|\/|>|\{|&|=|!/;
function parseTemplate(template, tags) {
  if (!template)
    return [];
  var lineHasNonSpace = false;
  var sections = [];
  var tokens = [];
  var spaces = [];
  var hasTag = false;
  var nonSpace = false;
  var indentation = "";
  var tagIndex = 0;
  function stripSpace() {
    if (hasTag && !nonSpace) {
      while (spaces.length)
        delete tokens[spaces.pop()];
    } else {
      spaces = [];
    }
    hasTag = false;
    nonSpace = false;
  }
  var openingTagRe, closingTagRe, closingCurlyRe;
  function compileTags(tagsToCompile) {
    if (typeof tagsToCompile === "string")
      tagsToCompile = tagsToCompile.split(spaceRe, 2);
    if (!isArray(tagsToCompile) || tagsToCompile.length !== 2)
      throw new Error("Invalid tags: " + tagsToCompile);
    openingTagRe = new RegExp(escapeRegExp(tagsToCompile[0]) + "\\s*");
    closingTagRe = new RegExp("\\s*" + escapeRegExp(tagsToCompile[1]));
    closingCurlyRe = new RegExp("\\s*" + escapeRegExp("}" + tagsToCompile[1]));
  }
  compileTags(tags || mustache.tags);
  var scanner = new Scanner(template);
  var start, type, value, chr, token, openSection;
  while (!scanner.eos()) {
    start = scanner.pos;
    value = scanner.scanUntil(openingTagRe);
    if (value) {
      for (var i = 0, valueLength = value.length; i < valueLength; ++i) {
        chr = value.charAt(i);
        if (isWhitespace(chr)) {
          spaces.push(tokens.length);
          indentation += chr;
        } else {
          nonSpace = true;
          lineHasNonSpace = true;
          indentation += " ";
        }
        tokens.push(["text", chr, start, start + 1]);
        start += 1;
        if (chr === "\n") {
          stripSpace();
          indentation = "";
          tagIndex = 0;
          lineHasNonSpace = false;
        }
      }
    }
    if (!scanner.scan(openingTagRe))
      break;
    hasTag = true;
    type = scanner.scan(tagRe) || "name";
    scanner.scan(whiteRe);
    if (type === "=") {
      value = scanner.scanUntil(equalsRe);
      scanner.scan(equalsRe);
      scanner.scanUntil(closingTagRe);
    } else if (type === "{") {
      value = scanner.scanUntil(closingCurlyRe);
      scanner.scan(curlyRe);
      scanner.scanUntil(closingTagRe);
      type = "&";
    } else {
      value = scanner.scanUntil(closingTagRe);
    }
    if (!scanner.scan(closingTagRe))
      throw new Error("Unclosed tag at " + scanner.pos);
    if (type == ">") {
      token = [type, value, start, scanner.pos, indentation, tagIndex, lineHasNonSpace];
    } else {
      token = [type, value, start, scanner.pos];
    }
    tagIndex++;
    tokens.push(token);
    if (type === "#" || type === "^") {
      sections.push(token);
    } else if (type === "/") {
      openSection = sections.pop();
      if (!openSection)
        throw new Error('Unopened section "' + value + '" at ' + start);
      if (openSection[1] !== value)
        throw new Error('Unclosed section "' + openSection[1] + '" at ' + start);
    } else if (type === "name" || type === "{" || type === "&") {
      nonSpace = true;
    } else if (type === "=") {
      compileTags(value);
    }
  }
  stripSpace();
  openSection = sections.pop();
  if (openSection)
    throw new Error('Unclosed section "' + openSection[1] + '" at ' + scanner.pos);
  return nestTokens(squashTokens(tokens));
}
function squashTokens(tokens) {
  var squashedTokens = [];
  var token, lastToken;
  for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
    token = tokens[i];
    if (token) {
      if (token[0] === "text" && lastToken && lastToken[0] === "text") {
        lastToken[1] += token[1];
        lastToken[3] = token[3];
      } else {
        squashedTokens.push(token);
        lastToken = token;
      }
    }
  }
  return squashedTokens;
}
function nestTokens(tokens) {
  var nestedTokens = [];
  var collector = nestedTokens;
  var sections = [];
  var token, section;
  for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
    token = tokens[i];
    switch (token[0]) {
      case "#":
      case "^":
        collector.push(token);
        sections.push(token);
        collector = token[4] = [];
        break;
      case "/":
        section = sections.pop();
        section[5] = token[2];
        collector = sections.length > 0 ? sections[sections.length - 1][4] : nestedTokens;
        break;
      default:
        collector.push(token);
    }
  }
  return nestedTokens;
}
function Scanner(string) {
  this.string = string;
  this.tail = string;
  this.pos = 0;
}
Scanner.prototype.eos = function eos() {
  return this.tail === "";
};
Scanner.prototype.scan = function scan(re) {
  var match = this.tail.match(re);
  if (!match || match.index !== 0)
    return "";
  var string = match[0];
  this.tail = this.tail.substring(string.length);
  this.pos += string.length;
  return string;
};
Scanner.prototype.scanUntil = function scanUntil(re) {
  var index = this.tail.search(re), match;
  switch (index) {
    case -1:
      match = this.tail;
      this.tail = "";
      break;
    case 0:
      match = "";
      break;
    default:
      match = this.tail.substring(0, index);
      this.tail = this.tail.substring(index);
  }
  this.pos += match.length;
  return match;
};
function Context(view, parentContext) {
  this.view = view;
  this.cache = { ".": this.view };
  this.parent = parentContext;
}
Context.prototype.push = function push(view) {
  return new Context(view, this);
};
Context.prototype.lookup = function lookup(name) {
  var cache = this.cache;
  var value;
  if (cache.hasOwnProperty(name)) {
    value = cache[name];
  } else {
    var context = this, intermediateValue, names, index, lookupHit = false;
    while (context) {
      if (name.indexOf(".") > 0) {
        intermediateValue = context.view;
        names = name.split(".");
        index = 0;
        while (intermediateValue != null && index < names.length) {
          if (index === names.length - 1)
            lookupHit = hasProperty(intermediateValue, names[index]) || primitiveHasOwnProperty(intermediateValue, names[index]);
          intermediateValue = intermediateValue[names[index++]];
        }
      } else {
        intermediateValue = context.view[name];
        lookupHit = hasProperty(context.view, name);
      }
      if (lookupHit) {
        value = intermediateValue;
        break;
      }
      context = context.parent;
    }
    cache[name] = value;
  }
  if (isFunction(value))
    value = value.call(this.view);
  return value;
};
function Writer() {
  this.templateCache = {
    _cache: {},
    set: function set(key, value) {
      this._cache[key] = value;
    },
    get: function get(key) {
      return this._cache[key];
    },
    clear: function clear() {
      this._cache = {};
    }
  };
}
Writer.prototype.clearCache = function clearCache() {
  if (typeof this.templateCache !== "undefined") {
    this.templateCache.clear();
  }
};
Writer.prototype.parse = function parse(template, tags) {
  var cache = this.templateCache;
  var cacheKey = template + ":" + (tags || mustache.tags).join(":");
  var isCacheEnabled = typeof cache !== "undefined";
  var tokens = isCacheEnabled ? cache.get(cacheKey) : void 0;
  if (tokens == void 0) {
    tokens = parseTemplate(template, tags);
    isCacheEnabled && cache.set(cacheKey, tokens);
  }
  return tokens;
};
Writer.prototype.render = function render(template, view, partials, config) {
  var tags = this.getConfigTags(config);
  var tokens = this.parse(template, tags);
  var context = view instanceof Context ? view : new Context(view, void 0);
  return this.renderTokens(tokens, context, partials, template, config);
};
Writer.prototype.renderTokens = function renderTokens(tokens, context, partials, originalTemplate, config) {
  var buffer = "";
  var token, symbol, value;
  for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
    value = void 0;
    token = tokens[i];
    symbol = token[0];
    if (symbol === "#") value = this.renderSection(token, context, partials, originalTemplate, config);
    else if (symbol === "^") value = this.renderInverted(token, context, partials, originalTemplate, config);
    else if (symbol === ">") value = this.renderPartial(token, context, partials, config);
    else if (symbol === "&") value = this.unescapedValue(token, context);
    else if (symbol === "name") value = this.escapedValue(token, context, config);
    else if (symbol === "text") value = this.rawValue(token);
    if (value !== void 0)
      buffer += value;
  }
  return buffer;
};
Writer.prototype.renderSection = function renderSection(token, context, partials, originalTemplate, config) {
  var self = this;
  var buffer = "";
  var value = context.lookup(token[1]);
  function subRender(template) {
    return self.render(template, context, partials, config);
  }
  if (!value) return;
  if (isArray(value)) {
    for (var j = 0, valueLength = value.length; j < valueLength; ++j) {
      buffer += this.renderTokens(token[4], context.push(value[j]), partials, originalTemplate, config);
    }
  } else if (typeof value === "object" || typeof value === "string" || typeof value === "number") {
    buffer += this.renderTokens(token[4], context.push(value), partials, originalTemplate, config);
  } else if (isFunction(value)) {
    if (typeof originalTemplate !== "string")
      throw new Error("Cannot use higher-order sections without the original template");
    value = value.call(context.view, originalTemplate.slice(token[3], token[5]), subRender);
    if (value != null)
      buffer += value;
  } else {
    buffer += this.renderTokens(token[4], context, partials, originalTemplate, config);
  }
  return buffer;
};
Writer.prototype.renderInverted = function renderInverted(token, context, partials, originalTemplate, config) {
  var value = context.lookup(token[1]);
  if (!value || isArray(value) && value.length === 0)
    return this.renderTokens(token[4], context, partials, originalTemplate, config);
};
Writer.prototype.indentPartial = function indentPartial(partial, indentation, lineHasNonSpace) {
  var filteredIndentation = indentation.replace(/[^ \t]/g, "");
  var partialByNl = partial.split("\n");
  for (var i = 0; i < partialByNl.length; i++) {
    if (partialByNl[i].length && (i > 0 || !lineHasNonSpace)) {
      partialByNl[i] = filteredIndentation + partialByNl[i];
    }
  }
  return partialByNl.join("\n");
};
Writer.prototype.renderPartial = function renderPartial(token, context, partials, config) {
  if (!partials) return;
  var tags = this.getConfigTags(config);
  var value = isFunction(partials) ? partials(token[1]) : partials[token[1]];
  if (value != null) {
    var lineHasNonSpace = token[6];
    var tagIndex = token[5];
    var indentation = token[4];
    var indentedValue = value;
    if (tagIndex == 0 && indentation) {
      indentedValue = this.indentPartial(value, indentation, lineHasNonSpace);
    }
    var tokens = this.parse(indentedValue, tags);
    return this.renderTokens(tokens, context, partials, indentedValue, config);
  }
};
Writer.prototype.unescapedValue = function unescapedValue(token, context) {
  var value = context.lookup(token[1]);
  if (value != null)
    return value;
};
Writer.prototype.escapedValue = function escapedValue(token, context, config) {
  var escape = this.getConfigEscape(config) || mustache.escape;
  var value = context.lookup(token[1]);
  if (value != null)
    return typeof value === "number" && escape === mustache.escape ? String(value) : escape(value);
};
Writer.prototype.rawValue = function rawValue(token) {
  return token[1];
};
Writer.prototype.getConfigTags = function getConfigTags(config) {
  if (isArray(config)) {
    return config;
  } else if (config && typeof config === "object") {
    return config.tags;
  } else {
    return void 0;
  }
};
Writer.prototype.getConfigEscape = function getConfigEscape(config) {
  if (config && typeof config === "object" && !isArray(config)) {
    return config.escape;
  } else {
    return void 0;
  }
};
var mustache = {
  name: "mustache.js",
  version: "4.2.0",
  tags: ["{{", "}}"],
  clearCache: void 0,
  escape: void 0,
  parse: void 0,
  render: void 0,
  Scanner: void 0,
  Context: void 0,
  Writer: void 0,
  /**
   * Allows a user to override the default caching strategy, by providing an
   * object with set, get and clear methods. This can also be used to disable
   * the cache by setting it to the literal `undefined`.
   */
  set templateCache(cache) {
    defaultWriter.templateCache = cache;
  },
  /**
   * Gets the default or overridden caching object from the default writer.
   */
  get templateCache() {
    return defaultWriter.templateCache;
  }
};
var defaultWriter = new Writer();
mustache.clearCache = function clearCache2() {
  return defaultWriter.clearCache();
};
mustache.parse = function parse2(template, tags) {
  return defaultWriter.parse(template, tags);
};
mustache.render = function render2(template, view, partials, config) {
  if (typeof template !== "string") {
    throw new TypeError('Invalid template! Template should be a "string" but "' + typeStr(template) + '" was given as the first argument for mustache#render(template, view, partials)');
  }
  return defaultWriter.render(template, view, partials, config);
};
mustache.escape = escapeHtml;
mustache.Scanner = Scanner;
mustache.Context = Context;
mustache.Writer = Writer;
var mustache_default = mustache;

// src/report/model-quality-html.ts
var SIZE = 300;
var LEFT = 40;
var TOP = 30;
var PLOT = SIZE - LEFT - 12;
function px(value) {
  return String(Math.round(value * 10) / 10);
}
var at = (x, y) => `${px(LEFT + x * PLOT)} ${px(TOP + (1 - y) * PLOT)}`;
function frame(title, xLabel, yLabel, labels) {
  const parts = [
    `<svg class="chart model-chart" viewBox="0 0 ${SIZE} ${SIZE + 34}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`,
    `<g class="lg"><line class="ref-line" x1="${LEFT}" x2="${LEFT + 18}" y1="10" y2="10"/><text x="${LEFT + 22}" y="14">${escapeXml(truncateLabel(labels.reference, 16))}</text>`,
    `<line class="cur-line" x1="${LEFT + 140}" x2="${LEFT + 158}" y1="10" y2="10"/><text x="${LEFT + 162}" y="14">${escapeXml(truncateLabel(labels.current, 16))}</text></g>`
  ];
  for (const tick of [0, 0.5, 1]) {
    parts.push(
      `<line class="grid" x1="${LEFT}" x2="${LEFT + PLOT}" y1="${px(TOP + (1 - tick) * PLOT)}" y2="${px(TOP + (1 - tick) * PLOT)}"/>`,
      `<text class="yt" x="${LEFT - 4}" y="${px(TOP + (1 - tick) * PLOT)}">${tick}</text>`,
      `<text class="xt" x="${px(LEFT + tick * PLOT)}" y="${TOP + PLOT + 14}">${tick}</text>`
    );
  }
  parts.push(
    `<path class="diag" d="M${at(0, 0)}L${at(1, 1)}"/>`,
    `<line class="axis" x1="${LEFT}" x2="${LEFT + PLOT}" y1="${TOP + PLOT}" y2="${TOP + PLOT}"/>`,
    `<text class="xt" x="${px(LEFT + PLOT / 2)}" y="${TOP + PLOT + 30}">${escapeXml(xLabel)}</text>`,
    `<text x="${LEFT + 6}" y="${TOP + 12}">${escapeXml(yLabel)}</text>`
  );
  return parts;
}
function empty(text) {
  return `<text class="empty" x="${px(LEFT + PLOT / 2)}" y="${px(TOP + PLOT / 2)}">${escapeXml(text)}</text>`;
}
function rocCurvesSvg(block, labels) {
  const title = `ROC curves: ${labels.reference} AUC ${formatMetric(block.reference.roc_auc)}, ${labels.current} AUC ${formatMetric(block.current.roc_auc)}`;
  const parts = frame(title, "false positive rate", "true positive rate", labels);
  const sides = [
    ["ref-line", block.reference, labels.reference],
    ["cur-line", block.current, labels.current]
  ];
  let drawn = 0;
  for (const [className, quality, label] of sides) {
    const curve = quality.roc_curve;
    if (!curve) continue;
    drawn++;
    const path = curve.fpr.map((x, i) => `${i === 0 ? "M" : "L"}${at(x, curve.tpr[i])}`).join("");
    parts.push(
      `<path class="${className}" d="${path}"><title>${escapeXml(`${label}: AUC ${formatMetric(quality.roc_auc)}`)}</title></path>`
    );
  }
  if (drawn === 0) parts.push(empty("no ROC curve: a snapshot needs both classes"));
  parts.push("</svg>");
  return parts.join("");
}
function calibrationSvg(block, labels) {
  const title = `Calibration: observed churn rate against mean predicted probability, ${labels.reference} and ${labels.current}`;
  const parts = frame(title, "mean predicted probability", "observed rate", labels);
  const sides = [
    ["ref", block.reference.calibration, labels.reference],
    ["cur", block.current.calibration, labels.current]
  ];
  let drawn = 0;
  for (const [side, bins, label] of sides) {
    if (!bins || bins.length === 0) continue;
    drawn++;
    const path = bins.map((bin, i) => `${i === 0 ? "M" : "L"}${at(bin.mean_predicted, bin.observed_rate)}`).join("");
    parts.push(`<path class="${side}-line" d="${path}"/>`);
    for (const bin of bins) {
      const [x, y] = at(bin.mean_predicted, bin.observed_rate).split(" ");
      const tip = `${label}: probability ${bin.lower.toFixed(1)}\u2013${bin.upper.toFixed(1)}, ${formatCount(bin.count)} rows, mean predicted ${formatPercent(bin.mean_predicted)}, observed ${formatPercent(bin.observed_rate)}`;
      parts.push(
        `<circle class="${side}-point" cx="${x}" cy="${y}" r="3"><title>${escapeXml(tip)}</title></circle>`
      );
    }
  }
  if (drawn === 0) parts.push(empty("no labelled rows"));
  parts.push("</svg>");
  return parts.join("");
}
var ROWS = [
  ["roc_auc", "ROC AUC"],
  ["log_loss", "log loss"],
  ["brier", "Brier score"],
  ["accuracy", "accuracy"],
  ["precision", "precision"],
  ["recall", "recall"],
  ["f1", "F1"],
  ["predicted_positive_rate", "predicted positive rate"]
];
function metricTable(block, labels) {
  const cellOf = (quality, key) => formatMetric(quality[key]);
  const rows = ROWS.map(([key, label]) => {
    const a = block.reference[key];
    const b = block.current[key];
    return `<tr><td>${label}</td><td class="num">${cellOf(block.reference, key)}</td><td class="num">${cellOf(block.current, key)}</td><td class="num">${a === null || b === null ? "\u2014" : formatChange(b - a)}</td></tr>`;
  });
  const confusion = (quality) => [quality.confusion.tp, quality.confusion.fp, quality.confusion.fn, quality.confusion.tn].map(formatCount).join(" / ");
  rows.push(
    `<tr><td>labelled rows</td><td class="num">${formatCount(block.reference.labelled)} of ${formatCount(block.reference.rows)}</td><td class="num">${formatCount(block.current.labelled)} of ${formatCount(block.current.rows)}</td><td></td></tr>`,
    `<tr><td>tp / fp / fn / tn</td><td class="num">${confusion(block.reference)}</td><td class="num">${confusion(block.current)}</td><td></td></tr>`
  );
  return `<table class="stats"><thead><tr><th>metric</th><th class="num">${escapeXml(labels.reference)}</th><th class="num">${escapeXml(labels.current)}</th><th class="num">change</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
function modelSectionHtml(block, labels) {
  const drift = block.prediction_drift;
  const driftState2 = drift.skipped !== null ? "skipped" : drift.drift_detected ? "drifted" : "stable";
  const stateText = drift.skipped !== null ? "\u2013 not tested" : drift.drift_detected ? "\u25B2 drifted" : "\u25CB stable";
  const driftDetail = drift.skipped !== null ? ` (${escapeXml(drift.skipped)})` : ` \xB7 ${escapeXml(drift.stattest_name ?? drift.stattest ?? "\u2014")} ${formatScore(drift.drift_score)} (threshold ${formatScore(drift.threshold)})`;
  const interval = block.auc_drop_ci95 ? ` \xB7 95% interval [${formatChange(block.auc_drop_ci95[0])}, ${formatChange(block.auc_drop_ci95[1])}] (DeLong)` : "";
  const rule = block.max_auc_drop === void 0 ? "" : `<dt>rule</dt><dd>RETRAIN when ${block.auc_drop_confidence === void 0 ? "the drop" : `its lower ${formatPercent(block.auc_drop_confidence)} bound (${formatChange(block.auc_drop_lower_bound)})`} \u2265 ${block.max_auc_drop}</dd>`;
  const notes = [];
  for (const [side, quality] of [
    [labels.reference, block.reference],
    [labels.current, block.current]
  ]) {
    for (const [metric, reason] of Object.entries(quality.skipped ?? {}))
      notes.push(`${escapeXml(side)}: ${metric} skipped (${escapeXml(reason)})`);
    for (const warning of quality.warnings ?? []) notes.push(`${escapeXml(side)}: ${escapeXml(warning)}`);
  }
  return [
    '<h2 id="model">Model quality</h2>',
    '<div class="panel"><dl class="kv">',
    `<dt>model</dt><dd><code>${escapeXml(block.source)}</code> \xB7 target <code>${escapeXml(block.target)}</code> \xB7 threshold ${block.threshold}</dd>`,
    `<dt>ROC AUC</dt><dd>${formatMetric(block.reference.roc_auc)} \u2192 ${formatMetric(block.current.roc_auc)} \xB7 drop <strong>${formatChange(block.auc_drop)}</strong>${interval}</dd>`,
    rule,
    `<dt>prediction drift</dt><dd><span class="state ${driftState2}">${stateText}</span>${driftDetail}</dd>`,
    "</dl></div>",
    `<div class="model-charts">${rocCurvesSvg(block, labels)}${calibrationSvg(block, labels)}</div>`,
    metricTable(block, labels),
    notes.length > 0 ? `<ul class="muted">${notes.map((note) => `<li>${note}</li>`).join("")}</ul>` : ""
  ].join("\n");
}

// src/report/svg.ts
var WIDTH = 560;
var PLOT_LEFT = 44;
var PLOT_RIGHT = WIDTH - 12;
var LEGEND_HEIGHT = 22;
function px2(value) {
  return String(Math.round(value * 10) / 10);
}
function shares(counts, extra = 0) {
  const total = counts.reduce((sum, count) => sum + count, 0) + extra;
  return counts.map((count) => total > 0 ? count / total : 0);
}
function niceShareMax(maximum) {
  if (!(maximum > 0)) return 0.01;
  const step = maximum > 0.2 ? 0.1 : maximum > 0.05 ? 0.05 : 0.01;
  return Math.min(1, Math.ceil(maximum / step - 1e-9) * step);
}
function legend(labels, y) {
  const reference = `reference \xB7 ${truncateLabel(labels.reference, 40)}`;
  const current = `current \xB7 ${truncateLabel(labels.current, 40)}`;
  const currentX = PLOT_LEFT + 26 + reference.length * 6.4 + 24;
  return `<g class="lg"><rect class="ref" x="${PLOT_LEFT}" y="${y}" width="14" height="10"/><text x="${PLOT_LEFT + 20}" y="${y + 9}">${escapeXml(reference)}</text><rect class="cur" x="${px2(currentX)}" y="${y}" width="14" height="10"/><text x="${px2(currentX + 20)}" y="${y + 9}">${escapeXml(current)}</text></g>`;
}
function open(height, title, column) {
  return `<svg class="chart" data-column="${escapeXml(column)}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`;
}
function tickIndices(count, wanted) {
  const step = Math.max(1, Math.ceil((count - 1) / (wanted - 1)));
  const indices = [];
  for (let i = 0; i < count; i += step) indices.push(i);
  return indices;
}
function histogramSvg(column, distribution, labels) {
  const edges = distribution.bin_edges;
  const binCount = edges.length - 1;
  const top = LEGEND_HEIGHT + 8;
  const bottom = 176;
  const height = bottom + 22;
  const title = `Distribution of ${column}: reference vs current, share of rows per bin`;
  if (binCount < 1) {
    return `${open(height, title, column)}<text class="empty" x="${WIDTH / 2}" y="${height / 2}">no values</text></svg>`;
  }
  const referenceShares = shares(distribution.reference_counts);
  const currentShares = shares(distribution.current_counts);
  const yMax = niceShareMax(Math.max(...referenceShares, ...currentShares));
  const binWidth = (PLOT_RIGHT - PLOT_LEFT) / binCount;
  const x = (bin) => PLOT_LEFT + bin * binWidth;
  const y = (share) => bottom - share / yMax * (bottom - top);
  const parts = [open(height, title, column), legend(labels, 4)];
  for (const fraction of [0, 0.5, 1]) {
    const yy = px2(y(yMax * fraction));
    parts.push(
      `<line class="grid" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${yy}" y2="${yy}"/>`,
      `<text class="yt" x="${PLOT_LEFT - 4}" y="${yy}">${formatPercent(yMax * fraction)}</text>`
    );
  }
  const unitBins = edges.every((edge, i) => i === 0 || edge - edges[i - 1] === 1) && Math.abs(edges[0] % 1) === 0.5;
  const binLabel = (bin) => unitBins ? formatTick(edges[bin] + 0.5) : `${formatTick(edges[bin])} \u2013 ${formatTick(edges[bin + 1])}`;
  for (let bin = 0; bin < binCount; bin++) {
    const barTop = y(referenceShares[bin]);
    const tip = `${binLabel(bin)}: reference ${distribution.reference_counts[bin]} (${formatPercent(referenceShares[bin])}), current ${distribution.current_counts[bin]} (${formatPercent(currentShares[bin])})`;
    parts.push(
      `<rect class="ref" x="${px2(x(bin) + 0.5)}" y="${px2(barTop)}" width="${px2(Math.max(binWidth - 1, 0.5))}" height="${px2(bottom - barTop)}"><title>${escapeXml(tip)}</title></rect>`
    );
  }
  let path = `M${px2(x(0))} ${bottom}`;
  for (let bin = 0; bin < binCount; bin++) {
    const yy = px2(y(currentShares[bin]));
    path += `V${yy}H${px2(x(bin + 1))}`;
  }
  path += `V${bottom}`;
  parts.push(`<path class="cur" d="${path}"/>`);
  parts.push(`<line class="axis" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${bottom}" y2="${bottom}"/>`);
  if (unitBins) {
    for (const bin of tickIndices(binCount, 12)) {
      parts.push(
        `<text class="xt" x="${px2(x(bin) + binWidth / 2)}" y="${bottom + 14}">${binLabel(bin)}</text>`
      );
    }
  } else {
    for (const edge of tickIndices(edges.length, 7)) {
      parts.push(`<text class="xt" x="${px2(x(edge))}" y="${bottom + 14}">${formatTick(edges[edge])}</text>`);
    }
  }
  parts.push("</svg>");
  return parts.join("");
}
function categoriesSvg(column, distribution, labels) {
  const names = [...distribution.categories];
  const referenceCounts = [...distribution.reference_counts];
  const currentCounts = [...distribution.current_counts];
  if (distribution.reference_other > 0 || distribution.current_other > 0) {
    names.push("(other values)");
    referenceCounts.push(distribution.reference_other);
    currentCounts.push(distribution.current_other);
  }
  const referenceShares = shares(referenceCounts);
  const currentShares = shares(currentCounts);
  const labelWidth = 150;
  const barLeft = labelWidth + 8;
  const barRight = PLOT_RIGHT - 44;
  const rowHeight = 26;
  const top = LEGEND_HEIGHT + 6;
  const height = top + Math.max(names.length, 1) * rowHeight + 6;
  const title = `Distribution of ${column}: reference vs current, share of rows per value`;
  const xMax = niceShareMax(Math.max(0, ...referenceShares, ...currentShares));
  const width = (share) => share / xMax * (barRight - barLeft);
  const parts = [open(height, title, column), legend(labels, 4)];
  if (names.length === 0) parts.push(`<text class="empty" x="${WIDTH / 2}" y="${top + 14}">no values</text>`);
  names.forEach((name, row) => {
    const rowTop = top + row * rowHeight;
    const tip = `${name}: reference ${referenceCounts[row]} (${formatPercent(referenceShares[row])}), current ${currentCounts[row]} (${formatPercent(currentShares[row])})`;
    const referenceWidth = width(referenceShares[row]);
    const currentWidth = width(currentShares[row]);
    parts.push(
      `<g><title>${escapeXml(tip)}</title>`,
      `<text class="cl" x="${labelWidth}" y="${px2(rowTop + 15)}">${escapeXml(truncateLabel(name, 24))}</text>`,
      `<rect class="ref" x="${barLeft}" y="${px2(rowTop + 2)}" width="${px2(referenceWidth)}" height="10"/>`,
      `<rect class="cur" x="${barLeft}" y="${px2(rowTop + 13)}" width="${px2(currentWidth)}" height="10"/>`,
      `<text class="bv" x="${px2(barLeft + referenceWidth + 4)}" y="${px2(rowTop + 11)}">${formatPercent(referenceShares[row])}</text>`,
      `<text class="bv" x="${px2(barLeft + currentWidth + 4)}" y="${px2(rowTop + 22)}">${formatPercent(currentShares[row])}</text>`,
      "</g>"
    );
  });
  parts.push(`<line class="axis" x1="${barLeft}" x2="${barLeft}" y1="${top}" y2="${height - 6}"/>`);
  parts.push("</svg>");
  return parts.join("");
}
function distributionSvg(column, distribution, labels) {
  switch (distribution.kind) {
    case "histogram":
      return histogramSvg(column, distribution, labels);
    case "categories":
      return categoriesSvg(column, distribution, labels);
  }
}
function driftShareGaugeSvg(options) {
  const left = 10;
  const right = WIDTH - 10;
  const x = (share) => left + Math.min(Math.max(share, 0), 1) * (right - left);
  const { driftShare, retrainThreshold, datasetDriftThreshold } = options;
  const title = `Drift share ${formatPercent(driftShare)} against retrain threshold ${formatPercent(retrainThreshold)} and dataset-drift threshold ${formatPercent(datasetDriftThreshold)}`;
  const marks = [
    { share: retrainThreshold, label: `retrain \u2265 ${formatPercent(retrainThreshold)}`, y: 12 },
    { share: datasetDriftThreshold, label: `dataset drift \u2265 ${formatPercent(datasetDriftThreshold)}`, y: 70 }
  ];
  const parts = [
    `<svg class="gauge" viewBox="0 0 ${WIDTH} 78" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`,
    `<rect class="track" x="${left}" y="24" width="${right - left}" height="26" rx="3"/>`,
    `<rect class="fill" x="${left}" y="24" width="${px2(x(driftShare) - left)}" height="26" rx="3"/>`,
    `<text class="gv" x="${left + 6}" y="42">drift share ${formatPercent(driftShare)}</text>`
  ];
  for (const mark of marks) {
    const xx = px2(x(mark.share));
    const anchor = mark.share > 0.75 ? "end" : mark.share < 0.1 ? "start" : "middle";
    parts.push(
      `<line class="mark" x1="${xx}" x2="${xx}" y1="18" y2="56"/>`,
      `<text class="ml" x="${xx}" y="${mark.y}" text-anchor="${anchor}">${escapeXml(mark.label)}</text>`
    );
  }
  parts.push("</svg>");
  return parts.join("");
}

// src/report/templates.generated.ts
var templates = {
  column: `<details class="card {{state}}" id="{{anchor}}"{{#open}} open{{/open}}>
<summary><span class="name">{{column}}</span> <span class="state {{state}}">{{stateIcon}} {{stateText}}</span> <span class="muted">{{columnType}} \xB7 {{testName}} \xB7 score {{score}} vs threshold {{threshold}}</span></summary>
{{#skipped}}<p class="muted">Skipped: {{skipped}}</p>{{/skipped}}
{{{chart}}}
{{^chart}}<p class="muted">No distribution chart for this column.</p>{{/chart}}
<dl class="kv">
<dt>rows (non-missing)</dt><dd>reference {{referenceSize}} \xB7 current {{currentSize}}</dd>
{{#statistic}}<dt>statistic</dt><dd>{{statistic}}</dd>{{/statistic}}
{{#method}}<dt>p-value method</dt><dd>{{method}}</dd>{{/method}}
{{#extras}}<dt>{{key}}</dt><dd>{{value}}</dd>
{{/extras}}
</dl>
{{#warnings.length}}<ul class="warn">{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>{{/warnings.length}}
{{#summary.length}}<table class="stats"><thead><tr><th>summary</th><th class="num">reference</th><th class="num">current</th></tr></thead><tbody>
{{#summary}}<tr><td>{{key}}</td><td class="num">{{reference}}</td><td class="num">{{current}}</td></tr>
{{/summary}}</tbody></table>{{/summary.length}}
</details>
`,
  report: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="driftwatch">
<title>{{action}} \xB7 drift {{driftShare}} \xB7 {{referenceLabel}} \u2192 {{currentLabel}}</title>
<style>
{{{styles}}}</style>
</head>
<body>
<main>
<header>
<h1>Drift report: {{referenceLabel}} \u2192 {{currentLabel}}</h1>
<div class="muted">{{numberOfDrifted}} of {{numberOfColumns}} tested columns drifted{{#numberSkipped}} \xB7 {{numberSkipped}} skipped{{/numberSkipped}} \xB7 report schema v{{schemaVersion}}</div>
</header>

<section class="top">
<div class="panel decision {{decisionClass}}" id="decision">
<div class="muted">Decision</div>
<div class="verdict">{{decisionIcon}} {{action}}</div>
<div>{{reason}}</div>
<dl class="kv">
<dt>drift share</dt><dd><strong>{{driftShare}}</strong> ({{numberOfDrifted}} / {{numberOfColumns}} columns)</dd>
<dt>retrain threshold</dt><dd>{{retrainThreshold}}</dd>
<dt>dataset drift</dt><dd>{{datasetDriftText}} (threshold {{driftShareThreshold}})</dd>
</dl>
</div>
<div class="panel {{gaugeClass}}">
{{{gauge}}}
<dl class="kv">
<dt>reference</dt><dd><strong>{{referenceLabel}}</strong> \xB7 {{referenceRows}} rows{{#referenceSource}} \xB7 <code>{{referenceSource}}</code>{{/referenceSource}}</dd>
<dt>current</dt><dd><strong>{{currentLabel}}</strong> \xB7 {{currentRows}} rows{{#currentSource}} \xB7 <code>{{currentSource}}</code>{{/currentSource}}</dd>
</dl>
</div>
</section>

{{#target}}
<h2 id="target">Target: {{column}}</h2>
<div class="panel">
<dl class="kv">
<dt>drift</dt><dd><span class="state {{state}}">{{stateIcon}} {{stateText}}</span> \xB7 {{testName}} score {{score}}</dd>
<dt>positive rate</dt><dd>reference {{referenceRate}} \u2192 current {{currentRate}} (absolute difference {{absRateDiff}})</dd>
</dl>
</div>
{{/target}}

{{#modelSection}}
{{{modelSection}}}
{{/modelSection}}

{{#trendSection}}
{{{trendSection}}}
{{/trendSection}}

{{#datasetSummary.length}}
<h2 id="summary">Data summary</h2>
<table class="stats"><thead><tr><th></th><th class="num">reference</th><th class="num">current</th></tr></thead><tbody>
{{#datasetSummary}}<tr><td>{{key}}</td><td class="num">{{reference}}</td><td class="num">{{current}}</td></tr>
{{/datasetSummary}}</tbody></table>
{{/datasetSummary.length}}

<h2 id="columns">Columns ({{totalColumns}}: {{numberOfDrifted}} drifted{{#numberSkipped}}, {{numberSkipped}} skipped{{/numberSkipped}})</h2>
<div class="scroll">
<table class="columns">
<thead><tr><th>column</th><th>drift</th><th>type</th><th>test</th><th class="num">score</th><th class="num">threshold</th></tr></thead>
<tbody>
{{#rows}}<tr class="{{state}}"><td><a href="#{{anchor}}">{{column}}</a></td><td><span class="state {{state}}">{{stateIcon}} {{stateText}}</span></td><td>{{columnType}}</td><td>{{testName}}</td><td class="num">{{score}}</td><td class="num">{{threshold}}</td></tr>
{{/rows}}
</tbody>
</table>
</div>

{{#drifted.length}}
<h2 id="drifted">Drifted columns ({{drifted.length}})</h2>
<div class="cards">
{{#drifted}}{{> column}}{{/drifted}}
</div>
{{/drifted.length}}

{{#others.length}}
<h2 id="others">Other columns ({{others.length}})</h2>
<div class="cards">
{{#others}}{{> column}}{{/others}}
</div>
{{/others.length}}

<footer>Generated by driftwatch. Charts show each side's share of non-missing rows; reference as filled bars, current as an outline. Hover a bar for exact counts.</footer>
</main>
</body>
</html>
`,
  styles: `:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--ref:#4c78a8;--cur:#d9480f;--drift:#b42318;--drift-bg:#fde8e7;--ok:#1a7f37;--ok-bg:#dafbe1;--skip:#6e7781;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--panel:#161b22;--ref:#6d9eeb;--cur:#ff8c4a;--drift:#ff7b72;--drift-bg:#3d1a1a;--ok:#3fb950;--ok-bg:#12261e}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:20px 24px 48px}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:28px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.muted{color:var(--muted)}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.top{display:grid;grid-template-columns:minmax(260px,1fr) minmax(300px,1.4fr);gap:16px;align-items:stretch;margin-top:14px}
@media (max-width:800px){.top{grid-template-columns:1fr}}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
.decision{border-left:6px solid var(--ok)}
.decision.retrain{border-left-color:var(--drift)}
.verdict{font-size:26px;font-weight:700;letter-spacing:.02em;margin:2px 0 6px}
.retrain .verdict{color:var(--drift)}
.no-action .verdict{color:var(--ok)}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:8px 0 0}
dl.kv dt{color:var(--muted)}
dl.kv dd{margin:0;font-variant-numeric:tabular-nums}
.gauge{width:100%;height:auto;display:block;margin-top:4px}
.gauge .track{fill:var(--bg);stroke:var(--line)}
.gauge .fill{fill:var(--drift);opacity:.8}
.no-action-gauge .gauge .fill{fill:var(--ok)}
.gauge .gv{font-size:13px;font-weight:600;fill:var(--fg)}
.gauge .mark{stroke:var(--fg);stroke-width:2;stroke-dasharray:4 2}
.gauge .ml{font-size:11.5px;fill:var(--fg)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:5px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12.5px;position:sticky;top:0;background:var(--bg)}
td.num,th.num{text-align:right}
table.columns td{white-space:nowrap}
tr.drifted td:first-child{box-shadow:inset 3px 0 var(--drift)}
.state{font-weight:600;white-space:nowrap}
.state.drifted{color:var(--drift)}
.state.stable{color:var(--ok)}
.state.skipped{color:var(--skip);font-weight:400}
a{color:inherit}
.cards{display:grid;align-items:start;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:14px}
@media (max-width:600px){.cards{grid-template-columns:1fr}main{padding:12px}}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--bg)}
.card.drifted{border-color:var(--drift)}
.card>summary{cursor:pointer;list-style:none;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
.card>summary::-webkit-details-marker{display:none}
.card>summary::before{content:"\u25B8";color:var(--muted)}
.card[open]>summary::before{content:"\u25BE"}
.card .name{font-weight:600;font-size:15px}
.chart{width:100%;height:auto;display:block;margin:8px 0 4px}
.chart text{font-size:11px;fill:var(--muted)}
.chart .lg text{fill:var(--fg)}
.chart .ref{fill:var(--ref);fill-opacity:.55;stroke:var(--ref);stroke-width:.6}
.chart .cur{fill:none;stroke:var(--cur);stroke-width:2.2;stroke-linejoin:round}
.chart rect.cur{fill:var(--cur);fill-opacity:.12}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart .axis{stroke:var(--muted);stroke-width:1}
.chart .yt{text-anchor:end;dominant-baseline:middle}
.chart .xt{text-anchor:middle}
.chart .cl{text-anchor:end;fill:var(--fg)}
.chart .empty{text-anchor:middle}
.chart .bv{font-size:10.5px}
.model-charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:14px;margin:10px 0}
.chart .ref-line{fill:none;stroke:var(--ref);stroke-width:2;stroke-linejoin:round}
.chart .cur-line{fill:none;stroke:var(--cur);stroke-width:2.2;stroke-dasharray:6 3;stroke-linejoin:round}
.chart .ref-point{fill:var(--ref)}
.chart .cur-point{fill:var(--bg);stroke:var(--cur);stroke-width:2}
.chart .diag{fill:none;stroke:var(--muted);stroke-width:1;stroke-dasharray:2 3}
table.stats{width:auto;margin-top:6px;font-size:12.5px}
table.stats td,dl.kv dd{overflow-wrap:anywhere}
table.stats th,table.stats td{padding:2px 10px}
.warn{color:var(--drift);font-size:12.5px;margin:4px 0 0;padding-left:18px}
footer{margin-top:32px;color:var(--muted);font-size:12px}
@media print{.card{break-inside:avoid}th{position:static}}
.spark{color:var(--ref);vertical-align:middle}.spark .dot{fill:var(--bg);stroke:var(--ref);stroke-width:1}.spark .dot.drifted{fill:var(--drift);stroke:var(--drift)}
.runs{margin:0 0 10px;padding-left:22px}
`
};

// src/report/html.ts
var STATE_TEXT = {
  drifted: { icon: "\u25B2", text: "drifted" },
  stable: { icon: "\u25CB", text: "stable" },
  skipped: { icon: "\u2013", text: "skipped" }
};
function formatValue(value) {
  if (typeof value === "number") {
    if (Number.isInteger(value)) return formatCount(value);
    const magnitude = Math.abs(value);
    return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e9) ? formatScore(value) : String(Number(value.toPrecision(4)));
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null || value === void 0) return "\u2014";
  if (isRecord(value) && typeof value.count === "number" && typeof value.share === "number" && Object.keys(value).length === 2) {
    return `${formatCount(value.count)} (${formatPercent(value.share)})`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length > 0 && entries.length <= 8 && entries.every(([, item]) => item === null || typeof item !== "object")) {
      return entries.map(([key, item]) => `${key} ${formatValue(item)}`).join(" \xB7 ");
    }
  }
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 199)}\u2026` : json;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function datasetSummaryRows(summary) {
  const keys = [
    "rows",
    "columns",
    "columns_by_type",
    "duplicated_rows",
    "empty_rows",
    "empty_columns",
    "constant_columns",
    "almost_constant_columns",
    "missing_cells"
  ];
  return keys.map((key) => ({
    key: fieldLabel(key),
    reference: formatValue(summary.reference[key]),
    current: formatValue(summary.current[key])
  }));
}
function columnSummaryEntries(entry) {
  const flat = /* @__PURE__ */ new Map([
    ["count", formatValue(entry.count)],
    ["missing", formatValue(entry.missing)],
    ["distinct", formatValue(entry.distinct)]
  ]);
  switch (entry.type) {
    case "numerical":
      flat.set("min", formatValue(entry.min));
      flat.set("max", formatValue(entry.max));
      flat.set("mean", formatValue(entry.mean));
      flat.set("standard deviation", formatValue(entry.std));
      for (const [quantile, item] of Object.entries(entry.quantiles))
        flat.set(`${Number(quantile) * 100}th percentile`, formatValue(item));
      break;
    case "categorical":
    case "text": {
      const first = entry.top[0];
      if (first) flat.set("most frequent", `${formatValue(first.value)} (${formatPercent(first.share)})`);
      break;
    }
    case "datetime":
      flat.set("min", formatValue(entry.min));
      flat.set("max", formatValue(entry.max));
      break;
  }
  return flat;
}
function columnSummaryRows(summary, column) {
  const entry = (side) => {
    const found = side.by_column.find((item) => item.column === column);
    return found ? columnSummaryEntries(found) : /* @__PURE__ */ new Map();
  };
  const reference = entry(summary.reference);
  const current = entry(summary.current);
  const keys = [.../* @__PURE__ */ new Set([...reference.keys(), ...current.keys()])];
  return keys.map((key) => ({ key, reference: reference.get(key) ?? "\u2014", current: current.get(key) ?? "\u2014" }));
}
var FIELD_LABELS = {
  wasserstein_normed: "normed Wasserstein",
  jensenshannon: "Jensen-Shannon",
  fdr_bh: "Benjamini-Hochberg (fdr_bh)",
  bonferroni: "Bonferroni",
  holm: "Holm",
  value_counts: "value counts computed in the database",
  sql_statistics: "statistics computed in SQL (KS D, Wasserstein sum, histogram bins, moments)"
};
function fieldLabel(key) {
  return FIELD_LABELS[key] ?? key.replace(/_/g, " ");
}
function extraFields(column) {
  const labelled = (value) => isRecord(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [fieldLabel(key), item])) : typeof value === "string" ? fieldLabel(value) : value;
  const extras = [
    ["effect size", labelled(column.effect)],
    ["missing share", column.missing_share],
    ["missing-value drift p-value", column.missing_p_value],
    ["missing-value drift", column.missing_drift_detected],
    ["adjusted p-value", column.drift_score_adjusted],
    ["multiple-testing correction", labelled(column.correction)],
    // How the statistics were computed, when not from the values themselves (--compute database).
    ["computed from", column.computed === "values" ? void 0 : labelled(column.computed)]
  ];
  return extras.flatMap(([key, value]) => value === void 0 ? [] : [{ key, value: formatValue(value) }]);
}
function testName(column) {
  return column.stattest_name ?? column.stattest ?? "\u2014";
}
function columnView(column, index, labels, reportSummary) {
  const state = driftState(column);
  return {
    anchor: `col-${index}`,
    column: column.column,
    columnType: column.column_type,
    state,
    stateIcon: STATE_TEXT[state].icon,
    stateText: STATE_TEXT[state].text,
    open: state === "drifted",
    testName: testName(column),
    score: formatScore(column.drift_score),
    threshold: formatScore(column.threshold),
    skipped: column.skipped,
    referenceSize: formatCount(column.reference_size),
    currentSize: formatCount(column.current_size),
    statistic: column.statistic === void 0 ? null : formatScore(column.statistic),
    method: column.method ?? null,
    warnings: column.warnings ?? [],
    extras: extraFields(column),
    summary: columnSummaryRows(reportSummary, column.column),
    chart: column.distribution ? distributionSvg(column.column, column.distribution, labels) : ""
  };
}
function targetView(target, columns) {
  const state = target.drift_score === null ? "skipped" : target.drift_detected ? "drifted" : "stable";
  return {
    column: target.column,
    state,
    stateIcon: STATE_TEXT[state].icon,
    stateText: STATE_TEXT[state].text,
    testName: columns.find((column) => column.column === target.column)?.stattest_name ?? target.stattest ?? "\u2014",
    score: formatScore(target.drift_score),
    referenceRate: formatPercent(target.reference_rate),
    currentRate: formatPercent(target.current_rate),
    absRateDiff: target.abs_rate_diff === null ? "\u2014" : `${formatScore(target.abs_rate_diff * 100)} pp`
  };
}
function renderHtml(report) {
  const labels = { reference: report.reference.label, current: report.current.label };
  const ordered = orderColumns(report.columns);
  const views = ordered.map((column, index) => columnView(column, index, labels, report.summary));
  const retrain = report.decision.action === "RETRAIN";
  const skipped = views.filter((column) => column.state === "skipped").length;
  const view = {
    schemaVersion: report.schema_version,
    action: report.decision.action,
    decisionClass: retrain ? "retrain" : "no-action",
    gaugeClass: retrain ? "retrain-gauge" : "no-action-gauge",
    decisionIcon: retrain ? "\u26A0" : "\u2713",
    reason: report.decision.reason,
    driftShare: formatPercent(report.drift_share),
    retrainThreshold: formatPercent(report.decision.retrain_threshold),
    driftShareThreshold: formatPercent(report.drift_share_threshold),
    datasetDriftText: report.dataset_drift ? "\u25B2 yes" : "\u25CB no",
    numberOfColumns: formatCount(report.number_of_columns),
    numberOfDrifted: formatCount(report.number_of_drifted_columns),
    totalColumns: formatCount(report.columns.length),
    numberSkipped: skipped > 0 ? formatCount(skipped) : null,
    referenceLabel: report.reference.label,
    referenceRows: formatCount(report.reference.rows),
    referenceSource: report.reference.source ?? null,
    currentLabel: report.current.label,
    currentRows: formatCount(report.current.rows),
    currentSource: report.current.source ?? null,
    gauge: driftShareGaugeSvg({
      driftShare: report.drift_share,
      retrainThreshold: report.decision.retrain_threshold,
      datasetDriftThreshold: report.drift_share_threshold
    }),
    target: report.target ? targetView(report.target, report.columns) : null,
    datasetSummary: datasetSummaryRows(report.summary),
    rows: views,
    drifted: views.filter((column) => column.state === "drifted"),
    others: views.filter((column) => column.state !== "drifted"),
    modelSection: report.model ? modelSectionHtml(report.model, labels) : null,
    trendSection: report.trend ? trendHtml(report.trend) : null
  };
  return mustache_default.render(
    templates.report,
    { ...view, styles: templates.styles },
    { column: templates.column }
  );
}

// src/report/json.ts
function renderJson(report) {
  return JSON.stringify(
    report,
    (_key, value) => typeof value === "number" && !Number.isFinite(value) ? null : value,
    2
  ) + "\n";
}

// src/report/markdown.ts
var DEFAULT_MARKDOWN_MAX_LENGTH = 65e3;
var STATE_MARK = { drifted: "\u25B2 drifted", stable: "\u25CB stable", skipped: "\u2013 skipped" };
function codeName(name) {
  const flat = name.replace(/[\r\n]+/g, " ");
  if (!/[`|<>&\\]/.test(flat)) return `\`${flat}\``;
  const escaped = flat.replace(/[&<>|`\\]/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<code>${escaped}</code>`;
}
function cellText(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/&(?=#?[A-Za-z0-9]+;)/g, "&#38;").replace(/\|/g, "&#124;").replace(/<(?=[A-Za-z/!?])/g, "&#60;");
}
function testName2(column) {
  const suffix = column.computed === "sql_statistics" ? " (SQL statistics)" : "";
  return cellText(`${column.stattest_name ?? column.stattest ?? "\u2014"}${suffix}`);
}
function driftedRow(column) {
  return `| ${codeName(column.column)} | ${column.column_type} | ${testName2(column)} | ${formatScore(column.drift_score)} | ${formatScore(column.threshold)} |`;
}
function fullRow(column) {
  const state = driftState(column);
  const drift = state === "skipped" ? `${STATE_MARK.skipped}: ${cellText(column.skipped ?? "")}` : STATE_MARK[state];
  return `| ${codeName(column.column)} | ${drift} | ${column.column_type} | ${testName2(column)} | ${formatScore(column.drift_score)} | ${formatScore(column.threshold)} |`;
}
function snapshot(side) {
  return `${codeName(side.label)} (${formatCount(side.rows)} rows)`;
}
function headline(report) {
  const retrain = report.decision.action === "RETRAIN";
  return `**${retrain ? "\u26A0\uFE0F RETRAIN" : "\u2705 NO_ACTION"}** \xB7 drift share **${formatPercent(report.drift_share)}** (${formatCount(report.number_of_drifted_columns)} of ${formatCount(report.number_of_columns)} columns) \xB7 retrain threshold ${formatPercent(report.decision.retrain_threshold)} \xB7 dataset drift threshold ${formatPercent(report.drift_share_threshold)} (${report.dataset_drift ? "reached" : "not reached"}) \xB7 ${snapshot(report.reference)} \u2192 ${snapshot(report.current)}`;
}
function targetLine(report) {
  const target = report.target;
  if (!target) return null;
  const state = target.drift_score === null ? "not tested" : target.drift_detected ? "\u25B2 drifted" : "\u25CB stable";
  const rates = target.reference_rate === null || target.current_rate === null ? "" : ` \xB7 positive rate ${formatPercent(target.reference_rate)} \u2192 ${formatPercent(target.current_rate)}`;
  const column = report.columns.find((candidate) => candidate.column === target.column);
  const test = column?.stattest_name ?? target.stattest ?? "\u2014";
  return `**Target** ${codeName(target.column)}: ${state} (${cellText(test)} score ${formatScore(target.drift_score)})${rates}`;
}
function renderMarkdown(report, options = {}) {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new Error(`renderMarkdown: maxLength must be a positive integer, got ${maxLength}`);
  }
  const url = options.reportUrl;
  const fullReport = url === void 0 ? "" : `; full report: ${url}`;
  const ordered = orderColumns(report.columns);
  const drifted = ordered.filter((column) => driftState(column) === "drifted");
  const head = [headline(report), "", `> ${cellText(report.decision.reason)}`];
  const target = targetLine(report);
  if (target) head.push("", target);
  if (report.model)
    head.push(
      "",
      ...modelSectionMarkdown(report.model, {
        reference: report.reference.label,
        current: report.current.label
      })
    );
  const charts = driftScoreCharts(ordered);
  const trend = report.trend ? trendMarkdown(report.trend, report.decision.retrain_threshold) : [];
  const footer = url === void 0 ? [] : ["", `Full report: ${url}`];
  const cutNote = (left) => `
_${formatCount(left)} more ${left === 1 ? "row" : "rows"} not shown (comment length limit)${fullReport}_`;
  const driftedTable = ["| Column | Type | Test | Score | Threshold |", "|---|---|---|---:|---:|"];
  const fullTable = ["| Column | Drift | Type | Test | Score | Threshold |", "|---|---|---|---|---:|---:|"];
  const driftedRows = drifted.map(driftedRow);
  const fullRows = ordered.map(fullRow);
  const assemble = (driftedShown, fullShown, withCharts = true) => {
    const parts = [...head, ""];
    if (drifted.length === 0) {
      parts.push("No column drifted.");
    } else {
      parts.push(`### Drifted columns (${formatCount(drifted.length)})`, "", ...driftedTable);
      parts.push(...driftedRows.slice(0, driftedShown));
      if (driftedShown < driftedRows.length) parts.push(cutNote(driftedRows.length - driftedShown));
    }
    if (charts && withCharts) parts.push("", charts);
    if (trend.length > 0) parts.push("", ...trend);
    parts.push("", `<details><summary>All columns (${formatCount(ordered.length)})</summary>`, "");
    parts.push(...fullTable, ...fullRows.slice(0, fullShown));
    if (fullShown < fullRows.length) parts.push(cutNote(fullRows.length - fullShown));
    parts.push("", "</details>", ...footer, "");
    return parts.join("\n");
  };
  const fits = (text2) => text2.length <= maxLength;
  const text = assemble(driftedRows.length, fullRows.length);
  if (fits(text)) return text;
  const largest = (limit, build) => {
    let low = 0;
    let high = limit;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(build(middle))) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  if (fits(assemble(driftedRows.length, 0))) {
    return assemble(
      driftedRows.length,
      largest(fullRows.length, (shown) => assemble(driftedRows.length, shown))
    );
  }
  if (fits(assemble(0, 0))) {
    return assemble(
      largest(driftedRows.length, (shown) => assemble(shown, 0)),
      0
    );
  }
  const bare = assemble(0, 0, false);
  if (fits(bare)) return bare;
  const note = `

_Cut at the length limit${fullReport}_
`;
  const room = maxLength - note.length;
  const headText = head.join("\n");
  return room > 0 ? headText.slice(0, room) + note : headText.slice(0, maxLength);
}

// src/snapshot/pair.ts
function withUnloaded(table, allColumns) {
  const loaded = new Set(table.columns.map((column) => column.name));
  return { ...table, unloaded: allColumns.filter((name) => !loaded.has(name)) };
}
async function readDatabasePair(reference, current, include, names, summarize) {
  const settings = snapshotSettingsOf(reference, current, names);
  const { countPostgresSnapshots, readPostgresSnapshots } = await import("./lib-postgres-VFS6WJXW.js");
  if (reference.database.compute === "database") {
    const counted = await countPostgresSnapshots(settings, include, void 0, summarize);
    return {
      reference: counted.reference,
      current: counted.current,
      rowFacts: counted.rowFacts,
      ...counted.summarized.length > 0 ? { summarized: counted.summarized, columnOrder: counted.columnOrder } : {},
      labels: { reference: counted.referenceAsOf, current: counted.currentAsOf }
    };
  }
  const read = await readPostgresSnapshots(settings, include);
  return {
    reference: withUnloaded(read.reference, read.allColumns),
    current: withUnloaded(read.current, read.allColumns),
    rowFacts: { reference: rowFactsOf(read.reference), current: rowFactsOf(read.current) },
    labels: { reference: read.referenceAsOf, current: read.currentAsOf }
  };
}
async function readSnapshotPair(sources, options = {}) {
  const { reference, current } = sources;
  if (reference.kind === "postgres" || current.kind === "postgres") {
    if (reference.kind !== "postgres" || current.kind !== "postgres")
      throw new UserError("USAGE", "both snapshots must come from the database, or both from files");
    return readDatabasePair(
      reference,
      current,
      columnFilterFunction(options.columns),
      sources.names,
      options.summarize
    );
  }
  const files = [reference, current];
  const [first, second] = await readFileSources(
    files,
    sources.cwd,
    options.columns,
    options.readFiles,
    options.onBytes
  );
  return {
    reference: first.table,
    current: second.table,
    rowFacts: { reference: first.rowFacts, current: second.rowFacts },
    labels: { reference: defaultLabel(reference), current: defaultLabel(current) }
  };
}

// src/job/worker-pool.ts
import { Worker } from "node:worker_threads";
var NO_ROW_FACTS2 = { duplicatedRows: 0, emptyRows: 0 };
function valuesAllDiffer(tally, rows) {
  return tally !== void 0 && tally.summary.missing.count === 0 && tally.summary.distinct === rows;
}
function scoringTable(table, columns) {
  const types = new Map(columns.map((column) => [column.name, column.type]));
  return {
    source: table.source,
    rows: table.rows,
    columns: table.columns.flatMap((column) => {
      const type = types.get(column.name);
      if (type === void 0) return [];
      return type === "text" && column.type === "string" ? [{ ...column, dictionary: [] }] : [column];
    })
  };
}
var WorkerPool = class _WorkerPool {
  constructor(workers, needsLabels, failure) {
    this.workers = workers;
    this.needsLabels = needsLabels;
    this.broken = failure;
    for (const worker of workers) {
      worker.on("message", (reply) => {
        const pending = this.pending.get(reply.id);
        if (!pending) return;
        if (reply.kind === "bytes") {
          pending.onBytes?.(reply.bytes);
          return;
        }
        this.pending.delete(reply.id);
        if (reply.kind === "error") {
          const failure2 = reply.error;
          pending.reject(
            failure2.user ? new UserError(failure2.code, failure2.message, failure2.field) : "rowLimit" in failure2 ? new RowLimitExceeded(failure2.rowLimit.path, failure2.rowLimit.maxRows) : new Error(`worker thread: ${failure2.message}`)
          );
        } else pending.resolve(reply);
      });
      worker.on("error", (error) => {
        this.broken ??= error;
        this.failAll(error);
      });
      worker.on("exit", (code2) => {
        const error = new Error(`worker thread exited with code ${code2}`);
        if (!this.closing) this.broken ??= error;
        if (this.pending.size > 0) this.failAll(error);
      });
    }
  }
  workers;
  needsLabels;
  pending = /* @__PURE__ */ new Map();
  nextId = 0;
  /**
   * Why a thread stopped before it was asked to (it threw as it loaded, or exited): the pool starts while the job
   * still checks the files, so a thread can fail before any request is pending, and every later request fails so.
   */
  broken;
  closing = false;
  /** Summary tallies of the id columns whose labels stayed on the threads (see {@link readFiles}). */
  heldTallies = /* @__PURE__ */ new WeakMap();
  /** Tables read whose row facts wait for the scoring of a column (see {@link readFiles}), by the table given out. */
  awaitingScore = /* @__PURE__ */ new WeakMap();
  /**
   * A pool when the bundle's worker file is present and some file is big, else undefined (work in this thread).
   *
   * @param needsLabels columns whose labels the main thread reads whatever their shape (the target, forced types,
   *   the model's columns)
   */
  static forFiles(paths, needsLabels = () => false) {
    const url = workerUrl();
    const big = wantsThreads(paths);
    const prestarted = takePrestartedWorkers();
    if (!url || !big) {
      for (const worker of prestarted?.workers ?? []) void worker.terminate();
      return void 0;
    }
    return new _WorkerPool(
      prestarted?.workers ?? Array.from({ length: THREADS }, () => new Worker(url, WORKER_OPTIONS)),
      needsLabels,
      prestarted?.failure
    );
  }
  failAll(error) {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
  send(worker, request, onBytes) {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve4, reject) => {
      this.pending.set(id, { resolve: resolve4, reject, onBytes });
      worker.postMessage({ ...request, id });
    });
  }
  /**
   * Reads each file on its own thread, with its row facts; tables come back in shared memory. A string column with
   * its own label in every row of every file (an id left in the data, skipped as such) comes without its labels:
   * its dictionary is an empty array of the right length, its summary tally is kept for {@link mapColumns}. Where
   * the labels may be needed (the column is not an id in every file, or `needsLabels` says so) they are fetched.
   */
  readFiles = async (requests, onBytes) => {
    const rowFacts = [];
    const awaiting = [];
    const replies = await Promise.all(
      requests.map((request, index) => {
        const worker = this.workers[index % this.workers.length];
        const read = { kind: "read", ...request, progress: onBytes !== void 0 };
        return this.send(worker, read, onBytes).then((reply) => {
          const answer = reply;
          if (request.rowFacts === false) rowFacts[index] = Promise.resolve(NO_ROW_FACTS2);
          else if (answer.distinctColumn !== void 0) {
            const wait = this.rowFactsOnceScored(worker, answer.id, answer.distinctColumn);
            awaiting[index] = wait.awaiting;
            rowFacts[index] = wait.facts;
          } else {
            const facts = this.countRowFacts(worker, answer.id);
            facts.catch(() => void 0);
            rowFacts[index] = facts;
          }
          return reply;
        });
      })
    );
    const heldEverywhere = (name) => replies.every((reply) => reply.held.some((held) => held.name === name)) && !this.needsLabels(name);
    return Promise.all(
      replies.map(async (reply, index) => {
        const { table, held } = reply;
        const facts = rowFacts[index];
        const wait = awaiting[index];
        if (held.length === 0) {
          if (wait) this.awaitingScore.set(table, wait);
          return { table, rowFacts: facts };
        }
        const columns = await Promise.all(
          table.columns.map(async (column) => {
            const kept = held.find((entry) => entry.name === column.name);
            if (!kept || column.type !== "string") return column;
            if (heldEverywhere(column.name)) {
              const light = { ...column, dictionary: heldLabelsArray(column.codes.length) };
              this.heldTallies.set(light, kept.tally);
              return light;
            }
            const labels = await this.send(this.workers[index % this.workers.length], {
              kind: "labels",
              read: reply.id,
              column: column.name
            });
            return { ...column, dictionary: labels.dictionary };
          })
        );
        const whole = { ...table, columns };
        if (wait) this.awaitingScore.set(whole, wait);
        return { table: whole, rowFacts: facts };
      })
    );
  };
  /** The row facts a thread counts of the table its read request `read` read. */
  countRowFacts(worker, read) {
    return this.send(worker, { kind: "rowFacts", read }).then(
      (counted) => counted.rowFacts
    );
  }
  /**
   * Row facts that wait for the scoring of `column` (see {@link readFiles}): settled by {@link mapColumns} as soon
   * as that column is scored (none duplicated or empty, or counted by the thread from then), or once every column
   * is; when they are awaited before, they are counted then.
   */
  rowFactsOnceScored(worker, read, column) {
    let settled;
    const settle = (proven) => {
      if (settled === void 0) {
        settled = proven ? Promise.resolve(NO_ROW_FACTS2) : this.countRowFacts(worker, read);
        settled.catch(() => void 0);
      }
      return settled;
    };
    return {
      awaiting: { column, settle },
      facts: { then: (onFulfilled, onRejected) => settle(false).then(onFulfilled, onRejected) }
    };
  }
  /** Settles the row facts of a table that waited for this column's scoring (see {@link rowFactsOnceScored}). */
  settleRowFacts(work, tables) {
    for (const [table, tally] of [
      [tables.reference, work.referenceTally],
      [tables.current, work.currentTally]
    ]) {
      const wait = this.awaitingScore.get(table);
      if (wait?.column === work.result.column) wait.settle(valuesAllDiffer(tally, table.rows));
    }
  }
  /** Scores the planned columns on both threads, each given the next column as it finishes one; plan order kept. */
  mapColumns = async (columns, tables, options, scored) => {
    const reference = scoringTable(tables.reference, columns);
    const current = scoringTable(tables.current, columns);
    const ready = new Map(
      this.workers.map((worker) => [worker, this.send(worker, { kind: "tables", reference, current })])
    );
    for (const table of [tables.reference, tables.current]) {
      const wait = this.awaitingScore.get(table);
      if (wait && !columns.some((column) => column.name === wait.column)) wait.settle(false);
    }
    const works = new Array(columns.length);
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.flatMap((worker) => [worker, worker]).map(async (worker) => {
        await ready.get(worker);
        while (next < columns.length) {
          const index = next++;
          const reply = await this.send(worker, { kind: "column", column: columns[index], options });
          const work = reply.work;
          this.settleRowFacts(work, tables);
          works[index] = this.withHeldTallies(work, tables);
          scored?.(++done, columns.length);
        }
      })
    );
    for (const table of [tables.reference, tables.current]) this.awaitingScore.get(table)?.settle(false);
    return works;
  };
  /** A skipped id column's work with the summary tallies its reading threads computed (its labels stayed there). */
  withHeldTallies(work, tables) {
    if (work.referenceTally || work.currentTally) return work;
    const reference = getColumn(tables.reference, work.result.column);
    const current = getColumn(tables.current, work.result.column);
    const referenceTally = reference && this.heldTallies.get(reference);
    const currentTally = current && this.heldTallies.get(current);
    if (!referenceTally || !currentTally) return work;
    return { ...work, referenceTally, currentTally };
  }
  /** Stops the threads (an open worker keeps the process alive). */
  async close() {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
};

// src/job/progress.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
var PROGRESS_MIN_BYTES = 16 * 1024 * 1024;
var LOG_INTERVAL_MS = 5e3;
var TERMINAL_INTERVAL_MS = 100;
var MIB = 1024 * 1024;
var Progress = class _Progress {
  constructor(stream, terminal, now, totalBytes) {
    this.stream = stream;
    this.terminal = terminal;
    this.now = now;
    this.totalBytes = totalBytes;
  }
  stream;
  terminal;
  now;
  totalBytes;
  bytesRead = 0;
  scored = 0;
  columns = 0;
  lastWrite = Number.NEGATIVE_INFINITY;
  lastLength = 0;
  /**
   * The progress of a job with these sources, or undefined when it stays quiet: `quiet` set, a small job, or stderr
   * neither a terminal nor a CI log.
   */
  static forJob(settings, output) {
    if (!output || settings.quiet) return void 0;
    const terminal = output.stream.isTTY === true;
    const { CI, GITHUB_ACTIONS } = output.env;
    if (!terminal && CI !== "true" && GITHUB_ACTIONS !== "true") return void 0;
    const sources = [settings.reference, settings.current];
    const database = sources.some((source) => source.kind === "postgres");
    let totalBytes = 0;
    for (const source of sources) {
      if (source.kind !== "file" || source.path.startsWith("git:")) continue;
      try {
        totalBytes += statSync(resolve(settings.cwd, source.path)).size;
      } catch {
      }
    }
    if (!database && totalBytes < PROGRESS_MIN_BYTES) return void 0;
    return new _Progress(output.stream, terminal, output.now ?? (() => performance.now()), totalBytes);
  }
  /** More of the files' bytes were read. */
  bytes = (count) => {
    this.bytesRead += count;
    this.show(false);
  };
  /** `done` of `total` columns are scored. */
  columnsScored = (done, total) => {
    this.scored = done;
    this.columns = total;
    this.show(done === total);
  };
  /**
   * The job started. A terminal gets its line at once; a CI log gets its first line only after 5 s of work, so a
   * job that ends (or fails) sooner leaves nothing but its own output there.
   */
  start() {
    if (this.terminal) this.show(true);
    else this.lastWrite = this.now();
  }
  /** The job is over (done or failed): a terminal's line is cleared. */
  finish() {
    if (this.terminal && this.lastLength > 0) this.stream.write(`\r${" ".repeat(this.lastLength)}\r`);
    this.lastLength = 0;
  }
  /** The line as it stands. */
  text() {
    const parts = [];
    if (this.totalBytes > 0) {
      const read = Math.min(this.bytesRead, this.totalBytes);
      parts.push(
        `read ${(read / MIB).toFixed(1)} of ${(this.totalBytes / MIB).toFixed(1)} MiB (${Math.floor(read / this.totalBytes * 100)}%)`
      );
    } else parts.push("reading the snapshots");
    if (this.columns > 0) parts.push(`scored ${this.scored} of ${this.columns} columns`);
    return `driftwatch: ${parts.join(", ")}`;
  }
  show(force) {
    const now = this.now();
    const interval = this.terminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS;
    if (now - this.lastWrite < interval && !(force && this.terminal)) return;
    this.lastWrite = now;
    const text = this.text();
    if (this.terminal) {
      this.stream.write(`\r${text}${" ".repeat(Math.max(0, this.lastLength - text.length))}`);
      this.lastLength = text.length;
    } else this.stream.write(`${text}
`);
  }
};

// src/drift/history.ts
var HISTORY_VERSION = 1;
var TREND_RUNS = 12;
function compact(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return null;
  return Number(value.toPrecision(6));
}
function historyRecord(report) {
  const snapshot2 = (side) => ({
    label: side.label,
    rows: side.rows,
    ...side.source === void 0 ? {} : { source: side.source }
  });
  return {
    history_version: HISTORY_VERSION,
    reference: snapshot2(report.reference),
    current: snapshot2(report.current),
    drift_share: report.drift_share,
    drift_share_threshold: report.drift_share_threshold,
    retrain_threshold: report.decision.retrain_threshold,
    dataset_drift: report.dataset_drift,
    decision: report.decision.action,
    columns: report.columns.map((column) => [
      column.column,
      column.stattest,
      compact(column.drift_score),
      compact(column.threshold),
      column.drift_detected ? 1 : 0,
      compact(column.missing_share?.current)
    ])
  };
}
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var isNumberOrNull = (value) => value === null || typeof value === "number" && Number.isFinite(value);
function snapshotProblem(value, side) {
  if (!isObject(value)) return `${side} is not an object`;
  if (typeof value.label !== "string") return `${side}.label is not a string`;
  if (typeof value.rows !== "number" || !Number.isInteger(value.rows) || value.rows < 0)
    return `${side}.rows is not a row count`;
  if (value.source !== void 0 && typeof value.source !== "string") return `${side}.source is not a string`;
  return void 0;
}
function columnProblem(value, index) {
  const where = `columns[${index}]`;
  if (!Array.isArray(value) || value.length !== 6) return `${where} is not a 6-item array`;
  const [name, test, score, threshold, drifted, missing] = value;
  if (typeof name !== "string") return `${where}[0] (column) is not a string`;
  if (test !== null && typeof test !== "string") return `${where}[1] (stattest) is not a string or null`;
  if (!isNumberOrNull(score)) return `${where}[2] (score) is not a number or null`;
  if (!isNumberOrNull(threshold)) return `${where}[3] (threshold) is not a number or null`;
  if (drifted !== 0 && drifted !== 1) return `${where}[4] (drifted) is not 0 or 1`;
  if (!isNumberOrNull(missing)) return `${where}[5] (missing share) is not a number or null`;
  return void 0;
}
function parseHistoryRecord(value) {
  if (!isObject(value)) return "not a JSON object";
  if (value.history_version !== HISTORY_VERSION)
    return `history_version is ${JSON.stringify(value.history_version)}, expected ${HISTORY_VERSION}`;
  const problem = snapshotProblem(value.reference, "reference") ?? snapshotProblem(value.current, "current") ?? ["drift_share", "drift_share_threshold", "retrain_threshold"].filter((key) => typeof value[key] !== "number" || !Number.isFinite(value[key])).map((key) => `${key} is not a number`)[0] ?? (typeof value.dataset_drift !== "boolean" ? "dataset_drift is not a boolean" : void 0) ?? (value.decision !== "NO_ACTION" && value.decision !== "RETRAIN" ? "decision is not NO_ACTION or RETRAIN" : void 0) ?? (!Array.isArray(value.columns) ? "columns is not an array" : value.columns.map(columnProblem).find((found) => found !== void 0));
  return problem ?? value;
}
function samePair(a, b) {
  return a.reference.label === b.reference.label && a.current.label === b.current.label;
}
function mergeHistory(history, record, limit = Infinity) {
  const merged = [...history.filter((old) => !samePair(old, record)), record];
  return limit < merged.length ? merged.slice(merged.length - limit) : merged;
}
function slope(values) {
  const points = values.flatMap((y, x) => y === null ? [] : [[x, y]]);
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  return sxy / sxx;
}
function computeTrend(history, window = TREND_RUNS) {
  const recent = history.slice(Math.max(0, history.length - window));
  const byRun = recent.map((record) => new Map(record.columns.map((column) => [column[0], column])));
  const names = [...new Set(recent.flatMap((record) => record.columns.map((column) => column[0])))];
  const columns = names.map((name) => {
    const cells = byRun.map((run) => run.get(name));
    const drifted = cells.map((cell) => cell === void 0 ? null : cell[4] === 1);
    const scores = cells.map((cell) => cell?.[2] ?? null);
    let driftingFor = 0;
    for (let i = drifted.length - 1; i >= 0 && drifted[i] === true; i--) driftingFor++;
    const scoreSlope = slope(scores);
    const test = [...cells].reverse().find((cell) => cell !== void 0)?.[1];
    return {
      column: name,
      drifted,
      scores,
      drifting_for: driftingFor,
      new_this_run: drifted.length >= 2 && drifted.at(-1) === true && drifted.at(-2) !== true,
      score_slope: scoreSlope,
      drift_slope: scoreSlope === null ? null : isPValueTest(test) ? -scoreSlope : scoreSlope
    };
  });
  columns.sort((a, b) => (b.drift_slope ?? -Infinity) - (a.drift_slope ?? -Infinity));
  return {
    runs: history.map((record) => ({
      reference: record.reference.label,
      current: record.current.label,
      drift_share: record.drift_share,
      dataset_drift: record.dataset_drift,
      decision: record.decision
    })),
    window: recent.length,
    columns
  };
}
function runName(run) {
  return `${run.reference}\u2192${run.current}`;
}
function retrainAfter(decision, history, after) {
  if (decision.action === "RETRAIN" || history.length < after) return decision;
  const last = history.slice(history.length - after);
  const runs = last.map(
    (record) => runName({ reference: record.reference.label, current: record.current.label })
  );
  const named = runs.join(", ");
  let reason;
  if (last.every((record) => record.dataset_drift)) {
    reason = `dataset drift in ${after} consecutive runs (${named})`;
  } else {
    const columns = last[0].columns.filter((column) => column[4] === 1).map((column) => column[0]).filter((name) => last.every((record) => record.columns.some((c) => c[0] === name && c[4] === 1)));
    if (columns.length > 0)
      reason = `${columns.length === 1 ? "column" : "columns"} ${columns.join(", ")} drifted in ${after} consecutive runs (${named})`;
  }
  if (reason === void 0) return decision;
  return {
    ...decision,
    action: "RETRAIN",
    reason: `RETRAIN: ${reason}; ${decision.reason}`,
    triggered_by: [...decision.triggered_by ?? [], "trend"]
  };
}

// src/job/history-file.ts
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync as statSync2, writeSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { dirname } from "node:path";
var LOCK_WAIT_MS = 3e4;
var STALE_LOCK_MS = 12e4;
function readLines(path, label) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return { lines: [], warnings: [] };
    throw fileReadError(path, error, label);
  }
  const lines = [];
  const warnings = [];
  const raw = text.split("\n");
  if (raw.at(-1) === "") raw.pop();
  raw.forEach((line, index) => {
    if (line.trim() === "") return;
    let parsed;
    let problem;
    try {
      parsed = JSON.parse(line);
      const record = parseHistoryRecord(parsed);
      if (typeof record !== "string") {
        lines.push({ text: line, record });
        return;
      }
      problem = record;
    } catch (error) {
      problem = `not JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
    warnings.push(`${label}: ${path}:${index + 1}: not a history record (${problem}); skipped`);
    lines.push({ text: line });
  });
  return { lines, warnings };
}
function readHistoryFile(path, label) {
  const { lines, warnings } = readLines(path, label);
  return { records: lines.flatMap((line) => line.record ? [line.record] : []), warnings };
}
function removeIfStale(lock) {
  try {
    const [pid, host] = readFileSync(lock, "utf8").split(" ");
    const age = Date.now() - statSync2(lock).mtimeMs;
    const sameHost = host?.trim() === (process.env.HOSTNAME ?? "") && pid !== void 0;
    if (age > STALE_LOCK_MS || sameHost && age > 1e3 && !processAlive(Number(pid)))
      rmSync(lock, { force: true });
  } catch {
  }
}
async function withLock(path, label, body) {
  const lock = `${path}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd;
  while (fd === void 0) {
    try {
      fd = openSync(lock, "wx");
    } catch (error) {
      const code2 = error.code;
      if (code2 !== "EEXIST")
        throw new UserError("FILE_UNWRITABLE", `${label}: ${lock}: cannot create the lock file (${code2})`);
      if (Date.now() > deadline)
        throw new UserError(
          "FILE_UNWRITABLE",
          `${label}: ${lock}: another run has held the lock for ${LOCK_WAIT_MS / 1e3} s; remove the file if no run is writing the history`
        );
      removeIfStale(lock);
      await sleep(10 + Math.random() * 40);
    }
  }
  try {
    writeSync(fd, `${process.pid} ${process.env.HOSTNAME ?? ""}`);
    return await body();
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}
async function appendHistoryRecord(path, record, label) {
  return withLock(path, label, async () => {
    const { lines, warnings } = readLines(path, label);
    const hold = Number(process.env.DRIFTWATCH_HISTORY_HOLD_MS ?? 0);
    if (hold > 0) await sleep(Math.min(hold, 5e3));
    const kept = lines.filter((line) => line.record === void 0 || !samePair(line.record, record));
    const text = [...kept.map((line) => line.text), JSON.stringify(record)].join("\n") + "\n";
    try {
      writeFileAtomic(path, text);
    } catch (error) {
      const code2 = error.code ?? "unknown error";
      throw new UserError("FILE_UNWRITABLE", `${label}: ${path}: cannot write (${code2})`);
    }
    return {
      records: [...kept.flatMap((line) => line.record ? [line.record] : []), record],
      warnings
    };
  });
}

// src/drift/model-quality/model-block.ts
var intervalDefined = (measured) => measured.sample.positives.length >= 2 && measured.sample.negatives.length >= 2;
function modelQualityBlock(inputs) {
  const { reference, current, rule } = inputs;
  const block = {
    source: inputs.source,
    target: inputs.target,
    threshold: inputs.threshold,
    prediction_drift: inputs.predictionDrift,
    reference: reference.quality,
    current: current.quality,
    auc_drop: null,
    auc_drop_ci95: null,
    auc_drop_method: "delong"
  };
  const comparable = reference.quality.roc_auc !== null && current.quality.roc_auc !== null;
  const withInterval = comparable && intervalDefined(reference) && intervalDefined(current);
  if (comparable) block.auc_drop = reference.quality.roc_auc - current.quality.roc_auc;
  if (withInterval) {
    const drop = unpairedAucDrop(reference.sample, current.sample, 0.95);
    block.auc_drop_ci95 = [drop.lower, drop.upper];
  }
  if (rule) {
    block.max_auc_drop = rule.maxAucDrop;
    if (rule.confidence !== void 0) {
      block.auc_drop_confidence = rule.confidence;
      block.auc_drop_lower_bound = withInterval ? unpairedAucDrop(reference.sample, current.sample, rule.confidence).lower : null;
    }
  }
  return block;
}
var fixed = (value) => value.toFixed(4);
function decideWithModel(decision, block) {
  if (block.max_auc_drop === void 0) return decision;
  const limit = block.max_auc_drop;
  const driftFired = decision.action === "RETRAIN";
  let compared;
  let what;
  if (block.auc_drop_confidence !== void 0) {
    compared = block.auc_drop_lower_bound ?? null;
    const level = `${Number((block.auc_drop_confidence * 100).toPrecision(6))}%`;
    what = compared === null ? `auc_drop lower ${level} bound n/a` : `auc_drop lower ${level} bound=${fixed(compared)}`;
  } else {
    compared = block.auc_drop;
    what = compared === null ? "auc_drop n/a" : `auc_drop=${fixed(compared)}`;
  }
  const aucFired = compared !== null && compared >= limit;
  const aucPart = compared === null ? `${what} (roc_auc undefined on a snapshot: the rule cannot fire)` : `${what} ${aucFired ? ">=" : "<"} ${limit}`;
  const triggered = [];
  if (aucFired) triggered.push("auc_drop");
  if (driftFired) triggered.push("drift_share");
  return {
    action: aucFired || driftFired ? "RETRAIN" : "NO_ACTION",
    retrain_threshold: decision.retrain_threshold,
    // The rule that fired comes first.
    reason: aucFired ? `${aucPart}; ${decision.reason}` : `${decision.reason}; ${aucPart}`,
    triggered_by: triggered
  };
}

// src/drift/model-quality/prediction-drift.ts
function asTable2(source, column, values) {
  return { source, rows: values.length, columns: [{ name: column, type: "float", values }] };
}
function predictionDrift(column, reference, current, options) {
  const { result } = scoreColumn(
    { name: column, type: "numerical" },
    {
      reference: asTable2(options.referenceLabel, column, reference),
      current: asTable2(options.currentLabel, column, current)
    },
    options
  );
  return {
    column,
    stattest: result.stattest,
    stattest_name: result.stattest_name,
    threshold: result.threshold,
    drift_score: result.drift_score,
    drift_detected: result.drift_detected,
    skipped: result.skipped
  };
}

// src/job/model-quality.ts
function parseModelSettings(raw, names) {
  const fail = (field, message) => {
    throw new UserError("USAGE", message, field);
  };
  const model = raw.model?.trim() === "" ? void 0 : raw.model;
  const predictionColumn = raw.predictionColumn?.trim() === "" ? void 0 : raw.predictionColumn;
  if (model !== void 0 && predictionColumn !== void 0)
    fail("predictionColumn", `give ${names.model} or ${names.predictionColumn}, not both`);
  if (model === void 0 && predictionColumn === void 0) {
    for (const key of ["maxAucDrop", "aucDropConfidence"])
      if (raw[key] !== void 0 && raw[key].trim() !== "")
        fail(key, `${names[key]} needs ${names.model} or ${names.predictionColumn}`);
    return void 0;
  }
  const maxAucDrop = raw.maxAucDrop?.trim() === "" ? void 0 : raw.maxAucDrop;
  const aucDropConfidence = raw.aucDropConfidence?.trim() === "" ? void 0 : raw.aucDropConfidence;
  if (aucDropConfidence !== void 0 && maxAucDrop === void 0)
    fail("aucDropConfidence", `${names.aucDropConfidence} needs ${names.maxAucDrop}`);
  let confidence;
  if (aucDropConfidence !== void 0) {
    const level = parseNumberSetting(names.aucDropConfidence, aucDropConfidence, {}, "aucDropConfidence");
    if (!(level > 0 && level < 1))
      fail(
        "aucDropConfidence",
        `${names.aucDropConfidence}: ${aucDropConfidence} must be between 0 and 1 (exclusive), e.g. 0.95`
      );
    confidence = level;
  }
  return {
    source: model !== void 0 ? { kind: "model", path: model } : { kind: "prediction-column", column: predictionColumn },
    rule: maxAucDrop === void 0 ? void 0 : {
      maxAucDrop: parseNumberSetting(names.maxAucDrop, maxAucDrop, { min: -1, max: 1 }, "maxAucDrop"),
      confidence
    }
  };
}
async function prepareModel(settings, target, cwd, names) {
  if (settings.source.kind === "prediction-column") {
    if (target === void 0)
      throw new UserError(
        "USAGE",
        `${names.predictionColumn} needs ${names.target}: the labels the predictions are measured on`,
        "target"
      );
    return { settings, target, columns: [settings.source.column, target] };
  }
  const model = await readModelFile(names.model, settings.source.path, cwd);
  const resolved = target ?? model.target;
  return { settings, model, target: resolved, columns: [...model.features.map((f) => f.name), resolved] };
}
function addModelSection(report, prepared, reference, current, options) {
  const { settings, model, target } = prepared;
  const probabilities = (table) => settings.source.kind === "model" ? scoreTable(model, table) : readProbabilityColumn(table, settings.source.column);
  const threshold = model?.threshold ?? 0.5;
  const referenceScores = probabilities(reference);
  const currentScores = probabilities(current);
  const block = modelQualityBlock({
    source: settings.source.kind === "model" ? settings.source.path : `column:${settings.source.column}`,
    target,
    threshold,
    predictionDrift: predictionDrift(
      settings.source.kind === "model" ? "prediction" : settings.source.column,
      referenceScores,
      currentScores,
      options
    ),
    reference: measureClassification(referenceScores, readTarget(reference, target), threshold),
    current: measureClassification(currentScores, readTarget(current, target), threshold),
    rule: settings.rule
  });
  report.model = block;
  report.decision = decideWithModel(report.decision, block);
}

// src/job/column-batches.ts
import { totalmem } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { statSync as statSync3 } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/snapshot/spill.ts
import { closeSync as closeSync2, openSync as openSync2, readSync, writeSync as writeSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var MIN_BLOCK_ROWS = 256;
var MAX_BLOCK_ROWS = 1 << 16;
var SpillWriter = class {
  /** @param bufferBytes the memory the builders may hold between drains (all columns together) */
  constructor(bufferBytes) {
    this.bufferBytes = bufferBytes;
    this.path = join(
      tmpdir(),
      `driftwatch-spill-${process.pid}-${Math.random().toString(36).slice(2, 10)}.bin`
    );
    registerScratchFile(this.path);
    try {
      this.fd = openSync2(this.path, "wx", 384);
    } catch (error) {
      removeScratchFile(this.path);
      throw fileWriteError(this.path, error);
    }
  }
  bufferBytes;
  path;
  fd;
  offset = 0;
  columns = /* @__PURE__ */ new Map();
  /** Columns whose cells contradicted their type: the reader did not spill them (read them from the file). */
  mixed = /* @__PURE__ */ new Set();
  result;
  /** Rows to hold before draining `columns` builders of 8 bytes a cell. */
  rowsPerBlock(columns) {
    const rows = Math.floor(this.bufferBytes / (8 * Math.max(1, columns)));
    return Math.min(MAX_BLOCK_ROWS, Math.max(MIN_BLOCK_ROWS, rows));
  }
  /** Writes the cells each builder holds (rows `firstRow` on) and empties it. */
  drain(builders, firstRow) {
    for (const builder of builders) {
      if (!builder || builder.size === 0) continue;
      let column = this.columns.get(builder.name);
      if (!column) {
        column = { name: builder.name, segments: [] };
        this.columns.set(builder.name, column);
      }
      const { kind, cells } = builder.drain();
      const bytes = new Uint8Array(cells.buffer, cells.byteOffset, cells.byteLength);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync2(this.fd, bytes, written, bytes.length - written);
      } catch (error) {
        throw fileWriteError(this.path, error);
      }
      column.segments.push({ firstRow, cells: cells.length, kind, offset: this.offset });
      this.offset += bytes.length;
    }
  }
  /** Records a column the reader could not spill (its cells disagreed on a type: a later pass reads it as text). */
  markMixed(name) {
    this.mixed.add(name);
    this.columns.delete(name);
  }
  /** Records the builders' final state (call after the last {@link drain}); returns the readable spill. */
  finish(builders, rows) {
    const names = [];
    for (const builder of builders) {
      if (builder) names.push(builder.name);
      if (!builder || this.mixed.has(builder.name)) continue;
      let column = this.columns.get(builder.name);
      if (!column) {
        column = { name: builder.name, segments: [] };
        this.columns.set(builder.name, column);
      }
      column.finished = builder.finish();
    }
    closeSync2(this.fd);
    this.fd = openSync2(this.path, "r");
    this.result = new SpilledFile(this.path, this.fd, rows, names, this.columns, this.mixed);
    return this.result;
  }
  /** The readable spill, once the reader has finished. */
  get spilled() {
    return this.result;
  }
  /** Removes the file (a read that failed). */
  discard() {
    try {
      closeSync2(this.fd);
    } catch {
    }
    removeScratchFile(this.path);
  }
};
var SpilledFile = class {
  constructor(path, fd, rows, names, columns, mixed) {
    this.path = path;
    this.fd = fd;
    this.rows = rows;
    this.names = names;
    this.columns = columns;
    this.mixed = mixed;
  }
  path;
  fd;
  rows;
  names;
  columns;
  mixed;
  /** Whether the spill holds this column. */
  has(name) {
    return this.columns.has(name);
  }
  /** One column, as the reader would have returned it from a read of the whole file. */
  read(name) {
    const column = this.columns.get(name);
    if (!column?.finished) throw new Error(`spill: no column '${name}'`);
    const finished = column.finished;
    if (finished.type === "string") {
      const codes = new Int32Array(this.rows).fill(-1);
      for (const segment of column.segments) if (segment.kind === "codes") this.readInto(codes, segment, 4);
      return { name, type: "string", codes, dictionary: finished.dictionary };
    }
    const values = new Float64Array(this.rows).fill(Number.NaN);
    for (const segment of column.segments) this.readInto(values, segment, 8);
    return { name, type: finished.type, values };
  }
  readInto(target, segment, cellBytes) {
    const bytes = new Uint8Array(
      target.buffer,
      target.byteOffset + segment.firstRow * cellBytes,
      segment.cells * cellBytes
    );
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(this.fd, bytes, read, bytes.length - read, segment.offset + read);
      if (got === 0) throw new Error(`spill ${this.path}: file ended early`);
      read += got;
    }
  }
  /** Closes and removes the file. */
  close() {
    try {
      closeSync2(this.fd);
    } catch {
    }
    removeScratchFile(this.path);
  }
};

// src/snapshot/delimited-bound.ts
import { closeSync as closeSync3, fstatSync, readSync as readSync2 } from "node:fs";
var LF = 10;
var CR = 13;
var QUOTE = 34;
var CHUNK_BYTES = 4 * 1024 * 1024;
function plainDelimiter(path, format) {
  if (isGzipPath(path)) return void 0;
  return format === "csv" ? 44 : format === "tsv" ? 9 : void 0;
}
function countByte(buf, length, byte) {
  let count = 0;
  for (let at2 = buf.indexOf(byte, 0); at2 >= 0 && at2 < length; at2 = buf.indexOf(byte, at2 + 1)) count++;
  return count;
}
function headerOf(buf, length, delimiter, whole) {
  let end = 0;
  while (end < length && buf[end] !== LF && buf[end] !== CR) end++;
  if (length === 0 || end === length && !whole) return void 0;
  const header = buf.subarray(0, end);
  if (header.includes(QUOTE)) return void 0;
  return { end, fields: countByte(header, end, delimiter) + 1 };
}
function delimitedBound(path, delimiter) {
  const fd = openForReading(path);
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let fields;
    let lineEnds = 0;
    for (let first = true; ; first = false) {
      const length = readSync2(fd, buf, 0, CHUNK_BYTES, null);
      if (length === 0) break;
      if (first) {
        fields = headerOf(buf, length, delimiter, length < CHUNK_BYTES)?.fields;
        if (fields === void 0) return void 0;
      }
      lineEnds += countByte(buf, length, LF) + countByte(buf, length, CR);
    }
    return fields === void 0 ? void 0 : { rows: lineEnds + 1, fields };
  } finally {
    closeSync3(fd);
  }
}
var HEAD_BYTES = 1024 * 1024;
function delimitedHead(path, delimiter) {
  const fd = openForReading(path);
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(Math.min(HEAD_BYTES, size));
    let length = 0;
    while (length < buf.length) {
      const got = readSync2(fd, buf, length, buf.length - length, null);
      if (got === 0) break;
      length += got;
    }
    const header = headerOf(buf, length, delimiter, length === size);
    if (header === void 0) return void 0;
    const { end, fields } = header;
    const body = buf.subarray(end, length);
    const lineEnds = Math.max(countByte(body, body.length, LF), countByte(body, body.length, CR)) - 1;
    const bodyBytes = length - end;
    if (length === size) return { fields, rows: lineEnds + 1 };
    return { fields, rows: lineEnds > 0 ? Math.ceil((size - end) / bodyBytes * lineEnds) : size };
  } finally {
    closeSync3(fd);
  }
}

// src/snapshot/row-hash.ts
var C1 = 3432918353;
var C2 = 461845907;
var C3 = 2246822507;
var C4 = 3266489909;
function mixWord(lane, word, m1, m2) {
  let k = Math.imul(word, m1);
  k = k << 15 | k >>> 17;
  k = Math.imul(k, m2);
  lane ^= k;
  lane = lane << 13 | lane >>> 19;
  return Math.imul(lane, 5) + 3864292196 | 0;
}
var RowFactsAccumulator = class {
  constructor(rows) {
    this.rows = rows;
    this.high = new Int32Array(rows).fill(1013904242);
    this.low = new Int32Array(rows).fill(1359893119);
    this.allMissing = new Uint8Array(rows).fill(1);
  }
  rows;
  high;
  low;
  /** 1 while every cell of the row read so far is missing. */
  allMissing;
  columns = 0;
  /** The doubles of the last compact column added. */
  decoded;
  /** Mixes one column's cells into the row hashes (columns in the same order for every row). */
  add(column) {
    const { rows, high, low, allMissing } = this;
    this.columns++;
    if (column.type === "string") {
      const codes = column.codes;
      for (let i = 0; i < rows; i++) {
        const code2 = codes[i];
        if (code2 >= 0) allMissing[i] = 0;
        high[i] = mixWord(mixWord(high[i], code2, C1, C2), 1540483477, C1, C2);
        low[i] = mixWord(mixWord(low[i], 668265263, C3, C4), code2, C3, C4);
      }
      return;
    }
    const values = isScaled(column.values) ? numbersOf(column.values, this.decoded ??= new Float64Array(rows)) : column.values;
    const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
    for (let i = 0; i < rows; i++) {
      const value = values[i];
      if (value === value) allMissing[i] = 0;
      const hi = canonicalHigh(value, words[2 * i + 1]);
      const lo = canonicalLow(value, words[2 * i]);
      high[i] = mixWord(mixWord(high[i], lo, C1, C2), hi, C1, C2);
      low[i] = mixWord(mixWord(low[i], hi, C3, C4), lo, C3, C4);
    }
  }
  /**
   * The facts over every column added.
   *
   * @returns duplicated rows (rows whose 64-bit hash an earlier row has) and empty rows
   */
  finish() {
    const { rows } = this;
    if (this.columns === 0) return { duplicatedRows: 0, emptyRows: 0 };
    let emptyRows = 0;
    for (let i = 0; i < rows; i++) emptyRows += this.allMissing[i];
    let capacity = 1;
    while (capacity < rows * 2) capacity <<= 1;
    const mask = capacity - 1;
    const slots = new Int32Array(capacity).fill(-1);
    const finalHigh = new Uint32Array(rows);
    const finalLow = new Uint32Array(rows);
    let duplicatedRows = 0;
    for (let row = 0; row < rows; row++) {
      const h = fmix32(this.high[row] ^ this.columns) >>> 0;
      const l = fmix32(this.low[row] ^ Math.imul(this.columns, C2)) >>> 0;
      finalHigh[row] = h;
      finalLow[row] = l;
      let slot = (h ^ Math.imul(l, 2654435761)) & mask;
      for (; ; ) {
        const other = slots[slot];
        if (other < 0) {
          slots[slot] = row;
          break;
        }
        if (finalHigh[other] === h && finalLow[other] === l) {
          duplicatedRows++;
          break;
        }
        slot = slot + 1 & mask;
      }
    }
    return { duplicatedRows: rows < 2 ? 0 : duplicatedRows, emptyRows };
  }
};

// src/util/bytes.ts
var UNITS = /* @__PURE__ */ new Map([
  ["", 1],
  ["b", 1],
  ["k", 1024],
  ["kb", 1e3],
  ["kib", 1024],
  ["m", 1024 ** 2],
  ["mb", 1e3 ** 2],
  ["mib", 1024 ** 2],
  ["g", 1024 ** 3],
  ["gb", 1e3 ** 3],
  ["gib", 1024 ** 3],
  ["t", 1024 ** 4],
  ["tb", 1e3 ** 4],
  ["tib", 1024 ** 4]
]);
function parseByteSize(name, text, field) {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS.get(match[2].toLowerCase()) : void 0;
  if (!match || unit === void 0)
    throw new UserError("USAGE", `${name}: '${text}' is not a size (for example 512MiB or 4GiB)`, field);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (!(bytes > 0)) throw new UserError("USAGE", `${name}: ${text} must be above 0`, field);
  return bytes;
}
function formatBytes(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index++;
  }
  return `${index === 0 ? value.toFixed(0) : Number(value.toFixed(1))} ${units[index]}`;
}

// src/job/column-batches.ts
function defaultMemoryLimit() {
  return Math.min(Math.floor(totalmem() / 4), 4 * 1024 ** 3);
}
var BYTES_PER_CELL = 8;
var READ_OVERHEAD = 2;
var PARQUET_READ_OVERHEAD = 2.5;
var RETAINED_AFTER_BATCH = 64 * 1024 ** 2;
var THREAD_OVERHEAD = 48 * 1024 ** 2;
var SCORING_COPIES = 6;
var RESERVE = 0.1;
var MIN_TEXT_BYTES_PER_CELL = 1;
var SPILL_FROM_BATCHES = 3;
function planBatches(columns, budget) {
  const batches = [];
  let batch = [];
  let used = 0;
  for (const column of columns) {
    if (batch.length > 0 && used + column.bytes > budget) {
      batches.push(batch);
      batch = [];
      used = 0;
    }
    batch.push(column.name);
    used += column.bytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
function upperBoundFromFile(source, cwd) {
  if (source.kind !== "file") return void 0;
  const format = source.format ?? formatFromPath(source.path);
  if (format === "parquet" || format === void 0 || isGzipPath(source.path)) return void 0;
  try {
    return statSync3(resolve2(cwd, source.path)).size / MIN_TEXT_BYTES_PER_CELL * BYTES_PER_CELL;
  } catch {
    return void 0;
  }
}
function plainDelimited(source, cwd) {
  if (source.kind !== "file") return void 0;
  const delimiter = plainDelimiter(source.path, source.format ?? formatFromPath(source.path));
  return delimiter === void 0 ? void 0 : { path: resolve2(cwd, source.path), delimiter };
}
function shapeBound(source, cwd) {
  const plain2 = plainDelimited(source, cwd);
  try {
    return plain2 && delimitedBound(plain2.path, plain2.delimiter);
  } catch {
    return void 0;
  }
}
function headOf(source, cwd) {
  const plain2 = plainDelimited(source, cwd);
  try {
    const head = plain2 && delimitedHead(plain2.path, plain2.delimiter);
    return head && { ...head, path: plain2.path };
  } catch {
    return void 0;
  }
}
async function compareInBatches(sources, filter, options, budget, strategy) {
  const baseline = budget.baseline ?? (budget.residentSet ?? process.memoryUsage.rss()) + RETAINED_AFTER_BATCH + (strategy.readFiles ? THREAD_OVERHEAD * strategy.threads : 0);
  const available = (budget.limit - baseline) * (1 - RESERVE);
  const files = [sources.reference, sources.current];
  const bounds = files.map((source) => upperBoundFromFile(source, sources.cwd));
  if (bounds.every((bound) => bound !== void 0)) {
    const whole = bounds.reduce((sum, bound) => sum + bound, 0);
    if (whole * (1 + READ_OVERHEAD + SCORING_COPIES / 100) <= available) return void 0;
  }
  if (strategy.rowLimits && !budget.census) {
    const heads = files.map((source) => headOf(source, sources.cwd));
    if (heads.every((head) => head !== void 0)) {
      const perRow = heads.map(
        (head) => BYTES_PER_CELL * ((1 + READ_OVERHEAD) * head.fields + strategy.threads * SCORING_COPIES)
      );
      const cost = heads.reduce((sum, head, index) => sum + head.rows * perRow[index], 0);
      if (cost <= available)
        return {
          maxRows: new Map(heads.map((head) => [head.path, Math.floor(head.rows * available / cost)]))
        };
    }
  }
  const shapes = files.map((source) => shapeBound(source, sources.cwd));
  if (shapes.every((shape) => shape !== void 0)) {
    const cells = shapes.reduce((sum, shape) => sum + shape.rows * shape.fields, 0);
    const widest2 = shapes.reduce((sum, shape) => sum + shape.rows, 0);
    if (BYTES_PER_CELL * ((1 + READ_OVERHEAD) * cells + strategy.threads * SCORING_COPIES * widest2) <= available)
      return void 0;
  }
  const readFiles = strategy.readFiles ?? readInThisThread;
  const withoutRowFacts = (requests) => readFiles(requests.map((request) => ({ ...request, rowFacts: false })));
  const [referenceShape, currentShape] = (await readFileSources(files, sources.cwd, { only: [] }, withoutRowFacts)).map((result) => result.table);
  const include = columnFilterFunction(filter) ?? (() => true);
  const namesOf = (table) => (table.unloaded ?? []).filter(include);
  const referenceNames = namesOf(referenceShape);
  const currentNames = namesOf(currentShape);
  const referenceSet = new Set(referenceNames);
  const currentSet = new Set(currentNames);
  checkColumnNames(referenceShape, currentShape, options);
  const order = planOrder(referenceNames, currentNames, options);
  const names = [.../* @__PURE__ */ new Set([...order, ...currentNames, ...referenceNames])].filter(
    (name) => referenceSet.has(name) || currentSet.has(name)
  );
  const valueBytes = (name) => BYTES_PER_CELL * ((referenceSet.has(name) ? referenceShape.rows : 0) + (currentSet.has(name) ? currentShape.rows : 0));
  const readOverhead = files.some((source) => (source.format ?? formatFromPath(source.path)) === "parquet") ? PARQUET_READ_OVERHEAD : READ_OVERHEAD;
  const costs = names.map((name) => ({ name, bytes: valueBytes(name) * (1 + readOverhead) }));
  const total = costs.reduce((sum, cost) => sum + cost.bytes, 0);
  const widest = costs.reduce((most, cost) => Math.max(most, cost.bytes), 0);
  const scoring = strategy.threads * SCORING_COPIES * widest / (1 + readOverhead);
  if (total + scoring <= available) return void 0;
  const batchBudget = available - scoring;
  const tooBig = costs.find((cost) => cost.bytes > batchBudget);
  if (tooBig) {
    const needs = baseline + (tooBig.bytes + scoring) / (1 - RESERVE);
    throw new UserError(
      "USAGE",
      `${sources.limitName} ${formatBytes(budget.limit)}: column '${tooBig.name}' alone needs ${formatBytes(needs)} (${referenceShape.rows.toLocaleString("en")} + ${currentShape.rows.toLocaleString("en")} rows, with what the process already holds); raise the limit`,
      "memoryLimit"
    );
  }
  await budget.beforeBatches?.();
  const batches = planBatches(costs, batchBudget);
  const spills = batches.length >= SPILL_FROM_BATCHES ? await spillTextSources(files, sources.cwd, filter, spillBufferBytes(batchBudget)) : files.map(() => void 0);
  try {
    return await scoreBatches();
  } finally {
    for (const spill of spills) spill?.close();
  }
  async function scoreBatches() {
    const rowFacts = {
      reference: new RowFactsAccumulator(referenceShape.rows),
      current: new RowFactsAccumulator(currentShape.rows)
    };
    const parts = [];
    for (const [index, batch] of batches.entries()) {
      if (index > 0) collectGarbage();
      await new Promise((resolve4) => setImmediate(resolve4));
      budget.onBatch?.(batch, index, batches.length);
      const [reference, current] = await readBatch(
        files,
        sources.cwd,
        batch,
        spills,
        [referenceShape, currentShape],
        withoutRowFacts
      );
      for (const column of reference.columns) rowFacts.reference.add(column);
      for (const column of current.columns) rowFacts.current.add(column);
      const inBatch = new Set(batch);
      const batchOptions = options.columns ? { ...options, columns: options.columns.filter((name) => inBatch.has(name)) } : options;
      parts.push(
        await computeDriftPart({ reference, current }, batchOptions, {
          mapColumns: strategy.mapColumns
        })
      );
    }
    return finishDrift(
      parts,
      { reference: referenceShape, current: currentShape },
      { reference: rowFacts.reference.finish(), current: rowFacts.current.finish() },
      options,
      { plan: order, reference: referenceNames, current: currentNames }
    );
  }
}
var fullGc;
function collectGarbage() {
  if (!fullGc) {
    setFlagsFromString("--expose-gc");
    fullGc = runInNewContext("gc");
  }
  fullGc();
}
function spillBufferBytes(batchBudget) {
  return Math.min(64 * 1024 ** 2, Math.max(4 * 1024 ** 2, Math.floor(batchBudget / 4)));
}
async function spillTextSources(files, cwd, filter, bufferBytes) {
  const spills = [];
  try {
    for (const source of files) {
      const format = source.format ?? formatFromPath(source.path);
      if (format === "parquet") {
        spills.push(void 0);
        continue;
      }
      const writer = new SpillWriter(bufferBytes);
      try {
        const include = columnFilterFunction(filter);
        await readFileSources([source], cwd, filter, async (requests) => {
          const request = requests[0];
          const table = await readSnapshot(request.path, { format: request.format, include, spill: writer });
          return [{ table, rowFacts: { duplicatedRows: 0, emptyRows: 0 } }];
        });
      } catch (error) {
        writer.discard();
        throw error;
      }
      spills.push(writer.spilled);
    }
  } catch (error) {
    for (const spill of spills) spill?.close();
    throw error;
  }
  return spills;
}
async function readBatch(files, cwd, batch, spills, shapes, readFiles) {
  const tables = [];
  for (const [index, source] of files.entries()) {
    const spill = spills[index];
    const fromFile = spill ? batch.filter((name) => spill.mixed.has(name)) : batch;
    const read = fromFile.length > 0 || !spill ? (await readFileSources([source], cwd, { only: fromFile }, readFiles))[0].table : void 0;
    if (!spill) {
      tables.push(read);
      continue;
    }
    const inBatch = new Set(batch);
    const fileColumns = new Map(read?.columns.map((column) => [column.name, column]));
    const columns = spill.names.filter((name) => inBatch.has(name)).map((name) => spill.has(name) ? spill.read(name) : fileColumns.get(name));
    const loaded = new Set(columns.map((column) => column.name));
    tables.push({
      source: describeSource(source),
      rows: spill.rows,
      columns,
      unloaded: (shapes[index].unloaded ?? []).filter((name) => !loaded.has(name))
    });
  }
  return tables;
}

// src/job/compare-job.ts
function decisionLine(report, files) {
  const parts = ["[driftwatch]"];
  if (files.html) parts.push(`report_html=${files.html}`);
  if (files.json) parts.push(`report_json=${files.json}`);
  if (files.md) parts.push(`report_md=${files.md}`);
  const comparison = report.drift_share >= report.decision.retrain_threshold ? ">=" : "<";
  parts.push(
    `drift_share=${report.drift_share.toFixed(2)} ${comparison} ${report.decision.retrain_threshold.toFixed(2)}`
  );
  if (report.decision.triggered_by?.includes("trend")) parts.push("triggered_by=trend");
  const model = report.model;
  if (model?.max_auc_drop !== void 0) {
    const bound = model.auc_drop_confidence === void 0 ? model.auc_drop : model.auc_drop_lower_bound;
    const name = model.auc_drop_confidence === void 0 ? "auc_drop" : "auc_drop_lower";
    parts.push(
      bound === null || bound === void 0 ? `${name}=n/a` : `${name}=${bound.toFixed(4)} ${bound >= model.max_auc_drop ? ">=" : "<"} ${model.max_auc_drop}`
    );
  } else if (model) {
    parts.push(`auc_drop=${model.auc_drop === null ? "n/a" : model.auc_drop.toFixed(4)}`);
  }
  parts.push(`-> ${report.decision.action}`);
  if (report.target) parts.push(`(target_rate_change=${rateChange(report.target)})`);
  return parts.join(" ");
}
function rateChange(target) {
  if (target.reference_rate === null || target.current_rate === null) return "n/a";
  const text = (target.current_rate - target.reference_rate).toFixed(3);
  if (/^-0\.0+$/.test(text) || /^0\.0+$/.test(text)) return "0.000";
  return text.startsWith("-") ? text : `+${text}`;
}
function columnFilter(settings, needed = []) {
  const { drift } = settings;
  if (drift.columns)
    return { only: [.../* @__PURE__ */ new Set([...drift.columns, ...drift.target ? [drift.target] : [], ...needed])] };
  const except = [drift.idColumn, drift.timestampColumn, ...drift.exclude ?? []].filter(
    (name) => name !== void 0 && name !== drift.target && !needed.includes(name)
  );
  return except.length === 0 ? void 0 : { except };
}
function driftOptions(settings, labels) {
  const { names } = settings;
  return {
    ...settings.drift,
    referenceLabel: settings.referenceLabel ?? labels.reference,
    currentLabel: settings.currentLabel ?? labels.current,
    names: {
      stattest: names.stattest,
      threshold: names.threshold,
      numerical: names.numerical,
      categorical: names.categorical,
      columns: names.columns,
      exclude: names.exclude,
      idColumn: names.idColumn,
      timestampColumn: names.timestampColumn,
      target: names.target,
      allowEmpty: names.allowEmpty
    }
  };
}
function isRowLimits(plan) {
  return "maxRows" in plan;
}
async function batchedReport(settings, model, budget) {
  const { reference, current } = settings;
  if (reference.kind === "postgres" || current.kind === "postgres" || model) return void 0;
  const options = driftOptions(settings, {
    reference: defaultLabel(reference),
    current: defaultLabel(current)
  });
  return compareInBatches(
    { reference, current, cwd: settings.cwd, limitName: settings.names.memoryLimit },
    columnFilter(settings),
    options,
    { limit: settings.memoryLimit ?? defaultMemoryLimit(), ...budget },
    { threads: 1, rowLimits: true }
  );
}
async function computeReport(settings, closing, model, progress, budget) {
  const { reference, current, names } = settings;
  const withLabels = /* @__PURE__ */ new Set([
    ...settings.drift.target ? [settings.drift.target] : [],
    ...settings.drift.numerical ?? [],
    ...settings.drift.categorical ?? [],
    ...model?.columns ?? []
  ]);
  const residentSet = process.memoryUsage.rss();
  const startPool = () => WorkerPool.forFiles(
    [reference, current].flatMap(
      (source) => source.kind === "file" ? [resolve3(settings.cwd, source.path)] : []
    ),
    (name) => withLabels.has(name)
  );
  let pool = startPool();
  const plan = (census) => batchedReport(settings, model, {
    residentSet,
    beforeBatches: () => pool?.close(),
    census,
    ...budget
  });
  try {
    const batched = await plan(false);
    if (batched && !isRowLimits(batched)) return batched;
    try {
      return await readAndScore(settings, model, progress, pool, names, batched?.maxRows);
    } catch (error) {
      if (!(error instanceof RowLimitExceeded)) throw error;
      await pool?.close();
      pool = void 0;
      const counted = await plan(true);
      if (counted && !isRowLimits(counted)) return counted;
      pool = startPool();
      return await readAndScore(settings, model, progress, pool, names);
    }
  } finally {
    if (pool) closing.push(pool.close());
  }
}
async function readAndScore(settings, model, progress, pool, names, maxRows) {
  const readFiles = pool?.readFiles ?? readInThisThread;
  const pair = await readSnapshotPair(settings, {
    columns: columnFilter(settings, model?.columns),
    readFiles: maxRows && maxRows.size > 0 ? (requests, onBytes) => readFiles(
      requests.map((request) => ({
        ...request,
        maxRows: maxRows.get(resolve3(settings.cwd, request.path))
      })),
      onBytes
    ) : pool?.readFiles,
    onBytes: progress?.bytes,
    // With `compute: database`, numeric columns with many distinct values are summarised in SQL.
    summarize: summarizePolicy(settings.drift)
  });
  const options = driftOptions(settings, pair.labels);
  const report = await computeDrift(pair, options, {
    mapColumns: pool?.mapColumns,
    onColumnScored: progress?.columnsScored
  });
  if (model) {
    if (isCounted(pair.reference) || isCounted(pair.current))
      throw new UserError(
        "USAGE",
        `${model.settings.source.kind === "model" ? names.model : names.predictionColumn}: the model section scores rows; with PostgreSQL snapshots use ${names.compute} memory`,
        model.settings.source.kind === "model" ? "model" : "predictionColumn"
      );
    addModelSection(report, model, pair.reference, pair.current, options);
  }
  return report;
}
async function runCompareJob(settings, given, progressTo, budget) {
  const closing = [];
  try {
    return await compareJob(settings, closing, given, progressTo, budget);
  } finally {
    await Promise.all(closing);
  }
}
async function compareJob(settings, closing, given, progressTo, budget) {
  useScaledDecoders(ScaledDecoder.create);
  useScaledSorter(ColumnSorter.forThread);
  useScaledPooler(ColumnSorter.poolerForThread);
  useDoubleSorter(ColumnSorter.forThread);
  const warnings = [];
  const historyPath = settings.history === void 0 ? void 0 : resolve3(settings.cwd, settings.history);
  let prior = given?.records;
  if (historyPath !== void 0) {
    const read = readHistoryFile(historyPath, settings.names.history);
    warnings.push(...read.warnings);
    prior = [...prior ?? [], ...read.records];
  }
  const model = settings.model ? await prepareModel(settings.model, settings.drift.target, settings.cwd, settings.names) : void 0;
  const progress = Progress.forJob(settings, progressTo);
  progress?.start();
  let report;
  try {
    report = await computeReport(settings, closing, model, progress, budget);
  } finally {
    progress?.finish();
  }
  let history;
  if (settings.retrainAfter !== void 0) {
    if (prior === void 0)
      throw new UserError(
        "USAGE",
        `${settings.names.retrainAfter}: needs a history (${settings.names.history})`,
        "retrainAfter"
      );
    report.decision = retrainAfter(
      report.decision,
      mergeHistory(prior, historyRecord(report)),
      settings.retrainAfter
    );
  }
  if (prior !== void 0) {
    history = mergeHistory(prior, historyRecord(report));
    report.trend = computeTrend(history);
  }
  const base = join2(
    settings.reportDir,
    `drift_${fileNamePart(report.reference.label)}_vs_${fileNamePart(report.current.label)}`
  );
  const rendered = settings.formats.map((format) => {
    switch (format) {
      case "json":
        return [format, `${base}.json`, renderJson(report)];
      case "html":
        return [format, `${base}.html`, renderHtml(report)];
      case "md":
        return [format, `${base}.md`, renderMarkdown(report, { reportUrl: settings.reportUrl })];
      default:
        return assertNever(format);
    }
  });
  await writeFileSetAtomic(
    rendered.map(([, path, content]) => ({
      path: isAbsolute(path) ? path : join2(settings.cwd, path),
      content
    }))
  );
  const files = {};
  for (const [format, path] of rendered) files[format] = path;
  if (historyPath !== void 0 && history !== void 0) {
    const written = await appendHistoryRecord(historyPath, history.at(-1), settings.names.history);
    history = written.records;
  }
  if (settings.historyTable !== void 0) {
    const { writeHistoryRow } = await import("./lib-history-table-LQPBIMTB.js");
    await writeHistoryRow(settings.historyTable, history?.at(-1) ?? historyRecord(report));
  }
  return { report, files, decisionLine: decisionLine(report, files), history, warnings };
}

// src/job/settings.ts
var REPORT_FORMATS = ["json", "html", "md"];
var COMPARE_FIELDS = [
  // Snapshots: files (or git:<rev>:<path>)
  "reference",
  "current",
  "inputFormat",
  "referenceLabel",
  "currentLabel",
  "memoryLimit",
  // Snapshots: PostgreSQL
  "databaseUrl",
  "table",
  "asOfColumn",
  "query",
  "schema",
  "referenceAsOf",
  "currentAsOf",
  "compute",
  "statementTimeout",
  "connectRetries",
  // Columns
  "columns",
  "exclude",
  "numerical",
  "categorical",
  "idColumn",
  "timestampColumn",
  "target",
  // Statistics
  "stattest",
  "threshold",
  "driftShare",
  "retrainThreshold",
  "bins",
  "seed",
  "correction",
  "missingDrift",
  "allowEmpty",
  // Output
  "reportDir",
  "formats",
  "reportUrl",
  "failOnDrift",
  "quiet",
  // History
  "history",
  "retrainAfter",
  "historyTable",
  // Model quality
  "model",
  "predictionColumn",
  "maxAucDrop",
  "aucDropConfidence"
];

// src/job/compare-settings.ts
var DEFAULT_REPORT_DIR = "reports";
var COLUMN_TYPES = ["numerical", "categorical", "text"];
var RawReader = class {
  constructor(raw, names) {
    this.raw = raw;
    this.names = names;
  }
  raw;
  names;
  fail(field, message) {
    throw new UserError("USAGE", message, field);
  }
  given(field) {
    return this.raw[field] !== void 0;
  }
  /** Text as given (the last value of a repeated flag). */
  text(field) {
    const value = this.raw[field];
    if (value === void 0) return void 0;
    if (typeof value === "boolean") this.fail(field, `${this.names[field]} needs a value`);
    return typeof value === "string" ? value : value.at(-1);
  }
  /** Text that may not be blank when given. */
  nonBlank(field, what) {
    const value = this.text(field);
    if (value !== void 0 && value.trim() === "")
      this.fail(field, `${this.names[field]}: ${what} is empty`);
    return value;
  }
  /** Every item of a list setting (each value split by commas and newlines). */
  list(field) {
    const value = this.raw[field];
    if (value === void 0) return [];
    if (typeof value === "boolean") this.fail(field, `${this.names[field]} needs a value`);
    return (typeof value === "string" ? [value] : value).flatMap(splitList);
  }
  bool(field) {
    const value = this.raw[field];
    if (value === void 0 || typeof value === "boolean") return value ?? false;
    const text = (typeof value === "string" ? value : value.at(-1) ?? "").trim();
    if (["true", "True", "TRUE"].includes(text)) return true;
    if (["false", "False", "FALSE"].includes(text)) return false;
    this.fail(field, `${this.names[field]}: '${text}' is not a boolean (use true or false)`);
  }
  number(field, range) {
    const value = this.text(field);
    return value === void 0 ? void 0 : parseNumberSetting(this.names[field], value, range, field);
  }
  oneOf(field, noun, allowed) {
    const value = this.text(field);
    if (value === void 0) return void 0;
    const found = allowed.find((candidate) => candidate === value.trim());
    if (found === void 0)
      this.fail(field, `${this.names[field]}: unknown ${noun} '${value}' (known: ${allowed.join(", ")})`);
    return found;
  }
  /** A column name (blank: not given). */
  column(field) {
    const value = this.text(field);
    return value === void 0 || value.trim() === "" ? void 0 : value;
  }
};
function parseOverrides(read, field, parseValue) {
  let all;
  const byType = {};
  const byColumn = {};
  for (const spec of read.list(field)) {
    const equals = spec.lastIndexOf("=");
    if (equals < 0) {
      all = parseValue(spec.trim());
      continue;
    }
    const key = spec.slice(0, equals).trim();
    const value = parseValue(spec.slice(equals + 1).trim());
    if (key === "") read.fail(field, `${read.names[field]}: '${spec}' has no column name before '='`);
    if (COLUMN_TYPES.includes(key)) byType[key] = value;
    else byColumn[key] = value;
  }
  return { all, byType, byColumn };
}
function parseStatTestId(read, value) {
  const id = STATTEST_IDS.find((candidate) => candidate === value);
  if (!id)
    throw new UserError(
      "UNKNOWN_STATTEST",
      `${read.names.stattest}: unknown stattest '${value}' (known: ${STATTEST_IDS.join(", ")})`,
      "stattest"
    );
  return id;
}
function parseThreshold(read, value) {
  const threshold = parseNumberSetting(read.names.threshold, value, {}, "threshold");
  if (!(threshold > 0))
    throw new UserError(
      "THRESHOLD_RANGE",
      `${read.names.threshold}: threshold ${value} is out of range (must be between 0 and 1 for a p-value test, above 0 for a distance)`,
      "threshold"
    );
  return threshold;
}
function fileSource(read, field, format) {
  const text = read.text(field);
  if (text === void 0) read.fail(field, `${read.names[field]} is required`);
  let source;
  try {
    source = parseSnapshotSource(read.names[field], text);
  } catch (error) {
    if (error instanceof UserError) read.fail(field, error.message);
    throw error;
  }
  if (format) return { ...source, format };
  if (formatFromPath(source.path) === void 0)
    read.fail(
      field,
      `${read.names[field]}: cannot tell the format of '${text}' from its extension; set ${read.names.inputFormat} to one of ${INPUT_FORMATS.join(", ")}`
    );
  return source;
}
function databaseRaw(read) {
  return {
    databaseUrl: read.text("databaseUrl"),
    table: read.text("table"),
    asOfColumn: read.text("asOfColumn"),
    query: read.text("query"),
    schema: read.text("schema"),
    referenceAsOf: read.text("referenceAsOf"),
    currentAsOf: read.text("currentAsOf"),
    compute: read.text("compute"),
    statementTimeout: read.text("statementTimeout"),
    connectRetries: read.text("connectRetries")
  };
}
function parseFormats(read) {
  if (!read.given("formats")) return [...REPORT_FORMATS];
  const formats = read.list("formats").map((format) => format.toLowerCase());
  if (formats.length === 0)
    read.fail("formats", `${read.names.formats}: name at least one of ${REPORT_FORMATS.join(", ")}`);
  for (const format of formats)
    if (!REPORT_FORMATS.includes(format))
      read.fail(
        "formats",
        `${read.names.formats}: unknown format '${format}' (known: ${REPORT_FORMATS.join(", ")})`
      );
  return [...new Set(formats)];
}
function parseReportUrl(read) {
  const text = read.text("reportUrl");
  if (text === void 0 || text.trim() === "") return void 0;
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    read.fail("reportUrl", `${read.names.reportUrl}: '${text}' is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    read.fail("reportUrl", `${read.names.reportUrl}: '${text}' must be an http(s) URL`);
  return text.trim();
}
function parseHistoryTable(read, database, env) {
  const text = read.nonBlank("historyTable", "the table name");
  if (text === void 0) return void 0;
  try {
    return {
      table: parseTableName(read.names.historyTable, text.trim()),
      url: resolveDatabaseUrl(database, read.names, env),
      urlName: database.databaseUrl !== void 0 ? read.names.databaseUrl : "DATABASE_URL"
    };
  } catch (error) {
    if (error instanceof UserError && error.field !== "databaseUrl") read.fail("historyTable", error.message);
    throw error;
  }
}
function parseMemoryLimit(read) {
  const text = read.text("memoryLimit");
  if (text === void 0 || text.trim() === "") return void 0;
  return parseByteSize(read.names.memoryLimit, text, "memoryLimit");
}
function parseCompareSettings(raw, names, context) {
  const read = new RawReader(raw, names);
  const databaseValues = databaseRaw(read);
  let database;
  if (hasDatabaseSettings(databaseValues)) {
    if (read.given("reference") || read.given("current"))
      read.fail(
        "reference",
        `${names.reference}/${names.current} (files) cannot be combined with ${names.databaseUrl}/${names.table}/${names.query}`
      );
    database = parseDatabaseSources(databaseValues, names, context.env);
  }
  const format = read.oneOf("inputFormat", "format", INPUT_FORMATS);
  const bins = read.number("bins", { min: 1, max: 1e4, integer: true });
  const stattest = parseOverrides(read, "stattest", (value) => parseStatTestId(read, value));
  const threshold = parseOverrides(read, "threshold", (value) => parseThreshold(read, value));
  const columns = read.list("columns");
  return {
    reference: database?.reference ?? fileSource(read, "reference", format),
    current: database?.current ?? fileSource(read, "current", format),
    referenceLabel: read.nonBlank("referenceLabel", "the label"),
    currentLabel: read.nonBlank("currentLabel", "the label"),
    memoryLimit: parseMemoryLimit(read),
    reportDir: read.nonBlank("reportDir", "the directory") ?? DEFAULT_REPORT_DIR,
    formats: parseFormats(read),
    reportUrl: parseReportUrl(read),
    failOnDrift: read.bool("failOnDrift"),
    quiet: read.bool("quiet"),
    history: read.nonBlank("history", "the file"),
    retrainAfter: read.number("retrainAfter", { min: 1, max: 1e3, integer: true }),
    historyTable: parseHistoryTable(read, databaseValues, context.env),
    cwd: context.cwd,
    names,
    drift: {
      columns: columns.length > 0 ? columns : void 0,
      exclude: read.list("exclude"),
      numerical: read.list("numerical"),
      categorical: read.list("categorical"),
      idColumn: read.column("idColumn"),
      timestampColumn: read.column("timestampColumn"),
      target: read.column("target"),
      stattest,
      threshold,
      driftShare: read.number("driftShare", { min: 0, max: 1 }) ?? DEFAULT_DRIFT_SHARE,
      retrainThreshold: read.number("retrainThreshold", { min: 0, max: 1 }) ?? DEFAULT_RETRAIN_THRESHOLD,
      bins,
      seed: read.number("seed", { min: 0, max: 2 ** 32 - 1, integer: true }) ?? 0,
      correction: read.oneOf("correction", "method", CORRECTION_METHODS),
      missingDrift: read.bool("missingDrift"),
      allowEmpty: read.bool("allowEmpty")
    },
    model: parseModelSettings(
      {
        model: read.text("model"),
        predictionColumn: read.text("predictionColumn"),
        maxAucDrop: read.text("maxAucDrop"),
        aucDropConfidence: read.text("aucDropConfidence")
      },
      names
    )
  };
}

// src/cli/commands/compare.ts
var usage = `Usage: driftwatch compare --reference PATH --current PATH [options]
       driftwatch compare --database-url URL (--table T | --query SQL|streamflow) [options]

Snapshots
  --reference PATH          baseline snapshot: .csv .tsv .jsonl (each may be .gz) .parquet, or git:<rev>:<path>
  --current PATH            snapshot to check (same forms)
  --input-format FORMAT     csv|tsv|jsonl|parquet, overrides the extension
  --reference-label L       report label (default: file name without extension)
  --current-label L         report label (default: file name without extension)
  --memory-limit SIZE       memory for column data of files, e.g. 512MiB, 4GiB: columns are read and scored in
                            batches that fit (default: a quarter of the machine's memory, at most 4GiB); about
                            160MiB of it is the process itself

${DATABASE_FLAGS_USAGE}

Columns
  --columns a,b             test exactly these columns
  --exclude a,b             never test these columns
  --numerical a,b           force these columns numerical
  --categorical a,b         force these columns categorical
  --id-column C             id column (never tested)
  --timestamp-column C      timestamp column (never tested)
  --target C                target column: adds the target block (still a tested column unless excluded)

Statistics (Evidently 0.7.21 semantics by default)
  --stattest SPEC           TEST | numerical=TEST | categorical=TEST | COLUMN=TEST (repeatable)
  --threshold SPEC          X | numerical=X | categorical=X | COLUMN=X (repeatable)
  --drift-share X           dataset drift when drift_share >= X (default ${DEFAULT_DRIFT_SHARE})
  --retrain-threshold X     RETRAIN when drift_share >= X (default ${DEFAULT_RETRAIN_THRESHOLD})
  --bins N                  number of bins for psi, kl_div, jensenshannon (default: Evidently's binning)
  --seed N                  seed of the permutation tests TVD and empirical_mmd (default 0)
  --correction METHOD       ${CORRECTION_METHODS.join("|")}: adjust p-value tests across columns (default: none)
  --missing-drift           a significant change in a column's missing share counts as drift
  --allow-empty             accept a comparison that tests no column (default: an error)

Model quality (needs the target: --target, or the model's own)
  --model PATH              score both snapshots with model.json (driftwatch train): model block, prediction drift
  --prediction-column C     ... or read the predicted probability from column C of both snapshots
  --max-auc-drop X          RETRAIN when roc_auc(reference) - roc_auc(current) >= X, whatever drift_share says
  --auc-drop-confidence C   ... when the lower bound of the two-sided C interval of the drop (DeLong) >= X

Output
  --report-dir DIR          where reports are written (default reports)
  --format LIST             json,html,md (default json,html,md)
  --report-url URL          address of the full report, linked from the Markdown report (default: no link)
  --fail-on-drift           exit 1 when the decision is RETRAIN
  --quiet                   no progress line on stderr (shown for big inputs on a terminal and in CI logs)
  --debug                   print the settings (no password) and, on an internal error, its stack

History (drift over time, docs/history.md)
  --history PATH            JSON Lines history: read when present, this run added (same labels: replaced);
                            adds the trend to every report
  --history-table T         also write the run's record to PostgreSQL table [schema.]T (created if absent) through
                            --database-url or DATABASE_URL: the only database write driftwatch makes
  --retrain-after N         RETRAIN also when the dataset, or one column, drifted in each of the last N runs

Environment
  DRIFTWATCH_HUGE_PAGES     auto, on or off (default auto): restart Node with glibc's huge pages for inputs of
                            64 MiB or more; auto measures a page fault first and restarts only where it is dear

Tests: ${STATTEST_IDS.join(", ")}
Exit codes: 0 done, 1 RETRAIN with --fail-on-drift, 2 usage or input error.`;
var COMPARE_FLAGS = {
  reference: "--reference",
  current: "--current",
  inputFormat: "--input-format",
  referenceLabel: "--reference-label",
  currentLabel: "--current-label",
  memoryLimit: "--memory-limit",
  ...DATABASE_FLAGS,
  columns: "--columns",
  exclude: "--exclude",
  numerical: "--numerical",
  categorical: "--categorical",
  idColumn: "--id-column",
  timestampColumn: "--timestamp-column",
  target: "--target",
  stattest: "--stattest",
  threshold: "--threshold",
  driftShare: "--drift-share",
  retrainThreshold: "--retrain-threshold",
  bins: "--bins",
  seed: "--seed",
  correction: "--correction",
  missingDrift: "--missing-drift",
  allowEmpty: "--allow-empty",
  reportDir: "--report-dir",
  formats: "--format",
  reportUrl: "--report-url",
  failOnDrift: "--fail-on-drift",
  quiet: "--quiet",
  history: "--history",
  retrainAfter: "--retrain-after",
  historyTable: "--history-table",
  model: "--model",
  predictionColumn: "--prediction-column",
  maxAucDrop: "--max-auc-drop",
  aucDropConfidence: "--auc-drop-confidence"
};
var COMPARE_FLAG_OPTIONS = {
  reference: { type: "string" },
  current: { type: "string" },
  "input-format": { type: "string" },
  "reference-label": { type: "string" },
  "current-label": { type: "string" },
  "memory-limit": { type: "string" },
  ...DATABASE_FLAG_OPTIONS,
  columns: { type: "string" },
  exclude: { type: "string" },
  numerical: { type: "string" },
  categorical: { type: "string" },
  "id-column": { type: "string" },
  "timestamp-column": { type: "string" },
  target: { type: "string" },
  stattest: { type: "string", multiple: true },
  threshold: { type: "string", multiple: true },
  "drift-share": { type: "string" },
  "retrain-threshold": { type: "string" },
  bins: { type: "string" },
  seed: { type: "string" },
  correction: { type: "string" },
  "missing-drift": { type: "boolean" },
  "allow-empty": { type: "boolean" },
  "report-dir": { type: "string" },
  format: { type: "string" },
  "report-url": { type: "string" },
  "fail-on-drift": { type: "boolean" },
  quiet: { type: "boolean" },
  history: { type: "string" },
  "retrain-after": { type: "string" },
  "history-table": { type: "string" },
  model: { type: "string" },
  "prediction-column": { type: "string" },
  "max-auc-drop": { type: "string" },
  "auc-drop-confidence": { type: "string" }
};
function parseCompareArgs(argv, io) {
  const values = parseFlags(
    "compare",
    argv,
    COMPARE_FLAG_OPTIONS
  );
  const raw = Object.fromEntries(
    COMPARE_FIELDS.map((field) => [field, values[COMPARE_FLAGS[field].slice(2)]])
  );
  return parseCompareSettings(raw, COMPARE_FLAGS, { cwd: io.cwd, env: io.env });
}
function hideDatabaseUrl(key, value) {
  if (key === "names") return void 0;
  if (key !== "databaseUrl" || typeof value !== "string") return value;
  const password = urlPassword(value);
  return password === void 0 ? value : value.replace(`:${password}@`, `:${REDACTED}@`);
}
var compareCommand = {
  name: "compare",
  usage,
  async run(argv, io) {
    const settings = parseCompareArgs(argv, io);
    io.debug?.(`settings = ${JSON.stringify(settings, hideDatabaseUrl)}`);
    const outcome = await runCompareJob(settings, void 0, { stream: io.stderr, env: io.env });
    for (const warning of outcome.warnings) io.stderr.write(`driftwatch: warning: ${warning}
`);
    io.stdout.write(outcome.decisionLine + "\n");
    return settings.failOnDrift && outcome.report.decision.action === "RETRAIN" ? ExitCode.GateFailed : ExitCode.Ok;
  }
};
export {
  COMPARE_FLAGS,
  COMPARE_FLAG_OPTIONS,
  compareCommand,
  parseCompareArgs
};
