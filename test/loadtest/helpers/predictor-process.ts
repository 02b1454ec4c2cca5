/** Starts `driftwatch predictor` as its own process (through tsx) and waits for its "listening" line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainCommand } from '../../../src/cli/commands/train.js';
import { ExitCode } from '../../../src/errors.js';
import { captureIo } from './capture.js';

const COMMAND_MAIN = fileURLToPath(new URL('./command-main.ts', import.meta.url));

export interface RunningPredictor {
  readonly port: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export async function startPredictor(args: readonly string[]): Promise<RunningPredictor> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', COMMAND_MAIN, 'predictor', '--port', '0', ...args],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`predictor did not start within 90 s: ${stderr}`)),
      90_000,
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`predictor exited with ${code}: ${stderr}`));
    });
  });
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Trains the churn model on month_000 with `driftwatch train` into `directory/model.json`; resolves with its path. */
export async function trainFixtureModel(directory: string): Promise<string> {
  const model = join(directory, 'model.json');
  const io = captureIo();
  const code = await trainCommand.run(
    ['--snapshot', 'fixtures/streamflow/month_000.csv', '--target', 'churn_label', '--out', model],
    io,
  );
  if (code !== ExitCode.Ok) throw new Error(`driftwatch train exited with ${code}: ${io.err()}`);
  return model;
}
