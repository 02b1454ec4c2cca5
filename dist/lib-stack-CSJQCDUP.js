import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  DEFAULT_LATENCY_OBJECTIVE_SECONDS,
  createPredictor
} from "./lib-chunk-H3FZKGEQ.js";
import {
  PrometheusClient,
  formatPromDuration,
  parseDurationValue,
  systemClock,
  waitUntilScraping
} from "./lib-chunk-I7WH24RH.js";
import "./lib-chunk-TVB7TURF.js";
import {
  readModelFile
} from "./lib-chunk-BF6ZWWRF.js";
import "./lib-chunk-ZC4DHHH7.js";
import {
  loadSnapshot,
  parseNumberSetting,
  parseSnapshotSource
} from "./lib-chunk-IPFD7OHJ.js";
import "./lib-chunk-ZFKH7BIN.js";
import {
  parseFlags
} from "./lib-chunk-RCRKTVFD.js";
import "./lib-chunk-RTQKJJQO.js";
import "./lib-chunk-4C3UKEYM.js";
import "./lib-chunk-PN6SSXAQ.js";
import "./lib-chunk-3MDFVLDT.js";
import "./lib-chunk-XVY6L3DS.js";
import "./lib-chunk-R6DACXVA.js";
import "./lib-chunk-B5PSUBWR.js";
import {
  ExitCode,
  UserError
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/prometheus/local-server.ts
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
function localPrometheusConfig(jobs, scrapeIntervalMs) {
  const interval = formatPromDuration(scrapeIntervalMs);
  return [
    "global:",
    `  scrape_interval: ${interval}`,
    `  scrape_timeout: ${interval}`,
    `  evaluation_interval: ${interval}`,
    "scrape_configs:",
    ...jobs.flatMap((job) => [
      `  - job_name: ${job.job}`,
      "    static_configs:",
      `      - targets: [${job.targets.map((target) => `'${target}'`).join(", ")}]`
    ]),
    ""
  ].join("\n");
}
function missingBinary(binary, code) {
  return code === "ENOENT" ? `${binary} not found: install Prometheus (Debian/Ubuntu: apt-get install prometheus) or pass its path` : `${binary} could not start (${code ?? "unknown error"})`;
}
function checkPrometheusBinary(binary) {
  const run = spawnSync(binary, ["--version"], { stdio: "ignore", timeout: 1e4 });
  if (run.error)
    throw new UserError("PROMETHEUS", missingBinary(binary, run.error.code));
  if (run.status !== 0)
    throw new UserError("PROMETHEUS", `${binary} --version exited with ${run.status}: is it Prometheus?`);
}
function ensurePortFree(port, what) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once(
      "error",
      (error) => reject(
        new UserError(
          "USAGE",
          `${what}: 127.0.0.1:${port} is ${error.code === "EADDRINUSE" ? "already in use" : `not available (${error.code})`}`
        )
      )
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}
async function startLocalPrometheus(options) {
  const directory = await mkdtemp(join(tmpdir(), "driftwatch-prometheus-"));
  const configPath = join(directory, "prometheus.yml");
  await writeFile(configPath, localPrometheusConfig(options.jobs, options.scrapeIntervalMs));
  const url = `http://127.0.0.1:${options.port}`;
  let child;
  try {
    child = spawn(
      options.binary,
      [
        `--config.file=${configPath}`,
        `--storage.tsdb.path=${join(directory, "tsdb")}`,
        `--web.listen-address=127.0.0.1:${options.port}`,
        "--storage.tsdb.retention.time=1h",
        "--log.level=warn"
      ],
      { stdio: ["ignore", "ignore", "pipe"] }
    );
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4e3);
  });
  const lastLine = () => stderr.trim().split("\n").at(-1) ?? "";
  let stopping = false;
  const exited = new Promise((resolve) => {
    child.once("error", (error) => resolve(missingBinary(options.binary, error.code)));
    child.once(
      "exit",
      (code, signal) => resolve(`${options.binary} exited (${signal ?? `code ${code}`})${lastLine() ? `: ${lastLine()}` : ""}`)
    );
  });
  const processExit = new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null && child.pid !== void 0) {
      child.kill("SIGTERM");
      await Promise.race([processExit, new Promise((resolve) => setTimeout(resolve, 5e3))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    await rm(directory, { recursive: true, force: true });
  };
  const deadline = Date.now() + options.readyTimeoutMs;
  let failure = null;
  void exited.then((reason) => {
    if (!stopping) failure = reason;
  });
  while (true) {
    if (failure !== null) {
      await stop();
      throw new UserError("PROMETHEUS", failure);
    }
    const ready = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1e3) }).then(
      (response) => response.status === 200,
      () => false
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new UserError(
        "PROMETHEUS",
        `${options.binary} on ${url} was not ready after ${options.readyTimeoutMs} ms${lastLine() ? `: ${lastLine()}` : ""}`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, port: options.port, exited, stop };
}

