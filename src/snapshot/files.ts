/**
 * Snapshot files named by a {@link FileSnapshotSource}: a path in the working directory, or `git:<rev>:<path>`,
 * materialised with `git show` into a temporary file (removed afterwards) and named `git:<rev>:<path>` in messages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import {
  columnFilterFunction,
  readInThisThread,
  type ColumnFilter,
  type FileReader,
  type ReadResult,
} from './read-request.js';
import type { BytesRead } from './byte-source.js';
import { readSnapshot } from './index.js';
import { describeSource, type FileSnapshotSource } from './source.js';
import type { Table } from './table.js';

/** Writes `git show <rev>:<path>` (run in `cwd`) to `file`. */
function gitShowTo(source: Extract<FileSnapshotSource, { kind: 'git' }>, cwd: string, file: string): void {
  let content: Buffer;
  try {
    content = execFileSync('git', ['show', `${source.rev}:${source.path.replace(/^\.\//, '')}`], {
      cwd,
      maxBuffer: 4 * 1024 ** 3,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '')
      .trim()
      .split('\n')[0];
    throw new UserError(
      'FILE_NOT_FOUND',
      `${describeSource(source)}: cannot read from git (${stderr || 'git failed'})`,
    );
  }
  writeFileSync(file, content);
}

/**
 * Runs `work` on the local paths of the sources: files as the user wrote them (relative to `cwd`), git sources
 * written to a temporary directory first. Messages of a failure name git sources as `git:<rev>:<path>`; the
 * temporary files are removed whatever happens.
 */
async function withLocalPaths<T>(
  sources: readonly FileSnapshotSource[],
  cwd: string,
  work: (paths: string[]) => Promise<T>,
): Promise<T> {
  const directory = sources.some((source) => source.kind === 'git')
    ? mkdtempSync(join(tmpdir(), 'driftwatch-git-'))
    : undefined;
  try {
    const paths = sources.map((source, index) => {
      if (source.kind === 'git') {
        const file = join(directory!, `${index}-${basename(source.path)}`);
        gitShowTo(source, cwd, file);
        return file;
      }
      // Keep the path as the user wrote it, so messages name it that way.
      return isAbsolute(source.path) || resolve(cwd) === process.cwd() ? source.path : join(cwd, source.path);
    });
    try {
      return await work(paths);
    } catch (error) {
      if (!(error instanceof UserError) || !directory) throw error;
      let message = error.message;
      sources.forEach(
        (source, index) => (message = message.replaceAll(paths[index]!, describeSource(source))),
      );
      throw new UserError(error.code, message);
    }
  } finally {
    if (directory) rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Reads file sources with their row facts, each table's `source` naming the source as the user gave it.
 *
 * @param readFiles how the files are read: in this thread by default; a compare job may pass its worker threads
 * @param onBytes told of the files' bytes as they are read, for a caller that shows progress
 */
export async function readFileSources(
  sources: readonly FileSnapshotSource[],
  cwd: string,
  filter?: ColumnFilter,
  readFiles: FileReader = readInThisThread,
  onBytes?: BytesRead,
): Promise<ReadResult[]> {
  const results = await withLocalPaths(sources, cwd, (paths) =>
    readFiles(
      sources.map((source, index) => ({ path: paths[index]!, format: source.format, filter })),
      onBytes,
    ),
  );
  return results.map((result, index) => {
    const source = describeSource(sources[index]!);
    return result.table.source === source ? result : { ...result, table: { ...result.table, source } };
  });
}

/** Reads one file source into a Table (commands that need one snapshot: train, predictor). */
export async function loadSnapshot(
  source: FileSnapshotSource,
  cwd: string,
  filter?: ColumnFilter,
): Promise<Table> {
  const [table] = await withLocalPaths([source], cwd, ([path]) =>
    readSnapshot(path!, { format: source.format, include: columnFilterFunction(filter) }).then((t) => [t]),
  );
  const described = describeSource(source);
  return table!.source === described ? table! : { ...table!, source: described };
}
