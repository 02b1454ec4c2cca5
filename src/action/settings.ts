/**
 * The one validated settings object of the action, built by `getInputs()` in `inputs.ts` from the `INPUT_*` and
 * `GITHUB_*` environment. Nothing downstream reads inputs or the environment.
 */
import type { CompareSettings } from '../job/settings.js';

/** Where the sticky comment goes (`comment` input). */
export type CommentMode = 'auto' | 'pr' | 'issue' | 'off';
export const COMMENT_MODES: readonly CommentMode[] = ['auto', 'pr', 'issue', 'off'];

/** Where the drift history lives (`history` input). */
export type HistoryMode = 'off' | 'comment' | 'file';
export const HISTORY_MODES: readonly HistoryMode[] = ['off', 'comment', 'file'];

/** Facts about the workflow run, from the runner's environment and the event payload. */
export interface RunContext {
  readonly owner: string;
  readonly repo: string;
  /** GITHUB_EVENT_NAME, e.g. `pull_request`, `schedule`, `workflow_dispatch`. */
  readonly eventName: string;
  /** GITHUB_JOB: the id of the job (its key under `jobs:`); undefined outside the runner. */
  readonly job: string | undefined;
  readonly runId: number;
  readonly runAttempt: number;
  /** `https://github.com` (GITHUB_SERVER_URL). */
  readonly serverUrl: string;
  /** `https://api.github.com` (GITHUB_API_URL). */
  readonly apiUrl: string;
  /** The checkout, GITHUB_WORKSPACE (the current directory when unset). */
  readonly workspace: string;
  /** Scratch space, RUNNER_TEMP (the OS temp directory when unset). */
  readonly tempDir: string;
  /** GITHUB_REF, e.g. `refs/heads/main` or `refs/pull/7/merge`. */
  readonly ref: string | undefined;
  /** The pull request of a `pull_request` / `pull_request_target` event. */
  readonly pullRequest:
    { readonly number: number; readonly baseSha: string; readonly headSha: string } | undefined;
  /** The repository's default branch, from the event payload. */
  readonly defaultBranch: string | undefined;
  /** Whether ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are present (the runner sets them for actions). */
  readonly artifactServiceAvailable: boolean;
}

export interface CommentSettings {
  readonly mode: CommentMode;
  /** The issue or PR the comment goes to, resolved from `mode`, the event and `issue-number`; undefined: no comment. */
  readonly issueNumber: number | undefined;
  /** Which sticky comment this run owns (`comment-key`): several keys keep separate comments on one thread. */
  readonly key: string;
}

export interface RetrainSettings {
  /** Workflow file name or id (`retrain-workflow`); undefined: never dispatch. */
  readonly workflow: string | undefined;
  /** Branch or tag the retrain workflow runs at (`retrain-ref`, else the pushed branch, else the default branch). */
  readonly ref: string | undefined;
  /** Extra workflow inputs (`retrain-inputs`), values already strings. */
  readonly extraInputs: Readonly<Record<string, string>>;
}

export interface ActionSettings {
  /**
   * The compare job shared with the CLI: snapshot sources (`git` sources may use the aliases `base`/`head`, the pull
   * request's commits, which `run.ts` resolves to commit shas before the job runs), labels (undefined: derived from
   * the source), engine options, the absolute report directory, the formats, the full report's address and
   * `failOnDrift` (fail the step when the decision is RETRAIN).
   */
  readonly compare: CompareSettings;
  /** Artifact name, unique per step: `<artifact-name>-<job>[-<matrix values>]-<comment-key>-<run id>-<attempt>`. */
  readonly artifactName: string;
  readonly comment: CommentSettings;
  /**
   * Where the history lives: `comment` (hidden in the sticky comment, read back next run), `file` (`history-file`,
   * already in `compare.history`) or `off`.
   */
  readonly history: HistoryMode;
  readonly retrain: RetrainSettings;
  /** Compute, write, upload and summarise, but only say which comment and dispatch would be made (`dry-run`). */
  readonly dryRun: boolean;
  /** `github-token`; already masked. Never log it. */
  readonly token: string;
  readonly run: RunContext;
}
