/**
 * `driftwatch slo`: evaluates an SLO file against Prometheus at one pinned time, without generating load.
 */
import { ExitCode, UserError } from '../../errors.js';
import { formatPromDuration } from '../../loadtest/session.js';
import { writeJsonFileAtomic } from '../../util/fs.js';
import { PrometheusClient, parseTime } from '../../prometheus/client.js';
import { evaluateSlo, formatGateTable } from '../../prometheus/evaluator.js';
import { prepareQueries, readSloFile } from '../../prometheus/slo-file.js';
import { parseFlags } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { parseDurationValue, parseVariables } from '../../loadtest/settings.js';
import { parseFormat } from './load-flags.js';

const usage = `Usage: driftwatch slo --prometheus URL --file slo.yml [options]

Evaluates every objective's PromQL at one pinned time and checks its min/max bounds (inclusive). An empty result
follows the objective's on_empty (fail|zero); NaN always fails; info objectives are reported only; client
objectives (source: client) need a load and are reported as skipped.

  --prometheus URL          Prometheus base URL, e.g. http://127.0.0.1:9090
  --file PATH               SLO file (see load-test/slo.yml)
  --at TIME                 evaluation time: RFC 3339 or Unix seconds (default: now, read once)
  --job NAME                value of \${job} (default api)
  --window D                value of \${window} (default 5m)
  --var NAME=VALUE          set a query variable (repeatable), e.g. --var offered_rate=50
  --format table|json       stdout format (default table)
  --out FILE                also write the JSON result here (temp file + rename)

Exit codes: 0 every objective passed, 1 an objective failed, 2 usage or input error (bad file, PromQL syntax,
Prometheus unreachable).`;

const flags = {
  prometheus: { type: 'string' },
  file: { type: 'string' },
  at: { type: 'string' },
  job: { type: 'string' },
  window: { type: 'string' },
  var: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

export const sloCommand: Command = {
  name: 'slo',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const values = parseFlags('slo', argv, flags);
    if (values.prometheus === undefined) throw new UserError('USAGE', 'slo: --prometheus is required');
    if (values.file === undefined) throw new UserError('USAGE', 'slo: --file is required');
    const format = parseFormat(values.format);
    const atMs = values.at === undefined ? Date.now() : parseTime('--at', values.at);
    const windowMs = values.window === undefined ? 300_000 : parseDurationValue('--window', values.window);
    if (windowMs <= 0) throw new UserError('USAGE', `--window: '${values.window}' must be positive`);
    const client = new PrometheusClient({ url: values.prometheus, timeoutMs: 10_000 });
    const file = await readSloFile(values.file);
    const variables = {
      ...file.variables,
      job: values.job ?? file.variables.job ?? 'api',
      window: formatPromDuration(windowMs),
      ...parseVariables('--var', values.var),
    };
    const queries = prepareQueries(file, variables);
    const result = await evaluateSlo({ prometheus: client, client: null }, file, queries, variables, atMs);
    if (values.out !== undefined) await writeJsonFileAtomic(values.out, result);
    io.stdout.write((format === 'json' ? JSON.stringify(result, null, 2) : formatGateTable(result)) + '\n');
    return result.passed ? ExitCode.Ok : ExitCode.GateFailed;
  },
};
