import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  DEFAULT_CONNECT_RETRIES,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  checkSnapshotQuery,
  parseDatabaseUrl,
  parseTableName
} from "./lib-chunk-RMK2IS6S.js";
import {
  COMPUTE_MODES,
  STREAMFLOW_QUERY_NAME
} from "./lib-chunk-PN6SSXAQ.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/job/database-settings.ts
function hasDatabaseSettings(raw) {
  return ["databaseUrl", "table", "query", "referenceAsOf", "currentAsOf", "compute"].some(
    (field) => raw[field] !== void 0
  );
}
function fail(field, message) {
  throw new UserError("USAGE", message, field);
}
function resolveDatabaseUrl(raw, names, env) {
  const url = raw.databaseUrl ?? env.DATABASE_URL;
  if (url === void 0 || url.trim() === "")
    fail("databaseUrl", `${names.databaseUrl} is required (or set DATABASE_URL)`);
  try {
    parseDatabaseUrl(raw.databaseUrl !== void 0 ? names.databaseUrl : "DATABASE_URL", url);
  } catch (error) {
    if (error instanceof UserError) fail("databaseUrl", error.message);
    throw error;
  }
  return url;
}
function nonEmpty(raw, names, field) {
  const value = raw[field];
  if (value !== void 0 && value.trim() === "") fail(field, `${names[field]}: the value is empty`);
  return value;
}
function parseSnapshotQuerySource(raw, names) {
  const table = nonEmpty(raw, names, "table");
  const query = nonEmpty(raw, names, "query");
  const asOfColumn = nonEmpty(raw, names, "asOfColumn") ?? "as_of";
  const schema = nonEmpty(raw, names, "schema");
  const tableName = (text) => {
    try {
      return parseTableName(names.table, text);
    } catch (error) {
      if (error instanceof UserError) fail("table", error.message);
      throw error;
    }
  };
  if (query !== void 0 && query.trim() === STREAMFLOW_QUERY_NAME) {
    if (table !== void 0)
      fail("table", `${names.table} cannot be combined with ${names.query} ${STREAMFLOW_QUERY_NAME}`);
    return { kind: "streamflow", schema: schema ?? "public" };
  }
  if (schema !== void 0)
    fail(
      "schema",
      `${names.schema} is only used with ${names.query} ${STREAMFLOW_QUERY_NAME} (write schema.table in ${names.table})`
    );
  if (query !== void 0) {
    try {
      checkSnapshotQuery(names.query, query);
    } catch (error) {
      if (error instanceof UserError) fail("query", error.message);
      throw error;
    }
    return table === void 0 ? { kind: "query", sql: query } : { kind: "query", sql: query, discovery: { table: tableName(table), asOfColumn } };
  }
  if (table === void 0)
    fail("table", `a database source needs ${names.table} (with ${names.asOfColumn}) or ${names.query}`);
  return { kind: "table", table: tableName(table), asOfColumn };
}
function parseAsOf(raw, names, field, keyword) {
  const text = nonEmpty(raw, names, field)?.trim();
  if (text === void 0 || text === keyword) return { kind: keyword };
  if (text === "latest" || text === "previous")
    fail(
      field,
      `${names[field]}: '${text}' is not allowed here (use ${keyword} or an as_of value such as 2024-01-31)`
    );
  return { kind: "value", value: text };
}
function parseComputeMode(raw, names) {
  if (raw.compute === void 0) return "memory";
  const mode = COMPUTE_MODES.find((candidate) => candidate === raw.compute.trim());
  if (!mode)
    fail("compute", `${names.compute}: unknown mode '${raw.compute}' (known: ${COMPUTE_MODES.join(", ")})`);
  return mode;
}
function parseStatementTimeout(raw, names) {
  const value = raw.statementTimeout;
  if (value === void 0) return DEFAULT_STATEMENT_TIMEOUT_MS;
  const seconds = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    fail("statementTimeout", `${names.statementTimeout}: '${value}' is not a positive number of seconds`);
  return Math.round(seconds * 1e3);
}
function parseConnectRetries(raw, names) {
  const value = raw.connectRetries;
  if (value === void 0) return DEFAULT_CONNECT_RETRIES;
  if (!/^\s*(10|[0-9])\s*$/.test(value))
    fail("connectRetries", `${names.connectRetries}: '${value}' is not a whole number from 0 to 10`);
  return Number(value);
}
function parseDatabaseSources(raw, names, env) {
  const database = {
    databaseUrl: resolveDatabaseUrl(raw, names, env),
    source: parseSnapshotQuerySource(raw, names),
    statementTimeoutMs: parseStatementTimeout(raw, names),
    connectRetries: parseConnectRetries(raw, names),
    compute: parseComputeMode(raw, names)
  };
  return {
    reference: { kind: "postgres", asOf: parseAsOf(raw, names, "referenceAsOf", "previous"), database },
    current: { kind: "postgres", asOf: parseAsOf(raw, names, "currentAsOf", "latest"), database }
  };
}

// src/cli/database-flags.ts
var DATABASE_FLAG_OPTIONS = {
  "database-url": { type: "string" },
  table: { type: "string" },
  "as-of-column": { type: "string" },
  query: { type: "string" },
  schema: { type: "string" },
  "reference-as-of": { type: "string" },
  "current-as-of": { type: "string" },
  compute: { type: "string" },
  "statement-timeout": { type: "string" },
  "connect-retries": { type: "string" }
};
var DATABASE_FLAGS = {
  databaseUrl: "--database-url",
  table: "--table",
  asOfColumn: "--as-of-column",
  query: "--query",
  schema: "--schema",
  referenceAsOf: "--reference-as-of",
  currentAsOf: "--current-as-of",
  compute: "--compute",
  statementTimeout: "--statement-timeout",
  connectRetries: "--connect-retries"
};
function rawDatabaseSettings(values) {
  const raw = {};
  for (const [field, flag] of Object.entries(DATABASE_FLAGS)) {
    const value = values[flag.slice(2)];
    raw[field] = typeof value === "string" ? value : void 0;
  }
  return raw;
}
var DATABASE_FLAGS_USAGE = `PostgreSQL snapshots (instead of --reference/--current files)
  --database-url URL        postgresql://user@host:5432/db (default: $DATABASE_URL); the password is never printed
  --table T                 as-of table ([schema.]table): every column but the as-of column is a feature
  --as-of-column C          the snapshot date column of --table (default as_of)
  --query SQL|streamflow    snapshot query with $1 for the as_of value ("SELECT ... WHERE as_of = $1"),
                            or 'streamflow' for the bundled join of the StreamFlow tables
  --schema S                schema of the StreamFlow tables for --query streamflow (default public)
  --reference-as-of X       as_of value, or 'previous' (the as_of before the current one; default)
  --current-as-of X         as_of value, or 'latest' (default)
  --compute MODE            memory: stream rows into the runner (default); database: compute counts in SQL
  --statement-timeout S     statement_timeout in seconds (default ${DEFAULT_STATEMENT_TIMEOUT_MS / 1e3})
  --connect-retries N       retries of a connection lost before any row was read (default ${DEFAULT_CONNECT_RETRIES})`;

export {
  hasDatabaseSettings,
  resolveDatabaseUrl,
  parseSnapshotQuerySource,
  parseStatementTimeout,
  parseConnectRetries,
  parseDatabaseSources,
  DATABASE_FLAG_OPTIONS,
  DATABASE_FLAGS,
  rawDatabaseSettings,
  DATABASE_FLAGS_USAGE
};
