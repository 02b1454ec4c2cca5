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

// src/cli/huge-pages.ts
var HUGE_PAGES_TUNABLE = "glibc.malloc.hugetlb";
var ARENAS_TUNABLE = "glibc.malloc.arena_max";
var MMAP_THRESHOLD_TUNABLE = "glibc.malloc.mmap_threshold";
var RESTART_TUNABLES = [
  [ARENAS_TUNABLE, "1"],
  [MMAP_THRESHOLD_TUNABLE, String(32 * 1024 * 1024)]
];
var HUGE_PAGES_MIN_BYTES = 64 * 1024 * 1024;
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
function hugePagesTunables(argv2, env, platform, sizeOf) {
  if (platform !== "linux") return void 0;
  const current = env.GLIBC_TUNABLES;
  const named = (current ?? "").split(":").map((entry) => entry.split("=")[0]);
  if (named.includes(HUGE_PAGES_TUNABLE)) return void 0;
  const files = compareFiles(argv2);
  if (files.length === 0) return void 0;
  let total = 0;
  for (const file of files) total += sizeOf(file);
  if (total < HUGE_PAGES_MIN_BYTES) return void 0;
  const added = [`${HUGE_PAGES_TUNABLE}=1`];
  for (const [name, value] of RESTART_TUNABLES) if (!named.includes(name)) added.push(`${name}=${value}`);
  return [...current ? [current] : [], ...added].join(":");
}

// src/cli/launch.ts
var argv = process.argv.slice(2);
var debug = (line) => {
  if (argv.includes("--debug")) writeSync(2, `driftwatch: debug: ${line}
`);
};
var node = process;
var tunables = typeof node.execve === "function" ? hugePagesTunables(argv, process.env, process.platform, fileSize) : void 0;
if (tunables !== void 0 && node.execve) {
  debug(`restarting Node with GLIBC_TUNABLES=${tunables}`);
  try {
    node.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      ...process.env,
      GLIBC_TUNABLES: tunables
    });
  } catch (error) {
    debug(`restart failed, running without huge pages: ${error.message}`);
  }
} else if (process.env.GLIBC_TUNABLES?.includes(HUGE_PAGES_TUNABLE)) {
  debug(`GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES}`);
}
if (wantsThreads(compareFiles(argv)) && prestartWorkers()) debug("worker threads started");
await import("./lib-main-UGDD2VKA.js");
