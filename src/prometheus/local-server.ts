/**
 * A Prometheus server of our own on loopback (`driftwatch stack`, and the test harness): its own process, a
 * temporary directory for the configuration and the TSDB, listening on 127.0.0.1 only (the packaged default is
 * 0.0.0.0:9090), with a short scrape interval so a gate after a short load has samples. Stop it to remove the
 * directory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { formatPromDuration } from './client.js';

export interface ScrapeJob {
  readonly job: string;
  readonly targets: readonly string[];
}

export interface LocalPrometheusOptions {
  /** The binary: a name on PATH (`prometheus`) or a path. */
  readonly binary: string;
  /** Port on 127.0.0.1. */
  readonly port: number;
  readonly jobs: readonly ScrapeJob[];
  readonly scrapeIntervalMs: number;
  /** Longest wait for `/-/ready`. */
  readonly readyTimeoutMs: number;
}

export interface LocalPrometheus {
  readonly url: string;
  readonly port: number;
  /** Resolves with a one-line reason when the process ends on its own (before {@link stop}). */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

/** The configuration file: every job scraped every `scrapeIntervalMs` (timeout equal to the interval). */
export function localPrometheusConfig(jobs: readonly ScrapeJob[], scrapeIntervalMs: number): string {
  const interval = formatPromDuration(scrapeIntervalMs);
  return [
    'global:',
    `  scrape_interval: ${interval}`,
    `  scrape_timeout: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    ...jobs.flatMap((job) => [
      `  - job_name: ${job.job}`,
      '    static_configs:',
      `      - targets: [${job.targets.map((target) => `'${target}'`).join(', ')}]`,
    ]),
    '',
  ].join('\n');
}

/** The one-line reason a Prometheus binary cannot run. */
function missingBinary(binary: string, code: string | undefined): string {
  return code === 'ENOENT'
    ? `${binary} not found: install Prometheus (Debian/Ubuntu: apt-get install prometheus) or pass its path`
    : `${binary} could not start (${code ?? 'unknown error'})`;
}

/**
 * Checks that `binary --version` runs, before anything else is started.
 * @throws {UserError} PROMETHEUS saying how to install it
 */
export function checkPrometheusBinary(binary: string): void {
  const run = spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 10_000 });
  if (run.error)
    throw new UserError('PROMETHEUS', missingBinary(binary, (run.error as NodeJS.ErrnoException).code));
  if (run.status !== 0)
    throw new UserError('PROMETHEUS', `${binary} --version exited with ${run.status}: is it Prometheus?`);
}

/** Resolves when `port` on 127.0.0.1 can be bound (and is released again); a UserError naming it otherwise. */
export function ensurePortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new UserError(
          'USAGE',
          `${what}: 127.0.0.1:${port} is ${error.code === 'EADDRINUSE' ? 'already in use' : `not available (${error.code})`}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/**
 * Starts Prometheus and resolves once `/-/ready` answers 200.
 * @throws {UserError} when the binary is missing, exits at start, or is not ready in time
 */
export async function startLocalPrometheus(options: LocalPrometheusOptions): Promise<LocalPrometheus> {
  const directory = await mkdtemp(join(tmpdir(), 'driftwatch-prometheus-'));
  const configPath = join(directory, 'prometheus.yml');
  await writeFile(configPath, localPrometheusConfig(options.jobs, options.scrapeIntervalMs));
  const url = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess;
  try {
    child = spawn(
      options.binary,
      [
        `--config.file=${configPath}`,
        `--storage.tsdb.path=${join(directory, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${options.port}`,
        '--storage.tsdb.retention.time=1h',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const lastLine = (): string => stderr.trim().split('\n').at(-1) ?? '';
  let stopping = false;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve(missingBinary(options.binary, error.code)));
    child.once('exit', (code, signal) =>
      resolve(`${options.binary} exited (${signal ?? `code ${code}`})${lastLine() ? `: ${lastLine()}` : ''}`),
    );
  });
  const processExit = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const stop = async (): Promise<void> => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill('SIGTERM');
      await Promise.race([processExit, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(directory, { recursive: true, force: true });
  };

  const deadline = Date.now() + options.readyTimeoutMs;
  let failure: string | null = null;
  void exited.then((reason) => {
    if (!stopping) failure = reason;
  });
  while (true) {
    if (failure !== null) {
      await stop();
      throw new UserError('PROMETHEUS', failure);
    }
    const ready = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new UserError(
        'PROMETHEUS',
        `${options.binary} on ${url} was not ready after ${options.readyTimeoutMs} ms${lastLine() ? `: ${lastLine()}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, port: options.port, exited, stop };
}
