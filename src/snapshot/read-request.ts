/**
 * A request to read one snapshot file, as plain data: it may cross a thread boundary (a compare job can read its two
 * files on worker threads, see src/job/worker-pool.ts).
 */
import type { BytesRead } from './byte-source.js';
import { readSnapshot, type InputFormat } from './index.js';
import { rowFactsOf } from './row-facts.js';
import type { RowFacts, Table } from './table.js';

/** Which columns to materialise, as plain data (it crosses a thread boundary). */
export interface ColumnFilter {
  /** Only these columns. */
  readonly only?: readonly string[];
  /** Every column but these. */
  readonly except?: readonly string[];
}

/** The filter as a predicate on column names; undefined when it keeps every column. */
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
  /** Count the row facts of the columns read (default); a reader of one column batch counts them itself. */
  readonly rowFacts?: boolean;
  /** CSV/TSV only: at most this many data rows, else `RowLimitExceeded` (see row-limit.ts). */
  readonly maxRows?: number;
}

/** One file read: its table and the facts that need whole rows (counted later by a reader on another thread). */
export interface ReadResult {
  readonly table: Table;
  readonly rowFacts: RowFacts | PromiseLike<RowFacts>;
}

/**
 * How a caller has files read: in this thread by default, or on worker threads. `onBytes` is told of the files'
 * bytes as they are read (all files together), for a caller that shows progress.
 */
export type FileReader = (requests: readonly ReadRequest[], onBytes?: BytesRead) => Promise<ReadResult[]>;

/**
 * Reads one file and computes its row facts (the work a worker thread does for one request).
 *
 * @param sharedMemory allocate the columns in SharedArrayBuffers (CSV/TSV), for other threads to read
 * @param onBytes told of the file's bytes as they are read
 */
export async function readRequest(
  request: ReadRequest,
  sharedMemory = false,
  onBytes?: BytesRead,
): Promise<ReadResult> {
  const table = await readSnapshot(request.path, {
    format: request.format,
    include: columnFilterFunction(request.filter),
    sharedMemory,
    onBytes,
    maxRows: request.maxRows,
  });
  return {
    table,
    rowFacts: request.rowFacts === false ? { duplicatedRows: 0, emptyRows: 0 } : rowFactsOf(table),
  };
}

/** Reads every request in this thread, in order. */
export const readInThisThread: FileReader = async (requests, onBytes) => {
  const results: ReadResult[] = [];
  for (const request of requests) results.push(await readRequest(request, false, onBytes));
  return results;
};
