/** Messages between a compare job and its worker threads (see worker.ts and worker-pool.ts). */
import type { ColumnWork, DriftOptions } from '../drift/engine.js';
import type { ColumnType } from '../drift/types.js';
import type { UserErrorCode } from '../errors.js';
import type { InputFormat } from '../snapshot/index.js';
import type { ColumnFilter } from '../snapshot/read-request.js';
import type { Table } from '../snapshot/table.js';

export type WorkerRequest =
  | { id: number; kind: 'read'; path: string; format?: InputFormat; filter?: ColumnFilter }
  | { id: number; kind: 'tables'; reference: Table; current: Table }
  | { id: number; kind: 'column'; name: string; type: ColumnType; options: DriftOptions };

export type WorkerReply =
  | { id: number; kind: 'table'; table: Table; duplicatedRows: number }
  | { id: number; kind: 'ok' }
  | { id: number; kind: 'column'; work: ColumnWork }
  | {
      id: number;
      kind: 'error';
      error: { user: true; code: UserErrorCode; message: string } | { user: false; message: string };
    };
