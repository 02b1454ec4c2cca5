// The bin's launcher (src/cli/launch.ts): it finds a compare's snapshot files on the raw command line, restarts Node
// once with glibc's huge-pages tunable where page faults are dear (process.execve, Node 23.11 and later, Linux),
// starts the worker threads early for big files, then loads the CLI, which exits as the CLI does. The restart's
// decision is a pure function, tested on its own.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFiles } from '../../src/cli/compare-files.js';
import {
  ARENAS_TUNABLE,
  FAULT_MICROS_MIN,
  HUGE_PAGES_ENV,
  HUGE_PAGES_MIN_BYTES,
  HUGE_PAGES_TUNABLE,
  hugePagesMode,
  hugePagesPlan,
  MMAP_THRESHOLD_TUNABLE,
  probeFaultMicros,
} from '../../src/cli/huge-pages.js';
import { PARALLEL_MIN_BYTES } from '../../src/job/prestart.js';
import { buildCliBundle, removeBundle, runBundle, runProcess } from '../support/bundle.js';

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

const ON = `${HUGE_PAGES_TUNABLE}=1`;
/** What a restart sets when the user's GLIBC_TUNABLES names neither of the other two tunables. */
const RESTARTED = `${ON}:${ARENAS_TUNABLE}=1:${MMAP_THRESHOLD_TUNABLE}=33554432`;
const BIG = HUGE_PAGES_MIN_BYTES;
const sizes = (table: Record<string, number>) => (path: string) => table[path] ?? 0;
const SLOW = () => FAULT_MICROS_MIN;
const FAST = () => FAULT_MICROS_MIN - 0.1;
const NEVER = () => {
  throw new Error('probed');
};

