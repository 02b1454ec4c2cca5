/**
 * Connections to PostgreSQL: one client per attempt, the read-only snapshot transaction with its retry of a lost
 * connection, and the translation of pg errors into one-line {@link UserError}s that name the server
 * (`host:port/database`) but never the password.
 */
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { UserError, getErrorMessage } from '../../errors.js';

import {
  CONNECT_TIMEOUT_MS,
  DEFAULT_CONNECT_RETRIES,
  describeTarget,
  parseDatabaseUrl,
  RETRY_DELAY_MS,
  type DatabaseTarget,
} from './target.js';

/**
 * How driftwatch connects: `read-only` for every snapshot read, `read-write` only for `db load-fixtures`.
 *
 * A read-only connection starts with `default_transaction_read_only=on` (a second fence behind the
 * `READ ONLY` transaction: a transaction the query might open after escaping its own would still be read-only)
 * and `standard_conforming_strings=on` (backslashes are plain characters in `'...'`, as the snapshot query's lexer
 * reads them). The startup `options` of the URL or of `PGOPTIONS` are kept and ours appended, so ours win.
 */
export type DatabaseAccess = 'read-only' | 'read-write';

/** Where to connect and how; nothing is connected until a transaction runs. */
export interface Database {
  readonly target: DatabaseTarget;
  readonly config: pg.ClientConfig;
}

const READ_ONLY_OPTIONS = '-c default_transaction_read_only=on -c standard_conforming_strings=on';

/**
 * The connection settings of a database URL. The application name is `driftwatch` unless the URL
 * (`?application_name=`) or `PGAPPNAME` names another (as libpq does), which lets a DBA, or a test, find
 * driftwatch's sessions in `pg_stat_activity`.
 *
 * @throws {UserError} if the URL is not a postgres URL (the message never repeats it)
 */
export function databaseAt(
  url: string,
  access: DatabaseAccess,
  flag = 'database-url',
  env: NodeJS.ProcessEnv = process.env,
): Database {
  const target = parseDatabaseUrl(flag, url);
  const parsed = new URL(url);
  if (access === 'read-only') {
    const given = parsed.searchParams.get('options') ?? env.PGOPTIONS ?? '';
    parsed.searchParams.set('options', `${given} ${READ_ONLY_OPTIONS}`.trim());
  }
  return {
    target,
    config: {
      connectionString: parsed.toString(),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      fallback_application_name: 'driftwatch',
    } as pg.ClientConfig,
  };
}

/** Options of {@link withReadOnlySnapshot}. */
export interface ReadOnlyOptions {
  /** `statement_timeout` for every statement of the transaction, in milliseconds. */
  readonly statementTimeoutMs: number;
  /** How many times a connection lost before any snapshot row was read is tried again (default 1). */
  readonly connectRetries?: number;
  /**
   * A snapshot exported by another transaction (`pg_export_snapshot()`) to see the database as it does; set
   * before the transaction's first statement.
   */
  readonly snapshot?: string;
}

/**
 * What one attempt is doing, for the error line and the retry decision. The work updates it: `step` names what
 * is being done ("listing the as_of values"), and `rowsRead` is set once snapshot rows (or counts) have arrived;
 * after that a lost connection ends the run instead of being retried.
 */
export interface ReadAttempt {
  step: string;
  rowsRead: boolean;
}

/**
 * Runs `work` inside one `REPEATABLE READ READ ONLY` transaction (so discovery and both snapshot reads see one
 * consistent database state), on a read-only connection, with a statement timeout and ISO/UTC output settings the
 * COPY parser relies on. The transaction is always rolled back and the connection closed, whatever happens.
 *
 * A connection that cannot be made or is lost before any snapshot row was read (the server restarting, a
 * terminated backend, a network reset) is tried again up to `connectRetries` times, after 0.5 s, 1 s, 2 s, ...
 * Any other error, and a connection lost once rows were read, is a one-line UserError naming the server.
 */
