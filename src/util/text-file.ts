/** Reading a small file the user named (an SLO file, a schema, a model, a stored result), with one-line errors. */
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

/**
 * Reads a UTF-8 text file.
 * @param label how the file was given (`--payloads`), prefixed to messages; omitted: the path alone names it
 * @throws {UserError} FILE_NOT_FOUND or FILE_UNREADABLE naming the file
 */
export async function readUserTextFile(path: string, label?: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `${label ? `${label}: ` : ''}${path}: ${code === 'ENOENT' ? 'no such file' : String(code)}`,
    );
  }
}

/**
 * Parses JSON text read from `path`.
 * @throws {UserError} PARSE naming the file and the parser's complaint
 */
export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(
      'PARSE',
      `${path}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Reads and parses a JSON file; errors as {@link readUserTextFile} and {@link parseJsonText}. */
export async function readUserJsonFile(path: string, label?: string): Promise<unknown> {
  return parseJsonText(await readUserTextFile(path, label), path);
}
