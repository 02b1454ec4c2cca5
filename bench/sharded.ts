/**
 * Sharded PostgreSQL benchmark: a flat as-of table (user_id, as_of, 4 features, one of them continuous) with
 * BENCH_ROWS rows per snapshot (default 1M), hash-partitioned by user_id over two shard clusters (postgres_fdw
 * foreign partitions, the shards created here with pg_createcluster, as root, and dropped at the end), against the
 * same rows in one plain table of the local server. Times the bundled CLI (`--compute database` on the coordinator
 * vs on the single server, and `--compute memory` on the coordinator), wall and peak RSS from GNU time, and counts
 * the bytes the runner receives with a loopback proxy in front of the server (every connection, the partition
 * connections included). DATABASE_URL overrides the local server.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import pg from 'pg';
import { histogramEdgesOf } from '../src/drift/aggregate-scores.js';
import { valueCountSql } from '../src/snapshot/postgres/aggregates.js';
import { extended } from '../src/snapshot/postgres/extended-query.js';
import { numericBinCounts, numericColumnStats } from '../src/snapshot/postgres/numeric-stats.js';
import { describeSnapshot, planSnapshotQuery } from '../src/snapshot/postgres/snapshots.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const SCHEMA = `dw_bench_sharded_${ROWS}`;
const AS_OF = ['2024-01-31', '2024-02-29'];
const COLUMNS =
  'user_id bigint, as_of date, x_cont double precision, x_int integer, x_cat text, x_flag boolean';
/** The rows of both snapshots, the same on every server (same seed, same statement). */
const generate = (table: string) => `SELECT setseed(0.17);
INSERT INTO ${table}
SELECT g, d.as_of, random() * (1 + 0.1 * d.k), (random() * 40 + d.k * 3)::int,
       (ARRAY['a', 'b', 'c'])[1 + (random() * 2.99 + d.k * 0.3)::int % 3], random() < 0.3 + 0.1 * d.k
FROM generate_series(1, ${ROWS}) AS g, (VALUES (0, '${AS_OF[0]}'::date), (1, '${AS_OF[1]}'::date)) AS d(k, as_of);`;

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const version = readdirSync('/etc/postgresql').sort().at(-1)!;
const shards: { name: string; port: number }[] = [];
const psql = (port: number, sql: string) =>
  execFileSync(
    'psql',
    ['-h', '/var/run/postgresql', '-p', String(port), '-U', 'postgres', '-qtAX', '-c', sql],
    {
      encoding: 'utf8',
    },
  );

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A TCP proxy to the server that counts the bytes going to the client. */
async function countingProxy(
  target: URL,
): Promise<{ url: string; received: () => number; close: () => void }> {
  let received = 0;
  const server = createServer((socket) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    upstream.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    upstream.pipe(socket);
    socket.pipe(upstream);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  return { url: url.toString(), received: () => received, close: () => server.close() };
}

/** Runs the bundled CLI under GNU time: wall seconds, peak RSS in MiB and its decision line. */
async function timedCompare(databaseUrl: string, table: string, compute: string) {
  const args = [
    '-f',
    '%e %M',
    process.execPath,
    'dist/cli.js',
    'compare',
    '--database-url',
    databaseUrl,
    '--table',
    `${SCHEMA}.${table}`,
    '--as-of-column',
    'as_of',
    '--compute',
    compute,
    '--id-column',
    'user_id',
    '--target',
    'x_flag',
    '--report-dir',
    'bench/out/reports-sharded',
    '--format',
    'json',
  ];
  // Asynchronous, so the proxy in this process keeps forwarding while the CLI runs.
  const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`compare failed: ${stderr}`);
  const [wall, kib] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall: wall!, rss: kib! / 1024, line: stdout.trim() };
}

