/**
 * Validated settings from raw strings, shared by `driftwatch loadtest` / `driftwatch capacity` (flags) and the
 * companion action (inputs): {@link parseLoadSessionSettings} and {@link parseCapacitySettings}. Messages name the
 * flag or input through `label`, quote the value, and never coerce.
 */
import { UserError } from '../errors.js';
import { parseDurationMs } from '../prometheus/client.js';
import type { CapacitySettings } from './capacity.js';
import { parseExpectStatus, type CheckSettings } from './checks.js';
import { ArrivalSchedule, parseStages } from './schedule.js';
import type { GateSettings, LoadSessionSettings, RequestSettings } from './session.js';

/** Raw values as typed by the user; undefined (or empty) means "not given". */
export interface RawLoadInputs {
  readonly url?: string;
  readonly rate?: string;
  readonly duration?: string;
  readonly stages?: string;
  readonly payloads?: string;
  readonly method?: string;
  readonly maxInFlight?: string;
  readonly timeoutMs?: string;
  readonly expectStatus?: string;
  readonly expectJsonSchema?: string;
  readonly checkSample?: string;
  readonly prometheus?: string;
  readonly slo?: string;
  readonly job?: string;
  readonly vars?: readonly string[];
  readonly waitTimeout?: string;
  // Capacity search only.
  readonly min?: string;
  readonly max?: string;
  readonly stepDuration?: string;
  readonly precision?: string;
  readonly coolDown?: string;
  readonly budget?: string;
  readonly baseline?: string;
  readonly maxCapacityDrop?: string;
}

export type RawLoadField = keyof RawLoadInputs;

export const DEFAULT_MAX_IN_FLIGHT = 256;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_WAIT_TIMEOUT_MS = 60_000;
export const DEFAULT_JOB = 'api';
export const MAX_STAGES = 100;
export const DEFAULT_CAPACITY = {
  min: 10,
  max: 5000,
  stepDurationMs: 20_000,
  precision: 0.1,
  coolDownMs: 5000,
  budgetMs: 600_000,
  maxCapacityDrop: 0.2,
} as const;

function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseNumber(
  label: string,
  value: string,
  range: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) throw new UserError('USAGE', `${label}: '${value}' is not a number`);
  if (range.integer && !Number.isInteger(number))
    throw new UserError('USAGE', `${label}: '${value}' is not an integer`);
  if (range.min !== undefined && number < range.min)
    throw new UserError('USAGE', `${label}: ${value} is below the minimum ${range.min}`);
  if (range.max !== undefined && number > range.max)
    throw new UserError('USAGE', `${label}: ${value} is above the maximum ${range.max}`);
  return number;
}

