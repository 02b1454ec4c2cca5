/**
 * Two worker threads for a compare job on big snapshots: they read the reference and the current snapshot at once,
 * then score columns from a shared queue (the report is assembled on the main thread). The pool is two strategies
 * the job hands to the seams below it: a file reader for `readSnapshotPair` and a column mapper for `computeDrift`.
 * Used only when running from the bundle, where dist/worker.js sits beside the running module, and when a snapshot
 * file is big enough to pay for the threads' start-up (~30 ms each).
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ColumnMapper } from '../drift/engine.js';
import type { ColumnWork } from '../drift/score-column.js';
import { UserError } from '../errors.js';
import type { BytesRead } from '../snapshot/byte-source.js';
import type { FileReader, ReadResult } from '../snapshot/read-request.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/** Files at least this big make a job use worker threads. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
const THREADS = 2;

type Pending = {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  /** A read request's progress. */
  onBytes?: BytesRead;
};
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class WorkerPool {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  private constructor(private readonly workers: Worker[]) {
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
              : new Error(`worker thread: ${failure.message}`),
          );
        } else pending.resolve(reply);
      });
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) => {
        if (this.pending.size > 0) this.failAll(new Error(`worker thread exited with code ${code}`));
      });
    }
  }

  /** A pool when the bundle's worker file is present and some file is big, else undefined (work in this thread). */
  static forFiles(paths: readonly string[]): WorkerPool | undefined {
    const url = new URL('./worker.js', import.meta.url);
    if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
    const big = paths.some((path) => {
      try {
        return statSync(path).size >= PARALLEL_MIN_BYTES;
      } catch {
        return false; // the reader reports a missing file with its own message
      }
    });
    if (!big) return undefined;
    return new WorkerPool(Array.from({ length: THREADS }, () => new Worker(url)));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private send(worker: Worker, request: Request, onBytes?: BytesRead): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onBytes });
      worker.postMessage({ ...request, id });
    });
  }

  /** Reads each file on its own thread, with its row facts; tables come back in shared memory. */
  readonly readFiles: FileReader = async (requests, onBytes) => {
    const replies = await Promise.all(
      requests.map((request, index) =>
        this.send(this.workers[index % this.workers.length]!, { kind: 'read', ...request }, onBytes),
      ),
    );
    return replies.map((reply): ReadResult => {
      const { table, rowFacts } = reply as Extract<WorkerReply, { kind: 'read' }>;
      return { table, rowFacts };
    });
  };

  /** Scores the planned columns on both threads, each taking the next column when it is free; plan order kept. */
  readonly mapColumns: ColumnMapper = async (columns, { reference, current }, options, scored) => {
    await Promise.all(
      this.workers.map((worker) => this.send(worker, { kind: 'tables', reference, current })),
    );
    const works: ColumnWork[] = new Array(columns.length);
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.map(async (worker) => {
        while (next < columns.length) {
          const index = next++;
          const reply = await this.send(worker, { kind: 'column', column: columns[index]!, options });
          works[index] = (reply as Extract<WorkerReply, { kind: 'column' }>).work;
          scored?.(++done, columns.length);
        }
      }),
    );
    return works;
  };

  /** Stops the threads (an open worker keeps the process alive). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
