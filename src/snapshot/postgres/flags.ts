/**
 * The database source flags shared by `compare`, `snapshots` and the action inputs, parsed once into typed
 * settings. Nothing here connects; values are validated at the boundary with one-line UserErrors naming the flag.
 */
import { UserError } from '../../errors.js';
import { DEFAULT_CONNECT_RETRIES, DEFAULT_STATEMENT_TIMEOUT_MS, parseDatabaseUrl } from './connection.js';
import type { PostgresSnapshotSettings } from './index.js';
import type { AsOfSelector, SnapshotQuerySource } from './snapshots.js';
import { checkSnapshotQuery, parseTableName } from './sql-text.js';

/** Where drift statistics are computed: all rows streamed to the runner, or only aggregates from SQL. */
export const COMPUTE_MODES = ['memory', 'database'] as const;
export type ComputeMode = (typeof COMPUTE_MODES)[number];

/** The bundled StreamFlow join, selected with `--query streamflow`. */
export const STREAMFLOW_QUERY_NAME = 'streamflow';

/** Raw flag values (CLI) or action inputs, undefined when not given. */
export interface PostgresFlagValues {
  readonly 'database-url'?: string;
  readonly table?: string;
  readonly 'as-of-column'?: string;
  readonly query?: string;
  readonly schema?: string;
  readonly 'reference-as-of'?: string;
  readonly 'current-as-of'?: string;
  readonly compute?: string;
  readonly 'statement-timeout'?: string;
  readonly 'connect-retries'?: string;
}

/** `parseArgs` option declarations of the flags (spread into a command's flag table). */
export const POSTGRES_FLAG_OPTIONS = {
  'database-url': { type: 'string' },
  table: { type: 'string' },
  'as-of-column': { type: 'string' },
  query: { type: 'string' },
  schema: { type: 'string' },
  'reference-as-of': { type: 'string' },
  'current-as-of': { type: 'string' },
  compute: { type: 'string' },
  'statement-timeout': { type: 'string' },
  'connect-retries': { type: 'string' },
} as const;

/** Usage lines of the flags, for a command's help. */
export const POSTGRES_FLAGS_USAGE = `PostgreSQL snapshots (instead of --reference/--current files)
  --database-url URL        postgresql://user@host:5432/db (default: $DATABASE_URL); the password is never printed
  --table T                 as-of table ([schema.]table): every column but the as-of column is a feature
  --as-of-column C          the snapshot date column of --table (default as_of)
  --query SQL|streamflow    snapshot query with $1 for the as_of value ("SELECT ... WHERE as_of = $1"),
                            or 'streamflow' for the bundled join of the StreamFlow tables
  --schema S                schema of the StreamFlow tables for --query streamflow (default public)
  --reference-as-of X       as_of value, or 'previous' (the as_of before the current one; default)
  --current-as-of X         as_of value, or 'latest' (default)
  --compute MODE            memory: stream rows into the runner (default); database: compute counts in SQL
  --statement-timeout S     statement_timeout in seconds (default ${DEFAULT_STATEMENT_TIMEOUT_MS / 1000})
  --connect-retries N       retries of a connection lost before any row was read (default ${DEFAULT_CONNECT_RETRIES})`;

/** Whether any database flag was given (the caller then requires a complete database source). */
export function hasPostgresFlags(values: PostgresFlagValues): boolean {
  return (['database-url', 'table', 'query', 'reference-as-of', 'current-as-of', 'compute'] as const).some(
    (flag) => values[flag] !== undefined,
  );
}

/** Database URL from the flag, else `DATABASE_URL`. */
export function resolveDatabaseUrl(values: PostgresFlagValues, env: NodeJS.ProcessEnv): string {
  const url = values['database-url'] ?? env.DATABASE_URL;
  if (url === undefined || url.trim() === '')
    throw new UserError('USAGE', '--database-url is required (or set DATABASE_URL)');
  parseDatabaseUrl(values['database-url'] !== undefined ? '--database-url' : 'DATABASE_URL', url);
  return url;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UserError('USAGE', `${flag}: the value is empty`);
  return value;
}

/** The snapshot query source from `--table`/`--as-of-column`/`--query`/`--schema`. */
export function parseSnapshotQuerySource(values: PostgresFlagValues): SnapshotQuerySource {
  const table = nonEmpty('--table', values.table);
  const query = nonEmpty('--query', values.query);
  const asOfColumn = nonEmpty('--as-of-column', values['as-of-column']) ?? 'as_of';
  const schema = nonEmpty('--schema', values.schema);
  if (query !== undefined && query.trim() === STREAMFLOW_QUERY_NAME) {
    if (table !== undefined)
      throw new UserError('USAGE', '--table cannot be combined with --query streamflow');
    return { kind: 'streamflow', schema: schema ?? 'public' };
  }
  if (schema !== undefined)
    throw new UserError(
      'USAGE',
      '--schema is only used with --query streamflow (write schema.table in --table)',
    );
  if (query !== undefined) {
    // Refused here already, before any connection is made (planSnapshotQuery checks again for library callers).
    checkSnapshotQuery('--query', query);
    return table === undefined
      ? { kind: 'query', sql: query }
      : { kind: 'query', sql: query, discovery: { table: parseTableName('--table', table), asOfColumn } };
  }
  if (table === undefined)
    throw new UserError('USAGE', 'a database source needs --table T (with --as-of-column) or --query');
  return { kind: 'table', table: parseTableName('--table', table), asOfColumn };
}

