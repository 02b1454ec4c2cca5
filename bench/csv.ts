/**
 * CSV reading benchmark: MB/s per thread of `readDelimited` on one thread, over a generated numeric CSV (seeded,
 * cached in bench/out): integer columns, short decimals (prices), full-precision floats written the shortest way
 * that round-trips (as pandas' `to_csv` writes float64), a column with exponents and one with empty cells.
 * Best and median of RUNS runs, by CPU time of the process (the reading thread plus V8's GC helpers; on a shared
 * machine the fairer per-thread figure) and by wall time.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readDelimited } from '../src/snapshot/csv.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = 'bench/out';
mkdirSync(dir, { recursive: true });

/** xorshift32: deterministic uniform numbers in [0, 1). */
function uniforms(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** A numeric CSV of `rows` rows, 16 columns, the same bytes on every machine. */
function generate(rows: number): string {
  const next = uniforms(20260413);
  const normal = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const header = [
    'id',
    'count',
    'age',
    'clicks',
    'price',
    'discount',
    'rating',
    'balance',
    'score',
    'latency',
    'ratio',
    'weight',
    'x1',
    'x2',
    'tiny',
    'sparse',
  ];
  const lines: string[] = [header.join(',')];
  for (let row = 0; row < rows; row++) {
    const cells = [
      String(1_000_000 + row),
      String(Math.floor(next() * 50)),
      String(18 + Math.floor(next() * 60)),
      String(Math.floor(next() * 100_000)),
      (next() * 200).toFixed(2),
      (next() * 0.5).toFixed(3),
      (1 + next() * 4).toFixed(1),
      (normal() * 5000 + 20_000).toFixed(2),
      String(next()),
      String(Math.exp(normal())),
      String(next() / 3),
      String(normal() * 70 + 10),
      String(normal()),
      String(normal() * 1e6),
      String(next() * 1e-7),
      next() < 0.2 ? '' : String(Math.floor(next() * 1000)),
    ];
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

const path = `${dir}/numeric_${ROWS}.csv`;
if (!existsSync(path)) {
  const started = performance.now();
  writeFileSync(path, generate(ROWS));
  console.log(`generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const bytes = statSync(path).size;
const megabytes = bytes / 1e6;
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString()}`,
);
console.log(
  `input: ${path} (${megabytes.toFixed(1)} MB, ${ROWS.toLocaleString('en')} rows × 16 numeric columns)`,
);

// The previous run's table is collected before each run, so a run is not charged for its predecessor's garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const walls: number[] = [];
const cpuTimes: number[] = [];
for (let run = 0; run < RUNS + 1; run++) {
  collect();
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const table = await readDelimited(path, { delimiter: 0x2c });
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  if (table.rows !== ROWS) throw new Error(`read ${table.rows} rows, expected ${ROWS}`);
  if (run === 0) continue; // warm-up: file cache and JIT
  walls.push(wall);
  cpuTimes.push((cpu.user + cpu.system) / 1e6);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (seconds: number) => (megabytes / seconds).toFixed(0);
// CPU time is the per-thread figure: on a shared machine wall time also counts the time other processes ran.
console.log(
  `csv read, 1 thread, ${RUNS} runs: ${rate(Math.min(...cpuTimes))} MB/s per thread by CPU time ` +
    `(best; median ${rate(median(cpuTimes))}), by wall time ${rate(Math.min(...walls))} MB/s best, ` +
    `${rate(median(walls))} median; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
