/**
 * The champion/challenger retrain workflow (.github/workflows/retrain.yml), run for real on this machine by the
 * local runner (test/support/workflow-runner.ts): its bash steps with the bundled CLI, the companion load-test
 * action's bundle against the challenger's predictor and a real Prometheus (Debian's 2.42, the version the
 * workflow pins), and the `gh` calls answered by a fake (test/support/fake-gh.mjs). Only the runner's own actions
 * are simulated: checkout and setup-node (the workspace is prepared here) and the artifact store (a directory).
 *
 * End to end on the fixtures: the champion is trained on month_000, the challenger on month_002, and both are
 * evaluated on the challenger's holdout of month_002.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../src/drift/model-quality/evaluation-report.js';
import { freePort, shouldRun } from '../prometheus/helpers/prometheus-process.js';
import { runWorkflow, type JobRecord, type RunnerOptions, type Step } from '../support/workflow-runner.js';

const WORKFLOW = resolve('.github/workflows/retrain.yml');
const root = mkdtempSync(join(tmpdir(), 'driftwatch-retrain-'));
const bundle = join(root, 'bundle');
const championModel = join(root, 'champion.json');
const challengerModel = join(root, 'challenger.json');
const bin = join(root, 'bin');

const baseInputs = {
  reference: 'fixtures/streamflow/month_000.csv',
  current: 'fixtures/streamflow/month_002.csv',
  drift_share: '0.43',
  report_url: 'https://example.test/drift-report',
  dispatch_key: 'dw-0123456789abcdef',
  model: 'churn',
  champion: 'models/champion.json',
  issue_number: '',
};

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...process.env, DRIFTWATCH_BUILD_OUT: bundle },
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [
    join(bundle, 'cli.js'),
    'train',
    '--snapshot',
    'fixtures/streamflow/month_000.csv',
    '--target',
    'churn_label',
    '--out',
    championModel,
  ]);
  // The challenger as the train step writes it, for the tests that start after training.
  execFileSync(process.execPath, [
    join(bundle, 'cli.js'),
    'train',
    '--snapshot',
    'fixtures/streamflow/month_002.csv',
    '--target',
    'churn_label',
    '--out',
    challengerModel,
  ]);
  mkdirSync(bin);
  symlinkSync(resolve('test/support/fake-gh.mjs'), join(bin, 'gh'));
}, 120_000);

/** A fresh checkout: the bundles where the workflow runs them, the load-test action, the fixtures, a git history. */
function workspace(): { dir: string; state: string; artifacts: string } {
  const dir = mkdtempSync(join(root, 'ws-'));
  mkdirSync(join(dir, 'dist'));
  // The CLI's launcher, its worker and their chunks.
  for (const file of readdirSync(bundle).filter((name) => /^(cli|worker|lib-.*)\.js$/.test(name)))
    copyFileSync(join(bundle, file), join(dir, 'dist', file));
  mkdirSync(join(dir, 'load-test', 'dist'), { recursive: true });
  copyFileSync(join(bundle, 'load-test.js'), join(dir, 'load-test', 'dist', 'index.js'));
  for (const file of ['action.yml', 'slo.yml'])
    copyFileSync(join('load-test', file), join(dir, 'load-test', file));
  mkdirSync(join(dir, 'fixtures', 'streamflow'), { recursive: true });
  for (const month of ['month_000.csv', 'month_002.csv'])
    copyFileSync(join('fixtures', 'streamflow', month), join(dir, 'fixtures', 'streamflow', month));
  mkdirSync(join(dir, 'models'));
  copyFileSync(championModel, join(dir, 'models', 'champion.json'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', 'fixtures', 'models');
  git('commit', '-qm', 'snapshots');
  const state = join(dir, '.fake-gh');
  mkdirSync(state);
  writeFileSync(join(state, 'issues.json'), JSON.stringify([{ number: 7, labels: ['drift-tracking'] }]));
  const artifacts = join(dir, '.artifacts');
  mkdirSync(artifacts);
  return { dir, state, artifacts };
}

function options(
  ws: ReturnType<typeof workspace>,
  inputs: Partial<typeof baseInputs>,
  extra: Partial<RunnerOptions> = {},
): RunnerOptions {
  return {
    workflow: WORKFLOW,
    workspace: ws.dir,
    inputs: { ...baseInputs, ...inputs },
    artifacts: ws.artifacts,
    processEnv: { PATH: `${bin}:${process.env.PATH}`, FAKE_GH_DIR: ws.state },
    ...extra,
  };
}

/** The steps between training and the load test, on a workspace that already holds the trained challenger. */
const afterTraining = (step: Step) => step.id === 'champion' || step.id === 'evaluate';

const outcomeOf = (job: JobRecord, name: string) =>
  job.log.find((step) => step.name.startsWith(name))?.outcome;
const failures = (job: JobRecord) =>
  Object.entries(job.steps)
    .filter(([, step]) => step.outcome === 'failure')
    .map(([id, step]) => `${id}: ${step.stderr || step.stdout}`);

describe.runIf(shouldRun('prometheus'))('retrain.yml end to end', () => {
  let ws: ReturnType<typeof workspace>;
  let train: JobRecord;
  let publish: JobRecord;
  let evaluation: EvaluationReport;

  beforeAll(async () => {
    ws = workspace();
    const env = {
      PREDICTOR_PORT: String(await freePort()),
      PROMETHEUS_PORT: String(await freePort()),
      LOAD_RATE: '20',
      LOAD_DURATION: '6s',
    };
    ({ train, publish } = (await runWorkflow(options(ws, {}, { env }))) as Record<string, JobRecord>);
    evaluation = JSON.parse(
      readFileSync(join(ws.dir, 'retrain', 'evaluation_current.json'), 'utf8'),
    ) as EvaluationReport;
  }, 180_000);

  it('runs every step of the train job', () => {
    expect(failures(train)).toEqual([]);
    expect(train.result).toBe('success');
    expect(train.log.filter((step) => step.outcome === 'skipped')).toEqual([]);
  });

  it('trains the challenger on the current snapshot and evaluates both models on its holdout users', () => {
    const challenger = JSON.parse(readFileSync(join(ws.dir, 'model.json'), 'utf8')) as {
      training: { source: string; holdout_rows: number; holdout_auc: number };
    };
    expect(challenger.training.source).toBe('fixtures/streamflow/month_002.csv');
    expect(train.steps.champion!.outputs).toEqual({ found: 'true', source: 'models/champion.json' });
    expect(evaluation.snapshot).toMatchObject({
      label: 'current',
      evaluated_rows: challenger.training.holdout_rows,
      holdout: { fraction: 0.2, seed: 42, id_column: 'user_id' },
    });
    expect(evaluation.models.map((model) => [model.name, model.trained_on?.source])).toEqual([
      ['champion', 'fixtures/streamflow/month_000.csv'],
      ['challenger', 'fixtures/streamflow/month_002.csv'],
    ]);
    expect(evaluation.models[1]!.roc_auc).toBeCloseTo(challenger.training.holdout_auc, 12);
    expect(evaluation.warnings).toEqual([]);
    expect(train.steps.evaluate!.outputs.winner).toBe(evaluation.comparison!.winner);
  });

  it("load-tests the challenger's predictor with the SLO gate against Prometheus", () => {
    const gate = train.steps.gate!;
    expect(gate.outcome).toBe('success');
    expect(gate.outputs.passed).toBe('true');
    const result = JSON.parse(readFileSync(join(ws.dir, 'retrain', 'load-test-result.json'), 'utf8')) as {
      load: { offered_rate: number; status_counts: Record<string, number> };
      gate: { failed: string[] } | null;
    };
    expect(result.load.offered_rate).toBe(20);
    expect(Object.keys(result.load.status_counts)).toEqual(['200']);
    expect(result.gate?.failed).toEqual([]);
    const payloads = readFileSync(join(ws.dir, 'retrain', 'payloads.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(payloads).toHaveLength(1000);
    expect(JSON.parse(payloads[0]!)).toEqual({ user_id: expect.stringMatching(/^\d{4}-[A-Z]{5}$/) });
    // The stop step ended both servers.
    for (const name of ['predictor', 'prometheus']) {
      const pid = Number(readFileSync(join(ws.dir, '.runner-temp', `${name}.pid`), 'utf8'));
      expect(() => process.kill(pid, 0), name).toThrow();
    }
  });

  it('publishes the challenger only when it wins on AUC and passes the gate', () => {
    const expected =
      evaluation.comparison!.winner === 'challenger' && train.steps.gate!.outputs.passed === 'true';
    expect(train.outputs.publish).toBe(String(expected));
    // On the fixtures the month_002 challenger beats the month_000 champion on month_002.
    expect(expected).toBe(true);
    expect(publish.result).toBe('success');
    expect(outcomeOf(publish, 'Release the challenger')).toBe('success');
    expect(readFileSync(join(ws.artifacts, 'churn-model', 'model.json'), 'utf8')).toBe(
      readFileSync(join(ws.dir, 'model.json'), 'utf8'),
    );
  });

  it('comments both models side by side and the gate on the tracking issue', () => {
    const comments = readFileSync(join(ws.state, 'comments.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { issue: number; repo: string; body: string });
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment!.issue).toBe(7);
    expect(comment!.repo).toBe('octo/driftwatch');
    expect(comment!.body).toContain('## Retrain: challenger released as `churn-model`');
    expect(comment!.body).toContain('Trained on `fixtures/streamflow/month_002.csv` after drift_share=0.43');
    expect(comment!.body).toContain(
      'Champion: models/champion.json. The challenger wins on AUC; its SLO gate passed.',
    );
    expect(comment!.body).toContain('| metric | champion | challenger | change |');
    const auc = evaluation.models.map((model) => model.roc_auc!.toFixed(4));
    expect(comment!.body).toContain(`| ROC AUC | ${auc[0]} | ${auc[1]} |`);
    expect(comment!.body).toMatch(
      /20 requests\/s offered for 6s: [\d.]+ achieved, client p95 [\d.]+ ms; gate passed\./,
    );
  });
});

describe('retrain.yml: the champion, the git source and the decision', () => {
  it('uses the newest unexpired released artifact as the champion by default', async () => {
    const ws = workspace();
    const artifacts = [
      { name: 'churn-model', expired: false, created_at: '2024-02-01T06:30:00Z', workflow_run: { id: 555 } },
      { name: 'churn-model', expired: true, created_at: '2024-03-01T06:30:00Z', workflow_run: { id: 556 } },
      { name: 'churn-model', expired: false, created_at: '2023-12-01T06:30:00Z', workflow_run: { id: 554 } },
      { name: 'other-model', expired: false, created_at: '2024-04-01T06:30:00Z', workflow_run: { id: 557 } },
    ];
    copyFileSync(challengerModel, join(ws.dir, 'model.json'));
    mkdirSync(join(ws.dir, 'retrain'));
    writeFileSync(join(ws.state, 'artifacts.json'), JSON.stringify(artifacts));
    mkdirSync(join(ws.state, 'runs', '555', 'churn-model'), { recursive: true });
    copyFileSync(championModel, join(ws.state, 'runs', '555', 'churn-model', 'model.json'));
    const { train } = await runWorkflow(options(ws, { champion: '' }, { select: afterTraining }), ['train']);
    expect(failures(train!)).toEqual([]);
    expect(train!.steps.champion!.outputs).toEqual({
      found: 'true',
      source: 'artifact churn-model of run 555',
    });
    const calls = readFileSync(join(ws.state, 'calls.log'), 'utf8');
    expect(calls).toContain(
      '"run","download","555","--repo","octo/driftwatch","--name","churn-model","--dir","champion"',
    );
    const report = JSON.parse(
      readFileSync(join(ws.dir, 'retrain', 'evaluation_current.json'), 'utf8'),
    ) as EvaluationReport;
    expect(report.models.map((model) => model.name)).toEqual(['champion', 'challenger']);
  }, 60_000);

  it('without a released model, evaluates the challenger alone, which then has nothing to beat', async () => {
    const ws = workspace();
    copyFileSync(challengerModel, join(ws.dir, 'model.json'));
    mkdirSync(join(ws.dir, 'retrain'));
    const { train } = await runWorkflow(options(ws, { champion: '' }, { select: afterTraining }), ['train']);
    expect(failures(train!)).toEqual([]);
    expect(train!.steps.champion!.outputs).toEqual({ found: 'false' });
    expect(train!.steps.champion!.stdout).toContain("::notice::no released 'churn-model' artifact yet");
    expect(train!.steps.evaluate!.outputs.winner).toBe('challenger');
    const report = JSON.parse(
      readFileSync(join(ws.dir, 'retrain', 'evaluation_current.json'), 'utf8'),
    ) as EvaluationReport;
    expect(report.models.map((model) => model.name)).toEqual(['challenger']);
    expect(report.comparison).toBeNull();
  }, 60_000);

  it.each([
    [
      'a missing path',
      'models/nope.json',
      "::error::champion 'models/nope.json' is not a file of the repository",
    ],
    [
      'an artifact that does not exist',
      'artifact:churn-model',
      "::error::no unexpired artifact named 'churn-model'",
    ],
  ])(
    'fails on %s named as the champion',
    async (_name, champion, message) => {
      const ws = workspace();
      const { train } = await runWorkflow(
        options(ws, { champion }, { select: (step) => step.id === 'champion' }),
        ['train'],
      );
      expect(train!.result).toBe('failure');
      expect(train!.steps.champion!.outcome).toBe('failure');
      expect(train!.steps.champion!.stdout).toContain(message);
    },
    60_000,
  );

  it('reads a git:<rev>:<path> snapshot for training, evaluation and the payloads', async () => {
    const ws = workspace();
    const { train } = await runWorkflow(
      options(
        ws,
        { current: 'git:HEAD:fixtures/streamflow/month_002.csv' },
        { select: (step) => !/predictor|Prometheus|Load test|Stop|Decide/.test(step.name ?? '') },
      ),
      ['train'],
    );
    expect(failures(train!)).toEqual([]);
    const report = JSON.parse(
      readFileSync(join(ws.dir, 'retrain', 'evaluation_current.json'), 'utf8'),
    ) as EvaluationReport;
    expect(report.snapshot.source).toBe('git:HEAD:fixtures/streamflow/month_002.csv');
    expect(report.models[1]!.trained_on!.source).toBe('git:HEAD:fixtures/streamflow/month_002.csv');
    expect(readFileSync(join(ws.dir, 'retrain', 'payloads.jsonl'), 'utf8').split('\n')[0]).toBe(
      JSON.stringify({
        user_id: readFileSync(join(ws.dir, 'fixtures/streamflow/month_002.csv'), 'utf8')
          .split('\n')[1]!
          .split(',')[0],
      }),
    );
  }, 60_000);

  it.each([
    [
      'the gate fails',
      'challenger',
      'false',
      'error_ratio',
      'The challenger wins on AUC; its SLO gate failed (error_ratio).',
    ],
    [
      'the challenger loses',
      'champion',
      'true',
      '',
      'The challenger does not win on AUC (winner: champion); its SLO gate passed.',
    ],
    [
      'the AUCs cannot be compared',
      'none',
      'true',
      '',
      'The challenger does not win on AUC (winner: none); its SLO gate passed.',
    ],
  ])(
    'keeps the champion when %s, and still comments',
    async (_name, winner, passed, failed, sentence) => {
      const ws = workspace();
      // What the skipped steps would have left: the challenger and the evaluation's Markdown.
      copyFileSync(championModel, join(ws.dir, 'model.json'));
      mkdirSync(join(ws.dir, 'retrain'));
      writeFileSync(
        join(ws.dir, 'retrain', 'evaluation_current.md'),
        '### Model evaluation: champion vs challenger on current\n',
      );
      const { train, publish } = await runWorkflow(
        options(
          ws,
          {},
          {
            select: (step, job) => job === 'publish' || /^(Decide|Upload)/.test(step.name ?? ''),
            preset: {
              champion: { found: 'true', source: 'models/champion.json' },
              evaluate: { winner },
              gate: { passed, 'failed-objectives': failed, 'achieved-rate': '19.900', 'p95-ms': '3.10' },
            },
          },
        ),
      );
      expect(failures(train!)).toEqual([]);
      expect(train!.outputs.publish).toBe('false');
      expect(publish!.result).toBe('success');
      expect(outcomeOf(publish!, 'Release the challenger')).toBe('skipped');
      expect(existsSync(join(ws.artifacts, 'churn-model'))).toBe(false);
      const [comment] = readFileSync(join(ws.state, 'comments.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { issue: number; body: string });
      expect(comment!.issue).toBe(7);
      expect(comment!.body.split('\n')[0]).toBe('## Retrain: champion kept');
      expect(comment!.body).toContain(sentence);
      expect(comment!.body).toContain('### Model evaluation: champion vs challenger on current');
    },
    60_000,
  );

  it('comments on the issue the dispatch names; without one and without a tracking issue it only notes it', async () => {
    const ws = workspace();
    const stored = join(ws.artifacts, `retrain-${baseInputs.dispatch_key}`);
    mkdirSync(stored);
    writeFileSync(join(stored, 'comment.md'), '## Retrain: champion kept\n');
    const publishOnly = { select: (_step: Step, job: string) => job === 'publish' };
    const named = await runWorkflow(options(ws, { issue_number: '42' }, publishOnly));
    expect(named.publish!.result).toBe('success');
    writeFileSync(join(ws.state, 'issues.json'), '[]');
    const none = await runWorkflow(options(ws, {}, publishOnly));
    expect(none.publish!.result).toBe('success');
    const comments = readFileSync(join(ws.state, 'comments.jsonl'), 'utf8').trimEnd().split('\n');
    expect(comments.map((line) => JSON.parse(line) as { issue: number; body: string })).toEqual([
      { issue: 42, repo: 'octo/driftwatch', body: '## Retrain: champion kept\n' },
    ]);
    const calls = readFileSync(join(ws.state, 'calls.log'), 'utf8').trimEnd().split('\n');
    expect(calls.map((line) => (JSON.parse(line) as string[]).slice(0, 2).join(' '))).toEqual([
      'issue comment',
      'issue list',
    ]);
  }, 60_000);
});
