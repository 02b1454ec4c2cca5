import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  evaluateSlo,
  formatGateTable,
  parseFormat,
  prepareQueries,
  readSloFile
} from "./lib-chunk-PB6T5SBS.js";
import "./lib-chunk-7WNB5YXE.js";
import {
  PrometheusClient,
  formatPromDuration,
  parseDurationValue,
  parseTime,
  parseVariables
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
  ExitCode,
  UserError
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/cli/commands/slo.ts
var usage = `Usage: driftwatch slo --prometheus URL --file slo.yml [options]

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
var flags = {
  prometheus: { type: "string" },
  file: { type: "string" },
  at: { type: "string" },
  job: { type: "string" },
  window: { type: "string" },
  var: { type: "string", multiple: true },
  format: { type: "string" },
  out: { type: "string" }
};
var sloCommand = {
  name: "slo",
  usage,
  async run(argv, io) {
    const values = parseFlags("slo", argv, flags);
    if (values.prometheus === void 0) throw new UserError("USAGE", "slo: --prometheus is required");
    if (values.file === void 0) throw new UserError("USAGE", "slo: --file is required");
    const format = parseFormat(values.format);
    const atMs = values.at === void 0 ? Date.now() : parseTime("--at", values.at);
    const windowMs = values.window === void 0 ? 3e5 : parseDurationValue("--window", values.window);
    if (windowMs <= 0) throw new UserError("USAGE", `--window: '${values.window}' must be positive`);
    const client = new PrometheusClient({ url: values.prometheus, timeoutMs: 1e4 });
    const file = await readSloFile(values.file);
    const variables = {
      ...file.variables,
      job: values.job ?? file.variables.job ?? "api",
      window: formatPromDuration(windowMs),
      ...parseVariables("--var", values.var)
    };
    const queries = prepareQueries(file, variables);
    const result = await evaluateSlo({ prometheus: client, client: null }, file, queries, variables, atMs);
    if (values.out !== void 0) await writeJsonFileAtomic(values.out, result);
    io.stdout.write((format === "json" ? JSON.stringify(result, null, 2) : formatGateTable(result)) + "\n");
    return result.passed ? ExitCode.Ok : ExitCode.GateFailed;
  }
};
export {
  sloCommand
};
