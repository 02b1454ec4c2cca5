/**
 * `driftwatch capacity`: the highest arrival rate at which the service meets every objective of an SLO file.
 *
 * Each step is an open-model load at one constant rate, followed by the gate (client objectives from the generator,
 * Prometheus objectives at the step's end over its window); {@link CapacitySearch} chooses the rates. Bounded by
 * construction: at most {@link maxCapacitySteps} steps, each run at most twice (a failure measured while the
 * generator itself ran late is repeated once); a step starts only when it can finish (its load, and with
 * Prometheus the scrape after it) before the budget's deadline, and the deadline aborts a step still running (its
 * result is discarded); every wait is bounded by the remaining budget. Requests go to the given URL only (redirects
 * are not followed), Prometheus queries to the given Prometheus only.
 */
import { UserError } from '../errors.js';
import type { GateResult, ObjectiveResult } from '../prometheus/evaluator.js';
import { formatBound } from '../prometheus/evaluator.js';
import type { WaitClock } from '../prometheus/wait.js';
import { readJsonFile } from '../util/fs.js';
import { CapacitySearch, maxCapacitySteps, RAMP_FACTOR, type SearchOutcome } from './capacity-search.js';
import { runLoad, type LatencySummary, type LoadProgress } from './generator.js';
import {
  evaluateGate,
  formatPromDuration,
  loadRequestOptions,
  minimumGatedLoadMs,
  prepareGate,
  type GateSettings,
  type LatencyGap,
  type RequestSettings,
} from './session.js';

/**
 * A failed step is repeated once when the generator's own send lag p95 exceeded this (ms): the host stalled the
 * generator, so the latency measured the host rather than the service.
 */
export const GENERATOR_LATE_MS = 20;

export interface CapacitySettings extends RequestSettings {
  readonly gate: GateSettings;
  /** Lowest and highest arrival rate tried, requests/s. */
  readonly min: number;
  readonly max: number;
  /** Length of each step's load (raised to 5 scrape intervals when Prometheus objectives need it). */
  readonly stepDurationMs: number;
  /** Relative precision of the result: the search stops when `lowest failing / highest passing ≤ 1 + precision`. */
  readonly precision: number;
  /** Pause between steps, so a backlog left by an overloaded step drains before the next one. */
  readonly coolDownMs: number;
  /** Hard bound on the whole search. */
  readonly budgetMs: number;
  /** A stored capacity result to compare with; null: no comparison. */
  readonly baselinePath: string | null;
  /** Largest accepted drop against the baseline, as a share (0.2 = 20 %). */
  readonly maxCapacityDrop: number;
}

/** A failed objective of a step, in short. */
export interface FailedObjective {
  readonly name: string;
  readonly value: number | null;
  readonly bound: string;
  readonly reason: string | null;
}

/** One step of the search (field names are part of the documented output). */
export interface CapacityStep {
  /** 1-based, in the order run. */
  readonly step: number;
  readonly phase: 'ramp' | 'bisect';
  readonly rate: number;
  /** 2 when a failure was repeated because the generator ran late (the second attempt is reported). */
  readonly attempts: number;
  readonly started_at: string;
  readonly duration_seconds: number;
  readonly scheduled: number;
  readonly sent: number;
  readonly responses: number;
  readonly achieved_rate: number;
  readonly dropped: number;
  /** Failed requests (no response, 5xx, failed check), their share of the sent ones, and the errors by kind. */
  readonly failed: number;
  readonly error_ratio: number;
  readonly errors: Readonly<Record<string, number>>;
  /** Client latency from intended send times. */
  readonly latency_ms: Pick<LatencySummary, 'p50' | 'p95' | 'p99' | 'max'>;
  /** How late the generator sent (p95, ms): large values mean the host, not the service, set the latency. */
  readonly send_lag_p95_ms: number;
  readonly passed: boolean;
  readonly failed_objectives: readonly FailedObjective[];
  /** Every objective's value at this step. */
  readonly objectives: ReadonlyArray<Pick<ObjectiveResult, 'name' | 'source' | 'value' | 'status'>>;
  readonly latency_gap: readonly LatencyGap[];
}

export interface BaselineComparison {
  readonly file: string;
  readonly capacity_rps: number;
  /** `1 − capacity / baseline` (negative when the capacity grew). */
  readonly drop: number;
  readonly max_drop: number;
  readonly passed: boolean;
}

