// The compiled scan of simple numeric records (src/snapshot/wasm/numeric-records.c) against the JavaScript scan: on
// any file, reading with it and without it must give the same table, the same storage and the same errors.
import { describe, expect, it, vi } from 'vitest';
import { checkWasmModule } from '../../scripts/generate-wasm.mjs';
import { UserError } from '../../src/errors.js';
import { ColumnBuilder } from '../../src/snapshot/column-builder.js';
import { readDelimited, type DelimitedOptions } from '../../src/snapshot/csv.js';
import { NO_DECIMALS, NumericRecordScanner, ScaledDecoder } from '../../src/snapshot/numeric-records.js';
import { RowLimitExceeded } from '../../src/snapshot/row-limit.js';
import { SpillWriter } from '../../src/snapshot/spill.js';
import { MISSING_DIGITS, decodeScaled, isScaled, numbersOf, type Table } from '../../src/snapshot/table.js';
import { file, values } from './support.js';

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Every column's name, type, storage (scaled decimals and their places, or doubles) and cells. */
function contents(table: Table): unknown[] {
  return table.columns.map((c) => ({
    name: c.name,
    type: c.type,
    storage: c.type === 'string' ? 'labels' : isScaled(c.values) ? `scaled ${c.values.decimals}` : 'doubles',
    cells: values(table, c.name),
  }));
}

/** Reads `path` with the compiled scan, without it, and record by record; all three must agree. */
async function readAllWays(path: string, options: Partial<DelimitedOptions> = {}): Promise<Table> {
  const compiled = await readDelimited(path, { delimiter: 0x2c, ...options });
  const script = await readDelimited(path, { delimiter: 0x2c, ...options, compiledScan: false });
  const byRecord = await readDelimited(path, { delimiter: 0x2c, ...options, batches: false });
  expect(compiled.rows).toBe(script.rows);
  expect(contents(compiled)).toEqual(contents(script));
  expect(contents(compiled)).toEqual(contents(byRecord));
  return compiled;
}

/**
 * {@link readAllWays}, counting the records the compiled scan took and whether it ever took none (a stop: the
 * JavaScript scan then took the record).
 */
async function readAllWaysCounting(path: string): Promise<{ table: Table; taken: number; stopped: boolean }> {
  const scan = vi.spyOn(NumericRecordScanner.prototype, 'scan');
  try {
    const table = await readAllWays(path);
    const results = scan.mock.results.map((result) => result.value as number);
    return { table, taken: results.reduce((sum, records) => sum + records, 0), stopped: results.includes(0) };
  } finally {
    scan.mockRestore();
  }
}

/** The error reading `path` fails with, with and without the compiled scan (they must be the same). */
async function errorOf(path: string, options: Partial<DelimitedOptions> = {}): Promise<unknown> {
  const caught = (compiledScan: boolean) =>
    readDelimited(path, { delimiter: 0x2c, ...options, compiledScan }).then(
      () => undefined,
      (error: unknown) => error,
    );
  const [compiled, script] = await Promise.all([caught(true), caught(false)]);
  expect(compiled).toBeDefined();
  expect(String(compiled)).toBe(String(script));
  expect(compiled?.constructor).toBe(script?.constructor);
  return compiled;
}

/** Cells the compiled scan takes, and ones next to them that it must leave to the JavaScript scan. */
const SIMPLE = [
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
  '0.000001',
  '123456789012345',
];
/** Numbers of the exact paths past the short one: 16–19 significant digits, exponents. */
const LONG = [
  '0.1000000000000000055',
  '0.30000000000000004',
  '-2.5E-3',
  '1e3',
  '1E+5',
  '1.5e-7',
  '123456789012345678',
  '0.000123456789012345678',
  '1234567890123456.5',
];
const EDGES = [
  ...LONG,
  // Exact ties between two doubles, and powers of ten beyond the exact paths' table: left to Number().
  '12345678901234567',
  '9007199254740993',
  '1.7976931348623157e308',
  '2.2250738585072014e-308',
  '5e-324',
  '4.9406564584124654e-324',
  '123456789012345678901234',
  '1e400',
  '1e',
  '1e+',
  '2e-400',
  '-123456789012345',
  '12345678901234.5',
  '1234567890123456',
  '0.12345678901234',
  '0.123456789012345',
  '-0.0',
  '00012',
  '',
  '+7',
  '1e3',
  '2.5E-3',
  '-',
  '.',
  ' 3',
  'inf',
  'NA',
  '"4.5"',
  'word',
];

