/**
 * Waiting on Prometheus' scrape loop through the targets API (reference §10.1 and §10.4): `/-/ready` is not the
 * same as scraping, and a query right after a load can miss up to one scrape interval. Time is injected so tests
 * never depend on the wall clock.
 */
import { UserError } from '../errors.js';
import type { PrometheusClient, ScrapeTarget } from './client.js';

export interface WaitClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: WaitClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface WaitOptions {
  /** The scrape job of the service under test (the `job` label). */
  readonly job: string;
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly clock: WaitClock;
}

function describe(targets: readonly ScrapeTarget[], job: string): string {
  if (targets.length === 0) return `no active target has job="${job}"`;
  return targets
    .map(
      (target) =>
        `${target.scrapeUrl} is ${target.health}${target.lastError ? ` (${target.lastError})` : ''}`,
    )
    .join('; ');
}

async function waitFor(
  client: PrometheusClient,
  options: WaitOptions,
  what: string,
  done: (targets: readonly ScrapeTarget[]) => boolean,
): Promise<ScrapeTarget[]> {
  const deadline = options.clock.now() + options.timeoutMs;
  let targets: ScrapeTarget[];
  while (true) {
    targets = (await client.targets()).filter((target) => target.job === options.job);
    if (targets.length > 0 && done(targets)) return targets;
    if (options.clock.now() >= deadline)
      throw new UserError(
        'PROMETHEUS',
        `timed out after ${options.timeoutMs} ms waiting for ${what} at ${client.baseUrl}: ${describe(targets, options.job)}`,
      );
    await options.clock.sleep(options.pollMs);
  }
}

/** Waits for `/-/ready`. */
export async function waitForReady(client: PrometheusClient, options: WaitOptions): Promise<void> {
  const deadline = options.clock.now() + options.timeoutMs;
  while (!(await client.ready())) {
    if (options.clock.now() >= deadline)
      throw new UserError(
        'PROMETHEUS',
        `timed out after ${options.timeoutMs} ms waiting for ${client.baseUrl}/-/ready`,
      );
    await options.clock.sleep(options.pollMs);
  }
}

/**
 * Waits until every target of the job is up, then for one more scrape of each (so series created at zero are
 * stored before the load starts). Resolves with the largest scrape interval of the job's targets, in ms.
 */
export async function waitUntilScraping(client: PrometheusClient, options: WaitOptions): Promise<number> {
  await waitForReady(client, options);
  const up = await waitFor(client, options, `job="${options.job}" to be up`, (targets) =>
    targets.every((target) => target.health === 'up'),
  );
  const firstSeen = Math.max(...up.map((target) => target.lastScrapeMs));
  const again = await waitFor(client, options, `one more scrape of job="${options.job}"`, (targets) =>
    targets.every((target) => target.health === 'up' && target.lastScrapeMs > firstSeen),
  );
  return Math.max(...again.map((target) => target.scrapeIntervalMs).filter((ms) => Number.isFinite(ms)), 0);
}

/**
 * Waits until every target of the job has been scraped after `afterMs` (the end of the load). Prometheus ingests a
 * target's samples in order, so by then every sample up to `afterMs` is queryable. A target that is down at that
 * scrape is not waited for: the gate's objectives (`up`, request rate) must then fail, rather than the gate time out.
 */
export async function waitForScrapeAfter(
  client: PrometheusClient,
  afterMs: number,
  options: WaitOptions,
): Promise<ScrapeTarget[]> {
  return await waitFor(
    client,
    options,
    `a scrape of job="${options.job}" after ${new Date(afterMs).toISOString()}`,
    (targets) => targets.every((target) => target.lastScrapeMs > afterMs),
  );
}
