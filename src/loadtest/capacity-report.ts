/**
 * Renderings of a capacity search (pure, no I/O): a text table for the terminal, Markdown with a Mermaid line chart
 * of p95 against the arrival rate (GitHub renders it in a job summary or comment), and a self-contained HTML page
 * with the same chart as inline SVG (no script, no external reference).
 */
import { escapeXml } from '../report/format.js';
import { mermaidNumber } from '../report/mermaid.js';
import type { CapacityResult, CapacityStep } from './capacity.js';
import { fixed, textTable } from './format.js';

/** Steps sorted by rate, for the charts (the run order is in the tables). */
function byRate(result: CapacityResult): CapacityStep[] {
  return [...result.steps].sort((a, b) => a.rate - b.rate);
}

/** A rounded-up axis maximum (37 → 40, 320 → 400). */
function niceMaximum(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const multiple of [1, 2, 2.5, 5, 10])
    if (multiple * magnitude >= value - 1e-9) return multiple * magnitude;
  return 10 * magnitude;
}

/**
 * The p95 axis: up to the largest p95 measured, but at most 4× the objective, so an overloaded step's seconds of
 * queueing do not flatten the line where it matters. Larger values are drawn at the top.
 */
function p95Axis(result: CapacityResult): number {
  const measured = result.steps.map((step) => step.latency_ms.p95).filter(Number.isFinite);
  const top = Math.max(0, ...measured, result.p95_objective_ms ?? 0);
  const limit = result.p95_objective_ms === null ? top : Math.min(top, 4 * result.p95_objective_ms);
  return niceMaximum(limit * 1.05);
}

function rate(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')} %`;
}

/** One sentence: the capacity, how the search ended, and what bounds it. */
export function capacitySentence(result: CapacityResult): string {
  const failing = result.lowest_failing_rps;
  switch (result.outcome) {
    case 'converged':
      return `capacity ${rate(result.capacity_rps)} requests/s: every objective met there, ${rate(failing!)}/s failed (precision ${percent(result.precision)})`;
    case 'max-reached':
      return `capacity at least ${rate(result.capacity_rps)} requests/s: every rate up to --max passed`;
    case 'below-min':
      return `capacity below ${rate(result.min)} requests/s: the lowest rate tried failed`;
    case 'budget':
    case 'step-limit':
      return result.capacity_rps > 0
        ? `capacity at least ${rate(result.capacity_rps)} requests/s${failing === null ? '' : ` (${rate(failing)}/s failed)`}; the search stopped at its ${result.outcome === 'budget' ? 'time budget' : 'step limit'} before reaching the precision`
        : `no rate passed before the search stopped at its ${result.outcome === 'budget' ? 'time budget' : 'step limit'}`;
  }
}

/** The baseline comparison in one sentence, or null without a baseline. */
export function baselineSentence(result: CapacityResult): string | null {
  const baseline = result.baseline;
  if (baseline === null) return null;
  const change = baseline.drop >= 0 ? `dropped ${percent(baseline.drop)}` : `grew ${percent(-baseline.drop)}`;
  return `baseline ${rate(baseline.capacity_rps)} requests/s (${baseline.file}): capacity ${change}; at most ${percent(baseline.max_drop)} allowed: ${baseline.passed ? 'ok' : 'FAILED'}`;
}

function stepCells(step: CapacityStep): string[] {
  return [
    String(step.step),
    step.phase,
    rate(step.rate),
    fixed(step.achieved_rate, 1),
    fixed(step.latency_ms.p50, 2),
    fixed(step.latency_ms.p95, 2),
    fixed(step.latency_ms.p99, 2),
    String(step.failed),
    String(step.dropped),
    step.passed ? 'pass' : `FAIL ${step.failed_objectives.map((objective) => objective.name).join(', ')}`,
  ];
}

const STEP_HEADER = [
  'step',
  'phase',
  'rate/s',
  'achieved/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'failed',
  'dropped',
  'result',
];

/** The terminal table: one row per step in run order, then the capacity (and the baseline). */
export function formatCapacityTable(result: CapacityResult): string {
  const lines = [textTable(STEP_HEADER, result.steps.map(stepCells)), ''];
  for (const step of result.steps)
    for (const objective of step.failed_objectives)
      lines.push(`step ${step.step} FAIL ${objective.name}: ${objective.reason ?? objective.bound}`);
  for (const step of result.steps)
    for (const gap of step.latency_gap) if (gap.note) lines.push(`step ${step.step} note: ${gap.note}`);
  lines.push(capacitySentence(result));
  const baseline = baselineSentence(result);
  if (baseline) lines.push(baseline);
  return lines.join('\n').replace(/\n\n\n+/g, '\n\n');
}

