/**
 * Request bodies for the load generator: a JSON Lines file, one JSON document per non-blank line; read here, and
 * written from a snapshot by `driftwatch payloads`.
 */
import { UserError } from '../errors.js';
import type { FeatureValue } from '../predictor/model.js';
import { cellValue } from '../predictor/train.js';
import { getColumn, type Table } from '../snapshot/table.js';
import { readTextFile } from '../util/fs.js';

/**
 * Reads a JSONL payload file into request bodies (each line re-serialised compactly).
 * @throws {UserError} naming `path:line` for a line that is not JSON, or when the file has no payload
 */
export async function readPayloads(path: string): Promise<Buffer[]> {
  const text = await readTextFile(path, '--payloads');
  const payloads: Buffer[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      payloads.push(Buffer.from(JSON.stringify(JSON.parse(line))));
    } catch (error) {
      throw new UserError(
        'PARSE',
        `${path}:${index + 1}: not JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  });
  if (payloads.length === 0) throw new UserError('EMPTY_FILE', `${path}: no payload lines`);
  return payloads;
}

/** What each request body of {@link payloadLines} holds. */
export type PayloadBody = 'user_id' | 'features';

export interface PayloadOptions {
  /** Column holding the user id (`user_id` bodies). */
  readonly idColumn: string;
  /** `{"user_id": …}` (the predictor looks the row up) or `{"features": {…}}` (the row's values, sent as given). */
  readonly body: PayloadBody;
  /** Feature columns of `features` bodies, in order (the model's features). */
  readonly features: readonly string[];
  /** Rows written at most, from the first; null: every row. */
  readonly limit: number | null;
}

/**
 * Request bodies for the predictor from a snapshot, one JSON document per line (pure). Rows without an id are
 * skipped for `user_id` bodies.
 * @throws {UserError} COLUMN_MISSING naming the snapshot and the column
 */
export function payloadLines(table: Table, options: PayloadOptions): string {
  const rows = options.limit === null ? table.rows : Math.min(options.limit, table.rows);
  const lines: string[] = [];
  if (options.body === 'user_id') {
    const column = getColumn(table, options.idColumn);
    if (!column)
      throw new UserError(
        'COLUMN_MISSING',
        `${table.source}: id column '${options.idColumn}' not found (columns: ${table.columns.map((c) => c.name).join(', ')})`,
      );
    for (let row = 0; row < rows; row++) {
      const id = cellValue(column, row);
      if (id !== null) lines.push(JSON.stringify({ user_id: id }));
    }
  } else {
    const columns = options.features.map((name) => {
      const column = getColumn(table, name);
      if (!column)
        throw new UserError('COLUMN_MISSING', `${table.source}: feature column '${name}' not found`);
      return column;
    });
    for (let row = 0; row < rows; row++) {
      const features: Record<string, FeatureValue> = {};
      columns.forEach((column, index) => (features[options.features[index]!] = cellValue(column, row)));
      lines.push(JSON.stringify({ features }));
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
