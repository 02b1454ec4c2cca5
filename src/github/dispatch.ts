/**
 * Dispatching the retrain workflow exactly once per drift finding.
 *
 * Guards, cheapest first: a deterministic dispatch key (repository, workflow and the two snapshot labels) that the
 * retrain workflow shows in its `run-name`; a look-up of existing runs by that key before dispatching; and no blind
 * retry of the POST: a 5xx or a dropped connection may still have started a run, so the key is looked up again
 * before the one permitted resend. Rate-limit rejections (403 secondary limit, 429) are retried by the client's
 * throttling plugin, because GitHub rejected those requests before acting on them.
 */
import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { httpStatusOf, type GitHubClient } from './client.js';
import type { Logger } from './logger.js';

/** Runs scanned per look-up (newest first): 3 pages of 100. */
const LOOKUP_PAGES = 3;
/** GitHub's limit on workflow_dispatch inputs. */
export const MAX_DISPATCH_INPUTS = 25;

export interface DispatchKeyParts {
  /** `owner/repo`. */
  readonly repository: string;
  /** Workflow file name or id, e.g. `retrain.yml`. */
  readonly workflow: string;
  readonly referenceLabel: string;
  readonly currentLabel: string;
}

/**
 * The idempotency key of a retrain dispatch: the same repository, workflow and snapshot pair always give the same
 * key, so a re-run, a second cron run or an overlapping PR run finds the first run instead of starting another.
 *
 * @example dispatchKey({ repository: 'acme/churn', workflow: 'retrain.yml', referenceLabel: '2024-01-31', currentLabel: '2024-02-29' }); // => 'dw-0580a9955af42e1f'
 */
export function dispatchKey(parts: DispatchKeyParts): string {
  const digest = createHash('sha256')
    .update(
      [parts.repository.toLowerCase(), parts.workflow, parts.referenceLabel, parts.currentLabel].join(
        '\u0000',
      ),
    )
    .digest('hex');
  return `dw-${digest.slice(0, 16)}`;
}

export interface RetrainDispatch {
  readonly owner: string;
  readonly repo: string;
  /** Workflow file name or numeric id. */
  readonly workflow: string;
  /** Branch or tag the workflow runs at. */
  readonly ref: string;
  /** All workflow inputs, `dispatch_key` included; values are strings as GitHub delivers them. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The idempotency key (also `inputs.dispatch_key`). */
  readonly key: string;
  /** Only log what would be sent. */
  readonly dryRun: boolean;
}

export type RetrainDispatchOutcome =
  /** A new run was requested (run id known when GitHub returned run details). */
  | { readonly status: 'dispatched'; readonly runId?: number; readonly runUrl?: string }
  /** A run carrying the key already exists; nothing was sent. */
  | { readonly status: 'already-dispatched'; readonly runId: number; readonly runUrl: string }
  /** `dry-run`: nothing was sent. */
  | { readonly status: 'dry-run' };

export interface DispatchTiming {
  /** Wait after an ambiguous failure before looking for the run it may have started. Default 5000 ms. */
  readonly confirmDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A dispatch POST with no answer after this long is abandoned and treated as ambiguous. Default 30000 ms. */
  readonly requestTimeoutMs?: number;
}

const DEFAULT_DISPATCH_TIMEOUT_MS = 30_000;

/** Finds a run of `workflow` whose title (the `run-name`) carries `key` and that was not cancelled. */
export async function findRunByKey(
  client: GitHubClient,
  target: { owner: string; repo: string; workflow: string },
  key: string,
): Promise<{ runId: number; runUrl: string } | undefined> {
  let page = 0;
  const pages = client.paginate.iterator(client.rest.actions.listWorkflowRuns, {
    owner: target.owner,
    repo: target.repo,
    workflow_id: target.workflow,
    event: 'workflow_dispatch',
    per_page: 100,
  });
  for await (const response of pages) {
    for (const run of response.data) {
      const title = `${run.display_title ?? ''} ${run.name ?? ''}`;
      // A run cancelled by the retrain workflow's concurrency group (a newer request replaced it while pending)
      // never trained anything, so it does not count; queued, running, succeeded and failed runs do (a failed
      // retrain is for a person to look at, not to be re-dispatched every month).
      if (title.includes(key) && run.conclusion !== 'cancelled')
        return { runId: run.id, runUrl: run.html_url };
    }
    if (++page >= LOOKUP_PAGES) break;
  }
  return undefined;
}

/**
 * Dispatches the retrain workflow unless a run with the same key exists. Throws the Octokit error when GitHub
 * refuses the dispatch.
 */
