// COPY text decoding and SQL text helpers: pure, no server needed.
import { describe, expect, it } from 'vitest';
import {
  CopyTextDecoder,
  columnKindOf,
  type CopyColumnSpec,
} from '../../../src/snapshot/postgres/copy-text.js';
import {
  parseTableName,
  replaceAsOfPlaceholder,
  usesAsOfPlaceholder,
} from '../../../src/snapshot/postgres/sql-text.js';
import type { Column } from '../../../src/snapshot/table.js';

function decode(columns: CopyColumnSpec[], text: string | Buffer, chunkSize = Infinity): Column[] {
  const decoder = new CopyTextDecoder(columns, 2);
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let at = 0; at < bytes.length; at += Math.min(chunkSize, bytes.length)) {
    decoder.write(bytes.subarray(at, Math.min(at + chunkSize, bytes.length)));
  }
  return decoder.finish();
}

const specs: CopyColumnSpec[] = [
  { name: 'i', kind: 'int' },
  { name: 'f', kind: 'float' },
  { name: 'b', kind: 'bool' },
  { name: 's', kind: 'string' },
  { name: 'd', kind: 'date' },
  { name: 't', kind: 'timestamp' },
];
const rows =
  [
    '1\t0.1\tt\tplain\t2024-01-31\t2024-01-31 12:30:15.25+00',
    '-42\t-1e-300\tf\ttab\\there\\nnew\\\\slash\t2024-02-29\t2024-02-29 00:00:00+00',
    '7\tNaN\t\\N\t\\N\t\\N\t\\N',
    '123456789012345\tInfinity\tt\t\\303\\251t\\xC3\\xA9\t1970-01-01\t1969-12-31 23:00:00-01',
    '0\t-Infinity\tf\tplain\t0044-03-15 BC\tinfinity',
    '9007199254740993\t3.141592653589793238\tt\t\t2000-02-29\t2000-01-01 00:00:00+05:30',
  ].join('\n') + '\n';

