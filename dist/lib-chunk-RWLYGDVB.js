import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  isGzipPath
} from "./lib-chunk-WR7WMNQ7.js";
import {
  openForReading
} from "./lib-chunk-4C3UKEYM.js";

// src/snapshot/delimited-bound.ts
import { closeSync, fstatSync, readSync } from "node:fs";
var LF = 10;
var CR = 13;
var QUOTE = 34;
var CHUNK_BYTES = 4 * 1024 * 1024;
function plainDelimiter(path, format) {
  if (isGzipPath(path)) return void 0;
  return format === "csv" ? 44 : format === "tsv" ? 9 : void 0;
}
function countByte(buf, length, byte) {
  let count = 0;
  for (let at = buf.indexOf(byte, 0); at >= 0 && at < length; at = buf.indexOf(byte, at + 1)) count++;
  return count;
}
function delimitedBound(path, delimiter) {
  const fd = openForReading(path);
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let fields;
    let lineEnds = 0;
    for (let first = true; ; first = false) {
      const length = readSync(fd, buf, 0, CHUNK_BYTES, null);
      if (length === 0) break;
      if (first) {
        let end = 0;
        while (end < length && buf[end] !== LF && buf[end] !== CR) end++;
        if (end === length && length === CHUNK_BYTES) return void 0;
        const header = buf.subarray(0, end);
        if (header.includes(QUOTE)) return void 0;
        fields = countByte(header, end, delimiter) + 1;
      }
      lineEnds += countByte(buf, length, LF) + countByte(buf, length, CR);
    }
    return fields === void 0 ? void 0 : { rows: lineEnds + 1, fields };
  } finally {
    closeSync(fd);
  }
}
var HEAD_BYTES = 1024 * 1024;
function delimitedHead(path, delimiter) {
  const fd = openForReading(path);
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(Math.min(HEAD_BYTES, size));
    let length = 0;
    while (length < buf.length) {
      const got = readSync(fd, buf, length, buf.length - length, null);
      if (got === 0) break;
      length += got;
    }
    let end = 0;
    while (end < length && buf[end] !== LF && buf[end] !== CR) end++;
    if (end === length || length === 0) return void 0;
    const header = buf.subarray(0, end);
    if (header.includes(QUOTE)) return void 0;
    const fields = countByte(header, end, delimiter) + 1;
    const body = buf.subarray(end, length);
    const lineEnds = Math.max(countByte(body, body.length, LF), countByte(body, body.length, CR)) - 1;
    const bodyBytes = length - end;
    if (length === size) return { fields, rows: lineEnds + 1 };
    return { fields, rows: lineEnds > 0 ? Math.ceil((size - end) / bodyBytes * lineEnds) : size };
  } finally {
    closeSync(fd);
  }
}

export {
  plainDelimiter,
  delimitedBound,
  delimitedHead
};