/** The JSON result of `driftwatch capacity` (field names are part of the documented output). */
export interface CapacityResult {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly slo_file: string;
  readonly prometheus: string | null;
  /** The highest rate that met every objective; 0 when none did. */
  readonly capacity_rps: number;
  /** The lowest rate that failed (null when none did). */
  readonly lowest_failing_rps: number | null;
  /** How the search ended: its own verdict, or `budget` (stopped by `--budget`), or `step-limit` (step bound hit). */
  readonly outcome: SearchOutcome | 'budget' | 'step-limit';
  readonly min: number;
  readonly max: number;
  readonly precision: number;
  readonly ramp_factor: number;
  readonly step_duration_seconds: number;
  readonly cool_down_seconds: number;
  readonly budget_seconds: number;
  readonly max_steps: number;
  readonly started_at: string;
  readonly elapsed_seconds: number;
  /** The p95 bound drawn on the chart (ms): the first client `p95_ms` max, else a server p95 objective's max. */
  readonly p95_objective_ms: number | null;
  readonly steps: readonly CapacityStep[];
  readonly baseline: BaselineComparison | null;
  /** False when no rate passed, or the capacity dropped more than allowed against the baseline. */
  readonly passed: boolean;
}

export interface CapacityDeps {
  readonly log: (line: string) => void;
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly clock: WaitClock;
}

/**
 * Reads the capacity of a stored result: a `driftwatch capacity` JSON (`capacity_rps` at the top).
 * @throws {UserError} naming the file when it is missing, not JSON, or has no positive `capacity_rps`
 */
export async function readBaselineCapacity(path: string): Promise<number> {
  const document = await readJsonFile(path);
  const capacity = (document as { capacity_rps?: unknown } | null)?.capacity_rps;
  if (typeof capacity !== 'number' || !(capacity > 0))
    throw new UserError(
      'PARSE',
      `${path}: no positive "capacity_rps" (expected a driftwatch capacity result)`,
    );
  return capacity;
}

/** Compares a capacity with a baseline (pure). */
export function compareWithBaseline(
  capacity: number,
  baseline: number,
  maxDrop: number,
  file: string,
): BaselineComparison {
  const drop = 1 - capacity / baseline;
  return { file, capacity_rps: baseline, drop, max_drop: maxDrop, passed: drop <= maxDrop + 1e-12 };
}

/** The p95 bound to draw: a client `p95_ms` objective's max, else a server p95 objective's max in ms. */
function p95ObjectiveMs(gate: GateResult | null, serverP95: ReadonlySet<string>): number | null {
  for (const objective of gate?.objectives ?? [])
    if (objective.source === 'client' && objective.figure === 'p95_ms' && objective.max !== null)
      return objective.max;
  for (const objective of gate?.objectives ?? [])
    if (serverP95.has(objective.name) && objective.max !== null) return objective.max * 1000;
  return null;
}

