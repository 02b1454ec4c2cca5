// The Parquet reader (and the library under it) is loaded by the first Parquet read, not with the snapshot readers:
// a CSV read, the worker threads' usual request, never initialises it.
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, it, vi } from 'vitest';
import { readSnapshot } from '../../src/snapshot/index.js';
import { dir, file, values } from './support.js';

// The readers are already loaded (imported above) when this is registered: it sees the Parquet reader loaded only if
// that happens later. Loaded with the readers, it would never be counted here and the test fails.
let parquetLoads = 0;
vi.doMock('../../src/snapshot/parquet.js', async () => {
  parquetLoads++;
  return await vi.importActual('../../src/snapshot/parquet.js');
});

describe('Parquet reader loading', () => {
  it('is left unloaded by text reads and loaded once, by the first Parquet read', async () => {
    const csv = await readSnapshot(file('a,b\n1,x\n2,y\n'));
    expect(values(csv, 'b')).toEqual(['x', 'y']);
    expect(parquetLoads).toBe(0);

    const path = join(dir, 'lazy.parquet');
    parquetWriteFile({ filename: path, columnData: [{ name: 'x', data: [0.5, 1.5], type: 'DOUBLE' }] });
    expect(values(await readSnapshot(path), 'x')).toEqual([0.5, 1.5]);
    expect(values(await readSnapshot(path), 'x')).toEqual([0.5, 1.5]);
    expect(parquetLoads).toBe(1);
  });
});
