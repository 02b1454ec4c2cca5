/**
 * One validated {@link LoadSessionSettings} from raw strings, shared by `driftwatch loadtest` (flags) and the
 * companion action (inputs). Messages name the flag or input through `label`, quote the value, and never coerce.
 */
import { UserError } from '../errors.js';
import { parseDurationMs } from '../prometheus/client.js';
import type { LoadSessionSettings } from './session.js';

/** Raw values as typed by the user; undefined (or empty) means "not given". */
export interface RawLoadInputs {
  readonly url?: string;
  readonly rate?: string;
  readonly duration?: string;
  readonly payloads?: string;
  readonly method?: string;
  readonly maxInFlight?: string;
  readonly timeoutMs?: string;
  readonly prometheus?: string;
  readonly slo?: string;
  readonly job?: string;
  readonly vars?: readonly string[];
  readonly waitTimeout?: string;
}

export type RawLoadField = keyof RawLoadInputs;

export const DEFAULT_MAX_IN_FLIGHT = 256;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_WAIT_TIMEOUT_MS = 60_000;
export const DEFAULT_JOB = 'api';

function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseNumber(label: string, value: string, range: { min?: number; integer?: boolean } = {}): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number))
    throw new UserError('USAGE', `${label}: '${value}' is not a number`);
  if (range.integer && !Number.isInteger(number))
    throw new UserError('USAGE', `${label}: '${value}' is not an integer`);
  if (range.min !== undefined && number < range.min)
    throw new UserError('USAGE', `${label}: ${value} is below the minimum ${range.min}`);
  return number;
}

/** Parses a duration: plain seconds (`30`, `0.5`) or a Prometheus duration (`30s`, `2m`, `1m30s`). Returns ms. */
export function parseDurationValue(label: string, value: string): number {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  try {
    return parseDurationMs(text);
  } catch {
    throw new UserError('USAGE', `${label}: '${value}' is not a duration (e.g. 30, 30s, 2m)`);
  }
}

/** Parses `name=value` variable assignments (names: lower case, digits, `_`). */
export function parseVariables(label: string, specs: readonly string[] | undefined): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const spec of specs ?? []) {
    const match = /^([a-z_][a-z0-9_]*)=(.*)$/.exec(spec.trim());
    if (!match)
      throw new UserError('USAGE', `${label}: '${spec}' is not NAME=VALUE (NAME in lower case, digits, _)`);
    variables[match[1]!] = match[2]!;
  }
  return variables;
}

/**
 * Validates raw load/gate inputs into settings.
 * @param label how to name a field in messages, e.g. `(field) => '--max-in-flight'` or `'max-in-flight'`
 * @throws {UserError} USAGE naming the flag or input
 */
export function parseLoadSessionSettings(
  raw: RawLoadInputs,
  label: (field: RawLoadField) => string,
): LoadSessionSettings {
  const required = (field: 'url' | 'rate' | 'duration'): string => {
    const value = given(raw[field]);
    if (value === undefined) throw new UserError('USAGE', `${label(field)} is required`);
    return value;
  };
  const urlText = required('url');
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    throw new UserError('USAGE', `${label('url')}: '${urlText}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError('USAGE', `${label('url')}: '${urlText}' must be http(s)`);
  const rate = parseNumber(label('rate'), required('rate'));
  if (!(rate > 0)) throw new UserError('USAGE', `${label('rate')}: ${rate} must be positive`);
  const durationMs = parseDurationValue(label('duration'), required('duration'));
  if (!(durationMs > 0))
    throw new UserError('USAGE', `${label('duration')}: '${raw.duration}' must be positive`);
  if (Math.floor((rate * durationMs) / 1000) < 1)
    throw new UserError('USAGE', `${label('rate')} × ${label('duration')} schedules no request`);
  const maxInFlightText = given(raw.maxInFlight);
  const maxInFlight =
    maxInFlightText === undefined
      ? DEFAULT_MAX_IN_FLIGHT
      : parseNumber(label('maxInFlight'), maxInFlightText, { min: 1, integer: true });
  const timeoutText = given(raw.timeoutMs);
  const timeoutMs =
    timeoutText === undefined ? DEFAULT_TIMEOUT_MS : parseNumber(label('timeoutMs'), timeoutText, { min: 1 });
  const payloadsPath = given(raw.payloads) ?? null;
  const method = given(raw.method)?.toUpperCase() ?? (payloadsPath === null ? 'GET' : 'POST');
  if (method !== 'GET' && method !== 'POST')
    throw new UserError('USAGE', `${label('method')}: '${raw.method}' is not one of GET, POST`);
  const variables = parseVariables(label('vars'), raw.vars);
  const prometheus = given(raw.prometheus);
  const slo = given(raw.slo);
  if ((prometheus === undefined) !== (slo === undefined))
    throw new UserError('USAGE', `${label('prometheus')} and ${label('slo')} go together`);
  const waitText = given(raw.waitTimeout);
  const waitTimeoutMs =
    waitText === undefined ? DEFAULT_WAIT_TIMEOUT_MS : parseDurationValue(label('waitTimeout'), waitText);
  return {
    url,
    rate,
    durationSeconds: durationMs / 1000,
    method,
    payloadsPath,
    maxInFlight,
    timeoutMs,
    gate:
      prometheus === undefined || slo === undefined
        ? null
        : {
            prometheusUrl: prometheus,
            sloPath: slo,
            job: given(raw.job) ?? DEFAULT_JOB,
            variables,
            waitTimeoutMs,
          },
  };
}
