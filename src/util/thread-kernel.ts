/**
 * A faster kernel that a lower layer runs when the job layer hands it a maker (the CSV reader's compiled sorts, decoder
 * and pooled walk, which the drift layer may not import): made at its first use on each thread and kept while the
 * maker handed in stays the same. Without a maker, or where the maker makes none (WebAssembly off), the lower layer
 * runs its own loops.
 */
export class ThreadKernel<T> {
  #make: (() => T | undefined) | undefined;
  /** The kernel once made, null when the maker made none. */
  #made: T | null | undefined;

  /** Hands in the maker (undefined: none); another maker drops the kernel made before. */
  use(make: (() => T | undefined) | undefined): void {
    if (make === this.#make) return;
    this.#make = make;
    this.#made = undefined;
  }

  /** The kernel, made at the first call after {@link use}, or undefined when there is none. */
  get(): T | undefined {
    // `??=` would ask again after a maker that made none (null is nullish too).
    if (this.#made === undefined) this.#made = this.#make?.() ?? null;
    return this.#made ?? undefined;
  }
}
