/**
 * The one validated settings object of a `compare` job, built by `parseCompareSettings` from the CLI's flags or the
 * action's inputs, and the names each surface gives the settings.
 */
import type { DriftOptions } from '../drift/options.js';
import type { SnapshotSource } from '../snapshot/source.js';
import type { ModelSettings } from './model-quality.js';
import type { HistoryTableTarget } from './history-table.js';

export const REPORT_FORMATS = ['json', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Every compare setting a surface can give, by its canonical name. The CLI and the action each map every one of
 * them to a flag or an input (a test checks both lists are complete and equal).
 */
export const COMPARE_FIELDS = [
  // Snapshots: files (or git:<rev>:<path>)
  'reference',
  'current',
  'inputFormat',
  'referenceLabel',
  'currentLabel',
  'memoryLimit',
  // Snapshots: PostgreSQL
  'databaseUrl',
  'table',
  'asOfColumn',
  'query',
  'schema',
  'referenceAsOf',
  'currentAsOf',
  'compute',
  'statementTimeout',
  'connectRetries',
  // Columns
  'columns',
  'exclude',
  'numerical',
  'categorical',
  'idColumn',
  'timestampColumn',
  'target',
  // Statistics
  'stattest',
  'threshold',
  'driftShare',
  'retrainThreshold',
  'bins',
  'seed',
  'correction',
  'missingDrift',
  'allowEmpty',
  // Output
  'reportDir',
  'formats',
  'reportUrl',
  'failOnDrift',
  'quiet',
  // History
  'history',
  'retrainAfter',
  'historyTable',
  // Model quality
  'model',
  'predictionColumn',
  'maxAucDrop',
  'aucDropConfidence',
] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number];

/** How a surface names each compare setting in messages: `--drift-share` (CLI), `drift-share` (action). */
export type CompareNames = Readonly<Record<CompareField, string>>;

/** The validated settings of one `compare` job. */
export interface CompareSettings {
  readonly reference: SnapshotSource;
  readonly current: SnapshotSource;
  /** Report labels; default: what the source suggests (file name, resolved as_of). */
  readonly referenceLabel?: string;
  readonly currentLabel?: string;
  /** Directory the reports are written to, as given (relative paths are relative to `cwd`). */
  readonly reportDir: string;
  /** Report formats to write, in this order. */
  readonly formats: readonly ReportFormat[];
  /** Address of the full report, linked from the Markdown report; none: no link. */
  readonly reportUrl?: string;
  /** JSON Lines history file, read when present and rewritten with this run (see docs/history.md). */
  readonly history?: string;
  /** RETRAIN when the dataset or a column drifted in each of the last N runs of the history (opt-in). */
  readonly retrainAfter?: number;
  /** PostgreSQL table the run's history record is written to (the only database write; opt-in). */
  readonly historyTable?: HistoryTableTarget;
  /** The caller fails (CLI: exit 1; action: a failed step) when the decision is RETRAIN. */
  readonly failOnDrift: boolean;
  /** No progress line on stderr (a long job shows one by default on a terminal and in CI logs). */
  readonly quiet: boolean;
  /** Engine options other than the labels and the setting names. */
  readonly drift: Omit<DriftOptions, 'referenceLabel' | 'currentLabel' | 'names'>;
  /** Working directory for relative paths and git. */
  readonly cwd: string;
  /** How the surface that built these settings names them, for messages of checks made after parsing. */
  readonly names: CompareNames;
  /** The model section (`--model` or `--prediction-column`, with `--max-auc-drop`). */
  readonly model?: ModelSettings;
  /**
   * Bytes the column data of a file comparison may take at once (`--memory-limit`); columns are read and scored in
   * batches that fit. Undefined: the default, a quarter of the machine's memory and at most 4 GiB.
   */
  readonly memoryLimit?: number;
}
