/**
 * The SLO file: a list of objectives with inclusive `min`/`max` bounds (Flagger-style), each measured either by a
 * PromQL query against Prometheus (`source: prometheus`, the default) or by the load generator itself
 * (`source: client`, one of {@link CLIENT_FIGURES}). Parsed with `yaml`, validated here with messages that name the
 * file, line and key.
 *
 * ```yaml
 * variables:            # optional defaults for ${name} placeholders in queries
 *   job: api
 * objectives:
 *   - name: error_ratio
 *     query: (sum(rate(api_requests_total{job="${job}",status_code=~"5.."}[${window}])) or vector(0)) / sum(rate(api_requests_total{job="${job}"}[${window}]))
 *     max: 0.01
 *     on_empty: fail      # or zero; default fail
 *   - name: p95_seconds
 *     query: histogram_quantile(0.95, sum by (le) (rate(api_request_latency_seconds_bucket{job="${job}"}[${window}])))
 *     info: true          # reported, never fails the gate
 *     latency_quantile: 0.95  # the server's p95 in seconds: compared with the client's p95
 *   - name: client_p95
 *     source: client
 *     figure: p95_ms
 *     max: 50
 * ```
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { UserError } from '../errors.js';
import { readTextFile } from '../util/fs.js';
import { checkPromqlSyntax } from './promql-check.js';

export type OnEmpty = 'fail' | 'zero';

/**
 * What the load generator measures, usable as `figure` of a `source: client` objective: latency percentiles from
 * intended send times (ms), the share of sent requests that failed (no response, 5xx or a failed check), requests
 * dropped at the in-flight cap, and the share of the scheduled requests that got a response.
 */
export const CLIENT_FIGURES = [
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'error_ratio',
  'dropped',
  'achieved_ratio',
] as const;
export type ClientFigure = (typeof CLIENT_FIGURES)[number];
export type ClientFigures = Readonly<Record<ClientFigure, number>>;

/** Which quantile each client latency figure is, for pairing it with a server quantile (`latency_quantile`). */
export const CLIENT_LATENCY_QUANTILES: ReadonlyArray<readonly [number, ClientFigure]> = [
  [0.5, 'p50_ms'],
  [0.95, 'p95_ms'],
  [0.99, 'p99_ms'],
];

export type ObjectiveSource = 'prometheus' | 'client';

export interface Objective {
  readonly name: string;
  readonly description: string | null;
  readonly source: ObjectiveSource;
  /** The query as written, with `${name}` placeholders; null for a client objective. */
  readonly query: string | null;
  /** The generator's figure a client objective bounds; null for a Prometheus objective. */
  readonly figure: ClientFigure | null;
  /**
   * Set on a Prometheus objective whose value is the server's latency quantile in seconds (e.g. 0.95 for
   * `histogram_quantile(0.95, …)`): the run then reports the gap between the client's and the server's quantile.
   */
  readonly latencyQuantile: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly onEmpty: OnEmpty;
  /** Reported for information only: never fails the gate. */
  readonly info: boolean;
  /** 1-based line of the objective in the file, for messages. */
  readonly line: number;
}

export interface SloFile {
  readonly path: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly objectives: readonly Objective[];
}

const OBJECTIVE_KEYS = new Set([
  'name',
  'description',
  'source',
  'query',
  'figure',
  'min',
  'max',
  'on_empty',
  'info',
  'latency_quantile',
]);
const VARIABLE_NAME = /^[a-z_][a-z0-9_]*$/;
const PLACEHOLDER = /\$\{([^}]*)\}/g;

/**
 * Parses and validates an SLO file's text.
 * @throws {UserError} CONFIG naming `path:line` and the offending key
 */
