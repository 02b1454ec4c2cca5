import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { FileSnapshotSource, SnapshotSource } from '../job/settings.js';
import { describeAsOf } from './postgres/flags.js';
import { readSnapshots, type ColumnFilter, type ReadRequest } from './read-request.js';
import type { Table } from './table.js';

/** Parses a `--reference`/`--current` value: a path, or `git:<rev>:<path>`. */
export function parseSnapshotSource(flag: string, value: string): SnapshotSource {
  if (value.trim() === '') throw new UserError('USAGE', `${flag}: a snapshot path is required`);
  if (value.startsWith('git:')) {
    const match = /^git:([^:]+):(.+)$/.exec(value);
    if (!match) throw new UserError('USAGE', `${flag}: '${value}' is not of the form git:<rev>:<path>`);
    return { kind: 'git', rev: match[1]!, path: match[2]! };
  }
  return { kind: 'file', path: value };
}

/** The default report label of a source: the file name without its extension (plus `@rev` for git sources). */
export function defaultLabel(source: SnapshotSource): string {
  if (source.kind === 'postgres') return describeAsOf(source.asOf);
  const name = basename(source.path, extname(source.path));
  return source.kind === 'git' ? `${name}@${source.rev}` : name;
}

/** Describes a source for messages. */
export function describeSource(source: SnapshotSource): string {
  if (source.kind === 'postgres') return `postgres:${describeAsOf(source.asOf)}`;
  return source.kind === 'git' ? `git:${source.rev}:${source.path}` : source.path;
}

/** Database sources are read together by the compare job (src/job/postgres-compare.ts), never one by one here. */
function assertFileSources(
  sources: readonly SnapshotSource[],
): asserts sources is readonly FileSnapshotSource[] {
  if (sources.some((source) => source.kind === 'postgres'))
    throw new UserError(
      'USAGE',
      'database snapshots can only be compared (driftwatch compare --database-url ...)',
    );
}

/** Writes `git show <rev>:<path>` (run in `cwd`) to `file`. */
function gitShowTo(source: Extract<SnapshotSource, { kind: 'git' }>, cwd: string, file: string): void {
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
 * Reads snapshot sources into Tables. A git source is materialised with
 * `git show <rev>:<path>` into a temporary file, removed afterwards, and messages name it as `git:<rev>:<path>`.
 */
export async function loadSnapshots(
  sources: readonly SnapshotSource[],
  cwd: string,
  filter?: ColumnFilter,
  /** How the files are read: in this thread by default; a compare job may pass its worker threads. */
  read: (requests: readonly ReadRequest[]) => Promise<Table[]> = readSnapshots,
): Promise<Table[]> {
  assertFileSources(sources);
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
    let tables: Table[];
    try {
      tables = await read(
        sources.map((source, index) => ({ path: paths[index]!, format: source.format, filter })),
      );
    } catch (error) {
      if (!(error instanceof UserError) || !directory) throw error;
      let message = error.message;
      sources.forEach(
        (source, index) => (message = message.replaceAll(paths[index]!, describeSource(source))),
      );
      throw new UserError(error.code, message);
    }
    return tables.map((table, index) => {
      const source = describeSource(sources[index]!);
      return table.source === source ? table : { ...table, source };
    });
  } finally {
    if (directory) rmSync(directory, { recursive: true, force: true });
  }
}

/** Reads one snapshot source into a Table. */
export async function loadSnapshot(
  source: SnapshotSource,
  cwd: string,
  filter?: ColumnFilter,
): Promise<Table> {
  return (await loadSnapshots([source], cwd, filter))[0]!;
}
