// The one column store of every reader: pandas-like typing when the source declares nothing, declared storage else.
import { describe, expect, it } from 'vitest';
import { numbersOf } from '../../src/snapshot/table.js';
import { ColumnArena, ColumnBuilder } from '../../src/snapshot/column-builder.js';

describe('ColumnBuilder', () => {
  it('infers int, float, bool and string as pandas.read_csv does', () => {
    const int = new ColumnBuilder('i');
    int.pushNumber(1, true);
    int.pushNumber(2, true);
    expect(int.finish().type).toBe('int');
    const withMissing = new ColumnBuilder('m');
    withMissing.pushNumber(1, true);
    withMissing.pushMissing();
    expect(withMissing.finish().type).toBe('float');
    const bool = new ColumnBuilder('b');
    bool.pushText('True');
    bool.pushText('false');
    expect(bool.finish()).toMatchObject({ type: 'bool', values: Float64Array.of(1, 0) });
    const mixed = new ColumnBuilder('s');
    mixed.pushNumber(1, true);
    mixed.pushText('x');
    expect(mixed.needsStringPass).toBe(true);
  });

  it('keeps a declared storage: float stays float, dates are dates, int becomes float with a missing cell', () => {
    const float = new ColumnBuilder('f', { storage: 'float' });
    float.pushNumber(1, true);
    expect(float.finish().type).toBe('float');
    const date = new ColumnBuilder('d', { storage: 'datetime', capacity: 1 });
    date.pushNumber(86_400_000, false);
    date.pushMissing();
    date.pushNumber(0, false);
    const column = date.finish();
    expect(column.type).toBe('datetime');
    expect(column.type !== 'string' && Array.from(numbersOf(column.values))).toEqual([
      86_400_000,
      Number.NaN,
      0,
    ]);
    const int = new ColumnBuilder('i', { storage: 'int' });
    int.pushNumber(3, true);
    int.pushMissing();
    expect(int.finish().type).toBe('float');
    const text = new ColumnBuilder('s', { storage: 'string' });
    text.pushString('a');
    text.pushMissing();
    text.pushString('a');
    expect(text.finish()).toMatchObject({
      type: 'string',
      dictionary: ['a'],
      codes: Int32Array.of(0, -1, 0),
    });
  });

  it('allocates in shared memory on request', () => {
    const builder = new ColumnBuilder('x', { shared: true });
    builder.pushNumber(1, false);
    const column = builder.finish();
    expect(
      column.type !== 'string' && (column.values as Float64Array).buffer instanceof SharedArrayBuffer,
    ).toBe(true);
  });

  it('codes labels in order of first occurrence, as a Map would, however many there are', () => {
    const builder = new ColumnBuilder('s', { storage: 'string' });
    let state = 3;
    const labels: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      labels.push(i < 5000 ? `id-${i}` : `k${state % 7000}`);
    }
    const codeOf = new Map<string, number>();
    const expected = labels.map((label) => {
      if (!codeOf.has(label)) codeOf.set(label, codeOf.size);
      return codeOf.get(label)!;
    });
    for (const label of labels) builder.pushString(label);
    const column = builder.finish();
    expect(column.type === 'string' && column.dictionary).toEqual([...codeOf.keys()]);
    expect(column.type === 'string' && Array.from(column.codes)).toEqual(expected);
  });

  it('takes a batch of numbers as cell-by-cell pushes would', () => {
    const values = Float64Array.of(9, 1, 2, 3.5, 4);
    const flags = Uint8Array.of(0, 1, 1, 0, 1);
    const ints = new ColumnBuilder('i', { capacity: 1 });
    ints.pushNumbers(values, flags, 1, 2);
    ints.pushNumbers(values, flags, 4, 1);
    expect(ints.finish()).toMatchObject({ type: 'int', values: Float64Array.of(1, 2, 4) });
    const floats = new ColumnBuilder('f', { capacity: 1 });
    floats.pushNumbers(values, flags, 0, 5);
    expect(floats.finish()).toMatchObject({ type: 'float', values });
    const strings = new ColumnBuilder('s');
    strings.pushString('a');
    strings.pushNumbers(values, flags, 1, 2);
    expect(strings.needsStringPass).toBe(true);
    expect(strings.size).toBe(3);
    const dates = new ColumnBuilder('d', { storage: 'datetime' });
    dates.pushNumbers(values, flags, 0, 2);
    expect(dates.finish()).toMatchObject({ type: 'datetime', values: Float64Array.of(9, 1) });
  });

  it('replays a text cell from its token as pushing the text again would', () => {
    const labels = new ColumnBuilder('plan');
    const yes = labels.pushTextToken('Yes');
    const no = labels.pushTextToken('No');
    expect(labels.pushTextToken('NA')).toBe(-1);
    labels.replayText(yes);
    labels.replayText(no);
    expect(labels.finish()).toMatchObject({
      codes: Int32Array.of(0, 1, -1, 0, 1),
      dictionary: ['Yes', 'No'],
    });
    const flags = new ColumnBuilder('b');
    const t = flags.pushTextToken('True');
    const f = flags.pushTextToken('false');
    flags.replayText(t);
    flags.replayText(f);
    expect(flags.finish()).toMatchObject({ type: 'bool', values: Float64Array.of(1, 0, 1, 0) });
    // A text that contradicts the column has no token: it is pushed (and flagged) every time.
    const numbers = new ColumnBuilder('x');
    numbers.pushNumber(1, true);
    expect(numbers.pushTextToken('word')).toBe(-1);
    expect(numbers.needsStringPass).toBe(true);
    const bools = new ColumnBuilder('y');
    bools.pushText('True');
    expect(bools.pushTextToken('maybe')).toBe(-1);
  });

  it('takes runs of codes as replaying each cell and pushing each missing one would, past its capacity', () => {
    const next = (() => {
      let state = 11;
      return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    })();
    const runs = new ColumnBuilder('plan', { capacity: 16 });
    const cells = new ColumnBuilder('plan', { capacity: 16 });
    expect(runs.takesCodes).toBe(false);
    const tokens: number[] = [];
    // 1,500 labels (more than the cell counts that make labels "mostly distinct" at first), then runs of them.
    for (let i = 0; i < 1500; i++) {
      tokens.push(runs.pushTextToken(`l${i}`));
      cells.pushTextToken(`l${i}`);
    }
    expect(runs.takesCodes).toBe(true);
    for (let r = 0; r < 200; r++) {
      const count = Math.floor(next() * 700);
      const codes = new Int32Array(count + 3).fill(99);
      for (let i = 0; i < count; i++) {
        const code = next() < 0.1 ? -1 : tokens[Math.floor(next() * 30)]!;
        codes[3 + i] = code;
        if (code < 0) cells.pushMissing();
        else cells.replayText(code);
      }
      runs.pushCodes(codes, 3, count);
      expect(runs.size).toBe(cells.size);
      expect(runs.labelsMostlyDistinct).toBe(cells.labelsMostlyDistinct);
    }
    expect(runs.finish()).toEqual(cells.finish());
    const flags = new ColumnBuilder('b');
    flags.pushTextToken('True');
    expect(flags.takesCodes).toBe(false);
    expect(() => flags.pushCodes(Int32Array.of(1), 0, 1)).toThrow(/outside string mode/);
  });

  it('keeps bytesLabels equal to readsLabelsAsBytes after every cell', () => {
    const column = new ColumnBuilder('tail');
    const next = (() => {
      let state = 7;
      return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    })();
    for (let i = 0; i < 6000; i++) {
      const r = next();
      if (r < 0.05) column.pushMissing();
      else if (column.bytesLabels) {
        const bytes = new TextEncoder().encode(`l${Math.floor(1 / (r + 1e-3))}`);
        column.pushStringBytes(bytes, 0, bytes.length, false);
      } else column.pushText(i < 1200 ? `l${i}` : `l${Math.floor(1 / (r + 1e-3))}`);
      expect(column.bytesLabels).toBe(column.readsLabelsAsBytes);
    }
    expect(column.bytesLabels).toBe(true);
  });

  it('codes labels read as bytes as the string path does, whether the reserved rows make an id or a long tail', () => {
    const encoder = new TextEncoder();
    // Half the cells new labels up to the reservation (a long tail), and all of them (an id).
    for (const distinct of [0.5, 1]) {
      const label = (i: number) => (i % 2 === 0 || distinct === 1 ? `k${i}` : `k${(i * 7919) % (i + 1)}`);
      const asBytes = new ColumnBuilder('c');
      const asStrings = new ColumnBuilder('c');
      for (let i = 0; i < 20_000; i++) {
        if (i === 4096) {
          asBytes.reserve(20_000);
          asStrings.reserve(20_000);
        }
        // Past the reservation the labels repeat, so a table sized for the labels seen must grow.
        const text = i < 8000 ? label(i) : label(i % 8000);
        if (asBytes.bytesLabels) {
          const bytes = encoder.encode(text);
          asBytes.pushStringBytes(bytes, 0, bytes.length, false);
        } else asBytes.pushText(text);
        asStrings.pushString(text);
      }
      expect(asBytes.bytesLabels).toBe(true);
      const a = asBytes.finish() as { codes: Int32Array; dictionary: readonly string[] };
      const b = asStrings.finish() as { codes: Int32Array; dictionary: readonly string[] };
      expect(a.dictionary).toEqual(b.dictionary);
      expect(a.codes).toEqual(b.codes);
    }
  });

  it('says when most labels occur once, so a reader can skip its cell cache', () => {
    const ids = new ColumnBuilder('id');
    for (let i = 0; i < 2000; i++) ids.pushString(`u${i}`);
    expect(ids.labelsMostlyDistinct).toBe(true);
    const labels = new ColumnBuilder('plan');
    for (let i = 0; i < 5000; i++) labels.pushString(`p${i % 1500}`);
    expect(labels.labelsMostlyDistinct).toBe(false);
    const numbers = new ColumnBuilder('x');
    for (let i = 0; i < 2000; i++) numbers.pushNumber(i, true);
    expect(numbers.labelsMostlyDistinct).toBe(false);
  });
});

