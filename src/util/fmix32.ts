/**
 * MurmurHash3's 32-bit finalizer: every input bit flips each output bit with probability close to 1/2, so the low
 * bits of a hash that pick a slot of an open-addressing table are well mixed even when the inputs differ only in a
 * few high bits (small integers and short decimals as doubles).
 *
 * @param value a 32-bit integer
 * @returns the mixed value as a signed 32-bit integer (`>>> 0` for the unsigned one)
 */
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