export async function dispatchRetrain(
  client: GitHubClient,
  dispatch: RetrainDispatch,
  logger: Logger,
  timing: DispatchTiming = {},
): Promise<RetrainDispatchOutcome> {
  const target = { owner: dispatch.owner, repo: dispatch.repo, workflow: dispatch.workflow };
  const description = `${dispatch.workflow}@${dispatch.ref} with dispatch_key=${dispatch.key}`;
  if (dispatch.dryRun) {
    logger.info(`dry-run: would dispatch ${description} and inputs ${JSON.stringify(dispatch.inputs)}`);
    return { status: 'dry-run' };
  }

  const existing = await findRunByKey(client, target, dispatch.key);
  if (existing) {
    logger.info(
      `Retrain already dispatched for this snapshot pair: run ${existing.runId} (${existing.runUrl}); not dispatching again`,
    );
    return { status: 'already-dispatched', ...existing };
  }

  logger.info(`Dispatching ${description}`);
  try {
    return await sendDispatch(client, dispatch, logger, timing);
  } catch (error) {
    const status = httpStatusOf(error);
    const ambiguous = status === undefined || status >= 500;
    if (!ambiguous) throw error;
    // The request may have reached GitHub and started a run: look before sending again.
    logger.warning(
      `Dispatch of ${dispatch.workflow} failed ambiguously (${status ?? String(error)}); checking whether it started a run`,
    );
    await (timing.sleep ?? ((ms: number) => delay(ms)))(timing.confirmDelayMs ?? 5000);
    const started = await findRunByKey(client, target, dispatch.key);
    if (started) {
      logger.info(`The dispatch did start run ${started.runId} (${started.runUrl})`);
      return { status: 'dispatched', ...started };
    }
    logger.info('No run carries the key; sending the dispatch once more');
    return await sendDispatch(client, dispatch, logger, timing);
  }
}

type DispatchResponse = { status: number; data: unknown };

/**
 * The client's own fetch (the proxy-aware one `@actions/github` configures), with a timeout that starts when the
 * request is actually sent: a signal created earlier would also count the time the request waits in the
 * throttling plugin's write queue.
 */
function fetchWithTimeout(client: GitHubClient, timeoutMs: number): typeof fetch {
  const defaults = client.request.endpoint.DEFAULTS as { request?: { fetch?: typeof fetch } };
  const baseFetch = defaults.request?.fetch ?? fetch;
  return (input, init) => baseFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/** One POST, asking for the run details, falling back once for servers that do not know that field. */
async function sendDispatch(
  client: GitHubClient,
  dispatch: RetrainDispatch,
  logger: Logger,
  timing: DispatchTiming,
): Promise<RetrainDispatchOutcome> {
  const route = 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches';
  const parameters = {
    owner: dispatch.owner,
    repo: dispatch.repo,
    workflow_id: dispatch.workflow,
    ref: dispatch.ref,
    inputs: { ...dispatch.inputs },
    // Never let plugin-retry resend a dispatch on a 5xx: dispatchRetrain decides, after looking for the run. A hung
    // connection is cut after the timeout and handled like a 5xx (the run may have started).
    request: {
      retries: 0,
      fetch: fetchWithTimeout(client, timing.requestTimeoutMs ?? DEFAULT_DISPATCH_TIMEOUT_MS),
    },
  };
  let response: DispatchResponse;
  try {
    response = await client.request(route, { ...parameters, return_run_details: true } as typeof parameters);
  } catch (error) {
    const status = httpStatusOf(error);
    // GHES ≤ 3.20 rejects the field (400/422 naming it); GitHub did nothing, so sending again is safe.
    if ((status === 400 || status === 422) && /return_run_details/.test(String((error as Error).message))) {
      logger.debug('The server does not accept return_run_details; dispatching without it');
      response = await client.request(route, parameters);
    } else {
      throw error;
    }
  }
  const data = (response.data ?? {}) as { workflow_run_id?: unknown; html_url?: unknown; run_url?: unknown };
  if (response.status === 200 && typeof data.workflow_run_id === 'number') {
    const runUrl = typeof data.html_url === 'string' ? data.html_url : undefined;
    logger.info(`Dispatched retrain run ${data.workflow_run_id}${runUrl ? ` (${runUrl})` : ''}`);
    return { status: 'dispatched', runId: data.workflow_run_id, ...(runUrl ? { runUrl } : {}) };
  }
  logger.info('Dispatched the retrain workflow (GitHub did not return the run id)');
  return { status: 'dispatched' };
}
