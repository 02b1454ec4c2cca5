import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type DriftReport } from '../../src/drift/report.js';
import { STATTEST_IDS } from '../../src/drift/types.js';
import { renderJson } from '../../src/report/json.js';
import { REPORT_SCHEMA_PATH, reportSchema, validateReport } from '../../src/report/schema.js';
import { templates } from '../../src/report/templates.generated.js';
import { streamflowReport, syntheticReport } from './helpers.js';

/** The report as a JSON report file holds it. */
async function parsedReport(): Promise<Record<string, unknown>> {
  return JSON.parse(renderJson(await streamflowReport(1))) as Record<string, unknown>;
}

describe('report JSON schema', () => {
  it('is the draft 2020-12 file shipped in the package', () => {
    const onDisk = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual(reportSchema);
    expect(onDisk.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
    expect(pkg.files).toContain(REPORT_SCHEMA_PATH.split('/')[0]);
  });

  it('pins schema_version to the engine version and lists every stat test', () => {
    const properties = reportSchema.properties as Record<string, { const?: unknown }>;
    expect(properties.schema_version!.const).toBe(SCHEMA_VERSION);
    expect((reportSchema.$defs.stattest as { enum: string[] }).enum).toEqual([...STATTEST_IDS]);
  });

  it('accepts real reports: both StreamFlow months and a synthetic table with every column kind', async () => {
    for (const report of [
      await streamflowReport(1),
      await streamflowReport(2),
      await syntheticReport({ rows: 2000, columns: 8, seed: 3, shift: 0.5 }),
    ]) {
      expect(validateReport(JSON.parse(renderJson(report)))).toEqual([]);
    }
  });

  it('accepts additive fields anywhere', async () => {
    const report = await parsedReport();
    report.future_block = { reference: { rows: 1 }, current: { rows: 1 } };
    ((report.columns as Record<string, unknown>[])[0]!.effect as Record<string, unknown>).cohens_d = 0.2;
    (report.columns as Record<string, unknown>[])[0]!.future_metric = 0.5;
    expect(validateReport(report)).toEqual([]);
  });

  it('checks the documented additive blocks', async () => {
    const report = await parsedReport();
    report.summary = { reference: { rows: 1 }, current: { rows: 1 } };
    expect(validateReport(report).join('\n')).toMatch(/summary\/reference must have required property/);
  });

  it.each([
    [
      'a missing decision',
      (report: Record<string, unknown>) => delete report.decision,
      "must have required property 'decision'",
    ],
    [
      'another schema version',
      (report: Record<string, unknown>) => (report.schema_version = 2),
      '/schema_version must be equal to constant',
    ],
    [
      'drift_share above 1',
      (report: Record<string, unknown>) => (report.drift_share = 1.5),
      '/drift_share must be <= 1',
    ],
    [
      'an unknown stat test',
      (report: Record<string, unknown>) =>
        ((report.columns as DriftReport['columns'])[0]!.stattest = 'kstest' as never),
      '/columns/0/stattest',
    ],
    [
      'an unknown action',
      (report: Record<string, unknown>) => ((report.decision as Record<string, unknown>).action = 'ALERT'),
      '/decision/action must be equal to one of the allowed values',
    ],
    [
      'a histogram without counts',
      (report: Record<string, unknown>) => {
        const column = (report.columns as DriftReport['columns']).find(
          (candidate) => candidate.column_type === 'numerical',
        )!;
        delete (column.distribution as unknown as Record<string, unknown>).current_counts;
      },
      'current_counts',
    ],
  ])('rejects %s', async (_name, mutate, message) => {
    const report = await parsedReport();
    mutate(report);
    const errors = validateReport(report);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(message);
  });
});

describe('embedded templates', () => {
  it('match src/report/templates/*.mustache (run `npm run templates` after editing one)', () => {
    const directory = 'src/report/templates';
    const files = readdirSync(directory).filter((name) => name.endsWith('.mustache'));
    expect(Object.keys(templates).sort()).toEqual(
      files.map((name) => name.replace(/\.mustache$/, '')).sort(),
    );
    for (const name of files) {
      expect(templates[name.replace(/\.mustache$/, '') as keyof typeof templates]).toBe(
        readFileSync(`${directory}/${name}`, 'utf8'),
      );
    }
  });
});
