// Report directory faults, run through the bundled CLI as a user runs it: a file where the directory must be (or one
// of its parents), a directory where a report file must be, a read-only file system, a full disk, a writer killed
// mid-write. Each ends in one line naming the path and the cause, exit 2, nothing of the run under a final name and
// no temporary file left; a later run removes the temporaries of writers that died (SIGKILL) and nothing else.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPORARY_MARKER } from '../../src/util/fs.js';
import { buildCliBundle, type BundleRun, removeBundle, runBundle } from '../support/bundle.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const reference = join(repoRoot, 'fixtures/streamflow/month_000.csv');
const current = join(repoRoot, 'fixtures/streamflow/month_001.csv');
const REPORTS = [
  'drift_month_000_vs_month_001.json',
  'drift_month_000_vs_month_001.html',
  'drift_month_000_vs_month_001.md',
];

/** Whether this process may mount a file system in a private mount namespace (root, or CAP_SYS_ADMIN). */
function canMount(): boolean {
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=16k tmpfs /mnt'], {
    stdio: 'ignore',
  });
  return probe.status === 0;
}
const mounts = canMount();

let cli = '';
let work = '';

beforeAll(() => {
  cli = buildCliBundle();
  work = mkdtempSync(join(tmpdir(), 'dw-report-dir-'));
}, 120_000);

afterAll(() => {
  removeBundle(cli);
  rmSync(work, { recursive: true, force: true });
});

function compare(reportDir: string, ...more: string[]): string[] {
  return ['compare', '--reference', reference, '--current', current, '--report-dir', reportDir, ...more];
}

