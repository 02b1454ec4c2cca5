/**
 * Worker thread entry (bundled as dist/worker.js beside dist/cli.js and dist/index.js). A compare job keeps two of
 * these: each first reads one snapshot (the two are parsed at once) with its row facts, then both score columns
 * from a shared queue. Tables live in SharedArrayBuffers, so every thread reads the same memory and nothing is
 * copied per column.
 */
import { parentPort } from 'node:worker_threads';
import { useScaledDecoders } from '../drift/doubles.js';
import { useScaledSorter } from '../drift/kernels/decimal-sort.js';
import { useScaledPooler } from '../drift/kernels/pooled.js';
import type { TablePair } from '../drift/score-column.js';
import { summarizeColumn, TOP_VALUES, uniqueLabelsTally } from '../drift/summary.js';
import { UserError } from '../errors.js';
import { labelStoreOf, withLabels } from '../snapshot/column-builder.js';
import { ColumnSorter, ScaledDecoder } from '../snapshot/numeric-records.js';
import { readRequest } from '../snapshot/read-request.js';
import { distinctColumnHint, rowFactsOf } from '../snapshot/row-facts.js';
import { RowLimitExceeded } from '../snapshot/row-limit.js';
import { isScaled, type Column, type Table } from '../snapshot/table.js';
import type { HeldColumn, WorkerReply, WorkerRequest } from './worker-protocol.js';
import { useDoubleSorter } from '../util/sort.js';

// Columns are decoded (compact ones) and sorted for scoring by the reader's compiled module where WebAssembly is on.
useScaledDecoders(ScaledDecoder.create);
useScaledSorter(ColumnSorter.forThread);
useScaledPooler(ColumnSorter.poolerForThread);
useDoubleSorter(ColumnSorter.forThread);

/** String columns with a label in every row and at least this many rows keep their labels on the reading thread. */
export const HELD_MIN_ROWS = 50_000;

/** Labels this thread kept, by the id of the read request and the column name (made into strings when asked). */
const heldLabels = new Map<string, () => readonly string[]>();

/**
 * The table to send to the main thread: a string column with its own label in every row (an id, which is skipped)
 * keeps its labels here and goes without them, with its summary tally; the main thread asks for the labels only
 * when it needs them.
 */
function withoutIdLabels(table: Table, read: number): { table: Table; held: HeldColumn[] } {
  const held: HeldColumn[] = [];
  const columns = table.columns.map((column): Column => {
    if (column.type !== 'string' || column.codes.length < HELD_MIN_ROWS) return withLabels(column);
    if (column.dictionary.length !== column.codes.length) return withLabels(column);
    const key = `${read}\u0000${column.name}`;
    const store = labelStoreOf(column);
    if (store?.ordersAsStrings) {
      // Labels still as bytes (the CSV reader kept them so): the summary needs only the smallest few, and bytes
      // order them as strings do here; the rest are decoded only if the main thread asks for them.
      const smallest = store.smallest(TOP_VALUES).map((code) => store.decode(code));
      heldLabels.set(key, () => store.decodeInto([]));
      held.push({ name: column.name, tally: uniqueLabelsTally(column.name, smallest, table.rows) });
    } else {
      const labelled = withLabels(column) as Column & { type: 'string' };
      heldLabels.set(key, () => labelled.dictionary);
      held.push({ name: column.name, tally: summarizeColumn(labelled, table.rows, undefined, 'text') });
    }
    return { ...column, dictionary: [] };
  });
  return { table: { ...table, columns }, held };
}

function shared<T extends Float64Array | Int32Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array; // the CSV reader allocates shared already
  const copy = new (array.constructor as { new (buffer: SharedArrayBuffer): T })(
    new SharedArrayBuffer(array.byteLength),
  );
  copy.set(array as never);
  return copy;
}

/** The table with every column's storage moved into shared memory. */
function inSharedMemory(table: Table): Table {
  const columns = table.columns.map((column): Column => {
    if (column.type === 'string') return { ...column, codes: shared(column.codes) };
    if (column.type === 'datetime' || !isScaled(column.values))
      return { ...column, values: shared(column.values as Float64Array) };
    // Scaled integers travel as they are: the message clones the object and shares its digits' memory.
    return { ...column, values: { ...column.values, digits: shared(column.values.digits) } };
  });
  return { ...table, columns };
}

