// The one column store of every reader: pandas-like typing when the source declares nothing, declared storage else.
import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../src/snapshot/column-builder.js';

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
    expect(column.type !== 'string' && Array.from(column.values)).toEqual([86_400_000, Number.NaN, 0]);
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
    expect(column.type !== 'string' && column.values.buffer instanceof SharedArrayBuffer).toBe(true);
  });
});
