import { fmix32 } from '../util/fmix32.js';
import { LabelStore } from './label-store.js';
import {
  decodeScaled,
  MAX_SCALED_DECIMALS,
  MISSING_DIGITS,
  scaleOf,
  type Column,
  type NumericValues,
  type StorageType,
} from './table.js';

/**
 * Cell texts pandas.read_csv reads as missing (its default `na_values`), so typing matches pandas.
 */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

const BOOL_TOKENS: ReadonlyMap<string, number> = new Map([
  ['True', 1],
  ['TRUE', 1],
  ['true', 1],
  ['False', 0],
  ['FALSE', 0],
  ['false', 0],
]);

/** The kind a column builder settled on from its first non-missing cell (or was given). */
type BuilderMode = 'undecided' | 'number' | 'bool' | 'string' | 'datetime';

/** Options of a {@link ColumnBuilder}. */
export interface ColumnBuilderOptions {
  /** Cells to make room for at once (default 1024; the builder grows as needed). */
  readonly capacity?: number;
  /**
   * The storage type when the source declares it (Parquet byte arrays, PostgreSQL column types): the builder then
   * never infers. `int` still becomes `float` when a cell is missing, as pandas reads it.
   */
  readonly storage?: StorageType;
  /** Allocate in SharedArrayBuffers, so the finished column can be read by other threads without a copy. */
  readonly shared?: boolean;
  /**
   * A string column whose labels were read as bytes ({@link ColumnBuilder.pushStringBytes}) and that has its own
   * label in every row finishes without the labels as strings: its dictionary is an empty array of the right
   * length and {@link labelStoreOf} gives the labels (for a reader whose caller holds id labels back).
   */
  readonly deferUniqueLabels?: boolean;
  /**
   * Keep a numeric or boolean column's cells as scaled 32-bit integers ({@link ScaledDecimals}) while every cell is
   * a short decimal (half the memory of float64); the first cell that is not turns the column into float64 for
   * good. A builder whose cells are drained ({@link ColumnBuilder.drain}) must not be compact.
   */
  readonly compact?: boolean;
}

/** The largest `|m|` a {@link ScaledDecimals} cell holds (its negative is the missing cell's integer, less one). */
const MAX_DIGITS = 0x7fffffff;
/** In {@link ColumnBuilder.pushNumbers}' `kinds`: the cell is missing (any other value: a number). */
export const MISSING_KIND = 1;
/** In {@link ColumnBuilder.pushNumbers}' `places`: the cell's decimals are not known. */
export const UNKNOWN_PLACES = 255;

/** The label stores of the columns that finished without their labels as strings. */
const deferred = new WeakMap<Column, LabelStore>();

/**
 * The labels of a string column that finished with them still as bytes (an id read with `deferUniqueLabels`), else
 * undefined (the column's dictionary holds its labels).
 */
export function labelStoreOf(column: Column): LabelStore | undefined {
  return deferred.get(column);
}

/**
 * A dictionary standing for `length` labels held elsewhere: an array of that length without elements. Made sparse
 * (its last index written, then deleted), so it takes a few bytes instead of a slot per label as `new Array(length)`
 * does (8 MB for a million).
 */
export function heldLabelsArray(length: number): string[] {
  const labels: string[] = [];
  if (length > 0) {
    labels[length - 1] = '';
    delete labels[length - 1];
  }
  return labels;
}

/** The column with its labels as strings (decoded now if they were deferred). */
export function withLabels(column: Column): Column {
  const store = deferred.get(column);
  if (!store || column.type !== 'string') return column;
  return { ...column, dictionary: store.decodeInto([]) };
}

/** pandas' missing tokens as bytes, by length (all ASCII and at most 8 bytes). */
const MISSING_BYTES: readonly Uint8Array[][] = (() => {
  const byLength: Uint8Array[][] = Array.from({ length: 9 }, () => []);
  for (const token of MISSING_TOKENS)
    byLength[token.length]!.push(Uint8Array.from(token, (c) => c.charCodeAt(0)));
  return byLength;
})();

function isMissingBytes(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length >= MISSING_BYTES.length) return false;
  outer: for (const token of MISSING_BYTES[length]!) {
    for (let i = 0; i < length; i++) if (token[i] !== bytes[start + i]) continue outer;
    return true;
  }
  return false;
}

const encoder = new TextEncoder();

/**
 * The one column store of every reader: accumulates one column's cells into typed storage while a reader streams
 * rows. Without a declared storage it decides the type the way pandas.read_csv does: all cells numeric → int64
 * (every cell present and written as an integer) or float64; all cells True/False → bool; anything else → strings
 * (dictionary-encoded).
 *
 * The mode is chosen from the first non-missing cell; a later cell that contradicts it (a word in a numeric column)
 * flags the column `needsStringPass`, and the reader re-reads just that column as strings. Consistent columns (the
 * common case) are read once.
 */
