/**
 * The `compare` job shared by the CLI and the action: read both snapshots, compute drift, write the reports
 * atomically, and produce the StreamFlow-style decision line.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { assembleDrift, computeColumn, planColumns } from '../drift/engine.js';
import type { DriftReport } from '../drift/types.js';
import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { writeFileAtomic } from '../util/fs.js';
import { defaultLabel, loadSnapshots } from '../snapshot/load.js';
import { type ColumnFilter, columnFilterFunction } from '../snapshot/read-request.js';
import type { Table } from '../snapshot/table.js';
import { postgresDriftReport } from './postgres-compare.js';
import type { CompareSettings, ReportFormat } from './settings.js';
import { WorkerPool } from './worker-pool.js';
import { assertNever } from '../errors.js';

export interface CompareOutcome {
  readonly report: DriftReport;
  /** Paths of the reports written, by format. */
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
function columnFilter(settings: CompareSettings): ColumnFilter | undefined {
  const { drift } = settings;
  if (drift.columns)
    return { only: [...new Set([...drift.columns, ...(drift.target ? [drift.target] : [])])] };
  const except = [drift.idColumn, drift.timestampColumn, ...(drift.exclude ?? [])].filter(
    (name): name is string => name !== undefined && name !== drift.target,
  );
  return except.length === 0 ? undefined : { except };
}

/** Reads both snapshots (files, or PostgreSQL with `--compute memory|database`) and computes the report. */
async function computeReport(settings: CompareSettings): Promise<DriftReport> {
  if (settings.reference.kind === 'postgres' || settings.current.kind === 'postgres') {
    return postgresDriftReport(
      settings.reference,
      settings.current,
      settings,
      columnFilterFunction(columnFilter(settings)),
    );
  }
  const options = {
    ...settings.drift,
    referenceLabel: settings.referenceLabel ?? defaultLabel(settings.reference),
    currentLabel: settings.currentLabel ?? defaultLabel(settings.current),
  };
  const sources = [settings.reference, settings.current];
  // Big files: two worker threads read both snapshots at once, then score columns on both cores.
  const pool = WorkerPool.forFiles(
    sources.flatMap((source) => (source.kind === 'file' ? [resolve(settings.cwd, source.path)] : [])),
  );
  try {
    const [reference, current] = (await loadSnapshots(
      sources,
      settings.cwd,
      columnFilter(settings),
      pool ? (requests) => pool.read(requests) : undefined,
    )) as [Table, Table];
    const plan = planColumns(reference, current, options);
    const works = pool
      ? await pool.computeColumns(reference, current, options, plan)
      : plan.map(({ name, type }) => computeColumn(name, type, reference, current, options));
    return assembleDrift(reference, current, options, works, {
      reference: pool?.duplicatedRowsOf(reference),
      current: pool?.duplicatedRowsOf(current),
    });
  } finally {
    await pool?.close();
  }
}

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
        return [format, `${base}.md`, renderMarkdown(report)];
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
