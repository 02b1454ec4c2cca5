/** Reading `model.json` (written by `driftwatch train`) from disk, with one-line errors naming the flag and file. */
import { readJsonFile } from '../util/fs.js';
import { validateModel, type ChurnModel } from './model.js';

/**
 * Reads and validates a model file.
 * @param flag how the file was given (`--model`), for messages
 * @param path the file, relative to `cwd`
 * @param cwd the directory relative paths start from (default: the process's)
 * @throws {UserError} naming the flag and the file when it is missing, not JSON or not a model
 */
export async function readModelFile(flag: string, path: string, cwd?: string): Promise<ChurnModel> {
  return validateModel(await readJsonFile(path, flag, cwd), path);
}
