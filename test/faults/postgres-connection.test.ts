// A database that fails at any moment, run through the bundled CLI as a user runs it: refused, wrong password,
// a backend terminated during discovery, during the COPY and during the `--compute database` aggregate, a server
// shut down mid-read, a network that drops. Each ends in one line naming the server and what failed, exit 2 (never
// 1, which means RETRAIN under --fail-on-drift), no report, no connection left open; a connection lost before any
// row was read is retried (--connect-retries).
//
// Only this file's own backends are terminated: each run sets a unique application_name (PGAPPNAME).
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleRun, buildCliBundle, runBundle } from '../support/bundle.js';
import { type TestCluster, clusterToolsAvailable, createTestCluster } from '../support/pg-cluster.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema } from '../snapshot/postgres/support.js';

const available = await databaseAvailable();
const clusters = available && clusterToolsAvailable();
const schema = uniqueSchema('fault_conn');
const ROWS = 6000; // per as_of; the slow query sleeps 1 ms per row
const server = new URL(DATABASE_URL);
const where = `${server.hostname}:${server.port || 5432}${server.pathname}`;
const FATAL_TERMINATED = 'terminating connection due to administrator command (57P01)';

let cli: string;
let runs = 0;

/** A unique application name, a fresh report directory and the environment of one run. */
function newRun() {
  const appName = `dw_fault_${process.pid}_${++runs}`;
  const reports = join(mkdtempSync(join(tmpdir(), 'dw-fault-')), 'reports');
  return { appName, reports, env: { ...process.env, PGAPPNAME: appName, DATABASE_URL: undefined } };
}

function compareArgs(url: string, reports: string, query: string, ...more: string[]): string[] {
  return [
    'compare',
    '--database-url',
    url,
    '--query',
    query,
    '--table',
    `${schema}.t`,
    '--report-dir',
    reports,
    '--fail-on-drift',
    ...more,
  ];
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The line of a connection to the main server lost while doing `step`. */
function lostLine(step: string, attempts = 1): RegExp {
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  return new RegExp(
    `^${escaped(`lost the connection to PostgreSQL at ${where}${tries} while ${step}: ${FATAL_TERMINATED}`)}$`,
  );
}

/** Exit 2, nothing on stdout, exactly one line on stderr matching `line`, no report. */
function expectOneLineFailure(run: BundleRun, line: RegExp, reports: string): void {
  expect(run.signal).toBeNull();
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^driftwatch: error: [^\n]+\n$/);
  expect(run.stderr.slice('driftwatch: error: '.length, -1)).toMatch(line);
  expect(run.code).toBe(2);
  expect(existsSync(reports) ? readdirSync(reports) : []).toEqual([]);
}

/** Sessions of one application name on the main server (waits up to 3 s for them to go away). */
async function openSessions(appName: string, url = DATABASE_URL): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let waited = 0; ; waited += 100) {
      const result = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [appName],
      );
      if (result.rows[0]!.n === 0 || waited >= 3000) return result.rows[0]!.n;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

/**
 * Watches one run's backends (by application_name) and terminates each whose running statement matches
 * `statement` once it has run for `afterMs`, at most `times` times. Resolves with the backends it saw and killed
 * when `stop` is called.
 */