export class ColumnBuilder {
  private mode: BuilderMode = 'undecided';
  private readonly declared: StorageType | undefined;
  private readonly shared: boolean;
  private readonly deferUniqueLabels: boolean;
  /**
   * Once a reader hands cells over as bytes: every label as UTF-8 bytes (codes as in `dictionary`, whose strings
   * stop at the labels it had then).
   */
  private store: LabelStore | undefined;
  private scratch = new Uint8Array(0);
  /** A numeric, boolean or date column's cells, unless {@link digits} holds them. */
  private numbers: Float64Array;
  /**
   * A compact numeric or boolean column's cells as scaled integers (`digits[i] / 10^decimals`, see
   * ScaledDecimals), while every cell so far fitted; undefined once the column was widened to {@link numbers}
   * (or was never compact).
   */
  private digits: Int32Array | undefined;
  private decimals = 0;
  /** 10^decimals. */
  private scale = 1;
  private codes: Int32Array;
  /** Each distinct label once, in order of first occurrence: `dictionary[code]`. */
  private readonly dictionary: string[] = [];
  /** Codes of the labels while there are fewer than {@link FEW_LABELS}; then undefined, and the table below. */
  private fewCodes: Map<string, number> | undefined = new Map();
  /** The labels' hashes by code, and an open-addressing table of codes keyed by them (kept at most half full). */
  private labelHashes = new Int32Array(0);
  private labelSlots = new Int32Array(0);
  /** Present string cells pushed. */
  private presentStrings = 0;
  private length = 0;
  private sawMissing = false;
  private sawNonInteger = false;
  /** A cell contradicted the column's mode: re-read the column as strings. */
  needsStringPass = false;
  /**
   * {@link readsLabelsAsBytes} kept as a plain field, so a reader can test it once per cell without a call: it can
   * turn true only when a string label is added (see `noteLabels`), and stays true once the labels are in the store.
   */
  bytesLabels = false;

  constructor(
    readonly name: string,
    options: ColumnBuilderOptions = {},
  ) {
    const capacity = options.capacity ?? 1024;
    this.shared = options.shared ?? false;
    this.deferUniqueLabels = options.deferUniqueLabels ?? false;
    this.declared = options.storage;
    const isString = this.declared === 'string';
    const compact = (options.compact ?? false) && (this.declared === undefined || this.declared === 'bool');
    this.numbers = float64(isString || compact ? 0 : capacity, this.shared);
    this.codes = int32(isString ? capacity : 0, this.shared);
    if (compact) this.digits = int32(capacity, this.shared);
    switch (this.declared) {
      case undefined:
        break;
      case 'string':
        this.mode = 'string';
        break;
      case 'bool':
        this.mode = 'bool';
        break;
      case 'datetime':
        this.mode = 'datetime';
        break;
      case 'int':
      case 'float':
        this.mode = 'number';
    }
  }

  get size(): number {
    return this.length;
  }

  /** Cells the storage in use has room for. */
  private get room(): number {
    return this.mode === 'string'
      ? this.codes.length
      : this.digits !== undefined
        ? this.digits.length
        : this.numbers.length;
  }

  /** The bytes {@link reserve} would take of an arena for `capacity` cells (0 when there is room already). */
  reserveBytes(capacity: number): number {
    if (capacity <= this.room) return 0;
    return capacity * (this.mode !== 'string' && this.digits === undefined ? 8 : 4);
  }

  /**
   * Makes room for `capacity` cells at once (a reader that can estimate the row count calls this), in `arena` when
   * given (which then holds {@link reserveBytes} for it).
   */
  reserve(capacity: number, arena?: ColumnArena): void {
    if (capacity > this.room) this.grow(capacity, arena);
    // An id (a new label in nearly every cell so far): room for one a cell, so the table never rehashes. A long
    // tail of repeated labels (50k labels in a million cells) keeps a table sized by its labels instead: one for a
    // label a cell would spread its few labels over 8 MB, a cache miss on every look-up, where doubling as labels
    // come costs a few re-inserts.
    // An id so far (every cell a new label): cells are appended without a look-up and equal labels merged once the
    // column is read (see LabelStore.deferLookUps).
    if (this.store && this.store.size === this.presentStrings && this.store.size >= 1024)
      this.store.deferLookUps(capacity);
    else if (this.store && this.labelsNearlyAllDistinct(this.store.size)) this.store.reserve(capacity);
  }

