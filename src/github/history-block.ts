/**
 * The drift history carried inside the sticky comment: a hidden HTML comment on the line after the marker,
 * `<!-- driftwatch:history v1 <base64> -->`, whose payload is the history records, column by column (scores kept
 * to 3 significant digits), compressed with zlib deflate (its Adler-32 checksum catches a truncated or edited
 * block). It keeps the newest
 * {@link MAX_COMMENT_RUNS} runs, fewer when they would not fit in {@link HISTORY_BLOCK_BUDGET} characters, so the
 * comment stays under GitHub's limit together with the report.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { parseHistoryRecord, type HistoryRecord } from '../drift/history.js';

/** Runs kept in the comment. */
export const MAX_COMMENT_RUNS = 36;
/** Most characters the block may take; the report gets the rest of the comment. */
export const HISTORY_BLOCK_BUDGET = 28_000;

const PREFIX = '<!-- driftwatch:history v1 ';
const SUFFIX = ' -->';

/** A score kept to 3 significant digits in the comment (plenty for a trend line, and it compresses well). */
function roundScore(score: number | null): number | null {
  return score === null ? null : Number(score.toPrecision(3));
}

/**
 * The block's payload: the runs without their columns, then one entry per column holding its values across the
 * runs (`[name, tests, scores, thresholds, flags, missing shares]`, flags one character per run: `1` drifted, `0`
 * not, `-` absent). A column's values repeat from run to run, so deflate shrinks them to almost nothing.
 */
function payloadOf(records: readonly HistoryRecord[]): string {
  const names = [...new Set(records.flatMap((record) => record.columns.map((column) => column[0])))];
  const byRun = records.map((record) => new Map(record.columns.map((column) => [column[0], column])));
  const columns = names.map((name) => {
    const cells = byRun.map((run) => run.get(name));
    return [
      name,
      cells.map((cell) => cell?.[1] ?? null),
      cells.map((cell) => roundScore(cell?.[2] ?? null)),
      cells.map((cell) => cell?.[3] ?? null),
      cells.map((cell) => (cell === undefined ? '-' : String(cell[4]))).join(''),
      cells.map((cell) => cell?.[5] ?? null),
    ];
  });
  const runs = records.map((record) => {
    const meta: Partial<HistoryRecord> = { ...record };
    delete meta.columns;
    return meta;
  });
  return JSON.stringify({ runs, columns });
}

/** The records of a payload (scores as the payload holds them), or a reason it is not one. */
function recordsOf(payload: unknown): HistoryRecord[] | string {
  const value = payload as { runs?: unknown; columns?: unknown };
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray(value.runs) ||
    !Array.isArray(value.columns)
  )
    return 'the block holds no runs';
  const runs = value.runs as unknown[];
  const columns = value.columns as unknown[];
  const records: HistoryRecord[] = [];
  for (const [index, run] of runs.entries()) {
    const cells: unknown[] = [];
    for (const column of columns) {
      if (!Array.isArray(column) || column.length !== 6 || typeof column[4] !== 'string')
        return 'a column entry is malformed';
      const [name, tests, scores, thresholds, flags, missing] = column as [
        unknown,
        unknown[],
        unknown[],
        unknown[],
        string,
        unknown[],
      ];
      if (![tests, scores, thresholds, missing].every(Array.isArray) || flags.length !== runs.length)
        return 'a column entry is malformed';
      if (flags[index] === '-') continue;
      cells.push([
        name,
        tests[index],
        scores[index],
        thresholds[index],
        Number(flags[index]),
        missing[index],
      ]);
    }
    const record = parseHistoryRecord({ ...(run as object), columns: cells });
    if (typeof record === 'string') return `run ${index + 1}: ${record}`;
    records.push(record);
  }
  return records;
}

/** The block of `records` (oldest first), or an empty string for an empty history. */
function blockOf(records: readonly HistoryRecord[]): string {
  if (records.length === 0) return '';
  return `${PREFIX}${deflateSync(payloadOf(records), { level: 9 }).toString('base64')}${SUFFIX}`;
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: 'damaged', reason: 'the block is not JSON' };
  }
  const records = recordsOf(parsed);
  if (typeof records === 'string') return { status: 'damaged', reason: records };
  return { status: 'ok', records };
}
