// A report computed from tables whose short decimals are kept compact (scaled integers) equals, number for number,
// the report of the same files read into float64 columns: the drift layer decodes each column to the same doubles.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../src/drift/engine.js';
import type { DriftOptions } from '../../src/drift/options.js';
import { readDelimited } from '../../src/snapshot/csv.js';
import { pairOfTables } from '../../src/snapshot/pair.js';
import { isScaled, type Table } from '../../src/snapshot/table.js';

const dir = mkdtempSync(join(tmpdir(), 'driftwatch-compact-'));

const read = (path: string, compactNumbers: boolean): Promise<Table> =>
  readDelimited(path, { delimiter: 0x2c, compactNumbers });

/** Both reports of a pair of files, compact storage on and off, and how many columns were compact. */
async function reports(reference: string, current: string, options: DriftOptions) {
  const compact = [await read(reference, true), await read(current, true)] as const;
  const wide = [await read(reference, false), await read(current, false)] as const;
  const compactColumns = compact[0].columns.filter((c) => c.type !== 'string' && isScaled(c.values)).length;
  return {
    compact: await computeDrift(pairOfTables(...compact), options),
    wide: await computeDrift(pairOfTables(...wide), options),
    compactColumns,
  };
}

/** A seeded pseudo-random stream in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function snapshot(seed: number, rows: number): string {
  const next = random(seed);
  const lines = ['price,score,flag,small,gappy,late,tiny,dup'];
  for (let r = 0; r < rows; r++) {
    const u = next();
    lines.push(
      [
        (u * 100 + seed).toFixed(2),
        (next() * 2 - 1).toFixed(6),
        next() < 0.3 + seed / 10 ? 'True' : 'False',
        Math.floor(next() * 8),
        next() < 0.2 ? '' : (next() * 10).toFixed(1),
        r === rows - 3 ? String(Math.PI) : (next() * 5).toFixed(3),
        next() < 0.01 ? '-0.0' : (next() / 1000).toFixed(7),
        // Repeats rows' cells so that duplicated rows are found.
        r % 50 === 0 ? '1.5' : (u * 3).toFixed(1),
      ].join(','),
    );
  }
  // A few exact duplicate rows.
  for (let r = 0; r < 5; r++) lines.push(lines[1 + r]!);
  return lines.join('\n') + '\n';
}

describe('reports with compact numeric storage', () => {
  it('are equal with compact storage on and off (StreamFlow fixtures)', async () => {
    const { compact, wide, compactColumns } = await reports(
      'fixtures/streamflow/month_000.csv',
      'fixtures/streamflow/month_001.csv',
      { referenceLabel: 'r', currentLabel: 'c', target: 'churn_label', idColumn: 'user_id' },
    );
    expect(compactColumns).toBeGreaterThan(5);
    expect(compact).toEqual(wide);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(wide));
  });

  it('are equal with compact storage on and off (missing cells, -0, a column widened late, duplicates)', async () => {
    const reference = join(dir, 'reference.csv');
    const current = join(dir, 'current.csv');
    writeFileSync(reference, snapshot(1, 6000));
    writeFileSync(current, snapshot(2, 5000));
    const { compact, wide, compactColumns } = await reports(reference, current, {
      referenceLabel: 'r',
      currentLabel: 'c',
    });
    expect(compactColumns).toBe(6); // every column but `late` and `tiny`, which widen
    expect(compact.summary.reference.duplicated_rows).toBeGreaterThanOrEqual(5);
    expect(compact).toEqual(wide);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(wide));
  });

  it('have the same target rates when the target is compact: integers, and one-decimal values with gaps', async () => {
    const reference = join(dir, 'reference-target.csv');
    const current = join(dir, 'current-target.csv');
    writeFileSync(reference, snapshot(3, 4000));
    writeFileSync(current, snapshot(4, 4000));
    for (const target of ['small', 'gappy']) {
      const { compact, wide } = await reports(reference, current, {
        referenceLabel: 'r',
        currentLabel: 'c',
        target,
      });
      expect(compact.target?.reference_rate).toBeGreaterThan(0);
      expect(compact.target?.current_rate).toBeGreaterThan(0);
      expect(JSON.stringify(compact)).toBe(JSON.stringify(wide));
    }
  });
});
