/**
 * Whether `driftwatch` restarts Node with huge pages for malloc before it loads the CLI (src/cli/launch.ts). Pure
 * functions of the command line and the environment, apart from the file sizes asked of `sizeOf`.
 */
/** The glibc tunable that makes malloc ask the kernel for transparent huge pages (glibc 2.35 and later). */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb';

/**
 * The glibc tunable that caps malloc's arenas; the restart sets it to 1 unless the user set it. Each thread that
 * calls malloc while the others hold the arenas gets one of its own: a 64 MiB reservation grown 4 KiB page by page,
 * which huge pages do not reach. A compare's reading threads, V8's helper threads and the main thread then faulted in
 * ~11k pages of such arenas on shape g of `npm run bench -- compare` (100,000 rows × 400 columns), where one arena,
 * the main one, grows in huge pages. Measured on Node 24, 2 cores (AMD EPYC, a virtual machine whose 4 KiB page fault
 * took ~10 µs that day), 2026-12-05, alternated runs: shape g 35k → 25k page faults, median wall 2.23 → 2.07 s (5
 * pairs), peak RSS 475–480 → 470–474 MiB; shape a 37k → 29k faults, l (200 full-precision columns) 30k → 19k (2
 * pairs each), user time unchanged (tcache keeps small allocations per thread, so one arena's lock is rarely
 * contended).
 */
export const ARENAS_TUNABLE = 'glibc.malloc.arena_max';

/**
 * The glibc tunable below which malloc serves a request from its arena rather than a mapping of its own; the restart
 * sets it to 32 MiB (its largest value on 64-bit) unless the user set it. A request above glibc's adaptive threshold
 * (128 KiB to start with) gets a fresh mapping, whose 4 KiB pages fault in one by one (a few MiB leave at most one
 * 2 MiB-aligned huge page inside), and is unmapped when freed; from the one arena, which grows in huge pages, it
 * reuses memory already faulted in. Measured on Node 24, 2 cores (AMD EPYC, ~10 µs a 4 KiB page fault that day),
 * 2026-12-05, 3 alternated pairs each with one arena: shape a of `npm run bench -- compare` (two 1M-row StreamFlow
 * files) 19.0k–20.7k → 15.2k–15.5k page faults and 0.28–0.57 → 0.23–0.26 s of system time; shape i (12 float columns
 * of a million rows) 26.7k–26.9k → 22.8k–23.7k faults; shape g (100,000 rows × 400 columns) unchanged; peak RSS
 * within 10 MiB either way.
 */
export const MMAP_THRESHOLD_TUNABLE = 'glibc.malloc.mmap_threshold';

/** What the restart adds to GLIBC_TUNABLES besides the huge pages, each unless the user's value names it. */
const RESTART_TUNABLES: readonly (readonly [string, string])[] = [
  [ARENAS_TUNABLE, '1'],
  [MMAP_THRESHOLD_TUNABLE, String(32 * 1024 * 1024)],
];

/**
 * Compare inputs at least this big (both files together) restart Node with huge pages. The restart costs a bare Node
 * start before the CLI loads (measured at load ~24 on 2 cores: +0.15 CPU s and +2.7k page faults, about a third of
 * that on an idle machine); what it saves grows with the column memory, ~220–350 fewer faults per MiB of CSV
 * (measured: two 13 MB files of a million rows, a 50k-label string and a float, 31.8k -> 26.3k faults and no CPU
 * saved; two 67 MB StreamFlow files of a million rows, 92k -> 45k faults and 0.5 CPU s saved).
 */
export const HUGE_PAGES_MIN_BYTES = 64 * 1024 * 1024;

/** The snapshot files a `compare` command line names (`--reference`, `--current`), or none for another command. */
export function compareFiles(argv: readonly string[]): string[] {
  const args = argv.filter((arg) => arg !== '--debug');
  if (args[0] !== 'compare') return [];
  const files: string[] = [];
  for (const [index, arg] of args.entries()) {
    for (const flag of ['--reference', '--current']) {
      const value =
        arg === flag ? args[index + 1] : arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : undefined;
      // A git:<rev>:<path> snapshot has no size before it is read.
      if (value !== undefined && !value.startsWith('git:')) files.push(value);
    }
  }
  return files;
}

/**
 * The GLIBC_TUNABLES value to restart Node with, or undefined to go on in this process: on Linux, for a `compare` of
 * files of {@link HUGE_PAGES_MIN_BYTES} or more, when GLIBC_TUNABLES does not name the tunable yet (so a restarted
 * process never restarts again, and `GLIBC_TUNABLES=glibc.malloc.hugetlb=0` opts out). Other tunables are kept, and
 * {@link ARENAS_TUNABLE} and {@link MMAP_THRESHOLD_TUNABLE} are added unless they name them.
 *
 * Why: a compare holds its tables in big fresh allocations (8 bytes per float64 cell, 4 per scaled-integer cell);
 * touching them for the first time costs a page fault per 4 KiB page: ~90k faults and ~0.9 s of system time on two
 * 1M-row files of 15 float64 columns on a loaded machine.
 * Where transparent huge pages are `madvise` (/sys/kernel/mm/transparent_hugepage/enabled; a common distribution
 * default, and this project's benchmark machine's) only memory that asks for them gets them, and glibc's malloc asks
 * only when this tunable is set as the process starts.
 */
export function hugePagesTunables(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  sizeOf: (path: string) => number,
): string | undefined {
  if (platform !== 'linux') return undefined;
  const current = env.GLIBC_TUNABLES;
  const named = (current ?? '').split(':').map((entry) => entry.split('=')[0]);
  if (named.includes(HUGE_PAGES_TUNABLE)) return undefined;
  const files = compareFiles(argv);
  if (files.length === 0) return undefined;
  let total = 0;
  for (const file of files) total += sizeOf(file);
  if (total < HUGE_PAGES_MIN_BYTES) return undefined;
  const added = [`${HUGE_PAGES_TUNABLE}=1`];
  for (const [name, value] of RESTART_TUNABLES) if (!named.includes(name)) added.push(`${name}=${value}`);
  return [...(current ? [current] : []), ...added].join(':');
}
