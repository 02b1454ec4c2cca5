/**
 * Test harness for a real Prometheus (Debian's 2.42): its own process on a free loopback port, a temporary config
 * and TSDB, `scrape_interval` 1 s. Stop it in `finally`. With CI=true a missing binary fails the suite.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when `binary --version` runs. */
export function hasBinary(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether a suite needing `binary` should run: yes when it is installed; with CI=true a missing binary is a failure
 * (the suite runs and fails on spawn), never a silent skip.
 */
export function shouldRun(binary: string): boolean {
  return hasBinary(binary) || process.env.CI === 'true';
}

/** A free TCP port on 127.0.0.1 (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ScrapeJob {
  readonly job: string;
  readonly targets: readonly string[];
}

export interface RunningPrometheus {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts Prometheus scraping the given jobs every second; resolves once `/-/ready` answers 200. */
export async function startPrometheus(jobs: readonly ScrapeJob[]): Promise<RunningPrometheus> {
  const directory = await mkdtemp(join(tmpdir(), 'driftwatch-prom-'));
  const port = await freePort();
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    ...jobs.flatMap((job) => [
      `  - job_name: ${job.job}`,
      '    static_configs:',
      `      - targets: [${job.targets.map((target) => `'${target}'`).join(', ')}]`,
    ]),
    '',
  ].join('\n');
  await writeFile(join(directory, 'prometheus.yml'), config);
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(directory, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(directory, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1h',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 20_000;
    while (true) {
      const ready = await Promise.race([
        fetch(`${url}/-/ready`).then(
          (response) => response.status === 200,
          () => false,
        ),
        spawnError,
      ]);
      if (ready) break;
      if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`prometheus not ready after 20 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, stop };
}
