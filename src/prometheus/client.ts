/**
 * A small client for the Prometheus HTTP API (`/api/v1/query`, `/api/v1/targets`, `/-/ready`), checked against
 * Prometheus 2.42. Query failures become {@link PrometheusQueryError} (they fail one objective); an unreachable
 * server or a broken targets API becomes a {@link UserError} `PROMETHEUS` naming the URL.
 */
import { UserError } from '../errors.js';

/** The parsed `data` of a successful instant query. Sample values stay strings until {@link parseSampleValue}. */
export type QueryData =
  | {
      readonly resultType: 'vector';
      readonly samples: ReadonlyArray<{ readonly metric: Record<string, string>; readonly value: string }>;
    }
  | { readonly resultType: 'scalar'; readonly value: string }
  | { readonly resultType: 'string'; readonly value: string }
  | { readonly resultType: 'matrix'; readonly series: number };

export interface QueryResponse {
  readonly data: QueryData;
  /** Prometheus' `warnings` array, passed through. */
  readonly warnings: readonly string[];
}

/** A target of `/api/v1/targets` (active targets only). */
export interface ScrapeTarget {
  readonly job: string;
  readonly scrapeUrl: string;
  readonly health: 'up' | 'down' | 'unknown';
  readonly lastError: string;
  /** Start of the last scrape, milliseconds since the epoch (NaN before the first scrape). */
  readonly lastScrapeMs: number;
  /** The target's scrape interval in milliseconds. */
  readonly scrapeIntervalMs: number;
}

/** A query Prometheus answered with an error envelope or a non-2xx status. */
export class PrometheusQueryError extends Error {
  override readonly name = 'PrometheusQueryError';
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Converts a Prometheus sample value. `Number()` handles "NaN" but returns NaN for "+Inf"/"-Inf", so those are
 * mapped explicitly (reference §8.3).
 * @example parseSampleValue('+Inf'); // => Infinity
 */
export function parseSampleValue(text: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return text.trim() === '' ? Number.NaN : Number(text);
}

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/**
 * Parses a Prometheus duration (`1s`, `10s`, `1m30s`, `500ms`) into milliseconds.
 * @throws {Error} if the text is not a duration
 */
export function parseDurationMs(text: string): number {
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text)
    throw new Error(`not a Prometheus duration: '${text}'`);
  return parts.reduce((total, part) => total + Number(part[1]) * DURATION_UNITS[part[2]!]!, 0);
}

/** A Prometheus duration for a whole number of milliseconds (`9s`, or `9500ms`). */
export function formatPromDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.round(ms)}ms`;
}

/**
 * Parses a time flag: RFC 3339 (`2026-11-26T05:00:00Z`) or Unix seconds with decimals.
 * @throws {UserError} USAGE naming the flag
 */
export function parseTime(flag: string, text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) * 1000 : Number.NaN;
  const ms = Number.isFinite(seconds)
    ? seconds
    : /^\d{4}-\d\d-\d\dT/.test(text)
      ? Date.parse(text)
      : Number.NaN;
  if (!Number.isFinite(ms))
    throw new UserError('USAGE', `${flag}: '${text}' is neither RFC 3339 nor Unix seconds`);
  return ms;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface PrometheusClientOptions {
  /** Base URL, e.g. `http://127.0.0.1:9090` (a path prefix is kept). */
  readonly url: string;
  /** Per-request timeout. */
  readonly timeoutMs: number;
}

