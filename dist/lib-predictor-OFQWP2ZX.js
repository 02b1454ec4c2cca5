import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  DEFAULT_LATENCY_OBJECTIVE_SECONDS,
  createPredictor
} from "./lib-chunk-H3FZKGEQ.js";
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

// src/cli/commands/predictor.ts
var usage = `Usage: driftwatch predictor --model model.json [--features SOURCE] [options]

Serves the churn model:
  POST /predict  {"user_id": "6011-LWREN"} looks the user up in --features; {"features": {...}} scores given values.
                 200 {user_id, prediction, probability, features_used}; malformed JSON 400; unknown user 404.
  GET  /health   {"status": "ok", ...}
  GET  /metrics  Prometheus exposition: api_requests_total, api_request_latency_seconds, process metrics

  --model PATH                 model.json written by driftwatch train
  --features SOURCE            snapshot to look users up in (.csv .tsv .jsonl .parquet or git:<rev>:<path>)
  --id-column COLUMN           user id column of --features (default: the model's id column, else user_id)
  --port N                     TCP port (default 8000; 0 picks a free one)
  --host HOST                  listen address (default 127.0.0.1; 0.0.0.0 in a container)
  --latency-objective-ms N     latency SLO; the histogram gets a bucket edge here (default ${DEFAULT_LATENCY_OBJECTIVE_SECONDS * 1e3})
  --inject-latency-ms N        add N ms to every /predict response (for testing the gate)
  --inject-error-rate X        answer this share of /predict requests with 500, spread evenly (for testing the gate)
  --debug                      also log client aborts (a client closing the connection before the response is
                               counted as status_code="499", never as a 5xx)

Exit codes: 0 stopped by a signal, 2 usage or input error.`;
var flags = {
  model: { type: "string" },
  features: { type: "string" },
  "id-column": { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  "latency-objective-ms": { type: "string" },
  "inject-latency-ms": { type: "string" },
  "inject-error-rate": { type: "string" },
  debug: { type: "boolean" }
};
var predictorCommand = {
  ownsDebugFlag: true,
  name: "predictor",
  usage,
  async run(argv, io) {
    const values = parseFlags("predictor", argv, flags);
    if (values.model === void 0) throw new UserError("USAGE", "predictor: --model is required");
    const port = values.port === void 0 ? 8e3 : parseNumberSetting("--port", values.port, { min: 0, max: 65535 });
    if (!Number.isInteger(port)) throw new UserError("USAGE", `--port: '${values.port}' is not an integer`);
    const objectiveMs = values["latency-objective-ms"] === void 0 ? DEFAULT_LATENCY_OBJECTIVE_SECONDS * 1e3 : parseNumberSetting("--latency-objective-ms", values["latency-objective-ms"], { min: 1 });
    const injectLatencyMs = values["inject-latency-ms"] === void 0 ? 0 : parseNumberSetting("--inject-latency-ms", values["inject-latency-ms"], { min: 0 });
    const injectErrorRate = values["inject-error-rate"] === void 0 ? 0 : parseNumberSetting("--inject-error-rate", values["inject-error-rate"], { min: 0, max: 1 });
    const host = values.host ?? "127.0.0.1";
    const model = await readModelFile("--model", values.model);
    const features = values.features === void 0 ? null : await loadSnapshot(parseSnapshotSource("--features", values.features), io.cwd);
    const predictor = createPredictor({
      model,
      features,
      idColumn: values["id-column"] ?? model.id_column ?? "user_id",
      latencyObjectiveSeconds: objectiveMs / 1e3,
      injectLatencyMs,
      injectErrorRate,
      log: (line) => io.stderr.write(line + "\n"),
      debug: values.debug ? (line) => io.stderr.write(`debug: ${line}
`) : void 0
    });
    const bound = await predictor.listen(port, host);
    io.stderr.write(
      `predictor listening on http://${host.includes(":") ? `[${host}]` : host}:${bound} (model ${values.model}, ${features ? `${features.rows} users from ${features.source}` : "no --features"}${injectLatencyMs > 0 ? `, +${injectLatencyMs} ms` : ""}${injectErrorRate > 0 ? `, ${injectErrorRate} errors` : ""})
`
    );
    await new Promise((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await predictor.close();
    return ExitCode.Ok;
  }
};
export {
  predictorCommand
};
