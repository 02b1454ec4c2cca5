/**
 * One validated {@link CompareSettings} from the raw values a surface received, shared by `driftwatch compare`
 * (flags) and the GitHub Action (inputs): each passes its own names for the settings, so every message names the
 * setting the way the user wrote it (`--drift-share` or `drift-share`), quotes the value and never coerces. Every
 * error is a one-line UserError carrying the setting's canonical name in `field`.
 *
 * One grammar for both surfaces: lists are comma- or newline-separated (and a repeatable flag may be given several
 * times); booleans are true/false; numbers are finite decimals within the setting's range.
 */
import { CORRECTION_METHODS, type CorrectionMethod } from '../drift/correction.js';
import { DEFAULT_DRIFT_SHARE, DEFAULT_RETRAIN_THRESHOLD, type Overrides } from '../drift/options.js';
import { STATTEST_IDS, type ColumnType, type StatTestId } from '../drift/types.js';
import { UserError } from '../errors.js';
import { parseByteSize } from '../util/bytes.js';
import { parseNumberSetting, splitList } from '../util/values.js';
import { formatFromPath, INPUT_FORMATS, type InputFormat } from '../snapshot/index.js';
import { parseSnapshotSource, type FileSnapshotSource, type SnapshotSource } from '../snapshot/source.js';
import {
  hasDatabaseSettings,
  parseDatabaseSources,
  resolveDatabaseUrl,
  type RawDatabaseSettings,
} from './database-settings.js';
import type { HistoryTableTarget } from './history-table.js';
import { parseTableName } from '../snapshot/postgres/sql-text.js';
import { parseModelSettings } from './model-quality.js';
import {
  REPORT_FORMATS,
  type CompareField,
  type CompareNames,
  type CompareSettings,
  type ReportFormat,
} from './settings.js';

/** A raw value: text, a flag's boolean, or a repeatable flag's values. Undefined means not given. */
export type RawValue = string | boolean | readonly string[] | undefined;

/** The compare settings as a surface received them. */
export type RawCompareSettings = Partial<Record<CompareField, RawValue>>;

/** What the parser needs from the surrounding process. */
export interface CompareContext {
  /** Working directory for relative paths and git. */
  readonly cwd: string;
  /** Environment (`DATABASE_URL`). */
  readonly env: NodeJS.ProcessEnv;
}

/** Default directory of the reports (the action's input declares its own default). */
export const DEFAULT_REPORT_DIR = 'reports';

const COLUMN_TYPES: readonly ColumnType[] = ['numerical', 'categorical', 'text'];

/** Reads raw values, failing with messages in the surface's vocabulary. */
class RawReader {
  constructor(
    private readonly raw: RawCompareSettings,
    readonly names: CompareNames,
  ) {}

  fail(field: CompareField, message: string): never {
    throw new UserError('USAGE', message, field);
  }

  given(field: CompareField): boolean {
    return this.raw[field] !== undefined;
  }

  /** Text as given (the last value of a repeated flag). */
  text(field: CompareField): string | undefined {
    const value = this.raw[field];
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') this.fail(field, `${this.names[field]} needs a value`);
    return typeof value === 'string' ? value : value.at(-1);
  }

  /** Text that may not be blank when given. */
  nonBlank(field: CompareField, what: string): string | undefined {
    const value = this.text(field);
    if (value !== undefined && value.trim() === '')
      this.fail(field, `${this.names[field]}: ${what} is empty`);
    return value;
  }

  /** Every item of a list setting (each value split by commas and newlines). */
  list(field: CompareField): string[] {
    const value = this.raw[field];
    if (value === undefined) return [];
    if (typeof value === 'boolean') this.fail(field, `${this.names[field]} needs a value`);
    return (typeof value === 'string' ? [value] : value).flatMap(splitList);
  }

  bool(field: CompareField): boolean {
    const value = this.raw[field];
    if (value === undefined || typeof value === 'boolean') return value ?? false;
    const text = (typeof value === 'string' ? value : (value.at(-1) ?? '')).trim();
    if (['true', 'True', 'TRUE'].includes(text)) return true;
    if (['false', 'False', 'FALSE'].includes(text)) return false;
    this.fail(field, `${this.names[field]}: '${text}' is not a boolean (use true or false)`);
  }

  number(field: CompareField, range: { min?: number; max?: number; integer?: boolean }): number | undefined {
    const value = this.text(field);
    return value === undefined ? undefined : parseNumberSetting(this.names[field], value, range, field);
  }

