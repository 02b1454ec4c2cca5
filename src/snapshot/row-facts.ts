/**
 * The facts of a snapshot that need whole rows: duplicated rows and empty rows. Readers compute them once per
 * snapshot (the thread that read a file, or the database for counted snapshots), so the drift engine, which sees
 * columns one at a time, never needs the rows together.
 */
import { fmix32 } from '../util/fmix32.js';
import { repeatedKeys } from '../util/repeated-keys.js';
import { canonicalHigh, canonicalLow } from './double-words.js';
import {
  isScaled,
  MISSING_DIGITS,
  type Column,
  type RowFacts,
  type StringColumn,
  type Table,
} from './table.js';

/** Per-row keys of a column for row equality. */
function canonicalColumn(column: Column): Float64Array | Int32Array {
  // Numbers are used as they are (-0 === 0; NaN is matched explicitly in hash and equality); strings by code,
  // since each label has one code (-1 marks a missing cell); a compact column by its scaled integers, which are
  // equal exactly when the doubles are (every missing cell has the one integer MISSING_DIGITS, and no -0 is
  // stored), so they key rows as codes do.
  if (column.type === 'string') return column.codes;
  return isScaled(column.values) ? column.values.digits : column.values;
}

/** A string column whose every row holds its own label: no two rows of the table can be equal. */
function isUniqueInEveryRow(column: Column, rows: number): boolean {
  // The dictionary holds exactly the labels that occur, so as many labels as rows means one label per row.
  return column.type === 'string' && column.dictionary.length === rows;
}

/** How the duplicate search went: the count, and the probes of its open-addressing table (for tests). */
export interface DuplicateSearch {
  /** pandas `duplicated().sum()`. */
  readonly duplicated: number;
  /** Slots looked at beyond the first, over all rows searched. */
  readonly probes: number;
  /** The most slots looked at beyond the first for one row. */
  readonly maxProbes: number;
  /**
   * `keys`: every column had few distinct values (exact mixed-radix row keys); `hash`: the 64-bit row hash over
   * every row; `candidates`: the same over the rows that can be duplicated (their label in the column with the most
   * labels, or their key over a few numeric columns, occurs again).
   */
  readonly method: 'keys' | 'hash' | 'candidates';
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const P2 = 0x85ebca77;

/** One 32-bit word into a murmur3 state (the x86_32 body step). */
function murmurWord(state: number, word: number): number {
  let k = Math.imul(word, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  const h = state ^ k;
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}

/** One 32-bit word into the second lane: an xxhash32-style round with other primes and rotations. */
function xxWord(state: number, word: number): number {
  const h = (state + Math.imul(word, P2)) | 0;
  return Math.imul((h << 13) | (h >>> 19), 0x9e3779b1);
}

/**
 * Distinct values of 32-bit keys, by sorting them: three counting passes of 11 bits each (least significant first,
 * each stable; 2,048 buckets stay in the first-level cache where 65,536 did not), linear in the keys where a
 * comparison sort of a million would cost several times more.
 */
function distinctSorted(keys: Uint32Array<ArrayBuffer>): number {
  const n = keys.length;
  let from = keys;
  let to = new Uint32Array(n);
  const counts = new Int32Array(2049);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((from[i]! >>> shift) & 0x7ff) + 1]!++;
    for (let d = 1; d <= 2048; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < n; i++) {
      const key = from[i]!;
      to[counts[(key >>> shift) & 0x7ff]!++] = key;
    }
    [from, to] = [to, from];
  }
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (from[i] !== from[i - 1]) distinct++;
  return distinct;
}

/** Row-key space of the low-cardinality path: keys are unsigned 32-bit integers. */
const MAX_KEY_SPACE = 2 ** 32;

/** Key spaces up to this size count distinct keys in a bitset (32 MiB at most), larger ones by sorting the keys. */
const MAX_BITSET_SPACE = 2 ** 28;

/** A numeric column with more distinct values than this leaves the low-cardinality path. */
const MAX_NUMERIC_DISTINCT = 65_536;

