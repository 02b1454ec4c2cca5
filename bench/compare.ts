/**
 * End-to-end `compare` benchmark matrix (issue: ≤ 1.5 s wall, ≤ 500 MiB peak RSS per shape at 1M rows per snapshot,
 * on 2 cores). Every shape is a pair of seeded snapshots generated once and cached in bench/out; each run is the
 * bundled CLI (`node dist/cli.js compare …`) exactly as a user starts it. Wall time is measured around the child
 * process, peak RSS by GNU time (`%M`: the process's high-water mark, worker threads included since they share it),
 * and CPU seconds (`%U + %S`, every thread), which the other users of a shared machine disturb less than wall time.
 *
 *   npm run bench -- compare [--rows N] [--runs N] [--warmup N] [--only a,b,...] [--duckdb]
 *
 * Each shape first runs `--warmup` times untimed (1 by default): its files are then in the page cache, as on a
 * machine that has just written or read them, rather than wherever the kernel left them (a virtual machine that
 * pages cold memory out may have dropped some while other shapes ran). The timed runs then go round the shapes, one
 * run of each a round: the host's speed drifts over a matrix's minutes, which shape by shape fell on whichever shape
 * was running (b read 21 % slower than a in one such table, 3–12 % in alternated pairs of the same build).
 *
 * Shapes (N = --rows, 1M by default):
 *   a  StreamFlow, 15 columns, `--id-column user_id`
 *   b  StreamFlow, the id column not excluded
 *   c  5 low-cardinality columns: ints 0–10 and 0–100, a bool, one-decimal floats, a 5-value string
 *   d  the same without the string column
 *   e  the rows of d streamed from PostgreSQL (`--compute memory`), 4N rows per snapshot
 *   e1 the same PostgreSQL read at N rows per snapshot (the size the goal is stated for)
 *   f  d plus a unique string id column nobody excluded
 *   g  N/10 rows × 400 float columns
 *   h  one 50k-label categorical column (Zipf-like) and one float column
 *   i  12 float columns at full precision (pandas repr: 16–17 significant digits, every value distinct)
 *   j  c's rows with every string quoted, as R's write.csv writes them, plus a quoted plan name with a comma or quotes
 *   k  20 label columns (3 to 12 labels each, skewed) and one float column
 *   l  N/10 rows × 200 float columns at full precision
 *
 * With `--duckdb`, after the compare's rounds, as many rounds time DuckDB reading every column of each file shape's
 * two files on two threads (bench/duckdb-read.ts, in a fresh process a run): a yardstick for the reading alone, from
 * an engine built for it. `@duckdb/node-api` is not a dependency (its binary is ~70 MB): install it first
 * with `npm install --no-save @duckdb/node-api`.
 */
