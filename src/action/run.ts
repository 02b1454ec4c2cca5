/**
 * The action's `run()`: settings → drift and reports (the compare job shared with the CLI) → artifacts → job
 * summary → sticky comment → retrain dispatch → outputs. The one top-level catch of the action is here.
 *
 * Failure policy: a bad input, an unreadable snapshot, a failed artifact upload or a refused dispatch fail the step;
 * a comment or summary failure (a fork PR's read-only token, a 403) is a warning and loses nothing already uploaded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { UserError, getErrorMessage, wrapError } from '../errors.js';
import { defaultArtifactUploader, uploadReports, type ReportUploadResult } from '../github/artifact.js';
import { createGitHubClient, describeApiError, type GitHubClient } from '../github/client.js';
import { dispatchKey, dispatchRetrain } from '../github/dispatch.js';
import { checkRetrainContract } from '../github/retrain-contract.js';
import { resolveGitRevision } from '../github/git-source.js';
import type { Logger } from '../github/logger.js';
import { decodeHistoryBlock, encodeHistoryBlock, MAX_COMMENT_RUNS } from '../github/history-block.js';
import {
  buildCommentBody,
  readStickyComment,
  upsertStickyComment,
  type StickyCommentTarget,
} from '../github/sticky-comment.js';
import type { HistoryRecord } from '../drift/history.js';
import { runCompareJob, type CompareOutcome } from '../job/compare-job.js';
import type { CompareSettings } from '../job/settings.js';
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderMarkdown } from '../report/markdown.js';
import { defaultLabel, describeSource, type SnapshotSource } from '../snapshot/source.js';
import { RETRAIN_WORKFLOW_INPUTS } from './constants.js';
import { getInputs, runPageUrl } from './inputs.js';
import { actionsLogger, redactStream } from './logger.js';
import { collectSecrets, type Secrets } from './secrets.js';
import { setArtifactOutputs, setCommentOutput, setDriftOutputs, setRetrainOutput } from './outputs.js';
import type { ActionSettings } from './settings.js';

/**
 * Runs the action. Never throws: every failure ends in exactly one `core.setFailed` line. The secrets are masked
 * before the first line is written, and redacted from every line written after.
 */
export async function run(
  secrets: Secrets = collectSecrets(process.env, (secret) => core.setSecret(secret)),
): Promise<void> {
  const restore = [redactStream(process.stdout, secrets), redactStream(process.stderr, secrets)];
  const logger = actionsLogger(secrets);
  try {
    // Keep as much as possible inside the try: every error becomes one line.
    const settings = getInputs(process.env, secrets, logger);
    const outcome = await runDriftAction(settings, logger);
    if (settings.compare.failOnDrift && outcome.report.decision.action === 'RETRAIN')
      core.setFailed(secrets.redact(`fail-on-drift: ${outcome.report.decision.reason}`));
  } catch (error) {
    if (error instanceof UserError) {
      core.setFailed(secrets.redact(error.message));
    } else {
      const err = wrapError(error);
      core.setFailed(secrets.redact(`driftwatch internal error (please report): ${err.message}`));
      if (err.stack) logger.debug(err.stack);
    }
  } finally {
    for (const undo of restore) undo();
  }
}

/** Resolves `git:` sources to commit shas (PR aliases, shallow checkouts) and fills their default labels. */
async function resolveSources(settings: ActionSettings, logger: Logger): Promise<CompareSettings> {
  const { compare, run } = settings;
  const resolveOne = async (source: SnapshotSource, input: string, label: string | undefined) => {
    if (source.kind !== 'git') return { source, label };
    const aliases = run.pullRequest ? { base: run.pullRequest.baseSha, head: run.pullRequest.headSha } : {};
    const sha = await resolveGitRevision(source, { cwd: run.workspace, aliases, input }, logger);
    const resolved: SnapshotSource = { ...source, rev: sha };
    // A short sha keeps the label (and so the dispatch key) distinct per commit and readable.
    return { source: resolved, label: label ?? defaultLabel({ ...source, rev: sha.slice(0, 7) }) };
  };
  const reference = await resolveOne(compare.reference, 'reference', compare.referenceLabel);
  const current = await resolveOne(compare.current, 'current', compare.currentLabel);
  return {
    ...compare,
    reference: reference.source,
    current: current.source,
    referenceLabel: reference.label,
    currentLabel: current.label,
  };
}

