/**
 * `driftwatch db load-fixtures`: creates the StreamFlow schema in PostgreSQL and loads the fixture CSVs with COPY.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import { parseStatementTimeout, resolveDatabaseUrl } from '../../job/database-settings.js';
import { DATABASE_FLAGS, rawDatabaseSettings } from '../database-flags.js';
import { type FixtureFile, loadStreamflowFixtures } from '../../snapshot/postgres/load-fixtures.js';
import { streamflowAsOfOfMonth } from '../../snapshot/postgres/streamflow.js';
import { parseFlags } from '../args.js';
import type { CliIo, Command } from '../io.js';

const DEFAULT_DIR = 'fixtures/streamflow';

const usage = `Usage: driftwatch db load-fixtures [--database-url URL] [--schema S] [--dir DIR]

Creates the StreamFlow tables (users, subscriptions_profile_snapshots, usage_agg_30d_snapshots,
payments_agg_90d_snapshots, support_agg_90d_snapshots, labels; snapshot tables keyed by user_id and as_of)
and loads DIR/month_NNN.csv as as_of = last day of month NNN from 2024-01 (month_000 = 2024-01-31).
Idempotent: reloading replaces each as_of's rows. An existing table with other columns is an error.

  --database-url URL        postgresql://user@host:5432/db (default: $DATABASE_URL); the password is never printed
  --schema S                schema to create the tables in (default public)
  --dir DIR                 directory of month_NNN.csv files (default ${DEFAULT_DIR})
  --statement-timeout S     statement_timeout in seconds (default 600)

Exit codes: 0 loaded, 2 usage, file or database error.`;

const flags = {
  'database-url': { type: 'string' },
  schema: { type: 'string' },
  dir: { type: 'string' },
  'statement-timeout': { type: 'string' },
} as const;

/** The month_NNN.csv files of a directory, oldest first, with their as_of values. */
export function fixtureFiles(dir: string, cwd: string): FixtureFile[] {
  const absolute = isAbsolute(dir) ? dir : join(cwd, dir);
  let names: string[];
  try {
    names = readdirSync(absolute);
  } catch {
    throw new UserError('FILE_NOT_FOUND', `--dir: cannot read directory ${dir}`);
  }
  const files = names
    .map((name) => /^month_(\d{3})\.csv$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => ({ path: join(absolute, match[0]), asOf: streamflowAsOfOfMonth(Number(match[1])) }));
  if (files.length === 0) throw new UserError('FILE_NOT_FOUND', `--dir: no month_NNN.csv files in ${dir}`);
  return files;
}

export const dbLoadFixturesCommand: Command = {
  name: 'db load-fixtures',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const values = parseFlags('db load-fixtures', argv, flags);
    const schema = values.schema ?? 'public';
    if (schema.trim() === '') throw new UserError('USAGE', '--schema: the value is empty');
    const raw = rawDatabaseSettings(values);
    const loaded = await loadStreamflowFixtures({
      databaseUrl: resolveDatabaseUrl(raw, DATABASE_FLAGS, io.env),
      schema,
      files: fixtureFiles(values.dir ?? DEFAULT_DIR, io.cwd),
      statementTimeoutMs: parseStatementTimeout(raw, DATABASE_FLAGS),
    });
    for (const item of loaded) io.stdout.write(`loaded ${schema} as_of=${item.asOf} rows=${item.rows}\n`);
    return ExitCode.Ok;
  },
};
