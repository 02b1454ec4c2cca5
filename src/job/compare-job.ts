/**
 * The `compare` job shared by the CLI and the action: read both snapshots (one reader seam for every source),
 * compute the drift (one engine entry; big files on worker threads), render and write the reports atomically, and
 * produce the decision line.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { computeDrift } from '../drift/engine.js';
import type { DriftOptions } from '../drift/options.js';
import type { DriftReport } from '../drift/report.js';
import { assertNever } from '../errors.js';
import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { readSnapshotPair } from '../snapshot/pair.js';
import type { ColumnFilter } from '../snapshot/read-request.js';
import { writeFileAtomic } from '../util/fs.js';
import type { CompareSettings, ReportFormat } from './settings.js';
import { WorkerPool } from './worker-pool.js';

export interface CompareOutcome {
  readonly report: DriftReport;
  /** Paths of the reports written, by format (as the report directory was given: relative to `cwd` or absolute). */
  readonly files: Partial<Record<ReportFormat, string>>;
  /** `[driftwatch] report_html=... drift_share=0.07 -> NO_ACTION drift_share=0.07 < 0.30 (target_drift=0.0)` */
  readonly decisionLine: string;
}

/** A label made safe for a file name (`drift_<ref>_vs_<cur>`). */
function fileSafe(label: string): string {
  return label.replace(/[^A-Za-z0-9._@-]+/g, '-');
}

/** Python-like float text for the decision line: 0 → "0.0", 0.0123 → "0.0123". */
function pythonFloat(value: number): string {
  const text = String(value);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

export function decisionLine(report: DriftReport, files: Partial<Record<ReportFormat, string>>): string {
  const parts = ['[driftwatch]'];
  if (files.html) parts.push(`report_html=${files.html}`);
  if (files.json) parts.push(`report_json=${files.json}`);
  if (files.md) parts.push(`report_md=${files.md}`);
  const share = report.drift_share.toFixed(2);
  const comparison = report.decision.action === 'RETRAIN' ? '>=' : '<';
  parts.push(
    `drift_share=${share} -> ${report.decision.action} drift_share=${share} ${comparison} ${report.decision.retrain_threshold.toFixed(2)}`,
  );
  let line = parts.join(' ');
  if (report.target) {
    const diff = report.target.abs_rate_diff;
    line += ` (target_drift=${diff === null ? 'n/a' : pythonFloat(Math.round(diff * 1000) / 1000)})`;
  }
  return line;
}

/** Which columns a reader needs to materialise (ids and excluded columns are skipped). */
function columnFilter({ drift }: CompareSettings): ColumnFilter | undefined {
  if (drift.columns)
    return { only: [...new Set([...drift.columns, ...(drift.target ? [drift.target] : [])])] };
  const except = [drift.idColumn, drift.timestampColumn, ...(drift.exclude ?? [])].filter(
    (name): name is string => name !== undefined && name !== drift.target,
  );
  return except.length === 0 ? undefined : { except };
}

/** Reads both snapshots and computes the report. */
async function computeReport(settings: CompareSettings): Promise<DriftReport> {
  const { reference, current, names } = settings;
  // Big files: two worker threads read both snapshots at once, then score columns on both cores.
  const pool = WorkerPool.forFiles(
    [reference, current].flatMap((source) =>
      source.kind === 'file' ? [resolve(settings.cwd, source.path)] : [],
    ),
  );
  try {
    const pair = await readSnapshotPair(settings, {
      columns: columnFilter(settings),
      readFiles: pool?.readFiles,
    });
    const options: DriftOptions = {
      ...settings.drift,
      referenceLabel: settings.referenceLabel ?? pair.labels.reference,
      currentLabel: settings.currentLabel ?? pair.labels.current,
      names: { stattest: names.stattest, threshold: names.threshold, numerical: names.numerical },
    };
    return await computeDrift(pair, options, { mapColumns: pool?.mapColumns });
  } finally {
    await pool?.close();
  }
}

/**
 * Runs one compare job.
 *
 * @param settings the validated settings (from `parseCompareSettings`)
 * @returns the report, the files written and the decision line
 * @throws {UserError} for unreadable snapshots, unknown columns and the like (nothing is written then)
 */
export async function runCompareJob(settings: CompareSettings): Promise<CompareOutcome> {
  const report = await computeReport(settings);
  const base = join(
    settings.reportDir,
    `drift_${fileSafe(report.reference.label)}_vs_${fileSafe(report.current.label)}`,
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
  const files: Partial<Record<ReportFormat, string>> = {};
  for (const [format, path, content] of rendered) {
    writeFileAtomic(isAbsolute(path) ? path : join(settings.cwd, path), content);
    files[format] = path;
  }
  return { report, files, decisionLine: decisionLine(report, files) };
}
