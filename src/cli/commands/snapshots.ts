/**
 * `driftwatch snapshots`: lists the as_of values of a Postgres as-of table (or of the StreamFlow schema) with
 * their row counts, oldest first.
 */
import { ExitCode, UserError } from '../../errors.js';
import { listPostgresSnapshots } from '../../snapshot/postgres/index.js';
import {
  parseSnapshotQuerySource,
  parseConnectRetries,
  parseStatementTimeout,
  resolveDatabaseUrl,
} from '../../job/database-settings.js';
import { STREAMFLOW_QUERY_NAME } from '../../snapshot/postgres/source.js';
import { DATABASE_FLAGS, rawDatabaseSettings } from '../database-flags.js';
import { parseFlags } from '../args.js';
import type { CliIo, Command } from '../io.js';

const usage = `Usage: driftwatch snapshots --database-url URL (--table T [--as-of-column C] | --query streamflow [--schema S])

Lists the as_of values of an as-of table with their row counts, oldest first (tab-separated, or JSON with --json).

  --database-url URL        postgresql://user@host:5432/db (default: $DATABASE_URL); the password is never printed
  --table T                 as-of table ([schema.]table)
  --as-of-column C          its snapshot date column (default as_of)
  --query ${STREAMFLOW_QUERY_NAME}        the StreamFlow tables (as_of values of subscriptions_profile_snapshots)
  --schema S                schema of the StreamFlow tables (default public)
  --statement-timeout S     statement_timeout in seconds (default 600)
  --connect-retries N       retries of a connection lost before the as_of values were read (default 1)
  --json                    print [{"as_of": ..., "rows": ...}] instead of lines

Exit codes: 0 listed, 2 usage or database error.`;

const flags = {
  'database-url': { type: 'string' },
  table: { type: 'string' },
  'as-of-column': { type: 'string' },
  query: { type: 'string' },
  schema: { type: 'string' },
  'statement-timeout': { type: 'string' },
  'connect-retries': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const snapshotsCommand: Command = {
  name: 'snapshots',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const values = parseFlags('snapshots', argv, flags);
    if (values.query !== undefined && values.query.trim() !== STREAMFLOW_QUERY_NAME) {
      throw new UserError(
        'USAGE',
        `snapshots: --query only accepts '${STREAMFLOW_QUERY_NAME}' (list a custom query's table with --table)`,
      );
    }
    const raw = rawDatabaseSettings(values);
    const databaseUrl = resolveDatabaseUrl(raw, DATABASE_FLAGS, io.env);
    const source = parseSnapshotQuerySource(raw, DATABASE_FLAGS);
    const listed = await listPostgresSnapshots(
      databaseUrl,
      source,
      parseStatementTimeout(raw, DATABASE_FLAGS),
      parseConnectRetries(raw, DATABASE_FLAGS),
      DATABASE_FLAGS,
    );
    if (values.json) {
      io.stdout.write(JSON.stringify(listed.map((item) => ({ as_of: item.asOf, rows: item.rows }))) + '\n');
    } else {
      io.stdout.write('as_of\trows\n');
      for (const item of listed) io.stdout.write(`${item.asOf}\t${item.rows}\n`);
    }
    return ExitCode.Ok;
  },
};
