// --debug and stacks, through the bundled CLI: an internal error (here a broken install, its worker bundle replaced
// by one that throws) is one line without --debug, exit 70, no stack; with --debug (before or after the command) the
// stack follows. --debug prints the settings, and no line of a run with it shows a database password (flag,
// DATABASE_URL, PGPASSWORD), even when the server's error message echoes it.
import { cpSync, mkdtempSync, openSync, rmSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES } from '../../src/job/prestart.js';
import { buildCliBundle, removeBundle, runBundle } from '../support/bundle.js';
import { DATABASE_URL, databaseAvailable } from '../snapshot/postgres/support.js';

const available = await databaseAvailable();
const PASSWORD = 'Dbg:Pa55@word';
const PGPASSWORD = 'EnvPgPassw0rd';
const STACK_LINE = /^\s+at /m;

let cli = '';
let brokenCli = '';
let work = '';
let big = '';

beforeAll(() => {
  cli = buildCliBundle();
  work = mkdtempSync(join(tmpdir(), 'dw-debug-'));
  // A broken install: the worker bundle beside the CLI throws as it loads.
  const broken = join(work, 'broken-dist');
  cpSync(dirname(cli), broken, { recursive: true });
  writeFileSync(join(broken, 'worker.js'), "throw new Error('broken install: worker');\n");
  brokenCli = join(broken, 'cli.js');
  // Big enough for the worker threads.
  big = join(work, 'big.csv');
  const fd = openSync(big, 'w');
  writeSync(fd, 'a,b\n');
  const block = Array.from({ length: 10_000 }, (_, i) => `${i % 1000},${(i * 7) % 13}.5`).join('\n') + '\n';
  for (let written = 0; written < PARALLEL_MIN_BYTES + 1; written += block.length) writeSync(fd, block);
  closeSync(fd);
}, 120_000);

afterAll(() => {
  removeBundle(cli);
  rmSync(work, { recursive: true, force: true });
});

describe('stacks only with --debug', () => {
  const args = () => ['compare', '--reference', big, '--current', big, '--report-dir', join(work, 'reports')];

  it('an internal error without --debug is one line, exit 70, no stack', async () => {
    const run = await runBundle(brokenCli, args(), { timeoutMs: 120_000 });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'driftwatch: internal error (please report): broken install: worker (run with --debug for the stack)\n',
    );
    expect(run.code).toBe(70);
  }, 180_000);

  it.each([
    ['after the command', (a: string[]) => [...a, '--debug']],
    ['before the command', (a: string[]) => ['--debug', ...a]],
  ])(
    '--debug %s prints the stack',
    async (_, place) => {
      const run = await runBundle(brokenCli, place(args()), { timeoutMs: 120_000 });
      expect(run.stderr).toContain(
        'driftwatch: internal error (please report): Error: broken install: worker\n',
      );
      expect(run.stderr).toMatch(STACK_LINE);
      expect(run.code).toBe(70);
    },
    180_000,
  );

  it('a user error is one line with or without --debug, never a stack', async () => {
    for (const extra of [[], ['--debug']]) {
      const run = await runBundle(cli, [
        'compare',
        '--reference',
        join(work, 'nope.csv'),
        '--current',
        big,
        ...extra,
      ]);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stderr.split('\n').filter((line) => line.startsWith('driftwatch: error: '))).toEqual([
        `driftwatch: error: ${join(work, 'nope.csv')}: file not found`,
      ]);
      expect(run.code).toBe(2);
    }
  });
});

describe.skipIf(!available)('--debug never prints a password', () => {
  const url = new URL(DATABASE_URL);
  url.password = PASSWORD;
  const forms = [PASSWORD, encodeURIComponent(PASSWORD), PGPASSWORD];

  it.each([
    ['--database-url', ['--database-url', url.toString()], {}],
    ['DATABASE_URL', [], { DATABASE_URL: url.toString() }],
  ])('with the URL from %s and PGPASSWORD set', async (_, urlArgs, env) => {
    const run = await runBundle(
      cli,
      [
        '--debug',
        'compare',
        ...urlArgs,
        // The relation name carries the password, so the server's error message echoes it.
        '--query',
        `SELECT * FROM public."${PASSWORD}" WHERE as_of = $1`,
        '--report-dir',
        join(work, 'db-reports'),
      ],
      { env: { ...process.env, PGPASSWORD, ...env } },
    );
    const output = run.stdout + run.stderr;
    for (const secret of forms) expect(output).not.toContain(secret);
    expect(run.stderr).toMatch(
      /^driftwatch: debug: settings = .*"databaseUrl":"postgresql:\/\/[^"]*:\*\*\*@/m,
    );
    expect(run.stderr).toMatch(
      /^driftwatch: error: table missing at .*relation "public\.\*\*\*" does not exist$/m,
    );
    expect(run.code).toBe(2);
  });
});
