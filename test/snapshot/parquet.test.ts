// The Parquet reader (hyparquet): storage types from the schema, one-line errors.
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/snapshot/index.js';
import { dir, file, rejects, values } from './support.js';

describe('Parquet', () => {
  it('reads typed columns through hyparquet', async () => {
    const path = join(dir, 'snapshot.parquet');
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'n', data: [1, 2, null], type: 'INT32' },
        { name: 'k', data: [1, 2, 3], type: 'INT32' },
        { name: 'x', data: [0.5, 1.5, 2], type: 'DOUBLE' },
        { name: 'b', data: [true, false, true], type: 'BOOLEAN' },
        { name: 's', data: ['DSL', 'No', null], type: 'STRING' },
      ],
    });
    const table = await readSnapshot(path);
    expect(table.rows).toBe(3);
    expect(Object.fromEntries(table.columns.map((c) => [c.name, c.type]))).toEqual({
      n: 'float',
      k: 'int',
      x: 'float',
      b: 'bool',
      s: 'string',
    });
    expect(values(table, 's')).toEqual(['DSL', 'No', null]);
    expect(values(table, 'x')).toEqual([0.5, 1.5, 2]);
  });

  it('rejects a file that is not Parquet', async () => {
    await rejects(file('not parquet at all', 'parquet'), 'PARSE', /not a readable Parquet file/);
  });

  it('refuses a gzip-compressed Parquet file (Parquet compresses its own pages)', async () => {
    await rejects(file('x', 'parquet.gz'), 'USAGE', /gzip is read for csv, tsv and jsonl only/);
  });
});
