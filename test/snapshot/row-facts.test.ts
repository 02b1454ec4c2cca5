// Duplicated and empty rows, the facts of a snapshot that need whole rows (pandas duplicated().sum() semantics).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countDuplicatedRows,
  countEmptyRows,
  distinctColumnHint,
  rowFactsOf,
  searchDuplicatedRows,
} from '../../src/snapshot/row-facts.js';
import { numbersOf, type Column, type Table } from '../../src/snapshot/table.js';

describe('rowFactsOf', () => {
  it('counts rows duplicated in every column, treating missing as equal and -0 as 0', () => {
    const table: Table = {
      source: 't',
      rows: 5,
      columns: [
        { name: 'a', type: 'float', values: Float64Array.of(1, Number.NaN, 1, Number.NaN, 0) },
        { name: 'b', type: 'string', dictionary: ['x', 'y'], codes: Int32Array.of(0, -1, 0, -1, 1) },
        { name: 'c', type: 'float', values: Float64Array.of(0, 2, -0, 2, 0) },
      ],
    };
    expect(rowFactsOf(table)).toEqual({ duplicatedRows: 2, emptyRows: 0 });
  });

  it('counts rows missing in every column, and finds no duplicates when a column is all-distinct', () => {
    const table: Table = {
      source: 't',
      rows: 4,
      columns: [
        { name: 'a', type: 'float', values: Float64Array.of(1, Number.NaN, 1, Number.NaN) },
        { name: 'b', type: 'string', dictionary: ['x'], codes: Int32Array.of(0, -1, 0, -1) },
      ],
    };
    expect(rowFactsOf(table)).toEqual({ duplicatedRows: 2, emptyRows: 2 });
    const unique: Table = {
      source: 't',
      rows: 3,
      columns: [
        { name: 'id', type: 'int', values: Float64Array.of(1, 2, 3) },
        { name: 'c', type: 'float', values: Float64Array.of(5, 5, 5) },
      ],
    };
    expect(rowFactsOf(unique)).toEqual({ duplicatedRows: 0, emptyRows: 0 });
  });

  it('handles tables without rows or columns', () => {
    expect(rowFactsOf({ source: 't', rows: 0, columns: [] })).toEqual({ duplicatedRows: 0, emptyRows: 0 });
    expect(rowFactsOf({ source: 't', rows: 3, columns: [] })).toEqual({ duplicatedRows: 0, emptyRows: 0 });
  });

  it('equals a plain count over row keys (property)', () => {
    const cell = fc.oneof(fc.constantFrom(0, -0, 1, 2, Number.NaN), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 60 }), (rows) => {
        const table: Table = {
          source: 't',
          rows: rows.length,
          columns: [0, 1].map((index) => ({
            name: `c${index}`,
            type: 'float' as const,
            values: Float64Array.from(rows, (row) => row[index]!),
          })),
        };
        // NaN equals NaN and -0 equals 0, as pandas compares rows.
        const key = (row: [number, number]) =>
          row.map((v) => (Number.isNaN(v) ? 'NaN' : String(v + 0))).join('|');
        const seen = new Set<string>();
        let duplicated = 0;
        for (const row of rows) {
          if (seen.has(key(row))) duplicated++;
          else seen.add(key(row));
        }
        const empty = rows.filter((row) => row.every(Number.isNaN)).length;
        expect(countDuplicatedRows(table)).toBe(duplicated);
        expect(countEmptyRows(table)).toBe(empty);
      }),
    );
  });

  it('counts a table with a label in every row as free of duplicates without hashing it', () => {
    const table: Table = {
      source: 't',
      rows: 3,
      columns: [
        { name: 'id', type: 'string', dictionary: ['a', 'b', 'c'], codes: Int32Array.of(0, 1, 2) },
        { name: 'x', type: 'float', values: Float64Array.of(1, 1, 1) },
      ],
    };
    expect(searchDuplicatedRows(table)).toEqual({ duplicated: 0, probes: 0, maxProbes: 0, method: 'hash' });
  });
});

/** Doubles whose bits are NaN with the given payloads (every NaN is one missing value for pandas). */
function nanPayloads(count: number): Float64Array {
  const values = new Float64Array(count);
  const view = new DataView(values.buffer);
  for (let i = 0; i < count; i++) {
    view.setUint32(i * 8, i * 2654435761, true);
    view.setUint32(i * 8 + 4, (i & 1 ? 0xfff00000 : 0x7ff00000) | (i % 0xfffff) | 1, true);
  }
  return values;
}

