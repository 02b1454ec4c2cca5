// The bin's launcher (src/cli/launch.ts): a compare of big files restarts Node once with glibc's huge-pages tunable
// (process.execve, Node 23.11 and later, Linux), and the restarted process runs the CLI exactly as the first one
// would have: same stdout, stderr and exit code. The decision itself is a pure function, tested on its own.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARENAS_TUNABLE,
  compareFiles,
  MMAP_THRESHOLD_TUNABLE,
  HUGE_PAGES_MIN_BYTES,
  HUGE_PAGES_TUNABLE,
  hugePagesTunables,
} from '../../src/cli/huge-pages.js';
import { buildCliBundle, removeBundle, runBundle, runProcess } from '../support/bundle.js';

const ON = `${HUGE_PAGES_TUNABLE}=1`;
/** What a restart sets when the user's GLIBC_TUNABLES names neither tunable. */
const RESTARTED = `${ON}:${ARENAS_TUNABLE}=1:${MMAP_THRESHOLD_TUNABLE}=33554432`;
const BIG = HUGE_PAGES_MIN_BYTES;
const sizes = (table: Record<string, number>) => (path: string) => table[path] ?? 0;

describe('compareFiles', () => {
  it('finds --reference and --current in both spellings, after --debug, and skips git: snapshots', () => {
    expect(compareFiles(['compare', '--reference', 'a.csv', '--current=b.csv'])).toEqual(['a.csv', 'b.csv']);
    expect(compareFiles(['--debug', 'compare', '--current', 'b.csv', '--debug'])).toEqual(['b.csv']);
    expect(compareFiles(['compare', '--reference', 'git:HEAD~1:a.csv', '--current', 'a.csv'])).toEqual([
      'a.csv',
    ]);
  });

  it('is empty for another command, even with the same flags', () => {
    expect(compareFiles(['train', '--reference', 'a.csv'])).toEqual([]);
    expect(compareFiles([])).toEqual([]);
  });
});

describe('hugePagesTunables', () => {
  const argv = ['compare', '--reference', 'r.csv', '--current', 'c.csv'];

  it('restarts a compare whose files add up to the threshold, with the tunable alone or appended', () => {
    const half = sizes({ 'r.csv': BIG / 2, 'c.csv': BIG / 2 });
    expect(hugePagesTunables(argv, {}, 'linux', half)).toBe(RESTARTED);
    // The user's arena cap is kept, not overridden; any other tunable is kept beside both.
    expect(hugePagesTunables(argv, { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux', half)).toBe(
      `glibc.malloc.arena_max=2:${ON}:${MMAP_THRESHOLD_TUNABLE}=33554432`,
    );
    expect(
      hugePagesTunables(argv, { GLIBC_TUNABLES: `${MMAP_THRESHOLD_TUNABLE}=65536` }, 'linux', half),
    ).toBe(`${MMAP_THRESHOLD_TUNABLE}=65536:${ON}:${ARENAS_TUNABLE}=1`);
    expect(hugePagesTunables(argv, { GLIBC_TUNABLES: 'glibc.malloc.tcache_count=0' }, 'linux', half)).toBe(
      `glibc.malloc.tcache_count=0:${RESTARTED}`,
    );
    expect(hugePagesTunables(argv, {}, 'linux', sizes({ 'r.csv': BIG / 2, 'c.csv': BIG / 2 - 1 }))).toBe(
      undefined,
    );
  });

  it('never restarts twice, and not when the user set the tunable (hugetlb=0 opts out)', () => {
    const big = sizes({ 'r.csv': BIG });
    for (const value of [ON, `${HUGE_PAGES_TUNABLE}=0`, `glibc.malloc.arena_max=2:${HUGE_PAGES_TUNABLE}=0`])
      expect(hugePagesTunables(argv, { GLIBC_TUNABLES: value }, 'linux', big)).toBe(undefined);
  });

  it('stays in the process off Linux, for other commands and for missing files', () => {
    expect(hugePagesTunables(argv, {}, 'darwin', sizes({ 'r.csv': BIG }))).toBe(undefined);
    expect(hugePagesTunables(['train', '--reference', 'r.csv'], {}, 'linux', sizes({ 'r.csv': BIG }))).toBe(
      undefined,
    );
    expect(hugePagesTunables(argv, {}, 'linux', () => 0)).toBe(undefined);
  });

  it('a restarted process (its GLIBC_TUNABLES as returned) never restarts again', () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.oneof(
            fc.stringMatching(/^[a-z._]+=[0-9]+(:[a-z._]+=[0-9]+)*$/),
            fc.constantFrom(
              `${ARENAS_TUNABLE}=4`,
              `glibc.malloc.tcache_count=0:${ARENAS_TUNABLE}=2`,
              `${MMAP_THRESHOLD_TUNABLE}=131072`,
            ),
          ),
          { nil: undefined },
        ),
        fc.nat({ max: 4 * BIG }),
        (existing, size) => {
          const env = existing === undefined ? {} : { GLIBC_TUNABLES: existing };
          const first = hugePagesTunables(argv, env, 'linux', () => size);
          if (first === undefined) return;
          expect(first.split(':').filter((entry) => entry.startsWith(HUGE_PAGES_TUNABLE))).toEqual([ON]);
          // One arena cap and one mmap threshold: the user's when they named one, else the restart's.
          for (const [name, value] of [
            [ARENAS_TUNABLE, '1'],
            [MMAP_THRESHOLD_TUNABLE, '33554432'],
          ] as const) {
            const named = (tunables: string) =>
              tunables.split(':').filter((entry) => entry.startsWith(`${name}=`));
            expect(named(first)).toEqual(
              existing && named(existing).length > 0 ? named(existing) : [`${name}=${value}`],
            );
          }
          if (existing) expect(first.startsWith(`${existing}:`)).toBe(true);
          expect(hugePagesTunables(argv, { GLIBC_TUNABLES: first }, 'linux', () => size)).toBe(undefined);
        },
      ),
    );
  });
});

