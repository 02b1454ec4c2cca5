/**
 * A load run, optionally followed by the SLO gate, shared by `driftwatch loadtest`, `driftwatch capacity` and the
 * companion action:
 *
 * 1. parse the SLO file, substitute variables and syntax-check every query (before any load);
 * 2. when an objective queries Prometheus: wait for Prometheus to be ready, the job's targets to be up, and one
 *    more scrape;
 * 3. run the open-model load and record its end `t_end`;
 * 4. with Prometheus: wait until every target of the job was scraped after `t_end` (targets API), so every sample up
 *    to `t_end` is stored (a target found down there is reported, and its objectives fail rather than the gate
 *    timing out);
 * 5. evaluate every objective: Prometheus ones at the pinned time `t_end` over the window
 *    `W = max(4 × scrape, duration − scrape)`, so the window holds only samples taken while the load ran; client ones
 *    from the generator's own figures. When an objective is marked as the server's latency quantile, the gap
 *    between the client's and the server's figure is reported.
 */
import { UserError } from '../errors.js';
import { PrometheusClient, formatPromDuration } from '../prometheus/client.js';
import { evaluateSlo, type GateResult } from '../prometheus/evaluator.js';
import {
  CLIENT_LATENCY_QUANTILES,
  isPrometheusObjective,
  prepareQueries,
  readSloFile,
  type ClientFigures,
  type SloFile,
} from '../prometheus/slo-file.js';
import { waitForScrapeAfter, waitUntilScraping, type WaitClock } from '../prometheus/wait.js';
import { loadResponseChecks, type CheckSettings } from './checks.js';
import {
  runLoad,
  type LoadOptions,
  type LoadProgress,
  type LoadResult,
  type ResponseChecks,
} from './generator.js';
import { readPayloads } from './payloads.js';
import type { Stage } from './schedule.js';

export interface GateSettings {
  /** Prometheus scraping the service; null when every objective is a client one. */
  readonly prometheusUrl: string | null;
  readonly sloPath: string;
  /** The scrape job of the service (`job` label); also the `${job}` variable. */
  readonly job: string;
  /** `--var name=value` overrides, applied last. */
  readonly variables: Readonly<Record<string, string>>;
  /** Longest wait for Prometheus and its targets, per wait. */
  readonly waitTimeoutMs: number;
}

/** How the load is sent, shared by `loadtest` and every step of `capacity`. */
export interface RequestSettings {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly payloadsPath: string | null;
  readonly maxInFlight: number;
  readonly timeoutMs: number;
  readonly checks: CheckSettings | null;
}

export interface LoadSessionSettings extends RequestSettings {
  /** The constant rate, or with `stages` the rate at the start of the first stage. */
  readonly rate: number;
  /** The load's length (with `stages`, their total). */
  readonly durationSeconds: number;
  readonly stages: readonly Stage[] | null;
  readonly gate: GateSettings | null;
}

/** Client and server figures of one latency quantile side by side. */
export interface LatencyGap {
  readonly quantile: number;
  /** The Prometheus objective that measured the server's quantile. */
  readonly objective: string;
  readonly client_ms: number;
  readonly server_ms: number;
  /** `client_ms − server_ms`: time the server's histogram does not see (queueing before the handler, network). */
  readonly gap_ms: number;
  /** The generator's own send lag at the same quantile: the part of the client figure that is the load host's. */
  readonly send_lag_ms: number;
  /**
   * Set when the gap is large (more than 10 ms and more than the server's own figure): queueing before the handler,
   * or, when the send lag accounts for half of the gap or more, a generator that ran late.
   */
  readonly note: string | null;
}

export interface LoadSessionResult {
  readonly load: LoadResult;
  readonly gate: GateResult | null;
  readonly latency_gap: readonly LatencyGap[];
  /** False only when the gate ran and an objective failed. */
  readonly passed: boolean;
}

export interface LoadSessionDeps {
  readonly log: (line: string) => void;
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly clock: WaitClock;
}

export { formatPromDuration };

/** The query window for a load of `durationMs` scraped every `scrapeMs`: `max(4 × scrape, duration − scrape)`. */
export function gateWindowMs(durationMs: number, scrapeMs: number): number {
  return Math.max(4 * scrapeMs, durationMs - scrapeMs);
}