/**
 * Duplicated rows when every column has few distinct values, or undefined when they have too many. Each column's
 * canonical values get dense codes (string codes as they are; numbers through a small open-addressing table keyed
 * by the value's two 32-bit words, -0 as 0 and every NaN alike, as the hash search below; whole numbers in a short
 * range as value − min), and each row the
 * mixed-radix key `Σ code_c · Π_{c' < c} distinct_c'`: equal rows have equal keys and different rows different
 * ones, exactly, so the duplicated rows are the rows minus the distinct keys, counted in a bitset when the key space
 * is small, else by sorting the keys (a 50k-label category beside a price with 10k values: 5·10^8 keys). The key
 * space (the product of the columns' distinct counts) is capped at {@link MAX_KEY_SPACE}; a column that exceeds its
 * share stops the path at once, after at most a table's worth of rows.
 */
function lowCardinalityDuplicates(table: Table): number | undefined {
  const rows = table.rows;
  // The string columns' distinct counts are known at once: when they alone exceed the key space, no pass is made
  // (20 label columns of 3 to 12 labels: a product near 10^18, found after ten passes over the rows before).
  let labelSpace = 1;
  for (const column of table.columns)
    if (column.type === 'string') labelSpace *= column.dictionary.length + 1;
  if (labelSpace > MAX_KEY_SPACE) return undefined;
  const keys = new Uint32Array(rows);
  let radix = 1;
  for (const column of table.columns) {
    const limit = Math.floor(MAX_KEY_SPACE / radix);
    if (column.type === 'string') {
      // Codes are -1 (missing) to dictionary.length - 1.
      const distinct = column.dictionary.length + 1;
      if (distinct > limit) return undefined;
      const codes = column.codes;
      for (let i = 0; i < rows; i++) keys[i]! += (codes[i]! + 1) * radix;
      radix *= distinct;
      continue;
    }
    // A compact column's scaled integers are equal exactly when its doubles are: keyed as they are, with the missing
    // cells' one integer as one more value.
    const values = canonicalColumn(column);
    // Whole numbers in a short range (counts, flags, small integers) are their own codes: value - min.
    let min = Infinity;
    let max = -Infinity;
    let whole = true;
    for (let i = 0; i < rows; i++) {
      const value = values[i]!;
      if (value !== Math.floor(value)) {
        whole = false;
        break;
      }
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (whole && max - min < Math.min(limit, 65536)) {
      for (let i = 0; i < rows; i++) keys[i]! += (values[i]! - min) * radix;
      radix *= max - min + 1;
      continue;
    }
    const words =
      values instanceof Float64Array
        ? new Int32Array(values.buffer, values.byteOffset, values.length * 2)
        : undefined;
    let capacity = 64;
    const maxDistinct = Math.min(limit, MAX_NUMERIC_DISTINCT);
    while (capacity < 2 * maxDistinct) capacity <<= 1;
    const mask = capacity - 1;
    const slotLow = new Int32Array(capacity);
    const slotHigh = new Int32Array(capacity);
    const slotCode = new Int32Array(capacity).fill(-1);
    let distinct = 0;
    for (let i = 0; i < rows; i++) {
      const value = values[i]!;
      const high = words === undefined ? 0 : canonicalHigh(value, words[2 * i + 1]!);
      const low = words === undefined ? value : canonicalLow(value, words[2 * i]!);
      let slot = fmix32(low ^ Math.imul(high, 0x9e3779b1)) & mask;
      let code: number;
      for (;;) {
        code = slotCode[slot]!;
        if (code < 0) {
          if (distinct === maxDistinct) return undefined;
          code = distinct++;
          slotCode[slot] = code;
          slotLow[slot] = low;
          slotHigh[slot] = high;
          break;
        }
        if (slotLow[slot] === low && slotHigh[slot] === high) break;
        slot = (slot + 1) & mask;
      }
      keys[i]! += code * radix;
    }
    radix *= Math.max(distinct, 1);
  }
  if (radix > MAX_BITSET_SPACE) return rows - distinctSorted(keys);
  const seen = new Int32Array(Math.ceil(radix / 32));
  let distinctRows = 0;
  for (let i = 0; i < rows; i++) {
    const key = keys[i]!;
    const bit = 1 << (key & 31);
    const word = seen[key >>> 5]!;
    if ((word & bit) === 0) {
      seen[key >>> 5] = word | bit;
      distinctRows++;
    }
  }
  return rows - distinctRows;
}

/**
 * Candidate rows are searched instead of the whole table when they are fewer than this share of its rows. Finding
 * them is a few passes over one to six columns; the search over them costs in proportion to their number, plus
 * copying their cells. Measured on a million rows of 16 columns (2 cores, loaded): 10% candidates cost 29 ms against
 * 286 ms for the search over every row, 25% 75 ms against 183 ms, and 50% as much as every row (about 180 ms).
 */
const CANDIDATE_SHARE = 1 / 3;

/**
 * The rows that can be duplicated, when they are few: a row equal to another has, in every column, a cell that
 * occurs again, so the rows whose label in one string column occurs once are duplicates of no row. The string
 * column with the most labels is counted (its dictionary holds exactly the labels that occur, so its length is the
 * number of distinct labels; a missing cell is one more value, and two missing cells are equal). A column with
 * `d` labels leaves at least `rows - d - 1` rows, so columns with too few labels are not counted at all.
 *
 * @returns the ascending indices of the rows whose label occurs more than once, or undefined when that would
 *   keep {@link CANDIDATE_SHARE} of the rows or more (or no string column has labels enough)
 */
function candidateRows(table: Table): Int32Array | undefined {
  const rows = table.rows;
  const limit = rows * CANDIDATE_SHARE;
  let best: StringColumn | undefined;
  for (const column of table.columns)
    if (column.type === 'string' && (!best || column.dictionary.length > best.dictionary.length))
      best = column;
  if (!best || rows - best.dictionary.length - 1 >= limit) return undefined;
  const codes = best.codes;
  // Occurrences per label, stopping at 2 (slot 0 is the missing cell, code -1).
  const seen = new Uint8Array(best.dictionary.length + 1);
  for (let i = 0; i < rows; i++) {
    const slot = codes[i]! + 1;
    if (seen[slot]! < 2) seen[slot]!++;
  }
  let count = 0;
  for (let i = 0; i < rows; i++) if (seen[codes[i]! + 1] === 2) count++;
  if (count >= limit) return undefined;
  const candidates = new Int32Array(count);
  let next = 0;
  for (let i = 0; i < rows; i++) if (seen[codes[i]! + 1] === 2) candidates[next++] = i;
  return candidates;
}

/**
 * Rows sampled to choose the columns of a partial row key: {@link SAMPLE_BLOCKS} runs of {@link SAMPLE_RUN}
 * consecutive rows, evenly spread. Runs touch a page of each column where as many rows one apart touched every
 * page of it, which measured 2-7 ms a column on a first run (loaded).
 */
const SAMPLE = 4096;
const SAMPLE_RUN = 64;
const SAMPLE_BLOCKS = SAMPLE / SAMPLE_RUN;

/**
 * A partial row key has at most this many columns. Each costs a pass over its cells (~3 ms a million), and the
 * sample stops adding columns once its keys hardly repeat, so a larger cap only matters for tables whose columns
 * each have few values: 20 label columns of 3–12 skewed labels and a two-decimal amount needed six to be keyed
 * (0.5% of the rows kept), which took the first search of such a table of a million rows from ~140 to ~100 ms
 * (5 runs each, one process per run); with four, every row went to the full search.
 */
const MAX_KEY_COLUMNS = 6;

/**
 * One column's canonical cells folded into 32-bit row keys, for `blocks` runs of `run` consecutive rows starting
 * `stride` rows apart: `keys[b · run + j]` for row `from + b · stride + j`.
 */
function foldColumn(
  keys: Int32Array,
  values: Float64Array | Int32Array,
  from: number,
  blocks: number,
  run: number,
  stride: number,
): void {
  // Each loop sees one array type, so that each compiles for it. The sample and the whole-table passes share them,
  // so that each is compiled once: a loop's first run spends ~0.3 µs an iteration in the interpreter before it is
  // compiled, tens of thousands of iterations.
  if (values instanceof Float64Array) foldNumbers(keys, values, from, blocks, run, stride);
  else foldCodes(keys, values, from, blocks, run, stride);
}

/** {@link foldColumn} for doubles, by their canonical words (the murmur3 body steps written out). */
function foldNumbers(
  keys: Int32Array,
  values: Float64Array,
  from: number,
  blocks: number,
  run: number,
  stride: number,
): void {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let b = 0, i = 0; b < blocks; b++) {
    for (let row = from + b * stride, end = row + run; row < end; row++, i++) {
      const value = values[row]!;
      const high = canonicalHigh(value, words[2 * row + 1]!);
      const low = canonicalLow(value, words[2 * row]!);
      let k = Math.imul(low, C1);
      k = Math.imul((k << 15) | (k >>> 17), C2);
      let h = keys[i]! ^ k;
      h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
      k = Math.imul(high, C1);
      k = Math.imul((k << 15) | (k >>> 17), C2);
      h ^= k;
      keys[i] = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
    }
  }
}

