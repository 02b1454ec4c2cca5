/**
 * Two worker threads for a compare job on big snapshots: they read the reference and the current snapshot at once,
 * then score columns from a shared queue (the report is assembled on the main thread). The pool is two strategies
 * the job hands to the seams below it: a file reader for `readSnapshotPair` and a column mapper for `computeDrift`.
 * Used only when running from the bundle, where dist/worker.js sits beside the running module, and when a snapshot
 * file is big enough to pay for the threads' start-up (see prestart.ts, which the launcher may have started them with).
 */
import { Worker } from 'node:worker_threads';
import type { ColumnMapper } from '../drift/engine.js';
import type { PlannedColumn } from '../drift/plan.js';
import type { ColumnWork, TablePair } from '../drift/score-column.js';
import type { ColumnTally } from '../drift/summary.js';
import { UserError } from '../errors.js';
import type { BytesRead } from '../snapshot/byte-source.js';
import { heldLabelsArray } from '../snapshot/column-builder.js';
import type { FileReader, ReadResult } from '../snapshot/read-request.js';
import { RowLimitExceeded } from '../snapshot/row-limit.js';
import { getColumn, type Column, type RowFacts, type Table } from '../snapshot/table.js';
import { takePrestartedWorkers, THREADS, wantsThreads, WORKER_OPTIONS, workerUrl } from './prestart.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/** The row facts of a read that was not to count them (a batch of columns). */
const NO_ROW_FACTS: RowFacts = { duplicatedRows: 0, emptyRows: 0 };

type Pending = {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  /** A read request's progress. */
  onBytes?: BytesRead;
};
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The row facts of a table read with a column whose scoring may settle them (`distinctColumnHint`): the column's
 * name, and what settles them once: `settle(true)` when its tally showed a value in every row and no value twice
 * (then no two rows are equal and none is empty), `settle(false)` to have its thread count them.
 */
interface RowFactsAwaitingScore {
  readonly column: string;
  readonly settle: (proven: boolean) => void;
}

/** Whether a side's tally of a column over a table of `rows` rows shows a present value in every row, each its own. */
function valuesAllDiffer(tally: ColumnTally | undefined, rows: number): boolean {
  return tally !== undefined && tally.summary.missing.count === 0 && tally.summary.distinct === rows;
}

/**
 * What the threads need of a table to score the planned columns: those columns only (numbers and codes live in
 * shared memory, so they cost nothing to send), and a text column without its labels: it is reported skipped with
 * its sizes, and an id's million labels would otherwise be copied to every thread.
 */
function scoringTable(table: Table, columns: readonly PlannedColumn[]): Table {
  const types = new Map(columns.map((column) => [column.name, column.type]));
  return {
    source: table.source,
    rows: table.rows,
    columns: table.columns.flatMap((column): Column[] => {
      const type = types.get(column.name);
      if (type === undefined) return [];
      return type === 'text' && column.type === 'string' ? [{ ...column, dictionary: [] }] : [column];
    }),
  };
}

export class WorkerPool {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /**
   * Why a thread stopped before it was asked to (it threw as it loaded, or exited): the pool starts while the job
   * still checks the files, so a thread can fail before any request is pending, and every later request fails so.
   */
  private broken: Error | undefined;
  private closing = false;

  /** Summary tallies of the id columns whose labels stayed on the threads (see {@link readFiles}). */
  private readonly heldTallies = new WeakMap<Column, ColumnTally>();
  /** Tables read whose row facts wait for the scoring of a column (see {@link readFiles}), by the table given out. */
  private readonly awaitingScore = new WeakMap<Table, RowFactsAwaitingScore>();

  private constructor(
    private readonly workers: Worker[],
    private readonly needsLabels: (column: string) => boolean,
    failure?: Error,
  ) {
    this.broken = failure;
    for (const worker of workers) {
      worker.on('message', (reply: WorkerReply) => {
        const pending = this.pending.get(reply.id);
        if (!pending) return;
        if (reply.kind === 'bytes') {
          pending.onBytes?.(reply.bytes);
          return;
        }
        this.pending.delete(reply.id);
        if (reply.kind === 'error') {
          const failure = reply.error;
          pending.reject(
            failure.user
              ? new UserError(failure.code, failure.message, failure.field)
              : 'rowLimit' in failure
                ? new RowLimitExceeded(failure.rowLimit.path, failure.rowLimit.maxRows)
                : new Error(`worker thread: ${failure.message}`),
          );
        } else pending.resolve(reply);
      });
      worker.on('error', (error) => {
        this.broken ??= error;
        this.failAll(error);
      });
      worker.on('exit', (code) => {
        const error = new Error(`worker thread exited with code ${code}`);
        if (!this.closing) this.broken ??= error;
        if (this.pending.size > 0) this.failAll(error);
      });
    }
  }

