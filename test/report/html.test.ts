import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/drift/report.js';
import type { DataSummary } from '../../src/drift/summary.js';
import { driftSeverity, driftState, escapeXml } from '../../src/report/format.js';
import { renderHtml } from '../../src/report/html.js';
import { STREAMFLOW_LABELS, expectValidReport, streamflowReport } from './helpers.js';

/** The column table's rows: state class and column name, in document order. */
function tableRows(html: string): { state: string; column: string }[] {
  return [
    ...html.matchAll(/<tr class="(drifted|stable|skipped)"><td><a href="#col-\d+">(.*?)<\/a><\/td>/g),
  ].map((match) => ({ state: match[1]!, column: match[2]! }));
}

/** `data-column` of every chart, in document order. */
function chartColumns(html: string): string[] {
  return [...html.matchAll(/<svg class="chart" data-column="([^"]*)"/g)].map((match) => match[1]!);
}

/** Mustache's HTML escaping, for comparing names that pass through templates. */
function mustacheEscape(text: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '/': '&#x2F;',
    '`': '&#x60;',
    '=': '&#x3D;',
  };
  return text.replace(/[&<>"'`=/]/g, (character) => entities[character]!);
}

describe('renderHtml on the StreamFlow fixtures', () => {
  it('opens with the decision, drift_share against both thresholds, labels, row counts and the target', async () => {
    const report = await streamflowReport(2);
    const html = renderHtml(report);
    const top = html.slice(html.indexOf('<main>'), html.indexOf('id="columns"'));
    expect(top).toContain(
      `<div class="verdict">${report.decision.action === 'RETRAIN' ? '⚠' : '✓'} ${report.decision.action}</div>`,
    );
    expect(top).toContain(mustacheEscape(report.decision.reason));
    const share = `${(report.drift_share * 100).toFixed(1).replace(/\.0$/, '')}%`;
    expect(top).toContain(`<dt>drift share</dt><dd><strong>${share}</strong>`);
    expect(top).toContain(`<dt>retrain threshold</dt><dd>${report.decision.retrain_threshold * 100}%</dd>`);
    expect(top).toContain(`(threshold ${report.drift_share_threshold * 100}%)`);
    expect(top).toContain(`<strong>${STREAMFLOW_LABELS[0]}</strong> · 7,043 rows`);
    expect(top).toContain(`<strong>${STREAMFLOW_LABELS[2]}</strong> · 7,043 rows`);
    expect(top).toContain('<h2 id="target">Target: churn_label</h2>');
    expect(top).toMatch(/positive rate<\/dt><dd>reference \d+(\.\d)?% → current \d+(\.\d)?%/);
    // The gauge marks both thresholds with text, not only a colour.
    expect(top).toContain(`retrain ≥ ${report.decision.retrain_threshold * 100}%`);
    expect(top).toContain(`dataset drift ≥ ${report.drift_share_threshold * 100}%`);
  });

  it('tables every column, drifted first and then by distance past the threshold, with drift as text and shape', async () => {
    const report = await streamflowReport(2);
    const rows = tableRows(renderHtml(report));
    expect(rows.map((row) => row.column).sort()).toEqual(
      report.columns.map((column) => column.column).sort(),
    );
    const byName = new Map(report.columns.map((column) => [column.column, column]));
    const rank = { drifted: 0, stable: 1, skipped: 2 } as const;
    for (let i = 1; i < rows.length; i++) {
      const previous = byName.get(rows[i - 1]!.column)!;
      const next = byName.get(rows[i]!.column)!;
      expect(rank[driftState(previous)]).toBeLessThanOrEqual(rank[driftState(next)]);
      if (driftState(previous) === driftState(next)) {
        expect(driftSeverity(previous)).toBeGreaterThanOrEqual(driftSeverity(next));
      }
    }
    expect(rows.some((row) => row.state === 'drifted')).toBe(true);
    for (const row of rows) expect(row.state).toBe(driftState(byName.get(row.column)!));
    const html = renderHtml(report);
    const drifted = rows.filter((row) => row.state === 'drifted').length;
    expect(html.match(/<td><span class="state drifted">▲ drifted<\/span><\/td>/g)).toHaveLength(drifted);
    expect(html.match(/<td><span class="state stable">○ stable<\/span><\/td>/g)?.length ?? 0).toBe(
      rows.filter((row) => row.state === 'stable').length,
    );
  });

  it('draws one chart per column: histograms with shared edges for numbers, paired bars for categories', async () => {
    const report = await streamflowReport(1);
    const html = renderHtml(report);
    const charted = chartColumns(html);
    expect([...charted].sort()).toEqual(report.columns.map((column) => column.column).sort());
    for (const column of report.columns) {
      const distribution = column.distribution as {
        kind: string;
        bin_edges?: number[];
        categories?: string[];
      };
      const start = html.indexOf(`<svg class="chart" data-column="${escapeXml(column.column)}"`);
      const svg = html.slice(start, html.indexOf('</svg>', start));
      if (column.column_type === 'numerical') {
        expect(distribution.kind).toBe('histogram');
        // One filled reference bar per bin, one outlined step line for current.
        expect(svg.match(/<rect class="ref"[^>]*><title>/g)).toHaveLength(distribution.bin_edges!.length - 1);
        expect(svg.match(/<path class="cur"/g)).toHaveLength(1);
      } else {
        expect(distribution.kind).toBe('categories');
        const rows = distribution.categories!.length;
        expect(svg.match(/<rect class="ref" x="158"/g)!.length).toBeGreaterThanOrEqual(rows);
        expect(svg.match(/<rect class="cur" x="158"/g)!.length).toBe(
          svg.match(/<rect class="ref" x="158"/g)!.length,
        );
      }
    }
  });

  it('is self-contained: no script, no external reference, a CSP that forbids loading anything', async () => {
    const html = renderHtml(await streamflowReport(1));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(/i);
    expect(html).not.toMatch(/\s(src|href)="(?!#)/i);
    expect(html).not.toMatch(/https?:\/\//);
  });
});

describe('renderHtml content rules', () => {
  it('escapes column names and labels everywhere', async () => {
    const report: DriftReport = structuredClone(await streamflowReport(1));
    const hostile = '<img src=x onerror=alert(1)>"&';
    report.columns[0]!.column = hostile;
    report.current.label = '<b>march</b>';
    expectValidReport(report);
    const html = renderHtml(report);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>march</b>');
    expect(html).toContain(mustacheEscape(hostile));
    expect(chartColumns(html)).toContain(escapeXml(hostile));
  });

  it('shows the data summary of both snapshots: dataset counts on top, each column on its card', async () => {
    const report: DriftReport = structuredClone(await streamflowReport(1));
    // The summary block's shape (src/drift/summary.ts, DataSummaryPreset-like), with chosen values.
    const side = (mean: number, missing: number, topShare: number): DataSummary => ({
      rows: 7043,
      columns: 16,
      columns_by_type: { numerical: 8, categorical: 7, text: 1, datetime: 0 },
      duplicated_rows: 0,
      empty_rows: 0,
      empty_columns: 0,
      constant_columns: 0,
      almost_constant_columns: 0,
      missing_cells: { count: missing, share: missing / 7043 },
      by_column: [
        {
          column: 'monthly_fee',
          type: 'numerical',
          count: 7043 - missing,
          missing: { count: missing, share: missing / 7043 },
          distinct: 1500,
          min: 18.25,
          max: 118.75,
          mean,
          std: 30.09,
          quantiles: { '0.25': 35.5, '0.5': 70.35, '0.75': 89.85 },
        },
        {
          column: 'net_service',
          type: 'categorical',
          count: 7043,
          missing: { count: 0, share: 0 },
          distinct: 3,
          top: [{ value: 'Fiber optic', count: 3096, share: topShare }],
        },
      ],
    });
    report.summary = { reference: side(64.7617, 0, 0.4396), current: side(70.1254, 11, 0.5931) };
    expectValidReport(report);
    const html = renderHtml(report);
    const top = html.slice(html.indexOf('<h2 id="summary">Data summary</h2>'), html.indexOf('id="columns"'));
    expect(top).toContain('<tr><td>rows</td><td class="num">7,043</td><td class="num">7,043</td></tr>');
    expect(top).toContain('<td>missing cells</td><td class="num">0 (0%)</td><td class="num">11 (0.2%)</td>');
    expect(top).toContain('<td class="num">numerical 8 · categorical 7 · text 1 · datetime 0</td>');
    expect(top).not.toContain('by_column');
    const card = (name: string) => {
      const at = html.indexOf(`data-column="${name}"`);
      return html.slice(at, html.indexOf('</details>', at));
    };
    expect(card('monthly_fee')).toContain(
      '<tr><td>mean</td><td class="num">64.76</td><td class="num">70.13</td></tr>',
    );
    expect(card('monthly_fee')).toContain(
      '<tr><td>missing</td><td class="num">0 (0%)</td><td class="num">11 (0.2%)</td></tr>',
    );
    expect(card('monthly_fee')).toContain(
      '<tr><td>50th percentile</td><td class="num">70.35</td><td class="num">70.35</td></tr>',
    );
    expect(card('net_service')).toContain(
      '<tr><td>most frequent</td><td class="num">Fiber optic (44%)</td><td class="num">Fiber optic (59.3%)</td></tr>',
    );
  });

  it('types each column once for both summaries: no card shows numerical statistics on one side only', async () => {
    // rebuffer_events_7d has 11 distinct integers in month_000 (numerical on its own) and 10 in month_001
    // (categorical on its own); the engine types it from the current snapshot, and so do both summaries.
    const report = await streamflowReport(1);
    const side = (summary: DataSummary, name: string) => summary.by_column.find((c) => c.column === name)!;
    const drift = report.columns.find((column) => column.column === 'rebuffer_events_7d')!;
    expect([side(report.summary.reference, 'rebuffer_events_7d').distinct, drift.column_type]).toEqual([
      11,
      'categorical',
    ]);
    for (const { column } of report.summary.reference.by_column) {
      const types = [side(report.summary.reference, column).type, side(report.summary.current, column).type];
      expect(types[0], column).toBe(types[1]);
      const tested = report.columns.find((candidate) => candidate.column === column);
      if (tested) expect(types[0], column).toBe(tested.column_type);
    }
    const html = renderHtml(report);
    const at = html.indexOf('data-column="rebuffer_events_7d"');
    const card = html.slice(at, html.indexOf('</details>', at));
    const rows = [
      ...card.matchAll(
        /<tr><td>([^<]+)<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><\/tr>/g,
      ),
    ];
    expect(rows.map((row) => row[1])).toEqual(['count', 'missing', 'distinct', 'most frequent']);
    for (const row of rows) expect([row[1], row[2], row[3]]).not.toContain('—');
  });

  it('lists the effect sizes, the missing-value drift and the correction of a column on its card', async () => {
    const report: DriftReport = structuredClone(await streamflowReport(1));
    const column = report.columns.find((candidate) => candidate.column === 'monthly_fee')!;
    Object.assign(column, {
      effect: { wasserstein_normed: 0.0004, jensenshannon: 0.0125 },
      missing_share: { reference: 0, current: 0.0016 },
      missing_p_value: 0.5,
      missing_drift_detected: false,
      drift_score_adjusted: 0.0125,
      correction: 'fdr_bh',
    });
    expectValidReport(report);
    const html = renderHtml(report);
    const at = html.indexOf('data-column="monthly_fee"');
    const card = html.slice(at, html.indexOf('</details>', at));
    expect(card).toContain(
      [
        '<dt>effect size</dt><dd>normed Wasserstein 4.00e-4 · Jensen-Shannon 0.0125</dd>',
        '<dt>missing share</dt><dd>reference 0 · current 0.0016</dd>',
        '<dt>missing-value drift p-value</dt><dd>0.5</dd>',
        '<dt>missing-value drift</dt><dd>no</dd>',
        '<dt>adjusted p-value</dt><dd>0.0125</dd>',
        '<dt>multiple-testing correction</dt><dd>Benjamini-Hochberg (fdr_bh)</dd>',
      ].join('\n'),
    );
  });

  it('marks skipped columns and explains why, without a chart when there is no data', async () => {
    const report: DriftReport = structuredClone(await streamflowReport(1));
    const column = report.columns[0]!;
    Object.assign(column, {
      skipped: 'empty column: no values left',
      drift_score: null,
      drift_detected: false,
    });
    delete column.distribution;
    expectValidReport(report);
    const html = renderHtml(report);
    expect(tableRows(html).at(-1)).toEqual({ state: 'skipped', column: column.column });
    expect(html).toContain('<p class="muted">Skipped: empty column: no values left</p>');
    expect(chartColumns(html)).not.toContain(column.column);
    expect(chartColumns(html)).toHaveLength(report.columns.length - 1);
    expect(html).toContain(`tested columns drifted · 1 skipped ·`);
    expect(html).toMatch(/<h2 id="columns">Columns \(\d+: \d+ drifted, 1 skipped\)<\/h2>/);
  });
});
