/** Request bodies for the load generator: a JSON Lines file, one JSON document per non-blank line. */
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

/**
 * Reads a JSONL payload file into request bodies (each line re-serialised compactly).
 * @throws {UserError} naming `path:line` for a line that is not JSON, or when the file has no payload
 */
export async function readPayloads(path: string): Promise<Buffer[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `--payloads: ${path}: ${code === 'ENOENT' ? 'no such file' : String(code)}`,
    );
  }
  const payloads: Buffer[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      payloads.push(Buffer.from(JSON.stringify(JSON.parse(line))));
    } catch (error) {
      throw new UserError(
        'PARSE',
        `${path}:${index + 1}: not JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  });
  if (payloads.length === 0) throw new UserError('EMPTY_FILE', `${path}: no payload lines`);
  return payloads;
}
