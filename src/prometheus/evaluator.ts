/**
 * Evaluates SLO objectives and decides the gate: Prometheus objectives against a live Prometheus at one pinned time,
 * client objectives from the load generator's own figures.
 *
 * Rules: each query must reduce to one number (a one-element vector or a scalar); an empty vector follows the
 * objective's `on_empty`; NaN always fails; an error envelope, a non-2xx answer, a matrix or a multi-element
 * vector fails the objective with the reason. Info objectives are reported and never fail the gate; client
 * objectives are skipped (reported, never failing) when no load ran.
 */
import { PrometheusQueryError, parseSampleValue, type PrometheusClient } from './client.js';
import type { ClientFigure, ClientFigures, Objective, SloFile } from './slo-file.js';

export type ObjectiveStatus = 'pass' | 'fail' | 'info' | 'skipped';

export interface ObjectiveResult {
  readonly name: string;
  readonly description: string | null;
  readonly source: 'prometheus' | 'client';
  /** The query as sent (variables substituted); null for a client objective. */
  readonly query: string | null;
  /** The generator's figure of a client objective; null for a Prometheus objective. */
  readonly figure: ClientFigure | null;
  /** The value used for the bounds: a JSON number, or null when the result was empty, non-finite or an error. */
  readonly value: number | null;
  /** The value as Prometheus wrote it (`"NaN"`, `"+Inf"`, …), `"empty"` for an empty vector, null after an error. */
  readonly raw: string | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly on_empty: 'fail' | 'zero';
  readonly status: ObjectiveStatus;
  /** Why it failed (or why an info value is missing, or why it was skipped); null when it passed. */
  readonly reason: string | null;
  readonly warnings: readonly string[];
}

export interface GateResult {
  /** The Prometheus queried; null when the file has client objectives only. */
  readonly prometheus: string | null;
  readonly slo_file: string;
  /** The pinned evaluation time (ISO 8601) every query used. */
  readonly evaluated_at: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly passed: boolean;
  readonly failed: readonly string[];
  readonly objectives: readonly ObjectiveResult[];
}

/** Where the objectives' values come from. */
export interface SloSources {
  readonly prometheus: PrometheusClient | null;
  /** The load generator's figures; null when no load ran (client objectives are then skipped). */
  readonly client: ClientFigures | null;
}

/**
 * True when a value is a number within the inclusive bounds. Written so that NaN can never pass: `NaN >= min`
 * and `NaN <= max` are both false.
 * @example withinBounds(Number.NaN, null, 0.3); // => false
 */
export function withinBounds(value: number, min: number | null, max: number | null): boolean {
  if (Number.isNaN(value)) return false;
  if (min !== null && !(value >= min)) return false;
  if (max !== null && !(value <= max)) return false;
  return true;
}

