import * as core from '@actions/core';
import type { Logger } from '../github/logger.js';
import type { Secrets } from './secrets.js';

/**
 * The action's logger: workflow commands through `@actions/core` (debug lines show with step debug on), every
 * message with the run's secrets redacted.
 */
export function actionsLogger(secrets: Secrets): Logger {
  return {
    debug: (message) => core.debug(secrets.redact(message)),
    info: (message) => core.info(secrets.redact(message)),
    warning: (message) => core.warning(secrets.redact(message)),
  };
}

/**
 * Redacts the run's secrets from everything written to a stream (stdout or stderr), whoever writes it (a
 * dependency logging through `@actions/core` directly included). Only the `::add-mask::` commands, which hand the
 * secrets to the runner's masker, pass unchanged. Returns the function that puts the stream's own writer back.
 */
export function redactStream(stream: NodeJS.WriteStream, secrets: Secrets): () => void {
  const original = stream.write;
  const write = original.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text =
      typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
    if (text === undefined || text.startsWith('::add-mask::')) return write(chunk, ...rest);
    const redacted = secrets.redact(text);
    return redacted === text ? write(chunk, ...rest) : write(redacted, ...rest);
  }) as typeof stream.write;
  return () => {
    stream.write = original;
  };
}
