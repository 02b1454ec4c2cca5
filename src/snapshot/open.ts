import { openSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';

/** Opens a snapshot file for reading, translating file-system errors into one-line UserErrors naming the path. */
export function openForReading(path: string): number {
  try {
    if (statSync(path).isDirectory())
      throw new UserError('FILE_UNREADABLE', `${path}: is a directory, not a snapshot file`);
    return openSync(path, 'r');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('FILE_NOT_FOUND', `${path}: file not found`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new UserError('FILE_UNREADABLE', `${path}: permission denied`);
    throw new UserError('FILE_UNREADABLE', `${path}: cannot read (${code ?? 'unknown error'})`);
  }
}
