import type { Command } from '../io.js';
import { compareCommand } from './compare.js';

/** Every `driftwatch` subcommand, in help order. Each lives in its own file beside this one. */
export const commands: readonly Command[] = [compareCommand];