/** Duplicated rows counted with a Set of row keys: the definition, slowly. */
function duplicatedByKeys(columns: readonly Float64Array[], rows: number): number {
  const seen = new Set<string>();
  let duplicated = 0;
  for (let r = 0; r < rows; r++) {
    const key = columns
      .map((values) => (Number.isNaN(values[r]!) ? 'NaN' : String(values[r]! + 0)))
      .join('|');
    if (seen.has(key)) duplicated++;
    else seen.add(key);
  }
  return duplicated;
}

describe('searchDuplicatedRows on adversarial shapes', () => {
  const rows = 50_000;
  let state = 7;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const shapes: Record<string, () => Float64Array[]> = {
    'all rows equal': () => [new Float64Array(rows).fill(3), new Float64Array(rows).fill(0.5)],
    'small integers 0-10 and 0-100, a bool, one-decimal floats': () => [
      Float64Array.from({ length: rows }, () => Math.floor(random() * 11)),
      Float64Array.from({ length: rows }, () => Math.floor(random() * 101)),
      Float64Array.from({ length: rows }, () => (random() < 0.5 ? 1 : 0)),
      Float64Array.from({ length: rows }, () => Math.round(random() * 100) / 10),
    ],
    '+0 and -0': () => [Float64Array.from({ length: rows }, (_, i) => (i % 2 ? 0 : -0))],
    'NaN with many payloads': () => [nanPayloads(rows), Float64Array.from({ length: rows }, (_, i) => i % 3)],
    'sequential ids': () => [Float64Array.from({ length: rows }, (_, i) => i)],
    'sequential ids beside constant columns': () => [
      Float64Array.from({ length: rows }, (_, i) => i * 1024),
      new Float64Array(rows).fill(1),
      new Float64Array(rows).fill(-0),
    ],
    'one-decimal floats': () => [Float64Array.from({ length: rows }, (_, i) => (i % 5000) / 10)],
  };
  for (const [shape, build] of Object.entries(shapes)) {
    it(`counts exactly with short probes: ${shape}`, () => {
      const columns = build();
      const table: Table = {
        source: 't',
        rows,
        columns: columns.map((values, index) => ({ name: `c${index}`, type: 'float' as const, values })),
      };
      const expected = duplicatedByKeys(columns, rows);
      const search = searchDuplicatedRows(table, { lowCardinality: false, candidates: false });
      expect(search.method).toBe('hash');
      expect(search.duplicated).toBe(expected);
      // A table at most half full probes about one extra slot per row on well-spread hashes; a badly spread
      // hash probes thousands.
      expect(search.probes / rows).toBeLessThan(2);
      expect(search.maxProbes).toBeLessThan(64);
      // The default search (candidate rows, or exact row keys, where the shape allows) counts the same.
      expect(searchDuplicatedRows(table).duplicated).toBe(expected);
    });
  }

  it('takes the exact row-key path for few distinct values, strings and missing cells included', () => {
    const codes = Int32Array.from({ length: rows }, () => Math.floor(random() * 4) - 1);
    const floats = Float64Array.from({ length: rows }, () =>
      random() < 0.1 ? NaN : random() < 0.5 ? -0 : Math.floor(random() * 30) / 10,
    );
    const table: Table = {
      source: 't',
      rows,
      columns: [
        { name: 's', type: 'string', dictionary: ['a', 'b', 'c'], codes },
        { name: 'x', type: 'float', values: floats },
      ],
    };
    const keyed = searchDuplicatedRows(table);
    expect(keyed.method).toBe('keys');
    expect(keyed.duplicated).toBe(searchDuplicatedRows(table, { lowCardinality: false }).duplicated);
    expect(keyed.duplicated).toBe(duplicatedByKeys([Float64Array.from(codes), floats], rows));
  });
});

/** A string column of `labels[i]` (undefined for missing), its dictionary holding exactly the labels that occur. */
function stringColumn(name: string, labels: readonly (number | undefined)[]): Column {
  const codeOf = new Map<number, number>();
  const codes = Int32Array.from(labels, (label) => {
    if (label === undefined) return -1;
    let code = codeOf.get(label);
    if (code === undefined) codeOf.set(label, (code = codeOf.size));
    return code;
  });
  return { name, type: 'string', codes, dictionary: [...codeOf.keys()].map((label) => `L${label}`) };
}

