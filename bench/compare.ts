/**
 * End-to-end `compare` benchmark (issue: ≤ 1.5 s wall, ≤ 500 MiB peak RSS on 2 cores): generates two 1M-row
 * StreamFlow snapshots once (cached in bench/out), then times the bundled CLI reading both CSVs, testing every column
 * and writing every report format. Wall time and peak RSS come from GNU time around the real process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { STREAMFLOW_MONTHS, generateMonthCsv } from '../scripts/streamflow-generator.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = 'bench/out';
mkdirSync(dir, { recursive: true });

const files = STREAMFLOW_MONTHS.slice(0, 2).map((month) => {
  const path = `${dir}/${month.file.replace('.csv', '')}_${ROWS}.csv`;
  if (!existsSync(path)) {
    const started = performance.now();
    writeFileSync(path, generateMonthCsv(month, ROWS));
    console.log(`generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return path;
});
console.log(
  `inputs: ${files.map((f) => `${f} (${(statSync(f).size / 2 ** 20).toFixed(0)} MiB)`).join(', ')}`,
);

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  throw new Error('build failed');

const args = [
  'dist/cli.js',
  'compare',
  '--reference',
  files[0]!,
  '--current',
  files[1]!,
  '--reference-label',
  'bench-ref',
  '--current-label',
  'bench-cur',
  '--id-column',
  'user_id',
  '--target',
  'churn_label',
  '--report-dir',
  `${dir}/reports`,
  '--format',
  'json,html,md',
];
const hasGnuTime = existsSync('/usr/bin/time');
const walls: number[] = [];
const rss: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const result = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`compare failed: ${result.stderr}`);
  walls.push(wall);
  if (hasGnuTime) rss.push(Number(result.stderr.trim().split('\n').at(-1)!.split(' ')[1]) / 1024);
  if (run === 0) console.log(result.stdout.trim());
}
walls.sort((a, b) => a - b);
console.log(
  `compare ${ROWS.toLocaleString('en')} rows × 2 snapshots, ${RUNS} runs: wall median ${walls[Math.floor(RUNS / 2)]!.toFixed(2)} s ` +
    `(min ${walls[0]!.toFixed(2)}, max ${walls.at(-1)!.toFixed(2)})` +
    (hasGnuTime ? `, peak RSS max ${Math.max(...rss).toFixed(0)} MiB` : ' (peak RSS needs /usr/bin/time)'),
);
