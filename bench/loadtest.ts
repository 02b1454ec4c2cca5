/**
 * `npm run bench -- loadtest`: the open-model generator against a trivial loopback HTTP server.
 *
 * - The server runs in its own process pinned to CPU 0; the generator (and wrk) run pinned to CPU 1 (`taskset`),
 *   so "one core" means the generator's own core.
 * - Sustained rate: offered rates are stepped up (up to 3 attempts each, the host being shared); a rate is sustained
 *   when an attempt sent every due request (0 dropped),
 *   ≥ 99% of the offered rate came back, and no request failed. The generator's CPU time is reported with it.
 * - Latency next to wrk (Debian `wrk` 4.1, closed loop): wrk with 1 and 10 connections for 10 s, and the
 *   generator at fixed rates for 10 s, all against the same server. wrk measures from its own send time; the
 *   generator measures from each request's intended send time.
 * - Capacity search overhead: `driftwatch capacity` (client objectives only) against the same server, in its own
 *   process on CPU 1; the generator's CPU time over every request it sent in every step (requests per CPU-second),
 *   without and with response checks (`--expect-status 200 --expect-json-schema`).
 *
 * Results go to stdout (a table) and bench/out/loadtest.json. The host is shared, so figures are indicative.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCapacitySearch, type CapacityResult } from '../src/loadtest/capacity.js';
import { runLoad, type LoadResult } from '../src/loadtest/generator.js';
import { parseCapacitySettings } from '../src/loadtest/settings.js';
import { systemClock } from '../src/prometheus/wait.js';

const SELF = fileURLToPath(import.meta.url);

// --- Orchestration -------------------------------------------------------------------------------------------------
interface GeneratorRun {
  readonly result: LoadResult;
  readonly cpuSeconds: number;
}

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', SELF, '--server'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ child, port: Number(chunk.toString().trim()) }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function generator(url: string, rate: number, seconds: number): GeneratorRun {
  const run = spawnSync(
    'taskset',
    ['-c', '1', process.execPath, '--import', 'tsx', SELF, '--generator', url, String(rate), String(seconds)],
    {
      encoding: 'utf8',
      timeout: (seconds + 30) * 1000,
    },
  );
  if (run.status !== 0) throw new Error(`generator failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as GeneratorRun;
}

interface CapacityRun {
  readonly result: CapacityResult;
  readonly cpuSeconds: number;
  readonly sent: number;
}

/** A capacity search in its own process on CPU 1: `checks` adds --expect-status 200 and a JSON Schema. */
function capacitySearch(url: string, checks: boolean): CapacityRun {
  const run = spawnSync(
    'taskset',
    ['-c', '1', process.execPath, '--import', 'tsx', SELF, '--capacity', url, checks ? 'checks' : 'plain'],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`capacity search failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as CapacityRun;
}

interface WrkRun {
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p99: number;
}

function wrk(url: string, connections: number, seconds: number): WrkRun | null {
  const run = spawnSync(
    'taskset',
    ['-c', '1', 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url],
    { encoding: 'utf8' },
  );
  if (run.error || run.status !== 0) return null;
  const toMs = (value: string, unit: string): number =>
    Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? Number.NaN);
  const percentile = (p: string): number => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(run.stdout);
    return match ? toMs(match[1]!, match[2]!) : Number.NaN;
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(run.stdout);
  return {
    connections,
    requestsPerSecond: rps ? Number(rps[1]) : Number.NaN,
    p50: percentile('50'),
    p75: percentile('75'),
    p90: percentile('90'),
    p99: percentile('99'),
  };
}

const f = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : '-');

async function main(): Promise<void> {
  if (spawnSync('taskset', ['-c', '1', 'true']).status !== 0)
    throw new Error('taskset -c 1 failed: this benchmark needs 2 CPUs');
  const { child, port } = await startServer();
  const url = `http://127.0.0.1:${port}/`;
  const report: Record<string, unknown> = { node: process.version, url, loadavgBefore: loadavg() };
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (the host is shared; figures are indicative)`,
  );
  try {
    // Sustained rate
    const steps: Array<{
      rate: number;
      achieved: number;
      dropped: number;
      errors: number;
      p50: number;
      p99: number;
      cpu: number;
      perCpuSecond: number;
      attempt: number;
      lagP99: number;
    }> = [];
    let sustained = 0;
    // Each step gets up to 3 attempts: on a shared host a single stall (visible as send lag) can sink one run.
    for (const rate of [2000, 4000, 6000, 8000, 10_000, 12_000, 14_000, 16_000, 20_000]) {
      let passed = false;
      for (let attempt = 1; attempt <= 3 && !passed; attempt++) {
        const { result, cpuSeconds } = generator(url, rate, 5);
        const errors = Object.values(result.errors).reduce((sum, n) => sum + n, 0);
        passed =
          result.dropped === 0 &&
          errors === 0 &&
          result.responses >= 0.99 * result.scheduled &&
          result.achieved_rate >= 0.99 * rate;
        steps.push({
          rate,
          attempt,
          achieved: result.achieved_rate,
          dropped: result.dropped,
          errors,
          p50: result.latency_ms.p50,
          p99: result.latency_ms.p99,
          lagP99: result.send_lag_ms.p99,
          cpu: cpuSeconds / result.elapsed_seconds,
          perCpuSecond: result.responses / cpuSeconds,
        });
      }
      if (!passed) break;
      sustained = rate;
    }
    report.sustained = { rate: sustained, steps };
    console.log('\n## Sustained rate (generator on CPU 1, trivial server on CPU 0, 5 s per step)\n');
    console.log(
      '| offered/s | attempt | achieved/s | dropped | errors | p50 ms | p99 ms | send lag p99 ms | generator CPU (cores) | requests per CPU-second |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const step of steps)
      console.log(
        `| ${step.rate} | ${step.attempt} | ${f(step.achieved, 0)} | ${step.dropped} | ${step.errors} | ${f(step.p50)} | ${f(step.p99)} | ${f(step.lagP99)} | ${f(step.cpu)} | ${f(step.perCpuSecond, 0)} |`,
      );
    console.log(
      `\nSustained: ${sustained}/s (highest step with an attempt at 0 dropped, 0 errors, ≥ 99% achieved)`,
    );

    // Latency next to wrk
    const wrkRuns = [1, 10].map((connections) => wrk(url, connections, 10));
    const rates = [1000, Math.max(1000, Math.floor((sustained * 0.5) / 1000) * 1000)];
    const ours = [...new Set(rates)].map((rate) => ({ rate, run: generator(url, rate, 10) }));
    report.latency = {
      wrk: wrkRuns,
      generator: ours.map(({ rate, run }) => ({
        rate,
        latency_ms: run.result.latency_ms,
        achieved: run.result.achieved_rate,
      })),
    };
    console.log('\n## Latency against the same server (10 s each, client on CPU 1)\n');
    console.log(
      '| client | model | requests/s | p50 ms | p75 ms | p90 ms | p99 ms | send lag p50 / p99 ms |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const run of wrkRuns)
      if (run)
        console.log(
          `| wrk -t1 -c${run.connections} | closed loop | ${f(run.requestsPerSecond, 0)} | ${f(run.p50, 3)} | ${f(run.p75, 3)} | ${f(run.p90, 3)} | ${f(run.p99, 3)} | n/a |`,
        );
      else console.log('| wrk | not installed (apt-get install wrk) | | | | | |');
    for (const { rate, run } of ours) {
      const latency = run.result.latency_ms;
      console.log(
        `| driftwatch loadtest | open, ${rate}/s | ${f(run.result.achieved_rate, 0)} | ${f(latency.p50, 3)} | ${f(latency.p75, 3)} | ${f(latency.p90, 3)} | ${f(latency.p99, 3)} | ${f(run.result.send_lag_ms.p50, 3)} / ${f(run.result.send_lag_ms.p99, 3)} |`,
      );
    }

    // Capacity search overhead
    const searches = [false, true].map((checks) => ({ checks, run: capacitySearch(url, checks) }));
    report.capacity = searches.map(({ checks, run }) => ({
      checks,
      capacity_rps: run.result.capacity_rps,
      outcome: run.result.outcome,
      steps: run.result.steps.map((step) => ({
        rate: step.rate,
        passed: step.passed,
        p99: step.latency_ms.p99,
        sendLagP95: step.send_lag_p95_ms,
        attempts: step.attempts,
      })),
      sent: run.sent,
      cpuSeconds: run.cpuSeconds,
      perCpuSecond: run.sent / run.cpuSeconds,
    }));
    console.log(
      '\n## Capacity search overhead (generator on CPU 1, same server, 3 s steps, client objectives)\n',
    );
    console.log(
      '| checks | capacity found /s | outcome | steps (rate:pass) | requests sent | generator CPU s | requests per CPU-second |',
    );
    console.log('|---|---:|---|---|---:|---:|---:|');
    for (const { checks, run } of searches)
      console.log(
        `| ${checks ? 'status + JSON Schema on every response' : 'none'} | ${run.result.capacity_rps} | ${run.result.outcome} | ` +
          `${run.result.steps.map((step) => `${step.rate}:${step.passed ? 'ok' : 'FAIL'}${step.attempts > 1 ? '(×2)' : ''}`).join(' ')} | ` +
          `${run.sent} | ${f(run.cpuSeconds)} | ${f(run.sent / run.cpuSeconds, 0)} |`,
      );
  } finally {
    child.kill('SIGTERM');
  }
  report.loadavgAfter = loadavg();
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/loadtest.json', JSON.stringify(report, null, 2) + '\n');
}

// --- Child modes -------------------------------------------------------------------------------------------------
if (process.argv[2] === '--server') {
  const { createServer } = await import('node:http');
  // GET /__count answers how many other requests arrived (the capacity benchmark's denominator).
  let count = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url === '/__count') {
        response.end(String(count));
        return;
      }
      count++;
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 11 });
      response.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
  });
} else if (process.argv[2] === '--generator') {
  const [url, rate, duration] = process.argv.slice(3);
  const before = process.cpuUsage();
  const result = await runLoad({
    url: new URL(url!),
    rate: Number(rate),
    durationSeconds: Number(duration),
    method: 'POST',
    payloads: [Buffer.from('{"user_id":"6011-LWREN"}')],
    maxInFlight: 2048, // generous: a stall of the shared host should not count as the generator's limit
    timeoutMs: 10_000,
  });
  const cpu = process.cpuUsage(before);
  process.stdout.write(JSON.stringify({ result, cpuSeconds: (cpu.user + cpu.system) / 1e6 }) + '\n');
} else if (process.argv[2] === '--capacity') {
  // The search's own overhead: every step's load, gate and bookkeeping, in this process; the server is elsewhere.
  const [url, mode] = process.argv.slice(3);
  const directory = mkdtempSync(join(tmpdir(), 'driftwatch-bench-capacity-'));
  try {
    const slo = join(directory, 'slo.yml');
    writeFileSync(
      slo,
      [
        'objectives:',
        '  - { name: client_p99, source: client, figure: p99_ms, max: 200 }',
        '  - { name: client_dropped, source: client, figure: dropped, max: 0 }',
        '  - { name: client_error_ratio, source: client, figure: error_ratio, max: 0 }',
        '',
      ].join('\n'),
    );
    const schema = join(directory, 'schema.json');
    writeFileSync(
      schema,
      JSON.stringify({ type: 'object', required: ['ok'], properties: { ok: { const: true } } }),
    );
    const settings = parseCapacitySettings(
      {
        url,
        slo,
        min: '500',
        max: '16000',
        stepDuration: '3s',
        coolDown: '1s',
        budget: '150s',
        maxInFlight: '2048',
        ...(mode === 'checks' ? { expectStatus: '200', expectJsonSchema: schema } : {}),
      },
      (field) => field,
    );
    // Every request of every attempt (a repeated step's first attempt included), as counted by the server.
    const served = async (): Promise<number> => Number(await (await fetch(new URL('/__count', url))).text());
    const first = await served();
    const before = process.cpuUsage();
    const result = await runCapacitySearch(settings, { log: () => undefined, clock: systemClock });
    const cpu = process.cpuUsage(before);
    const sent = (await served()) - first;
    process.stdout.write(JSON.stringify({ result, cpuSeconds: (cpu.user + cpu.system) / 1e6, sent }) + '\n');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
} else {
  await main();
}
