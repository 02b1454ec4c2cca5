// The server-side fences of a snapshot read, each tried on its own with the --query lexer bypassed (a hand-made
// plan): one statement per Parse, the subquery, the READ ONLY transaction, the read-only connection. Nothing may be
// written, and no connection may be left open.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { databaseAt, withReadOnlySnapshot } from '../../../src/snapshot/postgres/connection.js';
import { type SnapshotPlan, readSnapshot } from '../../../src/snapshot/postgres/snapshots.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema } from './support.js';

const available = await databaseAvailable();
const s = uniqueSchema('ro_fences');
const appName = `dw_ro_fences_${process.pid}`;
const stolen = `/tmp/${s}_copy_to_file.txt`;

/** The test server's URL with this file's application name (to count its sessions). */
function url(extra: Record<string, string> = {}): string {
  const parsed = new URL(DATABASE_URL);
  parsed.searchParams.set('application_name', appName);
  for (const [key, value] of Object.entries(extra)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

async function written(): Promise<{ w: number; y: number; file: boolean; sessions: number }> {
  const [w, y, sessions] = await sql(
    `SELECT count(*)::int AS n FROM ${s}.w`,
    `SELECT count(*)::int AS n FROM ${s}.y`,
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = '${appName}'`,
  );
  return { w: w!.rows[0].n, y: y!.rows[0].n, file: existsSync(stolen), sessions: sessions!.rows[0].n };
}
const NOTHING = { w: 0, y: 1, file: false, sessions: 0 };

/** Reads one snapshot of a hand-made plan (no lexer) in driftwatch's read-only snapshot transaction. */
async function readPlan(sqlText: string, access: 'read-only' | 'read-write' = 'read-only'): Promise<unknown> {
  const plan: SnapshotPlan = { label: 'query', sql: sqlText, asOfType: 'date' };
  return withReadOnlySnapshot(
    databaseAt(url(), access),
    { statementTimeoutMs: 10_000, connectRetries: 0 },
    (client) => readSnapshot(client, plan, '2024-01-31'),
  ).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe.skipIf(!available)('read-only fences on the server', () => {
  beforeAll(async () => {
    await sql(
      `CREATE SCHEMA ${s}`,
      `CREATE TABLE ${s}.t (id integer, as_of date, x double precision)`,
      `INSERT INTO ${s}.t VALUES (1, '2024-01-31', 0.5), (2, '2024-01-31', 1.5)`,
      `CREATE TABLE ${s}.w (a integer)`,
      `CREATE TABLE ${s}.y (a integer)`,
      `INSERT INTO ${s}.y VALUES (1)`,
      `CREATE FUNCTION ${s}.sneaky_write(v integer) RETURNS integer LANGUAGE plpgsql
         AS $$ BEGIN INSERT INTO ${s}.w VALUES (v); RETURN v; END $$`,
    );
  });
  afterAll(async () => {
    if (available) await sql(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  });

  it('reads a hand-made plan (the control)', async () => {
    expect(await readPlan(`SELECT id, x FROM ${s}.t WHERE as_of = $1`)).toBeUndefined();
    expect(await written()).toEqual(NOTHING);
  });

  it('one statement per Parse: stacked commands are refused, nothing runs', async () => {
    const multiple = /^SQL syntax error at .*: cannot insert multiple commands into a prepared statement$/;
    for (const [stacked, message] of [
      // Closes the wrapping subquery so that every command parses: only the protocol stops it.
      [
        `SELECT id, x FROM ${s}.t WHERE as_of = $1) AS snapshot LIMIT 0; COMMIT; INSERT INTO ${s}.w VALUES (1); SELECT * FROM (SELECT 1`,
        multiple,
      ],
      [
        `SELECT id, x FROM ${s}.t WHERE as_of = $1) AS snapshot LIMIT 0; COMMIT; DROP TABLE ${s}.y; SELECT * FROM (SELECT 1`,
        multiple,
      ],
      [
        `SELECT id, x FROM ${s}.t WHERE as_of = $1; COMMIT; INSERT INTO ${s}.w VALUES (1)`,
        /^SQL syntax error at /,
      ],
      [
        `SELECT id, x FROM ${s}.t WHERE as_of = $1) TO STDOUT; COMMIT; INSERT INTO ${s}.w VALUES (1); COPY (SELECT 1`,
        /^SQL syntax error at /,
      ],
    ] as const) {
      const error = await readPlan(stacked);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toMatch(message);
    }
    expect(await written()).toEqual(NOTHING);
  });

  it('the subquery: a data-modifying statement or WITH cannot run inside it', async () => {
    const cte = await readPlan(
      `WITH ins AS (INSERT INTO ${s}.w VALUES (1) RETURNING a) SELECT id, x FROM ${s}.t, ins WHERE as_of = $1`,
    );
    expect((cte as UserError).message).toMatch(
      /WITH clause containing a data-modifying statement must be at the top level$/,
    );
    const insert = await readPlan(`INSERT INTO ${s}.w VALUES (1) RETURNING a AS id, $1::date AS d`);
    expect((insert as UserError).message).toMatch(/^SQL syntax error at .*: syntax error at or near "INTO"$/);
    // Closing the parenthesis to turn the COPY into `COPY (...) TO '<file>'`.
    const file = await readPlan(`SELECT id, x FROM ${s}.t WHERE as_of = $1) TO '${stolen}' --`);
    expect((file as UserError).message).toMatch(/^SQL syntax error at /);
    expect(await written()).toEqual(NOTHING);
  });

  it('the READ ONLY transaction: a function that writes and FOR UPDATE fail, even on a read-write connection', async () => {
    for (const access of ['read-only', 'read-write'] as const) {
      const call = await readPlan(
        `SELECT id, x, ${s}.sneaky_write(id) AS z FROM ${s}.t WHERE as_of = $1`,
        access,
      );
      expect((call as UserError).message).toBe(
        'the snapshot query must only read (read-only transaction): cannot execute INSERT in a read-only transaction',
      );
      const lock = await readPlan(`SELECT id, x FROM ${s}.t WHERE as_of = $1 FOR UPDATE`, access);
      expect((lock as UserError).message).toMatch(
        /cannot execute SELECT FOR UPDATE in a read-only transaction$/,
      );
    }
    expect(await written()).toEqual(NOTHING);
  });

  it('the read-only connection: a transaction begun after an escaped COMMIT is still read-only', async () => {
    const client = new pg.Client(databaseAt(url(), 'read-only').config);
    await client.connect();
    try {
      const show = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0][name] as string;
      expect(await show('default_transaction_read_only')).toBe('on');
      expect(await show('standard_conforming_strings')).toBe('on');
      expect(await show('application_name')).toBe(appName);
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query('COMMIT');
      await expect(client.query(`INSERT INTO ${s}.w VALUES (1)`)).rejects.toMatchObject({ code: '25006' });
      await expect(client.query(`SELECT ${s}.sneaky_write(1)`)).rejects.toMatchObject({ code: '25006' });
    } finally {
      await client.end();
    }
    expect(await written()).toEqual(NOTHING);
  });

  it('keeps startup options of the URL, and appends its own so they win', async () => {
    const client = new pg.Client(
      databaseAt(
        url({ options: '-c search_path=dw_elsewhere -c default_transaction_read_only=off' }),
        'read-only',
      ).config,
    );
    await client.connect();
    try {
      expect((await client.query('SHOW search_path')).rows[0].search_path).toBe('dw_elsewhere');
      expect(
        (await client.query('SHOW default_transaction_read_only')).rows[0].default_transaction_read_only,
      ).toBe('on');
    } finally {
      await client.end();
    }
  });

  it('db load-fixtures (the one writer) connects read-write; the default application name is driftwatch', async () => {
    const client = new pg.Client(databaseAt(DATABASE_URL, 'read-write', '--database-url', {}).config);
    await client.connect();
    try {
      expect(
        (await client.query('SHOW default_transaction_read_only')).rows[0].default_transaction_read_only,
      ).toBe('off');
      const name = (await client.query('SHOW application_name')).rows[0].application_name;
      expect(name).toBe(process.env.PGAPPNAME ?? 'driftwatch');
    } finally {
      await client.end();
    }
  });
});
