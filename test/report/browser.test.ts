/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core, network disabled.
 * Without Chromium the suite is skipped locally and fails under CI=true (`.ci/run` installs it).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/drift/types.js';
import { renderHtml } from '../../src/report/html.js';
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
    const report = syntheticReport({ rows: 3000, columns: 200, seed: 5, shift: 0.4 });
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
});