async function runDriftAction(settings: ActionSettings, logger: Logger): Promise<CompareOutcome> {
  const { run } = settings;
  const runUrl = runPageUrl(run);

  // 1. Drift and reports (the same job as `driftwatch compare`); the Markdown file links to `report-url`, by default
  // the run page, which lists the artifacts.
  const compare = await resolveSources(settings, logger);
  let client: GitHubClient | undefined;
  const github = () =>
    (client ??= createGitHubClient({ token: settings.token, baseUrl: settings.run.apiUrl, logger }));
  const issueNumber = settings.comment.issueNumber;
  const commentTarget =
    issueNumber === undefined
      ? undefined
      : { owner: run.owner, repo: run.repo, issueNumber, key: settings.comment.key };
  // The history carried in the sticky comment: read back before the job, so every report shows the trend.
  const commentHistory =
    settings.history === 'comment' && commentTarget !== undefined
      ? await readCommentHistory(github(), commentTarget, logger)
      : undefined;
  // Progress of a big job goes to the log like any line (GITHUB_ACTIONS is set: one line every 5 s at most).
  const outcome = await runCompareJob(
    compare,
    commentHistory === undefined ? undefined : { records: commentHistory },
    { stream: { write: (text: string) => logger.info(text.trimEnd()) }, env: process.env },
  );
  for (const warning of outcome.warnings) logger.warning(warning);
  const { report, files } = outcome;
  logger.info(outcome.decisionLine);
  setDriftOutputs(report, files);

  // 2. Artifacts
  let upload: ReportUploadResult | undefined;
  if (!run.artifactServiceAvailable) {
    logger.warning(
      'ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set (not running as an action step): reports not uploaded',
    );
  } else {
    const scratch = await mkdtemp(path.join(run.tempDir, 'driftwatch-'));
    try {
      const written = Object.values(files).map((file) => path.resolve(compare.cwd, file));
      upload = await uploadReports(
        defaultArtifactUploader(),
        {
          name: settings.artifactName,
          files: written,
          rootDirectory: compare.reportDir,
          ...(files.html ? { htmlFile: path.resolve(compare.cwd, files.html) } : {}),
          tempDir: scratch,
          runUrl,
        },
        logger,
      );
    } catch (error) {
      const reason = getErrorMessage(error).split('\n')[0]!;
      // Artifact names are unique per run; the name already holds the job, the matrix values and the comment-key.
      const hint = /already exists|409/.test(reason)
        ? '; give each driftwatch step of a job its own comment-key'
        : '';
      throw new UserError(
        'GITHUB',
        `could not upload the reports as artifact '${settings.artifactName}': ${reason}${hint}`,
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  setArtifactOutputs(upload?.bundle);
  const reportUrl = upload?.html?.url ?? upload?.bundle.url ?? runUrl;
  const markdown = renderMarkdown(report, { reportUrl });

  // 3. Job summary
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(markdown, true).write();
    } catch (error) {
      logger.warning(`could not write the job summary: ${getErrorMessage(error)}`);
    }
  }

  // 4. Sticky comment (with the history block when the history lives there)
  let commentUrl: string | undefined;
  let historyBlock = '';
  if (settings.history === 'comment' && outcome.history !== undefined) {
    const encoded = encodeHistoryBlock(outcome.history);
    historyBlock = encoded.block;
    if (encoded.runs < Math.min(outcome.history.length, MAX_COMMENT_RUNS))
      logger.info(
        `history: the comment keeps the newest ${encoded.runs} of ${outcome.history.length} runs (comment size limit)`,
      );
  }
  const commentMarkdown =
    historyBlock === ''
      ? markdown
      : renderMarkdown(report, {
          reportUrl,
          maxLength: DEFAULT_MARKDOWN_MAX_LENGTH - historyBlock.length - 1,
        });
  if (issueNumber === undefined || commentTarget === undefined) {
    logger.info(
      settings.comment.mode === 'off'
        ? 'comment: off'
        : 'No pull request in this event and no issue-number: not commenting',
    );
  } else if (settings.dryRun) {
    logger.info(
      `dry-run: would create or update the sticky comment '${settings.comment.key}' on #${issueNumber}`,
    );
  } else {
    const permission = run.pullRequest?.number === issueNumber ? 'pull-requests: write' : 'issues: write';
    try {
      const result = await upsertStickyComment(
        github(),
        commentTarget,
        buildCommentBody(settings.comment.key, commentMarkdown, reportUrl, historyBlock),
        logger,
      );
      commentUrl = result.url;
    } catch (error) {
      logger.warning(describeApiError(error, `comment on #${issueNumber}`, permission));
    }
  }
  setCommentOutput(commentUrl);

  // 5. Retrain dispatch
  let retrainRunId: number | undefined;
  const { workflow, ref, extraInputs } = settings.retrain;
  if (report.decision.action === 'RETRAIN' && workflow !== undefined && ref !== undefined) {
    const key = dispatchKey({
      repository: `${run.owner}/${run.repo}`,
      workflow,
      referenceLabel: report.reference.label,
      currentLabel: report.current.label,
    });
    const inputs = {
      ...extraInputs,
      reference: describeSource(compare.reference),
      current: describeSource(compare.current),
      drift_share: String(report.drift_share),
      report_url: reportUrl,
      dispatch_key: key,
    };
    await enforceRetrainContract(
      github(),
      {
        owner: run.owner,
        repo: run.repo,
        workflow,
        ref,
        inputs: [...RETRAIN_WORKFLOW_INPUTS, ...Object.keys(extraInputs)],
      },
      settings.dryRun,
      logger,
    );
    try {
      const outcome = await dispatchRetrain(
        github(),
        { owner: run.owner, repo: run.repo, workflow, ref, inputs, key, dryRun: settings.dryRun },
        logger,
      );
      if (outcome.status !== 'dry-run') retrainRunId = outcome.runId;
    } catch (error) {
      throw new UserError('GITHUB', describeApiError(error, `dispatch ${workflow}`, 'actions: write'));
    }
  } else if (report.decision.action === 'RETRAIN') {
    logger.info('Decision is RETRAIN; no retrain-workflow set, so nothing is dispatched');
  }
  setRetrainOutput(retrainRunId);
  return outcome;
}

/**
 * Reads the retrain workflow at the dispatch ref and stops before dispatching when it breaks the contract (the
 * inputs the action sends, the dispatch key in its `run-name`). A dry run only warns: it dispatches nothing, and
 * is often tried with a placeholder token.
 */
async function enforceRetrainContract(
  client: GitHubClient,
  target: Parameters<typeof checkRetrainContract>[1],
  dryRun: boolean,
  logger: Logger,
): Promise<void> {
  let message: string | undefined;
  try {
    const { file, problems } = await checkRetrainContract(client, target);
    if (problems.length > 0)
      message = `retrain-workflow: ${file} breaks the retrain contract: ${problems.join('; ')}`;
    else logger.info(`${file} accepts the dispatch inputs and shows dispatch_key in its run-name`);
  } catch (error) {
    message = describeApiError(error, `read the retrain workflow ${target.workflow}`, 'contents: read');
  }
  if (message === undefined) return;
  if (!dryRun) throw new UserError('CONFIG', message);
  logger.warning(`dry-run: ${message}`);
}

/**
 * The history carried in the sticky comment. Never fails the run: no comment yet is a fresh history; a comment
 * without the block (edited by hand), a damaged block or a failed read is a warning and a fresh history.
 */
async function readCommentHistory(
  client: GitHubClient,
  target: StickyCommentTarget,
  logger: Logger,
): Promise<HistoryRecord[]> {
  let comment: { body: string } | undefined;
  try {
    comment = await readStickyComment(client, target, logger);
  } catch (error) {
    logger.warning(
      `history: ${describeApiError(error, `read the comments of #${target.issueNumber}`, 'issues: read')}; starting a new history`,
    );
    return [];
  }
  if (comment === undefined) {
    logger.info(`history: no sticky comment on #${target.issueNumber} yet; starting the history`);
    return [];
  }
  const content = decodeHistoryBlock(comment.body);
  switch (content.status) {
    case 'ok':
      logger.info(
        `history: ${content.records.length} earlier runs read from the sticky comment on #${target.issueNumber}`,
      );
      return content.records;
    case 'missing':
      logger.warning(
        `history: the sticky comment on #${target.issueNumber} has no history block (edited by hand?); starting a new history`,
      );
      return [];
    case 'damaged':
      logger.warning(
        `history: the history block of the sticky comment on #${target.issueNumber} is damaged (${content.reason}); starting a new history`,
      );
      return [];
  }
}