describe('CopyTextDecoder', () => {
  it.each([Infinity, 1, 2, 3, 7, 64])(
    'decodes every type, escape and NULL identically with chunks of %s bytes',
    (chunk) => {
      const [i, f, b, s, d, t] = decode(specs, rows, chunk);
      // An int column with no NULL stays int; the string/bool/float NULLs are NaN / -1.
      expect(i).toEqual({
        name: 'i',
        type: 'int',
        values: Float64Array.from([1, -42, 7, 123456789012345, 0, Number('9007199254740993')]),
      });
      expect(f!.type).toBe('float');
      expect(Array.from((f as { values: Float64Array }).values)).toEqual([
        0.1,
        -1e-300,
        NaN,
        Infinity,
        -Infinity,
        3.141592653589793,
      ]);
      expect(b).toMatchObject({ type: 'bool' });
      expect(Array.from((b as { values: Float64Array }).values)).toEqual([1, 0, NaN, 1, 0, 1]);
      expect(s!.type).toBe('string');
      const strings = s as { codes: Int32Array; dictionary: readonly string[] };
      expect(Array.from(strings.codes, (code) => (code < 0 ? null : strings.dictionary[code]))).toEqual([
        'plain',
        'tab\there\nnew\\slash',
        null,
        'été',
        'plain',
        '',
      ]);
      expect(strings.dictionary).toHaveLength(4); // dictionary-encoded: 'plain' once
      expect(d!.type).toBe('datetime');
      expect(Array.from((d as { values: Float64Array }).values)).toEqual([
        Date.UTC(2024, 0, 31),
        Date.UTC(2024, 1, 29),
        NaN,
        0,
        new Date('-000043-03-15T00:00:00Z').getTime(),
        Date.UTC(2000, 1, 29),
      ]);
      expect(Array.from((t as { values: Float64Array }).values)).toEqual([
        Date.UTC(2024, 0, 31, 12, 30, 15, 250),
        Date.UTC(2024, 1, 29),
        NaN,
        0,
        Infinity,
        Date.UTC(1999, 11, 31, 18, 30),
      ]);
    },
  );

  it('parses decimals exactly as Number() does (fast path and fallback)', () => {
    const texts = [
      '0.1',
      '0.3',
      '123.456',
      '-0',
      '0.000001',
      '999999999999999',
      '1234567890.12345',
      '0.1234567890123456789',
      '1e21',
      '17.13',
      '18.00',
    ];
    const [column] = decode([{ name: 'x', kind: 'float' }], texts.join('\n') + '\n');
    const values = (column as { values: Float64Array }).values;
    texts.forEach((text, index) => expect(Object.is(values[index], Number(text))).toBe(true));
  });

  it('parses float cells of up to 15 digits by hand and longer ones as Number() does, in any column', () => {
    const texts = [
      '-0.0',
      '0.000000000000001', // 16 digits with the leading zeros: the general parser
      '0.00000000000001',
      '123456789012345',
      '1234567890123456',
      '-99999999999999.9',
      '9007199254740993',
      '5.',
      '.5',
      '+1.5',
      '1.5e-3',
      '00012.50',
      '4.35',
      '8.325',
      '-2.675',
      '-',
      '-.',
    ];
    let seed = 12345;
    for (let i = 0; i < 200; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      texts.push(((seed % 1_000_000) / 10 ** (i % 12)).toString());
    }
    // The float column both last in the row (ends at a newline) and first (ends at a tab).
    const text = texts.map((cell, i) => `${cell}\t${i}\t${cell}\n`).join('');
    const columns = decode(
      [
        { name: 'a', kind: 'float' },
        { name: 'i', kind: 'int' },
        { name: 'b', kind: 'float' },
      ],
      text,
      13,
    ) as (Column & { values: Float64Array })[];
    texts.forEach((cell, index) => {
      expect([cell, Object.is(columns[0]!.values[index], Number(cell))]).toEqual([cell, true]);
      expect([cell, Object.is(columns[2]!.values[index], Number(cell))]).toEqual([cell, true]);
    });
  });

  it('reads an integer column with a NULL as float, as pandas does', () => {
    const [column] = decode([{ name: 'n', kind: 'int' }], '1\n\\N\n3\n');
    expect(column!.type).toBe('float');
  });

  it('grows past a row estimate by sixteenths, then by doubling, and keeps every row', () => {
    const columns: CopyColumnSpec[] = [
      { name: 'i', kind: 'int' },
      { name: 'f', kind: 'float' },
    ];
    for (const rowCount of [1, 159, 160, 161, 175, 319, 320, 321, 1000]) {
      const text = Array.from({ length: rowCount }, (_, r) => `${r}\t${r}.5\n`).join('');
      const decoder = new CopyTextDecoder(columns, 160, true);
      for (let at = 0; at < text.length; at += 7) decoder.write(Buffer.from(text.slice(at, at + 7)));
      const [i, f] = decoder.finish() as [
        Column & { values: Float64Array },
        Column & { values: Float64Array },
      ];
      expect(decoder.rows).toBe(rowCount);
      expect(Array.from(i.values)).toEqual(Array.from({ length: rowCount }, (_, r) => r));
      expect(Array.from(f.values)).toEqual(Array.from({ length: rowCount }, (_, r) => r + 0.5));
      // A little past the estimate, the columns grow by a sixteenth of it at a time.
      if (rowCount > 160 && rowCount <= 320)
        expect(i.values.buffer.byteLength / 8).toBeLessThanOrEqual(rowCount + 10);
    }
  });

  it('rejects a stream that ends inside a row and rows with the wrong field count', () => {
    expect(() => decode([{ name: 'x', kind: 'int' }], '1\n2')).toThrow(/ended inside a row/);
    expect(() => decode(specs.slice(0, 2), '1\n')).toThrow(/has 1 fields, expected 2/);
    expect(() => decode(specs.slice(0, 1), '1\t2\n')).toThrow(/more than 1 fields/);
  });

  it('splits a stream of two snapshots by its leading flag into the columns two decoders give, chunked anywhere', () => {
    // Rows of both snapshots interleaved at random (seeded), every type and escape of the rows above, and a
    // row estimate per snapshot that is too low for one and too high for the other.
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const lines = rows.trimEnd().split('\n');
    const sides: [string[], string[]] = [[], []];
    const stream: string[] = [];
    for (let r = 0; r < 500; r++) {
      const side = random() < 0.3 ? 1 : 0;
      const line = lines[Math.floor(random() * lines.length)]!;
      sides[side].push(`${line}\n`);
      stream.push(`${side === 1 ? 't' : 'f'}\t${line}\n`);
    }
    const whole = Buffer.from(stream.join(''));
    const alone = sides.map((text) => decode(specs, text.join('')));
    for (const chunk of [1, 2, 3, 5, 64, 4096]) {
      const decoder = CopyTextDecoder.split(specs, [100, 400], [true, true]);
      for (let at = 0; at < whole.length; at += chunk) decoder.write(whole.subarray(at, at + chunk));
      expect([decoder.rowsOf(0), decoder.rowsOf(1)]).toEqual([sides[0].length, sides[1].length]);
      expect(decoder.finish(0)).toEqual(alone[0]);
      expect(decoder.finish(1)).toEqual(alone[1]);
    }
    // One snapshot without rows: its columns are empty.
    const only = CopyTextDecoder.split(specs.slice(0, 1), [16, 16]);
    only.write(Buffer.from('t\t1\nt\t2\n'));
    expect([only.rowsOf(0), only.rowsOf(1)]).toEqual([0, 2]);
    expect(Array.from((only.finish(1)[0] as { values: Float64Array }).values)).toEqual([1, 2]);
  });

  it('rejects a split row without a snapshot flag', () => {
    const split = (text: string) =>
      CopyTextDecoder.split(specs.slice(0, 2), [16, 16]).write(Buffer.from(text));
    expect(() => split('f\t1\t2\nx\t1\t2\n')).toThrow(/row 2 does not start with a snapshot flag/);
    expect(() => split('1\t2\n')).toThrow(/row 1 does not start with a snapshot flag/);
    expect(() => split('t\t1\n')).toThrow(/has 1 fields, expected 2/);
    expect(() => split('tt\t1\t2\n')).toThrow(/does not start with a snapshot flag/);
  });

  it('maps type OIDs: numeric(p,0) is int, numeric(p,s) and unconstrained numeric are float', () => {
    expect(columnKindOf(23, -1)).toBe('int');
    expect(columnKindOf(20, -1)).toBe('int');
    expect(columnKindOf(1700, ((10 << 16) | 0) + 4)).toBe('int');
    expect(columnKindOf(1700, ((10 << 16) | 2) + 4)).toBe('float');
    expect(columnKindOf(1700, -1)).toBe('float');
    expect(columnKindOf(701, -1)).toBe('float');
    expect(columnKindOf(16, -1)).toBe('bool');
    expect(columnKindOf(1082, -1)).toBe('date');
    expect(columnKindOf(1184, -1)).toBe('timestamp');
    expect(columnKindOf(25, -1)).toBe('string');
    expect(columnKindOf(2950, -1)).toBe('string'); // uuid: its text form
  });
});

