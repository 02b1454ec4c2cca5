/**
 * File-system helpers shared by every command: one atomic writer and one way to read a file the user named, each
 * turning a file-system error into a one-line {@link UserError} that names the path.
 */
import { openSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';

/** Marker in the names of driftwatch's temporary files (`.<name>.dw-tmp-<pid>-<random>`), so stale ones can be found. */
export const TEMPORARY_MARKER = '.dw-tmp-';

/**
 * The temporary sibling a write goes through: same directory (so the rename is atomic), hidden, and named so it is
 * recognisably driftwatch's: `.<name>.dw-tmp-<pid>-<random>`.
 *
 * @example
 * temporaryPathFor('/r/drift.json').startsWith('/r/.drift.json.dw-tmp-'); // => true
 */
export function temporaryPathFor(path: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return join(dirname(path), `.${basename(path)}${TEMPORARY_MARKER}${process.pid}-${random}`);
}

/**
 * Writes a file atomically: to a temporary sibling first (see {@link temporaryPathFor}), then renamed over the
 * target, so a reader (or a crash) never sees a partial file under the final name. Creates the directory.
 *
 * @param path the file to write
 * @param content its whole content
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The one-line error for a file that cannot be read: `<label>: <path>: file not found` (the label, a flag or
 * input name, is left out when empty).
 */
export function fileReadError(path: string, error: unknown, label?: string): UserError {
  const where = label ? `${label}: ${path}` : path;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new UserError('FILE_NOT_FOUND', `${where}: file not found`);
  if (code === 'EISDIR') return new UserError('FILE_UNREADABLE', `${where}: is a directory, not a file`);
  if (code === 'EACCES' || code === 'EPERM')
    return new UserError('FILE_UNREADABLE', `${where}: permission denied`);
  return new UserError('FILE_UNREADABLE', `${where}: cannot read (${code ?? 'unknown error'})`);
}

/**
 * Reads a whole text file (UTF-8) the user named.
 *
 * @param path the file
 * @param label how the user named it (a flag or input), for messages; optional
 * @param cwd the directory a relative `path` starts from (default: the process's); messages name `path` as given
 * @throws {UserError} FILE_NOT_FOUND or FILE_UNREADABLE naming the path
 */
export async function readTextFile(path: string, label?: string, cwd?: string): Promise<string> {
  try {
    return await readFile(cwd === undefined ? path : resolve(cwd, path), 'utf8');
  } catch (error) {
    throw fileReadError(path, error, label);
  }
}

/**
 * Opens a file for reading (a file descriptor, to be closed by the caller).
 *
 * @throws {UserError} FILE_NOT_FOUND or FILE_UNREADABLE naming the path (a directory is refused)
 */
export function openForReading(path: string, label?: string): number {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw fileReadError(path, error, label);
  }
  if (isDirectory) throw fileReadError(path, Object.assign(new Error(), { code: 'EISDIR' }), label);
  try {
    return openSync(path, 'r');
  } catch (error) {
    throw fileReadError(path, error, label);
  }
}

/**
 * Reads and parses a JSON file the user named.
 *
 * @throws {UserError} FILE_NOT_FOUND or FILE_UNREADABLE as {@link readTextFile}; PARSE naming the file and the
 *   parser's complaint
 */
export async function readJsonFile(path: string, label?: string, cwd?: string): Promise<unknown> {
  const text = await readTextFile(path, label, cwd);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(
      'PARSE',
      `${path}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Writes a value as indented JSON (with a final newline) through {@link writeFileAtomic}. */
export function writeJsonFileAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}
