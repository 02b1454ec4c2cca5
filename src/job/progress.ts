/**
 * The progress line of a long `compare` on stderr: the snapshot files' bytes read of their total, then the columns
 * scored. On a terminal it is one line rewritten in place (`\r`, at most every 100 ms) and cleared at the end; in
 * CI logs (stderr not a terminal, `CI` or `GITHUB_ACTIONS` set) it is one line every 5 s at most; anywhere else
 * (stderr redirected to a file or a pipe) nothing. Only a job worth waiting for shows it: at least 16 MiB of files,
 * or a database source. The readers and the engine only count (byte and column callbacks); this file writes.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompareSettings } from './settings.js';

/** Files at least this big together make a job show its progress. */
export const PROGRESS_MIN_BYTES = 16 * 1024 * 1024;
/** At most one line this often in CI logs. */
export const LOG_INTERVAL_MS = 5000;
/** At most one redraw this often on a terminal. */
const TERMINAL_INTERVAL_MS = 100;

/** Where progress goes: stderr (a terminal when `isTTY`). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** What the job needs to decide whether and how to show progress. */
export interface ProgressOutput {
  readonly stream: ProgressStream;
  readonly env: NodeJS.ProcessEnv;
  /** Milliseconds (default `performance.now`); tests pass a fake clock. */
  readonly now?: () => number;
}

const MIB = 1024 * 1024;

/** A job's progress as it is told it, written as one line. */
export class Progress {
  private bytesRead = 0;
  private scored = 0;
  private columns = 0;
  private lastWrite = Number.NEGATIVE_INFINITY;
  private lastLength = 0;

  private constructor(
    private readonly stream: ProgressStream,
    private readonly terminal: boolean,
    private readonly now: () => number,
    /** The files' total bytes; 0 for database sources. */
    private readonly totalBytes: number,
  ) {}

  /**
   * The progress of a job with these sources, or undefined when it stays quiet: `quiet` set, a small job, or stderr
   * neither a terminal nor a CI log.
   */
  static forJob(settings: CompareSettings, output: ProgressOutput | undefined): Progress | undefined {
    if (!output || settings.quiet) return undefined;
    const terminal = output.stream.isTTY === true;
    const { CI, GITHUB_ACTIONS } = output.env;
    if (!terminal && CI !== 'true' && GITHUB_ACTIONS !== 'true') return undefined;
    const sources = [settings.reference, settings.current];
    const database = sources.some((source) => source.kind === 'postgres');
    let totalBytes = 0;
    for (const source of sources) {
      if (source.kind !== 'file' || source.path.startsWith('git:')) continue;
      try {
        totalBytes += statSync(resolve(settings.cwd, source.path)).size;
      } catch {
        // The reader reports a missing file with its own message.
      }
    }
    if (!database && totalBytes < PROGRESS_MIN_BYTES) return undefined;
    return new Progress(output.stream, terminal, output.now ?? (() => performance.now()), totalBytes);
  }

  /** More of the files' bytes were read. */
  readonly bytes = (count: number): void => {
    this.bytesRead += count;
    this.show(false);
  };

  /** `done` of `total` columns are scored. */
  readonly columnsScored = (done: number, total: number): void => {
    this.scored = done;
    this.columns = total;
    this.show(done === total);
  };

  /**
   * The job started. A terminal gets its line at once; a CI log gets its first line only after 5 s of work, so a
   * job that ends (or fails) sooner leaves nothing but its own output there.
   */
  start(): void {
    if (this.terminal) this.show(true);
    else this.lastWrite = this.now();
  }

  /** The job is over (done or failed): a terminal's line is cleared. */
  finish(): void {
    if (this.terminal && this.lastLength > 0) this.stream.write(`\r${' '.repeat(this.lastLength)}\r`);
    this.lastLength = 0;
  }

  /** The line as it stands. */
  text(): string {
    const parts: string[] = [];
    if (this.totalBytes > 0) {
      const read = Math.min(this.bytesRead, this.totalBytes);
      parts.push(
        `read ${(read / MIB).toFixed(1)} of ${(this.totalBytes / MIB).toFixed(1)} MiB ` +
          `(${Math.floor((read / this.totalBytes) * 100)}%)`,
      );
    } else parts.push('reading the snapshots');
    if (this.columns > 0) parts.push(`scored ${this.scored} of ${this.columns} columns`);
    return `driftwatch: ${parts.join(', ')}`;
  }

  private show(force: boolean): void {
    const now = this.now();
    const interval = this.terminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS;
    if (now - this.lastWrite < interval && !(force && this.terminal)) return;
    this.lastWrite = now;
    const text = this.text();
    if (this.terminal) {
      this.stream.write(`\r${text}${' '.repeat(Math.max(0, this.lastLength - text.length))}`);
      this.lastLength = text.length;
    } else this.stream.write(`${text}\n`);
  }
}
