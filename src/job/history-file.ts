/**
 * The JSON Lines history file (`--history PATH`, the action's `history-file`): one history record per line, read
 * when present, and rewritten with the new run through a temporary sibling and a rename, so a reader never sees a
 * partial file. Concurrent runs appending to one file are serialised by a lock file beside it (`PATH.lock`,
 * created with O_EXCL), so none loses another's record: each re-reads the file under the lock before writing it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname } from 'node:path';
import { parseHistoryRecord, samePair, type HistoryRecord } from '../drift/history.js';
import { UserError } from '../errors.js';
import { fileReadError, processAlive, writeFileAtomic } from '../util/fs.js';

/** One line of a history file: a record, or a line that is not one (kept as it is when the file is rewritten). */
interface HistoryLine {
  readonly text: string;
  readonly record?: HistoryRecord;
}

/** What reading a history file found. */
export interface HistoryFileContent {
  /** The records, oldest first. */
  readonly records: HistoryRecord[];
  /** One line per corrupt line: `<path>:<line>: not a history record (<why>); skipped`. */
  readonly warnings: string[];
}

/** How long a run waits for another run's lock before giving up, and when a lock is taken to be abandoned. */
const LOCK_WAIT_MS = 30_000;
const STALE_LOCK_MS = 120_000;

function readLines(path: string, label: string): { lines: HistoryLine[]; warnings: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], warnings: [] };
    throw fileReadError(path, error, label);
  }
  const lines: HistoryLine[] = [];
  const warnings: string[] = [];
  const raw = text.split('\n');
  if (raw.at(-1) === '') raw.pop();
  raw.forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    let problem: string;
    try {
      parsed = JSON.parse(line);
      const record = parseHistoryRecord(parsed);
      if (typeof record !== 'string') {
        lines.push({ text: line, record });
        return;
      }
      problem = record;
    } catch (error) {
      problem = `not JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
    warnings.push(`${label}: ${path}:${index + 1}: not a history record (${problem}); skipped`);
    lines.push({ text: line });
  });
  return { lines, warnings };
}

/**
 * Reads a history file; a missing file is an empty history, a corrupt line a warning (and skipped).
 *
 * @param path the file (absolute, or relative to the process's directory)
 * @param label how the user named it (`--history`), for messages
 * @throws {UserError} FILE_UNREADABLE when it exists but cannot be read
 */
export function readHistoryFile(path: string, label: string): HistoryFileContent {
  const { lines, warnings } = readLines(path, label);
  return { records: lines.flatMap((line) => (line.record ? [line.record] : [])), warnings };
}

/** Removes a lock whose owner is gone (same machine, dead pid) or that is older than {@link STALE_LOCK_MS}. */
function removeIfStale(lock: string): void {
  try {
    const [pid, host] = readFileSync(lock, 'utf8').split(' ');
    const age = Date.now() - statSync(lock).mtimeMs;
    const sameHost = host?.trim() === (process.env.HOSTNAME ?? '') && pid !== undefined;
    if (age > STALE_LOCK_MS || (sameHost && age > 1_000 && !processAlive(Number(pid))))
      rmSync(lock, { force: true });
  } catch {
    // Gone already, or being written: try again later.
  }
}

async function withLock<T>(path: string, label: string, body: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw new UserError('FILE_UNWRITABLE', `${label}: ${lock}: cannot create the lock file (${code})`);
      if (Date.now() > deadline)
        throw new UserError(
          'FILE_UNWRITABLE',
          `${label}: ${lock}: another run has held the lock for ${LOCK_WAIT_MS / 1000} s; remove the file if no run is writing the history`,
        );
      removeIfStale(lock);
      await sleep(10 + Math.random() * 40);
    }
  }
  try {
    writeSync(fd, `${process.pid} ${process.env.HOSTNAME ?? ''}`);
    return await body();
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

/**
 * Adds `record` to the history file as its newest run: under the lock, the file is read again, an older record of
 * the same pair of labels is dropped, and the file is rewritten atomically (temporary sibling, rename). Lines that
 * are not records are kept as they were.
 *
 * @returns the history as written (records, oldest first) and the warnings about corrupt lines
 * @throws {UserError} when the file cannot be read or written, or the lock cannot be taken
 */
export async function appendHistoryRecord(
  path: string,
  record: HistoryRecord,
  label: string,
): Promise<HistoryFileContent> {
  return withLock(path, label, async () => {
    const { lines, warnings } = readLines(path, label);
    // Tests widen the window between reading and writing to show concurrent runs are serialised.
    const hold = Number(process.env.DRIFTWATCH_HISTORY_HOLD_MS ?? 0);
    if (hold > 0) await sleep(Math.min(hold, 5_000));
    const kept = lines.filter((line) => line.record === undefined || !samePair(line.record, record));
    const text = [...kept.map((line) => line.text), JSON.stringify(record)].join('\n') + '\n';
    try {
      writeFileAtomic(path, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new UserError('FILE_UNWRITABLE', `${label}: ${path}: cannot write (${code})`);
    }
    return {
      records: [...kept.flatMap((line) => (line.record ? [line.record] : [])), record],
      warnings,
    };
  });
}
