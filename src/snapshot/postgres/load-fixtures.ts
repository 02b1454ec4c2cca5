/**
 * `driftwatch db load-fixtures`: creates the StreamFlow schema and loads fixture CSVs into it with COPY.
 *
 * Idempotent: tables are created if missing (and must then have exactly the expected columns), and each file
 * replaces the rows of its as_of in one transaction, so a second run leaves the same rows.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { UserError } from '../../errors.js';
import { databaseAt, withTransaction } from './connection.js';
import { quoteIdent } from './sql-text.js';
import { STREAMFLOW_FEATURE_COLUMNS, STREAMFLOW_TABLES, streamflowDdl } from './streamflow.js';

/** One fixture file and the as_of it is loaded as. */
export interface FixtureFile {
  readonly path: string;
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
}

/** Options of {@link loadStreamflowFixtures}. */
export interface LoadFixturesOptions {
  readonly databaseUrl: string;
  /** Schema to create the tables in (created if missing). */
  readonly schema: string;
  readonly files: readonly FixtureFile[];
  readonly statementTimeoutMs: number;
}

/** Rows loaded per as_of. */
export interface LoadedSnapshot {
  readonly asOf: string;
  readonly rows: number;
}

/** Creates the StreamFlow tables in `schema` and loads each file as its as_of (replacing earlier rows). */
export async function loadStreamflowFixtures(options: LoadFixturesOptions): Promise<LoadedSnapshot[]> {
  for (const file of options.files) await checkHeader(file.path);
  // The one writer of driftwatch: its connection is not read-only.
  const database = databaseAt(options.databaseUrl, 'read-write');
  return withTransaction(database, { statementTimeoutMs: options.statementTimeoutMs }, async (client) => {
    await createSchema(client, options.schema);
    const loaded: LoadedSnapshot[] = [];
    for (const file of options.files) loaded.push(await loadFile(client, options.schema, file));
    // Fresh statistics, so the planner joins the snapshot tables sensibly at once (not after autovacuum).
    for (const table of STREAMFLOW_TABLES) {
      await client.query(`ANALYZE ${quoteIdent(options.schema)}.${quoteIdent(table.name)}`);
    }
    return loaded;
  });
}

async function createSchema(client: pg.ClientBase, schema: string): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  // An existing table must have exactly our columns; otherwise refuse rather than load into something else.
  for (const table of STREAMFLOW_TABLES) {
    const existing = await client.query<{ name: string; type: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [schema, table.name],
    );
    if (existing.rows.length === 0) continue;
    const found = existing.rows.map((c) => `${c.name} ${c.type}`).join(', ');
    const expected = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (found !== expected) {
      throw new UserError(
        'DATABASE',
        `table ${schema}.${table.name} exists with other columns (found: ${found}; expected: ${expected}); drop it or load into another schema`,
      );
    }
  }
  for (const statement of streamflowDdl(schema)) await client.query(statement);
}

async function loadFile(client: pg.ClientBase, schema: string, file: FixtureFile): Promise<LoadedSnapshot> {
  const s = quoteIdent(schema);
  const staging = 'driftwatch_fixture_staging';
  await client.query(`DROP TABLE IF EXISTS pg_temp.${staging}`);
  await client.query(
    `CREATE TEMP TABLE ${staging} (${STREAMFLOW_FEATURE_COLUMNS.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')}) ON COMMIT DROP`,
  );
  try {
    await pipeline(
      createReadStream(file.path),
      client.query(copyFrom(`COPY pg_temp.${staging} FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
  } catch (error) {
    const fields = error as { message?: string; where?: string };
    const where = fields.where ? ` (${fields.where.replace(/\s+/g, ' ')})` : '';
    if (typeof fields.message === 'string' && (error as { code?: string }).code !== undefined) {
      throw new UserError('DATABASE', `${file.path}: ${fields.message}${where}`);
    }
    throw error;
  }
  const duplicate = await client.query<{ user_id: string }>(
    `SELECT user_id FROM pg_temp.${staging} GROUP BY user_id HAVING count(*) > 1 LIMIT 1`,
  );
  if (duplicate.rows.length > 0) {
    throw new UserError(
      'DATABASE',
      `${file.path}: user_id ${duplicate.rows[0]!.user_id} appears more than once`,
    );
  }
  await client.query(
    `INSERT INTO ${s}."users" ("user_id") SELECT "user_id" FROM pg_temp.${staging} ON CONFLICT DO NOTHING`,
  );
  for (const table of STREAMFLOW_TABLES.slice(1)) {
    const t = `${s}.${quoteIdent(table.name)}`;
    const features = table.columns.slice(2).map((c) => quoteIdent(c.name));
    await client.query(`DELETE FROM ${t} WHERE "as_of" = $1::date`, [file.asOf]);
    await client.query(
      `INSERT INTO ${t} ("user_id", "as_of", ${features.join(', ')}) SELECT "user_id", $1::date, ${features.join(', ')} FROM pg_temp.${staging}`,
      [file.asOf],
    );
  }
  const count = await client.query<{ rows: string }>(`SELECT count(*) AS rows FROM pg_temp.${staging}`);
  await client.query(`DROP TABLE pg_temp.${staging}`);
  return { asOf: file.asOf, rows: Number(count.rows[0]!.rows) };
}

/** Checks the header line of a fixture CSV against the StreamFlow columns. */
async function checkHeader(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new UserError('FILE_NOT_FOUND', `${path}: cannot open the fixture file`);
  }
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const firstLine = buffer
      .toString('utf8', 0, bytesRead)
      .split(/\r?\n/)[0]!
      .replace(/^\uFEFF/, '');
    const expected = STREAMFLOW_FEATURE_COLUMNS.map((c) => c.name).join(',');
    if (firstLine !== expected) {
      throw new UserError(
        'PARSE',
        `${path}: line 1: header is not the StreamFlow columns (expected ${expected})`,
      );
    }
  } finally {
    await handle.close();
  }
}
