// The `driftwatch` bin: maps the CLI function's result to the process exit code, nothing else. An error that escapes
// every handler (a bug) is still one line, with its stack only under --debug, and no password.
import { wrapError } from '../errors.js';
import { cliSecrets, runCli } from './run.js';

const argv = process.argv.slice(2);
const lastResort = (error: unknown): void => {
  const err = wrapError(error);
  const secrets = cliSecrets(argv, process.env);
  process.stderr.write(
    argv.includes('--debug')
      ? `driftwatch: internal error (please report): ${secrets.redact(err.stack ?? err.message)}\n`
      : `driftwatch: internal error (please report): ${secrets.redact(err.message.split('\n')[0]!)} (run with --debug for the stack)\n`,
  );
  process.exit(70);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);

const code = await runCli(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
// Exit now instead of once the event loop has drained: Node then tears down the heaps of this thread and of a
// compare's worker threads page by page (18–40 ms after the reports were written, on 12 float columns of a million
// rows), where the exit hands the memory back at once. What was written to stdout and stderr is flushed first.
await Promise.all(
  [process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))),
);
process.exit(code);
