/**
 * The database branch of the compare job: both snapshots from PostgreSQL, either streamed into columnar tables
 * (`--compute memory`) or reduced to value counts by SQL (`--compute database`), then the same drift engine.
 * Report labels default to the resolved as_of values (drift_2024-01-31_vs_2024-02-29).
 */
import { computeDriftFromCounts, withoutUnreadColumns } from '../drift/database/drift-from-counts.js';
import { computeDrift } from '../drift/engine.js';
import type { DriftReport } from '../drift/types.js';
import { UserError } from '../errors.js';
import { type PostgresSnapshotSource, snapshotSettingsOf } from '../snapshot/postgres/flags.js';
import { countPostgresSnapshots, readPostgresSnapshots } from '../snapshot/postgres/index.js';
import type { CompareSettings, SnapshotSource } from './settings.js';

/**
 * Computes the drift report of two database sources.
 *
 * @param include columns worth reading (ids and excluded columns are never sent by the server)
 * @throws {UserError} if only one side is a database source
 */
export async function postgresDriftReport(
  reference: SnapshotSource,
  current: SnapshotSource,
  settings: CompareSettings,
  include?: (name: string) => boolean,
): Promise<DriftReport> {
  if (reference.kind !== 'postgres' || current.kind !== 'postgres') {
    throw new UserError('USAGE', 'compare: both snapshots must come from the database (or both from files)');
  }
  const sides = snapshotSettingsOf(reference as PostgresSnapshotSource, current as PostgresSnapshotSource);
  const labels = (asOf: { referenceAsOf: string; currentAsOf: string }) => ({
    referenceLabel: settings.referenceLabel ?? asOf.referenceAsOf,
    currentLabel: settings.currentLabel ?? asOf.currentAsOf,
  });
  if (reference.database.compute === 'database') {
    const counted = await countPostgresSnapshots(sides, include);
    return computeDriftFromCounts(counted.snapshots, { ...settings.drift, ...labels(counted) });
  }
  const read = await readPostgresSnapshots(sides, include);
  // Id, timestamp and excluded columns exist in the database (the server checked) but were not read.
  const readNames = read.reference.columns.map((column) => column.name);
  const drift = withoutUnreadColumns({ ...settings.drift, ...labels(read) }, readNames, read.allColumns);
  return computeDrift(read.reference, read.current, drift);
}
