/**
 * The `compare` job shared by the CLI and the action: read both snapshots (one reader seam for every source),
 * compute the drift (one engine entry; big files on worker threads), render and write the reports atomically, and
 * produce the decision line.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { useScaledDecoders } from '../drift/doubles.js';
import { useScaledSorter } from '../drift/kernels/decimal-sort.js';
import { useScaledPooler } from '../drift/kernels/pooled.js';
import { computeDrift } from '../drift/engine.js';
import type { DriftOptions } from '../drift/options.js';
import type { DriftReport } from '../drift/report.js';
import { summarizePolicy } from '../drift/summarized.js';
import { assertNever, UserError } from '../errors.js';
import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { ColumnSorter, ScaledDecoder } from '../snapshot/numeric-records.js';
import { readSnapshotPair } from '../snapshot/pair.js';
import { readInThisThread, type ColumnFilter } from '../snapshot/read-request.js';
import { RowLimitExceeded } from '../snapshot/row-limit.js';
import { isCounted } from '../snapshot/table.js';
import { fileNamePart, writeFileSetAtomic } from '../util/fs.js';
import type { CompareSettings, ReportFormat } from './settings.js';
import { WorkerPool } from './worker-pool.js';
import { Progress, type ProgressOutput } from './progress.js';
import {
  computeTrend,
  historyRecord,
  mergeHistory,
  retrainAfter,
  type HistoryRecord,
} from '../drift/history.js';
import { appendHistoryRecord, readHistoryFile } from './history-file.js';
import { addModelSection, prepareModel, type PreparedModel } from './model-quality.js';
import { compareInBatches, defaultMemoryLimit, type MemoryBudget, type RowLimits } from './column-batches.js';
import { defaultLabel } from '../snapshot/source.js';
import { useDoubleSorter } from '../util/sort.js';

export interface CompareOutcome {
  readonly report: DriftReport;
  /** Paths of the reports written, by format (as the report directory was given: relative to `cwd` or absolute). */
  readonly files: Partial<Record<ReportFormat, string>>;
  /** `[driftwatch] report_html=... drift_share=0.07 < 0.30 -> NO_ACTION (target_rate_change=+0.006)` */
  readonly decisionLine: string;
  /** With a history: every run, oldest first, this one last (as written to the history file, when there is one). */
  readonly history?: HistoryRecord[];
  /** Things the user should know that did not stop the run (corrupt history lines). */
  readonly warnings: string[];
}

/** A history the caller read itself (the action's sticky comment), instead of or besides a history file. */
export interface CompareJobHistory {
  /** The runs before this one, oldest first. */
  readonly records: readonly HistoryRecord[];
}

/**
 * The one line `compare` prints: the reports written, then each decision criterion with its threshold, the
 * decision, and in parentheses the change of the target's positive rate (current − reference, signed; the JSON's
 * `target.abs_rate_diff` is its absolute value). That figure is context, not a criterion.
 */
export function decisionLine(report: DriftReport, files: Partial<Record<ReportFormat, string>>): string {
  const parts = ['[driftwatch]'];
  if (files.html) parts.push(`report_html=${files.html}`);
  if (files.json) parts.push(`report_json=${files.json}`);
  if (files.md) parts.push(`report_md=${files.md}`);
  const comparison = report.drift_share >= report.decision.retrain_threshold ? '>=' : '<';
  parts.push(
    `drift_share=${report.drift_share.toFixed(2)} ${comparison} ${report.decision.retrain_threshold.toFixed(2)}`,
  );
  if (report.decision.triggered_by?.includes('trend')) parts.push('triggered_by=trend');
  const model = report.model;
  if (model?.max_auc_drop !== undefined) {
    const bound = model.auc_drop_confidence === undefined ? model.auc_drop : model.auc_drop_lower_bound;
    const name = model.auc_drop_confidence === undefined ? 'auc_drop' : 'auc_drop_lower';
    parts.push(
      bound === null || bound === undefined
        ? `${name}=n/a`
        : `${name}=${bound.toFixed(4)} ${bound >= model.max_auc_drop ? '>=' : '<'} ${model.max_auc_drop}`,
    );
  } else if (model) {
    parts.push(`auc_drop=${model.auc_drop === null ? 'n/a' : model.auc_drop.toFixed(4)}`);
  }
  parts.push(`-> ${report.decision.action}`);
  if (report.target) parts.push(`(target_rate_change=${rateChange(report.target)})`);
  return parts.join(' ');
}

