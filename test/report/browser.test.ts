/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core, network disabled.
 * Without Chromium the suite is skipped locally and fails under CI=true (`.ci/run` installs it).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/drift/report.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { streamflowReport, syntheticReport } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const OUT = resolve('test/out');
const skipLocally = !existsSync(CHROMIUM) && process.env.CI !== 'true';

interface MermaidApi {
  initialize(config: { startOnLoad: boolean }): void;
  render(id: string, source: string): Promise<{ svg: string }>;
}

interface PageVisit {
  requests: string[];
  consoleErrors: string[];
  charts: { column: string; width: number; height: number }[];
  verdict: string;
  overflow: boolean;
}

describe.skipIf(skipLocally)('HTML report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Writes the report to test/out, opens it offline, records requests and console errors, saves a screenshot. */
  async function visit(
    report: DriftReport,
    name: string,
    view: { width: number; colorScheme: 'light' | 'dark' } = { width: 1280, colorScheme: 'light' },
  ): Promise<PageVisit> {
    mkdirSync(OUT, { recursive: true });
    const path = `${OUT}/${name}.html`;
    writeFileSync(path, renderHtml(report));
    const context = await browser.newContext({
      offline: true,
      viewport: { width: view.width, height: 900 },
      colorScheme: view.colorScheme,
    });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const consoleErrors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
      const charts = await page.$$eval('svg.chart', (elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return { column: element.getAttribute('data-column') ?? '', width: box.width, height: box.height };
        }),
      );
      const verdict = (await page.textContent('.verdict'))?.trim() ?? '';
      const overflow = await page.evaluate<boolean>(
        'document.documentElement.scrollWidth > window.innerWidth',
      );
      await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
      return { requests, consoleErrors, charts, verdict, overflow };
    } finally {
      await context.close();
    }
  }

  it('opens the StreamFlow report offline: no request leaves the page, no console error, one chart per column', async () => {
    const report = await streamflowReport(2);
    const result = await visit(report, 'report-streamflow');
    expect(result.requests).toEqual([pathToFileURL(`${OUT}/report-streamflow.html`).href]);
    expect(result.consoleErrors).toEqual([]);
    expect(result.charts.map((chart) => chart.column).sort()).toEqual(
      report.columns.map((column) => column.column).sort(),
    );
    expect(result.verdict).toContain(report.decision.action);
    expect(result.overflow).toBe(false);
    // Drifted columns are expanded: their charts are laid out at a readable size.
    const drifted = new Set(
      report.columns.filter((column) => column.drift_detected).map((column) => column.column),
    );
    expect(drifted.size).toBeGreaterThan(0);
    for (const chart of result.charts.filter((candidate) => drifted.has(candidate.column))) {
      expect(chart.width).toBeGreaterThan(400);
      expect(chart.height).toBeGreaterThan(60);
    }
  });

  it('renders a wide synthetic report (200 columns of every kind) with the same guarantees', async () => {
    const report = await syntheticReport({ rows: 3000, columns: 200, seed: 5, shift: 0.4 });
    const result = await visit(report, 'report-synthetic-200');
    expect(result.requests).toHaveLength(1);
    expect(result.consoleErrors).toEqual([]);
    expect(result.charts).toHaveLength(200);
    expect(result.overflow).toBe(false);
  });

  it('fits a phone-sized screen in dark mode without horizontal scrolling', async () => {
    const report = await streamflowReport(1);
    const result = await visit(report, 'report-streamflow-narrow-dark', { width: 390, colorScheme: 'dark' });
    expect(result.consoleErrors).toEqual([]);
    expect(result.requests).toHaveLength(1);
    expect(result.overflow).toBe(false);
    const drifted = new Set(
      report.columns.filter((column) => column.drift_detected).map((column) => column.column),
    );
    for (const chart of result.charts.filter((candidate) => drifted.has(candidate.column))) {
      expect(chart.width).toBeGreaterThan(300);
    }
  });

  // GitHub renders ```mermaid blocks with Mermaid itself; render ours with the mermaid package to prove the syntax.
  it("renders the Markdown's Mermaid charts with Mermaid, offline", async () => {
    // Above 1,000 reference rows the default tests are distances; at or below, p-values (both chart kinds).
    const reports = await Promise.all(
      [3000, 800].map((rows) => syntheticReport({ rows, columns: 60, seed: 9, shift: 0.5 })),
    );
    const charts = reports.flatMap((report) =>
      [...renderMarkdown(report).matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!),
    );
    expect(charts.some((chart) => chart.includes('title "Distance vs threshold"'))).toBe(true);
    expect(charts.some((chart) => chart.includes('title "−log10 p-value vs threshold"'))).toBe(true);
    const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
    const context = await browser.newContext({ offline: true });
    try {
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ path: mermaidScript });
      const rendered = await page.evaluate(async (sources: string[]) => {
        const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
        mermaid.initialize({ startOnLoad: false });
        const results: { svg: string; error?: string }[] = [];
        for (const [index, source] of sources.entries()) {
          try {
            results.push({ svg: (await mermaid.render(`chart${index}`, source)).svg });
          } catch (error) {
            results.push({ svg: '', error: String(error) });
          }
        }
        return results;
      }, charts);
      for (const [index, result] of rendered.entries()) {
        expect(result.error).toBeUndefined();
        expect(result.svg).toContain('aria-roledescription="xychart"');
        // One bar per charted column, coloured as in the HTML report; the threshold line drawn once.
        const columns = charts[index]!.match(/x-axis \[(.*)\]/)![1]!.split('", "').length;
        expect(result.svg.match(/<rect[^>]*fill="#4c78a8"/g)).toHaveLength(columns);
        expect(result.svg).toContain('stroke="#d9480f"');
      }
      expect(consoleErrors).toEqual([]);
      await page.setContent(`<!doctype html><body>${rendered.map((result) => result.svg).join('')}</body>`);
      await page.screenshot({ path: `${OUT}/mermaid-charts.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