/** {@link foldColumn} for string codes. */
function foldCodes(
  keys: Int32Array,
  codes: Int32Array,
  from: number,
  blocks: number,
  run: number,
  stride: number,
): void {
  for (let b = 0, i = 0; b < blocks; b++)
    for (let row = from + b * stride, end = row + run; row < end; row++, i++)
      keys[i] = murmurWord(keys[i]!, codes[row]!);
}

/** Distinct values among 32-bit keys (sorts a copy, in the engine's own numeric sort: no call per key). */
function distinctKeys(keys: Int32Array): number {
  const sorted = keys.slice().sort();
  let distinct = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

/**
 * Distinct cells (-0 as 0, NaN as one value) in runs of {@link SAMPLE_RUN} rows `stride` apart, as many as `cells`
 * holds. The cells are copied and sorted by the engine's own array functions, so that only the count is a loop of
 * this file's: hashing the cells in a loop of its own, not yet compiled on a first run, took ~20 ms (loaded) for
 * 1,024 cells of 15 columns.
 */
function distinctCells(values: Float64Array | Int32Array, cells: Float64Array, stride: number): number {
  for (let at = 0, row = 0; at < cells.length; at += SAMPLE_RUN, row += stride)
    cells.set(values.subarray(row, row + SAMPLE_RUN), at);
  // Ascending, -0 before 0 (equal here) and every NaN last.
  cells.sort();
  let distinct = 0;
  let missing = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell !== cell) missing = 1;
    else if (i === 0 || cell !== cells[i - 1]) distinct++;
  }
  return distinct + missing;
}

