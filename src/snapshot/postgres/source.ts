/**
 * A snapshot source in PostgreSQL, as the compare settings hold it: the connection, the snapshot query, the as_of
 * of each side and where the statistics are computed. Types and small pure helpers only; the settings parser builds
 * these from a surface's flags or inputs.
 */
import { UserError } from '../../errors.js';
import type { PostgresSnapshotSettings } from './index.js';
import type { AsOfSelector, SnapshotQuerySource } from './snapshots.js';

/** Where drift statistics are computed: all rows streamed to the runner, or only value counts from SQL. */
export const COMPUTE_MODES = ['memory', 'database'] as const;
export type ComputeMode = (typeof COMPUTE_MODES)[number];

/** The name of the bundled StreamFlow join as a snapshot query. */
export const STREAMFLOW_QUERY_NAME = 'streamflow';

/** Connection, snapshot query and compute mode of a database comparison (shared by both sides). */
export interface PostgresDatabaseSettings {
  /** The database URL (given, or from `DATABASE_URL`); never printed. */
  readonly databaseUrl: string;
  readonly source: SnapshotQuerySource;
  /** `statement_timeout` of every statement, in milliseconds. */
  readonly statementTimeoutMs: number;
  /** Retries of a connection lost before any snapshot row was read. */
  readonly connectRetries: number;
  readonly compute: ComputeMode;
}

/** One side of a comparison read from PostgreSQL: the database variant of a snapshot source. */
export interface PostgresSnapshotSource {
  readonly kind: 'postgres';
  /** This side's as_of: a value, `previous` (reference) or `latest` (current). */
  readonly asOf: AsOfSelector;
  readonly database: PostgresDatabaseSettings;
}

/**
 * How the surface that built the settings names the database settings, so the readers' messages speak the user's
 * vocabulary (a CLI flag, an action input). Without it, messages use the neutral names below.
 */
export interface DatabaseSettingNames {
  readonly databaseUrl: string;
  readonly table: string;
  readonly asOfColumn: string;
  readonly query: string;
  readonly referenceAsOf: string;
  readonly currentAsOf: string;
}

/** The names messages use when the caller gives none: the settings' own names, without a surface's prefix. */
export const NEUTRAL_DATABASE_NAMES: DatabaseSettingNames = {
  databaseUrl: 'database-url',
  table: 'table',
  asOfColumn: 'as-of-column',
  query: 'query',
  referenceAsOf: 'reference-as-of',
  currentAsOf: 'current-as-of',
};

/** `previous`, `latest` or the value, for messages and default labels before resolution. */
export function describeAsOf(selector: AsOfSelector): string {
  return selector.kind === 'value' ? selector.value : selector.kind;
}

/** The settings of the database readers for two database sides. */
export function snapshotSettingsOf(
  reference: PostgresSnapshotSource,
  current: PostgresSnapshotSource,
  names?: DatabaseSettingNames,
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
    ...(names ? { names } : {}),
  };
}
