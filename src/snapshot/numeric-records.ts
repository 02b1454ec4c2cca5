/**
 * The compiled scan of numeric records (`src/snapshot/wasm/numeric-records.c`): what it takes, why, and why
 * it agrees with the JavaScript scan bit for bit is said there. This is its memory and its one call.
 *
 * One WebAssembly memory per reader holds the read chunk (the reader reads the file straight into it, so no byte is
 * copied) and the staging cells of a batch, which the reader's `Fields` use as their typed arrays: the compiled scan
 * and the JavaScript scan write the same arrays, and the builders read them as before. It also holds a table of known
 * labels per label column (`addLabel`), which the reader keeps in step with its cell caches.
 */
import { powersOfTen } from './decimal.js';
import { scaleOf, type ScaledDecimals } from './table.js';
import { ThreadKernel } from '../util/thread-kernel.js';
import { NUMERIC_RECORDS_WASM } from './wasm/numeric-records.generated.js';

/** The most staged cells a batch holds (csv.ts: about 32k, for tables of up to this many columns). */
export const SCANNER_CELLS = 32_768;
/** Tables wider than this stage more cells than {@link SCANNER_CELLS} a batch and are read by the JavaScript scan. */
export const SCANNER_COLUMNS = 1024;
/** The most rows a batch stages. */
const SCANNER_ROWS = 1024;

type ScanExport = (
  buf: number,
  pos: number,
  end: number,
  eof: number,
  delimiter: number,
  columns: number,
  batch: number,
  row: number,
  maxRecords: number,
  kinds: number,
  values: number,
  integer: number,
  places: number,
  starts: number,
  ends: number,
  tokens: number,
  others: number,
  recordEnds: number,
  powers: number,
  tables: number,
  decimals: number,
  scaled: number,
) => number;

type InsertLabelExport = (table: number, bytes: number, length: number, token: number) => number;

type SortScaledExport = (
  scaled: number,
  n: number,
  min: number,
  max: number,
  scale: number,
  keys: number,
  next: number,
  sorted: number,
) => void;

type SortDoublesExport = (a: number, tmp: number, n: number) => number;

type PoolScaledExport = (
  keys: number,
  tmp: number,
  n1: number,
  n2: number,
  min: number,
  max: number,
  scale: number,
  referenceValues: number,
  referencePrefix: number,
  currentValues: number,
  currentPrefix: number,
  out: number,
) => void;

type DecodeScaledExport = (digits: number, n: number, scale: number, out: number, range: number) => number;

/** The powers of ten the C source's decimal_value reads: 10^-250 to 10^280 (its MIN_POWER and MAX_POWER). */
const MIN_POWER = -250;
const MAX_POWER = 280;

/**
 * The part of the WebAssembly JavaScript API used here (Node has it as a global; the Node typings this project builds
 * against do not declare it).
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
/** A compiled WebAssembly module (opaque here). */
type WasmModule = object;
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmGlobal {
  readonly value: number;
}

/** Undefined where WebAssembly is off (`node --jitless`): the JavaScript scan then reads every record. */
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
/** The compiled module; null once a memory for it could not be had (the thread then scans in JavaScript). */
let compiled: WasmModule | undefined | null;

/**
 * `build(api, module)` with the module compiled once per thread, or undefined where WebAssembly is off (`node
 * --jitless`) or a memory for it cannot be had (a RangeError; then never again on this thread).
 */
function withModule<T>(build: (api: WasmApi, module: WasmModule) => T): T | undefined {
  if (wasmApi === undefined || compiled === null) return undefined;
  try {
    compiled ??= new wasmApi.Module(Buffer.from(NUMERIC_RECORDS_WASM, 'base64'));
    return build(wasmApi, compiled);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    compiled = null;
    return undefined;
  }
}

/**
 * An instance of the module on a memory of its own (16 pages: the module's data and stack take two, the rest leaves
 * room for a bigger build), with the address where the memory past the module's own data begins, on a 64-byte line.
 */