/** Current minus reference positive rate, to 3 decimals with its sign (`+0.006`, `-0.120`, `0.000`), or `n/a`. */
function rateChange(target: { reference_rate: number | null; current_rate: number | null }): string {
  if (target.reference_rate === null || target.current_rate === null) return 'n/a';
  const text = (target.current_rate - target.reference_rate).toFixed(3);
  if (/^-0\.0+$/.test(text) || /^0\.0+$/.test(text)) return '0.000';
  return text.startsWith('-') ? text : `+${text}`;
}

/**
 * Which columns a reader needs to materialise (ids and excluded columns are skipped); `needed` are read whatever
 * the selection (the model section's features, target and prediction column).
 */
function columnFilter(settings: CompareSettings, needed: readonly string[] = []): ColumnFilter | undefined {
  const { drift } = settings;
  if (drift.columns)
    return { only: [...new Set([...drift.columns, ...(drift.target ? [drift.target] : []), ...needed])] };
  const except = [drift.idColumn, drift.timestampColumn, ...(drift.exclude ?? [])].filter(
    (name): name is string => name !== undefined && name !== drift.target && !needed.includes(name),
  );
  return except.length === 0 ? undefined : { except };
}

/** The engine options of a comparison, with the labels the sources suggest when none were given. */
function driftOptions(
  settings: CompareSettings,
  labels: { reference: string; current: string },
): DriftOptions {
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
      allowEmpty: names.allowEmpty,
    },
  };
}

/** Whether a memory plan is row limits to read at once under, rather than the report of a batched read. */
function isRowLimits(plan: DriftReport | RowLimits): plan is RowLimits {
  return 'maxRows' in plan;
}

/**
 * The report of two files read in column batches under the memory limit, or undefined when the files are read
 * whole: they fit, a database is a side, or the model section needs its columns together; or the row limits to read
 * them whole under, when the rows estimated from their first MiB fit.
 *
 * Batches are read and scored in this thread. On the worker threads (columns in shared memory), the resident set
 * grew by about one batch's columns per batch on the wide benchmark (50,000 rows × 2,000 columns, Node 20: 107 MiB
 * before the first of 16 batches, 1,390 MiB before the eleventh), even with the threads replaced after each batch;
 * in this thread it stayed within the limit (636 MiB peak for CSV, 639 MiB for Parquet under 512 MiB, Node 24).
 */
async function batchedReport(
  settings: CompareSettings,
  model: PreparedModel | undefined,
  budget?: Partial<MemoryBudget>,
): Promise<DriftReport | RowLimits | undefined> {
  const { reference, current } = settings;
  if (reference.kind === 'postgres' || current.kind === 'postgres' || model) return undefined;
  const options = driftOptions(settings, {
    reference: defaultLabel(reference),
    current: defaultLabel(current),
  });
  return compareInBatches(
    { reference, current, cwd: settings.cwd, limitName: settings.names.memoryLimit },
    columnFilter(settings),
    options,
    { limit: settings.memoryLimit ?? defaultMemoryLimit(), ...budget },
    { threads: 1, rowLimits: true },
  );
}