/** The shortest load the Prometheus gate accepts: 5 scrape intervals, so `rate()` has 4 scrapes inside the window. */
export function minimumGatedLoadMs(scrapeMs: number): number {
  return 5 * scrapeMs;
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

/**
 * The generator's figures that client objectives bound (pure). `achieved_ratio` is the share of the scheduled
 * requests that got a response (any status): the offered load the service actually served. Counting responses
 * rather than dividing by the elapsed time keeps a short load against a slow service from failing on the last
 * responses' latency, while an outage, dropped requests or timeouts lower it.
 */
export function clientFigures(load: LoadResult): ClientFigures {
  return {
    p50_ms: load.latency_ms.p50,
    p95_ms: load.latency_ms.p95,
    p99_ms: load.latency_ms.p99,
    error_ratio: load.error_ratio,
    dropped: load.dropped,
    achieved_ratio: load.scheduled > 0 ? load.responses / load.scheduled : Number.NaN,
  };
}

/** Gaps larger than this many ms, and than the server's own figure, get a note. */
const LARGE_GAP_MS = 10;

/**
 * Pairs each objective marked `latency_quantile` (the server's quantile, in seconds) with the client's figure of the
 * same quantile (pure). Objectives without a finite value are left out.
 */
export function latencyGaps(file: SloFile, gate: GateResult, load: LoadResult): LatencyGap[] {
  const figures = clientFigures(load);
  const gaps: LatencyGap[] = [];
  file.objectives.forEach((objective, index) => {
    const server = gate.objectives[index]?.value;
    if (objective.latencyQuantile === null || server === null || server === undefined) return;
    const figure = CLIENT_LATENCY_QUANTILES.find(([quantile]) => quantile === objective.latencyQuantile)![1];
    const clientMs = figures[figure];
    if (!Number.isFinite(clientMs)) return;
    const serverMs = server * 1000;
    const gapMs = clientMs - serverMs;
    const label = `p${objective.latencyQuantile * 100}`;
    const lag = load.send_lag_ms;
    const sendLagMs = figure === 'p50_ms' ? lag.p50 : figure === 'p95_ms' ? lag.p95 : lag.p99;
    let note: string | null = null;
    if (gapMs > LARGE_GAP_MS && gapMs > serverMs)
      note =
        sendLagMs >= gapMs / 2
          ? `client ${label} is ${gapMs.toFixed(1)} ms above the server's, but the generator itself sent late (send lag ${label} ${sendLagMs.toFixed(1)} ms): the load host, not the service, is slow`
          : `client ${label} is ${gapMs.toFixed(1)} ms above the server's: requests wait before the handler starts its timer (accept backlog, event loop, network)`;
    gaps.push({
      quantile: objective.latencyQuantile,
      objective: objective.name,
      client_ms: clientMs,
      server_ms: serverMs,
      gap_ms: gapMs,
      send_lag_ms: sendLagMs,
      note,
    });
  });
  return gaps;
}

/** An SLO file read and checked, with Prometheus waited for when an objective queries it. */
export interface PreparedGate {
  readonly settings: GateSettings;
  readonly file: SloFile;
  /** Null when no objective queries Prometheus. */
  readonly prometheus: { readonly client: PrometheusClient; readonly scrapeMs: number } | null;
}

/**
 * Steps 1 and 2: reads the SLO file, syntax-checks its queries for a load of `run`, and waits for Prometheus to
 * scrape the job when an objective queries it.
 * @throws {UserError} for a bad file, a Prometheus objective without a Prometheus URL, or a wait that timed out
 */
export async function prepareGate(
  gate: GateSettings,
  run: { offeredRate: number; durationSeconds: number },
  deps: Pick<LoadSessionDeps, 'log' | 'clock'>,
): Promise<PreparedGate> {
  const file = await readSloFile(gate.sloPath);
  prepareQueries(
    file,
    gateVariables(
      file.variables,
      { job: gate.job, windowMs: run.durationSeconds * 1000, ...run },
      gate.variables,
    ),
  );
  const queried = file.objectives.find(isPrometheusObjective);
  if (queried === undefined) {
    if (gate.prometheusUrl !== null)
      deps.log(`note: no objective of ${file.path} queries Prometheus; ${gate.prometheusUrl} is not used`);
    return { settings: gate, file, prometheus: null };
  }
  if (gate.prometheusUrl === null)
    throw new UserError(
      'USAGE',
      `${file.path}:${queried.line}: objective '${queried.name}' queries Prometheus, but no Prometheus URL was given (or keep only source: client objectives)`,
    );
  const client = new PrometheusClient({ url: gate.prometheusUrl, timeoutMs: 10_000 });
  deps.log(`waiting for Prometheus ${client.baseUrl} to scrape job="${gate.job}"`);
  let scrapeMs = await waitUntilScraping(client, {
    job: gate.job,
    timeoutMs: gate.waitTimeoutMs,
    pollMs: 100,
    clock: deps.clock,
  });
  if (!(scrapeMs > 0)) scrapeMs = 1000;
  deps.log(`job="${gate.job}" is up (scrape interval ${formatPromDuration(scrapeMs)})`);
  return { settings: gate, file, prometheus: { client, scrapeMs } };
}

/**
 * Steps 4 and 5 for a finished load: waits for the scrape after it (with Prometheus), evaluates every objective and
 * the latency gaps.
 * @param waitTimeoutMs longest wait for the scrape after the load (default: the gate's wait timeout)
 */
export async function evaluateGate(
  prepared: PreparedGate,
  load: LoadResult,
  deps: Pick<LoadSessionDeps, 'log' | 'clock'>,
  waitTimeoutMs: number = prepared.settings.waitTimeoutMs,
): Promise<{ gate: GateResult; latencyGap: LatencyGap[] }> {
  const { settings, file } = prepared;
  const endMs = Date.parse(load.ended_at);
  const durationMs = Math.round(load.duration_seconds * 1000);
  let windowMs = durationMs;
  if (prepared.prometheus) {
    const { client, scrapeMs } = prepared.prometheus;
    deps.log(`load finished at ${load.ended_at}; waiting for a scrape of job="${settings.job}" after it`);
    const scraped = await waitForScrapeAfter(client, endMs, {
      job: settings.job,
      timeoutMs: waitTimeoutMs,
      pollMs: 100,
      clock: deps.clock,
    });
    for (const target of scraped)
      if (target.health !== 'up')
        deps.log(
          `warning: ${target.scrapeUrl} was ${target.health} at its first scrape after the load${target.lastError ? ` (${target.lastError})` : ''}`,
        );
    windowMs = gateWindowMs(durationMs, scrapeMs);
  }
  const variables = gateVariables(
    file.variables,
    { job: settings.job, windowMs, offeredRate: load.offered_rate, durationSeconds: load.duration_seconds },
    settings.variables,
  );
  const queries = prepareQueries(file, variables);
  deps.log(
    prepared.prometheus
      ? `evaluating ${queries.length} objectives at ${load.ended_at} over window ${variables.window}`
      : `evaluating ${queries.length} client objectives`,
  );
  const gate = await evaluateSlo(
    { prometheus: prepared.prometheus?.client ?? null, client: clientFigures(load) },
    file,
    queries,
    variables,
    endMs,
  );
  return { gate, latencyGap: latencyGaps(file, gate, load) };
}

/** The generator's options shared by every load of these settings: everything but the schedule. */
export type RequestLoadOptions = Pick<
  LoadOptions,
  'url' | 'method' | 'payloads' | 'maxInFlight' | 'timeoutMs' | 'checks'
>;

/**
 * Reads the payload file and compiles the checks (everything a load needs from disk, before it starts) into the
 * generator's options.
 */
export async function loadRequestOptions(settings: RequestSettings): Promise<RequestLoadOptions> {
  const checks: ResponseChecks | null = await loadResponseChecks(settings.checks);
  return {
    url: settings.url,
    method: settings.method,
    payloads: settings.payloadsPath === null ? [] : await readPayloads(settings.payloadsPath),
    maxInFlight: settings.maxInFlight,
    timeoutMs: settings.timeoutMs,
    checks: checks ?? undefined,
  };
}

export async function runLoadSession(
  settings: LoadSessionSettings,
  deps: LoadSessionDeps,
): Promise<LoadSessionResult> {
  const request = await loadRequestOptions(settings);
  const prepared =
    settings.gate === null
      ? null
      : await prepareGate(
          settings.gate,
          { offeredRate: settings.rate, durationSeconds: settings.durationSeconds },
          deps,
        );
  if (
    prepared?.prometheus &&
    settings.durationSeconds * 1000 < minimumGatedLoadMs(prepared.prometheus.scrapeMs)
  )
    throw new UserError(
      'USAGE',
      `--duration: ${settings.durationSeconds}s is shorter than 5 scrape intervals of job="${prepared.settings.job}" (${formatPromDuration(minimumGatedLoadMs(prepared.prometheus.scrapeMs))}); rate() needs at least 4 scrapes inside the load`,
    );

  const load = await runLoad({
    ...request,
    rate: settings.rate,
    durationSeconds: settings.durationSeconds,
    stages: settings.stages ?? undefined,
    onProgress: deps.onProgress,
  });
  if (prepared === null) return { load, gate: null, latency_gap: [], passed: true };
  const { gate, latencyGap } = await evaluateGate(prepared, load, deps);
  return { load, gate, latency_gap: latencyGap, passed: gate.passed };
}
