/**
 * Inline SVG chart builders for the HTML report. Output is plain markup with CSS classes (colours live in the
 * report's stylesheet, so dark mode and print work); no script, no external reference. Sizes depend on the
 * number of bins or categories only.
 */
import type {
  CategoryDistribution,
  ColumnDistribution,
  HistogramDistribution,
} from '../drift/distribution.js';
import { escapeXml, formatPercent, formatTick, truncateLabel } from './format.js';

/** Labels of the two sides, shown in legends and tooltips. */
export interface SideLabels {
  readonly reference: string;
  readonly current: string;
}

const WIDTH = 560;
const PLOT_LEFT = 44;
const PLOT_RIGHT = WIDTH - 12;
const LEGEND_HEIGHT = 22;

/** Rounds a coordinate to one decimal to keep the markup short. */
function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function shares(counts: readonly number[], extra = 0): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0) + extra;
  return counts.map((count) => (total > 0 ? count / total : 0));
}

/** A rounded-up axis maximum for shares (0.37 → 0.4), at least 1%. */
function niceShareMax(maximum: number): number {
  if (!(maximum > 0)) return 0.01;
  const step = maximum > 0.2 ? 0.1 : maximum > 0.05 ? 0.05 : 0.01;
  return Math.min(1, Math.ceil(maximum / step - 1e-9) * step);
}

function legend(labels: SideLabels, y: number): string {
  const reference = `reference · ${truncateLabel(labels.reference, 40)}`;
  const current = `current · ${truncateLabel(labels.current, 40)}`;
  const currentX = PLOT_LEFT + 26 + reference.length * 6.4 + 24;
  return (
    `<g class="lg"><rect class="ref" x="${PLOT_LEFT}" y="${y}" width="14" height="10"/>` +
    `<text x="${PLOT_LEFT + 20}" y="${y + 9}">${escapeXml(reference)}</text>` +
    `<rect class="cur" x="${px(currentX)}" y="${y}" width="14" height="10"/>` +
    `<text x="${px(currentX + 20)}" y="${y + 9}">${escapeXml(current)}</text></g>`
  );
}

function open(height: number, title: string, column: string): string {
  return (
    `<svg class="chart" data-column="${escapeXml(column)}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`
  );
}

/** At most `wanted` evenly spaced indices out of `0..count-1`, from 0 (the last one only when it falls on the step). */
function tickIndices(count: number, wanted: number): number[] {
  const step = Math.max(1, Math.ceil((count - 1) / (wanted - 1)));
  const indices: number[] = [];
  for (let i = 0; i < count; i += step) indices.push(i);
  return indices;
}

/**
 * Histogram of both sides on shared bin edges, as shares of each side's rows: reference as filled bars,
 * current as an outlined step line over them, so the two differ by shape as well as colour.
 */
