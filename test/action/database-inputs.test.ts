// The action's PostgreSQL inputs: parsed like the CLI flags, the URL and its password masked first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getInputs } from '../../src/action/inputs.js';
import { UserError } from '../../src/errors.js';
import { RecordingLogger } from '../support/recording-logger.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-pg-inputs-'));
const event = path.join(dir, 'cron.json');
writeFileSync(event, JSON.stringify({ schedule: '17 6 1 * *', repository: { default_branch: 'main' } }));

function parse(inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = {
    GITHUB_REPOSITORY: 'acme/churn',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: event,
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: dir,
    'INPUT_GITHUB-TOKEN': 'ghs_token',
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const masked: string[] = [];
  const settings = getInputs(env, (secret) => masked.push(secret), new RecordingLogger());
  return { settings, masked };
}

describe('action PostgreSQL inputs', () => {
  it('builds database sources and masks the URL and its password', () => {
    const { settings, masked } = parse({
      'database-url': 'postgresql://reader:p%40ss@db.internal:5432/features',
      query: 'streamflow',
      schema: 'offline',
      'reference-as-of': '2024-01-31',
      compute: 'database',
      'connect-retries': '3',
    });
    expect(masked).toEqual(
      expect.arrayContaining(['postgresql://reader:p%40ss@db.internal:5432/features', 'p%40ss', 'p@ss']),
    );
    expect(settings.compare.reference).toEqual({
      kind: 'postgres',
      asOf: { kind: 'value', value: '2024-01-31' },
      database: {
        databaseUrl: 'postgresql://reader:p%40ss@db.internal:5432/features',
        source: { kind: 'streamflow', schema: 'offline' },
        statementTimeoutMs: 600_000,
        connectRetries: 3,
        compute: 'database',
      },
    });
    expect(settings.compare.current).toMatchObject({ kind: 'postgres', asOf: { kind: 'latest' } });
  });

  it('takes DATABASE_URL from the environment and masks it too', () => {
    const { settings, masked } = parse(
      { table: 'analytics.features', 'as-of-column': 'snapshot_date' },
      { DATABASE_URL: 'postgres://svc:hunter2@10.0.0.5/db' },
    );
    expect(masked).toContain('hunter2');
    expect(settings.compare.reference).toMatchObject({
      kind: 'postgres',
      asOf: { kind: 'previous' },
      database: {
        source: {
          kind: 'table',
          table: { schema: 'analytics', table: 'features' },
          asOfColumn: 'snapshot_date',
        },
      },
    });
  });

  it('keeps file sources when no database input is set, and refuses both at once', () => {
    expect(parse({ reference: 'a.csv', current: 'b.csv' }).settings.compare.reference).toEqual({
      kind: 'file',
      path: 'a.csv',
    });
    expect(() => parse({ reference: 'a.csv', current: 'b.csv', table: 't' })).toThrow(UserError);
    expect(() => parse({ table: 't', compute: 'gpu', 'database-url': 'postgresql://h/db' })).toThrow(
      /^compute: unknown mode 'gpu' \(known: memory, database\)$/,
    );
    expect(() => parse({ table: 't' })).toThrow(/^database-url is required \(or set DATABASE_URL\)$/);
    expect(() => parse({ table: 't', 'database-url': 'postgresql://h/db', 'connect-retries': '-1' })).toThrow(
      /^connect-retries: '-1' is not a whole number from 0 to 10$/,
    );
    expect(() => parse({})).toThrow(/^reference is required$/);
  });
});
