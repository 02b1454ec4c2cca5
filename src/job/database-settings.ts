/**
 * The PostgreSQL part of the compare settings (and of `driftwatch snapshots` / `db load-fixtures`): raw text from a
 * surface into typed database sources. Nothing here connects; values are checked at the boundary with one-line
 * UserErrors that name the setting as the surface does.
 */
import { UserError } from '../errors.js';
import {
  DEFAULT_CONNECT_RETRIES,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  parseDatabaseUrl,
} from '../snapshot/postgres/target.js';
import type { AsOfSelector, SnapshotQuerySource } from '../snapshot/postgres/snapshots.js';
import {
  COMPUTE_MODES,
  STREAMFLOW_QUERY_NAME,
  type ComputeMode,
  type PostgresDatabaseSettings,
  type PostgresSnapshotSource,
} from '../snapshot/postgres/source.js';
import { checkSnapshotQuery, parseTableName } from '../snapshot/postgres/sql-text.js';

/** The database settings as a surface received them; undefined means not given. */
export interface RawDatabaseSettings {
  readonly databaseUrl?: string;
  readonly table?: string;
  readonly asOfColumn?: string;
  readonly query?: string;
  readonly schema?: string;
  readonly referenceAsOf?: string;
  readonly currentAsOf?: string;
  readonly compute?: string;
  readonly statementTimeout?: string;
  readonly connectRetries?: string;
}
export type DatabaseField = keyof RawDatabaseSettings;

/** How a surface names the database settings. */
export type DatabaseNames = Readonly<Record<DatabaseField, string>>;

/** Whether any setting that selects the database as the source was given (then a complete one is required). */
export function hasDatabaseSettings(raw: RawDatabaseSettings): boolean {
  return (['databaseUrl', 'table', 'query', 'referenceAsOf', 'currentAsOf', 'compute'] as const).some(
    (field) => raw[field] !== undefined,
  );
}

function fail(field: DatabaseField, message: string): never {
  throw new UserError('USAGE', message, field);
}

/**
 * The database URL: the setting, else `DATABASE_URL` from the environment.
 *
 * @throws {UserError} when neither is set or the URL is not a postgres URL
 */
export function resolveDatabaseUrl(
  raw: RawDatabaseSettings,
  names: Pick<DatabaseNames, 'databaseUrl'>,
  env: NodeJS.ProcessEnv,
): string {
  const url = raw.databaseUrl ?? env.DATABASE_URL;
  if (url === undefined || url.trim() === '')
    fail('databaseUrl', `${names.databaseUrl} is required (or set DATABASE_URL)`);
  try {
    parseDatabaseUrl(raw.databaseUrl !== undefined ? names.databaseUrl : 'DATABASE_URL', url);
  } catch (error) {
    if (error instanceof UserError) fail('databaseUrl', error.message);
    throw error;
  }
  return url;
}

function nonEmpty(
  raw: RawDatabaseSettings,
  names: Partial<DatabaseNames>,
  field: DatabaseField,
): string | undefined {
  const value = raw[field];
  if (value !== undefined && value.trim() === '') fail(field, `${names[field]}: the value is empty`);
  return value;
}

/**
 * The snapshot query: an as-of table with its as_of column, a query with `$1` for the as_of value, or the bundled
 * StreamFlow join in a schema.
 */
