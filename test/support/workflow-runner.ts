/**
 * A small local runner for this repository's workflow files, so their steps run for real in tests: `run:` scripts
 * with bash as the runner starts them (`bash --noprofile --norc -eo pipefail`), with `GITHUB_OUTPUT`, `GITHUB_PATH`,
 * `GITHUB_ENV`-free environments, `RUNNER_TEMP` and `GITHUB_WORKSPACE`; local JavaScript actions (`uses: ./x`)
 * run from their `runs.main` with `INPUT_*` variables, as the runner does; `actions/checkout` and
 * `actions/setup-node` are no-ops (the workspace is prepared by the test), and `actions/upload-artifact` /
 * `actions/download-artifact` copy files to and from a local artifact store.
 *
 * Expressions cover what the workflows use, and anything else is an error rather than a guess: context references
 * (`inputs.x`, `env.X`, `steps.id.outputs.x`, `steps.id.outcome`, `needs.job.outputs.x`, `needs.job.result`,
 * `github.x`), string literals, `==`/`!=`, `&&`, `||`, `!` and the status functions.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
  'continue-on-error'?: boolean;
}

interface Job {
  needs?: string | string[];
  if?: string;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}

interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

export interface StepRecord {
  outputs: Record<string, string>;
  outcome: 'success' | 'failure' | 'skipped';
  stdout: string;
  stderr: string;
}

export interface JobRecord {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  steps: Record<string, StepRecord>;
  /** Every step in order, by name (or uses/run), for assertions. */
  log: { name: string; outcome: StepRecord['outcome'] }[];
}

export interface RunnerOptions {
  /** The workflow file. */
  readonly workflow: string;
  /** Working directory of the job: holds the checkout (dist/, load-test/, fixtures). */
  readonly workspace: string;
  /** `inputs` of the dispatch. */
  readonly inputs: Record<string, string>;
  /** Overrides of the workflow-level `env` (ports, load size). */
  readonly env?: Record<string, string>;
  /** Extra process environment (PATH with fakes first, fake service settings). */
  readonly processEnv?: Record<string, string>;
  /** Local artifact store (one directory per artifact name). */
  readonly artifacts: string;
  /** `github` context values. */
  readonly github?: Record<string, string>;
  /** Runs only the steps this accepts (the others are skipped); default every step. */
  readonly select?: (step: Step, job: string) => boolean;
  /** Outputs of skipped steps, by step id, as if they had run (to test a later step on its own). */
  readonly preset?: Record<string, Record<string, string>>;
}

type Context = {
  inputs: Record<string, string>;
  env: Record<string, string>;
  github: Record<string, string>;
  steps: Record<string, StepRecord>;
  needs: Record<string, { result: string; outputs: Record<string, string> }>;
  jobFailed: boolean;
};

