/**
 * `driftwatch compare`: per-column drift between two snapshots, the reports, and the retrain decision.
 * Translates argv into the shared compare settings (its flag names in messages), runs the compare job, prints the
 * decision line.
 */
import { CORRECTION_METHODS } from '../../drift/correction.js';
import { DEFAULT_DRIFT_SHARE, DEFAULT_RETRAIN_THRESHOLD } from '../../drift/options.js';
import { STATTEST_IDS } from '../../drift/types.js';
import { ExitCode } from '../../errors.js';
import { REDACTED, urlPassword } from '../../util/secrets.js';
import { runCompareJob } from '../../job/compare-job.js';
import { parseCompareSettings, type RawCompareSettings } from '../../job/compare-settings.js';
import { COMPARE_FIELDS, type CompareNames, type CompareSettings } from '../../job/settings.js';
import { DATABASE_FLAG_OPTIONS, DATABASE_FLAGS, DATABASE_FLAGS_USAGE } from '../database-flags.js';
import { parseFlags } from '../args.js';
import type { CliIo, Command } from '../io.js';

const usage = `Usage: driftwatch compare --reference PATH --current PATH [options]
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
  --correction METHOD       ${CORRECTION_METHODS.join('|')}: adjust p-value tests across columns (default: none)
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

Tests: ${STATTEST_IDS.join(', ')}
Exit codes: 0 done, 1 RETRAIN with --fail-on-drift, 2 usage or input error.`;

/** The flag of every compare setting. */
export const COMPARE_FLAGS: CompareNames = {
  reference: '--reference',
  current: '--current',
  inputFormat: '--input-format',
  referenceLabel: '--reference-label',
  currentLabel: '--current-label',
  memoryLimit: '--memory-limit',
  ...DATABASE_FLAGS,
  columns: '--columns',
  exclude: '--exclude',
  numerical: '--numerical',
  categorical: '--categorical',
  idColumn: '--id-column',
  timestampColumn: '--timestamp-column',
  target: '--target',
  stattest: '--stattest',
  threshold: '--threshold',
  driftShare: '--drift-share',
  retrainThreshold: '--retrain-threshold',
  bins: '--bins',
  seed: '--seed',
  correction: '--correction',
  missingDrift: '--missing-drift',
  allowEmpty: '--allow-empty',
  reportDir: '--report-dir',
  formats: '--format',
  reportUrl: '--report-url',
  failOnDrift: '--fail-on-drift',
  quiet: '--quiet',
  history: '--history',
  retrainAfter: '--retrain-after',
  historyTable: '--history-table',
  model: '--model',
  predictionColumn: '--prediction-column',
  maxAucDrop: '--max-auc-drop',
  aucDropConfidence: '--auc-drop-confidence',
};

/** The `parseArgs` declarations of the compare flags. */
export const COMPARE_FLAG_OPTIONS = {
  reference: { type: 'string' },
  current: { type: 'string' },
  'input-format': { type: 'string' },
  'reference-label': { type: 'string' },
  'current-label': { type: 'string' },
  'memory-limit': { type: 'string' },
  ...DATABASE_FLAG_OPTIONS,
  columns: { type: 'string' },
  exclude: { type: 'string' },
  numerical: { type: 'string' },
  categorical: { type: 'string' },
  'id-column': { type: 'string' },
  'timestamp-column': { type: 'string' },
  target: { type: 'string' },
  stattest: { type: 'string', multiple: true },
  threshold: { type: 'string', multiple: true },
  'drift-share': { type: 'string' },
  'retrain-threshold': { type: 'string' },
  bins: { type: 'string' },
  seed: { type: 'string' },
  correction: { type: 'string' },
  'missing-drift': { type: 'boolean' },
  'allow-empty': { type: 'boolean' },
  'report-dir': { type: 'string' },
  format: { type: 'string' },
  'report-url': { type: 'string' },
  'fail-on-drift': { type: 'boolean' },
  quiet: { type: 'boolean' },
  history: { type: 'string' },
  'retrain-after': { type: 'string' },
  'history-table': { type: 'string' },
  model: { type: 'string' },
  'prediction-column': { type: 'string' },
  'max-auc-drop': { type: 'string' },
  'auc-drop-confidence': { type: 'string' },
} as const;

/** Builds the validated settings from argv; every problem is a one-line UserError naming the flag. */
export function parseCompareArgs(argv: readonly string[], io: CliIo): CompareSettings {
  const values: Record<string, string | boolean | string[] | undefined> = parseFlags(
    'compare',
    argv,
    COMPARE_FLAG_OPTIONS,
  );
  const raw: RawCompareSettings = Object.fromEntries(
    COMPARE_FIELDS.map((field) => [field, values[COMPARE_FLAGS[field].slice(2)]]),
  );
  return parseCompareSettings(raw, COMPARE_FLAGS, { cwd: io.cwd, env: io.env });
}

/**
 * A JSON replacer for the settings' debug line: a database URL without its password (`postgresql://app:***@db/prod`),
 * and without the table of setting names.
 */
function hideDatabaseUrl(key: string, value: unknown): unknown {
  if (key === 'names') return undefined;
  if (key !== 'databaseUrl' || typeof value !== 'string') return value;
  const password = urlPassword(value);
  return password === undefined ? value : value.replace(`:${password}@`, `:${REDACTED}@`);
}

export const compareCommand: Command = {
  name: 'compare',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const settings = parseCompareArgs(argv, io);
    io.debug?.(`settings = ${JSON.stringify(settings, hideDatabaseUrl)}`);
    const outcome = await runCompareJob(settings, undefined, { stream: io.stderr, env: io.env });
    for (const warning of outcome.warnings) io.stderr.write(`driftwatch: warning: ${warning}\n`);
    io.stdout.write(outcome.decisionLine + '\n');
    return settings.failOnDrift && outcome.report.decision.action === 'RETRAIN'
      ? ExitCode.GateFailed
      : ExitCode.Ok;
  },
};
