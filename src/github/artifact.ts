/**
 * Uploading the reports as workflow artifacts with `@actions/artifact`: one zip of every report file, plus the HTML
 * report alone and unzipped (`skipArchive`) so a reviewer opens it straight in the browser.
 */
import { createHash } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import type { Logger } from './logger.js';

/** The part of `@actions/artifact`'s client the action uses; a seam for tests of the callers. */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { skipArchive?: boolean; retentionDays?: number },
  ): Promise<{ id?: number; size?: number; digest?: string }>;
}

/** The real client: Twirp CreateArtifact/FinalizeArtifact on ACTIONS_RESULTS_URL plus the blob upload. */
export function defaultArtifactUploader(): ArtifactUploader {
  return new DefaultArtifactClient();
}

/** Characters `@actions/artifact` refuses in artifact names. */
const INVALID_NAME_CHARACTERS = /[":<>|*?\r\n\\/]/;

/** Whether `name` is acceptable to the artifact service (checked at input time, before any work). */
export function isValidArtifactName(name: string): boolean {
  return name.length > 0 && !INVALID_NAME_CHARACTERS.test(name);
}

export interface ArtifactNameParts {
  /** The `artifact-name` prefix (already valid). */
  readonly prefix: string;
  /** GITHUB_JOB, the job's id; absent outside the runner. */
  readonly job?: string;
  /** The job's `matrix` context as `toJSON(matrix)` gives it (`null` outside a matrix). */
  readonly matrix?: unknown;
  /** The step's `comment-key`. */
  readonly commentKey: string;
  readonly runId: number;
  readonly runAttempt: number;
}

/** Longest matrix part kept readable; longer value lists are replaced by a hash of the matrix. */
const MAX_MATRIX_PART = 40;

/** `value` with the characters the artifact service refuses replaced by `_`. */
function artifactSafe(value: string): string {
  return value.replace(new RegExp(INVALID_NAME_CHARACTERS.source, 'g'), '_');
}

/**
 * An artifact name unique per step: artifact names are unique per workflow run, so the job, the matrix
 * combination, the step's `comment-key` and the run attempt all go into it.
 *
 * @example uniqueArtifactName({ prefix: 'driftwatch-report', job: 'drift', matrix: { snapshot: 'eu', node: 24 }, commentKey: 'driftwatch', runId: 123, runAttempt: 1 }); // => 'driftwatch-report-drift-eu-24-driftwatch-123-1'
 */
export function uniqueArtifactName(parts: ArtifactNameParts): string {
  const pieces = [parts.prefix];
  if (parts.job) pieces.push(artifactSafe(parts.job));
  const matrix = parts.matrix;
  if (typeof matrix === 'object' && matrix !== null && Object.keys(matrix).length > 0) {
    const values = Object.values(matrix).map((value: unknown) =>
      typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
    );
    const readable = artifactSafe(values.join('-'));
    pieces.push(
      readable.length <= MAX_MATRIX_PART
        ? readable
        : `matrix-${createHash('sha256').update(JSON.stringify(matrix)).digest('hex').slice(0, 12)}`,
    );
  }
  pieces.push(artifactSafe(parts.commentKey), String(parts.runId), String(parts.runAttempt));
  return pieces.join('-');
}

export interface UploadedArtifact {
  readonly name: string;
  readonly id: number;
  /** `{server}/{owner}/{repo}/actions/runs/{run_id}/artifacts/{id}`: downloads the zip, or opens an unzipped file. */
  readonly url: string;
  /** sha256 of the uploaded bytes, as the service computed it. */
  readonly digest?: string;
}

export interface ReportUpload {
  /** Unique per step, run and attempt ({@link uniqueArtifactName}), e.g. `driftwatch-report-drift-driftwatch-123-1`. */
  readonly name: string;
  /** Absolute paths of every report file (all under `rootDirectory`). */
  readonly files: readonly string[];
  readonly rootDirectory: string;
  /** The HTML report, uploaded a second time on its own, unzipped; absent when not rendered. */
  readonly htmlFile?: string;
  /** A scratch directory: the unzipped artifact takes its file's name, so the HTML is copied there as `<name>.html`. */
  readonly tempDir: string;
  /** `https://github.com/owner/repo/actions/runs/123`, the base of artifact URLs. */
  readonly runUrl: string;
}

export interface ReportUploadResult {
  readonly bundle: UploadedArtifact;
  readonly html?: UploadedArtifact;
}

/** Uploads the reports; throws the toolkit's error (NetworkError, UsageError, ...) when the service refuses. */
export async function uploadReports(
  uploader: ArtifactUploader,
  upload: ReportUpload,
  logger: Logger,
): Promise<ReportUploadResult> {
  const bundle = await uploadOne(
    uploader,
    upload.name,
    [...upload.files],
    upload.rootDirectory,
    false,
    upload.runUrl,
  );
  logger.info(`Uploaded the reports as artifact '${bundle.name}' (${bundle.url})`);
  if (upload.htmlFile === undefined) return { bundle };

  const htmlName = `${upload.name}.html`;
  const htmlCopy = path.join(upload.tempDir, htmlName);
  await copyFile(upload.htmlFile, htmlCopy);
  const html = await uploadOne(uploader, htmlName, [htmlCopy], upload.tempDir, true, upload.runUrl);
  logger.info(`Uploaded the HTML report unzipped as '${html.name}' (${html.url})`);
  return { bundle, html };
}

async function uploadOne(
  uploader: ArtifactUploader,
  name: string,
  files: string[],
  rootDirectory: string,
  skipArchive: boolean,
  runUrl: string,
): Promise<UploadedArtifact> {
  const response = await uploader.uploadArtifact(
    name,
    files,
    rootDirectory,
    skipArchive ? { skipArchive } : {},
  );
  if (response.id === undefined) throw new Error(`artifact upload of '${name}' returned no artifact id`);
  return {
    name,
    id: response.id,
    url: `${runUrl}/artifacts/${response.id}`,
    ...(response.digest !== undefined ? { digest: response.digest } : {}),
  };
}
