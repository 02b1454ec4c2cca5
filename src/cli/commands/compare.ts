/**
 * `driftwatch compare`: per-column drift between two snapshots, the reports, and the retrain decision.
 * Parses argv into one validated {@link CompareSettings}, runs the shared compare job, prints the decision line.
 */
import { ExitCode, UserError } from '../../errors.js';
import { DEFAULT_DRIFT_SHARE, DEFAULT_RETRAIN_THRESHOLD } from '../../drift/engine.js';
import { CORRECTION_METHODS } from '../../drift/correction.js';
import { STATTEST_IDS } from '../../drift/types.js';
import { parseOverrides, parseStatTestId, parseThreshold } from '../../job/overrides.js';
import { runCompareJob } from '../../job/compare-job.js';
import { REPORT_FORMATS, type CompareSettings, type ReportFormat } from '../../job/settings.js';
import { INPUT_FORMATS, type InputFormat } from '../../snapshot/index.js';
import { parseSnapshotSource } from '../../snapshot/load.js';
import {
  hasPostgresFlags,
  parsePostgresSources,
  POSTGRES_FLAG_OPTIONS,
  POSTGRES_FLAGS_USAGE,
} from '../../snapshot/postgres/flags.js';
import { parseFlags, parseNumberFlag, splitList } from '../args.js';
import type { CliIo, Command } from '../io.js';

const usage = `Usage: driftwatch compare --reference PATH --current PATH [options]
       driftwatch compare --database-url URL (--table T | --query SQL|streamflow) [options]

Snapshots
  --reference PATH          baseline snapshot: .csv .tsv .jsonl .parquet, or git:<rev>:<path>
  --current PATH            snapshot to check (same forms)
  --input-format FORMAT     csv|tsv|jsonl|parquet, overrides the extension
  --reference-label L       report label (default: file name without extension)
  --current-label L         report label (default: file name without extension)

${POSTGRES_FLAGS_USAGE}

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
  --correction METHOD       bonferroni|holm|fdr_bh: adjust p-value tests across columns (default: none)
  --missing-drift           a significant change in a column's missing share counts as drift

Output
  --report-dir DIR          where reports are written (default reports)
  --format LIST             json,html,md (default json,html,md)
  --fail-on-drift           exit 1 when the decision is RETRAIN

Tests: ${STATTEST_IDS.join(', ')}
Exit codes: 0 done, 1 RETRAIN with --fail-on-drift, 2 usage or input error.`;

function parseFormats(value: string | undefined): ReportFormat[] {
  const formats = value === undefined ? [...REPORT_FORMATS] : splitList(value);
  if (formats.length === 0) throw new UserError('USAGE', '--format: name at least one of json, html, md');
  for (const format of formats)
    if (!(REPORT_FORMATS as readonly string[]).includes(format))
      throw new UserError(
        'USAGE',
        `--format: unknown format '${format}' (known: ${REPORT_FORMATS.join(', ')})`,
      );
  return [...new Set(formats)] as ReportFormat[];
}

const flags = {
  reference: { type: 'string' },
  current: { type: 'string' },
  'input-format': { type: 'string' },
  'reference-label': { type: 'string' },
  'current-label': { type: 'string' },
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
  'report-dir': { type: 'string' },
  format: { type: 'string' },
  'fail-on-drift': { type: 'boolean' },
  ...POSTGRES_FLAG_OPTIONS,
} as const;

export interface CompareCliSettings extends CompareSettings {
  readonly failOnDrift: boolean;
}

