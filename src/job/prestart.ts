/**
 * Worker threads started before the CLI's modules load. A compare on big files reads them on two threads, and a
 * thread takes ~150 ms of a core to start (a Node worker's bootstrap, then the worker bundle); started by the job,
 * that start-up follows the main thread's own (~150 ms of loading the CLI) and delays the first read by both. The
 * `driftwatch` launcher starts them first instead, so the two overlap; the job's pool takes them
 * ({@link takePrestartedWorkers}). Until then they do not keep the process alive (a usage error exits at once), and a
 * thread that fails as it loads is remembered for the pool, not thrown.
 *
 * Kept apart from the pool (no imports of the job's code) so the launcher stays small.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Files at least this big make a compare read and score on worker threads. Below it the threads cost more than the
 * parallel reads save on two cores: the two threads take ~0.35 CPU s to start (a Node worker, then the worker
 * bundle) and ~70 MB, a string column's labels are copied between the threads, and two reads at once slow each
 * other. Measured at 8 MiB on two 12.9 MB files of a million rows (a 50k-label string and a float), alternated at
 * load ~2: 1.4–2.1 s wall either way, 2.5 CPU s and 230 MB against 1.85 s and 158 MB on one thread; two 15 MB files
 * of four numeric columns: 1.8 against 1.6 CPU s, 211 against 152 MB, wall alike.
 */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/** Threads of a compare's pool: one per snapshot as they are read, then both score columns. */
export const THREADS = 2;

/**
 * The pool's threads keep a young generation of 6 MiB. Under V8's default a worker's new space grew to 128 MiB in a
 * loop of short-lived allocations (Node 24 on a 24 GiB machine), 4 MiB with this limit. What a thread allocates while
 * it reads and scores is short-lived scratch beside the columns, and the larger space only held more of it. Measured
 * on shape g of `npm run bench -- compare` (two 100,000-row × 400-column files; 3 runs each, 2026-12-05): peak RSS
 * 487–515 MiB with the default, 481–482 MiB with this, at the same wall and CPU time; shapes a, b, h, i and k
 * (3 runs each) ran as fast and peaked within 15 MiB below to 5 MiB above the default.
 */
export const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 6 } } as const;

/** The worker bundle beside the running module (dist/worker.js), or undefined when not running from the bundle. */
export function workerUrl(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** A file's size in bytes, 0 when it cannot be read (its reader reports that with its own message). */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Whether files at these paths are read on worker threads (one of them is big enough). */
export function wantsThreads(paths: readonly string[]): boolean {
  return paths.some((path) => fileSize(path) >= PARALLEL_MIN_BYTES);
}

interface Prestarted {
  readonly workers: Worker[];
  /** The first error a thread raised before the pool took it. */
  failure: Error | undefined;
  readonly onError: (error: Error) => void;
}

let prestarted: Prestarted | undefined;

/** Starts the pool's threads now (once), when the worker bundle is there; returns whether it did. */
export function prestartWorkers(): boolean {
  if (prestarted) return true;
  const url = workerUrl();
  if (!url) return false;
  const held: Prestarted = {
    workers: Array.from({ length: THREADS }, () => new Worker(url, WORKER_OPTIONS)),
    failure: undefined,
    onError: (error) => {
      held.failure ??= error;
    },
  };
  for (const worker of held.workers) {
    worker.on('error', held.onError);
    worker.unref();
  }
  prestarted = held;
  return true;
}

/**
 * The threads {@link prestartWorkers} started (they keep the process alive again from now on) and the error one of
 * them raised meanwhile, if any; undefined when none were started or they were taken already.
 */
export function takePrestartedWorkers(): { workers: Worker[]; failure: Error | undefined } | undefined {
  const held = prestarted;
  if (!held) return undefined;
  prestarted = undefined;
  for (const worker of held.workers) {
    worker.off('error', held.onError);
    worker.ref();
  }
  return { workers: held.workers, failure: held.failure };
}
