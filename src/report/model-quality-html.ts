/**
 * The model section of the HTML report: the AUC drop and the rule, prediction drift, the ROC curves of both
 * snapshots on one chart, the calibration (reliability) plot, and the metric table. Inline SVG with CSS classes
 * like src/report/svg.ts: no script, no external reference; the size depends on the thinned curves and the 10
 * calibration bins, never on the rows. Reference and current differ by line style as well as colour.
 */
import type { ModelQualityBlock } from '../drift/model-quality/model-block.js';
import type { CalibrationBin } from '../drift/model-quality/calibration-curve.js';
import type { ClassificationQuality } from '../drift/model-quality/classification-quality.js';
import { escapeXml, formatCount, formatPercent, formatScore, truncateLabel } from './format.js';
import { formatChange, formatMetric } from './model-quality.js';
import type { SideLabels } from './svg.js';

const SIZE = 300;
const LEFT = 40;
const TOP = 30;
const PLOT = SIZE - LEFT - 12;

function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Maps a unit-square point (x right, y up) to the plot. */
const at = (x: number, y: number) => `${px(LEFT + x * PLOT)} ${px(TOP + (1 - y) * PLOT)}`;

function frame(title: string, xLabel: string, yLabel: string, labels: SideLabels): string[] {
  const parts = [
    `<svg class="chart model-chart" viewBox="0 0 ${SIZE} ${SIZE + 34}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`,
    `<g class="lg"><line class="ref-line" x1="${LEFT}" x2="${LEFT + 18}" y1="10" y2="10"/><text x="${LEFT + 22}" y="14">${escapeXml(truncateLabel(labels.reference, 16))}</text>`,
    `<line class="cur-line" x1="${LEFT + 140}" x2="${LEFT + 158}" y1="10" y2="10"/><text x="${LEFT + 162}" y="14">${escapeXml(truncateLabel(labels.current, 16))}</text></g>`,
  ];
  for (const tick of [0, 0.5, 1]) {
    parts.push(
      `<line class="grid" x1="${LEFT}" x2="${LEFT + PLOT}" y1="${px(TOP + (1 - tick) * PLOT)}" y2="${px(TOP + (1 - tick) * PLOT)}"/>`,
      `<text class="yt" x="${LEFT - 4}" y="${px(TOP + (1 - tick) * PLOT)}">${tick}</text>`,
      `<text class="xt" x="${px(LEFT + tick * PLOT)}" y="${TOP + PLOT + 14}">${tick}</text>`,
    );
  }
  parts.push(
    `<path class="diag" d="M${at(0, 0)}L${at(1, 1)}"/>`,
    `<line class="axis" x1="${LEFT}" x2="${LEFT + PLOT}" y1="${TOP + PLOT}" y2="${TOP + PLOT}"/>`,
    `<text class="xt" x="${px(LEFT + PLOT / 2)}" y="${TOP + PLOT + 30}">${escapeXml(xLabel)}</text>`,
    `<text x="${LEFT + 6}" y="${TOP + 12}">${escapeXml(yLabel)}</text>`,
  );
  return parts;
}

function empty(text: string): string {
  return `<text class="empty" x="${px(LEFT + PLOT / 2)}" y="${px(TOP + PLOT / 2)}">${escapeXml(text)}</text>`;
}

/**
 * ROC curves of both snapshots on one chart, with the chance diagonal.
 * @returns an `<svg>` element
 */
