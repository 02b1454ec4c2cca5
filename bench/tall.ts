/**
 * Tall-table benchmark: a flat as-of table with a continuous column, `--compute database` against
 * `--compute memory`, at a given number of rows per snapshot (`npm run bench -- tall --rows 10000000`; default
 * 1M and 10M in turn). Per run: wall time and peak RSS of the bundled CLI process (GNU time), and the bytes the
 * process received on its sockets (a preload sums every socket's `bytesRead`).
 *
 * With `--compute database` the continuous columns are summarised in SQL (a few statistics and histogram bins),
 * so the runner's memory should not grow with rows; `--compute memory` streams every row. Each table is generated
 * in SQL (generate_series) once and kept as `dw_tall_<rows>.flat` for later runs. `--skip-memory` runs the database
 * mode only; DATABASE_URL overrides the local server.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const flags = process.argv.slice(2);
// `--rows=N[,M]` or `--rows N[,M]`.
const rowsAt = flags.findIndex((flag) => flag === '--rows' || flag.startsWith('--rows='));
const rowsFlag =
  rowsAt < 0
    ? undefined
    : flags[rowsAt] === '--rows'
      ? flags[rowsAt + 1]
      : flags[rowsAt]!.slice('--rows='.length);
const SIZES = rowsFlag ? rowsFlag.split(',').map(Number) : [1_000_000, 10_000_000];
const SKIP_MEMORY = flags.includes('--skip-memory');
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const dir = resolve('bench/out');
mkdirSync(dir, { recursive: true });
for (const rows of SIZES)
  if (!(Number.isInteger(rows) && rows > 0)) throw new Error(`--rows: not a row count: ${rowsFlag}`);

// Sums the bytes every socket of the process received, printed to stderr at exit.
const preload = `${dir}/count-socket-bytes.mjs`;
writeFileSync(
  preload,
  [
    "import net from 'node:net';",
    'let received = 0;',
    'const connect = net.Socket.prototype.connect;',
    'net.Socket.prototype.connect = function (...args) {',
    "  this.once('close', () => { received += this.bytesRead; });",
    '  return connect.apply(this, args);',
    '};',
    "process.on('exit', () => process.stderr.write(`\\nsocket_bytes_received=${received}\\n`));",
  ].join('\n'),
);

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  throw new Error('build failed');

/** Creates `dw_tall_<rows>.flat` unless it holds 2 × rows rows already. */
async function ensureTable(rows: number): Promise<string> {
  const schema = `dw_tall_${rows}`;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const found = await client.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [
      `"${schema}"."flat"`,
    ]);
    if (found.rows[0]!.ok) {
      const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."flat"`);
      if (Number(count.rows[0]!.n) === 2 * rows) return schema;
    }
    const started = performance.now();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(
      `CREATE TABLE "${schema}".flat (user_id bigint, as_of date, x_cont double precision,
         x_amount numeric(12, 2), x_count integer, x_plan text)`,
    );
    await client.query(`SELECT setseed(0.5)`);
    // One snapshot after the other, each generated in the server: no row crosses the wire.
    for (const [k, asOf] of ['2024-01-31', '2024-02-29'].entries()) {
      await client.query(
        `INSERT INTO "${schema}".flat
         SELECT g, $1::date, random() * (1 + 0.02 * $2::int),
                round((random() * 5000 + $2::int * 10)::numeric, 2),
                (random() * 40)::int,
                (ARRAY['basic', 'standard', 'premium', 'family'])[1 + (random() * 3.99)::int]
         FROM generate_series(1, $3::int) AS g`,
        [asOf, k, rows],
      );
    }
    await client.query(`ANALYZE "${schema}".flat`);
    console.log(
      `loaded ${schema}.flat (2 × ${rows.toLocaleString('en')} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return schema;
  } finally {
    await client.end();
  }
}

interface Run {
  wall: number;
  rssMiB: number;
  bytes: number;
  line: string;
}

function runCompare(schema: string, compute: 'memory' | 'database', extra: readonly string[] = []): Run {
  const args = [
    '--import',
    preload,
    'dist/cli.js',
    'compare',
    '--database-url',
    DATABASE_URL,
    '--table',
    `${schema}.flat`,
    '--as-of-column',
    'as_of',
    '--compute',
    compute,
    '--id-column',
    'user_id',
    '--report-dir',
    `${dir}/reports-tall`,
    '--format',
    'json',
    '--statement-timeout',
    '3600',
    ...extra,
  ];
  const result = spawnSync('/usr/bin/time', ['-f', 'time %e %M', process.execPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`compare --compute ${compute} failed (${result.status}): ${result.stderr}`);
  const timing = result.stderr.match(/time ([\d.]+) (\d+)/);
  const bytes = result.stderr.match(/socket_bytes_received=(\d+)/);
  if (!timing || !bytes) throw new Error(`no measurement in: ${result.stderr}`);
  return {
    wall: Number(timing[1]),
    rssMiB: Number(timing[2]) / 1024,
    bytes: Number(bytes[1]),
    line: result.stdout.trim().split('\n').at(-1) ?? '',
  };
}

const format = (bytes: number) =>
  bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : `${(bytes / 2 ** 10).toFixed(0)} KiB`;
// Every column, and the continuous columns alone (`--columns`): the counted columns are rebuilt as columns by the
// engine, so only the second shows the summarised path by itself.
const variants: { name: string; compute: 'memory' | 'database'; extra: string[] }[] = [
  { name: 'all columns', compute: 'database', extra: [] },
  { name: 'continuous only', compute: 'database', extra: ['--columns', 'x_cont,x_amount'] },
  ...(SKIP_MEMORY ? [] : [{ name: 'all columns', compute: 'memory' as const, extra: [] }]),
];
const peaks = new Map<string, Map<number, number>>();
for (const rows of SIZES) {
  const schema = await ensureTable(rows);
  for (const { name, compute, extra } of variants) {
    for (let run = 0; run < RUNS; run++) {
      const load = loadavg()
        .map((value) => value.toFixed(2))
        .join(' ');
      const measured = runCompare(schema, compute, extra);
      const key = `--compute ${compute}, ${name}`;
      if (!peaks.has(key)) peaks.set(key, new Map());
      peaks.get(key)!.set(rows, Math.max(peaks.get(key)!.get(rows) ?? 0, measured.rssMiB));
      console.log(
        `flat as-of table ${rows.toLocaleString('en')} rows × 2, ${name.padEnd(15)} --compute ${compute.padEnd(8)}: ` +
          `wall ${measured.wall.toFixed(1)} s, peak RSS ${measured.rssMiB.toFixed(0)} MiB, ` +
          `received ${format(measured.bytes)} (load average before: ${load})`,
      );
      console.log(`  ${measured.line.replace(/report_json=\S+ ?/, '')}`);
    }
  }
}
for (const [key, bySize] of peaks) {
  if (bySize.size < 2) continue;
  const values = [...bySize.values()];
  const spread = Math.max(...values) / Math.min(...values) - 1;
  console.log(
    `${key}: peak RSS across sizes ${values.map((value) => value.toFixed(0)).join(' / ')} MiB ` +
      `(spread ${(spread * 100).toFixed(0)} %)`,
  );
}