  /** Whether at least 9 cells in 10 so far brought a new label (an id), given `labels` distinct labels. */
  private labelsNearlyAllDistinct(labels: number): boolean {
    return labels * 10 >= this.presentStrings * 9;
  }

  private grow(requested?: number, arena?: ColumnArena): void {
    const capacity = requested ?? Math.max(1024, this.length * 2);
    if (this.mode === 'string') {
      const codes = arena ? arena.int32(capacity) : int32(capacity, this.shared);
      codes.set(this.codes.subarray(0, this.length));
      this.codes = codes;
    } else if (this.digits !== undefined) {
      const digits = arena ? arena.int32(capacity) : int32(capacity, this.shared);
      digits.set(this.digits.subarray(0, this.length));
      this.digits = digits;
    } else {
      const numbers = arena ? arena.float64(capacity) : float64(capacity, this.shared);
      numbers.set(this.numbers.subarray(0, this.length));
      this.numbers = numbers;
    }
  }

  private switchToString(): void {
    // Only reached for the first non-missing cell: everything before it was missing.
    const room = this.room;
    this.mode = 'string';
    this.codes = int32(Math.max(1024, room), this.shared);
    this.codes.fill(-1, 0, this.length);
    this.numbers = float64(0, this.shared);
    this.digits = undefined;
  }

  /**
   * Turns a compact column into float64 for good: its cells so far are copied as the doubles they stand for.
   */
  private widen(): void {
    const digits = this.digits!;
    this.numbers = float64(digits.length, this.shared);
    decodeScaled({ digits: digits.subarray(0, this.length), decimals: this.decimals }, this.numbers);
    this.digits = undefined;
  }

  /**
   * Multiplies the cells so far by 10^(decimals − this.decimals) (a cell then divides to the same double: the
   * same rational, correctly rounded), or returns false when one would reach 2^31.
   */
  private rescale(decimals: number): boolean {
    const digits = this.digits!;
    let largest = 0;
    for (let i = 0; i < this.length; i++) {
      const m = digits[i]!;
      if (m === MISSING_DIGITS) continue;
      const size = m < 0 ? -m : m;
      if (size > largest) largest = size;
    }
    const factor = scaleOf(decimals - this.decimals);
    if (largest * factor > MAX_DIGITS) return false;
    for (let i = 0; i < this.length; i++) {
      const m = digits[i]!;
      if (m !== MISSING_DIGITS) digits[i] = m * factor;
    }
    this.decimals = decimals;
    this.scale = scaleOf(decimals);
    return true;
  }

  /**
   * Appends a number to a compact column (room made): as its scaled integer when it has one at the column's
   * decimals or, after rescaling the cells so far, at more; NaN as missing; else the column widens to float64.
   */
  private putScaled(value: number): void {
    const digits = this.digits!;
    const m = Math.round(value * this.scale);
    // The integer divides back to the very double, fits, and is not a -0 (stored as 0, it would come back as +0).
    if (m / this.scale === value && m <= MAX_DIGITS && m >= -MAX_DIGITS && (m !== 0 || 1 / value > 0)) {
      digits[this.length++] = m;
      return;
    }
    if (value !== value) {
      digits[this.length++] = MISSING_DIGITS;
      return;
    }
    // A value needing more decimals (m / 10^d === value fails for every smaller d once it fails for this one).
    if (value !== 0 && value - value === 0) {
      for (let d = this.decimals + 1; d <= MAX_SCALED_DECIMALS; d++) {
        const scaled = Math.round(value * scaleOf(d));
        if (!(scaled <= MAX_DIGITS && scaled >= -MAX_DIGITS)) break; // more decimals only make it larger
        if (scaled / scaleOf(d) !== value) continue;
        if (!this.rescale(d)) break;
        this.digits![this.length++] = scaled;
        return;
      }
    }
    this.widen();
    this.numbers[this.length++] = value;
  }

  /** Appends a missing cell. */
  pushMissing(): void {
    if (this.length === this.room) this.grow();
    if (this.mode === 'string') this.codes[this.length++] = -1;
    else if (this.digits !== undefined) this.digits[this.length++] = MISSING_DIGITS;
    else this.numbers[this.length++] = Number.NaN;
    this.sawMissing = true;
  }

  /** Appends a number (room made) to the storage in use. */
  private put(value: number): void {
    if (this.digits !== undefined) this.putScaled(value);
    else this.numbers[this.length++] = value;
  }

