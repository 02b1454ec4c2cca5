import { ExitCode, UserError } from '../errors.js';
import { commands } from './commands/index.js';
import type { CliIo } from './io.js';

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: driftwatch <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `driftwatch <command> --help` for the options of a command.',
  ].join('\n');
}

/**
 * The whole CLI as a function: argv (without node and script) in, exit code out.
 * The one top-level catch of the CLI lives here: a UserError becomes one line on stderr and exit 2.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
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
    const command = commands.find((c) => c.name === twoWord) ?? commands.find((c) => c.name === name);
    if (!command)
      throw new UserError(
        'USAGE',
        `unknown command '${name}' (try: ${commands.map((c) => c.name).join(', ')})`,
      );
    const args = command.name === twoWord ? rest.slice(1) : rest;
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(command.usage + '\n');
      return ExitCode.Ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`driftwatch: error: ${error.message}\n`);
      return ExitCode.Usage;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    io.stderr.write(`driftwatch: internal error (please report): ${err.stack ?? err.message}\n`);
    return 70;
  }
}