/** Exit 2, nothing on stdout, exactly one line on stderr matching `line`, no stack. */
function expectOneLine(run: BundleRun, line: RegExp): void {
  expect(run.signal).toBeNull();
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^driftwatch: error: [^\n]+\n$/);
  expect(run.stderr.slice('driftwatch: error: '.length, -1)).toMatch(line);
  expect(run.code).toBe(2);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('report directory faults end in one line, exit 2, nothing partial', () => {
  it('a file where the report directory must be', async () => {
    const file = join(work, 'taken');
    writeFileSync(file, 'not a directory\n');
    const run = await runBundle(cli, compare(file));
    expectOneLine(
      run,
      new RegExp(`^cannot write ${escaped(file)}: ${escaped(file)} is a file, not a directory$`),
    );
  });

  it('a file where a parent of the report directory must be', async () => {
    const file = join(work, 'parent-file');
    writeFileSync(file, 'x');
    const dir = join(file, 'nested', 'reports');
    const run = await runBundle(cli, compare(dir));
    expectOneLine(
      run,
      new RegExp(
        `^cannot write ${escaped(join(file, 'nested', 'reports'))}: ${escaped(file)} is a file, not a directory$`,
      ),
    );
  });

  it('a directory where one report file must be: none of the set is written, no temporary left', async () => {
    const dir = join(work, 'md-is-dir');
    mkdirSync(join(dir, REPORTS[2]!), { recursive: true });
    const run = await runBundle(cli, compare(dir));
    expectOneLine(
      run,
      new RegExp(`^cannot write ${escaped(join(dir, REPORTS[2]!))}: is a directory, not a file$`),
    );
    expect(readdirSync(dir)).toEqual([REPORTS[2]]);
  });

  it('a later run removes the temporaries of dead writers, and only those', async () => {
    const dir = join(work, 'stale');
    mkdirSync(dir);
    // A process that has exited: its id is free (a writer killed with SIGKILL leaves such a temporary).
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    const stale = `.${REPORTS[0]}${TEMPORARY_MARKER}${dead}-abc123`;
    const live = `.${REPORTS[1]}${TEMPORARY_MARKER}${process.pid}-def456`;
    const unrelated = '.notes.txt.tmp-1-abc';
    for (const name of [stale, live, unrelated]) writeFileSync(join(dir, name), 'partial');
    const run = await runBundle(cli, compare(dir));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([live, unrelated, ...REPORTS].sort());
  });

  it('a writer killed by SIGTERM or SIGINT mid-write leaves no temporary and no partial set', async () => {
    // A wide snapshot makes a report set of several megabytes, so the signal can land during the writes.
    const columns = 800;
    const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
    const row = (seed: number) =>
      Array.from({ length: columns }, (_, i) => ((seed * 7919 + i * 104729) % 1000) / 10).join(',');
    const wide = (shift: number) =>
      [header, ...Array.from({ length: 60 }, (_, r) => row(r + shift))].join('\n') + '\n';
    writeFileSync(join(work, 'wide_ref.csv'), wide(0));
    writeFileSync(join(work, 'wide_cur.csv'), wide(13));
    let caughtMidWrite = 0;
    for (const [attempt, signal] of (['SIGTERM', 'SIGINT'] as const).entries()) {
      const dir = join(work, `killed-${attempt}`);
      mkdirSync(dir);
      const child = spawn(
        process.execPath,
        [
          cli,
          'compare',
          '--reference',
          join(work, 'wide_ref.csv'),
          '--current',
          join(work, 'wide_cur.csv'),
          '--report-dir',
          dir,
        ],
        { stdio: 'ignore' },
      );
      let sawTemporary = false;
      const watcher = watch(dir, (_event, name) => {
        if (!sawTemporary && name?.includes(TEMPORARY_MARKER)) {
          sawTemporary = true;
          child.kill(signal);
        }
      });
      const [code, endedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
        child.on('close', (c, s) => done([c, s])),
      );
      watcher.close();
      expect(sawTemporary).toBe(true);
      const left = readdirSync(dir);
      expect(left.filter((name) => name.includes(TEMPORARY_MARKER))).toEqual([]);
      const finals = left.filter((name) => name.startsWith('drift_'));
      // Either the signal ended it during the writes (nothing under a final name), or it landed after the set was
      // complete; never a part of the set.
      expect([0, 3]).toContain(finals.length);
      if (finals.length === 0) {
        expect(endedBy).toBe(signal);
        caughtMidWrite++;
      } else {
        expect(code === 0 || endedBy === signal).toBe(true);
      }
    }
    expect(caughtMidWrite).toBeGreaterThan(0);
  }, 240_000);

  it.skipIf(!mounts)('a read-only file system', () => {
    const dir = join(work, 'ro');
    mkdirSync(dir);
    const out = execFileSync(
      'unshare',
      [
        '-m',
        'sh',
        '-c',
        'mount -t tmpfs -o ro tmpfs "$1" && shift && node "$@" 2>&1; echo "exit=$?"',
        'sh',
        dir,
        cli,
        ...compare(dir),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${resolve(process.execPath, '..')}:${process.env.PATH}` },
      },
    );
    expect(out).toBe(
      `driftwatch: error: cannot write ${join(dir, REPORTS[0]!)}: read-only file system\nexit=2\n`,
    );
  });

  it.skipIf(!mounts)('a full disk: the JSON fits, the HTML does not; nothing of the run is left', () => {
    const dir = join(work, 'full');
    mkdirSync(dir);
    const out = execFileSync(
      'unshare',
      [
        '-m',
        'sh',
        '-c',
        // 64 KiB: room for the JSON report (about 40 KB) but not for the HTML one (about 70 KB) as well.
        'mount -t tmpfs -o size=64k tmpfs "$1" && d="$1" && shift && node "$@" 2>&1; echo "exit=$?"; ls -A "$d"',
        'sh',
        dir,
        cli,
        ...compare(dir),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${resolve(process.execPath, '..')}:${process.env.PATH}` },
      },
    );
    expect(out).toBe(
      `driftwatch: error: cannot write ${join(dir, REPORTS[1]!)}: no space left on the device\nexit=2\n`,
    );
  });
});
