import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  Secrets
} from "./lib-chunk-XLAAAM6J.js";
import {
  ExitCode,
  UserError,
  wrapError
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/cli/commands/index.ts
var commands = [
  {
    name: "compare",
    summary: "per-column drift between a reference and a current snapshot, reports and the retrain decision",
    load: async () => (await import("./lib-compare-X3JCNETP.js")).compareCommand
  },
  {
    name: "train",
    summary: "train the churn model (deterministic logistic regression) and print its holdout AUC",
    load: async () => (await import("./lib-train-4WBJRJL5.js")).trainCommand
  },
  {
    name: "evaluate",
    summary: "measure champion and challenger models on the same labelled rows (ROC AUC, log loss, F1, ...)",
    load: async () => (await import("./lib-evaluate-H2GKMYDS.js")).evaluateCommand
  },
  {
    name: "predictor",
    summary: "serve the churn model over HTTP with Prometheus metrics",
    load: async () => (await import("./lib-predictor-OFQWP2ZX.js")).predictorCommand
  },
  {
    name: "payloads",
    summary: "write request bodies for loadtest --payloads from a snapshot (JSON Lines)",
    load: async () => (await import("./lib-payloads-YD3CZ7VM.js")).payloadsCommand
  },
  {
    name: "stack",
    summary: "start the predictor and a Prometheus scraping it on 127.0.0.1 (the load-test walkthrough)",
    load: async () => (await import("./lib-stack-CSJQCDUP.js")).stackCommand
  },
  {
    name: "loadtest",
    summary: "open-model load test (constant rate or stages), optionally gated on SLOs",
    load: async () => (await import("./lib-loadtest-D67MLCXO.js")).loadtestCommand
  },
  {
    name: "capacity",
    summary: "find the highest arrival rate that meets every SLO objective (ramp, then bisection)",
    load: async () => (await import("./lib-capacity-EIKE2IQP.js")).capacityCommand
  },
  {
    name: "slo",
    summary: "evaluate an SLO file against Prometheus at a pinned time (exit 1 when an objective fails)",
    load: async () => (await import("./lib-slo-KTGXITYB.js")).sloCommand
  },
  {
    name: "snapshots",
    summary: "list the as_of values of a PostgreSQL as-of table with their row counts",
    load: async () => (await import("./lib-snapshots-K3FWOEI2.js")).snapshotsCommand
  },
  {
    name: "db load-fixtures",
    summary: "create the StreamFlow schema in PostgreSQL and load the fixture months with COPY",
    load: async () => (await import("./lib-db-load-fixtures-BNMA2HBC.js")).dbLoadFixturesCommand
  }
];

// src/cli/run.ts
var INTERNAL_ERROR = 70;
function overview() {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    "Usage: driftwatch [--debug] <command> [options]",
    "",
    "Commands:",
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Run `driftwatch <command> --help` for the options of a command.",
    "--debug (before or after the command) prints debug lines and the stack of an internal error."
  ].join("\n");
}
function cliSecrets(argv2, env) {
  const secrets = new Secrets(() => void 0);
  for (const [index, arg] of argv2.entries()) {
    if (arg === "--database-url") secrets.addUrl(argv2[index + 1]);
    else if (arg.startsWith("--database-url=")) secrets.addUrl(arg.slice("--database-url=".length));
  }
  secrets.addUrl(env.DATABASE_URL);
  secrets.add(env.PGPASSWORD);
  return secrets;
}
async function runCli(argv2, io) {
  const debug = argv2.includes("--debug");
  const secrets = cliSecrets(argv2, io.env);
  try {
    const [name, ...rest] = argv2[0] === "--debug" ? argv2.slice(1) : argv2;
    if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(overview() + "\n");
      return name === void 0 ? ExitCode.Usage : ExitCode.Ok;
    }
    if (name === "--version") {
      io.stdout.write(`driftwatch ${process.env.DRIFTWATCH_VERSION ?? "0.1.0"}
`);
      return ExitCode.Ok;
    }
    const twoWord = rest.length > 0 ? `${name} ${rest[0]}` : void 0;
    const entry = commands.find((c) => c.name === twoWord) ?? commands.find((c) => c.name === name);
    if (!entry)
      throw new UserError(
        "USAGE",
        `unknown command '${name}' (try: ${commands.map((c) => c.name).join(", ")})`
      );
    const command = await entry.load();
    const given = entry.name === twoWord ? rest.slice(1) : rest;
    if (given.includes("--help") || given.includes("-h")) {
      io.stdout.write(command.usage + "\n");
      return ExitCode.Ok;
    }
    const args = command.ownsDebugFlag ? given : given.filter((arg) => arg !== "--debug");
    const commandIo = debug ? { ...io, debug: (line) => io.stderr.write(`driftwatch: debug: ${secrets.redact(line)}
`) } : io;
    return await command.run(args, commandIo);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`driftwatch: error: ${secrets.redact(error.message)}
`);
      return ExitCode.Usage;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    io.stderr.write(
      debug ? `driftwatch: internal error (please report): ${secrets.redact(err.stack ?? err.message)}
` : `driftwatch: internal error (please report): ${secrets.redact(err.message.split("\n")[0])} (run with --debug for the stack)
`
    );
    return INTERNAL_ERROR;
  }
}

// src/cli/main.ts
var argv = process.argv.slice(2);
var lastResort = (error) => {
  const err = wrapError(error);
  const secrets = cliSecrets(argv, process.env);
  process.stderr.write(
    argv.includes("--debug") ? `driftwatch: internal error (please report): ${secrets.redact(err.stack ?? err.message)}
` : `driftwatch: internal error (please report): ${secrets.redact(err.message.split("\n")[0])} (run with --debug for the stack)
`
  );
  process.exit(70);
};
process.on("uncaughtException", lastResort);
process.on("unhandledRejection", lastResort);
var code = await runCli(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
});
await Promise.all(
  [process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write("", resolve)))
);
process.exit(code);
