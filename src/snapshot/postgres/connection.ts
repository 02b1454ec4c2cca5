/**
 * Connections to PostgreSQL: the pool, the read-only snapshot transaction, and the translation of pg errors into
 * one-line {@link UserError}s that name the host and port but never the password.
 */
import pg from 'pg';
import { UserError, getErrorMessage } from '../../errors.js';

/** Default `statement_timeout` of every driftwatch read, in milliseconds (10 minutes). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 600_000;
/** How long to wait for a connection before reporting the server unreachable. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** Where a database URL points, without credentials (safe to print). */
export interface DatabaseTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/**
 * Parses and validates a `postgres://` / `postgresql://` URL. The message of a bad URL never repeats the URL
 * (it may hold a password).
 *
 * @throws {UserError} if the URL is not a postgres URL
 */
export function parseDatabaseUrl(flag: string, url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError('USAGE', `${flag}: not a valid URL (expected postgresql://user@host:5432/database)`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UserError(
      'USAGE',
      `${flag}: scheme '${parsed.protocol.replace(/:$/, '')}' is not postgres or postgresql`,
    );
  }
  const socketHost = parsed.searchParams.get('host');
  return {
    host: decodeURIComponent(parsed.hostname) || socketHost || 'localhost',
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database:
      decodeURIComponent(parsed.pathname.replace(/^\//, '')) ||
      decodeURIComponent(parsed.username) ||
      'postgres',
    user: decodeURIComponent(parsed.username) || 'postgres',
  };
}

/** `host:port/database` for messages. */
export function describeTarget(target: DatabaseTarget): string {
  return `${target.host}:${target.port}/${target.database}`;
}

/** A pool plus what it points to, for messages. */
export interface Database {
  readonly pool: pg.Pool;
  readonly target: DatabaseTarget;
}

/**
 * Opens a pool (no connection is made until the first query). The caller must `end()` it in `finally`: an open
 * pool keeps the Node process (and a GitHub Actions step) alive.
 */
export function openDatabase(url: string, flag = '--database-url'): Database {
  const target = parseDatabaseUrl(flag, url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 1_000,
    application_name: 'driftwatch',
  });
  // An idle client that loses its server emits on the pool; without a listener Node would crash the process.
  pool.on('error', () => undefined);
  return { pool, target };
}

/** Ends the pool, ignoring errors of an already-broken pool (cleanup must not mask the original error). */
export async function closeDatabase(database: Database): Promise<void> {
  await database.pool.end().catch(() => undefined);
}

/** Options of {@link withReadOnlySnapshot}. */
export interface ReadOnlyOptions {
  /** `statement_timeout` for every statement of the transaction, in milliseconds. */
  readonly statementTimeoutMs: number;
}

/**
 * Runs `work` inside one `REPEATABLE READ READ ONLY` transaction (so discovery and both snapshot reads see one
 * consistent database state), with a statement timeout and ISO/UTC output settings the COPY parser relies on.
 * The transaction is always rolled back and the client released.
 */
export async function withReadOnlySnapshot<T>(
  database: Database,
  options: ReadOnlyOptions,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await connect(database);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(
      `SELECT set_config('statement_timeout', $1, true), set_config('DateStyle', 'ISO, YMD', true),
              set_config('TimeZone', 'UTC', true), set_config('extra_float_digits', '1', true),
              set_config('IntervalStyle', 'iso_8601', true)`,
      [String(Math.round(options.statementTimeoutMs))],
    );
    return await work(client);
  } catch (error) {
    throw translateDatabaseError(error, database.target);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** Runs `work` in a read-write transaction (fixture loading), committed on success. */
export async function withTransaction<T>(
  database: Database,
  options: ReadOnlyOptions,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await connect(database);
  let committed = false;
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('statement_timeout', $1, true)`, [
      String(Math.round(options.statementTimeoutMs)),
    ]);
    const result = await work(client);
    await client.query('COMMIT');
    committed = true;
    return result;
  } catch (error) {
    throw translateDatabaseError(error, database.target);
  } finally {
    if (!committed) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

async function connect(database: Database): Promise<pg.PoolClient> {
  try {
    return await database.pool.connect();
  } catch (error) {
    throw translateDatabaseError(error, database.target);
  }
}

/** pg's DatabaseError fields we read. */
interface PgErrorFields {
  code?: string;
  message?: string;
  table?: string;
  column?: string;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ECONNRESET',
  'ENETUNREACH',
]);

/**
 * Turns a pg or socket error into a one-line UserError('DATABASE', ...). The password is never part of the
 * message: it names `host:port/database` and quotes the server's message, which never contains it.
 * UserErrors pass through; anything unrecognised is kept as it is (a bug, reported with its stack).
 */
export function translateDatabaseError(error: unknown, target: DatabaseTarget): Error {
  if (error instanceof UserError) return error;
  const where = describeTarget(target);
  const fields = (typeof error === 'object' && error !== null ? error : {}) as PgErrorFields;
  const code = fields.code ?? '';
  const serverMessage = oneLine(fields.message ?? getErrorMessage(error));
  if (
    CONNECTION_ERROR_CODES.has(code) ||
    /timeout expired|timeout exceeded|Connection terminated|connect ECONNREFUSED/i.test(serverMessage)
  ) {
    return new UserError(
      'DATABASE',
      `cannot connect to PostgreSQL at ${target.host}:${target.port} (${code || serverMessage})`,
    );
  }
  switch (code) {
    case '28P01':
    case '28000':
      return new UserError(
        'DATABASE',
        `authentication failed for user '${target.user}' at ${target.host}:${target.port}`,
      );
    case '3D000':
      return new UserError(
        'DATABASE',
        `database '${target.database}' does not exist at ${target.host}:${target.port}`,
      );
    case '42P01':
      return new UserError('DATABASE', `table missing at ${where}: ${serverMessage}`);
    case '42703':
      return new UserError('DATABASE', `column missing at ${where}: ${serverMessage}`);
    case '42501':
      return new UserError('DATABASE', `permission denied at ${where}: ${serverMessage}`);
    case '57014':
      return new UserError('DATABASE', `query cancelled at ${where} (statement timeout?): ${serverMessage}`);
    case '25006':
      return new UserError(
        'DATABASE',
        `the snapshot query must only read (read-only transaction): ${serverMessage}`,
      );
    case '42601':
      return new UserError('DATABASE', `SQL syntax error at ${where}: ${serverMessage}`);
    case '22007':
    case '22008':
    case '22P02':
      return new UserError('DATABASE', `invalid value at ${where}: ${serverMessage}`);
    case '57P01':
    case '57P03':
    case '08006':
    case '08001':
    case '08004':
      return new UserError(
        'DATABASE',
        `cannot connect to PostgreSQL at ${target.host}:${target.port}: ${serverMessage}`,
      );
  }
  if (/^[0-9A-Z]{5}$/.test(code))
    return new UserError('DATABASE', `PostgreSQL error ${code} at ${where}: ${serverMessage}`);
  return error instanceof Error ? error : new Error(serverMessage);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