/** Rows whose keys are folded at a time: their keys (16 KiB) stay in the first-level cache across the columns. */
const KEY_BLOCK = 4096;

/**
 * Every row's key over `columns` (the columns' cells folded in order, not yet avalanched), a block of
 * {@link KEY_BLOCK} rows at a time: `onBlock(keys, from, count)` sees the keys of rows `from` to `from + count - 1`.
 * Each column's cells are read once and the keys are written nowhere but in the block; folding column by column over
 * the whole table wrote a million keys back per column, and the passes were bound by memory, not by the hashing.
 */
function foldKeyBlocks(
  canonical: readonly (Float64Array | Int32Array)[],
  columns: readonly number[],
  rows: number,
  onBlock: (keys: Int32Array, from: number, count: number) => void,
): void {
  const keys = new Int32Array(KEY_BLOCK);
  for (let from = 0; from < rows; from += KEY_BLOCK) {
    const count = Math.min(KEY_BLOCK, rows - from);
    keys.fill(0x2d358dcc);
    for (const c of columns) foldColumn(keys, canonical[c]!, from, 1, count, 0);
    onBlock(keys, from, count);
  }
}

/**
 * The rows that can be duplicated, by a partial row key, when they are few: rows equal in every column have equal
 * cells in a few columns, so a row whose key over those columns no other row has is a duplicate of none. The columns
 * are the ones with the most distinct cells in a sample of {@link SAMPLE} rows, taken one by one until the sample's
 * keys hardly repeat (see below), plus one, and no more than {@link MAX_KEY_COLUMNS} nor half the columns. The keys
 * are 32-bit hashes whose repeats are found exactly (`repeatedKeys`): a row is kept when another row has its key,
 * that is when the rows agree on those columns or, by chance, their hashes collide (about n²/2³³ pairs, ~116 among a
 * million rows), so no duplicated row is lost and few others are kept. Memory: 12 bytes a row (the keys, and the
 * search's partitioned copy of them with their rows).
 *
 * @returns the ascending indices of the rows whose key another row has (none when every key differs: no row is
 *   duplicated), or undefined when the sample repeats too many keys or the rows kept are {@link CANDIDATE_SHARE} of
 *   the table or more
 */
