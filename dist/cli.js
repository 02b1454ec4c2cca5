#!/usr/bin/env node
import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  fileSize,
  prestartWorkers,
  wantsThreads
} from "./lib-chunk-H5U6DWZU.js";
import "./lib-chunk-3E4SIUCO.js";

// src/cli/launch.ts
import { writeSync } from "node:fs";

// src/cli/compare-files.ts
function compareFiles(argv2) {
  const args = argv2.filter((arg) => arg !== "--debug");
  if (args[0] !== "compare") return [];
  const files = [];
  for (const [index, arg] of args.entries()) {
    for (const flag of ["--reference", "--current"]) {
      const value = arg === flag ? args[index + 1] : arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : void 0;
      if (value !== void 0 && !value.startsWith("git:")) files.push(value);
    }
  }
  return files;
}

// src/cli/huge-pages.ts
var HUGE_PAGES_TUNABLE = "glibc.malloc.hugetlb";
var ARENAS_TUNABLE = "glibc.malloc.arena_max";
var MMAP_THRESHOLD_TUNABLE = "glibc.malloc.mmap_threshold";
var RESTART_TUNABLES = [
  [ARENAS_TUNABLE, "1"],
  [MMAP_THRESHOLD_TUNABLE, String(32 * 1024 * 1024)]
];
var HUGE_PAGES_MIN_BYTES = 64 * 1024 * 1024;
var FAULT_MICROS_MIN = 5;
var HUGE_PAGES_ENV = "DRIFTWATCH_HUGE_PAGES";
function hugePagesMode(env) {
  const mode = env[HUGE_PAGES_ENV] ?? "auto";
  if (mode !== "auto" && mode !== "on" && mode !== "off")
    throw new Error(`${HUGE_PAGES_ENV} must be auto, on or off, got ${JSON.stringify(mode)}`);
  return mode;
}
function hugePagesPlan(argv2, env, platform, sizeOf, probe, nodeVersion, canReplace) {
  const mode = hugePagesMode(env);
  if (platform !== "linux") return { reason: "not Linux" };
  const current = env.GLIBC_TUNABLES;
  const named = (current ?? "").split(":").map((entry) => entry.split("=")[0]);
  if (named.includes(HUGE_PAGES_TUNABLE)) return { reason: `GLIBC_TUNABLES=${current}` };
  const files = compareFiles(argv2);
  if (files.length === 0) return { reason: "not a compare of files" };
  let total = 0;
  for (const file of files) total += sizeOf(file);
  if (total < HUGE_PAGES_MIN_BYTES) return { reason: `inputs under ${HUGE_PAGES_MIN_BYTES >> 20} MiB` };
  if (mode === "off") return { reason: `${HUGE_PAGES_ENV}=off` };
  if (!canReplace) return { reason: `Node ${nodeVersion} cannot replace its process` };
  let reason = `${HUGE_PAGES_ENV}=on`;
  if (mode === "auto") {
    const micros = probe();
    reason = `a fresh 4 KiB page took ${micros.toFixed(1)} \xB5s to fault in (restart from ${FAULT_MICROS_MIN} \xB5s)`;
    if (!(micros >= FAULT_MICROS_MIN)) return { reason };
  }
  const added = [`${HUGE_PAGES_TUNABLE}=1`];
  for (const [name, value] of RESTART_TUNABLES) if (!named.includes(name)) added.push(`${name}=${value}`);
  return { tunables: [...current ? [current] : [], ...added].join(":"), reason };
}
var PAGE = 4096;
var PROBE_PAGES = 128;
var PROBES = 4;
function probeFaultMicros() {
  const held = [];
  let least = Infinity;
  for (let probe = 0; probe < PROBES; probe++) {
    const pages = new Uint8Array(PROBE_PAGES * PAGE);
    held.push(pages);
    const start = process.hrtime.bigint();
    for (let at = 0; at < pages.length; at += PAGE) pages[at] = 1;
    least = Math.min(least, Number(process.hrtime.bigint() - start) / 1e3 / PROBE_PAGES);
  }
  return least;
}

// src/cli/launch.ts
var argv = process.argv.slice(2);
var debug = (line) => {
  if (argv.includes("--debug")) writeSync(2, `driftwatch: debug: ${line}
`);
};
var node = process;
var plan;
try {
  plan = hugePagesPlan(
    argv,
    process.env,
    process.platform,
    fileSize,
    probeFaultMicros,
    process.version,
    typeof node.execve === "function"
  );
} catch (error) {
  writeSync(2, `driftwatch: error: ${error.message}
`);
  process.exit(2);
}
if (plan.tunables === void 0 || !node.execve) {
  debug(`huge pages: no restart (${plan.reason})`);
} else {
  debug(`huge pages: ${plan.reason}: restarting Node with GLIBC_TUNABLES=${plan.tunables}`);
  try {
    node.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      ...process.env,
      GLIBC_TUNABLES: plan.tunables
    });
  } catch (error) {
    debug(`restart failed, running without huge pages: ${error.message}`);
  }
}
if (wantsThreads(compareFiles(argv)) && prestartWorkers()) debug("worker threads started");
await import("./lib-main-3KTX5IYS.js");
