/**
 * Test harness for a real Prometheus (Debian's 2.42): the product's own local server (src/prometheus/local-server.ts)
 * on a free loopback port, a temporary config and TSDB, `scrape_interval` 1 s. Stop it in `finally`. With CI=true a
 * missing binary fails the suite.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { startLocalPrometheus, type ScrapeJob } from '../../../src/prometheus/local-server.js';

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

export type { ScrapeJob };

export interface RunningPrometheus {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts Prometheus scraping the given jobs every second; resolves once `/-/ready` answers 200. */
export async function startPrometheus(jobs: readonly ScrapeJob[]): Promise<RunningPrometheus> {
  const prometheus = await startLocalPrometheus({
    binary: 'prometheus',
    port: await freePort(),
    jobs,
    scrapeIntervalMs: 1000,
    readyTimeoutMs: 20_000,
  });
  return { url: prometheus.url, port: prometheus.port, stop: prometheus.stop };
}
