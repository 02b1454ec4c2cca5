/**
 * The README's copy-paste workflows (the YAML blocks marked `<!-- workflow -->`) are complete files: each passes
 * GitHub's parser, has `on:`, least-privilege `permissions:`, `concurrency:` and `jobs:`, uses node24-era actions,
 * pins driftwatch at the package's major, and gives driftwatch only inputs that action.yml declares. The retrain
 * workflow shown meets the contract the README states (the inputs the action sends, the key in `run-name`).
 * The example outputs under them are checked by commands.test.ts, which runs the CLI equivalents.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RETRAIN_WORKFLOW_INPUTS } from '../../src/action/constants.js';
import { retrainContractProblems } from '../../src/github/retrain-contract.js';
import { readmeBlocks } from '../support/readme.js';
import { usesProblem, workflowErrors } from '../support/workflows.js';

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Workflow = {
  name: string;
  'run-name'?: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress'?: unknown };
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
};

const blocks = readmeBlocks().filter((block) => block.marker === 'workflow');
const workflows = blocks.map((block) => ({
  name: `${(parse(block.body) as Workflow).name} (README.md:${block.line})`,
  body: block.body,
  workflow: parse(block.body) as Workflow,
}));
const byName = (name: string) => workflows.find((w) => w.workflow.name === name)!.workflow;
const driftwatchStep = (workflow: Workflow) =>
  Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((step) => step.uses && /^[^/]+\/driftwatch@/.test(step.uses))!;

const actionInputs = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs,
);
const packageMajor = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version.split(
  '.',
)[0];

describe('README copy-paste workflows', () => {
  it('are the pull-request, monthly tracking-issue, monthly PostgreSQL and retrain workflows', () => {
    expect(workflows.map((w) => w.workflow.name)).toEqual([
      'Feature drift',
      'Monthly feature drift',
      'Retrain',
      'Monthly feature drift (PostgreSQL)',
    ]);
  });

  it.each(workflows)('$name passes GitHub’s workflow parser', async ({ body, name }) => {
    expect(await workflowErrors(name, body)).toEqual([]);
  });

  it.each(workflows)(
    '$name is complete: on, permissions (none at the top), concurrency, jobs',
    ({ workflow }) => {
      expect(Object.keys(workflow.on).length).toBeGreaterThan(0);
      expect(workflow.permissions).toEqual({});
      expect(workflow.concurrency?.group).toBeTruthy();
      expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
      for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps))
        if (step.uses) expect(usesProblem(step.uses), step.uses).toBeUndefined();
    },
  );

  it.each(workflows.filter((w) => w.workflow.name !== 'Retrain'))(
    '$name pins driftwatch at the package’s major and passes only inputs action.yml declares',
    ({ workflow }) => {
      const step = driftwatchStep(workflow);
      expect(step.uses).toBe(`<owner>/driftwatch@v${packageMajor}`);
      for (const input of Object.keys(step.with ?? {})) expect(actionInputs, input).toContain(input);
    },
  );

  it('the pull-request workflow compares the base commit’s snapshot with the PR’s and may only comment', () => {
    const workflow = byName('Feature drift');
    expect(workflow.on).toEqual({ pull_request: { paths: ['data/features.csv'] } });
    expect(workflow.jobs.drift!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(driftwatchStep(workflow).with).toMatchObject({
      reference: 'git:base:data/features.csv',
      current: 'data/features.csv',
    });
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(true);
  });

  it('the monthly workflow runs on the 1st at an off-minute, comments on the issue and dispatches retrain.yml', () => {
    const workflow = byName('Monthly feature drift');
    const [schedule] = workflow.on.schedule as { cron: string }[];
    const [minute, , day] = schedule!.cron.split(' ');
    expect(Number(minute) % 15).not.toBe(0);
    expect(day).toBe('1');
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.jobs.drift!.permissions).toEqual({
      contents: 'read',
      issues: 'write',
      actions: 'write',
    });
    expect(driftwatchStep(workflow).with).toMatchObject({
      'issue-number': '${{ steps.issue.outputs.number }}',
      'retrain-workflow': 'retrain.yml',
    });
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it('the monthly workflow’s snapshot step picks the two latest dates (the pair its example output shows)', () => {
    const step = byName('Monthly feature drift').jobs.drift!.steps.find((s) => s.run?.includes('snapshots'))!;
    const dir = mkdtempSync(join(tmpdir(), 'driftwatch-snapshots-'));
    try {
      const run = (files: string[]) => {
        rmSync(join(dir, 'data'), { recursive: true, force: true });
        mkdirSync(join(dir, 'data', 'snapshots'), { recursive: true });
        for (const file of files) writeFileSync(join(dir, 'data', 'snapshots', file), 'a\n1\n');
        writeFileSync(join(dir, 'output'), '');
        const result = spawnSync('bash', ['-e', '-c', step.run!], {
          cwd: dir,
          env: { ...process.env, GITHUB_OUTPUT: join(dir, 'output') },
          encoding: 'utf8',
        });
        return {
          status: result.status,
          stdout: result.stdout,
          output: readFileSync(join(dir, 'output'), 'utf8'),
        };
      };
      expect(run(['2024-03-31.csv', '2024-01-31.csv', '2024-02-29.csv']).output).toBe(
        'reference=data/snapshots/2024-02-29.csv\ncurrent=data/snapshots/2024-03-31.csv\n',
      );
      const one = run(['2024-01-31.csv']);
      expect(one.status).toBe(1);
      expect(one.stdout).toContain('::error::need two snapshots');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the PostgreSQL workflow reads the URL from a secret and needs no token permission', () => {
    const workflow = byName('Monthly feature drift (PostgreSQL)');
    const step = driftwatchStep(workflow);
    expect(step.with?.['database-url']).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
    expect(workflow.on).toHaveProperty('schedule');
    expect(Object.values(workflow.jobs).every((job) => job.permissions === undefined)).toBe(true);
  });

  it('the retrain workflow meets the contract: every input the action sends (and retrain-inputs’), the key in run-name', () => {
    const retrain = byName('Retrain');
    const inputs = (retrain.on.workflow_dispatch as { inputs: Record<string, { type: string }> }).inputs;
    for (const name of RETRAIN_WORKFLOW_INPUTS) expect(inputs[name]?.type, name).toBe('string');
    const monthly = driftwatchStep(byName('Monthly feature drift'));
    for (const name of Object.keys(JSON.parse(String(monthly.with!['retrain-inputs'])) as object))
      expect(inputs, name).toHaveProperty(name);
    expect(retrain['run-name']).toContain('${{ inputs.dispatch_key }}');
    // The check the action runs on the file before dispatching finds nothing missing either.
    const extra = Object.keys(JSON.parse(String(monthly.with!['retrain-inputs'])) as object);
    const body = workflows.find((w) => w.workflow.name === 'Retrain')!.body;
    expect(retrainContractProblems(body, [...RETRAIN_WORKFLOW_INPUTS, ...extra])).toEqual([]);
  });

  it('the README states the contract with the same five input names', () => {
    const readme = readFileSync('README.md', 'utf8');
    const contract = readme.slice(readme.indexOf("#### The retrain workflow's contract"));
    for (const name of RETRAIN_WORKFLOW_INPUTS) expect(contract).toContain(`\`${name}\``);
    expect(contract).toContain('${{ inputs.dispatch_key }}');
  });
});
