/**
 * Reading a snapshot as it was at a commit: `git:<rev>:<path>` is read with git from the checkout, so a pull request
 * that updates a snapshot file can be compared with its earlier self (`git:base:data/month.csv`).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../errors.js';
import type { Logger } from './logger.js';

/** A parsed `git:<rev>:<path>` source. */
export interface GitSnapshotRef {
  /** A revision git understands, or the alias `base` / `head` (the pull request's base / head commit). */
  readonly rev: string;
  /** Path inside the repository, relative to its root. */
  readonly path: string;
}

const GIT_PREFIX = 'git:';

/** Whether a snapshot source string uses the `git:` scheme. */
export function isGitSource(source: string): boolean {
  return source.startsWith(GIT_PREFIX);
}

/**
 * Parses `git:<rev>:<path>`. The revision may not start with `-` (it would be read as a git option) nor contain
 * whitespace or `:`; the path must be relative and stay inside the repository.
 *
 * @param input the name of the input or flag, for the error message
 */
export function parseGitSource(source: string, input: string): GitSnapshotRef {
  const rest = source.slice(GIT_PREFIX.length);
  const colon = rest.indexOf(':');
  const expected = `expected git:<rev>:<path>, e.g. git:base:data/month.csv`;
  if (colon <= 0 || colon === rest.length - 1)
    throw new UserError('CONFIG', `${input}: '${source}': ${expected}`);
  const rev = rest.slice(0, colon);
  const file = rest.slice(colon + 1);
  if (rev.startsWith('-') || /\s/.test(rev))
    throw new UserError('CONFIG', `${input}: invalid revision '${rev}' in '${source}'`);
  const normalised = path.posix.normalize(file);
  if (path.posix.isAbsolute(normalised) || normalised.startsWith('..'))
    throw new UserError(
      'CONFIG',
      `${input}: path '${file}' in '${source}' must be relative to the repository root`,
    );
  return { rev, path: normalised };
}

export interface GitReadOptions {
  /** The checkout (GITHUB_WORKSPACE). */
  readonly cwd: string;
  /** Where the file is written. */
  readonly outDir: string;
  /** Commits the aliases stand for; from the pull_request event. */
  readonly aliases: { readonly base?: string; readonly head?: string };
  /** The input name, for messages. */
  readonly input: string;
}

/**
 * Writes the file as it was at the revision to `outDir` (keeping its extension, so the reader recognises the format)
 * and returns that path. A commit missing from a shallow checkout is fetched once (`git fetch --depth=1 origin <sha>`).
 */
export async function readGitSnapshot(
  ref: GitSnapshotRef,
  options: GitReadOptions,
  logger: Logger,
): Promise<string> {
  const label = `git:${ref.rev}:${ref.path}`;
  let rev = ref.rev;
  if (rev === 'base' || rev === 'head') {
    const commit = options.aliases[rev];
    if (commit === undefined)
      throw new UserError(
        'CONFIG',
        `${options.input}: '${label}' needs a pull_request event ('${rev}' is the pull request's ${rev} commit)`,
      );
    rev = commit;
  }

  if (!(await gitSucceeds(['cat-file', '-e', `${rev}^{commit}`], options.cwd))) {
    logger.info(`Commit ${rev} is not in the checkout; fetching it`);
    await git(['fetch', '--no-tags', '--depth=1', 'origin', rev], options.cwd).catch((error: unknown) => {
      logger.debug(`git fetch failed: ${String(error)}`);
    });
    if (!(await gitSucceeds(['cat-file', '-e', `${rev}^{commit}`], options.cwd)))
      throw new UserError(
        'CONFIG',
        `${options.input}: revision '${ref.rev}' of '${label}' is not in the checkout ${options.cwd} (use actions/checkout with fetch-depth: 0)`,
      );
  }
  if (!(await gitSucceeds(['cat-file', '-e', `${rev}:${ref.path}`], options.cwd)))
    throw new UserError(
      'FILE_NOT_FOUND',
      `${options.input}: '${ref.path}' does not exist at revision '${ref.rev}' (${label})`,
    );

  await mkdir(options.outDir, { recursive: true });
  const shortRev = rev.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40);
  const out = path.join(options.outDir, `${shortRev}-${path.posix.basename(ref.path)}`);
  const child = spawn('git', ['cat-file', 'blob', `${rev}:${ref.path}`], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  await pipeline(child.stdout, createWriteStream(out));
  const code = await exited;
  if (code !== 0)
    throw new UserError(
      'FILE_UNREADABLE',
      `${options.input}: git could not read '${label}': ${stderr.trim().split('\n')[0]}`,
    );
  logger.info(`Read ${label} (commit ${rev}) into ${out}`);
  return out;
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`git ${args.join(' ')} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

async function gitSucceeds(args: readonly string[], cwd: string): Promise<boolean> {
  try {
    await git(args, cwd);
    return true;
  } catch {
    return false;
  }
}
