/**
 * Snapshot readers: a file path (or `git:<rev>:<path>` materialised by the caller) into a columnar Table.
 * The format comes from the extension (after a `.gz`, which means gzip-compressed) unless given.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { isGzipPath, type BytesRead } from './byte-source.js';
import { readDelimited } from './csv.js';
import { readJsonLines } from './jsonl.js';
import type { SpillWriter } from './spill.js';
import type { Table } from './table.js';

export const INPUT_FORMATS = ['csv', 'tsv', 'jsonl', 'parquet'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface ReadSnapshotOptions {
  /** Overrides the format chosen by the extension (the `inputFormat` setting). */
  readonly format?: InputFormat;
  /** Columns to materialise; others are skipped (still validated for shape). Default: all. */
  readonly include?: (name: string) => boolean;
  /** CSV/TSV: allocate columns in SharedArrayBuffers (for worker threads); other formats ignore it. */
  readonly sharedMemory?: boolean;
  /**
   * Told of the file's bytes as they are read (compressed bytes for `.gz`), for a caller that shows progress; a
   * Parquet file is told whole once read.
   */
  readonly onBytes?: BytesRead;
  /** CSV/TSV/JSON Lines: write the included columns to this spill instead of keeping them (see spill.ts). */
  readonly spill?: SpillWriter;
  /**
   * CSV/TSV: at most this many data rows, or the read throws `RowLimitExceeded` (see row-limit.ts) as it meets the
   * next one. Other formats take no limit (giving one is a programming error, thrown as such).
   */
  readonly maxRows?: number;
}

/**
 * The format implied by a file name (a final `.gz` is skipped), or undefined when the extension is not one we know.
 *
 * @example
 * formatFromPath('month_001.tsv.gz'); // => 'tsv'
 */
export function formatFromPath(path: string): InputFormat | undefined {
  const extension = extname(path.replace(/\.(gz)$/i, '')).toLowerCase();
  switch (extension) {
    case '.csv':
      return 'csv';
    case '.tsv':
    case '.tab':
      return 'tsv';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.parquet':
    case '.pq':
      return 'parquet';
    default:
      return undefined;
  }
}

/**
 * Reads a snapshot file into a Table. CSV, TSV and JSON Lines files named `.gz` are decompressed as they are read.
 *
 * @throws {UserError} when the format is unknown, the file unreadable or malformed (one line naming the file)
 */
export async function readSnapshot(path: string, options: ReadSnapshotOptions = {}): Promise<Table> {
  const format = options.format ?? formatFromPath(path);
  if (!format)
    throw new UserError(
      'USAGE',
      `${path}: cannot tell the format from the extension (${INPUT_FORMATS.join(', ')}); name the input format`,
    );
  if (options.maxRows !== undefined && format !== 'csv' && format !== 'tsv')
    throw new Error(`readSnapshot: a row limit is for CSV and TSV files, not ${format}`);
  if (format === 'parquet' && isGzipPath(path))
    throw new UserError(
      'USAGE',
      `${path}: a Parquet file compresses its own pages; gzip is read for csv, tsv and jsonl only`,
    );
  switch (format) {
    case 'csv':
      return readDelimited(path, {
        delimiter: 0x2c,
        include: options.include,
        sharedMemory: options.sharedMemory,
        // The reading threads hold an id's labels back (they are decoded only if asked for).
        deferUniqueLabels: options.sharedMemory,
        onBytes: options.onBytes,
        spill: options.spill,
        maxRows: options.maxRows,
      });
    case 'tsv':
      return readDelimited(path, {
        delimiter: 0x09,
        include: options.include,
        sharedMemory: options.sharedMemory,
        // The reading threads hold an id's labels back (they are decoded only if asked for).
        deferUniqueLabels: options.sharedMemory,
        onBytes: options.onBytes,
        spill: options.spill,
        maxRows: options.maxRows,
      });
    case 'jsonl':
      return readJsonLines(path, options.include, options.onBytes, options.spill);
    case 'parquet': {
      if (options.spill)
        throw new Error('a Parquet file reads its column chunks by batch; it is not spilled');
      // The Parquet library is loaded only for a Parquet file: readers of text files never pay for it.
      const { readParquet } = await import('./parquet.js');
      const table = await readParquet(path, options.include);
      options.onBytes?.(statSync(path).size);
      return table;
    }
  }
}

export type { Table } from './table.js';
