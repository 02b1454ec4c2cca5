/**
 * Shared maths of the binned divergence tests (`psi`, `kl_div`, `jensenshannon`): scipy's `rel_entr` and the
 * numpy normalisation `p / np.sum(p)`.
 */
import { pairwiseSum } from '../kernels/index.js';

/**
 * scipy `special.rel_entr(x, y)`: `x ln(x/y)` for x > 0 and y > 0, 0 for x = 0 and y >= 0, +∞ otherwise.
 *
 * @param x first argument
 * @param y second argument
 * @returns the elementwise relative entropy
 */
export function relEntr(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/**
 * `1.0 * p / np.sum(p)`: shares renormalised to sum 1 (numpy pairwise sum).
 *
 * @param shares non-negative shares
 * @returns a new array
 */
export function normalised(shares: Float64Array): Float64Array {
  const total = pairwiseSum(shares);
  const out = new Float64Array(shares.length);
  for (let i = 0; i < shares.length; i++) out[i] = shares[i]! / total;
  return out;
}