/** Duplicated rows by a Set of row keys over numbers and string codes (NaN and missing alike, -0 as 0). */
function duplicatedOf(table: Table): number {
  const seen = new Set<string>();
  let duplicated = 0;
  for (let r = 0; r < table.rows; r++) {
    const key = table.columns
      .map((column) => {
        if (column.type === 'string') return `s${column.codes[r]}`;
        const value = numbersOf(column.values)[r]!;
        return Number.isNaN(value) ? 'NaN' : String(value + 0);
      })
      .join('|');
    if (seen.has(key)) duplicated++;
    else seen.add(key);
  }
  return duplicated;
}

describe('searchDuplicatedRows over row keys too many for a bitset', () => {
  it('counts a many-label category beside a price with thousands of values by sorting the row keys', () => {
    // 30,000 labels × 12,000 prices: 3.6·10^8 row keys, past the bitset; the rows repeat often enough to matter.
    let state = 17;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const rows = 200_000;
    const labels = Array.from({ length: rows }, () =>
      random() < 0.01 ? undefined : Math.floor(Math.pow(30_000, random())),
    );
    const prices = Float64Array.from({ length: rows }, () => {
      const u = random();
      return u < 0.01 ? NaN : u < 0.02 ? -0 : Math.floor(random() * 12_000) / 100;
    });
    const table: Table = {
      source: 't',
      rows,
      columns: [stringColumn('category', labels), { name: 'price', type: 'float', values: prices }],
    };
    const keyed = searchDuplicatedRows(table);
    expect(keyed.method).toBe('keys');
    expect(keyed.duplicated).toBeGreaterThan(1000);
    expect(keyed.duplicated).toBe(duplicatedOf(table));
    expect(keyed.duplicated).toBe(
      searchDuplicatedRows(table, { lowCardinality: false, candidates: false }).duplicated,
    );
  });
});

