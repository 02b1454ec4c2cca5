/**
 * The capacity search: the pure state machine, then `driftwatch capacity` against loopback servers — one of known
 * capacity (a single-threaded handler with a fixed 8 ms service time, so 125 requests/s), with client objectives
 * only (no Prometheus). Bounded: 127.0.0.1 only, steps of ≤ 2 s, budgets of ≤ 45 s.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityCommand } from '../../src/cli/commands/capacity.js';
import { compareWithBaseline, type CapacityResult } from '../../src/loadtest/capacity.js';
import { CapacitySearch, maxCapacitySteps } from '../../src/loadtest/capacity-search.js';
import { captureIo } from './helpers/capture.js';
import { useLoopbackServers } from './helpers/loopback-server.js';

describe('CapacitySearch (pure)', () => {
  /** Runs a search against a service that passes exactly the rates ≤ `capacity`. */
  const search = (capacity: number, min = 10, max = 5000, precision = 0.1) => {
    const state = new CapacitySearch(min, max, precision);
    const rates: number[] = [];
    for (let rate = state.next(); rate !== null; rate = state.next()) {
      rates.push(rate);
      state.record(rate, rate <= capacity);
      if (rates.length > 100) throw new Error('search does not end');
    }
    return { state, rates };
  };

  it('ramps geometrically to the first failure, then bisects at geometric means to the precision', () => {
    const { state, rates } = search(125, 20, 1000);
    expect(rates).toEqual([20, 40, 80, 160, 113, 134, 123]);
    expect(state.outcome).toBe('converged');
    expect(state.highestPassing).toBe(123);
    expect(state.lowestFailing).toBe(134);
  });

  it('stops at max when every rate passes, and below min when min fails', () => {
    const all = search(1e9, 10, 100);
    expect(all.rates).toEqual([10, 20, 40, 80, 100]);
    expect(all.state.outcome).toBe('max-reached');
    expect(all.state.highestPassing).toBe(100);
    const none = search(5, 10, 100);
    expect(none.rates).toEqual([10]);
    expect(none.state.outcome).toBe('below-min');
    expect(none.state.highestPassing).toBeNull();
  });

  it('property: ends within its step bound with lo ≤ capacity < hi and hi / lo ≤ 1 + precision', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 1.5, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (capacity, min, span, precision) => {
          const max = min * span;
          const { state, rates } = search(capacity, min, max, precision);
          expect(rates.length).toBeLessThanOrEqual(maxCapacitySteps(min, max, precision));
          if (state.outcome === 'converged') {
            expect(state.highestPassing!).toBeLessThanOrEqual(capacity);
            expect(state.lowestFailing!).toBeGreaterThan(capacity);
            expect(state.lowestFailing! / state.highestPassing!).toBeLessThanOrEqual(1 + precision + 1e-12);
          } else if (state.outcome === 'max-reached') expect(capacity).toBeGreaterThanOrEqual(max);
          else expect(capacity).toBeLessThan(min);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compares with a baseline: drop = 1 − capacity / baseline, passing up to the allowed drop', () => {
    expect(compareWithBaseline(90, 100, 0.2, 'b.json')).toEqual({
      file: 'b.json',
      capacity_rps: 100,
      drop: 0.09999999999999998,
      max_drop: 0.2,
      passed: true,
    });
    expect(compareWithBaseline(80, 100, 0.2, 'b.json').passed).toBe(true);
    expect(compareWithBaseline(79, 100, 0.2, 'b.json').passed).toBe(false);
    expect(compareWithBaseline(150, 100, 0.2, 'b.json').drop).toBeCloseTo(-0.5, 12);
  });
});

const serve = useLoopbackServers();

/**
 * A single-threaded service with a fixed service time: requests are served one at a time in arrival order, each
 * taking `serviceMs`, so the capacity is 1000 / serviceMs requests/s. Completion times are computed from a virtual
 * clock (the previous completion), so a late timer delays a response without lowering the capacity.
 */
function fixedServiceTime(serviceMs: number): Promise<string> {
  let busyUntil = 0;
  return serve((request, response) => {
    request.resume();
    request.on('end', () => {
      const now = performance.now();
      busyUntil = Math.max(now, busyUntil) + serviceMs;
      setTimeout(() => response.end('{"ok":true}'), busyUntil - now);
    });
  });
}

