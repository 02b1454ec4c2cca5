import type { Command } from '../io.js';
import { capacityCommand } from './capacity.js';
import { compareCommand } from './compare.js';
import { dbLoadFixturesCommand } from './db-load-fixtures.js';
import { evaluateCommand } from './evaluate.js';
import { loadtestCommand } from './loadtest.js';
import { payloadsCommand } from './payloads.js';
import { predictorCommand } from './predictor.js';
import { sloCommand } from './slo.js';
import { snapshotsCommand } from './snapshots.js';
import { stackCommand } from './stack.js';
import { trainCommand } from './train.js';

/** Every `driftwatch` subcommand, in help order. Each lives in its own file beside this one. */
export const commands: readonly Command[] = [
  compareCommand,
  trainCommand,
  evaluateCommand,
  predictorCommand,
  payloadsCommand,
  stackCommand,
  loadtestCommand,
  capacityCommand,
  sloCommand,
  snapshotsCommand,
  dbLoadFixturesCommand,
];
