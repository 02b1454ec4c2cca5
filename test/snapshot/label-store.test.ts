import fc from 'fast-check';
// Labels as UTF-8 bytes: one code per distinct byte string, whatever the hash does; CSV ids read through it.
import { describe, expect, it } from 'vitest';
import { summarizeColumn, TOP_VALUES, uniqueLabelsTally } from '../../src/drift/summary.js';
import { heldLabelsArray, labelStoreOf, withLabels } from '../../src/snapshot/column-builder.js';
import { readDelimited } from '../../src/snapshot/csv.js';
import { LabelStore } from '../../src/snapshot/label-store.js';
import type { Column } from '../../src/snapshot/table.js';
import { file } from './support.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Codes of labels given as strings, each through its bytes. */
function codes(store: LabelStore, labels: readonly string[]): number[] {
  return labels.map((label) => {
    const bytes = utf8(`xx${label}yy`); // the label in the middle of a buffer, as in a read chunk
    return store.codeOf(bytes, 2, bytes.length - 2);
  });
}

describe('LabelStore', () => {
  const labels = ['a', 'b', 'a', '', 'ab', 'ba', 'é', 'e\u0301', '€', '😀', '😀', 'b', 'A', 'a '];
  const expected = (() => {
    const first = new Map<string, number>();
    return labels.map((label) => {
      if (!first.has(label)) first.set(label, first.size);
      return first.get(label)!;
    });
  })();

  it('codes labels in order of first occurrence by their bytes, multi-byte UTF-8 included', () => {
    const store = new LabelStore();
    expect(codes(store, labels)).toEqual(expected);
    expect(store.size).toBe(new Set(labels).size);
    expect(store.decodeInto([])).toEqual([...new Set(labels)]);
  });

  it('stays exact when every label has the same hash and the table starts tiny', () => {
    const store = new LabelStore(0, 0);
    expect(codes(store, labels)).toEqual(expected);
    const many = Array.from({ length: 3000 }, (_, i) => `id-${i % 1500}`);
    const more = codes(store, many);
    for (let i = 0; i < 1500; i++) expect(more[i + 1500]).toBe(more[i]);
    expect(new Set(more).size).toBe(1500);
    expect(store.size).toBe(new Set(labels).size + 1500);
  });

  it('stays exact when hashes crowd into the last slot, so probes wrap past the table end', () => {
    // Labels whose hash has its top 12 bits set: with only those bits kept, each starts at the table's last slot
    // (any table under 4,096 slots), and the hash is negative as an int32.
    const probe = new LabelStore() as unknown as {
      hash(bytes: Uint8Array, start: number, end: number): number;
    };
    const top: string[] = [];
    for (let i = 0; top.length < 60; i++) {
      const bytes = utf8(`w${i}é`);
      if (probe.hash(bytes, 0, bytes.length) >>> 20 === 0xfff) top.push(`w${i}é`);
    }
    const store = new LabelStore(0, 0xfff00000 | 0);
    const many = [...top, ...top.slice(10, 30), 'other', ...top.reverse()];
    const got = codes(store, many);
    const first = new Map<string, number>();
    expect(got).toEqual(
      many.map((label) => first.get(label) ?? (first.set(label, first.size), first.size - 1)),
    );
    store.reserve(1000);
    expect(codes(store, [...first.keys()])).toEqual([...first.values()]);
    expect(store.decodeInto([])).toEqual([...first.keys()]);
  });

  it('grows its table and arena past their first sizes without losing a label', () => {
    const store = new LabelStore(1);
    const many = Array.from(
      { length: 20_000 },
      (_, i) => `label-${(i * 7919) % 10_000}-${'x'.repeat(i % 13)}`,
    );
    const got = codes(store, many);
    const first = new Map<string, number>();
    expect(got).toEqual(
      many.map((label) => first.get(label) ?? (first.set(label, first.size), first.size - 1)),
    );
    expect(store.decodeInto([])).toEqual([...first.keys()]);
  });

  it('keeps every code when room is reserved midway, as a reader does once it knows the row count', () => {
    const store = new LabelStore();
    const before = codes(store, ['a', 'bb', 'a', 'ccc']);
    store.reserve(50_000);
    const after = codes(store, ['ccc', 'bb', 'a', ...Array.from({ length: 40_000 }, (_, i) => `r${i}`)]);
    expect(before).toEqual([0, 1, 0, 2]);
    expect(after.slice(0, 3)).toEqual([2, 1, 0]);
    expect(after.slice(3)).toEqual(Array.from({ length: 40_000 }, (_, i) => i + 3));
    expect(store.decode(40_002)).toBe('r39999');
  });

  describe('deferred look-ups (an id column appends every cell, equal labels merged after)', () => {
    /** Cells through a store that defers after `deferAt` cells, then resolved: [codes, labels]. */
    function deferred(cells: readonly (Uint8Array | null)[], deferAt: number, hashMask = -1) {
      const store = new LabelStore(0, hashMask);
      const out = new Int32Array(cells.length);
      cells.forEach((cell, i) => {
        if (i === deferAt) store.deferLookUps(cells.length);
        out[i] = cell === null ? -1 : store.codeOf(cell, 0, cell.length, cell.includes(0x22));
      });
      expect(store.deferred).toBe(deferAt < cells.length);
      store.resolveDeferred(out, cells.length);
      expect(store.deferred).toBe(false);
      return [[...out], store.decodeInto([])] as const;
    }
    /** The same cells looked up one by one. */
    function direct(cells: readonly (Uint8Array | null)[]) {
      const store = new LabelStore();
      const out = cells.map((cell) =>
        cell === null ? -1 : store.codeOf(cell, 0, cell.length, cell.includes(0x22)),
      );
      return [out, store.decodeInto([])] as const;
    }
    // Ids, then repeats of early and late ids, doubled quotes, bytes that are not UTF-8 (two spellings of one decoded
    // text), missing cells and multi-byte labels.
    const cells: (Uint8Array | null)[] = [];
    for (let i = 0; i < 3000; i++) cells.push(utf8(`id-${i}`));
    for (let i = 0; i < 3000; i++) {
      const r = (i * 2654435761) % 7;
      if (r === 0) cells.push(utf8(`id-${(i * 31) % 3000}`));
      else if (r === 1) cells.push(null);
      else if (r === 2) cells.push(utf8(i % 2 ? 'say ""hi""' : 'say "hi"'));
      else if (r === 3) cells.push(Uint8Array.of(0x61, 0xff, i % 2 ? 0xfe : 0xff));
      else if (r === 4) cells.push(utf8(`é-${i % 50}`));
      else cells.push(utf8(`new-${i}`));
    }

    it('codes every cell as looking each up would, wherever the deferral starts', () => {
      const want = direct(cells);
      for (const at of [0, 1, 1024, 3000, 4500]) expect(deferred(cells, at)).toEqual(want);
    });

    it('stays exact when every label has the same hash (equal-hash labels are sorted by their bytes)', () => {
      expect(deferred(cells, 100, 0)).toEqual(direct(cells));
    });

    it('codes a reader’s batches in one call each as cell by cell (appendRun)', () => {
      const MISSING = 1;
      const QUOTED = 3;
      const missingToken = (bytes: Uint8Array, start: number, end: number) =>
        end - start === 2 && bytes[start] === 0x4e && bytes[start + 1] === 0x41; // NA
      // The cells with a few missing tokens, staged as a reader stages them in one buffer.
      const staged = cells.map((cell, i) => (i % 97 === 5 ? utf8('NA') : cell));
      const buffer = new Uint8Array(staged.reduce((n, cell) => n + (cell?.length ?? 0) + 1, 0));
      const kinds = new Uint8Array(staged.length);
      const starts = new Int32Array(staged.length);
      const ends = new Int32Array(staged.length);
      let at = 0;
      staged.forEach((cell, i) => {
        kinds[i] = cell === null ? MISSING : cell.includes(0x22) ? QUOTED : 0;
        starts[i] = at;
        if (cell) buffer.set(cell, at);
        at += cell?.length ?? 0;
        ends[i] = at++;
      });
      for (const [deferAt, room] of [
        [0, 10],
        [1024, 4],
        [100, staged.length],
      ] as const) {
        const one = new LabelStore();
        const run = new LabelStore();
        const want = new Int32Array(staged.length);
        const got = new Int32Array(staged.length).fill(-7);
        let present = 0;
        for (let i = 0; i < deferAt; i++) {
          want[i] = got[i] =
            kinds[i] === MISSING ? -1 : one.codeOf(buffer, starts[i]!, ends[i]!, kinds[i] === QUOTED);
          if (kinds[i] !== MISSING) run.codeOf(buffer, starts[i]!, ends[i]!, kinds[i] === QUOTED);
        }
        // Little room reserved: the run grows the store's arrays as it goes.
        one.deferLookUps(room);
        run.deferLookUps(room);
        for (let i = deferAt; i < staged.length; i++) {
          const missing = kinds[i] === MISSING || missingToken(buffer, starts[i]!, ends[i]!);
          want[i] = missing ? -1 : one.codeOf(buffer, starts[i]!, ends[i]!, kinds[i] === QUOTED);
          if (!missing) present++;
        }
        // Batches of 1, 7 and 300 cells, as a reader's batches end anywhere.
        let counted = 0;
        for (let from = deferAt, size = 1; from < staged.length; from += size, size = size === 1 ? 7 : 300) {
          const to = Math.min(staged.length, from + size);
          counted += run.appendRun(
            buffer,
            kinds,
            starts,
            ends,
            from,
            to,
            QUOTED,
            MISSING,
            missingToken,
            got,
            from,
          );
        }
        expect(counted).toBe(present);
        expect([...got]).toEqual([...want]);
        expect(run.decodeInto([])).toEqual(one.decodeInto([]));
        one.resolveDeferred(want, want.length);
        run.resolveDeferred(got, got.length);
        expect([...got]).toEqual([...want]);
        expect(run.decodeInto([])).toEqual(one.decodeInto([]));
        expect(run.ordersAsStrings).toBe(one.ordersAsStrings);
      }
    });

    it('keeps the provisional codes when every label is distinct', () => {
      const ids = Array.from({ length: 5000 }, (_, i) => utf8(`u${i}`));
      const [got, labels] = deferred(ids, 10);
      expect(got).toEqual(ids.map((_, i) => i));
      expect(labels).toHaveLength(5000);
    });
  });

  it('reads a quoted field with doubled quotes as the label its unquoted bytes spell', () => {
    const store = new LabelStore();
    const plain = utf8('say "hi"');
    const quoted = utf8('say ""hi""');
    const a = store.codeOf(plain, 0, plain.length);
    expect(store.codeOf(quoted, 0, quoted.length, true)).toBe(a);
    // Quoted without a doubled quote: the same bytes as unquoted.
    const word = utf8('abc');
    expect(store.codeOf(word, 0, 3, true)).toBe(store.codeOf(word, 0, 3, false));
    expect(store.decode(a)).toBe('say "hi"');
  });

  it('gives the smallest labels in string order, and says when bytes would not order as strings', () => {
    const store = new LabelStore();
    const words = ['pear', 'apple', 'fig', 'apples', 'b', 'Zed', 'é', 'ab'];
    codes(store, words);
    expect(store.smallest(4).map((code) => store.decode(code))).toEqual([...words].sort().slice(0, 4));
    expect(store.ordersAsStrings).toBe(true);
    // U+FF01 sorts after U+1F600 in code points but before it in UTF-16 units, as JS compares strings.
    codes(store, ['\uFF01', '😀']);
    expect(store.ordersAsStrings).toBe(false);
  });

  it('gives the smallest labels of any labels as a sort of all of them does (property)', () => {
    // Short labels over few bytes (shared first bytes, prefixes of each other, the empty label, repeats); longer ones
    // that share their first bytes, the ones the pass-over looks at, and differ later, with NUL bytes; and ids of a
    // long common prefix that are prefixes of each other.
    const label = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', '0', '9', '~'), maxLength: 4 }),
      fc.string({ unit: fc.constantFrom('\u0000', 'a', 'b', '~'), maxLength: 7 }),
      fc.string({ unit: fc.constantFrom('0', '1'), minLength: 3, maxLength: 6 }).map((tail) => `id-${tail}`),
    );
    fc.assert(
      fc.property(fc.array(label, { maxLength: 80 }), fc.integer({ min: 0, max: 12 }), (words, k) => {
        const store = new LabelStore();
        codes(store, words);
        const distinct = [...new Set(words)].sort();
        expect(store.smallest(k).map((code) => store.decode(code))).toEqual(distinct.slice(0, k));
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV labels read as bytes', () => {
  /** The column's labels per row as strings (null for missing). */
  const cells = (column: Column) => {
    if (column.type !== 'string') throw new Error('not a string column');
    return Array.from(column.codes, (code) => (code < 0 ? null : column.dictionary[code]!));
  };

  // Over 1024 distinct labels, so the reader switches the column to its byte path, then cells of every kind.
  const head = Array.from({ length: 1500 }, (_, i) => `k-${i}`);
  const tail = [
    '"quoted, with a comma"',
    '"two\nlines"',
    '"a ""quote"""',
    'k-7', // an earlier label
    '"k-8"', // an earlier label, quoted
    'NA',
    '"null"',
    '',
    'naïve',
    '"naïve"',
    '東京',
    '12.5', // a number in a text column is its text
  ];
  const expected = [
    ...head,
    'quoted, with a comma',
    'two\nlines',
    'a "quote"',
    'k-7',
    'k-8',
    null,
    null,
    null,
    'naïve',
    'naïve',
    '東京',
    '12.5',
  ];

  it('reads quoted, multi-byte, repeated and missing cells as the string path did', async () => {
    const rows = [...head, ...tail].map((cell, i) => `${cell},${i}`);
    const path = file(`id,n\n${rows.join('\n')}\n`);
    for (const deferUniqueLabels of [false, true]) {
      const table = await readDelimited(path, { delimiter: 0x2c, deferUniqueLabels });
      const id = table.columns[0]!;
      expect(labelStoreOf(id)).toBeUndefined(); // repeats and missing cells: labels are strings
      expect(cells(id)).toEqual(expected);
      if (id.type === 'string')
        expect(id.dictionary.length).toBe(new Set(expected.filter((e) => e !== null)).size);
    }
  });

  it('stays on the byte path once there, when later rows repeat labels (a long-tailed categorical)', async () => {
    // 1,500 distinct labels first, then 6,000 rows drawn from them and from every kind of cell above: past the
    // head, fewer than half the labels are distinct, and the column still reads as bytes, with the same labels.
    const repeats = Array.from({ length: 6000 }, (_, i) =>
      i % 7 === 0 ? tail[i % tail.length]! : head[(i * 7919) % head.length]!,
    );
    const rows = [...head, ...repeats].map((cell, i) => `${cell},${i}`);
    const path = file(`id,n\n${rows.join('\n')}\n`);
    const table = await readDelimited(path, { delimiter: 0x2c });
    const id = table.columns[0]!;
    const want = [
      ...head,
      ...repeats.map((cell) => (tail.includes(cell) ? expected[head.length + tail.indexOf(cell)]! : cell)),
    ];
    expect(cells(id)).toEqual(want);
    if (id.type === 'string') expect(id.dictionary.length).toBe(new Set(want.filter((e) => e !== null)).size);
  });

  it('labels that are not UTF-8 get the code of their decoded text, as on the string path', async () => {
    // After 1,500 distinct labels (the byte path), four labels with bad bytes: \xff and \xfe decode alike, and so
    // do a\xffb and a\xfeb; then the decoded text itself.
    const ascii = head.map((cell, i) => `${cell},${i}\n`).join('');
    const bad = [[0xff], [0xfe], [0x61, 0xff, 0x62], [0x61, 0xfe, 0x62]];
    const content = Buffer.concat([
      Buffer.from(`id,n\n${ascii}`),
      ...bad.map((bytes, i) => Buffer.concat([Buffer.from(bytes), Buffer.from(`,${i}\n`)])),
      Buffer.from('a\uFFFDb,9\n'),
    ]);
    for (const deferUniqueLabels of [false, true]) {
      const id = withLabels(
        (await readDelimited(file(content), { delimiter: 0x2c, deferUniqueLabels })).columns[0]!,
      );
      expect(cells(id).slice(-5)).toEqual(['\uFFFD', '\uFFFD', 'a\uFFFDb', 'a\uFFFDb', 'a\uFFFDb']);
      if (id.type === 'string') expect(new Set(id.dictionary).size).toBe(id.dictionary.length);
    }
  });

  it('keeps a unique column as bytes on request, and decodes the same labels', async () => {
    const unique = [...head, '"x, y"', '"é ""q"""', 'ünï'];
    const path = file(`id,n\n${unique.map((cell, i) => `${cell},${i}`).join('\n')}\n`);
    const plain = await readDelimited(path, { delimiter: 0x2c });
    const kept = await readDelimited(path, { delimiter: 0x2c, deferUniqueLabels: true });
    const id = kept.columns[0]!;
    const store = labelStoreOf(id);
    expect(store?.size).toBe(unique.length);
    expect(id.type === 'string' && id.dictionary.length).toBe(unique.length);
    expect(cells(withLabels(id))).toEqual(cells(plain.columns[0]!));
    expect(cells(plain.columns[0]!).slice(-3)).toEqual(['x, y', 'é "q"', 'ünï']);
    // The summary from the smallest few labels is the summary from all of them.
    const smallest = store!.smallest(TOP_VALUES).map((code) => store!.decode(code));
    expect(uniqueLabelsTally('id', smallest, kept.rows)).toEqual(
      summarizeColumn(plain.columns[0]!, plain.rows, undefined, 'text'),
    );
  });
});

describe('heldLabelsArray', () => {
  it('has the length of the labels it stands for and no element', () => {
    const labels = heldLabelsArray(1_000_000);
    expect(labels.length).toBe(1_000_000);
    expect(Object.keys(labels)).toEqual([]);
    expect(heldLabelsArray(0)).toEqual([]);
  });
});
