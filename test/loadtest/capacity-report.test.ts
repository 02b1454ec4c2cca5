/**
 * Renderings of a capacity result: the text table, Markdown with its Mermaid chart, the HTML page with its SVG. The
 * Mermaid chart is rendered by Mermaid itself and the page opened offline in headless Chromium (Debian's, driven by
 * playwright-core); without Chromium that part is skipped locally and fails under CI=true.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapacityResult, CapacityStep } from '../../src/loadtest/capacity.js';
import {
  capacityHtml,
  capacityMarkdown,
  capacityMermaid,
  capacitySvg,
  formatCapacityTable,
} from '../../src/loadtest/capacity-report.js';

function step(number: number, rate: number, p95: number, passed: boolean): CapacityStep {
  return {
    step: number,
    phase: number <= 4 ? 'ramp' : 'bisect',
    rate,
    attempts: 1,
    started_at: '2026-11-26T05:00:00.000Z',
    duration_seconds: 20,
    scheduled: rate * 20,
    sent: rate * 20,
    responses: rate * 20,
    achieved_rate: passed ? rate : 125,
    dropped: 0,
    failed: 0,
    error_ratio: 0,
    errors: {},
    latency_ms: { p50: p95 / 2, p95, p99: p95 * 1.2, max: p95 * 1.5 },
    send_lag_p95_ms: 0.4,
    passed,
    failed_objectives: passed
      ? []
      : [{ name: 'client_p95', value: p95, bound: '≤ 50', reason: `value ${p95} is outside ≤ 50` }],
    objectives: [{ name: 'client_p95', source: 'client', value: p95, status: passed ? 'pass' : 'fail' }],
    latency_gap: [],
  };
}

const result: CapacityResult = {
  url: 'http://127.0.0.1:8000/predict',
  method: 'POST',
  slo_file: 'load-test/slo-client.yml',
  prometheus: null,
  capacity_rps: 123,
  lowest_failing_rps: 134,
  outcome: 'converged',
  min: 20,
  max: 1000,
  precision: 0.1,
  ramp_factor: 2,
  step_duration_seconds: 20,
  cool_down_seconds: 5,
  budget_seconds: 600,
  max_steps: 10,
  started_at: '2026-11-26T05:00:00.000Z',
  elapsed_seconds: 171.4,
  p95_objective_ms: 50,
  // Run order: the ramp, then the bisection; 160/s queued for seconds (drawn at the top of the axis).
  steps: [
    step(1, 20, 9.1, true),
    step(2, 40, 9.3, true),
    step(3, 80, 10.2, true),
    step(4, 160, 4100, false),
    step(5, 113, 12.5, true),
    step(6, 134, 610, false),
    step(7, 123, 21.7, true),
  ],
  baseline: { file: 'champion.json', capacity_rps: 140, drop: 1 - 123 / 140, max_drop: 0.2, passed: true },
  passed: true,
};

describe('capacity renderings', () => {
  it('prints the steps in run order, the failures, the capacity and the baseline', () => {
    const table = formatCapacityTable(result);
    expect(table.split('\n').slice(0, 3)).toEqual([
      'step  phase   rate/s  achieved/s  p50 ms   p95 ms   p99 ms   failed  dropped  result',
      '----  ------  ------  ----------  -------  -------  -------  ------  -------  ---------------',
      '1     ramp    20      20.0        4.55     9.10     10.92    0       0        pass',
    ]);
    expect(table).toMatch(
      /^4\s+ramp\s+160\s+125\.0\s+2050\.00\s+4100\.00\s+4920\.00\s+0\s+0\s+FAIL client_p95$/m,
    );
    expect(table).toContain('step 6 FAIL client_p95: value 610 is outside ≤ 50');
    expect(table).toContain(
      'capacity 123 requests/s: every objective met there, 134/s failed (precision 10 %)',
    );
    expect(table).toContain(
      'baseline 140 requests/s (champion.json): capacity dropped 12.1 %; at most 20 % allowed: ok',
    );
  });

  it('draws p95 against rate in Mermaid: rates sorted, the objective as a flat line, outliers clipped', () => {
    expect(capacityMermaid(result)).toBe(
      [
        '```mermaid',
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#4c78a8, #d9480f"}}}}%%',
        'xychart-beta',
        '    title "p95 latency against arrival rate"',
        '    x-axis "arrival rate (requests/s)" ["20", "40", "80", "113", "123", "134", "160"]',
        '    y-axis "p95 (ms)" 0 --> 250',
        '    line [9.1, 9.3, 10.2, 12.5, 21.7, 250, 250]',
        '    line [50, 50, 50, 50, 50, 50, 50]',
        '```',
      ].join('\n'),
    );
    const markdown = capacityMarkdown(result);
    expect(markdown).toMatch(/^## Capacity: 123 requests\/s ✅$/m);
    expect(markdown).toContain('larger values are drawn at the top of the axis');
    expect(markdown).toContain(
      '| 6 | bisect | 134 | 125.0 | 305.00 | 610.00 | 732.00 | 0 | 0 | FAIL client_p95 |',
    );
    expect(markdown).toContain('- step 4 (160/s) **client_p95**: value 4100 is outside ≤ 50');
  });

  it('draws an SVG with a dot per passing step, a cross per failing one, the objective and the capacity', () => {
    const svg = capacitySvg(result);
    expect(svg.match(/<circle class="pass"/g)).toHaveLength(5);
    expect(svg.match(/<path class="fail"/g)).toHaveLength(2);
    expect(svg).toContain('<title>p95 objective 50 ms</title>');
    expect(svg).toContain('<title>capacity 123 requests/s</title>');
    expect(svg).toContain('<title>134/s: p95 610.00 ms, fail (client_p95)</title>');
    const html = capacityHtml(result);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|\s(src|href)=/);
  });

  it('says what a search that found nothing means', () => {
    const none: CapacityResult = {
      ...result,
      capacity_rps: 0,
      lowest_failing_rps: 20,
      outcome: 'below-min',
      steps: [step(1, 20, 900, false)],
      baseline: null,
      passed: false,
    };
    expect(formatCapacityTable(none)).toMatch(/capacity below 20 requests\/s: the lowest rate tried failed$/);
    expect(capacityMarkdown(none)).toMatch(/^## Capacity: 0 requests\/s ❌$/m);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test/out');
const skipLocally = !existsSync(CHROMIUM) && process.env.CI !== 'true';

describe.skipIf(skipLocally)('capacity charts in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Mermaid renders the Markdown chart: one line for p95, one for the objective', async () => {
    const source = capacityMermaid(result)!.replace(/^```mermaid\n|\n```$/g, '');
    const context = await browser.newContext({ offline: true });
    try {
      const page = await context.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({
        path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'),
      });
      const svg = await page.evaluate(async (chart: string) => {
        const mermaid = (
          globalThis as unknown as {
            mermaid: {
              initialize(config: object): void;
              render(id: string, text: string): Promise<{ svg: string }>;
            };
          }
        ).mermaid;
        mermaid.initialize({ startOnLoad: false });
        return (await mermaid.render('capacity', chart)).svg;
      }, source);
      expect(svg).toContain('aria-roledescription="xychart"');
      expect(svg).toContain('stroke="#4c78a8"');
      expect(svg).toContain('stroke="#d9480f"');
      mkdirSync(OUT, { recursive: true });
      await page.setContent(`<!doctype html><body>${svg}</body>`);
      await page.screenshot({ path: `${OUT}/capacity-mermaid.png` });
    } finally {
      await context.close();
    }
  });

  it('the HTML page shows the SVG chart offline, without requests or console errors', async () => {
    mkdirSync(OUT, { recursive: true });
    const path = `${OUT}/capacity.html`;
    writeFileSync(path, capacityHtml(result));
    const context = await browser.newContext({ offline: true, viewport: { width: 900, height: 900 } });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(pathToFileURL(path).href);
      const box = await page.locator('svg.capacity-chart').boundingBox();
      expect(box!.width).toBeGreaterThan(500);
      expect(await page.locator('svg.capacity-chart circle.pass').count()).toBe(5);
      expect(await page.locator('tbody tr').count()).toBe(7);
      expect(requests).toEqual([pathToFileURL(path).href]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${OUT}/capacity-html.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
