/**
 * Snapshots as they were at a commit: `git:<rev>:<path>` is read with git from the checkout, so a pull request that
 * updates a snapshot file can be compared with its earlier self (`git:base:data/month.csv`). This module resolves
 * the PR aliases and makes sure the commit is present; `src/snapshot/load.ts` reads the file.
 */
import { spawn } from 'node:child_process';
import { UserError } from '../errors.js';
import type { Logger } from './logger.js';

/** A parsed `git:<rev>:<path>` source. */
export interface GitSnapshotRef {
  /** A revision git understands, or the alias `base` / `head` (the pull request's base / head commit). */
  readonly rev: string;
  /** Path inside the repository, relative to its root. */
  readonly path: string;
}

export interface GitRevisionOptions {
  /** The checkout (GITHUB_WORKSPACE). */
  readonly cwd: string;
  /** Commits the aliases stand for; from the pull_request event. */
  readonly aliases: { readonly base?: string; readonly head?: string };
  /** The input name, for messages. */
  readonly input: string;
}

/**
 * Resolves the revision of a `git:<rev>:<path>` source to the commit to read (`base`/`head` become the pull
 * request's commits), makes sure that commit is in the checkout (a commit missing from a shallow clone is fetched
 * once: `git fetch --depth=1 origin <sha>`) and that the file exists there. Returns the commit's full sha.
 * Reading the file is `loadSnapshot`'s job (`src/snapshot/load.ts`).
 */
export async function resolveGitRevision(
  ref: GitSnapshotRef,
  options: GitRevisionOptions,
  logger: Logger,
): Promise<string> {
  const label = `git:${ref.rev}:${ref.path}`;
  let rev = ref.rev;
  if (rev === 'base' || rev === 'head') {
    const commit = options.aliases[rev];
    if (commit === undefined || commit === '')
      throw new UserError(
        'CONFIG',
        `${options.input}: '${label}' needs a pull_request event ('${rev}' is the pull request's ${rev} commit)`,
      );
    rev = commit;
  }
  if (rev.startsWith('-'))
    throw new UserError('CONFIG', `${options.input}: invalid revision '${rev}' in '${label}'`);

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
  const sha = (
    await git(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`], options.cwd)
  ).trim();
  if (!(await gitSucceeds(['cat-file', '-e', `${sha}:${ref.path}`], options.cwd)))
    throw new UserError(
      'FILE_NOT_FOUND',
      `${options.input}: '${ref.path}' does not exist at revision '${ref.rev}' (${sha.slice(0, 12)})`,
    );
  logger.info(`${label} resolves to commit ${sha}`);
  return sha;
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