/** A Mermaid `xychart-beta` line of p95 against rate, with the p95 objective as a second, flat line. */
export function capacityMermaid(result: CapacityResult): string | null {
  const steps = byRate(result).filter((step) => Number.isFinite(step.latency_ms.p95));
  if (steps.length === 0) return null;
  const top = p95Axis(result);
  const lines = [
    '```mermaid',
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#4c78a8, #d9480f"}}}}%%',
    'xychart-beta',
    '    title "p95 latency against arrival rate"',
    `    x-axis "arrival rate (requests/s)" [${steps.map((step) => `"${rate(step.rate)}"`).join(', ')}]`,
    `    y-axis "p95 (ms)" 0 --> ${mermaidNumber(top)}`,
    `    line [${steps.map((step) => mermaidNumber(Math.min(step.latency_ms.p95, top))).join(', ')}]`,
  ];
  if (result.p95_objective_ms !== null)
    lines.push(`    line [${steps.map(() => mermaidNumber(result.p95_objective_ms!)).join(', ')}]`);
  lines.push('```');
  return lines.join('\n');
}

/** Markdown for a job summary or a comment: the verdict, the chart and the step table. */
export function capacityMarkdown(result: CapacityResult): string {
  const icon = result.passed ? '✅' : '❌';
  const lines = [
    `## Capacity: ${rate(result.capacity_rps)} requests/s ${icon}`,
    '',
    `${capacitySentence(result)}.`,
  ];
  const baseline = baselineSentence(result);
  if (baseline) lines.push('', `${baseline}.`);
  lines.push(
    '',
    `Target \`${result.method} ${result.url}\`, objectives from \`${result.slo_file}\`${result.prometheus ? ` and ${result.prometheus}` : ''}; ` +
      `${result.steps.length} steps of ${result.step_duration_seconds} s in ${fixed(result.elapsed_seconds, 0)} s (budget ${result.budget_seconds} s).`,
  );
  const chart = capacityMermaid(result);
  if (chart) {
    const clipped = result.steps.some((step) => step.latency_ms.p95 > p95Axis(result));
    lines.push(
      '',
      `_Line 1: client p95 (ms, from intended send times) at each rate tried${result.p95_objective_ms === null ? '' : `; line 2: the p95 objective (${rate(result.p95_objective_ms)} ms)`}${clipped ? '; larger values are drawn at the top of the axis' : ''}._`,
      '',
      chart,
    );
  }
  lines.push(
    '',
    `| ${STEP_HEADER.join(' | ')} |`,
    `|${STEP_HEADER.map((_, index) => (index >= 2 && index <= 8 ? '---:' : '---')).join('|')}|`,
    ...result.steps.map((step) => `| ${stepCells(step).join(' | ')} |`),
  );
  const failures = result.steps.flatMap((step) =>
    step.failed_objectives.map(
      (objective) =>
        `- step ${step.step} (${rate(step.rate)}/s) **${objective.name}**: ${objective.reason ?? objective.bound}`,
    ),
  );
  if (failures.length > 0) lines.push('', ...failures);
  return lines.join('\n') + '\n';
}

const SVG_WIDTH = 640;
const SVG_HEIGHT = 320;
const LEFT = 56;
const RIGHT = SVG_WIDTH - 16;
const TOP = 16;
const BOTTOM = SVG_HEIGHT - 44;

function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * An SVG line chart of p95 against rate: rates on a logarithmic axis (the ramp is geometric), passing steps as
 * filled dots and failing ones as crosses, the p95 objective as a dashed line and the capacity as a vertical one.
 */
