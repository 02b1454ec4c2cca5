import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  CHECK_USAGE,
  FLAG_OF,
  fixed,
  formatGateTable,
  formatLoadTable,
  parseFormat,
  runLoadSession,
  sharedFlags,
  sharedRawInputs,
  withStderrReporting
} from "./lib-chunk-PB6T5SBS.js";
import "./lib-chunk-7WNB5YXE.js";
import {
  parseLoadSessionSettings
} from "./lib-chunk-I7WH24RH.js";
import "./lib-chunk-TVB7TURF.js";
import "./lib-chunk-ZC4DHHH7.js";
import "./lib-chunk-ZFKH7BIN.js";
import {
  parseFlags
} from "./lib-chunk-RCRKTVFD.js";
import {
  writeJsonFileAtomic
} from "./lib-chunk-4C3UKEYM.js";
import "./lib-chunk-XVY6L3DS.js";
import "./lib-chunk-B5PSUBWR.js";
import {
  ExitCode
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/cli/commands/loadtest.ts
var usage = `Usage: driftwatch loadtest --url URL (--rate R --duration D | --stages S) [options]

Open model: requests are due on a schedule whatever the response times; latency is measured from each request's
intended send time (no coordinated omission) into an HDR histogram.

Load
  --url URL                  target, e.g. http://127.0.0.1:8000/predict
  --rate R                   requests per second offered (with --stages: the rate the first stage starts from, default 0)
  --duration D               seconds (30) or a duration (30s, 2m)
  --stages S                 linear ramps of the arrival rate instead of one rate: 30s:50,2m:200,30s:0 ramps to 50/s
                             over 30 s, then to 200/s over 2 min, then down to 0 over 30 s (k6's ramping-arrival-rate)
  --payloads FILE            JSON Lines request bodies, used round-robin (default: no body)
  --method M                 GET|POST (default POST with --payloads, else GET)
  --max-in-flight N          outstanding requests at most; due requests beyond it are dropped and counted (default 256)
  --timeout-ms N             per-request timeout (default 10000)
${CHECK_USAGE}
  --quiet                    no progress line

SLO gate
  --slo FILE                 SLO file (see load-test/slo.yml and load-test/slo-client.yml); without --prometheus it
                             may hold client objectives only (source: client)
  --prometheus URL           Prometheus scraping the service, e.g. http://127.0.0.1:9090, for PromQL objectives
  --job NAME                 scrape job of the service, also \${job} in queries (default api)
  --var NAME=VALUE           set a query variable (repeatable); \${window}, \${offered_rate}, \${duration} come from the run
  --wait-timeout D           longest wait for Prometheus and its targets (default 60s)

Output
  --format table|json        stdout format (default table)
  --out FILE                 also write the JSON result here (temp file + rename)

Exit codes: 0 done (gate passed), 1 an SLO objective failed, 2 usage or input error.`;
var flags = {
  ...sharedFlags,
  rate: { type: "string" },
  duration: { type: "string" },
  stages: { type: "string" }
};
function parseSettings(argv) {
  const values = parseFlags("loadtest", argv, flags);
  const session = parseLoadSessionSettings(
    { ...sharedRawInputs(values), rate: values.rate, duration: values.duration, stages: values.stages },
    (field) => FLAG_OF[field]
  );
  return {
    session,
    format: parseFormat(values.format),
    out: values.out ?? null,
    quiet: values.quiet ?? false
  };
}
function formatLatencyGaps(gaps) {
  return gaps.map(
    (gap) => `latency p${gap.quantile * 100}: client ${fixed(gap.client_ms, 2)} ms, server ${fixed(gap.server_ms, 2)} ms (${gap.objective}), gap ${fixed(gap.gap_ms, 2)} ms${gap.note ? `
note: ${gap.note}` : ""}`
  ).join("\n");
}
var loadtestCommand = {
  name: "loadtest",
  usage,
  async run(argv, io) {
    const settings = parseSettings(argv);
    const result = await withStderrReporting(
      io,
      settings.quiet,
      (deps) => runLoadSession(settings.session, deps)
    );
    const json = {
      load: result.load,
      gate: result.gate,
      latency_gap: result.latency_gap,
      passed: result.passed
    };
    if (settings.out !== null) await writeJsonFileAtomic(settings.out, json);
    if (settings.format === "json") io.stdout.write(JSON.stringify(json, null, 2) + "\n");
    else {
      io.stdout.write(formatLoadTable(result.load) + "\n");
      if (result.latency_gap.length > 0) io.stdout.write("\n" + formatLatencyGaps(result.latency_gap) + "\n");
      if (result.gate) io.stdout.write("\n" + formatGateTable(result.gate) + "\n");
    }
    return result.passed ? ExitCode.Ok : ExitCode.GateFailed;
  }
};
export {
  formatLatencyGaps,
  loadtestCommand
};