/** A table's {@link contents} with its row count, or the error reading it failed with. */
async function readOutcome(
  path: string,
  options: Partial<DelimitedOptions>,
): Promise<{ rows: number; columns: unknown[] } | { error: string }> {
  try {
    const table = await readDelimited(path, { delimiter: 0x2c, ...options });
    return { rows: table.rows, columns: contents(table) };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Fields that start like numbers and are not, missing tokens, texts, and numbers at the edges of the exact paths. */
const ODD = [
  ...EDGES,
  '--3',
  '3-',
  '0x1F',
  '12abc',
  '1.2.3',
  '-.',
  '5e',
  '(1)',
  '-inf',
  'Infinity',
  'NaN',
  'N/A',
  'null',
  'None',
  'True',
  'ñandú',
  '6011-LWREN',
  '1_000',
  'e5',
  '-e5',
];

/** One field of a column of the given kind (5: any kind, field by field). */
function randomField(next: () => number, kind: number, labels: readonly string[]): string {
  const u = next();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  if (u < 0.03) return '';
  if (u < 0.05) return pick(ODD);
  switch (kind) {
    case 0:
      return ((next() - 0.5) * 10 ** Math.floor(next() * 6)).toFixed(Math.floor(next() * 7));
    case 1:
      return String(Math.floor((next() - 0.3) * 1000));
    case 2: {
      const x = (next() + next() * 2 ** -32) * 10 ** Math.floor(next() * 41 - 20) * (next() < 0.3 ? -1 : 1);
      return next() < 0.7 ? String(x) : x.toExponential();
    }
    case 3: {
      const label = pick(labels);
      return /[,"\n]/.test(label) || next() < 0.3 ? `"${label.replace(/"/g, '""')}"` : label;
    }
    case 4:
      return `${1000 + Math.floor(next() * 9000)}-${Math.floor(next() * 1e6).toString(36)}`;
    default:
      return randomField(next, Math.floor(next() * 5), labels);
  }
}

/** A CSV file of the seed's shape: up to 12 columns of random kinds, mostly a few hundred rows, now and then 40,000. */
function randomCsv(seed: number): string {
  const next = random(seed * 7919 + 1);
  const columns = 1 + Math.floor(next() * 12);
  const rows = Math.floor(next() * (next() < 0.05 ? 40_000 : 400));
  const eol = next() < 0.3 ? '\r\n' : '\n';
  const labels = Array.from({ length: 1 + Math.floor(next() * (next() < 0.2 ? 400 : 12)) }, (_, k) => {
    const v = next();
    if (v < 0.05) return `with, comma ${k}`;
    if (v < 0.1) return `say "hi" ${k}`;
    if (v < 0.12) return `two\nlines ${k}`;
    if (v < 0.2) return `a label long enough to pass the forty bytes of a table slot ${k}`;
    if (v < 0.25) return `ünïcode ${k}`;
    return `lab${k}`;
  });
  const kinds = Array.from({ length: columns }, () => Math.floor(next() * 6));
  const ragged = next() < 0.05 ? Math.floor(next() * rows) : -1;
  const lines = [Array.from({ length: columns }, (_, c) => `c${c}`).join(',')];
  for (let row = 0; row < rows; row++) {
    if (next() < 0.002) lines.push('');
    const fields = kinds.map((kind) => randomField(next, kind, labels));
    if (row === ragged) fields.pop();
    lines.push(fields.join(','));
  }
  return (next() < 0.05 ? '\ufeff' : '') + lines.join(eol) + (next() < 0.9 ? eol : '');
}

/**
 * Decimals of 19 to 21 places, below 2^53 as integers, whose value lies within 2^-96 (relatively) of a point halfway
 * between two doubles: the double-double product cannot settle their rounding, so the compiled scan's conversion
 * falls back to one exact division for them. Such a point is M · 2^(e − 54) with M odd, 2^53 ≤ M < 2^54; it is that
 * close to w / 10^q (w an integer) when M · 5^q ≡ ±1 modulo 2^(54 − q − e), which picks M.
 */
function nearHalfway(): string[] {
  const found: string[] = [];
  for (const q of [19, 20, 21]) {
    for (let e = -30; e < 12 - q; e++) {
      const bits = BigInt(54 - q - e);
      const modulus = 1n << bits;
      const five = 5n ** BigInt(q) % modulus;
      // The inverse of an odd number modulo a power of two by Newton's iteration (each step doubles its bits).
      let inverse = five;
      for (let step = 0; step < 7; step++) inverse = (inverse * (2n - five * inverse)) % modulus;
      inverse = (inverse + modulus) % modulus;
      for (const target of [inverse, modulus - inverse]) {
        const m = (1n << 53n) + ((((target - (1n << 53n)) % modulus) + modulus) % modulus);
        if (m >= 1n << 54n) continue;
        const shift = BigInt(54 - e);
        const scaled = m * 10n ** BigInt(q);
        const w = (scaled + (1n << (shift - 1n))) >> shift;
        if (w <= 0n || w >= 1n << 53n) continue;
        const distance = w * (1n << shift) - scaled;
        if ((distance < 0n ? -distance : distance) << 96n >= w << shift) continue;
        const digits = w.toString().padStart(q + 1, '0');
        found.push(`${digits.slice(0, -q)}.${digits.slice(-q)}`);
      }
    }
  }
  return found;
}

describe('the compiled scan of numeric records', () => {
  it('was compiled from the C source in the repository', () => {
    expect(() => checkWasmModule()).not.toThrow();
  });

  it('reads short decimals, gaps and every edge next to them as the JavaScript scan does, across read chunks', async () => {
    const next = random(11);
    const columns = 9;
    const lines = [Array.from({ length: columns }, (_, c) => `c${c}`).join(',')];
    // ~3 MB: the records cross the 2 MiB read chunk; a few rows carry an edge cell, some columns never do.
    for (let row = 0; row < 50_000; row++) {
      const cells: string[] = [];
      for (let c = 0; c < columns; c++) {
        const u = next();
        if (c < 3 && u < 0.002) cells.push(EDGES[Math.floor(next() * EDGES.length)]!);
        else if (c === 3 && u < 0.02) cells.push('');
        else if (c === 4) cells.push(SIMPLE[Math.floor(next() * SIMPLE.length)]!);
        else if (c === 8 && u < 0.3) cells.push(LONG[Math.floor(next() * LONG.length)]!);
        else if (c === 5) cells.push(String(Math.floor(u * 100) - 50));
        else cells.push((u * 2000 - 1000).toFixed(c % 7));
      }
      lines.push(cells.join(','));
      if (row % 20_000 === 7) lines.push(''); // a blank line now and then
    }
    const { table, taken, stopped } = await readAllWaysCounting(file(lines.join('\n') + '\n'));
    expect(table.rows).toBe(50_000);
    // The compiled scan took most records, and stopped at the others.
    expect(taken).toBeGreaterThan(40_000);
    expect(stopped).toBe(true);
  });

  it('reads label columns as the JavaScript scan does: known labels by code, new ones, quotes, ids, gaps', async () => {
    const next = random(23);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const short = ['alpha', 'beta', 'gamma', 'NA', 'nan', 'inf'];
    const long = [
      'Month-to-month',
      'Bank transfer (automatic)',
      'a label of forty-one bytes: one too many!',
      'a label longer than any table of known labels takes, at sixty bytes',
      'x',
    ];
    const many = Array.from({ length: 300 }, (_, k) => `lab${k}`);
    const header = ['short', 'long', 'flag', 'id', 'mixed', 'many', 'late', 'float'];
    const lines = [header.join(',')];
    // ~3 MB, across the 2 MiB read chunk; labels keep coming (`many` has more than a table holds).
    for (let row = 0; row < 60_000; row++) {
      const u = next();
      const label = pick(long);
      const quoted =
        u < 0.2
          ? `"${label}"`
          : u < 0.22
            ? `"say ""${label}"""`
            : u < 0.23
              ? '""'
              : label.includes(',')
                ? `"${label}"`
                : label;
      lines.push(
        [
          u < 0.01 ? '' : pick(short),
          quoted,
          next() < 0.5 ? 'True' : 'False',
          `u${row}`,
          u < 0.05 ? 'inf' : u < 0.06 ? 'x' : String(Math.floor(u * 1000)),
          pick(many),
          row < 5_000 ? String(row % 7) : pick(short),
          (u * 100).toFixed(3),
        ].join(','),
      );
    }
    const { table, taken } = await readAllWaysCounting(file(lines.join('\n') + '\n'));
    expect(table.rows).toBe(60_000);
    expect(taken).toBeGreaterThan(55_000);
    // The same with each label column's table dropped and made again as the columns change: a column whose first
    // labels are mostly distinct turns to byte labels.
    const turning = [header.join(',')];
    for (let row = 0; row < 20_000; row++)
      turning.push(
        [
          pick(short),
          pick(long).replace(',', ';'),
          'True',
          row < 3_000 ? `id${row}` : pick(short),
          '1',
          pick(many),
          '2',
          '0.5',
        ].join(','),
      );
    await readAllWays(file(turning.join('\n') + '\n'));
  });

  it('reads fields that start like numbers and are not (ids, signs, stray bytes) as text, as the JavaScript scan does', async () => {
    const next = random(31);
    const odd = [
      '-',
      '#x',
      ' 12',
      '12 ',
      '1e',
      '1e5x',
      '+5',
      '--3',
      '3-',
      '0x1F',
      '12abc',
      '1.2.3',
      '.',
      '-.',
      '5e',
      '(1)',
      '1E+',
      '007',
    ];
    const lines = ['id,mixed,plain'];
    // ~2.5 MB: across the 2 MiB read chunk; an id in every record, as a user_id column nobody excluded.
    for (let row = 0; row < 60_000; row++) {
      const id = `${1000 + Math.floor(next() * 9000)}-${String.fromCharCode(65 + (row % 26))}${row}`;
      const mixed = next() < 0.05 ? odd[Math.floor(next() * odd.length)]! : (next() * 100).toFixed(2);
      lines.push([id, mixed, String(row % 97)].join(','));
    }
    const { table, taken } = await readAllWaysCounting(file(lines.join('\n') + '\n'));
    expect(table.rows).toBe(60_000);
    // The compiled scan took most records (it stops at `+5`, `1e`, `1e5x`, `5e` and `1E+`, which `readNumber` reads).
    expect(taken).toBeGreaterThan(40_000);
  });

  it('reads doubles written the shortest way (17 digits, exponents) as Number() does, bit for bit', async () => {
    const next = random(5);
    const texts: string[] = [];
    for (let row = 0; row < 30_000; row++) {
      // A double of 53 random bits and more, scaled over 10^-30 to 10^30, written the shortest way in JavaScript's
      // plain or exponent form (`String`, `toExponential`).
      const x = (next() + next() * 2 ** -32) * 10 ** Math.floor(next() * 61 - 30) * (next() < 0.5 ? -1 : 1);
      texts.push(next() < 0.5 ? String(x) : x.toExponential());
    }
    const path = file(['x', ...texts].join('\n') + '\n');
    const scan = vi.spyOn(NumericRecordScanner.prototype, 'scan');
    const table = await readAllWays(path);
    const taken = scan.mock.results.reduce((sum, result) => sum + (result.value as number), 0);
    scan.mockRestore();
    expect(taken).toBeGreaterThan(25_000);
    const read = values(table, 'x');
    for (let row = 0; row < texts.length; row++) expect(read[row]).toBe(Number(texts[row]));
  });

  it('reads full-precision doubles a word at a time as Number() does: every length, sign, line end and fallback', async () => {
    const next = random(11);
    // pandas writes a double as its shortest repr: integer parts of 1 to 9 digits, 15 to 17 significant digits (so
    // whole numbers from below 2^53 to above it), leading zeros in the fraction; fields of 16 to 23 bytes are read a
    // word at a time. Rarer fields are left to the byte loops (8 or more integer digits, exponents, short decimals)
    // or, past 20 significant digits, to the JavaScript scan.
    const digitsOf = (n: number): string => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
    const cell = (): string => {
      const sign = next() < 0.3 ? '-' : '';
      const kind = next();
      if (kind < 0.05) return `${sign}${(next() + next() * 2 ** -32).toExponential()}`;
      if (kind < 0.1) return `${sign}${(next() * 100).toFixed(Math.floor(next() * 6))}`;
      if (kind < 0.6) return sign + String((next() + next() * 2 ** -32) * 10 ** Math.floor(next() * 10 - 2));
      const whole = 1 + Math.floor(next() * 9);
      const length = Math.min(whole + 2 + Math.floor(next() * 21), next() < 0.01 ? 26 : 21);
      const integer = whole === 1 ? digitsOf(1) : String(1 + Math.floor(next() * 9)) + digitsOf(whole - 1);
      return `${sign}${integer}.${digitsOf(Math.max(1, length - whole - 1))}`;
    };
    const columns = 5;
    const lines = ['a,b,c,d,e'];
    for (let row = 0; row < 12_000; row++)
      lines.push(Array.from({ length: columns }, cell).join(',') + (row % 7 === 0 ? '\r' : ''));
    const texts = lines.slice(1).map((line) => line.replace('\r', '').split(','));
    const path = file(lines.join('\n') + '\n');
    const scan = vi.spyOn(NumericRecordScanner.prototype, 'scan');
    const table = await readAllWays(path);
    const taken = scan.mock.results.reduce((sum, result) => sum + (result.value as number), 0);
    scan.mockRestore();
    expect(taken).toBeGreaterThan(10_000);
    for (const [c, name] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      const read = values(table, name);
      for (let row = 0; row < texts.length; row++) expect(read[row]).toBe(Number(texts[row]![c]));
    }
  });

  it('reads full-precision decimals within 2^-96 of a halfway point between doubles as Number() does', async () => {
    const texts = nearHalfway();
    expect(texts.length).toBeGreaterThan(20);
    const lines = ['a,b,c'];
    for (let row = 0; row < 40 * texts.length; row++)
      lines.push(`${texts[row % texts.length]!},${texts[(row + 1) % texts.length]!},1.25`);
    const path = file(lines.join('\n') + '\n');
    const scan = vi.spyOn(NumericRecordScanner.prototype, 'scan');
    const table = await readAllWays(path);
    const taken = scan.mock.results.reduce((sum, result) => sum + (result.value as number), 0);
    scan.mockRestore();
    expect(taken).toBe(lines.length - 1);
    const a = values(table, 'a');
    const b = values(table, 'b');
    for (let row = 0; row < lines.length - 1; row++) {
      expect(a[row]).toBe(Number(texts[row % texts.length]));
      expect(b[row]).toBe(Number(texts[(row + 1) % texts.length]));
    }
  });

  it('reads random files of every kind of field the same three ways, or fails them with the same error', async () => {
    // 150 files from a seeded grammar: columns of short decimals, integers, shortest doubles, labels (quoted, with
    // commas, quotes, line breaks, past a table slot's 40 bytes, more than a table's 128), ids, mixtures, with odd
    // fields, gaps, blank lines, CRLF, a BOM, no final line end, a ragged record in some. A field the compiled scan
    // stages differently from the JavaScript scan changes a cell, a type or a storage somewhere.
    const scan = vi.spyOn(NumericRecordScanner.prototype, 'scan');
    let failed = 0;
    try {
      for (let seed = 0; seed < 150; seed++) {
        const path = file(randomCsv(seed));
        const outcomes = await Promise.all([
          readOutcome(path, {}),
          readOutcome(path, { compiledScan: false }),
          readOutcome(path, { batches: false }),
        ]);
        expect(outcomes[1], `seed ${seed}`).toEqual(outcomes[0]);
        expect(outcomes[2], `seed ${seed}`).toEqual(outcomes[0]);
        if ('error' in outcomes[0]) failed++;
      }
      const taken = scan.mock.results.reduce((sum, result) => sum + (result.value as number), 0);
      // Most files are read whole, and the compiled scan took a good share of their records.
      expect(failed).toBeLessThan(20);
      expect(taken).toBeGreaterThan(50_000);
    } finally {
      scan.mockRestore();
    }
  });

  it("hands a numeric column's batches over as the compiled scan's scaled integers while they fit, as before after", async () => {
    const run = vi.spyOn(ColumnBuilder.prototype, 'pushScaledRun');
    try {
      const lines = ['a,b,c,d'];
      for (let row = 0; row < 30_000; row++)
        lines.push(
          [
            // One decimal, then three from row 10,000 on (the column widens its decimals).
            row === 10_000 ? '1.125' : ((row % 1000) / 10).toFixed(1),
            // Whole numbers, then one beyond 2^31 (the column turns to doubles).
            row === 20_000 ? '3000000000' : String(row - 15_000),
            // Two decimals with a gap every 97 rows.
            row % 97 === 0 ? '' : ((row % 500) / 100 - 2).toFixed(2),
            // Halves with a -0 at row 15,000 (the column turns to doubles).
            row === 15_000 ? '-0.0' : (row % 7) - 3.5 === 0 ? '0' : String((row % 7) - 3.5),
          ].join(','),
        );
      const table = await readAllWays(file(lines.join('\n') + '\n'));
      expect(contents(table).map((c) => (c as { storage: string }).storage)).toEqual([
        'scaled 3',
        'doubles',
        'scaled 2',
        'doubles',
      ]);
      expect(values(table, 'a')[10_000]).toBe(1.125);
      expect(values(table, 'c')[97]).toBeNull();
      // Most of the ~120 column batches (30 of 1,024 rows, 4 columns) went over as integers.
      expect(run.mock.calls.length).toBeGreaterThan(60);
    } finally {
      run.mockRestore();
    }
  });

  it('reads CRLF line ends, a last record without a line end and a last field left empty', async () => {
    const body = ['a,b,c', '1,2.5,3', '-4,,6', '7,8.25,', '', '9,10,11'].join('\r\n');
    const table = await readAllWays(file(body));
    expect(values(table, 'a')).toEqual([1, -4, 7, 9]);
    expect(values(table, 'c')).toEqual([3, 6, null, 11]);
    await readAllWays(file('a,b\n1,2\n3,\n'));
    await readAllWays(file('a,b\n1,2\n3,'));
    await readAllWays(file('a,b\r\n1,2\r\n3,4\r'));
  });

  it('types a column of integers with one written with an exponent as floats, as pandas does', async () => {
    const table = await readAllWays(file('n,e,big\n1,1,123456789012345678\n2,1e3,2\n3,3,3\n'));
    expect(Object.fromEntries(table.columns.map((c) => [c.name, c.type]))).toEqual({
      n: 'int',
      e: 'float',
      big: 'int',
    });
  });

  it('keeps -0 apart from 0, as doubles, and one-decimal columns as scaled integers', async () => {
    const table = await readAllWays(file('x,y\n0,0.5\n-0,1.5\n2,-2.5\n'));
    expect(Object.is(values(table, 'x')[1], -0)).toBe(true);
    const y = table.columns.find((c) => c.name === 'y')!;
    expect('values' in y && isScaled(y.values)).toBe(true);
  });

  it('reports a record with too few or too many fields at its line, as the JavaScript scan does', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},${i / 4}`);
    const short = [...rows];
    short[3000] = '17';
    const error = await errorOf(file(['a,b', ...short].join('\n') + '\n'));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toMatch(/:3002: expected 2 fields, found 1/);
    const long = [...rows];
    long[4000] = '1,2,3';
    expect(String(await errorOf(file(['a,b', ...long].join('\n') + '\n')))).toMatch(/:4002: /);
  });

  it('stops at the row limit as the JavaScript scan does', async () => {
    const path = file(
      ['a,b', ...Array.from({ length: 10_000 }, (_, i) => `${i},${i % 7}.5`)].join('\n') + '\n',
    );
    expect(await errorOf(path, { maxRows: 5000 })).toBeInstanceOf(RowLimitExceeded);
    expect((await readAllWays(path, { maxRows: 10_000 })).rows).toBe(10_000);
  });

  it('stages no record past a spill block: blocks of 256 rows in batches of 1,024 spill what the JavaScript scan does', async () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, i) => `${i},${(i % 97) / 4},${i % 11 === 0 ? '' : -i / 8}`,
    );
    const path = file(['a,b,c', ...rows].join('\n') + '\n');
    const spilled = async (compiledScan: boolean) => {
      // A tiny buffer: blocks of the fewest rows (256), fewer than a batch of three columns stages (1,024).
      const writer = new SpillWriter(1024);
      await readDelimited(path, { delimiter: 0x2c, spill: writer, compiledScan });
      const spill = writer.spilled!;
      const columns = ['a', 'b', 'c'].map((name) =>
        Array.from(numbersOf((spill.read(name) as { values: Float64Array }).values)),
      );
      spill.close();
      return columns;
    };
    const scan = vi.spyOn(NumericRecordScanner.prototype, 'scan');
    const compiled = await spilled(true);
    const taken = scan.mock.results.reduce((sum, result) => sum + (result.value as number), 0);
    scan.mockRestore();
    expect(taken).toBe(5_000);
    expect(compiled).toEqual(await spilled(false));
    expect(compiled[0]).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
  });

  it('reads a table wider than its staging (more than 1,024 columns) with the JavaScript scan', async () => {
    const columns = 1100;
    const lines = [Array.from({ length: columns }, (_, c) => `c${c}`).join(',')];
    for (let row = 0; row < 40; row++)
      lines.push(Array.from({ length: columns }, (_, c) => `${row + c}.5`).join(','));
    expect((await readAllWays(file(lines.join('\n') + '\n'))).columns).toHaveLength(columns);
  });

  it('scans whole simple records and stops before the first other one', () => {
    const scanner = NumericRecordScanner.create(1024)!;
    const staging = scanner.staging(3, 4);
    const text = '1,-2.5,\n3,4,5\n6,+7,7\n8,9,10\n';
    scanner.chunk.set(new TextEncoder().encode(text));
    const records = scanner.scan(0, text.length, false, 0x2c, 0, 4);
    expect(records).toBe(2);
    expect([...scanner.recordEnds.subarray(0, 2)]).toEqual([8, 14]);
    // Cell (row, field) at field * batch + row.
    expect([staging.values[0], staging.values[4], staging.values[1], staging.values[5]]).toEqual([
      1, -2.5, 3, 4,
    ]);
    expect([staging.kinds[8], staging.kinds[9]]).toEqual([1, 0]);
    expect(staging.others[2]).toBe(1);
    expect([staging.places[0], staging.places[4], staging.integer[0], staging.integer[4]]).toEqual([
      0, 1, 1, 0,
    ]);
    // A record with a `+` sign is left to the JavaScript scan; so is one cut by the end of the bytes read.
    expect(scanner.scan(14, text.length, false, 0x2c, 2, 2)).toBe(0);
    expect(scanner.scan(21, text.length - 1, false, 0x2c, 0, 4)).toBe(0);
    expect(scanner.scan(21, text.length - 1, true, 0x2c, 0, 4)).toBe(1);
    // At most the records asked for.
    expect(scanner.scan(0, text.length, false, 0x2c, 0, 1)).toBe(1);
  });

  it('stages the numbers of a field with decimals as the scaled integers its builder would store, or marks it', () => {
    const scanner = NumericRecordScanner.create(4096)!;
    const cells = [
      // field 0 at 3 decimals: integers, fewer places, a gap, negative, zero and -0 (no scaled integer of its own)
      ['12', '-1.5', '', '0.125', '-0.000'],
      // field 1 at 2 decimals: one cell of 3 places
      ['1.25', '3', '-7.5', '1.125', '0'],
      // field 2 at 9 decimals: the largest magnitude that fits, and zero with more decimals than 10^9 can scale
      ['2.147483647', '-2.147483647', '0', '0.000000001', '1'],
      // field 3 at 9 decimals: one past 2^31 - 1 once scaled
      ['2.147483648', '1', '1', '1', '1'],
      // field 4 at 2 decimals: an exponent, and 17 significant digits (neither has its places)
      ['1e2', '0.30000000000000004', '1', '2', '3'],
      // field 5 without decimals (doubles, or not decided): nothing is scaled nor marked
      ['1.23456', '1', '2', '3', '4'],
      // field 6 at 15 decimals: a 15-digit number taken in two reads of digits (no scaled integer of its own here)
      ['12345678901234.5', '0', '0', '0', '0'],
    ];
    const columns = cells.length;
    const rows = cells[0]!.length;
    const staging = scanner.staging(columns, 8);
    staging.decimals.set([3, 2, 9, 9, 2, NO_DECIMALS, 15]);
    const text =
      Array.from({ length: rows }, (_, r) => cells.map((field) => field[r]).join(',')).join('\n') + '\n';
    scanner.chunk.set(new TextEncoder().encode(text));
    expect(scanner.scan(0, text.length, false, 0x2c, 0, 8)).toBe(rows);
    const scaled = (field: number) => [...staging.scaled.subarray(field * 8, field * 8 + rows)];
    expect(scaled(0).slice(0, 4)).toEqual([12_000, -1_500, MISSING_DIGITS, 125]);
    expect(scaled(1).filter((_, r) => r !== 3)).toEqual([125, 300, -750, 0]);
    expect(scaled(2)).toEqual([2_147_483_647, -2_147_483_647, 0, 1, 1_000_000_000]);
    // The marks: SAW_EMPTY 1, SAW_FRACTION 4, SAW_UNSCALED 8, SAW_UNSTAGED 16 (a cell staged as its integer alone).
    expect([...staging.others.subarray(0, columns)]).toEqual([
      1 | 4 | 8 | 16,
      4 | 8 | 16,
      4 | 16,
      4 | 8 | 16,
      4 | 8 | 16,
      0,
      4 | 8 | 16,
    ]);
    // A cell with a scaled integer has no double staged: its `integer` byte says so (2) beside its whole-number flag;
    // a cell without one (-0, more places than the field's, an exponent) and a field without decimals have theirs.
    const integer = (field: number) => [...staging.integer.subarray(field * 8, field * 8 + rows)];
    // (Cell 2 is empty: its byte is not written.)
    expect([0, 1, 3, 4].map((r) => integer(0)[r])).toEqual([2 | 1, 2, 2, 0]);
    expect(staging.values[4]).toBe(-0);
    expect(integer(1)).toEqual([2, 2 | 1, 2, 0, 2 | 1]);
    expect(staging.values[8 + 3]).toBe(1.125);
    expect(integer(4).slice(0, 2)).toEqual([0, 0]);
    expect([staging.values[4 * 8], staging.values[4 * 8 + 1]]).toEqual([100, 0.30000000000000004]);
    expect(integer(5)).toEqual([0, 1, 1, 1, 1]);
    expect(staging.values[5 * 8]).toBe(1.23456);
  });

  it("stages texts as text and the labels of a column's table as their codes, until the table is dropped", () => {
    const scanner = NumericRecordScanner.create(1024)!;
    const staging = scanner.staging(3, 4);
    const encode = (text: string) => new TextEncoder().encode(text);
    const longLabel = 'a label of forty-one bytes: one too many!';
    expect(longLabel).toHaveLength(41);
    expect(scanner.addLabel(1, encode('alpha'), 7)).toBe(true);
    expect(scanner.addLabel(1, encode('a longer label, past eight bytes'), 9)).toBe(true);
    expect(scanner.addLabel(1, encode(longLabel), 11)).toBe(false);
    expect(scanner.addLabel(2, encode('alpha'), 3)).toBe(true);
    const text = `x,alpha,"alpha"\nalph,"a longer label, past eight bytes",""\n_,${longLabel},"say ""hi"""\n`;
    scanner.chunk.set(encode(text));
    expect(scanner.scan(0, text.length, false, 0x2c, 0, 4)).toBe(3);
    const cell = (row: number, field: number) => {
      const at = field * 4 + row;
      return [staging.kinds[at], staging.tokens[at], text.slice(staging.starts[at], staging.ends[at])];
    };
    const [OTHER, ESCAPED, CODE, EMPTY] = [2, 3, 4, 1];
    expect([cell(0, 0), cell(0, 1), cell(0, 2)]).toEqual([
      [OTHER, -1, 'x'],
      [CODE, 7, 'alpha'],
      [CODE, 3, 'alpha'],
    ]);
    expect([cell(1, 0), cell(1, 1), cell(1, 2)]).toEqual([
      [OTHER, -1, 'alph'],
      [CODE, 9, 'a longer label, past eight bytes'],
      [EMPTY, -1, ''],
    ]);
    expect([cell(2, 0), cell(2, 1), cell(2, 2)]).toEqual([
      [OTHER, -1, '_'],
      [OTHER, -1, longLabel],
      [ESCAPED, -1, 'say ""hi""'],
    ]);
    expect([...staging.others]).toEqual([2, 2, 3]);
    // A dropped table knows no label: the column's texts are staged as text again.
    scanner.dropLabels(1);
    staging.others.fill(0);
    expect(scanner.scan(0, 16, false, 0x2c, 0, 4)).toBe(1);
    expect([cell(0, 1), cell(0, 2)]).toEqual([
      [OTHER, -1, 'alpha'],
      [CODE, 3, 'alpha'],
    ]);
    // A quoted field that spans lines, or with more bytes after its closing quote, is left to the JavaScript scan.
    for (const stop of ['1,2,"a\nb"\n', '1,2,"a"b\n', '1,+2,a\n']) {
      scanner.chunk.set(encode(stop));
      expect(scanner.scan(0, stop.length, false, 0x2c, 0, 4)).toBe(0);
    }
  });

  it("decodes scaled integers to the same doubles, range and missing count as decodeScaled's loop", () => {
    const decoder = ScaledDecoder.create()!;
    const next = random(47);
    const range = new Int32Array(2);
    const expected = new Int32Array(2);
    // Every length up to 13 (the vector loop's tail), then longer columns that grow the decoder's memory.
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1_000, 100_000, 70_000, 300_001]) {
      for (const decimals of [0, 1, 2, 6, 9, 15]) {
        const digits = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const u = next();
          digits[i] =
            u < 0.05
              ? MISSING_DIGITS
              : u < 0.06
                ? 2_147_483_647
                : u < 0.07
                  ? -2_147_483_647
                  : Math.floor((next() - 0.5) * 2 ** (1 + Math.floor(next() * 31)));
        }
        const values = { digits, decimals };
        const out = new Float64Array(n);
        const missing = decodeScaled(values, out, expected);
        const decoded = decoder.decode(values, range);
        expect(decoded.missing).toBe(missing);
        expect([...range]).toEqual([...expected]);
        expect(decoded.out.length).toBe(n);
        for (let i = 0; i < n; i++)
          if (!Object.is(decoded.out[i], out[i])) expect([i, decoded.out[i]]).toEqual([i, out[i]]);
      }
    }
    // Nothing present: the range is empty, as decodeScaled leaves it.
    decoder.decode(
      {
        digits: Int32Array.of(MISSING_DIGITS, MISSING_DIGITS, MISSING_DIGITS, MISSING_DIGITS, MISSING_DIGITS),
        decimals: 2,
      },
      range,
    );
    expect([...range]).toEqual([2_147_483_647, -2_147_483_647]);
  });
});
