import { ExitCode, UserError } from '../errors.js';
import { Secrets } from '../util/secrets.js';
import { commands } from './commands/index.js';
import type { CliIo } from './io.js';

/** Exit code of a failure that is a bug in driftwatch (BSD's EX_SOFTWARE). */
const INTERNAL_ERROR = 70;

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: driftwatch [--debug] <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `driftwatch <command> --help` for the options of a command.',
    '--debug (before or after the command) prints debug lines and the stack of an internal error.',
  ].join('\n');
}

/**
 * The secrets a CLI run may hold, so no line it writes shows them: the password of `--database-url` (and the whole
 * URL) and of DATABASE_URL, and PGPASSWORD.
 */
export function cliSecrets(argv: readonly string[], env: NodeJS.ProcessEnv): Secrets {
  const secrets = new Secrets(() => undefined);
  for (const [index, arg] of argv.entries()) {
    if (arg === '--database-url') secrets.addUrl(argv[index + 1]);
    else if (arg.startsWith('--database-url=')) secrets.addUrl(arg.slice('--database-url='.length));
  }
  secrets.addUrl(env.DATABASE_URL);
  secrets.add(env.PGPASSWORD);
  return secrets;
}

/**
 * The whole CLI as a function: argv (without node and script) in, exit code out.
 * The one top-level catch of the CLI lives here: a UserError becomes one line on stderr and exit 2; anything else
 * (a bug) one line too, with its stack only under `--debug`. No line shows a password.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const secrets = cliSecrets(argv, io.env);
  try {
    const [name, ...rest] = argv[0] === '--debug' ? argv.slice(1) : argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(overview() + '\n');
      return name === undefined ? ExitCode.Usage : ExitCode.Ok;
    }
    if (name === '--version') {
      io.stdout.write(`driftwatch ${process.env.DRIFTWATCH_VERSION ?? '0.1.0'}\n`);
      return ExitCode.Ok;
    }
    // `db load-fixtures` style two-word commands are registered as "db load-fixtures".
    const twoWord = rest.length > 0 ? `${name} ${rest[0]}` : undefined;
    const entry = commands.find((c) => c.name === twoWord) ?? commands.find((c) => c.name === name);
    if (!entry)
      throw new UserError(
        'USAGE',
        `unknown command '${name}' (try: ${commands.map((c) => c.name).join(', ')})`,
      );
    const command = await entry.load();
    const given = entry.name === twoWord ? rest.slice(1) : rest;
    if (given.includes('--help') || given.includes('-h')) {
      io.stdout.write(command.usage + '\n');
      return ExitCode.Ok;
    }
    const args = command.ownsDebugFlag ? given : given.filter((arg) => arg !== '--debug');
    const commandIo: CliIo = debug
      ? { ...io, debug: (line) => io.stderr.write(`driftwatch: debug: ${secrets.redact(line)}\n`) }
      : io;
    return await command.run(args, commandIo);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`driftwatch: error: ${secrets.redact(error.message)}\n`);
      return ExitCode.Usage;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    io.stderr.write(
      debug
        ? `driftwatch: internal error (please report): ${secrets.redact(err.stack ?? err.message)}\n`
        : `driftwatch: internal error (please report): ${secrets.redact(err.message.split('\n')[0]!)} (run with --debug for the stack)\n`,
    );
    return INTERNAL_ERROR;
  }
}
