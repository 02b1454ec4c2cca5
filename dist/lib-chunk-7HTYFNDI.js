import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  quoteIdent
} from "./lib-chunk-RMK2IS6S.js";

// src/snapshot/postgres/streamflow.ts
var snapshotKey = [
  { name: "user_id", type: "text" },
  { name: "as_of", type: "date" }
];
var STREAMFLOW_TABLES = [
  { name: "users", key: ["user_id"], columns: [{ name: "user_id", type: "text" }] },
  {
    name: "subscriptions_profile_snapshots",
    key: ["user_id", "as_of"],
    columns: [
      ...snapshotKey,
      { name: "months_active", type: "integer" },
      { name: "monthly_fee", type: "double precision" },
      { name: "paperless_billing", type: "boolean" },
      { name: "plan_stream_tv", type: "text" },
      { name: "plan_stream_movies", type: "text" },
      { name: "net_service", type: "text" }
    ]
  },
  {
    name: "usage_agg_30d_snapshots",
    key: ["user_id", "as_of"],
    columns: [
      ...snapshotKey,
      { name: "watch_hours_30d", type: "double precision" },
      { name: "avg_session_mins_7d", type: "double precision" },
      { name: "unique_devices_30d", type: "integer" },
      { name: "skips_7d", type: "integer" },
      { name: "rebuffer_events_7d", type: "integer" }
    ]
  },
  {
    name: "payments_agg_90d_snapshots",
    key: ["user_id", "as_of"],
    columns: [...snapshotKey, { name: "failed_payments_90d", type: "integer" }]
  },
  {
    name: "support_agg_90d_snapshots",
    key: ["user_id", "as_of"],
    columns: [
      ...snapshotKey,
      { name: "support_tickets_90d", type: "integer" },
      { name: "ticket_avg_resolution_hrs_90d", type: "double precision" }
    ]
  },
  {
    name: "labels",
    key: ["user_id", "as_of"],
    columns: [...snapshotKey, { name: "churn_label", type: "integer" }]
  }
];
var STREAMFLOW_FEATURE_COLUMNS = [
  { name: "user_id", type: "text" },
  ...STREAMFLOW_TABLES.slice(1).flatMap((table) => table.columns.slice(2))
];
function streamflowDdl(schema) {
  const s = quoteIdent(schema);
  return STREAMFLOW_TABLES.map((table) => {
    const columns = table.columns.map(
      (c) => `${quoteIdent(c.name)} ${c.type}${table.key.includes(c.name) ? " NOT NULL" : ""}`
    );
    const constraints = [`PRIMARY KEY (${table.key.map(quoteIdent).join(", ")})`];
    if (table.name !== "users") {
      constraints.push(`FOREIGN KEY ("user_id") REFERENCES ${s}."users" ("user_id")`);
    }
    return `CREATE TABLE IF NOT EXISTS ${s}.${quoteIdent(table.name)} (${[...columns, ...constraints].join(", ")})`;
  });
}
function streamflowSnapshotQuery(schema) {
  const s = quoteIdent(schema);
  const groups = [
    ["subscriptions_profile_snapshots", "sp"],
    ["usage_agg_30d_snapshots", "ua"],
    ["payments_agg_90d_snapshots", "pa"],
    ["support_agg_90d_snapshots", "sa"],
    ["labels", "lb"]
  ];
  const select = ['sp."user_id"'];
  for (const [name, alias] of groups) {
    const table = STREAMFLOW_TABLES.find((t) => t.name === name);
    for (const column of table.columns.slice(2)) select.push(`${alias}.${quoteIdent(column.name)}`);
  }
  const joins = groups.slice(1).map(
    ([name, alias]) => `LEFT JOIN ${s}.${quoteIdent(name)} ${alias} ON ${alias}."user_id" = sp."user_id" AND ${alias}."as_of" = sp."as_of"`
  );
  return [
    `SELECT ${select.join(", ")}`,
    `FROM ${s}."subscriptions_profile_snapshots" sp`,
    ...joins,
    'WHERE sp."as_of" = $1'
  ].join("\n");
}
var STREAMFLOW_AS_OF_TABLE = "subscriptions_profile_snapshots";
function streamflowAsOfOfMonth(month) {
  return new Date(Date.UTC(2024, month + 1, 0)).toISOString().slice(0, 10);
}

export {
  STREAMFLOW_TABLES,
  STREAMFLOW_FEATURE_COLUMNS,
  streamflowDdl,
  streamflowSnapshotQuery,
  STREAMFLOW_AS_OF_TABLE,
  streamflowAsOfOfMonth
};
