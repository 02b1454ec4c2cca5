#!/usr/bin/env node
import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  prestartWorkers,
  wantsThreads
} from "./lib-chunk-GTVFODUR.js";
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

// src/cli/launch.ts
var argv = process.argv.slice(2);
if (wantsThreads(compareFiles(argv)) && prestartWorkers() && argv.includes("--debug"))
  writeSync(2, "driftwatch: debug: worker threads started\n");
await import("./lib-main-BVXBOGFN.js");
