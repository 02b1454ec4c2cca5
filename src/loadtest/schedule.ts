/**
 * The arrival schedule of an open-model load: when each request is due, whatever the response times.
 *
 * A schedule is a start rate and a list of stages, each a linear ramp of the arrival rate to its target over its
 * duration (k6's `ramping-arrival-rate`; a constant rate is one stage whose target is the start rate). The expected
 * number of arrivals by time t is N(t) = ∫₀ᵗ rate; request k (k = 0, 1, …) is due at the time where N(t) = k, and
 * the schedule holds ⌊N(total duration)⌋ requests. Inside a stage that ramps from r₀ to r₁ over D seconds,
 * N(t) = N₀ + r₀·t + (r₁ − r₀)·t² / (2D), solved for t in the cancellation-free form t = 2m / (r₀ + √(r₀² + 4am))
 * with m = k − N₀ and a = (r₁ − r₀)/(2D). Pure maths: no clock, no I/O.
 */
import { UserError } from '../errors.js';

/** One stage: ramp linearly to `target` requests/s over `durationSeconds`. */
export interface Stage {
  readonly durationSeconds: number;
  readonly target: number;
}

/** A stage as placed in the schedule. */
export interface ScheduledStage {
  readonly index: number;
  /** Offset of the stage's start from the start of the load, in ms. */
  readonly startMs: number;
  readonly durationMs: number;
  /** Arrival rate at the stage's start and end, requests/s. */
  readonly fromRate: number;
  readonly toRate: number;
  /** The first request index due in this stage, and one past the last. */
  readonly firstRequest: number;
  readonly endRequest: number;
}

/** Rounding slack for N(t) at stage ends, so 0.1 × 30 counts as 3 arrivals and not 2.9999999999999996. */
const COUNT_EPSILON = 1e-9;

export class ArrivalSchedule {
  readonly stages: readonly ScheduledStage[];
  /** Requests due in the whole schedule. */
  readonly total: number;
  readonly durationMs: number;
  /** Per stage: the expected arrivals before it (N₀), unrounded. */
  private readonly before: Float64Array;

  /**
   * @param startRate arrival rate at the start of the first stage (the constant rate with one flat stage)
   * @param stages at least one; durations > 0 and targets ≥ 0
   */
  constructor(startRate: number, stages: readonly Stage[]) {
    if (stages.length === 0) throw new RangeError('a schedule needs at least one stage');
    this.before = new Float64Array(stages.length);
    let arrivals = 0;
    let fromRate = startRate;
    for (const [index, stage] of stages.entries()) {
      this.before[index] = arrivals;
      arrivals += ((fromRate + stage.target) / 2) * stage.durationSeconds;
      fromRate = stage.target;
    }
    this.total = Math.floor(arrivals + COUNT_EPSILON);
    // Request k belongs to the stage in which N(t) reaches k: from ⌈N₀⌉ up to the next stage's first request.
    const first = (index: number): number =>
      index >= stages.length
        ? this.total
        : Math.min(this.total, Math.max(0, Math.ceil(this.before[index]! - COUNT_EPSILON)));
    const placed: ScheduledStage[] = [];
    let startMs = 0;
    fromRate = startRate;
    for (const [index, stage] of stages.entries()) {
      const durationMs = stage.durationSeconds * 1000;
      placed.push({
        index,
        startMs,
        durationMs,
        fromRate,
        toRate: stage.target,
        firstRequest: first(index),
        endRequest: first(index + 1),
      });
      startMs += durationMs;
      fromRate = stage.target;
    }
    this.stages = placed;
    this.durationMs = startMs;
  }

  /** A constant rate for a duration: one flat stage. */
  static constant(rate: number, durationSeconds: number): ArrivalSchedule {
    return new ArrivalSchedule(rate, [{ durationSeconds, target: rate }]);
  }

  /** Average offered rate over the whole schedule: requests due per second. */
  get averageRate(): number {
    return this.durationMs > 0 ? (this.total * 1000) / this.durationMs : 0;
  }

  /**
   * When request `k` of stage `stage` is due, in ms from the start of the load.
   * @param k a request index in `[stage.firstRequest, stage.endRequest)`
   */
  dueMs(stage: ScheduledStage, k: number): number {
    const m = Math.max(0, k - this.before[stage.index]!);
    const seconds = stage.durationMs / 1000;
    const r0 = stage.fromRate;
    const a = (stage.toRate - r0) / (2 * seconds);
    let t: number;
    if (a === 0) t = m / r0;
    else {
      const root = Math.sqrt(Math.max(0, r0 * r0 + 4 * a * m));
      t = r0 + root > 0 ? (2 * m) / (r0 + root) : 0;
    }
    return stage.startMs + Math.min(stage.durationMs, t * 1000);
  }

  /** The stage holding request `k` (binary search; the generator walks stages in order instead). */
  stageOfRequest(k: number): ScheduledStage {
    let low = 0;
    let high = this.stages.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.stages[middle]!.firstRequest <= k) low = middle;
      else high = middle - 1;
    }
    return this.stages[low]!;
  }

  /** The stage running at `ms` from the start, or -1 after the last stage's end. */
  stageAtMs(ms: number): number {
    if (ms >= this.durationMs) return -1;
    let low = 0;
    let high = this.stages.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.stages[middle]!.startMs <= ms) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * Parses `--stages 30s:50,2m:200,30s:0`: comma-separated `DURATION:TARGET` ramps.
 * @param parseDurationMs the duration parser of the surface (accepts `30`, `30s`, `2m`, …)
 * @throws {UserError} USAGE naming `label` and the bad stage
 */
export function parseStages(
  label: string,
  text: string,
  parseDurationMs: (label: string, value: string) => number,
): Stage[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === ''))
    throw new UserError(
      'USAGE',
      `${label}: '${text}' is not a list of DURATION:RATE stages (e.g. 30s:50,2m:200)`,
    );
  return parts.map((part) => {
    const match = /^([^:]+):([^:]+)$/.exec(part);
    if (!match) throw new UserError('USAGE', `${label}: stage '${part}' is not DURATION:RATE (e.g. 30s:50)`);
    const durationMs = parseDurationMs(label, match[1]!);
    if (!(durationMs > 0)) throw new UserError('USAGE', `${label}: stage '${part}' must last more than 0 s`);
    const targetText = match[2]!.trim();
    const target = /^\d+(\.\d+)?$/.test(targetText) ? Number(targetText) : Number.NaN;
    if (!Number.isFinite(target))
      throw new UserError(
        'USAGE',
        `${label}: stage '${part}': '${targetText}' is not a rate (requests/s, ≥ 0)`,
      );
    return { durationSeconds: durationMs / 1000, target };
  });
}
