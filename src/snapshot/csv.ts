/**
 * RFC 4180 CSV / TSV reader that streams a file in chunks straight into typed columns.
 *
 * Why not a CSV library: the ones on npm (csv-parse, papaparse) hand back one string per cell and one array or
 * object per row; for a 1M-row snapshot that is tens of millions of short-lived strings, several times the memory
 * and time of the whole drift computation. This reader scans bytes, parses numeric cells directly from the buffer
 * (`src/snapshot/decimal.ts`, shared with the PostgreSQL decoder; `Number()` otherwise) and only makes strings for
 * string cells, which are dictionary-encoded at once. Quoted fields, doubled quotes, embedded delimiters and newlines,
 * CRLF and a UTF-8 BOM are handled. A `.gz` file is decompressed on the fly (`src/snapshot/byte-source.ts`).
 *
 * Records on one line of numbers, texts and gaps are scanned by a compiled loop first
 * (`src/snapshot/wasm/numeric-records.c`, WebAssembly, reading the chunk in place and writing the same staging cells
 * as the scan below, numbers read step for step as it reads them; see `NumericRecordScanner`). A text is staged as
 * the scan below stages it: as the code of a label its column already knows (the compiled scan keeps a copy of each
 * label column's known labels, `CellCache.mirror`), else as text. It stops at the first record with any other field
 * (a `+`, a number the exact paths of `decimal.ts` leave to `Number()`, a quoted field that spans lines), which the
 * scan below takes; after such a stop the scan below takes the next 16 records (doubling while the compiled loop keeps
 * stopping at once, up to 65,536), so files of such records hardly call it. On 400 columns of six-decimal floats
 * (360 MB, 100,000 rows; shape g of `npm run bench -- compare`) it scans a file in 0.45–0.55 s (650–800 MB/s with
 * the reads) where the scan below took 0.8–1.2 s. It also stages each number of a compact column (see below) as the
 * scaled integer the column stores, at the column's decimals as of the last batch, so a batch of such a column that
 * it staged whole goes to the builder in one copy (`ColumnBuilder.pushScaledRun`) instead of a loop that scales each
 * cell (~4 ns a cell) after one that reads its integer flag: reading one file of shape g on one thread took
 * 0.97–1.05 → 0.86–0.93 CPU s (4 alternated pairs, 2026-12-05), the scan itself ~0.08 s longer in a CPU profile of
 * each. The first writes of the columns' memory (~0.1 s a file here) stay.
 *
 * Other records on one line take a one-pass path (`scanNumericRecord`): each field's number is parsed while its end is
 * looked for (plain decimals and exponent forms of up to ~20 digits in the scan itself, converted by `decimalValue`;
 * any other form by `readNumber`), a quoted field is staged as
 * the bytes inside its quotes, into a staging batch of up to 1,024 records held column by column; a record cut by the
 * end of a read chunk is simply scanned again with more bytes. A batch (full, or before a record of the general scan
 * is pushed, or before the read buffer moves) goes to the column builders column by column: a numeric column's cells
 * in one loop (`ColumnBuilder.pushNumbers`), a categorical's through a per-column cache of their bytes that gives
 * the label's code (or a boolean's value) without making, hashing or looking up a string; a label column's codes go
 * to its builder in runs (`ColumnBuilder.pushCodes`). A record with a quoted
 * field that spans lines or is malformed takes the general scan and is pushed cell by cell (on a file that quotes
 * every string, such as R's `write.csv` writes, the general scan read ~28 MB/s a thread; see `npm run bench --
 * compare`, shape j).
 *
 * What bounds it, measured on the StreamFlow bench file (67 MB, 1M rows × 16 columns, ~4 bytes a cell; one thread,
 * Node 24, a 2-core virtual machine shared with other jobs at load 5–10): 0.9–1.5 CPU s a file with the id column
 * skipped (1.4–2.0 s with a per-record commit and a string look-up per label cell). Over half of that is not parsing
 * but the kernel mapping the columns' memory on its first write: 15 columns of a million float64 or int32 cells are
 * ~110 MB, ~27k page faults of 4 KiB, and a fault costs ~13 µs or more here (writing 128 MB of fresh memory takes
 * ~0.4 s), so the stores into the column arrays are ~55% of the reading thread's profile. That part is fixed by the
 * columns' types, not by the reader; backing large allocations with huge pages (glibc's
 * `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, which a user may set before Node starts) took a read from 33k faults to
 * 12.5k and 150–300 ms off on one host, and cost more than it saved on hosts that hand freed memory back to their own
 * host (README, "Huge pages"). Huge pages back only large allocations, so the columns are reserved together in one
 * (`ColumnArena`): on 400 columns of 100,000 rows, a part each was 40k faults a file. Next is the byte scan (~25%;
 * alone ~0.3 s for the 16M fields, ~18 ns a field, ~230 MB/s), then the cell cache of text cells (~6%); `readNumber`
 * and the file reads (2 MiB `readSync` chunks) are ~2% each. (That is the scan below; since the compiled scan reads a
 * field that starts like a number and is not one, such as the id `6011-LWREN`, as a text, it takes these records, and
 * the two reading threads of a compare of two such files spent 0.75 CPU s scanning where the scan below spent 1.04, in
 * CPU profiles on 2026-12-05.) On floats written at full precision (12 columns of 16–17 significant digits, 1M rows,
 * 222 MB: shape i of `npm run bench -- compare`) the numbers are the larger part instead: one thread reads such a file
 * in ~0.7 CPU s (~60 ns a cell), where reading each cell's digits again with `readNumber` after the scan had found them
 * took ~1.2 s.
 *
 * Text-heavy files are bound by the byte scan itself. On 20 label columns of 3–12 labels (`alpha_3`, `epsilon_12`)
 * and a float, 1M rows (164 MiB; `npm run bench -- compare`, shape k), a label's cell is settled in the scan: a
 * field that starts with a letter goes straight to a loop to its end (one compare of each byte with the delimiter,
 * LF and CR), then its column's labels are asked for its code (the compiled scan's table; in the scan below the
 * cell cache, `CellCache.token`: length and first and last four bytes as the key, a compare of the middle bytes of
 * a label over 8 bytes), which is staged; a batch of only codes and gaps reaches the builder as one run
 * (`ColumnBuilder.pushCodes`). Per reading thread of a compare (CPU profiles, 2026-12-05, load ~2) the scan below
 * with those look-ups took ~1.1 s, ~53 ns a cell; the compiled scan takes ~0.47 s (~350 MB/s). Then come the row
 * facts' duplicate search and label counts after the read (~0.25 s) and the batches' push into the builders
 * (~0.05 s). Reading 4 bytes at a time (DataView words, a zero-byte test) and a single `byte > delimiter` test
 * before the three compares both took more instructions than the plain loop on these 5–10 byte cells. Every string
 * quoted (shape j, R's `write.csv`) reads at the cost of the same file unquoted, per cell: the quotes only move a
 * cell's bytes.
 *
 * A numeric or boolean column whose cells are short decimals is kept as scaled 32-bit integers (`ScaledDecimals` in
 * `src/snapshot/table.ts`; `ColumnBuilder`'s `compact`): the scan notes each plain decimal's places, so a cell is
 * stored as `round(value · 10^d)` with no check by division when it has at most the column's `d` decimals. The first
 * cell that has no such integer (more decimals than fit, -0, ±Infinity, beyond 2^31 once scaled) turns the column
 * into float64 for good. Half the bytes per cell: on 100,000 rows × 400 columns of 6-decimal floats per file the
 * compare's peak RSS went from ~800 MB to ~480 MB; the drift layer decodes one column at a time (`withDoubles`).
 *
 * A column whose labels are mostly distinct (an id, free text) is dictionary-encoded from its bytes
 * (`ColumnBuilder.pushStringBytes`, `src/snapshot/label-store.ts`): no string is made per cell. On the threaded
 * path (`deferUniqueLabels`) an id's labels stay bytes, and only the few the report shows are ever decoded. Once
 * every cell of a column so far brought a new label, cells are appended without a look-up and equal labels are merged
 * after the read (`LabelStore.deferLookUps`): a look-up in a table as big as the column was a cache miss a cell.
 * An id of a million labels then costs ~13 MB of arena, 8 MB of offsets and hashes, one pass over its bytes a cell
 * (1M appends of 10-byte ids: 55–100 ms) and the merge (~100 ms).
 */