describe('searchDuplicatedRows over candidate rows', () => {
  /** Every path the search can take on `table` agrees with the definition; returns the default search. */
  function agreed(table: Table) {
    const expected = duplicatedOf(table);
    const search = searchDuplicatedRows(table);
    expect(search.duplicated).toBe(expected);
    expect(searchDuplicatedRows(table, { candidates: false }).duplicated).toBe(expected);
    expect(searchDuplicatedRows(table, { candidates: false, lowCardinality: false }).duplicated).toBe(
      expected,
    );
    return search;
  }

  it('equals every other path on tables with a nearly unique label column (property)', () => {
    const cell = fc.constantFrom(0, -0, 1, 2.5, Number.NaN);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Ids collide often enough in 8..64 rows to leave some candidates, and are missing sometimes.
            id: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 8, nil: undefined }),
            x: cell,
            y: fc.option(fc.integer({ min: 0, max: 1 }), { freq: 4, nil: undefined }),
            z: cell,
          }),
          { minLength: 8, maxLength: 64 },
        ),
        fc.boolean(),
        (records, copy) => {
          // Copies of earlier rows make true duplicates among the colliding ids.
          const rows = copy ? [...records, ...records.slice(0, 3)] : records;
          const table: Table = {
            source: 't',
            rows: rows.length,
            columns: [
              { name: 'x', type: 'float', values: Float64Array.from(rows, (row) => row.x) },
              stringColumn(
                'id',
                rows.map((row) => row.id),
              ),
              stringColumn(
                'y',
                rows.map((row) => row.y),
              ),
              { name: 'z', type: 'float', values: Float64Array.from(rows, (row) => row.z) },
            ],
          };
          agreed(table);
        },
      ),
    );
  });

  const rows = 20_000;
  let state = 11;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  /** Ids 0..rows-1 with `collisions` rows given the id of another row (a few ids made missing when asked). */
  function nearlyUniqueIds(
    collisions: number,
    missing = 0,
  ): { ids: (number | undefined)[]; pairs: number[][] } {
    const ids: (number | undefined)[] = Array.from({ length: rows }, (_, i) => i);
    const pairs: number[][] = [];
    for (let k = 0; k < collisions; k++) {
      const a = Math.floor(random() * rows);
      const b = Math.floor(random() * rows);
      ids[b] = ids[a];
      pairs.push([a, b]);
    }
    for (let k = 0; k < missing; k++) ids[Math.floor(random() * rows)] = undefined;
    return { ids, pairs };
  }

  it('searches only the rows whose id repeats, and counts collisions whose other cells agree or differ', () => {
    const { ids, pairs } = nearlyUniqueIds(40);
    const amount = Float64Array.from({ length: rows }, () => Math.floor(random() * 1000) / 10);
    const flag = Float64Array.from({ length: rows }, () => (random() < 0.5 ? 1 : 0));
    // Half the colliding pairs agree everywhere (true duplicates), the other half differ in one column.
    pairs.forEach(([a, b], k) => {
      amount[b!] = k % 2 ? amount[a!]! : amount[a!]! + 0.1;
      flag[b!] = flag[a!]!;
    });
    const table: Table = {
      source: 't',
      rows,
      columns: [
        stringColumn('id', ids),
        { name: 'amount', type: 'float', values: amount },
        { name: 'flag', type: 'bool', values: flag },
      ],
    };
    const search = agreed(table);
    expect(search.method).toBe('candidates');
    expect(search.duplicated).toBeGreaterThan(0);
  });

  it('treats -0 as 0, every NaN alike and missing ids alike among the candidates', () => {
    const { ids, pairs } = nearlyUniqueIds(60, 30);
    const nans = nanPayloads(rows);
    const value = Float64Array.from({ length: rows }, (_, i) => i / 8);
    const label = Array.from({ length: rows }, () => Math.floor(random() * 3));
    pairs.forEach(([a, b], k) => {
      // -0 against 0, NaN payloads against each other, and a NaN against a number (different rows).
      const cell = [0, -0, nans[k]!, nans[k + 1]!][k % 4]!;
      value[a!] = cell;
      value[b!] = k % 8 === 7 ? 1 : [-0, 0, nans[k + 7]!, nans[k + 9]!][k % 4]!;
      label[b!] = label[a!]!;
    });
    // Rows missing their id are equal when their other cells are.
    ids.forEach((id, i) => {
      if (id === undefined) {
        value[i] = Number.NaN;
        label[i] = 0;
      }
    });
    const table: Table = {
      source: 't',
      rows,
      columns: [
        { name: 'value', type: 'float', values: value },
        stringColumn('id', ids),
        stringColumn('label', label),
      ],
    };
    const search = agreed(table);
    expect(search.method).toBe('candidates');
    expect(search.duplicated).toBeGreaterThan(20);
  });

  it('falls back to the other paths when ids repeat too often, and agrees when every row is equal', () => {
    const many = nearlyUniqueIds(rows / 2).ids;
    const spread: Table = {
      source: 't',
      rows,
      columns: [
        stringColumn('id', many),
        {
          name: 'x',
          type: 'float',
          values: Float64Array.from({ length: rows }, () => Math.floor(random() * 4)),
        },
      ],
    };
    expect(agreed(spread).method).not.toBe('candidates');
    const equal: Table = {
      source: 't',
      rows,
      columns: [
        stringColumn('id', new Array<number>(rows).fill(7)),
        { name: 'x', type: 'float', values: new Float64Array(rows).fill(-0) },
      ],
    };
    expect(agreed(equal).duplicated).toBe(rows - 1);
  });
});

