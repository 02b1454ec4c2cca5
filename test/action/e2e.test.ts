/**
 * End-to-end: the real bundle `node dist/index.js`, started exactly as the runner starts a JavaScript action
 * (INPUT_* variables, GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_API_URL,
 * ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL), against the loopback fake GitHub over real HTTP.
 *
 * The bundle is built by this test from scripts/build.mjs into test/out (inside the repository, so the root
 * package.json's "type": "module" applies to it as it does to the committed dist/).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commentMarker } from '../../src/github/sticky-comment.js';
import { FakeGitHub, fakeRuntimeToken } from '../support/fake-github.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'ghs_e2eSecretToken0123456789abcdef';
const FORK_TOKEN = 'ghs_forkReadOnlyToken9876543210';
const fixture = (month: number) => path.join(repoRoot, `fixtures/streamflow/month_00${month}.csv`);

/** The retrain workflow's run-name with `${{ inputs.x }}` evaluated, as GitHub titles a dispatched run. */
function retrainRunName(inputs: Record<string, string>): string {
  const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/retrain.yml'), 'utf8')) as {
    'run-name': string;
  };
  return workflow['run-name'].replace(
    /\$\{\{\s*inputs\.([A-Za-z_]+)\s*\}\}/g,
    (_, name: string) => inputs[name] ?? '',
  );
}

interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/** Parses GITHUB_OUTPUT as the runner does: `name<<DELIMITER\nvalue\nDELIMITER` blocks (and `name=value` lines). */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      while (lines[++i] !== delimiter) value.push(lines[i]!);
      outputs[name!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** Entries of a zip archive (central directory → local headers → stored or deflated data). */
function readZip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString();
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the bundled action (node dist/index.js) against a loopback fake GitHub', () => {
  const fake = new FakeGitHub({
    owner: 'acme',
    repo: 'churn',
    users: {
      [TOKEN]: { login: 'github-actions[bot]', viewerLogin: 'github-actions', isApp: true },
      [FORK_TOKEN]: {
        login: 'github-actions[bot]',
        viewerLogin: 'github-actions',
        isApp: true,
        readOnly: true,
      },
    },
    runName: (_workflow, inputs) => retrainRunName(inputs),
  });
  const work = mkdtempSync(path.join(os.tmpdir(), 'dw-action-e2e-'));
  const bundleDir = path.join(repoRoot, 'test/out', `action-dist-${process.pid}`);
  const bundle = path.join(bundleDir, 'index.js');
  const workspace = path.join(work, 'workspace');
  let runCounter = 9000;
  let baseSha = '';
  let headSha = '';

  beforeAll(async () => {
    // The real bundle, built by the project's build script.
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      cwd: repoRoot,
      env: { ...process.env, DRIFTWATCH_BUILD_OUT: bundleDir },
      stdio: 'pipe',
    });
    await fake.start();
    // The retrain workflow the action reads (contents API) before dispatching it.
    fake.addFile(
      '.github/workflows/retrain.yml',
      readFileSync(path.join(repoRoot, '.github/workflows/retrain.yml'), 'utf8'),
    );

    // A checkout with history: the base commit has month_000 as data/month.csv, the head commit month_001.
    mkdirSync(path.join(workspace, 'data'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: workspace,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      })
        .toString()
        .trim();
    git('init', '-q', '-b', 'main');
    copyFileSync(fixture(0), path.join(workspace, 'data/month.csv'));
    for (const month of [0, 1, 2]) copyFileSync(fixture(month), path.join(workspace, `month_00${month}.csv`));
    git('add', '.');
    git('commit', '-q', '-m', 'January snapshot');
    baseSha = git('rev-parse', 'HEAD');
    copyFileSync(fixture(1), path.join(workspace, 'data/month.csv'));
    git('commit', '-q', '-am', 'February snapshot');
    headSha = git('rev-parse', 'HEAD');
  }, 300_000);

  afterAll(async () => {
    await fake.stop();
    rmSync(bundleDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const prEvent = (number: number) => ({
    action: 'synchronize',
    number,
    pull_request: { number, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } },
    repository: { default_branch: 'main', full_name: 'acme/churn' },
  });
  const scheduleEvent = {
    schedule: '17 6 1 * *',
    repository: { default_branch: 'main', full_name: 'acme/churn' },
  };

  /** Starts the bundle like the runner: a fresh process, inputs and context in the environment. */
  async function runAction(
    inputs: Record<string, string>,
    context: {
      eventName: string;
      event: object;
      runId?: number;
      runAttempt?: number;
      token?: string;
      ref?: string;
      /** GITHUB_JOB, the job's id; default `drift`. */
      job?: string;
      /** Variables the runner would not set in this scenario. */
      unset?: readonly string[];
    },
  ): Promise<ActionRun> {
    const runDir = mkdtempSync(path.join(work, 'run-'));
    const eventPath = path.join(runDir, 'event.json');
    const outputPath = path.join(runDir, 'output.txt');
    const summaryPath = path.join(runDir, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(context.event));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const runnerTemp = path.join(runDir, 'tmp');
    mkdirSync(runnerTemp);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/churn',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_EVENT_NAME: context.eventName,
      GITHUB_JOB: context.job ?? 'drift',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: String(context.runId ?? ++runCounter),
      GITHUB_RUN_ATTEMPT: String(context.runAttempt ?? 1),
      GITHUB_REF: context.ref ?? 'refs/heads/main',
      GITHUB_SHA: headSha,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: fake.url,
      GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
      RUNNER_TEMP: runnerTemp,
      ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
      ACTIONS_RESULTS_URL: `${fake.url}/`,
      'INPUT_GITHUB-TOKEN': context.token ?? TOKEN,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    for (const name of context.unset ?? []) delete env[name];
    const child = spawn(process.execPath, [bundle], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
    };
  }

  /** The token may appear only in the `::add-mask::` command that registers it with the runner's masker. */
  function expectTokenNeverPrinted(run: ActionRun, token = TOKEN): void {
    expect(run.stderr).not.toContain(token);
    const lines = run.stdout.split('\n').filter((line) => line.includes(token));
    expect(lines).toEqual([`::add-mask::${token}`]);
    // Nor is the runner's artifact-service token.
    expect(run.stdout + run.stderr).not.toContain(fakeRuntimeToken());
  }

  const baseInputs = { target: 'churn_label', exclude: 'user_id' };

  /** Reads of a repository file through the contents API (Octokit sends the path's slashes as %2F). */
  const contentsRequests = (file: string) =>
    fake
      .requestsTo('GET', /\/contents\//)
      .filter((request) => decodeURIComponent(request.path).endsWith(`/contents/${file}`));

  it('a pull request run reports, uploads, summarises and creates one comment; the next run updates that same comment', async () => {
    const inputs = {
      ...baseInputs,
      reference: 'month_000.csv',
      current: 'month_001.csv',
      'reference-label': '2024-01-31',
      'current-label': '2024-02-29',
    };
    const first = await runAction(inputs, {
      eventName: 'pull_request',
      event: prEvent(7),
      runId: 501,
      ref: 'refs/pull/7/merge',
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expectTokenNeverPrinted(first);

    // The StreamFlow decision line, on the console.
    const decisionLine = first.stdout.split('\n').find((line) => line.startsWith('[driftwatch] '));
    expect(decisionLine).toMatch(
      /^\[driftwatch\] report_html=\S+\.html report_json=\S+\.json report_md=\S+\.md drift_share=0\.\d\d < 0\.30 -> NO_ACTION \(target_rate_change=[-+]0\.\d{3}\)$/,
    );

    // Outputs
    const report = JSON.parse(readFileSync(first.outputs['report-json']!, 'utf8')) as {
      drift_share: number;
      dataset_drift: boolean;
      number_of_drifted_columns: number;
      columns: { column: string; drift_detected: boolean }[];
      decision: { action: string };
    };
    expect(first.outputs).toMatchObject({
      'drift-share': String(report.drift_share),
      'dataset-drift': 'false',
      decision: 'NO_ACTION',
      'drifted-columns': JSON.stringify(report.columns.filter((c) => c.drift_detected).map((c) => c.column)),
      'number-of-drifted-columns': String(report.number_of_drifted_columns),
      'retrain-run-id': '',
    });
    expect(report.number_of_drifted_columns).toBeGreaterThan(0);
    // `exclude: user_id` reached the engine.
    expect(report.columns.map((c) => c.column)).not.toContain('user_id');
    expect(report.columns.map((c) => c.column)).toContain('watch_hours_30d');
    for (const key of ['report-json', 'report-html', 'report-markdown']) {
      expect(path.isAbsolute(first.outputs[key]!)).toBe(true);
      expect(existsSync(first.outputs[key]!), key).toBe(true);
    }

    // Artifacts: one zip of the three reports, and the HTML alone; the bytes are the report files' bytes.
    const zip = fake.artifacts.find((a) => a.name === 'driftwatch-report-drift-driftwatch-501-1')!;
    const html = fake.artifacts.find((a) => a.name === 'driftwatch-report-drift-driftwatch-501-1.html')!;
    expect([zip.finalized, html.finalized]).toEqual([true, true]);
    expect(first.outputs['artifact-id']).toBe(String(zip.id));
    expect(first.outputs['artifact-url']).toBe(
      `https://github.com/acme/churn/actions/runs/501/artifacts/${zip.id}`,
    );
    const htmlBytes = readFileSync(first.outputs['report-html']!);
    expect(html.bytes!.equals(htmlBytes)).toBe(true);
    expect(html.hash).toBe(`sha256:${createHash('sha256').update(htmlBytes).digest('hex')}`);
    const entries = readZip(zip.bytes!);
    expect([...entries.keys()].sort()).toEqual(
      ['report-json', 'report-html', 'report-markdown']
        .map((key) => path.basename(first.outputs[key]!))
        .sort(),
    );
    for (const key of ['report-json', 'report-html', 'report-markdown'])
      expect(
        entries.get(path.basename(first.outputs[key]!))!.equals(readFileSync(first.outputs[key]!)),
        key,
      ).toBe(true);
    // The Markdown file in the artifact points at the run page, not at a placeholder.
    expect(readFileSync(first.outputs['report-markdown']!, 'utf8')).toContain(
      'https://github.com/acme/churn/actions/runs/501',
    );
    expect(readFileSync(first.outputs['report-markdown']!, 'utf8')).not.toContain('{{report_url}}');

    // Job summary: the Markdown report with the link to the unzipped HTML artifact.
    const htmlUrl = `https://github.com/acme/churn/actions/runs/501/artifacts/${html.id}`;
    expect(first.summary).toContain('NO_ACTION');
    expect(first.summary).toContain(htmlUrl);
    expect(first.summary).not.toContain('{{report_url}}');

    // One sticky comment on the PR.
    const onPr = () => fake.comments.filter((c) => c.issueNumber === 7);
    expect(onPr()).toHaveLength(1);
    const comment = onPr()[0]!;
    expect(comment.body.split('\n')[0]).toBe(commentMarker('driftwatch'));
    expect(comment.body).toContain(htmlUrl);
    expect(first.outputs['comment-url']).toBe(comment.html_url);

    // Second run (a re-run: same run id, attempt 2) updates the same comment in place.
    const second = await runAction(inputs, {
      eventName: 'pull_request',
      event: prEvent(7),
      runId: 501,
      runAttempt: 2,
      ref: 'refs/pull/7/merge',
    });
    expect(second.code).toBe(0);
    expect(onPr()).toHaveLength(1);
    expect(onPr()[0]!.id).toBe(comment.id);
    const html2 = fake.artifacts.find((a) => a.name === 'driftwatch-report-drift-driftwatch-501-2.html')!;
    expect(onPr()[0]!.body).toContain(`/artifacts/${html2.id}`);
    expect(second.outputs['comment-url']).toBe(comment.html_url);
    expect(fake.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    expect(fake.requestsTo('PATCH', new RegExp(`/issues/comments/${comment.id}$`))).toHaveLength(1);
  });

  it('two identical RETRAIN runs dispatch the retrain workflow exactly once', async () => {
    const inputs = {
      ...baseInputs,
      reference: 'month_000.csv',
      current: 'month_002.csv',
      comment: 'issue',
      'issue-number': '3',
      'comment-key': 'streamflow-monthly',
      'retrain-workflow': 'retrain.yml',
      'retrain-inputs': '{"model": "churn"}',
    };
    const first = await runAction(inputs, { eventName: 'schedule', event: scheduleEvent, runId: 601 });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs.decision).toBe('RETRAIN');
    expect(first.stdout).toMatch(/drift_share=0\.\d\d >= 0\.30 -> RETRAIN/);
    expect(fake.dispatches).toHaveLength(1);
    // The contract was checked first, on the file at the ref the dispatch runs at.
    const contents = contentsRequests('.github/workflows/retrain.yml');
    expect(contents.map((request) => request.query.get('ref'))).toEqual(['refs/heads/main']);
    expect(first.stdout).toContain(
      '.github/workflows/retrain.yml@refs/heads/main accepts the dispatch inputs and shows dispatch_key in its run-name',
    );
    const dispatch = fake.dispatches[0]!;
    const html = fake.artifacts.find(
      (a) => a.name === 'driftwatch-report-drift-streamflow-monthly-601-1.html',
    )!;
    expect(dispatch).toEqual({
      workflow: 'retrain.yml',
      ref: 'refs/heads/main',
      returnRunDetails: true,
      inputs: {
        model: 'churn',
        reference: 'month_000.csv',
        current: 'month_002.csv',
        drift_share: first.outputs['drift-share'],
        report_url: `https://github.com/acme/churn/actions/runs/601/artifacts/${html.id}`,
        dispatch_key: expect.stringMatching(/^dw-[0-9a-f]{16}$/),
      },
    });
    const run = fake.runs[0]!;
    expect(run.display_title).toBe(`Retrain churn model on month_002.csv [${dispatch.inputs.dispatch_key}]`);
    expect(first.outputs['retrain-run-id']).toBe(String(run.id));
    expect(fake.comments.filter((c) => c.issueNumber === 3)).toHaveLength(1);

    // The next cron run on the same snapshot pair finds the run by its key and sends nothing.
    const second = await runAction(inputs, { eventName: 'schedule', event: scheduleEvent, runId: 602 });
    expect(second.code).toBe(0);
    expect(fake.dispatches).toHaveLength(1);
    expect(fake.requestsTo('POST', /\/actions\/workflows\/retrain\.yml\/dispatches$/)).toHaveLength(1);
    expect(second.outputs['retrain-run-id']).toBe(String(run.id));
    expect(second.stdout).toContain('Retrain already dispatched for this snapshot pair');
    expect(fake.comments.filter((c) => c.issueNumber === 3)).toHaveLength(1);

    // fail-on-drift fails the step after everything was reported; still no second dispatch.
    const gated = await runAction(
      { ...inputs, 'fail-on-drift': 'true' },
      { eventName: 'schedule', event: scheduleEvent, runId: 603 },
    );
    expect(gated.code).toBe(1);
    expect(gated.stdout).toMatch(/^::error::fail-on-drift: /m);
    expect(gated.outputs.decision).toBe('RETRAIN');
    expect(fake.dispatches).toHaveLength(1);
    expectTokenNeverPrinted(gated);
  });

  const retrainYml = () => readFileSync(path.join(repoRoot, '.github/workflows/retrain.yml'), 'utf8');
  it.each([
    [
      'lacks two inputs and the key in its run-name',
      'no-key.yml',
      () =>
        retrainYml()
          .replace(/^run-name: .*$/m, 'run-name: Retrain on ${{ inputs.current }}')
          .replace(/^ {6}report_url:\n(?: {8}.*\n)+/m, '')
          .replace(/^ {6}drift_share:\n(?: {8}.*\n)+/m, ''),
      'retrain-workflow: .github/workflows/no-key.yml@refs/heads/main breaks the retrain contract: no workflow_dispatch inputs drift_share, report_url; run-name does not contain ${{ inputs.dispatch_key }}',
    ],
    [
      'is not dispatchable',
      'push-only.yml',
      () =>
        'name: Retrain\non: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n',
      'retrain-workflow: .github/workflows/push-only.yml@refs/heads/main breaks the retrain contract: no workflow_dispatch trigger; no workflow_dispatch inputs reference, current, drift_share, report_url, dispatch_key, model; no run-name (it must contain ${{ inputs.dispatch_key }})',
    ],
    [
      'lacks an input of retrain-inputs',
      'no-model.yml',
      () => retrainYml().replace(/^ {6}model:\n(?: {8}.*\n)+/m, ''),
      'retrain-workflow: .github/workflows/no-model.yml@refs/heads/main breaks the retrain contract: no workflow_dispatch input model',
    ],
    [
      'does not exist at the ref',
      'elsewhere.yml',
      undefined,
      "retrain-workflow: .github/workflows/elsewhere.yml@refs/heads/main breaks the retrain contract: no such file at that ref (or the token lacks 'contents: read')",
    ],
  ])(
    'a retrain workflow that %s fails the step with one line and is not dispatched',
    async (_name, workflow, text, message) => {
      if (text) fake.addFile(`.github/workflows/${workflow}`, text(), 'main');
      // Present on another branch only: the ref of the dispatch is the one read.
      else fake.addFile(`.github/workflows/${workflow}`, retrainYml(), 'feature');
      const dispatches = fake.requestsTo('POST', /dispatches$/).length;
      const run = await runAction(
        {
          ...baseInputs,
          reference: 'month_000.csv',
          current: 'month_002.csv',
          comment: 'off',
          'retrain-workflow': workflow,
          'retrain-inputs': '{"model": "churn"}',
        },
        { eventName: 'schedule', event: scheduleEvent },
      );
      expect(run.code).toBe(1);
      expect(run.outputs.decision).toBe('RETRAIN');
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors).toEqual([`::error::${message}`]);
      expect(contentsRequests(`.github/workflows/${workflow}`)).toHaveLength(1);
      expect(fake.requestsTo('POST', /dispatches$/)).toHaveLength(dispatches);
    },
  );

  it.each([
    [
      'a token GitHub rejects',
      'retrain.yml',
      'placeholder-token',
      'dry-run: could not read the retrain workflow retrain.yml: GitHub rejected the token (401 Bad credentials); check the github-token input',
    ],
    [
      'a broken contract',
      'no-model.yml',
      TOKEN,
      'dry-run: retrain-workflow: .github/workflows/no-model.yml@refs/heads/main breaks the retrain contract: no workflow_dispatch input model',
    ],
  ])('a dry run only warns about %s', async (_name, workflow, token, warning) => {
    fake.addFile('.github/workflows/no-model.yml', retrainYml().replace(/^ {6}model:\n(?: {8}.*\n)+/m, ''));
    const run = await runAction(
      {
        ...baseInputs,
        reference: 'month_000.csv',
        current: 'month_002.csv',
        comment: 'off',
        'retrain-workflow': workflow,
        'retrain-inputs': '{"model": "churn"}',
        'dry-run': 'true',
      },
      { eventName: 'workflow_dispatch', event: scheduleEvent, token },
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::warning'))).toEqual([
      `::warning::${warning}`,
    ]);
    expect(run.stdout).toMatch(/dry-run: would dispatch /);
  });

  it('a retrain workflow named by its id is read at the path GitHub gives for it', async () => {
    fake.workflowIds.set(161335, '.github/workflows/retrain.yml');
    const run = await runAction(
      {
        ...baseInputs,
        reference: 'month_000.csv',
        current: 'month_002.csv',
        'current-label': 'by-id',
        comment: 'off',
        'retrain-workflow': '161335',
        'retrain-inputs': '{"model": "churn"}',
      },
      { eventName: 'schedule', event: scheduleEvent },
    );
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([]);
    expect(run.code).toBe(0);
    expect(fake.requestsTo('GET', /\/actions\/workflows\/161335$/)).toHaveLength(1);
    expect(fake.dispatches.filter((d) => d.workflow === '161335')).toHaveLength(1);
  });

  it('dry-run computes and uploads, but only says which comment and dispatch it would make', async () => {
    const before = {
      comments: fake.comments.length,
      requests: fake.requestsTo('POST', /dispatches$/).length,
    };
    const run = await runAction(
      {
        ...baseInputs,
        reference: 'month_001.csv',
        current: 'month_002.csv',
        'issue-number': '5',
        'retrain-workflow': 'retrain.yml',
        'dry-run': 'true',
      },
      { eventName: 'workflow_dispatch', event: scheduleEvent, runId: 650 },
    );
    expect(run.code).toBe(0);
    expect(run.outputs.decision).toBe('RETRAIN');
    expect(run.stdout).toContain("dry-run: would create or update the sticky comment 'driftwatch' on #5");
    expect(run.stdout).toMatch(
      /dry-run: would dispatch retrain\.yml@refs\/heads\/main with dispatch_key=dw-[0-9a-f]{16} and inputs \{/,
    );
    expect(fake.comments.length).toBe(before.comments);
    expect(fake.requestsTo('POST', /dispatches$/).length).toBe(before.requests);
    expect(
      fake.artifacts.some((a) => a.name === 'driftwatch-report-drift-driftwatch-650-1' && a.finalized),
    ).toBe(true);
  });

  it('a comment API failure (read-only token of a fork PR) warns, succeeds and keeps the uploaded artifact', async () => {
    const run = await runAction(
      { ...baseInputs, reference: 'month_000.csv', current: 'month_001.csv' },
      {
        eventName: 'pull_request',
        event: prEvent(8),
        runId: 701,
        token: FORK_TOKEN,
        ref: 'refs/pull/8/merge',
      },
    );
    expect(run.code).toBe(0);
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings).toEqual([
      "::warning::could not comment on #8: 403 Resource not accessible by integration; the token needs 'pull-requests: write' (a pull request from a fork only gets a read-only token)",
    ]);
    expect(fake.comments.filter((c) => c.issueNumber === 8)).toHaveLength(0);
    expect(
      fake.artifacts.filter(
        (a) => a.name.startsWith('driftwatch-report-drift-driftwatch-701-1') && a.finalized,
      ),
    ).toHaveLength(2);
    expect(run.outputs['artifact-id']).not.toBe('');
    expect(run.outputs['comment-url']).toBe('');
    expectTokenNeverPrinted(run, FORK_TOKEN);
  });

  it('a transient 500 on the comment listing is retried and the comment still lands', async () => {
    fake.fail({ method: 'GET', path: /\/issues\/9\/comments$/, status: 500, times: 1 });
    const run = await runAction(
      { ...baseInputs, reference: 'month_000.csv', current: 'month_001.csv' },
      { eventName: 'pull_request', event: prEvent(9), runId: 751 },
    );
    expect(run.code).toBe(0);
    expect(fake.requestsTo('GET', /\/issues\/9\/comments$/)).toHaveLength(2);
    expect(fake.comments.filter((c) => c.issueNumber === 9)).toHaveLength(1);
  });

  it('compares a snapshot with its earlier self: reference git:base:<path> in a pull request', async () => {
    const run = await runAction(
      {
        ...baseInputs,
        reference: 'git:base:data/month.csv',
        current: 'data/month.csv',
        comment: 'off',
        'report-dir': 'git-report',
      },
      { eventName: 'pull_request', event: prEvent(10), runId: 801 },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as {
      drift_share: number;
      reference: { label: string; source?: string };
      current: { label: string };
    };
    expect(report.reference.label).toBe(`month@${baseSha.slice(0, 7)}`);
    expect(report.current.label).toBe('month');
    // Same numbers as comparing the two files directly (base = month_000, head = month_001).
    const directRun = await runAction(
      {
        ...baseInputs,
        reference: 'month_000.csv',
        current: 'month_001.csv',
        comment: 'off',
        'report-dir': 'direct-report',
      },
      { eventName: 'push', event: scheduleEvent, runId: 802 },
    );
    const direct = JSON.parse(readFileSync(directRun.outputs['report-json']!, 'utf8')) as {
      drift_share: number;
    };
    expect(report.drift_share).toBe(direct.drift_share);
    expect(run.outputs['drifted-columns']).toBe(directRun.outputs['drifted-columns']);
    expect(fake.comments.filter((c) => c.issueNumber === 10)).toHaveLength(0);
  });

  it('two driftwatch steps in one job, and the jobs of a matrix, each upload their own artifacts', async () => {
    const step = (runId: number, extra: Record<string, string>, job = 'drift') =>
      runAction(
        { ...baseInputs, reference: 'month_000.csv', current: 'month_001.csv', comment: 'off', ...extra },
        { eventName: 'push', event: scheduleEvent, runId, job },
      );
    // One job, two steps: their comment-keys differ (as their sticky comments must).
    const eu = await step(1101, { 'comment-key': 'eu', 'report-dir': 'steps-eu' });
    const us = await step(1101, { 'comment-key': 'us', 'report-dir': 'steps-us' });
    // A matrix: the same step in two jobs of one run; the runner passes toJSON(matrix) as the matrix input.
    const matrixJob = (region: string) =>
      step(
        1102,
        { matrix: JSON.stringify({ region }, null, 2), 'report-dir': `matrix-${region}` },
        'monthly',
      );
    const [north, south] = [await matrixJob('north'), await matrixJob('south')];
    for (const run of [eu, us, north, south]) {
      expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([]);
      expect(run.code).toBe(0);
    }
    const names = [
      'driftwatch-report-drift-eu-1101-1',
      'driftwatch-report-drift-us-1101-1',
      'driftwatch-report-monthly-north-driftwatch-1102-1',
      'driftwatch-report-monthly-south-driftwatch-1102-1',
    ];
    for (const name of names)
      for (const artifact of [name, `${name}.html`])
        expect(fake.artifacts.find((a) => a.name === artifact)?.finalized, artifact).toBe(true);
    expect([eu, us, north, south].map((run) => run.outputs['artifact-id'])).toEqual(
      names.map((name) => String(fake.artifacts.find((a) => a.name === name)!.id)),
    );

    // The same step twice in one job with the same comment-key is refused by the artifact service: one line says why.
    const again = await step(1101, { 'comment-key': 'eu', 'report-dir': 'steps-eu-again' });
    expect(again.code).toBe(1);
    expect(again.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([
      expect.stringMatching(
        /^::error::could not upload the reports as artifact 'driftwatch-report-drift-eu-1101-1': .*already exists.*; give each driftwatch step of a job its own comment-key$/,
      ),
    ]);
  });

  it('a refused artifact upload fails the step with one line', async () => {
    fake.fail({
      method: 'POST',
      path: /\/CreateArtifact$/,
      status: 400,
      body: { code: 'invalid_argument', msg: 'artifact storage quota has been hit' },
    });
    const run = await runAction(
      { ...baseInputs, reference: 'month_000.csv', current: 'month_001.csv', comment: 'off' },
      { eventName: 'push', event: scheduleEvent, runId: 851 },
    );
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error::could not upload the reports as artifact 'driftwatch-report-drift-driftwatch-851-1': /,
    );
    // The drift outputs were set before the upload: later steps can still read them.
    expect(run.outputs.decision).toBe('NO_ACTION');
  });

  it('outside the runner (no ACTIONS_RUNTIME_TOKEN) it warns, skips the upload and links the comment to the run', async () => {
    const artifacts = fake.artifacts.length;
    const run = await runAction(
      { ...baseInputs, reference: 'month_000.csv', current: 'month_001.csv' },
      {
        eventName: 'pull_request',
        event: prEvent(12),
        runId: 861,
        unset: ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'],
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning::ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set');
    expect(fake.artifacts.length).toBe(artifacts);
    expect(run.outputs['artifact-id']).toBe('');
    const [comment] = fake.comments.filter((c) => c.issueNumber === 12);
    expect(comment!.body).toContain('https://github.com/acme/churn/actions/runs/861');
  });

  it('a bad input fails the step with one line and uploads nothing', async () => {
    const artifacts = fake.artifacts.length;
    const run = await runAction(
      { ...baseInputs, reference: 'month_000.csv', current: 'month_001.csv', 'drift-share': 'most' },
      { eventName: 'pull_request', event: prEvent(11), runId: 901 },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toEqual(["::error::drift-share: 'most' is not a number"]);
    expect(fake.artifacts.length).toBe(artifacts);
    expectTokenNeverPrinted(run);
  });

  it('a missing snapshot fails with one line naming it', async () => {
    const run = await runAction(
      { ...baseInputs, reference: 'month_000.csv', current: `missing-${randomUUID()}.csv`, comment: 'off' },
      { eventName: 'push', event: scheduleEvent, runId: 902 },
    );
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::.*missing-[0-9a-f-]+\.csv/);
  });
});
