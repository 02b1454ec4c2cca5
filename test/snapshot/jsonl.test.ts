// The JSON Lines reader: the union of keys, typing from JSON values, chunked reading, gzip, one-line errors.
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/snapshot/index.js';
import { file, rejects, values } from './support.js';

describe('JSON Lines', () => {
  it('reads objects per line with the union of keys', async () => {
    const path = file('{"a":1,"b":"x"}\n{"a":2.5,"c":true}\n\n{"b":null,"c":false}\n', 'jsonl');
    const table = await readSnapshot(path);
    expect(table.rows).toBe(3);
    expect(Object.fromEntries(table.columns.map((c) => [c.name, c.type]))).toEqual({
      a: 'float',
      b: 'string',
      c: 'bool',
    });
    expect(values(table, 'a')).toEqual([1, 2.5, null]);
    expect(values(table, 'c')).toEqual([null, 1, 0]);
  });

  it('strips a UTF-8 BOM and CRLF line ends, keeps multi-byte text, and reads a last line without a newline', async () => {
    const table = await readSnapshot(file('\uFEFF{"s":"é"}\r\n{"s":"日本"}\r\n{"s":"x"}', 'jsonl'));
    expect(values(table, 's')).toEqual(['é', '日本', 'x']);
  });

  it('reads lines longer than a read chunk, and many lines across chunks', async () => {
    const long = 'x'.repeat(3_000_000);
    const lines = [`{"s":"${long}","n":0}`];
    for (let i = 1; i < 50_000; i++) lines.push(`{"s":"v${i % 5}","n":${i}}`);
    const table = await readSnapshot(file(lines.join('\n') + '\n', 'jsonl'));
    expect(table.rows).toBe(50_000);
    expect(values(table, 's')[0]).toBe(long);
    expect(values(table, 'n').at(-1)).toBe(49_999);
  });

  it('reads gzip-compressed JSON Lines (.jsonl.gz) streaming', async () => {
    const table = await readSnapshot(file('{"a":1}\n{"a":2}\n', 'jsonl.gz'));
    expect(values(table, 'a')).toEqual([1, 2]);
  });

  it('names the line of invalid JSON, and an empty file', async () => {
    await rejects(file('{"a":1}\n{"a":\n', 'jsonl'), 'PARSE', /:2: invalid JSON/);
    await rejects(file('{"a":1}\n[1]\n', 'jsonl'), 'PARSE', /:2: expected a JSON object per line/);
    await rejects(file('\n  \n', 'jsonl'), 'EMPTY_FILE', /file is empty/);
  });
});
