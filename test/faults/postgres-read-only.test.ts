// `--query` tried as an attacker would, through the bundled CLI as a user runs it: stacked commands that commit and
// write, transaction and session settings, data-modifying WITH, SELECT ... FOR UPDATE, a function that writes, a
// query that closes the parenthesis of the COPY around it. Each must end in exit 2 with one line on stderr, and
// nothing may be written: the tables are read back afterwards.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle, runBundle } from '../support/bundle.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema } from '../snapshot/postgres/support.js';

const available = await databaseAvailable();
const s = uniqueSchema('fault_ro');
const appName = `dw_fault_ro_${process.pid}`;
// A file the server could write if a query escaped into `COPY ... TO '<file>'` (the tests connect as a superuser).
const stolen = `/tmp/${s}_copy_to_file.txt`;
const select = `SELECT id, x FROM ${s}.t WHERE as_of = $1`;

const NOT_A_READ =
  /^--query: the snapshot query must be a single SELECT, WITH \.\.\. SELECT, TABLE or VALUES statement that only reads, found '[A-Z]+' at line \d+, column \d+$/;
const ONE_STATEMENT =
  /^--query: only one statement is allowed, found ';' at line 1, column \d+ followed by more SQL$/;
const READ_ONLY_TRANSACTION =
  /^the snapshot query must only read \(read-only transaction\): cannot execute [A-Z ]+ in a read-only transaction$/;

/** [what is tried, --query, the one line expected on stderr, extra flags]. */
const ESCAPES: [string, string, RegExp, string[]?][] = [
  ['COMMIT then DROP TABLE', `${select}; COMMIT; DROP TABLE ${s}.y`, ONE_STATEMENT],
  ['COMMIT then INSERT', `${select}; COMMIT; INSERT INTO ${s}.w VALUES (1)`, ONE_STATEMENT],
  ['ROLLBACK then INSERT', `${select}; ROLLBACK; INSERT INTO ${s}.w VALUES (2)`, ONE_STATEMENT],
  [
    'SET TRANSACTION READ WRITE then INSERT',
    `${select}; SET TRANSACTION READ WRITE; INSERT INTO ${s}.w VALUES (3)`,
    ONE_STATEMENT,
  ],
  [
    'SET default_transaction_read_only = off after COMMIT',
    `${select}; COMMIT; SET default_transaction_read_only = off; INSERT INTO ${s}.w VALUES (4)`,
    ONE_STATEMENT,
  ],
  ['COMMIT alone', 'COMMIT', NOT_A_READ],
  ['SET TRANSACTION READ WRITE alone', 'SET TRANSACTION READ WRITE', NOT_A_READ],
  ['SET default_transaction_read_only = off alone', 'SET default_transaction_read_only = off', NOT_A_READ],
  ['INSERT ... RETURNING', `INSERT INTO ${s}.w VALUES (5) RETURNING a AS id, a::float8 AS x`, NOT_A_READ],
  [
    'a writable CTE',
    `WITH ins AS (INSERT INTO ${s}.w VALUES (6) RETURNING a) SELECT id, x FROM ${s}.t, ins WHERE as_of = $1`,
    /^--query: the WITH query at line 1, column 13 must be a single SELECT, WITH \.\.\. SELECT, TABLE or VALUES statement that only reads, found 'INSERT' at line 1, column 14$/,
  ],
  ['a DELETE in a CTE', `WITH d AS (DELETE FROM ${s}.y RETURNING a) ${select}`, /found 'DELETE'/],
  [
    'SELECT ... INTO',
    `SELECT id, x INTO ${s}.copied FROM ${s}.t WHERE as_of = $1`,
    /^--query: SELECT \.\.\. INTO/,
  ],
  ['SELECT ... FOR UPDATE', `${select} FOR UPDATE`, READ_ONLY_TRANSACTION],
  [
    'a function that writes',
    `SELECT id, x, ${s}.sneaky_write(id) AS z FROM ${s}.t WHERE as_of = $1`,
    /^the snapshot query must only read \(read-only transaction\): cannot execute INSERT in a read-only transaction$/,
  ],
  [
    'a function that writes, counted in the database',
    `SELECT id, x, ${s}.sneaky_write(id) AS z FROM ${s}.t WHERE as_of = $1`,
    /^the snapshot query must only read \(read-only transaction\): cannot execute INSERT in a read-only transaction$/,
    ['--compute', 'database'],
  ],
  [
    'closing the COPY parenthesis to stack commands',
    `${select}) TO STDOUT; INSERT INTO ${s}.w VALUES (7); COPY (SELECT 1`,
    /^--query: (unbalanced '\)' at line 1, column \d+|only one statement is allowed.*)$/,
  ],
  [
    'closing the COPY parenthesis to write a server file',
    `${select}) TO '${stolen}' --`,
    /^--query: unbalanced '\)' at line 1, column \d+$/,
  ],
  [
    'stacked commands counted in the database',
    `${select}; COMMIT; DROP TABLE ${s}.y`,
    ONE_STATEMENT,
    ['--compute', 'database'],
  ],
];

