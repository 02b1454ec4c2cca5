/**
 * Open-model HTTP load generator: requests are due on an arrival schedule whatever the response times.
 *
 * Request k is due at the time the {@link ArrivalSchedule} gives it (`start + k / rate` at a constant rate; linear
 * ramps with `stages`). Its latency is measured from that intended send time to the end of the response body, so
 * time spent waiting behind a slow server or a late timer counts (no coordinated omission: a closed-loop client, or
 * autocannon's rate mode, measures from when it actually sent and so hides a stalled server). When `maxInFlight`
 * requests are already outstanding at a request's due time, the request is dropped and counted (k6's
 * `dropped_iterations`). Latencies go into an HDR histogram (hdr-histogram-js) in microseconds with 3 significant
 * digits.
 */
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import * as hdr from 'hdr-histogram-js';
import { nodeHttp, nodeHttps } from '../util/node-http.js';
import { ArrivalSchedule, type Stage } from './schedule.js';

/** Checks on responses; a failed check is an error of its own kind (`check_status`, `check_schema`). */
export interface ResponseChecks {
  /** Status codes a response must have; null: any status passes (5xx still count as failed requests). */
  readonly expectStatus: ReadonlySet<number> | null;
  /** How the expected statuses are shown (`200`, `200,404`, `2xx`). */
  readonly expectStatusText: string | null;
  /** Validates a parsed JSON body: null when valid, else one line saying why. */
  readonly validateBody: ((body: unknown) => string | null) | null;
  /** Where the schema came from, for the result. */
  readonly schemaSource: string | null;
  /** Share of responses whose body is validated, spread evenly (request k when ⌊(k+1)·s⌋ > ⌊k·s⌋); 1 checks all. */
  readonly sample: number;
}

export interface LoadOptions {
  readonly url: URL;
  /** Requests per second offered; with `stages`, the rate at the start of the first stage. */
  readonly rate: number;
  /** Length of a constant-rate load; ignored with `stages` (their durations add up to the load's). */
  readonly durationSeconds: number;
  /** Linear ramps of the arrival rate (k6's `ramping-arrival-rate`); the result then has one entry per stage. */
  readonly stages?: readonly Stage[];
  readonly method: 'GET' | 'POST';
  /** Request bodies, used round-robin; empty sends no body. */
  readonly payloads: readonly Buffer[];
  /** Requests outstanding at most; a request due while this many are outstanding is dropped. */
  readonly maxInFlight: number;
  /**
   * Per-request timeout, from the moment it was sent; a request still unanswered then is aborted (within a tenth of
   * the timeout, at most 100 ms, later) and counted as an error `timeout`.
   */
  readonly timeoutMs: number;
  readonly checks?: ResponseChecks;
  /** Called about once a second while the load runs. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Aborting stops the schedule and closes every connection (outstanding requests become errors); resolves then. */
  readonly signal?: AbortSignal;
}

export interface LoadProgress {
  readonly elapsedSeconds: number;
  readonly durationSeconds: number;
  readonly sent: number;
  readonly responses: number;
  readonly inFlight: number;
  readonly dropped: number;
  readonly errors: number;
  /** p95 of the latencies so far, in milliseconds (NaN before the first response). */
  readonly p95Ms: number;
}

/** Latency summary in milliseconds, measured from each request's intended send time. */
export interface LatencySummary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/** One stage of a `stages` load (field names are part of the documented output). */
export interface StageResult {
  /** 1-based, in the order given. */
  readonly stage: number;
  readonly from_rate: number;
  readonly to_rate: number;
  /** Offset of the stage's start from the load's start, and its length, in seconds. */
  readonly start_seconds: number;
  readonly duration_seconds: number;
  /** Requests due in the stage, and that number per second of the stage. */
  readonly scheduled: number;
  readonly offered_rate: number;
  readonly sent: number;
  readonly dropped: number;
  /** Responses to the requests due in the stage. */
  readonly responses: number;
  /** Failed requests among those due in the stage (no response, 5xx, or a failed check). */
  readonly failed: number;
  /** Responses that arrived while the stage ran, per second of the stage. */
  readonly achieved_rate: number;
  /** Latency of the requests due in the stage. */
  readonly latency_ms: LatencySummary;
}

export interface CheckCounts {
  readonly checked: number;
  readonly failed: number;
}

