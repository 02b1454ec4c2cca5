// The reader seam of a comparison: both snapshots from files or git revisions, with row facts and default labels.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { pairOfTables, readSnapshotPair } from '../../src/snapshot/pair.js';
import { readInThisThread, type ReadRequest } from '../../src/snapshot/read-request.js';
import { rowFactsOf } from '../../src/snapshot/row-facts.js';
import { values } from './support.js';

const repo = mkdtempSync(join(tmpdir(), 'driftwatch-pair-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=t', ...args], {
    cwd: repo,
  }).toString();
git('init', '-q');
writeFileSync(join(repo, 'month.csv'), 'id,x,s\n1,1.5,a\n2,2.5,a\n2,2.5,a\n');
git('add', 'month.csv');
git('commit', '-qm', 'first');
writeFileSync(join(repo, 'month.csv'), 'id,x,s\n1,1.5,a\n2,3.5,b\n');

describe('readSnapshotPair', () => {
  it('reads a file and the same file at a git revision, with row facts and labels', async () => {
    const pair = await readSnapshotPair({
      reference: { kind: 'git', rev: 'HEAD', path: 'month.csv' },
      current: { kind: 'file', path: 'month.csv' },
      cwd: repo,
    });
    if ('counted' in pair.reference || 'counted' in pair.current) throw new Error('expected tables');
    expect(pair.reference.source).toBe('git:HEAD:month.csv');
    expect(pair.current.source).toBe('month.csv');
    expect(values(pair.reference, 'x')).toEqual([1.5, 2.5, 2.5]);
    expect(values(pair.current, 's')).toEqual(['a', 'b']);
    expect(pair.rowFacts).toEqual({
      reference: { duplicatedRows: 1, emptyRows: 0 },
      current: { duplicatedRows: 0, emptyRows: 0 },
    });
    expect(pair.labels).toEqual({ reference: 'month@HEAD', current: 'month' });
  });

  it('reads only the columns asked for and names the others as not loaded', async () => {
    const pair = await readSnapshotPair(
      {
        reference: { kind: 'file', path: 'month.csv' },
        current: { kind: 'file', path: 'month.csv' },
        cwd: repo,
      },
      { columns: { except: ['id'] } },
    );
    expect(pair.reference).toMatchObject({ unloaded: ['id'] });
    expect('columns' in pair.reference && pair.reference.columns.map((c) => c.name)).toEqual(['x', 's']);
  });

  it('hands the files to the file reader it is given (a job passes its worker threads)', async () => {
    const seen: ReadRequest[] = [];
    await readSnapshotPair(
      {
        reference: { kind: 'file', path: 'month.csv' },
        current: { kind: 'file', path: 'month.csv', format: 'csv' },
        cwd: repo,
      },
      {
        readFiles: (requests) => {
          seen.push(...requests);
          return readInThisThread(requests);
        },
      },
    );
    expect(seen.map((request) => request.format)).toEqual([undefined, 'csv']);
  });

  it('names a git source as git:<rev>:<path> in messages, and refuses a file with a database source', async () => {
    const failure = await readSnapshotPair({
      reference: { kind: 'git', rev: 'HEAD', path: 'absent.csv' },
      current: { kind: 'file', path: 'month.csv' },
      cwd: repo,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).message).toMatch(/^git:HEAD:absent\.csv: cannot read from git/);
    const mixed = await readSnapshotPair({
      reference: { kind: 'file', path: 'month.csv' },
      current: {
        kind: 'postgres',
        asOf: { kind: 'latest' },
        database: {
          databaseUrl: 'postgresql://127.0.0.1:1/none',
          source: { kind: 'streamflow', schema: 'public' },
          statementTimeoutMs: 1000,
          connectRetries: 0,
          compute: 'memory',
        },
      },
      cwd: repo,
    }).catch((error: unknown) => error);
    expect((mixed as UserError).message).toBe(
      'both snapshots must come from the database, or both from files',
    );
  });
});

describe('pairOfTables', () => {
  it('computes the row facts of tables built in memory', () => {
    const table = {
      source: 't',
      rows: 2,
      columns: [{ name: 'x', type: 'float' as const, values: Float64Array.of(1, 1) }],
    };
    expect(pairOfTables(table, table).rowFacts).toEqual({
      reference: rowFactsOf(table),
      current: rowFactsOf(table),
    });
  });
});