export function histogramSvg(
  column: string,
  distribution: HistogramDistribution,
  labels: SideLabels,
): string {
  const edges = distribution.bin_edges;
  const binCount = edges.length - 1;
  const top = LEGEND_HEIGHT + 8;
  const bottom = 176;
  const height = bottom + 22;
  const title = `Distribution of ${column}: reference vs current, share of rows per bin`;
  if (binCount < 1) {
    return `${open(height, title, column)}<text class="empty" x="${WIDTH / 2}" y="${height / 2}">no values</text></svg>`;
  }
  const referenceShares = shares(distribution.reference_counts);
  const currentShares = shares(distribution.current_counts);
  const yMax = niceShareMax(Math.max(...referenceShares, ...currentShares));
  const binWidth = (PLOT_RIGHT - PLOT_LEFT) / binCount;
  const x = (bin: number) => PLOT_LEFT + bin * binWidth;
  const y = (share: number) => bottom - (share / yMax) * (bottom - top);

  const parts: string[] = [open(height, title, column), legend(labels, 4)];
  // Y axis: gridlines at 0, half and full scale.
  for (const fraction of [0, 0.5, 1]) {
    const yy = px(y(yMax * fraction));
    parts.push(
      `<line class="grid" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${yy}" y2="${yy}"/>`,
      `<text class="yt" x="${PLOT_LEFT - 4}" y="${yy}">${formatPercent(yMax * fraction)}</text>`,
    );
  }
  // Reference bars, each with a tooltip giving both sides' counts.
  const unitBins =
    edges.every((edge, i) => i === 0 || edge - edges[i - 1]! === 1) && Math.abs(edges[0]! % 1) === 0.5;
  const binLabel = (bin: number) =>
    unitBins ? formatTick(edges[bin]! + 0.5) : `${formatTick(edges[bin]!)} – ${formatTick(edges[bin + 1]!)}`;
  for (let bin = 0; bin < binCount; bin++) {
    const barTop = y(referenceShares[bin]!);
    const tip =
      `${binLabel(bin)}: reference ${distribution.reference_counts[bin]} (${formatPercent(referenceShares[bin])}), ` +
      `current ${distribution.current_counts[bin]} (${formatPercent(currentShares[bin])})`;
    parts.push(
      `<rect class="ref" x="${px(x(bin) + 0.5)}" y="${px(barTop)}" width="${px(Math.max(binWidth - 1, 0.5))}" ` +
        `height="${px(bottom - barTop)}"><title>${escapeXml(tip)}</title></rect>`,
    );
  }
  // Current as a step outline over the same bins.
  let path = `M${px(x(0))} ${bottom}`;
  for (let bin = 0; bin < binCount; bin++) {
    const yy = px(y(currentShares[bin]!));
    path += `V${yy}H${px(x(bin + 1))}`;
  }
  path += `V${bottom}`;
  parts.push(`<path class="cur" d="${path}"/>`);
  parts.push(`<line class="axis" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${bottom}" y2="${bottom}"/>`);
  // X ticks: bin centres for one-value bins, edges otherwise.
  if (unitBins) {
    for (const bin of tickIndices(binCount, 12)) {
      parts.push(
        `<text class="xt" x="${px(x(bin) + binWidth / 2)}" y="${bottom + 14}">${binLabel(bin)}</text>`,
      );
    }
  } else {
    for (const edge of tickIndices(edges.length, 7)) {
      parts.push(`<text class="xt" x="${px(x(edge))}" y="${bottom + 14}">${formatTick(edges[edge]!)}</text>`);
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Paired horizontal bars per category (top values plus "other"), as shares of each side's rows: reference
 * filled, current outlined, with the share printed at the end of each bar.
 */
export function categoriesSvg(
  column: string,
  distribution: CategoryDistribution,
  labels: SideLabels,
): string {
  const names = [...distribution.categories];
  const referenceCounts = [...distribution.reference_counts];
  const currentCounts = [...distribution.current_counts];
  if (distribution.reference_other > 0 || distribution.current_other > 0) {
    names.push('(other values)');
    referenceCounts.push(distribution.reference_other);
    currentCounts.push(distribution.current_other);
  }
  const referenceShares = shares(referenceCounts);
  const currentShares = shares(currentCounts);
  const labelWidth = 150;
  const barLeft = labelWidth + 8;
  const barRight = PLOT_RIGHT - 44;
  const rowHeight = 26;
  const top = LEGEND_HEIGHT + 6;
  const height = top + Math.max(names.length, 1) * rowHeight + 6;
  const title = `Distribution of ${column}: reference vs current, share of rows per value`;
  const xMax = niceShareMax(Math.max(0, ...referenceShares, ...currentShares));
  const width = (share: number) => (share / xMax) * (barRight - barLeft);

  const parts: string[] = [open(height, title, column), legend(labels, 4)];
  if (names.length === 0) parts.push(`<text class="empty" x="${WIDTH / 2}" y="${top + 14}">no values</text>`);
  names.forEach((name, row) => {
    const rowTop = top + row * rowHeight;
    const tip =
      `${name}: reference ${referenceCounts[row]} (${formatPercent(referenceShares[row])}), ` +
      `current ${currentCounts[row]} (${formatPercent(currentShares[row])})`;
    const referenceWidth = width(referenceShares[row]!);
    const currentWidth = width(currentShares[row]!);
    parts.push(
      `<g><title>${escapeXml(tip)}</title>`,
      `<text class="cl" x="${labelWidth}" y="${px(rowTop + 15)}">${escapeXml(truncateLabel(name, 24))}</text>`,
      `<rect class="ref" x="${barLeft}" y="${px(rowTop + 2)}" width="${px(referenceWidth)}" height="10"/>`,
      `<rect class="cur" x="${barLeft}" y="${px(rowTop + 13)}" width="${px(currentWidth)}" height="10"/>`,
      `<text class="bv" x="${px(barLeft + referenceWidth + 4)}" y="${px(rowTop + 11)}">${formatPercent(referenceShares[row])}</text>`,
      `<text class="bv" x="${px(barLeft + currentWidth + 4)}" y="${px(rowTop + 22)}">${formatPercent(currentShares[row])}</text>`,
      '</g>',
    );
  });
  parts.push(`<line class="axis" x1="${barLeft}" x2="${barLeft}" y1="${top}" y2="${height - 6}"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/** The chart for a column's distribution, whichever its kind. */
export function distributionSvg(
  column: string,
  distribution: ColumnDistribution,
  labels: SideLabels,
): string {
  switch (distribution.kind) {
    case 'histogram':
      return histogramSvg(column, distribution, labels);
    case 'categories':
      return categoriesSvg(column, distribution, labels);
  }
}

/**
 * The drift-share gauge at the top of the report: a 0–100% bar filled to drift_share, with marks at the retrain
 * threshold and the dataset-drift threshold (labelled, so they do not rely on colour).
 */
export function driftShareGaugeSvg(options: {
  driftShare: number;
  retrainThreshold: number;
  datasetDriftThreshold: number;
}): string {
  const left = 10;
  const right = WIDTH - 10;
  const x = (share: number) => left + Math.min(Math.max(share, 0), 1) * (right - left);
  const { driftShare, retrainThreshold, datasetDriftThreshold } = options;
  const title =
    `Drift share ${formatPercent(driftShare)} against retrain threshold ${formatPercent(retrainThreshold)} ` +
    `and dataset-drift threshold ${formatPercent(datasetDriftThreshold)}`;
  const marks = [
    { share: retrainThreshold, label: `retrain ≥ ${formatPercent(retrainThreshold)}`, y: 12 },
    { share: datasetDriftThreshold, label: `dataset drift ≥ ${formatPercent(datasetDriftThreshold)}`, y: 70 },
  ];
  const parts = [
    `<svg class="gauge" viewBox="0 0 ${WIDTH} 78" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`,
    `<rect class="track" x="${left}" y="24" width="${right - left}" height="26" rx="3"/>`,
    `<rect class="fill" x="${left}" y="24" width="${px(x(driftShare) - left)}" height="26" rx="3"/>`,
    `<text class="gv" x="${left + 6}" y="42">drift share ${formatPercent(driftShare)}</text>`,
  ];
  for (const mark of marks) {
    const xx = px(x(mark.share));
    const anchor = mark.share > 0.75 ? 'end' : mark.share < 0.1 ? 'start' : 'middle';
    parts.push(
      `<line class="mark" x1="${xx}" x2="${xx}" y1="18" y2="56"/>`,
      `<text class="ml" x="${xx}" y="${mark.y}" text-anchor="${anchor}">${escapeXml(mark.label)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
