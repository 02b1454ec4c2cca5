/**
 * `driftwatch compare --model` / `--prediction-column` end to end on the StreamFlow fixtures: the model block
 * (metrics on labelled rows, prediction drift on every row, AUC drop with its DeLong interval), the AUC-drop rule in
 * the decision with the rule named, the HTML and Markdown model sections, the schema, and bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelQualityBlock } from '../../src/drift/model-quality/model-block.js';
import type { DriftReport } from '../../src/drift/report.js';
import type { ChurnModel } from '../../src/predictor/model.js';
import { scoreTable } from '../../src/predictor/score.js';
import { validateReport } from '../../src/report/schema.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { cli } from '../support/cli.js';

const month = (n: number) => resolve(`fixtures/streamflow/month_00${n}.csv`);
const dir = mkdtempSync(join(tmpdir(), 'driftwatch-compare-model-'));
const model = join(dir, 'model.json');
const base = ['compare', '--id-column', 'user_id', '--target', 'churn_label'];

/** A copy of a month with its CSV lines edited (header first). */
function edited(n: number, edit: (lines: string[]) => string[]): string {
  const lines = readFileSync(month(n), 'utf8').trimEnd().split('\n');
  const path = join(dir, `month_00${n}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, edit(lines).join('\n') + '\n');
  return path;
}
const setLabel = (value: (row: number, label: string) => string) => (lines: string[]) =>
  lines.map((line, row) =>
    row === 0 ? line : line.replace(/,([^,]*)$/, (_, label: string) => `,${value(row, label)}`),
  );

async function compare(
  args: string[],
  label: string,
): Promise<{ report: DriftReport; stdout: string; out: string }> {
  const out = join(dir, label);
  const result = await cli([
    ...base,
    ...args,
    '--report-dir',
    out,
    '--reference-label',
    'ref',
    '--current-label',
    'cur',
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return {
    report: JSON.parse(readFileSync(join(out, 'drift_ref_vs_cur.json'), 'utf8')) as DriftReport,
    stdout: result.stdout,
    out,
  };
}

beforeAll(async () => {
  const trained = await cli(['train', '--snapshot', month(0), '--target', 'churn_label', '--out', model]);
  expect(trained.code).toBe(0);
});

describe('month_000 vs month_001 with --model', () => {
  let report: DriftReport;
  let block: ModelQualityBlock;
  let stdout: string;
  let out: string;
  beforeAll(async () => {
    ({ report, stdout, out } = await compare(
      ['--reference', month(0), '--current', month(1), '--model', model, '--max-auc-drop', '0.05'],
      'month1',
    ));
    block = report.model!;
  });

  it('adds the model block exactly as published, valid against the schema', () => {
    expect(Object.keys(block).slice(0, 8)).toEqual([
      'source',
      'target',
      'threshold',
      'prediction_drift',
      'reference',
      'current',
      'auc_drop',
      'auc_drop_ci95',
    ]);
    expect(block).toMatchObject({ source: model, target: 'churn_label', threshold: 0.5, max_auc_drop: 0.05 });
    expect(block.prediction_drift).toMatchObject({
      column: 'prediction',
      stattest: 'wasserstein',
      threshold: 0.1,
      drift_detected: false,
      skipped: null,
    });
    for (const side of [block.reference, block.current]) {
      expect(side).toMatchObject({ rows: 7043, labelled: 7043 });
      const { tp, fp, fn, tn } = side.confusion;
      expect(tp + fp + fn + tn).toBe(7043);
      expect(side.roc_auc).toBeGreaterThan(0.7);
    }
    expect(block.auc_drop).toBe(block.reference.roc_auc! - block.current.roc_auc!);
    expect(block.auc_drop_ci95![0]).toBeLessThan(block.auc_drop!);
    expect(block.auc_drop_ci95![1]).toBeGreaterThan(block.auc_drop!);
    expect(validateReport(report)).toEqual([]);
  });

  it('scores the reference with the probabilities the predictor serves (training rows included)', async () => {
    const churn = JSON.parse(readFileSync(model, 'utf8')) as ChurnModel;
    // On the training snapshot, the AUC over every row lies between training's train and holdout AUCs.
    const auc = block.reference.roc_auc!;
    const { train_auc, holdout_auc } = churn.training;
    expect(auc).toBeGreaterThanOrEqual(Math.min(train_auc, holdout_auc));
    expect(auc).toBeLessThanOrEqual(Math.max(train_auc, holdout_auc));
    const scores = scoreTable(churn, await readSnapshot(month(0)));
    expect(block.reference.predicted_positive_rate).toBe(scores.filter((p) => p >= 0.5).length / 7043);
  });

  it('keeps NO_ACTION when neither rule fires, with both in the reason and the decision line', () => {
    expect(report.decision).toEqual({
      action: 'NO_ACTION',
      retrain_threshold: 0.3,
      reason: `drift_share=0.07 < 0.30 (1 of 15 tested columns drifted); auc_drop=${block.auc_drop!.toFixed(4)} < 0.05`,
      triggered_by: [],
    });
    expect(stdout).toContain(
      `drift_share=0.07 < 0.30 auc_drop=${block.auc_drop!.toFixed(4)} < 0.05 -> NO_ACTION`,
    );
  });

  it('renders the model section: ROC curves and calibration in inline SVG, the metric tables', () => {
    const html = readFileSync(join(out, 'drift_ref_vs_cur.html'), 'utf8');
    expect(html).not.toContain('<script');
    const section = html.slice(
      html.indexOf('<h2 id="model">'),
      html.indexOf('<h2', html.indexOf('<h2 id="model">') + 5),
    );
    expect(section).toContain('<svg class="chart model-chart"');
    expect(section).toMatch(/aria-label="ROC curves: ref AUC 0\.\d{4}, cur AUC 0\.\d{4}"/);
    expect(section.match(/<path class="(ref|cur)-line" d="M40 /g)).toHaveLength(2); // both ROC curves start at (0, 0)
    expect(section.match(/<circle class="ref-point"/g)!.length).toBe(block.reference.calibration!.length);
    expect(section.match(/<circle class="cur-point"/g)!.length).toBe(block.current.calibration!.length);
    expect(section).toContain(`<td>ROC AUC</td><td class="num">${block.reference.roc_auc!.toFixed(4)}</td>`);
    const markdown = readFileSync(join(out, 'drift_ref_vs_cur.md'), 'utf8');
    expect(markdown).toContain('### Model quality');
    expect(markdown).toContain('| metric | ref | cur | change |');
    expect(markdown).toContain(
      `| ROC AUC | ${block.reference.roc_auc!.toFixed(4)} | ${block.current.roc_auc!.toFixed(4)} |`,
    );
    expect(markdown).toMatch(
      /Prediction drift: ○ stable \(Wasserstein distance \(normed\) 0\.\d+, threshold 0\.1\)/,
    );
  });
});

describe('the AUC-drop rule in the decision', () => {
  // month_001 with every fourth label flipped: the features do not drift more, the model gets much worse.
  let noisy: string;
  beforeAll(() => {
    noisy = edited(
      1,
      setLabel((row, label) => (row % 4 === 0 ? String(1 - Number(label)) : label)),
    );
  });

  it('fires RETRAIN whatever drift_share says, and the reason names the rule first', async () => {
    const { report, stdout } = await compare(
      ['--reference', month(0), '--current', noisy, '--model', model, '--max-auc-drop', '0.05'],
      'noisy',
    );
    const block = report.model!;
    expect(block.auc_drop).toBeGreaterThan(0.1);
    expect(report.drift_share).toBeLessThan(0.3);
    expect(report.decision.action).toBe('RETRAIN');
    expect(report.decision.triggered_by).toEqual(['auc_drop']);
    expect(report.decision.reason).toMatch(/^auc_drop=0\.\d{4} >= 0\.05; drift_share=0\.\d\d < 0\.30 /);
    expect(stdout).toMatch(/drift_share=0\.\d\d < 0\.30 auc_drop=0\.\d{4} >= 0\.05 -> RETRAIN/);
    const failing = await cli([
      ...base,
      '--reference',
      month(0),
      '--current',
      noisy,
      '--model',
      model,
      '--max-auc-drop',
      '0.05',
      '--fail-on-drift',
      '--report-dir',
      join(dir, 'gate'),
      '--format',
      'json',
    ]);
    expect(failing.code).toBe(1);
  });

  it('with --auc-drop-confidence compares the lower bound of that interval', async () => {
    const { report } = await compare(
      [
        '--reference',
        month(0),
        '--current',
        noisy,
        '--model',
        model,
        '--max-auc-drop',
        '0.05',
        '--auc-drop-confidence',
        '0.95',
        '--format',
        'json',
      ],
      'confident',
    );
    const block = report.model!;
    expect(block.auc_drop_confidence).toBe(0.95);
    expect(block.auc_drop_lower_bound).toBe(block.auc_drop_ci95![0]);
    const fires = block.auc_drop_lower_bound! >= 0.05;
    expect(report.decision.action).toBe(fires ? 'RETRAIN' : 'NO_ACTION');
    expect(report.decision.reason).toContain(
      `auc_drop lower 95% bound=${block.auc_drop_lower_bound!.toFixed(4)}`,
    );
    // A bound far above the drop never fires.
    const strict = await compare(
      [
        '--reference',
        month(0),
        '--current',
        noisy,
        '--model',
        model,
        '--max-auc-drop',
        String(block.auc_drop_ci95![1] + 0.01),
        '--auc-drop-confidence',
        '0.9',
        '--format',
        'json',
      ],
      'strict',
    );
    expect(strict.report.decision.action).toBe('NO_ACTION');
  });
});

describe('labels, stored predictions and bad input', () => {
  it('rows without a label count in rows and prediction drift, not in the metrics', async () => {
    const partly = edited(
      1,
      setLabel((row, label) => (row % 3 === 0 ? '' : label)),
    );
    const { report } = await compare(
      ['--reference', month(0), '--current', partly, '--model', model, '--format', 'json'],
      'partly',
    );
    const current = report.model!.current;
    expect(current.rows).toBe(7043);
    expect(current.labelled).toBe(7043 - Math.floor(7043 / 3));
    const { tp, fp, fn, tn } = current.confusion;
    expect(tp + fp + fn + tn).toBe(current.labelled);
    // Prediction drift saw every row: the same score as with all labels present.
    const full = await compare(
      ['--reference', month(0), '--current', month(1), '--model', model, '--format', 'json'],
      'full',
    );
    expect(report.model!.prediction_drift).toEqual(full.report.model!.prediction_drift);
  });

  it("--prediction-column gives the same block as --model when the column holds the model's probabilities", async () => {
    const churn = JSON.parse(readFileSync(model, 'utf8')) as ChurnModel;
    const withScores = async (n: number) => {
      const scores = scoreTable(churn, await readSnapshot(month(n)));
      return edited(n, (lines) =>
        lines.map((line, row) => `${line},${row === 0 ? 'churn_probability' : String(scores[row - 1])}`),
      );
    };
    const [reference, current] = [await withScores(0), await withScores(1)];
    const args = [
      '--reference',
      reference,
      '--current',
      current,
      '--format',
      'json',
      '--exclude',
      'churn_probability',
    ];
    const stored = await compare([...args, '--prediction-column', 'churn_probability'], 'stored');
    const scored = await compare([...args, '--model', model], 'scored');
    const { source, prediction_drift, ...rest } = stored.report.model!;
    const { source: modelSource, prediction_drift: modelDrift, ...modelRest } = scored.report.model!;
    expect(source).toBe('column:churn_probability');
    expect(modelSource).toBe(model);
    expect(rest).toEqual(modelRest);
    expect({ ...prediction_drift, column: 'prediction' }).toEqual(modelDrift);
  });

  it.each([
    [
      '--prediction-column without --target',
      ['compare', '--reference', month(0), '--current', month(1), '--prediction-column', 'p'],
      /--prediction-column needs --target/,
    ],
    [
      'both --model and --prediction-column',
      [...base, '--reference', month(0), '--current', month(1), '--model', model, '--prediction-column', 'p'],
      /give --model or --prediction-column, not both/,
    ],
    [
      '--max-auc-drop alone',
      [...base, '--reference', month(0), '--current', month(1), '--max-auc-drop', '0.05'],
      /--max-auc-drop needs --model or --prediction-column/,
    ],
    [
      'a confidence outside (0, 1)',
      [
        ...base,
        '--reference',
        month(0),
        '--current',
        month(1),
        '--model',
        model,
        '--max-auc-drop',
        '0.05',
        '--auc-drop-confidence',
        '95',
      ],
      /--auc-drop-confidence: 95 must be between 0 and 1/,
    ],
    [
      'a model feature missing from the current snapshot',
      () => [
        ...base,
        '--reference',
        month(0),
        '--current',
        edited(1, (lines) =>
          lines.map((line) =>
            line
              .split(',')
              .filter((_, i) => i !== 2)
              .join(','),
          ),
        ),
        '--model',
        model,
        // Not a drift-tested column, so the model is what needs it.
        '--exclude',
        'monthly_fee',
      ],
      /model feature 'monthly_fee' is not a column of the snapshot/,
    ],
    [
      'a target that is not 0/1',
      () => [
        ...base,
        '--reference',
        month(0),
        '--current',
        edited(
          1,
          setLabel((row, label) => (row === 9 ? '3' : label)),
        ),
        '--model',
        model,
      ],
      /target column 'churn_label' must be 0\/1, found 3 at data row 9/,
    ],
    [
      'a probability outside [0, 1]',
      [...base, '--reference', month(0), '--current', month(1), '--prediction-column', 'monthly_fee'],
      /prediction column 'monthly_fee' must hold probabilities in \[0, 1\], found [\d.]+ at data row 1/,
    ],
  ])('%s: one line, exit 2', async (_name, args, message) => {
    const argv = typeof args === 'function' ? args() : args;
    const result = await cli([...argv, '--report-dir', join(dir, 'bad')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
