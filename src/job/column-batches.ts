/**
 * A memory budget for snapshot files (`--memory-limit`): when both snapshots' columns do not fit at once, the
 * columns are planned into batches that do, and each batch is read, scored and summarised, then freed, before the
 * next one is read. The report is the one a read of everything at once gives: every figure but the correction, the
 * dataset level and the row facts is a function of one column (merged by `finishDrift`), and the row facts are
 * accumulated row by row across batches (`RowFactsAccumulator`).
 *
 * How a batch is read depends on the format. Parquet reads only the batch's column chunks, one row group at a time.
 * CSV, TSV and JSON Lines (gzip-compressed or not) are parsed once more after the census when the plan needs at least
 * {@link SPILL_FROM_BATCHES} batches: each column's cells go, block by block, to a temporary columnar file (see
 * src/snapshot/spill.ts), and every batch reads its columns back from it. A column whose cells disagree on a type
 * (a word in a numeric column, read as text) is not in the spill and is read from the file in its batch.
 *
 * Re-reading against spilling, measured on 50,000 rows × 500 floats per side (two 176 MiB CSV files, 2 shared cores
 * under a load average of 9 to 11, Node 24) under `--memory-limit 160MiB`, 23 batches: re-reading took 107 s
 * (57.7 s CPU), the spill 44 s (19.0 s CPU), the same report as a read at once. Tokenizing a file is most of a
 * re-read when a batch keeps few fields (earlier, on a 148 MB CSV: 5.0 s tokenizing and keeping nothing, 29 s keeping
 * everything), so k batches tokenize the file k + 1 times (census included); the spill tokenizes it twice (census,
 * spill) and parses each cell once, then writes and reads back 8 bytes a cell, which the page cache mostly serves.
 * Under `--memory-limit 512MiB`, 4 batches: re-reading 26.3 s CPU (peak 464 MiB), the spill 19.2 s (433 MiB).
 * Under 900 MiB, 2 batches: re-reading 20.7 s CPU and 63 s wall, the spill 19.5 s CPU but 78 s wall (it writes
 * 400 MB, and the disk is shared; peak 741 against 565 MiB). Two batches are a wash, so text files spill from three
 * batches on. A single batch never reaches this code (everything fits: the files are read at once, on the worker
 * threads).
 */
import { totalmem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeDriftPart, type DriftStrategy } from '../drift/engine.js';
import { finishDrift, type DriftPart } from '../drift/assemble.js';
import type { DriftOptions } from '../drift/options.js';
import { checkColumnNames, planOrder } from '../drift/plan.js';
import type { DriftReport } from '../drift/report.js';
import { UserError } from '../errors.js';
import { readFileSources } from '../snapshot/files.js';
import { SpillWriter, type SpilledFile } from '../snapshot/spill.js';
import { describeSource } from '../snapshot/source.js';
import { isGzipPath } from '../snapshot/byte-source.js';
import {
  delimitedBound,
  delimitedHead,
  plainDelimiter,
  type DelimitedBound,
  type DelimitedHead,
} from '../snapshot/delimited-bound.js';
import { formatFromPath, readSnapshot } from '../snapshot/index.js';
import {
  columnFilterFunction,
  readInThisThread,
  type ColumnFilter,
  type FileReader,
} from '../snapshot/read-request.js';
import { RowFactsAccumulator } from '../snapshot/row-hash.js';
import type { FileSnapshotSource } from '../snapshot/source.js';
import type { Table } from '../snapshot/table.js';
import { formatBytes } from '../util/bytes.js';

/** The default limit: a quarter of the machine's memory, at most 4 GiB. */
export function defaultMemoryLimit(): number {
  return Math.min(Math.floor(totalmem() / 4), 4 * 1024 ** 3);
}

/** Bytes a column holds per row and snapshot (a Float64Array, or Int32Array codes plus their labels). */
const BYTES_PER_CELL = 8;
/**
 * Reading a batch holds, besides its columns, up to this many times their size again: a Parquet row group's decoded
 * chunks before they are copied into the columns, a CSV column's growth and final trimmed copy, a column's copy
 * into memory the worker threads share, and the previous batch's arrays until the garbage collector frees them
 * (measured on the wide benchmark: the resident set stays about this far above the columns read).
 */
const READ_OVERHEAD = 2;
/**
 * The same for Parquet: hyparquet holds a row group's compressed chunks and decoded pages besides the columns (on
 * the wide benchmark under a 512 MiB limit: 690 MiB peak with the CSV allowance, 639 MiB with this one).
 */
