/**
 * A load run, optionally followed by the SLO gate (reference §12), shared by `driftwatch loadtest` and the
 * companion action:
 *
 * 1. parse the SLO file, substitute variables and syntax-check every query (before any load);
 * 2. wait for Prometheus to be ready, the job's targets to be up, and one more scrape;
 * 3. run the open-model load and record its end `t_end`;
 * 4. wait until every target of the job was scraped after `t_end` (targets API), so every sample up to `t_end` is
 *    stored (a target found down there is reported, and its objectives fail rather than the gate timing out);
 * 5. evaluate every objective at the pinned time `t_end` over the window `W = max(4 × scrape, duration − scrape)`,
 *    so the window holds only samples taken while the load ran.
 */
import { UserError } from '../errors.js';
import { PrometheusClient } from '../prometheus/client.js';
import { evaluateSlo, type GateResult } from '../prometheus/evaluator.js';
import { prepareQueries, readSloFile } from '../prometheus/slo-file.js';
import { waitForScrapeAfter, waitUntilScraping, type WaitClock } from '../prometheus/wait.js';
import { runLoad, type LoadProgress, type LoadResult } from './generator.js';
import { readPayloads } from './payloads.js';

export interface GateSettings {
  readonly prometheusUrl: string;
  readonly sloPath: string;
  /** The scrape job of the service (`job` label); also the `${job}` variable. */
  readonly job: string;
  /** `--var name=value` overrides, applied last. */
  readonly variables: Readonly<Record<string, string>>;
  /** Longest wait for Prometheus and its targets, per wait. */
  readonly waitTimeoutMs: number;
}

export interface LoadSessionSettings {
  readonly url: URL;
  readonly rate: number;
  readonly durationSeconds: number;
  readonly method: 'GET' | 'POST';
  readonly payloadsPath: string | null;
  readonly maxInFlight: number;
  readonly timeoutMs: number;
  readonly gate: GateSettings | null;
}

export interface LoadSessionResult {
  readonly load: LoadResult;
  readonly gate: GateResult | null;
  /** False only when the gate ran and an objective failed. */
  readonly passed: boolean;
}

export interface LoadSessionDeps {
  readonly log: (line: string) => void;
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly clock: WaitClock;
}

/** A Prometheus duration for a whole number of milliseconds (`9s`, or `9500ms`). */
export function formatPromDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.round(ms)}ms`;
}

/** The query window for a load of `durationMs` scraped every `scrapeMs`: `max(4 × scrape, duration − scrape)`. */
export function gateWindowMs(durationMs: number, scrapeMs: number): number {
  return Math.max(4 * scrapeMs, durationMs - scrapeMs);
}

/** The variables every query can use: file defaults, then the run's own values, then `--var` overrides. */
export function gateVariables(
  fileDefaults: Readonly<Record<string, string>>,
  run: { job: string; windowMs: number; offeredRate: number; durationSeconds: number },
  overrides: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    ...fileDefaults,
    job: run.job,
    window: formatPromDuration(run.windowMs),
    offered_rate: String(run.offeredRate),
    duration: formatPromDuration(Math.round(run.durationSeconds * 1000)),
    ...overrides,
  };
}

export async function runLoadSession(
  settings: LoadSessionSettings,
  deps: LoadSessionDeps,
): Promise<LoadSessionResult> {
  const payloads = settings.payloadsPath === null ? [] : await readPayloads(settings.payloadsPath);
  const durationMs = Math.round(settings.durationSeconds * 1000);
  const gate = settings.gate;

  let prepared: {
    client: PrometheusClient;
    file: Awaited<ReturnType<typeof readSloFile>>;
    scrapeMs: number;
  } | null = null;
  if (gate) {
    const file = await readSloFile(gate.sloPath);
    // Syntax-check with a provisional window before anything else happens.
    prepareQueries(
      file,
      gateVariables(
        file.variables,
        {
          job: gate.job,
          windowMs: durationMs,
          offeredRate: settings.rate,
          durationSeconds: settings.durationSeconds,
        },
        gate.variables,
      ),
    );
    const client = new PrometheusClient({ url: gate.prometheusUrl, timeoutMs: 10_000 });
    deps.log(`waiting for Prometheus ${client.baseUrl} to scrape job="${gate.job}"`);
    const waitOptions = { job: gate.job, timeoutMs: gate.waitTimeoutMs, pollMs: 100, clock: deps.clock };
    let scrapeMs = await waitUntilScraping(client, waitOptions);
    if (!(scrapeMs > 0)) scrapeMs = 1000;
    if (durationMs < 5 * scrapeMs)
      throw new UserError(
        'USAGE',
        `--duration: ${settings.durationSeconds}s is shorter than 5 scrape intervals of job="${gate.job}" (${formatPromDuration(5 * scrapeMs)}); rate() needs at least 4 scrapes inside the load`,
      );
    deps.log(`job="${gate.job}" is up (scrape interval ${formatPromDuration(scrapeMs)})`);
    prepared = { client, file, scrapeMs };
  }

  const load = await runLoad({
    url: settings.url,
    rate: settings.rate,
    durationSeconds: settings.durationSeconds,
    method: settings.method,
    payloads,
    maxInFlight: settings.maxInFlight,
    timeoutMs: settings.timeoutMs,
    onProgress: deps.onProgress,
  });
  if (!gate || !prepared) return { load, gate: null, passed: true };

  const { client, file, scrapeMs } = prepared;
  const endMs = Date.parse(load.ended_at);
  deps.log(`load finished at ${load.ended_at}; waiting for a scrape of job="${gate.job}" after it`);
  const scraped = await waitForScrapeAfter(client, endMs, {
    job: gate.job,
    timeoutMs: gate.waitTimeoutMs,
    pollMs: 100,
    clock: deps.clock,
  });
  for (const target of scraped)
    if (target.health !== 'up')
      deps.log(
        `warning: ${target.scrapeUrl} was ${target.health} at its first scrape after the load${target.lastError ? ` (${target.lastError})` : ''}`,
      );
  const windowMs = gateWindowMs(durationMs, scrapeMs);
  const variables = gateVariables(
    file.variables,
    { job: gate.job, windowMs, offeredRate: settings.rate, durationSeconds: settings.durationSeconds },
    gate.variables,
  );
  const queries = prepareQueries(file, variables);
  deps.log(`evaluating ${queries.length} objectives at ${load.ended_at} over window ${variables.window}`);
  const result = await evaluateSlo(client, file, queries, variables, endMs);
  return { load, gate: result, passed: result.passed };
}
