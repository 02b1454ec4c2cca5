/**
 * PostgreSQL snapshot benchmark: 1M rows per snapshot, `--compute memory` (COPY streamed into columns) vs
 * `--compute database` (SQL value counts), on the StreamFlow join (`--query streamflow`) and on a flat as-of
 * table (`--table`). Wall time and peak RSS of the real bundled CLI process come from GNU time.
 *
 * The StreamFlow schema `dw_bench` is loaded once with `db load-fixtures` from the 1M-row CSVs of
 * bench/compare.ts (generated here if missing) and kept between runs. DATABASE_URL overrides the local server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { STREAMFLOW_MONTHS, generateMonthCsv } from '../scripts/streamflow-generator.js';
import { countSnapshotValues } from '../src/snapshot/postgres/aggregates.js';
import {
  type SnapshotQuerySource,
  planSnapshotQuery,
  readSnapshot,
  resolveAsOf,
} from '../src/snapshot/postgres/snapshots.js';
import { replaceAsOfPlaceholder } from '../src/snapshot/postgres/sql-text.js';
import { streamflowSnapshotQuery } from '../src/snapshot/postgres/streamflow.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const SCHEMA = `dw_bench_${ROWS}`;
const dir = 'bench/out';
const loadDir = `${dir}/pg_${ROWS}`;
mkdirSync(loadDir, { recursive: true });

// Inputs: the 1M-row StreamFlow months, named as load-fixtures expects them.
STREAMFLOW_MONTHS.slice(0, 2).forEach((month, index) => {
  const path = `${dir}/${month.file.replace('.csv', '')}_${ROWS}.csv`;
  if (!existsSync(path)) writeFileSync(path, generateMonthCsv(month, ROWS));
  const link = `${loadDir}/month_00${index}.csv`;
  if (!existsSync(link)) symlinkSync(resolve(path), link);
});

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  throw new Error('build failed');

async function loadedRows(): Promise<number> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const found = await client.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`"${SCHEMA}"."flat"`]);
    if (!found.rows[0].ok) return 0;
    const result = await client.query(`SELECT count(*)::int AS n FROM "${SCHEMA}"."flat"`);
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}

if ((await loadedRows()) !== 2 * ROWS) {
  const started = performance.now();
  const load = spawnSync(
    process.execPath,
    [
      'dist/cli.js',
      'db',
      'load-fixtures',
      '--schema',
      SCHEMA,
      '--dir',
      loadDir,
      '--database-url',
      DATABASE_URL,
    ],
    { stdio: 'inherit' },
  );
  if (load.status !== 0) throw new Error('db load-fixtures failed');
  // A flat as-of table: the joined feature table with its as_of column, as many offline stores keep it.
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS "${SCHEMA}"."flat"`);
    const query = streamflowSnapshotQuery(SCHEMA);
    const empty = replaceAsOfPlaceholder('bench', query, 'NULL::date');
    await client.query(
      `CREATE TABLE "${SCHEMA}"."flat" AS SELECT s.*, NULL::date AS as_of FROM (${empty}) AS s WITH NO DATA`,
    );
    for (const asOf of ['2024-01-31', '2024-02-29']) {
      await client.query(`INSERT INTO "${SCHEMA}"."flat" SELECT s.*, $1::date FROM (${query}) AS s`, [asOf]);
    }
    await client.query(`CREATE INDEX ON "${SCHEMA}"."flat" (as_of)`);
    await client.query(`ANALYZE "${SCHEMA}"."flat"`);
  } finally {
    await client.end();
  }
  console.log(
    `loaded ${SCHEMA} (2 × ${ROWS.toLocaleString('en')} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const sources: [string, string[]][] = [
  ['streamflow join', ['--query', 'streamflow', '--schema', SCHEMA]],
  ['flat as-of table', ['--table', `${SCHEMA}.flat`, '--as-of-column', 'as_of']],
];
for (const [name, source] of sources) {
  for (const compute of ['memory', 'database'] as const) {
    const args = [
      'dist/cli.js',
      'compare',
      '--database-url',
      DATABASE_URL,
      ...source,
      '--compute',
      compute,
      '--id-column',
      'user_id',
      '--target',
      'churn_label',
      '--report-dir',
      `${dir}/reports-pg`,
      '--format',
      'json',
    ];
    const walls: number[] = [];
    const rss: number[] = [];
    let line = '';
    for (let run = 0; run < RUNS; run++) {
      const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], {
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`compare failed: ${result.stderr}`);
      const [wall, kib] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
      walls.push(wall!);
      rss.push(kib! / 1024);
      line = result.stdout.trim();
    }
    walls.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(16)} --compute ${compute.padEnd(8)} ${ROWS.toLocaleString('en')} rows × 2, ${RUNS} runs: ` +
        `wall median ${walls[Math.floor(RUNS / 2)]!.toFixed(2)} s (min ${walls[0]!.toFixed(2)}, max ${walls.at(-1)!.toFixed(2)}), ` +
        `peak RSS max ${Math.max(...rss).toFixed(0)} MiB`,
    );
    console.log(`  ${line.replace(/report_json=\S+ /, '')}`);
  }
}

/** What one in-process read of both snapshots cost the client. */
interface ReadCost {
  /** Bytes received on the socket. */
  readonly bytes: number;
  readonly wallMs: number;
  /** CPU time of this process (user + system): the decoding, without the server's share. */
  readonly cpuMs: number;
}

