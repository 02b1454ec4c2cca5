/**
 * The HTML report's model section in headless Chromium (Debian's, as test/report/browser.test.ts): offline, no
 * request leaves the page, no console error, both charts (ROC curves, calibration) laid out at a readable size, on
 * a desktop and on a phone-sized dark screen without horizontal scrolling.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test/out/model-section');
const skipLocally = !existsSync(CHROMIUM) && process.env.CI !== 'true';

describe.skipIf(skipLocally)('HTML model section in headless Chromium', () => {
  let browser: Browser;
  let page: string;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const model = join(OUT, 'model.json');
    const month = (n: number) => `fixtures/streamflow/month_00${n}.csv`;
    expect(
      (await cli(['train', '--snapshot', month(0), '--target', 'churn_label', '--out', model])).code,
    ).toBe(0);
    const compared = await cli([
      'compare',
      '--reference',
      month(0),
      '--current',
      month(2),
      '--id-column',
      'user_id',
      '--target',
      'churn_label',
      '--model',
      model,
      '--max-auc-drop',
      '0.05',
      '--report-dir',
      OUT,
      '--format',
      'html',
    ]);
    expect(compared.code).toBe(0);
    page = join(OUT, 'drift_month_000_vs_month_002.html');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    { width: 1280, colorScheme: 'light' as const, minimum: 280 },
    { width: 390, colorScheme: 'dark' as const, minimum: 300 },
  ])('lays out both charts at $width px ($colorScheme)', async ({ width, colorScheme, minimum }) => {
    const context = await browser.newContext({
      offline: true,
      viewport: { width, height: 900 },
      colorScheme,
    });
    try {
      const tab = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      tab.on('request', (request) => requests.push(request.url()));
      tab.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
      });
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      const charts = await tab.$$eval('#model ~ .model-charts svg.model-chart', (elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return { label: element.getAttribute('aria-label') ?? '', width: box.width, height: box.height };
        }),
      );
      const overflow = await tab.evaluate<boolean>(
        'document.documentElement.scrollWidth > window.innerWidth',
      );
      await tab.screenshot({ path: join(OUT, `model-${width}-${colorScheme}.png`), fullPage: true });
      expect(requests).toEqual([pathToFileURL(page).href]);
      expect(errors).toEqual([]);
      expect(charts.map((chart) => chart.label.split(':')[0])).toEqual(['ROC curves', 'Calibration']);
      for (const chart of charts) {
        expect(chart.width).toBeGreaterThanOrEqual(minimum);
        expect(chart.height).toBeGreaterThan(chart.width);
      }
      expect(overflow).toBe(false);
    } finally {
      await context.close();
    }
  });
});