  /**
   * Appends a numeric cell already parsed by the reader (the fast path: no string is made); in a `datetime`
   * column, milliseconds since the epoch. `isInteger` says the text had no fraction or exponent (pandas reads `1.0`
   * as float).
   */
  pushNumber(value: number, isInteger: boolean): void {
    if (this.mode === 'datetime') {
      if (this.length === this.numbers.length) this.grow();
      this.numbers[this.length++] = value;
      return;
    }
    if (this.mode === 'undecided') this.mode = 'number';
    else if (this.mode !== 'number') {
      this.needsStringPass = true;
      this.pushPlaceholder();
      return;
    }
    if (this.length === this.room) this.grow();
    this.put(value);
    if (!isInteger) this.sawNonInteger = true;
  }

  /**
   * Appends `count` numeric cells, `values[from, from + count)`, each written as an integer when its `integer` flag
   * is 1: what {@link pushNumber} does cell by cell, in one loop (a reader's batch of a numeric column). `places`,
   * when given, holds each cell's decimals as written (a plain decimal of at most 15 digits, not a -0, whose value
   * is its digits as an integer divided by 10^places, correctly rounded, and negated after a minus sign) or
   * {@link UNKNOWN_PLACES}. `kinds`, when given, marks missing cells ({@link MISSING_KIND}: what {@link pushMissing}
   * does; their value and flags are ignored), so a numeric column with gaps keeps the one loop.
   */
  pushNumbers(
    values: Float64Array,
    integer: Uint8Array,
    from: number,
    count: number,
    places?: Uint8Array,
    kinds?: Uint8Array,
  ): void {
    // An undecided column is decided by its first present cell, which a batch with gaps may not have.
    if (this.mode === 'undecided' && count > 0 && kinds === undefined) this.mode = 'number';
    if (this.mode !== 'number') {
      for (let at = from; at < from + count; at++) {
        if (kinds !== undefined && kinds[at] === MISSING_KIND) this.pushMissing();
        else this.pushNumber(values[at]!, integer[at] === 1);
      }
      return;
    }
    if (this.length + count > this.room) this.grow(Math.max(this.length + count, this.length * 2, 1024));
    let integers = 1;
    if (kinds === undefined) for (let at = from; at < from + count; at++) integers &= integer[at]!;
    else {
      let missing = 0;
      for (let at = from; at < from + count; at++) {
        const gap = kinds[at] === MISSING_KIND ? 1 : 0;
        missing |= gap;
        integers &= integer[at]! | gap;
      }
      if (missing === 1) this.sawMissing = true;
    }
    if (integers === 0) this.sawNonInteger = true;
    if (this.digits !== undefined) {
      this.pushScaledNumbers(values, from, count, places, kinds);
      return;
    }
    const numbers = this.numbers;
    let to = this.length;
    for (let at = from; at < from + count; at++) numbers[to++] = cellValue(values, kinds, at);
    this.length = to;
  }

  /**
   * The decimals of a compact column of numbers (its cells stored as integers over 10^decimals), else -1. A reader
   * whose scan gave a batch's numbers as integers at these decimals hands them over as they are
   * ({@link pushScaledRun}).
   */
  get scaledDecimals(): number {
    return this.mode === 'number' && this.digits !== undefined ? this.decimals : -1;
  }

  /**
   * Appends `count` cells given as integers at {@link scaledDecimals}, `scaled[from, from + count)`, `MISSING_DIGITS`
   * for a missing cell: what {@link pushNumbers} stores for cells of at most that many places each, each of them the
   * integer `±digits · 10^(decimals − places)` (see {@link pushScaledNumbers}), in one copy. `fraction` tells that a
   * cell was not written as a whole number, `missing` that a cell is missing.
   */
  pushScaledRun(scaled: Int32Array, from: number, count: number, fraction: boolean, missing: boolean): void {
    if (this.length + count > this.room) this.grow(Math.max(this.length + count, this.length * 2, 1024));
    if (missing) this.sawMissing = true;
    if (fraction) this.sawNonInteger = true;
    // A loop, not `set` of a `subarray`: a batch's run is short (40 cells a column of 400), and a view made per run
    // costs more than its copy.
    const digits = this.digits!;
    let to = this.length;
    for (let at = from; at < from + count; at++) digits[to++] = scaled[at]!;
    this.length = to;
  }

