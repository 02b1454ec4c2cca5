// Reading as-of snapshots from the real PostgreSQL server: type mapping, as_of discovery, safety and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import {
  type PostgresSnapshotSettings,
  listPostgresSnapshots,
  readPostgresSnapshots,
} from '../../../src/snapshot/postgres/index.js';
import pg from 'pg';
import { planSnapshotQuery, resolveAsOf } from '../../../src/snapshot/postgres/snapshots.js';
import { parseTableName } from '../../../src/snapshot/postgres/sql-text.js';
import type { Column, Table } from '../../../src/snapshot/table.js';
import { numbersOf, getColumn } from '../../../src/snapshot/table.js';
import { cli } from '../../support/cli.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema, urlAsUser } from './support.js';

const available = await databaseAvailable();
const schema = uniqueSchema('snap');
const role = `${schema}_reader`;
const table = { kind: 'table', table: { schema, table: 'features' }, asOfColumn: 'as_of' } as const;

function settings(overrides: Partial<PostgresSnapshotSettings> = {}): PostgresSnapshotSettings {
  return {
    databaseUrl: DATABASE_URL,
    source: table,
    referenceAsOf: { kind: 'previous' },
    currentAsOf: { kind: 'latest' },
    statementTimeoutMs: 30_000,
    ...overrides,
  };
}

function values(t: Table, name: string): unknown[] {
  const column = getColumn(t, name) as Column;
  if (column.type === 'string')
    return Array.from(column.codes, (code) => (code < 0 ? null : column.dictionary[code]));
  return Array.from(numbersOf(column.values));
}

async function rejectsWith(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  expect((error as UserError).message).toMatch(pattern);
  expect((error as UserError).message).not.toContain('\n');
  return error as UserError;
}

