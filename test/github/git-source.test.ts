import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { resolveGitRevision } from '../../src/github/git-source.js';
import { RecordingLogger } from '../support/recording-logger.js';

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@e',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@e',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: gitEnv, stdio: 'pipe' }).toString().trim();

describe('resolveGitRevision (real git)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dw-git-'));
  const origin = path.join(root, 'origin');
  const shallow = path.join(root, 'shallow');
  let base = '';
  let head = '';

  beforeAll(() => {
    mkdirSync(path.join(origin, 'data'), { recursive: true });
    git(origin, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(origin, 'data/month.csv'), 'a\n1\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'base');
    base = git(origin, 'rev-parse', 'HEAD');
    writeFileSync(path.join(origin, 'data/month.csv'), 'a\n2\n');
    git(origin, 'commit', '-q', '-am', 'head');
    head = git(origin, 'rev-parse', 'HEAD');
    // Like actions/checkout's default fetch-depth: 1, the base commit is not in this clone.
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin}`, shallow], { env: gitEnv });
    git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  });

  const options = (cwd: string, aliases: { base?: string; head?: string } = { base, head }) => ({
    cwd,
    aliases,
    input: 'reference',
  });

  it('resolves the pull request aliases to commit shas', async () => {
    expect(
      await resolveGitRevision(
        { rev: 'base', path: 'data/month.csv' },
        options(origin),
        new RecordingLogger(),
      ),
    ).toBe(base);
    expect(
      await resolveGitRevision(
        { rev: 'head', path: 'data/month.csv' },
        options(origin),
        new RecordingLogger(),
      ),
    ).toBe(head);
    expect(
      await resolveGitRevision(
        { rev: 'HEAD~1', path: 'data/month.csv' },
        options(origin),
        new RecordingLogger(),
      ),
    ).toBe(base);
  });

  it('fetches a base commit that a shallow checkout lacks', async () => {
    expect(() => git(shallow, 'cat-file', '-e', `${base}^{commit}`)).toThrow();
    const logger = new RecordingLogger();
    expect(await resolveGitRevision({ rev: 'base', path: 'data/month.csv' }, options(shallow), logger)).toBe(
      base,
    );
    expect(logger.messages('info')[0]).toBe(`Commit ${base} is not in the checkout; fetching it`);
  });

  it.each([
    [
      { rev: 'base', path: 'data/month.csv' },
      {},
      "reference: 'git:base:data/month.csv' needs a pull_request event ('base' is the pull request's base commit)",
    ],
    [
      { rev: 'main', path: 'data/june.csv' },
      undefined,
      "reference: 'data/june.csv' does not exist at revision 'main'",
    ],
    [
      { rev: '--output=/tmp/x', path: 'data/month.csv' },
      undefined,
      "reference: invalid revision '--output=/tmp/x'",
    ],
    [
      { rev: 'f'.repeat(40), path: 'data/month.csv' },
      undefined,
      `reference: revision '${'f'.repeat(40)}' of 'git:${'f'.repeat(40)}:data/month.csv' is not in the checkout`,
    ],
  ])('refuses %j with one line', async (ref, aliases, message) => {
    const error = await resolveGitRevision(ref, options(origin, aliases), new RecordingLogger()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