// src/cli/commands/stack.ts
var usage = `Usage: driftwatch stack --model model.json [--features SOURCE] [options]

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
var flags = {
  model: { type: "string" },
  features: { type: "string" },
  port: { type: "string" },
  "prometheus-port": { type: "string" },
  "scrape-interval": { type: "string" },
  job: { type: "string" },
  "prometheus-bin": { type: "string" },
  debug: { type: "boolean" }
};
function portFlag(flag, value, fallback) {
  if (value === void 0) return fallback;
  const port = parseNumberSetting(flag, value, { min: 1, max: 65535 });
  if (!Number.isInteger(port)) throw new UserError("USAGE", `${flag}: '${value}' is not an integer`);
  return port;
}
function nextSignal() {
  let handler;
  const promise = new Promise((resolve) => {
    handler = () => resolve();
    process.once("SIGINT", handler);
    process.once("SIGTERM", handler);
  });
  return {
    promise,
    cancel: () => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    }
  };
}
var stackCommand = {
  ownsDebugFlag: true,
  name: "stack",
  usage,
  async run(argv, io) {
    const values = parseFlags("stack", argv, flags);
    if (values.model === void 0) throw new UserError("USAGE", "stack: --model is required");
    const port = portFlag("--port", values.port, 8e3);
    const prometheusPort = portFlag("--prometheus-port", values["prometheus-port"], 9090);
    if (port === prometheusPort)
      throw new UserError("USAGE", `--port and --prometheus-port are both ${port}`);
    const scrapeMs = values["scrape-interval"] === void 0 ? 1e3 : parseDurationValue("--scrape-interval", values["scrape-interval"]);
    if (!(scrapeMs >= 100) || !Number.isInteger(scrapeMs))
      throw new UserError(
        "USAGE",
        `--scrape-interval: '${values["scrape-interval"]}' must be whole milliseconds, at least 100ms`
      );
    const job = values.job ?? "api";
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(job))
      throw new UserError("USAGE", `--job: '${job}' is not a job name`);
    const binary = values["prometheus-bin"] ?? "prometheus";
    checkPrometheusBinary(binary);
    await ensurePortFree(prometheusPort, "--prometheus-port");
    const model = await readModelFile("--model", values.model);
    const features = values.features === void 0 ? null : await loadSnapshot(parseSnapshotSource("--features", values.features), io.cwd);
    const predictor = createPredictor({
      model,
      features,
      idColumn: model.id_column ?? "user_id",
      latencyObjectiveSeconds: DEFAULT_LATENCY_OBJECTIVE_SECONDS,
      injectLatencyMs: 0,
      injectErrorRate: 0,
      log: (line) => io.stderr.write(line + "\n"),
      debug: values.debug ? (line) => io.stderr.write(`debug: ${line}
`) : void 0
    });
    const signal = nextSignal();
    try {
      await predictor.listen(port, "127.0.0.1");
      io.stderr.write(
        `predictor on http://127.0.0.1:${port} (${features ? `${features.rows} users from ${features.source}` : "no --features"})
`
      );
      const prometheus = await startLocalPrometheus({
        binary,
        port: prometheusPort,
        jobs: [{ job, targets: [`127.0.0.1:${port}`] }],
        scrapeIntervalMs: scrapeMs,
        readyTimeoutMs: 3e4
      });
      try {
        const client = new PrometheusClient({ url: prometheus.url, timeoutMs: 2e3 });
        let waiting = true;
        const clock = {
          now: systemClock.now,
          sleep: async (ms) => {
            if (!waiting) throw new Error("no longer waiting");
            await systemClock.sleep(ms);
          }
        };
        const waited = waitUntilScraping(client, { job, timeoutMs: 6e4, pollMs: 100, clock });
        waited.then(
          () => void 0,
          () => void 0
        );
        const first = await Promise.race([
          waited.then(() => ({ kind: "ready" })),
          prometheus.exited.then((reason) => ({ kind: "exited", reason })),
          signal.promise.then(() => ({ kind: "signal" }))
        ]).finally(() => waiting = false);
        if (first.kind === "signal") return ExitCode.Ok;
        if (first.kind === "exited") throw new UserError("PROMETHEUS", first.reason);
        io.stderr.write(
          `stack ready: predictor http://127.0.0.1:${port}/predict, Prometheus ${prometheus.url} scraping job="${job}" every ${formatPromDuration(scrapeMs)}; Ctrl-C stops both
`
        );
        const ended = await Promise.race([
          prometheus.exited.then((reason) => ({ kind: "exited", reason })),
          signal.promise.then(() => ({ kind: "signal" }))
        ]);
        if (ended.kind === "exited") throw new UserError("PROMETHEUS", ended.reason);
        return ExitCode.Ok;
      } finally {
        await prometheus.stop();
      }
    } finally {
      signal.cancel();
      await predictor.close();
    }
  }
};
export {
  stackCommand
};