function partialKeyCandidates(
  canonical: readonly (Float64Array | Int32Array)[],
  rows: number,
): Int32Array | undefined {
  const columns = canonical.length;
  if (rows < 4 * SAMPLE || columns < 2) return undefined;
  const stride = Math.floor(rows / SAMPLE_BLOCKS);
  // Distinct cells per column in every fourth run of the sample rank the columns; a column whose sample is all
  // different is key enough, and wide tables often have one among their first columns.
  const rankSample = SAMPLE / 4;
  const cells = new Float64Array(rankSample);
  const distinct: number[] = [];
  for (const values of canonical) {
    distinct.push(distinctCells(values, cells, 4 * stride));
    if (distinct.at(-1) === rankSample) break;
  }
  const order = distinct.map((_, c) => c).sort((a, b) => distinct[b]! - distinct[a]! || a - b);
  // A key repeated by a share p of the rows (duplicates, or chance in a key space of rows / p) repeats about
  // p · SAMPLE² / rows times in the sample: allowing SAMPLE² / (16 · rows) repeats aims at candidates under 1/8.
  const repeatsAllowed = Math.floor((SAMPLE * SAMPLE) / (16 * rows));
  const sampleKeys = new Int32Array(SAMPLE);
  const chosen: number[] = [];
  let keyed = false;
  for (const c of order) {
    if (chosen.length === MAX_KEY_COLUMNS || 2 * (chosen.length + 1) > columns) break;
    foldColumn(sampleKeys, canonical[c]!, 0, SAMPLE_BLOCKS, SAMPLE_RUN, stride);
    chosen.push(c);
    keyed = SAMPLE - distinctKeys(sampleKeys) <= repeatsAllowed;
    if (keyed) break;
  }
  if (!keyed) return undefined;
  // The sample cannot tell a repeat share of 1/8 from one of 1/1000; one more column, where the limits allow it,
  // costs a pass over it (~3 ms a million cells once compiled) and keeps fewer rows for the search, which costs a
  // cold first run ~5 µs a row (StreamFlow: three columns kept 1.2% of the rows, four 0.004%).
  // (The ranking stops at a column whose sample is all different: the next column in the table is the margin then.)
  const margin = order[chosen.length] ?? (distinct.length < columns ? distinct.length : undefined);
  if (margin !== undefined && chosen.length < MAX_KEY_COLUMNS && 2 * (chosen.length + 1) <= columns)
    chosen.push(margin);
  const keys = new Int32Array(rows);
  // Avalanched, so that their top bits spread the keys evenly over the search's parts and their low bits over slots.
  foldKeyBlocks(canonical, chosen, rows, (block, from, count) => {
    for (let i = 0; i < count; i++) keys[from + i] = fmix32(block[i]!);
  });
  // Kept rows grouped by key, then ascending.
  return repeatedKeys(keys, rows, rows * CANDIDATE_SHARE)?.indices.sort();
}

/** Cells sampled by {@link distinctColumnHint}: 16 runs of {@link SAMPLE_RUN} rows. */
const HINT_SAMPLE = 1024;

/**
 * A column of doubles whose sampled cells all differ (a measurement written at full precision, a numeric id), the
 * first in the table, or undefined. If that column turns out to hold a value in every row and no value twice, no
 * two rows of the table are equal and none is empty, so a reader whose columns are scored anyway (and so counted:
 * distinct and missing values) can wait for that count instead of searching the rows (see the compare's worker
 * pool). Looks at 1,024 cells of each column at most, in runs of consecutive rows (a few pages a column).
 *
 * @param table a snapshot as read
 * @returns the column's name, or undefined when no column of doubles has a sample of distinct cells, or the table
 *   is too short for the search to matter
 */
export function distinctColumnHint(table: Table): string | undefined {
  const rows = table.rows;
  if (rows < 4 * SAMPLE) return undefined;
  const stride = Math.floor(rows / (HINT_SAMPLE / SAMPLE_RUN));
  const cells = new Float64Array(HINT_SAMPLE);
  for (const column of table.columns) {
    // Compact columns hold short decimals, which repeat on a long table; strings are settled by their labels.
    if ((column.type !== 'float' && column.type !== 'int') || isScaled(column.values)) continue;
    if (distinctCells(column.values, cells, stride) === HINT_SAMPLE) return column.name;
  }
  return undefined;
}

/**
 * Duplicated rows with the statistics of the search (see {@link countDuplicatedRows}).
 *
 * @param table the snapshot's columns
 * @param options `lowCardinality: false` skips the exact path for columns with few distinct values, `candidates:
 *   false` the search over candidate rows only (tests)
 * @returns the count and the probe statistics of the hash table
 */
