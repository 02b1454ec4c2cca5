/**
 * The model-quality metrics against scikit-learn 1.2.1 and pROC 1.18.0 (committed vectors; no Python or R at test
 * time): every number to 1e-12 relative, the ROC curve's points and the confusion counts exactly, and the metrics
 * scikit-learn refuses (one class) skipped.
 */
import { describe, expect, it } from 'vitest';
import { pairwiseSum } from '../../../src/drift/kernels/pairwise-sum.js';
import { unpairedAucDrop, pairedAucGain } from '../../../src/drift/model-quality/auc-difference.js';
import { binarySample, type BinarySample } from '../../../src/drift/model-quality/binary-sample.js';
import { brierScore } from '../../../src/drift/model-quality/brier-score.js';
import { calibrationCurve, linspaceEdges } from '../../../src/drift/model-quality/calibration-curve.js';
import { measureClassification } from '../../../src/drift/model-quality/classification-quality.js';
import { delongPlacements, delongVariance } from '../../../src/drift/model-quality/delong.js';
import { logLoss } from '../../../src/drift/model-quality/log-loss.js';
import { rocAuc } from '../../../src/drift/model-quality/roc-auc.js';
import { rocCurve } from '../../../src/drift/model-quality/roc-curve.js';
import { thresholdMetrics } from '../../../src/drift/model-quality/threshold-metrics.js';
import { materialise, relativeError, vectors, type Case, type Outcome } from './vectors.js';

const TOLERANCE = 1e-12;

function sampleOf(testCase: Case): BinarySample {
  return binarySample(materialise(testCase.scores), Uint8Array.from(materialise(testCase.labels)));
}

function expectClose(actual: number, expected: number, what: string): void {
  expect(relativeError(actual, expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE);
}

/** A metric either equals scikit-learn's value or throws where scikit-learn raises. */
function expectOutcome(compute: () => number, outcome: Outcome, what: string): void {
  if ('error' in outcome) expect(compute, what).toThrow();
  else expectClose(compute(), outcome.value, what);
}

describe.each(vectors.cases.map((testCase) => [testCase.name, testCase] as const))(
  '%s',
  (_name, testCase) => {
    const sample = sampleOf(testCase);
    const expected = testCase.sklearn;

    it('materialises the generator data', () => {
      expect(sample.scores.length).toBe(testCase.rows);
      expect(sample.positives.length).toBe(testCase.positives);
    });

    it('roc_auc, log_loss and brier equal scikit-learn (1e-12)', () => {
      expectOutcome(() => rocAuc(sample), expected.roc_auc, 'roc_auc');
      expectOutcome(() => logLoss(sample), expected.log_loss, 'log_loss');
      expectOutcome(() => brierScore(sample), expected.brier, 'brier');
    });

    it('the confusion matrix and the threshold metrics equal scikit-learn', () => {
      const metrics = thresholdMetrics(sample, testCase.threshold);
      expect(metrics.confusion).toEqual(expected.confusion);
      for (const name of ['accuracy', 'precision', 'recall', 'f1'] as const)
        expectOutcome(() => metrics[name], expected[name], name);
      const warned = ['precision', 'recall'].filter((name) => 'warning' in expected[name as 'precision']);
      for (const name of warned) expect(metrics.warnings.some((w) => w.startsWith(name))).toBe(true);
    });

    it.runIf(expected.roc_curve)('the ROC curve has scikit-learn points exactly', () => {
      const curve = rocCurve(sample);
      const reference = expected.roc_curve!;
      expect(curve.fpr.length).toBe(reference.points);
      if (reference.fpr) {
        expect(Array.from(curve.fpr)).toEqual(reference.fpr);
        expect(Array.from(curve.tpr)).toEqual(reference.tpr);
      } else {
        expectClose(pairwiseSum(curve.fpr), reference.fpr_sum!, 'sum of fpr');
        expectClose(pairwiseSum(curve.tpr), reference.tpr_sum!, 'sum of tpr');
      }
    });

    it('the calibration curve equals scikit-learn (10 uniform bins)', () => {
      expect(Array.from(linspaceEdges(10))).toEqual(expected.calibration.edges);
      const curve = calibrationCurve(sample, 10);
      expect(curve.map((bin) => bin.count)).toEqual(expected.calibration.counts.filter((count) => count > 0));
      curve.forEach((bin, i) => {
        expectClose(bin.observed_rate, expected.calibration.prob_true[i]!, `prob_true[${i}]`);
        expectClose(bin.mean_predicted, expected.calibration.prob_pred[i]!, `prob_pred[${i}]`);
      });
    });

    it.runIf(testCase.pROC)('the AUC and its DeLong variance equal pROC', () => {
      const reference = testCase.pROC!;
      const placements = delongPlacements(sample);
      expectClose(placements.auc, reference.auc, 'auc');
      if (reference.delong_variance === null)
        expect(() => delongVariance(placements)).toThrow(/at least two/);
      else expectClose(delongVariance(placements), reference.delong_variance, 'variance');
    });

    it('the quality block skips exactly the metrics scikit-learn refuses', () => {
      const target = Float64Array.from(materialise(testCase.labels));
      const { quality } = measureClassification(materialise(testCase.scores), target, testCase.threshold);
      const refused = (['roc_auc', 'log_loss', 'brier'] as const).filter((name) => 'error' in expected[name]);
      expect(Object.keys(quality.skipped ?? {}).sort()).toEqual(refused.sort());
      for (const name of refused) expect(quality[name]).toBeNull();
    });
  },
);

describe('AUC drop between two independent snapshots (DeLong, pROC variances)', () => {
  const byName = new Map(vectors.cases.map((testCase) => [testCase.name, testCase]));
  it.each(vectors.unpaired.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const reference = sampleOf(byName.get(entry.reference)!);
    const current = sampleOf(byName.get(entry.current)!);
    const at95 = unpairedAucDrop(reference, current, 0.95);
    expectClose(at95.difference, entry.auc_drop, 'drop');
    expectClose(at95.standardError ** 2, entry.variance, 'variance');
    expectClose(at95.lower, entry.ci95[0], 'lower 95');
    expectClose(at95.upper, entry.ci95[1], 'upper 95');
    const at90 = unpairedAucDrop(reference, current, 0.9);
    expectClose(at90.lower, entry.ci90[0], 'lower 90');
    expectClose(at90.upper, entry.ci90[1], 'upper 90');
  });
});

describe('AUC gain of a challenger over a champion on the same rows (paired DeLong, pROC roc.test)', () => {
  it.each(vectors.paired.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const labels = Uint8Array.from(materialise(entry.labels));
    const baseline = binarySample(materialise(entry.baseline), labels);
    const candidate = binarySample(materialise(entry.candidate), labels);
    expectClose(rocAuc(baseline), entry.auc_baseline, 'baseline auc');
    expectClose(rocAuc(candidate), entry.auc_candidate, 'candidate auc');
    const at95 = pairedAucGain(baseline, candidate, 0.95);
    expectClose(at95.difference, entry.auc_gain, 'gain');
    expectClose(at95.lower, entry.ci95[0], 'lower 95');
    expectClose(at95.upper, entry.ci95[1], 'upper 95');
    expectClose(at95.pValue, entry.p_value, 'p-value');
    const at90 = pairedAucGain(baseline, candidate, 0.9);
    expectClose(at90.lower, entry.ci90[0], 'lower 90');
    expectClose(at90.upper, entry.ci90[1], 'upper 90');
  });
});