/** Builds the validated settings from argv; every problem is a one-line UserError naming the flag. */
export function parseCompareArgs(argv: readonly string[], io: CliIo): CompareCliSettings {
  const values = parseFlags('compare', argv, flags);
  const database = hasPostgresFlags(values) ? parsePostgresSources(values, io.env) : undefined;
  if (database && (values.reference !== undefined || values.current !== undefined))
    throw new UserError(
      'USAGE',
      'compare: --reference/--current (files) cannot be combined with --database-url/--table/--query',
    );
  if (!database && values.reference === undefined)
    throw new UserError('USAGE', 'compare: --reference is required');
  if (!database && values.current === undefined)
    throw new UserError('USAGE', 'compare: --current is required');
  let format: InputFormat | undefined;
  if (values['input-format'] !== undefined) {
    format = INPUT_FORMATS.find((candidate) => candidate === values['input-format']);
    if (!format)
      throw new UserError(
        'USAGE',
        `--input-format: unknown format '${values['input-format']}' (known: ${INPUT_FORMATS.join(', ')})`,
      );
  }
  const withFormat = <S extends ReturnType<typeof parseSnapshotSource>>(source: S): S =>
    format ? { ...source, format } : source;
  const stattest = parseOverrides('--stattest', values.stattest ?? [], (value) =>
    parseStatTestId('--stattest', value),
  );
  const threshold = parseOverrides('--threshold', values.threshold ?? [], (value) =>
    parseThreshold('--threshold', value),
  );
  const bins =
    values.bins === undefined ? undefined : parseNumberFlag('--bins', values.bins, { min: 1, max: 10_000 });
  if (bins !== undefined && !Number.isInteger(bins))
    throw new UserError('USAGE', `--bins: ${values.bins} is not a whole number`);
  const seed =
    values.seed === undefined ? 0 : parseNumberFlag('--seed', values.seed, { min: 0, max: 2 ** 32 - 1 });
  if (!Number.isInteger(seed)) throw new UserError('USAGE', `--seed: ${values.seed} is not a whole number`);
  const correction =
    values.correction === undefined
      ? undefined
      : CORRECTION_METHODS.find((method) => method === values.correction);
  if (values.correction !== undefined && !correction)
    throw new UserError(
      'USAGE',
      `--correction: unknown method '${values.correction}' (known: ${CORRECTION_METHODS.join(', ')})`,
    );
  const label = (flag: string, value: string | undefined) => {
    if (value !== undefined && value.trim() === '')
      throw new UserError('USAGE', `${flag}: the label is empty`);
    return value;
  };
  return {
    reference: database
      ? database.reference
      : withFormat(parseSnapshotSource('--reference', values.reference!)),
    current: database ? database.current : withFormat(parseSnapshotSource('--current', values.current!)),
    referenceLabel: label('--reference-label', values['reference-label']),
    currentLabel: label('--current-label', values['current-label']),
    reportDir: values['report-dir'] ?? 'reports',
    formats: parseFormats(values.format),
    failOnDrift: values['fail-on-drift'] ?? false,
    cwd: io.cwd,
    drift: {
      columns: values.columns === undefined ? undefined : splitList(values.columns),
      exclude: splitList(values.exclude),
      numerical: splitList(values.numerical),
      categorical: splitList(values.categorical),
      idColumn: values['id-column'],
      timestampColumn: values['timestamp-column'],
      target: values.target,
      stattest,
      threshold,
      driftShare:
        values['drift-share'] === undefined
          ? DEFAULT_DRIFT_SHARE
          : parseNumberFlag('--drift-share', values['drift-share'], { min: 0, max: 1 }),
      retrainThreshold:
        values['retrain-threshold'] === undefined
          ? DEFAULT_RETRAIN_THRESHOLD
          : parseNumberFlag('--retrain-threshold', values['retrain-threshold'], { min: 0, max: 1 }),
      bins,
      seed,
      correction,
      missingDrift: values['missing-drift'] ?? false,
    },
  };
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'per-column drift between a reference and a current snapshot, reports and the retrain decision',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const settings = parseCompareArgs(argv, io);
    const outcome = await runCompareJob(settings);
    io.stdout.write(outcome.decisionLine + '\n');
    return settings.failOnDrift && outcome.report.decision.action === 'RETRAIN'
      ? ExitCode.GateFailed
      : ExitCode.Ok;
  },
};
