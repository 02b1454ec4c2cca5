/**
 * The PostgreSQL source flags shared by `compare`, `snapshots` and `db load-fixtures`: their `parseArgs`
 * declarations, their names for messages and their help lines.
 */
import type { DatabaseNames, RawDatabaseSettings } from '../job/database-settings.js';
import { DEFAULT_CONNECT_RETRIES, DEFAULT_STATEMENT_TIMEOUT_MS } from '../snapshot/postgres/target.js';

/** `parseArgs` option declarations of the flags (spread into a command's flag table). */
export const DATABASE_FLAG_OPTIONS = {
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

/** The flag of each database setting. */
export const DATABASE_FLAGS: DatabaseNames = {
  databaseUrl: '--database-url',
  table: '--table',
  asOfColumn: '--as-of-column',
  query: '--query',
  schema: '--schema',
  referenceAsOf: '--reference-as-of',
  currentAsOf: '--current-as-of',
  compute: '--compute',
  statementTimeout: '--statement-timeout',
  connectRetries: '--connect-retries',
};

/** The raw database settings from parsed flag values. */
export function rawDatabaseSettings(values: { readonly [flag: string]: unknown }): RawDatabaseSettings {
  const raw: Record<string, string | undefined> = {};
  for (const [field, flag] of Object.entries(DATABASE_FLAGS)) {
    const value = values[flag.slice(2)];
    raw[field] = typeof value === 'string' ? value : undefined;
  }
  return raw;
}

/** Usage lines of the flags, for a command's help. */
export const DATABASE_FLAGS_USAGE = `PostgreSQL snapshots (instead of --reference/--current files)
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
