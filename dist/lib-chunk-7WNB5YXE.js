import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  cellValue
} from "./lib-chunk-ZC4DHHH7.js";
import {
  readTextFile
} from "./lib-chunk-4C3UKEYM.js";
import {
  getColumn
} from "./lib-chunk-B5PSUBWR.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/loadtest/payloads.ts
async function readPayloads(path) {
  const text = await readTextFile(path, "--payloads");
  const payloads = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      payloads.push(Buffer.from(JSON.stringify(JSON.parse(line))));
    } catch (error) {
      throw new UserError(
        "PARSE",
        `${path}:${index + 1}: not JSON (${error instanceof Error ? error.message : String(error)})`
      );
    }
  });
  if (payloads.length === 0) throw new UserError("EMPTY_FILE", `${path}: no payload lines`);
  return payloads;
}
function payloadLines(table, options) {
  const rows = options.limit === null ? table.rows : Math.min(options.limit, table.rows);
  const lines = [];
  if (options.body === "user_id") {
    const column = getColumn(table, options.idColumn);
    if (!column)
      throw new UserError(
        "COLUMN_MISSING",
        `${table.source}: id column '${options.idColumn}' not found (columns: ${table.columns.map((c) => c.name).join(", ")})`
      );
    for (let row = 0; row < rows; row++) {
      const id = cellValue(column, row);
      if (id !== null) lines.push(JSON.stringify({ user_id: id }));
    }
  } else {
    const columns = options.features.map((name) => {
      const column = getColumn(table, name);
      if (!column)
        throw new UserError("COLUMN_MISSING", `${table.source}: feature column '${name}' not found`);
      return column;
    });
    for (let row = 0; row < rows; row++) {
      const features = {};
      columns.forEach((column, index) => features[options.features[index]] = cellValue(column, row));
      lines.push(JSON.stringify({ features }));
    }
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

export {
  readPayloads,
  payloadLines
};
