/**
 * Invariants of the model-quality metrics on generated samples (fast-check), including samples of a few tied
 * values and the extremes 0 and 1: the AUC and DeLong placements equal their O(n²) definitions; the AUC is
 * invariant under row order and under an increasing rescaling of the scores, and flips to 1 − AUC when the
 * scores are negated; the ROC curve is monotone from (0, 0) to (1, 1) and its trapezoidal area is the AUC; the
 * calibration bins partition the labelled rows; the documented examples hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedAucGain, unpairedAucDrop } from '../../../src/drift/model-quality/auc-difference.js';
import { binarySample, labelledSample } from '../../../src/drift/model-quality/binary-sample.js';
import { brierScore } from '../../../src/drift/model-quality/brier-score.js';
import { calibrationCurve } from '../../../src/drift/model-quality/calibration-curve.js';
import { measureClassification } from '../../../src/drift/model-quality/classification-quality.js';
import {
  delongCovariance,
  delongPlacements,
  delongVariance,
} from '../../../src/drift/model-quality/delong.js';
import { logLoss } from '../../../src/drift/model-quality/log-loss.js';
import { rocAuc } from '../../../src/drift/model-quality/roc-auc.js';
import { rocCurve, thinRocCurve } from '../../../src/drift/model-quality/roc-curve.js';
import { confusionAt } from '../../../src/drift/model-quality/threshold-metrics.js';

/** Rows as [score, label]: scores from a few levels (ties) or anywhere in [0, 1], both classes present. */
const rows = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
      fc.constantFrom(0, 1),
    ),
    { minLength: 4, maxLength: 60 },
  )
  .filter((all) => all.some(([, l]) => l === 1) && all.some(([, l]) => l === 0));

const sampleOf = (all: [number, number][]) =>
  binarySample(
    Float64Array.from(all, ([s]) => s),
    Uint8Array.from(all, ([, l]) => l),
  );

/** ψ(positive score, negative score): 1 when the positive outranks, ½ on a tie. */
const psi = (positive: number, negative: number) =>
  positive > negative ? 1 : positive === negative ? 0.5 : 0;

describe('ROC AUC and DeLong placements', () => {
  it('equal their O(n²) definitions', () => {
    fc.assert(
      fc.property(rows, (all) => {
        const positives = all.filter(([, l]) => l === 1).map(([s]) => s);
        const negatives = all.filter(([, l]) => l === 0).map(([s]) => s);
        const placements = delongPlacements(sampleOf(all));
        const v10 = positives.map((p) => negatives.reduce((sum, n) => sum + psi(p, n), 0) / negatives.length);
        const v01 = negatives.map((n) => positives.reduce((sum, p) => sum + psi(p, n), 0) / positives.length);
        const auc = v10.reduce((a, b) => a + b, 0) / positives.length;
        expect(placements.auc).toBeCloseTo(auc, 14);
        v10.forEach((value, i) => expect(placements.positive[i]).toBeCloseTo(value, 15));
        v01.forEach((value, i) => expect(placements.negative[i]).toBeCloseTo(value, 15));
      }),
    );
  });

  it('do not depend on row order, and flip when the scores are negated', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 1000 }), (all, shift) => {
        const auc = rocAuc(sampleOf(all));
        const rotated = [...all.slice(shift % all.length), ...all.slice(0, shift % all.length)];
        expect(rocAuc(sampleOf(rotated))).toBe(auc);
        // Scaling by a power of two is strictly increasing in floating point too (exp or a shift could merge values).
        expect(rocAuc(sampleOf(all.map(([s, l]) => [s * 4, l])))).toBe(auc);
        expect(rocAuc(sampleOf(all.map(([s, l]) => [-s, l])))).toBeCloseTo(1 - auc, 14);
      }),
    );
  });

  it('the variance is a covariance with itself, and a score compared with itself gains exactly 0', () => {
    fc.assert(
      fc.property(
        rows.filter(
          (all) => all.filter(([, l]) => l === 1).length > 1 && all.filter(([, l]) => l === 0).length > 1,
        ),
        (all) => {
          const sample = sampleOf(all);
          const placements = delongPlacements(sample);
          expect(delongVariance(placements)).toBe(delongCovariance(placements, placements));
          expect(delongVariance(placements)).toBeGreaterThanOrEqual(0);
          const gain = pairedAucGain(sample, sample, 0.95);
          expect([gain.difference, gain.lower, gain.upper]).toEqual([0, 0, 0]);
          const drop = unpairedAucDrop(sample, sample, 0.95);
          expect(drop.difference).toBe(0);
          expect(drop.lower).toBeCloseTo(-drop.upper, 15);
        },
      ),
    );
  });
});

