/**
 * The bundles, built here with the options of scripts/build.mjs: the companion action (load-test/dist/index.js,
 * run as GitHub runs it: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) against a predictor and a
 * real Prometheus on loopback, and `dist/cli.js` running train, predictor-free loadtest and slo. Bounded load:
 * 127.0.0.1 only, 30 requests/s for 6 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPredictor, type PredictorServer } from '../../src/predictor/server.js';
import { DEFAULT_TRAIN_OPTIONS, trainChurnModel } from '../../src/predictor/train.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import {
  shouldRun,
  startPrometheus,
  type RunningPrometheus,
} from '../prometheus/helpers/prometheus-process.js';

const BANNER =
  "import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);";

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    external: ['pg-native', 'cloudflare:sockets'],
    banner: { js: BANNER },
    loader: { '.mustache': 'text' },
  });
}

/** Parses a GITHUB_OUTPUT file written by @actions/core (`name<<delimiter` blocks). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

describe.runIf(shouldRun('prometheus'))('the bundled companion action', () => {
  let directory: string;
  let predictor: PredictorServer | undefined;
  let prometheus: RunningPrometheus | undefined;
  let port: number;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'driftwatch-action-'));
    await mkdir(join(directory, 'load-test', 'dist'), { recursive: true });
    await bundle('src/action/load-test-main.ts', join(directory, 'load-test', 'dist', 'index.js'));
    await copyFile('load-test/slo.yml', join(directory, 'load-test', 'slo.yml'));
    const table = await readSnapshot('fixtures/streamflow/month_000.csv');
    const { model } = trainChurnModel(table, {
      ...DEFAULT_TRAIN_OPTIONS,
      target: 'churn_label',
      idColumn: 'user_id',
    });
    predictor = createPredictor({
      model,
      features: null,
      idColumn: 'user_id',
      latencyObjectiveSeconds: 0.3,
      injectLatencyMs: 0,
      injectErrorRate: 0,
      log: () => undefined,
    });
    port = await predictor.listen(0, '127.0.0.1');
    prometheus = await startPrometheus([{ job: 'api', targets: [`127.0.0.1:${port}`] }]);
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
    await predictor?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const runAction = async (inputs: Record<string, string>) => {
    const output = join(directory, `output-${Object.keys(inputs).length}-${Date.now()}`);
    const summary = join(directory, `summary-${Date.now()}.md`);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    for (const file of [output, summary]) await writeFile(file, '');
    // Asynchronous on purpose: the predictor lives in this process and must keep answering while the action runs.
    const child = spawn(process.execPath, [join(directory, 'load-test', 'dist', 'index.js')], {
      cwd: directory,
      env,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    clearTimeout(timer);
    return { status, stdout, outputFile: output, summaryFile: summary };
  };

  it('runs the load and the gate with the bundled slo.yml, sets the outputs and the job summary', async () => {
    const run = await runAction({
      url: `http://127.0.0.1:${port}/predict`,
      rate: '30',
      duration: '6',
      payloads: '',
      method: 'POST',
      'prometheus-url': prometheus!.url,
      'result-file': 'results/load.json',
      vars: '',
    });
    expect(run.stdout).not.toContain('::error::');
    expect(run.status).toBe(0);
    const outputs = parseOutputs(await readFile(run.outputFile, 'utf8'));
    expect(outputs).toMatchObject({
      passed: 'true',
      'result-file': 'results/load.json',
      dropped: '0',
      'failed-objectives': '',
    });
    expect(Number(outputs['achieved-rate'])).toBeGreaterThan(25);
    const result = JSON.parse(await readFile(join(directory, 'results/load.json'), 'utf8'));
    // No payloads: POST without a body, which the predictor answers 400 — counted, and not 5xx, so the gate passes.
    expect(result.load.status_counts).toEqual({ '400': 180 });
    expect(result.gate.objectives.map((o: { name: string }) => o.name)).toContain('share_under_300ms');
    const summary = await readFile(run.summaryFile, 'utf8');
    expect(summary).toContain('## SLO gate: passed');
    expect(summary).toMatch(/\| error_ratio \| 0 \| ≤ 0\.01 \| ✅ \|/);
  }, 60_000);

  it('fails the step naming the failed objective', async () => {
    const run = await runAction({
      url: `http://127.0.0.1:${port}/predict`,
      rate: '30',
      duration: '6',
      method: 'POST',
      'prometheus-url': prometheus!.url,
      // The healthy service cannot reach twice its offered rate.
      vars: 'offered_rate=60',
      'result-file': 'fail.json',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::SLO gate failed: request_rate_vs_offered');
    expect(parseOutputs(await readFile(run.outputFile, 'utf8'))).toMatchObject({
      passed: 'false',
      'failed-objectives': 'request_rate_vs_offered',
    });
  }, 60_000);

  it('mode capacity: searches with client objectives only, sets capacity-rps, writes the HTML and the summary', async () => {
    await copyFile('load-test/slo-client.yml', join(directory, 'slo-client.yml'));
    const run = await runAction({
      mode: 'capacity',
      url: `http://127.0.0.1:${port}/health`,
      'slo-file': 'slo-client.yml',
      min: '20',
      max: '40',
      'step-duration': '1s',
      'cool-down': '0',
      budget: '30s',
      'expect-status': '200',
      'html-file': 'capacity.html',
      'result-file': 'capacity.json',
    });
    expect(run.status, run.stdout).toBe(0);
    const outputs = parseOutputs(await readFile(run.outputFile, 'utf8'));
    expect(outputs).toMatchObject({ passed: 'true', 'capacity-rps': '40', 'result-file': 'capacity.json' });
    const result = JSON.parse(await readFile(join(directory, 'capacity.json'), 'utf8'));
    expect(result).toMatchObject({ capacity_rps: 40, outcome: 'max-reached', prometheus: null });
    expect(result.steps.map((step: { rate: number }) => step.rate)).toEqual([20, 40]);
    expect(await readFile(join(directory, 'capacity.html'), 'utf8')).toContain('<svg');
    const summary = await readFile(run.summaryFile, 'utf8');
    expect(summary).toContain('## Capacity: 40 requests/s ✅');
    expect(summary).toContain('```mermaid');
  }, 60_000);

  it('mode load with stages: per-stage rows in the summary', async () => {
    const run = await runAction({
      url: `http://127.0.0.1:${port}/health`,
      stages: '1s:20,1s:20',
      'result-file': 'stages.json',
    });
    expect(run.status, run.stdout).toBe(0);
    const result = JSON.parse(await readFile(join(directory, 'stages.json'), 'utf8'));
    expect(result.load.stages.map((stage: { scheduled: number }) => stage.scheduled)).toEqual([10, 20]);
    const summary = await readFile(run.summaryFile, 'utf8');
    expect(summary).toMatch(/^\| 2 \| 20 → 20 \| 1–2 \| 20\.0 \| [\d.]+ \| 20 \| 0 \| 0 \| [\d.]+ \|$/m);
  }, 60_000);

  it.each([
    [
      { mode: 'capacity', rate: '5', 'slo-file': 'x.yml' },
      "::error::input 'rate' does not apply to a capacity search (it chooses the rates)",
    ],
    [
      { min: '5', rate: '5', duration: '1' },
      "::error::input 'min' does not apply to a load test (it is a capacity search setting)",
    ],
    [{ mode: 'soak' }, "::error::input 'mode': 'soak' is not one of load, capacity"],
  ])('refuses inputs of the other mode: %j', async (inputs, message) => {
    const run = await runAction({ url: `http://127.0.0.1:${port}/predict`, ...inputs });
    expect(run.status).toBe(1);
    expect(run.stdout.trim()).toBe(message);
  });

  it('fails the step with a one-line message naming the input', async () => {
    const run = await runAction({ url: `http://127.0.0.1:${port}/predict`, rate: 'fast', duration: '6' });
    expect(run.status).toBe(1);
    expect(run.stdout.trim()).toBe("::error::input 'rate': 'fast' is not a number");
  });
});

describe('the bundled CLI (dist/cli.js)', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'driftwatch-cli-bundle-'));
    await bundle('src/cli/main.ts', join(directory, 'cli.js'));
  }, 60_000);
  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(directory, 'cli.js'), ...args], { encoding: 'utf8', timeout: 30_000 });

  it('trains the same model as the source', async () => {
    const run = cli([
      'train',
      '--snapshot',
      'fixtures/streamflow/month_000.csv',
      '--target',
      'churn_label',
      '--out',
      join(directory, 'model.json'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const table = await readSnapshot('fixtures/streamflow/month_000.csv');
    const { model } = trainChurnModel(table, {
      ...DEFAULT_TRAIN_OPTIONS,
      target: 'churn_label',
      idColumn: 'user_id',
    });
    expect(await readFile(join(directory, 'model.json'), 'utf8')).toBe(JSON.stringify(model, null, 2) + '\n');
  });

  it('runs loadtest and checks SLO files (PromQL parser bundled)', () => {
    const help = cli(['loadtest', '--help']);
    expect(help.stdout).toMatch(/^Usage: driftwatch loadtest/);
    const broken = cli([
      'slo',
      '--prometheus',
      'http://127.0.0.1:9',
      '--file',
      'load-test/slo.yml',
      '--var',
      'offered_rate=(',
    ]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(
      /load-test\/slo\.yml:\d+: objective 'request_rate_vs_offered': PromQL syntax error/,
    );
    const refused = cli([
      'loadtest',
      '--url',
      'http://127.0.0.1:9/',
      '--rate',
      '10',
      '--duration',
      '0.3',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(refused.status).toBe(0);
    expect(JSON.parse(refused.stdout).load).toMatchObject({
      sent: 3,
      responses: 0,
      errors: { ECONNREFUSED: 3 },
    });
  });
});
