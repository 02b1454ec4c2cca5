/**
 * Builds the one validated {@link ActionSettings} from the runner's environment (`INPUT_*`, `GITHUB_*`, the event
 * payload). Every input is read here once, converted to its type and checked; a bad value is a one-line UserError
 * naming the input, the value and the expected form. Nothing is coerced silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORRECTION_METHODS } from '../drift/correction.js';
import { UserError } from '../errors.js';
import { parseOverrides, parseStatTestId, parseThreshold } from '../job/overrides.js';
import { isValidArtifactName } from '../github/artifact.js';
import { MAX_DISPATCH_INPUTS } from '../github/dispatch.js';
import {
  REPORT_FORMATS,
  type CompareSettings,
  type ReportFormat,
  type SnapshotSource,
} from '../job/settings.js';
import { parseSnapshotSource } from '../snapshot/load.js';
import { hasPostgresFlags, parsePostgresSources } from '../snapshot/postgres/flags.js';
import type { Logger } from '../github/logger.js';
import { COMMENT_KEY_PATTERN } from '../github/sticky-comment.js';
import { InputDefaults, Inputs, RETRAIN_WORKFLOW_INPUTS } from './constants.js';
import {
  COMMENT_MODES,
  type ActionSettings,
  type CommentMode,
  type CommentSettings,
  type RunContext,
} from './settings.js';

type InputName = (typeof Inputs)[keyof typeof Inputs];

/**
 * The value of an input as the runner passes it: `INPUT_<NAME>` with the name upper-cased, spaces turned into
 * underscores and hyphens kept (`INPUT_DRIFT-SHARE`), trimmed like `core.getInput`. Empty means unset.
 */
export function readInput(env: NodeJS.ProcessEnv, name: InputName): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  if (value !== undefined && value !== '') return value;
  const fallback = (InputDefaults as Record<string, string>)[name];
  return fallback;
}

function requiredInput(env: NodeJS.ProcessEnv, name: InputName): string {
  const value = readInput(env, name);
  if (value === undefined) throw new UserError('CONFIG', `Input required and not supplied: ${name}`);
  return value;
}

/** `true`/`false` in the YAML 1.2 core schema spellings `core.getBooleanInput` accepts. */
function booleanInput(env: NodeJS.ProcessEnv, name: InputName): boolean {
  const value = readInput(env, name) ?? 'false';
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UserError('CONFIG', `${name}: '${value}' is not a boolean (use true or false)`);
}

function numberInput(
  env: NodeJS.ProcessEnv,
  name: InputName,
  range: { min: number; max?: number; minExclusive?: boolean },
): number | undefined {
  const text = readInput(env, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new UserError('CONFIG', `${name}: '${text}' is not a number`);
  const belowMin = range.minExclusive ? value <= range.min : value < range.min;
  if (belowMin || (range.max !== undefined && value > range.max)) {
    const lower = range.minExclusive ? `greater than ${range.min}` : `at least ${range.min}`;
    const upper = range.max !== undefined ? ` and at most ${range.max}` : '';
    throw new UserError('CONFIG', `${name}: ${text} is out of range (must be ${lower}${upper})`);
  }
  return value;
}

function positiveIntegerInput(env: NodeJS.ProcessEnv, name: InputName): number | undefined {
  const text = readInput(env, name);
  if (text === undefined) return undefined;
  if (!/^[1-9][0-9]{0,9}$/.test(text))
    throw new UserError('CONFIG', `${name}: '${text}' is not a positive integer`);
  return Number(text);
}

/** A comma- or newline-separated list; empty items are dropped. */
function listInput(env: NodeJS.ProcessEnv, name: InputName): string[] | undefined {
  const text = readInput(env, name);
  if (text === undefined) return undefined;
  const items = text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length > 0 ? items : undefined;
}

function oneOf<T extends string>(name: InputName, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError('CONFIG', `${name}: '${value}' is not one of ${allowed.join(', ')}`);
}

function optionalOneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: InputName,
  allowed: readonly T[],
): T | undefined {
  const value = readInput(env, name);
  return value === undefined ? undefined : oneOf(name, value, allowed);
}

/** A snapshot source input: a path in the workspace or `git:<rev>:<path>` (same syntax as the CLI). */
function snapshotInput(env: NodeJS.ProcessEnv, name: InputName): SnapshotSource {
  return parseSnapshotSource(name, requiredInput(env, name));
}

/**
 * The PostgreSQL inputs (same syntax as `driftwatch compare --database-url ...`), or undefined when none is set.
 * The URL (input or DATABASE_URL) and its password are masked before anything can log them.
 */