import { UserError } from '../errors.js';
import { openByteSource, type BytesRead } from './byte-source.js';
import type { SpillWriter } from './spill.js';
import {
  ColumnArena,
  ColumnBuilder,
  MISSING_KIND,
  MISSING_TOKENS,
  UNKNOWN_PLACES,
} from './column-builder.js';
import { decimalValue, lastDecimal, parseDecimal, POW10, readNumber } from './decimal.js';
import { NO_DECIMALS, NumericRecordScanner, SCANNER_COLUMNS } from './numeric-records.js';
import { RowLimitExceeded } from './row-limit.js';
import { scaleOf, type Table } from './table.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CHUNK_BYTES = 2 * 1024 * 1024;

const INFINITY_TOKENS: ReadonlyMap<string, number> = new Map([
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['Inf', Infinity],
  ['-Inf', -Infinity],
  ['INF', Infinity],
  ['-INF', -Infinity],
  ['Infinity', Infinity],
  ['+Infinity', Infinity],
  ['-Infinity', -Infinity],
]);
const NUMBER_PATTERN = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const INTEGER_PATTERN = /^\s*[+-]?\d+\s*$/;

export interface DelimitedOptions {
  /** 0x2c for CSV, 0x09 for TSV. */
  readonly delimiter: number;
  /** Which columns to materialise (others are still checked for ragged rows). Default: all. */
  readonly include?: (name: string) => boolean;
  /** Allocate columns in shared memory (read by several threads). */
  readonly sharedMemory?: boolean;
  /** Told of the file's bytes as they are read (the first pass only), for a caller that shows progress. */
  readonly onBytes?: BytesRead;
  /** An id-like string column (a label in every row) finishes with its labels as bytes (see `labelStoreOf`). */
  readonly deferUniqueLabels?: boolean;
  /**
   * Write the included columns' cells to this spill block by block instead of keeping them (the table then has no
   * columns; the spill has them). Columns whose cells disagree on a type are marked, not re-read.
   */
  readonly spill?: SpillWriter;
  /**
   * Keep numeric and boolean columns whose cells are all short decimals as scaled 32-bit integers (see
   * `ScaledDecimals`: half the memory, the same doubles). Default true; never with a spill.
   */
  readonly compactNumbers?: boolean;
  /**
   * Stage records on one line in batches (the one-pass scan, default true); false reads every record through the
   * general scan, cell by cell (the two must build the same table, which tests check).
   */
  readonly batches?: boolean;
  /**
   * Scan records on one line with the compiled scan first (`src/snapshot/wasm/numeric-records.c`; default true, with
   * `batches`); false scans every record in JavaScript (the two must stage the same cells, which tests check).
   */
  readonly compiledScan?: boolean;
  /**
   * At most this many data rows: the first row past it throws {@link RowLimitExceeded} before its cells are stored,
   * and the columns are never sized for more. Default: no limit.
   */
  readonly maxRows?: number;
}

/** What a non-decimal cell turned out to be, cached per column by its bytes so repeated labels are classified once. */
interface ClassifiedCell {
  readonly bytes: Uint8Array;
  readonly text: string;
  /** A number (±inf, exponent forms, long decimals) or NaN when the cell is text. */
  readonly number: number;
  readonly isInteger: boolean;
  /** One of pandas' missing-value tokens (`NA`, `null`, ...). */
  readonly missing: boolean;
  /**
   * What the column's builder made of the text ({@link ColumnBuilder.pushTextToken}: a label's code, a boolean's
   * value), replayed for every later cell with these bytes; -1 until known.
   */
  token: number;
}

function classifyText(bytes: Uint8Array, text: string): ClassifiedCell {
  const infinity = INFINITY_TOKENS.get(text);
  if (infinity !== undefined)
    return { bytes, text, number: infinity, isInteger: false, missing: false, token: -1 };
  if (NUMBER_PATTERN.test(text))
    return {
      bytes,
      text,
      number: Number(text),
      isInteger: INTEGER_PATTERN.test(text),
      missing: false,
      token: -1,
    };
  return { bytes, text, number: Number.NaN, isInteger: false, missing: MISSING_TOKENS.has(text), token: -1 };
}

/** Up to this many distinct texts per column are cached (labels, booleans); beyond, cells are decoded directly. */
const CELL_CACHE_LIMIT = 65_536;

/**
 * Distinct cells per column kept in a small open-addressing table keyed by the cell's length and its first and last
 * four bytes (most label columns have no more); the rest go to a Map keyed by a hash of all their bytes.
 */
const FEW_CELLS = 128;
const FEW_SLOT_BITS = 8;
const FEW_SLOT_MASK = (1 << FEW_SLOT_BITS) - 1;

/** The bytes of a cell shorter than 4 bytes as one integer (little-endian), as a four-byte load reads longer ones. */
function shortWord(buf: Uint8Array, start: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value |= buf[start + i]! << (8 * i);
  return value;
}

/**
 * Per-column cache of classified text cells keyed by their bytes: a categorical column of a million rows has a
 * handful of labels, so each is decoded and classified once instead of once per row.
 *
 * A cell is looked up first in a table of {@link FEW_CELLS} cells keyed by its length and its first and last four
 * bytes: a cell of up to 8 bytes is settled by the key alone (the two words cover every byte), a longer one also
 * compares its middle bytes. That costs a few loads and one multiply per cell, where a hash of every byte, or a
 * compare with each label in turn, cost several times that (20 label columns of a million rows: the cache was ~40 %
 * of reading). Past those cells, a Map keyed by a hash of every byte.
 */
class CellCache {
  private readonly buckets = new Map<number, ClassifiedCell[]>();
  private size = 0;

  /** The few cells' keys by slot (length -1: an empty slot), and the cells. */
  private readonly slotLength = new Int32Array(1 << FEW_SLOT_BITS).fill(-1);
  private readonly slotHead = new Int32Array(1 << FEW_SLOT_BITS);
  private readonly slotTail = new Int32Array(1 << FEW_SLOT_BITS);
  private readonly slotCell: (ClassifiedCell | undefined)[] = new Array<ClassifiedCell | undefined>(
    1 << FEW_SLOT_BITS,
  ).fill(undefined);
  /**
   * The few cells' codes once their builder has given them one (-1 before): what {@link token} returns, read from a
   * typed array rather than through the cell object (a code never changes once given).
   */
  private readonly slotToken = new Int32Array(1 << FEW_SLOT_BITS).fill(-1);
  private few = 0;
  /** The few cells' slots in the order they came, and how many of them {@link mirror} has handed on. */
  private readonly fewSlots = new Int32Array(FEW_CELLS);
  private mirrored = 0;
  /** `buf` of the last look-up, and a view of it that reads four bytes at once. */
  private viewed: Uint8Array | undefined;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  /**
   * @param escaped the cells' bytes are those of quoted fields with a doubled quote (`""`) for each quote of their
   *   text: a column keeps one cache for such cells and one for cells whose bytes are their text, so equal bytes
   *   always mean equal texts within a cache
   */
  constructor(private readonly escaped: boolean) {}

