/**
 * The facts of a snapshot that need whole rows: duplicated rows and empty rows. Readers compute them once per
 * snapshot (the thread that read a file, or the database for counted snapshots), so the drift engine, which sees
 * columns one at a time, never needs the rows together.
 */
import { fmix32 } from '../util/fmix32.js';
import { canonicalHigh, canonicalLow } from './double-words.js';
import type { Column, RowFacts, StringColumn, Table } from './table.js';

/** Per-row keys of a column for row equality. */
function canonicalColumn(column: Column): Float64Array | Int32Array {
  // Numbers are used as they are (-0 === 0; NaN is matched explicitly in hash and equality); strings by code,
  // since each label has one code (-1 marks a missing cell).
  return column.type === 'string' ? column.codes : column.values;
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
    const values = column.values;
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
    const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
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
      const high = canonicalHigh(value, words[2 * i + 1]!);
      const low = canonicalLow(value, words[2 * i]!);
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
 * them is a few passes over one to four columns; the search over them costs in proportion to their number, plus
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

/** Rows sampled, evenly spread, to choose the columns of a partial row key. */
const SAMPLE = 4096;

/** A partial row key has at most this many columns. */
const MAX_KEY_COLUMNS = 4;

/** One column's canonical cells folded into 32-bit row keys: `keys[i]` for row `i · stride`. */
function foldColumn(
  keys: Int32Array,
  values: Float64Array | Int32Array,
  count: number,
  stride: number,
): void {
  // Each loop sees one array type, so that each compiles for it.
  if (values instanceof Float64Array) foldNumbers(keys, values, count, stride);
  else foldCodes(keys, values, count, stride);
}

/** {@link foldColumn} for doubles, by their canonical words. */
function foldNumbers(keys: Int32Array, values: Float64Array, count: number, stride: number): void {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0, row = 0; i < count; i++, row += stride) {
    const value = values[row]!;
    const high = canonicalHigh(value, words[2 * row + 1]!);
    keys[i] = murmurWord(murmurWord(keys[i]!, canonicalLow(value, words[2 * row]!)), high);
  }
}

/** {@link foldColumn} for string codes. */
function foldCodes(keys: Int32Array, codes: Int32Array, count: number, stride: number): void {
  for (let i = 0, row = 0; i < count; i++, row += stride) keys[i] = murmurWord(keys[i]!, codes[row]!);
}

/** Distinct values among 32-bit keys after avalanching them (sorts a copy). */
function distinctKeys(keys: Int32Array): number {
  const sorted = keys.map(fmix32).sort();
  let distinct = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

/**
 * The rows that can be duplicated, by a partial row key, when they are few: rows equal in every column have equal
 * cells in a few columns, so a row whose key over those columns no other row has is a duplicate of none. The columns
 * are the ones with the most distinct cells in a sample of {@link SAMPLE} rows, taken one by one until the sample's
 * keys hardly repeat (see below), and no more than {@link MAX_KEY_COLUMNS} nor half the columns. The keys are 32-bit
 * hashes counted in two bitsets (seen once, seen again) of 16 bits a row (up to 2^28 bits): a hash collision only
 * keeps a row that could have gone, so no duplicated row is lost.
 *
 * @returns the ascending indices of the rows whose key falls in a bucket seen twice, or undefined when the sample
 *   repeats too many keys or the rows kept are {@link CANDIDATE_SHARE} of the table or more
 */
function partialKeyCandidates(
  canonical: readonly (Float64Array | Int32Array)[],
  rows: number,
): Int32Array | undefined {
  const columns = canonical.length;
  if (rows < 4 * SAMPLE || columns < 2) return undefined;
  const stride = Math.floor(rows / SAMPLE);
  // Distinct sampled cells per column; a column whose sample is all different is key enough, and wide tables
  // often have one among their first columns.
  const distinct: number[] = [];
  for (const values of canonical) {
    const keys = new Int32Array(SAMPLE);
    foldColumn(keys, values, SAMPLE, stride);
    distinct.push(distinctKeys(keys));
    if (distinct.at(-1) === SAMPLE) break;
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
    foldColumn(sampleKeys, canonical[c]!, SAMPLE, stride);
    chosen.push(c);
    keyed = SAMPLE - distinctKeys(sampleKeys) <= repeatsAllowed;
    if (keyed) break;
  }
  if (!keyed) return undefined;
  const keys = new Int32Array(rows);
  for (const c of chosen) foldColumn(keys, canonical[c]!, rows, 1);
  let bits = 1 << 15;
  while (bits < 16 * rows && bits < 2 ** 28) bits *= 2;
  const mask = bits - 1;
  const once = new Int32Array(bits / 32);
  const twice = new Int32Array(bits / 32);
  for (let i = 0; i < rows; i++) {
    const bucket = fmix32(keys[i]!) & mask;
    keys[i] = bucket;
    const bit = 1 << (bucket & 31);
    const word = bucket >>> 5;
    if ((once[word]! & bit) === 0) once[word] = once[word]! | bit;
    else twice[word] = twice[word]! | bit;
  }
  const limit = rows * CANDIDATE_SHARE;
  let count = 0;
  for (let i = 0; i < rows; i++) if ((twice[keys[i]! >>> 5]! & (1 << (keys[i]! & 31))) !== 0) count++;
  if (count >= limit) return undefined;
  const candidates = new Int32Array(count);
  let next = 0;
  for (let i = 0; i < rows; i++)
    if ((twice[keys[i]! >>> 5]! & (1 << (keys[i]! & 31))) !== 0) candidates[next++] = i;
  return candidates;
}

/** The cells of `rows` (row indices) of each column, in that order. */
function gather(
  canonical: readonly (Float64Array | Int32Array)[],
  rows: Int32Array,
): (Float64Array | Int32Array)[] {
  return canonical.map((values) => {
    const cells =
      values instanceof Float64Array ? new Float64Array(rows.length) : new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) cells[i] = values[rows[i]!]!;
    return cells;
  });
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
  const candidates =
    options.candidates === false
      ? undefined
      : (candidateRows(table) ?? partialKeyCandidates(canonical, rows));
  if (candidates !== undefined) {
    // Equal rows are both candidates, so the duplicated rows among candidates are those of the table.
    const found = hashSearch(gather(canonical, candidates), candidates.length);
    return { ...found, method: 'candidates' };
  }
  const few = options.lowCardinality === false ? undefined : lowCardinalityDuplicates(table);
  if (few !== undefined) return { duplicated: few, probes: 0, maxProbes: 0, method: 'keys' };
  return { ...hashSearch(canonical, rows), method: 'hash' };
}

