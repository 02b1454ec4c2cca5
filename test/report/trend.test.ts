/**
 * Drift over time in the reports: the Markdown trend section (line chart, drift_share per run, symbol table with
 * markers), the HTML sparklines, and the line chart rendered by Mermaid itself in Chromium.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeTrend, historyRecord, type HistoryRecord } from '../../src/drift/history.js';
import type { DriftReport } from '../../src/drift/report.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { expectValidReport, streamflowReport } from './helpers.js';

/** The StreamFlow month_001 report after three earlier runs in which `watch_hours_30d` drifted 0, 1, 0 times. */
async function reportWithHistory(): Promise<{ report: DriftReport; history: HistoryRecord[] }> {
  const base = await streamflowReport(1);
  const now = historyRecord(base);
  const earlier = (label: string, share: number, drifting: readonly string[]): HistoryRecord => ({
    ...now,
    reference: { label: `r-${label}`, rows: 100 },
    current: { label, rows: 100 },
    drift_share: share,
    columns: now.columns.map(([name, test, score, threshold, , missing]) => [
      name,
      test,
      score,
      threshold,
      drifting.includes(name) ? 1 : 0,
      missing,
    ]),
  });
  const drifted = base.columns.filter((column) => column.drift_detected).map((column) => column.column);
  expect(drifted).toEqual(['watch_hours_30d']);
  const stable = base.columns.find((column) => !column.drift_detected)!.column;
  const history = [
    earlier('m1', 0.1, [stable]),
    earlier('m2', 0.2, ['watch_hours_30d']),
    earlier('m3', 0.05, []),
    now,
  ];
  return { report: { ...base, trend: computeTrend(history) }, history };
}

describe('trend in the Markdown report', () => {
  it('draws drift_share over the runs with the retrain threshold, lists every run and the columns that drifted', async () => {
    const { report, history } = await reportWithHistory();
    expectValidReport(report);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('### Drift over time (4 runs)');
    const chart = /```mermaid\n(xychart-beta\n {4}title "drift_share over runs"[\s\S]*?)\n```/.exec(
      markdown,
    )![1]!;
    const lines = [...chart.matchAll(/ {4}line \[(.*)\]/g)].map((match) => match[1]!.split(', ').map(Number));
    expect(lines).toEqual([
      history.map((record) => Number(record.drift_share.toPrecision(4))),
      [0.3, 0.3, 0.3, 0.3],
    ]);
    expect(chart.match(/x-axis \[(.*)\]/)![1]!.split('", "')).toHaveLength(4);
    for (const share of ['10%', '20%', '5%']) expect(markdown).toContain(`**${share}**`);
    // watch_hours_30d: not in run 1, drifted in 2, not in 3, drifted now: new this run.
    expect(markdown).toContain('| `watch_hours_30d` | ○ ▲ ○ ▲ | new this run |');
    const stable = report.columns.find((column) => !column.drift_detected)!.column;
    expect(markdown).toContain(`| \`${stable}\` | ▲ ○ ○ ○ |  |`);
  });

  it('marks a column drifting for N runs', async () => {
    const { report, history } = await reportWithHistory();
    const drifting = history.map((record) => ({
      ...record,
      columns: record.columns.map((column) =>
        column[0] === 'watch_hours_30d' ? ([...column.slice(0, 4), 1, column[5]] as typeof column) : column,
      ),
    }));
    const markdown = renderMarkdown({ ...report, trend: computeTrend(drifting) });
    expect(markdown).toContain('| `watch_hours_30d` | ▲ ▲ ▲ ▲ | drifting for 4 runs |');
  });

  it('has no trend section without a history', async () => {
    expect(renderMarkdown(await streamflowReport(1))).not.toContain('Drift over time');
  });
});

describe('trend in the HTML report', () => {
  it('has one self-contained sparkline per column, filled dots where the column drifted', async () => {
    const { report } = await reportWithHistory();
    const html = renderHtml(report);
    const section = html.slice(html.indexOf('<h2 id="trend">'));
    const sparks = section.match(/<svg class="spark"[\s\S]*?<\/svg>/g)!;
    expect(sparks).toHaveLength(report.trend!.columns.length);
    const watch = sparks.find((svg) => svg.includes('aria-label="watch_hours_30d:'))!;
    expect(watch.match(/<circle/g)).toHaveLength(4);
    expect(watch.match(/class="dot drifted"/g)).toHaveLength(2);
    expect(section).not.toMatch(/(src|href)="https?:/);
  });
});

const CHROMIUM = '/usr/bin/chromium';
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('the trend chart in Mermaid', () => {
  it('renders as an xychart with the drift_share line and the threshold line, one point per run', async () => {
    const { report } = await reportWithHistory();
    const source = /```mermaid\n(xychart-beta\n {4}title "drift_share over runs"[\s\S]*?)\n```/.exec(
      renderMarkdown(report),
    )![1]!;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
    try {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({
        path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'),
      });
      const svg = await page.evaluate(async (text: string) => {
        const mermaid = (
          globalThis as unknown as {
            mermaid: { initialize(c: object): void; render(id: string, s: string): Promise<{ svg: string }> };
          }
        ).mermaid;
        mermaid.initialize({ startOnLoad: false });
        return (await mermaid.render('trend', text)).svg;
      }, source);
      expect(svg).toContain('aria-roledescription="xychart"');
      // Two line plots (drift_share, then the threshold), each a path through one point per run.
      const paths = [...svg.matchAll(/<g class="line-plot-\d+"><path d="([^"]*)"/g)].map((match) =>
        match[1]!
          .slice(1)
          .split('L')
          .map((point) => Number(point.split(',')[1])),
      );
      expect(paths).toHaveLength(2);
      expect(paths.map((ys) => ys.length)).toEqual([4, 4]);
      expect(new Set(paths[1]).size).toBe(1);
      // SVG y grows downwards: run 2 (20%) is the highest point, run 3 (5%) the lowest.
      const [first, second, third] = paths[0]!;
      expect(second!).toBeLessThan(first!);
      expect(third!).toBeGreaterThan(first!);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