describe('hugePagesPlan', () => {
  const argv = ['compare', '--reference', 'r.csv', '--current', 'c.csv'];
  const half = sizes({ 'r.csv': BIG / 2, 'c.csv': BIG / 2 });
  const plan = (env: NodeJS.ProcessEnv, probe = SLOW, sizeOf = half, platform: NodeJS.Platform = 'linux') =>
    hugePagesPlan(argv, env, platform, sizeOf, probe, 'v24.0.0', true).tunables;

  it('restarts a compare whose files add up to the threshold where a fault costs the threshold or more', () => {
    expect(plan({})).toBe(RESTARTED);
    expect(plan({}, FAST)).toBe(undefined);
    expect(plan({}, () => NaN)).toBe(undefined);
    expect(plan({}, SLOW, sizes({ 'r.csv': BIG / 2, 'c.csv': BIG / 2 - 1 }))).toBe(undefined);
    expect(hugePagesPlan(argv, {}, 'linux', half, () => 10.66, 'v24.0.0', true).reason).toBe(
      `a fresh 4 KiB page took 10.7 µs to fault in (restart from ${FAULT_MICROS_MIN} µs)`,
    );
  });

  it('appends to the user’s tunables and keeps the ones they set', () => {
    expect(plan({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toBe(
      `glibc.malloc.arena_max=2:${ON}:${MMAP_THRESHOLD_TUNABLE}=33554432`,
    );
    expect(plan({ GLIBC_TUNABLES: `${MMAP_THRESHOLD_TUNABLE}=65536` })).toBe(
      `${MMAP_THRESHOLD_TUNABLE}=65536:${ON}:${ARENAS_TUNABLE}=1`,
    );
    expect(plan({ GLIBC_TUNABLES: 'glibc.malloc.tcache_count=0' })).toBe(
      `glibc.malloc.tcache_count=0:${RESTARTED}`,
    );
  });

  it(`${HUGE_PAGES_ENV}=on restarts without measuring, off never restarts nor measures`, () => {
    expect(plan({ [HUGE_PAGES_ENV]: 'on' }, NEVER)).toBe(RESTARTED);
    expect(plan({ [HUGE_PAGES_ENV]: 'off' }, NEVER)).toBe(undefined);
    expect(plan({ [HUGE_PAGES_ENV]: 'auto' }, FAST)).toBe(undefined);
    // Small files, another command and a named tunable come first: nothing to measure.
    expect(plan({ [HUGE_PAGES_ENV]: 'on' }, NEVER, () => 1)).toBe(undefined);
    for (const value of ['', 'yes', 'ON', '1'])
      expect(() => plan({ [HUGE_PAGES_ENV]: value })).toThrow(
        `${HUGE_PAGES_ENV} must be auto, on or off, got ${JSON.stringify(value)}`,
      );
    expect(hugePagesMode({})).toBe('auto');
  });

  it('never restarts twice, and not when the user set the tunable (hugetlb=0 opts out)', () => {
    for (const value of [ON, `${HUGE_PAGES_TUNABLE}=0`, `glibc.malloc.arena_max=2:${HUGE_PAGES_TUNABLE}=0`])
      expect(plan({ GLIBC_TUNABLES: value, [HUGE_PAGES_ENV]: 'on' }, NEVER)).toBe(undefined);
  });

  it('stays in the process off Linux, for other commands and for missing files, without measuring', () => {
    expect(plan({}, NEVER, half, 'darwin')).toBe(undefined);
    expect(
      hugePagesPlan(['train', '--reference', 'r.csv'], {}, 'linux', half, NEVER, 'v24.0.0', true).tunables,
    ).toBe(undefined);
    expect(plan({}, NEVER, () => 0)).toBe(undefined);
  });

  it('never measures nor restarts on a Node that cannot replace its process, and says so once the rest holds', () => {
    for (const mode of ['on', 'auto'])
      expect(hugePagesPlan(argv, { [HUGE_PAGES_ENV]: mode }, 'linux', half, NEVER, 'v20.1.0', false)).toEqual(
        {
          reason: 'Node v20.1.0 cannot replace its process',
        },
      );
    // What comes first still says why: small files, off, a named tunable; a wrong value is still an error.
    expect(hugePagesPlan(argv, {}, 'linux', () => 1, NEVER, 'v20.1.0', false).reason).toBe(
      'inputs under 64 MiB',
    );
    expect(
      hugePagesPlan(argv, { [HUGE_PAGES_ENV]: 'off' }, 'linux', half, NEVER, 'v20.1.0', false).reason,
    ).toBe(`${HUGE_PAGES_ENV}=off`);
    expect(() =>
      hugePagesPlan(['--version'], { [HUGE_PAGES_ENV]: 'yes' }, 'linux', half, NEVER, 'v20.1.0', false),
    ).toThrow(`${HUGE_PAGES_ENV} must be auto, on or off, got "yes"`);
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
        fc.double({ min: 0, max: 100, noNaN: true }),
        (existing, size, micros) => {
          const env = existing === undefined ? {} : { GLIBC_TUNABLES: existing };
          const first = plan(
            env,
            () => micros,
            () => size,
          );
          // Both files are `size` bytes; a user's hugetlb setting comes first.
          const userSet = (existing ?? '')
            .split(':')
            .some((entry) => entry.startsWith(`${HUGE_PAGES_TUNABLE}=`));
          expect(first !== undefined).toBe(!userSet && 2 * size >= BIG && micros >= FAULT_MICROS_MIN);
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
          expect(plan({ GLIBC_TUNABLES: first }, NEVER, () => size)).toBe(undefined);
        },
      ),
    );
  });

  it('the probe reads a positive, finite cost a page', () => {
    const micros = probeFaultMicros();
    expect(micros).toBeGreaterThan(0);
    expect(micros).toBeLessThan(10_000);
  });
});

// The launcher through the bundle, as users run it.
describe('the bundled CLI', () => {
  let cli = '';
  let work = '';
  let reference = '';
  let current = '';

  beforeAll(() => {
    cli = buildCliBundle();
    work = mkdtempSync(join(tmpdir(), 'dw-launch-'));
    // Two files each over the threads' threshold and together over the restart's; the current one has drifted (every
    // value shifted). A constant padding column makes them big with few rows, so each run reads them quickly.
    const pad = 'x'.repeat(2000);
    const write = (path: string, shift: number) => {
      const fd = openSync(path, 'w');
      writeSync(fd, 'a,b,pad\n');
      const block =
        Array.from({ length: 1000 }, (_, i) => `${i + shift},${((i * 7) % 13) + shift}.5,${pad}`).join('\n') +
        '\n';
      const size = Math.max(PARALLEL_MIN_BYTES, HUGE_PAGES_MIN_BYTES / 2) + 1;
      for (let written = 0; written < size; written += block.length) writeSync(fd, block);
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

  /** A compare of the bundled StreamFlow fixtures (under the threads' and the restart's sizes), with --debug. */
  const small = (reportDir: string) => [
    '--debug',
    'compare',
    '--reference',
    'fixtures/streamflow/month_000.csv',
    '--current',
    'fixtures/streamflow/month_001.csv',
    '--report-dir',
    join(work, reportDir),
  ];
  /** The environment of the test run without the two variables the restart reads, plus those given. */
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const copy = { ...process.env };
    delete copy.GLIBC_TUNABLES;
    delete copy[HUGE_PAGES_ENV];
    return { ...copy, ...extra };
  };
  const hugePages = (stderr: string) =>
    stderr.split('\n').filter((line) => line.startsWith('driftwatch: debug: huge pages: '));
  const canRestart =
    process.platform === 'linux' && typeof (process as { execve?: unknown }).execve === 'function';

  /** What a Node that cannot replace its process (before 23.11) says instead of restarting. */
  const cannot = `driftwatch: debug: huge pages: no restart (Node ${process.version} cannot replace its process)`;

  it(`restarts once with ${HUGE_PAGES_ENV}=on (where Node can), to the same report; never with off`, async () => {
    const on = await runBundle(cli, args('--debug', '--report-dir', join(work, 'on')), {
      env: env({ [HUGE_PAGES_ENV]: 'on', GLIBC_TUNABLES: 'glibc.malloc.tcache_count=7' }),
      timeoutMs: 120_000,
    });
    const tunables = `glibc.malloc.tcache_count=7:${RESTARTED}`;
    expect(hugePages(on.stderr)).toEqual(
      canRestart
        ? [
            `driftwatch: debug: huge pages: ${HUGE_PAGES_ENV}=on: restarting Node with GLIBC_TUNABLES=${tunables}`,
            `driftwatch: debug: huge pages: no restart (GLIBC_TUNABLES=${tunables})`,
          ]
        : [cannot],
    );
    expect(on.code).toBe(0);
    const off = await runBundle(cli, args('--debug', '--report-dir', join(work, 'off')), {
      env: env({ [HUGE_PAGES_ENV]: 'off' }),
      timeoutMs: 120_000,
    });
    expect(hugePages(off.stderr)).toEqual([
      `driftwatch: debug: huge pages: no restart (${HUGE_PAGES_ENV}=off)`,
    ]);
    expect(off.code).toBe(0);
    const report = (dir: string) => {
      const json = JSON.parse(
        readFileSync(join(work, dir, 'drift_reference_vs_current.json'), 'utf8'),
      ) as Record<string, unknown>;
      delete json.generated_at;
      delete json.duration_seconds;
      return json;
    };
    expect(report('on')).toEqual(report('off'));
    expect(readFileSync(join(work, 'on', 'drift_reference_vs_current.md'), 'utf8')).toBe(
      readFileSync(join(work, 'off', 'drift_reference_vs_current.md'), 'utf8'),
    );
  }, 240_000);

  it('by default measures a page fault (where Node can restart) and restarts only where it is dear', async () => {
    const run = await runBundle(cli, args('--debug'), { env: env(), timeoutMs: 120_000 });
    expect(run.code).toBe(0);
    const lines = hugePages(run.stderr);
    if (!canRestart) {
      expect(lines).toEqual([cannot]);
      return;
    }
    const measured =
      /^driftwatch: debug: huge pages: (no restart \()?a fresh 4 KiB page took (\d+\.\d) µs to fault in \(restart from (\d+) µs\)(.*)$/.exec(
        lines[0] ?? '',
      );
    expect(measured, lines.join('\n')).not.toBe(null);
    const [, stayed, micros, from, rest] = measured!;
    expect(Number(from)).toBe(FAULT_MICROS_MIN);
    // The reading is printed rounded to 0.1 µs: a restart shows at least the threshold, a stay at most it.
    if (stayed === undefined) {
      expect(Number(micros)).toBeGreaterThanOrEqual(FAULT_MICROS_MIN);
      expect(rest).toBe(`: restarting Node with GLIBC_TUNABLES=${RESTARTED}`);
      expect(lines[1]).toBe(`driftwatch: debug: huge pages: no restart (GLIBC_TUNABLES=${RESTARTED})`);
    } else {
      expect(Number(micros)).toBeLessThanOrEqual(FAULT_MICROS_MIN);
      expect(rest).toBe(')');
      expect(lines).toHaveLength(1);
    }
  }, 240_000);

  it('a wrong DRIFTWATCH_HUGE_PAGES is a one-line usage error, on every command; small files never restart', async () => {
    const wrong = await runBundle(cli, ['--version'], { env: env({ [HUGE_PAGES_ENV]: 'yes' }) });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`driftwatch: error: ${HUGE_PAGES_ENV} must be auto, on or off, got "yes"\n`);
    const fixtures = await runBundle(cli, small('small-pages'), {
      env: env({ [HUGE_PAGES_ENV]: 'on' }),
      timeoutMs: 120_000,
    });
    expect(fixtures.code).toBe(0);
    expect(hugePages(fixtures.stderr)).toEqual([
      'driftwatch: debug: huge pages: no restart (inputs under 64 MiB)',
    ]);
  }, 240_000);

  it('starts the worker threads before the CLI loads, once, for big files only; a usage error still exits', async () => {
    const STARTED = 'driftwatch: debug: worker threads started';
    const started = (stderr: string) => stderr.split('\n').filter((line) => line === STARTED);
    const big = await runBundle(cli, args('--debug'), { timeoutMs: 120_000 });
    expect(started(big.stderr)).toEqual([STARTED]);
    expect(big.code).toBe(0);
    const fixtures = await runBundle(cli, small('small-threads'), { timeoutMs: 120_000 });
    expect(started(fixtures.stderr)).toEqual([]);
    // The threads started do not keep a process alive that ends before the job takes them.
    const usage = await runBundle(cli, args('--debug', '--no-such-flag'), {
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
    ['RETRAIN with --fail-on-drift: exit 1', ['--fail-on-drift'], 1, /-> RETRAIN/],
    ['an unknown id column: exit 2', ['--id-column', 'no_such_column'], 2, /no_such_column/],
  ])(
    '%s, through the launcher',
    async (_, extra, code, said) => {
      const run = await runBundle(cli, args(...extra), { timeoutMs: 120_000 });
      expect(run.code).toBe(code);
      expect(run.signal).toBe(null);
      expect(`${run.stdout}${run.stderr}`).toMatch(said);
    },
    240_000,
  );
});
