// Compact numeric storage: CSV cells kept as scaled 32-bit integers must read back as the very doubles the float64
// reader gives, cell for cell and bit for bit, whatever the cells (many decimals, -0, exponents, huge values,
// missing cells, a column that widens late, decimals that grow).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnBuilder, MISSING_KIND, UNKNOWN_PLACES } from '../../src/snapshot/column-builder.js';
import { readDelimited } from '../../src/snapshot/csv.js';
import { isScaled, numberAt, numbersOf, type Column, type Table } from '../../src/snapshot/table.js';
import { file } from './support.js';

const read = (path: string, compactNumbers: boolean): Promise<Table> =>
  readDelimited(path, { delimiter: 0x2c, compactNumbers });

/** The doubles' bit patterns (NaN, -0 and 0 told apart). */
function bits(values: Float64Array): bigint[] {
  return Array.from(new BigUint64Array(Float64Array.from(values).buffer));
}

function byName(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

/** Reads the file both ways and checks every column agrees bit for bit; returns the compact table. */
async function bothWays(path: string): Promise<Table> {
  const compact = await read(path, true);
  const wide = await read(path, false);
  expect(compact.columns.map((c) => [c.name, c.type])).toEqual(wide.columns.map((c) => [c.name, c.type]));
  for (const column of wide.columns) {
    const other = byName(compact, column.name);
    if (column.type === 'string' || other.type === 'string') {
      expect(other).toEqual(column);
      continue;
    }
    expect(isScaled(column.values)).toBe(false);
    const expected = numbersOf(column.values);
    expect(bits(numbersOf(other.values)), column.name).toEqual(bits(expected));
    for (let i = 0; i < expected.length; i++)
      expect(Object.is(numberAt(other.values, i), expected[i])).toBe(true);
  }
  return compact;
}

const csv = (header: string, rows: readonly string[]) => file(`${header}\n${rows.join('\n')}\n`);

describe('compact numeric columns', () => {
  it('keeps short decimals, booleans and small integers as scaled integers', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      [((i * 7919) % 100_000) / 1000, i % 2 === 0 ? 'True' : 'False', i % 13, i % 5 === 0 ? '' : '-2.5'].join(
        ',',
      ),
    );
    const table = await bothWays(csv('price,flag,count,gappy', rows));
    for (const name of ['price', 'flag', 'count', 'gappy']) {
      const column = byName(table, name);
      expect(column.type !== 'string' && isScaled(column.values), name).toBe(true);
    }
    const price = byName(table, 'price');
    if (price.type !== 'string' && isScaled(price.values)) expect(price.values.decimals).toBe(3);
  });

  it('reads adversarial cells as the float64 reader does', async () => {
    const cells = [
      '1.5',
      '0.1234567890123456789', // more than 15 digits (the exact slow path), too many decimals: widens
      '-0',
      '-0.000',
      '0.000',
      '1e5',
      '1.5e-3',
      '+7.25',
      '12345678901234567890',
      '2147483647',
      '2147483648',
      '-2147483647',
      '-2147483648',
      'inf',
      '-Infinity',
      '',
      'NA',
      '1.7976931348623157e308',
      '5e-324',
      '0.30000000000000004',
    ];
    // Each adversarial cell in its own column, after short decimals, so that each one is the cell that widens (or
    // does not) a compact column; and all of them in one column.
    const header = cells.map((_, c) => `c${c}`).join(',') + ',all';
    const rows: string[] = [];
    for (let r = 0; r < 1500; r++)
      rows.push([...cells.map(() => String((r % 40) / 4)), cells[r % cells.length]!].join(','));
    rows.push([...cells, '3.25'].join(','));
    for (let r = 0; r < 10; r++) rows.push([...cells.map(() => '0.5'), '1'].join(','));
    const table = await bothWays(csv(header, rows));
    const stillCompact = (name: string) => {
      const column = byName(table, name);
      return column.type !== 'string' && isScaled(column.values);
    };
    // -0, too many decimals, ±Infinity and values beyond 2^31 once scaled (the columns have 2 decimals before: 2^31 − 1
    // is 2^31 − 1 hundredths too many) make a column float64; the others stay compact.
    expect(cells.filter((_, c) => !stillCompact(`c${c}`))).toEqual([
      '0.1234567890123456789',
      '-0',
      '-0.000',
      '12345678901234567890',
      '2147483647',
      '2147483648',
      '-2147483647',
      '-2147483648',
      'inf',
      '-Infinity',
      '1.7976931348623157e308',
      '5e-324',
      '0.30000000000000004',
    ]);
    expect(stillCompact('all')).toBe(false);
  });

  it('widens a column whose first odd cell comes late, and rescales when decimals grow', async () => {
    const rows: string[] = [];
    for (let r = 0; r < 20_000; r++) {
      const late = r === 19_000 ? '3.141592653589793' : String(r % 97);
      // Decimals grow from 0 to 1, 2 and 6 part way; `big` grows too far for 32 bits and widens instead.
      const growing = r < 5000 ? String(r % 11) : r < 9000 ? '1.5' : r < 15_000 ? '-1.25' : '0.000001';
      const big = r < 100 ? String(300_000_000 + r) : '0.5';
      rows.push([late, growing, big, r % 3 === 0 ? '' : growing].join(','));
    }
    const table = await bothWays(csv('late,growing,big,gappy', rows));
    const growing = byName(table, 'growing');
    expect(growing.type !== 'string' && isScaled(growing.values) && growing.values.decimals).toBe(6);
    const gappy = byName(table, 'gappy');
    expect(gappy.type !== 'string' && isScaled(gappy.values)).toBe(true);
    for (const name of ['late', 'big']) {
      const column = byName(table, name);
      expect(column.type !== 'string' && isScaled(column.values), name).toBe(false);
    }
  });

  it('reads any short decimals, exponents and missing cells as the float64 reader does (property)', async () => {
    const cell = fc.oneof(
      // digits and decimals as a CSV writer prints them
      fc
        .tuple(fc.integer({ min: -3_000_000_000, max: 3_000_000_000 }), fc.integer({ min: 0, max: 12 }))
        .map(([m, d]) => (d === 0 ? String(m) : (m / 10 ** d).toFixed(d))),
      fc.double({ noNaN: true }).map((v) => String(v)),
      fc.constantFrom('', 'NA', '-0', '0.0', '1e3', '2.5E-2', 'inf'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 80 }),
        async (rows) => {
          await bothWays(
            csv(
              'a,b,c',
              rows.map((row) => row.join(',')),
            ),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('builds the same doubles cell by cell as in batches (ColumnBuilder)', () => {
    const values = [0.5, 1.25, Number.NaN, 4, -0.125, 1e-7, 2e9, -3];
    const one = new ColumnBuilder('x', { compact: true });
    for (const value of values) one.pushNumber(value, Number.isInteger(value));
    const batch = new ColumnBuilder('x', { compact: true });
    batch.pushNumbers(Float64Array.from(values), new Uint8Array(values.length), 0, values.length);
    const plain = new ColumnBuilder('x');
    for (const value of values) plain.pushNumber(value, Number.isInteger(value));
    const expected = plain.finish();
    for (const built of [one.finish(), batch.finish()]) {
      expect(built.type).toBe(expected.type);
      if (built.type === 'string' || expected.type === 'string') throw new Error('numbers expected');
      expect(bits(numbersOf(built.values))).toEqual(bits(numbersOf(expected.values)));
    }
  });
});

describe('batches with missing cells', () => {
  /** A cell as a reader stages it: a value, its integer flag and places, or missing. */
  const cell = fc.oneof(
    fc
      .tuple(fc.integer({ min: -3_000_000_000, max: 3_000_000_000 }), fc.integer({ min: 0, max: 9 }))
      .map(([m, d]) => {
        const text = d === 0 ? String(m) : (m / 10 ** d).toFixed(d);
        return { missing: false, value: Number(text), integer: d === 0, places: d };
      }),
    fc
      .double({ noNaN: true })
      .map((value) => ({ missing: false, value, integer: false, places: UNKNOWN_PLACES })),
    fc.constant({ missing: true, value: 0, integer: false, places: 0 }),
  );

  it('builds what pushMissing and pushNumber build cell by cell, compact or not (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (batches, compact) => {
          const one = new ColumnBuilder('x', { compact });
          const batched = new ColumnBuilder('x', { compact });
          for (const batch of batches) {
            for (const c of batch) {
              if (c.missing) one.pushMissing();
              else one.pushNumber(c.value, c.integer);
            }
            // A reader's staging: values and flags of a missing cell are whatever was there before.
            const values = Float64Array.from(batch, (c) => (c.missing ? 7.5 : c.value));
            const integer = Uint8Array.from(batch, (c) => (c.missing ? 0 : c.integer ? 1 : 0));
            const places = Uint8Array.from(batch, (c) => (c.missing ? 3 : c.places));
            const kinds = Uint8Array.from(batch, (c) => (c.missing ? MISSING_KIND : 0));
            const gaps = batch.some((c) => c.missing);
            batched.pushNumbers(values, integer, 0, batch.length, places, gaps ? kinds : undefined);
          }
          const expected = one.finish();
          const built = batched.finish();
          expect(built.type).toBe(expected.type);
          if (built.type === 'string' || expected.type === 'string') throw new Error('numbers expected');
          expect(bits(numbersOf(built.values))).toEqual(bits(numbersOf(expected.values)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves a column undecided by a batch of missing cells only (a later word makes it a string column)', () => {
    const builder = new ColumnBuilder('x', { compact: true });
    builder.pushNumbers(
      new Float64Array(3),
      new Uint8Array(3),
      0,
      3,
      new Uint8Array(3),
      Uint8Array.of(1, 1, 1),
    );
    builder.pushText('basic');
    expect(builder.needsStringPass).toBe(false);
    const column = builder.finish();
    expect(column.type === 'string' && Array.from(column.codes)).toEqual([-1, -1, -1, 0]);
  });

  it('reads a CSV whose numeric columns have gaps in every batch as cell by cell (int with gaps is float)', async () => {
    const rows: string[] = [];
    for (let r = 0; r < 5000; r++)
      rows.push([r % 7 === 3 ? '' : r % 40, r % 11 === 0 ? '' : (r % 300) / 100].join(','));
    const table = await bothWays(csv('tickets,hours', rows));
    const tickets = byName(table, 'tickets');
    expect(tickets.type).toBe('float');
    expect(tickets.type !== 'string' && isScaled(tickets.values)).toBe(true);
    const cells = tickets.type !== 'string' ? Array.from(numbersOf(tickets.values)) : [];
    expect(cells.slice(0, 12)).toEqual([0, 1, 2, Number.NaN, 4, 5, 6, 7, 8, 9, Number.NaN, 11]);
    const hours = byName(table, 'hours');
    const hourCells = hours.type !== 'string' ? Array.from(numbersOf(hours.values)) : [];
    expect(hourCells.filter((value) => Number.isNaN(value))).toHaveLength(455);
    expect(hourCells[301]).toBe(0.01);
  });
});

describe('column storage reserved in one arena', () => {
  it('reads every cell when the rows far outnumber the estimate made at row 4,096, shared or not', async () => {
    // The first 4,096 records are long, the rest short: the reader's estimate from the average record length is
    // about a third of the rows, so every column outgrows its part of the arena and moves.
    const rows: string[] = [];
    const expected: { cents: number[]; ratio: number[]; plan: string[] } = { cents: [], ratio: [], plan: [] };
    for (let r = 0; r < 16_000; r++) {
      const long = r < 4096;
      const cents = long ? 123_456.78 : r % 10;
      const ratio = long ? r / 3 : r;
      const plan = long ? 'a-very-long-plan-name' : 'b';
      rows.push([cents, ratio, plan, long ? 'x'.repeat(40) : ''].join(','));
      expected.cents.push(cents);
      expected.ratio.push(ratio);
      expected.plan.push(plan);
    }
    const path = csv('cents,ratio,plan,notes', rows);
    for (const sharedMemory of [false, true]) {
      const table = await readDelimited(path, { delimiter: 0x2c, sharedMemory });
      expect(table.rows).toBe(16_000);
      for (const name of ['cents', 'ratio'] as const) {
        const column = byName(table, name);
        expect(column.type !== 'string' && Array.from(numbersOf(column.values)), name).toEqual(
          expected[name],
        );
      }
      const plan = byName(table, 'plan');
      expect(plan.type === 'string' && Array.from(plan.codes, (code) => plan.dictionary[code])).toEqual(
        expected.plan,
      );
      const cents = byName(table, 'cents');
      expect(cents.type !== 'string' && isScaled(cents.values)).toBe(true);
    }
  });
});
