/** Names of the action's inputs and outputs, exactly as in action.yml (a test keeps the three in step). */

export const Inputs = {
  Reference: 'reference',
  Current: 'current',
  DatabaseUrl: 'database-url',
  Table: 'table',
  AsOfColumn: 'as-of-column',
  Query: 'query',
  Schema: 'schema',
  ReferenceAsOf: 'reference-as-of',
  CurrentAsOf: 'current-as-of',
  Compute: 'compute',
  StatementTimeout: 'statement-timeout',
  ConnectRetries: 'connect-retries',
  ReferenceLabel: 'reference-label',
  CurrentLabel: 'current-label',
  Target: 'target',
  Columns: 'columns',
  Exclude: 'exclude',
  Stattest: 'stattest',
  Threshold: 'threshold',
  DriftShare: 'drift-share',
  RetrainThreshold: 'retrain-threshold',
  IdColumn: 'id-column',
  Correction: 'correction',
  MissingDrift: 'missing-drift',
  ReportDir: 'report-dir',
  Formats: 'formats',
  ArtifactName: 'artifact-name',
  Comment: 'comment',
  IssueNumber: 'issue-number',
  CommentKey: 'comment-key',
  RetrainWorkflow: 'retrain-workflow',
  RetrainRef: 'retrain-ref',
  RetrainInputs: 'retrain-inputs',
  FailOnDrift: 'fail-on-drift',
  DryRun: 'dry-run',
  GithubToken: 'github-token',
} as const;

export const Outputs = {
  DriftShare: 'drift-share',
  DatasetDrift: 'dataset-drift',
  Decision: 'decision',
  DriftedColumns: 'drifted-columns',
  NumberOfDriftedColumns: 'number-of-drifted-columns',
  ReportJson: 'report-json',
  ReportHtml: 'report-html',
  ReportMarkdown: 'report-markdown',
  ArtifactId: 'artifact-id',
  ArtifactUrl: 'artifact-url',
  CommentUrl: 'comment-url',
  RetrainRunId: 'retrain-run-id',
} as const;

/** Defaults applied when an input is empty; action.yml declares the same values (checked by a test). */
export const InputDefaults = {
  [Inputs.DriftShare]: '0.5',
  [Inputs.RetrainThreshold]: '0.3',
  [Inputs.ReportDir]: 'driftwatch-report',
  [Inputs.Formats]: 'json,html,md',
  [Inputs.ArtifactName]: 'driftwatch-report',
  [Inputs.Comment]: 'auto',
  [Inputs.CommentKey]: 'driftwatch',
  [Inputs.MissingDrift]: 'false',
  [Inputs.FailOnDrift]: 'false',
  [Inputs.DryRun]: 'false',
} as const;

/** Inputs the action always sends to the retrain workflow; `retrain-inputs` may not redefine them. */
export const RETRAIN_WORKFLOW_INPUTS = [
  'reference',
  'current',
  'drift_share',
  'report_url',
  'dispatch_key',
] as const;
