/**
 * The SLO file: a list of objectives, each a PromQL query with inclusive `min`/`max` bounds (Flagger-style, see
 * the reference §8). Parsed with `yaml`, validated here with messages that name the file, line and key.
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
 * ```
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { UserError } from '../errors.js';
import { checkPromqlSyntax } from './promql-check.js';

export type OnEmpty = 'fail' | 'zero';

export interface Objective {
  readonly name: string;
  readonly description: string | null;
  /** The query as written, with `${name}` placeholders. */
  readonly query: string;
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

const OBJECTIVE_KEYS = new Set(['name', 'description', 'query', 'min', 'max', 'on_empty', 'info']);
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
    const query = value('query');
    if (typeof query !== 'string' || query.trim() === '')
      return fail(line, `objective '${name}' needs a "query"`);
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
      query,
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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `${path}: ${code === 'ENOENT' ? 'no such file' : String(code)}`,
    );
  }
  return parseSloFile(text, path);
}

/**
 * Replaces `${name}` placeholders. Every placeholder must have a value.
 * @throws {UserError} CONFIG naming the objective and the unknown variable
 */
export function substituteVariables(
  objective: Objective,
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

/**
 * Substitutes the variables of every objective and checks the PromQL syntax, before any load is sent.
 * Returns the final query of each objective, in order.
 * @throws {UserError} CONFIG naming the file, the objective and the position of the syntax error
 */
export function prepareQueries(file: SloFile, variables: Readonly<Record<string, string>>): string[] {
  return file.objectives.map((objective) => {
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