  /**
   * {@link pushNumbers} into a compact column. A cell of `p <= decimals` places written as a plain decimal of at
   * most 15 digits `D` (not a -0: the reader gives those unknown places) is the double nearest `±D / 10^p`; its
   * scaled integer is `m = ±D · 10^(decimals − p)`, and `value · 10^decimals` is within `|m| · 2^-51` of it, far
   * below ½ while `|m| < 2^31`, so rounding the product gives `m`, and `m / 10^decimals`, the double nearest the
   * same rational, is the very value: such a cell needs no check by division. Any other cell goes through
   * {@link putScaled}, which checks.
   */
  private pushScaledNumbers(
    values: Float64Array,
    from: number,
    count: number,
    places: Uint8Array | undefined,
    kinds: Uint8Array | undefined,
  ): void {
    if (places === undefined) {
      for (let at = from; at < from + count; at++) {
        if (this.digits === undefined) this.numbers[this.length++] = cellValue(values, kinds, at);
        else this.putScaled(cellValue(values, kinds, at));
      }
      return;
    }
    let digits = this.digits!;
    let decimals = this.decimals;
    let scale = this.scale;
    let to = this.length;
    for (let at = from; at < from + count; at++) {
      if (kinds !== undefined && kinds[at] === MISSING_KIND) {
        digits[to++] = MISSING_DIGITS;
        continue;
      }
      if (places[at]! <= decimals) {
        const m = Math.round(values[at]! * scale);
        if (m <= MAX_DIGITS && m >= -MAX_DIGITS) {
          digits[to++] = m;
          continue;
        }
      }
      this.length = to;
      this.putScaled(values[at]!);
      to = this.length;
      if (this.digits === undefined) {
        // Widened: the rest of the batch as doubles.
        const numbers = this.numbers;
        for (let rest = at + 1; rest < from + count; rest++) numbers[to++] = cellValue(values, kinds, rest);
        this.length = to;
        return;
      }
      digits = this.digits;
      decimals = this.decimals;
      scale = this.scale;
    }
    this.length = to;
  }

  /** Appends a cell given as text (not a number): missing token, boolean or string. */
  pushText(text: string): void {
    if (MISSING_TOKENS.has(text)) return this.pushMissing();
    if (this.mode === 'string') return this.pushString(text);
    const bool = BOOL_TOKENS.get(text);
    if (bool !== undefined && (this.mode === 'undecided' || this.mode === 'bool')) {
      this.mode = 'bool';
      if (this.length === this.room) this.grow();
      this.put(bool);
      return;
    }
    if (this.mode === 'undecided') {
      this.switchToString();
      return this.pushString(text);
    }
    this.needsStringPass = true;
    this.pushPlaceholder();
  }

