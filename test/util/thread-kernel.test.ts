// The hook through which the job layer hands a lower layer its compiled kernels: made once per maker, at first use.
import { describe, expect, it } from 'vitest';
import { ThreadKernel } from '../../src/util/thread-kernel.js';

describe('ThreadKernel', () => {
  it('makes the kernel at its first use, keeps it while the maker stays, and makes it anew for another maker', () => {
    const kernel = new ThreadKernel<{ id: number }>();
    expect(kernel.get()).toBeUndefined();
    let made = 0;
    const make = () => ({ id: ++made });
    kernel.use(make);
    expect(made).toBe(0);
    const first = kernel.get();
    expect(first).toEqual({ id: 1 });
    kernel.use(make);
    expect(kernel.get()).toBe(first);
    kernel.use(() => ({ id: 99 }));
    expect(kernel.get()).toEqual({ id: 99 });
    kernel.use(undefined);
    expect(kernel.get()).toBeUndefined();
  });

  it('asks a maker that made none only once (WebAssembly off: the loops from then on)', () => {
    const kernel = new ThreadKernel<object>();
    let asked = 0;
    kernel.use(() => {
      asked++;
      return undefined;
    });
    expect(kernel.get()).toBeUndefined();
    expect(kernel.get()).toBeUndefined();
    expect(asked).toBe(1);
  });
});
