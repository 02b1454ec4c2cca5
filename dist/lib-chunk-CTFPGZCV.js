import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  isPValueTest,
  truncateLabel
} from "./lib-chunk-QPUCOD3P.js";

// src/report/mermaid.ts
var BAR_COLOUR = "#4c78a8";
var LINE_COLOUR = "#d9480f";
var MAX_CHART_COLUMNS = 25;
function mermaidLabel(text) {
  return truncateLabel(text.replace(/[^\p{L}\p{N} _.:/()+-]/gu, "_"), 32);
}
function mermaidNumber(value) {
  if (!Number.isFinite(value)) return "0";
  const rounded = Number(Math.min(Math.max(value, -1e15), 1e15).toPrecision(4));
  return rounded.toFixed(6).replace(/\.?0+$/, "") || "0";
}
function niceMaximum(value) {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const multiple of [1, 2, 2.5, 5, 10]) if (multiple * magnitude >= value) return multiple * magnitude;
  return 10 * magnitude;
}
function minusLog10(p) {
  return p <= 0 ? Infinity : -Math.log10(Math.min(p, 1));
}
var MIN_P_VALUE_AXIS = 16;
function scoreChart(columns, kind, total) {
  const shown = columns.slice(0, MAX_CHART_COLUMNS);
  const transform = kind === "p_value" ? minusLog10 : (value) => value;
  const scores = shown.map((column) => transform(column.drift_score ?? 0));
  const thresholds = shown.map((column) => transform(column.threshold ?? 0));
  const subset = shown.length < total ? `, first ${shown.length} of ${total} in report order` : "";
  const finite = [...scores, ...thresholds].filter(Number.isFinite);
  const caption = kind === "p_value" ? `_p-value tests on a \u2212log10 scale (bar = \u2212log10 p-value, line = \u2212log10 threshold; 2 means p = 0.01): drift where the bar reaches the line${scores.some((score) => !Number.isFinite(score)) ? " (p = 0 is drawn at the top)" : ""}${subset}._` : `_Distance tests (bar = distance, line = threshold): drift where the bar reaches the line${subset}._`;
  const maximum = niceMaximum(
    Math.max(...finite, kind === "p_value" && finite.length < scores.length * 2 ? MIN_P_VALUE_AXIS : 0) * 1.05
  );
  return [
    caption,
    "",
    "```mermaid",
    // Bars in the report's reference blue, the threshold line in its current orange.
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${BAR_COLOUR}, ${LINE_COLOUR}"}}}}%%`,
    "xychart-beta horizontal",
    `    title "${kind === "p_value" ? "\u2212log10 p-value vs threshold" : "Distance vs threshold"}"`,
    `    x-axis [${shown.map((column) => `"${mermaidLabel(column.column)}"`).join(", ")}]`,
    `    y-axis "${kind === "p_value" ? "\u2212log10 p-value" : "distance"}" 0 --> ${mermaidNumber(maximum)}`,
    `    bar [${scores.map((score) => mermaidNumber(Math.min(score, maximum))).join(", ")}]`,
    `    line [${thresholds.map((threshold) => mermaidNumber(Math.min(threshold, maximum))).join(", ")}]`,
    "```"
  ].join("\n");
}
function driftScoreCharts(orderedColumns) {
  const scored = orderedColumns.filter(
    (column) => column.skipped === null && column.drift_score !== null && Number.isFinite(column.drift_score) && column.threshold !== null && Number.isFinite(column.threshold)
  );
  const pValue = scored.filter((column) => isPValueTest(column.stattest));
  const distance = scored.filter((column) => !isPValueTest(column.stattest));
  const charts = [];
  if (distance.length > 0) charts.push(scoreChart(distance, "distance", distance.length));
  if (pValue.length > 0) charts.push(scoreChart(pValue, "p_value", pValue.length));
  return charts.join("\n\n");
}

export {
  mermaidLabel,
  mermaidNumber,
  driftScoreCharts
};
