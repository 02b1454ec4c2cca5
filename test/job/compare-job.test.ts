// The compare job shared by the CLI and the action: one path from settings to written reports.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARE_FLAGS } from '../../src/cli/commands/compare.js';
import { runCompareJob } from '../../src/job/compare-job.js';
import { parseCompareSettings } from '../../src/job/compare-settings.js';

const fixtures = resolve('fixtures/streamflow');

function settings(extra: Record<string, string>, cwd: string) {
  return parseCompareSettings(
    {
      reference: join(fixtures, 'month_000.csv'),
      current: join(fixtures, 'month_001.csv'),
      idColumn: 'user_id',
      target: 'churn_label',
      ...extra,
    },
    COMPARE_FLAGS,
    { cwd, env: {} },
  );
}

describe('runCompareJob', () => {
  it('writes every format under the report directory (relative to the working directory) and nothing else', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'driftwatch-job-'));
    const outcome = await runCompareJob(settings({ reportDir: 'out' }, cwd));
    expect(outcome.files).toEqual({
      json: join('out', 'drift_month_000_vs_month_001.json'),
      html: join('out', 'drift_month_000_vs_month_001.html'),
      md: join('out', 'drift_month_000_vs_month_001.md'),
    });
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual([
      'drift_month_000_vs_month_001.html',
      'drift_month_000_vs_month_001.json',
      'drift_month_000_vs_month_001.md',
    ]);
    expect(outcome.decisionLine).toMatch(
      /^\[driftwatch\] report_html=out\/drift_month_000_vs_month_001\.html /,
    );
    expect(JSON.parse(readFileSync(join(cwd, outcome.files.json!), 'utf8'))).toMatchObject({
      reference: { label: 'month_000', rows: 7043 },
    });
  });

  it('links the full report from the Markdown only when a report URL is set (no placeholder)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'driftwatch-job-'));
    const plain = await runCompareJob(settings({ reportDir: 'plain', formats: 'md' }, cwd));
    const linked = await runCompareJob(
      settings({ reportDir: 'linked', formats: 'md', reportUrl: 'https://example.test/runs/7' }, cwd),
    );
    const text = (file: string) => readFileSync(join(cwd, file), 'utf8');
    expect(text(plain.files.md!)).not.toMatch(/report_url|Full report/);
    expect(text(linked.files.md!).endsWith('Full report: https://example.test/runs/7\n')).toBe(true);
  });
});
