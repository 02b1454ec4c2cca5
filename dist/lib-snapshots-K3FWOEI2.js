import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  listPostgresSnapshots
} from "./lib-chunk-TYJUPXUY.js";
import "./lib-chunk-7HTYFNDI.js";
import "./lib-chunk-TVMZ53SN.js";
import {
  DATABASE_FLAGS,
  parseConnectRetries,
  parseSnapshotQuerySource,
  parseStatementTimeout,
  rawDatabaseSettings,
  resolveDatabaseUrl
} from "./lib-chunk-Z4AMWMD4.js";
import "./lib-chunk-RMK2IS6S.js";
import {
  parseFlags
} from "./lib-chunk-RCRKTVFD.js";
import {
  STREAMFLOW_QUERY_NAME
} from "./lib-chunk-PN6SSXAQ.js";
import "./lib-chunk-3MDFVLDT.js";
import "./lib-chunk-XVY6L3DS.js";
import "./lib-chunk-R6DACXVA.js";
import "./lib-chunk-B5PSUBWR.js";
import {
  ExitCode,
  UserError
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/cli/commands/snapshots.ts
var usage = `Usage: driftwatch snapshots --database-url URL (--table T [--as-of-column C] | --query streamflow [--schema S])

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
var flags = {
  "database-url": { type: "string" },
  table: { type: "string" },
  "as-of-column": { type: "string" },
  query: { type: "string" },
  schema: { type: "string" },
  "statement-timeout": { type: "string" },
  "connect-retries": { type: "string" },
  json: { type: "boolean" }
};
var snapshotsCommand = {
  name: "snapshots",
  usage,
  async run(argv, io) {
    const values = parseFlags("snapshots", argv, flags);
    if (values.query !== void 0 && values.query.trim() !== STREAMFLOW_QUERY_NAME) {
      throw new UserError(
        "USAGE",
        `snapshots: --query only accepts '${STREAMFLOW_QUERY_NAME}' (list a custom query's table with --table)`
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
      DATABASE_FLAGS
    );
    if (values.json) {
      io.stdout.write(JSON.stringify(listed.map((item) => ({ as_of: item.asOf, rows: item.rows }))) + "\n");
    } else {
      io.stdout.write("as_of	rows\n");
      for (const item of listed) io.stdout.write(`${item.asOf}	${item.rows}
`);
    }
    return ExitCode.Ok;
  }
};
export {
  snapshotsCommand
};