function terminator(appName: string, statement: RegExp, afterMs: number, times: number) {
  const seen = new Set<number>();
  const killed: number[] = [];
  let stopped = false;
  const done = (async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      while (!stopped) {
        const active = await client.query<{ pid: number; query: string; ms: number; state: string }>(
          `SELECT pid, query, state, extract(epoch FROM clock_timestamp() - query_start) * 1000 AS ms
           FROM pg_stat_activity WHERE application_name = $1`,
          [appName],
        );
        for (const row of active.rows) {
          seen.add(row.pid);
          if (
            killed.length < times &&
            !killed.includes(row.pid) &&
            row.state === 'active' &&
            statement.test(row.query) &&
            row.ms >= afterMs
          ) {
            await client.query('SELECT pg_terminate_backend($1)', [row.pid]);
            killed.push(row.pid);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    } finally {
      await client.end();
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { seen: seen.size, killed: killed.length };
    },
  };
}

describe.skipIf(!available)('a database that fails mid-read (bundled CLI)', () => {
  beforeAll(async () => {
    cli = buildCliBundle();
    await sql(
      `CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.t (id integer, as_of date NOT NULL, x double precision, c text)`,
      `INSERT INTO ${schema}.t SELECT g, d, g * 0.25 + (d - DATE '2024-01-31') / 29.0, 'category-' || (g % 7)
         FROM generate_series(1, ${ROWS}) g, (VALUES (DATE '2024-01-31'), (DATE '2024-02-29')) AS v(d)`,
      `ANALYZE ${schema}.t`,
      // 1 ms per row: a read that is still running when the test acts on it.
      `CREATE FUNCTION ${schema}.slow(x double precision) RETURNS double precision LANGUAGE plpgsql
         AS $$ BEGIN PERFORM pg_sleep(0.001); RETURN x; END $$`,
      // A table to discover as_of values from that takes 1.5 s to list them.
      `CREATE VIEW ${schema}.slow_dates AS SELECT as_of FROM ${schema}.t WHERE (SELECT count(*) FROM pg_sleep(1.5)) = 1`,
    );
  });

  afterAll(async () => {
    if (available) await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  const fastQuery = `SELECT id, x, c FROM ${schema}.t WHERE as_of = $1`;
  const slowQuery = `SELECT id, ${schema}.slow(x) AS x, c FROM ${schema}.t WHERE as_of = $1`;

  it('reads normally (the control: the same arguments succeed when nothing fails)', async () => {
    const { env, reports, appName } = newRun();
    const run = await runBundle(cli, compareArgs(DATABASE_URL, reports, fastQuery), { env });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/report_json=.*drift_2024-01-31_vs_2024-02-29\.json/);
    expect([0, 1]).toContain(run.code);
    expect(await openSessions(appName)).toBe(0);
  });

  it('connection refused: retried once after a backoff, then one line (and --connect-retries 0 tries once)', async () => {
    const { env, reports } = newRun();
    const url = 'postgresql://postgres:hunter2-secret@127.0.0.1:1/test';
    const run = await runBundle(cli, compareArgs(url, reports, fastQuery), { env });
    expectOneLineFailure(
      run,
      /^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/test \(2 attempts\): connection refused \(ECONNREFUSED\)$/,
      reports,
    );
    expect(run.ms).toBeGreaterThan(500);
    expect(run.stderr).not.toContain('hunter2');
    const once = await runBundle(cli, compareArgs(url, reports, fastQuery, '--connect-retries', '0'), {
      env,
    });
    expectOneLineFailure(
      once,
      /^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/test: connection refused \(ECONNREFUSED\)$/,
      reports,
    );
    const bad = await runBundle(cli, compareArgs(url, reports, fastQuery, '--connect-retries', 'many'), {
      env,
    });
    expectOneLineFailure(bad, /^--connect-retries: 'many' is not a whole number from 0 to 10$/, reports);
  });

  it('db load-fixtures (the writer) cannot connect: one line, exit 2', async () => {
    const { env, reports } = newRun();
    const run = await runBundle(
      cli,
      [
        'db',
        'load-fixtures',
        '--database-url',
        'postgresql://postgres:hunter2-secret@127.0.0.1:1/test',
        '--schema',
        schema,
      ],
      { env },
    );
    expectOneLineFailure(
      run,
      /^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/test: connection refused \(ECONNREFUSED\)$/,
      reports,
    );
  });

  /** A compare whose as_of values are listed from the view that takes 1.5 s. */
  const slowDiscovery = (reports: string, ...more: string[]) =>
    compareArgs(DATABASE_URL, reports, fastQuery, ...more).map((arg) =>
      arg === `${schema}.t` ? `${schema}.slow_dates` : arg,
    );

  it('backend terminated during discovery: retried on a new connection, and the run succeeds', async () => {
    const { env, reports, appName } = newRun();
    const killer = terminator(appName, /slow_dates/, 300, 1);
    const run = await runBundle(cli, slowDiscovery(reports), { env });
    const { seen, killed } = await killer.stop();
    expect(killed).toBe(1);
    // The first connection, terminated, and the retry; the retry's second connection (the current snapshot is
    // read at once, on a connection that imports the retry's snapshot) reads a small table and may come and go
    // between two 40 ms polls, so it is not always seen.
    expect(seen).toBeGreaterThanOrEqual(2);
    expect(seen).toBeLessThanOrEqual(3);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(reports)).toEqual(expect.arrayContaining(['drift_2024-01-31_vs_2024-02-29.json']));
    expect(await openSessions(appName)).toBe(0);
  });

  it('backend terminated during discovery with --connect-retries 0: one line, exit 2', async () => {
    const { env, reports, appName } = newRun();
    const killer = terminator(appName, /slow_dates/, 300, 1);
    const run = await runBundle(cli, slowDiscovery(reports, '--connect-retries', '0'), { env });
    expect((await killer.stop()).killed).toBe(1);
    expectOneLineFailure(run, lostLine('listing the as_of values'), reports);
    expect(await openSessions(appName)).toBe(0);
  });

  it('backend terminated during the COPY (rows already read): not retried, one line, exit 2', async () => {
    const { env, reports, appName } = newRun();
    const killer = terminator(appName, /^COPY \(/, 1000, 1);
    const started = performance.now();
    const run = await runBundle(cli, compareArgs(DATABASE_URL, reports, slowQuery), { env });
    const elapsed = performance.now() - started;
    const { seen, killed } = await killer.stop();
    expect(killed).toBe(1);
    // Both snapshots are read at once, on the main connection and one that imports its snapshot; whichever
    // backend is terminated is the line reported, and the other read is ended at once (not run to its end).
    expect(seen).toBe(2);
    const line = run.stderr.includes('2024-02-29')
      ? lostLine('reading the snapshot as_of 2024-02-29')
      : lostLine('reading the snapshot as_of 2024-01-31');
    expectOneLineFailure(run, line, reports);
    expect(elapsed).toBeLessThan(ROWS * 0.9);
    expect(await openSessions(appName)).toBe(0);
  });

  it('backend terminated during the --compute database aggregate, and again on the retry: one line, exit 2', async () => {
    const { env, reports, appName } = newRun();
    const killer = terminator(appName, /GROUPING SETS/, 300, 2);
    const run = await runBundle(cli, compareArgs(DATABASE_URL, reports, slowQuery, '--compute', 'database'), {
      env,
    });
    const { seen, killed } = await killer.stop();
    expect(killed).toBe(2);
    expect(seen).toBe(2);
    expectOneLineFailure(
      run,
      lostLine('counting the values of the snapshots as_of 2024-01-31 and 2024-02-29', 2),
      reports,
    );
    expect(await openSessions(appName)).toBe(0);
  });

  describe('a network that drops (loopback proxy)', () => {
    /** A TCP proxy to the main server that resets connection number `which` when `when` says so. */
    let proxy: Server;
    let proxyUrl: string;
    let policy: { which: number; when: 'discovery' | 'copy' } = { which: 0, when: 'copy' };
    let connections = 0;

    beforeAll(async () => {
      proxy = createServer((client: Socket) => {
        const index = ++connections;
        const upstream = connect(Number(server.port || 5432), server.hostname);
        let copying = false;
        let sinceCopy = 0;
        const drop = () => {
          client.resetAndDestroy();
          upstream.destroy();
        };
        client.on('data', (chunk: Buffer) => {
          const text = chunk.toString('latin1');
          if (index === policy.which && policy.when === 'discovery' && text.includes('GROUP BY'))
            return drop();
          if (text.includes('COPY (')) copying = true;
          upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => {
          if (copying) sinceCopy += chunk.length;
          if (index === policy.which && policy.when === 'copy' && sinceCopy > 64 * 1024) return drop();
          client.write(chunk);
        });
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const url = new URL(DATABASE_URL);
      url.hostname = '127.0.0.1';
      url.port = String((proxy.address() as { port: number }).port);
      proxyUrl = url.toString();
    });

    afterAll(async () => {
      await new Promise((resolve) => proxy.close(resolve));
    });

    it('dropped during discovery: retried, and the run succeeds', async () => {
      const { env, reports, appName } = newRun();
      connections = 0;
      policy = { which: 1, when: 'discovery' };
      const run = await runBundle(cli, compareArgs(proxyUrl, reports, fastQuery), { env });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // The dropped one, the retry and the retry's second connection (the current snapshot, read at once).
      expect(connections).toBe(3);
      expect(await openSessions(appName)).toBe(0);
    });

    it('dropped during the COPY: one line naming the server, exit 2', async () => {
      const { env, reports, appName } = newRun();
      connections = 0;
      policy = { which: 1, when: 'copy' };
      const run = await runBundle(cli, compareArgs(proxyUrl, reports, fastQuery), { env });
      // The main connection (dropped; it reads the reference) and the second one reading the current snapshot.
      expect(connections).toBe(2);
      const host = `127\\.0\\.0\\.1:${new URL(proxyUrl).port}${server.pathname}`;
      expectOneLineFailure(
        run,
        new RegExp(
          `^lost the connection to PostgreSQL at ${host} while reading the snapshot as_of 2024-01-31: (connection reset by the server or the network \\(ECONNRESET\\)|the server closed the connection)$`,
        ),
        reports,
      );
      expect(await openSessions(appName)).toBe(0);
    });
  });

  describe.skipIf(!clusters)('a server of its own (password authentication, shutdown)', () => {
    let cluster: TestCluster;
    beforeAll(async () => {
      cluster = await createTestCluster();
      cluster.psql(
        `CREATE TABLE t (id integer, as_of date, x double precision, c text);
         INSERT INTO t SELECT g, d, g * 0.5, 'c' || (g % 5) FROM generate_series(1, ${ROWS}) g,
           (VALUES (DATE '2024-01-31'), (DATE '2024-02-29')) AS v(d);
         CREATE FUNCTION slow(x double precision) RETURNS double precision LANGUAGE plpgsql
           AS $$ BEGIN PERFORM pg_sleep(0.001); RETURN x; END $$;`,
      );
    }, 120_000);

    afterAll(() => {
      cluster?.drop();
    });

    const args = (url: string, reports: string, query: string) => [
      'compare',
      '--database-url',
      url,
      '--query',
      query,
      '--table',
      't',
      '--report-dir',
      reports,
      '--fail-on-drift',
    ];

    it('wrong password: one line naming user and server, not retried, the password never printed', async () => {
      const { env, reports } = newRun();
      const url = cluster.url.replace(cluster.password, 'wrong-secret-pw');
      const run = await runBundle(cli, args(url, reports, 'SELECT id, x FROM t WHERE as_of = $1'), { env });
      expectOneLineFailure(
        run,
        new RegExp(`^authentication failed for user 'postgres' at 127\\.0\\.0\\.1:${cluster.port}/postgres$`),
        reports,
      );
      expect(run.stderr).not.toContain('wrong-secret-pw');
      // The right password reads (the control).
      const ok = await runBundle(cli, args(cluster.url, reports, 'SELECT id, x FROM t WHERE as_of = $1'), {
        env,
      });
      expect(ok.stderr).toBe('');
      expect([0, 1]).toContain(ok.code);
    });

    it('server shut down during the COPY: one line, exit 2; then down: refused after the retry', async () => {
      const { env, reports, appName } = newRun();
      const running = runBundle(
        cli,
        args(cluster.url, reports, 'SELECT id, slow(x) AS x, c FROM t WHERE as_of = $1'),
        {
          env,
        },
      );
      // Shut the server down once the COPY has streamed for a while.
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const copying = cluster.psql(
          `SELECT count(*) FROM pg_stat_activity WHERE application_name = '${appName}' AND query LIKE 'COPY (%'
             AND state = 'active' AND clock_timestamp() - query_start > interval '1 second'`,
        );
        // Both snapshots stream at once, one COPY per connection.
        if (Number(copying.trim()) >= 1) break;
      }
      cluster.stop();
      const run = await running;
      expectOneLineFailure(
        run,
        new RegExp(
          `^${escaped(`lost the connection to PostgreSQL at 127.0.0.1:${cluster.port}/postgres while reading the snapshot as_of `)}(2024-01-31|2024-02-29)${escaped(`: ${FATAL_TERMINATED}`)}$`,
        ),
        reports,
      );
      const down = await runBundle(cli, args(cluster.url, reports, 'SELECT id, x FROM t WHERE as_of = $1'), {
        env,
      });
      expectOneLineFailure(
        down,
        new RegExp(
          `^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${cluster.port}/postgres \\(2 attempts\\): connection refused \\(ECONNREFUSED\\)$`,
        ),
        reports,
      );
    });
  });
});
