/**
 * `driftwatch capacity`: the highest arrival rate at which the service meets every objective of an SLO file, found
 * by a geometric ramp and a bisection of open-model loads; optionally compared with a stored result.
 */
import { ExitCode, UserError } from '../../errors.js';
import { runCapacitySearch, type CapacitySettings } from '../../loadtest/capacity.js';
import { capacityHtml, capacityMarkdown, formatCapacityTable } from '../../loadtest/capacity-report.js';
import { DEFAULT_CAPACITY, parseCapacitySettings } from '../../loadtest/settings.js';
import { writeJsonFileAtomic, writeFileAtomic } from '../../util/fs.js';
import { parseFlags } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { CHECK_USAGE, FLAG_OF, sharedFlags, sharedRawInputs, withStderrReporting } from './load-flags.js';

const usage = `Usage: driftwatch capacity --url URL --slo FILE [--prometheus URL] [options]

Finds the highest arrival rate at which every objective of the SLO file holds. Each step is an open-model load at one
rate followed by the gate; the rates are a geometric ramp (--min, 2×, 4×, … up to --max) until one fails, then a
bisection between the highest passing and the lowest failing rate until they are within --precision. Bounded: at most
a fixed number of steps, and nothing runs past --budget. Load goes to --url only.

Search
  --min R                    first rate tried, requests/s (default ${DEFAULT_CAPACITY.min})
  --max R                    highest rate tried (default ${DEFAULT_CAPACITY.max})
  --step-duration D          length of each step (default ${DEFAULT_CAPACITY.stepDurationMs / 1000}s; raised to 5 scrape intervals with Prometheus objectives)
  --precision X              stop when lowest failing / highest passing ≤ 1 + X: 0.1 or 10% (default 10%)
  --cool-down D              pause between steps (default ${DEFAULT_CAPACITY.coolDownMs / 1000}s)
  --budget D                 hard bound on the whole search (default ${DEFAULT_CAPACITY.budgetMs / 60_000}m)
  --baseline FILE            a stored capacity result (--out of an earlier run): exit 1 when the capacity dropped more
                             than --max-capacity-drop against it
  --max-capacity-drop X      largest accepted drop: 0.2 or 20% (default 20%)

Load (each step)
  --url URL                  target, e.g. http://127.0.0.1:8000/predict
  --payloads FILE            JSON Lines request bodies, used round-robin (default: no body)
  --method M                 GET|POST (default POST with --payloads, else GET)
  --max-in-flight N          outstanding requests at most; due requests beyond it are dropped and counted (default 256)
  --timeout-ms N             per-request timeout (default 10000)
${CHECK_USAGE}
  --quiet                    no progress line

Objectives
  --slo FILE                 SLO file every step must meet (required; e.g. load-test/slo-client.yml)
  --prometheus URL           Prometheus scraping the service, for PromQL objectives
  --job NAME                 scrape job of the service, also \${job} in queries (default api)
  --var NAME=VALUE           set a query variable (repeatable); \${offered_rate} is each step's rate
  --wait-timeout D           longest wait for Prometheus and its targets (default 60s)

Output
  --format table|json|md     stdout format (default table; md: Markdown with a Mermaid chart of p95 against rate)
  --out FILE                 also write the JSON result here ({capacity_rps, steps, …}; temp file + rename)
  --markdown FILE            also write the Markdown
  --html FILE                also write an HTML page with the chart as SVG

Exit codes: 0 capacity found (and within --max-capacity-drop of --baseline), 1 no rate passed or the capacity
dropped too much, 2 usage or input error.`;

const flags = {
  ...sharedFlags,
  min: { type: 'string' },
  max: { type: 'string' },
  'step-duration': { type: 'string' },
  precision: { type: 'string' },
  'cool-down': { type: 'string' },
  budget: { type: 'string' },
  baseline: { type: 'string' },
  'max-capacity-drop': { type: 'string' },
  markdown: { type: 'string' },
  html: { type: 'string' },
} as const;

type CapacityFormat = 'table' | 'json' | 'md';

interface CapacityCommandSettings {
  readonly search: CapacitySettings;
  readonly format: CapacityFormat;
  readonly out: string | null;
  readonly markdown: string | null;
  readonly html: string | null;
  readonly quiet: boolean;
}

function parseSettings(argv: readonly string[]): CapacityCommandSettings {
  const values = parseFlags('capacity', argv, flags);
  const search = parseCapacitySettings(
    {
      ...sharedRawInputs(values),
      min: values.min,
      max: values.max,
      stepDuration: values['step-duration'],
      precision: values.precision,
      coolDown: values['cool-down'],
      budget: values.budget,
      baseline: values.baseline,
      maxCapacityDrop: values['max-capacity-drop'],
    },
    (field) => FLAG_OF[field],
  );
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'md')
    throw new UserError('USAGE', `--format: '${format}' is not one of table, json, md`);
  return {
    search,
    format,
    out: values.out ?? null,
    markdown: values.markdown ?? null,
    html: values.html ?? null,
    quiet: values.quiet ?? false,
  };
}

export const capacityCommand: Command = {
  name: 'capacity',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const settings = parseSettings(argv);
    const result = await withStderrReporting(io, settings.quiet, (deps) =>
      runCapacitySearch(settings.search, deps),
    );
    if (settings.out !== null) await writeJsonFileAtomic(settings.out, result);
    if (settings.markdown !== null) await writeFileAtomic(settings.markdown, capacityMarkdown(result));
    if (settings.html !== null) await writeFileAtomic(settings.html, capacityHtml(result));
    io.stdout.write(
      settings.format === 'json'
        ? JSON.stringify(result, null, 2) + '\n'
        : settings.format === 'md'
          ? capacityMarkdown(result)
          : formatCapacityTable(result) + '\n',
    );
    return result.passed ? ExitCode.Ok : ExitCode.GateFailed;
  },
};
