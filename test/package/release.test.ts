/**
 * script/release (tags vX.Y.Z, moves the major tag vX) run for real on a scratch repository whose `origin` is a
 * local bare repository, and scripts/release-notes.mjs (the GitHub release's notes) on CHANGELOG sections.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = resolve('script/release');
const notes = resolve('scripts/release-notes.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'driftwatch-release-'));
const remote = join(tmp, 'remote.git');
const work = join(tmp, 'work');
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.invalid',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.invalid',
};

const git = (...args: string[]) => execFileSync('git', args, { cwd: work, env, encoding: 'utf8' }).trim();
const release = (...args: string[]) =>
  spawnSync(join(work, 'script', 'release'), args, { cwd: work, env, encoding: 'utf8', stdio: 'pipe' });
/** Tags on the remote, name → commit. */
const remoteTags = (): Record<string, string> =>
  Object.fromEntries(
    execFileSync('git', ['ls-remote', '--tags', remote], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((line) => line.endsWith('^{}'))
      .map((line) => {
        const [sha, ref] = line.split('\t') as [string, string];
        return [ref.replace(/^refs\/tags\//, '').replace(/\^\{\}$/, ''), sha];
      }),
  );

/** Sets package.json's version, adds its CHANGELOG section (unless told not to) and commits. */
function prepare(version: string, changelog = true): string {
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'driftwatch', version }, null, 2) + '\n');
  if (changelog) {
    const previous = readFileSync(join(work, 'CHANGELOG.md'), 'utf8');
    writeFileSync(
      join(work, 'CHANGELOG.md'),
      previous.replace(
        '## [Unreleased]\n',
        `## [Unreleased]\n\n## [${version}] - 2026-12-03\n\n- ${version}\n`,
      ),
    );
  }
  git('commit', '--quiet', '--all', '--message', `Release ${version}`);
  return git('rev-parse', 'HEAD');
}

beforeAll(() => {
  execFileSync('git', ['init', '--quiet', '--bare', remote], { env });
  mkdirSync(join(work, 'script'), { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('remote', 'add', 'origin', remote);
  copyFileSync(script, join(work, 'script', 'release'));
  writeFileSync(join(work, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n');
  writeFileSync(join(work, 'package.json'), '{}\n');
  git('add', '.');
  git('commit', '--quiet', '--message', 'Start');
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('script/release', () => {
  let first: string;

  it('tags the first release and creates its major tag on the remote', () => {
    first = prepare('0.1.0');
    const run = release('v0.1.0');
    expect(run.stderr.split('\n').filter((line) => line.startsWith('release:'))).toEqual([]);
    expect(run.status).toBe(0);
    expect(remoteTags()).toEqual({ 'v0.1.0': first, v0: first });
  });

  it('moves the major tag to the next release of that major', () => {
    const second = prepare('0.2.0');
    const run = release('v0.2.0');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('v0 now points at v0.2.0');
    expect(remoteTags()).toEqual({ 'v0.1.0': first, 'v0.2.0': second, v0: second });
  });

  it.each([
    ['0.3.0', 'is not vMAJOR.MINOR.PATCH'],
    ['v0.3', 'is not vMAJOR.MINOR.PATCH'],
    ['v0.3.0', "does not match package.json's version 0.2.0"],
    ['v0.2.0', 'is not newer than the latest release v0.2.0'],
  ])('refuses %s: %s', (tag, message) => {
    const run = release(tag);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it('refuses an older version, a version without its CHANGELOG section, a dirty tree, and asking without a terminal', () => {
    prepare('0.1.5');
    expect(release('v0.1.5').stderr).toContain('is not newer than the latest release v0.2.0');
    prepare('0.3.0', false);
    expect(release('v0.3.0').stderr).toContain("CHANGELOG.md has no '## [0.3.0]' section");
    prepare('0.3.1');
    writeFileSync(join(work, 'package.json'), readFileSync(join(work, 'package.json'), 'utf8') + ' ');
    expect(release('v0.3.1').stderr).toContain('uncommitted changes');
    git('checkout', '--', 'package.json');
    const asked = release();
    expect(asked.status).toBe(1);
    expect(asked.stderr).toContain('no tag given and no terminal to ask on');
    expect(Object.keys(remoteTags()).sort()).toEqual(['v0', 'v0.1.0', 'v0.2.0']);
  });

  it('--existing moves the major tag to a tag pushed by hand, but never back to an older release', () => {
    const before = remoteTags();
    git('tag', '--annotate', 'v0.1.1', '--message', 'v0.1.1', first);
    const old = release('--existing', 'v0.1.1');
    expect(old.status).toBe(0);
    expect(old.stdout).toContain('v0.1.1 is not the newest release of v0 (v0.2.0 is)');
    expect(remoteTags().v0).toBe(before.v0);

    const head = prepare('1.0.0');
    git('tag', '--annotate', 'v1.0.0', '--message', 'v1.0.0');
    git('push', '--quiet', 'origin', 'refs/tags/v1.0.0');
    const major = release('--existing', 'v1.0.0');
    expect(major.status).toBe(0);
    expect(remoteTags()).toMatchObject({ v1: head, 'v1.0.0': head, v0: before.v0 });
    expect(release('--existing', 'v9.9.9').stderr).toContain('tag v9.9.9 does not exist');
  });
});

describe('scripts/release-notes.mjs', () => {
  const changelog = join(tmp, 'CHANGELOG.md');
  beforeAll(() =>
    writeFileSync(
      changelog,
      '# Changelog\n\n## [Unreleased]\n\n- next\n\n## [1.1.0] - 2026-12-03\n\n### Added\n\n- a\n- b\n\n## [1.0.0] - 2026-11-01\n\n- first\n',
    ),
  );
  const run = (...args: string[]) => spawnSync(process.execPath, [notes, ...args], { encoding: 'utf8' });

  it("prints one version's section without its heading (a v prefix is accepted)", () => {
    expect(run('v1.1.0', changelog).stdout).toBe('### Added\n\n- a\n- b\n');
    expect(run('1.0.0', changelog).stdout).toBe('- first\n');
  });

  it('fails for a version without a section', () => {
    const missing = run('2.0.0', changelog);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no '## [2.0.0]' section");
  });

  it("the repository's CHANGELOG has an Unreleased section and the package.json version's section", () => {
    const text = readFileSync('CHANGELOG.md', 'utf8');
    expect(text).toMatch(/^## \[Unreleased\]$/m);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run(version).status).toBe(0);
  });
});
