import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/drift/report.js';
import { orderColumns } from '../../src/report/format.js';
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderMarkdown } from '../../src/report/markdown.js';
import { MAX_CHART_COLUMNS, mermaidLabel } from '../../src/report/mermaid.js';
import { STREAMFLOW_LABELS, expectValidReport, streamflowReport, syntheticReport } from './helpers.js';

/** GitHub's limit on an issue or PR comment body. */
const GITHUB_COMMENT_LIMIT = 65_536;

/** The fenced Mermaid blocks of a Markdown text. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
}

/** Values of `bar [...]`, `line [...]` or `x-axis [...]` in a Mermaid xychart. */
function listOf(chart: string, keyword: 'bar' | 'line' | 'x-axis'): string[] {
  const line = chart.split('\n').find((text) => text.trim().startsWith(`${keyword} [`));
  if (!line) throw new Error(`no ${keyword} in chart`);
  return line
    .slice(line.indexOf('[') + 1, line.lastIndexOf(']'))
    .split(', ')
    .map((item) => item.replace(/^"|"$/g, ''));
}

/** Rows of the Markdown table that follows `header` (up to the first non-table line). */
function tableRows(markdown: string, header: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) throw new Error(`no table with header ${header}`);
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('| ')) break;
    rows.push(line);
  }
  return rows;
}

const DRIFTED_HEADER = '| Column | Type | Test | Score | Threshold |';
const FULL_HEADER = '| Column | Drift | Type | Test | Score | Threshold |';