function instantiate(
  api: WasmApi,
  module: WasmModule,
): { readonly memory: WasmMemory; readonly exports: Record<string, unknown>; readonly base: number } {
  const memory = new api.Memory({ initial: 16 });
  const { exports } = new api.Instance(module, { env: { memory } });
  return { memory, exports, base: lines((exports.__heap_base as WasmGlobal).value) };
}

/** Grows `memory` to hold its first `end` bytes (growing detaches the views made of it before). */
function growTo(memory: WasmMemory, end: number): void {
  const pages = Math.ceil(end / 65_536);
  const have = memory.buffer.byteLength / 65_536;
  if (pages > have) memory.grow(pages - have);
}

/** `bytes` rounded up to whole 64-byte lines. */
function lines(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

/** {@link StagingViews.decimals} of a field whose column does not store scaled integers. */
export const NO_DECIMALS = 255;

/** The staging arrays of one batch, views of the scanner's memory. */
export interface StagingViews {
  readonly kinds: Uint8Array;
  readonly values: Float64Array;
  readonly integer: Uint8Array;
  readonly places: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly tokens: Int32Array;
  readonly others: Uint8Array;
  /**
   * Per field, the decimals of its column when the column stores scaled integers (a compact builder's), else
   * {@link NO_DECIMALS}: the scan then stages each number of the field in {@link scaled} too.
   */
  readonly decimals: Uint8Array;
  /** A number's scaled integer at its field's {@link decimals} (valid where the field is not marked unscaled). */
  readonly scaled: Int32Array;
}

/** A reader's compiled scan: its chunk buffer, its staging views, and the scan itself. */
export class NumericRecordScanner {
  /** The read buffer: the reader reads into it and scans it (a bigger buffer replacing it is scanned in JavaScript). */
  readonly chunk: Uint8Array;
  /** After a scan, the position after each scanned record's line end. */
  readonly recordEnds: Int32Array;
  readonly #scan: ScanExport;
  readonly #insertLabel: InsertLabelExport;
  readonly #memory: WasmMemory;
  readonly #chunkAt: number;
  readonly #valuesAt: number;
  readonly #startsAt: number;
  readonly #endsAt: number;
  readonly #tokensAt: number;
  readonly #recordEndsAt: number;
  readonly #kindsAt: number;
  readonly #integerAt: number;
  readonly #placesAt: number;
  readonly #othersAt: number;
  readonly #decimalsAt: number;
  readonly #scaledAt: number;
  readonly #powersAt: number;
  /** Per column, the address of its table of known labels, 0 for none; the tables, one per column; a label's bytes. */
  readonly #tablesAt: number;
  readonly #labelTablesAt: number;
  readonly #labelAt: number;
  readonly #tables: Int32Array;
  readonly #labelTables: Uint8Array;
  readonly #label: Uint8Array;
  /** A column's table of known labels: its bytes, and the longest label it holds (the C source's layout). */
  readonly #labelTableBytes: number;
  readonly #labelBytes: number;
  #columns = 0;
  #batch = 0;

  /**
   * A scanner with a read buffer of `chunkBytes`, or undefined where WebAssembly is off (`node --jitless`) or its
   * memory cannot be had at all (a RangeError): the reader then scans every record in JavaScript, as it did before it
   * had a scanner. (V8 reserves guard pages of address space for a WebAssembly memory and falls back to bounds checks
   * where it cannot: a 1M-row compare ran with the scanner under `ulimit -v 3000000`.)
   */
  static create(chunkBytes: number): NumericRecordScanner | undefined {
    return withModule((api, module) => new NumericRecordScanner(api, module, chunkBytes));
  }

  private constructor(api: WasmApi, module: WasmModule, chunkBytes: number) {
    // The regions follow the module's own data, each on a 64-byte line, and the memory grows to hold them before any
    // view of it is taken (growing detaches the views of a memory).
    const { memory, exports, base } = instantiate(api, module);
    this.#memory = memory;
    this.#scan = exports.scan_numeric_records as ScanExport;
    this.#insertLabel = exports.insert_label as InsertLabelExport;
    this.#labelTableBytes = (exports.label_table_bytes as () => number)();
    this.#labelBytes = (exports.label_bytes as () => number)();
    let top = base;
    const take = (bytes: number): number => {
      const at = lines(top);
      top = at + bytes;
      return at;
    };
    this.#chunkAt = take(chunkBytes);
    this.#valuesAt = take(8 * SCANNER_CELLS);
    this.#startsAt = take(4 * SCANNER_CELLS);
    this.#endsAt = take(4 * SCANNER_CELLS);
    this.#tokensAt = take(4 * SCANNER_CELLS);
    this.#recordEndsAt = take(4 * SCANNER_ROWS);
    this.#kindsAt = take(SCANNER_CELLS);
    this.#integerAt = take(SCANNER_CELLS);
    this.#placesAt = take(SCANNER_CELLS);
    this.#othersAt = take(SCANNER_COLUMNS);
    this.#decimalsAt = take(SCANNER_COLUMNS);
    this.#scaledAt = take(4 * SCANNER_CELLS);
    const powers = powersOfTen();
    if (powers.minPower !== MIN_POWER || powers.maxPower !== MAX_POWER)
      throw new Error('decimal.ts and numeric-records.c disagree on the powers of ten');
    this.#powersAt = take(16 * powers.hi.length);
    this.#tablesAt = take(4 * SCANNER_COLUMNS);
    this.#labelAt = take(this.#labelBytes + 8);
    // 12 MiB of address space for the tables of 1,024 columns: only the pages of the tables a file's label columns
    // use are ever written (an empty table is zeros, as fresh memory is).
    this.#labelTablesAt = take(this.#labelTableBytes * SCANNER_COLUMNS);
    growTo(this.#memory, top);
    const buffer = this.#memory.buffer;
    this.chunk = new Uint8Array(buffer, this.#chunkAt, chunkBytes);
    this.recordEnds = new Int32Array(buffer, this.#recordEndsAt, SCANNER_ROWS);
    this.#tables = new Int32Array(buffer, this.#tablesAt, SCANNER_COLUMNS);
    this.#labelTables = new Uint8Array(buffer, this.#labelTablesAt, this.#labelTableBytes * SCANNER_COLUMNS);
    this.#label = new Uint8Array(buffer, this.#labelAt, this.#labelBytes + 8);
    const table = new Float64Array(buffer, this.#powersAt, 2 * powers.hi.length);
    table.set(powers.hi);
    table.set(powers.lo, powers.hi.length);
  }

  /**
   * The staging arrays of batches of `batch` rows of `columns` fields (at most {@link SCANNER_CELLS} cells and
   * {@link SCANNER_COLUMNS} columns). A scanner stages one table's batches, so they are zeroed as fresh memory is.
   */
  staging(columns: number, batch: number): StagingViews {
    const cells = columns * batch;
    if (columns > SCANNER_COLUMNS || cells > SCANNER_CELLS || batch > SCANNER_ROWS)
      throw new Error(`staging of ${columns} × ${batch} cells exceeds the scanner's`);
    if (this.#columns !== 0) throw new Error("a scanner stages one table's batches");
    this.#columns = columns;
    this.#batch = batch;
    const buffer = this.#memory.buffer;
    const decimals = new Uint8Array(buffer, this.#decimalsAt, columns);
    decimals.fill(NO_DECIMALS);
    return {
      decimals,
      scaled: new Int32Array(buffer, this.#scaledAt, cells),
      kinds: new Uint8Array(buffer, this.#kindsAt, cells),
      values: new Float64Array(buffer, this.#valuesAt, cells),
      integer: new Uint8Array(buffer, this.#integerAt, cells),
      places: new Uint8Array(buffer, this.#placesAt, cells),
      starts: new Int32Array(buffer, this.#startsAt, cells),
      ends: new Int32Array(buffer, this.#endsAt, cells),
      tokens: new Int32Array(buffer, this.#tokensAt, cells),
      others: new Uint8Array(buffer, this.#othersAt, columns),
    };
  }

  /**
   * Scans whole simple records of {@link chunk}`[pos, end)` into staging rows `row`, `row + 1`, ..., at most
   * `maxRecords` of them; {@link recordEnds} then holds where each ended.
   *
   * @returns how many records were scanned (0 when the record at `pos` is not one the compiled scan takes)
   */
  scan(pos: number, end: number, eof: boolean, delimiter: number, row: number, maxRecords: number): number {
    return this.#scan(
      this.#chunkAt,
      pos,
      end,
      eof ? 1 : 0,
      delimiter,
      this.#columns,
      this.#batch,
      row,
      maxRecords,
      this.#kindsAt,
      this.#valuesAt,
      this.#integerAt,
      this.#placesAt,
      this.#startsAt,
      this.#endsAt,
      this.#tokensAt,
      this.#othersAt,
      this.#recordEndsAt,
      this.#powersAt,
      this.#tablesAt,
      this.#decimalsAt,
      this.#scaledAt,
    );
  }

  /**
   * Adds a label of column `field` with the code its builder gave it to the column's table of known labels (made
   * when the column has none): the scan then stages that label's cells as the code, as the JavaScript scan stages a
   * label its column's cell cache knows. A label longer than 40 bytes, or past the table's first 128, is not taken
   * (its cells are staged as text, for the builder to look up).
   *
   * @returns whether the table holds the label
   */
  addLabel(field: number, bytes: Uint8Array, token: number): boolean {
    if (bytes.length === 0 || bytes.length > this.#labelBytes) return false;
    const table = this.#labelTablesAt + field * this.#labelTableBytes;
    this.#tables[field] = table;
    this.#label.set(bytes);
    return this.#insertLabel(table, this.#labelAt, bytes.length, token) === 1;
  }

  /** Empties and drops column `field`'s table of known labels: the scan stages its texts as text again. */
  dropLabels(field: number): void {
    if (this.#tables[field] === 0) return;
    this.#tables[field] = 0;
    this.#labelTables.fill(0, field * this.#labelTableBytes, (field + 1) * this.#labelTableBytes);
  }
}

/**
 * Decodes compact columns' scaled integers to doubles with the compiled module's vector loop (`decode_scaled` in the
 * C source): the same doubles, NaN and range as `decodeScaled` in table.ts, which divides one cell at a time. The
 * divisions bound that loop; two a vector operation took 100,000 cells from 0.17–0.32 ms to 0.08 ms (Node 24, the
 * copy of the integers into the module's memory included). The doubles are a view of this decoder's memory, valid
 * until its next call (a longer column grows the memory, which detaches the views made before).
 */
export class ScaledDecoder {
  readonly #memory: WasmMemory;
  readonly #decode: DecodeScaledExport;
  readonly #base: number;
  /** Cells the memory holds room for, and where the integers, the doubles and the range are. */
  #cells = 0;
  #digitsAt = 0;
  #outAt = 0;
  #rangeAt = 0;

  /** A decoder, or undefined where WebAssembly is off (`node --jitless`) or its memory cannot be had. */
  static create(this: void): ScaledDecoder | undefined {
    return withModule((api, module) => new ScaledDecoder(api, module));
  }

  private constructor(api: WasmApi, module: WasmModule) {
    const { memory, exports, base } = instantiate(api, module);
    this.#memory = memory;
    this.#decode = exports.decode_scaled as DecodeScaledExport;
    this.#base = base;
  }

  /**
   * The cells of `values` as doubles (NaN for a missing one), with the least and greatest present integer written to
   * `range[0]` and `range[1]` (2^31 - 1 and -(2^31 - 1) when none is present) and the number missing.
   */
  decode(
    values: ScaledDecimals,
    range: Int32Array,
  ): { readonly out: Float64Array; readonly missing: number } {
    const n = values.digits.length;
    if (n > this.#cells) this.#room(n);
    const buffer = this.#memory.buffer;
    new Int32Array(buffer, this.#digitsAt, n).set(values.digits);
    const missing = this.#decode(this.#digitsAt, n, scaleOf(values.decimals), this.#outAt, this.#rangeAt);
    const found = new Int32Array(buffer, this.#rangeAt, 2);
    range[0] = found[0]!;
    range[1] = found[1]!;
    return { out: new Float64Array(buffer, this.#outAt, n), missing };
  }

  /** Grows the memory to hold `n` cells' integers and doubles: it grows to the longest column its caller decodes. */
  #room(n: number): void {
    this.#rangeAt = this.#base;
    this.#digitsAt = this.#base + 64;
    this.#outAt = this.#digitsAt + lines(4 * n);
    growTo(this.#memory, this.#outAt + 8 * n);
    this.#cells = n;
  }
}

/**
 * Sorts columns for the drift layer with the compiled module's radix sorts: `sort_scaled` for a compact column (the
 * same doubles in the same order as `sortScaled` in decimal-sort.ts, whose loops it repeats without the bounds check
 * V8 puts on each typed-array access: 100,000 six-decimal cells ~0.9 → ~0.55 ms on Node 24, copies in and out
 * included) and `sort_doubles` for doubles (the array `radixSortedCopy` in sort.ts gives: 100,000 doubles ~2.6 →
 * ~1.5 ms), and walks two compact sides pooled (`pool_scaled`, for pooled.ts in the drift layer). Its memory grows to
 * the longest column its caller sorts: 20 bytes a cell of a compact column, 16 of doubles, 24 a value of a pooled
 * pair.
 */
export class ColumnSorter {
  readonly #memory: WasmMemory;
  readonly #sortScaled: SortScaledExport;
  readonly #sortDoubles: SortDoublesExport;
  readonly #poolScaled: PoolScaledExport;
  readonly #base: number;

  /** A sorter, or undefined where WebAssembly is off (`node --jitless`) or its memory cannot be had. */
  static create(this: void): ColumnSorter | undefined {
    return withModule((api, module) => new ColumnSorter(api, module));
  }

  /** This thread's sorter, made at the first call (one memory for every sort a thread runs), or undefined. */
  static forThread(this: void): ColumnSorter | undefined {
    return threadSorter.get();
  }

  /**
   * This thread's sorter for {@link poolScaled}, made at the first call, or undefined: a memory of its own, so that
   * the runs it returns stay valid while the thread's other sorts run (until the next pooled walk).
   */
  static poolerForThread(this: void): ColumnSorter | undefined {
    return threadPooler.get();
  }

  private constructor(api: WasmApi, module: WasmModule) {
    const { memory, exports, base } = instantiate(api, module);
    this.#memory = memory;
    this.#sortScaled = exports.sort_scaled as SortScaledExport;
    this.#sortDoubles = exports.sort_doubles as SortDoublesExport;
    this.#poolScaled = exports.pool_scaled as PoolScaledExport;
    this.#base = base;
  }

  /**
   * Writes `scaled[i] / scale` of the first `n` integers, ascending, to `sorted[0, n)`, given the least and greatest
   * of them (each below 2^31 in size).
   */
  sortScaled(
    scaled: Int32Array,
    n: number,
    scale: number,
    min: number,
    max: number,
    sorted: Float64Array,
  ): void {
    const scaledAt = this.#base;
    const keysAt = scaledAt + lines(4 * n);
    const nextAt = keysAt + lines(4 * n);
    const sortedAt = nextAt + lines(4 * n);
    growTo(this.#memory, sortedAt + 8 * n);
    const buffer = this.#memory.buffer;
    new Int32Array(buffer, scaledAt, n).set(n === scaled.length ? scaled : scaled.subarray(0, n));
    this.#sortScaled(scaledAt, n, min, max, scale, keysAt, nextAt, sortedAt);
    sorted.set(new Float64Array(buffer, sortedAt, n));
  }

  /** Writes `values` (no NaN) in ascending order to `sorted`, -0 before 0, as `Float64Array.prototype.sort` orders. */
  sortDoubles(values: Float64Array, sorted: Float64Array): void {
    const n = values.length;
    const valuesAt = this.#base;
    const tmpAt = valuesAt + lines(8 * n);
    growTo(this.#memory, tmpAt + 8 * n);
    const buffer = this.#memory.buffer;
    new Float64Array(buffer, valuesAt, n).set(values);
    const at = this.#sortDoubles(valuesAt, tmpAt, n) === 0 ? valuesAt : tmpAt;
    sorted.set(new Float64Array(buffer, at, n));
  }

  /**
   * Walks the ECDFs of two compact sides at one scale in their pooled order (`pool_scaled` in the C source), given
   * the least and greatest integer of both (less than 2^31 apart): each side's runs (distinct values `m / scale`
   * ascending, counts, their running totals, the largest count), numpy's sum of scipy's Wasserstein term array and
   * the extreme ECDF differences. The arrays are views of this sorter's memory, valid until its next call.
   */
  poolScaled(
    reference: Int32Array,
    current: Int32Array,
    min: number,
    max: number,
    scale: number,
  ): {
    readonly reference: PooledSide;
    readonly current: PooledSide;
    readonly wasserstein1: number;
    readonly maxDiff: number;
    readonly minDiff: number;
  } {
    const n1 = reference.length;
    const n2 = current.length;
    const n = n1 + n2;
    const outAt = this.#base;
    const keysAt = outAt + 64;
    // Room for one key past the last in each of the sort's two arrays (the walk's sentinel).
    const tmpAt = keysAt + lines(4 * (n + 1));
    const refAt = tmpAt + lines(4 * (n + 1));
    const curAt = refAt + 2 * lines(8 * (n1 + 1));
    growTo(this.#memory, curAt + 2 * lines(8 * (n2 + 1)));
    const buffer = this.#memory.buffer;
    new Int32Array(buffer, keysAt, n1).set(reference);
    new Int32Array(buffer, keysAt + 4 * n1, n2).set(current);
    const refArray = (i: number) => refAt + i * lines(8 * (n1 + 1));
    const curArray = (i: number) => curAt + i * lines(8 * (n2 + 1));
    this.#poolScaled(
      keysAt,
      tmpAt,
      n1,
      n2,
      min,
      max,
      scale,
      refArray(0),
      refArray(1),
      curArray(0),
      curArray(1),
      outAt,
    );
    const out = new Float64Array(buffer, outAt, 7);
    const side = (at: (i: number) => number, runs: number, largest: number): PooledSide => ({
      values: new Float64Array(buffer, at(0), runs),
      prefix: new Float64Array(buffer, at(1), runs + 1),
      largest,
    });
    return {
      reference: side(refArray, out[0]!, out[2]!),
      current: side(curArray, out[1]!, out[3]!),
      wasserstein1: out[4]!,
      maxDiff: out[5]!,
      minDiff: out[6]!,
    };
  }
}

/** One side's runs from {@link ColumnSorter.poolScaled} (a run's count is the difference of its running totals). */
export interface PooledSide {
  readonly values: Float64Array;
  /** `prefix[k]`: how many of the side's values are below `values[k]`; `prefix[runs]` its size. */
  readonly prefix: Float64Array;
  readonly largest: number;
}

/** This thread's {@link ColumnSorter.forThread} and {@link ColumnSorter.poolerForThread}, made at first use. */
const threadSorter = new ThreadKernel<ColumnSorter>();
const threadPooler = new ThreadKernel<ColumnSorter>();
threadSorter.use(ColumnSorter.create);
threadPooler.use(ColumnSorter.create);
