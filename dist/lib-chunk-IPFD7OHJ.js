import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  columnFilterFunction,
  readInThisThread,
  readSnapshot
} from "./lib-chunk-RTQKJJQO.js";
import {
  describeAsOf
} from "./lib-chunk-PN6SSXAQ.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/snapshot/source.ts
import { basename, extname } from "node:path";
function parseSnapshotSource(label, value) {
  if (value.trim() === "") throw new UserError("USAGE", `${label}: a snapshot path is required`);
  if (value.startsWith("git:")) {
    const match = /^git:([^:]+):(.+)$/.exec(value);
    if (!match) throw new UserError("USAGE", `${label}: '${value}' is not of the form git:<rev>:<path>`);
    return { kind: "git", rev: match[1], path: match[2] };
  }
  return { kind: "file", path: value };
}
function defaultLabel(source) {
  if (source.kind === "postgres") return describeAsOf(source.asOf);
  const file = source.path.replace(/\.gz$/i, "");
  const name = basename(file, extname(file));
  return source.kind === "git" ? `${name}@${source.rev}` : name;
}
function describeSource(source) {
  if (source.kind === "postgres") return `postgres:${describeAsOf(source.asOf)}`;
  return source.kind === "git" ? `git:${source.rev}:${source.path}` : source.path;
}

// src/snapshot/files.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename as basename2, isAbsolute, join, resolve } from "node:path";
function gitShowTo(source, cwd, file) {
  let content;
  try {
    content = execFileSync("git", ["show", `${source.rev}:${source.path.replace(/^\.\//, "")}`], {
      cwd,
      maxBuffer: 4 * 1024 ** 3,
      stdio: ["ignore", "pipe", "pipe"]
    });
  } catch (error) {
    const stderr = String(error.stderr ?? "").trim().split("\n")[0];
    throw new UserError(
      "FILE_NOT_FOUND",
      `${describeSource(source)}: cannot read from git (${stderr || "git failed"})`
    );
  }
  writeFileSync(file, content);
}
async function withLocalPaths(sources, cwd, work) {
  const directory = sources.some((source) => source.kind === "git") ? mkdtempSync(join(tmpdir(), "driftwatch-git-")) : void 0;
  try {
    const paths = sources.map((source, index) => {
      if (source.kind === "git") {
        const file = join(directory, `${index}-${basename2(source.path)}`);
        gitShowTo(source, cwd, file);
        return file;
      }
      return isAbsolute(source.path) || resolve(cwd) === process.cwd() ? source.path : join(cwd, source.path);
    });
    try {
      return await work(paths);
    } catch (error) {
      if (!(error instanceof UserError) || !directory) throw error;
      let message = error.message;
      sources.forEach(
        (source, index) => message = message.replaceAll(paths[index], describeSource(source))
      );
      throw new UserError(error.code, message);
    }
  } finally {
    if (directory) rmSync(directory, { recursive: true, force: true });
  }
}
async function readFileSources(sources, cwd, filter, readFiles = readInThisThread, onBytes) {
  const results = await withLocalPaths(
    sources,
    cwd,
    (paths) => readFiles(
      sources.map((source, index) => ({ path: paths[index], format: source.format, filter })),
      onBytes
    )
  );
  return results.map((result, index) => {
    const source = describeSource(sources[index]);
    return result.table.source === source ? result : { ...result, table: { ...result.table, source } };
  });
}
async function loadSnapshot(source, cwd, filter) {
  const [table] = await withLocalPaths(
    [source],
    cwd,
    ([path]) => readSnapshot(path, { format: source.format, include: columnFilterFunction(filter) }).then((t) => [t])
  );
  const described = describeSource(source);
  return table.source === described ? table : { ...table, source: described };
}

// src/util/values.ts
function splitList(value) {
  return value.split(/[,\n]/).map((item) => item.trim()).filter((item) => item.length > 0);
}
var DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
function parseNumberSetting(name, value, range = {}, field) {
  const number = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) {
    const coercible = value.trim() !== "" && Number.isFinite(Number(value));
    throw new UserError("USAGE", `${name}: '${value}' is not a ${coercible ? "decimal " : ""}number`, field);
  }
  if (range.min !== void 0 && number < range.min || range.max !== void 0 && number > range.max) {
    const bounds = range.min !== void 0 && range.max !== void 0 ? `between ${range.min} and ${range.max}` : range.min !== void 0 ? `at least ${range.min}` : `at most ${range.max}`;
    throw new UserError("USAGE", `${name}: ${value} is out of range (must be ${bounds})`, field);
  }
  if (range.integer && !Number.isInteger(number))
    throw new UserError("USAGE", `${name}: ${value} is not a whole number`, field);
  return number;
}

export {
  parseSnapshotSource,
  defaultLabel,
  describeSource,
  readFileSources,
  loadSnapshot,
  splitList,
  parseNumberSetting
};
