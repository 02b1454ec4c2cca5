/**
 * Worker entry (bundled as dist/read-worker.js): reads one snapshot file and transfers its columns back, so the
 * reference and the current snapshot are parsed on two cores at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { readSnapshot } from './index.js';
import { columnFilterFunction, type ReadRequest } from './parallel.js';

const request = workerData as ReadRequest;
try {
  const table = await readSnapshot(request.path, {
    format: request.format,
    include: columnFilterFunction(request.filter),
  });
  const buffers = table.columns.map((column) =>
    column.type === 'string' ? column.codes.buffer : column.values.buffer,
  );
  parentPort!.postMessage({ table }, buffers as ArrayBuffer[]);
} catch (error) {
  if (error instanceof UserError)
    parentPort!.postMessage({ error: { code: error.code, message: error.message } });
  else throw error;
}