describe('ROC curve', () => {
  it('runs monotonically from (0, 0) to (1, 1) with the AUC as its trapezoidal area', () => {
    fc.assert(
      fc.property(rows, (all) => {
        const sample = sampleOf(all);
        const { fpr, tpr } = rocCurve(sample);
        expect([fpr[0], tpr[0], fpr[fpr.length - 1], tpr[tpr.length - 1]]).toEqual([0, 0, 1, 1]);
        let area = 0;
        for (let k = 1; k < fpr.length; k++) {
          expect(fpr[k]!).toBeGreaterThanOrEqual(fpr[k - 1]!);
          expect(tpr[k]!).toBeGreaterThanOrEqual(tpr[k - 1]!);
          area += ((fpr[k]! - fpr[k - 1]!) * (tpr[k]! + tpr[k - 1]!)) / 2;
        }
        expect(area).toBeCloseTo(rocAuc(sample), 12);
        const thin = thinRocCurve({ fpr, tpr }, 0.1);
        expect(thin.fpr.length).toBeLessThanOrEqual(22);
        expect([thin.fpr[0], thin.tpr.at(-1)]).toEqual([0, 1]);
      }),
    );
  });
});

describe('threshold metrics, calibration and losses', () => {
  it('the confusion matrix and the calibration bins partition the rows', () => {
    fc.assert(
      fc.property(rows, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (all, threshold) => {
        const sample = sampleOf(all);
        const { tp, fp, fn, tn } = confusionAt(sample, threshold);
        expect(tp + fp + fn + tn).toBe(all.length);
        expect(tp + fn).toBe(sample.positives.length);
        const bins = calibrationCurve(sample, 10);
        expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(all.length);
        for (const bin of bins) {
          expect(bin.mean_predicted).toBeGreaterThanOrEqual(bin.lower);
          expect(bin.mean_predicted).toBeLessThanOrEqual(bin.upper);
        }
        expect(logLoss(sample)).toBeGreaterThan(0);
        expect(brierScore(sample)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('unlabelled rows count in rows only', () => {
    const scores = Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.9, 0.2);
    const target = Float64Array.of(0, 0, 1, 1, NaN, NaN);
    const { quality, sample } = measureClassification(scores, target, 0.5);
    expect([quality.rows, quality.labelled, sample.scores.length]).toEqual([6, 4, 4]);
    expect(quality.roc_auc).toBe(0.75);
    expect(quality.confusion).toEqual({ tp: 1, fp: 0, fn: 1, tn: 2 });
  });

  it('no labelled rows skip every metric with the reason', () => {
    const { quality } = measureClassification(Float64Array.of(0.2, 0.7), Float64Array.of(NaN, NaN), 0.5);
    expect(quality.labelled).toBe(0);
    expect(quality.roc_auc).toBeNull();
    expect(quality.skipped?.roc_auc).toBe('no labelled rows');
    expect(quality.skipped?.brier).toBe('no labelled rows');
    expect(quality.confusion).toEqual({ tp: 0, fp: 0, fn: 0, tn: 0 });
  });

  it('a target that is not 0/1 is a bug the caller must catch first', () => {
    expect(() => labelledSample(Float64Array.of(0.2), Float64Array.of(2))).toThrow(/0\/1 targets, found 2/);
    expect(() => binarySample(Float64Array.of(NaN), Uint8Array.of(1))).toThrow(/without NaN/);
  });
});
