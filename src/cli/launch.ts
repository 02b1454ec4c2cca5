#!/usr/bin/env node
/**
 * The `driftwatch` bin (dist/cli.js). It is kept small (~3 KB) because it runs before the CLI's code is loaded: for a
 * compare of big files on a machine where page faults are dear it restarts Node with huge pages for malloc (see
 * {@link hugePagesPlan}), which then costs a bare Node start; it starts the worker threads of a compare on big files
 * (src/job/prestart.ts), and then loads the CLI (main.ts, a chunk of its own in the bundle).
 *
 * Node's compile cache (`module.enableCompileCache()`) was measured here and left off: it saved ~13 ms of the
 * ~135 ms CPU that loading a compare's modules costs, and it writes under os.tmpdir() (Node 24 hangs when that is
 * on procfs).
 */
import { writeSync } from 'node:fs';
import { fileSize, prestartWorkers, wantsThreads } from '../job/prestart.js';
import { compareFiles } from './compare-files.js';
import { type HugePagesPlan, hugePagesPlan, probeFaultMicros } from './huge-pages.js';

/** Node 23.11 and later: replaces the process image (same PID, stdio and exit code). */
type Execve = (file: string, args: readonly string[], env: NodeJS.ProcessEnv) => never;

const argv = process.argv.slice(2);
const debug = (line: string): void => {
  if (argv.includes('--debug')) writeSync(2, `driftwatch: debug: ${line}\n`);
};
const node = process as { execve?: Execve };
let plan: HugePagesPlan;
try {
  plan = hugePagesPlan(
    argv,
    process.env,
    process.platform,
    fileSize,
    probeFaultMicros,
    process.version,
    typeof node.execve === 'function',
  );
} catch (error) {
  writeSync(2, `driftwatch: error: ${(error as Error).message}\n`);
  process.exit(2);
}
if (plan.tunables === undefined || !node.execve) {
  debug(`huge pages: no restart (${plan.reason})`);
} else {
  debug(`huge pages: ${plan.reason}: restarting Node with GLIBC_TUNABLES=${plan.tunables}`);
  try {
    node.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      ...process.env,
      GLIBC_TUNABLES: plan.tunables,
    });
  } catch (error) {
    // execve(2) failed (the process is unchanged): run here, without huge pages.
    debug(`restart failed, running without huge pages: ${(error as Error).message}`);
  }
}

// A compare of big files reads them on two worker threads: they start loading now, beside the CLI's modules.
if (wantsThreads(compareFiles(argv)) && prestartWorkers()) debug('worker threads started');

await import('./main.js');