describe('searchDuplicatedRows over candidate rows of a partial numeric key', () => {
  const rows = 40_000;
  let state = 23;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  function agreed(table: Table) {
    const expected = duplicatedOf(table);
    const search = searchDuplicatedRows(table);
    expect(search.duplicated).toBe(expected);
    expect(searchDuplicatedRows(table, { candidates: false }).duplicated).toBe(expected);
    expect(searchDuplicatedRows(table, { candidates: false, lowCardinality: false }).duplicated).toBe(
      expected,
    );
    return search;
  }

  it('finds duplicates whose key columns collide, -0, NaN and missing labels included', () => {
    const amount = Float64Array.from({ length: rows }, () => Math.round(random() * 1e6) / 100);
    const hours = Float64Array.from({ length: rows }, () => Math.round(random() * 1e5) / 10);
    const small = Float64Array.from({ length: rows }, () => Math.floor(random() * 3));
    const labels = Array.from({ length: rows }, () =>
      random() < 0.1 ? undefined : Math.floor(random() * 4),
    );
    const nans = nanPayloads(rows);
    for (let k = 0; k < 300; k++) {
      const a = Math.floor(random() * rows);
      const b = Math.floor(random() * rows);
      // Keys collide; the other cells agree (as -0 and 0, NaN payloads, missing labels) or differ.
      amount[b] = k % 5 === 0 ? -0 : k % 5 === 1 ? nans[k]! : amount[a]!;
      if (k % 5 < 2) amount[a] = k % 5 === 0 ? 0 : nans[k + 1]!;
      hours[b] = hours[a]!;
      small[b] = k % 3 === 0 ? small[a]! + 1 : small[a]!;
      labels[b] = k % 7 === 0 ? undefined : labels[a];
      if (k % 7 === 0) labels[a] = undefined;
    }
    const table: Table = {
      source: 't',
      rows,
      columns: [
        { name: 'small', type: 'int', values: small },
        { name: 'amount', type: 'float', values: amount },
        stringColumn('label', labels),
        { name: 'hours', type: 'float', values: hours },
      ],
    };
    const search = agreed(table);
    expect(search.method).toBe('candidates');
    expect(search.duplicated).toBeGreaterThan(100);
  });

  it('keys a table of few-valued columns with up to six of them, duplicates and missing labels included', () => {
    // Twelve label columns of 8 labels and an amount of 100 values: four columns (at most 51,200 keys) repeat in the
    // sample too often for a key, six (26M) hardly do.
    const columns: Column[] = Array.from({ length: 12 }, (_, c) =>
      stringColumn(
        `c${c}`,
        Array.from({ length: rows }, () => (random() < 0.02 ? undefined : Math.floor(random() * 8))),
      ),
    );
    const amount = Float64Array.from({ length: rows }, () => Math.floor(random() * 100) / 4);
    columns.push({ name: 'amount', type: 'float', values: amount });
    // A few rows copied over others: whole duplicates.
    for (let k = 0; k < 50; k++) {
      const a = Math.floor(random() * rows);
      const b = Math.floor(random() * rows);
      for (const column of columns)
        if (column.type === 'string') column.codes[b] = column.codes[a]!;
        else (column.values as Float64Array)[b] = (column.values as Float64Array)[a]!;
    }
    const table: Table = { source: 't', rows, columns };
    const search = agreed(table);
    expect(search.method).toBe('candidates');
    expect(search.duplicated).toBeGreaterThanOrEqual(40);
    expect(search.probes).toBeLessThan(rows / 10);
  });

  it('falls back when keys all different in the sample repeat across the table', () => {
    // Every value twice, half a table apart: the evenly spread sample sees each once.
    const paired = Float64Array.from({ length: rows }, (_, i) => i % (rows / 2));
    const table: Table = {
      source: 't',
      rows,
      columns: [
        { name: 'paired', type: 'float', values: paired },
        {
          name: 'coin',
          type: 'float',
          values: Float64Array.from({ length: rows }, () => (random() < 0.5 ? 0 : -0)),
        },
      ],
    };
    const search = agreed(table);
    expect(search.method).not.toBe('candidates');
    expect(search.duplicated).toBe(rows / 2);
  });
});

describe('searchDuplicatedRows over the partial key of numeric columns', () => {
  let state = 31;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;

  it('finds no candidate when a column is unique per row, and agrees with the other paths', () => {
    const rows = 60_000;
    const table: Table = {
      source: 't',
      rows,
      columns: [
        // A measurement unique per row (every sampled cell different: the ranking stops at it).
        {
          name: 'reading',
          type: 'float',
          values: Float64Array.from({ length: rows }, (_, i) => i / 7 - 3000),
        },
        {
          name: 'small',
          type: 'int',
          values: Float64Array.from({ length: rows }, () => Math.floor(random() * 5)),
        },
        stringColumn(
          'label',
          Array.from({ length: rows }, () => (random() < 0.1 ? undefined : Math.floor(random() * 3))),
        ),
      ],
    };
    const search = searchDuplicatedRows(table);
    expect(search).toEqual({ duplicated: 0, probes: 0, maxProbes: 0, method: 'candidates' });
    expect(searchDuplicatedRows(table, { candidates: false }).duplicated).toBe(0);
  });

  it('confirms rows whose 32-bit keys collide by chance cell by cell, with true duplicates among them', () => {
    // 300,000 rows of nearly unique keys: about 10 pairs of different rows share a 32-bit key by chance.
    const rows = 300_000;
    const price = Float64Array.from({ length: rows }, () => Math.round(random() * 1e7) / 100);
    const hours = Float64Array.from({ length: rows }, () => Math.round(random() * 1e5) / 10);
    const count = Float64Array.from({ length: rows }, () => Math.floor(random() * 20));
    const flag = Float64Array.from({ length: rows }, () => (random() < 0.5 ? 1 : 0));
    const nans = nanPayloads(rows);
    for (let k = 0; k < 60; k++) {
      const a = Math.floor(random() * rows);
      const b = Math.floor(random() * rows);
      // Copies: exact, -0 for 0, another NaN payload; every fifth differs in the last column only.
      price[b] =
        k % 3 === 0 ? ((price[a] = 0), -0) : k % 3 === 1 ? ((price[a] = nans[k]!), nans[k + 1]!) : price[a]!;
      hours[b] = hours[a]!;
      count[b] = count[a]!;
      flag[b] = k % 5 === 4 ? 1 - flag[a]! : flag[a]!;
    }
    const table: Table = {
      source: 't',
      rows,
      columns: [
        { name: 'price', type: 'float', values: price },
        { name: 'hours', type: 'float', values: hours },
        { name: 'count', type: 'int', values: count },
        { name: 'flag', type: 'bool', values: flag },
      ],
    };
    const expected = duplicatedOf(table);
    expect(expected).toBeGreaterThan(30);
    const search = searchDuplicatedRows(table);
    expect(search.method).toBe('candidates');
    expect(search.duplicated).toBe(expected);
    expect(searchDuplicatedRows(table, { candidates: false, lowCardinality: false }).duplicated).toBe(
      expected,
    );
  });
});

