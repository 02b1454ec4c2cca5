/**
 * The load-test walkthrough's own commands: `driftwatch payloads` (request bodies from a snapshot) and `driftwatch
 * stack` (the predictor and Debian's Prometheus on loopback, as its own process). Bounded: 127.0.0.1 only, free
 * ports, no load (the README's walkthrough, run by test/readme, sends one through the stack).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadsCommand } from '../../src/cli/commands/payloads.js';
import { stackCommand } from '../../src/cli/commands/stack.js';
import { ExitCode } from '../../src/errors.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { freePort, shouldRun } from '../prometheus/helpers/prometheus-process.js';
import { captureIo } from './helpers/capture.js';
import { trainFixtureModel } from './helpers/predictor-process.js';

const COMMAND_MAIN = fileURLToPath(new URL('./helpers/command-main.ts', import.meta.url));

let directory: string;
let model: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'driftwatch-walkthrough-'));
  model = await trainFixtureModel(directory);
});
afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('driftwatch payloads', () => {
  it('writes one {"user_id"} body per row, the README’s ids among them', async () => {
    const out = join(directory, 'payloads.jsonl');
    const io = captureIo();
    expect(
      await payloadsCommand.run(
        ['--snapshot', 'fixtures/streamflow/month_002.csv', '--limit', '1000', '--out', out],
        io,
      ),
    ).toBe(ExitCode.Ok);
    expect(io.err()).toBe(`wrote 1000 payloads to ${out}\n`);
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    const csvIds = (await readFile('fixtures/streamflow/month_002.csv', 'utf8'))
      .split('\n')
      .slice(1, 1001)
      .map((line) => line.split(',')[0]);
    expect(lines.map((line) => JSON.parse(line).user_id)).toEqual(csvIds);
    expect(lines[0]).toBe('{"user_id":"6011-LWREN"}');
    // Every example id the README shows exists in every fixture month.
    const readme = await readFile('README.md', 'utf8');
    const readmeIds = new Set(readme.match(/\b\d{4}-[A-Z]{5}\b/g));
    expect(readmeIds.size).toBeGreaterThan(0);
    for (const month of ['month_000', 'month_001', 'month_002']) {
      const csv = await readFile(`fixtures/streamflow/${month}.csv`, 'utf8');
      for (const id of readmeIds) expect(csv, `${id} in ${month}`).toContain(`\n${id},`);
    }
  });

  it('writes {"features"} bodies with the model’s features, to stdout without --out', async () => {
    const io = captureIo();
    expect(
      await payloadsCommand.run(
        [
          '--snapshot',
          'fixtures/streamflow/month_000.csv',
          '--body',
          'features',
          '--model',
          model,
          '--limit',
          '2',
        ],
        io,
      ),
    ).toBe(ExitCode.Ok);
    const bodies = io
      .out()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const features = JSON.parse(await readFile(model, 'utf8')).features.map((f: { name: string }) => f.name);
    expect(bodies).toHaveLength(2);
    expect(Object.keys(bodies[0].features)).toEqual(features);
    expect(bodies[0].features).toMatchObject({ months_active: 35, monthly_fee: 18, net_service: 'No' });
  });

  it.each([
    [
      ['--snapshot', 'fixtures/streamflow/month_000.csv', '--body', 'features'],
      /--body features needs --model/,
    ],
    [
      ['--snapshot', 'fixtures/streamflow/month_000.csv', '--body', 'ids'],
      /--body: 'ids' is not one of user_id, features/,
    ],
    [
      ['--snapshot', 'fixtures/streamflow/month_000.csv', '--id-column', 'uid'],
      /month_000\.csv: id column 'uid' not found \(columns: user_id, /,
    ],
    [
      ['--snapshot', 'fixtures/streamflow/month_000.csv', '--limit', '1.5'],
      /--limit: '1\.5' is not an integer/,
    ],
    [['--snapshot', 'nope.csv'], /nope\.csv/],
  ])('refuses %j in one line', async (args, message) => {
    await expect(payloadsCommand.run(args, captureIo())).rejects.toThrow(message);
  });
});

/** Runs a CLI command as its own process (through tsx), collecting stderr. */
function command(args: string[]): {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', COMMAND_MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exit };
}

async function waitFor(predicate: () => boolean, what: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(shouldRun('prometheus'))('driftwatch stack', () => {
  it('starts the predictor and a Prometheus scraping it, and stops both on SIGTERM', async () => {
    const [port, prometheusPort] = [await freePort(), await freePort()];
    const before = new Set(
      (await readdir(tmpdir())).filter((name) => name.startsWith('driftwatch-prometheus-')),
    );
    const stack = command([
      'stack',
      '--model',
      model,
      '--features',
      'fixtures/streamflow/month_002.csv',
      '--port',
      String(port),
      '--prometheus-port',
      String(prometheusPort),
    ]);
    try {
      await waitFor(() => stack.stderr().includes('stack ready'), stack.stderr);
      expect(stack.stderr()).toContain(
        `predictor on http://127.0.0.1:${port} (7043 users from fixtures/streamflow/month_002.csv)`,
      );
      expect(stack.stderr()).toContain(
        `stack ready: predictor http://127.0.0.1:${port}/predict, Prometheus http://127.0.0.1:${prometheusPort} scraping job="api" every 1s; Ctrl-C stops both`,
      );
      // Prometheus scrapes the predictor (the README's walkthrough runs a gated load through this stack).
      const client = new PrometheusClient({ url: `http://127.0.0.1:${prometheusPort}`, timeoutMs: 5000 });
      expect((await client.targets()).map((target) => [target.job, target.scrapeUrl, target.health])).toEqual(
        [['api', `http://127.0.0.1:${port}/metrics`, 'up']],
      );
      stack.child.kill('SIGTERM');
      expect(await stack.exit).toBe(0);
      const after = (await readdir(tmpdir())).filter(
        (name) => name.startsWith('driftwatch-prometheus-') && !before.has(name),
      );
      expect(after).toEqual([]); // its temporary TSDB is gone
    } finally {
      stack.child.kill('SIGKILL');
    }
  }, 90_000);

  it('says in one line that Prometheus is missing, or that a port is taken, before starting anything', async () => {
    const ports = ['--port', String(await freePort()), '--prometheus-port', String(await freePort())];
    const io = captureIo();
    await expect(
      stackCommand.run(['--model', model, ...ports, '--prometheus-bin', '/nonexistent/prometheus'], io),
    ).rejects.toThrow(
      /^\/nonexistent\/prometheus not found: install Prometheus \(Debian\/Ubuntu: apt-get install prometheus\) or pass its path$/,
    );
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      await expect(
        stackCommand.run(
          ['--model', model, '--port', String(await freePort()), '--prometheus-port', String(port)],
          io,
        ),
      ).rejects.toThrow(`--prometheus-port: 127.0.0.1:${port} is already in use`);
    } finally {
      busy.close();
    }
    expect(io.err()).toBe('');
  });
});
