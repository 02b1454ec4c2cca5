/**
 * Where a PostgreSQL snapshot lives and the defaults of reading it: what the settings parsers need, without the
 * database client (which `connection.ts` loads, and only a run that connects imports).
 */
import { UserError } from '../../errors.js';

/** Default `statement_timeout` of every driftwatch read, in milliseconds (10 minutes). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 600_000;
/** How long to wait for a connection before reporting the server unreachable. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Default of the connect retries: a connection lost before any snapshot row was read is tried once more. */
export const DEFAULT_CONNECT_RETRIES = 1;
/** Wait before the first retry; doubled for each further one (0.5 s, 1 s, 2 s, ... at most 8 s). */
export const RETRY_DELAY_MS = 500;

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