  oneOf<T extends string>(field: CompareField, noun: string, allowed: readonly T[]): T | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const found = allowed.find((candidate) => candidate === value.trim());
    if (found === undefined)
      this.fail(field, `${this.names[field]}: unknown ${noun} '${value}' (known: ${allowed.join(', ')})`);
    return found;
  }

  /** A column name (blank: not given). */
  column(field: CompareField): string | undefined {
    const value = this.text(field);
    return value === undefined || value.trim() === '' ? undefined : value;
  }
}

/** Parses repeatable `X | type=X | column=X` specs into Evidently-ordered overrides. */
function parseOverrides<T>(
  read: RawReader,
  field: 'stattest' | 'threshold',
  parseValue: (value: string) => T,
): Overrides<T> {
  let all: T | undefined;
  const byType: Partial<Record<ColumnType, T>> = {};
  const byColumn: Record<string, T> = {};
  for (const spec of read.list(field)) {
    const equals = spec.lastIndexOf('=');
    if (equals < 0) {
      all = parseValue(spec.trim());
      continue;
    }
    const key = spec.slice(0, equals).trim();
    const value = parseValue(spec.slice(equals + 1).trim());
    if (key === '') read.fail(field, `${read.names[field]}: '${spec}' has no column name before '='`);
    if ((COLUMN_TYPES as readonly string[]).includes(key)) byType[key as ColumnType] = value;
    else byColumn[key] = value;
  }
  return { all, byType, byColumn };
}

function parseStatTestId(read: RawReader, value: string): StatTestId {
  const id = STATTEST_IDS.find((candidate) => candidate === value);
  if (!id)
    throw new UserError(
      'UNKNOWN_STATTEST',
      `${read.names.stattest}: unknown stattest '${value}' (known: ${STATTEST_IDS.join(', ')})`,
      'stattest',
    );
  return id;
}

function parseThreshold(read: RawReader, value: string): number {
  const threshold = parseNumberSetting(read.names.threshold, value, {}, 'threshold');
  if (!(threshold > 0))
    throw new UserError(
      'THRESHOLD_RANGE',
      `${read.names.threshold}: threshold ${value} is out of range (must be between 0 and 1 for a p-value test, above 0 for a distance)`,
      'threshold',
    );
  return threshold;
}

/** A file or git source, with the input format given or one its name implies. */
function fileSource(
  read: RawReader,
  field: 'reference' | 'current',
  format: InputFormat | undefined,
): FileSnapshotSource {
  const text = read.text(field);
  if (text === undefined) read.fail(field, `${read.names[field]} is required`);
  let source: FileSnapshotSource;
  try {
    source = parseSnapshotSource(read.names[field], text);
  } catch (error) {
    if (error instanceof UserError) read.fail(field, error.message);
    throw error;
  }
  if (format) return { ...source, format };
  if (formatFromPath(source.path) === undefined)
    read.fail(
      field,
      `${read.names[field]}: cannot tell the format of '${text}' from its extension; set ${read.names.inputFormat} to one of ${INPUT_FORMATS.join(', ')}`,
    );
  return source;
}

function databaseRaw(read: RawReader): RawDatabaseSettings {
  return {
    databaseUrl: read.text('databaseUrl'),
    table: read.text('table'),
    asOfColumn: read.text('asOfColumn'),
    query: read.text('query'),
    schema: read.text('schema'),
    referenceAsOf: read.text('referenceAsOf'),
    currentAsOf: read.text('currentAsOf'),
    compute: read.text('compute'),
    statementTimeout: read.text('statementTimeout'),
    connectRetries: read.text('connectRetries'),
  };
}

function parseFormats(read: RawReader): ReportFormat[] {
  if (!read.given('formats')) return [...REPORT_FORMATS];
  const formats = read.list('formats').map((format) => format.toLowerCase());
  if (formats.length === 0)
    read.fail('formats', `${read.names.formats}: name at least one of ${REPORT_FORMATS.join(', ')}`);
  for (const format of formats)
    if (!(REPORT_FORMATS as readonly string[]).includes(format))
      read.fail(
        'formats',
        `${read.names.formats}: unknown format '${format}' (known: ${REPORT_FORMATS.join(', ')})`,
      );
  return [...new Set(formats)] as ReportFormat[];
}

