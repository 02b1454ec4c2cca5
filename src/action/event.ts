/**
 * The event payload of the run (GITHUB_EVENT_PATH), read and checked before anything else of the action is loaded:
 * a malformed payload is one line naming the file, never a stack from a dependency that parses it on load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { getErrorMessage, UserError } from '../errors.js';
import { fileReadError } from '../util/fs.js';

/**
 * The event payload the runner wrote to GITHUB_EVENT_PATH (none: an empty payload).
 *
 * @throws {UserError} CONFIG naming the variable and the file when it cannot be read or is not a JSON object
 */
export function readEventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath === undefined || eventPath === '' || !existsSync(eventPath)) return {};
  let text: string;
  try {
    text = readFileSync(eventPath, 'utf8');
  } catch (error) {
    throw new UserError('CONFIG', `GITHUB_EVENT_PATH: ${fileReadError(eventPath, error).message}`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      'CONFIG',
      `GITHUB_EVENT_PATH: ${eventPath}: the event payload is not JSON (${getErrorMessage(error).split('\n')[0]})`,
    );
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new UserError('CONFIG', `GITHUB_EVENT_PATH: ${eventPath}: the event payload is not a JSON object`);
  return payload as Record<string, unknown>;
}