  /** Appends a string cell as is (the string pass, JSON strings, Postgres text). */
  pushString(text: string): void {
    if (this.mode !== 'string') {
      if (this.mode === 'undecided') this.switchToString();
      else {
        this.needsStringPass = true;
        this.pushPlaceholder();
        return;
      }
    }
    let code: number;
    if (this.store) {
      if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
      const { written } = encoder.encodeInto(text, this.scratch);
      code = this.store.codeOf(this.scratch, 0, written);
    } else code = this.codeOf(text);
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length++] = code;
    this.presentStrings++;
    this.noteLabels();
  }

  /**
   * Appends a text cell as {@link pushText} does and returns a token that {@link replayText} turns into the same
   * append, or -1 when there is none. In a string column the token is the label's code, in a bool column the
   * value; both modes are final, so a reader that caches a cell's token per column (a categorical's few labels)
   * replays it for every later cell with the same text without hashing or looking the text up again.
   */
  pushTextToken(text: string): number {
    this.pushText(text);
    if (this.length === 0 || MISSING_TOKENS.has(text)) return -1;
    if (this.mode === 'string') {
      const code = this.codes[this.length - 1]!;
      return code >= 0 ? code : -1;
    }
    if (this.mode === 'bool') {
      if (this.digits !== undefined) {
        const m = this.digits[this.length - 1]!;
        return m === MISSING_DIGITS ? -1 : m / this.scale;
      }
      const value = this.numbers[this.length - 1]!;
      return value === value ? value : -1;
    }
    return -1;
  }

  /** Appends the cell whose token {@link pushTextToken} returned (for the same text, in this builder). */
  replayText(token: number): void {
    if (this.mode === 'string') {
      if (this.length === this.codes.length) this.grow();
      this.codes[this.length++] = token;
      // A label seen before: the share of distinct labels only falls, so `bytesLabels` cannot turn true.
      this.presentStrings++;
    } else {
      if (this.length === this.room) this.grow();
      this.put(token);
    }
  }

  /**
   * Whether the column holds labels as codes (string mode): a token {@link pushTextToken} returned is then a label's
   * code, which {@link pushCodes} takes in runs.
   */
  get takesCodes(): boolean {
    return this.mode === 'string';
  }

  /**
   * Appends `count` cells of a string column given as codes, `codes[from, from + count)`, each a code
   * {@link pushTextToken} returned or -1 for a missing cell: what {@link replayText} and {@link pushMissing} do cell
   * by cell, in one loop (a reader's batch of a label column whose labels it has seen). Labels seen before only
   * lower the share of distinct labels, so {@link bytesLabels} stays as it is.
   */
  pushCodes(codes: Int32Array, from: number, count: number): void {
    if (this.mode !== 'string') throw new Error(`column '${this.name}': pushCodes outside string mode`);
    if (this.length + count > this.codes.length)
      this.grow(Math.max(this.length + count, this.length * 2, 1024));
    const target = this.codes;
    const base = this.length - from;
    let missing = 0;
    for (let at = from; at < from + count; at++) {
      const code = codes[at]!;
      target[base + at] = code;
      missing += code >>> 31;
    }
    this.length += count;
    this.presentStrings += count - missing;
    if (missing > 0) this.sawMissing = true;
  }

  /** Sets {@link bytesLabels} once the labels turn out mostly distinct (checked after each string cell). */
  private noteLabels(): void {
    if (!this.bytesLabels && this.readsLabelsAsBytes) this.bytesLabels = true;
  }

  /**
   * Whether most labels so far occur once (an id, free text): caching labels by their bytes no longer pays, so a
   * reader may hand every cell to {@link pushString} as decoded text (in a string column a cell that looks like a
   * number or a boolean is kept as its text anyway).
   */
  get labelsMostlyDistinct(): boolean {
    const labels = this.store ? this.store.size : this.dictionary.length;
    return this.mode === 'string' && labels >= 1024 && labels * 2 > this.presentStrings;
  }

  /**
   * Whether a reader should hand this column's cells to {@link pushStringBytes}: once its labels were mostly
   * distinct, and from then on (the labels live in a byte store, which a string would only be encoded back into,
   * even when later rows repeat labels, as a long-tailed categorical does).
   */
  get readsLabelsAsBytes(): boolean {
    return this.mode === 'string' && (this.store !== undefined || this.labelsMostlyDistinct);
  }

  /**
   * Appends a string cell given as its UTF-8 bytes in `bytes[start, end)` (a CSV field; `quoted`: a doubled quote
   * stands for one), a missing token as missing. No string is made: the label is looked up by its bytes, and kept as
   * bytes when new. For a column in string mode (a reader calls it once {@link labelsMostlyDistinct} says so).
   */
  pushStringBytes(bytes: Uint8Array, start: number, end: number, quoted: boolean): void {
    if (this.mode !== 'string') throw new Error(`column '${this.name}': pushStringBytes outside string mode`);
    // A missing token has no quote, so its bytes are the same quoted or not.
    if (isMissingBytes(bytes, start, end)) return this.pushMissing();
    if (!this.store) {
      // The labels so far move into the store with their codes; from now on every label is looked up by bytes.
      const labels = this.dictionary.length;
      const store = new LabelStore(
        this.labelsNearlyAllDistinct(labels) ? Math.max(labels * 2, this.codes.length) : labels * 2,
      );
      for (const label of this.dictionary) {
        const encoded = encoder.encode(label);
        store.codeOf(encoded, 0, encoded.length);
      }
      this.store = store;
      this.fewCodes = undefined;
      this.labelHashes = new Int32Array(0);
      this.labelSlots = new Int32Array(0);
    }
    const code = this.store.codeOf(bytes, start, end, quoted);
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length++] = code;
    this.presentStrings++;
    this.bytesLabels = true;
  }

  /**
   * {@link pushStringBytes} of a reader's staged cells `from` to `to`: cell `k` is missing when `kinds[k]` is
   * {@link MISSING_KIND}, else its bytes are `bytes[starts[k], ends[k])`, a quoted field's inside when `kinds[k]` is
   * `quotedKind`. One call a batch instead of one a cell from the reader's flush: on two 1M-row StreamFlow files
   * with their id column (shape b of `npm run bench -- compare`), each thread's read took 620–894 ms (median ~670)
   * cell by cell and 534–730 ms (~590) so, in 5 alternated pairs (Node 24, 2 cores, AMD EPYC, 2026-12-05).
   */
  pushStringBytesRun(
    bytes: Uint8Array,
    kinds: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    from: number,
    to: number,
    quotedKind: number,
  ): void {
    const store = this.store;
    if (store?.deferred && this.mode === 'string') {
      // An id column's batch in one call to its store (see LabelStore.appendRun).
      const count = to - from;
      if (this.length + count > this.codes.length)
        this.grow(Math.max(this.length + count, this.length * 2, 1024));
      const present = store.appendRun(
        bytes,
        kinds,
        starts,
        ends,
        from,
        to,
        quotedKind,
        MISSING_KIND,
        isMissingBytes,
        this.codes,
        this.length,
      );
      this.length += count;
      this.presentStrings += present;
      if (present < count) this.sawMissing = true;
      if (present > 0) this.bytesLabels = true;
      return;
    }
    for (let k = from; k < to; k++) {
      const kind = kinds[k]!;
      if (kind === MISSING_KIND) this.pushMissing();
      else this.pushStringBytes(bytes, starts[k]!, ends[k]!, kind === quotedKind);
    }
  }

  /** The code of a label, adding it to the dictionary when new. */
  private codeOf(text: string): number {
    const few = this.fewCodes;
    if (few !== undefined) {
      // Few labels (categories): a Map, which hashes a string once and keeps the hash in it, so a label object
      // the reader hands over again costs no pass over its characters.
      const known = few.get(text);
      if (known !== undefined) return known;
      const code = this.dictionary.length;
      this.dictionary.push(text);
      few.set(text, code);
      if (code + 1 === FEW_LABELS) {
        // Many labels (ids, free text): a Map of a million strings is slow to grow and heavy; the typed table
        // below is neither.
        this.fewCodes = undefined;
        this.labelHashes = new Int32Array(FEW_LABELS * 2);
        for (let k = 0; k < FEW_LABELS; k++) this.labelHashes[k] = labelHash(this.dictionary[k]!);
        this.rehashLabels();
      }
      return code;
    }
    return this.manyCodeOf(text);
  }

  /** {@link codeOf} past {@link FEW_LABELS} labels. */
  private manyCodeOf(text: string): number {
    const hash = labelHash(text);
    const slots = this.labelSlots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const code = slots[slot]!;
      if (code < 0) break;
      if (this.labelHashes[code] === hash && this.dictionary[code] === text) return code;
      slot = (slot + 1) & mask;
    }
    const code = this.dictionary.length;
    this.dictionary.push(text);
    if (code === this.labelHashes.length) {
      const hashes = new Int32Array(Math.max(64, code * 2));
      hashes.set(this.labelHashes);
      this.labelHashes = hashes;
    }
    this.labelHashes[code] = hash;
    if ((code + 1) * 2 > slots.length) this.rehashLabels();
    else slots[slot] = code;
    return code;
  }

  /** Makes the label table four times the labels and re-inserts every code. */
  private rehashLabels(): void {
    // Four times the labels, and at first twice the cells room is made for (a reader that knows the row count
    // reserves it): an id column then never rehashes.
    let size = 128;
    const wanted = Math.max(
      this.dictionary.length * 4,
      this.labelSlots.length === 0 ? this.codes.length * 2 : 0,
    );
    while (size < wanted) size *= 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = slots.length - 1;
    for (let code = 0; code < this.dictionary.length; code++) {
      let slot = this.labelHashes[code]! & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = code;
    }
    this.labelSlots = slots;
  }

  /** Appends a boolean cell (JSON true/false, Postgres bool). */
  pushBool(value: boolean): void {
    if (this.mode === 'undecided') this.mode = 'bool';
    if (this.mode !== 'bool') {
      this.needsStringPass = true;
      this.pushPlaceholder();
      return;
    }
    if (this.length === this.room) this.grow();
    this.put(value ? 1 : 0);
  }

  private pushPlaceholder(): void {
    if (this.length === this.room) this.grow();
    if (this.mode === 'string') this.codes[this.length++] = -1;
    else if (this.digits !== undefined) this.digits[this.length++] = MISSING_DIGITS;
    else this.numbers[this.length++] = Number.NaN;
  }

  /**
   * Hands over the cells pushed since the last drain and starts the next block in the same storage (a spill writes
   * a file's columns block by block, so only one block of rows is held). The mode, the dictionary and what the
   * cells showed (missing, non-integer) carry over; the view is valid until the next push.
   */
  drain():
    | { readonly kind: 'numbers'; readonly cells: Float64Array }
    | { readonly kind: 'codes'; readonly cells: Int32Array } {
    const length = this.length;
    this.length = 0;
    // A drained block's codes must be final: a spill never reserves, so its labels are never deferred.
    if (this.store?.deferred) throw new Error(`column '${this.name}': drained while its labels are deferred`);
    if (this.digits !== undefined)
      throw new Error(`column '${this.name}': a compact column is never drained`);
    return this.mode === 'string'
      ? { kind: 'codes', cells: this.codes.subarray(0, length) }
      : { kind: 'numbers', cells: this.numbers.subarray(0, length) };
  }

  /** A numeric or boolean column's cells, trimmed to the row count. */
  private finishedNumbers(): NumericValues {
    if (this.digits === undefined) return trim(this.numbers, this.length, this.shared);
    return { digits: trim(this.digits, this.length, this.shared), decimals: this.decimals };
  }

  /** The finished column (arrays trimmed to the row count). */
  finish(): Column {
    switch (this.mode) {
      case 'string': {
        const codes = trim(this.codes, this.length, this.shared);
        const store = this.store;
        if (!store) return { name: this.name, type: 'string', codes, dictionary: this.dictionary };
        store.resolveDeferred(codes, this.length);
        store.seal();
        if (this.deferUniqueLabels && store.size === this.length) {
          const column: Column = {
            name: this.name,
            type: 'string',
            codes,
            dictionary: heldLabelsArray(store.size),
          };
          deferred.set(column, store);
          return column;
        }
        return {
          name: this.name,
          type: 'string',
          codes,
          dictionary: store.decodeInto(this.dictionary, this.dictionary.length),
        };
      }
      case 'bool':
        return { name: this.name, type: 'bool', values: this.finishedNumbers() };
      case 'datetime':
        return { name: this.name, type: 'datetime', values: trim(this.numbers, this.length, this.shared) };
      case 'number':
      case 'undecided': {
        // pandas: an integer column with a missing cell reads as float64; an all-missing column is float64 NaN.
        const type =
          this.mode === 'number' && this.declared !== 'float' && !this.sawMissing && !this.sawNonInteger
            ? 'int'
            : 'float';
        return { name: this.name, type, values: this.finishedNumbers() };
      }
    }
  }
}