let tables: TablePair | undefined;

/** Tables read whose row facts are still to be counted, by the id of their read request (with every label). */
const unfactored = new Map<number, Table>();

/**
 * The scoring code (the stat tests, their special functions and kernels: most of this thread's JavaScript), loaded
 * once the snapshot is read: a thread starts reading without compiling it, and loads it while the other thread may
 * still be reading or the main thread plans the columns.
 */
let scoringModule: Promise<typeof import('../drift/score-column.js')> | undefined;
const scoring = () => (scoringModule ??= import('../drift/score-column.js'));

/**
 * The least time between two 'bytes' messages of a read. A message a chunk read (2 MiB) was ~340 for the two
 * 343 MiB files of shape g of `npm run bench -- compare`, each a postMessage of the reading thread (~57 ms of the two
 * threads' CPU in a profile, whether a progress line was shown or not); a progress line is redrawn at most a few times
 * a second.
 */
const BYTES_MESSAGE_MS = 100;

/** Tells the job of a read's bytes, at most every {@link BYTES_MESSAGE_MS}; `flush` sends what is left. */
function bytesMessages(id: number): { read: (bytes: number) => void; flush: () => void } {
  let unsent = 0;
  let sentAt = performance.now();
  const flush = () => {
    if (unsent > 0) parentPort!.postMessage({ id, kind: 'bytes', bytes: unsent } satisfies WorkerReply);
    unsent = 0;
    sentAt = performance.now();
  };
  return {
    read: (bytes) => {
      unsent += bytes;
      if (performance.now() - sentAt >= BYTES_MESSAGE_MS) flush();
    },
    flush,
  };
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.kind) {
    case 'read': {
      // Row facts need only this table: they are counted here once the table has gone (a 'rowFacts' request), so
      // the other thread can score columns meanwhile when it read its snapshot first.
      const bytes = request.progress ? bytesMessages(request.id) : undefined;
      const { table } = await readRequest({ ...request, rowFacts: false }, true, bytes?.read);
      bytes?.flush();
      if (request.rowFacts !== false) unfactored.set(request.id, table);
      // Held labels first: a column whose labels are still bytes is known by its object (see labelStoreOf).
      const light = withoutIdLabels(table, request.id);
      light.table = inSharedMemory(light.table);
      // Loaded now, beside the reply; a failure to load is reported by the first column request that awaits it.
      scoring().catch(() => undefined);
      const distinctColumn = request.rowFacts === false ? undefined : distinctColumnHint(table);
      return {
        id: request.id,
        kind: 'read',
        table: light.table,
        held: light.held,
        ...(distinctColumn === undefined ? {} : { distinctColumn }),
      };
    }
    case 'rowFacts': {
      const table = unfactored.get(request.read);
      if (!table) throw new Error(`worker: no table read by request ${request.read} to count rows of`);
      unfactored.delete(request.read);
      return { id: request.id, kind: 'rowFacts', rowFacts: rowFactsOf(table) };
    }
    case 'labels': {
      const labels = heldLabels.get(`${request.read}\u0000${request.column}`);
      if (!labels) throw new Error(`worker: no labels kept for column '${request.column}'`);
      return { id: request.id, kind: 'labels', dictionary: labels() };
    }
    case 'tables':
      tables = { reference: request.reference, current: request.current };
      return { id: request.id, kind: 'ok' };
    case 'column': {
      if (!tables) throw new Error('worker: column requested before the tables');
      const { scoreColumn } = await scoring();
      return { id: request.id, kind: 'column', work: scoreColumn(request.column, tables, request.options) };
    }
  }
}

parentPort!.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) => {
      const failure =
        error instanceof UserError
          ? { user: true as const, code: error.code, message: error.message, field: error.field }
          : error instanceof RowLimitExceeded
            ? {
                user: false as const,
                rowLimit: { path: error.path, maxRows: error.maxRows },
                message: error.message,
              }
            : {
                user: false as const,
                message: error instanceof Error ? (error.stack ?? error.message) : String(error),
              };
      parentPort!.postMessage({ id: request.id, kind: 'error', error: failure } satisfies WorkerReply);
    },
  );
});
