#!/usr/bin/env node
/**
 * The `driftwatch` bin (dist/cli.js). It is kept small (~2 KB) because it runs before the CLI's code is loaded: it
 * starts the worker threads of a compare on big files (src/job/prestart.ts), and then loads the CLI (main.ts, a chunk
 * of its own in the bundle).
 *
 * It does not restart Node with glibc's huge-pages tunable (`GLIBC_TUNABLES=glibc.malloc.hugetlb=1`), as earlier
 * versions did for big files: on this project's benchmark machines (virtual machines whose balloon device hands free
 * memory back to the host in large blocks) a huge page's first write often waited for the host to back it again,
 * and a compare ran slower with the restart than without on every shape measured (README, "Huge pages"). Users
 * whose hosts favour huge pages set the tunable themselves; glibc reads it as Node starts.
 *
 * Node's compile cache (`module.enableCompileCache()`) was measured here and left off: it saved ~13 ms of the
 * ~135 ms CPU that loading a compare's modules costs, and it writes under os.tmpdir() (Node 24 hangs when that is
 * on procfs).
 */
import { writeSync } from 'node:fs';
import { prestartWorkers, wantsThreads } from '../job/prestart.js';
import { compareFiles } from './compare-files.js';

const argv = process.argv.slice(2);

// A compare of big files reads them on two worker threads: they start loading now, beside the CLI's modules.
if (wantsThreads(compareFiles(argv)) && prestartWorkers() && argv.includes('--debug'))
  writeSync(2, 'driftwatch: debug: worker threads started\n');

await import('./main.js');
