// What a report may contain and where it may go: a label never makes a report file leave the report directory
// (path separators, `..`, NUL, absolute paths, very long labels), and a huge cell is quoted capped, not copied.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXAMPLE_LENGTH } from '../../src/drift/example-value.js';
import { cli } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'dw-reports-'));
const reference = join(work, 'ref.csv');
const current = join(work, 'cur.csv');
writeFileSync(
  reference,
  'x,c\n' + Array.from({ length: 50 }, (_, i) => `${i},${'abc'[i % 3]}`).join('\n') + '\n',
);
writeFileSync(
  current,
  'x,c\n' + Array.from({ length: 50 }, (_, i) => `${i + 3},${'abd'[i % 3]}`).join('\n') + '\n',
);

describe('report file names built from labels stay in the report directory', () => {
  it.each([
    ['../../escape', '..-..-escape'],
    ['a/b/c', 'a-b-c'],
    ['..', '--'],
    ['.', '-'],
    ['x\0y', 'x-y'],
    ['/etc/passwd', '-etc-passwd'],
    ['C:\\temp\\x', 'C-temp-x'],
    ['x'.repeat(1000), 'x'.repeat(80)],
  ])('label %j makes the file part %j', async (label, part) => {
    const root = mkdtempSync(join(work, 'case-'));
    const reports = join(root, 'reports');
    mkdirSync(reports);
    const run = await cli(
      [
        'compare',
        '--reference',
        reference,
        '--current',
        current,
        '--reference-label',
        label,
        '--current-label',
        label,
        '--report-dir',
        reports,
      ],
      root,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Only the report directory was written to, with the three files directly in it.
    expect(readdirSync(root)).toEqual(['reports']);
    expect(readdirSync(reports).sort()).toEqual(
      ['html', 'json', 'md'].map((extension) => `drift_${part}_vs_${part}.${extension}`),
    );
    for (const name of readdirSync(reports)) expect(statSync(join(reports, name)).isFile()).toBe(true);
    // The report itself keeps the label as given.
    const report = JSON.parse(readFileSync(join(reports, `drift_${part}_vs_${part}.json`), 'utf8')) as {
      reference: { label: string };
    };
    expect(report.reference.label).toBe(label);
  });
});

describe('a huge cell is quoted capped', () => {
  it(`a 2 MB category is quoted as its first ${MAX_EXAMPLE_LENGTH} characters and an ellipsis, in every report`, async () => {
    const huge = 'H'.repeat(2_000_000);
    const rows = (other: string) =>
      'c\n' +
      Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? huge : `${other}${i % 3}`)).join('\n') +
      '\n';
    const ref = join(work, 'huge_ref.csv');
    const cur = join(work, 'huge_cur.csv');
    writeFileSync(ref, rows('a'));
    writeFileSync(cur, rows('b'));
    const reports = join(work, 'huge-reports');
    const run = await cli([
      'compare',
      '--reference',
      ref,
      '--current',
      cur,
      '--categorical',
      'c',
      '--report-dir',
      reports,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const quoted = `${'H'.repeat(MAX_EXAMPLE_LENGTH)}…`;
    for (const name of readdirSync(reports)) {
      const text = readFileSync(join(reports, name), 'utf8');
      expect(text.length, name).toBeLessThan(500_000);
      expect(text, name).not.toContain('H'.repeat(MAX_EXAMPLE_LENGTH + 1));
    }
    const report = JSON.parse(readFileSync(join(reports, 'drift_huge_ref_vs_huge_cur.json'), 'utf8')) as {
      columns: { column: string; distribution: { categories: string[] } }[];
      summary?: unknown;
    };
    expect(report.columns[0]!.distribution.categories).toContain(quoted);
    expect(JSON.stringify(report)).toContain(`"value":"${quoted}"`);
  });
});