function parseAsOf(flag: string, value: string | undefined, keyword: 'latest' | 'previous'): AsOfSelector {
  const text = nonEmpty(flag, value)?.trim();
  if (text === undefined || text === keyword) return { kind: keyword };
  if (text === 'latest' || text === 'previous') {
    throw new UserError(
      'USAGE',
      `${flag}: '${text}' is not allowed here (use ${keyword} or an as_of value such as 2024-01-31)`,
    );
  }
  return { kind: 'value', value: text };
}

/** `--compute memory|database`. */
export function parseComputeMode(value: string | undefined): ComputeMode {
  if (value === undefined) return 'memory';
  const mode = COMPUTE_MODES.find((candidate) => candidate === value.trim());
  if (!mode)
    throw new UserError('USAGE', `--compute: unknown mode '${value}' (known: ${COMPUTE_MODES.join(', ')})`);
  return mode;
}

/** `--statement-timeout` seconds → milliseconds. */
export function parseStatementTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_STATEMENT_TIMEOUT_MS;
  const seconds = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UserError('USAGE', `--statement-timeout: '${value}' is not a positive number of seconds`);
  }
  return Math.round(seconds * 1000);
}

/** `--connect-retries N`: a whole number from 0 to 10. */
export function parseConnectRetries(value: string | undefined): number {
  if (value === undefined) return DEFAULT_CONNECT_RETRIES;
  if (!/^\s*(10|[0-9])\s*$/.test(value))
    throw new UserError('USAGE', `--connect-retries: '${value}' is not a whole number from 0 to 10`);
  return Number(value);
}

/** Connection, snapshot query and compute mode of a database comparison (shared by both sides). */
export interface PostgresDatabaseSettings {
  /** `--database-url` or `DATABASE_URL`; never printed. */
  readonly databaseUrl: string;
  readonly source: SnapshotQuerySource;
  /** `statement_timeout` of every statement, in milliseconds. */
  readonly statementTimeoutMs: number;
  /** Retries of a connection lost before any snapshot row was read. */
  readonly connectRetries: number;
  readonly compute: ComputeMode;
}

/** One side of a comparison read from PostgreSQL: the compare job's `SnapshotSource` database variant. */
export interface PostgresSnapshotSource {
  readonly kind: 'postgres';
  /** This side's as_of: a value, `previous` (reference) or `latest` (current). */
  readonly asOf: AsOfSelector;
  readonly database: PostgresDatabaseSettings;
}

/** The reference and current database sources of `compare` from its flag values (or the action's inputs). */
export function parsePostgresSources(
  values: PostgresFlagValues,
  env: NodeJS.ProcessEnv,
): { reference: PostgresSnapshotSource; current: PostgresSnapshotSource } {
  const database: PostgresDatabaseSettings = {
    databaseUrl: resolveDatabaseUrl(values, env),
    source: parseSnapshotQuerySource(values),
    statementTimeoutMs: parseStatementTimeout(values['statement-timeout']),
    connectRetries: parseConnectRetries(values['connect-retries']),
    compute: parseComputeMode(values.compute),
  };
  return {
    reference: {
      kind: 'postgres',
      asOf: parseAsOf('--reference-as-of', values['reference-as-of'], 'previous'),
      database,
    },
    current: {
      kind: 'postgres',
      asOf: parseAsOf('--current-as-of', values['current-as-of'], 'latest'),
      database,
    },
  };
}

/** `previous`, `latest` or the value, for messages and default labels before resolution. */
export function describeAsOf(selector: AsOfSelector): string {
  return selector.kind === 'value' ? selector.value : selector.kind;
}

/** The settings of {@link readPostgresSnapshots} / {@link countPostgresSnapshots} for two database sides. */
export function snapshotSettingsOf(
  reference: PostgresSnapshotSource,
  current: PostgresSnapshotSource,
): PostgresSnapshotSettings {
  if (
    reference.database !== current.database &&
    reference.database.databaseUrl !== current.database.databaseUrl
  ) {
    throw new UserError('USAGE', 'the reference and current snapshots must come from the same database');
  }
  return {
    databaseUrl: reference.database.databaseUrl,
    source: reference.database.source,
    referenceAsOf: reference.asOf,
    currentAsOf: current.asOf,
    statementTimeoutMs: reference.database.statementTimeoutMs,
    connectRetries: reference.database.connectRetries,
  };
}