import { spawnSync } from 'node:child_process';
import { mulberry32 } from '../scripts/streamflow-generator.js';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { STREAMFLOW_MONTHS, generateMonthCsv } from '../scripts/streamflow-generator.js';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const ROWS = Number(flag('--rows') ?? process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(flag('--runs') ?? process.env.BENCH_RUNS ?? 5);
const WARMUP = Number(flag('--warmup') ?? 1);
const ONLY = flag('--only')
  ?.split(',')
  .map((s) => s.trim());
const DUCKDB = process.argv.includes('--duckdb');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const dir = 'bench/out';
const matrixDir = `${dir}/matrix`;
mkdirSync(matrixDir, { recursive: true });
if (!Number.isInteger(ROWS) || ROWS < 10)
  throw new Error(`--rows must be an integer >= 10, got ${flag('--rows')}`);
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error(`--runs must be a positive integer, got ${flag('--runs')}`);
if (!Number.isInteger(WARMUP) || WARMUP < 0)
  throw new Error(`--warmup must be an integer >= 0, got ${flag('--warmup')}`);
if (DUCKDB) {
  try {
    const duckdbPackage: string = '@duckdb/node-api';
    await import(duckdbPackage);
  } catch {
    throw new Error(
      '--duckdb: @duckdb/node-api is not installed; run `npm install --no-save @duckdb/node-api`',
    );
  }
}

/** Writes `rows` lines from `line(i)` after `header` to `path` (through a temp file), in 64k-line chunks. */
function writeCsv(path: string, header: string, rows: number, line: (i: number) => string): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, header + '\n');
    let chunk: string[] = [];
    for (let i = 0; i < rows; i++) {
      chunk.push(line(i));
      if (chunk.length === 65536) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

function cached(path: string, make: () => void): string {
  if (!existsSync(path)) {
    const started = performance.now();
    make();
    console.error(`generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return path;
}

const LABELS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];

/** One low-cardinality row (shapes c–f); `drift` shifts every distribution a little. */
function lowCardinalityRow(random: () => number, drift: number, withString: boolean): string {
  const small = Math.floor(random() * (11 - drift));
  const medium = Math.min(100, Math.floor(random() * 101) + drift * 3);
  const flagValue = random() < 0.5 + drift * 0.05 ? 'true' : 'false';
  const score = (Math.round((random() * 10 + random() * 10 + drift) * 10) / 10).toFixed(1);
  if (!withString) return `${small},${medium},${flagValue},${score}`;
  const u = random();
  const label = LABELS[Math.min(4, Math.floor(u * u * (5 + drift)))]!;
  return `${small},${medium},${flagValue},${score},${label}`;
}

function streamflowPair(rows: number): [string, string] {
  const pair = STREAMFLOW_MONTHS.slice(0, 2).map((month) =>
    cached(`${dir}/${month.file.replace('.csv', '')}_${rows}.csv`, () => {
      const fd = openSync(`${dir}/${month.file}.tmp`, 'w');
      writeSync(fd, generateMonthCsv(month, rows));
      closeSync(fd);
      renameSync(`${dir}/${month.file}.tmp`, `${dir}/${month.file.replace('.csv', '')}_${rows}.csv`);
    }),
  );
  return [pair[0]!, pair[1]!];
}

function lowCardinalityPair(rows: number, withString: boolean, withId: boolean): [string, string] {
  const name = `${withId ? 'idcol' : withString ? 'lowcard5' : 'lowcard4'}_${rows}`;
  const header = `${withId ? 'row_key,' : ''}small,medium,flag,score${withString ? ',label' : ''}`;
  const files = [0, 1].map((drift) =>
    cached(`${matrixDir}/${name}_${drift}.csv`, () => {
      const random = mulberry32(7000 + drift + rows);
      writeCsv(`${matrixDir}/${name}_${drift}.csv`, header, rows, (i) => {
        const row = lowCardinalityRow(random, drift, withString);
        return withId ? `k${drift}-${i.toString(36).padStart(8, '0')},${row}` : row;
      });
    }),
  );
  return [files[0]!, files[1]!];
}

function wideFloatPair(rows: number, columns: number): [string, string] {
  const header = Array.from({ length: columns }, (_, c) => `f${c}`).join(',');
  const files = [0, 1].map((drift) =>
    cached(`${matrixDir}/wide${columns}_${rows}_${drift}.csv`, () => {
      const random = mulberry32(9000 + drift + rows);
      const values: string[] = new Array<string>(columns);
      writeCsv(`${matrixDir}/wide${columns}_${rows}_${drift}.csv`, header, rows, () => {
        for (let c = 0; c < columns; c++) {
          // Normal-ish (sum of 3 uniforms), mean shifted on every 7th column of the current snapshot.
          const x = random() + random() + random() + (drift && c % 7 === 0 ? 0.1 : 0) + c * 0.01;
          values[c] = x.toFixed(6);
        }
        return values.join(',');
      });
    }),
  );
  return [files[0]!, files[1]!];
}

/**
 * `repr` of a Python float (what pandas `to_csv` writes): the shortest digits that read back as the same double,
 * which JavaScript's `String` also gives, in the same notation for 1e-4 ≤ |x| < 1e16 but for whole numbers ("3.0");
 * below 1e-4 Python writes an exponent of two digits at least ("1.5e-05").
 */
function pythonRepr(x: number): string {
  const magnitude = Math.abs(x);
  if (magnitude !== 0 && magnitude < 1e-4) return x.toExponential().replace(/e-(\d)$/, 'e-0$1');
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

function fullPrecisionPair(rows: number, columns: number): [string, string] {
  const header = Array.from({ length: columns }, (_, c) => `x${c}`).join(',');
  const files = [0, 1].map((drift) =>
    cached(`${matrixDir}/fullprec${columns}_${rows}_${drift}.csv`, () => {
      const random = mulberry32(13000 + drift + rows);
      // 53 random bits a draw (two 32-bit draws): a million values of a column are then all distinct.
      const uniform = () => random() + random() * 2 ** -32;
      const values: string[] = new Array<string>(columns);
      writeCsv(`${matrixDir}/fullprec${columns}_${rows}_${drift}.csv`, header, rows, () => {
        for (let c = 0; c < columns; c++) {
          // Three families by column (normal-ish, log-normal-ish, uniform), each at its own scale; the current
          // snapshot is shifted on every fourth column.
          const shift = drift && c % 4 === 0 ? 0.05 : 0;
          const kind = c % 3;
          const normal = uniform() + uniform() + uniform() - 1.5 + shift;
          const x =
            kind === 0
              ? normal * (c + 1) * 3.7 + 10 * c
              : kind === 1
                ? Math.exp(normal) * 250
                : (uniform() + shift) * 10 ** (c % 5);
          values[c] = pythonRepr(x);
        }
        return values.join(',');
      });
    }),
  );
  return [files[0]!, files[1]!];
}

function highCardinalityPair(rows: number, labels: number): [string, string] {
  const files = [0, 1].map((drift) =>
    cached(`${matrixDir}/highcard${labels}_${rows}_${drift}.csv`, () => {
      const random = mulberry32(11000 + drift + rows);
      writeCsv(`${matrixDir}/highcard${labels}_${rows}_${drift}.csv`, 'category,amount', rows, () => {
        // Zipf-like: label k with probability ∝ 1/(k+1); every label appears at 1M rows.
        const u = random();
        const k = Math.min(labels - 1, Math.floor(Math.pow(labels + 1, u)) - 1 + drift * (u < 0.01 ? 1 : 0));
        return `cat_${k.toString(36)},${(random() * 100 + drift).toFixed(2)}`;
      });
    }),
  );
  return [files[0]!, files[1]!];
}

/** Shape j: c's rows, strings quoted (the header too), and a quoted plan name holding a comma or doubled quotes. */
function quotedPair(rows: number): [string, string] {
  const plans = ['"Fiber optic, 1 Gbps"', '"DSL, basic"', '"Cable ""pro"""', '"None"'];
  const files = [0, 1].map((drift) =>
    cached(`${matrixDir}/quoted_${rows}_${drift}.csv`, () => {
      const random = mulberry32(13000 + drift + rows);
      const header = '"small","medium","flag","score","label","plan"';
      writeCsv(`${matrixDir}/quoted_${rows}_${drift}.csv`, header, rows, () => {
        const [small, medium, flagValue, score, label] = lowCardinalityRow(random, drift, true).split(',');
        const plan = plans[Math.min(3, Math.floor(random() * (4 - drift * 0.5)))]!;
        return `${small},${medium},${flagValue === 'true' ? 'TRUE' : 'FALSE'},${score},"${label}",${plan}`;
      });
    }),
  );
  return [files[0]!, files[1]!];
}

const GREEK = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
];

/** Shape k: `columns` label columns of 3 to 12 labels each (skewed towards the first), and a float column. */
function manyLabelsPair(rows: number, columns: number): [string, string] {
  const header = [...Array.from({ length: columns }, (_, c) => `c${c}`), 'amount'].join(',');
  const files = [0, 1].map((drift) =>
    cached(`${matrixDir}/labels${columns}_${rows}_${drift}.csv`, () => {
      const random = mulberry32(15000 + drift + rows);
      const cells: string[] = new Array<string>(columns + 1);
      writeCsv(`${matrixDir}/labels${columns}_${rows}_${drift}.csv`, header, rows, () => {
        for (let c = 0; c < columns; c++) {
          const labels = 3 + (c % 10);
          const u = random() * random() ** (1 + drift * 0.3);
          cells[c] = `${GREEK[Math.floor(u * labels)]!}_${c}`;
        }
        cells[columns] = (random() * 100 + drift).toFixed(2);
        return cells.join(',');
      });
    }),
  );
  return [files[0]!, files[1]!];
}

/** Loads shape d's rows (4 columns) for both snapshots into one as-of table through COPY, once. */
async function postgresTable(rows: number): Promise<string> {
  const table = `dw_matrix.lowcard4_${rows}`;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const found = await client.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [table]);
    if (found.rows[0].ok) {
      const count = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
      if (count.rows[0].n === 2 * rows) return table;
    }
    const started = performance.now();
    const [reference, current] = lowCardinalityPair(rows, false, false);
    await client.query('CREATE SCHEMA IF NOT EXISTS dw_matrix');
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.query(
      `CREATE TABLE ${table} (small integer, medium integer, flag boolean, score double precision, as_of date)`,
    );
    for (const [file, asOf] of [
      [reference, '2024-01-31'],
      [current, '2024-02-29'],
    ] as const) {
      await client.query(`ALTER TABLE ${table} ALTER COLUMN as_of SET DEFAULT '${asOf}'`);
      await pipeline(
        createReadStream(file),
        client.query(
          copyFrom(`COPY ${table} (small, medium, flag, score) FROM STDIN WITH (FORMAT csv, HEADER)`),
        ),
      );
    }
    await client.query(`ALTER TABLE ${table} ALTER COLUMN as_of DROP DEFAULT`);
    await client.query(`CREATE INDEX ON ${table} (as_of)`);
    await client.query(`ANALYZE ${table}`);
    console.error(
      `loaded ${table} (2 × ${rows} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return table;
  } finally {
    await client.end();
  }
}

/** A shape read from the as-of table of d's rows (`rows` per snapshot) in PostgreSQL. */
async function postgresShape(rows: number): Promise<{ files: string[]; args: string[] }> {
  const table = await postgresTable(rows);
  return {
    files: [],
    args: [
      '--database-url',
      DATABASE_URL,
      '--table',
      table,
      '--as-of-column',
      'as_of',
      '--compute',
      'memory',
    ],
  };
}

interface Shape {
  readonly key: string;
  readonly description: string;
  readonly rows: number;
  /** Inputs (files to size) and the compare arguments. */
  readonly prepare: () => Promise<{ files: string[]; args: string[] }>;
}

const files2 = (pair: [string, string], extra: string[] = []) => ({
  files: pair,
  args: ['--reference', pair[0], '--current', pair[1], ...extra],
});

const SHAPES: Shape[] = [
  {
    key: 'a',
    description: 'StreamFlow, 15 features, `--id-column user_id`',
    rows: ROWS,
    prepare: async () => files2(streamflowPair(ROWS), ['--id-column', 'user_id', '--target', 'churn_label']),
  },
  {
    key: 'b',
    description: 'StreamFlow, id column not excluded',
    rows: ROWS,
    prepare: async () => files2(streamflowPair(ROWS), ['--target', 'churn_label']),
  },
  {
    key: 'c',
    description: '5 low-cardinality columns (ints 0–10, 0–100, bool, 1-decimal float, 5-value string)',
    rows: ROWS,
    prepare: async () => files2(lowCardinalityPair(ROWS, true, false)),
  },
  {
    key: 'd',
    description: '4 low-cardinality columns, no string',
    rows: ROWS,
    prepare: async () => files2(lowCardinalityPair(ROWS, false, false)),
  },
  {
    key: 'e',
    description: 'the rows of d from PostgreSQL, `--compute memory`',
    rows: 4 * ROWS,
    prepare: () => postgresShape(4 * ROWS),
  },
  {
    key: 'e1',
    description: "e at the goal's rows per snapshot",
    rows: ROWS,
    prepare: () => postgresShape(ROWS),
  },
  {
    key: 'f',
    description: 'd plus a unique string id nobody excluded',
    rows: ROWS,
    prepare: async () => files2(lowCardinalityPair(ROWS, false, true)),
  },
  {
    key: 'g',
    description: '400 float columns',
    rows: Math.max(1, Math.round(ROWS / 10)),
    prepare: async () => files2(wideFloatPair(Math.max(1, Math.round(ROWS / 10)), 400)),
  },
  {
    key: 'h',
    description: 'high-cardinality categorical (50k labels) + a float',
    rows: ROWS,
    prepare: async () => files2(highCardinalityPair(ROWS, 50_000)),
  },
  {
    key: 'i',
    description: '12 float columns at full precision (pandas repr)',
    rows: ROWS,
    prepare: async () => files2(fullPrecisionPair(ROWS, 12)),
  },
  {
    key: 'j',
    description: "c with every string quoted (R's write.csv) and a quoted plan name with a comma or quotes",
    rows: ROWS,
    prepare: async () => files2(quotedPair(ROWS)),
  },
  {
    key: 'k',
    description: '20 label columns (3–12 labels each) + a float',
    rows: ROWS,
    prepare: async () => files2(manyLabelsPair(ROWS, 20)),
  },
  {
    key: 'l',
    description: '200 float columns at full precision (a wide table as pandas writes it)',
    rows: Math.max(1, Math.round(ROWS / 10)),
    prepare: async () => files2(fullPrecisionPair(Math.max(1, Math.round(ROWS / 10)), 200)),
  },
];

const selected = ONLY ? SHAPES.filter((shape) => ONLY.includes(shape.key)) : SHAPES;
if (ONLY && selected.length !== ONLY.length)
  throw new Error(
    `--only: unknown shape in ${ONLY.join(',')} (known: ${SHAPES.map((s) => s.key).join(',')})`,
  );

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  throw new Error('build failed');

const cpuModel =
  /model name\s*:\s*(.*)/.exec(
    existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '',
  )?.[1] ??
  cpus()[0]?.model ??
  'unknown';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * How fast the machine is right now: a fixed integer loop (3e8 steps) in a fresh Node, median of 3 runs, in ms. On a
 * virtual machine whose host is shared the same loop's time moves by half from one minute to the next, and every
 * shape's time with it: printed at the start and the end, it tells a table taken on a contended CPU. It does not
 * touch memory, so it misses a host that is slow to back fresh pages (shape d took 0.73 s at 07:18 UTC and 0.97 s
 * at 07:52 on 2026-12-05, with this loop at 555–595 ms both times).
 */
function speedCheck(): number {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const result = spawnSync(
      process.execPath,
      [
        '-e',
        'let t=performance.now(),x=0;for(let i=0;i<3e8;i++)x+=i%7;process.stdout.write(String(performance.now()-t))',
      ],
      { encoding: 'utf8' },
    );
    times.push(Number(result.stdout));
  }
  return Math.round(median(times));
}
const loadStart = load();
const speedStart = speedCheck();
const startedAt = new Date().toISOString();

const lines: string[] = [];
const WALL_GOAL = 1.5;
const RSS_GOAL = 500;
interface Timed {
  readonly shape: (typeof selected)[number];
  readonly files: string[];
  readonly argv: string[];
  readonly walls: number[];
  readonly rss: number[];
  /** CPU seconds (user + system, every thread): steadier than wall time on a shared machine. */
  readonly cpu: number[];
  /** With `--duckdb`, DuckDB's reads of the files, in seconds: types sniffed, and types given. */
  readonly sniffed: number[];
  readonly typed: number[];
  failure: string;
}
const timed: Timed[] = [];
for (const shape of selected) {
  const { files, args } = await shape.prepare();
  const argv = [
    'dist/cli.js',
    'compare',
    ...args,
    '--reference-label',
    'bench-ref',
    '--current-label',
    'bench-cur',
    '--report-dir',
    resolve(`${dir}/reports-matrix`),
    '--format',
    'json,html,md',
  ];
  timed.push({ shape, files, argv, walls: [], rss: [], cpu: [], sniffed: [], typed: [], failure: '' });
}
for (const { argv } of timed)
  for (let run = 0; run < WARMUP; run++) spawnSync(process.execPath, argv, { stdio: 'ignore' });
// Round by round: the k-th run of every shape, then the next. The host's speed drifts over the matrix's minutes, and
// so each shape's runs are spread over all of them, and shapes next to each other (a and b) are compared run by run.
for (let run = 0; run < RUNS; run++) {
  for (const entry of timed) {
    if (entry.failure) continue;
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...entry.argv], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    const wall = (performance.now() - started) / 1000;
    if (result.status !== 0) {
      entry.failure = result.stderr.trim().split('\n').slice(-3).join(' ');
      continue;
    }
    entry.walls.push(wall);
    const [kib, user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    entry.rss.push(kib! / 1024);
    entry.cpu.push(user! + system!);
  }
}
// DuckDB's reads come after every compare run, in rounds of their own, so the compare's table is taken as without
// `--duckdb` (its rounds no longer than usual, no DuckDB process of over a GiB between its runs).
if (DUCKDB)
  for (let run = 0; run < RUNS; run++)
    for (const entry of timed) {
      if (entry.failure || entry.files.length === 0) continue;
      const read = spawnSync(process.execPath, ['--import', 'tsx', 'bench/duckdb-read.ts', ...entry.files], {
        encoding: 'utf8',
      });
      if (read.status !== 0)
        throw new Error(`DuckDB read of ${entry.files.join(', ')}: ${read.stderr.trim()}`);
      const { sniffed, typed } = JSON.parse(read.stdout) as { sniffed: number; typed: number };
      entry.sniffed.push(sniffed / 1000);
      entry.typed.push(typed / 1000);
    }
/** The bytes of a shape's input files. */
const inputBytes = (files: readonly string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0);
for (const { shape, files, walls, rss, cpu, failure } of timed) {
  const size = inputBytes(files);
  const wall = walls.length > 0 ? median(walls) : NaN;
  const peak = rss.length > 0 ? Math.max(...rss) : NaN;
  const ok = wall <= WALL_GOAL && peak <= RSS_GOAL;
  const line =
    `| ${shape.key} | ${shape.description} | ${shape.rows.toLocaleString('en')} | ` +
    (files.length > 0 ? `${(size / 2 ** 20).toFixed(0)}` : '–') +
    ` | ${failure ? 'failed' : wall.toFixed(2)} | ${walls.length > 0 ? `${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)}` : '–'} | ` +
    `${cpu.length > 0 ? median(cpu).toFixed(2) : '–'} | ${Number.isNaN(peak) ? '–' : peak.toFixed(0)} | ${failure ? `✗ ${failure.replace(/\|/g, '\\|')}` : ok ? '✓' : '✗'} |`;
  console.error(line);
  lines.push(line);
}

/** b against a round by round (the unexcluded id against the excluded one), when both ran every round. */
function idCost(): string | undefined {
  const a = timed.find((entry) => entry.shape.key === 'a');
  const b = timed.find((entry) => entry.shape.key === 'b');
  if (!a || !b || a.walls.length !== RUNS || b.walls.length !== RUNS) return undefined;
  const ratios = a.walls.map((wall, run) => b.walls[run]! / wall);
  const percent = (ratio: number) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(0)} %`;
  return (
    `- b against a, round by round (the unexcluded id; goal within +10 %): median ${percent(median(ratios))}, ` +
    `${percent(Math.min(...ratios))} to ${percent(Math.max(...ratios))}`
  );
}
const bAgainstA = idCost();

/** With `--duckdb`: each file shape's compare against DuckDB's reads of the same files, medians of the rounds. */
function duckdbLines(): string[] {
  const rows = timed.filter((entry) => entry.sniffed.length > 0);
  if (rows.length === 0) return [];
  return [
    ``,
    `DuckDB reading the same files (\`SELECT count(*), min(COLUMNS(*)) FROM read_csv(…)\`, two threads, both files, ` +
      `in a fresh process a run, ${RUNS} round${RUNS === 1 ? '' : 's'} after the compare's):`,
    ``,
    `| shape | inputs (MiB) | driftwatch compare, wall median (s) | DuckDB read, types sniffed (s) | DuckDB read, types given (s) |`,
    `| --- | ---: | ---: | ---: | ---: |`,
    ...rows.map(({ shape, files, walls, sniffed, typed }) => {
      return `| ${shape.key} | ${(inputBytes(files) / 2 ** 20).toFixed(0)} | ${median(walls).toFixed(2)} | ${median(sniffed).toFixed(2)} | ${median(typed).toFixed(2)} |`;
    }),
  ];
}
const loadEnd = load();
const speedEnd = speedCheck();
console.log(
  [
    `## compare benchmark matrix`,
    ``,
    `- machine: ${cpus().length} cores, ${cpuModel}`,
    `- Node ${process.version}, ${startedAt}`,
    `- load average (1/5/15 min) at start: ${loadStart}; at end: ${loadEnd}`,
    `- speed check (a fixed 3e8-step integer loop in a fresh Node, median of 3): ${speedStart} ms at start, ${speedEnd} ms at end`,
    `- ${RUNS} timed runs per shape of \`node dist/cli.js compare … --format json,html,md\`, round by round over the shapes, after ${WARMUP} untimed; goal ≤ ${WALL_GOAL} s, ≤ ${RSS_GOAL} MiB`,
    ...(bAgainstA === undefined ? [] : [bAgainstA]),
    ``,
    `| shape | data | rows per snapshot | inputs (MiB) | wall median (s) | wall min–max (s) | CPU median (s) | peak RSS max (MiB) | goal |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
    ...lines,
    ...duckdbLines(),
  ].join('\n'),
);