/**
 * Bytes the client receives for both snapshots (COPY rows vs aggregate rows), read from the socket of one
 * connection running the same library calls as the CLI inside the same kind of read-only transaction, with the
 * wall and CPU time of those calls.
 */
async function readCost(source: SnapshotQuerySource, compute: 'memory' | 'database'): Promise<ReadCost> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(
      `SELECT set_config('extra_float_digits', '1', true), set_config('DateStyle', 'ISO, YMD', true)`,
    );
    const plan = await planSnapshotQuery(client, source);
    const asOf = await resolveAsOf(client, plan, { kind: 'previous' }, { kind: 'latest' });
    const socket = (client as unknown as { connection: { stream: { bytesRead: number } } }).connection.stream;
    const before = socket.bytesRead;
    const include = (name: string) => name !== 'user_id';
    const started = performance.now();
    const cpu = process.cpuUsage();
    if (compute === 'memory') {
      await readSnapshot(client, plan, asOf.reference, { include });
      await readSnapshot(client, plan, asOf.current, { include });
    } else {
      await countSnapshotValues(client, plan, asOf, include);
    }
    const used = process.cpuUsage(cpu);
    return {
      bytes: socket.bytesRead - before,
      wallMs: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
    };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

const wireSources: [string, SnapshotQuerySource][] = [
  ['streamflow join', { kind: 'streamflow', schema: SCHEMA }],
  ['flat as-of table', { kind: 'table', table: { schema: SCHEMA, table: 'flat' }, asOfColumn: 'as_of' }],
];
for (const [name, source] of wireSources) {
  const memory = await readCost(source, 'memory');
  const database = await readCost(source, 'database');
  console.log(
    `${name.padEnd(16)} bytes received for both snapshots: memory ${(memory.bytes / 2 ** 20).toFixed(1)} MiB, ` +
      `database ${(database.bytes / 2 ** 10).toFixed(0)} KiB (${(memory.bytes / database.bytes).toFixed(0)}× less)`,
  );
  // The COPY read alone (extended-protocol COPY, framing and decoding into columns), without the drift engine.
  const reads = [memory];
  for (let run = 1; run < RUNS; run++) reads.push(await readCost(source, 'memory'));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `${name.padEnd(16)} COPY read of both snapshots in-process, ${RUNS} runs: wall median ` +
      `${(median(reads.map((read) => read.wallMs)) / 1000).toFixed(2)} s, client CPU median ` +
      `${(median(reads.map((read) => read.cpuMs)) / 1000).toFixed(2)} s`,
  );
}