const PARQUET_READ_OVERHEAD = 2.5;
/**
 * Memory the process keeps besides the columns once batches have been read, even after a full collection (JavaScript
 * heap pages, the allocator's free lists): on the wide benchmark (50,000 rows × 500 floats, 256 MiB limit) the
 * resident set at the start of the last batches stayed 160 to 240 MiB above the one before the first, with batches
 * of 138 MiB; counted as already in use, so the batches are planned smaller.
 */
const RETAINED_AFTER_BATCH = 64 * 1024 ** 2;
/** Memory a worker thread comes to hold besides the columns (its heap, its read buffers). */
const THREAD_OVERHEAD = 48 * 1024 ** 2;
/**
 * Scoring a column holds this many times its values again (cleaned copies, a sorted copy, runs, merged
 * distribution), once per thread scoring at the same time.
 */
const SCORING_COPIES = 6;
/** Part of the budget left for what the model above does not count (garbage not yet collected, small objects). */
const RESERVE = 0.1;
/** Text cells take at least this many bytes of the file each, so 8 / this bounds the columns' bytes per file byte. */
const MIN_TEXT_BYTES_PER_CELL = 1;

/**
 * Text files are spilled (parsed once to a temporary columnar file) when the plan needs at least this many batches;
 * fewer are re-read per batch (see the measurements at the top of this file).
 */
const SPILL_FROM_BATCHES = 3;

/** One column to read, with the bytes its values take in both snapshots. */
export interface ColumnCost {
  readonly name: string;
  readonly bytes: number;
}

/**
 * Columns into consecutive batches whose costs add up to at most `budget` each (greedy, in the given order).
 *
 * @example
 * planBatches([{ name: 'a', bytes: 6 }, { name: 'b', bytes: 5 }, { name: 'c', bytes: 4 }], 10); // => [['a'], ['b', 'c']]
 */
