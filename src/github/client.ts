/**
 * The Octokit client of the action: `@actions/github`'s REST client plus `@octokit/plugin-retry` (transient 5xx and
 * network failures, with backoff) and `@octokit/plugin-throttling` (primary and secondary rate limits, honouring
 * `retry-after`). Also the one place that translates GitHub HTTP errors into messages naming the permission needed.
 */
import { getOctokitOptions, GitHub } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from './logger.js';

const GitHubWithRetries = GitHub.plugin(retry, throttling);

/** The REST client every `src/github` module takes. */
export type GitHubClient = InstanceType<typeof GitHubWithRetries>;

/** How many times a request that hit a rate limit is sent again before its error propagates. */
const RATE_LIMIT_RETRIES = 2;
/** A primary rate limit that resets later than this fails instead of stalling the job. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;

export interface GitHubClientOptions {
  /** GITHUB_TOKEN or a PAT; the caller has already masked it with `core.setSecret`. */
  readonly token: string;
  /** REST API root, e.g. `https://api.github.com` (GITHUB_API_URL). */
  readonly baseUrl: string;
  readonly logger: Logger;
  /**
   * Multiplier (ms) of the retry plugins' waits: a 5xx is retried after 1, 4, 9 × this; a rate limit after
   * `retry-after` × this. Default 1000 (seconds). Tests pass a few milliseconds.
   */
  readonly retryAfterBaseValue?: number;
  /** Retries of a request failing with 5xx or a network error (plugin-retry). Default 3. */
  readonly retries?: number;
}

/** Builds the client. Every request goes through both plugins; single requests can opt out with `request.retries`. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { logger } = options;
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;
  return new GitHubWithRetries(
    getOctokitOptions(options.token, {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      userAgent: 'driftwatch-action',
      log: {
        debug: (message: string) => logger.debug(message),
        info: (message: string) => logger.debug(message),
        warn: (message: string) => logger.warning(message),
        error: (message: string) => logger.warning(message),
      },
      retry: { retries: options.retries ?? 3, retryAfterBaseValue },
      throttle: {
        retryAfterBaseValue,
        onRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
          logger.warning(
            `GitHub rate limit hit on ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`,
          );
          return retrying;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          const retrying = retryCount < RATE_LIMIT_RETRIES;
          logger.warning(
            `GitHub secondary rate limit hit on ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`,
          );
          return retrying;
        },
      },
    }),
  );
}

/** The HTTP status of an Octokit error, or undefined for network errors and anything else. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    if (typeof status === 'number') return status;
  }
  return undefined;
}

/**
 * One line saying what failed and what to do about it (codeql-action's `wrapApiConfigurationError`): 401 names
 * the token, 403/404 the `permissions:` entry the workflow needs, 422 GitHub's own validation message.
 *
 * @param operation what the action was doing, e.g. `update the sticky comment on #12`
 * @param permission the `permissions:` entry that operation needs, e.g. `pull-requests: write`
 */
export function describeApiError(error: unknown, operation: string, permission: string): string {
  const status = httpStatusOf(error);
  const detail = apiErrorDetail(error);
  switch (status) {
    case 401:
      return `could not ${operation}: GitHub rejected the token (401 Bad credentials); check the github-token input`;
    case 403:
      return `could not ${operation}: 403 ${detail}; the token needs '${permission}' (a pull request from a fork only gets a read-only token)`;
    case 404:
      return `could not ${operation}: 404 Not Found; check the name and that the token has '${permission}'`;
    case 422:
      return `could not ${operation}: 422 ${detail}`;
    case undefined:
      return `could not ${operation}: ${detail}`;
    default:
      return `could not ${operation}: HTTP ${status} ${detail}`;
  }
}

function apiErrorDetail(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = (error as { response?: { data?: unknown } }).response?.data;
    if (
      typeof data === 'object' &&
      data !== null &&
      typeof (data as { message?: unknown }).message === 'string'
    ) {
      return (data as { message: string }).message.split('\n')[0]!;
    }
    if (error instanceof Error) return error.message.split('\n')[0]!;
  }
  return String(error);
}
