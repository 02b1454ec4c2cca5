/**
 * What `driftwatch loadtest` and `driftwatch capacity` share: the flags of the request and gate settings, their
 * names for messages ({@link FLAG_OF}), the output format and the progress line.
 */
import { UserError } from '../../errors.js';
import { formatProgress } from '../../loadtest/format.js';
import type { LoadProgress } from '../../loadtest/generator.js';
import type { RawLoadField, RawLoadInputs } from '../../loadtest/settings.js';
import { systemClock, type WaitClock } from '../../prometheus/wait.js';
import type { CliIo } from '../io.js';

/** The flag of every raw load field, for messages (the action has its own INPUT_OF). */
export const FLAG_OF: Record<RawLoadField, string> = {
  url: '--url',
  rate: '--rate',
  duration: '--duration',
  stages: '--stages',
  payloads: '--payloads',
  method: '--method',
  maxInFlight: '--max-in-flight',
  timeoutMs: '--timeout-ms',
  expectStatus: '--expect-status',
  expectJsonSchema: '--expect-json-schema',
  checkSample: '--check-sample',
  prometheus: '--prometheus',
  slo: '--slo',
  job: '--job',
  vars: '--var',
  waitTimeout: '--wait-timeout',
  min: '--min',
  max: '--max',
  stepDuration: '--step-duration',
  precision: '--precision',
  coolDown: '--cool-down',
  budget: '--budget',
  baseline: '--baseline',
  maxCapacityDrop: '--max-capacity-drop',
};

/** Flags of the request and gate settings, and of the output, common to both commands. */
export const sharedFlags = {
  url: { type: 'string' },
  payloads: { type: 'string' },
  method: { type: 'string' },
  'max-in-flight': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'expect-status': { type: 'string' },
  'expect-json-schema': { type: 'string' },
  'check-sample': { type: 'string' },
  quiet: { type: 'boolean' },
  prometheus: { type: 'string' },
  slo: { type: 'string' },
  job: { type: 'string' },
  var: { type: 'string', multiple: true },
  'wait-timeout': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

/** The usage lines of {@link sharedFlags}' request checks. */
export const CHECK_USAGE = `  --expect-status LIST       statuses every response must have: 200, 200,404 or 2xx; others count as error check_status
  --expect-json-schema FILE  JSON Schema (ajv) the response bodies must match; failures count as error check_schema
  --check-sample X           share of responses whose body is validated, spread evenly (default 1: every one)`;

/** The raw values of {@link sharedFlags}, for the settings parser. */
export function sharedRawInputs(values: {
  readonly url?: string;
  readonly payloads?: string;
  readonly method?: string;
  readonly 'max-in-flight'?: string;
  readonly 'timeout-ms'?: string;
  readonly 'expect-status'?: string;
  readonly 'expect-json-schema'?: string;
  readonly 'check-sample'?: string;
  readonly prometheus?: string;
  readonly slo?: string;
  readonly job?: string;
  readonly var?: string[];
  readonly 'wait-timeout'?: string;
}): RawLoadInputs {
  return {
    url: values.url,
    payloads: values.payloads,
    method: values.method,
    maxInFlight: values['max-in-flight'],
    timeoutMs: values['timeout-ms'],
    expectStatus: values['expect-status'],
    expectJsonSchema: values['expect-json-schema'],
    checkSample: values['check-sample'],
    prometheus: values.prometheus,
    slo: values.slo,
    job: values.job,
    vars: values.var,
    waitTimeout: values['wait-timeout'],
  };
}

export type OutputFormat = 'table' | 'json';

export function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'table') return 'table';
  if (value === 'json') return 'json';
  throw new UserError('USAGE', `--format: '${value}' is not one of table, json`);
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

/**
 * Runs a command's load with its reporting on stderr: log lines (ending the progress line first) and, unless `quiet`,
 * the progress line; the system clock for waits.
 */
export async function withStderrReporting<T>(
  io: CliIo,
  quiet: boolean,
  run: (deps: {
    log(line: string): void;
    onProgress: ((progress: LoadProgress) => void) | undefined;
    clock: WaitClock;
  }) => Promise<T>,
): Promise<T> {
  const progress = quiet ? undefined : progressWriter(io.stderr);
  try {
    return await run({
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
}
