import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { SnapshotSource } from '../job/settings.js';
import { readSnapshot } from './index.js';
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
  const name = basename(source.path, extname(source.path));
  return source.kind === 'git' ? `${name}@${source.rev}` : name;
}

/** Describes a source for messages. */
export function describeSource(source: SnapshotSource): string {
  return source.kind === 'git' ? `git:${source.rev}:${source.path}` : source.path;
}

/**
 * Reads a snapshot source into a Table. A git source is materialised with `git show <rev>:<path>` from `cwd` into a
 * temporary file (removed afterwards) and read like any file of that extension.
 */
export async function loadSnapshot(source: SnapshotSource, cwd: string, include?: (name: string) => boolean): Promise<Table> {
  if (source.kind === 'file') {
    // Keep the path as the user wrote it, so messages name it that way.
    const path = isAbsolute(source.path) || resolve(cwd) === process.cwd() ? source.path : join(cwd, source.path);
    return readSnapshot(path, { format: source.format, include });
  }
  let content: Buffer;
  try {
    content = execFileSync('git', ['show', `${source.rev}:${source.path.replace(/^\.\//, '')}`], {
      cwd,
      maxBuffer: 4 * 1024 ** 3,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new UserError('FILE_NOT_FOUND', `git:${source.rev}:${source.path}: cannot read from git (${stderr || 'git failed'})`);
  }
  const directory = mkdtempSync(join(tmpdir(), 'driftwatch-git-'));
  try {
    const file = join(directory, basename(source.path));
    writeFileSync(file, content);
    const table = await readSnapshot(file, { format: source.format, include });
    return { ...table, source: describeSource(source) };
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.code, error.message.replaceAll(join(directory, basename(source.path)), describeSource(source)));
    throw error;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