describe('ColumnArena', () => {
  /** Builders of every storage: compact numbers, float64 numbers, a compact column that widens, strings. */
  const builders = (shared: boolean) => [
    new ColumnBuilder('cents', { compact: true, shared }),
    new ColumnBuilder('ratio', { shared }),
    new ColumnBuilder('widens', { compact: true, shared }),
    new ColumnBuilder('plan', { shared }),
  ];
  const push = (row: number, [cents, ratio, widens, plan]: ColumnBuilder[]) => {
    cents!.pushNumber((row % 1000) / 100, false);
    ratio!.pushNumber(row / 7, false);
    // Past row 600 a value with no scaled integer: the column turns float64 (out of its arena part).
    widens!.pushNumber(row === 600 ? Math.PI : row % 3, row !== 600);
    plan!.pushText(['basic', 'premium', 'family'][row % 3]!);
  };

  it('holds the same cells as builders that reserve alone, within the reserve, past it and after widening', () => {
    for (const shared of [false, true]) {
      for (const rows of [300, 500, 700]) {
        const alone = builders(shared);
        const pooled = builders(shared);
        for (let row = 0; row < 100; row++) {
          push(row, alone);
          push(row, pooled);
        }
        let bytes = 0;
        for (const builder of pooled) bytes += ColumnArena.part(builder.reserveBytes(400));
        const arena = new ColumnArena(bytes, shared);
        for (const builder of alone) builder.reserve(400);
        for (const builder of pooled) builder.reserve(400, arena);
        for (let row = 100; row < rows; row++) {
          push(row, alone);
          push(row, pooled);
        }
        const expected = alone.map((builder) => builder.finish());
        const actual = pooled.map((builder) => builder.finish());
        expect(actual).toEqual(expected);
        for (const column of actual) {
          const cells = column.type === 'string' ? column.codes : column.values;
          const array = 'digits' in cells ? cells.digits : cells;
          expect(array.buffer instanceof SharedArrayBuffer).toBe(shared);
        }
      }
    }
  });

  it('gives the columns reserved in it parts of one buffer, each on its own 64-byte line, float64 aligned', () => {
    const pooled = builders(true);
    for (let row = 0; row < 10; row++) push(row, pooled);
    const sizes = pooled.map((builder) => builder.reserveBytes(2001));
    // Compact and string storage take 4 bytes a cell, float64 8.
    expect(sizes).toEqual([4 * 2001, 8 * 2001, 4 * 2001, 4 * 2001]);
    const arena = new ColumnArena(
      sizes.reduce((sum, size) => sum + ColumnArena.part(size), 0),
      true,
    );
    for (const builder of pooled) builder.reserve(2001, arena);
    // Nothing more to reserve once there is room.
    expect(pooled[0]!.reserveBytes(2001)).toBe(0);
    const arrays = pooled.map((builder) => {
      const column = builder.finish();
      const cells = column.type === 'string' ? column.codes : column.values;
      return 'digits' in cells ? cells.digits : cells;
    });
    const buffer = arrays[0]!.buffer;
    for (const array of arrays) {
      expect(array.buffer).toBe(buffer);
      expect(array.byteOffset % 64).toBe(0);
    }
    expect(arrays.map((array) => array.byteOffset)).toEqual([0, 8064, 24128, 32192]);
  });
});
