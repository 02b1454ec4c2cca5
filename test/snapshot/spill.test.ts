// A spill of parsed columns, read back column by column, equals the columns of a read of the whole file.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/snapshot/index.js';
import { SpillWriter } from '../../src/snapshot/spill.js';
import { numbersOf } from '../../src/snapshot/table.js';

const ROWS = 1500;
const dir = mkdtempSync(join(tmpdir(), 'driftwatch-spill-test-'));

/** Row r's cells: a float with gaps, an int, a bool, labels, a column missing until row 600 then labels, a
 * numeric column with a word at row 900 (read as text), an all-missing column. */
function row(r: number): (string | number | boolean | null)[] {
  return [
    r % 13 === 0 ? null : Math.round(Math.sin(r) * 10_000) / 1000,
    r % 7,
    r % 3 === 0,
    ['free', 'pro', 'team'][r % 3]!,
    r < 600 ? null : `late${r % 11}`,
    r === 900 ? 'oops' : r,
    null,
  ];
}
const NAMES = ['x', 'k', 'flag', 'plan', 'late', 'mixed', 'empty'];

function delimited(separator: string): string {
  const cell = (value: string | number | boolean | null) => (value === null ? '' : String(value));
  const lines = [NAMES.join(separator)];
  for (let r = 0; r < ROWS; r++) lines.push(row(r).map(cell).join(separator));
  return lines.join('\n') + '\n';
}

function jsonLines(): string {
  const lines: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    const record: Record<string, unknown> = {};
    row(r).forEach((value, index) => {
      const name = NAMES[index]!;
      if (name === 'mixed') return; // JSON Lines rejects a column mixing types
      if (name === 'late' && value === null) return; // a key first seen on row 600
      record[name] = value;
    });
    lines.push(JSON.stringify(record));
  }
  return lines.join('\n') + '\n';
}

const files: [string, string | Buffer][] = [
  ['snapshot.csv', delimited(',')],
  ['snapshot.csv.gz', gzipSync(delimited(','))],
  ['snapshot.tsv', delimited('\t')],
  ['snapshot.jsonl', jsonLines()],
  ['snapshot.jsonl.gz', gzipSync(jsonLines())],
];

describe('spilling a text snapshot', () => {
  for (const [name, content] of files) {
    it(`${name}: every column read back equals the whole read's, over many blocks`, async () => {
      const path = join(dir, name);
      writeFileSync(path, content);
      const whole = await readSnapshot(path);
      // A tiny buffer: blocks of the fewest rows, so every column spans several segments.
      const writer = new SpillWriter(1024);
      const census = await readSnapshot(path, { spill: writer });
      const spill = writer.spilled!;
      expect(census.rows).toBe(ROWS);
      expect(census.columns).toEqual([]);
      expect(spill.rows).toBe(ROWS);
      expect(spill.names).toEqual(whole.columns.map((column) => column.name));
      for (const column of whole.columns) {
        if (spill.mixed.has(column.name)) continue;
        // A spill keeps doubles; the whole read may keep a column's short decimals compact (the same doubles).
        const doubles = column.type === 'string' ? column : { ...column, values: numbersOf(column.values) };
        expect(spill.read(column.name)).toEqual(doubles);
      }
      expect([...spill.mixed]).toEqual(name.includes('sv') ? ['mixed'] : []);
      const inTemp = () =>
        readdirSync(tmpdir()).filter((file) => file.startsWith(`driftwatch-spill-${process.pid}-`));
      expect(inTemp()).toHaveLength(1);
      spill.close();
      expect(inTemp()).toHaveLength(0);
    });
  }

  it('a temporary directory it cannot write to is a one-line error naming the spill', () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, 'missing', 'tmp');
    try {
      expect(() => new SpillWriter(1024)).toThrow(
        /^cannot write .*missing\/tmp\/driftwatch-spill-\d+-\w+\.bin: /,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('spills only the included columns', async () => {
    const path = join(dir, 'included.csv');
    writeFileSync(path, delimited(','));
    const writer = new SpillWriter(1024);
    await readSnapshot(path, { spill: writer, include: (name) => name === 'plan' || name === 'x' });
    const spill = writer.spilled!;
    expect(spill.names).toEqual(['x', 'plan']);
    expect(spill.has('k')).toBe(false);
    spill.close();
  });
});
