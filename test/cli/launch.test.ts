// The bin's launcher (src/cli/launch.ts): it finds a compare's snapshot files on the raw command line, starts the
// worker threads early for big files, then loads the CLI, which exits as the CLI does.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFiles } from '../../src/cli/compare-files.js';
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

// The launcher through the bundle, as users run it.
describe('the bundled CLI', () => {
  let cli = '';
  let work = '';
  let reference = '';
  let current = '';

  beforeAll(() => {
    cli = buildCliBundle();
    work = mkdtempSync(join(tmpdir(), 'dw-launch-'));
    // Two files each over the threads' threshold; the current one has drifted (every value shifted). A constant
    // padding column makes them big with few rows, so each run reads them quickly.
    const pad = 'x'.repeat(2000);
    const write = (path: string, shift: number) => {
      const fd = openSync(path, 'w');
      writeSync(fd, 'a,b,pad\n');
      const block =
        Array.from({ length: 1000 }, (_, i) => `${i + shift},${((i * 7) % 13) + shift}.5,${pad}`).join('\n') +
        '\n';
      for (let written = 0; written < PARALLEL_MIN_BYTES + 1; written += block.length) writeSync(fd, block);
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

  it('starts the worker threads before the CLI loads, once, for big files only; a usage error still exits', async () => {
    const STARTED = 'driftwatch: debug: worker threads started';
    const started = (stderr: string) => stderr.split('\n').filter((line) => line === STARTED);
    const big = await runBundle(cli, args('--debug'), { timeoutMs: 120_000 });
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
      { timeoutMs: 120_000 },
    );
    expect(started(small.stderr)).toEqual([]);
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
