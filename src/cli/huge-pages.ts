/**
 * Whether `driftwatch` restarts Node with huge pages for malloc before it loads the CLI (src/cli/launch.ts).
 *
 * A compare holds its tables in big fresh allocations (8 bytes a float64 cell, 4 a scaled-integer cell), and the
 * first write to each 4 KiB page of them is a page fault. What a fault costs depends on the machine far more than on
 * driftwatch: ~1.5–3 µs on the hosts this project is measured on one day, ~10 µs on another day (the virtual machine
 * then runs paravirtualised, and the host handles each guest page-table change), where a compare of two 360 MB files
 * spends over a second of system time in faults alone. With glibc's huge-pages tunable, malloc asks for 2 MiB
 * transparent huge pages, 512 times fewer faults; but where faults are cheap a huge page's first write can be the
 * slower one (the host backing 2 MiB at once), and the restart costs a bare Node start. So the launcher measures:
 * it times the first writes to a few fresh pages ({@link probeFaultMicros}, ~1–6 ms) and restarts only where a fault
 * costs at least {@link FAULT_MICROS_MIN}. `DRIFTWATCH_HUGE_PAGES=on` or `off` decides without measuring.
 *
 * Measured on Node 24, 2 cores (AMD EPYC), 2026-12-06, alternated runs of `npm run bench -- compare`'s shapes with
 * and without the tunables: with ~10.5 µs a fault, g (100,000 rows × 400 columns) 2.65–3.11 → 2.07–2.41 s, i (12
 * full-precision columns of a million rows) 1.80–1.87 → 1.52–1.57 s, a (StreamFlow, a million rows) 1.24–1.26 →
 * 0.96–0.99 s; hours earlier on the same machine class, with 1.6–2.9 µs a fault, the restart had cost g 2.07 → 2.30 s
 * and b 0.93 → 1.12 s (5 runs each way).
 *
 * The decision is a pure function of the command line, the environment, the file sizes and the probe's reading.
 */
import { compareFiles } from './compare-files.js';

/** The glibc tunable that makes malloc ask the kernel for transparent huge pages (glibc 2.35 and later). */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb';

/**
 * The glibc tunable that caps malloc's arenas; the restart sets it to 1 unless the user set it. Each thread that
 * calls malloc while the others hold the arenas gets one of its own: a 64 MiB reservation grown 4 KiB page by page,
 * which huge pages do not reach. A compare's reading threads, V8's helper threads and the main thread then faulted in
 * ~11k pages of such arenas on shape g of `npm run bench -- compare` (100,000 rows × 400 columns), where one arena,
 * the main one, grows in huge pages. Measured on Node 24, 2 cores (AMD EPYC, ~10 µs a 4 KiB page fault that day),
 * 2026-12-05, alternated runs: shape g 35k → 25k page faults, median wall 2.23 → 2.07 s (5 pairs); user time
 * unchanged (tcache keeps small allocations per thread, so one arena's lock is rarely contended).
 */
export const ARENAS_TUNABLE = 'glibc.malloc.arena_max';

/**
 * The glibc tunable below which malloc serves a request from its arena rather than a mapping of its own; the restart
 * sets it to 32 MiB (its largest value on 64-bit) unless the user set it. A request above glibc's adaptive threshold
 * (128 KiB to start with) gets a fresh mapping, whose 4 KiB pages fault in one by one, and is unmapped when freed;
 * from the one arena, which grows in huge pages, it reuses memory already faulted in. Measured on Node 24, 2 cores
 * (AMD EPYC, ~10 µs a 4 KiB page fault that day), 2026-12-05, 3 alternated pairs: shape a of `npm run bench --
 * compare` (two 1M-row StreamFlow files) 19.0k–20.7k → 15.2k–15.5k page faults and 0.28–0.57 → 0.23–0.26 s of
 * system time.
 */
export const MMAP_THRESHOLD_TUNABLE = 'glibc.malloc.mmap_threshold';

/** What the restart adds to GLIBC_TUNABLES besides the huge pages, each unless the user's value names it. */
const RESTART_TUNABLES: readonly (readonly [string, string])[] = [
  [ARENAS_TUNABLE, '1'],
  [MMAP_THRESHOLD_TUNABLE, String(32 * 1024 * 1024)],
];

/**
 * Compare inputs at least this big (both files together) may restart. Below it the columns are too few pages for
 * the faults saved to pay for a bare Node start (~40–50 ms of a core): two 13 MB files of a million rows saved no
 * CPU time; two 67 MB StreamFlow files saved 0.5 CPU s (92k → 45k faults at ~10 µs each).
 */
export const HUGE_PAGES_MIN_BYTES = 64 * 1024 * 1024;

/**
 * `auto` restarts where a fresh 4 KiB page's first write takes at least this long. Between the two regimes measured
 * (1.6–2.9 µs, where huge pages lost, and ~10 µs, where they won ~20 % of the wall time on every big shape).
 */
export const FAULT_MICROS_MIN = 5;

/** The environment variable that decides without measuring: `on`, `off`, or `auto` (the default). */
export const HUGE_PAGES_ENV = 'DRIFTWATCH_HUGE_PAGES';

