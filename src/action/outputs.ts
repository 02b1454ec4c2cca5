/**
 * The action's outputs, set through `@actions/core` (written to GITHUB_OUTPUT). The drift outputs are set as soon
 * as the drift is known, so a later failure (a refused dispatch) still leaves them for following steps.
 */
import * as core from '@actions/core';
import type { DriftReport } from '../drift/report.js';
import type { ReportFormat } from '../job/settings.js';
import { Outputs } from './constants.js';

/** Names of the drifted columns, in report order. */
export function driftedColumns(report: DriftReport): string[] {
  return report.columns.filter((column) => column.drift_detected).map((column) => column.column);
}

export function setDriftOutputs(report: DriftReport, files: Partial<Record<ReportFormat, string>>): void {
  core.setOutput(Outputs.DriftShare, String(report.drift_share));
  core.setOutput(Outputs.DatasetDrift, String(report.dataset_drift));
  core.setOutput(Outputs.Decision, report.decision.action);
  const drifted = driftedColumns(report);
  core.setOutput(Outputs.DriftedColumns, JSON.stringify(drifted));
  core.setOutput(Outputs.NumberOfDriftedColumns, String(report.number_of_drifted_columns));
  core.setOutput(Outputs.ReportJson, files.json ?? '');
  core.setOutput(Outputs.ReportHtml, files.html ?? '');
  core.setOutput(Outputs.ReportMarkdown, files.md ?? '');
}

export function setArtifactOutputs(artifact: { id: number; url: string } | undefined): void {
  core.setOutput(Outputs.ArtifactId, artifact ? String(artifact.id) : '');
  core.setOutput(Outputs.ArtifactUrl, artifact?.url ?? '');
}

export function setCommentOutput(url: string | undefined): void {
  core.setOutput(Outputs.CommentUrl, url ?? '');
}

export function setRetrainOutput(runId: number | undefined): void {
  core.setOutput(Outputs.RetrainRunId, runId === undefined ? '' : String(runId));
}