describe('SQL text helpers', () => {
  it('rewrites $1 outside literals, quoted identifiers, comments and dollar quotes', () => {
    const sql = `SELECT '$1', "$1", E'it\\'s $1', $tag$ $1 $tag$, x$1 -- $1\nFROM t /* $1 /* nested $1 */ */ WHERE as_of = $1 OR d = $1`;
    expect(replaceAsOfPlaceholder('--query', sql, '@')).toBe(
      `SELECT '$1', "$1", E'it\\'s $1', $tag$ $1 $tag$, x$1 -- $1\nFROM t /* $1 /* nested $1 */ */ WHERE as_of = @ OR d = @`,
    );
    expect(usesAsOfPlaceholder("SELECT '$1' FROM t")).toBe(false);
    expect(() => replaceAsOfPlaceholder('--query', 'SELECT $2', '@')).toThrow(/only \$1 .* found \$2/);
  });

  it('parses table names with optional schema and quotes', () => {
    expect(parseTableName('--table', 'features')).toEqual({ table: 'features' });
    expect(parseTableName('--table', 'analytics.features')).toEqual({
      schema: 'analytics',
      table: 'features',
    });
    expect(parseTableName('--table', '"My ""S"".x"."T.1"')).toEqual({ schema: 'My "S".x', table: 'T.1' });
    expect(() => parseTableName('--table', 'a.b.c')).toThrow(/more than two parts/);
    expect(() => parseTableName('--table', 'a.')).toThrow(/not a table name/);
    expect(() => parseTableName('--table', '"a')).toThrow(/unbalanced quote/);
  });
});
