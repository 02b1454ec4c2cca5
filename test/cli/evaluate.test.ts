/**
 * `driftwatch evaluate` end to end on the StreamFlow fixtures: a champion trained on month_000 against a challenger
 * trained on month_002, both scored on the holdout rows of month_002 (the rows the challenger never saw); the JSON
 * validates against the published schema; bad input is a one-line error with exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../src/drift/model-quality/evaluation-report.js';
import type { ChurnModel } from '../../src/predictor/model.js';
import { validateEvaluation } from '../../src/report/evaluation-schema.js';
import { cli } from '../support/cli.js';

const month = (n: number) => resolve(`fixtures/streamflow/month_00${n}.csv`);
let dir: string;
let champion: string;
let challenger: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'driftwatch-evaluate-'));
  champion = join(dir, 'champion.json');
  challenger = join(dir, 'challenger.json');
  for (const [snapshot, out] of [
    [month(0), champion],
    [month(2), challenger],
  ] as const) {
    const trained = await cli(['train', '--snapshot', snapshot, '--target', 'churn_label', '--out', out]);
    expect(trained.code, trained.stderr).toBe(0);
  }
});

const readModel = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ChurnModel;

describe('champion (month_000) vs challenger (month_002) on the month_002 holdout', () => {
  let report: EvaluationReport;
  let stdout: string;
  let markdown: string;

  beforeAll(async () => {
    const out = join(dir, 'holdout');
    const result = await cli([
      'evaluate',
      '--model',
      champion,
      '--model',
      challenger,
      '--snapshot',
      month(2),
      '--holdout',
      '0.2',
      '--report-dir',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
    report = JSON.parse(readFileSync(join(out, 'evaluation_month_002.json'), 'utf8')) as EvaluationReport;
    markdown = readFileSync(join(out, 'evaluation_month_002.md'), 'utf8');
  });

  it('scores both models on exactly the rows the challenger held out in training', () => {
    const trained = readModel(challenger).training;
    expect(report.snapshot).toMatchObject({
      label: 'month_002',
      rows: 7043,
      evaluated_rows: trained.holdout_rows,
      holdout: { fraction: 0.2, seed: 42, id_column: 'user_id' },
    });
    const [first, second] = report.models;
    expect([first!.name, second!.name]).toEqual(['champion', 'challenger']);
    expect(first!.rows).toBe(trained.holdout_rows);
    expect(first!.labelled).toBe(trained.holdout_rows);
    // Same rows as training's holdout AUC, scored by the same model.
    expect(second!.roc_auc).toBeCloseTo(trained.holdout_auc, 12);
    expect(second!.trained_on).toMatchObject({ rows: 7043, holdout_fraction: 0.2, seed: 42 });
    expect(report.warnings).toEqual([]);
  });

  it('measures every metric of the block, consistently with the confusion matrix', () => {
    for (const model of report.models) {
      const { tp, fp, fn, tn } = model.confusion;
      expect(tp + fp + fn + tn).toBe(model.labelled);
      expect(model.accuracy).toBe((tp + tn) / model.labelled);
      expect(model.precision).toBe(tp / (tp + fp));
      expect(model.recall).toBe(tp / (tp + fn));
      expect(model.predicted_positive_rate).toBe((tp + fp) / model.labelled);
      expect(model.roc_auc).toBeGreaterThan(0.7);
      expect(model.log_loss).toBeGreaterThan(0.4);
      expect(model.brier).toBeGreaterThan(0.1);
      expect(model.skipped).toBeUndefined();
      expect(model.roc_curve!.fpr.length).toBeLessThan(420);
      expect(model.calibration!.reduce((sum, bin) => sum + bin.count, 0)).toBe(model.labelled);
    }
  });

  it('compares on AUC with the paired DeLong interval and names the winner by the rule', () => {
    const comparison = report.comparison!;
    const [first, second] = report.models;
    expect(comparison.auc_gain).toBe(second!.roc_auc! - first!.roc_auc!);
    const [lower, upper] = comparison.auc_gain_ci95!;
    expect(lower).toBeLessThan(comparison.auc_gain!);
    expect(upper).toBeGreaterThan(comparison.auc_gain!);
    expect(comparison.p_value).toBeGreaterThan(0);
    expect(comparison.winner).toBe(comparison.auc_gain! > 0 ? 'challenger' : 'champion');
    expect(comparison.reason).toMatch(
      /^(challenger wins: auc_gain 0\.\d{4} > 0|champion stays: auc_gain -?0\.\d{4} <= 0)$/,
    );
    expect(stdout).toMatch(
      /^\[driftwatch\] report_json=\S+evaluation_month_002\.json report_md=\S+\.md champion roc_auc=0\.\d{4} challenger roc_auc=0\.\d{4} -> (challenger wins|champion stays): /,
    );
  });

  it('validates against schema/evaluation.schema.json', () => {
    expect(validateEvaluation(report)).toEqual([]);
    expect(
      validateEvaluation({ ...report, comparison: { ...report.comparison, method: 'bootstrap' } }),
    ).not.toEqual([]);
  });

  it('renders the metric table side by side in Markdown', () => {
    expect(markdown).toContain('### Model evaluation: champion vs challenger on month_002');
    expect(markdown).toContain('| metric | champion | challenger | change |');
    const auc = report.models.map((model) => model.roc_auc!.toFixed(4));
    expect(markdown).toContain(`| ROC AUC | ${auc[0]} | ${auc[1]} |`);
    expect(markdown).toMatch(/\| tp \/ fp \/ fn \/ tn \| [\d,]+ \/ [\d,]+ \/ [\d,]+ \/ [\d,]+ \|/);
    expect(markdown).toContain('(paired DeLong)');
  });
});

describe('rules and caveats', () => {
  it('a confidence rule compares the lower bound instead of the gain', async () => {
    const out = join(dir, 'confident');
    const result = await cli([
      'evaluate',
      '--model',
      `old=${champion}`,
      '--model',
      `new=${challenger}`,
      '--snapshot',
      month(2),
      '--holdout',
      '0.2',
      '--auc-gain-confidence',
      '0.95',
      '--report-dir',
      out,
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const { comparison } = JSON.parse(
      readFileSync(join(out, 'evaluation_month_002.json'), 'utf8'),
    ) as EvaluationReport;
    expect(comparison).toMatchObject({ baseline: 'old', candidate: 'new', confidence: 0.95 });
    expect(comparison!.auc_gain_lower_bound).toBe(comparison!.auc_gain_ci95![0]);
    expect(comparison!.winner).toBe(comparison!.auc_gain_lower_bound! > 0 ? 'new' : 'old');
    expect(comparison!.reason).toContain('the lower 95% bound of auc_gain');
  });

  it('warns when a model is evaluated on rows it was trained on', async () => {
    const result = await cli([
      'evaluate',
      '--model',
      challenger,
      '--snapshot',
      month(2),
      '--report-dir',
      join(dir, 'all'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: challenger was trained on \S+month_002\.csv and is evaluated on rows it was trained on/,
    );
    expect(result.stdout).toMatch(/challenger roc_auc=0\.\d{4}\n$/);
  });
});

describe('bad input: one line, exit 2, no report', () => {
  const snapshotWith = (edit: (lines: string[]) => string[]): string => {
    const lines = readFileSync(month(2), 'utf8').trimEnd().split('\n');
    const path = join(dir, `edited-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, edit(lines).join('\n') + '\n');
    return path;
  };
  const modelWith = (patch: Record<string, unknown>): string => {
    const path = join(dir, `model-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify({ ...readModel(champion), ...patch }));
    return path;
  };
  const dropColumn = (name: string) => (lines: string[]) => {
    const index = lines[0]!.split(',').indexOf(name);
    return lines.map((line) =>
      line
        .split(',')
        .filter((_, i) => i !== index)
        .join(','),
    );
  };
  const setTarget = (value: (row: number) => string) => (lines: string[]) =>
    lines.map((line, row) => (row === 0 ? line : line.replace(/,[^,]*$/, `,${value(row)}`)));

  it.each([
    [
      'a model of another version',
      () => ['--model', modelWith({ version: 2 })],
      /not a valid driftwatch model: unsupported "version" 2$/,
    ],
    [
      'a file of another format',
      () => ['--model', modelWith({ format: 'onnx' })],
      /not a valid driftwatch model: "format" must be "driftwatch-logistic-regression"$/,
    ],
    [
      'a model feature missing from the snapshot',
      () => ['--model', champion, '--snapshot', snapshotWith(dropColumn('monthly_fee'))],
      /model feature 'monthly_fee' is not a column of the snapshot$/,
    ],
    [
      'a target that is not 0/1',
      () => ['--model', champion, '--snapshot', snapshotWith(setTarget((row) => (row === 5 ? '2' : '0')))],
      /target column 'churn_label' must be 0\/1, found 2 at data row 5$/,
    ],
    [
      'no labelled rows',
      () => ['--model', champion, '--snapshot', snapshotWith(setTarget(() => ''))],
      /no labelled rows to evaluate on \('churn_label' is missing on every row\)$/,
    ],
    [
      'three models',
      () => ['--model', champion, '--model', champion, '--model', champion],
      /--model given 3 times/,
    ],
    [
      'a holdout outside (0, 1)',
      () => ['--model', champion, '--holdout', '1'],
      /--holdout: 1 must be between 0 and 1 \(exclusive\)$/,
    ],
    ['--seed without --holdout', () => ['--model', champion, '--seed', '7'], /--seed needs --holdout$/],
  ])('%s', async (_name, args, message) => {
    const out = join(dir, `bad-${Math.random().toString(36).slice(2)}`);
    const argv = args();
    const result = await cli([
      'evaluate',
      ...(argv.includes('--snapshot') ? [] : ['--snapshot', month(2)]),
      ...argv,
      '--report-dir',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^driftwatch: error: /);
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(() => readFileSync(join(out, 'evaluation_month_002.json'))).toThrow();
  });

  it('a holdout with a single class skips the AUC and names no winner', async () => {
    // Every labelled row of the edited snapshot is 0: metrics needing both classes are skipped, not an error.
    const snapshot = snapshotWith(setTarget(() => '0'));
    const out = join(dir, 'single');
    const result = await cli([
      'evaluate',
      '--model',
      champion,
      '--model',
      challenger,
      '--snapshot',
      snapshot,
      '--report-dir',
      out,
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(
      readFileSync(join(out, `evaluation_${snapshot.split('/').pop()!.replace('.csv', '')}.json`), 'utf8'),
    ) as EvaluationReport;
    expect(report.models[0]!.roc_auc).toBeNull();
    expect(report.models[0]!.skipped).toEqual({
      roc_auc: 'every labelled row has label 0: the metric needs both classes',
      log_loss: 'every labelled row has label 0: the metric needs both classes',
    });
    expect(report.comparison).toMatchObject({ winner: null, auc_gain: null });
    expect(validateEvaluation(report)).toEqual([]);
  });
});