const client = new pg.Client({ connectionString: DATABASE_URL });
await client.connect();
try {
  let started = performance.now();
  for (const index of [0, 1]) {
    const name = `dwbench${index}_${process.pid}`;
    const port = await freePort();
    execFileSync('pg_createcluster', [version, name, '-p', String(port), '--', '--auth=trust', '--no-sync']);
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start']);
    shards.push({ name, port });
    psql(
      port,
      `CREATE TABLE events_all (${COLUMNS}) PARTITION BY HASH (user_id);
       CREATE TABLE events_p0 PARTITION OF events_all FOR VALUES WITH (MODULUS 2, REMAINDER 0);
       CREATE TABLE events_p1 PARTITION OF events_all FOR VALUES WITH (MODULUS 2, REMAINDER 1);
       ${generate('events_all')}
       DROP TABLE events_p${1 - index};
       CREATE INDEX ON events_p${index} (as_of);
       ANALYZE events_all;`,
    );
  }
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.query('CREATE EXTENSION IF NOT EXISTS postgres_fdw');
  await client.query(`CREATE SCHEMA ${SCHEMA}`);
  await client.query(`CREATE TABLE ${SCHEMA}.events (${COLUMNS}) PARTITION BY HASH (user_id)`);
  for (const [index, shard] of shards.entries()) {
    const server = `${SCHEMA}_s${index}`;
    await client.query(`DROP SERVER IF EXISTS ${server} CASCADE`);
    await client.query(
      `CREATE SERVER ${server} FOREIGN DATA WRAPPER postgres_fdw
       OPTIONS (host '127.0.0.1', port '${shard.port}', dbname 'postgres', async_capable 'true', fetch_size '10000')`,
    );
    await client.query(`CREATE USER MAPPING FOR CURRENT_USER SERVER ${server} OPTIONS (user 'postgres')`);
    await client.query(
      `CREATE FOREIGN TABLE ${SCHEMA}.events_p${index} PARTITION OF ${SCHEMA}.events
       FOR VALUES WITH (MODULUS 2, REMAINDER ${index})
       SERVER ${server} OPTIONS (schema_name 'public', table_name 'events_p${index}')`,
    );
  }
  await client.query(`CREATE TABLE ${SCHEMA}.single (${COLUMNS})`);
  await client.query(generate(`${SCHEMA}.single`));
  await client.query(`CREATE INDEX ON ${SCHEMA}.single (as_of)`);
  await client.query(`ANALYZE ${SCHEMA}.single`);
  console.log(
    `set up 2 shards + single table (${ROWS.toLocaleString('en')} rows per snapshot) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();

  const runs: [string, string, string][] = [
    ['single server', 'single', 'database'],
    ['2 shards', 'events', 'database'],
    ['2 shards', 'events', 'memory'],
  ];
  for (const [name, table, compute] of runs) {
    const walls: number[] = [];
    const rss: number[] = [];
    const bytes: number[] = [];
    let line = '';
    for (let run = 0; run < RUNS; run++) {
      const proxy = await countingProxy(new URL(DATABASE_URL));
      try {
        const result = await timedCompare(proxy.url, table, compute);
        walls.push(result.wall);
        rss.push(result.rss);
        bytes.push(proxy.received());
        line = result.line;
      } finally {
        proxy.close();
      }
    }
    walls.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(13)} --compute ${compute.padEnd(8)} ${ROWS.toLocaleString('en')} rows × 2, ${RUNS} runs: ` +
        `wall median ${walls[Math.floor(RUNS / 2)]!.toFixed(2)} s (min ${walls[0]!.toFixed(2)}, max ${walls.at(-1)!.toFixed(2)}), ` +
        `peak RSS max ${Math.max(...rss).toFixed(0)} MiB, bytes received by the runner ${(Math.max(...bytes) / 2 ** 20).toFixed(1)} MiB`,
    );
    console.log(`  ${line.replace(/report_json=\S+ /, '')}`);
  }

  // One continuous column of the single table: its value counts (what --compute database sends today) vs the
  // statistics computed in SQL over the merged distribution (numeric-stats.ts), bytes received and wall.
  const reader = new pg.Client({ connectionString: DATABASE_URL });
  await reader.connect();
  try {
    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await reader.query(`SET LOCAL extra_float_digits = 1`);
    const plan = await planSnapshotQuery(reader, {
      kind: 'table',
      table: { schema: SCHEMA, table: 'single' },
      asOfColumn: 'as_of',
    });
    const spec = (await describeSnapshot(reader, plan, AS_OF[1]!)).find(
      (column) => column.name === 'x_cont',
    )!;
    const socket = (reader as unknown as { connection: { stream: { bytesRead: number } } }).connection.stream;
    const asOf = { reference: AS_OF[0]!, current: AS_OF[1]! };
    const measure = async (work: () => Promise<unknown>) => {
      const before = socket.bytesRead;
      const begun = performance.now();
      await work();
      return { bytes: socket.bytesRead - before, ms: performance.now() - begun };
    };
    const counts = await measure(async () => {
      for (const value of AS_OF)
        await reader.query(extended({ text: valueCountSql(plan, spec), values: [value], rowMode: 'array' }));
    });
    const stats = await measure(async () => {
      const found = await numericColumnStats(reader, plan, spec, asOf);
      const edges = histogramEdgesOf(
        Math.min(found.reference.min!, found.current.min!),
        Math.max(found.reference.max!, found.current.max!),
        found.reference.count + found.current.count,
      );
      await numericBinCounts(reader, plan, spec, asOf, edges);
    });
    console.log(
      `continuous column x_cont, ${ROWS.toLocaleString('en')} rows × 2, one server: value counts ` +
        `${(counts.bytes / 2 ** 20).toFixed(1)} MiB in ${(counts.ms / 1000).toFixed(2)} s; statistics in SQL ` +
        `(KS D, Wasserstein sum, moments, Sturges bins) ${(stats.bytes / 2 ** 10).toFixed(1)} KiB in ${(stats.ms / 1000).toFixed(2)} s`,
    );
  } finally {
    await reader.end();
  }
} finally {
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
  for (const index of [0, 1])
    await client.query(`DROP SERVER IF EXISTS ${SCHEMA}_s${index} CASCADE`).catch(() => undefined);
  await client.end();
  for (const shard of shards) execFileSync('pg_dropcluster', ['--stop', version, shard.name]);
}