/** Evaluates one expression of the subset above; values are strings ('' for null), as the runner coerces them. */
export function evaluateExpression(source: string, context: Context): string {
  const tokens = source.match(/'(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?/g) ?? [];
  const leftover = source.replace(/'(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?|\s+/g, '');
  if (leftover !== '') throw new Error(`unsupported expression: ${source}`);
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++]!;
  const truthy = (value: string) => value !== '' && value !== 'false' && value !== '0';
  const primary = (): string => {
    const token = take();
    if (token === '(') {
      const value = or();
      if (take() !== ')') throw new Error(`unbalanced parentheses: ${source}`);
      return value;
    }
    if (token === '!') return truthy(primary()) ? 'false' : 'true';
    if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
    if (token === 'true' || token === 'false') return token;
    if (token === 'always()') return 'true';
    if (token === 'success()') return context.jobFailed ? 'false' : 'true';
    if (token === 'failure()') return context.jobFailed ? 'true' : 'false';
    const [head, ...path] = token.split('.');
    let value: unknown = (context as unknown as Record<string, unknown>)[head!];
    if (value === undefined || typeof value !== 'object') throw new Error(`unknown context in ${source}`);
    for (const key of path)
      value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
    return value === undefined || value === null ? '' : String(value);
  };
  const comparison = (): string => {
    const left = primary();
    const operator = peek();
    if (operator !== '==' && operator !== '!=') return left;
    take();
    const right = primary();
    const equal = left.toLowerCase() === right.toLowerCase();
    return (operator === '==' ? equal : !equal) ? 'true' : 'false';
  };
  const and = (): string => {
    let value = comparison();
    while (peek() === '&&') {
      take();
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const or = (): string => {
    let value = and();
    while (peek() === '||') {
      take();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  const value = or();
  if (position !== tokens.length) throw new Error(`unsupported expression: ${source}`);
  return value;
}

/** Replaces every `${{ ... }}` in a string. */
function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) =>
    evaluateExpression(expression.trim(), context),
  );
}

function condition(source: string | undefined, context: Context): boolean {
  if (source === undefined) return !context.jobFailed;
  const expression = source.replace(/^\$\{\{(.*)\}\}$/s, '$1').trim();
  const statusAware = /\b(always|failure|success)\(\)/.test(expression);
  const value = evaluateExpression(expression, context);
  const truthy = value !== '' && value !== 'false' && value !== '0';
  return statusAware ? truthy : truthy && !context.jobFailed;
}

/** Reads a GITHUB_OUTPUT-style file: `name=value` lines and `name<<DELIMITER` blocks. */
function readOutputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== block[2]; i++) body.push(lines[i]!);
      outputs[block[1]!] = body.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

function execute(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

/** Runs the jobs of a workflow in dependency order (or only `only`), returning each job's record. */
export async function runWorkflow(
  options: RunnerOptions,
  only?: readonly string[],
): Promise<Record<string, JobRecord>> {
  const workflow = parse(readFileSync(options.workflow, 'utf8')) as Workflow;
  const runnerTemp = join(options.workspace, '.runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const records: Record<string, JobRecord> = {};
  const pending = Object.keys(workflow.jobs).filter((name) => !only || only.includes(name));
  while (pending.length > 0) {
    const index = pending.findIndex((name) => {
      const needs = [workflow.jobs[name]!.needs ?? []].flat();
      return needs.every((need) => records[need] || !pending.includes(need));
    });
    const name = pending.splice(index, 1)[0]!;
    const job = workflow.jobs[name]!;
    const needs = Object.fromEntries(
      [job.needs ?? []].flat().map((need) => [need, records[need] ?? { result: 'skipped', outputs: {} }]),
    );
    const needsOk = Object.values(needs).every((need) => need.result === 'success');
    const context: Context = {
      inputs: options.inputs,
      env: {},
      github: {
        repository: 'octo/driftwatch',
        server_url: 'https://github.com',
        run_id: '1000',
        token: 'fake-token',
        workspace: options.workspace,
        ...options.github,
      },
      steps: {},
      needs,
      jobFailed: !needsOk,
    };
    context.env = { ...substituteAll(workflow.env, context), ...options.env };
    if (!condition(job.if, context)) {
      records[name] = { result: 'skipped', outputs: {}, steps: {}, log: [] };
      continue;
    }
    context.jobFailed = false;
    context.env = { ...context.env, ...substituteAll(job.env, context) };
    const log: JobRecord['log'] = [];
    // Directories steps added with GITHUB_PATH, first on PATH for the later steps of the job.
    const addedPath: string[] = [];
    for (const [n, step] of job.steps.entries()) {
      const label = step.name ?? step.uses ?? `step ${n}`;
      const record: StepRecord = {
        outputs: (step.id && options.preset?.[step.id]) || {},
        outcome: 'skipped',
        stdout: '',
        stderr: '',
      };
      if ((options.select?.(step, name) ?? true) && condition(step.if, context)) {
        const outputFile = join(runnerTemp, `output-${name}-${n}`);
        const pathFile = join(runnerTemp, `path-${name}-${n}`);
        writeFileSync(outputFile, '');
        writeFileSync(pathFile, '');
        const summaryFile = join(runnerTemp, `summary-${name}-${n}.md`);
        writeFileSync(summaryFile, '');
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          ...options.processEnv,
          ...context.env,
          ...substituteAll(step.env, context),
          PATH: [...addedPath, options.processEnv?.PATH ?? process.env.PATH].join(':'),
          GITHUB_OUTPUT: outputFile,
          GITHUB_PATH: pathFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          GITHUB_WORKSPACE: options.workspace,
          GITHUB_REPOSITORY: context.github.repository,
          RUNNER_TEMP: runnerTemp,
          CI: 'true',
        };
        const result = await runStep(step, context, env, options);
        record.outcome = result.code === 0 ? 'success' : 'failure';
        record.stdout = result.stdout;
        record.stderr = result.stderr;
        record.outputs = readOutputs(outputFile);
        addedPath.unshift(
          ...readFileSync(pathFile, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .reverse(),
        );
        if (record.outcome === 'failure' && !step['continue-on-error']) context.jobFailed = true;
      }
      if (step.id) context.steps[step.id] = record;
      log.push({ name: label, outcome: record.outcome });
    }
    records[name] = {
      result: context.jobFailed ? 'failure' : 'success',
      outputs: substituteAll(job.outputs, context),
      steps: context.steps,
      log,
    };
  }
  return records;
}

function substituteAll(
  values: Record<string, unknown> | undefined,
  context: Context,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values ?? {}).map(([key, value]) => [key, substitute(String(value), context)]),
  );
}

async function runStep(
  step: Step,
  context: Context,
  env: NodeJS.ProcessEnv,
  options: RunnerOptions,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = options.workspace;
  if (step.run !== undefined) {
    const script = join(env.RUNNER_TEMP!, `script-${Math.random().toString(36).slice(2)}.sh`);
    writeFileSync(script, substitute(step.run, context));
    return execute('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env });
  }
  const uses = step.uses!;
  const inputs = substituteAll(step.with, context);
  if (uses.startsWith('./')) {
    const directory = resolve(cwd, uses);
    const action = parse(readFileSync(join(directory, 'action.yml'), 'utf8')) as {
      inputs?: Record<string, { default?: string }>;
      runs: { using: string; main: string };
    };
    const inputEnv: NodeJS.ProcessEnv = {};
    for (const [key, spec] of Object.entries(action.inputs ?? {}))
      inputEnv[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = inputs[key] ?? spec.default ?? '';
    return execute(process.execPath, [join(directory, action.runs.main)], {
      cwd,
      env: { ...env, ...inputEnv },
    });
  }
  const action = uses.replace(/@.*$/, '');
  switch (action) {
    case 'actions/checkout':
    case 'actions/setup-node':
      return { code: 0, stdout: '', stderr: '' };
    case 'actions/upload-artifact': {
      const source = resolve(cwd, inputs.path!);
      if (!existsSync(source))
        return {
          code: inputs['if-no-files-found'] === 'error' ? 1 : 0,
          stdout: '',
          stderr: `no files at ${inputs.path}`,
        };
      const target = join(options.artifacts, inputs.name!);
      if (existsSync(target))
        return { code: 1, stdout: '', stderr: `artifact ${inputs.name} already exists` };
      // A file lands at the artifact's root; a directory's contents do (its own name is dropped).
      cpSync(source, statSync(source).isDirectory() ? target : join(target, basename(source)), {
        recursive: true,
      });
      return { code: 0, stdout: '', stderr: '' };
    }
    case 'actions/download-artifact': {
      const source = join(options.artifacts, inputs.name!);
      if (!existsSync(source)) return { code: 1, stdout: '', stderr: `no artifact ${inputs.name}` };
      cpSync(source, resolve(cwd, inputs.path ?? '.'), { recursive: true });
      return { code: 0, stdout: '', stderr: '' };
    }
    default:
      throw new Error(`the local runner does not know ${uses}`);
  }
}
