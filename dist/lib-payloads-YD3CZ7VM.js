import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  payloadLines
} from "./lib-chunk-7WNB5YXE.js";
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
import {
  writeFileAtomic
} from "./lib-chunk-4C3UKEYM.js";
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

// src/cli/commands/payloads.ts
var usage = `Usage: driftwatch payloads --snapshot SOURCE [--out FILE] [options]

Writes one request body per row of the snapshot, as JSON Lines (the format of loadtest --payloads):
  {"user_id": "6011-LWREN"}            --body user_id (default): the predictor looks the row up in its --features
  {"features": {"months_active": 35, ...}}  --body features: the row's values of the model's features, scored as given

  --snapshot SOURCE          snapshot to read (.csv .tsv .jsonl .parquet or git:<rev>:<path>)
  --out FILE                 where to write (temp file + rename; default: stdout)
  --body user_id|features    what each body holds (default user_id)
  --id-column COLUMN         id column for user_id bodies (default user_id)
  --model PATH               model.json of the predictor: its features are the ones written (needed with --body features)
  --limit N                  first N rows only (default: every row)

Exit codes: 0 written, 2 usage or input error.`;
var flags = {
  snapshot: { type: "string" },
  out: { type: "string" },
  body: { type: "string" },
  "id-column": { type: "string" },
  model: { type: "string" },
  limit: { type: "string" }
};
var payloadsCommand = {
  name: "payloads",
  usage,
  async run(argv, io) {
    const values = parseFlags("payloads", argv, flags);
    if (values.snapshot === void 0) throw new UserError("USAGE", "payloads: --snapshot is required");
    const body = values.body ?? "user_id";
    if (body !== "user_id" && body !== "features")
      throw new UserError("USAGE", `--body: '${values.body}' is not one of user_id, features`);
    if (body === "features" && values.model === void 0)
      throw new UserError("USAGE", "--body features needs --model (the features the predictor expects)");
    const limit = values.limit === void 0 ? null : parseNumberSetting("--limit", values.limit, { min: 1 });
    if (limit !== null && !Number.isInteger(limit))
      throw new UserError("USAGE", `--limit: '${values.limit}' is not an integer`);
    const model = values.model === void 0 ? null : await readModelFile("--model", values.model);
    const table = await loadSnapshot(parseSnapshotSource("--snapshot", values.snapshot), io.cwd);
    const text = payloadLines(table, {
      body,
      idColumn: values["id-column"] ?? model?.id_column ?? "user_id",
      features: model?.features.map((feature) => feature.name) ?? [],
      limit
    });
    const count = text === "" ? 0 : text.split("\n").length - 1;
    if (count === 0) throw new UserError("NO_ROWS", `${table.source}: no row to write a payload from`);
    if (values.out === void 0) io.stdout.write(text);
    else {
      await writeFileAtomic(values.out, text);
      io.stderr.write(`wrote ${count} payloads to ${values.out}
`);
    }
    return ExitCode.Ok;
  }
};
export {
  payloadsCommand
};
