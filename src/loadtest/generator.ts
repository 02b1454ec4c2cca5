/**
 * Open-model HTTP load generator: requests are due at a constant arrival rate whatever the response times.
 *
 * Request k is due at `start + k / rate`. Its latency is measured from that intended send time to the end of the
 * response body, so time spent waiting behind a slow server or a late timer counts (no coordinated omission; see
 * the reference §5.1 and §5.3 on why autocannon's rate mode gets this wrong). When `maxInFlight` requests are
 * already outstanding at a request's due time, the request is dropped and counted (k6's `dropped_iterations`).
 * Latencies go into an HDR histogram (hdr-histogram-js) in microseconds with 3 significant digits.
 */
import { Agent, request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import * as hdr from 'hdr-histogram-js';

export interface LoadOptions {
  readonly url: URL;
  /** Requests per second offered. */
  readonly rate: number;
  readonly durationSeconds: number;
  readonly method: 'GET' | 'POST';
  /** Request bodies, used round-robin; empty sends no body. */
  readonly payloads: readonly Buffer[];
  /** Requests outstanding at most; a request due while this many are outstanding is dropped. */
  readonly maxInFlight: number;
  /** Per-request timeout; a request still unanswered then is aborted and counted as an error `timeout`. */
  readonly timeoutMs: number;
  /** Called about once a second while the load runs. */
  readonly onProgress?: (progress: LoadProgress) => void;
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

/** The JSON result of a load run (field names are part of the documented output). */
export interface LoadResult {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly offered_rate: number;
  readonly duration_seconds: number;
  readonly max_in_flight: number;
  /** Wall-clock time of the first due request (ISO 8601). */
  readonly started_at: string;
  /** Wall-clock time when the last response or error arrived (ISO 8601). */
  readonly ended_at: string;
  readonly elapsed_seconds: number;
  /** Requests due in the schedule: ⌊rate × duration⌋. */
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
  /** Requests without a response, per error code (`ECONNREFUSED`, `ECONNRESET`, `timeout`, …). */
  readonly errors: Readonly<Record<string, number>>;
  readonly latency_ms: LatencySummary;
  /**
   * How late requests left compared with their intended send times (timer lateness, a busy event loop), included in
   * `latency_ms`. Small next to the latency means the figures describe the service, not the generator.
   */
  readonly send_lag_ms: LatencySummary;
}

function summarise(histogram: hdr.Histogram): LatencySummary {
  const count = histogram.totalCount;
  const ms = (microseconds: number): number => (count === 0 ? Number.NaN : microseconds / 1000);
  return {
    count,
    min: ms(histogram.minNonZeroValue),
    mean: ms(histogram.mean),
    p50: ms(histogram.getValueAtPercentile(50)),
    p75: ms(histogram.getValueAtPercentile(75)),
    p90: ms(histogram.getValueAtPercentile(90)),
    p95: ms(histogram.getValueAtPercentile(95)),
    p99: ms(histogram.getValueAtPercentile(99)),
    p999: ms(histogram.getValueAtPercentile(99.9)),
    max: ms(histogram.maxValue),
  };
}

/** Runs one constant-arrival-rate load and resolves when every sent request has a response or an error. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { url, rate, durationSeconds, maxInFlight } = options;
  const secure = url.protocol === 'https:';
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight, maxFreeSockets: maxInFlight });
  const send = secure ? httpsRequest : httpRequest;
  const histogram = hdr.build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });
  // How late each request left compared with its intended send time: the generator's own share of the latency.
  const sendLag = hdr.build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });
  const scheduled = Math.floor(rate * durationSeconds);
  const intervalMs = 1000 / rate;

  let next = 0;
  let sent = 0;
  let dropped = 0;
  let responses = 0;
  let inFlight = 0;
  let errorCount = 0;
  let lastEvent = 0;
  const statusCounts: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const baseOptions: RequestOptions = {
    method: options.method,
    hostname: url.hostname,
    port: url.port || (secure ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    agent: secure ? undefined : agent,
    headers: options.payloads.length > 0 ? { 'content-type': 'application/json' } : {},
  };

  return await new Promise<LoadResult>((resolve) => {
    const startWall = Date.now();
    const start = performance.now();
    let schedulingDone = false;
    let progressTimer: NodeJS.Timeout | undefined;

    const finishIfDone = (): void => {
      if (!schedulingDone || inFlight > 0) return;
      if (progressTimer) clearInterval(progressTimer);
      agent.destroy();
      const end = lastEvent === 0 ? performance.now() : lastEvent;
      const elapsedSeconds = (end - start) / 1000;
      resolve({
        url: url.toString(),
        method: options.method,
        offered_rate: rate,
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
        latency_ms: summarise(histogram),
        send_lag_ms: summarise(sendLag),
      });
    };

    const fire = (intended: number, payload: Buffer | undefined): void => {
      sendLag.recordValue(Math.max(1, Math.round((performance.now() - intended) * 1000)));
      sent++;
      inFlight++;
      let settled = false;
      const settle = (): void => {
        if (settled) return;
        settled = true;
        inFlight--;
        lastEvent = performance.now();
        finishIfDone();
      };
      const headers = payload
        ? { ...baseOptions.headers, 'content-length': payload.length }
        : baseOptions.headers;
      const req = send({ ...baseOptions, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (settled) return;
          responses++;
          const key = String(res.statusCode);
          statusCounts[key] = (statusCounts[key] ?? 0) + 1;
          histogram.recordValue(Math.max(1, Math.round((performance.now() - intended) * 1000)));
          settle();
        });
        res.on('error', () => undefined);
      });
      req.setTimeout(options.timeoutMs, () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })),
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (settled) return;
        const code = error.code ?? error.message;
        errors[code] = (errors[code] ?? 0) + 1;
        errorCount++;
        settle();
      });
      req.end(payload);
    };

    // Scheduler: dispatch every due request, then sleep with setTimeout until the next one is due. No busy-waiting:
    // spinning for sub-millisecond send times would take a whole core at 1000 requests/s and more, a core the service
    // under test needs on a small CI host. libuv timers fire up to ~1 ms late; that lateness is part of the latency
    // (measured from the intended time) and is reported on its own as `send_lag_ms`.
    const tick = (): void => {
      const now = performance.now();
      while (next < scheduled && start + next * intervalMs <= now) {
        const intended = start + next * intervalMs;
        if (inFlight >= maxInFlight) dropped++;
        else
          fire(
            intended,
            options.payloads.length > 0 ? options.payloads[next % options.payloads.length] : undefined,
          );
        next++;
      }
      if (next >= scheduled) {
        schedulingDone = true;
        finishIfDone();
        return;
      }
      setTimeout(tick, Math.max(0, Math.floor(start + next * intervalMs - performance.now())));
    };

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

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** One progress line (no newline). */
export function formatProgress(progress: LoadProgress): string {
  return (
    `load ${fixed(Math.min(progress.elapsedSeconds, progress.durationSeconds), 0)}/${progress.durationSeconds}s  ` +
    `sent ${progress.sent}  responses ${progress.responses}  in-flight ${progress.inFlight}  ` +
    `dropped ${progress.dropped}  errors ${progress.errors}  p95 ${fixed(progress.p95Ms, 1)} ms`
  );
}

/** The human-readable result table. */
export function formatLoadTable(result: LoadResult): string {
  const latency = result.latency_ms;
  const rows: Array<[string, string]> = [
    ['url', `${result.method} ${result.url}`],
    [
      'offered rate',
      `${result.offered_rate}/s for ${result.duration_seconds}s (max in flight ${result.max_in_flight})`,
    ],
    ['scheduled / sent', `${result.scheduled} / ${result.sent}`],
    ['dropped (in-flight cap)', String(result.dropped)],
    ['responses', String(result.responses)],
    ['achieved rate', `${fixed(result.achieved_rate, 1)}/s over ${fixed(result.elapsed_seconds, 2)}s`],
    [
      'status codes',
      Object.entries(result.status_counts)
        .map(([code, n]) => `${code}: ${n}`)
        .join(', ') || '-',
    ],
    [
      'errors',
      Object.entries(result.errors)
        .map(([code, n]) => `${code}: ${n}`)
        .join(', ') || '0',
    ],
    [
      'latency ms (from intended send)',
      `min ${fixed(latency.min, 2)}  mean ${fixed(latency.mean, 2)}  p50 ${fixed(latency.p50, 2)}  p75 ${fixed(latency.p75, 2)}  p90 ${fixed(latency.p90, 2)}  ` +
        `p95 ${fixed(latency.p95, 2)}  p99 ${fixed(latency.p99, 2)}  p99.9 ${fixed(latency.p999, 2)}  max ${fixed(latency.max, 2)}`,
    ],
    [
      'send lag ms (generator)',
      `p50 ${fixed(result.send_lag_ms.p50, 2)}  p99 ${fixed(result.send_lag_ms.p99, 2)}  max ${fixed(result.send_lag_ms.max, 2)}`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
