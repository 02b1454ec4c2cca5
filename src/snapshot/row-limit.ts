/**
 * A row limit on a read: a caller that has estimated a file's rows to plan its memory reads the file at once under
 * a limit that keeps its columns within that plan, and learns that the estimate was wrong from this error (thrown as
 * the first row past the limit is met, before its cells are stored) rather than from the memory used.
 */
export class RowLimitExceeded extends Error {
  constructor(
    readonly path: string,
    readonly maxRows: number,
  ) {
    super(`${path}: more than ${maxRows.toLocaleString('en')} rows`);
    this.name = 'RowLimitExceeded';
  }
}
