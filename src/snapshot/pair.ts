/**
 * The one reader seam of a comparison: both snapshots from their sources (files, `git:` sources or PostgreSQL,
 * as columns or as value counts computed by the database), with the facts that need whole rows and the labels
 * the sources suggest. Whatever the source, the drift engine receives a {@link SnapshotPair}.
 */
import { UserError } from '../errors.js';
import type { BytesRead } from './byte-source.js';
import { readFileSources } from './files.js';
import {
  snapshotSettingsOf,
  type DatabaseSettingNames,
  type PostgresSnapshotSource,
} from './postgres/source.js';
import { columnFilterFunction, type ColumnFilter, type FileReader } from './read-request.js';
import { rowFactsOf } from './row-facts.js';
import { defaultLabel, type FileSnapshotSource, type SnapshotSource } from './source.js';
import type { RowFacts, SnapshotPair, SummarizePolicy, Table } from './table.js';

/** Where the two snapshots of a comparison come from (the compare settings satisfy it). */
export interface SnapshotPairSources {
  readonly reference: SnapshotSource;
  readonly current: SnapshotSource;
  /** Working directory for relative paths and git. */
  readonly cwd: string;
  /** How the surface names the database settings, for messages (default: neutral names). */
  readonly names?: DatabaseSettingNames;
}

/** How the pair is read. */
export interface SnapshotPairOptions {
  /** Columns worth reading (ids and excluded columns are never materialised, or never sent by a server). */
  readonly columns?: ColumnFilter;
  /** How files are read: in this thread by default; a compare job may pass its worker threads. */
  readonly readFiles?: FileReader;
  /** Told of the files' bytes as they are read (both files together), for a caller that shows progress. */
  readonly onBytes?: BytesRead;
  /** With `compute: database`, when a numeric column is summarised in the database instead of counted. */
  readonly summarize?: SummarizePolicy;
}

/** Both snapshots, their row facts and the labels their sources suggest. */
export interface ReadSnapshotPair extends SnapshotPair {
  /** Default report labels: file names without extension (`name@rev` for git), or the resolved as_of values. */
  readonly labels: { readonly reference: string; readonly current: string };
}

/** A table naming, as not loaded, the columns the source has but the reader skipped. */
function withUnloaded(table: Table, allColumns: readonly string[]): Table {
  const loaded = new Set(table.columns.map((column) => column.name));
  return { ...table, unloaded: allColumns.filter((name) => !loaded.has(name)) };
}

async function readDatabasePair(
  reference: PostgresSnapshotSource,
  current: PostgresSnapshotSource,
  include: ((name: string) => boolean) | undefined,
  names: DatabaseSettingNames | undefined,
  summarize: SummarizePolicy | undefined,
): Promise<ReadSnapshotPair> {
  const settings = snapshotSettingsOf(reference, current, names);
  // The database client and its readers load only for a database pair (a compare of files never needs them).
  const { countPostgresSnapshots, readPostgresSnapshots } = await import('./postgres/index.js');
  if (reference.database.compute === 'database') {
    const counted = await countPostgresSnapshots(settings, include, undefined, summarize);
    return {
      reference: counted.reference,
      current: counted.current,
      rowFacts: counted.rowFacts,
      ...(counted.summarized.length > 0
        ? { summarized: counted.summarized, columnOrder: counted.columnOrder }
        : {}),
      labels: { reference: counted.referenceAsOf, current: counted.currentAsOf },
    };
  }
  const read = await readPostgresSnapshots(settings, include);
  return {
    reference: withUnloaded(read.reference, read.allColumns),
    current: withUnloaded(read.current, read.allColumns),
    rowFacts: { reference: rowFactsOf(read.reference), current: rowFactsOf(read.current) },
    labels: { reference: read.referenceAsOf, current: read.currentAsOf },
  };
}

/**
 * Reads the reference and the current snapshot of a comparison.
 *
 * Files are read by `options.readFiles` (in this thread by default); database sides are read in one read-only
 * transaction, streamed as rows or counted by the server as their compute mode says.
 *
 * @param sources both sources and the working directory (a compare settings object)
 * @param options the columns worth reading and the file reader
 * @returns the pair, with row facts and default labels
 * @throws {UserError} if one side is a database source and the other a file, or a source cannot be read
 */
export async function readSnapshotPair(
  sources: SnapshotPairSources,
  options: SnapshotPairOptions = {},
): Promise<ReadSnapshotPair> {
  const { reference, current } = sources;
  if (reference.kind === 'postgres' || current.kind === 'postgres') {
    if (reference.kind !== 'postgres' || current.kind !== 'postgres')
      throw new UserError('USAGE', 'both snapshots must come from the database, or both from files');
    return readDatabasePair(
      reference,
      current,
      columnFilterFunction(options.columns),
      sources.names,
      options.summarize,
    );
  }
  const files: FileSnapshotSource[] = [reference, current];
  const [first, second] = await readFileSources(
    files,
    sources.cwd,
    options.columns,
    options.readFiles,
    options.onBytes,
  );
  return {
    reference: first!.table,
    current: second!.table,
    rowFacts: { reference: first!.rowFacts, current: second!.rowFacts },
    labels: { reference: defaultLabel(reference), current: defaultLabel(current) },
  };
}

/**
 * The pair of two snapshots already in memory (a caller that built its tables itself), with their row facts.
 *
 * @example
 * pairOfTables({ source: 'r', rows: 0, columns: [] }, { source: 'c', rows: 0, columns: [] }).rowFacts.current; // => { duplicatedRows: 0, emptyRows: 0 }
 */
export function pairOfTables(
  reference: Table,
  current: Table,
): SnapshotPair & { readonly rowFacts: { readonly reference: RowFacts; readonly current: RowFacts } } {
  return { reference, current, rowFacts: { reference: rowFactsOf(reference), current: rowFactsOf(current) } };
}