function databaseInputs(
  env: NodeJS.ProcessEnv,
  mask: (secret: string) => void,
): { reference: SnapshotSource; current: SnapshotSource } | undefined {
  const values = {
    'database-url': readInput(env, Inputs.DatabaseUrl),
    table: readInput(env, Inputs.Table),
    'as-of-column': readInput(env, Inputs.AsOfColumn),
    query: readInput(env, Inputs.Query),
    schema: readInput(env, Inputs.Schema),
    'reference-as-of': readInput(env, Inputs.ReferenceAsOf),
    'current-as-of': readInput(env, Inputs.CurrentAsOf),
    compute: readInput(env, Inputs.Compute),
    'statement-timeout': readInput(env, Inputs.StatementTimeout),
    'connect-retries': readInput(env, Inputs.ConnectRetries),
  };
  for (const url of [values['database-url'], env.DATABASE_URL]) {
    if (!url) continue;
    mask(url);
    const password = /^[a-z]+:\/\/[^:@/]*:([^@/]+)@/i.exec(url)?.[1];
    if (password) {
      mask(password);
      if (!/%(?![0-9a-f]{2})/i.test(password)) mask(decodeURIComponent(password));
    }
  }
  if (!hasPostgresFlags(values)) return undefined;
  if (readInput(env, Inputs.Reference) !== undefined || readInput(env, Inputs.Current) !== undefined)
    throw new UserError(
      'CONFIG',
      `${Inputs.Reference}/${Inputs.Current} cannot be combined with the database inputs`,
    );
  return parsePostgresSources(values, env);
}

/** A label input: undefined when unset (the job derives one from the source). */
function labelInput(env: NodeJS.ProcessEnv, name: InputName): string | undefined {
  return readInput(env, name);
}

