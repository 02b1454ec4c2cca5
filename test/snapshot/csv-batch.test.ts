// The CSV reader's batched path (records on one line staged column by column, quoted fields included) against its
// record-by-record path (`batches: false`): the same cells, quoted or not, must give the same table.
import { describe, expect, it } from 'vitest';
import { withLabels } from '../../src/snapshot/column-builder.js';
import { readDelimited } from '../../src/snapshot/csv.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import type { Table } from '../../src/snapshot/table.js';
import { adversarialDecimals } from './decimal-strings.js';
import { file, values } from './support.js';

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/** Every column's name, type, dictionary (labels in code order) and cells. */
function contents(table: Table): unknown[] {
  return table.columns.map((raw) => {
    const c = withLabels(raw);
    return {
      name: c.name,
      type: c.type,
      dictionary: c.type === 'string' ? c.dictionary : null,
      cells: values(table, c.name),
    };
  });
}

/**
 * Rows of awkward cells: numbers in every form the scan or `readNumber` or `Number()` reads, pandas' missing tokens,
 * booleans, multi-byte UTF-8, quoted cells with delimiters, quotes and newlines, an id that turns to the byte store
 * mid-batch, a long-tailed categorical, and a numeric column that meets a word late (re-read as strings).
 */
function rows(count: number, seed: number): string[][] {
  const next = random(seed);
  const numbers = [
    '0',
    '-0',
    '7',
    '-12',
    '1.5',
    '-0.25',
    '5.',
    '.5',
    '-.5',
    '98.82',
    '+7',
    '1e3',
    '2.5E-3',
    '12345678901234567',
    '0.1000000000000000055',
    '007',
    'inf',
    '-Infinity',
    ' 3 ',
  ];
  const missing = ['', 'NA', 'NULL', 'nan', 'None', 'n/a'];
  const labels = [
    'Yes',
    'No',
    'Fiber optic',
    'DSL',
    'Süd',
    '東京',
    '"a, b"',
    '"say ""hi"""',
    '"two\nlines"',
    'a""b',
    'N',
    'Ye',
  ];
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    out.push([
      // an id: distinct, some multi-byte, a few repeats and missing cells; long enough to turn to bytes mid-batch
      r < 0.02
        ? pick(next, missing)
        : r < 0.05
          ? `u-${Math.floor(next() * i)}`
          : r < 0.1
            ? `é-${i}`
            : `u-${i}`,
      // integers with a missing cell now and then
      next() < 0.01 ? pick(next, missing) : String(Math.floor(next() * 100)),
      // numbers in any form
      next() < 0.05
        ? pick(next, missing)
        : next() < 0.5
          ? pick(next, numbers)
          : (next() * 1000 - 500).toFixed(Math.floor(next() * 4)),
      // booleans
      next() < 0.03 ? pick(next, missing) : pick(next, ['True', 'False', 'true', 'FALSE']),
      // a categorical with quoted and multi-byte labels
      next() < 0.03 ? pick(next, missing) : pick(next, labels),
      // long-tailed: its first rows mostly distinct, later ones repeat
      `t${Math.floor(1 / (next() + 1e-4))}`,
      // numeric until a word late in the file
      i === count - 7 ? 'word' : String(i % 13),
      // a numeric column with a boolean partway: not one type
      i === 1500 ? 'True' : String(i % 5),
    ]);
  }
  return out;
}

/**
 * The CSV of these rows: cells as they are (a label that holds a quote, a delimiter or a newline is quoted already), or
 * every cell quoted (`"` doubled inside), as writers that quote every field write it.
 */
function csv(header: string[], data: string[][], quoteAll: boolean, newline: string): string {
  const quote = (cell: string) => (cell.startsWith('"') ? cell : `"${cell.replaceAll('"', '""')}"`);
  const lines = [header.join(',')];
  for (const row of data) lines.push(row.map((cell) => (quoteAll ? quote(cell) : cell)).join(','));
  return lines.join(newline) + newline;
}

