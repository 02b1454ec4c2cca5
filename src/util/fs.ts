/**
 * File-system helpers shared by every command: one atomic writer and one way to read a file the user named, each
 * turning a file-system error into a one-line {@link UserError} that names the path.
 */
import {
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { getErrorMessage, UserError } from '../errors.js';

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

/** Temporary files being written by this process: removed if a signal ends it (see {@link cleanUpOnSignals}). */
const pendingTemporaries = new Set<string>();
const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let signalsHooked = false;

/**
 * On SIGINT, SIGTERM or SIGHUP, removes the temporaries still being written, then lets the signal end the process
 * as it would have (unless another part of the program listens for it and decides). Installed once, on the first
 * write.
 */
function cleanUpOnSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of CLEANUP_SIGNALS) {
    const onSignal = (): void => {
      for (const temporary of pendingTemporaries) rmSync(temporary, { force: true });
      pendingTemporaries.clear();
      if (process.listenerCount(signal) > 1) return;
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Registers a scratch file this process creates (a spill of parsed columns): it is removed by
 * {@link removeScratchFile}, on exit, and on SIGINT, SIGTERM or SIGHUP.
 */
export function registerScratchFile(path: string): void {
  cleanUpOnSignals();
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', () => {
      for (const temporary of pendingTemporaries) rmSync(temporary, { force: true });
    });
  }
  pendingTemporaries.add(path);
}

/** Removes a scratch file registered with {@link registerScratchFile}. */
export function removeScratchFile(path: string): void {
  pendingTemporaries.delete(path);
  rmSync(path, { force: true });
}

let exitHooked = false;

/** The path and the cause of a write that failed, in one line. */
function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EIO':
      return 'input/output error';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return `cannot write (${code ?? getErrorMessage(error)})`;
  }
}

/** The closest existing ancestor of `path` (itself included) that is not a directory, if any. */
function fileInTheWay(path: string): string | undefined {
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? undefined : at;
    } catch {
      if (dirname(at) === at) return undefined;
    }
  }
}

/**
 * The one-line error of a failed write: `cannot write <path>: <cause>` (`<dir>: is a file, not a directory` when a
 * file stands where a directory must be).
 */
export function fileWriteError(path: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    const blocker = fileInTheWay(path);
    if (blocker !== undefined)
      return new UserError('FILE_UNWRITABLE', `cannot write ${path}: ${blocker} is a file, not a directory`);
  }
  return new UserError('FILE_UNWRITABLE', `cannot write ${path}: ${describeWriteFailure(error)}`);
}

const TEMPORARY_NAME = new RegExp(`^\\..+${TEMPORARY_MARKER.replace(/[.-]/g, '\\$&')}([0-9]+)-[a-z0-9]+$`);

/** Whether a process with this id runs (one of another user counts as running). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes driftwatch's stale temporaries from a directory: files named as {@link temporaryPathFor} names them whose
 * process no longer runs (a writer killed with SIGKILL, or by a power cut). Other files are never touched.
 *
 * @returns the paths removed
 */
export function removeStaleTemporaries(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMPORARY_NAME.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    const path = join(directory, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** Creates the directories of `paths`, turning a failure into one line naming the directory. */
function makeDirectories(paths: readonly string[]): void {
  for (const directory of new Set(paths.map((path) => dirname(path)))) {
    try {
      mkdirSync(directory, { recursive: true });
    } catch (error) {
      throw fileWriteError(directory, error);
    }
  }
}

/** A file of a set written by {@link writeFileSetAtomic}. */
export interface FileToWrite {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/**
 * Writes a set of files all or nothing: each to a temporary sibling first (see {@link temporaryPathFor}), then,
 * once every one is complete, each renamed over its target. If any write fails, no file of the set appears under
 * its final name (the ones already renamed are removed again) and no temporary is left; a SIGINT, SIGTERM or SIGHUP
 * during the writes removes the temporaries. Creates the directories, and first removes stale temporaries of dead
 * writers from them ({@link removeStaleTemporaries}).
 *
 * @throws {UserError} FILE_UNWRITABLE naming the path and the cause (no space left, read-only file system,
 *   permission denied, a file where a directory must be, a directory where the file must be)
 */
export async function writeFileSetAtomic(files: readonly FileToWrite[]): Promise<void> {
  cleanUpOnSignals();
  makeDirectories(files.map((file) => file.path));
  for (const directory of new Set(files.map((file) => dirname(file.path)))) removeStaleTemporaries(directory);
  for (const file of files) {
    let isDirectory = false;
    try {
      isDirectory = lstatSync(file.path).isDirectory();
    } catch {
      // Not there yet: the usual case.
    }
    if (isDirectory) throw fileWriteError(file.path, Object.assign(new Error(), { code: 'EISDIR' }));
  }
  const temporaries = files.map((file) => temporaryPathFor(file.path));
  const renamed: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const temporary = temporaries[index]!;
      pendingTemporaries.add(temporary);
      try {
        await writeFile(temporary, file.content);
      } catch (error) {
        throw fileWriteError(file.path, error);
      }
    }
    for (const [index, file] of files.entries()) {
      try {
        renameSync(temporaries[index]!, file.path);
      } catch (error) {
        throw fileWriteError(file.path, error);
      }
      pendingTemporaries.delete(temporaries[index]!);
      renamed.push(file.path);
    }
  } catch (error) {
    for (const path of renamed) rmSync(path, { force: true });
    throw error;
  } finally {
    for (const temporary of temporaries) {
      if (!pendingTemporaries.delete(temporary)) continue;
      rmSync(temporary, { force: true });
    }
  }
}

/**
 * Writes one file atomically: to a temporary sibling first (see {@link temporaryPathFor}), then renamed over the
 * target, so a reader (or a crash) never sees a partial file under the final name. Creates the directory.
 *
 * @param path the file to write
 * @param content its whole content
 * @throws {UserError} FILE_UNWRITABLE naming the path and the cause
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  cleanUpOnSignals();
  makeDirectories([path]);
  removeStaleTemporaries(dirname(path));
  const temporary = temporaryPathFor(path);
  pendingTemporaries.add(temporary);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw fileWriteError(path, error);
  } finally {
    pendingTemporaries.delete(temporary);
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

/** The longest part of a file name {@link fileNamePart} makes from a label. */
export const MAX_FILE_NAME_PART = 80;

/**
 * A label made safe as part of a file name: every run of characters other than letters, digits and `. _ @ -` (path
 * separators, NUL, spaces, quotes) becomes `-`, a name made only of dots becomes dashes, and a long label is cut
 * to {@link MAX_FILE_NAME_PART} characters. The result can never name another directory.
 *
 * @example
 * fileNamePart('../../etc/passwd'); // => '..-..-etc-passwd'
 * fileNamePart('..'); // => '--'
 */
export function fileNamePart(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9._@-]+/g, '-').slice(0, MAX_FILE_NAME_PART);
  return /^\.*$/.test(safe) ? '-'.repeat(Math.max(safe.length, 1)) : safe;
}
