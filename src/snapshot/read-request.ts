/**
 * A request to read one snapshot file, as plain data (it may cross a thread boundary: see src/job/worker-pool.ts).
 */
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

/** Reads every request in this thread, in order. */
export async function readSnapshots(requests: readonly ReadRequest[]): Promise<Table[]> {
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
