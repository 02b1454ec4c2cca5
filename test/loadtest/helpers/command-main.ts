// Process entry for tests: runs one of this area's CLI commands the way src/cli/run.ts does (UserError → exit 2),
// importing the command modules directly so the suites do not depend on every other command compiling.
import { ExitCode, UserError } from '../../../src/errors.js';
import { capacityCommand } from '../../../src/cli/commands/capacity.js';
import { loadtestCommand } from '../../../src/cli/commands/loadtest.js';
import { payloadsCommand } from '../../../src/cli/commands/payloads.js';
import { predictorCommand } from '../../../src/cli/commands/predictor.js';
import { sloCommand } from '../../../src/cli/commands/slo.js';
import { stackCommand } from '../../../src/cli/commands/stack.js';
import { trainCommand } from '../../../src/cli/commands/train.js';

const commands = {
  train: trainCommand,
  predictor: predictorCommand,
  payloads: payloadsCommand,
  stack: stackCommand,
  loadtest: loadtestCommand,
  capacity: capacityCommand,
  slo: sloCommand,
};
const [name, ...args] = process.argv.slice(2);
const command = commands[name as keyof typeof commands];
if (!command) throw new Error(`unknown command ${name}`);
try {
  process.exitCode = await command.run(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  process.stderr.write(`driftwatch: error: ${error.message}\n`);
  process.exitCode = ExitCode.Usage;
}
