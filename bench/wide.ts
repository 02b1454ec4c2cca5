/**
 * Wide snapshots under a memory limit: 50,000 rows × 2,000 float columns per snapshot (0.8 GB of values each), as
 * CSV and as Parquet, generated once from a seed (cached in bench/out). Times the bundled CLI comparing them read at
 * once (a limit far above what they need) and with `--memory-limit 512MiB` (goal: peak RSS ≤ 640 MiB, the same
 * report). Wall time and peak RSS come from GNU time around the real process.
 *
 * `BENCH_WIDE_ROWS`, `BENCH_WIDE_COLUMNS` and `BENCH_WIDE_LIMIT` change the shape and the limit;
 * `BENCH_WIDE_FORMATS=csv` runs one format.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parquetWriteFile } from 'hyparquet-writer';
import { mulberry32 as random } from '../scripts/streamflow-generator.js';

const ROWS = Number(process.env.BENCH_WIDE_ROWS ?? 50_000);
const COLUMNS = Number(process.env.BENCH_WIDE_COLUMNS ?? 2_000);
const LIMIT = process.env.BENCH_WIDE_LIMIT ?? '512MiB';
const FORMATS = (process.env.BENCH_WIDE_FORMATS ?? 'csv,parquet').split(',');
const dir = 'bench/out';
mkdirSync(dir, { recursive: true });

/**
 * Row `r`'s values of one snapshot: uniform(-1, 1) sums (roughly normal) at 4 decimals; in the current snapshot
 * every tenth column is shifted by 0.1, so a tenth of the columns drift.
 */
function rowValues(next: () => number, shifted: boolean): Float64Array {
  const values = new Float64Array(COLUMNS);
  for (let c = 0; c < COLUMNS; c++) {
    const value = next() + next() + next() - 1.5 + (shifted && c % 10 === 0 ? 0.1 : 0);
    values[c] = Math.round(value * 10_000) / 10_000;
  }
  return values;
}

const names = Array.from({ length: COLUMNS }, (_, c) => `f${String(c).padStart(4, '0')}`);

async function writeCsv(path: string, seed: number, shifted: boolean): Promise<void> {
  const next = random(seed);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((done) => out.once('drain', () => done()));
  await write(names.join(',') + '\n');
  let block = '';
  for (let r = 0; r < ROWS; r++) {
    block += Array.from(rowValues(next, shifted)).join(',') + '\n';
    if (block.length > 1 << 22) {
      await write(block);
      block = '';
    }
  }
  await write(block);
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  renameSync(partial, path);
}

function writeParquet(path: string, seed: number, shifted: boolean): void {
  const next = random(seed);
  const columns = names.map(() => new Float64Array(ROWS));
  for (let r = 0; r < ROWS; r++) {
    const values = rowValues(next, shifted);
    for (let c = 0; c < COLUMNS; c++) columns[c]![r] = values[c]!;
  }
  const partial = `${path}.partial`;
  parquetWriteFile({
    filename: partial,
    rowGroupSize: 10_000,
    columnData: names.map((name, c) => ({ name, data: columns[c]!, type: 'DOUBLE' as const })),
  });
  renameSync(partial, path);
}

async function inputs(format: string): Promise<[string, string]> {
  const paths: [string, string] = [
    `${dir}/wide_reference_${ROWS}x${COLUMNS}.${format}`,
    `${dir}/wide_current_${ROWS}x${COLUMNS}.${format}`,
  ];
  for (const [side, path] of paths.entries()) {
    if (existsSync(path)) continue;
    const started = performance.now();
    if (format === 'csv') await writeCsv(path, 11 + side, side === 1);
    else writeParquet(path, 11 + side, side === 1);
    console.log(`generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(
    `inputs: ${paths.map((p) => `${p} (${(statSync(p).size / 2 ** 20).toFixed(0)} MiB)`).join(', ')}`,
  );
  return paths;
}

// The bundle is built apart from dist/ (which only a release rebuilds).
const bundle = `${dir}/wide-dist`;
const built = spawnSync(process.execPath, ['scripts/build.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, DRIFTWATCH_BUILD_OUT: bundle },
});
if (built.status !== 0) throw new Error('build failed');

/** One run: wall seconds, peak RSS in MiB (GNU time), the report's JSON without its paths. */
function run(paths: [string, string], limit: string, reportDir: string) {
  const args = [
    `${bundle}/cli.js`,
    'compare',
    '--reference',
    paths[0],
    '--current',
    paths[1],
    '--reference-label',
    'ref',
    '--current-label',
    'cur',
    '--memory-limit',
    limit,
    '--report-dir',
    reportDir,
    '--format',
    'json',
  ];
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`compare failed: ${result.stderr}`);
  const rss = Number(result.stderr.trim().split('\n').at(-1)!.split(' ')[1]) / 1024;
  const report = readFileSync(`${reportDir}/drift_ref_vs_cur.json`, 'utf8');
  return { wall, rss, report, load };
}

if (!existsSync('/usr/bin/time')) throw new Error('the wide benchmark needs GNU time (/usr/bin/time)');
for (const format of FORMATS) {
  const paths = await inputs(format);
  // BENCH_WIDE_REUSE=1 keeps the read-at-once figures of an earlier run (its report is compared all the same).
  const wholeDir = `${dir}/wide-reports/${format}-whole`;
  const whole =
    process.env.BENCH_WIDE_REUSE === '1' && existsSync(`${wholeDir}/drift_ref_vs_cur.json`)
      ? {
          wall: Number.NaN,
          rss: Number.NaN,
          load: 'reused',
          report: readFileSync(`${wholeDir}/drift_ref_vs_cur.json`, 'utf8'),
        }
      : run(paths, '64GiB', wholeDir);
  console.log(
    `${format} ${ROWS.toLocaleString('en')} × ${COLUMNS.toLocaleString('en')} read at once: wall ${whole.wall.toFixed(1)} s, peak RSS ${whole.rss.toFixed(0)} MiB (load average ${whole.load})`,
  );
  const limited = run(paths, LIMIT, `${dir}/wide-reports/${format}-limited`);
  console.log(
    `${format} ${ROWS.toLocaleString('en')} × ${COLUMNS.toLocaleString('en')} --memory-limit ${LIMIT}: wall ${limited.wall.toFixed(1)} s, peak RSS ${limited.rss.toFixed(0)} MiB (load average ${limited.load}); ` +
      `same report: ${limited.report === whole.report ? 'yes' : 'NO'}`,
  );
  if (limited.report !== whole.report) process.exitCode = 1;
}
