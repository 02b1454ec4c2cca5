// Row facts of big files read on the bundled CLI's worker threads: a table whose column of doubles may hold its own
// value in every row waits for that column's scoring, which settles them when the column's values all differ and
// none is missing; else the thread counts them. Either way the report's duplicated and empty rows are the table's.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES } from '../../src/job/prestart.js';
import { bigFileWorkspace } from '../support/big-files.js';

const workspace = bigFileWorkspace('dw-row-facts-threads-');

const ROWS = 800_000;
/** Rows far from the first rows of each sixteenth of the file, where the reader samples cells. */
const unsampled = (row: number) => row % (ROWS / 16) >= 128;

/** A row's cells: a float written at full precision, a label and a small integer. */
function cells(row: number, seed: number): string {
  return `${(row + seed / 7) * Math.SQRT2},${['free', 'pro', 'team'][(row * 7 + seed) % 3]},${(row * 13 + seed) % 11}`;
}

/** A CSV file of {@link ROWS} rows, `line(row)` giving each row's cells. */
function bigCsv(name: string, line: (row: number) => string): string {
  const path = workspace.csv(name, 'x,plan,k', ROWS, line);
  expect(statSync(path).size).toBeGreaterThanOrEqual(PARALLEL_MIN_BYTES);
  return path;
}

interface RowSummary {
  readonly duplicated_rows: number;
  readonly empty_rows: number;
}

async function summaries(
  reference: string,
  current: string,
): Promise<{ reference: RowSummary; current: RowSummary }> {
  const report = await workspace.compare(['--reference', reference, '--current', current]);
  return (report as unknown as { summary: { reference: RowSummary; current: RowSummary } }).summary;
}

describe('row facts of a table with a column of distinct doubles, on the worker threads', () => {
  it('has no duplicated or empty rows when the column holds its own value in every row', async () => {
    const reference = bigCsv('distinct-reference.csv', (row) => cells(row, 1));
    const current = bigCsv('distinct-current.csv', (row) => cells(row, 2));
    const summary = await summaries(reference, current);
    expect(summary.reference).toMatchObject({ duplicated_rows: 0, empty_rows: 0 });
    expect(summary.current).toMatchObject({ duplicated_rows: 0, empty_rows: 0 });
  }, 300_000);

  it('counts the rows when the column repeats a value the sample missed, or misses one', async () => {
    // The reference repeats whole rows, and elsewhere only the float (the label differs): neither in a sampled row.
    const repeated = (row: number) => row % 9_973 === 4_000 && unsampled(row);
    const floatOnly = (row: number) => row % 7_919 === 3_000 && unsampled(row) && !repeated(row);
    const reference = bigCsv('repeats.csv', (row) =>
      repeated(row)
        ? cells(row - 1, 3)
        : floatOnly(row)
          ? `${cells(row - 1, 3).split(',')[0]},other,${row % 11}`
          : cells(row, 3),
    );
    let duplicated = 0;
    for (let row = 1; row < ROWS; row++) if (repeated(row)) duplicated++;
    expect(duplicated).toBeGreaterThan(50);
    // The current has a row with every cell empty, and another empty float.
    const current = bigCsv('gaps.csv', (row) =>
      row === 300_000 ? ',,' : row === 500_000 ? `,pro,${row % 11}` : cells(row, 4),
    );
    const summary = await summaries(reference, current);
    expect(summary.reference).toMatchObject({ duplicated_rows: duplicated, empty_rows: 0 });
    expect(summary.current).toMatchObject({ duplicated_rows: 0, empty_rows: 1 });
  }, 300_000);
});