export function rocCurvesSvg(block: ModelQualityBlock, labels: SideLabels): string {
  const title =
    `ROC curves: ${labels.reference} AUC ${formatMetric(block.reference.roc_auc)}, ` +
    `${labels.current} AUC ${formatMetric(block.current.roc_auc)}`;
  const parts = frame(title, 'false positive rate', 'true positive rate', labels);
  const sides = [
    ['ref-line', block.reference, labels.reference],
    ['cur-line', block.current, labels.current],
  ] as const;
  let drawn = 0;
  for (const [className, quality, label] of sides) {
    const curve = quality.roc_curve;
    if (!curve) continue;
    drawn++;
    const path = curve.fpr.map((x, i) => `${i === 0 ? 'M' : 'L'}${at(x, curve.tpr[i]!)}`).join('');
    parts.push(
      `<path class="${className}" d="${path}"><title>${escapeXml(`${label}: AUC ${formatMetric(quality.roc_auc)}`)}</title></path>`,
    );
  }
  if (drawn === 0) parts.push(empty('no ROC curve: a snapshot needs both classes'));
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Calibration plot: observed positive rate against mean predicted probability per bin, both snapshots, with the
 * perfect-calibration diagonal; each point's tooltip gives the bin and its row count.
 * @returns an `<svg>` element
 */
export function calibrationSvg(block: ModelQualityBlock, labels: SideLabels): string {
  const title = `Calibration: observed churn rate against mean predicted probability, ${labels.reference} and ${labels.current}`;
  const parts = frame(title, 'mean predicted probability', 'observed rate', labels);
  const sides = [
    ['ref', block.reference.calibration, labels.reference],
    ['cur', block.current.calibration, labels.current],
  ] as const;
  let drawn = 0;
  for (const [side, bins, label] of sides) {
    if (!bins || bins.length === 0) continue;
    drawn++;
    const path = bins
      .map((bin: CalibrationBin, i) => `${i === 0 ? 'M' : 'L'}${at(bin.mean_predicted, bin.observed_rate)}`)
      .join('');
    parts.push(`<path class="${side}-line" d="${path}"/>`);
    for (const bin of bins) {
      const [x, y] = at(bin.mean_predicted, bin.observed_rate).split(' ');
      const tip =
        `${label}: probability ${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)}, ${formatCount(bin.count)} rows, ` +
        `mean predicted ${formatPercent(bin.mean_predicted)}, observed ${formatPercent(bin.observed_rate)}`;
      parts.push(
        `<circle class="${side}-point" cx="${x}" cy="${y}" r="3"><title>${escapeXml(tip)}</title></circle>`,
      );
    }
  }
  if (drawn === 0) parts.push(empty('no labelled rows'));
  parts.push('</svg>');
  return parts.join('');
}

const ROWS: readonly [keyof ClassificationQuality & string, string][] = [
  ['roc_auc', 'ROC AUC'],
  ['log_loss', 'log loss'],
  ['brier', 'Brier score'],
  ['accuracy', 'accuracy'],
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['f1', 'F1'],
  ['predicted_positive_rate', 'predicted positive rate'],
];

function metricTable(block: ModelQualityBlock, labels: SideLabels): string {
  const cellOf = (quality: ClassificationQuality, key: keyof ClassificationQuality) =>
    formatMetric(quality[key] as number | null);
  const rows = ROWS.map(([key, label]) => {
    const a = block.reference[key] as number | null;
    const b = block.current[key] as number | null;
    return (
      `<tr><td>${label}</td><td class="num">${cellOf(block.reference, key)}</td><td class="num">${cellOf(block.current, key)}</td>` +
      `<td class="num">${a === null || b === null ? '—' : formatChange(b - a)}</td></tr>`
    );
  });
  const confusion = (quality: ClassificationQuality) =>
    [quality.confusion.tp, quality.confusion.fp, quality.confusion.fn, quality.confusion.tn]
      .map(formatCount)
      .join(' / ');
  rows.push(
    `<tr><td>labelled rows</td><td class="num">${formatCount(block.reference.labelled)} of ${formatCount(block.reference.rows)}</td>` +
      `<td class="num">${formatCount(block.current.labelled)} of ${formatCount(block.current.rows)}</td><td></td></tr>`,
    `<tr><td>tp / fp / fn / tn</td><td class="num">${confusion(block.reference)}</td><td class="num">${confusion(block.current)}</td><td></td></tr>`,
  );
  return (
    `<table class="stats"><thead><tr><th>metric</th><th class="num">${escapeXml(labels.reference)}</th>` +
    `<th class="num">${escapeXml(labels.current)}</th><th class="num">change</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/**
 * The whole model section.
 * @returns HTML (headline, key facts, both charts, the metric table, skipped metrics and warnings)
 */
export function modelSectionHtml(block: ModelQualityBlock, labels: SideLabels): string {
  const drift = block.prediction_drift;
  const driftState = drift.skipped !== null ? 'skipped' : drift.drift_detected ? 'drifted' : 'stable';
  const stateText = drift.skipped !== null ? '– not tested' : drift.drift_detected ? '▲ drifted' : '○ stable';
  const driftDetail =
    drift.skipped !== null
      ? ` (${escapeXml(drift.skipped)})`
      : ` · ${escapeXml(drift.stattest_name ?? drift.stattest ?? '—')} ${formatScore(drift.drift_score)} (threshold ${formatScore(drift.threshold)})`;
  const interval = block.auc_drop_ci95
    ? ` · 95% interval [${formatChange(block.auc_drop_ci95[0])}, ${formatChange(block.auc_drop_ci95[1])}] (DeLong)`
    : '';
  const rule =
    block.max_auc_drop === undefined
      ? ''
      : `<dt>rule</dt><dd>RETRAIN when ${block.auc_drop_confidence === undefined ? 'the drop' : `its lower ${formatPercent(block.auc_drop_confidence)} bound (${formatChange(block.auc_drop_lower_bound)})`} ≥ ${block.max_auc_drop}</dd>`;
  const notes: string[] = [];
  for (const [side, quality] of [
    [labels.reference, block.reference],
    [labels.current, block.current],
  ] as const) {
    for (const [metric, reason] of Object.entries(quality.skipped ?? {}))
      notes.push(`${escapeXml(side)}: ${metric} skipped (${escapeXml(reason)})`);
    for (const warning of quality.warnings ?? []) notes.push(`${escapeXml(side)}: ${escapeXml(warning)}`);
  }
  return [
    '<h2 id="model">Model quality</h2>',
    '<div class="panel"><dl class="kv">',
    `<dt>model</dt><dd><code>${escapeXml(block.source)}</code> · target <code>${escapeXml(block.target)}</code> · threshold ${block.threshold}</dd>`,
    `<dt>ROC AUC</dt><dd>${formatMetric(block.reference.roc_auc)} → ${formatMetric(block.current.roc_auc)} · drop <strong>${formatChange(block.auc_drop)}</strong>${interval}</dd>`,
    rule,
    `<dt>prediction drift</dt><dd><span class="state ${driftState}">${stateText}</span>${driftDetail}</dd>`,
    '</dl></div>',
    `<div class="model-charts">${rocCurvesSvg(block, labels)}${calibrationSvg(block, labels)}</div>`,
    metricTable(block, labels),
    notes.length > 0 ? `<ul class="muted">${notes.map((note) => `<li>${note}</li>`).join('')}</ul>` : '',
  ].join('\n');
}
