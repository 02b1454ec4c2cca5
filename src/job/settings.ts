import type { DriftOptions } from '../drift/engine.js';
import type { InputFormat } from '../snapshot/index.js';
import type { PostgresSnapshotSource } from '../snapshot/postgres/flags.js';

export const REPORT_FORMATS = ['json', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where a snapshot comes from. */
export type SnapshotSource =
  /** A file (CSV, TSV, JSON Lines, Parquet). */
  | { readonly kind: 'file'; readonly path: string; readonly format?: InputFormat }
  /** A file as it was at a git revision: `git:<rev>:<path>`, read with `git show` from the checkout. */
  | { readonly kind: 'git'; readonly rev: string; readonly path: string; readonly format?: InputFormat }
  /** One as_of of a PostgreSQL as-of table or query (`--database-url` ...); both sides then come from the database. */
  | PostgresSnapshotSource;

/** The file-based sources (what the file readers accept). */
export type FileSnapshotSource = Exclude<SnapshotSource, PostgresSnapshotSource>;

/** The validated settings of one `compare` job, built once by the CLI or the action from their inputs. */
export interface CompareSettings {
  readonly reference: SnapshotSource;
  readonly current: SnapshotSource;
  /** Report labels; default: the file names without extension. */
  readonly referenceLabel?: string;
  readonly currentLabel?: string;
  /** Directory the reports are written to (default `reports`). */
  readonly reportDir: string;
  /** Report formats to write, in this order. */
  readonly formats: readonly ReportFormat[];
  /** Engine options other than the labels. */
  readonly drift: Omit<DriftOptions, 'referenceLabel' | 'currentLabel'>;
  /** Working directory for relative paths and git. */
  readonly cwd: string;
}
