import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARE_INPUTS, getInputs, readInput } from '../../src/action/inputs.js';
import { UserError } from '../../src/errors.js';
import { RecordingLogger } from '../support/recording-logger.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-inputs-'));
const prEvent = path.join(dir, 'pr.json');
writeFileSync(
  prEvent,
  JSON.stringify({
    pull_request: { number: 42, base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } },
    repository: { default_branch: 'main' },
  }),
);
const cronEvent = path.join(dir, 'cron.json');
writeFileSync(cronEvent, JSON.stringify({ schedule: '17 6 1 * *', repository: { default_branch: 'trunk' } }));

/** The environment the runner gives an action step, with `INPUT_*` for the inputs given. */
function env(inputs: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {
    GITHUB_REPOSITORY: 'acme/churn',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: cronEvent,
    GITHUB_RUN_ID: '555',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_WORKSPACE: dir,
    GITHUB_REF: 'refs/heads/trunk',
    'INPUT_GITHUB-TOKEN': 'ghs_secret_value',
    ...extra,
  };
  for (const [name, value] of Object.entries({ reference: 'a.csv', current: 'b.csv', ...inputs }))
    result[`INPUT_${name.toUpperCase()}`] = value;
  return result;
}

const parse = (inputs: Record<string, string>, extra: Record<string, string> = {}) => {
  const masked: string[] = [];
  const settings = getInputs(env(inputs, extra), (secret) => masked.push(secret), new RecordingLogger());
  return { settings, masked };
};

