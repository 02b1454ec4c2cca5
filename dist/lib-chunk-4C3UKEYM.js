import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UserError,
  getErrorMessage
} from "./lib-chunk-B7AXJZ3K.js";

// src/util/fs.ts
import {
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
var TEMPORARY_MARKER = ".dw-tmp-";
function temporaryPathFor(path) {
  const random = Math.random().toString(36).slice(2, 10);
  return join(dirname(path), `.${basename(path)}${TEMPORARY_MARKER}${process.pid}-${random}`);
}
var pendingTemporaries = /* @__PURE__ */ new Set();
var CLEANUP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
var signalsHooked = false;
function cleanUpOnSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of CLEANUP_SIGNALS) {
    const onSignal = () => {
      for (const temporary of pendingTemporaries) rmSync(temporary, { force: true });
      pendingTemporaries.clear();
      if (process.listenerCount(signal) > 1) return;
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
function registerScratchFile(path) {
  cleanUpOnSignals();
  if (!exitHooked) {
    exitHooked = true;
    process.on("exit", () => {
      for (const temporary of pendingTemporaries) rmSync(temporary, { force: true });
    });
  }
  pendingTemporaries.add(path);
}
function removeScratchFile(path) {
  pendingTemporaries.delete(path);
  rmSync(path, { force: true });
}
var exitHooked = false;
function describeWriteFailure(error) {
  const code = error?.code;
  switch (code) {
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EROFS":
      return "read-only file system";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory, not a file";
    case "EIO":
      return "input/output error";
    case "ENAMETOOLONG":
      return "file name too long";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    default:
      return `cannot write (${code ?? getErrorMessage(error)})`;
  }
}
function fileInTheWay(path) {
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? void 0 : at;
    } catch {
      if (dirname(at) === at) return void 0;
    }
  }
}
function fileWriteError(path, error) {
  if (error instanceof UserError) return error;
  const code = error?.code;
  if (code === "ENOTDIR" || code === "EEXIST") {
    const blocker = fileInTheWay(path);
    if (blocker !== void 0)
      return new UserError("FILE_UNWRITABLE", `cannot write ${path}: ${blocker} is a file, not a directory`);
  }
  return new UserError("FILE_UNWRITABLE", `cannot write ${path}: ${describeWriteFailure(error)}`);
}
var TEMPORARY_NAME = new RegExp(`^\\..+${TEMPORARY_MARKER.replace(/[.-]/g, "\\$&")}([0-9]+)-[a-z0-9]+$`);
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function removeStaleTemporaries(directory) {
  let names;
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const removed = [];
  for (const name of names) {
    const pid = TEMPORARY_NAME.exec(name)?.[1];
    if (pid === void 0 || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    const path = join(directory, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
    }
  }
  return removed;
}
function makeDirectories(paths) {
  for (const directory of new Set(paths.map((path) => dirname(path)))) {
    try {
      mkdirSync(directory, { recursive: true });
    } catch (error) {
      throw fileWriteError(directory, error);
    }
  }
}
async function writeFileSetAtomic(files) {
  cleanUpOnSignals();
  makeDirectories(files.map((file) => file.path));
  for (const directory of new Set(files.map((file) => dirname(file.path)))) removeStaleTemporaries(directory);
  for (const file of files) {
    let isDirectory = false;
    try {
      isDirectory = lstatSync(file.path).isDirectory();
    } catch {
    }
    if (isDirectory) throw fileWriteError(file.path, Object.assign(new Error(), { code: "EISDIR" }));
  }
  const temporaries = files.map((file) => temporaryPathFor(file.path));
  const renamed = [];
  try {
    for (const [index, file] of files.entries()) {
      const temporary = temporaries[index];
      pendingTemporaries.add(temporary);
      try {
        await writeFile(temporary, file.content);
      } catch (error) {
        throw fileWriteError(file.path, error);
      }
    }
    for (const [index, file] of files.entries()) {
      try {
        renameSync(temporaries[index], file.path);
      } catch (error) {
        throw fileWriteError(file.path, error);
      }
      pendingTemporaries.delete(temporaries[index]);
      renamed.push(file.path);
    }
  } catch (error) {
    for (const path of renamed) rmSync(path, { force: true });
    throw error;
  } finally {
    for (const temporary of temporaries) {
      if (!pendingTemporaries.delete(temporary)) continue;
      rmSync(temporary, { force: true });
    }
  }
}
function writeFileAtomic(path, content) {
  cleanUpOnSignals();
  makeDirectories([path]);
  removeStaleTemporaries(dirname(path));
  const temporary = temporaryPathFor(path);
  pendingTemporaries.add(temporary);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw fileWriteError(path, error);
  } finally {
    pendingTemporaries.delete(temporary);
  }
}
function fileReadError(path, error, label) {
  const where = label ? `${label}: ${path}` : path;
  const code = error?.code;
  if (code === "ENOENT") return new UserError("FILE_NOT_FOUND", `${where}: file not found`);
  if (code === "EISDIR") return new UserError("FILE_UNREADABLE", `${where}: is a directory, not a file`);
  if (code === "EACCES" || code === "EPERM")
    return new UserError("FILE_UNREADABLE", `${where}: permission denied`);
  return new UserError("FILE_UNREADABLE", `${where}: cannot read (${code ?? "unknown error"})`);
}
async function readTextFile(path, label, cwd) {
  try {
    return await readFile(cwd === void 0 ? path : resolve(cwd, path), "utf8");
  } catch (error) {
    throw fileReadError(path, error, label);
  }
}
function openForReading(path, label) {
  let isDirectory;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw fileReadError(path, error, label);
  }
  if (isDirectory) throw fileReadError(path, Object.assign(new Error(), { code: "EISDIR" }), label);
  try {
    return openSync(path, "r");
  } catch (error) {
    throw fileReadError(path, error, label);
  }
}
async function readJsonFile(path, label, cwd) {
  const text = await readTextFile(path, label, cwd);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(
      "PARSE",
      `${path}: not JSON (${error instanceof Error ? error.message : String(error)})`
    );
  }
}
function writeJsonFileAtomic(path, value) {
  writeFileAtomic(path, JSON.stringify(value, null, 2) + "\n");
}
var MAX_FILE_NAME_PART = 80;
function fileNamePart(label) {
  const safe = label.replace(/[^A-Za-z0-9._@-]+/g, "-").slice(0, MAX_FILE_NAME_PART);
  return /^\.*$/.test(safe) ? "-".repeat(Math.max(safe.length, 1)) : safe;
}

export {
  registerScratchFile,
  removeScratchFile,
  fileWriteError,
  processAlive,
  writeFileSetAtomic,
  writeFileAtomic,
  fileReadError,
  readTextFile,
  openForReading,
  readJsonFile,
  writeJsonFileAtomic,
  fileNamePart
};