export function capacitySvg(result: CapacityResult): string {
  const steps = byRate(result).filter((step) => Number.isFinite(step.latency_ms.p95));
  const top = p95Axis(result);
  const rates = steps.map((step) => step.rate);
  const low = Math.min(result.min, ...rates);
  const high = Math.max(low * 1.5, ...rates, result.capacity_rps);
  const x = (value: number): number =>
    LEFT + ((Math.log(value) - Math.log(low)) / (Math.log(high) - Math.log(low))) * (RIGHT - LEFT);
  const y = (ms: number): number => BOTTOM - (Math.min(ms, top) / top) * (BOTTOM - TOP);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="capacity-chart" viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" role="img" aria-label="p95 latency against arrival rate">`,
    '<title>p95 latency against arrival rate</title>',
    `<line class="axis" x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}"/>`,
    `<line class="axis" x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${BOTTOM}"/>`,
  ];
  for (let tick = 0; tick <= 4; tick++) {
    const value = (top * tick) / 4;
    parts.push(
      `<line class="grid" x1="${LEFT}" y1="${px(y(value))}" x2="${RIGHT}" y2="${px(y(value))}"/>`,
      `<text class="tick" x="${LEFT - 6}" y="${px(y(value) + 4)}" text-anchor="end">${escapeXml(rate(value))}</text>`,
    );
  }
  for (const step of steps)
    parts.push(
      `<text class="tick" x="${px(x(step.rate))}" y="${BOTTOM + 16}" text-anchor="middle">${escapeXml(rate(step.rate))}</text>`,
    );
  parts.push(
    `<text class="label" x="${px((LEFT + RIGHT) / 2)}" y="${SVG_HEIGHT - 6}" text-anchor="middle">arrival rate (requests/s, log scale)</text>`,
    `<text class="label" x="14" y="${px((TOP + BOTTOM) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${px((TOP + BOTTOM) / 2)})">p95 (ms)</text>`,
  );
  if (result.p95_objective_ms !== null && result.p95_objective_ms <= top)
    parts.push(
      `<line class="objective" x1="${LEFT}" y1="${px(y(result.p95_objective_ms))}" x2="${RIGHT}" y2="${px(y(result.p95_objective_ms))}"><title>p95 objective ${escapeXml(rate(result.p95_objective_ms))} ms</title></line>`,
    );
  if (result.capacity_rps > 0)
    parts.push(
      `<line class="capacity" x1="${px(x(result.capacity_rps))}" y1="${TOP}" x2="${px(x(result.capacity_rps))}" y2="${BOTTOM}"><title>capacity ${escapeXml(rate(result.capacity_rps))} requests/s</title></line>`,
    );
  if (steps.length > 0)
    parts.push(
      `<polyline class="p95" points="${steps.map((step) => `${px(x(step.rate))},${px(y(step.latency_ms.p95))}`).join(' ')}"/>`,
    );
  for (const step of steps) {
    const cx = x(step.rate);
    const cy = y(step.latency_ms.p95);
    const label = `${rate(step.rate)}/s: p95 ${fixed(step.latency_ms.p95, 2)} ms, ${step.passed ? 'pass' : `fail (${step.failed_objectives.map((objective) => objective.name).join(', ')})`}`;
    parts.push(
      step.passed
        ? `<circle class="pass" cx="${px(cx)}" cy="${px(cy)}" r="4"><title>${escapeXml(label)}</title></circle>`
        : `<path class="fail" d="M${px(cx - 4)} ${px(cy - 4)}L${px(cx + 4)} ${px(cy + 4)}M${px(cx - 4)} ${px(cy + 4)}L${px(cx + 4)} ${px(cy - 4)}"><title>${escapeXml(label)}</title></path>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:760px;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{padding:.25rem .5rem;border-bottom:1px solid #d0d7de;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.capacity-chart{width:100%;height:auto}
.axis{stroke:#57606a}.grid{stroke:#d0d7de;stroke-dasharray:2 3}.tick,.label{fill:#57606a;font-size:11px}
.p95{fill:none;stroke:#4c78a8;stroke-width:2}.pass{fill:#4c78a8}.fail{stroke:#cf222e;stroke-width:2}
.objective{stroke:#d9480f;stroke-width:1.5;stroke-dasharray:6 4}.capacity{stroke:#1a7f37;stroke-width:1.5}
.verdict-pass{color:#1a7f37}.verdict-fail{color:#cf222e}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th,td{border-color:#30363d}.tick,.label{fill:#9198a1}}`;

/** A self-contained HTML page: the verdict, the SVG chart and the step table. */
export function capacityHtml(result: CapacityResult): string {
  const baseline = baselineSentence(result);
  const numeric = new Set([2, 3, 4, 5, 6, 7, 8]);
  const rows = result.steps
    .map(
      (step) =>
        `<tr>${stepCells(step)
          .map((cell, index) => `<td${numeric.has(index) ? ' class="n"' : ''}>${escapeXml(cell)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Capacity ${escapeXml(rate(result.capacity_rps))} requests/s · ${escapeXml(result.url)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1 class="${result.passed ? 'verdict-pass' : 'verdict-fail'}">Capacity: ${escapeXml(rate(result.capacity_rps))} requests/s</h1>
<p>${escapeXml(capacitySentence(result))}.</p>
${baseline ? `<p>${escapeXml(baseline)}.</p>\n` : ''}<p>${escapeXml(`${result.method} ${result.url}`)}; objectives from ${escapeXml(result.slo_file)}${result.prometheus ? ` and ${escapeXml(result.prometheus)}` : ''}; ${result.steps.length} steps of ${result.step_duration_seconds} s in ${escapeXml(fixed(result.elapsed_seconds, 0))} s.</p>
${capacitySvg(result)}
<p>Dots: steps that met every objective; crosses: steps that failed one. Dashed: the p95 objective. Green: the capacity. Latency from intended send times.</p>
<table>
<thead><tr>${STEP_HEADER.map((title, index) => `<th${numeric.has(index) ? ' class="n"' : ''}>${escapeXml(title)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
