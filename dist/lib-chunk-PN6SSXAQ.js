import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/snapshot/postgres/source.ts
var COMPUTE_MODES = ["memory", "database"];
var STREAMFLOW_QUERY_NAME = "streamflow";
var NEUTRAL_DATABASE_NAMES = {
  databaseUrl: "database-url",
  table: "table",
  asOfColumn: "as-of-column",
  query: "query",
  referenceAsOf: "reference-as-of",
  currentAsOf: "current-as-of"
};
function describeAsOf(selector) {
  return selector.kind === "value" ? selector.value : selector.kind;
}
function snapshotSettingsOf(reference, current, names) {
  if (reference.database !== current.database && reference.database.databaseUrl !== current.database.databaseUrl) {
    throw new UserError("USAGE", "the reference and current snapshots must come from the same database");
  }
  return {
    databaseUrl: reference.database.databaseUrl,
    source: reference.database.source,
    referenceAsOf: reference.asOf,
    currentAsOf: current.asOf,
    statementTimeoutMs: reference.database.statementTimeoutMs,
    connectRetries: reference.database.connectRetries,
    ...names ? { names } : {}
  };
}

export {
  COMPUTE_MODES,
  STREAMFLOW_QUERY_NAME,
  NEUTRAL_DATABASE_NAMES,
  describeAsOf,
  snapshotSettingsOf
};