/** Runs the search. Resolves with every step and the capacity; throws only for bad input or an unreachable server. */
export async function runCapacitySearch(
  settings: CapacitySettings,
  deps: CapacityDeps,
): Promise<CapacityResult> {
  const { clock } = deps;
  const startedMs = clock.now();
  const startedAt = new Date(Date.now()).toISOString();
  const deadline = startedMs + settings.budgetMs;
  const remaining = (): number => deadline - clock.now();
  const baseline = settings.baselinePath === null ? null : await readBaselineCapacity(settings.baselinePath);
  const request = await loadRequestOptions(settings);
  const prepared = await prepareGate(
    { ...settings.gate, waitTimeoutMs: Math.min(settings.gate.waitTimeoutMs, settings.budgetMs) },
    { offeredRate: settings.min, durationSeconds: settings.stepDurationMs / 1000 },
    deps,
  );
  let stepMs = settings.stepDurationMs;
  // With Prometheus, the scrape after each step's end is part of the step.
  let evaluationAllowanceMs = 0;
  if (prepared.prometheus) {
    const { scrapeMs } = prepared.prometheus;
    const needed = minimumGatedLoadMs(scrapeMs);
    if (stepMs < needed) {
      deps.log(
        `step duration raised from ${formatPromDuration(stepMs)} to ${formatPromDuration(needed)}: 5 scrape intervals of job="${settings.gate.job}", so rate() has 4 scrapes inside each step's window`,
      );
      stepMs = needed;
    }
    evaluationAllowanceMs = 2 * scrapeMs + 1000;
  }
  const serverP95 = new Set(
    prepared.file.objectives
      .filter((objective) => objective.latencyQuantile === 0.95)
      .map((objective) => objective.name),
  );

  /** One load at `rate` and its gate; null when the deadline cut it short (or it could not start in time). */
  const attempt = async (rate: number, first: boolean) => {
    if (!first && settings.coolDownMs > 0)
      await clock.sleep(Math.max(0, Math.min(settings.coolDownMs, remaining())));
    if (remaining() < stepMs + evaluationAllowanceMs) {
      deps.log(`budget: ${Math.max(0, Math.round(remaining() / 1000))}s left, not enough for another step`);
      return null;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), Math.max(0, remaining()));
    let load;
    try {
      load = await runLoad({
        ...request,
        rate,
        durationSeconds: stepMs / 1000,
        onProgress: deps.onProgress,
        signal: abort.signal,
      });
    } finally {
      clearTimeout(timer);
    }
    if (abort.signal.aborted) {
      deps.log(`budget: the step at ${rate}/s was cut short by the deadline; its result is discarded`);
      return null;
    }
    return { load, ...(await evaluateGate(prepared, load, deps, Math.max(1000, remaining()))) };
  };

  const search = new CapacitySearch(settings.min, settings.max, settings.precision);
  const maxSteps = maxCapacitySteps(settings.min, settings.max, settings.precision);
  const steps: CapacityStep[] = [];
  let lastGate: GateResult | null = null;
  let stoppedByBudget = false;
  for (let index = 0; index < maxSteps; index++) {
    const rate = search.next();
    if (rate === null) break;
    const phase = search.lowestFailing === null ? 'ramp' : 'bisect';
    let outcome = await attempt(rate, index === 0);
    let attempts = 1;
    // A failure measured while the generator itself ran late (a stalled host) says little about the service: once.
    if (outcome && !outcome.gate.passed && outcome.load.send_lag_ms.p95 > GENERATOR_LATE_MS) {
      deps.log(
        `step ${index + 1} at ${rate}/s failed while the generator ran late (send lag p95 ${outcome.load.send_lag_ms.p95.toFixed(1)} ms > ${GENERATOR_LATE_MS} ms): repeating it once`,
      );
      outcome = await attempt(rate, false);
      attempts = 2;
    }
    if (outcome === null) {
      stoppedByBudget = true;
      break;
    }
    const { load, gate, latencyGap } = outcome;
    lastGate = gate;
    search.record(rate, gate.passed);
    const failedObjectives = gate.objectives
      .filter((objective) => objective.status === 'fail')
      .map((objective) => ({
        name: objective.name,
        value: objective.value,
        bound: formatBound(objective.min, objective.max),
        reason: objective.reason,
      }));
    steps.push({
      step: index + 1,
      phase,
      rate,
      attempts,
      started_at: load.started_at,
      duration_seconds: load.duration_seconds,
      scheduled: load.scheduled,
      sent: load.sent,
      responses: load.responses,
      achieved_rate: load.achieved_rate,
      dropped: load.dropped,
      failed: load.failed,
      error_ratio: load.error_ratio,
      errors: load.errors,
      latency_ms: {
        p50: load.latency_ms.p50,
        p95: load.latency_ms.p95,
        p99: load.latency_ms.p99,
        max: load.latency_ms.max,
      },
      send_lag_p95_ms: load.send_lag_ms.p95,
      passed: gate.passed,
      failed_objectives: failedObjectives,
      objectives: gate.objectives.map(({ name, source, value, status }) => ({ name, source, value, status })),
      latency_gap: latencyGap,
    });
    deps.log(
      `step ${index + 1} (${phase}): ${rate}/s for ${formatPromDuration(stepMs)}: p95 ${Number.isFinite(load.latency_ms.p95) ? load.latency_ms.p95.toFixed(1) : '-'} ms, ` +
        `${load.failed} failed, ${load.dropped} dropped: ${gate.passed ? 'pass' : `FAIL (${failedObjectives.map((objective) => objective.name).join(', ')})`}`,
    );
  }

  const capacity = search.highestPassing ?? 0;
  const outcome = search.outcome ?? (stoppedByBudget ? 'budget' : 'step-limit');
  const comparison =
    baseline === null
      ? null
      : compareWithBaseline(capacity, baseline, settings.maxCapacityDrop, settings.baselinePath!);
  return {
    url: settings.url.toString(),
    method: settings.method,
    slo_file: prepared.file.path,
    prometheus: prepared.prometheus?.client.baseUrl ?? null,
    capacity_rps: capacity,
    lowest_failing_rps: search.lowestFailing,
    outcome,
    min: settings.min,
    max: settings.max,
    precision: settings.precision,
    ramp_factor: RAMP_FACTOR,
    step_duration_seconds: stepMs / 1000,
    cool_down_seconds: settings.coolDownMs / 1000,
    budget_seconds: settings.budgetMs / 1000,
    max_steps: maxSteps,
    started_at: startedAt,
    elapsed_seconds: (clock.now() - startedMs) / 1000,
    p95_objective_ms: p95ObjectiveMs(lastGate, serverP95),
    steps,
    baseline: comparison,
    passed: capacity > 0 && (comparison?.passed ?? true),
  };
}