export function parseSnapshotQuerySource(
  raw: RawDatabaseSettings,
  names: Pick<DatabaseNames, 'table' | 'asOfColumn' | 'query' | 'schema'>,
): SnapshotQuerySource {
  const table = nonEmpty(raw, names, 'table');
  const query = nonEmpty(raw, names, 'query');
  const asOfColumn = nonEmpty(raw, names, 'asOfColumn') ?? 'as_of';
  const schema = nonEmpty(raw, names, 'schema');
  const tableName = (text: string) => {
    try {
      return parseTableName(names.table, text);
    } catch (error) {
      if (error instanceof UserError) fail('table', error.message);
      throw error;
    }
  };
  if (query !== undefined && query.trim() === STREAMFLOW_QUERY_NAME) {
    if (table !== undefined)
      fail('table', `${names.table} cannot be combined with ${names.query} ${STREAMFLOW_QUERY_NAME}`);
    return { kind: 'streamflow', schema: schema ?? 'public' };
  }
  if (schema !== undefined)
    fail(
      'schema',
      `${names.schema} is only used with ${names.query} ${STREAMFLOW_QUERY_NAME} (write schema.table in ${names.table})`,
    );
  if (query !== undefined) {
    // Refused here already, before any connection is made (planning the query checks it again for library callers).
    try {
      checkSnapshotQuery(names.query, query);
    } catch (error) {
      if (error instanceof UserError) fail('query', error.message);
      throw error;
    }
    return table === undefined
      ? { kind: 'query', sql: query }
      : { kind: 'query', sql: query, discovery: { table: tableName(table), asOfColumn } };
  }
  if (table === undefined)
    fail('table', `a database source needs ${names.table} (with ${names.asOfColumn}) or ${names.query}`);
  return { kind: 'table', table: tableName(table), asOfColumn };
}

function parseAsOf(
  raw: RawDatabaseSettings,
  names: DatabaseNames,
  field: 'referenceAsOf' | 'currentAsOf',
  keyword: 'latest' | 'previous',
): AsOfSelector {
  const text = nonEmpty(raw, names, field)?.trim();
  if (text === undefined || text === keyword) return { kind: keyword };
  if (text === 'latest' || text === 'previous')
    fail(
      field,
      `${names[field]}: '${text}' is not allowed here (use ${keyword} or an as_of value such as 2024-01-31)`,
    );
  return { kind: 'value', value: text };
}

/** Where the statistics are computed: `memory` (default) or `database`. */
export function parseComputeMode(
  raw: RawDatabaseSettings,
  names: Pick<DatabaseNames, 'compute'>,
): ComputeMode {
  if (raw.compute === undefined) return 'memory';
  const mode = COMPUTE_MODES.find((candidate) => candidate === raw.compute!.trim());
  if (!mode)
    fail('compute', `${names.compute}: unknown mode '${raw.compute}' (known: ${COMPUTE_MODES.join(', ')})`);
  return mode;
}

/** The statement timeout, given in seconds, in milliseconds. */
export function parseStatementTimeout(
  raw: RawDatabaseSettings,
  names: Pick<DatabaseNames, 'statementTimeout'>,
): number {
  const value = raw.statementTimeout;
  if (value === undefined) return DEFAULT_STATEMENT_TIMEOUT_MS;
  const seconds = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    fail('statementTimeout', `${names.statementTimeout}: '${value}' is not a positive number of seconds`);
  return Math.round(seconds * 1000);
}

/** How many times a connection lost before any row was read is retried: a whole number from 0 to 10. */
export function parseConnectRetries(
  raw: RawDatabaseSettings,
  names: Pick<DatabaseNames, 'connectRetries'>,
): number {
  const value = raw.connectRetries;
  if (value === undefined) return DEFAULT_CONNECT_RETRIES;
  if (!/^\s*(10|[0-9])\s*$/.test(value))
    fail('connectRetries', `${names.connectRetries}: '${value}' is not a whole number from 0 to 10`);
  return Number(value);
}

/** The reference and current database sources of a comparison. */
export function parseDatabaseSources(
  raw: RawDatabaseSettings,
  names: DatabaseNames,
  env: NodeJS.ProcessEnv,
): { reference: PostgresSnapshotSource; current: PostgresSnapshotSource } {
  const database: PostgresDatabaseSettings = {
    databaseUrl: resolveDatabaseUrl(raw, names, env),
    source: parseSnapshotQuerySource(raw, names),
    statementTimeoutMs: parseStatementTimeout(raw, names),
    connectRetries: parseConnectRetries(raw, names),
    compute: parseComputeMode(raw, names),
  };
  return {
    reference: { kind: 'postgres', asOf: parseAsOf(raw, names, 'referenceAsOf', 'previous'), database },
    current: { kind: 'postgres', asOf: parseAsOf(raw, names, 'currentAsOf', 'latest'), database },
  };
}
