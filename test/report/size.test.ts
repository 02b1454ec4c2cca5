/**
 * The HTML report's size depends on the number of columns, never on the number of rows
 * (Evidently's reports embed the data: evidently#2, #15). 1M rows × 16 columns through the engine, in memory.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { syntheticReport } from './helpers.js';

const TWO_MB = 2 * 1024 * 1024;

describe('HTML report size', async () => {
  it('stays under 2 MB for 1M rows × 16 columns, and about the same size as for 10k rows', async () => {
    const large = await syntheticReport({ rows: 1_000_000, columns: 16, seed: 1, shift: 0.2 });
    const small = await syntheticReport({ rows: 10_000, columns: 16, seed: 1, shift: 0.2 });
    expect(large.reference.rows).toBe(1_000_000);
    expect(large.columns).toHaveLength(16);
    const largeBytes = Buffer.byteLength(renderHtml(large));
    const smallBytes = Buffer.byteLength(renderHtml(small));
    expect(largeBytes).toBeLessThanOrEqual(TWO_MB);
    // 100× the rows: only bin counts and tick labels change (a few digits each).
    expect(largeBytes / smallBytes).toBeLessThan(1.1);
    expect(largeBytes / smallBytes).toBeGreaterThan(0.9);
    expect(Buffer.byteLength(renderMarkdown(large))).toBeLessThan(10_000);
  }, 180_000);
});
