/**
 * The drift history carried inside the sticky comment: a hidden HTML comment on the line after the marker,
 * `<!-- driftwatch:history v1 <base64> -->`, whose payload is the history records as JSON Lines compressed with
 * zlib deflate (its Adler-32 checksum catches a truncated or edited block). It keeps the newest
 * {@link MAX_COMMENT_RUNS} runs, fewer when they would not fit in {@link HISTORY_BLOCK_BUDGET} characters, so the
 * comment stays under GitHub's limit together with the report.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { parseHistoryRecord, type HistoryRecord } from '../drift/history.js';

/** Runs kept in the comment. */
export const MAX_COMMENT_RUNS = 36;
/** Most characters the block may take; the report gets the rest of the comment. */
export const HISTORY_BLOCK_BUDGET = 24_000;

const PREFIX = '<!-- driftwatch:history v1 ';
const SUFFIX = ' -->';

/** The block of `records` (oldest first), or an empty string for an empty history. */
function blockOf(records: readonly HistoryRecord[]): string {
  if (records.length === 0) return '';
  const lines = records.map((record) => JSON.stringify(record)).join('\n');
  return `${PREFIX}${deflateSync(lines, { level: 9 }).toString('base64')}${SUFFIX}`;
}

/**
 * The hidden block of the newest runs that fit: at most `maxRuns`, dropping the oldest until the block is at most
 * `budget` characters (at least the newest run is kept when it fits alone).
 *
 * @returns the block (one line) and how many runs it holds
 */
export function encodeHistoryBlock(
  records: readonly HistoryRecord[],
  budget = HISTORY_BLOCK_BUDGET,
  maxRuns = MAX_COMMENT_RUNS,
): { block: string; runs: number } {
  let kept = records.slice(Math.max(0, records.length - maxRuns));
  let block = blockOf(kept);
  while (block.length > budget && kept.length > 0) {
    // Shrink in proportion to the excess (at least one run), so a large history needs only a few rounds.
    const drop = Math.max(1, Math.floor(kept.length * (1 - budget / block.length)));
    kept = kept.slice(drop);
    block = blockOf(kept);
  }
  return { block, runs: kept.length };
}

/** What a comment's block held: the records, or why there are none (a warning when the block is damaged). */
export type HistoryBlockContent =
  | { readonly status: 'ok'; readonly records: HistoryRecord[] }
  | { readonly status: 'missing' }
  | { readonly status: 'damaged'; readonly reason: string };

/**
 * Reads the history block of a sticky comment's body (the line after the marker).
 *
 * @param body the comment's body as GitHub returns it
 */
export function decodeHistoryBlock(body: string): HistoryBlockContent {
  const line = body.split('\n', 2)[1]?.trim();
  if (line === undefined || !line.startsWith('<!-- driftwatch:history')) return { status: 'missing' };
  if (!line.startsWith(PREFIX) || !line.endsWith(SUFFIX))
    return { status: 'damaged', reason: 'the block is not closed or not version 1' };
  const payload = line.slice(PREFIX.length, -SUFFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(payload))
    return { status: 'damaged', reason: 'the block is not base64' };
  let text: string;
  try {
    text = inflateSync(Buffer.from(payload, 'base64')).toString('utf8');
  } catch (error) {
    return {
      status: 'damaged',
      reason: `the block does not decompress (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const records: HistoryRecord[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { status: 'damaged', reason: `run ${index + 1} is not JSON` };
    }
    const record = parseHistoryRecord(parsed);
    if (typeof record === 'string') return { status: 'damaged', reason: `run ${index + 1}: ${record}` };
    records.push(record);
  }
  return { status: 'ok', records };
}