// The restart itself, through the bundle as users run it.
const canRestart =
  process.platform === 'linux' && typeof (process as { execve?: unknown }).execve === 'function';

describe.skipIf(!canRestart)(
  'the bundled CLI restarts once with huge pages (Linux, Node with execve)',
  () => {
    let cli = '';
    let work = '';
    let reference = '';
    let current = '';
    const RESTART = `driftwatch: debug: restarting Node with GLIBC_TUNABLES=`;

    beforeAll(() => {
      cli = buildCliBundle();
      work = mkdtempSync(join(tmpdir(), 'dw-launch-'));
      // Two files just over the threshold together; the current one has drifted (every value shifted). A constant
      // padding column makes them big with few rows, so each run reads them quickly.
      const pad = 'x'.repeat(2000);
      const write = (path: string, shift: number) => {
        const fd = openSync(path, 'w');
        writeSync(fd, 'a,b,pad\n');
        const block =
          Array.from({ length: 1000 }, (_, i) => `${i + shift},${((i * 7) % 13) + shift}.5,${pad}`).join(
            '\n',
          ) + '\n';
        for (let written = 0; written < BIG / 2 + 1; written += block.length) writeSync(fd, block);
        closeSync(fd);
      };
      reference = join(work, 'reference.csv');
      current = join(work, 'current.csv');
      write(reference, 0);
      write(current, 500);
    }, 120_000);

    afterAll(() => {
      removeBundle(cli);
      rmSync(work, { recursive: true, force: true });
    });

    const args = (...extra: string[]) => [
      'compare',
      '--reference',
      reference,
      '--current',
      current,
      '--report-dir',
      join(work, 'reports'),
      ...extra,
    ];
    const env = (tunables?: string): NodeJS.ProcessEnv => {
      const copy = { ...process.env };
      delete copy.GLIBC_TUNABLES;
      return tunables === undefined ? copy : { ...copy, GLIBC_TUNABLES: tunables };
    };
    const restarts = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith(RESTART));

    it('restarts once, and the restarted process sees the tunable (appended to the user’s)', async () => {
      const plain = await runBundle(cli, args('--debug'), { env: env(), timeoutMs: 120_000 });
      expect(restarts(plain.stderr)).toEqual([`${RESTART}${RESTARTED}`]);
      expect(plain.stderr).toContain(`driftwatch: debug: GLIBC_TUNABLES=${RESTARTED}\n`);
      expect(plain.code).toBe(0);

      const kept = await runBundle(cli, args('--debug'), {
        env: env('glibc.malloc.arena_max=2'),
        timeoutMs: 120_000,
      });
      const keptTunables = `glibc.malloc.arena_max=2:${ON}:${MMAP_THRESHOLD_TUNABLE}=33554432`;
      expect(restarts(kept.stderr)).toEqual([`${RESTART}${keptTunables}`]);
      expect(kept.stderr).toContain(`driftwatch: debug: GLIBC_TUNABLES=${keptTunables}\n`);
    }, 240_000);

    it('does not restart when the user opted out, nor for small files', async () => {
      const optedOut = await runBundle(cli, args('--debug'), {
        env: env(`${HUGE_PAGES_TUNABLE}=0`),
        timeoutMs: 120_000,
      });
      expect(restarts(optedOut.stderr)).toEqual([]);
      expect(optedOut.code).toBe(0);
      const small = await runBundle(
        cli,
        [
          '--debug',
          'compare',
          '--reference',
          'fixtures/streamflow/month_000.csv',
          '--current',
          'fixtures/streamflow/month_001.csv',
          '--report-dir',
          join(work, 'small'),
        ],
        { env: env(), timeoutMs: 120_000 },
      );
      expect(restarts(small.stderr)).toEqual([]);
      expect(small.stderr).not.toContain('GLIBC_TUNABLES');
      expect(small.code).toBe(0);
    }, 240_000);

    it('starts the worker threads before the CLI loads, once, for big files only; a usage error still exits', async () => {
      const STARTED = 'driftwatch: debug: worker threads started';
      const started = (stderr: string) => stderr.split('\n').filter((line) => line === STARTED);
      // In the restarted process only (the first one restarts before it would start them).
      const big = await runBundle(cli, args('--debug'), { env: env(), timeoutMs: 120_000 });
      expect(started(big.stderr)).toEqual([STARTED]);
      expect(big.code).toBe(0);
      const small = await runBundle(
        cli,
        [
          '--debug',
          'compare',
          '--reference',
          'fixtures/streamflow/month_000.csv',
          '--current',
          'fixtures/streamflow/month_001.csv',
          '--report-dir',
          join(work, 'small-threads'),
        ],
        { env: env(), timeoutMs: 120_000 },
      );
      expect(started(small.stderr)).toEqual([]);
      // The threads started do not keep a process alive that ends before the job takes them.
      const usage = await runBundle(cli, args('--debug', '--no-such-flag'), {
        env: env(),
        timeoutMs: 60_000,
      });
      expect(started(usage.stderr)).toEqual([STARTED]);
      expect(usage.code).toBe(2);
      expect(usage.signal).toBe(null);
    }, 240_000);

    it('on a terminal, the threads tell of the bytes they read: the progress line reaches 100%', async () => {
      // `script` (util-linux) runs the CLI on a pseudo-terminal, so its stderr is a terminal and the line is drawn.
      const onTerminal = (extra: string[]) =>
        runProcess(['script', '-qec', [process.execPath, cli, ...args(...extra)].join(' '), '/dev/null'], {
          env: env(),
          timeoutMs: 120_000,
        });
      const mib = ((statSync(reference).size + statSync(current).size) / 2 ** 20).toFixed(1);
      const shown = await onTerminal([]);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(`driftwatch: read ${mib} of ${mib} MiB (100%), scored 3 of 3 columns`);
      const quiet = await onTerminal(['--quiet']);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).not.toContain('driftwatch: read');
    }, 240_000);

    it.each([
      ['RETRAIN with --fail-on-drift: exit 1', ['--fail-on-drift'], 1],
      ['an unknown id column: exit 2', ['--id-column', 'no_such_column'], 2],
    ])(
      '%s, with the same stdout and stderr as without the restart',
      async (_, extra, code) => {
        const argv = args(...extra);
        // The files are big enough for a restart (the first test sees it happen).
        expect(hugePagesTunables(argv, env(), 'linux', (path) => statSync(path).size)).toBe(RESTARTED);
        const restarted = await runBundle(cli, argv, { env: env(), timeoutMs: 120_000 });
        const inPlace = await runBundle(cli, argv, {
          env: env(`${HUGE_PAGES_TUNABLE}=0`),
          timeoutMs: 120_000,
        });
        expect(restarted.code).toBe(code);
        expect(restarted.signal).toBe(null);
        expect({ stdout: restarted.stdout, stderr: restarted.stderr }).toEqual({
          stdout: inPlace.stdout,
          stderr: inPlace.stderr,
        });
        expect(inPlace.code).toBe(code);
      },
      240_000,
    );
  },
);
