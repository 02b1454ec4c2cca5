/**
 * `driftwatch stack`: the local stack of the load-test walkthrough in one command — the churn predictor and a
 * Prometheus scraping it, both on 127.0.0.1, until SIGINT/SIGTERM (or until Prometheus stops on its own).
 */
import { ExitCode, UserError } from '../../errors.js';
import { readModelFile } from '../../predictor/model-file.js';
import { createPredictor, DEFAULT_LATENCY_OBJECTIVE_SECONDS } from '../../predictor/server.js';
import { formatPromDuration, PrometheusClient } from '../../prometheus/client.js';
import {
  checkPrometheusBinary,
  ensurePortFree,
  startLocalPrometheus,
} from '../../prometheus/local-server.js';
import { systemClock, waitUntilScraping } from '../../prometheus/wait.js';
import { loadSnapshot } from '../../snapshot/files.js';
import { parseSnapshotSource } from '../../snapshot/source.js';
import { parseDurationValue } from '../../loadtest/settings.js';
import { parseNumberSetting } from '../../util/values.js';
import { parseFlags } from '../args.js';
import type { CliIo, Command } from '../io.js';

const usage = `Usage: driftwatch stack --model model.json [--features SOURCE] [options]

Starts the churn predictor and a Prometheus scraping it (job "api"), both on 127.0.0.1, waits until Prometheus has
scraped the predictor, prints their URLs, and runs until Ctrl-C / SIGTERM, then stops both and removes Prometheus'
temporary storage. Prometheus is the binary on PATH (Debian/Ubuntu: apt-get install prometheus) or --prometheus-bin.

  --model PATH               model.json written by driftwatch train (required)
  --features SOURCE          snapshot the predictor looks users up in (.csv .tsv .jsonl .parquet or git:<rev>:<path>)
  --port N                   predictor port (default 8000)
  --prometheus-port N        Prometheus port (default 9090)
  --scrape-interval D        scrape interval (default 1s; a gated load must last at least 5 of them)
  --job NAME                 scrape job of the predictor (default api)
  --prometheus-bin PATH      the Prometheus binary (default: prometheus on PATH)
  --debug                    log client aborts of the predictor

Exit codes: 0 stopped by a signal, 2 usage or input error (a port in use, Prometheus missing or failing).`;

const flags = {
  model: { type: 'string' },
  features: { type: 'string' },
  port: { type: 'string' },
  'prometheus-port': { type: 'string' },
  'scrape-interval': { type: 'string' },
  job: { type: 'string' },
  'prometheus-bin': { type: 'string' },
  debug: { type: 'boolean' },
} as const;

function portFlag(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = parseNumberSetting(flag, value, { min: 1, max: 65535 });
  if (!Number.isInteger(port)) throw new UserError('USAGE', `${flag}: '${value}' is not an integer`);
  return port;
}

/** Resolves on the first SIGINT or SIGTERM (and removes its handlers). */
function nextSignal(): { promise: Promise<void>; cancel(): void } {
  let handler: (() => void) | undefined;
  const promise = new Promise<void>((resolve) => {
    handler = () => resolve();
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  });
  return {
    promise,
    cancel: () => {
      process.off('SIGINT', handler!);
      process.off('SIGTERM', handler!);
    },
  };
}

export const stackCommand: Command = {
  ownsDebugFlag: true,
  name: 'stack',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const values = parseFlags('stack', argv, flags);
    if (values.model === undefined) throw new UserError('USAGE', 'stack: --model is required');
    const port = portFlag('--port', values.port, 8000);
    const prometheusPort = portFlag('--prometheus-port', values['prometheus-port'], 9090);
    if (port === prometheusPort)
      throw new UserError('USAGE', `--port and --prometheus-port are both ${port}`);
    const scrapeMs =
      values['scrape-interval'] === undefined
        ? 1000
        : parseDurationValue('--scrape-interval', values['scrape-interval']);
    if (!(scrapeMs >= 100) || !Number.isInteger(scrapeMs))
      throw new UserError(
        'USAGE',
        `--scrape-interval: '${values['scrape-interval']}' must be whole milliseconds, at least 100ms`,
      );
    const job = values.job ?? 'api';
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(job))
      throw new UserError('USAGE', `--job: '${job}' is not a job name`);
    const binary = values['prometheus-bin'] ?? 'prometheus';
    checkPrometheusBinary(binary);
    await ensurePortFree(prometheusPort, '--prometheus-port');

    const model = await readModelFile('--model', values.model);
    const features =
      values.features === undefined
        ? null
        : await loadSnapshot(parseSnapshotSource('--features', values.features), io.cwd);
    const predictor = createPredictor({
      model,
      features,
      idColumn: model.id_column ?? 'user_id',
      latencyObjectiveSeconds: DEFAULT_LATENCY_OBJECTIVE_SECONDS,
      injectLatencyMs: 0,
      injectErrorRate: 0,
      log: (line) => io.stderr.write(line + '\n'),
      debug: values.debug ? (line) => io.stderr.write(`debug: ${line}\n`) : undefined,
    });
    const signal = nextSignal();
    try {
      await predictor.listen(port, '127.0.0.1');
      io.stderr.write(
        `predictor on http://127.0.0.1:${port} (${features ? `${features.rows} users from ${features.source}` : 'no --features'})\n`,
      );
      const prometheus = await startLocalPrometheus({
        binary,
        port: prometheusPort,
        jobs: [{ job, targets: [`127.0.0.1:${port}`] }],
        scrapeIntervalMs: scrapeMs,
        readyTimeoutMs: 30_000,
      });
      try {
        const client = new PrometheusClient({ url: prometheus.url, timeoutMs: 2000 });
        // The wait polls until its timeout; once the race below is decided, its next sleep ends it instead.
        let waiting = true;
        const clock = {
          now: systemClock.now,
          sleep: async (ms: number) => {
            if (!waiting) throw new Error('no longer waiting');
            await systemClock.sleep(ms);
          },
        };
        const waited = waitUntilScraping(client, { job, timeoutMs: 60_000, pollMs: 100, clock });
        waited.then(
          () => undefined,
          () => undefined,
        );
        type Event = { kind: 'ready' } | { kind: 'signal' } | { kind: 'exited'; reason: string };
        const first = await Promise.race<Event>([
          waited.then(() => ({ kind: 'ready' })),
          prometheus.exited.then((reason) => ({ kind: 'exited', reason })),
          signal.promise.then(() => ({ kind: 'signal' })),
        ]).finally(() => (waiting = false));
        if (first.kind === 'signal') return ExitCode.Ok;
        if (first.kind === 'exited') throw new UserError('PROMETHEUS', first.reason);
        io.stderr.write(
          `stack ready: predictor http://127.0.0.1:${port}/predict, Prometheus ${prometheus.url} scraping job="${job}" every ${formatPromDuration(scrapeMs)}; Ctrl-C stops both\n`,
        );
        const ended = await Promise.race<Event>([
          prometheus.exited.then((reason) => ({ kind: 'exited', reason })),
          signal.promise.then(() => ({ kind: 'signal' })),
        ]);
        if (ended.kind === 'exited') throw new UserError('PROMETHEUS', ended.reason);
        return ExitCode.Ok;
      } finally {
        await prometheus.stop();
      }
    } finally {
      signal.cancel();
      await predictor.close();
    }
  },
};
