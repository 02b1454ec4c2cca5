/**
 * `driftwatch loadtest`: an open-model constant-arrival-rate load, optionally followed by the SLO gate against
 * Prometheus (`--prometheus URL --slo FILE`).
 */
import { ExitCode, UserError } from '../../errors.js';
import { formatLoadTable, formatProgress, type LoadProgress } from '../../loadtest/generator.js';
import { runLoadSession, type LoadSessionSettings } from '../../loadtest/session.js';
import { writeJsonAtomic } from '../../loadtest/write-json.js';
import { parseDurationMs } from '../../prometheus/client.js';
import { formatGateTable } from '../../prometheus/evaluator.js';
import { systemClock } from '../../prometheus/wait.js';
import { parseFlags, parseNumberFlag } from '../args.js';
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

/** Parses `--duration`-style values: plain seconds or a Prometheus duration (`30s`, `2m`). Returns milliseconds. */
export function parseDurationFlag(flag: string, value: string): number {
  if (/^\d+(\.\d+)?$/.test(value.trim())) return parseNumberFlag(flag, value, { min: 0 }) * 1000;
  try {
    return parseDurationMs(value.trim());
  } catch {
    throw new UserError('USAGE', `${flag}: '${value}' is not a duration (e.g. 30, 30s, 2m)`);
  }
}

/** Parses repeatable `--var name=value`. */
export function parseVariables(specs: readonly string[] | undefined): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const spec of specs ?? []) {
    const match = /^([a-z_][a-z0-9_]*)=(.*)$/.exec(spec);
    if (!match)
      throw new UserError('USAGE', `--var: '${spec}' is not NAME=VALUE (NAME in lower case, digits, _)`);
    variables[match[1]!] = match[2]!;
  }
  return variables;
}

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

function parseSettings(argv: readonly string[]): LoadtestSettings {
  const values = parseFlags('loadtest', argv, flags);
  for (const flag of ['url', 'rate', 'duration'] as const)
    if (values[flag] === undefined) throw new UserError('USAGE', `loadtest: --${flag} is required`);
  let url: URL;
  try {
    url = new URL(values.url!);
  } catch {
    throw new UserError('USAGE', `--url: '${values.url}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError('USAGE', `--url: '${values.url}' must be http(s)`);
  const rate = parseNumberFlag('--rate', values.rate!, { min: Number.MIN_VALUE });
  const durationMs = parseDurationFlag('--duration', values.duration!);
  if (durationMs <= 0) throw new UserError('USAGE', `--duration: '${values.duration}' must be positive`);
  if (Math.floor((rate * durationMs) / 1000) < 1)
    throw new UserError('USAGE', '--rate × --duration schedules no request');
  const maxInFlight =
    values['max-in-flight'] === undefined
      ? 256
      : parseNumberFlag('--max-in-flight', values['max-in-flight'], { min: 1 });
  if (!Number.isInteger(maxInFlight))
    throw new UserError('USAGE', `--max-in-flight: '${values['max-in-flight']}' is not an integer`);
  const timeoutMs =
    values['timeout-ms'] === undefined
      ? 10_000
      : parseNumberFlag('--timeout-ms', values['timeout-ms'], { min: 1 });
  const method = values.method ?? (values.payloads === undefined ? 'GET' : 'POST');
  if (method !== 'GET' && method !== 'POST')
    throw new UserError('USAGE', `--method: '${method}' is not one of GET, POST`);
  if ((values.prometheus === undefined) !== (values.slo === undefined))
    throw new UserError('USAGE', 'loadtest: --prometheus and --slo go together');
  const variables = parseVariables(values.var);
  const waitTimeoutMs =
    values['wait-timeout'] === undefined
      ? 60_000
      : parseDurationFlag('--wait-timeout', values['wait-timeout']);
  return {
    session: {
      url,
      rate,
      durationSeconds: durationMs / 1000,
      method,
      payloadsPath: values.payloads ?? null,
      maxInFlight,
      timeoutMs,
      gate:
        values.prometheus === undefined
          ? null
          : {
              prometheusUrl: values.prometheus,
              sloPath: values.slo!,
              job: values.job ?? 'api',
              variables,
              waitTimeoutMs,
            },
    },
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
  summary: 'Open-model load test, optionally gated on SLOs queried from Prometheus',
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