export function planBatches(columns: readonly ColumnCost[], budget: number): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let used = 0;
  for (const column of columns) {
    if (batch.length > 0 && used + column.bytes > budget) {
      batches.push(batch);
      batch = [];
      used = 0;
    }
    batch.push(column.name);
    used += column.bytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** How the job reads and scores: in this thread, or on the worker threads of its pool. */
export interface BatchStrategy {
  readonly readFiles?: FileReader;
  readonly mapColumns?: DriftStrategy['mapColumns'];
  /** Threads that score columns at once (the pool's, else 1). */
  readonly threads: number;
  /**
   * The caller can read the files at once under row limits (see {@link RowLimits}): the files' rows are then
   * estimated from their first MiB instead of bounded by a search of every line end.
   */
  readonly rowLimits?: boolean;
}

/**
 * Read both files at once, each plain CSV or TSV file with at most these data rows (by absolute path): the rows
 * estimated from its first MiB, with the slack the budget leaves, so that its columns stay within its share of the
 * budget whatever the estimate missed. A file with more rows stops the read (`RowLimitExceeded`, see
 * src/snapshot/row-limit.ts); the caller then asks again with `census: true`.
 */
export interface RowLimits {
  readonly maxRows: ReadonlyMap<string, number>;
}

/** What the batched job needs of the compare settings. */
export interface BatchSources {
  readonly reference: FileSnapshotSource;
  readonly current: FileSnapshotSource;
  readonly cwd: string;
  /** How the surface names the limit (`--memory-limit`, `memory-limit`), for messages. */
  readonly limitName: string;
}

/** The memory a comparison may use and what it already uses. */
export interface MemoryBudget {
  /** `--memory-limit`, in bytes. */
  readonly limit: number;
  /** Memory in use before any column is read (default: this process's resident set now). */
  readonly baseline?: number;
  /**
   * This process's resident set before anything else was started alongside the check (the worker threads of a
   * comparison read at once); default: the resident set now. Ignored when `baseline` is given.
   */
  readonly residentSet?: number;
  /**
   * Called once the comparison is certain to be read in batches, before the first batch: what a read at once would
   * have used (the worker threads) can be freed.
   */
  readonly beforeBatches?: () => Promise<unknown> | undefined;
  /**
   * Plan from the census (every row counted) without estimating the rows first: a read under {@link RowLimits}
   * found more rows than estimated.
   */
  readonly census?: boolean;
  /** Told the columns of each batch before it is read (progress, tests). */
  readonly onBatch?: (columns: readonly string[], index: number, batches: number) => void;
}

/** Bytes every loaded column of one side could take at most, from the file's size alone; undefined if unknown. */
function upperBoundFromFile(source: FileSnapshotSource, cwd: string): number | undefined {
  if (source.kind !== 'file') return undefined;
  const format = source.format ?? formatFromPath(source.path);
  if (format === 'parquet' || format === undefined || isGzipPath(source.path)) return undefined;
  try {
    return (statSync(resolve(cwd, source.path)).size / MIN_TEXT_BYTES_PER_CELL) * BYTES_PER_CELL;
  } catch {
    return undefined; // the reader reports a missing file with its own message
  }
}

/** A plain (uncompressed) CSV or TSV source's absolute path and field separator; undefined for any other source. */
function plainDelimited(
  source: FileSnapshotSource,
  cwd: string,
): { path: string; delimiter: number } | undefined {
  if (source.kind !== 'file') return undefined;
  const delimiter = plainDelimiter(source.path, source.format ?? formatFromPath(source.path));
  return delimiter === undefined ? undefined : { path: resolve(cwd, source.path), delimiter };
}

/**
 * Rows and header fields a plain CSV or TSV source holds at most, from its line ends (no field parsed); undefined for
 * other sources, or when the header line has a quote.
 */
function shapeBound(source: FileSnapshotSource, cwd: string): DelimitedBound | undefined {
  const plain = plainDelimited(source, cwd);
  try {
    return plain && delimitedBound(plain.path, plain.delimiter);
  } catch {
    return undefined; // the reader reports an unreadable file with its own message
  }
}

/** A plain CSV or TSV source's absolute path, header fields and estimated rows; undefined for other sources. */
function headOf(source: FileSnapshotSource, cwd: string): (DelimitedHead & { path: string }) | undefined {
  const plain = plainDelimited(source, cwd);
  try {
    const head = plain && delimitedHead(plain.path, plain.delimiter);
    return head && { ...head, path: plain!.path };
  } catch {
    return undefined; // the reader reports an unreadable file with its own message
  }
}

/**
 * Reads and scores a file comparison in column batches when its columns do not fit in the memory limit at once.
 *
 * @param sources both file sources, the working directory and the limit's name
 * @param filter the columns worth reading (ids and excluded columns never are)
 * @param options the engine options (labels included)
 * @param budget the limit and the memory already in use
 * @param strategy the file reader and column mapper (worker threads or this thread)
 * @returns the report, or undefined when everything fits at once (the caller then reads both files whole), or the
 *   row limits to read both files at once under (only when `strategy.rowLimits` says the caller can)
 * @throws {UserError} USAGE when one column alone needs more than the limit allows, naming it and what it needs
 */
export async function compareInBatches(
  sources: BatchSources,
  filter: ColumnFilter | undefined,
  options: DriftOptions,
  budget: MemoryBudget,
  strategy: BatchStrategy,
): Promise<DriftReport | RowLimits | undefined> {
  const baseline =
    budget.baseline ??
    (budget.residentSet ?? process.memoryUsage.rss()) +
      RETAINED_AFTER_BATCH +
      (strategy.readFiles ? THREAD_OVERHEAD * strategy.threads : 0);
  const available = (budget.limit - baseline) * (1 - RESERVE);
  const files = [sources.reference, sources.current];
  const bounds = files.map((source) => upperBoundFromFile(source, sources.cwd));
  if (bounds.every((bound) => bound !== undefined)) {
    const whole = bounds.reduce((sum, bound) => sum + bound, 0);
    if (whole * (1 + READ_OVERHEAD + SCORING_COPIES / 100) <= available) return undefined;
  }
  // Then, for a caller that reads under row limits, the rows estimated from the files' first MiB: when their columns
  // fit, each file is read at once, limited to the rows its share of the budget allows, so a wrong estimate costs a
  // read stopped early and never memory (the line ends below would cost a search of every byte first: ~60–75 ms a
  // file of 160–340 MB).
  if (strategy.rowLimits && !budget.census) {
    const heads = files.map((source) => headOf(source, sources.cwd));
    if (heads.every((head) => head !== undefined)) {
      const perRow = heads.map(
        (head) => BYTES_PER_CELL * ((1 + READ_OVERHEAD) * head.fields + strategy.threads * SCORING_COPIES),
      );
      const cost = heads.reduce((sum, head, index) => sum + head.rows * perRow[index]!, 0);
      if (cost <= available)
        return {
          maxRows: new Map(heads.map((head) => [head.path, Math.floor((head.rows * available) / cost)])),
        };
    }
  }
  // Then the rows and fields the files hold at most, from their line ends: when every column of that shape fits,
  // the census below would find that they do (its figures can only be smaller), without parsing every field.
  const shapes = files.map((source) => shapeBound(source, sources.cwd));
  if (shapes.every((shape) => shape !== undefined)) {
    const cells = shapes.reduce((sum, shape) => sum + shape.rows * shape.fields, 0);
    const widest = shapes.reduce((sum, shape) => sum + shape.rows, 0);
    if (
      BYTES_PER_CELL * ((1 + READ_OVERHEAD) * cells + strategy.threads * SCORING_COPIES * widest) <=
      available
    )
      return undefined;
  }
  const readFiles = strategy.readFiles ?? readInThisThread;
  const withoutRowFacts: FileReader = (requests) =>
    readFiles(requests.map((request) => ({ ...request, rowFacts: false })));
  // The census: every side's columns and rows, no column kept (Parquet: its metadata only).
  const [referenceShape, currentShape] = (
    await readFileSources(files, sources.cwd, { only: [] }, withoutRowFacts)
  ).map((result) => result.table);
  const include = columnFilterFunction(filter) ?? (() => true);
  const namesOf = (table: Table) => (table.unloaded ?? []).filter(include);
  const referenceNames = namesOf(referenceShape!);
  const currentNames = namesOf(currentShape!);
  const referenceSet = new Set(referenceNames);
  const currentSet = new Set(currentNames);
  // Every setting's columns are checked before anything is read, as a read of everything would.
  checkColumnNames(referenceShape!, currentShape!, options);
  const order = planOrder(referenceNames, currentNames, options);
  // Read order: the plan's columns first (so a batch holds neighbours of the report), then the rest.
  const names = [...new Set([...order, ...currentNames, ...referenceNames])].filter(
    (name) => referenceSet.has(name) || currentSet.has(name),
  );
  const valueBytes = (name: string) =>
    BYTES_PER_CELL *
    ((referenceSet.has(name) ? referenceShape!.rows : 0) + (currentSet.has(name) ? currentShape!.rows : 0));
  const readOverhead = files.some((source) => (source.format ?? formatFromPath(source.path)) === 'parquet')
    ? PARQUET_READ_OVERHEAD
    : READ_OVERHEAD;
  const costs = names.map((name) => ({ name, bytes: valueBytes(name) * (1 + readOverhead) }));
  const total = costs.reduce((sum, cost) => sum + cost.bytes, 0);
  const widest = costs.reduce((most, cost) => Math.max(most, cost.bytes), 0);
  const scoring = (strategy.threads * SCORING_COPIES * widest) / (1 + readOverhead);
  if (total + scoring <= available) return undefined;
  const batchBudget = available - scoring;
  const tooBig = costs.find((cost) => cost.bytes > batchBudget);
  if (tooBig) {
    const needs = baseline + (tooBig.bytes + scoring) / (1 - RESERVE);
    throw new UserError(
      'USAGE',
      `${sources.limitName} ${formatBytes(budget.limit)}: column '${tooBig.name}' alone needs ${formatBytes(needs)} (${referenceShape!.rows.toLocaleString('en')} + ${currentShape!.rows.toLocaleString('en')} rows, with what the process already holds); raise the limit`,
      'memoryLimit',
    );
  }
  await budget.beforeBatches?.();
  const batches = planBatches(costs, batchBudget);
  const spills =
    batches.length >= SPILL_FROM_BATCHES
      ? await spillTextSources(files, sources.cwd, filter, spillBufferBytes(batchBudget))
      : files.map(() => undefined);
  try {
    return await scoreBatches();
  } finally {
    for (const spill of spills) spill?.close();
  }

  async function scoreBatches(): Promise<DriftReport> {
    const rowFacts = {
      reference: new RowFactsAccumulator(referenceShape!.rows),
      current: new RowFactsAccumulator(currentShape!.rows),
    };
    const parts: DriftPart[] = [];
    for (const [index, batch] of batches.entries()) {
      // The previous batch's columns are garbage now; collected before the next batch is read, so they are not
      // resident alongside it.
      if (index > 0) collectGarbage();
      // Reading a spill and scoring never wait on the event loop: let it run, so a SIGINT or SIGTERM ends the job
      // (and removes the spill) between batches rather than after the last.
      await new Promise((resolve) => setImmediate(resolve));
      budget.onBatch?.(batch, index, batches.length);
      const [reference, current] = await readBatch(
        files,
        sources.cwd,
        batch,
        spills,
        [referenceShape!, currentShape!],
        withoutRowFacts,
      );
      for (const column of reference!.columns) rowFacts.reference.add(column);
      for (const column of current!.columns) rowFacts.current.add(column);
      const inBatch = new Set(batch);
      const batchOptions: DriftOptions = options.columns
        ? { ...options, columns: options.columns.filter((name) => inBatch.has(name)) }
        : options;
      parts.push(
        await computeDriftPart({ reference: reference!, current: current! }, batchOptions, {
          mapColumns: strategy.mapColumns,
        }),
      );
    }
    return finishDrift(
      parts,
      { reference: referenceShape!, current: currentShape! },
      { reference: rowFacts.reference.finish(), current: rowFacts.current.finish() },
      options,
      { plan: order, reference: referenceNames, current: currentNames },
    );
  }
}

let fullGc: (() => void) | undefined;

/**
 * A full garbage collection. V8 collects typed arrays lazily, by the growth of their external memory, so without
 * this the resident set grew by about a batch's columns per batch on the wide benchmark (50,000 rows × 500 floats
 * under 256 MiB: 182 MiB before the first of 9 batches, 355 MiB before the eighth). A collection between batches
 * costs tens of milliseconds on a heap this size.
 */
function collectGarbage(): void {
  if (!fullGc) {
    setFlagsFromString('--expose-gc');
    fullGc = runInNewContext('gc') as () => void;
  }
  fullGc();
}

/** Bytes the column builders of a spill pass may hold between writes: a quarter of a batch, 4 to 64 MiB. */
function spillBufferBytes(batchBudget: number): number {
  return Math.min(64 * 1024 ** 2, Math.max(4 * 1024 ** 2, Math.floor(batchBudget / 4)));
}

/** The text sources parsed once into spills (Parquet sides: undefined, their batches read column chunks). */
async function spillTextSources(
  files: readonly FileSnapshotSource[],
  cwd: string,
  filter: ColumnFilter | undefined,
  bufferBytes: number,
): Promise<(SpilledFile | undefined)[]> {
  const spills: (SpilledFile | undefined)[] = [];
  try {
    for (const source of files) {
      const format = source.format ?? formatFromPath(source.path);
      if (format === 'parquet') {
        spills.push(undefined);
        continue;
      }
      const writer = new SpillWriter(bufferBytes);
      try {
        const include = columnFilterFunction(filter);
        await readFileSources([source], cwd, filter, async (requests) => {
          const request = requests[0]!;
          const table = await readSnapshot(request.path, { format: request.format, include, spill: writer });
          return [{ table, rowFacts: { duplicatedRows: 0, emptyRows: 0 } }];
        });
      } catch (error) {
        writer.discard();
        throw error;
      }
      spills.push(writer.spilled);
    }
  } catch (error) {
    for (const spill of spills) spill?.close();
    throw error;
  }
  return spills;
}

/**
 * One batch's columns of both sides: from a side's spill when it has one (columns whose cells disagreed on a type
 * are not in it and are read from the file), else from the file.
 */
async function readBatch(
  files: readonly FileSnapshotSource[],
  cwd: string,
  batch: readonly string[],
  spills: readonly (SpilledFile | undefined)[],
  shapes: readonly Table[],
  readFiles: FileReader,
): Promise<Table[]> {
  const tables: Table[] = [];
  for (const [index, source] of files.entries()) {
    const spill = spills[index];
    const fromFile = spill ? batch.filter((name) => spill.mixed.has(name)) : batch;
    const read =
      fromFile.length > 0 || !spill
        ? (await readFileSources([source], cwd, { only: fromFile }, readFiles))[0]!.table
        : undefined;
    if (!spill) {
      tables.push(read!);
      continue;
    }
    const inBatch = new Set(batch);
    const fileColumns = new Map(read?.columns.map((column) => [column.name, column]));
    const columns = spill.names
      .filter((name) => inBatch.has(name))
      .map((name) => (spill.has(name) ? spill.read(name) : fileColumns.get(name)!));
    const loaded = new Set(columns.map((column) => column.name));
    tables.push({
      source: describeSource(source),
      rows: spill.rows,
      columns,
      unloaded: (shapes[index]!.unloaded ?? []).filter((name) => !loaded.has(name)),
    });
  }
  return tables;
}