describe.skipIf(!available)('PostgreSQL snapshots', () => {
  beforeAll(async () => {
    await sql(
      `CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.features (id text, as_of date NOT NULL, i integer, big bigint, n numeric(10,2), n0 numeric(8,0),
         r real, f double precision, b boolean, t text, v varchar(10), d date, nn integer)`,
      `INSERT INTO ${schema}.features VALUES
         ('a', '2024-01-31', 1, 10, 1.50, 3, 0.1, 0.1, true, 'x', 'p', '2020-01-01', 1),
         ('b', '2024-01-31', 2, 20, 2.25, 4, 0.2, 0.2, false, 'y', 'q', '2020-01-02', 2),
         ('c', '2024-01-31', 3, 30, 3.00, 5, 0.3, 0.3, true, 'x', 'p', '2020-01-03', 3),
         ('a', '2024-02-29', 4, 40, 4.10, 6, 0.4, 1e-300, false, E'tab\\there', 'r', '2020-02-01', 4),
         ('b', '2024-02-29', 5, 50, 5.20, 7, 0.5, 'NaN', NULL, NULL, 's', NULL, 5),
         ('a', '2024-03-31', 6, 9007199254740993, 6.30, 8, 0.6, 'Infinity', true, 'é', 't', '2020-03-01', NULL),
         ('b', '2024-03-31', 7, 70, -7.40, -9, 0.7, '-0', true, '', 'u', '2020-03-02', 7)`,
      `CREATE ROLE ${role} LOGIN`,
      `CREATE SEQUENCE ${schema}.counter`,
    );
  });

  afterAll(async () => {
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`, `DROP ROLE IF EXISTS ${role}`);
  });

  it('lists the as_of values with row counts (snapshots command)', async () => {
    expect(await listPostgresSnapshots(DATABASE_URL, table)).toEqual([
      { asOf: '2024-01-31', rows: 3 },
      { asOf: '2024-02-29', rows: 2 },
      { asOf: '2024-03-31', rows: 2 },
    ]);
    const result = await cli(['snapshots', '--database-url', DATABASE_URL, '--table', `${schema}.features`]);
    expect(result).toEqual({
      code: 0,
      stdout: 'as_of\trows\n2024-01-31\t3\n2024-02-29\t2\n2024-03-31\t2\n',
      stderr: '',
    });
    const json = await cli(['snapshots', '--table', `${schema}.features`, '--json'], process.cwd(), {
      ...process.env,
      DATABASE_URL,
    });
    expect(JSON.parse(json.stdout)).toEqual([
      { as_of: '2024-01-31', rows: 3 },
      { as_of: '2024-02-29', rows: 2 },
      { as_of: '2024-03-31', rows: 2 },
    ]);
  });

  it('streams latest and previous into typed columns (numeric/int/float/bool/text/date), without the as_of column', async () => {
    const read = await readPostgresSnapshots(settings());
    expect(read.referenceAsOf).toBe('2024-02-29');
    expect(read.currentAsOf).toBe('2024-03-31');
    const current = read.current;
    expect(current.source).toBe(`postgres:${schema}.features@2024-03-31`);
    expect(current.rows).toBe(2);
    expect(current.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'string'],
      ['i', 'int'],
      ['big', 'int'],
      ['n', 'float'],
      ['n0', 'int'],
      ['r', 'float'],
      ['f', 'float'],
      ['b', 'bool'],
      ['t', 'string'],
      ['v', 'string'],
      ['d', 'datetime'],
      ['nn', 'float'], // an integer column with a NULL reads as float, as pandas does
    ]);
    expect(values(current, 'big')).toEqual([Number('9007199254740993'), 70]);
    expect(values(current, 'n')).toEqual([6.3, -7.4]);
    expect(values(current, 'n0')).toEqual([8, -9]);
    expect(values(current, 'r')).toEqual([0.6, 0.7]); // real prints shortest: 0.6, read as the double 0.6
    expect(values(current, 'f')).toEqual([Infinity, -0]);
    expect(Object.is(values(current, 'f')[1], -0)).toBe(true);
    expect(values(current, 'b')).toEqual([1, 1]);
    expect(values(current, 't')).toEqual(['é', '']);
    expect(values(current, 'd')).toEqual([Date.UTC(2020, 2, 1), Date.UTC(2020, 2, 2)]);
    expect(values(current, 'nn')).toEqual([NaN, 7]);
    const reference = read.reference;
    expect(values(reference, 'f')).toEqual([1e-300, NaN]);
    expect(values(reference, 'b')).toEqual([0, NaN]);
    expect(values(reference, 't')).toEqual(['tab\there', null]);
    expect(values(reference, 'i')).toEqual([4, 5]);
    expect(reference.columns.find((c) => c.name === 'i')!.type).toBe('int');
  });

  it('reads explicit as_of values and an explicit previous relative to them', async () => {
    const explicit = await readPostgresSnapshots(
      settings({
        referenceAsOf: { kind: 'value', value: '2024-01-31' },
        currentAsOf: { kind: 'value', value: '2024-02-29' },
      }),
    );
    expect([
      explicit.referenceAsOf,
      explicit.currentAsOf,
      explicit.reference.rows,
      explicit.current.rows,
    ]).toEqual(['2024-01-31', '2024-02-29', 3, 2]);
    const previous = await readPostgresSnapshots(
      settings({ currentAsOf: { kind: 'value', value: '2024-02-29' } }),
    );
    expect(previous.referenceAsOf).toBe('2024-01-31');
  });

  it('reads only the included columns', async () => {
    const read = await readPostgresSnapshots(settings(), (name) => name !== 'id' && name !== 't');
    expect(read.current.columns.map((c) => c.name)).not.toContain('id');
    expect(read.current.columns.map((c) => c.name)).not.toContain('t');
    expect(read.allColumns).toContain('id');
  });

  it('runs a --query with $1 bound as the as_of value', async () => {
    const read = await readPostgresSnapshots(
      settings({
        source: {
          kind: 'query',
          sql: `SELECT id, f * 2 AS f2 FROM ${schema}.features WHERE as_of = $1 ORDER BY id;`,
        },
        referenceAsOf: { kind: 'value', value: '2024-01-31' },
        currentAsOf: { kind: 'value', value: '2024-03-31' },
      }),
    );
    expect(values(read.reference, 'f2')).toEqual([0.2, 0.4, 0.6]);
    expect(read.current.source).toBe('postgres:query@2024-03-31');
    // With --table given alongside, latest/previous are discovered from it.
    const discovered = await readPostgresSnapshots(
      settings({
        source: {
          kind: 'query',
          sql: `SELECT id FROM ${schema}.features WHERE as_of = $1`,
          discovery: { table: parseTableName('--table', `${schema}.features`), asOfColumn: 'as_of' },
        },
      }),
    );
    expect([discovered.referenceAsOf, discovered.currentAsOf]).toEqual(['2024-02-29', '2024-03-31']);
  });

  it('reads the two snapshots on two connections that see one database state', async () => {
    // pg_current_snapshot() is the transaction's snapshot: the second connection imports the first one's, so both
    // print the same xmin:xmax:xip list, from two different backends, each in a read-only transaction.
    const read = await readPostgresSnapshots(
      settings({
        source: {
          kind: 'query',
          sql: `SELECT id, pg_backend_pid()::text AS pid, pg_current_snapshot()::text AS seen,
                  current_setting('transaction_read_only') AS ro, current_setting('transaction_isolation') AS iso
                FROM ${schema}.features WHERE as_of = $1`,
        },
        referenceAsOf: { kind: 'value', value: '2024-01-31' },
        currentAsOf: { kind: 'value', value: '2024-02-29' },
      }),
    );
    const one = (t: Table, name: string) => [...new Set(values(t, name))];
    expect(one(read.reference, 'pid')).toHaveLength(1);
    expect(one(read.current, 'pid')).toHaveLength(1);
    expect(one(read.reference, 'pid')).not.toEqual(one(read.current, 'pid'));
    expect(one(read.reference, 'seen')).toHaveLength(1);
    expect(one(read.current, 'seen')).toEqual(one(read.reference, 'seen'));
    for (const side of [read.reference, read.current]) {
      expect(one(side, 'ro')).toEqual(['on']);
      expect(one(side, 'iso')).toEqual(['repeatable read']);
    }
  });

  describe('a plain table: both snapshots in one scan', () => {
    const order = { schema, table: 'interleaved' };
    beforeAll(async () => {
      // Rows of three as_of values interleaved in the heap, floats whose sums depend on the order, a text column
      // with escapes and NULLs; a view over the table is read the other way (one connection per snapshot).
      await sql(
        `CREATE TABLE ${schema}.interleaved (k integer, as_of date, x double precision, s text, b boolean)`,
        `INSERT INTO ${schema}.interleaved
           SELECT i, DATE '2024-01-31' + (i * 7919 % 3) * 30, sin(i) * 10 ^ (i % 7),
                  CASE WHEN i % 11 = 0 THEN NULL ELSE E'v\\t' || (i % 5) END, i % 3 = 0
           FROM generate_series(1, 3000) AS i`,
        `CREATE INDEX ON ${schema}.interleaved (as_of)`,
        `ANALYZE ${schema}.interleaved`,
        `CREATE VIEW ${schema}.interleaved_view AS SELECT * FROM ${schema}.interleaved`,
        `CREATE TABLE ${schema}.quoted (as_of text, v integer)`,
        `INSERT INTO ${schema}.quoted VALUES ('it''s', 1), ('it\\''s --', 2), ('it''s', 3), ('it\\''s --', 4)`,
      );
    });

    it('gives each snapshot in the order a read of it alone gives, as the view and the query do', async () => {
      const asOf = {
        referenceAsOf: { kind: 'value', value: '2024-01-31' },
        currentAsOf: { kind: 'value', value: '2024-03-01' },
      } as const;
      const sources = [
        { kind: 'table', table: order, asOfColumn: 'as_of' },
        { kind: 'table', table: { schema, table: 'interleaved_view' }, asOfColumn: 'as_of' },
        { kind: 'query', sql: `SELECT k, x, s, b FROM ${schema}.interleaved WHERE as_of = $1` },
      ] as const;
      const reads = [];
      for (const source of sources) reads.push(await readPostgresSnapshots(settings({ source, ...asOf })));
      const [table, ...others] = reads.map((read) => ({
        rows: [read.reference.rows, read.current.rows],
        reference: ['k', 'x', 's', 'b'].map((name) => values(read.reference, name)),
        current: ['k', 'x', 's', 'b'].map((name) => values(read.current, name)),
      }));
      expect(table!.rows).toEqual([1000, 1000]);
      // The k of each snapshot ascend (the heap order), and the ks of the two snapshots never meet.
      const ks = (side: unknown[][]) => side[0] as number[];
      expect(ks(table!.reference)).toEqual([...ks(table!.reference)].sort((a, b) => a - b));
      expect(ks(table!.current)).toEqual([...ks(table!.current)].sort((a, b) => a - b));
      expect(ks(table!.reference).filter((k) => ks(table!.current).includes(k))).toEqual([]);
      for (const other of others) expect(other).toEqual(table);
    });

    it('needs one connection, where a view needs one per snapshot', async () => {
      const limited = `${schema}_one`;
      await sql(
        `CREATE ROLE ${limited} LOGIN CONNECTION LIMIT 1`,
        `GRANT USAGE ON SCHEMA ${schema} TO ${limited}`,
        `GRANT SELECT ON ${schema}.interleaved, ${schema}.interleaved_view TO ${limited}`,
      );
      try {
        const url = urlAsUser(limited);
        const read = await readPostgresSnapshots(
          settings({ databaseUrl: url, source: { kind: 'table', table: order, asOfColumn: 'as_of' } }),
        );
        expect([read.referenceAsOf, read.currentAsOf, read.reference.rows, read.current.rows]).toEqual([
          '2024-03-01',
          '2024-03-31',
          1000,
          1000,
        ]);
        const view = {
          kind: 'table',
          table: { schema, table: 'interleaved_view' },
          asOfColumn: 'as_of',
        } as const;
        await rejectsWith(
          readPostgresSnapshots(settings({ databaseUrl: url, source: view, connectRetries: 0 })),
          'DATABASE',
          /too many connections/,
        );
      } finally {
        await sql(`DROP OWNED BY ${limited}`, `DROP ROLE ${limited}`);
      }
    });

    it('writes as_of values with quotes and backslashes into the statement as literals of their type', async () => {
      const read = await readPostgresSnapshots(
        settings({ source: { kind: 'table', table: { schema, table: 'quoted' }, asOfColumn: 'as_of' } }),
      );
      expect([read.referenceAsOf, read.currentAsOf]).toEqual(["it's", "it\\'s --"]);
      expect(values(read.reference, 'v')).toEqual([1, 3]);
      expect(values(read.current, 'v')).toEqual([2, 4]);
    });

    it('reads the same as_of on both sides (the other way: one scan cannot give a row to both)', async () => {
      const same = { kind: 'value', value: '2024-03-01' } as const;
      const read = await readPostgresSnapshots(
        settings({
          source: { kind: 'table', table: order, asOfColumn: 'as_of' },
          referenceAsOf: same,
          currentAsOf: same,
        }),
      );
      expect(read.reference.rows).toBe(1000);
      expect(read.current.columns).toEqual(read.reference.columns);
    });

    it('the scan runs in the read-only transaction: a row policy that writes fails', async () => {
      const reader = `${schema}_policy`;
      await sql(
        `CREATE TABLE ${schema}.guarded (as_of date, v integer)`,
        `INSERT INTO ${schema}.guarded VALUES ('2024-01-31', 1), ('2024-02-29', 2)`,
        `CREATE FUNCTION ${schema}.bump() RETURNS bigint LANGUAGE sql VOLATILE AS 'SELECT nextval(''${schema}.counter'')'`,
        `ALTER TABLE ${schema}.guarded ENABLE ROW LEVEL SECURITY`,
        `CREATE ROLE ${reader} LOGIN`,
        `CREATE POLICY bump ON ${schema}.guarded FOR SELECT USING (${schema}.bump() > 0)`,
        `GRANT USAGE ON SCHEMA ${schema} TO ${reader}`,
        `GRANT SELECT ON ${schema}.guarded TO ${reader}`,
        `GRANT USAGE ON SEQUENCE ${schema}.counter TO ${reader}`,
      );
      try {
        await rejectsWith(
          readPostgresSnapshots(
            settings({
              databaseUrl: urlAsUser(reader),
              source: { kind: 'table', table: { schema, table: 'guarded' }, asOfColumn: 'as_of' },
            }),
          ),
          'DATABASE',
          /read-only transaction/,
        );
        const [counter] = await sql(`SELECT is_called FROM ${schema}.counter`);
        expect(counter!.rows[0].is_called).toBe(false);
      } finally {
        await sql(`DROP OWNED BY ${reader}`, `DROP ROLE ${reader}`);
      }
    });
  });

  it('lists the as_of values through a whole-table btree index led by the as_of column, else by counting', async () => {
    // NULL as_of rows belong to no snapshot; the dates arrive out of order so the index order matters.
    const rows = `(NULL, 0), ('2024-03-31', 1), ('2024-01-31', 2), ('2024-03-31', 3), (NULL, 4), ('2024-02-29', 5)`;
    const kinds = {
      leading: 'CREATE INDEX ON %t (as_of)',
      composite: 'CREATE INDEX ON %t (as_of, x)',
      descending: 'CREATE INDEX ON %t (as_of DESC)',
      second: 'CREATE INDEX ON %t (x, as_of)',
      partial: 'CREATE INDEX ON %t (as_of) WHERE x > 2',
      expression: 'CREATE INDEX ON %t ((as_of + 1))',
      hash: 'CREATE INDEX ON %t USING hash (as_of)',
      none: 'SELECT 1',
    } as const;
    const walked = ['leading', 'composite', 'descending'];
    for (const [name, index] of Object.entries(kinds)) {
      const t = `${schema}.idx_${name}`;
      await sql(
        `CREATE TABLE ${t} (as_of date, x integer)`,
        `INSERT INTO ${t} VALUES ${rows}`,
        index.replace('%t', t),
      );
    }
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      for (const name of Object.keys(kinds)) {
        const source = {
          kind: 'table',
          table: { schema, table: `idx_${name}` },
          asOfColumn: 'as_of',
        } as const;
        const plan = await planSnapshotQuery(client, source);
        expect([name, plan.valuesSql !== undefined]).toEqual([name, walked.includes(name)]);
        const counted = await resolveAsOf(client, plan, { kind: 'previous' }, { kind: 'latest' });
        expect(counted).toEqual({
          reference: '2024-02-29',
          current: '2024-03-31',
          referenceRows: 1,
          currentRows: 2,
        });
        const listed = await resolveAsOf(
          client,
          plan,
          { kind: 'previous' },
          { kind: 'latest' },
          undefined,
          false,
        );
        expect(listed).toEqual(
          walked.includes(name)
            ? {
                reference: '2024-02-29',
                current: '2024-03-31',
                referenceRows: undefined,
                currentRows: undefined,
              }
            : counted,
        );
        const explicit = { kind: 'value', value: '2024-01-31' } as const;
        expect(
          (await resolveAsOf(client, plan, explicit, { kind: 'latest' }, undefined, false)).reference,
        ).toBe('2024-01-31');
        await expect(
          resolveAsOf(
            client,
            plan,
            { kind: 'value', value: '2024-01-30' },
            { kind: 'latest' },
            undefined,
            false,
          ),
        ).rejects.toThrow(/as_of 2024-01-30 has no rows .*available: 2024-01-31, 2024-02-29, 2024-03-31/);
      }
    } finally {
      await client.end();
    }
    const read = await readPostgresSnapshots(
      settings({ source: { kind: 'table', table: { schema, table: 'idx_leading' }, asOfColumn: 'as_of' } }),
    );
    expect([
      read.referenceAsOf,
      read.currentAsOf,
      values(read.reference, 'x'),
      values(read.current, 'x'),
    ]).toEqual(['2024-02-29', '2024-03-31', [5], [1, 3]]);
    // Analyzed at 2 rows, then grown far past what the planner saw: the estimate only sizes the columns.
    const big = `${schema}.idx_grown`;
    await sql(
      `CREATE TABLE ${big} (as_of date, x integer)`,
      `CREATE INDEX ON ${big} (as_of)`,
      `INSERT INTO ${big} VALUES ('2024-01-31', 1), ('2024-02-29', 2)`,
      `ANALYZE ${big}`,
      `INSERT INTO ${big} SELECT DATE '2024-01-31' + (g % 2) * 29, g FROM generate_series(1, 50000) g`,
    );
    const grown = await readPostgresSnapshots(
      settings({ source: { kind: 'table', table: { schema, table: 'idx_grown' }, asOfColumn: 'as_of' } }),
    );
    const sum = (t: Table) => (values(t, 'x') as number[]).reduce((a, b) => a + b, 0);
    expect([grown.reference.rows, grown.current.rows, sum(grown.reference), sum(grown.current)]).toEqual([
      25_001, 25_001, 625_025_001, 625_000_002,
    ]);
    expect(values(grown.reference, 'x').slice(0, 3)).toEqual([1, 2, 4]);
  });

  describe('one-line errors', () => {
    it('as_of with no rows', async () => {
      await rejectsWith(
        readPostgresSnapshots(settings({ currentAsOf: { kind: 'value', value: '2024-05-31' } })),
        'DATABASE',
        new RegExp(
          `^current-as-of: as_of 2024-05-31 has no rows in ${schema}\\.features\\.as_of \\(available: 2024-01-31, 2024-02-29, 2024-03-31\\)$`,
        ),
      );
      await rejectsWith(
        readPostgresSnapshots(settings({ referenceAsOf: { kind: 'value', value: 'not-a-date' } })),
        'USAGE',
        /^reference-as-of: 'not-a-date' is not a valid date/,
      );
      await rejectsWith(
        readPostgresSnapshots(settings({ currentAsOf: { kind: 'value', value: '2024-01-31' } })),
        'DATABASE',
        /^reference-as-of previous: no as_of before 2024-01-31/,
      );
    });

    it('a query that returns no rows', async () => {
      await rejectsWith(
        readPostgresSnapshots(
          settings({
            source: { kind: 'query', sql: `SELECT id FROM ${schema}.features WHERE as_of = $1 AND i > 100` },
            referenceAsOf: { kind: 'value', value: '2024-01-31' },
            currentAsOf: { kind: 'value', value: '2024-02-29' },
          }),
        ),
        'DATABASE',
        /^query: the snapshot query returned no rows for as_of 2024-01-31$/,
      );
    });

    it('table or column missing', async () => {
      await rejectsWith(
        readPostgresSnapshots(settings({ source: { ...table, table: { schema, table: 'nope' } } })),
        'DATABASE',
        new RegExp(`^table ${schema}\\.nope does not exist`),
      );
      await rejectsWith(
        readPostgresSnapshots(settings({ source: { ...table, asOfColumn: 'snapshot_date' } })),
        'DATABASE',
        new RegExp(`^column 'snapshot_date' missing in table ${schema}\\.features \\(columns: id, as_of, i,`),
      );
      await rejectsWith(
        readPostgresSnapshots(
          settings({
            source: { kind: 'query', sql: `SELECT nope FROM ${schema}.features WHERE as_of = $1` },
            referenceAsOf: { kind: 'value', value: '2024-01-31' },
            currentAsOf: { kind: 'value', value: '2024-02-29' },
          }),
        ),
        'DATABASE',
        /^column missing at 127\.0\.0\.1:5432\/test: column "nope" does not exist$|^column missing at .*: column "nope" does not exist$/,
      );
    });

    it('permission denied (schema, then table)', async () => {
      const url = urlAsUser(role);
      await rejectsWith(
        readPostgresSnapshots(settings({ databaseUrl: url })),
        'DATABASE',
        /^permission denied at .*: permission denied for schema/,
      );
      await sql(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
      await rejectsWith(
        readPostgresSnapshots(settings({ databaseUrl: url })),
        'DATABASE',
        /^permission denied at .*: permission denied for table features$/,
      );
    });

    it('cannot connect: names the server, never the password', async () => {
      const url = 'postgresql://postgres:s3cret-pw@127.0.0.1:1/test';
      const error = await rejectsWith(
        readPostgresSnapshots(settings({ databaseUrl: url, connectRetries: 0 })),
        'DATABASE',
        /^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/test: connection refused \(ECONNREFUSED\)$/,
      );
      expect(error.message).not.toContain('s3cret');
      const result = await cli(['snapshots', '--database-url', url, '--table', 'x']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'driftwatch: error: cannot connect to PostgreSQL at 127.0.0.1:1/test (2 attempts): connection refused (ECONNREFUSED)\n',
      );
      const bad = await cli(['snapshots', '--database-url', 'mysql://root:s3cret-pw@h/db', '--table', 'x']);
      expect(bad.stderr).toBe(
        "driftwatch: error: --database-url: scheme 'mysql' is not postgres or postgresql\n",
      );
    });

    it('the transaction is read-only and has a statement timeout', async () => {
      const asOf = {
        referenceAsOf: { kind: 'value', value: '2024-01-31' },
        currentAsOf: { kind: 'value', value: '2024-02-29' },
      } as const;
      await rejectsWith(
        readPostgresSnapshots(
          settings({
            source: {
              kind: 'query',
              sql: `SELECT id, nextval('${schema}.counter') AS n FROM ${schema}.features WHERE as_of = $1`,
            },
            ...asOf,
          }),
        ),
        'DATABASE',
        /read-only transaction/,
      );
      const [counter] = await sql(`SELECT last_value, is_called FROM ${schema}.counter`);
      expect(counter!.rows[0].is_called).toBe(false);
      await rejectsWith(
        readPostgresSnapshots(
          settings({
            source: {
              kind: 'query',
              sql: `SELECT id, pg_sleep(0.5)::text AS z FROM ${schema}.features WHERE as_of = $1`,
            },
            statementTimeoutMs: 100,
            ...asOf,
          }),
        ),
        'DATABASE',
        /^query cancelled at .*statement timeout/,
      );
    });

    it('closes its connections after success and after failure', async () => {
      await sql(
        `GRANT SELECT ON ${schema}.features TO ${role}`,
        `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
      );
      const url = urlAsUser(role);
      await readPostgresSnapshots(settings({ databaseUrl: url }));
      await readPostgresSnapshots(
        settings({ databaseUrl: url, currentAsOf: { kind: 'value', value: '1999-01-01' } }),
      ).catch(() => undefined);
      const [open] = await sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = '${role}'`);
      expect(open!.rows[0].n).toBe(0);
    });
  });
});
