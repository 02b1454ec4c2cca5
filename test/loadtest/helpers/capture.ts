import { Writable } from 'node:stream';
import type { CliIo } from '../../../src/cli/io.js';

/** A CliIo whose stdout and stderr are captured in memory. */
export function captureIo(cwd: string = process.cwd()): CliIo & { out(): string; err(): string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: new Writable({ write: (chunk, _encoding, done) => ((stdout += String(chunk)), done()) }),
    stderr: new Writable({ write: (chunk, _encoding, done) => ((stderr += String(chunk)), done()) }),
    env: {},
    cwd,
    out: () => stdout,
    err: () => stderr,
  };
}