export function searchDuplicatedRows(
  table: Table,
  options: { readonly lowCardinality?: boolean; readonly candidates?: boolean } = {},
): DuplicateSearch {
  const rows = table.rows;
  const none = { duplicated: 0, probes: 0, maxProbes: 0, method: 'hash' } as const;
  if (rows < 2 || table.columns.length === 0) return none;
  if (table.columns.some((column) => isUniqueInEveryRow(column, rows))) return none;
  const canonical = table.columns.map((column) => canonicalColumn(column));
  const narrow = table.columns.map((column) => column.type === 'string' && column.dictionary.length <= 255);
  const candidates =
    options.candidates === false
      ? undefined
      : (candidateRows(table) ?? partialKeyCandidates(canonical, rows));
  if (candidates !== undefined) {
    // Equal rows are both candidates, so the duplicated rows among candidates are those of the table.
    const found = hashSearch(canonical, candidates.length, candidates, narrow);
    return { ...found, method: 'candidates' };
  }
  const few = options.lowCardinality === false ? undefined : lowCardinalityDuplicates(table);
  if (few !== undefined) return { duplicated: few, probes: 0, maxProbes: 0, method: 'keys' };
  return { ...hashSearch(canonical, rows, undefined, narrow), method: 'hash' };
}

/**
 * Duplicated rows of columns' canonical cells by a 64-bit row hash and an open-addressing table of distinct rows,
 * with the probe statistics of that table.
 *
 * @param count the rows searched
 * @param at the table rows searched, ascending (`count` of them), or undefined for rows 0 to `count` - 1; the cells
 *   are read in place, so that searching a few rows of a table costs memory for those rows only
 * @param narrow per column, whether its cells are codes from -1 to 254 (a string column of at most 255 labels)
 */