describe.skipIf(!available)('--query cannot write (bundled CLI)', () => {
  let cli: string;
  beforeAll(async () => {
    cli = buildCliBundle();
    await sql(
      `CREATE SCHEMA ${s}`,
      `CREATE TABLE ${s}.t (id integer, as_of date NOT NULL, x double precision)`,
      `INSERT INTO ${s}.t SELECT g, d, g * 0.5 FROM generate_series(1, 200) g,
         (VALUES (DATE '2024-01-31'), (DATE '2024-02-29')) AS v(d)`,
      `CREATE TABLE ${s}.y (a integer)`,
      `INSERT INTO ${s}.y VALUES (42)`,
      `CREATE TABLE ${s}.w (a integer)`,
      `CREATE FUNCTION ${s}.sneaky_write(v integer) RETURNS integer LANGUAGE plpgsql
         AS $$ BEGIN INSERT INTO ${s}.w VALUES (v); RETURN v; END $$`,
    );
  });

  afterAll(async () => {
    if (available) await sql(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  });

  /** What an escape could have changed: y dropped or emptied, rows in w, a table created, a file written. */
  async function stateAfter() {
    const [tables, y, w, sessions] = await sql(
      `SELECT string_agg(table_name, ',' ORDER BY table_name) AS names FROM information_schema.tables WHERE table_schema = '${s}'`,
      `SELECT count(*)::int AS n FROM ${s}.y`,
      `SELECT count(*)::int AS n FROM ${s}.w`,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = '${appName}'`,
    );
    return {
      tables: tables!.rows[0].names,
      y: y!.rows[0].n,
      w: w!.rows[0].n,
      file: existsSync(stolen),
      sessions: sessions!.rows[0].n,
    };
  }
  const UNTOUCHED = { tables: 't,w,y', y: 1, w: 0, file: false, sessions: 0 };

  const run = (query: string, reports: string, more: string[] = []) =>
    runBundle(
      cli,
      [
        'compare',
        '--database-url',
        DATABASE_URL,
        '--query',
        query,
        '--table',
        `${s}.t`,
        '--report-dir',
        reports,
        '--fail-on-drift',
        ...more,
      ],
      { env: { ...process.env, PGAPPNAME: appName } },
    );

  it('reads with a plain SELECT (the control)', async () => {
    const reports = join(mkdtempSync(join(tmpdir(), 'dw-ro-')), 'reports');
    const result = await run(select, reports);
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.code);
    expect(readdirSync(reports)).not.toEqual([]);
    expect(await stateAfter()).toEqual(UNTOUCHED);
  });

  it.each(ESCAPES)('%s: exit 2, one line, nothing written', async (_what, query, line, more = []) => {
    const reports = join(mkdtempSync(join(tmpdir(), 'dw-ro-')), 'reports');
    const result = await run(query, reports, more);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^driftwatch: error: [^\n]+\n$/);
    expect(result.stderr.slice('driftwatch: error: '.length, -1)).toMatch(line);
    expect(result.code).toBe(2);
    expect(existsSync(reports) ? readdirSync(reports) : []).toEqual([]);
    expect(await stateAfter()).toEqual(UNTOUCHED);
  });
});
