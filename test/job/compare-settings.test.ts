/**
 * The one compare settings parser, shared by `driftwatch compare` (flags) and the action (inputs): both surfaces
 * offer the same settings, every message names the setting as the surface does, and every error carries the
 * setting's canonical name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPARE_INPUTS } from '../../src/action/inputs.js';
import { COMPARE_FLAGS, COMPARE_FLAG_OPTIONS } from '../../src/cli/commands/compare.js';
import { UserError } from '../../src/errors.js';
import { parseCompareSettings, type RawCompareSettings } from '../../src/job/compare-settings.js';
import { COMPARE_FIELDS, type CompareNames } from '../../src/job/settings.js';

const context = { cwd: '/work', env: {} as NodeJS.ProcessEnv };
const files: RawCompareSettings = { reference: 'a.csv', current: 'b.csv' };

function failure(raw: RawCompareSettings, names: CompareNames = COMPARE_FLAGS, env = context.env): UserError {
  try {
    parseCompareSettings(raw, names, { ...context, env });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).not.toContain('\n');
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('the CLI and the action offer the same compare settings', () => {
  it('map every setting, each to its own name', () => {
    expect(Object.keys(COMPARE_FLAGS).sort()).toEqual([...COMPARE_FIELDS].sort());
    expect(Object.keys(COMPARE_INPUTS).sort()).toEqual([...COMPARE_FIELDS].sort());
    expect(new Set(Object.values(COMPARE_FLAGS)).size).toBe(COMPARE_FIELDS.length);
    expect(new Set(Object.values(COMPARE_INPUTS)).size).toBe(COMPARE_FIELDS.length);
  });

  it('the compare command declares exactly these flags', () => {
    expect(
      Object.keys(COMPARE_FLAG_OPTIONS)
        .map((flag) => `--${flag}`)
        .sort(),
    ).toEqual(Object.values(COMPARE_FLAGS).sort());
  });

  it('action.yml declares every one of these inputs', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
    for (const input of Object.values(COMPARE_INPUTS))
      expect(Object.keys(action.inputs), input).toContain(input);
  });
});

describe('parseCompareSettings', () => {
  it('applies the defaults', () => {
    const settings = parseCompareSettings(files, COMPARE_FLAGS, context);
    expect(settings).toEqual({
      reference: { kind: 'file', path: 'a.csv' },
      current: { kind: 'file', path: 'b.csv' },
      referenceLabel: undefined,
      currentLabel: undefined,
      reportDir: 'reports',
      formats: ['json', 'html', 'md'],
      reportUrl: undefined,
      failOnDrift: false,
      quiet: false,
      cwd: '/work',
      names: COMPARE_FLAGS,
      drift: {
        columns: undefined,
        exclude: [],
        numerical: [],
        categorical: [],
        idColumn: undefined,
        timestampColumn: undefined,
        target: undefined,
        stattest: { all: undefined, byType: {}, byColumn: {} },
        threshold: { all: undefined, byType: {}, byColumn: {} },
        driftShare: 0.5,
        retrainThreshold: 0.3,
        bins: undefined,
        seed: 0,
        correction: undefined,
        missingDrift: false,
        allowEmpty: false,
      },
    });
  });

  it('reads one grammar from either surface: lists split at commas and newlines, repeatable specs, booleans', () => {
    const fromFlags = parseCompareSettings(
      {
        ...files,
        columns: 'a, b',
        stattest: ['numerical=ks', 'fee=psi,categorical=chisquare'],
        threshold: ['0.2'],
        missingDrift: true,
        failOnDrift: true,
      } as RawCompareSettings,
      COMPARE_FLAGS,
      context,
    );
    const fromInputs = parseCompareSettings(
      {
        ...files,
        columns: 'a\nb',
        stattest: 'numerical=ks\nfee=psi, categorical=chisquare',
        threshold: '0.2',
        missingDrift: 'true',
        failOnDrift: 'True',
      },
      COMPARE_INPUTS,
      context,
    );
    for (const settings of [fromFlags, fromInputs]) {
      expect(settings.drift).toMatchObject({
        columns: ['a', 'b'],
        stattest: { byType: { numerical: 'ks', categorical: 'chisquare' }, byColumn: { fee: 'psi' } },
        threshold: { all: 0.2 },
        missingDrift: true,
      });
      expect(settings.failOnDrift).toBe(true);
    }
  });

  it('builds database sources from the database settings (DATABASE_URL by default)', () => {
    const settings = parseCompareSettings(
      { table: 'analytics.features', compute: 'database', referenceAsOf: '2024-01-31' },
      COMPARE_FLAGS,
      { ...context, env: { DATABASE_URL: 'postgresql://reader@db/features' } },
    );
    expect(settings.reference).toEqual({
      kind: 'postgres',
      asOf: { kind: 'value', value: '2024-01-31' },
      database: {
        databaseUrl: 'postgresql://reader@db/features',
        source: { kind: 'table', table: { schema: 'analytics', table: 'features' }, asOfColumn: 'as_of' },
        statementTimeoutMs: 600_000,
        connectRetries: 1,
        compute: 'database',
      },
    });
    expect(settings.current).toMatchObject({ kind: 'postgres', asOf: { kind: 'latest' } });
  });

  // The same mistake, named as each surface names the setting; `field` is the canonical name.
  it.each([
    [
      { ...files, driftShare: 'half' },
      'driftShare',
      "--drift-share: 'half' is not a number",
      "drift-share: 'half' is not a number",
    ],
    [
      { ...files, retrainThreshold: '1.5' },
      'retrainThreshold',
      '--retrain-threshold: 1.5 is out of range (must be between 0 and 1)',
      'retrain-threshold: 1.5 is out of range (must be between 0 and 1)',
    ],
    [
      { ...files, bins: '0' },
      'bins',
      '--bins: 0 is out of range (must be between 1 and 10000)',
      'bins: 0 is out of range (must be between 1 and 10000)',
    ],
    [
      { ...files, seed: '1.5' },
      'seed',
      '--seed: 1.5 is not a whole number',
      'seed: 1.5 is not a whole number',
    ],
    [
      { ...files, stattest: 'kss' },
      'stattest',
      "--stattest: unknown stattest 'kss'",
      "stattest: unknown stattest 'kss'",
    ],
    [
      { ...files, threshold: '0' },
      'threshold',
      '--threshold: threshold 0 is out of range (must be between 0 and 1 for a p-value test, above 0 for a distance)',
      'threshold: threshold 0 is out of range (must be between 0 and 1 for a p-value test, above 0 for a distance)',
    ],
    [
      { ...files, threshold: '=0.1' },
      'threshold',
      "--threshold: '=0.1' has no column name before '='",
      "threshold: '=0.1' has no column name before '='",
    ],
    [
      { ...files, formats: 'pdf' },
      'formats',
      "--format: unknown format 'pdf'",
      "formats: unknown format 'pdf'",
    ],
    [
      { ...files, correction: 'sidak' },
      'correction',
      "--correction: unknown method 'sidak'",
      "correction: unknown method 'sidak'",
    ],
    [
      { ...files, inputFormat: 'xls' },
      'inputFormat',
      "--input-format: unknown format 'xls'",
      "input-format: unknown format 'xls'",
    ],
    [
      { ...files, missingDrift: 'yes' },
      'missingDrift',
      "--missing-drift: 'yes' is not a boolean",
      "missing-drift: 'yes' is not a boolean",
    ],
    [
      { ...files, referenceLabel: ' ' },
      'referenceLabel',
      '--reference-label: the label is empty',
      'reference-label: the label is empty',
    ],
    [
      { ...files, reportUrl: 'ftp://x/y' },
      'reportUrl',
      "--report-url: 'ftp://x/y' must be an http(s) URL",
      "report-url: 'ftp://x/y' must be an http(s) URL",
    ],
    [{ reference: 'a.csv' }, 'current', '--current is required', 'current is required'],
    [
      { reference: 'a.dat', current: 'b.csv' },
      'reference',
      "--reference: cannot tell the format of 'a.dat' from its extension; set --input-format to one of csv, tsv, jsonl, parquet",
      "reference: cannot tell the format of 'a.dat' from its extension; set input-format to one of csv, tsv, jsonl, parquet",
    ],
    [
      { ...files, table: 't' },
      'reference',
      '--reference/--current (files) cannot be combined with --database-url/--table/--query',
      'reference/current (files) cannot be combined with database-url/table/query',
    ],
    [
      { table: 't' },
      'databaseUrl',
      '--database-url is required (or set DATABASE_URL)',
      'database-url is required (or set DATABASE_URL)',
    ],
    [
      { table: 't', compute: 'gpu', databaseUrl: 'postgresql://h/db' },
      'compute',
      "--compute: unknown mode 'gpu' (known: memory, database)",
      "compute: unknown mode 'gpu' (known: memory, database)",
    ],
    [
      { query: 'streamflow', table: 't', databaseUrl: 'postgresql://h/db' },
      'table',
      '--table cannot be combined with --query streamflow',
      'table cannot be combined with query streamflow',
    ],
    [
      { table: 't', currentAsOf: 'previous', databaseUrl: 'postgresql://h/db' },
      'currentAsOf',
      "--current-as-of: 'previous' is not allowed here",
      "current-as-of: 'previous' is not allowed here",
    ],
    [
      { table: 't', connectRetries: '11', databaseUrl: 'postgresql://h/db' },
      'connectRetries',
      "--connect-retries: '11' is not a whole number from 0 to 10",
      "connect-retries: '11' is not a whole number from 0 to 10",
    ],
    [
      { query: 'SELECT 1; DROP TABLE t', databaseUrl: 'postgresql://h/db' },
      'query',
      '--query: only one statement is allowed',
      'query: only one statement is allowed',
    ],
    [
      { table: 't', statementTimeout: '0', databaseUrl: 'postgresql://h/db' },
      'statementTimeout',
      "--statement-timeout: '0' is not a positive number of seconds",
      "statement-timeout: '0' is not a positive number of seconds",
    ],
  ] as [RawCompareSettings, string, string, string][])(
    '%o fails on %s',
    (raw, field, cliMessage, actionMessage) => {
      const cli = failure(raw, COMPARE_FLAGS);
      const action = failure(raw, COMPARE_INPUTS);
      expect(cli.message.startsWith(cliMessage), cli.message).toBe(true);
      expect(action.message.startsWith(actionMessage), action.message).toBe(true);
      expect([cli.field, action.field]).toEqual([field, field]);
    },
  );
});
