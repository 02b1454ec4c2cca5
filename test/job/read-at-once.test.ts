// Big files read at once by the bundled CLI's worker threads under the memory limit: the report is the same whether
// the rows estimated from the first MiB decide, a read past its row limit sends the plan to the census, or the line
// ends decide, and whether the files are then read at once or in batches.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES } from '../../src/job/prestart.js';
import { bigFileWorkspace } from '../support/big-files.js';

const workspace = bigFileWorkspace('dw-read-at-once-');

/**
 * A CSV file of `rows` rows of a note (`note(r)`), a label, an integer and a float, `seed` shifting the values.
 */
function bigCsv(name: string, rows: number, seed: number, note: (row: number) => string): string {
  return workspace.csv(name, 'note,plan,k,x', rows, (r) => {
    const plan = ['free', 'pro', 'team'][(r * 7 + seed) % 3];
    return `${note(r)},${plan},${(r * 13 + seed) % 11},${((r * 31 + seed * 17) % 997) / 10}`;
  });
}

/** The JSON report of a compare by the bundled CLI, without what changes from run to run. */
async function compareReport(reference: string, current: string, extra: string[]): Promise<string> {
  return JSON.stringify(await workspace.compare(['--reference', reference, '--current', current, ...extra]));
}

// 1.5M rows of four columns: ~430 MB of columns and scoring as the memory check counts them.
const ROWS = 1_500_000;

describe('a read at once when the line ends decide', () => {
  it('leaves the report as it is when the estimate overshoots and the line ends decide', async () => {
    // Short rows first, longer ones after: the rows estimated from the first MiB are about twice as many as there
    // are, too many for 900 MiB; the line ends bound them (on the threads) to what fits.
    const note = (r: number) => (r < 100_000 ? `p${r % 3}` : `note ${r % 3} `.repeat(4));
    const reference = bigCsv('reference.csv', ROWS, 1, note);
    const current = bigCsv('current.csv', ROWS, 2, note);
    expect(statSync(reference).size).toBeGreaterThanOrEqual(PARALLEL_MIN_BYTES);
    const whole = await compareReport(reference, current, []);
    // Row facts counted on the threads after the tables went (read at once) equal those accumulated over batches.
    const summary = (JSON.parse(whole) as { summary: Record<string, { duplicated_rows: number }> }).summary;
    expect(summary.reference!.duplicated_rows).toBeGreaterThan(ROWS / 2);
    expect(summary.current!.duplicated_rows).toBeGreaterThan(ROWS / 2);
    expect(await compareReport(reference, current, ['--memory-limit', '900MiB'])).toBe(whole);
    expect(await compareReport(reference, current, ['--memory-limit', '450MiB'])).toBe(whole);
  }, 300_000);
});

describe('a read at once on estimated rows, on the worker threads', () => {
  it('stops a file past its row limit and gives the report read at once, with batches or without', async () => {
    // The reference's first MiB is a thousand long rows, the rest short ones: the rows estimated from that MiB are
    // a fiftieth of them, so a read at once on that estimate stops at its limit and the census plans. The current
    // file's rows are all alike.
    const reference = bigCsv('misleading-reference.csv', ROWS, 3, (r) =>
      r < 1_000 ? 'n'.repeat(1000) : `p${r % 3}`,
    );
    const current = bigCsv('uniform-current.csv', ROWS, 4, (r) => `p${r % 3}`);
    expect(statSync(reference).size).toBeGreaterThanOrEqual(PARALLEL_MIN_BYTES);
    const whole = await compareReport(reference, current, []);
    // The rows fit under 800 MiB (the files are read again at once), not under 520 MiB (batches).
    expect(await compareReport(reference, current, ['--memory-limit', '800MiB'])).toBe(whole);
    expect(await compareReport(reference, current, ['--memory-limit', '520MiB'])).toBe(whole);
  }, 300_000);
});
