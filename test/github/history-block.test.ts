/**
 * The history block of the sticky comment: round trip, damage detection (truncated, edited, not base64), and the
 * size bound with a wide report (200 columns) and a full history (36 runs).
 */
import { describe, expect, it } from 'vitest';
import { computeTrend, historyRecord, type HistoryRecord } from '../../src/drift/history.js';
import {
  decodeHistoryBlock,
  encodeHistoryBlock,
  HISTORY_BLOCK_BUDGET,
  MAX_COMMENT_RUNS,
} from '../../src/github/history-block.js';
import { buildCommentBody, commentMarker, MAX_COMMENT_LENGTH } from '../../src/github/sticky-comment.js';
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderMarkdown } from '../../src/report/markdown.js';
import { seededRandom, syntheticReport } from '../report/helpers.js';

/** `runs` records shaped like `template`, with seeded random scores and drift flags. */
function randomHistory(template: HistoryRecord, runs: number, seed: number): HistoryRecord[] {
  const random = seededRandom(seed);
  return Array.from({ length: runs }, (_, run) => ({
    ...template,
    reference: { ...template.reference, label: `2023-${String(run).padStart(2, '0')}` },
    current: { ...template.current, label: `2023-${String(run + 1).padStart(2, '0')}` },
    drift_share: Math.round(random() * 100) / 100,
    columns: template.columns.map(([name, test, , threshold, , missing]) => {
      const score = Number(random().toPrecision(6));
      return [
        name,
        test,
        score,
        threshold,
        score < 0.05 ? 1 : 0,
        missing,
      ] as HistoryRecord['columns'][number];
    }),
  }));
}

/** The records as the comment keeps them: scores to 3 significant digits. */
const asInComment = (records: readonly HistoryRecord[]): HistoryRecord[] =>
  records.map((record) => ({
    ...record,
    columns: record.columns.map(
      ([name, test, score, ...rest]) =>
        [
          name,
          test,
          score === null ? null : Number(score.toPrecision(3)),
          ...rest,
        ] as HistoryRecord['columns'][number],
    ),
  }));

describe('history block', () => {
  it('round-trips the newest runs', async () => {
    const report = await syntheticReport({ rows: 400, columns: 12, seed: 2, shift: 0.4 });
    const history = randomHistory(historyRecord(report), 40, 1);
    const { block, runs } = encodeHistoryBlock(history);
    expect(runs).toBe(MAX_COMMENT_RUNS);
    const body = buildCommentBody('driftwatch', 'report', undefined, block);
    expect(body.split('\n').slice(0, 2)).toEqual([commentMarker('driftwatch'), block]);
    expect(decodeHistoryBlock(body)).toEqual({
      status: 'ok',
      records: asInComment(history.slice(-MAX_COMMENT_RUNS)),
    });
  });

  it('keeps the newest runs that fit in the budget, dropping the oldest', async () => {
    const report = await syntheticReport({ rows: 400, columns: 50, seed: 2, shift: 0.4 });
    const history = randomHistory(historyRecord(report), 36, 8);
    const { block, runs } = encodeHistoryBlock(history, 3_000);
    expect(block.length).toBeLessThanOrEqual(3_000);
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThan(36);
    expect(encodeHistoryBlock(history.slice(-(runs + 1)), 3_000).runs).toBe(runs);
    expect(decodeHistoryBlock(`x\n${block}`)).toEqual({
      status: 'ok',
      records: asInComment(history.slice(-runs)),
    });
  });

  it('tells a missing block from a damaged one: truncated, edited or not base64', async () => {
    const report = await syntheticReport({ rows: 400, columns: 12, seed: 2, shift: 0.4 });
    const { block } = encodeHistoryBlock(randomHistory(historyRecord(report), 5, 3));
    const marker = commentMarker('driftwatch');
    expect(decodeHistoryBlock(`${marker}\nreport`)).toEqual({ status: 'missing' });
    expect(decodeHistoryBlock(marker)).toEqual({ status: 'missing' });
    const truncated = decodeHistoryBlock(`${marker}\n${block.slice(0, block.length - 40)} -->\nreport`);
    expect(truncated.status).toBe('damaged');
    // One base64 character changed in the middle: the zlib checksum (or the deflate stream) catches it.
    const middle = 27 + Math.floor((block.length - 31) / 2);
    const edited = block.slice(0, middle) + (block[middle] === 'A' ? 'B' : 'A') + block.slice(middle + 1);
    expect(decodeHistoryBlock(`${marker}\n${edited}\nreport`)).toMatchObject({ status: 'damaged' });
    expect(decodeHistoryBlock(`${marker}\n<!-- driftwatch:history v1 not*base64 -->`)).toEqual({
      status: 'damaged',
      reason: 'the block is not base64',
    });
    expect(decodeHistoryBlock(`${marker}\n<!-- driftwatch:history v1 AAAA`)).toEqual({
      status: 'damaged',
      reason: 'the block is not closed or not version 1',
    });
  });

  it('200 columns × 36 runs: the comment with the report stays under 65,536 characters and keeps the newest runs', async () => {
    const report = await syntheticReport({ rows: 600, columns: 200, seed: 4, shift: 0.5 });
    const history = [...randomHistory(historyRecord(report), 35, 5), historyRecord(report)];
    const withTrend = { ...report, trend: computeTrend(history) };
    const { block, runs } = encodeHistoryBlock(history);
    expect(block.length).toBeLessThanOrEqual(HISTORY_BLOCK_BUDGET);
    // Every one of the 36 runs fits, even with random (incompressible) scores.
    expect(runs).toBe(36);
    const markdown = renderMarkdown(withTrend, {
      reportUrl: 'https://github.com/acme/churn/actions/runs/1',
      maxLength: DEFAULT_MARKDOWN_MAX_LENGTH - block.length - 1,
    });
    const body = buildCommentBody(
      'driftwatch',
      markdown,
      'https://github.com/acme/churn/actions/runs/1',
      block,
    );
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body).not.toContain('comment truncated');
    // The report is still there: the headline and the trend chart.
    expect(body).toContain('drift share **');
    expect(body).toContain('title "drift_share over runs"');
    // What the block holds is exactly the newest `runs` runs, this one last.
    const decoded = decodeHistoryBlock(body);
    expect(decoded).toEqual({ status: 'ok', records: asInComment(history) });
  });
});