/** A batch's cell for {@link ColumnBuilder.pushNumbers}: its value, NaN when `kinds` marks it missing. */
function cellValue(values: Float64Array, kinds: Uint8Array | undefined, at: number): number {
  return kinds !== undefined && kinds[at] === MISSING_KIND ? Number.NaN : values[at]!;
}

/** Labels a column codes through a Map; past this many, through a typed open-addressing table. */
const FEW_LABELS = 4096;

/** FNV-1a over a string's UTF-16 units, then murmur3's finalizer, so the low bits that pick a slot are well mixed. */
function labelHash(text: string): number {
  let hash = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return fmix32(hash);
}

/**
 * One allocation that the columns of a table take their storage from when a reader reserves them all at once.
 *
 * Why: a column's cells are written once, into fresh memory, and the kernel maps fresh memory a 4 KiB page at a time on
 * its first write unless the allocation is big enough to be backed by 2 MiB transparent huge pages (glibc asks for them
 * on large allocations when Node runs under `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`). A table of 400 columns of 100,000
 * rows reserved column by column is 400 allocations of 400 KB, each faulted page by page: ~40k page faults per file,
 * ~0.6 s of a thread. Reserved in one arena they are one allocation of 160 MB: a compare of two such files went from
 * ~120k to ~41k faults and from 10.2 to 8.8 CPU s; two StreamFlow files of a million rows from ~45k to ~33k faults.
 *
 * A column that outgrows its part (more rows than the reader estimated) or is widened from scaled integers to
 * float64 moves to an allocation of its own; what it wrote of its part stays allocated until the table is dropped.
 * A part's unused tail is never written, so it costs address space, not memory.
 */
