// The progress line of a big compare job: in place on a terminal, every 5 s at most in CI logs, silent otherwise.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARE_FLAGS } from '../../src/cli/commands/compare.js';
import { runCompareJob } from '../../src/job/compare-job.js';
import { parseCompareSettings } from '../../src/job/compare-settings.js';
import { LOG_INTERVAL_MS, Progress, PROGRESS_MIN_BYTES } from '../../src/job/progress.js';

/** A stream that records what is written; a terminal when `isTTY`. */
function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) };
}

/** A file of `bytes` bytes (its content does not matter to the progress line). */
function fileOf(dir: string, name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(bytes, 0x31));
  return path;
}

function settingsFor(reference: string, current: string, extra: Record<string, string | boolean> = {}) {
  return parseCompareSettings({ reference, current, ...extra }, COMPARE_FLAGS, { cwd: '/', env: {} });
}

const dir = mkdtempSync(join(tmpdir(), 'driftwatch-progress-'));
const half = PROGRESS_MIN_BYTES / 2;
const big = [fileOf(dir, 'a.csv', half), fileOf(dir, 'b.csv', half)] as const;

describe('Progress', () => {
  it('rewrites one line in place on a terminal, at most every 100 ms, and clears it at the end', () => {
    const out = stream(true);
    let now = 0;
    const progress = Progress.forJob(settingsFor(...big), { stream: out, env: {}, now: () => now })!;
    expect(progress).toBeDefined();
    progress.start();
    progress.bytes(half);
    now = 50;
    progress.bytes(half / 2); // too soon: not drawn
    now = 150;
    progress.bytes(half / 2);
    progress.columnsScored(1, 3);
    progress.columnsScored(3, 3); // the last column is drawn at once
    progress.finish();
    expect(out.writes).toEqual([
      '\rdriftwatch: read 0.0 of 16.0 MiB (0%)',
      '\rdriftwatch: read 16.0 of 16.0 MiB (100%)',
      '\rdriftwatch: read 16.0 of 16.0 MiB (100%), scored 3 of 3 columns',
      `\r${' '.repeat('driftwatch: read 16.0 of 16.0 MiB (100%), scored 3 of 3 columns'.length)}\r`,
    ]);
    expect(out.writes.join('')).not.toContain('\n');
  });

  it('pads a shorter line over a longer one on a terminal', () => {
    const out = stream(true);
    let now = 0;
    const progress = Progress.forJob(settingsFor(...big), { stream: out, env: {}, now: () => now })!;
    progress.columnsScored(10, 10);
    now = 1000;
    progress.columnsScored(1, 2);
    expect(out.writes[1]).toBe(
      '\rdriftwatch: read 0.0 of 16.0 MiB (0%), scored 1 of 2 columns' + ' '.repeat(2),
    );
  });

  it('writes one line every 5 s at most in a CI log (stderr not a terminal), with a fake clock', () => {
    const out = stream(false);
    let now = 0;
    const progress = Progress.forJob(settingsFor(...big), {
      stream: out,
      env: { GITHUB_ACTIONS: 'true' },
      now: () => now,
    })!;
    progress.start();
    for (let step = 1; step <= 64; step++) {
      now = step * 250; // 16 s in all, a chunk every 250 ms
      progress.bytes(PROGRESS_MIN_BYTES / 64);
    }
    progress.columnsScored(2, 2);
    progress.finish();
    expect(out.writes).toEqual([
      'driftwatch: read 5.0 of 16.0 MiB (31%)\n',
      'driftwatch: read 10.0 of 16.0 MiB (62%)\n',
      'driftwatch: read 15.0 of 16.0 MiB (93%)\n',
    ]);
    expect(LOG_INTERVAL_MS).toBe(5000);
    const ci = stream(false);
    // A job over within its first 5 s leaves nothing in the log (an error stays one line).
    let clock = 0;
    const quick = Progress.forJob(settingsFor(...big), {
      stream: ci,
      env: { CI: 'true' },
      now: () => clock,
    })!;
    quick.start();
    clock = 4999;
    quick.bytes(1);
    quick.columnsScored(1, 1);
    quick.finish();
    expect(ci.writes).toHaveLength(0);
  });

  it('stays quiet with --quiet, for small inputs, and when stderr is neither a terminal nor a CI log', () => {
    const output = { stream: stream(true), env: { CI: 'true' } };
    expect(Progress.forJob(settingsFor(...big, { quiet: true }), output)).toBeUndefined();
    const small = fileOf(dir, 'small.csv', 1024);
    expect(Progress.forJob(settingsFor(small, small), output)).toBeUndefined();
    expect(Progress.forJob(settingsFor(...big), { stream: stream(false), env: {} })).toBeUndefined();
    expect(Progress.forJob(settingsFor(...big), undefined)).toBeUndefined();
    expect(() =>
      parseCompareSettings({ reference: 'a.csv', current: 'b.csv', quiet: 'yes' }, COMPARE_FLAGS, {
        cwd: '/',
        env: {},
      }),
    ).toThrow(/--quiet: 'yes' is not a boolean/);
  });

  it('is told the bytes read and the columns scored by a real compare job', async () => {
    // Two CSVs of 8 MiB and a bit (16 MiB together, the smallest job that shows progress), in few rows: long labels.
    const labels = ['a', 'b', 'c', 'd', 'e'].map((letter) => letter.repeat(2000));
    const lines = ['x,label'];
    for (let i = 0; lines.length * 2000 < half + 65536; i++) lines.push(`${i % 97},${labels[i % 5]}`);
    const text = lines.join('\n') + '\n';
    const reference = join(dir, 'ref.csv');
    const current = join(dir, 'cur.csv');
    writeFileSync(reference, text);
    writeFileSync(current, text);
    const out = stream(true);
    let now = 0;
    await runCompareJob(
      settingsFor(reference, current, { reportDir: join(dir, 'reports'), formats: 'json' }),
      undefined,
      { stream: out, env: {}, now: () => (now += 1000) },
    );
    const total = ((text.length * 2) / 2 ** 20).toFixed(1);
    expect(out.writes).toContain(`\rdriftwatch: read ${total} of ${total} MiB (100%)`);
    expect(out.writes.at(-2)).toBe(
      `\rdriftwatch: read ${total} of ${total} MiB (100%), scored 2 of 2 columns`,
    );
    expect(out.writes.at(-1)).toMatch(/^\r +\r$/);
  });
});
