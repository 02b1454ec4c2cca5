/** Messages between a compare job and its worker threads (see worker.ts and worker-pool.ts). */
import type { DriftOptions } from '../drift/options.js';
import type { PlannedColumn } from '../drift/plan.js';
import type { ColumnWork } from '../drift/score-column.js';
import type { ColumnTally } from '../drift/summary.js';
import type { UserErrorCode } from '../errors.js';
import type { ReadRequest } from '../snapshot/read-request.js';
import type { RowFacts, Table } from '../snapshot/table.js';

/**
 * A string column with its own label in every row, read on a worker thread whose labels stayed there: the reply
 * carries its codes and its summary tally instead (see worker-pool.ts).
 */
export interface HeldColumn {
  readonly name: string;
  readonly tally: ColumnTally;
}

export type WorkerRequest =
  /** `progress`: the job shows progress, so the thread tells of the bytes it reads ('bytes' replies). */
  | ({ id: number; kind: 'read'; progress: boolean } & ReadRequest)
  | { id: number; kind: 'labels'; read: number; column: string }
  | { id: number; kind: 'tables'; reference: Table; current: Table }
  | { id: number; kind: 'column'; column: PlannedColumn; options: DriftOptions }
  /** The row facts of the table a 'read' request (id `read`) read, counted once its reply has gone. */
  | { id: number; kind: 'rowFacts'; read: number };

export type WorkerReply =
  /**
   * The table read (its row facts are asked for apart: a 'rowFacts' request), and a column whose scoring may settle
   * them (`distinctColumnHint`), when the row facts were asked for and the table has one.
   */
  | { id: number; kind: 'read'; table: Table; held: HeldColumn[]; distinctColumn?: string }
  | { id: number; kind: 'rowFacts'; rowFacts: RowFacts }
  /** Bytes of the file a 'read' request is reading, read since the last such message (the request is not done). */
  | { id: number; kind: 'bytes'; bytes: number }
  | { id: number; kind: 'labels'; dictionary: readonly string[] }
  | { id: number; kind: 'ok' }
  | { id: number; kind: 'column'; work: ColumnWork }
  | {
      id: number;
      kind: 'error';
      error:
        | { user: true; code: UserErrorCode; message: string; field?: string }
        /** A read request's row limit was exceeded (see src/snapshot/row-limit.ts). */
        | { user: false; rowLimit: { path: string; maxRows: number }; message: string }
        | { user: false; message: string };
    };