  /**
   * The code or value its builder gave the cell `buf[start, end)` when it is one of the few cells and has one, else
   * -1: the look-up of {@link get} without its insertion, for the scan to settle a label cell while its bytes are at
   * hand.
   */
  token(buf: Uint8Array, start: number, end: number): number {
    const slot = this.find(buf, start, end);
    if (slot < 0) return -1;
    const known = this.slotToken[slot]!;
    return known >= 0 ? known : (this.slotToken[slot] = this.slotCell[slot]!.token);
  }

  /** The key of the cell {@link find} looked up last: its first and last four bytes. */
  private head = 0;
  private tail = 0;

  /**
   * The slot of the few-cell table holding the cell `buf[start, end)`, or `-1 - slot` of the empty slot where the
   * look-up ended (where the cell goes if it becomes one of the few); the cell's key is left in {@link head} and
   * {@link tail}.
   */
  private find(buf: Uint8Array, start: number, end: number): number {
    if (buf !== this.viewed) {
      this.viewed = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const length = end - start;
    // A cell's first four bytes as one unaligned little-endian load (a shorter cell's bytes packed alike).
    const head = length >= 4 ? this.view.getInt32(start, true) : shortWord(buf, start, length);
    const tail = length > 4 ? this.view.getInt32(end - 4, true) : 0;
    this.head = head;
    this.tail = tail;
    let slot = Math.imul(head ^ Math.imul(tail ^ length, 0x9e3779b1), 0x85ebca6b) >>> (32 - FEW_SLOT_BITS);
    for (;;) {
      const known = this.slotLength[slot]!;
      if (known < 0) return -1 - slot;
      if (known === length && this.slotHead[slot] === head && this.slotTail[slot] === tail) {
        if (length <= 8) return slot;
        const bytes = this.slotCell[slot]!.bytes;
        let i = 4;
        while (i < length - 4 && bytes[i] === buf[start + i]) i++;
        if (i >= length - 4) return slot;
      }
      slot = (slot + 1) & FEW_SLOT_MASK;
    }
  }

  /**
   * Keeps the compiled scan's table of known labels of column `field` in step with this cache: while the column is a
   * label column (`labels`), each of the few cells that has a code, once, as its builder gave it (which is what
   * {@link token} returns for it); else no table. A cell gets its code in the flush that first meets it, so by the
   * flush's end every few cell that will have one has it.
   */
  mirror(scanner: NumericRecordScanner, field: number, labels: boolean): void {
    if (!labels) {
      scanner.dropLabels(field);
      this.mirrored = 0;
      return;
    }
    for (; this.mirrored < this.few; this.mirrored++) {
      const cell = this.slotCell[this.fewSlots[this.mirrored]!]!;
      if (cell.token >= 0) scanner.addLabel(field, cell.bytes, cell.token);
    }
  }

  get(buf: Uint8Array, start: number, end: number): ClassifiedCell {
    const found = this.find(buf, start, end);
    if (found >= 0) return this.slotCell[found]!;
    const length = end - start;
    let hash = 0x811c9dc5 ^ length;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, 0x01000193);
    const bucket = this.buckets.get(hash);
    if (bucket) {
      outer: for (const cell of bucket) {
        if (cell.bytes.length !== length) continue;
        for (let i = 0; i < length; i++) if (cell.bytes[i] !== buf[start + i]) continue outer;
        return cell;
      }
    }
    const bytes = buf.slice(start, end);
    const text = decodeField(buf, start, end, this.escaped);
    const cell = classifyText(bytes, text);
    if (this.few < FEW_CELLS) {
      // Into the empty slot the look-up ended on (the hash and the decoding above read no cell's key).
      const slot = -1 - found;
      this.fewSlots[this.few] = slot;
      this.few++;
      this.slotLength[slot] = length;
      this.slotHead[slot] = this.head;
      this.slotTail[slot] = this.tail;
      this.slotCell[slot] = cell;
    } else if (this.size < CELL_CACHE_LIMIT) {
      this.size++;
      if (bucket) bucket.push(cell);
      else this.buckets.set(hash, [cell]);
    }
    return cell;
  }
}

function pushClassified(builder: ColumnBuilder, cell: ClassifiedCell): void {
  if (cell.token >= 0) builder.replayText(cell.token);
  else if (!Number.isNaN(cell.number)) builder.pushNumber(cell.number, cell.isInteger);
  else if (cell.missing) builder.pushMissing();
  else cell.token = builder.pushTextToken(cell.text);
}

const decoder = new TextDecoder('utf-8');

function decodeField(buf: Uint8Array, start: number, end: number, quoted: boolean): string {
  const text = decoder.decode(buf.subarray(start, end));
  return quoted ? text.replaceAll('""', '"') : text;
}

interface Scan {
  /** Field boundaries of the current record, [start, end) and whether the field was quoted. */
  starts: Int32Array;
  ends: Int32Array;
  quoted: Uint8Array;
  count: number;
  /** Newlines consumed by the record (for line numbers). */
  newlines: number;
}

/**
 * Scans one record starting at `pos`. Returns the position after its line end, or -1 when the record is not
 * complete in `buf[0, length)` and more bytes may follow (`eof` false).
 */
function scanRecord(
  buf: Uint8Array,
  pos: number,
  length: number,
  eof: boolean,
  delimiter: number,
  scan: Scan,
  where: () => string,
): number {
  scan.count = 0;
  scan.newlines = 0;
  let i = pos;
  for (;;) {
    if (scan.count === scan.starts.length) {
      // More fields than expected: keep counting so the ragged-row message can say how many.
      const grow = (array: Int32Array) => {
        const bigger = new Int32Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      scan.starts = grow(scan.starts);
      scan.ends = grow(scan.ends);
      const quoted = new Uint8Array(scan.quoted.length * 2);
      quoted.set(scan.quoted);
      scan.quoted = quoted;
    }
    const field = scan.count;
    if (i < length && buf[i] === QUOTE) {
      // Quoted field: up to the closing quote; "" is an escaped quote.
      let j = i + 1;
      for (;;) {
        if (j >= length) {
          if (!eof) return -1;
          throw new UserError('PARSE', `${where()}: unterminated quoted field`);
        }
        const c = buf[j];
        if (c === QUOTE) {
          if (j + 1 < length && buf[j + 1] === QUOTE) {
            j += 2;
            continue;
          }
          if (j + 1 >= length && !eof) return -1;
          break;
        }
        if (c === LF) scan.newlines++;
        j++;
      }
      scan.starts[field] = i + 1;
      scan.ends[field] = j;
      scan.quoted[field] = 1;
      scan.count++;
      i = j + 1;
      if (i < length && buf[i] !== delimiter && buf[i] !== LF && buf[i] !== CR)
        throw new UserError(
          'PARSE',
          `${where()}: unexpected character after closing quote of field ${field + 1}`,
        );
    } else {
      let j = i;
      while (j < length) {
        const c = buf[j];
        if (c === delimiter || c === LF || c === CR) break;
        j++;
      }
      if (j >= length && !eof) return -1;
      scan.starts[field] = i;
      scan.ends[field] = j;
      scan.quoted[field] = 0;
      scan.count++;
      i = j;
    }
    if (i >= length) return i; // end of file without a final newline
    const c = buf[i];
    if (c === delimiter) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= length && !eof) return -1;
      if (i + 1 < length && buf[i + 1] === LF) i++;
    }
    scan.newlines++;
    return i + 1;
  }
}