function hashSearch(
  canonical: readonly (Float64Array | Int32Array)[],
  count: number,
  at: Int32Array | undefined,
  narrow: readonly boolean[] = [],
): Omit<DuplicateSearch, 'method'> {
  if (count < 2) return { duplicated: 0, probes: 0, maxProbes: 0 };
  // Two 32-bit lanes of a 64-bit row hash, fed each cell's canonical bits column by column (typed arrays, no
  // per-row objects): a murmur3 lane and an xxhash-style lane with their own constants. A double gives two words, a
  // code or scaled integer one (two, the second a constant, took a quarter longer on 20 label columns).
  const lane1 = new Int32Array(count).fill(0x2d358dcc);
  const lane2 = new Int32Array(count).fill(0x165667b1);
  // Label columns of at most 255 labels (codes -1 to 254) go four at a time, one byte each, as one word: the same
  // equal rows, a quarter of the hash steps (20 label columns of a million rows: 21 steps a row became 6).
  const packed = new Set<Int32Array>();
  const narrowColumns = canonical.filter(
    (values, index): values is Int32Array => values instanceof Int32Array && narrow[index] === true,
  );
  for (let p = 0; p + 4 <= narrowColumns.length; p += 4) {
    const [a, b, c, d] = narrowColumns.slice(p, p + 4) as [Int32Array, Int32Array, Int32Array, Int32Array];
    for (let i = 0; i < count; i++) {
      const row = at === undefined ? i : at[i]!;
      const word = (a[row]! + 1) | ((b[row]! + 1) << 8) | ((c[row]! + 1) << 16) | ((d[row]! + 1) << 24);
      lane1[i] = murmurWord(lane1[i]!, word);
      lane2[i] = xxWord(lane2[i]!, word);
    }
    for (const values of [a, b, c, d]) packed.add(values);
  }
  for (const values of canonical) {
    if (packed.has(values as Int32Array)) continue;
    if (values instanceof Float64Array) {
      // Each double's two 32-bit words, read in place; -0 hashes as 0 and every NaN alike.
      const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
      for (let i = 0; i < count; i++) {
        const row = at === undefined ? i : at[i]!;
        const value = values[row]!;
        const high = canonicalHigh(value, words[2 * row + 1]!);
        const low = canonicalLow(value, words[2 * row]!);
        lane1[i] = murmurWord(murmurWord(lane1[i]!, low), high);
        lane2[i] = xxWord(xxWord(lane2[i]!, high), low);
      }
    } else if (at === undefined) {
      for (let i = 0; i < count; i++) {
        const code = values[i]!;
        lane1[i] = murmurWord(lane1[i]!, code);
        lane2[i] = xxWord(lane2[i]!, code);
      }
    } else {
      for (let i = 0; i < count; i++) {
        const code = values[at[i]!]!;
        lane1[i] = murmurWord(lane1[i]!, code);
        lane2[i] = xxWord(lane2[i]!, code);
      }
    }
  }
  // Avalanche both lanes, so that values differing in a few high bits (small integers and short decimals as
  // doubles) spread over every slot.
  const columns = canonical.length;
  for (let i = 0; i < count; i++) {
    lane1[i] = fmix32(lane1[i]! ^ Math.imul(columns, 8));
    lane2[i] = fmix32(lane2[i]! ^ lane1[i]!);
  }
  // Open-addressing table of distinct rows keyed by the 64-bit row hash; equal hashes are compared exactly.
  let capacity = 1;
  while (capacity < count * 2) capacity <<= 1;
  const slots = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  const equalRows = (a: number, b: number): boolean => {
    const rowA = at === undefined ? a : at[a]!;
    const rowB = at === undefined ? b : at[b]!;
    for (const values of canonical) {
      const x = values[rowA]!;
      const y = values[rowB]!;
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
    return true;
  };
  let duplicated = 0;
  let probes = 0;
  let maxProbes = 0;
  for (let i = 0; i < count; i++) {
    const high = lane1[i]!;
    const low = lane2[i]!;
    let slot = low & mask;
    let probe = 0;
    for (;;) {
      const other = slots[slot]!;
      if (other < 0) {
        slots[slot] = i;
        break;
      }
      if (lane2[other] === low && lane1[other] === high && equalRows(other, i)) {
        duplicated++;
        break;
      }
      slot = (slot + 1) & mask;
      probe++;
    }
    probes += probe;
    if (probe > maxProbes) maxProbes = probe;
  }
  return { duplicated, probes, maxProbes };
}

/**
 * Rows equal to an earlier row in every column. Each row gets a 64-bit hash of its cells' canonical bits, and an
 * open-addressing table of distinct rows finds rows with equal hashes, which are then compared exactly: expected
 * `O(rows · columns)` whatever the data (all rows equal, small integers, constants, sequential ids). When a nearly
 * unique string column (an id with a few repeats), or the key of a few numeric columns, leaves few rows that can
 * repeat, only those are hashed.
 *
 * @param table the snapshot's columns
 * @returns pandas `duplicated().sum()` over those columns (missing equals missing)
 */
export function countDuplicatedRows(table: Table): number {
  return searchDuplicatedRows(table).duplicated;
}

/** Whether a column has a missing cell (NaN, or code -1). */
function hasMissing(column: Column): boolean {
  if (column.type === 'string') {
    // As many labels as rows: each row has its own, so none is missing (an id, read without a pass over its codes).
    if (isUniqueInEveryRow(column, column.codes.length)) return false;
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) return true;
    return false;
  }
  const values = column.values;
  if (isScaled(values)) return values.digits.includes(MISSING_DIGITS);
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

/**
 * Rows in which every column is missing.
 *
 * @param table the snapshot's columns
 * @returns the count (0 for a table without columns)
 */
export function countEmptyRows(table: Table): number {
  const { rows, columns } = table;
  // A row can be empty only if every column has a missing cell; then count per row.
  if (columns.length === 0 || !columns.every(hasMissing)) return 0;
  const missingPerRow = new Uint32Array(rows);
  for (const column of columns) {
    if (column.type === 'string') {
      for (let r = 0; r < rows; r++) if (column.codes[r]! < 0) missingPerRow[r]!++;
    } else if (isScaled(column.values)) {
      const digits = column.values.digits;
      for (let r = 0; r < rows; r++) if (digits[r] === MISSING_DIGITS) missingPerRow[r]!++;
    } else {
      const values = column.values;
      for (let r = 0; r < rows; r++) if (Number.isNaN(values[r]!)) missingPerRow[r]!++;
    }
  }
  let empty = 0;
  for (let r = 0; r < rows; r++) if (missingPerRow[r] === columns.length) empty++;
  return empty;
}

/**
 * The row-level facts of a snapshot read as columns.
 *
 * This runs in `O(rows · columns)` expected time (one hash per row).
 *
 * @param table the snapshot
 * @returns duplicated and empty rows over the table's columns
 * @example
 * rowFactsOf({ source: 't', rows: 3, columns: [{ name: 'x', type: 'float', values: Float64Array.of(1, 1, NaN) }] }); // => { duplicatedRows: 1, emptyRows: 1 }
 */
export function rowFactsOf(table: Table): RowFacts {
  return { duplicatedRows: countDuplicatedRows(table), emptyRows: countEmptyRows(table) };
}