let directory: string;
let sloFile: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'driftwatch-capacity-'));
  sloFile = join(directory, 'slo.yml');
  await writeFile(
    sloFile,
    [
      'objectives:',
      '  - name: client_p50',
      '    source: client',
      '    figure: p50_ms',
      '    max: 100',
      '  - name: client_error_ratio',
      '    source: client',
      '    figure: error_ratio',
      '    max: 0.01',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

async function capacity(args: string[]) {
  const io = captureIo();
  const out = join(directory, `capacity-${Date.now()}-${Math.random()}.json`);
  const code = await capacityCommand.run([...args, '--slo', sloFile, '--quiet', '--out', out], io);
  const result = JSON.parse(await readFile(out, 'utf8')) as CapacityResult;
  return { code, io, result };
}

describe('driftwatch capacity', () => {
  // Latency over 2 s steps: a host that stalls this process for long enough fails a step below capacity, so such a
  // run is tried again.
  it(
    'finds a known capacity (8 ms service time: 125 requests/s) within ±15 %; steps above it fail on latency',
    { retry: 2, timeout: 60_000 },
    async () => {
      const url = await fixedServiceTime(8);
      const { code, io, result } = await capacity([
        '--url',
        url,
        '--min',
        '80',
        '--max',
        '1000',
        '--step-duration',
        '2s',
        '--cool-down',
        '200ms',
        '--budget',
        '45s',
      ]);
      expect(code, `${io.out()}\n${io.err()}`).toBe(0);
      expect(result.outcome).toBe('converged');
      expect(result.capacity_rps).toBeGreaterThanOrEqual(125 * 0.85);
      expect(result.capacity_rps).toBeLessThanOrEqual(125 * 1.15);
      expect(result.lowest_failing_rps! / result.capacity_rps).toBeLessThanOrEqual(1.1);
      expect(result.steps.length).toBeLessThanOrEqual(result.max_steps);
      for (const step of result.steps) {
        if (step.rate > 125 * 1.15) {
          expect(step.passed, `${step.rate}/s`).toBe(false);
          expect(step.failed_objectives.map((objective) => objective.name)).toEqual(['client_p50']);
          expect(step.latency_ms.p50).toBeGreaterThan(100);
        }
        if (step.rate < 125 * 0.85) expect(step.passed, `${step.rate}/s`).toBe(true);
        expect(step.errors).toEqual({});
      }
      // Above 125/s the queue grows for the whole step: at 160/s by 35 requests a second, 8 ms each, so the median
      // request waits about 0.28 × 1 s; below it the median waits for nothing. (The median, unlike p95, is not moved
      // by a few stalls of a busy host.)
      expect(result.steps.slice(0, 2).map((step) => [step.rate, step.phase])).toEqual([
        [80, 'ramp'],
        [160, 'ramp'],
      ]);
      expect(result.steps[1]!.passed).toBe(false);
      expect(result.steps[2]!.phase).toBe('bisect');
      expect(result.p95_objective_ms).toBeNull();
      expect(result.elapsed_seconds).toBeLessThan(45);
      expect(io.out()).toMatch(
        /^step\s+phase\s+rate\/s\s+achieved\/s\s+p50 ms\s+p95 ms\s+p99 ms\s+failed\s+dropped\s+result$/m,
      );
      expect(io.out()).toMatch(/^2\s+ramp\s+160\s.*FAIL client_p50$/m);
      expect(io.out()).toMatch(
        /^capacity \d+ requests\/s: every objective met there, \d+\/s failed \(precision 10 %\)$/m,
      );
      expect(io.err()).toMatch(
        /^step 2 \(ramp\): 160\/s for 2s: p95 [\d.]+ ms, 0 failed, 0 dropped: FAIL \(client_p50\)$/m,
      );
    },
  );

  it('stops at --max, compares with --baseline, and exits 1 when the capacity dropped too much', async () => {
    const url = await serve((request, response) => {
      request.resume();
      request.on('end', () => response.end('ok'));
    });
    const common = [
      '--url',
      url,
      '--min',
      '20',
      '--max',
      '80',
      '--step-duration',
      '500ms',
      '--cool-down',
      '0',
    ];
    const first = await capacity(common);
    expect(first.code).toBe(0);
    expect(first.result.outcome).toBe('max-reached');
    expect(first.result.capacity_rps).toBe(80);
    expect(first.result.steps.map((step) => step.rate)).toEqual([20, 40, 80]);

    const stored = join(directory, 'baseline.json');
    await writeFile(stored, JSON.stringify({ ...first.result, capacity_rps: 90 }));
    const close = await capacity([...common, '--baseline', stored]);
    expect(close.code).toBe(0);
    expect(close.result.baseline).toMatchObject({ capacity_rps: 90, max_drop: 0.2, passed: true });

    await writeFile(stored, JSON.stringify({ capacity_rps: 1000 }));
    const dropped = await capacity([...common, '--baseline', stored, '--max-capacity-drop', '50%']);
    expect(dropped.code).toBe(1);
    expect(dropped.result.baseline).toMatchObject({
      capacity_rps: 1000,
      drop: 0.92,
      max_drop: 0.5,
      passed: false,
    });
    expect(dropped.result.passed).toBe(false);
    expect(dropped.io.out()).toContain('capacity dropped 92 %; at most 50 % allowed: FAILED');
  }, 30_000);

  it('repeats a failed step once when the generator itself ran late (a stalled host)', async () => {
    // The 3rd request stalls this whole process (generator and server alike) for 800 ms, once: most requests of the
    // first step leave late and wait, so its median fails; the repeated step runs normally.
    let requests = 0;
    const url = await serve((request, response) => {
      request.resume();
      request.on('end', () => {
        if (++requests === 3) {
          const until = performance.now() + 800;
          while (performance.now() < until);
        }
        response.end('ok');
      });
    });
    const { code, io, result } = await capacity([
      '--url',
      url,
      '--min',
      '40',
      '--max',
      '60',
      '--step-duration',
      '1s',
      '--cool-down',
      '0',
    ]);
    expect(code, io.err()).toBe(0);
    expect(result.steps.map((step) => [step.rate, step.attempts, step.passed])).toEqual([
      [40, 2, true],
      [60, 1, true],
    ]);
    expect(io.err()).toMatch(
      /^step 1 at 40\/s failed while the generator ran late \(send lag p95 [\d.]+ ms > 20 ms\): repeating it once$/m,
    );
  }, 30_000);

  it('never runs past --budget: a step that cannot finish in time is cut and discarded', async () => {
    // Answers after 4 s: the first 1 s step cannot drain before the 2 s deadline.
    const url = await serve((request, response) => {
      request.resume();
      const timer = setTimeout(() => response.end('late'), 4000);
      response.on('close', () => clearTimeout(timer));
    });
    const started = performance.now();
    const { code, io, result } = await capacity([
      '--url',
      url,
      '--min',
      '10',
      '--max',
      '100',
      '--step-duration',
      '1s',
      '--budget',
      '2s',
    ]);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(3);
    expect(code).toBe(1);
    expect(result).toMatchObject({ outcome: 'budget', capacity_rps: 0, steps: [], passed: false });
    expect(io.err()).toContain(
      'budget: the step at 10/s was cut short by the deadline; its result is discarded',
    );
    expect(io.out()).toContain('no rate passed before the search stopped at its time budget');
  }, 30_000);

  it('stops before a step that the remaining budget cannot hold', async () => {
    const url = await serve((request, response) => {
      request.resume();
      request.on('end', () => response.end('ok'));
    });
    // 1 s steps and 200 ms pauses in 2.9 s: two steps, then 0.5 s left, not enough for a third.
    const { code, io, result } = await capacity([
      '--url',
      url,
      '--min',
      '10',
      '--max',
      '10000',
      '--step-duration',
      '1s',
      '--cool-down',
      '200ms',
      '--budget',
      '2900ms',
    ]);
    expect(code).toBe(0);
    expect(result.outcome).toBe('budget');
    // A host that stalls the second step past the deadline gets it cut instead.
    if (result.steps.length === 2) {
      expect(result.steps.map((step) => step.rate)).toEqual([10, 20]);
      expect(io.err()).toMatch(/budget: \d+s left, not enough for another step/);
    } else {
      expect(result.steps.map((step) => step.rate)).toEqual([10]);
      expect(io.err()).toContain('budget: the step at 20/s was cut short by the deadline');
    }
    expect(result.capacity_rps).toBe(result.steps.at(-1)!.rate);
    // The deadline aborts whatever runs; winding down takes a few milliseconds.
    expect(result.elapsed_seconds).toBeLessThanOrEqual(2.9 + 0.1);
  }, 30_000);

  it.each([
    [['--url', 'http://127.0.0.1:9/'], /^--slo is required/],
    [
      ['--url', 'http://127.0.0.1:9/', '--slo', 'x', '--min', '50', '--max', '50'],
      /--max: 50 must be above --min 50/,
    ],
    [
      ['--url', 'http://127.0.0.1:9/', '--slo', 'x', '--budget', '5s'],
      /--budget: 5s is shorter than one step \(--step-duration 20s\)/,
    ],
    [
      ['--url', 'http://127.0.0.1:9/', '--slo', 'x', '--precision', '0'],
      /--precision: '0' must be above 0 and below 1/,
    ],
    [
      ['--url', 'http://127.0.0.1:9/', '--slo', 'x', '--max-capacity-drop', '0.1'],
      /--max-capacity-drop needs --baseline/,
    ],
    [['--url', 'http://127.0.0.1:9/', '--slo', 'x', '--rate', '5'], /Unknown option '--rate'/],
    [
      ['--url', 'http://127.0.0.1:9/', '--slo', 'x', '--format', 'html'],
      /--format: 'html' is not one of table, json, md/,
    ],
  ])('refuses %j', async (args, message) => {
    await expect(capacityCommand.run(args, captureIo())).rejects.toThrow(message);
  });

  it('refuses a baseline without a capacity, before any load', async () => {
    const stored = join(directory, 'not-capacity.json');
    await writeFile(stored, '{"load": {}}');
    await expect(
      capacityCommand.run(
        ['--url', 'http://127.0.0.1:9/', '--slo', sloFile, '--baseline', stored],
        captureIo(),
      ),
    ).rejects.toThrow(`${stored}: no positive "capacity_rps" (expected a driftwatch capacity result)`);
  });
});