/** What the one-pass scan found in a field. */
const NUMBER = 0;
/** An empty field: a missing cell (what the builders' batches call a missing kind). */
const EMPTY = MISSING_KIND;
const OTHER = 2;
/** A quoted text whose bytes hold a doubled quote (`""`) for each quote of the text. */
const ESCAPED = 3;
/** A text the column's cell cache knew as a label: its code in {@link Fields.tokens} (its bytes as for OTHER). */
const CODE = 4;
/**
 * Bits of {@link Fields.others}: an EMPTY cell, an OTHER cell; and of the compiled scan, for a field it staged scaled
 * integers of ({@link Fields.scaled}): a number not written as a whole one, a number without a scaled integer, a
 * number staged as its scaled integer alone (see {@link UNSTAGED_VALUE}).
 */
const SAW_EMPTY = 1;
const SAW_OTHER = 2;
const SAW_FRACTION = 4;
const SAW_UNSCALED = 8;
const SAW_UNSTAGED = 16;

/**
 * In {@link Fields.integer}, beside the cell's whole-number flag (bit 0): the compiled scan staged the cell's scaled
 * integer and not its double, which a batch handed over as scaled integers never reads. {@link stageValues} writes
 * the doubles when the batch goes any other way.
 */
const UNSTAGED_VALUE = 2;

/**
 * The doubles of the cells of `fields`' staging `[from, from + count)` that the compiled scan staged as scaled integers
 * alone ({@link UNSTAGED_VALUE}), at `decimals`: the integer over 10^decimals. That is the double the scan would have
 * staged: a plain decimal of p <= decimals places and digits D has the integer D · 10^(decimals - p), and both
 * quotients are the correctly rounded double of the same rational (a sign is exact either way).
 */
function stageValues(fields: Fields, from: number, count: number, decimals: number): void {
  const { values, integer, scaled } = fields;
  const scale = scaleOf(decimals);
  for (let at = from; at < from + count; at++) {
    const flags = integer[at]!;
    if ((flags & UNSTAGED_VALUE) === 0) continue;
    values[at] = scaled![at]! / scale;
    integer[at] = flags & 1;
  }
}

/**
 * Records read by {@link scanNumericRecord}, staged column by column until a batch of them is handed to the column
 * builders: cell `(row, field)` is at index `field * batch + row`. Committing a column's cells of many rows at once
 * lets a numeric column take them in one tight loop ({@link ColumnBuilder.pushNumbers}) instead of a dispatch per
 * cell; each builder depends on its own cells only, so committing column by column changes nothing.
 */
interface Fields {
  /** Rows a batch holds. */
  readonly batch: number;
  /**
   * NUMBER (in `values`, written as an integer when `integer` is 1; in `scaled` alone while `integer` holds
   * {@link UNSTAGED_VALUE}), EMPTY, OTHER (a text: bytes [starts, ends), inside the quotes of a quoted field) or
   * ESCAPED (the same, its quotes doubled).
   */
  readonly kinds: Uint8Array;
  readonly values: Float64Array;
  readonly integer: Uint8Array;
  /**
   * A NUMBER cell's decimals when it was read as a plain decimal of at most 15 digits other than a -0 (its value the
   * digits as an integer over 10^places, correctly rounded, negated after a minus sign), else `UNKNOWN_PLACES`.
   */
  readonly places: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * Per field, what staged cells (or those of a record scanned again) were other than numbers: {@link SAW_EMPTY} and
   * {@link SAW_OTHER} bits, 0 when every one was a number.
   */
  readonly others: Uint8Array;
  /** A label column's codes for one batch, as the builders take them (`ColumnBuilder.pushCodes`). */
  readonly codes: Int32Array;
  /** A CODE cell's code, -1 for an EMPTY cell (so a column of only those is a run of codes as it stands). */
  readonly tokens: Int32Array;
  /**
   * Per field, the cell cache of a label column (a string builder not reading bytes, as of the last flush), which
   * the scan asks for each text's code; undefined for other columns.
   */
  readonly labelCaches: (CellCache | undefined)[];
  /** The staging row the next record is scanned into (rows before it are complete records). */
  row: number;
  /** Fields of the record last scanned. */
  count: number;
  /** The arrays are the staging views of the reader's compiled scan (`NumericRecordScanner`), which may fill them. */
  readonly compiled: boolean;
  /**
   * The compiled scan's: per field, the decimals at which it stages the field's numbers as scaled integers in
   * `scaled` (`NO_DECIMALS` for none), set after each batch from the field's builder. A batch's numeric field that
   * the compiled scan staged whole, each number with its scaled integer at the decimals its builder still has, goes to
   * the builder as those integers in one copy (`ColumnBuilder.pushScaledRun`) instead of a loop that scales each.
   */
  readonly decimals?: Uint8Array;
  readonly scaled?: Int32Array;
  /** Whether the JavaScript scan staged a record of the batch (its numbers have no scaled integers). */
  scriptStaged: boolean;
}

/**
 * Staged cells per batch: about 32k (27 bytes of staging a cell, ~860 KB), from 16 rows (past 2,048 columns) to
 * 1,024. Tables of more than 16 columns get longer batches than at 16k: a batch is flushed column by column, ~100 ns
 * a column whatever its rows, which 40-row batches of a 400-column table paid every 40 rows (~190 ms of both threads'
 * CPU in a profile of shape g of `npm run bench -- compare`, 100,000 rows × 400 columns a file). Measured on Node 24,
 * 2 cores (AMD EPYC), 2026-12-05, 5 alternated pairs of shape g, reports identical: user time 3.21–3.54 → 3.08–3.37 s
 * (medians 3.45 → 3.28), median wall 2.15 → 2.06 s; shape l (200 columns) unchanged in 4 pairs; 64k cells no faster
 * than 32k (4 pairs).
 */
const BATCH_CELLS = 32_768;

function fieldsFor(columns: number, scanner: NumericRecordScanner | undefined): Fields {
  const batch = Math.min(1024, Math.max(16, Math.floor(BATCH_CELLS / Math.max(1, columns))));
  const cells = columns * batch;
  const compiled = scanner !== undefined && columns <= SCANNER_COLUMNS;
  return {
    batch,
    ...(compiled
      ? scanner.staging(columns, batch)
      : {
          kinds: new Uint8Array(cells),
          values: new Float64Array(cells),
          integer: new Uint8Array(cells),
          places: new Uint8Array(cells),
          starts: new Int32Array(cells),
          ends: new Int32Array(cells),
          others: new Uint8Array(columns),
          tokens: new Int32Array(cells),
        }),
    codes: new Int32Array(batch),
    labelCaches: new Array<CellCache | undefined>(columns).fill(undefined),
    row: 0,
    count: 0,
    compiled,
    scriptStaged: false,
  };
}