/** The JSON result of a load run (field names are part of the documented output). */
export interface LoadResult {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  /** Requests per second offered: the constant rate, or the average over the stages (scheduled / duration). */
  readonly offered_rate: number;
  readonly duration_seconds: number;
  readonly max_in_flight: number;
  /** Wall-clock time of the first due request (ISO 8601). */
  readonly started_at: string;
  /** Wall-clock time when the last response or error arrived (ISO 8601). */
  readonly ended_at: string;
  readonly elapsed_seconds: number;
  /** Requests due in the schedule: ⌊rate × duration⌋, or ⌊∫ rate⌋ over the stages. */
  readonly scheduled: number;
  readonly sent: number;
  /** Due requests not sent because `max_in_flight` requests were outstanding. */
  readonly dropped: number;
  /** Requests that got an HTTP response (any status). */
  readonly responses: number;
  /** `responses / elapsed_seconds`. */
  readonly achieved_rate: number;
  /** Responses per HTTP status code. */
  readonly status_counts: Readonly<Record<string, number>>;
  /**
   * Errors per kind: requests without a response per error code (`ECONNREFUSED`, `ECONNRESET`, `timeout`, …), and
   * responses that failed a check (`check_status`, `check_schema`).
   */
  readonly errors: Readonly<Record<string, number>>;
  /** Requests that failed: no response, a 5xx response, or a failed check (each request counted once). */
  readonly failed: number;
  /** `failed / sent` (0 when nothing was sent). */
  readonly error_ratio: number;
  /** The response checks that ran, with how many responses each checked and failed; null when none was asked. */
  readonly checks: {
    readonly status: (CheckCounts & { readonly expected: string }) | null;
    readonly schema: (CheckCounts & { readonly schema: string; readonly sample: number }) | null;
    /** The first few failure messages, e.g. `status 503 (expected 200)`, `/probability must be number`. */
    readonly examples: readonly string[];
  } | null;
  readonly latency_ms: LatencySummary;
  /**
   * How late requests left compared with their intended send times (timer lateness, a busy event loop), included in
   * `latency_ms`. Small next to the latency means the figures describe the service, not the generator.
   */
  readonly send_lag_ms: LatencySummary;
  /** One entry per stage of a `stages` load; null for a constant rate. */
  readonly stages: readonly StageResult[] | null;
}

/** Most check failure messages kept as examples. */
const MAX_CHECK_EXAMPLES = 5;

function newHistogram(): hdr.Histogram {
  return hdr.build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });
}

/**
 * Summarises a histogram of microseconds in milliseconds. A percentile is the upper end of its HDR bucket, which can
 * lie just above the largest recorded value (by up to 0.1 % at 3 significant digits); percentiles are clamped to the
 * recorded min and max so a summary never shows p99.9 above max.
 */
export function summarise(histogram: hdr.Histogram): LatencySummary {
  const count = histogram.totalCount;
  if (count === 0) {
    const nan = Number.NaN;
    return {
      count,
      min: nan,
      mean: nan,
      p50: nan,
      p75: nan,
      p90: nan,
      p95: nan,
      p99: nan,
      p999: nan,
      max: nan,
    };
  }
  const min = histogram.minNonZeroValue;
  const max = histogram.maxValue;
  const at = (percentile: number): number =>
    Math.min(max, Math.max(min, histogram.getValueAtPercentile(percentile))) / 1000;
  return {
    count,
    min: min / 1000,
    mean: Math.min(max, Math.max(min, histogram.mean)) / 1000,
    p50: at(50),
    p75: at(75),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    p999: at(99.9),
    max: max / 1000,
  };
}

/** A sent request until it settles, and when it times out (`performance.now()` ms). */
interface Outstanding {
  request: ClientRequest | null;
  readonly deadline: number;
  settled: boolean;
}

interface StageCounters {
  sent: number;
  dropped: number;
  responses: number;
  failed: number;
  completedInStage: number;
  readonly latency: hdr.Histogram;
}

