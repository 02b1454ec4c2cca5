/**
 * End to end with the real parts: the model is trained on the StreamFlow fixture, three predictors run as their own
 * processes (healthy, +350 ms latency, 5% errors), a real Prometheus 2.42 scrapes them every second on loopback,
 * and `driftwatch loadtest --prometheus --slo load-test/slo.yml` runs a short open-model load against each.
 * Bounded: 127.0.0.1 only, 50 requests/s for 8 s per predictor.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityCommand } from '../../src/cli/commands/capacity.js';
import { loadtestCommand } from '../../src/cli/commands/loadtest.js';
import { ExitCode } from '../../src/errors.js';
import {
  startPrometheus,
  shouldRun,
  type RunningPrometheus,
} from '../prometheus/helpers/prometheus-process.js';
import { captureIo } from './helpers/capture.js';
import { startPredictor, type RunningPredictor, trainFixtureModel } from './helpers/predictor-process.js';

const SLO_FILE = join(process.cwd(), 'load-test/slo.yml');

describe.runIf(shouldRun('prometheus'))('loadtest + SLO gate against a real Prometheus', () => {
  let directory: string;
  let prometheus: RunningPrometheus | undefined;
  const predictors: Record<string, RunningPredictor> = {};

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'driftwatch-e2e-'));
    const model = await trainFixtureModel(directory);
    const csv = await readFile('fixtures/streamflow/month_002.csv', 'utf8');
    const ids = csv
      .split('\n')
      .slice(1, 501)
      .map((line) => line.split(',')[0]);
    await writeFile(
      join(directory, 'payloads.jsonl'),
      ids.map((id) => JSON.stringify({ user_id: id })).join('\n') + '\n',
    );

    const common = ['--model', model, '--features', 'fixtures/streamflow/month_002.csv'];
    const started = await Promise.all([
      startPredictor(common),
      startPredictor([...common, '--inject-latency-ms', '350']),
      startPredictor([...common, '--inject-error-rate', '0.05']),
      startPredictor(common),
    ]);
    [predictors.healthy, predictors.slow, predictors.errors, predictors.crash] = started;
    prometheus = await startPrometheus(
      Object.entries(predictors).map(([name, predictor]) => ({
        job: `api_${name}`,
        targets: [`127.0.0.1:${predictor.port}`],
      })),
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all(Object.values(predictors).map((predictor) => predictor.stop()));
    await prometheus?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const gate = async (name: string, extra: string[] = []) => {
    const io = captureIo();
    const out = join(directory, `${name}.json`);
    const code = await loadtestCommand.run(
      [
        '--url',
        `http://127.0.0.1:${predictors[name]!.port}/predict`,
        '--rate',
        '50',
        '--duration',
        '8',
        '--payloads',
        join(directory, 'payloads.jsonl'),
        '--max-in-flight',
        '64',
        '--prometheus',
        prometheus!.url,
        '--slo',
        SLO_FILE,
        '--job',
        `api_${name}`,
        '--wait-timeout',
        '30s',
        '--out',
        out,
        ...extra,
      ],
      io,
    );
    const result = JSON.parse(await readFile(out, 'utf8'));
    return { code, io, result };
  };

  it('passes for the healthy predictor', async () => {
    const { code, io, result } = await gate('healthy');
    expect(io.out()).toContain('SLO gate passed');
    // Progress on stderr (not a terminal: one line every 5 s), and the gate's steps.
    expect(io.err()).toMatch(
      /^load \d\/8s {2}sent \d+ {2}responses \d+ {2}in-flight \d+ {2}dropped 0 {2}errors 0 {2}p95 [\d.]+ ms$/m,
    );
    expect(io.err()).toMatch(/job="api_healthy" is up \(scrape interval 1s\)/);
    expect(io.err()).toMatch(/evaluating 6 objectives at .* over window 7s/);
    expect(code).toBe(ExitCode.Ok);
    expect(result.passed).toBe(true);
    expect(result.load.sent).toBe(400);
    expect(result.load.dropped).toBe(0);
    expect(result.load.status_counts).toEqual({ '200': 400 });
    const byName = Object.fromEntries(result.gate.objectives.map((o: { name: string }) => [o.name, o]));
    expect(byName.target_up.value).toBe(1);
    expect(byName.no_restart.value).toBe(0);
    expect(byName.request_rate_vs_offered.value).toBeGreaterThanOrEqual(0.95);
    expect(byName.request_rate_vs_offered.value).toBeLessThanOrEqual(1.05);
    expect(byName.error_ratio.value).toBe(0);
    expect(byName.share_under_300ms.value).toBe(1);
    expect(byName.p95_latency_seconds.status).toBe('info');
    expect(result.gate.variables.window).toBe('7s');
    // slo.yml marks p95_latency_seconds as the server's p95: the run reports it next to the client's.
    expect(result.latency_gap).toEqual([
      {
        quantile: 0.95,
        objective: 'p95_latency_seconds',
        client_ms: result.load.latency_ms.p95,
        server_ms: byName.p95_latency_seconds.value * 1000,
        gap_ms: result.load.latency_ms.p95 - byName.p95_latency_seconds.value * 1000,
        send_lag_ms: result.load.send_lag_ms.p95,
        note: expect.toBeOneOf([null, expect.stringMatching(/^client p95 is [\d.]+ ms above the server's/)]),
      },
    ]);
    expect(io.out()).toMatch(
      /^latency p95: client [\d.]+ ms, server [\d.]+ ms \(p95_latency_seconds\), gap -?[\d.]+ ms$/m,
    );
  }, 60_000);

  it('searches capacity with Prometheus objectives, each step raised to 5 scrape intervals', async () => {
    const io = captureIo();
    const out = join(directory, 'capacity.json');
    const code = await capacityCommand.run(
      [
        '--url',
        `http://127.0.0.1:${predictors.healthy!.port}/predict`,
        '--payloads',
        join(directory, 'payloads.jsonl'),
        '--slo',
        SLO_FILE,
        '--prometheus',
        prometheus!.url,
        '--job',
        'api_healthy',
        '--min',
        '20',
        '--max',
        '40',
        '--step-duration',
        '2s',
        '--cool-down',
        '0',
        '--budget',
        '60s',
        '--quiet',
        '--out',
        out,
      ],
      io,
    );
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(code, io.err()).toBe(ExitCode.Ok);
    expect(io.err()).toContain(
      'step duration raised from 2s to 5s: 5 scrape intervals of job="api_healthy", so rate() has 4 scrapes inside each step\'s window',
    );
    expect(result).toMatchObject({ outcome: 'max-reached', capacity_rps: 40, step_duration_seconds: 5 });
    expect(result.prometheus).toBe(prometheus!.url);
    for (const step of result.steps) {
      const rate = step.objectives.find((o: { name: string }) => o.name === 'request_rate_vs_offered');
      expect(rate.source).toBe('prometheus');
      expect(rate.value).toBeGreaterThanOrEqual(0.95); // against each step's own rate
      expect(step.latency_gap).toHaveLength(1);
    }
  }, 90_000);

  it('fails on the latency objective, naming it, when 350 ms are injected; client objectives in the same file too', async () => {
    // The shipped slo.yml plus a client objective: one file, both sources.
    const mixed = join(directory, 'mixed.yml');
    await writeFile(
      mixed,
      (await readFile(SLO_FILE, 'utf8')) +
        ['  - name: client_p95', '    source: client', '    figure: p95_ms', '    max: 300', ''].join('\n'),
    );
    const { code, io, result } = await gate('slow', ['--slo', mixed]);
    expect(code).toBe(ExitCode.GateFailed);
    expect(result.gate.failed).toEqual(['share_under_300ms', 'client_p95']);
    expect(io.out()).toMatch(/FAIL share_under_300ms: value 0 is outside ≥ 0.95/);
    expect(io.out()).toMatch(/^share_under_300ms\s+prometheus\s+0\s+≥ 0\.95\s+FAIL$/m);
    expect(io.out()).toMatch(/^client_p95\s+client p95_ms\s+[\d.]+\s+≤ 300\s+FAIL$/m);
    expect(io.out()).toContain('SLO gate FAILED');
    // Client-side latency from the intended send time sees the injected delay too.
    expect(result.load.latency_ms.p50).toBeGreaterThanOrEqual(350);
    // The delay is inside the handler, so the server's p95 sees it as well: no large gap.
    expect(result.latency_gap).toHaveLength(1);
    expect(result.latency_gap[0].server_ms).toBeGreaterThan(300);
    expect(result.latency_gap[0].note).toBeNull();
  }, 60_000);

  it('fails on the error ratio, naming it, when 5% errors are injected', async () => {
    const { code, io, result } = await gate('errors');
    expect(code).toBe(ExitCode.GateFailed);
    expect(result.gate.failed).toEqual(['error_ratio']);
    expect(io.out()).toMatch(/FAIL error_ratio: value 0\.0\d+ is outside ≤ 0.01/);
    expect(result.load.status_counts['500']).toBe(20); // 5% of 400, spread evenly
    const errorRatio = result.gate.objectives.find((o: { name: string }) => o.name === 'error_ratio');
    expect(errorRatio.value).toBeGreaterThan(0.04);
    expect(errorRatio.value).toBeLessThan(0.06);
  }, 60_000);

  it('fails on target_up (exit 1, not a timeout) when the service dies during the load', async () => {
    const kill = setTimeout(() => void predictors.crash!.stop(), 3000);
    try {
      const { code, io, result } = await gate('crash');
      expect(code).toBe(ExitCode.GateFailed);
      expect(result.gate.failed).toEqual(expect.arrayContaining(['target_up', 'request_rate_vs_offered']));
      expect(result.load.errors.ECONNREFUSED).toBeGreaterThan(0);
      expect(io.err()).toMatch(
        /warning: http:\/\/127\.0\.0\.1:\d+\/metrics was down at its first scrape after the load/,
      );
    } finally {
      clearTimeout(kill);
    }
  }, 60_000);

  it('refuses a load shorter than 5 scrape intervals', async () => {
    await expect(
      loadtestCommand.run(
        [
          '--url',
          `http://127.0.0.1:${predictors.healthy!.port}/predict`,
          '--rate',
          '10',
          '--duration',
          '3',
          '--prometheus',
          prometheus!.url,
          '--slo',
          SLO_FILE,
          '--job',
          'api_healthy',
        ],
        captureIo(),
      ),
    ).rejects.toThrow(
      '--duration: 3s is shorter than 5 scrape intervals of job="api_healthy" (5s); rate() needs at least 4 scrapes inside the load',
    );
  }, 30_000);

  it('refuses a PromQL syntax error before sending any load', async () => {
    const broken = join(directory, 'broken.yml');
    await writeFile(
      broken,
      'objectives:\n  - name: bad\n    query: sum(rate(api_requests_total[${window}])\n    min: 1\n',
    );
    const io = captureIo();
    await expect(
      loadtestCommand.run(
        [
          '--url',
          `http://127.0.0.1:${predictors.healthy!.port}/predict`,
          '--rate',
          '50',
          '--duration',
          '8',
          '--prometheus',
          prometheus!.url,
          '--slo',
          broken,
          '--job',
          'api_healthy',
        ],
        io,
      ),
    ).rejects.toThrow(/broken\.yml:2: objective 'bad': PromQL syntax error at 1:\d+/);
    expect(io.err()).not.toContain('load finished');
  });
});
