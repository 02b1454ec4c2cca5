import type { Command } from '../io.js';
import { capacityCommand } from './capacity.js';
import { compareCommand } from './compare.js';
import { dbLoadFixturesCommand } from './db-load-fixtures.js';
import { loadtestCommand } from './loadtest.js';
import { predictorCommand } from './predictor.js';
import { sloCommand } from './slo.js';
import { snapshotsCommand } from './snapshots.js';
import { trainCommand } from './train.js';

/** Every `driftwatch` subcommand, in help order. Each lives in its own file beside this one. */
export const commands: readonly Command[] = [
  compareCommand,
  trainCommand,
  predictorCommand,
  loadtestCommand,
  capacityCommand,
  sloCommand,
  snapshotsCommand,
  dbLoadFixturesCommand,
];