/** `min ≤ x ≤ max`-style text for a table. */
export function formatBound(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min} ≤ x ≤ ${max}`;
  if (min !== null) return `≥ ${min}`;
  if (max !== null) return `≤ ${max}`;
  return 'info';
}

/** The result of one objective from its value (or the reason it has none), applying the bounds and `info`. */
function decide(
  objective: Objective,
  query: string | null,
  raw: string | null,
  value: number,
  reason: string | null,
  warnings: readonly string[] = [],
): ObjectiveResult {
  let status: ObjectiveStatus;
  let why = reason;
  if (objective.info) status = 'info';
  else if (reason !== null) status = 'fail';
  else if (withinBounds(value, objective.min, objective.max)) status = 'pass';
  else {
    status = 'fail';
    why = Number.isNaN(value)
      ? 'value is NaN'
      : `value ${value} is outside ${formatBound(objective.min, objective.max)}`;
  }
  return {
    name: objective.name,
    description: objective.description,
    source: objective.source,
    query,
    figure: objective.figure,
    value: Number.isFinite(value) ? value : null,
    raw,
    min: objective.min,
    max: objective.max,
    on_empty: objective.onEmpty,
    status,
    reason: why,
    warnings,
  };
}

/**
 * A client objective from the generator's figures (pure). A latency figure of a run without responses is NaN and
 * fails, with the reason.
 */
export function evaluateClientObjective(
  objective: Objective,
  figures: ClientFigures | null,
): ObjectiveResult {
  const figure = objective.figure!;
  if (figures === null)
    return {
      ...decide(objective, null, null, Number.NaN, null),
      status: 'skipped',
      reason: 'no load in this run',
    };
  const value = figures[figure];
  if (Number.isNaN(value))
    return decide(objective, null, 'NaN', value, `${figure} is undefined: no response was received`);
  return decide(objective, null, String(value), value, null);
}

async function evaluateQuery(
  client: PrometheusClient | null,
  objective: Objective,
  query: string,
  atMs: number,
): Promise<ObjectiveResult> {
  const outcome = (
    raw: string | null,
    value: number,
    reason: string | null,
    warnings: readonly string[] = [],
  ) => decide(objective, query, raw, value, reason, warnings);
  if (client === null) return outcome(null, Number.NaN, 'no Prometheus was given for this objective');
  try {
    const { data, warnings } = await client.query(query, atMs);
    switch (data.resultType) {
      case 'scalar':
        return outcome(data.value, parseSampleValue(data.value), null, warnings);
      case 'vector':
        if (data.samples.length === 0)
          return objective.onEmpty === 'zero'
            ? outcome('empty', 0, null, warnings)
            : outcome(
                'empty',
                Number.NaN,
                'empty result (no series matched; set on_empty: zero if that means 0)',
                warnings,
              );
        if (data.samples.length > 1)
          return outcome(
            null,
            Number.NaN,
            `query returned ${data.samples.length} series; wrap it in sum() or another aggregation to get one number`,
            warnings,
          );
        return outcome(data.samples[0]!.value, parseSampleValue(data.samples[0]!.value), null, warnings);
      case 'matrix':
        return outcome(
          null,
          Number.NaN,
          'query returned a range vector (matrix); use an instant expression',
          warnings,
        );
      case 'string':
        return outcome(data.value, Number.NaN, 'query returned a string, not a number', warnings);
    }
  } catch (error) {
    if (error instanceof PrometheusQueryError)
      return outcome(
        null,
        Number.NaN,
        `Prometheus error (${error.errorType}, HTTP ${error.status}): ${error.message}`,
      );
    throw error;
  }
}

/**
 * Evaluates every objective at `atMs` (milliseconds since the epoch), one query at a time.
 * @param queries the prepared queries (see `prepareQueries`), one per objective
 */
export async function evaluateSlo(
  sources: SloSources,
  file: SloFile,
  queries: ReadonlyArray<string | null>,
  variables: Readonly<Record<string, string>>,
  atMs: number,
): Promise<GateResult> {
  const objectives: ObjectiveResult[] = [];
  for (const [index, objective] of file.objectives.entries()) {
    const query = queries[index] ?? null;
    objectives.push(
      query === null
        ? evaluateClientObjective(objective, sources.client)
        : await evaluateQuery(sources.prometheus, objective, query, atMs),
    );
  }
  const failed = objectives.filter((result) => result.status === 'fail').map((result) => result.name);
  return {
    prometheus: sources.prometheus?.baseUrl ?? null,
    slo_file: file.path,
    evaluated_at: new Date(atMs).toISOString(),
    variables,
    passed: failed.length === 0,
    failed,
    objectives,
  };
}

function displayValue(result: ObjectiveResult): string {
  if (result.status === 'skipped') return '-';
  if (result.value !== null)
    return Number.isInteger(result.value)
      ? String(result.value)
      : result.value.toPrecision(6).replace(/\.?0+$/, '');
  return result.raw ?? 'error';
}

const STATUS_TEXT: Record<ObjectiveStatus, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  info: 'info',
  skipped: 'skipped',
};

/**
 * The gate table: objective, value, bound, pass (with a source column when client objectives are present); failure
 * reasons listed below it.
 */
export function formatGateTable(result: GateResult): string {
  const mixed = result.objectives.some((objective) => objective.source === 'client');
  const header = mixed
    ? ['objective', 'source', 'value', 'bound', 'pass']
    : ['objective', 'value', 'bound', 'pass'];
  const rows = result.objectives.map((objective) => [
    objective.name,
    ...(mixed ? [objective.source === 'client' ? `client ${objective.figure}` : 'prometheus'] : []),
    displayValue(objective),
    formatBound(objective.min, objective.max),
    STATUS_TEXT[objective.status],
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const lines = [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
  for (const objective of result.objectives)
    if (objective.reason !== null)
      lines.push(`${objective.status === 'fail' ? 'FAIL' : 'note'} ${objective.name}: ${objective.reason}`);
  for (const objective of result.objectives)
    for (const warning of objective.warnings) lines.push(`warning ${objective.name}: ${warning}`);
  lines.push(
    result.passed
      ? `SLO gate passed at ${result.evaluated_at}`
      : `SLO gate FAILED at ${result.evaluated_at}: ${result.failed.join(', ')}`,
  );
  return lines.join('\n');
}