/**
 * The fast path for a record on one line: one pass over its bytes that parses each field's number while it looks
 * for the field's end (no string is made for a numeric cell); a quoted field is staged as the text inside its quotes.
 * Returns the position after the record's line end, or -1 when a quoted field spans lines or is malformed, the record
 * has more fields than the header, or it is not complete in `buf[0, length)` and more bytes may follow;
 * {@link scanRecord} then takes the record (or waits for more bytes).
 */
function scanNumericRecord(
  buf: Uint8Array,
  pos: number,
  length: number,
  eof: boolean,
  delimiter: number,
  fields: Fields,
): number {
  const { batch, kinds, values, integer, places, starts, ends, others, tokens, labelCaches } = fields;
  const columns = others.length;
  let i = pos;
  let field = 0;
  let at = fields.row;
  for (;;) {
    if (field === columns) return -1;
    let j = i;
    /** Where the cell's bytes are, when not [i, j) (a quoted field's are inside its quotes). */
    let cellStart = -1;
    let cellEnd = -1;
    const c = i < length ? buf[i]! : -1;
    if (c === delimiter || c === LF || c === CR || c === -1) {
      // A record cut by the end of the bytes read so far is scanned again with more: it marks no field as having a
      // gap (a batch's column without one goes to its builder without the kinds).
      if (c === -1 && !eof) return -1;
      kinds[at] = EMPTY;
      tokens[at] = -1;
      others[field] |= SAW_EMPTY;
    } else if (c === QUOTE) {
      // A quoted field (many writers quote every string): up to its closing quote, `""` standing for one quote. One
      // that spans lines (line numbers), is followed by anything but a delimiter or the line's end (an error
      // message), or may go on past the bytes read so far is left to `scanRecord`.
      let q = i + 1;
      let escaped = false;
      for (;;) {
        if (q >= length) return -1;
        const b = buf[q]!;
        if (b === QUOTE) {
          if (q + 1 >= length && !eof) return -1;
          if (q + 1 < length && buf[q + 1] === QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        if (b === LF || b === CR) return -1;
        q++;
      }
      j = q + 1;
      const after = j < length ? buf[j]! : -1;
      if (after !== delimiter && after !== LF && after !== CR && after !== -1) return -1;
      // `""` is an empty field, as the general scan reads it; a text without `""` is its bytes as they are.
      if (q === i + 1) {
        kinds[at] = EMPTY;
        tokens[at] = -1;
        others[field] |= SAW_EMPTY;
      } else {
        const cache = escaped ? undefined : labelCaches[field];
        const token = cache === undefined ? -1 : cache.token(buf, i + 1, q);
        kinds[at] = token >= 0 ? CODE : escaped ? ESCAPED : OTHER;
        tokens[at] = token;
        others[field] |= SAW_OTHER;
      }
      cellStart = i + 1;
      cellEnd = q;
    } else if (c > 0x39) {
      // A letter (or `_`, or any byte past the digits) starts no number of the scan's, and the branch below hands
      // `readNumber` only a field that starts with a digit, a sign or a point: a text (`inf`, `nan` too: the cell
      // cache classifies them), straight to its end. Most cells of a label column take this branch; a loop of its
      // own, away from the number parsing, scans them in ~15% fewer instructions (20 label columns).
      j = i + 1;
      while (j < length) {
        const d = buf[j];
        if (d === delimiter || d === LF || d === CR) break;
        j++;
      }
      // A label column's cell is settled here, while its bytes are at hand, when the column's cache has its code.
      const cache = labelCaches[field];
      const token = cache === undefined ? -1 : cache.token(buf, i, j);
      kinds[at] = token >= 0 ? CODE : OTHER;
      tokens[at] = token;
      others[field] |= SAW_OTHER;
    } else {
      // Most numeric cells are short plain decimals (`34`, `-0.5`, `98.82`): digits, at most one point, up to 15
      // digits in all. Their value is the digits as an integer (exact below 2^53) divided by a power of ten of at
      // most 15 (exact), one correctly rounded division, as `readNumber` computes it, without a call per cell. The
      // first loop reads at most 15 bytes of digits and point, so `mantissa` stays exact without a test per digit;
      // a longer number (17-digit floats as pandas writes them) goes on in a second loop that gathers the digits
      // after them in `low`. Those, and exponents, are converted by `decimalValue`. Anything else (a sign `+`, more
      // digits, an incomplete exponent, a word, the end of the bytes read so far) is read again by `readNumber` or
      // scanned as text below.
      const negative = c === 0x2d;
      const digitsStart = negative ? i + 1 : i;
      let k = digitsStart;
      let mantissa = 0;
      let point = -1;
      const limit = digitsStart + 15 < length ? digitsStart + 15 : length;
      for (; k < limit; k++) {
        const d = buf[k]! - 0x30;
        if (d >= 0 && d <= 9) mantissa = mantissa * 10 + d;
        else break;
      }
      if (k < limit && buf[k] === 0x2e) {
        point = k++;
        // The decimals four bytes at a time while all four are digits (a byte is one when its high nibble is 3 and
        // adding 6 keeps it so), their value by adding neighbours in place: d0·10 + d1 and d2·10 + d3, then those
        // two as a pair. Fewer steps and branches than a byte at a time on the long decimals of floats.
        while (k + 4 <= limit) {
          const word = buf[k]! | (buf[k + 1]! << 8) | (buf[k + 2]! << 16) | (buf[k + 3]! << 24);
          if (((word & 0xf0f0f0f0) | (((word + 0x06060606) & 0xf0f0f0f0) >>> 4)) !== 0x33333333) break;
          const pairs = (word - 0x30303030) * 10 + ((word - 0x30303030) >>> 8);
          mantissa = mantissa * 1e4 + ((pairs & 0xff) * 100 + ((pairs >>> 16) & 0xff));
          k += 4;
        }
        for (; k < limit; k++) {
          const d = buf[k]! - 0x30;
          if (d >= 0 && d <= 9) mantissa = mantissa * 10 + d;
          else break;
        }
      }
      let digits = k - digitsStart - (point < 0 ? 0 : 1);
      // A number longer than the first loop's 15 bytes stops it at a digit or a point, never at a field's end.
      let stop = k < length ? buf[k]! : -1;
      if (digits > 0 && (stop === delimiter || stop === LF || stop === CR || (stop === -1 && eof))) {
        const value = point < 0 ? mantissa : mantissa / POW10[k - point - 1]!;
        kinds[at] = NUMBER;
        // The sign as a factor, and the -0 test's compare of `mantissa` with the sign known: V8 has the types of
        // arithmetic and compares that ran before it compiled the scan, and a negation or a compare run only for a
        // negative number (or only for a zero) had none: a file's first such number, met after, threw the compiled
        // scan away.
        values[at] = value * (negative ? -1 : 1);
        integer[at] = point < 0 ? 1 : 0;
        // A -0 has no scaled integer of its own (0 is +0): its places stay unknown, so a compact column checks it.
        places[at] = mantissa === 0 && negative ? UNKNOWN_PLACES : point < 0 ? 0 : k - point - 1;
        starts[at] = i;
        ends[at] = k;
        field++;
        at += batch;
        if (stop === delimiter) {
          i = k + 1;
          continue;
        }
        if (stop === -1) {
          fields.count = field;
          return k; // end of file without a final newline
        }
        j = k;
        if (stop === CR) {
          if (j + 1 >= length && !eof) return -1;
          if (j + 1 < length && buf[j + 1] === LF) j++;
        }
        fields.count = field;
        return j + 1;
      }
      let low = 0;
      let lowDigits = 0;
      if (k === limit) {
        for (; k < length; k++) {
          const d = buf[k]! - 0x30;
          if (d >= 0 && d <= 9) {
            low = low * 10 + d;
            lowDigits++;
          } else if (d === -2 && point < 0) point = k;
          else break;
        }
        stop = k < length ? buf[k]! : -1;
      }
      digits += lowDigits;
      // The digits' integer, mantissa · 10^lowDigits + low, below 10^20 (17 significant digits after 4 leading
      // zeros, as in 0.00012345678901234567, too).
      if (digits > 0 && lowDigits <= 8 && mantissa * POW10[lowDigits]! < 1e20) {
        let power = point < 0 ? 0 : point + 1 - k;
        let e = k;
        if (stop === 0x65 || stop === 0x45) {
          e++;
          const sign = e < length ? buf[e]! : -1;
          if (sign === 0x2d || sign === 0x2b) e++;
          const exponentStart = e;
          let exponent = 0;
          for (; e < length; e++) {
            const d = buf[e]! - 0x30;
            if (d < 0 || d > 9) break;
            if (exponent < 100_000) exponent = exponent * 10 + d;
          }
          power += sign === 0x2d ? -exponent : exponent;
          stop = e === exponentStart ? 0 : e < length ? buf[e]! : -1;
        }
        const value =
          stop === delimiter || stop === LF || stop === CR || (stop === -1 && eof)
            ? decimalValue(mantissa, low, lowDigits, power)
            : Number.NaN;
        if (value === value) {
          // The stores and the record's end as for a short decimal above: one block shared by both paths (a
          // function, or the two branches joined) read 400 columns of short decimals ~4 % slower.
          const plain = e === k && digits <= 15;
          kinds[at] = NUMBER;
          values[at] = value * (negative ? -1 : 1);
          integer[at] = point < 0 && e === k ? 1 : 0;
          places[at] = plain && !(value === 0 && negative) ? (point < 0 ? 0 : k - point - 1) : UNKNOWN_PLACES;
          starts[at] = i;
          ends[at] = e;
          field++;
          at += batch;
          if (stop === delimiter) {
            i = e + 1;
            continue;
          }
          if (stop === -1) {
            fields.count = field;
            return e; // end of file without a final newline
          }
          j = e;
          if (stop === CR) {
            if (j + 1 >= length && !eof) return -1;
            if (j + 1 < length && buf[j + 1] === LF) j++;
          }
          fields.count = field;
          return j + 1;
        }
        stop = k < length ? buf[k]! : -1;
      }
      // `readNumber` reads the same digits and points; it can get further only past a `+` sign, more digits, an
      // exponent after a digit or the end of the bytes read so far. Otherwise the field is text (a label, an id, a
      // word such as `epsilon`) from here.
      const further =
        c === 0x2b || digits > 15 || (digits > 0 && (stop === 0x65 || stop === 0x45)) || stop === -1;
      j = further ? readNumber(buf, i, length) : k;
      const after = j < length ? buf[j]! : -1;
      const value = further ? lastDecimal.value : Number.NaN;
      if ((after === delimiter || after === LF || after === CR || after === -1) && value === value) {
        kinds[at] = NUMBER;
        values[at] = value;
        integer[at] = lastDecimal.isInteger ? 1 : 0;
        places[at] = UNKNOWN_PLACES;
      } else {
        while (j < length) {
          const d = buf[j];
          if (d === delimiter || d === LF || d === CR) break;
          j++;
        }
        kinds[at] = OTHER;
        others[field] |= SAW_OTHER;
      }
    }
    if (j >= length && !eof) return -1;
    starts[at] = cellStart < 0 ? i : cellStart;
    ends[at] = cellStart < 0 ? j : cellEnd;
    field++;
    at += batch;
    if (j >= length) {
      fields.count = field;
      return j; // end of file without a final newline
    }
    const end = buf[j];
    if (end === delimiter) {
      i = j + 1;
      continue;
    }
    if (end === CR) {
      if (j + 1 >= length && !eof) return -1;
      if (j + 1 < length && buf[j + 1] === LF) j++;
    }
    fields.count = field;
    return j + 1;
  }
}

/** A one-pass reader of unquoted records, used once the header has said how many fields a record has. */
interface FastPath {
  fields: Fields | undefined;
  /** The compiled scan of numeric records, whose memory holds the read buffer and `fields`' arrays. */
  readonly scanner: NumericRecordScanner | undefined;
  /** Records that can be staged before the next forced flush (a full batch, a spill block's end). */
  room(): number;
  /** A record was scanned into the staging row `fields.row` (it moves on, and a full batch is committed). */
  onRecord(buf: Uint8Array, fields: Fields, line: number, progress: { offset: number; size: number }): void;
  /** Hands the staged records to the builders (before another record is pushed, or `buf` changes). */
  flush(buf: Uint8Array): void;
}

/** Records the JavaScript scan takes after the compiled scan stopped at one, at the least and at the most. */
const MIN_BACKOFF = 16;
const MAX_BACKOFF = 65_536;

/** Streams `path` chunk by chunk, calling `onRecord` for each complete record (header first). */
async function forEachRecord(
  path: string,
  delimiter: number,
  onRecord: (buf: Uint8Array, scan: Scan, line: number, progress: { offset: number; size: number }) => void,
  fast?: FastPath,
  onBytes?: BytesRead,
): Promise<void> {
  const source = openByteSource(path, onBytes);
  const progress = { offset: 0, size: source.expectedBytes };
  /** File offset of buf[0]. */
  let base = 0;
  try {
    const scanner = fast?.scanner;
    let buf = scanner ? scanner.chunk : new Uint8Array(CHUNK_BYTES);
    // After the compiled scan stopped at a record it does not take, the JavaScript scan takes the next `skip` records
    // by itself: `backoff` of them, doubled while the compiled scan keeps stopping at once (a table with a word in
    // every record then calls it rarely), back to the least once it takes records again.
    let skip = 0;
    let backoff = MIN_BACKOFF;
    let length = 0;
    let eof = false;
    let line = 1;
    let first = true;
    const scan: Scan = {
      starts: new Int32Array(64),
      ends: new Int32Array(64),
      quoted: new Uint8Array(64),
      count: 0,
      newlines: 0,
    };
    const where = () => `${path}:${line}`;
    while (!eof || length > 0) {
      if (!eof) {
        if (length === buf.length) {
          const bigger = new Uint8Array(buf.length * 2);
          bigger.set(buf);
          buf = bigger;
        }
        const got = source.read(buf, length, buf.length - length);
        const read = typeof got === 'number' ? got : await got;
        if (read === 0) eof = true;
        length += read;
      }
      let pos = 0;
      if (first && length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3; // UTF-8 BOM
      if (first && (length > 0 || eof)) first = false;
      // The one-pass scan reads up to the last line end of the bytes read so far: the record after it, cut by the end
      // of the chunk, goes to the general scan (which waits for more bytes) without the one-pass scan having taken
      // any of its branches for a cut record. V8 compiles the scan once it is hot, and a branch that had never run by
      // then was compiled as a bail-out: the first cut record threw the compiled scan away and had it compiled again
      // (2–3 times a file, ~30–60 ms of a compiler thread each, and slower code meanwhile).
      let scanEnd = length;
      if (!eof) while (scanEnd > pos && buf[scanEnd - 1] !== LF && buf[scanEnd - 1] !== CR) scanEnd--;
      while (pos < length) {
        // Blank lines are skipped, as pandas does (skip_blank_lines=True).
        if (buf[pos] === LF || buf[pos] === CR) {
          if (buf[pos] === CR && pos + 1 < length && buf[pos + 1] === LF) pos++;
          else if (buf[pos] === CR && pos + 1 >= length && !eof) break;
          pos++;
          line++;
          continue;
        }
        if (fast?.fields) {
          const fields = fast.fields;
          // The record cut by the end of the bytes read so far (from `scanEnd` on) waits for more in the general scan:
          // the compiled scan is not asked, so it is not counted as a stop.
          if (skip === 0 && pos < scanEnd && fields.compiled && buf === scanner!.chunk) {
            const records = scanner!.scan(pos, scanEnd, eof, delimiter, fields.row, fast.room());
            if (records > 0) {
              fields.count = fields.others.length;
              const recordEnds = scanner!.recordEnds;
              for (let r = 0; r < records; r++) {
                progress.offset = base + recordEnds[r]!;
                fast.onRecord(buf, fields, line, progress);
                line++;
              }
              pos = recordEnds[records - 1]!;
              backoff = MIN_BACKOFF;
              continue;
            }
            skip = backoff;
            backoff = Math.min(2 * backoff, MAX_BACKOFF);
          }
          if (skip > 0) skip--;
          const next = scanNumericRecord(buf, pos, scanEnd, eof, delimiter, fields);
          if (next >= 0) {
            fields.scriptStaged = true;
            progress.offset = base + next;
            fast.onRecord(buf, fast.fields, line, progress);
            line++;
            pos = next;
            continue;
          }
        }
        const next = scanRecord(buf, pos, length, eof, delimiter, scan, where);
        if (next < 0) break;
        progress.offset = base + next;
        fast?.flush(buf);
        onRecord(buf, scan, line, progress);
        line += scan.newlines;
        pos = next;
      }
      // The staged cells point into `buf`, which is about to move.
      fast?.flush(buf);
      if (eof && pos >= length) break;
      buf.copyWithin(0, pos, length);
      base += pos;
      length -= pos;
      if (eof && length > 0 && pos === 0) throw new UserError('PARSE', `${where()}: could not parse record`);
    }
  } finally {
    source.close();
  }
}

/** Reads a CSV or TSV file (gzip-compressed when named `.gz`) into a columnar Table. */
export async function readDelimited(path: string, options: DelimitedOptions): Promise<Table> {
  const { delimiter } = options;
  let header: string[] | undefined;
  let builders: (ColumnBuilder | undefined)[] = [];
  /** Per column, the cell caches of bytes that are their text (`caches[0]`) and of quoted bytes with doubled quotes. */
  const caches: (CellCache | undefined)[][] = [[], []];
  /**
   * Column `f`'s cell cache of either kind, made at its first such cell: a table of numbers needs none (a cache is
   * ~6 KB in seven arrays, and 400 columns' 800 caches made at the header kept the young generation's collector busy
   * copying them).
   */
  const cellCache = (f: number, escaped: boolean): CellCache =>
    (caches[+escaped]![f] ??= new CellCache(escaped));
  let rows = 0;

  let headerBytes = 0;
  const { spill } = options;
  const maxRows = options.maxRows ?? Infinity;
  let blockRows = 0;
  let blockStart = 0;
  const startRow = (fields: number, line: number, progress: { offset: number; size: number }) => {
    if (fields !== header!.length)
      throw new UserError(
        'RAGGED_ROW',
        `${path}:${line}: expected ${header!.length} fields, found ${fields}`,
      );
    if (spill && rows - blockStart === blockRows) {
      spill.drain(builders, blockStart);
      blockStart = rows;
    }
    if (rows === maxRows) throw new RowLimitExceeded(path, maxRows);
    rows++;
    if (rows === 4096 && !spill) {
      // Size the columns once from the average record length instead of doubling up to a million rows, all in one
      // allocation: big enough for huge pages when the run asks for them (GLIBC_TUNABLES), where a part per column of
      // a wide table would fault page by page.
      const estimate = Math.min(
        Math.ceil(((progress.size - headerBytes) / (progress.offset - headerBytes)) * rows * 1.02) + 64,
        maxRows,
      );
      let bytes = 0;
      for (const builder of builders) bytes += ColumnArena.part(builder?.reserveBytes(estimate) ?? 0);
      const arena = new ColumnArena(bytes, options.sharedMemory ?? false);
      for (const builder of builders) builder?.reserve(estimate, arena);
    }
  };
  const fast: FastPath = {
    fields: undefined,
    scanner:
      (options.batches ?? true) && (options.compiledScan ?? true)
        ? NumericRecordScanner.create(CHUNK_BYTES)
        : undefined,
    room() {
      const fields = this.fields!;
      const room = fields.batch - fields.row;
      if (!spill) return room;
      // A record that starts a spill block drains the block before it (`startRow`): a full block has a whole one.
      const left = blockRows - (rows - blockStart);
      return Math.min(room, left > 0 ? left : blockRows);
    },
    onRecord(buf, fields, line, progress) {
      startRow(fields.count, line, progress);
      fields.row++;
      // A spill drains whole blocks of rows: a batch ends with its block.
      if (fields.row === fields.batch || (spill && rows - blockStart === blockRows)) this.flush(buf);
    },
    flush(buf) {
      const fields = this.fields;
      if (!fields || fields.row === 0) return;
      const {
        batch,
        kinds,
        values,
        integer,
        places,
        starts,
        ends,
        others,
        tokens,
        labelCaches,
        decimals,
        scaled,
      } = fields;
      const count = fields.row;
      fields.row = 0;
      const wholeScaled = scaled !== undefined && !fields.scriptStaged;
      fields.scriptStaged = false;
      for (let f = 0; f < others.length; f++) {
        const builder = builders[f];
        const from = f * batch;
        const seen = others[f]!;
        others[f] = 0;
        if (!builder) continue;
        const numbers = (seen & SAW_OTHER) === 0 && !builder.bytesLabels;
        // Every cell a number or missing: the compiled scan's scaled integers in one copy, else one loop in the
        // builder. (A builder's scaledDecimals is -1 when it takes no integers, never NO_DECIMALS.)
        if (
          numbers &&
          wholeScaled &&
          (seen & SAW_UNSCALED) === 0 &&
          decimals![f] === builder.scaledDecimals
        ) {
          builder.pushScaledRun(scaled, from, count, (seen & SAW_FRACTION) !== 0, (seen & SAW_EMPTY) !== 0);
          continue;
        }
        // Any other way reads the cells' doubles.
        if (seen & SAW_UNSTAGED) stageValues(fields, from, count, decimals![f]!);
        if (numbers) {
          builder.pushNumbers(values, integer, from, count, places, seen & SAW_EMPTY ? kinds : undefined);
          continue;
        }
        const cache = cellCache(f, false);
        const escapedCache = cellCache(f, true);
        const to = from + count;
        let at = from;
        if (builder.takesCodes && !builder.bytesLabels) {
          let codes = true;
          for (let k = from; k < to; k++) {
            const kind = kinds[k];
            if (kind !== CODE && kind !== EMPTY) {
              codes = false;
              break;
            }
          }
          if (codes) {
            // Every cell settled by the scan (or missing): the staged codes are the run.
            builder.pushCodes(tokens, from, count);
            at = to;
          }
        }
        if (at < to && builder.takesCodes && !builder.bytesLabels) {
          // A label column: each cell's code comes from the cell cache and a run of them goes to the builder in one
          // loop (`pushCodes`), not a call per cell. A cell the cache has no code for (a new label, a number, a
          // missing token) is pushed by itself after the run before it; one that turns the column into byte labels
          // (mostly distinct) leaves the rest of the batch to the loop below.
          const run = fields.codes;
          let n = 0;
          for (; at < to;) {
            const kind = kinds[at];
            if (kind === EMPTY) {
              run[n++] = -1;
              at++;
              continue;
            }
            if (kind === CODE) {
              run[n++] = tokens[at]!;
              at++;
              continue;
            }
            let cell: ClassifiedCell | undefined;
            if (kind !== NUMBER) {
              cell = (kind === ESCAPED ? escapedCache : cache).get(buf, starts[at]!, ends[at]!);
              if (cell.token >= 0) {
                run[n++] = cell.token;
                at++;
                continue;
              }
              if (cell.missing) {
                run[n++] = -1;
                at++;
                continue;
              }
            }
            if (n > 0) builder.pushCodes(run, 0, n);
            n = 0;
            if (cell) pushClassified(builder, cell);
            else builder.pushNumber(values[at]!, integer[at] === 1);
            at++;
            if (builder.bytesLabels) break;
          }
          if (n > 0) builder.pushCodes(run, 0, n);
        }
        for (; at < to; at++) {
          const kind = kinds[at];
          if (builder.bytesLabels) {
            // An id, free-text or long-tailed column (its first labels were mostly distinct): the cell cache does
            // not pay, and a cell that reads as a number is kept as its text, as the string pass would keep it.
            // Its bytes are the label: no string is made. The rest of the batch in one call.
            builder.pushStringBytesRun(buf, kinds, starts, ends, at, to, ESCAPED);
            break;
          }
          if (kind === EMPTY) builder.pushMissing();
          else if (kind === NUMBER) builder.pushNumber(values[at]!, integer[at] === 1);
          else
            pushClassified(
              builder,
              (kind === ESCAPED ? escapedCache : cache).get(buf, starts[at]!, ends[at]!),
            );
        }
        // The next batch's scan settles this column's known labels itself while it is a label column. (A record of
        // the general scan may turn it to byte labels before then: its CODE cells then take the loop above.)
        const labels = builder.takesCodes && !builder.bytesLabels;
        labelCaches[f] = labels ? cache : undefined;
        // And so does the compiled scan.
        if (fields.compiled) cache.mirror(this.scanner!, f, labels);
      }
      // The compiled scan stages the next batch's numbers at the decimals each builder has now.
      if (decimals !== undefined)
        for (let f = 0; f < others.length; f++) {
          const scaledDecimals = builders[f]?.scaledDecimals ?? -1;
          decimals[f] = scaledDecimals >= 0 ? scaledDecimals : NO_DECIMALS;
        }
    },
  };
  await forEachRecord(
    path,
    delimiter,
    (buf, scan, line, progress) => {
      if (!header) {
        headerBytes = progress.offset;
        header = [];
        for (let f = 0; f < scan.count; f++)
          header.push(decodeField(buf, scan.starts[f]!, scan.ends[f]!, scan.quoted[f] === 1).trim());
        const seen = new Set<string>();
        for (const [index, name] of header.entries()) {
          if (name === '')
            throw new UserError('PARSE', `${path}:1: column ${index + 1} has an empty header name`);
          if (seen.has(name))
            throw new UserError('DUPLICATE_HEADER', `${path}:1: duplicate column name '${name}'`);
          seen.add(name);
        }
        // Room for the first 4,096 rows: at that row every column is sized from the average record length, and
        // what a bigger start holds until the collector runs (64k rows: 200 MiB per file of 400 float columns) is
        // peak memory for nothing. A spill holds one block of rows instead.
        if (spill)
          blockRows = spill.rowsPerBlock(
            options.include ? header.filter((name) => options.include!(name)).length : header.length,
          );
        builders = header.map((name) =>
          options.include && !options.include(name)
            ? undefined
            : new ColumnBuilder(name, {
                capacity: spill ? blockRows : 4096,
                shared: options.sharedMemory,
                deferUniqueLabels: spill ? false : options.deferUniqueLabels,
                compact: !spill && (options.compactNumbers ?? true),
              }),
        );
        if (options.batches ?? true) fast.fields = fieldsFor(header.length, fast.scanner);
        return;
      }
      startRow(scan.count, line, progress);
      for (let f = 0; f < scan.count; f++) {
        const builder = builders[f];
        if (!builder) continue;
        const start = scan.starts[f]!;
        const end = scan.ends[f]!;
        if (start === end) {
          builder.pushMissing();
          continue;
        }
        const quoted = scan.quoted[f] === 1;
        if (builder.bytesLabels) {
          // An id, free-text or long-tailed column: neither the cell cache nor number parsing pays.
          builder.pushStringBytes(buf, start, end, quoted);
          continue;
        }
        const value = quoted ? Number.NaN : parseDecimal(buf, start, end);
        if (!Number.isNaN(value)) builder.pushNumber(value, lastDecimal.isInteger);
        else {
          // A quoted field's bytes are its text unless they hold a doubled quote.
          const escaped = quoted && buf.subarray(start, end).includes(QUOTE);
          pushClassified(builder, cellCache(f, escaped).get(buf, start, end));
        }
      }
    },
    fast,
    options.onBytes,
  );

  if (!header) throw new UserError('EMPTY_FILE', `${path}: file is empty`);
  if (rows === 0) throw new UserError('NO_ROWS', `${path}: has a header but no data rows`);

  // Columns whose cells disagreed on a type (a word in a numeric column) are re-read as strings, as pandas keeps
  // such a column as text.
  const mixed = builders.flatMap((builder, index) => (builder?.needsStringPass ? [index] : []));
  if (spill) {
    spill.drain(builders, blockStart);
    for (const index of mixed) spill.markMixed(header[index]!);
    spill.finish(builders, rows);
    return { source: path, rows, columns: [], unloaded: header };
  }
  if (mixed.length > 0) {
    const redo = new Map(
      mixed.map((index) => [
        index,
        new ColumnBuilder(header![index]!, {
          capacity: rows,
          storage: 'string',
          shared: options.sharedMemory,
        }),
      ]),
    );
    let first = true;
    await forEachRecord(path, delimiter, (buf, scan) => {
      if (first) {
        first = false;
        return;
      }
      for (const [index, builder] of redo) {
        const start = scan.starts[index]!;
        const end = scan.ends[index]!;
        const text = decodeField(buf, start, end, scan.quoted[index] === 1);
        if (MISSING_TOKENS.has(text)) builder.pushMissing();
        else builder.pushString(text);
      }
    });
    for (const [index, builder] of redo) builders[index] = builder;
  }

  return {
    source: path,
    rows,
    columns: builders.flatMap((builder) => (builder ? [builder.finish()] : [])),
    unloaded: header.filter((_name, index) => !builders[index]),
  };
}
