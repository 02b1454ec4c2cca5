// The CSV / TSV reader: RFC 4180 quoting, pandas typing, exact decimals, streaming, gzip, one-line errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numbersOf } from '../../src/snapshot/table.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { column, dir, file, rejects, values } from './support.js';

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with embedded commas, quotes and newlines, CRLF and a UTF-8 BOM', async () => {
    const path = file('\uFEFFid,note,x\r\n1,"a, b",1.5\r\n2,"say ""hi""\nthere",2\r\n3,plain,\r\n');
    const table = await readSnapshot(path);
    expect(table.rows).toBe(3);
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'note', 'x']);
    expect(values(table, 'note')).toEqual(['a, b', 'say "hi"\nthere', 'plain']);
    expect(values(table, 'x')).toEqual([1.5, 2, null]);
  });

  it('types columns as pandas.read_csv does', async () => {
    const path = file(
      'i,f,imiss,b,s,mixed,inf,empty\n1,1.0,1,True,a,1,inf,\n2,2.5,,False,b,x,-inf,\n3,3,3,true,a,2,1e3,\n',
    );
    const table = await readSnapshot(path);
    const types = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({
      i: 'int',
      f: 'float',
      imiss: 'float',
      b: 'bool',
      s: 'string',
      mixed: 'string',
      inf: 'float',
      empty: 'float',
    });
    expect(values(table, 'b')).toEqual([1, 0, 1]);
    expect(values(table, 'mixed')).toEqual(['1', 'x', '2']);
    expect(values(table, 'inf')).toEqual([Infinity, -Infinity, 1000]);
    expect(values(table, 'empty')).toEqual([null, null, null]);
  });

  it('parses decimals to the correctly rounded double, like strtod', async () => {
    const texts = [
      '0.1',
      '-12.345',
      '123456789012345',
      '1234567890.123456789',
      '3.14159265358979323846',
      '5e-324',
      '1.7976931348623157e308',
      '007',
      '-0.0',
    ];
    const table = await readSnapshot(file(`v\n${texts.join('\n')}\n`));
    expect(values(table, 'v')).toEqual(texts.map(Number));
  });

  it('reads pandas missing tokens as missing', async () => {
    const table = await readSnapshot(file('v,s\n1,a\nNA,NULL\nnan,\n4,b\n'));
    expect(values(table, 'v')).toEqual([1, null, null, 4]);
    expect(values(table, 's')).toEqual(['a', null, null, 'b']);
  });

  it('keeps every cell of an id-like string column as its text, numbers, booleans and missing tokens included', async () => {
    // Past a thousand distinct labels the reader hands such a column's cells to the builder as text; the result
    // must equal what the cell cache and the string pass give on a short column.
    const cells = Array.from({ length: 3000 }, (_, i) => `U-${i}`);
    cells.push('123', 'True', '1e3', 'inf', '"quoted, with comma"', 'NA', '', 'U-5', ' 7 ');
    const table = await readSnapshot(file(`id,x\n${cells.map((cell, i) => `${cell},${i}`).join('\n')}\n`));
    const expected = cells.map((cell) =>
      cell === 'NA' || cell === '' ? null : cell.startsWith('"') ? cell.slice(1, -1) : cell,
    );
    expect(values(table, 'id')).toEqual(expected);
    const id = column(table, 'id');
    expect(id.type === 'string' && id.dictionary.length).toBe(3000 + 6);
  });

  it('reads TSV by extension and skips blank lines', async () => {
    const table = await readSnapshot(file('a\tb\n1\tx\n\n2\ty\n', 'tsv'));
    expect(table.rows).toBe(2);
    expect(values(table, 'b')).toEqual(['x', 'y']);
  });

  it('materialises only the included columns', async () => {
    const table = await readSnapshot(file('id,x\nA,1\nB,2\n'), { include: (name) => name !== 'id' });
    expect(table.columns.map((c) => c.name)).toEqual(['x']);
  });

  it('streams files larger than one read chunk', async () => {
    const rows = 400_000;
    const lines = ['k,x,s'];
    for (let i = 0; i < rows; i++) lines.push(`${i},${(i * 0.37).toFixed(2)},"q${i % 7}\n${i % 3}"`);
    const table = await readSnapshot(file(lines.join('\n') + '\n'));
    expect(table.rows).toBe(rows);
    const x = column(table, 'x');
    expect(x.type).toBe('float');
    if (x.type === 'float')
      expect(numbersOf(x.values)[rows - 1]).toBe(Number(((rows - 1) * 0.37).toFixed(2)));
    const s = column(table, 's');
    if (s.type === 'string') expect(s.dictionary.length).toBe(21);
  });

  it('reads numeric cells in one pass to Number(text) across read chunks, with CRLF, quoted cells and words', async () => {
    // Over 2 MiB, so records straddle read chunks; shortest round-trip floats (17 digits), exponents, integers.
    const rows = 40_000;
    const lines = ['i,f,e,q,w'];
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const expected: { f: number[]; e: number[]; q: number[] } = { f: [], e: [], q: [] };
    for (let i = 0; i < rows; i++) {
      const f = String((next() - 0.5) * 10 ** Math.floor(next() * 12 - 6));
      const e = (next() * 1e-12).toExponential(16);
      const q = (next() * 100).toFixed(3);
      expected.f.push(Number(f));
      expected.e.push(Number(e));
      expected.q.push(Number(q));
      lines.push(`${i},${f},${e},${i % 5 === 0 ? `"${q}"` : q},${i === rows - 1 ? 'word' : String(i)}`);
    }
    const table = await readSnapshot(file(lines.join('\r\n') + '\r\n'));
    expect(table.rows).toBe(rows);
    expect(column(table, 'i').type).toBe('int');
    expect(column(table, 'f').type).toBe('float');
    expect(values(table, 'f')).toEqual(expected.f);
    expect(values(table, 'e')).toEqual(expected.e);
    expect(values(table, 'q')).toEqual(expected.q);
    expect(column(table, 'w').type).toBe('string');
    expect(values(table, 'w').at(-1)).toBe('word');
    await rejects(
      file(`${lines.slice(0, 30_000).join('\n')}\n1,2\n`),
      'RAGGED_ROW',
      /:30001: expected 5 fields, found 2/,
    );
  });

  it('rejects bad input with one line naming the file and line', async () => {
    await rejects(join(dir, 'missing.csv'), 'FILE_NOT_FOUND', /missing\.csv: file not found/);
    await rejects(file(''), 'EMPTY_FILE', /file is empty/);
    await rejects(file('a,b\n'), 'NO_ROWS', /header but no data rows/);
    await rejects(file('a,b\n1,2\n3\n'), 'RAGGED_ROW', /:3: expected 2 fields, found 1/);
    await rejects(file('a,b\n1,2\n"x\n",2,3\n'), 'RAGGED_ROW', /:3: expected 2 fields, found 3/);
    await rejects(file('a,a\n1,2\n'), 'DUPLICATE_HEADER', /:1: duplicate column name 'a'/);
    await rejects(file('a,b\n"1,2\n'), 'PARSE', /unterminated quoted field/);
  });

  it('reads gzip-compressed CSV and TSV (.csv.gz, .tsv.gz) streaming, the same as the plain file', async () => {
    const lines = ['k,x,s'];
    for (let i = 0; i < 300_000; i++) lines.push(`${i},${(i * 0.37).toFixed(2)},"q${i % 7}"`);
    const text = lines.join('\n') + '\n';
    const plain = await readSnapshot(file(text));
    const compressed = await readSnapshot(file(text, 'csv.gz'));
    expect(compressed.rows).toBe(300_000);
    expect({ ...compressed, source: '' }).toEqual({ ...plain, source: '' });
    const tsv = await readSnapshot(file('a\tb\n1\tx\n2\ty\n', 'tsv.gz'));
    expect(values(tsv, 'b')).toEqual(['x', 'y']);
  });

  it('rejects a .gz file that is not gzip with one line naming it', async () => {
    const path = join(dir, 'broken.csv.gz');
    writeFileSync(path, 'a,b\n1,2\n');
    await rejects(path, 'PARSE', /broken\.csv\.gz: not readable as gzip/);
  });
});