/** Prometheus HTTP API client over the global `fetch`. */
export class PrometheusClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(options: PrometheusClientOptions) {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new UserError('USAGE', `--prometheus: '${options.url}' is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new UserError('USAGE', `--prometheus: '${options.url}' must be an http(s) URL`);
    this.baseUrl = parsed.toString().replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
  }

  private async request(path: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        ...init,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      const cause = error instanceof Error && isObject(error.cause) ? error.cause : undefined;
      const detail =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : String(cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : error));
      throw new UserError('PROMETHEUS', `cannot reach Prometheus at ${this.baseUrl}: ${detail}`);
    }
  }

  /** True when `/-/ready` answers 200 (false for 503 while the TSDB loads, or when nothing listens). */
  async ready(): Promise<boolean> {
    try {
      return (await this.request('/-/ready')).status === 200;
    } catch {
      return false;
    }
  }

  /**
   * Evaluates an instant query at a pinned time (`POST /api/v1/query`, form-encoded).
   * @param atMs evaluation time, milliseconds since the epoch
   * @throws {PrometheusQueryError} for an error envelope or a non-2xx status
   */
  async query(expression: string, atMs: number): Promise<QueryResponse> {
    const body = new URLSearchParams({ query: expression, time: (atMs / 1000).toFixed(3) });
    const { status, text } = await this.request('/api/v1/query', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      throw new PrometheusQueryError(
        status,
        'http',
        `HTTP ${status} without a Prometheus envelope: ${text.slice(0, 120).trim()}`,
      );
    }
    if (!isObject(envelope) || envelope.status !== 'success' || status < 200 || status > 299) {
      const errorType =
        isObject(envelope) && typeof envelope.errorType === 'string' ? envelope.errorType : 'http';
      const message =
        isObject(envelope) && typeof envelope.error === 'string' ? envelope.error : `HTTP ${status}`;
      throw new PrometheusQueryError(status, errorType, message);
    }
    const warnings = Array.isArray(envelope.warnings) ? envelope.warnings.map(String) : [];
    const data = envelope.data;
    if (!isObject(data)) throw new PrometheusQueryError(status, 'bad_response', 'response has no "data"');
    const result = data.result;
    switch (data.resultType) {
      case 'vector':
        if (!Array.isArray(result)) break;
        return {
          warnings,
          data: {
            resultType: 'vector',
            samples: result.map((sample: { metric?: Record<string, string>; value?: [number, string] }) => ({
              metric: sample.metric ?? {},
              value: String(sample.value?.[1]),
            })),
          },
        };
      case 'scalar':
      case 'string':
        if (!Array.isArray(result)) break;
        return { warnings, data: { resultType: data.resultType, value: String(result[1]) } };
      case 'matrix':
        if (!Array.isArray(result)) break;
        return { warnings, data: { resultType: 'matrix', series: result.length } };
    }
    throw new PrometheusQueryError(
      status,
      'bad_response',
      `unexpected resultType ${JSON.stringify(data.resultType)}`,
    );
  }

  /** Active scrape targets (`GET /api/v1/targets?state=active`). */
  async targets(): Promise<ScrapeTarget[]> {
    const { status, text } = await this.request('/api/v1/targets?state=active');
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      envelope = undefined;
    }
    if (status !== 200 || !isObject(envelope) || envelope.status !== 'success' || !isObject(envelope.data))
      throw new UserError(
        'PROMETHEUS',
        `${this.baseUrl}/api/v1/targets answered HTTP ${status}: ${text.slice(0, 120).trim()}`,
      );
    const active = Array.isArray(envelope.data.activeTargets) ? envelope.data.activeTargets : [];
    return active.filter(isObject).map((target) => {
      const labels = isObject(target.labels) ? target.labels : {};
      let scrapeIntervalMs = Number.NaN;
      try {
        scrapeIntervalMs = parseDurationMs(String(target.scrapeInterval));
      } catch {
        // Older servers omit scrapeInterval; callers fall back to their own default.
      }
      return {
        job: String(labels.job ?? ''),
        scrapeUrl: String(target.scrapeUrl ?? ''),
        health: target.health === 'up' || target.health === 'down' ? target.health : 'unknown',
        lastError: String(target.lastError ?? ''),
        lastScrapeMs: typeof target.lastScrape === 'string' ? Date.parse(target.lastScrape) : Number.NaN,
        scrapeIntervalMs,
      };
    });
  }
}