/** `retrain-inputs`: a JSON object of strings, numbers or booleans (workflow inputs arrive as strings). */
function retrainInputs(env: NodeJS.ProcessEnv): Record<string, string> {
  const text = readInput(env, Inputs.RetrainInputs);
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError('CONFIG', `${Inputs.RetrainInputs}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UserError(
      'CONFIG',
      `${Inputs.RetrainInputs}: expected a JSON object such as {"model": "churn"}`,
    );
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if ((RETRAIN_WORKFLOW_INPUTS as readonly string[]).includes(key))
      throw new UserError(
        'CONFIG',
        `${Inputs.RetrainInputs}: '${key}' is set by the action and cannot be overridden`,
      );
    if (typeof value === 'string') result[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') result[key] = String(value);
    else
      throw new UserError('CONFIG', `${Inputs.RetrainInputs}: '${key}' must be a string, number or boolean`);
  }
  const total = Object.keys(result).length + RETRAIN_WORKFLOW_INPUTS.length;
  if (total > MAX_DISPATCH_INPUTS)
    throw new UserError(
      'CONFIG',
      `${Inputs.RetrainInputs}: ${total} workflow inputs in all, GitHub accepts at most ${MAX_DISPATCH_INPUTS}`,
    );
  return result;
}

function requiredEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  // Not the user's fault: the runner always sets these (codeql-action's getRequiredEnvParam).
  if (value === undefined || value === '')
    throw new Error(`${name} is not set; driftwatch must run as a GitHub Action step`);
  return value;
}

function readEventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath === undefined || eventPath === '' || !existsSync(eventPath)) return {};
  return JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
}

/** Reads the run's context from the runner's environment. */
export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const repository = requiredEnv(env, 'GITHUB_REPOSITORY');
  const [owner, repo, ...extra] = repository.split('/');
  if (!owner || !repo || extra.length > 0)
    throw new Error(`GITHUB_REPOSITORY '${repository}' is not owner/repo`);
  const payload = readEventPayload(env);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pr = payload.pull_request as
    { number?: number; base?: { sha?: string }; head?: { sha?: string } } | undefined;
  const pullRequest =
    (eventName === 'pull_request' || eventName === 'pull_request_target') &&
    pr &&
    typeof pr.number === 'number'
      ? { number: pr.number, baseSha: pr.base?.sha ?? '', headSha: pr.head?.sha ?? '' }
      : undefined;
  const defaultBranch = (payload.repository as { default_branch?: string } | undefined)?.default_branch;
  return {
    owner,
    repo,
    eventName,
    runId: Number(env.GITHUB_RUN_ID ?? '0'),
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? '1'),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || os.tmpdir(),
    ref: env.GITHUB_REF || undefined,
    pullRequest,
    defaultBranch,
    artifactServiceAvailable: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL),
  };
}

function resolveCommentTarget(
  mode: CommentMode,
  issueNumber: number | undefined,
  run: RunContext,
): number | undefined {
  switch (mode) {
    case 'off':
      return undefined;
    case 'pr':
      if (!run.pullRequest)
        throw new UserError(
          'CONFIG',
          `${Inputs.Comment}: 'pr' needs a pull_request event, but this run is '${run.eventName}'`,
        );
      return run.pullRequest.number;
    case 'issue':
      if (issueNumber === undefined)
        throw new UserError('CONFIG', `${Inputs.Comment}: 'issue' needs the ${Inputs.IssueNumber} input`);
      return issueNumber;
    case 'auto':
      return run.pullRequest?.number ?? issueNumber;
  }
}

/** The ref the retrain workflow runs at: the input, else the pushed branch or tag, else the default branch. */
function resolveRetrainRef(explicit: string | undefined, run: RunContext): string | undefined {
  if (explicit !== undefined) return explicit;
  if (run.ref?.startsWith('refs/heads/') || run.ref?.startsWith('refs/tags/')) return run.ref;
  return run.defaultBranch;
}

/**
 * Reads and validates every input. `mask` (core.setSecret) is called on the token before anything else can log it.
 */
export function getInputs(
  env: NodeJS.ProcessEnv,
  mask: (secret: string) => void,
  logger: Logger,
): ActionSettings {
  // Secrets first.
  const token = readInput(env, Inputs.GithubToken) ?? '';
  if (token !== '') mask(token);

  const run = readRunContext(env);

  // Snapshots and the drift engine: the same syntax as `driftwatch compare`
  const stattest = parseOverrides(Inputs.Stattest, listInput(env, Inputs.Stattest) ?? [], (value) =>
    parseStatTestId(Inputs.Stattest, value),
  );
  const threshold = parseOverrides(Inputs.Threshold, listInput(env, Inputs.Threshold) ?? [], (value) =>
    parseThreshold(Inputs.Threshold, value),
  );
  const formats = (listInput(env, Inputs.Formats) ?? []).map((format) =>
    oneOf<ReportFormat>(Inputs.Formats, format.toLowerCase(), REPORT_FORMATS),
  );
  if (formats.length === 0)
    throw new UserError('CONFIG', `${Inputs.Formats}: name at least one of ${REPORT_FORMATS.join(', ')}`);
  const database = databaseInputs(env, mask);
  const compare: CompareSettings = {
    reference: database?.reference ?? snapshotInput(env, Inputs.Reference),
    current: database?.current ?? snapshotInput(env, Inputs.Current),
    referenceLabel: labelInput(env, Inputs.ReferenceLabel),
    currentLabel: labelInput(env, Inputs.CurrentLabel),
    reportDir: path.resolve(run.workspace, requiredInput(env, Inputs.ReportDir)),
    formats: [...new Set(formats)],
    cwd: run.workspace,
    drift: {
      target: readInput(env, Inputs.Target),
      columns: listInput(env, Inputs.Columns),
      exclude: listInput(env, Inputs.Exclude) ?? [],
      stattest,
      threshold,
      driftShare: numberInput(env, Inputs.DriftShare, { min: 0, max: 1 })!,
      retrainThreshold: numberInput(env, Inputs.RetrainThreshold, { min: 0, max: 1 })!,
      idColumn: readInput(env, Inputs.IdColumn),
      correction: optionalOneOf(env, Inputs.Correction, CORRECTION_METHODS),
      missingDrift: booleanInput(env, Inputs.MissingDrift),
    },
  };

  // Artifact
  const artifactBase = requiredInput(env, Inputs.ArtifactName);
  if (!isValidArtifactName(artifactBase))
    throw new UserError(
      'CONFIG',
      `${Inputs.ArtifactName}: '${artifactBase}' may not contain " : < > | * ? \\ / or line breaks`,
    );

  // Comment
  const mode = oneOf(Inputs.Comment, requiredInput(env, Inputs.Comment), COMMENT_MODES);
  const issueNumber = positiveIntegerInput(env, Inputs.IssueNumber);
  const key = requiredInput(env, Inputs.CommentKey);
  if (!COMMENT_KEY_PATTERN.test(key))
    throw new UserError(
      'CONFIG',
      `${Inputs.CommentKey}: '${key}' may only use letters, digits and . _ : / - (at most 100)`,
    );
  const comment: CommentSettings = { mode, issueNumber: resolveCommentTarget(mode, issueNumber, run), key };

  // Retrain dispatch
  const workflow = readInput(env, Inputs.RetrainWorkflow);
  if (workflow !== undefined && !/^([0-9]+|[A-Za-z0-9._-]+\.ya?ml)$/.test(workflow))
    throw new UserError(
      'CONFIG',
      `${Inputs.RetrainWorkflow}: '${workflow}' is neither a workflow file name (retrain.yml) nor an id`,
    );
  const retrain = {
    workflow,
    ref: resolveRetrainRef(readInput(env, Inputs.RetrainRef), run),
    extraInputs: retrainInputs(env),
  };
  if (workflow !== undefined && retrain.ref === undefined)
    throw new UserError(
      'CONFIG',
      `${Inputs.RetrainRef}: cannot tell which branch to run ${workflow} on; set retrain-ref`,
    );

  const needsToken = comment.issueNumber !== undefined || workflow !== undefined;
  if (needsToken && token === '')
    throw new UserError(
      'CONFIG',
      `${Inputs.GithubToken}: required to comment or dispatch (default: \${{ github.token }})`,
    );

  const settings: ActionSettings = {
    compare,
    artifactName: `${artifactBase}-${run.runId}-${run.runAttempt}`,
    comment,
    retrain,
    failOnDrift: booleanInput(env, Inputs.FailOnDrift),
    dryRun: booleanInput(env, Inputs.DryRun),
    token,
    run,
  };
  logger.debug(`settings = ${JSON.stringify({ ...settings, token: token === '' ? '(none)' : '***' })}`);
  return settings;
}
