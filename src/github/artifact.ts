/**
 * Uploading the reports as workflow artifacts with `@actions/artifact`: one zip of every report file, plus the HTML
 * report alone and unzipped (`skipArchive`) so a reviewer opens it straight in the browser.
 */
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

export interface UploadedArtifact {
  readonly name: string;
  readonly id: number;
  /** `{server}/{owner}/{repo}/actions/runs/{run_id}/artifacts/{id}`: downloads the zip, or opens an unzipped file. */
  readonly url: string;
  /** sha256 of the uploaded bytes, as the service computed it. */
  readonly digest?: string;
}

export interface ReportUpload {
  /** Unique per run and attempt, e.g. `driftwatch-report-123-1`. */
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