export function parseSloFile(text: string, path: string): SloFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const fail = (line: number, message: string): never => {
    throw new UserError('CONFIG', `${path}:${line}: ${message}`);
  };
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    fail(error.linePos?.[0]?.line ?? 1, `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  const root = document.contents;
  if (!isMap(root)) return fail(lineOf(root as Node | null), 'expected a mapping with "objectives"');
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (key !== 'objectives' && key !== 'variables')
      fail(lineOf(pair.key as Node), `unknown key '${key}' (allowed: objectives, variables)`);
  }

  // Variables
  const variables: Record<string, string> = {};
  const variablesNode = root.get('variables', true) as Node | undefined;
  if (variablesNode !== undefined && variablesNode !== null) {
    if (!isMap(variablesNode)) fail(lineOf(variablesNode), "'variables' must be a mapping of name: value");
    else
      for (const pair of variablesNode.items) {
        const name = String((pair.key as { value?: unknown })?.value);
        const value = (pair.value as { value?: unknown } | null)?.value;
        if (!VARIABLE_NAME.test(name))
          fail(lineOf(pair.key as Node), `variable name '${name}' must match ${VARIABLE_NAME}`);
        if (typeof value !== 'string' && typeof value !== 'number')
          fail(
            lineOf((pair.value as Node) ?? (pair.key as Node)),
            `variable '${name}' must be a string or a number`,
          );
        variables[name] = String(value);
      }
  }

  // Objectives
  const list = root.get('objectives', true) as Node | undefined;
  if (!isSeq(list) || list.items.length === 0)
    return fail(lineOf(list ?? root), "'objectives' must be a non-empty list");
  const names = new Set<string>();
  const objectives = list.items.map((item, index): Objective => {
    const line = lineOf(item as Node);
    if (!isMap(item)) return fail(line, `objectives[${index}] must be a mapping`);
    const value = (key: string): unknown => item.get(key);
    const keyLine = (key: string): number =>
      lineOf((item.get(key, true) as Node | undefined) ?? (item as Node));
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown })?.value);
      if (!OBJECTIVE_KEYS.has(key))
        fail(
          lineOf(pair.key as Node),
          `objectives[${index}]: unknown key '${key}' (allowed: ${[...OBJECTIVE_KEYS].join(', ')})`,
        );
    }
    const name = value('name');
    if (typeof name !== 'string' || name.trim() === '')
      return fail(line, `objectives[${index}] needs a "name"`);
    if (names.has(name)) fail(keyLine('name'), `objective '${name}' is defined twice`);
    names.add(name);
    const source = value('source') ?? 'prometheus';
    if (source !== 'prometheus' && source !== 'client')
      fail(
        keyLine('source'),
        `objective '${name}': source must be 'prometheus' or 'client', not '${String(source)}'`,
      );
    const query = value('query');
    const figure = value('figure');
    if (source === 'client') {
      if (query !== undefined)
        fail(keyLine('query'), `objective '${name}': a client objective takes a "figure", not a "query"`);
      if (typeof figure !== 'string' || !(CLIENT_FIGURES as readonly string[]).includes(figure))
        fail(
          figure === undefined ? line : keyLine('figure'),
          `objective '${name}': figure must be one of ${CLIENT_FIGURES.join(', ')}${figure === undefined ? '' : `, not '${String(figure)}'`}`,
        );
      if (value('on_empty') !== undefined)
        fail(keyLine('on_empty'), `objective '${name}': on_empty applies to Prometheus objectives only`);
    } else {
      if (figure !== undefined) fail(keyLine('figure'), `objective '${name}': "figure" needs source: client`);
      if (typeof query !== 'string' || query.trim() === '')
        return fail(line, `objective '${name}' needs a "query"`);
    }
    const latencyQuantile = value('latency_quantile');
    if (latencyQuantile !== undefined) {
      if (source === 'client')
        fail(
          keyLine('latency_quantile'),
          `objective '${name}': latency_quantile marks a Prometheus objective`,
        );
      if (!CLIENT_LATENCY_QUANTILES.some(([quantile]) => quantile === latencyQuantile))
        fail(
          keyLine('latency_quantile'),
          `objective '${name}': latency_quantile must be one of ${CLIENT_LATENCY_QUANTILES.map(([quantile]) => quantile).join(', ')}`,
        );
    }
    const bound = (key: 'min' | 'max'): number | null => {
      const raw = value(key);
      if (raw === undefined || raw === null) return null;
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        fail(keyLine(key), `objective '${name}': ${key} must be a finite number`);
      return raw as number;
    };
    const min = bound('min');
    const max = bound('max');
    if (min !== null && max !== null && min > max)
      fail(keyLine('min'), `objective '${name}': min ${min} is above max ${max}`);
    const info = value('info');
    if (info !== undefined && typeof info !== 'boolean')
      fail(keyLine('info'), `objective '${name}': info must be true or false`);
    if (min === null && max === null && info !== true)
      fail(line, `objective '${name}' has neither min nor max; give a bound or mark it "info: true"`);
    if (info === true && (min !== null || max !== null))
      fail(keyLine('info'), `objective '${name}': an info objective takes no min/max`);
    const onEmpty = value('on_empty') ?? 'fail';
    if (onEmpty !== 'fail' && onEmpty !== 'zero')
      fail(
        keyLine('on_empty'),
        `objective '${name}': on_empty must be 'fail' or 'zero', not '${String(onEmpty)}'`,
      );
    const description = value('description');
    if (description !== undefined && typeof description !== 'string')
      fail(keyLine('description'), `objective '${name}': description must be a string`);
    return {
      name,
      description: (description as string | undefined) ?? null,
      source: source as ObjectiveSource,
      query: source === 'client' ? null : (query as string),
      figure: source === 'client' ? (figure as ClientFigure) : null,
      latencyQuantile: (latencyQuantile as number | undefined) ?? null,
      min,
      max,
      onEmpty: onEmpty as OnEmpty,
      info: info === true,
      line,
    };
  });
  return { path, variables, objectives };
}

/** Reads and parses an SLO file. */
export async function readSloFile(path: string): Promise<SloFile> {
  return parseSloFile(await readTextFile(path), path);
}

/**
 * Replaces `${name}` placeholders. Every placeholder must have a value.
 * @throws {UserError} CONFIG naming the objective and the unknown variable
 */
export function substituteVariables(
  objective: Objective & { readonly query: string },
  variables: Readonly<Record<string, string>>,
  path: string,
): string {
  return objective.query.replace(PLACEHOLDER, (_, name: string) => {
    const value = variables[name];
    if (value === undefined)
      throw new UserError(
        'CONFIG',
        `${path}:${objective.line}: objective '${objective.name}' uses \${${name}}, which has no value (known: ${Object.keys(variables).sort().join(', ') || 'none'}; set it with --var ${name}=VALUE)`,
      );
    return value;
  });
}

/** True when an objective is measured by Prometheus (it has a query). */
export function isPrometheusObjective(
  objective: Objective,
): objective is Objective & { readonly query: string } {
  return objective.source === 'prometheus' && objective.query !== null;
}

/**
 * Substitutes the variables of every Prometheus objective and checks the PromQL syntax, before any load is sent.
 * Returns the final query of each objective, in order (null for a client objective).
 * @throws {UserError} CONFIG naming the file, the objective and the position of the syntax error
 */
export function prepareQueries(
  file: SloFile,
  variables: Readonly<Record<string, string>>,
): Array<string | null> {
  return file.objectives.map((objective) => {
    if (!isPrometheusObjective(objective)) return null;
    const query = substituteVariables(objective, variables, file.path);
    const error = checkPromqlSyntax(query);
    if (error)
      throw new UserError(
        'CONFIG',
        `${file.path}:${objective.line}: objective '${objective.name}': PromQL syntax error at ${error.line}:${error.column}: ${error.message}`,
      );
    return query;
  });
}
