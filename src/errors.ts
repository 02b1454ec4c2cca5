/**
 * Error kinds shared by every entry point.
 *
 * A {@link UserError} is the user's to fix (a bad flag, an unreadable file, a malformed row); entry points print
 * its one-line message and exit with {@link ExitCode.Usage}. Anything else is a bug in driftwatch and is
 * reported with its stack. Library code throws; only `src/cli` and `src/action` catch (once).
 */

/** Process exit codes documented in the README. */
export const ExitCode = {
  /** The job ran; no failing condition was requested. */
  Ok: 0,
  /** The job ran and a gate failed (`--fail-on-drift` with RETRAIN, a failed SLO objective). */
  GateFailed: 1,
  /** Usage or input error: nothing (or nothing partial) was written. */
  Usage: 2,
} as const;

/** Machine-readable error codes; tests assert these rather than prose. */
export type UserErrorCode =
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_UNWRITABLE'
  | 'EMPTY_FILE'
  | 'NO_ROWS'
  | 'PARSE'
  | 'RAGGED_ROW'
  | 'DUPLICATE_HEADER'
  | 'COLUMN_MISSING'
  | 'COLUMN_TYPE_MISMATCH'
  | 'UNKNOWN_STATTEST'
  | 'STATTEST_TYPE'
  | 'THRESHOLD_RANGE'
  | 'DATABASE'
  | 'GITHUB'
  | 'PROMETHEUS'
  | 'CONFIG';

/** A misconfiguration or bad input: the message is one line that names the file, line, column or flag. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** The setting at fault, by its canonical name (e.g. `driftShare`), when one is; the message names it as the user's surface does. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Normalises any thrown value into an Error; the only place that inspects an unknown throwable. */
export function wrapError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The message of any thrown value. */
export function getErrorMessage(error: unknown): string {
  return wrapError(error).message;
}

/** Exhaustiveness check for switches over literal unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
