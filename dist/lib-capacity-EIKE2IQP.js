import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  CHECK_USAGE,
  FLAG_OF,
  evaluateGate,
  fixed,
  formatBound,
  loadRequestOptions,
  minimumGatedLoadMs,
  prepareGate,
  runLoad,
  sharedFlags,
  sharedRawInputs,
  textTable,
  withStderrReporting
} from "./lib-chunk-PB6T5SBS.js";
import "./lib-chunk-7WNB5YXE.js";
import {
  DEFAULT_CAPACITY,
  formatPromDuration,
  parseCapacitySettings
} from "./lib-chunk-I7WH24RH.js";
import "./lib-chunk-TVB7TURF.js";
import {
  mermaidNumber
} from "./lib-chunk-CTFPGZCV.js";
import {
  escapeXml
} from "./lib-chunk-QPUCOD3P.js";
import "./lib-chunk-YILB7LQL.js";
import "./lib-chunk-K6LS4N3U.js";
import "./lib-chunk-ZC4DHHH7.js";
import "./lib-chunk-ZFKH7BIN.js";
import {
  parseFlags
} from "./lib-chunk-RCRKTVFD.js";
import {
  readJsonFile,
  writeFileAtomic,
  writeJsonFileAtomic
} from "./lib-chunk-4C3UKEYM.js";
import "./lib-chunk-XVY6L3DS.js";
import "./lib-chunk-B5PSUBWR.js";
import {
  ExitCode,
  UserError
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/loadtest/capacity-search.ts
var RAMP_FACTOR = 2;
function maxCapacitySteps(min, max, precision, factor = RAMP_FACTOR) {
  const ramp = Math.ceil(Math.log(max / min) / Math.log(factor) - 1e-9) + 1;
  const bisect = Math.max(0, Math.ceil(Math.log2(Math.log(factor) / Math.log(1 + precision)) - 1e-9));
  return ramp + bisect;
}
function roundRate(rate2, lo, hi) {
  const rounded = Number(rate2.toPrecision(3));
  return rounded > lo && rounded < hi ? rounded : rate2;
}
var CapacitySearch = class {
  constructor(min, max, precision, factor = RAMP_FACTOR) {
    this.min = min;
    this.max = max;
    this.precision = precision;
    this.factor = factor;
    if (!(min > 0) || !(max > min)) throw new RangeError(`need 0 < min < max, got ${min}, ${max}`);
    if (!(precision > 0)) throw new RangeError(`precision must be positive, got ${precision}`);
  }
  min;
  max;
  precision;
  factor;
  lo = null;
  hi = null;
  /** The highest rate that passed so far (null before any). */
  get highestPassing() {
    return this.lo;
  }
  /** The lowest rate that failed so far (null before any). */
  get lowestFailing() {
    return this.hi;
  }
  /** The search's verdict once {@link next} returns null; null while it goes on. */
  get outcome() {
    if (this.hi === null) return this.lo !== null && this.lo >= this.max ? "max-reached" : null;
    if (this.lo === null) return this.hi <= this.min ? "below-min" : null;
    return this.hi / this.lo <= 1 + this.precision ? "converged" : null;
  }
  /** The next rate to try, or null when the search is done. */
  next() {
    if (this.outcome !== null) return null;
    if (this.hi === null) return this.lo === null ? this.min : Math.min(this.max, this.lo * this.factor);
    const lo = this.lo ?? this.min;
    return roundRate(Math.sqrt(lo * this.hi), lo, this.hi);
  }
  /** Records the verdict of a step at `rate`. */
  record(rate2, passed) {
    if (passed) this.lo = this.lo === null ? rate2 : Math.max(this.lo, rate2);
    else this.hi = this.hi === null ? rate2 : Math.min(this.hi, rate2);
  }
};

// src/loadtest/capacity.ts
var GENERATOR_LATE_MS = 20;
async function readBaselineCapacity(path) {
  const document = await readJsonFile(path);
  const capacity = document?.capacity_rps;
  if (typeof capacity !== "number" || !(capacity > 0))
    throw new UserError(
      "PARSE",
      `${path}: no positive "capacity_rps" (expected a driftwatch capacity result)`
    );
  return capacity;
}
function compareWithBaseline(capacity, baseline, maxDrop, file) {
  const drop = 1 - capacity / baseline;
  return { file, capacity_rps: baseline, drop, max_drop: maxDrop, passed: drop <= maxDrop + 1e-12 };
}
function p95ObjectiveMs(gate, serverP95) {
  for (const objective of gate?.objectives ?? [])
    if (objective.source === "client" && objective.figure === "p95_ms" && objective.max !== null)
      return objective.max;
  for (const objective of gate?.objectives ?? [])
    if (serverP95.has(objective.name) && objective.max !== null) return objective.max * 1e3;
  return null;
}
async function runCapacitySearch(settings, deps) {
  const { clock } = deps;
  const startedMs = clock.now();
  const startedAt = new Date(Date.now()).toISOString();
  const deadline = startedMs + settings.budgetMs;
  const remaining = () => deadline - clock.now();
  const baseline = settings.baselinePath === null ? null : await readBaselineCapacity(settings.baselinePath);
  const request = await loadRequestOptions(settings);
  const prepared = await prepareGate(
    { ...settings.gate, waitTimeoutMs: Math.min(settings.gate.waitTimeoutMs, settings.budgetMs) },
    { offeredRate: settings.min, durationSeconds: settings.stepDurationMs / 1e3 },
    deps
  );
  let stepMs = settings.stepDurationMs;
  let evaluationAllowanceMs = 0;
  if (prepared.prometheus) {
    const { scrapeMs } = prepared.prometheus;
    const needed = minimumGatedLoadMs(scrapeMs);
    if (stepMs < needed) {
      deps.log(
        `step duration raised from ${formatPromDuration(stepMs)} to ${formatPromDuration(needed)}: 5 scrape intervals of job="${settings.gate.job}", so rate() has 4 scrapes inside each step's window`
      );
      stepMs = needed;
    }
    evaluationAllowanceMs = 2 * scrapeMs + 1e3;
  }
  const serverP95 = new Set(
    prepared.file.objectives.filter((objective) => objective.latencyQuantile === 0.95).map((objective) => objective.name)
  );
  const attempt = async (rate2, first) => {
    if (!first && settings.coolDownMs > 0)
      await clock.sleep(Math.max(0, Math.min(settings.coolDownMs, remaining())));
    if (remaining() < stepMs + evaluationAllowanceMs) {
      deps.log(`budget: ${Math.max(0, Math.round(remaining() / 1e3))}s left, not enough for another step`);
      return null;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), Math.max(0, remaining()));
    let load;
    try {
      load = await runLoad({
        ...request,
        rate: rate2,
        durationSeconds: stepMs / 1e3,
        onProgress: deps.onProgress,
        signal: abort.signal
      });
    } finally {
      clearTimeout(timer);
    }
    if (abort.signal.aborted) {
      deps.log(`budget: the step at ${rate2}/s was cut short by the deadline; its result is discarded`);
      return null;
    }
    return { load, ...await evaluateGate(prepared, load, deps, Math.max(1e3, remaining())) };
  };
  const search = new CapacitySearch(settings.min, settings.max, settings.precision);
  const maxSteps = maxCapacitySteps(settings.min, settings.max, settings.precision);
  const steps = [];
  let lastGate = null;
  let stoppedByBudget = false;
  for (let index = 0; index < maxSteps; index++) {
    const rate2 = search.next();
    if (rate2 === null) break;
    const phase = search.lowestFailing === null ? "ramp" : "bisect";
    let outcome2 = await attempt(rate2, index === 0);
    let attempts = 1;
    if (outcome2 && !outcome2.gate.passed && outcome2.load.send_lag_ms.p95 > GENERATOR_LATE_MS) {
      deps.log(
        `step ${index + 1} at ${rate2}/s failed while the generator ran late (send lag p95 ${outcome2.load.send_lag_ms.p95.toFixed(1)} ms > ${GENERATOR_LATE_MS} ms): repeating it once`
      );
      outcome2 = await attempt(rate2, false);
      attempts = 2;
    }
    if (outcome2 === null) {
      stoppedByBudget = true;
      break;
    }
    const { load, gate, latencyGap } = outcome2;
    lastGate = gate;
    search.record(rate2, gate.passed);
    const failedObjectives = gate.objectives.filter((objective) => objective.status === "fail").map((objective) => ({
      name: objective.name,
      value: objective.value,
      bound: formatBound(objective.min, objective.max),
      reason: objective.reason
    }));
    steps.push({
      step: index + 1,
      phase,
      rate: rate2,
      attempts,
      started_at: load.started_at,
      duration_seconds: load.duration_seconds,
      scheduled: load.scheduled,
      sent: load.sent,
      responses: load.responses,
      achieved_rate: load.achieved_rate,
      dropped: load.dropped,
      failed: load.failed,
      error_ratio: load.error_ratio,
      errors: load.errors,
      latency_ms: {
        p50: load.latency_ms.p50,
        p95: load.latency_ms.p95,
        p99: load.latency_ms.p99,
        max: load.latency_ms.max
      },
      send_lag_p95_ms: load.send_lag_ms.p95,
      passed: gate.passed,
      failed_objectives: failedObjectives,
      objectives: gate.objectives.map(({ name, source, value, status }) => ({ name, source, value, status })),
      latency_gap: latencyGap
    });
    deps.log(
      `step ${index + 1} (${phase}): ${rate2}/s for ${formatPromDuration(stepMs)}: p95 ${Number.isFinite(load.latency_ms.p95) ? load.latency_ms.p95.toFixed(1) : "-"} ms, ${load.failed} failed, ${load.dropped} dropped: ${gate.passed ? "pass" : `FAIL (${failedObjectives.map((objective) => objective.name).join(", ")})`}`
    );
  }
  const capacity = search.highestPassing ?? 0;
  const outcome = search.outcome ?? (stoppedByBudget ? "budget" : "step-limit");
  const comparison = baseline === null ? null : compareWithBaseline(capacity, baseline, settings.maxCapacityDrop, settings.baselinePath);
  return {
    url: settings.url.toString(),
    method: settings.method,
    slo_file: prepared.file.path,
    prometheus: prepared.prometheus?.client.baseUrl ?? null,
    capacity_rps: capacity,
    lowest_failing_rps: search.lowestFailing,
    outcome,
    min: settings.min,
    max: settings.max,
    precision: settings.precision,
    ramp_factor: RAMP_FACTOR,
    step_duration_seconds: stepMs / 1e3,
    cool_down_seconds: settings.coolDownMs / 1e3,
    budget_seconds: settings.budgetMs / 1e3,
    max_steps: maxSteps,
    started_at: startedAt,
    elapsed_seconds: (clock.now() - startedMs) / 1e3,
    p95_objective_ms: p95ObjectiveMs(lastGate, serverP95),
    steps,
    baseline: comparison,
    passed: capacity > 0 && (comparison?.passed ?? true)
  };
}