describe('CSV batched path', () => {
  const header = ['id', 'n', 'x', 'b', 'cat', 'tail', 'late', 'mixed'];
  const byRecord = (path: string) => readDelimited(path, { delimiter: 0x2c, batches: false });

  for (const [count, newline] of [
    [5_000, '\n'],
    [40_000, '\r\n'],
  ] as const) {
    it(`reads ${count} rows (${newline === '\n' ? 'LF' : 'CRLF'}) as the record-by-record path does, quoted or not`, async () => {
      const data = rows(count, count);
      const plain = file(csv(header, data, false, newline));
      const expected = contents(await byRecord(plain));
      const batched = await readSnapshot(plain);
      expect(batched.rows).toBe(count);
      expect(contents(batched)).toEqual(expected);
      const types = Object.fromEntries(batched.columns.map((c) => [c.name, c.type]));
      expect(types).toEqual({
        id: 'string',
        n: 'float',
        x: 'float',
        b: 'bool',
        cat: 'string',
        tail: 'string',
        late: 'string',
        mixed: 'string',
      });
      // Threads' reading: shared memory, an id's labels held as bytes.
      const shared = await readSnapshot(plain, { sharedMemory: true });
      expect(contents(shared)).toEqual(expected);
      // Every field quoted: batched too (but for the records with a label on two lines), the same table.
      const quoted = file(csv(header, data, true, newline));
      expect(contents(await byRecord(quoted))).toEqual(expected);
      expect(contents(await readSnapshot(quoted))).toEqual(expected);
      expect(contents(await readSnapshot(quoted, { sharedMemory: true }))).toEqual(expected);
    });
  }

  it('reads records at every chunk end as the record-by-record path does, whatever ends a line (LF, CRLF, CR)', async () => {
    // Over 2 MiB of records of varied length, so chunk ends fall inside numbers, empty fields, labels, quoted fields
    // (some holding a line end) and line ends; the one-pass scan stops at the last line end of each chunk.
    const next = random(57);
    const cells = [
      '',
      '1.5',
      '-0',
      '123456789012345678',
      '0.12345678901234567',
      'word',
      '"a,b"',
      '"x\ny"',
      '7',
      '2e-5',
    ];
    const records: string[][] = [];
    for (let length = 0; length < 2.3 * 1024 * 1024;) {
      const record = [
        String(records.length),
        pick(next, cells),
        pick(next, cells),
        (next() * 100).toFixed(6),
      ];
      length += record.join(',').length + 2;
      records.push(record);
    }
    for (const newline of ['\n', '\r\n', '\r']) {
      const path = file(
        `a,b,c,d${newline}${records.map((record) => record.join(',')).join(newline)}${newline}`,
      );
      const batched = await readSnapshot(path);
      expect(batched.rows).toBe(records.length);
      expect(contents(batched)).toEqual(contents(await byRecord(path)));
      expect(contents(await readSnapshot(path, { sharedMemory: true }))).toEqual(contents(batched));
    }
  });

  it('reads every number form of the scan as Number(text), and a cell of another form as its text', async () => {
    const cells = [
      '0',
      '-0',
      '7',
      '-12',
      '1.5',
      '-0.25',
      '5.',
      '.5',
      '-.5',
      '98.82',
      '+7',
      '1e3',
      '2.5E-3',
      '123456789012345',
      '1234567890123456',
      '12345678901234567',
      '0.000000000000001',
      '-999999999999999.9',
      // 14 or 15 digits and a point in the first 15 bytes, the rest after them
      '12345678901234.5',
      '123456789012345.6',
      '1234567890123456.7',
      '-12345678901234.56',
      '-0.00000000000000',
      '00000000000000000001',
      '9007199254740993',
      '1234567890123456789',
      '12345678901234567890',
      '123456789012345678901',
      '0.12345678901234567e-300',
      '-1.2345678901234567e-05',
      '1.7976931348623157e308',
      '4.9e-324',
      '1e400',
      '-0e-5',
      // decimals read four bytes at a time: 4, 8, 12, 13 and 14 of them, a word cut by the 15th byte
      '0.1234',
      '-1.23456789',
      '0.123456789012',
      '1.1234567890123',
      '0.12345678901234',
      '12.999999999999',
      // 17 significant digits after leading zeros: up to 23 digits written
      '0.00012345678901234567',
      '-0.0000012345678901234567',
      '0.000000012345678901234567',
    ];
    const table = await readSnapshot(file(`v\n${cells.join('\n')}\n`));
    const got = values(table, 'v');
    cells.forEach((cell, i) => expect(Object.is(got[i], Number(cell))).toBe(true));
    const texts = [
      '1.5e',
      '1.5e+',
      '12345678901234567e-',
      '1.5e5.5',
      '123456789012345678.9.1',
      '1e5x',
      // a byte next to the digits, or past 0x7f, inside a word of four
      '1.2/34',
      '1.23:4',
      '1.234é',
      '0.1234€5678',
      '0.12345678 ',
    ];
    expect(values(await readSnapshot(file(`v\n1\n${texts.join('\n')}\n`)), 'v')).toEqual(['1', ...texts]);
    expect(values(await readSnapshot(file('v\n1\n-\n.\n1.2.3\n--5\ne5\nE\n.e5\neta\n')), 'v')).toEqual([
      '1',
      '-',
      '.',
      '1.2.3',
      '--5',
      'e5',
      'E',
      '.e5',
      'eta',
    ]);
  });

  it('reads hard decimals, full-precision floats and exponents as Number(text), batched or not, across chunk ends', async () => {
    // Over 2 MiB, so records (and numbers, exponents) are cut by the reader's chunk ends; the last has no newline.
    const hard = adversarialDecimals(40_000, 23);
    const next = random(31);
    const data = hard.map((text, i) => {
      const x = (next() - 0.5) * 10 ** Math.floor(next() * 12 - 6);
      return [
        text,
        i % 3 === 0 ? x.toExponential(16) : String(x),
        i % 7 === 0 ? '-0' : (next() * 100 - 50).toFixed(i % 5),
        hard[(i * 7919) % hard.length]!,
      ];
    });
    for (const newline of ['\n', '\r\n']) {
      const text = ['a', 'b', 'c', 'd'].join(',') + newline + data.map((row) => row.join(',')).join(newline);
      expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
      const path = file(text);
      const byRecord = await readDelimited(path, { delimiter: 0x2c, batches: false });
      const batched = await readSnapshot(path);
      expect(contents(batched)).toEqual(contents(byRecord));
      for (const [column, name] of ['a', 'b', 'c', 'd'].entries()) {
        const got = values(batched, name);
        const wrong = data.filter((row, i) => !Object.is(got[i], Number(row[column])));
        expect(wrong.map((row) => row[column])).toEqual([]);
      }
    }
  });

  it('tells apart labels that share their length and first and last four bytes, past the cached few too', async () => {
    // Same length, head and tail, different middles; 1- to 8-byte labels (settled by their key); labels that differ
    // only in a byte the key does not hold; and 300 distinct labels, more than the per-column table keeps.
    const labels = [
      'abcd-1-wxyz',
      'abcd-2-wxyz',
      'abcd--1wxyz',
      'a',
      'ab',
      'abc',
      'abcd',
      'abcde',
      'abcdwxyz',
    ];
    labels.push(
      'abcdewxyz',
      'abcdfwxyz',
      'Süd-Ost',
      'Süd-West',
      'x'.repeat(40),
      `${'x'.repeat(20)}y${'x'.repeat(19)}`,
    );
    for (let i = 0; i < 300; i++) labels.push(`label-${i}-end`);
    const next = random(7);
    const cells = Array.from({ length: 20_000 }, (_, i) =>
      i < labels.length ? labels[i]! : pick(next, labels),
    );
    const path = file(`k,s\n${cells.map((cell, i) => `${i},${cell}`).join('\n')}\n`);
    const expected = contents(await readDelimited(path, { delimiter: 0x2c, batches: false }));
    const table = await readSnapshot(path);
    expect(contents(table)).toEqual(expected);
    expect(values(table, 's')).toEqual(cells);
  });

  it('reads label columns in runs of codes as cell by cell: gaps, missing tokens, numbers, new labels, ids late', async () => {
    const next = random(29);
    const labels = ['alpha_1', 'beta_1', 'gamma_1', 'epsilon_12', '"a, b"', '"say ""hi"""', 'Süd'];
    const data: string[][] = [];
    for (let i = 0; i < 12_000; i++) {
      const r = next();
      data.push([
        // few labels with empty cells, missing tokens and a new label now and then
        r < 0.05
          ? ''
          : r < 0.08
            ? pick(next, ['NA', 'null', 'None'])
            : r < 0.09
              ? `new-${i}`
              : pick(next, labels),
        // labels from the first row, a number late in a batch (the column is then read again as text)
        i === 5_000 ? '17' : pick(next, labels),
        // missing first (the column undecided for a batch or more), then labels
        i < 2_000 ? '' : pick(next, labels),
        // few labels, then an id from row 3,000: its labels turn mostly distinct inside a batch
        i < 3_000 ? pick(next, labels) : `id-${i}`,
        // the same, but its labels turn mostly distinct (near row 5,986) in records of the general scan (a field on
        // two lines), after the scan last asked the column's cache; later cells repeat its first labels
        i < 3_000 || (i > 6_010 && next() < 0.3) ? pick(next, labels) : `id-${i}`,
        i >= 5_960 && i <= 6_010 ? '"two\nlines"' : 'one',
        String(i),
      ]);
    }
    const header = ['gappy', 'late_number', 'late_start', 'to_id', 'to_id_general', 'note', 'n'];
    for (const quoteAll of [false, true]) {
      const path = file(csv(header, data, quoteAll, '\n'));
      const expected = contents(await readDelimited(path, { delimiter: 0x2c, batches: false }));
      expect(contents(await readSnapshot(path))).toEqual(expected);
      expect(contents(await readSnapshot(path, { sharedMemory: true }))).toEqual(expected);
      expect(values(await readSnapshot(path), 'late_number')[5_000]).toBe('17');
    }
  });

  it('reads a cell that starts past the digits (a letter, `_`, `~`, UTF-8) as text, whatever the delimiter', async () => {
    const cells = ['inf', 'nan', 'NaN', 'Infinity', 'e5', 'E', '_7', '~1', 'é', '{a}', 'Z9', 'x y', '12', ''];
    const next = random(5);
    for (const delimiter of [',', '\t', ';', '|']) {
      const data = Array.from({ length: 3_000 }, (_, i) => [
        pick(next, cells),
        `${pick(next, cells)}z`,
        String(i),
      ]);
      const text =
        ['a', 'b', 'n'].join(delimiter) + '\n' + data.map((row) => row.join(delimiter)).join('\n') + '\n';
      const path = file(text);
      const code = delimiter.charCodeAt(0);
      const expected = contents(await readDelimited(path, { delimiter: code, batches: false }));
      const table = await readDelimited(path, { delimiter: code });
      expect(contents(table)).toEqual(expected);
      expect(values(table, 'b')).toEqual(data.map((row) => row[1]));
    }
  });

  it('keeps a quoted cell with a doubled quote apart from the unquoted cell of the same bytes', async () => {
    // `"a""b"` is the text a"b; a""b unquoted is itself. Both read the same bytes between the field's ends.
    const table = await readSnapshot(file('k,s\n1,"a""b"\n2,a""b\n3,"a""b"\n4,a""b\n'));
    expect(values(table, 's')).toEqual(['a"b', 'a""b', 'a"b', 'a""b']);
  });

  it('names the line of a ragged record inside a batch, and of one right after a quoted record', async () => {
    const lines = ['a,b,c'];
    for (let i = 0; i < 3000; i++) lines.push(i === 2500 ? '1,2' : `${i},x,${i % 3}`);
    await expect(readSnapshot(file(lines.join('\n') + '\n'))).rejects.toThrow(
      /:2502: expected 3 fields, found 2/,
    );
    lines[2500] = '"q",x,1';
    lines[2501] = '1,2,3,4';
    await expect(readSnapshot(file(lines.join('\n') + '\n'))).rejects.toThrow(
      /:2502: expected 3 fields, found 4/,
    );
    // A quoted label on two lines counts both; the record after it is on the line after that.
    lines[2500] = '"two\nlines",x,1';
    await expect(readSnapshot(file(lines.join('\n') + '\n'))).rejects.toThrow(
      /:2503: expected 3 fields, found 4/,
    );
    lines[2501] = '1,"q"x,3';
    await expect(readSnapshot(file(lines.join('\n') + '\n'))).rejects.toThrow(
      /:2503: unexpected character after closing quote of field 2/,
    );
  });
});
