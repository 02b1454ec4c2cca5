import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  TOP_VALUES,
  summarizeColumn,
  uniqueLabelsTally
} from "./lib-chunk-OQL6BOPJ.js";
import {
  useScaledDecoders,
  useScaledPooler,
  useScaledSorter
} from "./lib-chunk-K6LS4N3U.js";
import {
  ColumnSorter,
  RowLimitExceeded,
  ScaledDecoder,
  distinctColumnHint,
  readRequest,
  rowFactsOf
} from "./lib-chunk-RTQKJJQO.js";
import "./lib-chunk-4C3UKEYM.js";
import "./lib-chunk-3MDFVLDT.js";
import {
  useDoubleSorter
} from "./lib-chunk-XVY6L3DS.js";
import {
  labelStoreOf,
  withLabels
} from "./lib-chunk-R6DACXVA.js";
import {
  isScaled
} from "./lib-chunk-B5PSUBWR.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/job/worker.ts
import { parentPort } from "node:worker_threads";
useScaledDecoders(ScaledDecoder.create);
useScaledSorter(ColumnSorter.forThread);
useScaledPooler(ColumnSorter.poolerForThread);
useDoubleSorter(ColumnSorter.forThread);
var HELD_MIN_ROWS = 5e4;
var heldLabels = /* @__PURE__ */ new Map();
function withoutIdLabels(table, read) {
  const held = [];
  const columns = table.columns.map((column) => {
    if (column.type !== "string" || column.codes.length < HELD_MIN_ROWS) return withLabels(column);
    if (column.dictionary.length !== column.codes.length) return withLabels(column);
    const key = `${read}\0${column.name}`;
    const store = labelStoreOf(column);
    if (store?.ordersAsStrings) {
      const smallest = store.smallest(TOP_VALUES).map((code) => store.decode(code));
      heldLabels.set(key, () => store.decodeInto([]));
      held.push({ name: column.name, tally: uniqueLabelsTally(column.name, smallest, table.rows) });
    } else {
      const labelled = withLabels(column);
      heldLabels.set(key, () => labelled.dictionary);
      held.push({ name: column.name, tally: summarizeColumn(labelled, table.rows, void 0, "text") });
    }
    return { ...column, dictionary: [] };
  });
  return { table: { ...table, columns }, held };
}
function shared(array) {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new array.constructor(
    new SharedArrayBuffer(array.byteLength)
  );
  copy.set(array);
  return copy;
}
function inSharedMemory(table) {
  const columns = table.columns.map((column) => {
    if (column.type === "string") return { ...column, codes: shared(column.codes) };
    if (column.type === "datetime" || !isScaled(column.values))
      return { ...column, values: shared(column.values) };
    return { ...column, values: { ...column.values, digits: shared(column.values.digits) } };
  });
  return { ...table, columns };
}
var tables;
var unfactored = /* @__PURE__ */ new Map();
var scoringModule;
var scoring = () => scoringModule ??= import("./lib-score-column-6VDKXDCX.js");
var BYTES_MESSAGE_MS = 100;
function bytesMessages(id) {
  let unsent = 0;
  let sentAt = performance.now();
  const flush = () => {
    if (unsent > 0) parentPort.postMessage({ id, kind: "bytes", bytes: unsent });
    unsent = 0;
    sentAt = performance.now();
  };
  return {
    read: (bytes) => {
      unsent += bytes;
      if (performance.now() - sentAt >= BYTES_MESSAGE_MS) flush();
    },
    flush
  };
}
async function handle(request) {
  switch (request.kind) {
    case "read": {
      const bytes = request.progress ? bytesMessages(request.id) : void 0;
      const { table } = await readRequest({ ...request, rowFacts: false }, true, bytes?.read);
      bytes?.flush();
      if (request.rowFacts !== false) unfactored.set(request.id, table);
      const light = withoutIdLabels(table, request.id);
      light.table = inSharedMemory(light.table);
      scoring().catch(() => void 0);
      const distinctColumn = request.rowFacts === false ? void 0 : distinctColumnHint(table);
      return {
        id: request.id,
        kind: "read",
        table: light.table,
        held: light.held,
        ...distinctColumn === void 0 ? {} : { distinctColumn }
      };
    }
    case "rowFacts": {
      const table = unfactored.get(request.read);
      if (!table) throw new Error(`worker: no table read by request ${request.read} to count rows of`);
      unfactored.delete(request.read);
      return { id: request.id, kind: "rowFacts", rowFacts: rowFactsOf(table) };
    }
    case "labels": {
      const labels = heldLabels.get(`${request.read}\0${request.column}`);
      if (!labels) throw new Error(`worker: no labels kept for column '${request.column}'`);
      return { id: request.id, kind: "labels", dictionary: labels() };
    }
    case "tables":
      tables = { reference: request.reference, current: request.current };
      return { id: request.id, kind: "ok" };
    case "column": {
      if (!tables) throw new Error("worker: column requested before the tables");
      const { scoreColumn } = await scoring();
      return { id: request.id, kind: "column", work: scoreColumn(request.column, tables, request.options) };
    }
  }
}
parentPort.on("message", (request) => {
  handle(request).then(
    (reply) => parentPort.postMessage(reply),
    (error) => {
      const failure = error instanceof UserError ? { user: true, code: error.code, message: error.message, field: error.field } : error instanceof RowLimitExceeded ? {
        user: false,
        rowLimit: { path: error.path, maxRows: error.maxRows },
        message: error.message
      } : {
        user: false,
        message: error instanceof Error ? error.stack ?? error.message : String(error)
      };
      parentPort.postMessage({ id: request.id, kind: "error", error: failure });
    }
  );
});
export {
  HELD_MIN_ROWS
};
