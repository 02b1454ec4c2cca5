/**
 * The drift history carried in the sticky comment, end to end: the real bundle `node <out>/index.js`, started as
 * the runner starts it, against the loopback fake GitHub over real HTTP, on a tracking issue (the monthly cron).
 * The bundle is built by this test into test/out (inside the repository, so "type": "module" applies).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentMarker } from '../../src/github/sticky-comment.js';
import { formatPercent } from '../../src/report/format.js';
import { FakeGitHub, fakeRuntimeToken } from '../support/fake-github.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'ghs_historyE2eToken0123456789abcdef';
const ISSUE = 42;
const LABELS = ['2024-01-31', '2024-02-29', '2024-03-31'];

interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
}

function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (!heredoc) continue;
    const value: string[] = [];
    while (lines[++i] !== heredoc[2]) value.push(lines[i]!);
    outputs[heredoc[1]!] = value.join('\n');
  }
  return outputs;
}

describe('the bundled action keeps the drift history in the sticky comment of a tracking issue', () => {
  const fake = new FakeGitHub({
    owner: 'acme',
    repo: 'churn',
    users: { [TOKEN]: { login: 'github-actions[bot]', viewerLogin: 'github-actions', isApp: true } },
  });
  const work = mkdtempSync(path.join(os.tmpdir(), 'dw-history-e2e-'));
  const bundleDir = path.join(repoRoot, 'test/out', `history-dist-${process.pid}`);
  const workspace = path.join(work, 'workspace');
  let runId = 7000;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      cwd: repoRoot,
      env: { ...process.env, DRIFTWATCH_BUILD_OUT: bundleDir },
      stdio: 'pipe',
    });
    await fake.start();
    mkdirSync(workspace, { recursive: true });
    for (const month of [0, 1, 2])
      copyFileSync(
        path.join(repoRoot, `fixtures/streamflow/month_00${month}.csv`),
        path.join(workspace, `month_00${month}.csv`),
      );
  }, 300_000);

  afterAll(async () => {
    await fake.stop();
    rmSync(bundleDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  /** One scheduled run comparing month_00<ref> with month_00<cur>, commenting on the tracking issue. */
  async function monthly(ref: number, cur: number): Promise<ActionRun> {
    const runDir = mkdtempSync(path.join(work, 'run-'));
    const eventPath = path.join(runDir, 'event.json');
    const outputPath = path.join(runDir, 'output.txt');
    writeFileSync(
      eventPath,
      JSON.stringify({ schedule: '17 6 1 * *', repository: { default_branch: 'main' } }),
    );
    writeFileSync(outputPath, '');
    mkdirSync(path.join(runDir, 'tmp'));
    const inputs: Record<string, string> = {
      reference: `month_00${ref}.csv`,
      current: `month_00${cur}.csv`,
      'reference-label': LABELS[ref]!,
      'current-label': LABELS[cur]!,
      target: 'churn_label',
      'id-column': 'user_id',
      'issue-number': String(ISSUE),
      'github-token': TOKEN,
    };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/churn',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: String(++runId),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputPath,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: fake.url,
      GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
      RUNNER_TEMP: path.join(runDir, 'tmp'),
      ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
      ACTIONS_RESULTS_URL: `${fake.url}/`,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const child = spawn(process.execPath, [path.join(bundleDir, 'index.js')], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout, stderr, outputs: parseOutputFile(readFileSync(outputPath, 'utf8')) };
  }

  const issueComments = () => fake.comments.filter((comment) => comment.issueNumber === ISSUE);
  const driftShareOf = (run: ActionRun) =>
    (JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as { drift_share: number }).drift_share;
  const warnings = (run: ActionRun) => run.stdout.split('\n').filter((line) => line.startsWith('::warning'));

  it('three monthly runs leave one comment showing the three drift shares and a three-point line chart; a hand-edited comment starts a new history with a warning', async () => {
    const shares: number[] = [];
    for (const [ref, cur] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ] as const) {
      const run = await monthly(ref, cur);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(warnings(run)).toEqual([]);
      shares.push(driftShareOf(run));
    }

    const comments = issueComments();
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    const lines = body.split('\n');
    expect(lines[0]).toBe(commentMarker('driftwatch'));
    expect(lines[1]).toMatch(/^<!-- driftwatch:history v1 [A-Za-z0-9+/]+=* -->$/);
    expect(body).toContain('### Drift over time (3 runs)');
    for (const [index, [ref, cur]] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ].entries())
      expect(body).toContain(`${LABELS[ref!]}→${LABELS[cur!]} **${formatPercent(shares[index]!)}**`);
    const chart = /```mermaid\n(xychart-beta\n {4}title "drift_share over runs"[\s\S]*?)\n```/.exec(
      body,
    )![1]!;
    const [shareLine, thresholdLine] = [...chart.matchAll(/ {4}line \[(.*)\]/g)].map((match) =>
      match[1]!.split(', ').map(Number),
    );
    expect(shareLine).toEqual(shares.map((share) => Number(share.toPrecision(4))));
    expect(thresholdLine).toEqual([0.3, 0.3, 0.3]);
    expect(chart.match(/x-axis \[(.*)\]/)![1]!.split('", "')).toHaveLength(3);

    // Somebody edits the comment by hand and the history block goes.
    comments[0]!.body = lines.filter((_, index) => index !== 1).join('\n');
    const fourth = await monthly(0, 1);
    expect(fourth.code).toBe(0);
    expect(warnings(fourth)).toEqual([
      `::warning::history: the sticky comment on #${ISSUE} has no history block (edited by hand?); starting a new history`,
    ]);
    expect(issueComments()).toHaveLength(1);
    const fresh = issueComments()[0]!.body;
    expect(fresh.split('\n')[1]).toMatch(/^<!-- driftwatch:history v1 /);
    expect(fresh).toContain('### Drift over time (1 run)');
    expect(fresh).not.toContain(`${LABELS[1]}→${LABELS[2]} **`);
  }, 300_000);
});
