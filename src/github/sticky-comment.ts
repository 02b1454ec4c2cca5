/**
 * One sticky comment per key on a pull request or issue: found by a hidden marker among the comments written by
 * the token's own user (every page), updated in place, created only when absent. Comments by anybody else that
 * carry a copy of the marker are never touched.
 */
import type { GitHubClient } from './client.js';
import type { Logger } from './logger.js';

/** GitHub rejects comment bodies longer than this (422 "Body is too long"). */
export const MAX_COMMENT_LENGTH = 65_536;
/** What the body is cut to before the truncation note, leaving room for the note. */
const TRUNCATE_AT = 65_000;

/** Keys are plain identifiers so the marker cannot be broken out of (no `-->`, no whitespace). */
export const COMMENT_KEY_PATTERN = /^[A-Za-z0-9._:/-]{1,100}$/;

/** The hidden first line that identifies the sticky comment of `key`. */
export function commentMarker(key: string): string {
  if (!COMMENT_KEY_PATTERN.test(key)) throw new Error(`invalid comment key '${key}'`);
  return `<!-- driftwatch:sticky-comment key=${key} -->`;
}

/**
 * The full comment body: the marker on the first line (so truncation at the end can never remove it), the hidden
 * history block when there is one (see history-block.ts), then the report, cut to GitHub's limit with a note
 * pointing at the complete report.
 */
export function buildCommentBody(
  key: string,
  markdown: string,
  fullReportUrl?: string,
  historyBlock = '',
): string {
  const marker = commentMarker(key);
  let body = historyBlock === '' ? `${marker}\n${markdown}` : `${marker}\n${historyBlock}\n${markdown}`;
  if (body.length > MAX_COMMENT_LENGTH) {
    const where = fullReportUrl ? `: ${fullReportUrl}` : ' in the job summary and the report artifact';
    body = `${body.slice(0, TRUNCATE_AT)}\n\n…*comment truncated; the full report is${where}*\n`;
  }
  return body;
}

export interface StickyCommentTarget {
  readonly owner: string;
  readonly repo: string;
  /** Pull request or issue number (PRs are issues for the comments API). */
  readonly issueNumber: number;
  readonly key: string;
}

export interface StickyCommentResult {
  readonly id: number;
  readonly url: string;
  readonly action: 'created' | 'updated';
}

/**
 * Creates or updates the sticky comment of `target.key` with `body` (already built by {@link buildCommentBody}).
 * Throws the Octokit error on failure; the caller decides whether that is fatal.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  target: StickyCommentTarget,
  body: string,
  logger: Logger,
): Promise<StickyCommentResult> {
  const marker = commentMarker(target.key);
  const login = await resolveTokenLogin(client, logger);
  const existing = await findStickyComment(client, target, marker, login);
  if (existing !== undefined) {
    const { data } = await client.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body,
    });
    logger.info(`Updated the sticky comment ${data.html_url}`);
    return { id: data.id, url: data.html_url, action: 'updated' };
  }
  const { data } = await client.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body,
  });
  logger.info(`Created the sticky comment ${data.html_url}`);
  return { id: data.id, url: data.html_url, action: 'created' };
}

/** Login names compare without the `[bot]` suffix REST adds to app users (GraphQL's `viewer` omits it). */
export function normaliseLogin(login: string): string {
  return login.replace(/\[bot\]$/i, '').toLowerCase();
}

/**
 * The login of the token's user. GraphQL `viewer` answers for both a PAT and the installation token behind
 * GITHUB_TOKEN (REST `GET /user` refuses installation tokens with 403), so it goes first.
 */
export async function resolveTokenLogin(client: GitHubClient, logger: Logger): Promise<string> {
  try {
    const result = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    return result.viewer.login;
  } catch (error) {
    logger.debug(`GraphQL viewer query failed (${String(error)}); trying GET /user`);
  }
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    // Only GITHUB_TOKEN can fail both: its user is the Actions bot.
    logger.debug(
      `GET /user failed (${String(error)}); assuming the token is GITHUB_TOKEN (github-actions[bot])`,
    );
    return 'github-actions[bot]';
  }
}

/**
 * The sticky comment of `target.key` written by the token's user, with its body; undefined when there is none.
 * Throws the Octokit error on failure.
 */
export async function readStickyComment(
  client: GitHubClient,
  target: StickyCommentTarget,
  logger: Logger,
): Promise<{ id: number; body: string } | undefined> {
  const login = await resolveTokenLogin(client, logger);
  return findStickyComment(client, target, commentMarker(target.key), login);
}

async function findStickyComment(
  client: GitHubClient,
  target: StickyCommentTarget,
  marker: string,
  login: string,
): Promise<{ id: number; body: string } | undefined> {
  const author = normaliseLogin(login);
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const comment of page.data) {
      const commenter = comment.user?.login;
      if (commenter === undefined || normaliseLogin(commenter) !== author) continue;
      if (comment.body?.split('\n', 1)[0]?.trim() === marker) return { id: comment.id, body: comment.body };
    }
  }
  return undefined;
}
