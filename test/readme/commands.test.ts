/**
 * Every shell command the README shows runs as written.
 *
 * Each fenced `sh` block carries a marker on the line before its fence, an HTML comment that GitHub does not render:
 *   <!-- runnable -->            this test runs the block and expects exit code 0;
 *   <!-- runnable: exit N -->    ... and expects exit code N (e.g. `--fail-on-drift` on a RETRAIN);
 *   <!-- not-runnable: WHY -->   the block cannot run here, for the reason given. Today that is: the install from
 *                                the git URL (network to the repository's host), `npm test` (this suite itself),
 *                                and the @github/local-action run (downloads a package that is not a dependency).
 * A block without a marker fails this test, so a new command is either run here or says why it is not.
 * A plain fence marked <!-- output --> right after a runnable block is that block's example output: the block's
 * stdout must end with exactly those lines. YAML blocks are not commands: the complete workflows (marked
 * <!-- workflow -->) are checked by workflows.test.ts; the others are excerpts (an SLO file).
 *
 * The runnable blocks run in README order, each with `bash -euo pipefail`, all in one temporary copy of the
 * repository (its tracked files and untracked ones that are not ignored), with:
 * - npm's global prefix in a temporary directory whose bin/ leads PATH, so the README's `npm install -g` installs
 *   there and every later `driftwatch` is that installed command;
 * - npm preferring its cache to the registry for package metadata (as after the suite's own `npm ci`);
 * - DATABASE_URL naming a database created for this run on the test server (dropped at the end), so the
 *   PostgreSQL blocks run against the real server without touching anybody else's tables.
 * Background processes a block starts are ended with its process group.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, databaseAvailable, sql } from '../snapshot/postgres/support.js';
import { readmeBlocks, type FencedBlock } from '../support/readme.js';

const blocks = readmeBlocks();
const commands = blocks.filter((block) => block.lang === 'sh');
const runnable = commands.filter((block) => block.marker === 'runnable');
/** The output block right after each runnable block, if any. */
const outputOf = new Map<FencedBlock, FencedBlock>();
for (let i = 0; i + 1 < blocks.length; i++)
  if (blocks[i]!.marker === 'runnable' && blocks[i + 1]!.marker === 'output')
    outputOf.set(blocks[i]!, blocks[i + 1]!);

const expectedExit = (block: FencedBlock): number => {
  const match = /^exit (\d+)$/.exec(block.argument ?? 'exit 0');
  if (!match) throw new Error(`README.md:${block.line}: marker argument '${block.argument}' is not 'exit N'`);
  return Number(match[1]);
};

/** The first line of a block, for test names. */
const title = (block: FencedBlock) => `README.md:${block.line}: ${block.body.split('\n')[0]}`;

describe('README markers', () => {
  it('every sh block is marked runnable, or not-runnable with a reason', () => {
    for (const block of commands) {
      expect(['runnable', 'not-runnable'], title(block)).toContain(block.marker);
      if (block.marker === 'not-runnable') expect(block.argument, title(block)).toBeTruthy();
    }
    expect(runnable.length).toBeGreaterThanOrEqual(8);
  });

  it('markers sit only where they mean something', () => {
    for (const [index, block] of blocks.entries()) {
      if (block.marker === undefined) continue;
      expect(['runnable', 'not-runnable', 'output', 'workflow'], title(block)).toContain(block.marker);
      if (block.marker === 'runnable' || block.marker === 'not-runnable')
        expect(block.lang, title(block)).toBe('sh');
      if (block.marker === 'workflow') expect(block.lang, title(block)).toBe('yaml');
      if (block.marker === 'output') {
        expect(block.lang, title(block)).toBe('');
        expect(blocks[index - 1]?.marker, `${title(block)} follows a runnable block`).toBe('runnable');
      }
    }
  });
});

describe('README commands, run as written', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'driftwatch-readme-'));
  const work = join(tmp, 'driftwatch');
  const prefix = join(tmp, 'npm-global');
  const database = `dw_readme_${process.pid}_${Date.now().toString(36)}`;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // The repository as a clone would have it: tracked files plus new, non-ignored ones.
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
    for (const file of files) {
      mkdirSync(join(work, dirname(file)), { recursive: true });
      cpSync(file, join(work, file), { dereference: false, errorOnExist: false });
    }
    mkdirSync(join(prefix, 'bin'), { recursive: true });

    if (!(await databaseAvailable()))
      throw new Error(`PostgreSQL unreachable at ${new URL(DATABASE_URL).host}`);
    await sql(`CREATE DATABASE ${database}`);
    const url = new URL(DATABASE_URL);
    url.pathname = `/${database}`;

    // Nothing of the npm process running this suite leaks into the blocks (npm_config_*, npm_lifecycle_*).
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD'),
    );
    env = {
      ...inherited,
      PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
      npm_config_prefix: prefix,
      npm_config_update_notifier: 'false',
      // Package metadata already in npm's cache is used without asking the registry again (`npm ci` stays literal).
      npm_config_prefer_offline: 'true',
      DATABASE_URL: url.toString(),
    };
  }, 120_000);

  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await sql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  });

  it.each(runnable.map((block) => [title(block), block] as const))(
    '%s',
    async (_name, block) => {
      const result = await runBlock(block.body, work, env);
      const context = `${title(block)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
      expect(result.code, context).toBe(expectedExit(block));
      const output = outputOf.get(block);
      if (output) {
        const expected = output.body.split('\n');
        const actual = result.stdout.trimEnd().split('\n').slice(-expected.length);
        expect(actual.join('\n'), `the output shown at README.md:${output.line}\n${context}`).toBe(
          expected.join('\n'),
        );
      }
    },
    // `npm ci` in the copy installs every devDependency (about a minute on the 2-core CI machine).
    600_000,
  );
});

interface BlockResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one block in its own process group, then ends whatever it left running in the background. */
function runBlock(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<BlockResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // the group is already gone
      }
      resolve({ code, stdout, stderr });
    });
  });
}