const failure = (inputs: Record<string, string>, extra: Record<string, string> = {}) => {
  try {
    parse(inputs, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
};

describe('the artifact name: unique per job, matrix combination, step (comment-key) and attempt', () => {
  // toJSON(matrix) as the runner renders it: indented JSON, `null` outside a matrix.
  const matrix = (value: unknown) => ({ matrix: JSON.stringify(value, null, 2) });
  it.each([
    ['outside a matrix', { matrix: 'null' }, 'driftwatch-report-drift-driftwatch-555-2'],
    ['in a matrix', matrix({ region: 'eu', node: 24 }), 'driftwatch-report-drift-eu-24-driftwatch-555-2'],
    [
      'with a second comment-key',
      { 'comment-key': 'eu/churn:v2' },
      'driftwatch-report-drift-eu_churn_v2-555-2',
    ],
    [
      'with object values',
      matrix({ os: { name: 'ubuntu' } }),
      'driftwatch-report-drift-{_name___ubuntu_}-driftwatch-555-2',
    ],
  ])('%s', (_name, inputs, expected) => {
    const { settings } = parse(inputs, { GITHUB_JOB: 'drift' });
    expect(settings.artifactName).toBe(expected);
  });

  it('replaces a long matrix combination by a hash of it, which differs per combination', () => {
    const long = (n: number) => ({ snapshot: `data/snapshots/region-${n}/2024-03-31.parquet`, n });
    const names = [1, 2].map((n) => parse(matrix(long(n)), { GITHUB_JOB: 'drift' }).settings.artifactName);
    for (const name of names)
      expect(name).toMatch(/^driftwatch-report-drift-matrix-[0-9a-f]{12}-driftwatch-555-2$/);
    expect(names[0]).not.toBe(names[1]);
  });

  it('refuses a matrix input that is not JSON', () => {
    expect(failure({ matrix: 'region=eu' })).toBe(
      'matrix: not valid JSON; leave it unset (its default is ${{ toJSON(matrix) }})',
    );
  });
});

describe('getInputs', () => {
  it('applies the documented defaults', () => {
    const { settings, masked } = parse({});
    expect(masked).toEqual(['ghs_secret_value']);
    expect(settings.compare).toEqual({
      reference: { kind: 'file', path: 'a.csv' },
      current: { kind: 'file', path: 'b.csv' },
      referenceLabel: undefined,
      currentLabel: undefined,
      reportDir: path.join(dir, 'driftwatch-report'),
      formats: ['json', 'html', 'md'],
      reportUrl: 'https://github.com/acme/churn/actions/runs/555',
      failOnDrift: false,
      quiet: false,
      cwd: dir,
      names: COMPARE_INPUTS,
      drift: {
        target: undefined,
        columns: undefined,
        exclude: [],
        numerical: [],
        categorical: [],
        idColumn: undefined,
        timestampColumn: undefined,
        stattest: { all: undefined, byType: {}, byColumn: {} },
        threshold: { all: undefined, byType: {}, byColumn: {} },
        driftShare: 0.5,
        retrainThreshold: 0.3,
        bins: undefined,
        seed: 0,
        correction: undefined,
        missingDrift: false,
        allowEmpty: false,
      },
    });
    expect(settings.artifactName).toBe('driftwatch-report-driftwatch-555-2');
    expect(settings.comment).toEqual({ mode: 'auto', issueNumber: undefined, key: 'driftwatch' });
    expect(settings.retrain).toEqual({ workflow: undefined, ref: 'refs/heads/trunk', extraInputs: {} });
    expect([settings.compare.failOnDrift, settings.dryRun]).toEqual([false, false]);
    expect(settings.run).toMatchObject({
      owner: 'acme',
      repo: 'churn',
      runId: 555,
      runAttempt: 2,
      eventName: 'schedule',
      pullRequest: undefined,
    });
  });

  it('reads every input', () => {
    const { settings } = parse({
      'reference-label': '2024-01-31',
      'current-label': '2024-02-29',
      target: 'churn_label',
      columns: 'monthly_fee, watch_hours_30d\nskips_7d',
      exclude: 'user_id',
      stattest: 'numerical=wasserstein, monthly_fee=psi',
      threshold: '0.2',
      'drift-share': '0.4',
      'retrain-threshold': '0.25',
      'report-dir': 'out/reports',
      formats: 'json,md',
      'artifact-name': 'drift',
      comment: 'issue',
      'issue-number': '17',
      'comment-key': 'streamflow-monthly',
      'retrain-workflow': 'retrain.yml',
      'retrain-ref': 'release',
      'retrain-inputs': '{"model": "churn", "epochs": 3, "dry": false}',
      'fail-on-drift': 'true',
      'dry-run': 'True',
    });
    expect(settings.compare).toMatchObject({
      referenceLabel: '2024-01-31',
      currentLabel: '2024-02-29',
      reportDir: path.join(dir, 'out/reports'),
      formats: ['json', 'md'],
      drift: {
        target: 'churn_label',
        columns: ['monthly_fee', 'watch_hours_30d', 'skips_7d'],
        exclude: ['user_id'],
        stattest: { all: undefined, byType: { numerical: 'wasserstein' }, byColumn: { monthly_fee: 'psi' } },
        threshold: { all: 0.2 },
        driftShare: 0.4,
        retrainThreshold: 0.25,
      },
    });
    expect(settings.artifactName).toBe('drift-streamflow-monthly-555-2');
    expect(settings.comment).toEqual({ mode: 'issue', issueNumber: 17, key: 'streamflow-monthly' });
    expect(settings.retrain).toEqual({
      workflow: 'retrain.yml',
      ref: 'release',
      extraInputs: { model: 'churn', epochs: '3', dry: 'false' },
    });
    expect([settings.compare.failOnDrift, settings.dryRun]).toEqual([true, true]);
  });

  it('parses git:<rev>:<path> sources', () => {
    const { settings } = parse({ reference: 'git:base:data/month.csv', current: 'data/month.csv' });
    expect(settings.compare.reference).toEqual({ kind: 'git', rev: 'base', path: 'data/month.csv' });
  });

  it('on a pull_request comments on the PR (auto) and dispatches on the default branch', () => {
    const { settings } = parse(
      { 'issue-number': '3', 'retrain-workflow': 'retrain.yml' },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: prEvent, GITHUB_REF: 'refs/pull/42/merge' },
    );
    expect(settings.comment.issueNumber).toBe(42);
    expect(settings.run.pullRequest).toEqual({
      number: 42,
      baseSha: 'a'.repeat(40),
      headSha: 'b'.repeat(40),
    });
    expect(settings.retrain.ref).toBe('main');
  });

  it('passes the id column, the correction and missing-value drift to the engine', () => {
    const { settings } = parse({ 'id-column': 'user_id', correction: 'holm', 'missing-drift': 'true' });
    expect(settings.compare.drift).toMatchObject({
      idColumn: 'user_id',
      correction: 'holm',
      missingDrift: true,
    });
  });

  it('takes every compare option the CLI takes, with the same grammar', () => {
    const { settings } = parse({
      reference: 'a.data',
      current: 'b.data',
      'input-format': 'tsv',
      numerical: 'months_active\nskips_7d',
      categorical: 'unique_devices_30d',
      'timestamp-column': 'event_time',
      bins: '20',
      seed: '7',
      'report-url': 'https://reports.example.test/drift/42',
    });
    expect(settings.compare).toMatchObject({
      reference: { kind: 'file', path: 'a.data', format: 'tsv' },
      current: { kind: 'file', path: 'b.data', format: 'tsv' },
      reportUrl: 'https://reports.example.test/drift/42',
      drift: {
        numerical: ['months_active', 'skips_7d'],
        categorical: ['unique_devices_30d'],
        timestampColumn: 'event_time',
        bins: 20,
        seed: 7,
      },
    });
  });

  it('passes the model section and the AUC-drop rule to the compare settings', () => {
    expect(parse({}).settings.compare.model).toBeUndefined();
    const { settings } = parse({
      model: 'models/churn.json',
      'max-auc-drop': '0.05',
      'auc-drop-confidence': '0.9',
    });
    expect(settings.compare.model).toEqual({
      source: { kind: 'model', path: 'models/churn.json' },
      rule: { maxAucDrop: 0.05, confidence: 0.9 },
    });
    expect(parse({ 'prediction-column': 'p' }).settings.compare.model).toEqual({
      source: { kind: 'prediction-column', column: 'p' },
      rule: undefined,
    });
  });

  it('reads INPUT_ names with hyphens kept, as the runner sets them', () => {
    expect(readInput({ 'INPUT_DRIFT-SHARE': ' 0.7 ' }, 'drift-share')).toBe('0.7');
    expect(readInput({ INPUT_DRIFT_SHARE: '0.7' }, 'drift-share')).toBe('0.5');
  });

  // --- Input validation: one line naming the input and the value ---
  it.each([
    [{ reference: '' }, {}, 'reference is required'],
    [{ 'drift-share': 'half' }, {}, "drift-share: 'half' is not a number"],
    [{ 'retrain-threshold': '1.5' }, {}, 'retrain-threshold: 1.5 is out of range (must be between 0 and 1)'],
    [
      { threshold: '-1' },
      {},
      'threshold: threshold -1 is out of range (must be between 0 and 1 for a p-value test, above 0 for a distance)',
    ],
    [{ stattest: 'kss' }, {}, "stattest: unknown stattest 'kss'"],
    [{ formats: 'json,pdf' }, {}, "formats: unknown format 'pdf' (known: json, html, md)"],
    [{ correction: 'sidak' }, {}, "correction: unknown method 'sidak' (known: bonferroni, holm, fdr_bh)"],
    [{ 'input-format': 'xlsx' }, {}, "input-format: unknown format 'xlsx' (known: csv, tsv, jsonl, parquet)"],
    [{ bins: '2.5' }, {}, 'bins: 2.5 is not a whole number'],
    [{ seed: '-1' }, {}, 'seed: -1 is out of range (must be between 0 and 4294967295)'],
    [{ 'report-url': 'not a url' }, {}, "report-url: 'not a url' is not a URL"],
    [
      { reference: 'a.xlsx' },
      {},
      "reference: cannot tell the format of 'a.xlsx' from its extension; set input-format",
    ],
    [{ 'missing-drift': 'yes' }, {}, "missing-drift: 'yes' is not a boolean (use true or false)"],
    [{ model: 'm.json', 'prediction-column': 'p' }, {}, 'give model or prediction-column, not both'],
    [{ 'max-auc-drop': '0.05' }, {}, 'max-auc-drop needs model or prediction-column'],
    [{ model: 'm.json', 'auc-drop-confidence': '0.9' }, {}, 'auc-drop-confidence needs max-auc-drop'],
    [{ comment: 'sometimes' }, {}, "comment: 'sometimes' is not one of auto, pr, issue, off"],
    [{ comment: 'pr' }, {}, "comment: 'pr' needs a pull_request event, but this run is 'schedule'"],
    [{ comment: 'issue' }, {}, "comment: 'issue' needs the issue-number input"],
    [{ 'issue-number': '#12' }, {}, "issue-number: '#12' is not a positive integer"],
    [{ 'comment-key': 'a -->' }, {}, "comment-key: 'a -->' may only use letters, digits"],
    [{ 'artifact-name': 'a/b' }, {}, "artifact-name: 'a/b' may not contain"],
    [{ 'retrain-workflow': '../x' }, {}, "retrain-workflow: '../x' is neither a workflow file name"],
    [{ 'retrain-inputs': '{"model":' }, {}, 'retrain-inputs: not valid JSON'],
    [{ 'retrain-inputs': '["a"]' }, {}, 'retrain-inputs: expected a JSON object'],
    [
      { 'retrain-inputs': '{"dispatch_key":"x"}' },
      {},
      "retrain-inputs: 'dispatch_key' is set by the action and cannot be overridden",
    ],
    [
      { 'retrain-inputs': '{"nested":{"a":1}}' },
      {},
      "retrain-inputs: 'nested' must be a string, number or boolean",
    ],
    [
      {
        'retrain-inputs': JSON.stringify(
          Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])),
        ),
      },
      {},
      'retrain-inputs: 26 workflow inputs in all, GitHub accepts at most 25',
    ],
    [{ 'fail-on-drift': 'yes' }, {}, "fail-on-drift: 'yes' is not a boolean (use true or false)"],
    [{ 'issue-number': '4', 'github-token': '' }, {}, 'github-token: required to comment or dispatch'],
    [
      { 'retrain-workflow': 'retrain.yml' },
      { GITHUB_REF: 'refs/pull/1/merge', GITHUB_EVENT_PATH: '' },
      'retrain-ref: cannot tell which branch',
    ],
    [{ reference: 'git:base' }, {}, "reference: 'git:base' is not of the form git:<rev>:<path>"],
  ])('rejects %j with one line', (inputs, extra, message) => {
    const text = failure(inputs as Record<string, string>, extra as Record<string, string>);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });
});