/**
 * {@link HUGE_PAGES_ENV}'s value, `auto` when unset.
 *
 * @throws Error when it is set to anything but `auto`, `on` or `off`
 */
export function hugePagesMode(env: NodeJS.ProcessEnv): 'auto' | 'on' | 'off' {
  const mode = env[HUGE_PAGES_ENV] ?? 'auto';
  if (mode !== 'auto' && mode !== 'on' && mode !== 'off')
    throw new Error(`${HUGE_PAGES_ENV} must be auto, on or off, got ${JSON.stringify(mode)}`);
  return mode;
}

/** What the launcher does, and why (for `--debug`). */
export interface HugePagesPlan {
  /** The GLIBC_TUNABLES to restart with; undefined: go on in this process. */
  readonly tunables?: string;
  readonly reason: string;
}

/**
 * Whether to restart Node with huge pages: on Linux, for a `compare` of files of {@link HUGE_PAGES_MIN_BYTES} or
 * more, when GLIBC_TUNABLES does not name the tunable yet (so a restarted process never restarts again, and
 * `GLIBC_TUNABLES=glibc.malloc.hugetlb=0` opts out too), and when {@link HUGE_PAGES_ENV} says `on`, or is unset or
 * `auto` and `probe` reads {@link FAULT_MICROS_MIN} µs a fault or more (`probe` is called only then), on a Node that
 * can replace its process (`process.execve`, 23.11 and later). Other tunables are kept, and {@link ARENAS_TUNABLE} and
 * {@link MMAP_THRESHOLD_TUNABLE} are added unless they name them.
 *
 * Transparent huge pages must be `madvise` or `always` (/sys/kernel/mm/transparent_hugepage/enabled) for the
 * tunable to have an effect; with `madvise`, a common distribution default, only memory that asks gets them, and
 * glibc's malloc asks only when the tunable is set as the process starts.
 *
 * @param probe the cost of a fresh page's first write, in µs (see {@link probeFaultMicros})
 * @param nodeVersion the running Node's version, for the reason
 * @param canReplace whether this Node can replace its process
 * @throws Error when {@link HUGE_PAGES_ENV} is set to anything but `auto`, `on` or `off`
 */
export function hugePagesPlan(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  sizeOf: (path: string) => number,
  probe: () => number,
  nodeVersion: string,
  canReplace: boolean,
): HugePagesPlan {
  const mode = hugePagesMode(env);
  if (platform !== 'linux') return { reason: 'not Linux' };
  const current = env.GLIBC_TUNABLES;
  const named = (current ?? '').split(':').map((entry) => entry.split('=')[0]);
  if (named.includes(HUGE_PAGES_TUNABLE)) return { reason: `GLIBC_TUNABLES=${current}` };
  const files = compareFiles(argv);
  if (files.length === 0) return { reason: 'not a compare of files' };
  let total = 0;
  for (const file of files) total += sizeOf(file);
  if (total < HUGE_PAGES_MIN_BYTES) return { reason: `inputs under ${HUGE_PAGES_MIN_BYTES >> 20} MiB` };
  if (mode === 'off') return { reason: `${HUGE_PAGES_ENV}=off` };
  if (!canReplace) return { reason: `Node ${nodeVersion} cannot replace its process` };
  let reason = `${HUGE_PAGES_ENV}=on`;
  if (mode === 'auto') {
    const micros = probe();
    reason = `a fresh 4 KiB page took ${micros.toFixed(1)} µs to fault in (restart from ${FAULT_MICROS_MIN} µs)`;
    if (!(micros >= FAULT_MICROS_MIN)) return { reason };
  }
  const added = [`${HUGE_PAGES_TUNABLE}=1`];
  for (const [name, value] of RESTART_TUNABLES) if (!named.includes(name)) added.push(`${name}=${value}`);
  return { tunables: [...(current ? [current] : []), ...added].join(':'), reason };
}

const PAGE = 4096;
/** Pages a probe's allocation: 512 KiB, above glibc's initial mmap threshold, so a fresh mapping. */
const PROBE_PAGES = 128;
const PROBES = 4;

/**
 * The cost of a fresh anonymous page's first write in this process, in µs: the least per page over
 * {@link PROBES} fresh allocations of {@link PROBE_PAGES} pages, one byte written a page (the least, so a moment the
 * thread lost its core does not count). Where malloc serves an allocation from memory it already holds (its zeroing
 * then faulted the pages in before the timing), the reading is lower and the launcher stays without huge pages.
 * Measured on the machine above: 9.9–10.9 µs a page (10 runs), ~6 ms in all.
 */
export function probeFaultMicros(): number {
  const held: Uint8Array[] = [];
  let least = Infinity;
  for (let probe = 0; probe < PROBES; probe++) {
    const pages = new Uint8Array(PROBE_PAGES * PAGE);
    held.push(pages);
    const start = process.hrtime.bigint();
    for (let at = 0; at < pages.length; at += PAGE) pages[at] = 1;
    least = Math.min(least, Number(process.hrtime.bigint() - start) / 1000 / PROBE_PAGES);
  }
  return least;
}