/** Reads both snapshots and computes the report (with the model section when asked for). */
async function computeReport(
  settings: CompareSettings,
  closing: Promise<void>[],
  model?: PreparedModel,
  progress?: Progress,
  budget?: Partial<MemoryBudget>,
): Promise<DriftReport> {
  const { reference, current, names } = settings;
  // Big files: two worker threads read both snapshots at once, then score columns on both cores. They are started
  // first, so they load while the files' shapes are checked against the memory limit (rows estimated from the
  // first MiB of each file and read under limits that keep the plan, else a search of every line end);
  // a comparison read in batches (in this thread) stops them before its first batch, and plans its batches from the
  // memory in use before they started.
  // The main thread reads the labels of these columns whatever their shape; an id column's labels stay on the
  // thread that read it otherwise.
  const withLabels = new Set([
    ...(settings.drift.target ? [settings.drift.target] : []),
    ...(settings.drift.numerical ?? []),
    ...(settings.drift.categorical ?? []),
    ...(model?.columns ?? []),
  ]);
  const residentSet = process.memoryUsage.rss();
  const startPool = () =>
    WorkerPool.forFiles(
      [reference, current].flatMap((source) =>
        source.kind === 'file' ? [resolve(settings.cwd, source.path)] : [],
      ),
      (name) => withLabels.has(name),
    );
  let pool = startPool();
  const plan = (census: boolean) =>
    batchedReport(settings, model, {
      residentSet,
      beforeBatches: () => pool?.close(),
      census,
      ...budget,
    });
  try {
    const batched = await plan(false);
    if (batched && !isRowLimits(batched)) return batched;
    try {
      return await readAndScore(settings, model, progress, pool, names, batched?.maxRows);
    } catch (error) {
      if (!(error instanceof RowLimitExceeded)) throw error;
      // A file has more rows than its first MiB let on. The threads are stopped (the other may still be reading;
      // what they hold goes with them), the census counts the rows and plans as it would have, and a read at once
      // gets new threads.
      await pool?.close();
      pool = undefined;
      const counted = await plan(true);
      if (counted && !isRowLimits(counted)) return counted;
      pool = startPool();
      return await readAndScore(settings, model, progress, pool, names);
    }
  } finally {
    // Stopped while the report is rendered and written (~15 ms of tearing down each thread on shape g of the
    // benchmark, which the main thread waited for before rendering); runCompareJob returns once they have stopped.
    if (pool) closing.push(pool.close());
  }
}

/**
 * Reads both snapshots whole (on the pool's threads when there is one) and computes the report.
 *
 * @param maxRows row limits of files read at once on an estimate of their rows (see `RowLimits`)
 * @throws {RowLimitExceeded} when a file has more rows than its limit
 */
async function readAndScore(
  settings: CompareSettings,
  model: PreparedModel | undefined,
  progress: Progress | undefined,
  pool: WorkerPool | undefined,
  names: CompareSettings['names'],
  maxRows?: ReadonlyMap<string, number>,
): Promise<DriftReport> {
  const readFiles = pool?.readFiles ?? readInThisThread;
  const pair = await readSnapshotPair(settings, {
    columns: columnFilter(settings, model?.columns),
    readFiles:
      maxRows && maxRows.size > 0
        ? (requests, onBytes) =>
            readFiles(
              requests.map((request) => ({
                ...request,
                maxRows: maxRows.get(resolve(settings.cwd, request.path)),
              })),
              onBytes,
            )
        : pool?.readFiles,
    onBytes: progress?.bytes,
    // With `compute: database`, numeric columns with many distinct values are summarised in SQL.
    summarize: summarizePolicy(settings.drift),
  });
  const options = driftOptions(settings, pair.labels);
  const report = await computeDrift(pair, options, {
    mapColumns: pool?.mapColumns,
    onColumnScored: progress?.columnsScored,
  });
  if (model) {
    if (isCounted(pair.reference) || isCounted(pair.current))
      throw new UserError(
        'USAGE',
        `${model.settings.source.kind === 'model' ? names.model : names.predictionColumn}: the model section scores rows; with PostgreSQL snapshots use ${names.compute} memory`,
        model.settings.source.kind === 'model' ? 'model' : 'predictionColumn',
      );
    addModelSection(report, model, pair.reference, pair.current, options);
  }
  return report;
}

/**
 * Runs one compare job.
 *
 * @param settings the validated settings (from `parseCompareSettings`)
 * @param given a history the caller read itself
 * @param progressTo where a big job's progress line goes (stderr and the environment); none: no progress
 * @param budget overrides of the memory budget (the limit, or the memory counted as in use before reading)
 * @returns the report, the files written and the decision line
 * @throws {UserError} for unreadable snapshots, unknown columns and the like (nothing is written then)
 */
