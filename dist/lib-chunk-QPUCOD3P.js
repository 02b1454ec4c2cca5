import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  STAT_TESTS
} from "./lib-chunk-YILB7LQL.js";

// src/drift/report.ts
var SCHEMA_VERSION = 1;
function isPValueTest(stattest) {
  return stattest !== null && stattest !== void 0 && Object.hasOwn(STAT_TESTS, stattest) ? STAT_TESTS[stattest].scoreKind === "p_value" : false;
}

// src/report/format.ts
function formatScore(value) {
  if (value === null || value === void 0) return "\u2014";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "\u221E" : "-\u221E";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(2).replace("e+", "e");
  return String(Number(value.toPrecision(3)));
}
function formatPercent(share) {
  if (share === null || share === void 0 || !Number.isFinite(share)) return "\u2014";
  return `${(share * 100).toFixed(1).replace(/\.0$/, "")}%`;
}
function formatCount(count) {
  if (!Number.isFinite(count)) return String(count);
  const rounded = Math.round(count);
  if (Number.isSafeInteger(rounded) && !Object.is(rounded, -0))
    return String(rounded).replace(/\B(?=(\d{3})+$)/g, ",");
  return rounded.toLocaleString("en-US");
}
function formatTick(value) {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9 || magnitude > 0 && magnitude < 1e-3)
    return value.toExponential(1).replace("e+", "e");
  if (magnitude >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (magnitude >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(4)));
}
function driftState(column) {
  if (column.skipped !== null && column.skipped !== void 0) return "skipped";
  return column.drift_detected ? "drifted" : "stable";
}
function driftSeverity(column) {
  const { drift_score: score, threshold } = column;
  if (score === null || threshold === null || !Number.isFinite(score) || !(threshold > 0)) return -Infinity;
  const floor = Number.MIN_VALUE;
  return isPValueTest(column.stattest) ? Math.log(threshold / Math.max(score, floor)) : Math.log(Math.max(score, floor) / threshold);
}
function orderColumns(columns) {
  const rank = { drifted: 0, stable: 1, skipped: 2 };
  return [...columns].sort(
    (a, b) => rank[driftState(a)] - rank[driftState(b)] || driftSeverity(b) - driftSeverity(a) || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0)
  );
}
function escapeXml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
function truncateLabel(text, limit) {
  return text.length <= limit ? text : `${text.slice(0, Math.max(limit - 1, 1))}\u2026`;
}

export {
  SCHEMA_VERSION,
  isPValueTest,
  formatScore,
  formatPercent,
  formatCount,
  formatTick,
  driftState,
  orderColumns,
  escapeXml,
  truncateLabel
};
