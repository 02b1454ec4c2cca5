// The real PostgreSQL server of the tests: DATABASE_URL when set, else the local trust-auth server.
import pg from 'pg';
import { expect } from 'vitest';
import type { DriftReport } from '../../../src/drift/report.js';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/**
 * Whether the server answers. With CI=true an unreachable server throws (the test file fails) instead of
 * letting the suite skip silently.
 */
export async function databaseAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(
        `PostgreSQL is required with CI=true but ${new URL(DATABASE_URL).host} is unreachable: ${String(error)}`,
        { cause: error },
      );
    }
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs SQL statements on one connection (setup and teardown of a test file). */
export async function sql(...statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const statement of statements) results.push(await client.query(statement));
    return results;
  } finally {
    await client.end();
  }
}

/** A schema name unique to one test file and process. */
export function uniqueSchema(prefix: string): string {
  return `dw_test_${prefix}_${process.pid}_${Date.now().toString(36)}`;
}

/** The database URL with another user (trust auth lets any role log in without a password). */
export function urlAsUser(user: string, password?: string): string {
  const url = new URL(DATABASE_URL);
  url.username = user;
  url.password = password ?? '';
  return url.toString();
}

/** Fields that sum values in row order (pandas/numpy pairwise sums), which a database cannot reproduce. */
const ROW_ORDER_SUMS = new Set(['mean', 'std', 'wasserstein_normed']);

/**
 * Asserts that a `--compute database` report equals the `--compute memory` one. Every value must be identical
 * except the statistics that sum values in row order: the normed Wasserstein score and effect (its normaliser is
 * pandas' std) and the summary's mean and std. A database returns counts without row order, so those may differ
 * in the last bits (allowed: 1e-14 relative). Returns how many values differed at all.
 */
export function expectSameReport(database: DriftReport, memory: DriftReport): number {
  let inexact = 0;
  const walk = (actual: unknown, expected: unknown, path: string, rowOrderSum: boolean): void => {
    if (typeof expected === 'number' && typeof actual === 'number') {
      if (Object.is(actual, expected)) return;
      inexact++;
      if (!rowOrderSum) expect.fail(`${path}: ${actual} !== ${expected}`);
      expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
      return;
    }
    if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) {
      expect(actual, path).toEqual(expected);
      return;
    }
    // `computed` says how each side was computed, so it differs by design.
    const keys = (value: object) => Object.keys(value).filter((key) => key !== 'computed');
    expect(keys(actual).sort(), path).toEqual(keys(expected).sort());
    for (const key of keys(expected)) {
      const record = expected as Record<string, unknown>;
      const isWasserstein = record.stattest === 'wasserstein' && key === 'drift_score';
      walk(
        (actual as Record<string, unknown>)[key],
        record[key],
        `${path}.${key}`,
        ROW_ORDER_SUMS.has(key) || isWasserstein,
      );
    }
  };
  walk(database, memory, 'report', false);
  return inexact;
}