export async function withReadOnlySnapshot<T>(
  database: Database,
  options: ReadOnlyOptions,
  work: (client: pg.ClientBase, attempt: ReadAttempt) => Promise<T>,
): Promise<T> {
  const retries = options.connectRetries ?? DEFAULT_CONNECT_RETRIES;
  for (let tries = 1; ; tries++) {
    const attempt: ReadAttempt = { step: 'connecting', rowsRead: false };
    const session = new Session(database);
    try {
      await session.connect();
      attempt.step = 'starting the read-only transaction';
      const client = session.client;
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      if (options.snapshot !== undefined) {
        // SET TRANSACTION SNAPSHOT takes no bind parameter; the id is the server's own (hex digits and dashes).
        if (!/^[0-9A-F-]+$/i.test(options.snapshot))
          throw new Error(`not a snapshot id: ${options.snapshot}`);
        await client.query(`SET TRANSACTION SNAPSHOT '${options.snapshot}'`);
      }
      await client.query(
        `SELECT set_config('statement_timeout', $1, true), set_config('DateStyle', 'ISO, YMD', true),
                set_config('TimeZone', 'UTC', true), set_config('extra_float_digits', '1', true),
                set_config('IntervalStyle', 'iso_8601', true)`,
        [String(Math.round(options.statementTimeoutMs))],
      );
      return await work(client, attempt);
    } catch (error) {
      const cause = session.cause(error);
      if (tries <= retries && !attempt.rowsRead && isConnectionFailure(cause)) {
        await session.close();
        await delay(Math.min(RETRY_DELAY_MS * 2 ** (tries - 1), 8_000));
        continue;
      }
      throw translateDatabaseError(cause, database.target, { ...attempt, tries });
    } finally {
      await session.close(true);
    }
  }
}

/** Runs `work` in a read-write transaction (fixture loading), committed on success. */
export async function withTransaction<T>(
  database: Database,
  options: ReadOnlyOptions,
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  const session = new Session(database);
  let step = 'connecting';
  try {
    await session.connect();
    step = 'loading';
    const client = session.client;
    await client.query('BEGIN');
    await client.query(`SELECT set_config('statement_timeout', $1, true)`, [
      String(Math.round(options.statementTimeoutMs)),
    ]);
    const result = await work(client);
    step = 'committing';
    await client.query('COMMIT');
    return result;
  } catch (error) {
    throw translateDatabaseError(session.cause(error), database.target, { step, tries: 1 });
  } finally {
    // Without COMMIT the server rolls the transaction back when the connection closes.
    await session.close();
  }
}

/**
 * One pg Client with an `'error'` listener for its whole life. pg emits `'error'` on a client whose connection
 * dies (a terminated backend, a server shutdown, a reset socket), also between statements; without a listener
 * Node ends the process with an unhandled `'error'` event. The listener keeps the first such error: it is the
 * cause to report when a later statement fails only because the client is no longer usable.
 */
class Session {
  readonly client: pg.Client;
  private lost: Error | undefined;
  private closed = false;

