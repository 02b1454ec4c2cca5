/**
 * Client objectives (load-test/slo-client.yml) gate a load without Prometheus: three predictor processes started
 * with the CLI's own flags (healthy, --inject-latency-ms 350, --inject-error-rate 0.05) and a short load against
 * each. Bounded: 127.0.0.1 only, 50 requests/s for 2 s per predictor.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadtestCommand } from '../../src/cli/commands/loadtest.js';
import { ExitCode } from '../../src/errors.js';
import { readSloFile } from '../../src/prometheus/slo-file.js';
import { captureIo } from './helpers/capture.js';
import { startPredictor, type RunningPredictor, trainFixtureModel } from './helpers/predictor-process.js';

const SLO_FILE = 'load-test/slo-client.yml';

let directory: string;
const predictors: Record<string, RunningPredictor> = {};

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'driftwatch-client-slo-'));
  const model = await trainFixtureModel(directory);
  await writeFile(
    join(directory, 'payloads.jsonl'),
    ['6011-LWREN', '2732-QWMGW'].map((id) => JSON.stringify({ user_id: id })).join('\n') + '\n',
  );
  const common = ['--model', model, '--features', 'fixtures/streamflow/month_000.csv'];
  [predictors.healthy, predictors.slow, predictors.errors] = await Promise.all([
    startPredictor(common),
    startPredictor([...common, '--inject-latency-ms', '350']),
    startPredictor([...common, '--inject-error-rate', '0.05']),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(predictors).map((predictor) => predictor.stop()));
  if (directory) await rm(directory, { recursive: true, force: true });
});

async function gate(name: string, extra: string[] = []) {
  const io = captureIo();
  const out = join(directory, `${name}.json`);
  const code = await loadtestCommand.run(
    [
      '--url',
      `http://127.0.0.1:${predictors[name]!.port}/predict`,
      '--rate',
      '50',
      '--duration',
      '2',
      '--payloads',
      join(directory, 'payloads.jsonl'),
      '--slo',
      SLO_FILE,
      '--out',
      out,
      '--quiet',
      ...extra,
    ],
    io,
  );
  return { code, io, result: JSON.parse(await readFile(out, 'utf8')) };
}

describe('client objectives without Prometheus', () => {
  it('the shipped slo-client.yml holds the five client objectives', async () => {
    const file = await readSloFile(SLO_FILE);
    expect(file.objectives.map((objective) => [objective.name, objective.source, objective.figure])).toEqual([
      ['client_p95', 'client', 'p95_ms'],
      ['client_p99', 'client', 'p99_ms'],
      ['client_error_ratio', 'client', 'error_ratio'],
      ['client_dropped', 'client', 'dropped'],
      ['client_achieved_ratio', 'client', 'achieved_ratio'],
    ]);
  });

  it('pass for the healthy predictor', async () => {
    const { code, io, result } = await gate('healthy');
    expect(code, io.out()).toBe(ExitCode.Ok);
    expect(result.gate.prometheus).toBeNull();
    expect(result.gate.passed).toBe(true);
    expect(result.gate.objectives.map((objective: { status: string }) => objective.status)).toEqual(
      Array(5).fill('pass'),
    );
    const byName = Object.fromEntries(result.gate.objectives.map((o: { name: string }) => [o.name, o]));
    expect(byName.client_p95.value).toBe(result.load.latency_ms.p95);
    expect(byName.client_error_ratio.value).toBe(0);
    expect(byName.client_achieved_ratio.value).toBe(1);
    expect(io.out()).toMatch(/^objective\s+source\s+value\s+bound\s+pass$/m);
    expect(io.out()).toMatch(/^client_p95\s+client p95_ms\s+[\d.]+\s+≤ 300\s+PASS$/m);
    expect(io.out()).toContain('SLO gate passed');
    expect(io.err()).toBe('evaluating 5 client objectives\n');
  }, 30_000);

  it('fail on client_p95 only when 350 ms are injected', async () => {
    const { code, io, result } = await gate('slow');
    expect(code).toBe(ExitCode.GateFailed);
    expect(result.gate.failed).toEqual(['client_p95']);
    expect(result.load.latency_ms.p95).toBeGreaterThanOrEqual(350);
    expect(io.out()).toMatch(/FAIL client_p95: value [\d.]+ is outside ≤ 300/);
  }, 30_000);

  it('fail on client_error_ratio only when 5 % errors are injected', async () => {
    const { code, result } = await gate('errors');
    expect(code).toBe(ExitCode.GateFailed);
    expect(result.gate.failed).toEqual(['client_error_ratio']);
    expect(result.load.status_counts['500']).toBe(5); // 5 % of 100, spread evenly
    expect(result.load.failed).toBe(5);
    const errorRatio = result.gate.objectives.find((o: { name: string }) => o.name === 'client_error_ratio');
    expect(errorRatio.value).toBe(0.05);
  }, 30_000);

  it('with --expect-status 200, the injected 500s also count as error check_status', async () => {
    const { result } = await gate('errors', ['--expect-status', '200']);
    expect(result.load.errors).toEqual({ check_status: 5 });
    expect(result.load.failed).toBe(5);
  }, 30_000);

  it('refuses an SLO file with a Prometheus objective when no Prometheus is given, before any load', async () => {
    const io = captureIo();
    await expect(
      loadtestCommand.run(
        [
          '--url',
          `http://127.0.0.1:${predictors.healthy!.port}/predict`,
          '--rate',
          '50',
          '--duration',
          '2',
          '--slo',
          'load-test/slo.yml',
        ],
        io,
      ),
    ).rejects.toThrow(
      /^load-test\/slo\.yml:\d+: objective 'target_up' queries Prometheus, but no Prometheus URL was given/,
    );
    expect(io.err()).toBe('');
  });
});
