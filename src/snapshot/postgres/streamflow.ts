/**
 * The StreamFlow schema as the Feast offline store keeps it: one `users` table, one `*_snapshots` table per
 * feature group keyed by (user_id, as_of), and `labels`. The bundled query joins them back into the original
 * feature table (user_id + 14 features + churn_label) for one as_of.
 */
import { quoteIdent } from './sql-text.js';

/** One column of a StreamFlow table: name and the type as `format_type` prints it. */
export interface StreamflowColumn {
  readonly name: string;
  readonly type: 'text' | 'date' | 'integer' | 'double precision' | 'boolean';
}

/** One StreamFlow table: its columns (snapshot tables start with user_id, as_of) and which fixture columns it holds. */
export interface StreamflowTable {
  readonly name: string;
  readonly columns: readonly StreamflowColumn[];
  /** Primary key columns. */
  readonly key: readonly string[];
}

const snapshotKey: readonly StreamflowColumn[] = [
  { name: 'user_id', type: 'text' },
  { name: 'as_of', type: 'date' },
];

/** Tables in creation order (users first: the snapshot tables reference it). */
export const STREAMFLOW_TABLES: readonly StreamflowTable[] = [
  { name: 'users', key: ['user_id'], columns: [{ name: 'user_id', type: 'text' }] },
  {
    name: 'subscriptions_profile_snapshots',
    key: ['user_id', 'as_of'],
    columns: [
      ...snapshotKey,
      { name: 'months_active', type: 'integer' },
      { name: 'monthly_fee', type: 'double precision' },
      { name: 'paperless_billing', type: 'boolean' },
      { name: 'plan_stream_tv', type: 'text' },
      { name: 'plan_stream_movies', type: 'text' },
      { name: 'net_service', type: 'text' },
    ],
  },
  {
    name: 'usage_agg_30d_snapshots',
    key: ['user_id', 'as_of'],
    columns: [
      ...snapshotKey,
      { name: 'watch_hours_30d', type: 'double precision' },
      { name: 'avg_session_mins_7d', type: 'double precision' },
      { name: 'unique_devices_30d', type: 'integer' },
      { name: 'skips_7d', type: 'integer' },
      { name: 'rebuffer_events_7d', type: 'integer' },
    ],
  },
  {
    name: 'payments_agg_90d_snapshots',
    key: ['user_id', 'as_of'],
    columns: [...snapshotKey, { name: 'failed_payments_90d', type: 'integer' }],
  },
  {
    name: 'support_agg_90d_snapshots',
    key: ['user_id', 'as_of'],
    columns: [
      ...snapshotKey,
      { name: 'support_tickets_90d', type: 'integer' },
      { name: 'ticket_avg_resolution_hrs_90d', type: 'double precision' },
    ],
  },
  {
    name: 'labels',
    key: ['user_id', 'as_of'],
    columns: [...snapshotKey, { name: 'churn_label', type: 'integer' }],
  },
];

/** Columns of a fixture CSV and of the joined feature table, in order. */
export const STREAMFLOW_FEATURE_COLUMNS: readonly StreamflowColumn[] = [
  { name: 'user_id', type: 'text' },
  ...STREAMFLOW_TABLES.slice(1).flatMap((table) => table.columns.slice(2)),
];

/** `CREATE TABLE IF NOT EXISTS` statements for the schema (the schema itself is created separately). */
export function streamflowDdl(schema: string): string[] {
  const s = quoteIdent(schema);
  return STREAMFLOW_TABLES.map((table) => {
    const columns = table.columns.map(
      (c) => `${quoteIdent(c.name)} ${c.type}${table.key.includes(c.name) ? ' NOT NULL' : ''}`,
    );
    const constraints = [`PRIMARY KEY (${table.key.map(quoteIdent).join(', ')})`];
    if (table.name !== 'users') {
      constraints.push(`FOREIGN KEY ("user_id") REFERENCES ${s}."users" ("user_id")`);
    }
    return `CREATE TABLE IF NOT EXISTS ${s}.${quoteIdent(table.name)} (${[...columns, ...constraints].join(', ')})`;
  });
}

/**
 * The bundled snapshot query: the original feature table (user_id, the 14 features, churn_label) for the as_of
 * bound to `$1`. Subscriptions define the population of a snapshot; the other groups are left-joined so a user
 * without usage or support rows still appears (with NULL features), as in the Feast point-in-time join.
 */
export function streamflowSnapshotQuery(schema: string): string {
  const s = quoteIdent(schema);
  const groups: [string, string][] = [
    ['subscriptions_profile_snapshots', 'sp'],
    ['usage_agg_30d_snapshots', 'ua'],
    ['payments_agg_90d_snapshots', 'pa'],
    ['support_agg_90d_snapshots', 'sa'],
    ['labels', 'lb'],
  ];
  const select = ['sp."user_id"'];
  for (const [name, alias] of groups) {
    const table = STREAMFLOW_TABLES.find((t) => t.name === name)!;
    for (const column of table.columns.slice(2)) select.push(`${alias}.${quoteIdent(column.name)}`);
  }
  const joins = groups
    .slice(1)
    .map(
      ([name, alias]) =>
        `LEFT JOIN ${s}.${quoteIdent(name)} ${alias} ON ${alias}."user_id" = sp."user_id" AND ${alias}."as_of" = sp."as_of"`,
    );
  return [
    `SELECT ${select.join(', ')}`,
    `FROM ${s}."subscriptions_profile_snapshots" sp`,
    ...joins,
    'WHERE sp."as_of" = $1',
  ].join('\n');
}

/** The table whose distinct as_of values are the StreamFlow snapshots. */
export const STREAMFLOW_AS_OF_TABLE = 'subscriptions_profile_snapshots';

/**
 * The as_of of fixture `month_NNN.csv`: the last day of the month, month_000 = 2024-01-31.
 *
 * @example
 * streamflowAsOfOfMonth(1); // => '2024-02-29'
 */
export function streamflowAsOfOfMonth(month: number): string {
  return new Date(Date.UTC(2024, month + 1, 0)).toISOString().slice(0, 10);
}
