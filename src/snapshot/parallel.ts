/**
 * Reads several snapshot files at once, one worker thread each, when running from the bundle (dist/read-worker.js
 * beside the running module) and the files are big enough to pay for a thread; otherwise reads them in this thread.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError, type UserErrorCode } from '../errors.js';
import { readSnapshot, type InputFormat } from './index.js';
import type { Table } from './table.js';

/** Which columns to materialise, as plain data (it crosses a thread boundary). */
export interface ColumnFilter {
  /** Only these columns. */
  readonly only?: readonly string[];
  /** Every column but these. */
  readonly except?: readonly string[];
}

export function columnFilterFunction(
  filter: ColumnFilter | undefined,
): ((name: string) => boolean) | undefined {
  if (filter?.only) {
    const only = new Set(filter.only);
    return (name) => only.has(name);
  }
  if (filter?.except && filter.except.length > 0) {
    const except = new Set(filter.except);
    return (name) => !except.has(name);
  }
  return undefined;
}

export interface ReadRequest {
  readonly path: string;
  readonly format?: InputFormat;
  readonly filter?: ColumnFilter;
}

/** Files smaller than this are read in this thread (a worker costs ~30 ms to start). */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

function workerUrl(): URL | undefined {
  const url = new URL('./read-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

function readInWorker(url: URL, request: ReadRequest): Promise<Table> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: request });
    let settled = false;
    worker.once('message', (message: { table?: Table; error?: { code: UserErrorCode; message: string } }) => {
      settled = true;
      if (message.error) reject(new UserError(message.error.code, message.error.message));
      else resolve(message.table!);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`snapshot reader thread exited with code ${code} before answering`));
    });
  });
}

function bytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the reader reports the missing file with its own message
  }
}

/** Reads every request, in parallel threads when worthwhile; results in request order. */
export async function readSnapshots(requests: readonly ReadRequest[]): Promise<Table[]> {
  const url = workerUrl();
  const parallel =
    url !== undefined &&
    requests.length > 1 &&
    requests.some((request) => bytes(request.path) >= PARALLEL_MIN_BYTES);
  if (parallel) return Promise.all(requests.map((request) => readInWorker(url, request)));
  const tables: Table[] = [];
  for (const request of requests)
    tables.push(
      await readSnapshot(request.path, {
        format: request.format,
        include: columnFilterFunction(request.filter),
      }),
    );
  return tables;
}