  /**
   * A pool when the bundle's worker file is present and some file is big, else undefined (work in this thread).
   *
   * @param needsLabels columns whose labels the main thread reads whatever their shape (the target, forced types,
   *   the model's columns)
   */
  static forFiles(
    paths: readonly string[],
    needsLabels: (column: string) => boolean = () => false,
  ): WorkerPool | undefined {
    const url = workerUrl();
    const big = wantsThreads(paths);
    // Threads the launcher started for these files (see prestart.ts), else started now.
    const prestarted = takePrestartedWorkers();
    if (!url || !big) {
      for (const worker of prestarted?.workers ?? []) void worker.terminate();
      return undefined;
    }
    return new WorkerPool(
      prestarted?.workers ?? Array.from({ length: THREADS }, () => new Worker(url, WORKER_OPTIONS)),
      needsLabels,
      prestarted?.failure,
    );
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private send(worker: Worker, request: Request, onBytes?: BytesRead): Promise<WorkerReply> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onBytes });
      worker.postMessage({ ...request, id });
    });
  }

  /**
   * Reads each file on its own thread, with its row facts; tables come back in shared memory. A string column with
   * its own label in every row of every file (an id left in the data, skipped as such) comes without its labels:
   * its dictionary is an empty array of the right length, its summary tally is kept for {@link mapColumns}. Where
   * the labels may be needed (the column is not an id in every file, or `needsLabels` says so) they are fetched.
   */
  readonly readFiles: FileReader = async (requests, onBytes) => {
    // A thread counts its table's row facts as soon as it has sent the table (asked for then, before anything else
    // is queued there), so the thread that read first counts its facts while the other still reads, and scores
    // columns while the other counts its own. A table with a column of doubles that may hold a value in every row,
    // no two alike (its thread names it), waits instead for that column's scoring, which counts its distinct and
    // missing values anyway: when they show it, no row is duplicated or empty and the rows are never searched (12
    // float columns of a million distinct values: ~100 ms of each thread); else the thread counts them when the
    // report asks for them.
    const rowFacts: PromiseLike<RowFacts>[] = [];
    const awaiting: (RowFactsAwaitingScore | undefined)[] = [];
    const replies = (await Promise.all(
      requests.map((request, index) => {
        const worker = this.workers[index % this.workers.length]!;
        const read = { kind: 'read' as const, ...request, progress: onBytes !== undefined };
        return this.send(worker, read, onBytes).then((reply) => {
          const answer = reply as Extract<WorkerReply, { kind: 'read' }>;
          if (request.rowFacts === false) rowFacts[index] = Promise.resolve(NO_ROW_FACTS);
          else if (answer.distinctColumn !== undefined) {
            const wait = this.rowFactsOnceScored(worker, answer.id, answer.distinctColumn);
            awaiting[index] = wait.awaiting;
            rowFacts[index] = wait.facts;
          } else {
            const facts = this.countRowFacts(worker, answer.id);
            // Awaited by the report; a failure before then is the pool's failure already.
            facts.catch(() => undefined);
            rowFacts[index] = facts;
          }
          return reply;
        });
      }),
    )) as Extract<WorkerReply, { kind: 'read' }>[];
    const heldEverywhere = (name: string) =>
      replies.every((reply) => reply.held.some((held) => held.name === name)) && !this.needsLabels(name);
    return Promise.all(
      replies.map(async (reply, index): Promise<ReadResult> => {
        const { table, held } = reply;
        const facts = rowFacts[index]!;
        const wait = awaiting[index];
        if (held.length === 0) {
          if (wait) this.awaitingScore.set(table, wait);
          return { table, rowFacts: facts };
        }
        const columns = await Promise.all(
          table.columns.map(async (column): Promise<Column> => {
            const kept = held.find((entry) => entry.name === column.name);
            if (!kept || column.type !== 'string') return column;
            if (heldEverywhere(column.name)) {
              const light: Column = { ...column, dictionary: heldLabelsArray(column.codes.length) };
              this.heldTallies.set(light, kept.tally);
              return light;
            }
            const labels = await this.send(this.workers[index % this.workers.length]!, {
              kind: 'labels',
              read: reply.id,
              column: column.name,
            });
            return { ...column, dictionary: (labels as Extract<WorkerReply, { kind: 'labels' }>).dictionary };
          }),
        );
        const whole = { ...table, columns };
        if (wait) this.awaitingScore.set(whole, wait);
        return { table: whole, rowFacts: facts };
      }),
    );
  };

  /** The row facts a thread counts of the table its read request `read` read. */
  private countRowFacts(worker: Worker, read: number): Promise<RowFacts> {
    return this.send(worker, { kind: 'rowFacts', read }).then(
      (counted) => (counted as Extract<WorkerReply, { kind: 'rowFacts' }>).rowFacts,
    );
  }

  /**
   * Row facts that wait for the scoring of `column` (see {@link readFiles}): settled by {@link mapColumns} as soon
   * as that column is scored (none duplicated or empty, or counted by the thread from then), or once every column
   * is; when they are awaited before, they are counted then.
   */
  private rowFactsOnceScored(
    worker: Worker,
    read: number,
    column: string,
  ): { awaiting: RowFactsAwaitingScore; facts: PromiseLike<RowFacts> } {
    let settled: Promise<RowFacts> | undefined;
    const settle = (proven: boolean): Promise<RowFacts> => {
      if (settled === undefined) {
        settled = proven ? Promise.resolve(NO_ROW_FACTS) : this.countRowFacts(worker, read);
        // Awaited by the report; a failure before then is the pool's failure already.
        settled.catch(() => undefined);
      }
      return settled;
    };
    return {
      awaiting: { column, settle },
      facts: { then: (onFulfilled, onRejected) => settle(false).then(onFulfilled, onRejected) },
    };
  }

  /** Settles the row facts of a table that waited for this column's scoring (see {@link rowFactsOnceScored}). */
  private settleRowFacts(work: ColumnWork, tables: TablePair): void {
    for (const [table, tally] of [
      [tables.reference, work.referenceTally],
      [tables.current, work.currentTally],
    ] as const) {
      const wait = this.awaitingScore.get(table);
      if (wait?.column === work.result.column) wait.settle(valuesAllDiffer(tally, table.rows));
    }
  }

  /** Scores the planned columns on both threads, each given the next column as it finishes one; plan order kept. */
  readonly mapColumns: ColumnMapper = async (columns, tables, options, scored) => {
    const reference = scoringTable(tables.reference, columns);
    const current = scoringTable(tables.current, columns);
    // Each thread scores columns as soon as it has the tables, not once both have them: a thread still counting its
    // snapshot's row facts (see readFiles) takes the tables after, while the other thread scores.
    const ready = new Map(
      this.workers.map((worker) => [worker, this.send(worker, { kind: 'tables', reference, current })]),
    );
    // Row facts waiting for a column that is not to be scored (an id left out, a column not selected) are counted
    // now, while the columns are scored.
    for (const table of [tables.reference, tables.current]) {
      const wait = this.awaitingScore.get(table);
      if (wait && !columns.some((column) => column.name === wait.column)) wait.settle(false);
    }
    const works: ColumnWork[] = new Array(columns.length);
    let next = 0;
    let done = 0;
    // Two requests in flight per thread: the next column is already queued there when one is scored, so the thread
    // does not wait for this thread to read the reply and send it another (a wide table's columns take milliseconds).
    await Promise.all(
      this.workers
        .flatMap((worker) => [worker, worker])
        .map(async (worker) => {
          await ready.get(worker);
          while (next < columns.length) {
            const index = next++;
            const reply = await this.send(worker, { kind: 'column', column: columns[index]!, options });
            const work = (reply as Extract<WorkerReply, { kind: 'column' }>).work;
            this.settleRowFacts(work, tables);
            works[index] = this.withHeldTallies(work, tables);
            scored?.(++done, columns.length);
          }
        }),
    );
    // Row facts the scoring did not settle (their column had no tallies) are counted now, on both threads at once.
    for (const table of [tables.reference, tables.current]) this.awaitingScore.get(table)?.settle(false);
    return works;
  };

  /** A skipped id column's work with the summary tallies its reading threads computed (its labels stayed there). */
  private withHeldTallies(work: ColumnWork, tables: TablePair): ColumnWork {
    if (work.referenceTally || work.currentTally) return work;
    const reference = getColumn(tables.reference, work.result.column);
    const current = getColumn(tables.current, work.result.column);
    const referenceTally = reference && this.heldTallies.get(reference);
    const currentTally = current && this.heldTallies.get(current);
    if (!referenceTally || !currentTally) return work;
    return { ...work, referenceTally, currentTally };
  }

  /** Stops the threads (an open worker keeps the process alive). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
