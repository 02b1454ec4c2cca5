// UTF-16 text (a byte order mark FF FE or FE FF, as spreadsheet programs save "Unicode text") is decoded, not read
// as garbage: CSV, TSV and JSON Lines, plain or gzip-compressed, read exactly as the same text in UTF-8, across the
// reader's chunk boundaries (characters outside the BMP included). Bytes that are not UTF-16 after the mark are one
// line naming the file and the encoding, exit 2. A UTF-8 byte order mark is still skipped.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/snapshot/index.js';
import type { Table } from '../../src/snapshot/table.js';
import { cli } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'dw-encoding-'));

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  if (order === 'be') bytes.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
}

function write(name: string, bytes: Buffer | string): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

/** Every column's values, as plain arrays (strings decoded through the dictionary). */
function contents(table: Table): Record<string, unknown[]> {
  return Object.fromEntries(
    table.columns.map((column) => [
      column.name,
      column.type === 'string'
        ? Array.from(column.codes, (code) => (code < 0 ? null : column.dictionary[code]))
        : Array.from(column.values as ArrayLike<number>),
    ]),
  );
}

// Long enough for several reader chunks; names with accents, CJK and emoji (surrogate pairs in UTF-16).
const NAMES = ['café', 'naïve', '日本語', 'emoji 🚀', 'plain', 'Ωmega', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'];
const csvText =
  'id,name,x\n' +
  Array.from({ length: 40_000 }, (_, i) => `${i},${NAMES[i % NAMES.length]},${(i % 97) / 4}`).join('\n') +
  '\n';
const tsvText = csvText.replace(/,/g, '\t');
const jsonlText =
  Array.from({ length: 5_000 }, (_, i) =>
    JSON.stringify({ id: i, name: NAMES[i % NAMES.length], x: i % 13 }),
  ).join('\n') + '\n';

describe('UTF-16 snapshots are decoded', () => {
  it.each([
    ['csv', csvText],
    ['tsv', tsvText],
    ['jsonl', jsonlText],
  ])('%s in UTF-16LE and UTF-16BE (plain and .gz) reads exactly as in UTF-8', async (extension, text) => {
    const expected = contents(await readSnapshot(write(`utf8.${extension}`, text)));
    for (const order of ['le', 'be'] as const) {
      const plain = await readSnapshot(write(`utf16${order}.${extension}`, utf16(text, order)));
      expect(contents(plain), `${order}`).toEqual(expected);
      const gz = await readSnapshot(write(`utf16${order}.${extension}.gz`, gzipSync(utf16(text, order))));
      expect(contents(gz), `${order}.gz`).toEqual(expected);
    }
  });

  it('compare on UTF-16LE against UTF-16BE gives the report of the same files in UTF-8', async () => {
    const shifted = csvText.replace(/,(\d+(\.\d+)?)\n/g, (_, x: string) => `,${Number(x) + 1}\n`);
    const run = async (reference: string, current: string, dir: string) => {
      const result = await cli([
        'compare',
        '--reference',
        reference,
        '--current',
        current,
        '--reference-label',
        'ref',
        '--current-label',
        'cur',
        '--id-column',
        'id',
        '--format',
        'json',
        '--report-dir',
        join(work, dir),
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(readFileSync(join(work, dir, 'drift_ref_vs_cur.json'), 'utf8')) as {
        columns: unknown;
        drift_share: number;
      };
      return { columns: report.columns, drift_share: report.drift_share };
    };
    const utf8 = await run(write('r8.csv', csvText), write('c8.csv', shifted), 'r8');
    const utf16Report = await run(
      write('r16.csv', utf16(csvText, 'le')),
      write('c16.csv', utf16(shifted, 'be')),
      'r16',
    );
    expect(utf16Report).toEqual(utf8);
  });

  it('a UTF-8 byte order mark is skipped as before', async () => {
    const table = await readSnapshot(write('bom8.csv', '\uFEFFa,b\n1,x\n'));
    expect(table.columns.map((column) => column.name)).toEqual(['a', 'b']);
  });

  it.each([
    [
      'an odd number of bytes',
      'le',
      (bytes: Buffer) => Buffer.concat([bytes, Buffer.from([0x41])]),
      'UTF-16LE',
    ],
    [
      'a lone surrogate',
      'be',
      (bytes: Buffer) => Buffer.concat([bytes, Buffer.from([0xd8, 0x3d, 0x00, 0x0a])]),
      'UTF-16BE',
    ],
  ] as const)(
    '%s after the mark is one line naming the file and the encoding',
    async (_, order, spoil, name) => {
      const path = write(`bad-${order}.csv`, spoil(utf16('a,b\n1,2\n', order)));
      const result = await cli([
        'compare',
        '--reference',
        path,
        '--current',
        path,
        '--report-dir',
        join(work, `bad-${order}`),
      ]);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `driftwatch: error: ${path}: not valid ${name} text after its byte order mark\n`,
      );
      expect(result.code).toBe(2);
    },
  );
});