function parseReportUrl(read: RawReader): string | undefined {
  const text = read.text('reportUrl');
  if (text === undefined || text.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    read.fail('reportUrl', `${read.names.reportUrl}: '${text}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    read.fail('reportUrl', `${read.names.reportUrl}: '${text}' must be an http(s) URL`);
  return text.trim();
}

/** `historyTable`: a `[schema.]table` name, written to through the database URL setting or DATABASE_URL. */
function parseHistoryTable(
  read: RawReader,
  database: RawDatabaseSettings,
  env: NodeJS.ProcessEnv,
): HistoryTableTarget | undefined {
  const text = read.nonBlank('historyTable', 'the table name');
  if (text === undefined) return undefined;
  try {
    return {
      table: parseTableName(read.names.historyTable, text.trim()),
      url: resolveDatabaseUrl(database, read.names, env),
      urlName: database.databaseUrl !== undefined ? read.names.databaseUrl : 'DATABASE_URL',
    };
  } catch (error) {
    if (error instanceof UserError && error.field !== 'databaseUrl') read.fail('historyTable', error.message);
    throw error;
  }
}

/** `memoryLimit`: a size such as `512MiB`; blank or not given, the job's default. */
function parseMemoryLimit(read: RawReader): number | undefined {
  const text = read.text('memoryLimit');
  if (text === undefined || text.trim() === '') return undefined;
  return parseByteSize(read.names.memoryLimit, text, 'memoryLimit');
}

/**
 * Validates the raw compare settings of a surface.
 *
 * @param raw the values given, by canonical name (undefined: not given)
 * @param names how the surface names every setting (a flag or an input), for messages
 * @param context the working directory and the environment (`DATABASE_URL`)
 * @returns the settings of one compare job
 * @throws {UserError} a one-line message naming the setting, with `field` set to its canonical name
 */
export function parseCompareSettings(
  raw: RawCompareSettings,
  names: CompareNames,
  context: CompareContext,
): CompareSettings {
  const read = new RawReader(raw, names);
  const databaseValues = databaseRaw(read);
  let database: { reference: SnapshotSource; current: SnapshotSource } | undefined;
  if (hasDatabaseSettings(databaseValues)) {
    if (read.given('reference') || read.given('current'))
      read.fail(
        'reference',
        `${names.reference}/${names.current} (files) cannot be combined with ${names.databaseUrl}/${names.table}/${names.query}`,
      );
    database = parseDatabaseSources(databaseValues, names, context.env);
  }
  const format = read.oneOf('inputFormat', 'format', INPUT_FORMATS);
  const bins = read.number('bins', { min: 1, max: 10_000, integer: true });
  const stattest = parseOverrides(read, 'stattest', (value) => parseStatTestId(read, value));
  const threshold = parseOverrides(read, 'threshold', (value) => parseThreshold(read, value));
  const columns = read.list('columns');
  return {
    reference: database?.reference ?? fileSource(read, 'reference', format),
    current: database?.current ?? fileSource(read, 'current', format),
    referenceLabel: read.nonBlank('referenceLabel', 'the label'),
    currentLabel: read.nonBlank('currentLabel', 'the label'),
    memoryLimit: parseMemoryLimit(read),
    reportDir: read.nonBlank('reportDir', 'the directory') ?? DEFAULT_REPORT_DIR,
    formats: parseFormats(read),
    reportUrl: parseReportUrl(read),
    failOnDrift: read.bool('failOnDrift'),
    quiet: read.bool('quiet'),
    history: read.nonBlank('history', 'the file'),
    retrainAfter: read.number('retrainAfter', { min: 1, max: 1000, integer: true }),
    historyTable: parseHistoryTable(read, databaseValues, context.env),
    cwd: context.cwd,
    names,
    drift: {
      columns: columns.length > 0 ? columns : undefined,
      exclude: read.list('exclude'),
      numerical: read.list('numerical'),
      categorical: read.list('categorical'),
      idColumn: read.column('idColumn'),
      timestampColumn: read.column('timestampColumn'),
      target: read.column('target'),
      stattest,
      threshold,
      driftShare: read.number('driftShare', { min: 0, max: 1 }) ?? DEFAULT_DRIFT_SHARE,
      retrainThreshold: read.number('retrainThreshold', { min: 0, max: 1 }) ?? DEFAULT_RETRAIN_THRESHOLD,
      bins,
      seed: read.number('seed', { min: 0, max: 2 ** 32 - 1, integer: true }) ?? 0,
      correction: read.oneOf<CorrectionMethod>('correction', 'method', CORRECTION_METHODS),
      missingDrift: read.bool('missingDrift'),
      allowEmpty: read.bool('allowEmpty'),
    },
    model: parseModelSettings(
      {
        model: read.text('model'),
        predictionColumn: read.text('predictionColumn'),
        maxAucDrop: read.text('maxAucDrop'),
        aucDropConfidence: read.text('aucDropConfidence'),
      },
      names,
    ),
  };
}
