/**
 * Row facts (duplicated and empty rows) of a snapshot read a batch of columns at a time: every row keeps a 64-bit
 * hash that each column's cell is mixed into as its batch is read, and a flag saying every cell so far is missing.
 * Memory is 9 bytes per row whatever the number of columns, and no column needs to outlive its batch.
 *
 * Exactness: two rows count as duplicates when their 64-bit hashes are equal; the cells are not compared again
 * (that would need every column at once, or another read of the file). Rows that differ collide only by chance:
 * with n rows, the probability of any false duplicate is at most n²/2⁶⁵ (about 3·10⁻⁸ for a million rows). A
 * snapshot read at once counts duplicates exactly (`row-facts.ts`).
 */
import { fmix32 } from '../util/fmix32.js';
import { canonicalHigh, canonicalLow } from './double-words.js';
import { isScaled, numbersOf, type Column, type RowFacts } from './table.js';

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const C3 = 0x85ebca6b;
const C4 = 0xc2b2ae35;

/** Mixes one 32-bit word into a MurmurHash3 lane. */
function mixWord(lane: number, word: number, m1: number, m2: number): number {
  let k = Math.imul(word, m1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, m2);
  lane ^= k;
  lane = (lane << 13) | (lane >>> 19);
  return (Math.imul(lane, 5) + 0xe6546b64) | 0;
}

/** Duplicated and empty rows of a snapshot whose columns arrive in batches. */
export class RowFactsAccumulator {
  private readonly high: Int32Array;
  private readonly low: Int32Array;
  /** 1 while every cell of the row read so far is missing. */
  private readonly allMissing: Uint8Array;
  private columns = 0;
  /** The doubles of the last compact column added. */
  private decoded: Float64Array | undefined;

  constructor(readonly rows: number) {
    this.high = new Int32Array(rows).fill(0x3c6ef372);
    this.low = new Int32Array(rows).fill(0x510e527f);
    this.allMissing = new Uint8Array(rows).fill(1);
  }

  /** Mixes one column's cells into the row hashes (columns in the same order for every row). */
  add(column: Column): void {
    const { rows, high, low, allMissing } = this;
    this.columns++;
    if (column.type === 'string') {
      const codes = column.codes;
      for (let i = 0; i < rows; i++) {
        const code = codes[i]!;
        if (code >= 0) allMissing[i] = 0;
        high[i] = mixWord(mixWord(high[i]!, code, C1, C2), 0x5bd1e995, C1, C2);
        low[i] = mixWord(mixWord(low[i]!, 0x27d4eb2f, C3, C4), code, C3, C4);
      }
      return;
    }
    // Compact cells (scaled integers) are hashed as the doubles they stand for, decoded into one array kept for the
    // next compact column.
    const values = isScaled(column.values)
      ? numbersOf(column.values, (this.decoded ??= new Float64Array(rows)))
      : column.values;
    // Each double's two 32-bit words, read in place; -0 hashes as 0 and every NaN alike (missing equals missing).
    const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
    for (let i = 0; i < rows; i++) {
      const value = values[i]!;
      if (value === value) allMissing[i] = 0;
      const hi = canonicalHigh(value, words[2 * i + 1]!);
      const lo = canonicalLow(value, words[2 * i]!);
      high[i] = mixWord(mixWord(high[i]!, lo, C1, C2), hi, C1, C2);
      low[i] = mixWord(mixWord(low[i]!, hi, C3, C4), lo, C3, C4);
    }
  }

  /**
   * The facts over every column added.
   *
   * @returns duplicated rows (rows whose 64-bit hash an earlier row has) and empty rows
   */
  finish(): RowFacts {
    const { rows } = this;
    if (this.columns === 0) return { duplicatedRows: 0, emptyRows: 0 };
    let emptyRows = 0;
    for (let i = 0; i < rows; i++) emptyRows += this.allMissing[i]!;
    let capacity = 1;
    while (capacity < rows * 2) capacity <<= 1;
    const mask = capacity - 1;
    const slots = new Int32Array(capacity).fill(-1);
    const finalHigh = new Uint32Array(rows);
    const finalLow = new Uint32Array(rows);
    let duplicatedRows = 0;
    for (let row = 0; row < rows; row++) {
      const h = fmix32(this.high[row]! ^ this.columns) >>> 0;
      const l = fmix32(this.low[row]! ^ Math.imul(this.columns, C2)) >>> 0;
      finalHigh[row] = h;
      finalLow[row] = l;
      let slot = (h ^ Math.imul(l, 0x9e3779b1)) & mask;
      for (;;) {
        const other = slots[slot]!;
        if (other < 0) {
          slots[slot] = row;
          break;
        }
        if (finalHigh[other] === h && finalLow[other] === l) {
          duplicatedRows++;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return { duplicatedRows: rows < 2 ? 0 : duplicatedRows, emptyRows };
  }
}
