// Bounds of a delimited file's shape from its line ends (never below what the reader finds), its rows estimated from
// its first MiB, and the row limit a reader stops at.
import { describe, expect, it } from 'vitest';
import { readDelimited } from '../../src/snapshot/csv.js';
import { delimitedBound, delimitedHead } from '../../src/snapshot/delimited-bound.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { RowLimitExceeded } from '../../src/snapshot/row-limit.js';
import { file } from './support.js';

describe('delimitedBound', () => {
  it('counts the header fields and bounds the rows by the line ends, quoted ones included', async () => {
    const path = file('\uFEFFid,note,x\r\n1,"a, b",1.5\r\n2,"say ""hi""\nthere",2\r\n\n3,plain,');
    const table = await readSnapshot(path);
    expect(table.rows).toBe(3);
    const bound = delimitedBound(path, 0x2c)!;
    expect(bound.fields).toBe(3);
    expect(bound.rows).toBeGreaterThanOrEqual(table.rows);
    expect(bound.rows).toBe(9);
  });

  it('counts LF, CR LF and a lone CR, and a last line without one', () => {
    expect(delimitedBound(file('a,b,c\n1,"x\ny",3\r\n4,5,6\r7,8,9'), 0x2c)).toEqual({ rows: 6, fields: 3 });
  });

  it('reads a tab-separated header', () => {
    expect(delimitedBound(file('a\tb\tc\td\n1\t2\t3\t4\n'), 0x09)).toEqual({ rows: 3, fields: 4 });
  });

  it('gives no bound for a quoted header or an empty file', () => {
    expect(delimitedBound(file('"a,b",c\n1,2\n'), 0x2c)).toBeUndefined();
    expect(delimitedBound(file(''), 0x2c)).toBeUndefined();
  });
});

describe('delimitedHead', () => {
  it('counts the header fields and, in a file within its first MiB, bounds the rows by the line ends', () => {
    expect(delimitedHead(file('a,b,c\n1,2,3\n4,5,6\n'), 0x2c)).toEqual({ fields: 3, rows: 3 });
    expect(delimitedHead(file('a,b\r\n1,2\r\n4,5'), 0x2c)).toEqual({ fields: 2, rows: 2 });
    expect(delimitedHead(file('a\tb\r1\t2\r3\t4\r'), 0x09)).toEqual({ fields: 2, rows: 3 });
    // A header alone, without a line end: the whole file.
    expect(delimitedHead(file('a,b,c'), 0x2c)).toEqual({ fields: 3, rows: 0 });
    expect(delimitedBound(file('a,b,c'), 0x2c)).toEqual({ fields: 3, rows: 1 });
  });

  it('estimates a bigger file’s rows from its first MiB', () => {
    const row = '12345,abcdefgh,3.25\n';
    const rows = Math.ceil((3 * 1024 * 1024) / row.length);
    const head = delimitedHead(file('id,name,x\n' + row.repeat(rows)), 0x2c)!;
    expect(head.fields).toBe(3);
    expect(Math.abs(head.rows - rows) / rows).toBeLessThan(0.001);
  });

  it('gives nothing for a quoted header, a header longer than a MiB or an empty file', () => {
    expect(delimitedHead(file('"a,b",c\n1,2\n'), 0x2c)).toBeUndefined();
    expect(delimitedHead(file('a'.repeat(1024 * 1024 + 10) + '\n1\n'), 0x2c)).toBeUndefined();
    expect(delimitedHead(file(''), 0x2c)).toBeUndefined();
  });
});

describe('a row limit on a read', () => {
  const text = 'a,b\n' + Array.from({ length: 10_000 }, (_, r) => `${r},x${r % 5}`).join('\n') + '\n';

  it.each([true, false])(
    'reads up to the limit and stops at the row past it (batches: %s)',
    async (batches) => {
      const path = file(text);
      const read = (maxRows: number) => readDelimited(path, { delimiter: 0x2c, batches, maxRows });
      expect((await read(10_000)).rows).toBe(10_000);
      for (const maxRows of [9_999, 5_000, 100, 0]) {
        const failure = await read(maxRows).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(RowLimitExceeded);
        expect(failure).toMatchObject({ path, maxRows });
      }
    },
  );

  it('is for CSV and TSV files only', async () => {
    await expect(readSnapshot(file('{"a":1}\n', 'jsonl'), { maxRows: 5 })).rejects.toThrow(
      'a row limit is for CSV and TSV files, not jsonl',
    );
    expect((await readSnapshot(file('a\tb\n1\t2\n', 'tsv'), { maxRows: 1 })).rows).toBe(1);
  });
});