  constructor(database: Database) {
    this.client = new pg.Client(database.config);
    this.client.on('error', (error: Error) => {
      this.lost ??= error;
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  /** The error to report for `error`: the connection's own failure when the statement failed because of it. */
  cause(error: unknown): unknown {
    if (this.lost && !(error instanceof UserError) && !hasSqlState(error)) return this.lost;
    return error;
  }

  /** Rolls back (unless `rollback` is false) and closes the connection; never throws. */
  async close(rollback = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (rollback && !this.lost) await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

function hasSqlState(error: unknown): boolean {
  return /^[0-9A-Z]{5}$/.test((error as { code?: unknown } | null)?.code?.toString() ?? '');
}

/** pg's DatabaseError fields we read. */
interface PgErrorFields {
  code?: string;
  message?: string;
}

/** Socket errors of a connection that could not be made or was lost (the server or the network may come back). */
const SOCKET_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a lost connection: 57P01 admin_shutdown (a terminated backend, a fast or smart shutdown),
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down), 53300 too_many_connections,
 * and class 08 (connection exception).
 */
const LOST_CONNECTION_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** pg's own messages of a connection that is gone (they carry no code). */
const LOST_CONNECTION_MESSAGE = /Connection terminated|timeout expired|not queryable|connection timeout/i;

/** Whether an error means the connection could not be made or was lost, as opposed to an error of a statement. */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof UserError) return false;
  const { code = '', message = '' } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as PgErrorFields;
  return (
    SOCKET_ERROR_CODES.has(code) ||
    LOST_CONNECTION_STATES.has(code) ||
    code.startsWith('08') ||
    (code === '' && LOST_CONNECTION_MESSAGE.test(message))
  );
}

/** What a connection failure was, in words, for the error line. */
function connectionFailureReason(fields: PgErrorFields, message: string): string {
  switch (fields.code) {
    case 'ECONNREFUSED':
      return 'connection refused (ECONNREFUSED)';
    case 'ECONNRESET':
      return 'connection reset by the server or the network (ECONNRESET)';
    case 'ETIMEDOUT':
      return 'timed out (ETIMEDOUT)';
    case 'EAI_AGAIN':
      return 'host name lookup failed (EAI_AGAIN)';
  }
  if (fields.code && /^[0-9A-Z]{5}$/.test(fields.code)) return `${message} (${fields.code})`;
  if (fields.code) return `${message.replace(/^connect /, '')}`;
  if (/timeout expired|connection timeout/i.test(message))
    return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  if (/Connection terminated|not queryable/i.test(message)) return 'the server closed the connection';
  return message;
}

/** What was being done when an error happened, for the message of a lost connection. */
export interface ErrorContext {
  readonly step: string;
  /** Attempts made (1 without retries). */
  readonly tries: number;
}

/**
 * Turns a pg or socket error into a one-line UserError('DATABASE', ...). The password is never part of the
 * message: it names `host:port/database` and quotes the server's message, which never contains it.
 * UserErrors pass through; anything unrecognised is kept as it is (a bug, reported with its stack).
 */
export function translateDatabaseError(
  error: unknown,
  target: DatabaseTarget,
  context: ErrorContext = { step: 'reading', tries: 1 },
): Error {
  if (error instanceof UserError) return error;
  const where = describeTarget(target);
  const fields = (typeof error === 'object' && error !== null ? error : {}) as PgErrorFields;
  const code = fields.code ?? '';
  const serverMessage = oneLine(fields.message ?? getErrorMessage(error));
  if (isConnectionFailure(error) || code === 'ENOTFOUND') {
    const reason =
      code === 'ENOTFOUND' ? `host not found (ENOTFOUND)` : connectionFailureReason(fields, serverMessage);
    const server = `PostgreSQL at ${where}${context.tries > 1 ? ` (${context.tries} attempts)` : ''}`;
    return context.step === 'connecting'
      ? new UserError('DATABASE', `cannot connect to ${server}: ${reason}`)
      : new UserError('DATABASE', `lost the connection to ${server} while ${context.step}: ${reason}`);
  }
  switch (code) {
    case '28P01':
    case '28000':
      return new UserError('DATABASE', `authentication failed for user '${target.user}' at ${where}`);
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
  }
  if (/^[0-9A-Z]{5}$/.test(code))
    return new UserError('DATABASE', `PostgreSQL error ${code} at ${where}: ${serverMessage}`);
  // Anything else while connecting (TLS refused or untrusted, a malformed answer) is still about the connection.
  if (context.step === 'connecting')
    return new UserError('DATABASE', `cannot connect to PostgreSQL at ${where}: ${serverMessage}`);
  return error instanceof Error ? error : new Error(serverMessage);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
