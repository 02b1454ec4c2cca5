import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/job/prestart.ts
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
var THREADS = 2;
var WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 6 } };
function workerUrl() {
  const url = new URL("./worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : void 0;
}
function fileSize(path) {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
function wantsThreads(paths) {
  return paths.some((path) => fileSize(path) >= PARALLEL_MIN_BYTES);
}
var prestarted;
function prestartWorkers() {
  if (prestarted) return true;
  const url = workerUrl();
  if (!url) return false;
  const held = {
    workers: Array.from({ length: THREADS }, () => new Worker(url, WORKER_OPTIONS)),
    failure: void 0,
    onError: (error) => {
      held.failure ??= error;
    }
  };
  for (const worker of held.workers) {
    worker.on("error", held.onError);
    worker.unref();
  }
  prestarted = held;
  return true;
}
function takePrestartedWorkers() {
  const held = prestarted;
  if (!held) return void 0;
  prestarted = void 0;
  for (const worker of held.workers) {
    worker.off("error", held.onError);
    worker.ref();
  }
  return { workers: held.workers, failure: held.failure };
}

export {
  THREADS,
  WORKER_OPTIONS,
  workerUrl,
  fileSize,
  wantsThreads,
  prestartWorkers,
  takePrestartedWorkers
};
