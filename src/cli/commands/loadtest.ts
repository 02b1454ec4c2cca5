/**
 * `driftwatch loadtest`: an open-model constant-arrival-rate load, optionally followed by the SLO gate against
 * Prometheus (`--prometheus URL --slo FILE`).
 */
import { ExitCode, UserError } from '../../errors.js';
import { formatLoadTable, formatProgress, type LoadProgress } from '../../loadtest/generator.js';
import { runLoadSession, type LoadSessionSettings } from '../../loadtest/session.js';
import { parseLoadSessionSettings, type RawLoadField } from '../../loadtest/settings.js';
import { writeJsonAtomic } from '../../loadtest/write-json.js';
import { formatGateTable } from '../../prometheus/evaluator.js';
import { systemClock } from '../../prometheus/wait.js';
import { parseFlags } from '../args.js';
import type { CliIo, Command } from '../io.js';

const usage = `Usage: driftwatch loadtest --url URL --rate R --duration D [options]

Open model: request k is due at start + k/R whatever the response times; latency is measured from each
request's intended send time (no coordinated omission) into an HDR histogram.

Load
  --url URL                 target, e.g. http://127.0.0.1:8000/predict
  --rate R                  requests per second offered
  --duration D              seconds (30) or a duration (30s, 2m)
  --payloads FILE           JSON Lines request bodies, used round-robin (default: no body)
  --method M                GET|POST (default POST with --payloads, else GET)
  --max-in-flight N         outstanding requests at most; due requests beyond it are dropped and counted (default 256)
  --timeout-ms N            per-request timeout (default 10000)
  --quiet                   no progress line

SLO gate (both or neither)
  --prometheus URL          Prometheus scraping the service, e.g. http://127.0.0.1:9090
  --slo FILE                SLO file (see load-test/slo.yml)
  --job NAME                scrape job of the service, also \${job} in queries (default api)
  --var NAME=VALUE          set a query variable (repeatable); \${window}, \${offered_rate}, \${duration} come from the run
  --wait-timeout D          longest wait for Prometheus and its targets (default 60s)

Output
  --format table|json       stdout format (default table)
  --out FILE                also write the JSON result here (temp file + rename)

Exit codes: 0 done (gate passed), 1 an SLO objective failed, 2 usage or input error.`;

const flags = {
  url: { type: 'string' },
  rate: { type: 'string' },
  duration: { type: 'string' },
  payloads: { type: 'string' },
  method: { type: 'string' },
  'max-in-flight': { type: 'string' },
  'timeout-ms': { type: 'string' },
  quiet: { type: 'boolean' },
  prometheus: { type: 'string' },
  slo: { type: 'string' },
  job: { type: 'string' },
  var: { type: 'string', multiple: true },
  'wait-timeout': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

export type OutputFormat = 'table' | 'json';

export function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'table') return 'table';
  if (value === 'json') return 'json';
  throw new UserError('USAGE', `--format: '${value}' is not one of table, json`);
}

interface LoadtestSettings {
  readonly session: LoadSessionSettings;
  readonly format: OutputFormat;
  readonly out: string | null;
  readonly quiet: boolean;
}

const FLAG_OF: Record<RawLoadField, string> = {
  url: '--url',
  rate: '--rate',
  duration: '--duration',
  payloads: '--payloads',
  method: '--method',
  maxInFlight: '--max-in-flight',
  timeoutMs: '--timeout-ms',
  prometheus: '--prometheus',
  slo: '--slo',
  job: '--job',
  vars: '--var',
  waitTimeout: '--wait-timeout',
};

function parseSettings(argv: readonly string[]): LoadtestSettings {
  const values = parseFlags('loadtest', argv, flags);
  const session = parseLoadSessionSettings(
    {
      url: values.url,
      rate: values.rate,
      duration: values.duration,
      payloads: values.payloads,
      method: values.method,
      maxInFlight: values['max-in-flight'],
      timeoutMs: values['timeout-ms'],
      prometheus: values.prometheus,
      slo: values.slo,
      job: values.job,
      vars: values.var,
      waitTimeout: values['wait-timeout'],
    },
    (field) => FLAG_OF[field],
  );
  return {
    session,
    format: parseFormat(values.format),
    out: values.out ?? null,
    quiet: values.quiet ?? false,
  };
}

/** A progress reporter: rewrites one line on a terminal, prints a line every 5 s otherwise (CI logs). */
export function progressWriter(stream: NodeJS.WritableStream): {
  report(progress: LoadProgress): void;
  end(): void;
} {
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  let ticks = 0;
  let drawn = false;
  return {
    report(progress) {
      ticks++;
      if (tty) {
        stream.write(`\r${formatProgress(progress)}\x1b[K`);
        drawn = true;
      } else if (ticks % 5 === 0) stream.write(formatProgress(progress) + '\n');
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

export const loadtestCommand: Command = {
  name: 'loadtest',
  summary: 'open-model load test, optionally gated on SLOs queried from Prometheus',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const settings = parseSettings(argv);
    const progress = settings.quiet ? undefined : progressWriter(io.stderr);
    let result;
    try {
      result = await runLoadSession(settings.session, {
        log: (line) => {
          progress?.end();
          io.stderr.write(line + '\n');
        },
        onProgress: progress ? (p) => progress.report(p) : undefined,
        clock: systemClock,
      });
    } finally {
      progress?.end();
    }
    const json = { load: result.load, gate: result.gate, passed: result.passed };
    if (settings.out !== null) await writeJsonAtomic(settings.out, json);
    if (settings.format === 'json') io.stdout.write(JSON.stringify(json, null, 2) + '\n');
    else {
      io.stdout.write(formatLoadTable(result.load) + '\n');
      if (result.gate) io.stdout.write('\n' + formatGateTable(result.gate) + '\n');
    }
    return result.passed ? ExitCode.Ok : ExitCode.GateFailed;
  },
};
