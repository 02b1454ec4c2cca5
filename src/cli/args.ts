import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A value that starts with a dash but is a number (`-0.1`, `-.5`, `-1e-3`), not a flag. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * `--flag -0.1` as `--flag=-0.1` for flags that take a value, so a negative number after a space is that flag's value
 * (node's parser would call it ambiguous); its range check then says what is wrong with it.
 */
function joinNegativeNumbers(argv: readonly string[], options: Options): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (
      name !== undefined &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      NEGATIVE_NUMBER.test(next)
    ) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  return args;
}

/**
 * Strict flag parsing for a subcommand: an unknown flag, a missing value or a stray positional argument is a
 * one-line UserError naming the flag.
 */
export function parseFlags<const O extends Options>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({
      args: joinNegativeNumbers(argv, options),
      options,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node:util messages look like "Unknown option '--x'. To specify a positional argument, ..."
    const firstSentence = message.split(/\.\s/)[0]!.replace(/\.$/, '');
    throw new UserError('USAGE', `${command}: ${firstSentence}`);
  }
}