export async function runCompareJob(
  settings: CompareSettings,
  given?: CompareJobHistory,
  progressTo?: ProgressOutput,
  budget?: Partial<MemoryBudget>,
): Promise<CompareOutcome> {
  const closing: Promise<void>[] = [];
  try {
    return await compareJob(settings, closing, given, progressTo, budget);
  } finally {
    await Promise.all(closing);
  }
}

/** {@link runCompareJob}'s work; the stopping of its worker threads goes into `closing`, for the caller to await. */
async function compareJob(
  settings: CompareSettings,
  closing: Promise<void>[],
  given?: CompareJobHistory,
  progressTo?: ProgressOutput,
  budget?: Partial<MemoryBudget>,
): Promise<CompareOutcome> {
  // Columns scored on this thread are decoded (compact ones), sorted and pooled by the reader's compiled module where
  // WebAssembly is on.
  useScaledDecoders(ScaledDecoder.create);
  useScaledSorter(ColumnSorter.forThread);
  useScaledPooler(ColumnSorter.poolerForThread);
  useDoubleSorter(ColumnSorter.forThread);
  const warnings: string[] = [];
  const historyPath = settings.history === undefined ? undefined : resolve(settings.cwd, settings.history);
  let prior: readonly HistoryRecord[] | undefined = given?.records;
  if (historyPath !== undefined) {
    // Read first: an unreadable history fails the run before any report is written.
    const read = readHistoryFile(historyPath, settings.names.history);
    warnings.push(...read.warnings);
    prior = [...(prior ?? []), ...read.records];
  }
  const model = settings.model
    ? await prepareModel(settings.model, settings.drift.target, settings.cwd, settings.names)
    : undefined;
  const progress = Progress.forJob(settings, progressTo);
  progress?.start();
  let report: DriftReport;
  try {
    report = await computeReport(settings, closing, model, progress, budget);
  } finally {
    progress?.finish();
  }
  let history: HistoryRecord[] | undefined;
  if (settings.retrainAfter !== undefined) {
    if (prior === undefined)
      throw new UserError(
        'USAGE',
        `${settings.names.retrainAfter}: needs a history (${settings.names.history})`,
        'retrainAfter',
      );
    report.decision = retrainAfter(
      report.decision,
      mergeHistory(prior, historyRecord(report)),
      settings.retrainAfter,
    );
  }
  if (prior !== undefined) {
    history = mergeHistory(prior, historyRecord(report));
    report.trend = computeTrend(history);
  }
  const base = join(
    settings.reportDir,
    `drift_${fileNamePart(report.reference.label)}_vs_${fileNamePart(report.current.label)}`,
  );
  // Render everything first, then write: a rendering failure leaves no report behind.
  const rendered: [ReportFormat, string, string][] = settings.formats.map((format) => {
    switch (format) {
      case 'json':
        return [format, `${base}.json`, renderJson(report)];
      case 'html':
        return [format, `${base}.html`, renderHtml(report)];
      case 'md':
        return [format, `${base}.md`, renderMarkdown(report, { reportUrl: settings.reportUrl })];
      default:
        return assertNever(format);
    }
  });
  // All or nothing: no report of this run appears unless every one was written.
  await writeFileSetAtomic(
    rendered.map(([, path, content]) => ({
      path: isAbsolute(path) ? path : join(settings.cwd, path),
      content,
    })),
  );
  const files: Partial<Record<ReportFormat, string>> = {};
  for (const [format, path] of rendered) files[format] = path;
  if (historyPath !== undefined && history !== undefined) {
    // Under the file's lock the history is read again, so a run that finished meanwhile is kept.
    const written = await appendHistoryRecord(historyPath, history.at(-1)!, settings.names.history);
    history = written.records;
  }
  if (settings.historyTable !== undefined) {
    // The database client loads only when a run writes its history to a table.
    const { writeHistoryRow } = await import('./history-table.js');
    await writeHistoryRow(settings.historyTable, history?.at(-1) ?? historyRecord(report));
  }
  return { report, files, decisionLine: decisionLine(report, files), history, warnings };
}