/** Parses a share: `0.1` or `10%`, strictly between 0 and 1 (1 included when `allowOne`). */
function parseShare(label: string, value: string, allowOne: boolean): number {
  const percent = value.trim().endsWith('%');
  const share = parseNumber(label, percent ? value.trim().slice(0, -1) : value) / (percent ? 100 : 1);
  if (!(share > 0) || share > 1 || (!allowOne && share === 1))
    throw new UserError(
      'USAGE',
      `${label}: '${value}' must be above 0 and ${allowOne ? 'at most' : 'below'} 1 (or ${allowOne ? '100' : '0-100'}%)`,
    );
  return share;
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

type Label = (field: RawLoadField) => string;

/** Target, method, payloads, in-flight cap, timeout and response checks. */
function parseRequestSettings(raw: RawLoadInputs, label: Label): RequestSettings {
  const urlText = given(raw.url);
  if (urlText === undefined) throw new UserError('USAGE', `${label('url')} is required`);
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    throw new UserError('USAGE', `${label('url')}: '${urlText}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError('USAGE', `${label('url')}: '${urlText}' must be http(s)`);
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
  const statusText = given(raw.expectStatus);
  const schemaPath = given(raw.expectJsonSchema) ?? null;
  const sampleText = given(raw.checkSample);
  if (sampleText !== undefined && schemaPath === null)
    throw new UserError('USAGE', `${label('checkSample')} needs ${label('expectJsonSchema')}`);
  const checks: CheckSettings | null =
    statusText === undefined && schemaPath === null
      ? null
      : {
          expectStatus:
            statusText === undefined ? null : parseExpectStatus(label('expectStatus'), statusText),
          expectStatusText: statusText ?? null,
          schemaPath,
          sample: sampleText === undefined ? 1 : parseShare(label('checkSample'), sampleText, true),
        };
  return { url, method, payloadsPath, maxInFlight, timeoutMs, checks };
}

/** The SLO gate: an SLO file, optionally Prometheus (needed only for objectives that query it). */
function parseGateSettings(raw: RawLoadInputs, label: Label): GateSettings | null {
  const prometheus = given(raw.prometheus);
  const slo = given(raw.slo);
  if (prometheus !== undefined && slo === undefined)
    throw new UserError('USAGE', `${label('prometheus')} needs ${label('slo')} (the objectives to check)`);
  const variables = parseVariables(label('vars'), raw.vars);
  const waitText = given(raw.waitTimeout);
  const waitTimeoutMs =
    waitText === undefined ? DEFAULT_WAIT_TIMEOUT_MS : parseDurationValue(label('waitTimeout'), waitText);
  if (slo === undefined) return null;
  return {
    prometheusUrl: prometheus ?? null,
    sloPath: slo,
    job: given(raw.job) ?? DEFAULT_JOB,
    variables,
    waitTimeoutMs,
  };
}

const CAPACITY_FIELDS = [
  'min',
  'max',
  'stepDuration',
  'precision',
  'coolDown',
  'budget',
  'baseline',
  'maxCapacityDrop',
] as const satisfies readonly RawLoadField[];

/** Refuses fields that belong to the other mode (the action has one input list for both). */
function refuse(raw: RawLoadInputs, label: Label, fields: readonly RawLoadField[], mode: string): void {
  for (const field of fields)
    if (given(raw[field] as string | undefined) !== undefined)
      throw new UserError('USAGE', `${label(field)} does not apply to ${mode}`);
}

/**
 * Validates raw load/gate inputs into settings.
 * @param label how to name a field in messages, e.g. `(field) => '--max-in-flight'` or `'max-in-flight'`
 * @throws {UserError} USAGE naming the flag or input
 */
export function parseLoadSessionSettings(raw: RawLoadInputs, label: Label): LoadSessionSettings {
  refuse(raw, label, CAPACITY_FIELDS, 'a load test (it is a capacity search setting)');
  const request = parseRequestSettings(raw, label);
  const stagesText = given(raw.stages);
  const rateText = given(raw.rate);
  const durationText = given(raw.duration);
  let rate: number;
  let durationSeconds: number;
  let stages = null;
  if (stagesText !== undefined) {
    if (durationText !== undefined)
      throw new UserError(
        'USAGE',
        `${label('duration')} and ${label('stages')} do not go together (the stages' durations add up to the load's)`,
      );
    stages = parseStages(label('stages'), stagesText, parseDurationValue);
    if (stages.length > MAX_STAGES)
      throw new UserError('USAGE', `${label('stages')}: ${stages.length} stages, at most ${MAX_STAGES}`);
    rate = rateText === undefined ? 0 : parseNumber(label('rate'), rateText, { min: 0 });
    const schedule = new ArrivalSchedule(rate, stages);
    if (schedule.total < 1) throw new UserError('USAGE', `${label('stages')} schedules no request`);
    durationSeconds = schedule.durationMs / 1000;
  } else {
    if (rateText === undefined) throw new UserError('USAGE', `${label('rate')} is required`);
    if (durationText === undefined) throw new UserError('USAGE', `${label('duration')} is required`);
    rate = parseNumber(label('rate'), rateText);
    if (!(rate > 0)) throw new UserError('USAGE', `${label('rate')}: ${rate} must be positive`);
    const durationMs = parseDurationValue(label('duration'), durationText);
    if (!(durationMs > 0))
      throw new UserError('USAGE', `${label('duration')}: '${raw.duration}' must be positive`);
    if (Math.floor((rate * durationMs) / 1000) < 1)
      throw new UserError('USAGE', `${label('rate')} × ${label('duration')} schedules no request`);
    durationSeconds = durationMs / 1000;
  }
  return { ...request, rate, durationSeconds, stages, gate: parseGateSettings(raw, label) };
}

/**
 * Validates raw inputs of a capacity search into settings.
 * @throws {UserError} USAGE naming the flag or input
 */
export function parseCapacitySettings(raw: RawLoadInputs, label: Label): CapacitySettings {
  refuse(raw, label, ['rate', 'duration', 'stages'], 'a capacity search (it chooses the rates)');
  const request = parseRequestSettings(raw, label);
  const gate = parseGateSettings(raw, label);
  if (gate === null)
    throw new UserError('USAGE', `${label('slo')} is required (the objectives every step must meet)`);
  const number = (field: 'min' | 'max', fallback: number): number => {
    const text = given(raw[field]);
    return text === undefined ? fallback : parseNumber(label(field), text);
  };
  const duration = (field: 'stepDuration' | 'coolDown' | 'budget', fallback: number): number => {
    const text = given(raw[field]);
    return text === undefined ? fallback : parseDurationValue(label(field), text);
  };
  const min = number('min', DEFAULT_CAPACITY.min);
  const max = number('max', DEFAULT_CAPACITY.max);
  if (!(min > 0)) throw new UserError('USAGE', `${label('min')}: ${min} must be positive`);
  if (!(max > min))
    throw new UserError('USAGE', `${label('max')}: ${max} must be above ${label('min')} ${min}`);
  const stepDurationMs = duration('stepDuration', DEFAULT_CAPACITY.stepDurationMs);
  if (!(stepDurationMs > 0)) throw new UserError('USAGE', `${label('stepDuration')} must be positive`);
  if (Math.floor((min * stepDurationMs) / 1000) < 1)
    throw new UserError('USAGE', `${label('min')} × ${label('stepDuration')} schedules no request`);
  const precisionText = given(raw.precision);
  const precision =
    precisionText === undefined
      ? DEFAULT_CAPACITY.precision
      : parseShare(label('precision'), precisionText, false);
  const coolDownMs = duration('coolDown', DEFAULT_CAPACITY.coolDownMs);
  const budgetMs = duration('budget', DEFAULT_CAPACITY.budgetMs);
  if (budgetMs < stepDurationMs)
    throw new UserError(
      'USAGE',
      `${label('budget')}: ${budgetMs / 1000}s is shorter than one step (${label('stepDuration')} ${stepDurationMs / 1000}s)`,
    );
  const dropText = given(raw.maxCapacityDrop);
  const baseline = given(raw.baseline) ?? null;
  if (dropText !== undefined && baseline === null)
    throw new UserError('USAGE', `${label('maxCapacityDrop')} needs ${label('baseline')}`);
  return {
    ...request,
    gate,
    min,
    max,
    stepDurationMs,
    precision,
    coolDownMs,
    budgetMs,
    baselinePath: baseline,
    maxCapacityDrop:
      dropText === undefined
        ? DEFAULT_CAPACITY.maxCapacityDrop
        : parseShare(label('maxCapacityDrop'), dropText, false),
  };
}