/**
 * Duplicated rows of columns' canonical cells by a 64-bit row hash and an open-addressing table of distinct rows,
 * with the probe statistics of that table.
 */
function hashSearch(
  canonical: readonly (Float64Array | Int32Array)[],
  rows: number,
): Omit<DuplicateSearch, 'method'> {
  if (rows < 2) return { duplicated: 0, probes: 0, maxProbes: 0 };
  // Two 32-bit lanes of a 64-bit row hash, fed each cell's canonical bits column by column (typed arrays, no
  // per-row objects): a murmur3 lane and an xxhash-style lane with their own constants.
  const lane1 = new Int32Array(rows).fill(0x2d358dcc);
  const lane2 = new Int32Array(rows).fill(0x165667b1);
  for (const values of canonical) {
    if (values instanceof Float64Array) {
      // Each double's two 32-bit words, read in place; -0 hashes as 0 and every NaN alike.
      const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
      for (let i = 0; i < rows; i++) {
        const value = values[i]!;
        const high = canonicalHigh(value, words[2 * i + 1]!);
        const low = canonicalLow(value, words[2 * i]!);
        lane1[i] = murmurWord(murmurWord(lane1[i]!, low), high);
        lane2[i] = xxWord(xxWord(lane2[i]!, high), low);
      }
    } else {
      for (let i = 0; i < rows; i++) {
        const code = values[i]!;
        lane1[i] = murmurWord(murmurWord(lane1[i]!, code), 0x5bd1e995);
        lane2[i] = xxWord(xxWord(lane2[i]!, 0x5bd1e995), code);
      }
    }
  }
  // Avalanche both lanes, so that values differing in a few high bits (small integers and short decimals as
  // doubles) spread over every slot.
  const columns = canonical.length;
  for (let i = 0; i < rows; i++) {
    lane1[i] = fmix32(lane1[i]! ^ Math.imul(columns, 8));
    lane2[i] = fmix32(lane2[i]! ^ lane1[i]!);
  }
  // Open-addressing table of distinct rows keyed by the 64-bit row hash; equal hashes are compared exactly.
  let capacity = 1;
  while (capacity < rows * 2) capacity <<= 1;
  const slots = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  const equalRows = (a: number, b: number): boolean => {
    for (const values of canonical) {
      const x = values[a]!;
      const y = values[b]!;
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
    return true;
  };
  let duplicated = 0;
  let probes = 0;
  let maxProbes = 0;
  for (let row = 0; row < rows; row++) {
    const high = lane1[row]!;
    const low = lane2[row]!;
    let slot = low & mask;
    let probe = 0;
    for (;;) {
      const other = slots[slot]!;
      if (other < 0) {
        slots[slot] = row;
        break;
      }
      if (lane2[other] === low && lane1[other] === high && equalRows(other, row)) {
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
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) return true;
    return false;
  }
  const values = column.values;
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
    } else {
      for (let r = 0; r < rows; r++) if (Number.isNaN(column.values[r]!)) missingPerRow[r]!++;
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
