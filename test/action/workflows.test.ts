/**
 * Every workflow in .github/workflows is parsed and converted by GitHub's own parser (@actions/workflow-parser, the
 * one behind the Actions language service), then checked for what the product promises: the monthly cron, least
 * privilege, the retrain workflow's inputs, run-name key and concurrency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RETRAIN_WORKFLOW_INPUTS } from '../../src/action/constants.js';
import { usesProblem, workflowErrors } from '../support/workflows.js';

const directory = '.github/workflows';
const files = readdirSync(directory).filter((file) => /\.ya?ml$/.test(file));

type Workflow = {
  name: string;
  'run-name'?: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress'?: unknown };
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>;
      steps: { uses?: string; run?: string; with?: Record<string, string> }[];
    }
  >;
};
const load = (file: string) => parse(readFileSync(`${directory}/${file}`, 'utf8')) as Workflow;

describe('workflows parse with @actions/workflow-parser', () => {
  it('ships the workflows', () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining([
        'check-dist.yml',
        'ci.yml',
        'codeql.yml',
        'drift-monthly.yml',
        'linter.yml',
        'release.yml',
        'retrain.yml',
      ]),
    );
  });

  it.each(files)('%s has no parse or conversion errors', async (file) => {
    expect(await workflowErrors(file, readFileSync(`${directory}/${file}`, 'utf8'))).toEqual([]);
  });

  it.each(files)('%s declares its permissions and uses only node24-era actions', (file) => {
    const workflow = load(file);
    expect(workflow.permissions, 'top-level permissions').toBeDefined();
    for (const [name, job] of Object.entries(workflow.jobs))
      for (const step of job.steps)
        if (step.uses) expect(usesProblem(step.uses), `${name}: ${step.uses}`).toBeUndefined();
  });

  it('the runtime check does reject a Node 20 major, an unknown action and a branch ref', () => {
    expect(usesProblem('actions/upload-artifact@v5')).toMatch(/Node 20; use @v6/);
    expect(usesProblem('actions/checkout@v4')).toMatch(/Node 20/);
    expect(usesProblem('someone/else@v1')).toMatch(/not a known action/);
    expect(usesProblem('actions/checkout@main')).toMatch(/major tag/);
    expect(usesProblem('actions/checkout@v7')).toBeUndefined();
  });

  it('the parser does reject a broken workflow (the check above can fail)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n';
    const result = parseWorkflow({ name: 'broken.yml', content: broken }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});

describe('ci.yml and check-dist.yml', () => {
  it('ci lints, type-checks, tests and builds on push and pull_request, and runs the action itself', () => {
    const ci = load('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const commands = Object.values(ci.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
    for (const script of ['npm run lint', 'npm run typecheck', 'npm test', 'npm run build'])
      expect(
        commands.some((command) => command.includes(script)),
        script,
      ).toBe(true);
    expect(Object.values(ci.jobs).some((job) => job.steps.some((step) => step.uses === './'))).toBe(true);
  });

  it('check-dist rebuilds and fails on any difference in dist/', () => {
    const steps = load('check-dist.yml')
      .jobs['check-dist']!.steps.map((step) => step.run ?? '')
      .join('\n');
    expect(steps).toContain('npm run build');
    expect(steps).toMatch(/git diff [^\n]*--exit-code[^\n]*dist\//);
  });
});

describe('drift-monthly.yml', () => {
  const workflow = load('drift-monthly.yml');
  const job = workflow.jobs.drift!;
  const step = job.steps.find((s) => s.uses === './')!;

  it('runs on the 1st of each month at an off-minute, and on demand', () => {
    const [schedule] = workflow.on.schedule as { cron: string }[];
    const [minute, hour, day, month, weekday] = schedule!.cron.split(' ');
    expect(Number(minute)).not.toBe(0);
    expect(Number(minute) % 15).not.toBe(0);
    expect([hour, day, month, weekday]).toEqual([expect.stringMatching(/^\d+$/), '1', '*', '*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('has least-privilege permissions: none by default, the job only what the action uses', () => {
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write', actions: 'write' });
  });

  it('runs the action on the two latest snapshots, comments on the tracking issue and dispatches retrain.yml', () => {
    expect(step.with).toMatchObject({
      reference: '${{ steps.snapshots.outputs.reference }}',
      current: '${{ steps.snapshots.outputs.current }}',
      comment: 'issue',
      'issue-number': '${{ steps.issue.outputs.number }}',
      'retrain-workflow': 'retrain.yml',
    });
  });
});

describe('retrain.yml', () => {
  const workflow = load('retrain.yml');
  const dispatch = workflow.on.workflow_dispatch as { inputs: Record<string, { required?: boolean }> };

  it('accepts every input the action sends, plus the extra ones drift-monthly passes', () => {
    for (const name of RETRAIN_WORKFLOW_INPUTS) expect(dispatch.inputs, name).toHaveProperty(name);
    const monthly = load('drift-monthly.yml').jobs.drift!.steps.find((s) => s.uses === './')!;
    for (const name of Object.keys(JSON.parse(monthly.with!['retrain-inputs']!) as object))
      expect(dispatch.inputs, name).toHaveProperty(name);
  });

  it('puts the dispatch key in its run-name (how the action finds an earlier dispatch)', () => {
    expect(workflow['run-name']).toContain('${{ inputs.dispatch_key }}');
  });

  it('serialises retrains with a concurrency group and never cancels a training in progress', () => {
    expect(workflow.concurrency?.group).toMatch(/^retrain-/);
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it('trains on the current snapshot and uploads model.json', () => {
    const steps = workflow.jobs.train!.steps;
    const train = steps.find((s) => s.run?.includes(' train '))!;
    expect(train.run).toContain('train --snapshot "$SOURCE" --target churn_label --out model.json');
    expect((train as { env?: Record<string, string> }).env?.SOURCE).toBe('${{ inputs.current }}');
    expect(
      steps.some((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'model.json'),
    ).toBe(true);
  });
});

describe('release, CodeQL, linter and Dependabot', () => {
  it('release.yml runs on a pushed vX.Y.Z tag or on demand with a version, and only it may write contents', () => {
    const release = load('release.yml');
    expect(release.on.push).toEqual({ tags: ['v[0-9]+.[0-9]+.[0-9]+'] });
    expect(release.on.workflow_dispatch).toMatchObject({ inputs: { version: { required: true } } });
    expect(release.permissions).toEqual({});
    expect(release.jobs.release!.permissions).toEqual({ contents: 'write' });
    expect(release.concurrency?.['cancel-in-progress']).toBe(false);
    const script = release.jobs.release!.steps.map((step) => step.run ?? '').join('\n');
    expect(script).toContain('script/release "$VERSION"');
    expect(script).toContain('script/release --existing "$tag"');
    expect(script).toMatch(/git diff [^\n]*--exit-code[^\n]*dist\//);
    expect(script).toContain('node scripts/release-notes.mjs "$TAG"');
    expect(script).toMatch(/gh release create "\$TAG" [^\n]*driftwatch-\*\.tgz/);
  });

  it('codeql.yml scans the TypeScript and the workflows, with security-events: write', () => {
    const codeql = load('codeql.yml');
    const analyze = codeql.jobs.analyze as (typeof codeql.jobs)[string] & {
      strategy: { matrix: { language: string[] } };
    };
    expect(analyze.strategy.matrix.language).toEqual(['javascript-typescript', 'actions']);
    expect(analyze.permissions).toMatchObject({ 'security-events': 'write' });
    expect(codeql.on).toHaveProperty('schedule');
  });

  it('linter.yml runs actionlint and shellcheck (super-linter) with read-only contents', () => {
    const linter = load('linter.yml');
    const step = linter.jobs.lint!.steps.find((s) => s.uses?.startsWith('super-linter/'))! as {
      env: Record<string, unknown>;
    };
    expect(step.env).toMatchObject({
      VALIDATE_GITHUB_ACTIONS: true,
      VALIDATE_BASH: true,
      MULTI_STATUS: false,
    });
    expect(linter.jobs.lint!.permissions).toEqual({ contents: 'read' });
  });

  it('dependabot updates npm and github-actions weekly', () => {
    const config = parse(readFileSync('.github/dependabot.yml', 'utf8')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm',
    ]);
    for (const update of config.updates) expect(update.schedule.interval).toBe('weekly');
  });

  it('setup-node reads .node-version, which is 24, the action runtime', () => {
    expect(readFileSync('.node-version', 'utf8').trim()).toBe('24');
    expect(parse(readFileSync('action.yml', 'utf8')).runs.using).toBe('node24');
    for (const file of ['check-dist.yml', 'release.yml', 'retrain.yml']) {
      const steps = Object.values(load(file).jobs).flatMap((job) => job.steps);
      const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
      expect(setup?.with, file).toMatchObject({ 'node-version-file': '.node-version' });
    }
  });
});
