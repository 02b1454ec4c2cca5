/** Reading `model.json` (written by `driftwatch train`) from disk, with one-line errors naming the flag and file. */
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { validateModel, type ChurnModel } from './model.js';

/**
 * Reads and validates a model file.
 * @param flag how the file was given (`--model`), for messages
 * @throws {UserError} naming the flag and the file when it is missing, not JSON or not a model
 */
export async function readModelFile(flag: string, path: string): Promise<ChurnModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `${flag}: ${path}: ${code === 'ENOENT' ? 'no such file' : String(code)}`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      'PARSE',
      `${path}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return validateModel(document, path);
}
