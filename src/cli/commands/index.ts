import type { Command } from '../io.js';

/**
 * A `driftwatch` subcommand as the top level knows it: its name and help line, and its module, loaded only when the
 * command runs. Loading every command at start-up evaluated the load-test client, HDR histograms and Prometheus
 * metrics (and Node's lazily loaded HTTP client behind `node:http`) before a `compare` could begin.
 */
export interface CommandEntry {
  readonly name: string;
  /** One line for `driftwatch --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}

/** Every `driftwatch` subcommand, in help order. Each lives in its own file beside this one. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'compare',
    summary: 'per-column drift between a reference and a current snapshot, reports and the retrain decision',
    load: async () => (await import('./compare.js')).compareCommand,
  },
  {
    name: 'train',
    summary: 'train the churn model (deterministic logistic regression) and print its holdout AUC',
    load: async () => (await import('./train.js')).trainCommand,
  },
  {
    name: 'evaluate',
    summary: 'measure champion and challenger models on the same labelled rows (ROC AUC, log loss, F1, ...)',
    load: async () => (await import('./evaluate.js')).evaluateCommand,
  },
  {
    name: 'predictor',
    summary: 'serve the churn model over HTTP with Prometheus metrics',
    load: async () => (await import('./predictor.js')).predictorCommand,
  },
  {
    name: 'payloads',
    summary: 'write request bodies for loadtest --payloads from a snapshot (JSON Lines)',
    load: async () => (await import('./payloads.js')).payloadsCommand,
  },
  {
    name: 'stack',
    summary: 'start the predictor and a Prometheus scraping it on 127.0.0.1 (the load-test walkthrough)',
    load: async () => (await import('./stack.js')).stackCommand,
  },
  {
    name: 'loadtest',
    summary: 'open-model load test (constant rate or stages), optionally gated on SLOs',
    load: async () => (await import('./loadtest.js')).loadtestCommand,
  },
  {
    name: 'capacity',
    summary: 'find the highest arrival rate that meets every SLO objective (ramp, then bisection)',
    load: async () => (await import('./capacity.js')).capacityCommand,
  },
  {
    name: 'slo',
    summary: 'evaluate an SLO file against Prometheus at a pinned time (exit 1 when an objective fails)',
    load: async () => (await import('./slo.js')).sloCommand,
  },
  {
    name: 'snapshots',
    summary: 'list the as_of values of a PostgreSQL as-of table with their row counts',
    load: async () => (await import('./snapshots.js')).snapshotsCommand,
  },
  {
    name: 'db load-fixtures',
    summary: 'create the StreamFlow schema in PostgreSQL and load the fixture months with COPY',
    load: async () => (await import('./db-load-fixtures.js')).dbLoadFixturesCommand,
  },
];
