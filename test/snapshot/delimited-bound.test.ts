// Bounds of a delimited file's shape from its line ends: never below what the reader finds.
import { describe, expect, it } from 'vitest';
import { delimitedBound } from '../../src/snapshot/delimited-bound.js';
import { readSnapshot } from '../../src/snapshot/index.js';
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

  it('reads a tab-separated header', () => {
    expect(delimitedBound(file('a\tb\tc\td\n1\t2\t3\t4\n'), 0x09)).toEqual({ rows: 3, fields: 4 });
  });

  it('gives no bound for a quoted header or an empty file', () => {
    expect(delimitedBound(file('"a,b",c\n1,2\n'), 0x2c)).toBeUndefined();
    expect(delimitedBound(file(''), 0x2c)).toBeUndefined();
  });
});
