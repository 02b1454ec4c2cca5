#!/usr/bin/env node
/**
 * The `driftwatch` bin (dist/cli.js). It is kept small (~2 KB) because it runs before the CLI's code is loaded: it
 * may restart Node with huge pages for malloc (see {@link hugePagesTunables}), which then costs a bare Node start,
 * starts the worker threads of a compare on big files (src/job/prestart.ts), and then loads the CLI (main.ts, a chunk
 * of its own in the bundle).
 *
 * Node's compile cache (`module.enableCompileCache()`) was measured here and left off: it saved ~13 ms of the
 * ~135 ms CPU that loading a compare's modules costs, and it writes under os.tmpdir() (Node 24 hangs when that is
 * on procfs).
 */
import { writeSync } from 'node:fs';
import { fileSize, prestartWorkers, wantsThreads } from '../job/prestart.js';
import { compareFiles, HUGE_PAGES_TUNABLE, hugePagesTunables } from './huge-pages.js';

/** Node 23.11 and later: replaces the process image (same PID, stdio and exit code). */
type Execve = (file: string, args: readonly string[], env: NodeJS.ProcessEnv) => never;

const argv = process.argv.slice(2);
const debug = (line: string): void => {
  if (argv.includes('--debug')) writeSync(2, `driftwatch: debug: ${line}\n`);
};
const node = process as { execve?: Execve };
const tunables =
  typeof node.execve === 'function'
    ? hugePagesTunables(argv, process.env, process.platform, fileSize)
    : undefined;
if (tunables !== undefined && node.execve) {
  debug(`restarting Node with GLIBC_TUNABLES=${tunables}`);
  try {
    node.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      ...process.env,
      GLIBC_TUNABLES: tunables,
    });
  } catch (error) {
    // execve(2) failed (the process is unchanged): run here, without huge pages.
    debug(`restart failed, running without huge pages: ${(error as Error).message}`);
  }
} else if (process.env.GLIBC_TUNABLES?.includes(HUGE_PAGES_TUNABLE)) {
  debug(`GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES}`);
}

// A compare of big files reads them on two worker threads: they start loading now, beside the CLI's modules.
if (wantsThreads(compareFiles(argv)) && prestartWorkers()) debug('worker threads started');

await import('./main.js');