/** Runs one open-model load and resolves when every sent request has a response or an error. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { url, maxInFlight } = options;
  const schedule = options.stages
    ? new ArrivalSchedule(options.rate, options.stages)
    : ArrivalSchedule.constant(options.rate, options.durationSeconds);
  const durationSeconds = schedule.durationMs / 1000;
  const secure = url.protocol === 'https:';
  const agentOptions = { keepAlive: true, maxSockets: maxInFlight, maxFreeSockets: maxInFlight };
  const agent = secure ? new (nodeHttps().Agent)(agentOptions) : new (nodeHttp().Agent)(agentOptions);
  const send = secure ? nodeHttps().request : nodeHttp().request;
  const histogram = newHistogram();
  // How late each request left compared with its intended send time: the generator's own share of the latency.
  const sendLag = newHistogram();
  const scheduled = schedule.total;
  const perStage: StageCounters[] | null = options.stages
    ? schedule.stages.map(() => ({
        sent: 0,
        dropped: 0,
        responses: 0,
        failed: 0,
        completedInStage: 0,
        latency: newHistogram(),
      }))
    : null;

  const checks = options.checks ?? null;
  const expectStatus = checks?.expectStatus ?? null;
  const validateBody = checks?.validateBody ?? null;
  const sampleShare = checks?.sample ?? 1;
  let statusChecked = 0;
  let statusFailed = 0;
  let schemaChecked = 0;
  let schemaFailed = 0;
  const examples: string[] = [];

  let next = 0;
  let sent = 0;
  let dropped = 0;
  let responses = 0;
  let failed = 0;
  let inFlight = 0;
  let errorCount = 0;
  let lastEvent = 0;
  const statusCounts: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const countError = (kind: string): void => {
    errors[kind] = (errors[kind] ?? 0) + 1;
    errorCount++;
  };
  const noteExample = (text: string): void => {
    if (examples.length < MAX_CHECK_EXAMPLES) examples.push(text);
  };
  const baseOptions: RequestOptions = {
    method: options.method,
    hostname: url.hostname,
    port: url.port || (secure ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    agent,
    headers: options.payloads.length > 0 ? { 'content-type': 'application/json' } : {},
  };

  return await new Promise<LoadResult>((resolve) => {
    const startWall = Date.now();
    const start = performance.now();
    let schedulingDone = false;
    let progressTimer: NodeJS.Timeout | undefined;
    let tickTimer: NodeJS.Timeout | undefined;
    let resolved = false;
    // Requests in the order they were sent, so in the order of their deadlines: the sweep aborts the oldest ones
    // still unanswered at their deadline (a total time, unlike a socket's idle timeout, which a server trickling
    // bytes would keep resetting). Settled entries are skipped and dropped from the front.
    const outstanding: Outstanding[] = [];
    let oldest = 0;
    const sweep = (): void => {
      const now = performance.now();
      while (oldest < outstanding.length) {
        const entry = outstanding[oldest]!;
        if (!entry.settled && entry.deadline > now) break;
        oldest++;
        if (!entry.settled) entry.request!.destroy(Object.assign(new Error('timeout'), { code: 'timeout' }));
      }
      if (oldest > 4096 && oldest * 2 > outstanding.length) {
        outstanding.splice(0, oldest);
        oldest = 0;
      }
    };
    const sweepTimer = setInterval(sweep, Math.min(100, Math.max(5, options.timeoutMs / 10)));

    const finishIfDone = (): void => {
      if (!schedulingDone || inFlight > 0 || resolved) return;
      resolved = true;
      clearInterval(sweepTimer);
      if (progressTimer) clearInterval(progressTimer);
      options.signal?.removeEventListener('abort', onAbort);
      agent.destroy();
      const end = lastEvent === 0 ? performance.now() : lastEvent;
      const elapsedSeconds = (end - start) / 1000;
      resolve({
        url: url.toString(),
        method: options.method,
        offered_rate: options.stages ? schedule.averageRate : options.rate,
        duration_seconds: durationSeconds,
        max_in_flight: maxInFlight,
        started_at: new Date(startWall).toISOString(),
        ended_at: new Date(startWall + (end - start)).toISOString(),
        elapsed_seconds: elapsedSeconds,
        scheduled,
        sent,
        dropped,
        responses,
        achieved_rate: elapsedSeconds > 0 ? responses / elapsedSeconds : 0,
        status_counts: statusCounts,
        errors,
        failed,
        error_ratio: sent > 0 ? failed / sent : 0,
        checks:
          checks === null || (expectStatus === null && validateBody === null)
            ? null
            : {
                status:
                  expectStatus === null
                    ? null
                    : {
                        expected: checks.expectStatusText ?? [...expectStatus].join(','),
                        checked: statusChecked,
                        failed: statusFailed,
                      },
                schema:
                  validateBody === null
                    ? null
                    : {
                        schema: checks.schemaSource ?? '',
                        sample: sampleShare,
                        checked: schemaChecked,
                        failed: schemaFailed,
                      },
                examples,
              },
        latency_ms: summarise(histogram),
        send_lag_ms: summarise(sendLag),
        stages:
          perStage === null
            ? null
            : schedule.stages.map((stage, index): StageResult => {
                const counters = perStage[index]!;
                const seconds = stage.durationMs / 1000;
                const due = stage.endRequest - stage.firstRequest;
                return {
                  stage: index + 1,
                  from_rate: stage.fromRate,
                  to_rate: stage.toRate,
                  start_seconds: stage.startMs / 1000,
                  duration_seconds: seconds,
                  scheduled: due,
                  offered_rate: due / seconds,
                  sent: counters.sent,
                  dropped: counters.dropped,
                  responses: counters.responses,
                  failed: counters.failed,
                  achieved_rate: counters.completedInStage / seconds,
                  latency_ms: summarise(counters.latency),
                };
              }),
      });
    };

    const fire = (
      intended: number,
      payload: Buffer | undefined,
      request: number,
      counters: StageCounters | null,
    ): void => {
      const sentAt = performance.now();
      sendLag.recordValue(Math.max(1, Math.round((sentAt - intended) * 1000)));
      sent++;
      inFlight++;
      if (counters) counters.sent++;
      const entry: Outstanding = { request: null, deadline: sentAt + options.timeoutMs, settled: false };
      const settle = (): void => {
        if (entry.settled) return;
        entry.settled = true;
        inFlight--;
        lastEvent = performance.now();
        finishIfDone();
      };
      const checkBody =
        validateBody !== null &&
        (sampleShare >= 1 || Math.floor((request + 1) * sampleShare) > Math.floor(request * sampleShare));
      const headers = payload
        ? { ...baseOptions.headers, 'content-length': payload.length }
        : baseOptions.headers;
      const req = send({ ...baseOptions, headers }, (res: IncomingMessage) => {
        const chunks: Buffer[] | null = checkBody ? [] : null;
        if (chunks) res.on('data', (chunk: Buffer) => chunks.push(chunk));
        else res.resume();
        res.on('end', () => {
          if (entry.settled) return;
          const now = performance.now();
          responses++;
          const status = res.statusCode ?? 0;
          const key = String(status);
          statusCounts[key] = (statusCounts[key] ?? 0) + 1;
          const micros = Math.max(1, Math.round((now - intended) * 1000));
          histogram.recordValue(micros);
          let failedCheck = false;
          if (expectStatus !== null) {
            statusChecked++;
            if (!expectStatus.has(status)) {
              statusFailed++;
              failedCheck = true;
              countError('check_status');
              noteExample(`status ${status} (expected ${checks!.expectStatusText ?? ''})`);
            }
          }
          if (chunks) {
            schemaChecked++;
            const problem = bodyProblem(Buffer.concat(chunks), validateBody!);
            if (problem !== null) {
              schemaFailed++;
              countError('check_schema');
              noteExample(problem);
              failedCheck = true;
            }
          }
          const requestFailed = failedCheck || status >= 500;
          if (requestFailed) failed++;
          if (counters) {
            counters.responses++;
            counters.latency.recordValue(micros);
            if (requestFailed) counters.failed++;
            const completedStage = schedule.stageAtMs(now - start);
            if (completedStage >= 0) perStage![completedStage]!.completedInStage++;
          }
          settle();
        });
        res.on('error', () => undefined);
      });
      entry.request = req;
      outstanding.push(entry);
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (entry.settled) return;
        countError(error.code ?? error.message);
        failed++;
        if (counters) counters.failed++;
        settle();
      });
      req.end(payload);
    };

    // Scheduler: dispatch every due request, then sleep with setTimeout until the next one is due. No busy-waiting:
    // spinning for sub-millisecond send times would take a whole core at 1000 requests/s and more, a core the service
    // under test needs on a small CI host. libuv timers fire up to ~1 ms late; that lateness is part of the latency
    // (measured from the intended time) and is reported on its own as `send_lag_ms`.
    let stage = schedule.stages[0]!;
    const tick = (): void => {
      tickTimer = undefined;
      if (schedulingDone) return;
      const now = performance.now();
      while (next < scheduled) {
        while (next >= stage.endRequest) stage = schedule.stages[stage.index + 1]!;
        const intended = start + schedule.dueMs(stage, next);
        if (intended > now) break;
        const counters = perStage === null ? null : perStage[stage.index]!;
        if (inFlight >= maxInFlight) {
          dropped++;
          if (counters) counters.dropped++;
        } else
          fire(
            intended,
            options.payloads.length > 0 ? options.payloads[next % options.payloads.length] : undefined,
            next,
            counters,
          );
        next++;
      }
      if (next >= scheduled) {
        schedulingDone = true;
        finishIfDone();
        return;
      }
      const dueAt = start + schedule.dueMs(stage, next);
      tickTimer = setTimeout(tick, Math.max(0, Math.floor(dueAt - performance.now())));
    };

    const onAbort = (): void => {
      schedulingDone = true;
      if (tickTimer) clearTimeout(tickTimer);
      agent.destroy();
      finishIfDone();
    };
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });

    if (options.onProgress) {
      const report = options.onProgress;
      progressTimer = setInterval(() => {
        report({
          elapsedSeconds: (performance.now() - start) / 1000,
          durationSeconds,
          sent,
          responses,
          inFlight,
          dropped,
          errors: errorCount,
          p95Ms: histogram.totalCount === 0 ? Number.NaN : histogram.getValueAtPercentile(95) / 1000,
        });
      }, 1000);
      progressTimer.unref();
    }
    tick();
  });
}

/** Why a response body fails the schema check (not JSON, or the validator's first complaint), or null. */
function bodyProblem(body: Buffer, validate: (body: unknown) => string | null): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return `body is not JSON (${body.length} bytes)`;
  }
  return validate(parsed);
}
