import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Strict flag parsing for a subcommand: an unknown flag, a missing value or a stray positional argument is a
 * one-line UserError naming the flag.
 */
export function parseFlags<const O extends Options>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node:util messages look like "Unknown option '--x'. To specify a positional argument, ..."
    const firstSentence = message.split(/\.\s/)[0]!.replace(/\.$/, '');
    throw new UserError('USAGE', `${command}: ${firstSentence}`);
  }
}
