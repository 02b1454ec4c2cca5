// The real PostgreSQL server of the tests: DATABASE_URL when set, else the local trust-auth server.
import pg from 'pg';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/**
 * Whether the server answers. With CI=true an unreachable server throws (the test file fails) instead of
 * letting the suite skip silently.
 */
export async function databaseAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(
        `PostgreSQL is required with CI=true but ${new URL(DATABASE_URL).host} is unreachable: ${String(error)}`,
        { cause: error },
      );
    }
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs SQL statements on one connection (setup and teardown of a test file). */
export async function sql(...statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const statement of statements) results.push(await client.query(statement));
    return results;
  } finally {
    await client.end();
  }
}

/** A schema name unique to one test file and process. */
export function uniqueSchema(prefix: string): string {
  return `dw_test_${prefix}_${process.pid}_${Date.now().toString(36)}`;
}

/** The database URL with another user (trust auth lets any role log in without a password). */
export function urlAsUser(user: string, password?: string): string {
  const url = new URL(DATABASE_URL);
  url.username = user;
  url.password = password ?? '';
  return url.toString();
}