export class ColumnArena {
  private readonly buffer: ArrayBuffer | SharedArrayBuffer;
  private offset = 0;

  constructor(bytes: number, shared: boolean) {
    this.buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  }

  /** Bytes to ask for a column of `bytes`: each part starts on a 64-byte line. */
  static part(bytes: number): number {
    return Math.ceil(bytes / 64) * 64;
  }

  int32(length: number): Int32Array {
    const array = new Int32Array(this.buffer, this.offset, length);
    this.offset += ColumnArena.part(length * 4);
    return array;
  }

  float64(length: number): Float64Array {
    const array = new Float64Array(this.buffer, this.offset, length);
    this.offset += ColumnArena.part(length * 8);
    return array;
  }
}

function float64(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
}

function int32(length: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
}

/**
 * The first `length` cells: a view when little capacity is unused (no copy of a million cells) or the cells are in a
 * {@link ColumnArena} (whose unused tail was never written), else a copy.
 */
function trim<T extends Float64Array | Int32Array>(array: T, length: number, shared: boolean): T {
  if (length >= array.length * 0.9 || array.byteLength < array.buffer.byteLength)
    return array.subarray(0, length) as T;
  const copy = (array instanceof Float64Array ? float64(length, shared) : int32(length, shared)) as T;
  copy.set(array.subarray(0, length) as never);
  return copy;
}