// src/loadtest/capacity-report.ts
function byRate(result) {
  return [...result.steps].sort((a, b) => a.rate - b.rate);
}
function niceMaximum(value) {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const multiple of [1, 2, 2.5, 5, 10])
    if (multiple * magnitude >= value - 1e-9) return multiple * magnitude;
  return 10 * magnitude;
}
function p95Axis(result) {
  const measured = result.steps.map((step) => step.latency_ms.p95).filter(Number.isFinite);
  const top = Math.max(0, ...measured, result.p95_objective_ms ?? 0);
  const limit = result.p95_objective_ms === null ? top : Math.min(top, 4 * result.p95_objective_ms);
  return niceMaximum(limit * 1.05);
}
function rate(value) {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, "");
}
function percent(share) {
  return `${(share * 100).toFixed(1).replace(/\.0$/, "")} %`;
}
function capacitySentence(result) {
  const failing = result.lowest_failing_rps;
  switch (result.outcome) {
    case "converged":
      return `capacity ${rate(result.capacity_rps)} requests/s: every objective met there, ${rate(failing)}/s failed (precision ${percent(result.precision)})`;
    case "max-reached":
      return `capacity at least ${rate(result.capacity_rps)} requests/s: every rate up to --max passed`;
    case "below-min":
      return `capacity below ${rate(result.min)} requests/s: the lowest rate tried failed`;
    case "budget":
    case "step-limit":
      return result.capacity_rps > 0 ? `capacity at least ${rate(result.capacity_rps)} requests/s${failing === null ? "" : ` (${rate(failing)}/s failed)`}; the search stopped at its ${result.outcome === "budget" ? "time budget" : "step limit"} before reaching the precision` : `no rate passed before the search stopped at its ${result.outcome === "budget" ? "time budget" : "step limit"}`;
  }
}
function baselineSentence(result) {
  const baseline = result.baseline;
  if (baseline === null) return null;
  const change = baseline.drop >= 0 ? `dropped ${percent(baseline.drop)}` : `grew ${percent(-baseline.drop)}`;
  return `baseline ${rate(baseline.capacity_rps)} requests/s (${baseline.file}): capacity ${change}; at most ${percent(baseline.max_drop)} allowed: ${baseline.passed ? "ok" : "FAILED"}`;
}
function stepCells(step) {
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
    step.passed ? "pass" : `FAIL ${step.failed_objectives.map((objective) => objective.name).join(", ")}`
  ];
}
var STEP_HEADER = [
  "step",
  "phase",
  "rate/s",
  "achieved/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "failed",
  "dropped",
  "result"
];
function formatCapacityTable(result) {
  const lines = [textTable(STEP_HEADER, result.steps.map(stepCells)), ""];
  for (const step of result.steps)
    for (const objective of step.failed_objectives)
      lines.push(`step ${step.step} FAIL ${objective.name}: ${objective.reason ?? objective.bound}`);
  for (const step of result.steps)
    for (const gap of step.latency_gap) if (gap.note) lines.push(`step ${step.step} note: ${gap.note}`);
  lines.push(capacitySentence(result));
  const baseline = baselineSentence(result);
  if (baseline) lines.push(baseline);
  return lines.join("\n").replace(/\n\n\n+/g, "\n\n");
}
function capacityMermaid(result) {
  const steps = byRate(result).filter((step) => Number.isFinite(step.latency_ms.p95));
  if (steps.length === 0) return null;
  const top = p95Axis(result);
  const lines = [
    "```mermaid",
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#4c78a8, #d9480f"}}}}%%',
    "xychart-beta",
    '    title "p95 latency against arrival rate"',
    `    x-axis "arrival rate (requests/s)" [${steps.map((step) => `"${rate(step.rate)}"`).join(", ")}]`,
    `    y-axis "p95 (ms)" 0 --> ${mermaidNumber(top)}`,
    `    line [${steps.map((step) => mermaidNumber(Math.min(step.latency_ms.p95, top))).join(", ")}]`
  ];
  if (result.p95_objective_ms !== null)
    lines.push(`    line [${steps.map(() => mermaidNumber(result.p95_objective_ms)).join(", ")}]`);
  lines.push("```");
  return lines.join("\n");
}
function capacityMarkdown(result) {
  const icon = result.passed ? "\u2705" : "\u274C";
  const lines = [
    `## Capacity: ${rate(result.capacity_rps)} requests/s ${icon}`,
    "",
    `${capacitySentence(result)}.`
  ];
  const baseline = baselineSentence(result);
  if (baseline) lines.push("", `${baseline}.`);
  lines.push(
    "",
    `Target \`${result.method} ${result.url}\`, objectives from \`${result.slo_file}\`${result.prometheus ? ` and ${result.prometheus}` : ""}; ${result.steps.length} steps of ${result.step_duration_seconds} s in ${fixed(result.elapsed_seconds, 0)} s (budget ${result.budget_seconds} s).`
  );
  const chart = capacityMermaid(result);
  if (chart) {
    const clipped = result.steps.some((step) => step.latency_ms.p95 > p95Axis(result));
    lines.push(
      "",
      `_Line 1: client p95 (ms, from intended send times) at each rate tried${result.p95_objective_ms === null ? "" : `; line 2: the p95 objective (${rate(result.p95_objective_ms)} ms)`}${clipped ? "; larger values are drawn at the top of the axis" : ""}._`,
      "",
      chart
    );
  }
  lines.push(
    "",
    `| ${STEP_HEADER.join(" | ")} |`,
    `|${STEP_HEADER.map((_, index) => index >= 2 && index <= 8 ? "---:" : "---").join("|")}|`,
    ...result.steps.map((step) => `| ${stepCells(step).join(" | ")} |`)
  );
  const failures = result.steps.flatMap(
    (step) => step.failed_objectives.map(
      (objective) => `- step ${step.step} (${rate(step.rate)}/s) **${objective.name}**: ${objective.reason ?? objective.bound}`
    )
  );
  if (failures.length > 0) lines.push("", ...failures);
  return lines.join("\n") + "\n";
}
var SVG_WIDTH = 640;
var SVG_HEIGHT = 320;
var LEFT = 56;
var RIGHT = SVG_WIDTH - 16;
var TOP = 16;
var BOTTOM = SVG_HEIGHT - 44;
function px(value) {
  return String(Math.round(value * 10) / 10);
}
function capacitySvg(result) {
  const steps = byRate(result).filter((step) => Number.isFinite(step.latency_ms.p95));
  const top = p95Axis(result);
  const rates = steps.map((step) => step.rate);
  const low = Math.min(result.min, ...rates);
  const high = Math.max(low * 1.5, ...rates, result.capacity_rps);
  const x = (value) => LEFT + (Math.log(value) - Math.log(low)) / (Math.log(high) - Math.log(low)) * (RIGHT - LEFT);
  const y = (ms) => BOTTOM - Math.min(ms, top) / top * (BOTTOM - TOP);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="capacity-chart" viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" role="img" aria-label="p95 latency against arrival rate">`,
    "<title>p95 latency against arrival rate</title>",
    `<line class="axis" x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}"/>`,
    `<line class="axis" x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${BOTTOM}"/>`
  ];
  for (let tick = 0; tick <= 4; tick++) {
    const value = top * tick / 4;
    parts.push(
      `<line class="grid" x1="${LEFT}" y1="${px(y(value))}" x2="${RIGHT}" y2="${px(y(value))}"/>`,
      `<text class="tick" x="${LEFT - 6}" y="${px(y(value) + 4)}" text-anchor="end">${escapeXml(rate(value))}</text>`
    );
  }
  for (const step of steps)
    parts.push(
      `<text class="tick" x="${px(x(step.rate))}" y="${BOTTOM + 16}" text-anchor="middle">${escapeXml(rate(step.rate))}</text>`
    );
  parts.push(
    `<text class="label" x="${px((LEFT + RIGHT) / 2)}" y="${SVG_HEIGHT - 6}" text-anchor="middle">arrival rate (requests/s, log scale)</text>`,
    `<text class="label" x="14" y="${px((TOP + BOTTOM) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${px((TOP + BOTTOM) / 2)})">p95 (ms)</text>`
  );
  if (result.p95_objective_ms !== null && result.p95_objective_ms <= top)
    parts.push(
      `<line class="objective" x1="${LEFT}" y1="${px(y(result.p95_objective_ms))}" x2="${RIGHT}" y2="${px(y(result.p95_objective_ms))}"><title>p95 objective ${escapeXml(rate(result.p95_objective_ms))} ms</title></line>`
    );
  if (result.capacity_rps > 0)
    parts.push(
      `<line class="capacity" x1="${px(x(result.capacity_rps))}" y1="${TOP}" x2="${px(x(result.capacity_rps))}" y2="${BOTTOM}"><title>capacity ${escapeXml(rate(result.capacity_rps))} requests/s</title></line>`
    );
  if (steps.length > 0)
    parts.push(
      `<polyline class="p95" points="${steps.map((step) => `${px(x(step.rate))},${px(y(step.latency_ms.p95))}`).join(" ")}"/>`
    );
  for (const step of steps) {
    const cx = x(step.rate);
    const cy = y(step.latency_ms.p95);
    const label = `${rate(step.rate)}/s: p95 ${fixed(step.latency_ms.p95, 2)} ms, ${step.passed ? "pass" : `fail (${step.failed_objectives.map((objective) => objective.name).join(", ")})`}`;
    parts.push(
      step.passed ? `<circle class="pass" cx="${px(cx)}" cy="${px(cy)}" r="4"><title>${escapeXml(label)}</title></circle>` : `<path class="fail" d="M${px(cx - 4)} ${px(cy - 4)}L${px(cx + 4)} ${px(cy + 4)}M${px(cx - 4)} ${px(cy + 4)}L${px(cx + 4)} ${px(cy - 4)}"><title>${escapeXml(label)}</title></path>`
    );
  }
  parts.push("</svg>");
  return parts.join("");
}
var STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:760px;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{padding:.25rem .5rem;border-bottom:1px solid #d0d7de;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.capacity-chart{width:100%;height:auto}
.axis{stroke:#57606a}.grid{stroke:#d0d7de;stroke-dasharray:2 3}.tick,.label{fill:#57606a;font-size:11px}
.p95{fill:none;stroke:#4c78a8;stroke-width:2}.pass{fill:#4c78a8}.fail{stroke:#cf222e;stroke-width:2}
.objective{stroke:#d9480f;stroke-width:1.5;stroke-dasharray:6 4}.capacity{stroke:#1a7f37;stroke-width:1.5}
.verdict-pass{color:#1a7f37}.verdict-fail{color:#cf222e}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th,td{border-color:#30363d}.tick,.label{fill:#9198a1}}`;
function capacityHtml(result) {
  const baseline = baselineSentence(result);
  const numeric = /* @__PURE__ */ new Set([2, 3, 4, 5, 6, 7, 8]);
  const rows = result.steps.map(
    (step) => `<tr>${stepCells(step).map((cell, index) => `<td${numeric.has(index) ? ' class="n"' : ""}>${escapeXml(cell)}</td>`).join("")}</tr>`
  ).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Capacity ${escapeXml(rate(result.capacity_rps))} requests/s \xB7 ${escapeXml(result.url)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1 class="${result.passed ? "verdict-pass" : "verdict-fail"}">Capacity: ${escapeXml(rate(result.capacity_rps))} requests/s</h1>
<p>${escapeXml(capacitySentence(result))}.</p>
${baseline ? `<p>${escapeXml(baseline)}.</p>
` : ""}<p>${escapeXml(`${result.method} ${result.url}`)}; objectives from ${escapeXml(result.slo_file)}${result.prometheus ? ` and ${escapeXml(result.prometheus)}` : ""}; ${result.steps.length} steps of ${result.step_duration_seconds} s in ${escapeXml(fixed(result.elapsed_seconds, 0))} s.</p>
${capacitySvg(result)}
<p>Dots: steps that met every objective; crosses: steps that failed one. Dashed: the p95 objective. Green: the capacity. Latency from intended send times.</p>
<table>
<thead><tr>${STEP_HEADER.map((title, index) => `<th${numeric.has(index) ? ' class="n"' : ""}>${escapeXml(title)}</th>`).join("")}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

// src/cli/commands/capacity.ts
var usage = `Usage: driftwatch capacity --url URL --slo FILE [--prometheus URL] [options]

Finds the highest arrival rate at which every objective of the SLO file holds. Each step is an open-model load at one
rate followed by the gate; the rates are a geometric ramp (--min, 2\xD7, 4\xD7, \u2026 up to --max) until one fails, then a
bisection between the highest passing and the lowest failing rate until they are within --precision. Bounded: at most
a fixed number of steps, and nothing runs past --budget. Load goes to --url only.

Search
  --min R                    first rate tried, requests/s (default ${DEFAULT_CAPACITY.min})
  --max R                    highest rate tried (default ${DEFAULT_CAPACITY.max})
  --step-duration D          length of each step (default ${DEFAULT_CAPACITY.stepDurationMs / 1e3}s; raised to 5 scrape intervals with Prometheus objectives)
  --precision X              stop when lowest failing / highest passing \u2264 1 + X: 0.1 or 10% (default 10%)
  --cool-down D              pause between steps (default ${DEFAULT_CAPACITY.coolDownMs / 1e3}s)
  --budget D                 hard bound on the whole search (default ${DEFAULT_CAPACITY.budgetMs / 6e4}m)
  --baseline FILE            a stored capacity result (--out of an earlier run): exit 1 when the capacity dropped more
                             than --max-capacity-drop against it
  --max-capacity-drop X      largest accepted drop: 0.2 or 20% (default 20%)

Load (each step)
  --url URL                  target, e.g. http://127.0.0.1:8000/predict
  --payloads FILE            JSON Lines request bodies, used round-robin (default: no body)
  --method M                 GET|POST (default POST with --payloads, else GET)
  --max-in-flight N          outstanding requests at most; due requests beyond it are dropped and counted (default 256)
  --timeout-ms N             per-request timeout (default 10000)
${CHECK_USAGE}
  --quiet                    no progress line

Objectives
  --slo FILE                 SLO file every step must meet (required; e.g. load-test/slo-client.yml)
  --prometheus URL           Prometheus scraping the service, for PromQL objectives
  --job NAME                 scrape job of the service, also \${job} in queries (default api)
  --var NAME=VALUE           set a query variable (repeatable); \${offered_rate} is each step's rate
  --wait-timeout D           longest wait for Prometheus and its targets (default 60s)

Output
  --format table|json|md     stdout format (default table; md: Markdown with a Mermaid chart of p95 against rate)
  --out FILE                 also write the JSON result here ({capacity_rps, steps, \u2026}; temp file + rename)
  --markdown FILE            also write the Markdown
  --html FILE                also write an HTML page with the chart as SVG

Exit codes: 0 capacity found (and within --max-capacity-drop of --baseline), 1 no rate passed or the capacity
dropped too much, 2 usage or input error.`;
var flags = {
  ...sharedFlags,
  min: { type: "string" },
  max: { type: "string" },
  "step-duration": { type: "string" },
  precision: { type: "string" },
  "cool-down": { type: "string" },
  budget: { type: "string" },
  baseline: { type: "string" },
  "max-capacity-drop": { type: "string" },
  markdown: { type: "string" },
  html: { type: "string" }
};
function parseSettings(argv) {
  const values = parseFlags("capacity", argv, flags);
  const search = parseCapacitySettings(
    {
      ...sharedRawInputs(values),
      min: values.min,
      max: values.max,
      stepDuration: values["step-duration"],
      precision: values.precision,
      coolDown: values["cool-down"],
      budget: values.budget,
      baseline: values.baseline,
      maxCapacityDrop: values["max-capacity-drop"]
    },
    (field) => FLAG_OF[field]
  );
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json" && format !== "md")
    throw new UserError("USAGE", `--format: '${format}' is not one of table, json, md`);
  return {
    search,
    format,
    out: values.out ?? null,
    markdown: values.markdown ?? null,
    html: values.html ?? null,
    quiet: values.quiet ?? false
  };
}
var capacityCommand = {
  name: "capacity",
  usage,
  async run(argv, io) {
    const settings = parseSettings(argv);
    const result = await withStderrReporting(
      io,
      settings.quiet,
      (deps) => runCapacitySearch(settings.search, deps)
    );
    if (settings.out !== null) await writeJsonFileAtomic(settings.out, result);
    if (settings.markdown !== null) await writeFileAtomic(settings.markdown, capacityMarkdown(result));
    if (settings.html !== null) await writeFileAtomic(settings.html, capacityHtml(result));
    io.stdout.write(
      settings.format === "json" ? JSON.stringify(result, null, 2) + "\n" : settings.format === "md" ? capacityMarkdown(result) : formatCapacityTable(result) + "\n"
    );
    return result.passed ? ExitCode.Ok : ExitCode.GateFailed;
  }
};
export {
  capacityCommand
};
