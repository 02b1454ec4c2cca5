/**
 * Builds the one validated {@link ActionSettings} from the runner's environment (`INPUT_*`, `GITHUB_*`, the event
 * payload). Every input is read here once: the compare inputs go through the parser the CLI uses
 * (`parseCompareSettings`, with the input names), the action's own inputs are converted and checked here; a bad
 * value is a one-line UserError naming the input, the value and the expected form. Nothing is coerced silently.
 */
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { isValidArtifactName, uniqueArtifactName } from '../github/artifact.js';
import { MAX_DISPATCH_INPUTS } from '../github/dispatch.js';
import { parseCompareSettings, type RawCompareSettings } from '../job/compare-settings.js';
import { COMPARE_FIELDS, type CompareField, type CompareSettings } from '../job/settings.js';
import type { Logger } from '../github/logger.js';
import { COMMENT_KEY_PATTERN } from '../github/sticky-comment.js';
import { InputDefaults, Inputs, RETRAIN_WORKFLOW_INPUTS } from './constants.js';
import { readEventPayload } from './event.js';
import { collectSecrets, REDACTED, Secrets } from './secrets.js';
import {
  COMMENT_MODES,
  HISTORY_MODES,
  type HistoryMode,
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

function positiveIntegerInput(env: NodeJS.ProcessEnv, name: InputName): number | undefined {
  const text = readInput(env, name);
  if (text === undefined) return undefined;
  if (!/^[1-9][0-9]{0,9}$/.test(text))
    throw new UserError('CONFIG', `${name}: '${text}' is not a positive integer`);
  return Number(text);
}

function oneOf<T extends string>(name: InputName, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError('CONFIG', `${name}: '${value}' is not one of ${allowed.join(', ')}`);
}

/** The input of every compare setting (the same settings as the CLI's flags). */
export const COMPARE_INPUTS: Readonly<Record<CompareField, InputName>> = {
  reference: Inputs.Reference,
  current: Inputs.Current,
  inputFormat: Inputs.InputFormat,
  referenceLabel: Inputs.ReferenceLabel,
  currentLabel: Inputs.CurrentLabel,
  memoryLimit: Inputs.MemoryLimit,
  databaseUrl: Inputs.DatabaseUrl,
  table: Inputs.Table,
  asOfColumn: Inputs.AsOfColumn,
  query: Inputs.Query,
  schema: Inputs.Schema,
  referenceAsOf: Inputs.ReferenceAsOf,
  currentAsOf: Inputs.CurrentAsOf,
  compute: Inputs.Compute,
  statementTimeout: Inputs.StatementTimeout,
  connectRetries: Inputs.ConnectRetries,
  columns: Inputs.Columns,
  exclude: Inputs.Exclude,
  numerical: Inputs.Numerical,
  categorical: Inputs.Categorical,
  idColumn: Inputs.IdColumn,
  timestampColumn: Inputs.TimestampColumn,
  target: Inputs.Target,
  stattest: Inputs.Stattest,
  threshold: Inputs.Threshold,
  driftShare: Inputs.DriftShare,
  retrainThreshold: Inputs.RetrainThreshold,
  bins: Inputs.Bins,
  seed: Inputs.Seed,
  correction: Inputs.Correction,
  missingDrift: Inputs.MissingDrift,
  allowEmpty: Inputs.AllowEmpty,
  reportDir: Inputs.ReportDir,
  formats: Inputs.Formats,
  reportUrl: Inputs.ReportUrl,
  failOnDrift: Inputs.FailOnDrift,
  quiet: Inputs.Quiet,
  history: Inputs.HistoryFile,
  retrainAfter: Inputs.RetrainAfter,
  historyTable: Inputs.HistoryTable,
  model: Inputs.Model,
  predictionColumn: Inputs.PredictionColumn,
  maxAucDrop: Inputs.MaxAucDrop,
  aucDropConfidence: Inputs.AucDropConfidence,
};

/**
 * The compare settings from the inputs, parsed like the CLI's flags. The report directory is made absolute (in the
 * workspace), so the report outputs are absolute paths; the full report's address defaults to the run page.
 */
function compareInputs(env: NodeJS.ProcessEnv, run: RunContext): CompareSettings {
  const raw: RawCompareSettings = Object.fromEntries(
    COMPARE_FIELDS.map((field) => [field, readInput(env, COMPARE_INPUTS[field])]),
  );
  const compare = parseCompareSettings(
    { ...raw, reportUrl: raw.reportUrl ?? runPageUrl(run) },
    COMPARE_INPUTS,
    { cwd: run.workspace, env },
  );
  return { ...compare, reportDir: path.resolve(run.workspace, compare.reportDir) };
}

/** The address of this workflow run's page (it lists the artifacts). */
export function runPageUrl(run: RunContext): string {
  return `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}`;
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

/** `matrix`: the job's matrix context, as its default `${{ toJSON(matrix) }}` passes it (`null` outside a matrix). */
function matrixInput(env: NodeJS.ProcessEnv): unknown {
  const text = readInput(env, Inputs.Matrix);
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UserError(
      'CONFIG',
      `${Inputs.Matrix}: not valid JSON; leave it unset (its default is \${{ toJSON(matrix) }})`,
    );
  }
}

function requiredEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  // Not the user's fault: the runner always sets these (codeql-action's getRequiredEnvParam).
  if (value === undefined || value === '')
    throw new Error(`${name} is not set; driftwatch must run as a GitHub Action step`);
  return value;
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
    job: env.GITHUB_JOB || undefined,
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

/**
 * The `history` input: `file` needs `history-file` (and is the default when it is given), `comment` needs a
 * comment; unset, it is `comment` when the comment goes to an issue (not a pull request), else `off`.
 */
function historyMode(
  env: NodeJS.ProcessEnv,
  comment: CommentSettings,
  run: RunContext,
  hasFile: boolean,
): HistoryMode {
  const text = readInput(env, Inputs.History);
  const onIssue = comment.issueNumber !== undefined && comment.issueNumber !== run.pullRequest?.number;
  const mode =
    text === undefined
      ? hasFile
        ? 'file'
        : onIssue
          ? 'comment'
          : 'off'
      : oneOf(Inputs.History, text, HISTORY_MODES);
  if (mode === 'file' && !hasFile)
    throw new UserError('CONFIG', `${Inputs.History}: 'file' needs the ${Inputs.HistoryFile} input`);
  if (mode !== 'file' && hasFile)
    throw new UserError(
      'CONFIG',
      `${Inputs.HistoryFile}: only used with ${Inputs.History}: file (${Inputs.History} is '${mode}')`,
    );
  if (mode === 'comment' && comment.issueNumber === undefined)
    throw new UserError(
      'CONFIG',
      `${Inputs.History}: 'comment' needs a comment (${Inputs.Comment} is '${comment.mode}' and this run has no issue or pull request to comment on)`,
    );
  return mode;
}

/** The ref the retrain workflow runs at: the input, else the pushed branch or tag, else the default branch. */
function resolveRetrainRef(explicit: string | undefined, run: RunContext): string | undefined {
  if (explicit !== undefined) return explicit;
  if (run.ref?.startsWith('refs/heads/') || run.ref?.startsWith('refs/tags/')) return run.ref;
  return run.defaultBranch;
}

/**
 * Reads and validates every input. The secrets (see {@link collectSecrets}) are masked before anything else can log
 * them: `secrets` is the run's already collected set, or `core.setSecret` to collect them with.
 */
export function getInputs(
  env: NodeJS.ProcessEnv,
  secrets: Secrets | ((secret: string) => void),
  logger: Logger,
): ActionSettings {
  // Secrets first.
  const known = secrets instanceof Secrets ? secrets : collectSecrets(env, secrets);
  const token = readInput(env, Inputs.GithubToken) ?? '';

  const run = readRunContext(env);

  // Snapshots, the drift engine and the reports: the same settings and grammar as `driftwatch compare`.
  const compare = compareInputs(env, run);

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

  const history = historyMode(env, comment, run, compare.history !== undefined);

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
    artifactName: uniqueArtifactName({
      prefix: artifactBase,
      job: run.job,
      matrix: matrixInput(env),
      commentKey: key,
      runId: run.runId,
      runAttempt: run.runAttempt,
    }),
    comment,
    history,
    retrain,
    dryRun: booleanInput(env, Inputs.DryRun),
    token,
    run,
  };
  logger.debug(
    known.redact(`settings = ${JSON.stringify({ ...settings, token: token === '' ? '(none)' : REDACTED })}`),
  );
  return settings;
}