describe('searchDuplicatedRows over many label columns', () => {
  it('counts exactly when label columns are hashed four codes to a word, missing and code 254 included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 20, maxLength: 400 }),
        (labelColumns, seeds) => {
          const rows = seeds.length;
          // A few labels per column (rows repeat), -1 (missing) and 254 (the largest code a byte holds) among them;
          // the last column has 300 labels, too many to pack, and a float column sits between.
          const columns: Column[] = [];
          for (let c = 0; c < labelColumns; c++) {
            const dictionary = Array.from({ length: 255 }, (_, k) => `l${k}`);
            const codes = Int32Array.from(seeds, (seed) => [-1, 0, 1, 254][(seed >>> (2 * c)) & 3]!);
            columns.push({ name: `s${c}`, type: 'string', dictionary, codes });
            if (c === 1)
              columns.push({
                name: 'x',
                type: 'float',
                values: Float64Array.from(seeds, (seed) => seed % 2),
              });
          }
          const wide = Array.from({ length: 300 }, (_, k) => `w${k}`);
          columns.push({
            name: 'w',
            type: 'string',
            dictionary: wide,
            codes: Int32Array.from(seeds, (seed) => seed % 2),
          });
          const table: Table = { source: 't', rows, columns };
          const keys = new Set<string>();
          for (let r = 0; r < rows; r++)
            keys.add(
              columns
                .map((column) => (column.type === 'string' ? column.codes[r] : numbersOf(column.values)[r]))
                .join('|'),
            );
          const search = searchDuplicatedRows(table, { lowCardinality: false, candidates: false });
          expect(search.method).toBe('hash');
          expect(search.duplicated).toBe(rows - keys.size);
          // Counts are exact whatever the hash; a packing that lost codes would crowd the table instead.
          expect(search.maxProbes).toBeLessThan(32);
          expect(searchDuplicatedRows(table).duplicated).toBe(rows - keys.size);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('distinctColumnHint', () => {
  const rows = 20_000;
  const column = (name: string, value: (row: number) => number): Column => ({
    name,
    type: 'float',
    values: Float64Array.from({ length: rows }, (_, row) => value(row)),
  });

  it('names the first column of doubles whose sampled cells all differ', () => {
    const table: Table = {
      source: 't',
      rows,
      columns: [
        {
          name: 'plan',
          type: 'string',
          dictionary: ['a', 'b'],
          codes: Int32Array.from({ length: rows }, (_, r) => r % 2),
        },
        column('rounded', (row) => Math.round(row / 7)),
        column('measured', (row) => row * Math.SQRT2),
        column('also', (row) => -row / 3),
      ],
    };
    expect(distinctColumnHint(table)).toBe('measured');
  });

  it('names none when every sample repeats a cell, or the table is short', () => {
    const repeating: Table = {
      source: 't',
      rows,
      columns: [
        column('zero', (row) => (row % 2 === 0 ? 0 : -0)),
        column('missing', (row) => (row % 3 === 0 ? Number.NaN : row % 500)),
      ],
    };
    expect(distinctColumnHint(repeating)).toBeUndefined();
    const short: Table = {
      source: 't',
      rows: 100,
      columns: [{ name: 'x', type: 'float', values: Float64Array.from({ length: 100 }, (_, row) => row) }],
    };
    expect(distinctColumnHint(short)).toBeUndefined();
  });
});