describe('renderMarkdown on the StreamFlow fixtures', () => {
  it('puts drift_share, decision, both thresholds and both labels on the first line', async () => {
    const report = await streamflowReport(2);
    const firstLine = renderMarkdown(report).split('\n')[0]!;
    expect(firstLine).toContain(report.decision.action);
    expect(firstLine).toContain(
      `drift share **${(report.drift_share * 100).toFixed(1).replace(/\.0$/, '')}%**`,
    );
    expect(firstLine).toContain(`${report.number_of_drifted_columns} of ${report.number_of_columns} columns`);
    expect(firstLine).toContain(`retrain threshold ${report.decision.retrain_threshold * 100}%`);
    expect(firstLine).toContain(`dataset drift threshold ${report.drift_share_threshold * 100}%`);
    expect(firstLine).toContain(`\`${STREAMFLOW_LABELS[0]}\` (7,043 rows)`);
    expect(firstLine).toContain(`\`${STREAMFLOW_LABELS[2]}\` (7,043 rows)`);
  });

  it('lists the drifted columns with test, score and threshold, then every column inside <details>', async () => {
    const report = await streamflowReport(2);
    const markdown = renderMarkdown(report);
    const drifted = orderColumns(report.columns).filter((column) => column.drift_detected);
    expect(drifted.length).toBeGreaterThan(0);
    expect(markdown).toContain(`### Drifted columns (${drifted.length})`);
    const driftedRows = tableRows(markdown, DRIFTED_HEADER);
    expect(driftedRows.map((row) => row.split(' | ')[0]!.slice(2))).toEqual(
      drifted.map((column) => `\`${column.column}\``),
    );
    for (const [index, column] of drifted.entries()) {
      expect(driftedRows[index]).toContain(` | ${column.stattest_name} | `);
    }
    const details = markdown.slice(markdown.indexOf('<details>'), markdown.indexOf('</details>'));
    expect(details).toContain(`All columns (${report.columns.length})`);
    expect(tableRows(details, FULL_HEADER)).toHaveLength(report.columns.length);
    expect(markdown).not.toContain('Full report');
    expect(markdown).not.toContain('{{');
    expect(markdown).not.toContain('not shown');
  });

  it('charts the scores against their thresholds in Mermaid xychart-beta, without an image', async () => {
    const report = await streamflowReport(1);
    const markdown = renderMarkdown(report);
    expect(markdown).not.toMatch(/!\[|<img/);
    const charts = mermaidBlocks(markdown);
    expect(charts.length).toBeGreaterThanOrEqual(1);
    const charted = new Set<string>();
    for (const chart of charts) {
      expect(chart.split('\n')).toContain('xychart-beta horizontal');
      // p-values are drawn as −log10 p (threshold likewise), distances as they are.
      const logScale = chart.includes('y-axis "−log10 p-value"');
      const drawn = (value: number) => (logScale ? -Math.log10(value) : value);
      const axisTop = Number(/y-axis "[^"]*" 0 --> ([\d.]+)/.exec(chart)![1]);
      const names = listOf(chart, 'x-axis');
      const bars = listOf(chart, 'bar').map(Number);
      const lines = listOf(chart, 'line').map(Number);
      expect(bars).toHaveLength(names.length);
      expect(lines).toHaveLength(names.length);
      for (const [index, name] of names.entries()) {
        const column = report.columns.find((candidate) => mermaidLabel(candidate.column) === name)!;
        expect(column).toBeDefined();
        expect(lines[index]).toBeCloseTo(drawn(column.threshold!), 3);
        const expected = Math.min(drawn(column.drift_score!), axisTop);
        expect(Math.abs(bars[index]! - expected)).toBeLessThanOrEqual(1e-3 * Math.max(1, expected));
        // Drift where the bar reaches the line, on both kinds of chart.
        expect(bars[index]! >= lines[index]!, name).toBe(column.drift_detected);
        expect(lines[index]!).toBeLessThanOrEqual(axisTop);
        charted.add(column.column);
      }
    }
    const scored = report.columns.filter((column) => column.skipped === null && column.drift_score !== null);
    expect(scored.length).toBeLessThanOrEqual(MAX_CHART_COLUMNS); // so every scored column is charted
    expect(charted.size).toBe(scored.length);
  });

  it('draws p-values on a −log10 axis: drifted columns stand out by how small their p-value is', async () => {
    // 300 rows: Evidently's defaults pick p-value tests (K-S, chi-square), some drifted, some not.
    const report = await syntheticReport({ rows: 300, columns: 12, seed: 5, shift: 0.4 });
    const drifted = report.columns.filter((column) => column.drift_detected).length;
    expect(drifted).toBeGreaterThan(0);
    expect(drifted).toBeLessThan(report.columns.length);
    const chart = mermaidBlocks(renderMarkdown(report)).find((text) => text.includes('−log10'))!;
    expect(chart).toBeDefined();
    const names = listOf(chart, 'x-axis');
    const bars = listOf(chart, 'bar').map(Number);
    const pValues = names.map(
      (name) => report.columns.find((column) => mermaidLabel(column.column) === name)!.drift_score!,
    );
    // Smaller p-value, longer bar; the 0.05 threshold sits at 1.301, not at the bottom of the axis.
    for (let i = 0; i < names.length; i++)
      for (let j = 0; j < names.length; j++)
        if (pValues[i]! < pValues[j]! && pValues[i]! > 0) expect(bars[i]!).toBeGreaterThanOrEqual(bars[j]!);
    expect(new Set(listOf(chart, 'line'))).toEqual(new Set(['1.301']));
    // Drift (p-value at or below 0.05) exactly where the bar reaches the line.
    for (const [index, name] of names.entries())
      expect(bars[index]! >= 1.301, name).toBe(pValues[index]! <= 0.05);
  });

  it('links the full report when a report URL is given, and nothing otherwise', async () => {
    const report = await streamflowReport(1);
    const linked = renderMarkdown(report, { reportUrl: 'https://github.com/acme/churn/actions/runs/42' });
    expect(linked.endsWith('\n\nFull report: https://github.com/acme/churn/actions/runs/42\n')).toBe(true);
    const unlinked = renderMarkdown(report);
    expect(unlinked.endsWith('</details>\n')).toBe(true);
    expect(unlinked).not.toContain('report_url');
  });
});

describe('renderMarkdown length bound', async () => {
  const longName = (index: number) =>
    `customer_feature_${String(index).padStart(4, '0')}_rolling_30d_mean_watch_minutes`;
  // 2,000 columns with long names: far more than one comment holds. `calm` has few drifted columns (only the full
  // table needs cutting), `wide` has about half drifted (the drifted table needs cutting too).
  const calm = await syntheticReport({ rows: 300, columns: 2000, seed: 11, shift: 0, name: longName });
  const wide = await syntheticReport({ rows: 300, columns: 2000, seed: 12, shift: 1.5, name: longName });

  /** The counts in the "N more rows not shown" notes, in order. */
  function leftOut(markdown: string): number[] {
    return [
      ...markdown.matchAll(/_([\d,]+) more rows? not shown \(comment length limit\)(; full report: \S+)?_/g),
    ].map((match) => Number(match[1]!.replace(/,/g, '')));
  }

  it('stays under the comment limit with 2,000 columns and says how many rows were left out', () => {
    const drifted = calm.columns.filter((column) => column.drift_detected).length;
    expect(drifted).toBeGreaterThan(0);
    expect(drifted).toBeLessThan(300);
    const reportUrl = `https://github.com/acme/churn/actions/runs/42/artifacts/${'7'.repeat(300)}`;
    const markdown = renderMarkdown(calm, { reportUrl });
    expect(markdown.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
    expect(DEFAULT_MARKDOWN_MAX_LENGTH).toBeLessThan(GITHUB_COMMENT_LIMIT);

    // Every drifted column is listed; the full table is cut, with a note pointing at the full report.
    expect(tableRows(markdown, DRIFTED_HEADER)).toHaveLength(drifted);
    const shownFull = tableRows(markdown, FULL_HEADER).length;
    expect(shownFull).toBeGreaterThan(100);
    expect(shownFull).toBeLessThan(calm.columns.length);
    expect(leftOut(markdown)).toEqual([calm.columns.length - shownFull]);
    expect(markdown).toContain(`not shown (comment length limit); full report: ${reportUrl}_`);
    // The headline and the end of the comment survive the cut.
    expect(markdown.split('\n')[0]).toContain(`of ${calm.number_of_columns.toLocaleString('en-US')} columns`);
    expect(markdown.trimEnd().endsWith(`Full report: ${reportUrl}`)).toBe(true);
    // Without a report URL the notes say the same without a link.
    const unlinked = renderMarkdown(calm);
    expect(unlinked.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
    expect(unlinked).toContain('not shown (comment length limit)_');
    expect(markdown).toContain('</details>');
  });

  it('cuts the drifted table too when it alone is too long', () => {
    const drifted = wide.columns.filter((column) => column.drift_detected).length;
    expect(drifted).toBeGreaterThan(700);
    const markdown = renderMarkdown(wide);
    expect(markdown.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
    const shownDrifted = tableRows(markdown, DRIFTED_HEADER).length;
    expect(shownDrifted).toBeGreaterThan(100);
    expect(tableRows(markdown, FULL_HEADER)).toHaveLength(0);
    expect(leftOut(markdown)).toEqual([drifted - shownDrifted, wide.columns.length]);
  });

  it('fills the budget rather than cutting early', () => {
    for (const report of [calm, wide]) {
      const markdown = renderMarkdown(report, { reportUrl: 'https://example.test/r' });
      expect(markdown.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
      // One more table row (about 130 characters) would not have fitted.
      expect(markdown.length).toBeGreaterThan(DEFAULT_MARKDOWN_MAX_LENGTH - 200);
    }
  });

  it('never exceeds smaller limits', () => {
    for (const maxLength of [20_000, 8_000, 3_000]) {
      const markdown = renderMarkdown(wide, { maxLength, reportUrl: 'https://example.test/r' });
      expect(markdown.length).toBeLessThanOrEqual(maxLength);
      expect(markdown.split('\n')[0]).toContain('drift share');
    }
  });

  it('respects any limit, with or without a report URL (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 70_000 }), fc.boolean(), (maxLength, withUrl) => {
        const options = withUrl ? { maxLength, reportUrl: 'https://example.test/run/1' } : { maxLength };
        const markdown = renderMarkdown(calm, options);
        expect(markdown.length).toBeLessThanOrEqual(maxLength);
        expect(markdown.startsWith('**')).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('rejects a limit that is not a positive integer', () => {
    for (const maxLength of [0, -5, 1.5, Number.NaN]) {
      expect(() => renderMarkdown(wide, { maxLength })).toThrow(/maxLength must be a positive integer/);
    }
  });

  it('keeps every row under the job-summary limit (1 MiB)', () => {
    const markdown = renderMarkdown(wide, { maxLength: 1_000_000 });
    expect(tableRows(markdown, FULL_HEADER)).toHaveLength(wide.columns.length);
    expect(markdown).not.toContain('not shown');
  });
});

describe('renderMarkdown escaping', () => {
  it('keeps pipes, HTML and backticks in column names from breaking the tables', async () => {
    const base = await streamflowReport(1);
    const report: DriftReport = structuredClone(base);
    report.columns[0]!.column = 'a|b <script>`x`</script>';
    report.columns[0]!.drift_detected = true;
    expectValidReport(report);
    const markdown = renderMarkdown(report);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('<code>a&#124;b &#60;script&#62;&#96;x&#96;&#60;/script&#62;</code>');
    for (const row of tableRows(markdown, FULL_HEADER)) expect(row.split(' | ')).toHaveLength(6);
  });

  it('keeps comparisons readable in the reason while neutralising tags and entities', async () => {
    const report: DriftReport = structuredClone(await streamflowReport(1));
    report.decision.reason = 'drift_share=0.07 < 0.30 <b>bold</b> &amp; | pipe';
    expectValidReport(report);
    const reasonLine = renderMarkdown(report).split('\n')[2];
    expect(reasonLine).toBe('> drift_share=0.07 < 0.30 &#60;b>bold&#60;/b> &#38;amp; &#124; pipe');
  });
});
