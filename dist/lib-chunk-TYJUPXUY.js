import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  STREAMFLOW_AS_OF_TABLE,
  STREAMFLOW_TABLES,
  streamflowSnapshotQuery
} from "./lib-chunk-7HTYFNDI.js";
import {
  databaseAt,
  withReadOnlySnapshot
} from "./lib-chunk-TVMZ53SN.js";
import {
  DEFAULT_STATEMENT_TIMEOUT_MS,
  checkSnapshotQuery,
  displayTable,
  quoteIdent,
  quoteTable,
  replaceAsOfPlaceholder,
  usesAsOfPlaceholder
} from "./lib-chunk-RMK2IS6S.js";
import {
  NEUTRAL_DATABASE_NAMES
} from "./lib-chunk-PN6SSXAQ.js";
import {
  POW10,
  parseDecimal
} from "./lib-chunk-3MDFVLDT.js";
import {
  radixSortedCopy
} from "./lib-chunk-XVY6L3DS.js";
import {
  ColumnBuilder
} from "./lib-chunk-R6DACXVA.js";
import {
  UserError,
  assertNever
} from "./lib-chunk-B7AXJZ3K.js";

// src/snapshot/postgres/copy-text.ts
var OID = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  float4: 700,
  float8: 701,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700
};
function columnKindOf(typeOid, typeModifier) {
  switch (typeOid) {
    case OID.int2:
    case OID.int4:
    case OID.int8:
      return "int";
    case OID.float4:
    case OID.float8:
      return "float";
    case OID.numeric:
      return typeModifier >= 4 && (typeModifier - 4 & 65535) === 0 ? "int" : "float";
    case OID.bool:
      return "bool";
    case OID.date:
      return "date";
    case OID.timestamp:
    case OID.timestamptz:
      return "timestamp";
    default:
      return "string";
  }
}
var TAB = 9;
var LF = 10;
var BACKSLASH = 92;
var MS_PER_DAY = 864e5;
var INT = 0;
var FLOAT = 1;
var BOOL = 2;
var OTHER = 3;
function storageOfKind(kind) {
  return kind === "date" || kind === "timestamp" ? "datetime" : kind;
}
var CopyTextDecoder = class _CopyTextDecoder {
  /**
   * @param capacityHint rows to make room for at once
   * @param estimated the hint is an estimate: the columns get room for a sixteenth more and past that grow by a
   *   sixteenth of it at a time (up to twice the hint) rather than doubling, so a slightly low estimate neither
   *   doubles the columns nor has them copied when they are trimmed to the row count (room never written to is
   *   never touched, so it costs no memory)
   */
  constructor(columns, capacityHint = 1024, estimated = false) {
    this.columns = columns;
    const hints = typeof capacityHint === "number" ? [capacityHint] : capacityHint;
    this.split = hints.length === 2;
    this.sides = hints.map((given, index) => {
      const isEstimate = typeof estimated === "boolean" ? estimated : estimated[index];
      const hint = Math.max(16, given);
      const step = Math.ceil(hint / 16);
      const capacity = isEstimate ? hint + step : hint;
      return {
        builders: columns.map(
          (spec) => new ColumnBuilder(spec.name, { capacity, storage: storageOfKind(spec.kind) })
        ),
        length: 0,
        reserved: isEstimate ? capacity : Infinity,
        step
      };
    });
    this.kinds = Uint8Array.from(
      columns,
      (spec) => spec.kind === "int" ? INT : spec.kind === "float" ? FLOAT : spec.kind === "bool" ? BOOL : OTHER
    );
  }
  columns;
  sides;
  split;
  pending = null;
  /** Each column's decoding as a small integer, compared once a cell. */
  kinds;
  /**
   * A decoder of a stream that holds two snapshots, each row led by a boolean field that says which (`f`: the
   * first, `t`: the second); the hints and estimates are per snapshot, as for the constructor.
   */
  static split(columns, capacityHints, estimated = [false, false]) {
    return new _CopyTextDecoder(columns, capacityHints, estimated);
  }
  /** Makes room for the next sixteenth of the estimate, or leaves growing to the builders past twice it. */
  extend(side2) {
    if (side2.reserved >= 32 * side2.step) {
      side2.reserved = Infinity;
      return;
    }
    side2.reserved += side2.step;
    for (const builder of side2.builders) builder.reserve(side2.reserved);
  }
  /** Rows decoded so far (of the first snapshot of a split stream). */
  get rows() {
    return this.sides[0].length;
  }
  /** Rows decoded so far of one snapshot of a split stream (0: the `f` rows, 1: the `t` rows). */
  rowsOf(side2) {
    return this.sides[side2].length;
  }
  /**
   * Decodes every complete row of `chunk` (plus the partial row left from the previous chunk). The chunk is not
   * kept: the partial row at its end is copied.
   */
  write(chunk) {
    let from = 0;
    if (this.pending !== null) {
      const first = chunk.indexOf(LF);
      if (first < 0) {
        this.pending = Buffer.concat([this.pending, chunk]);
        return;
      }
      const joined = Buffer.concat([this.pending, chunk.subarray(0, first + 1)]);
      this.pending = null;
      this.decodeRows(joined, joined.length - 1);
      from = first + 1;
    }
    const end = chunk.lastIndexOf(LF);
    if (end >= from) this.decodeRows(chunk.subarray(from), end - from);
    if (end + 1 < chunk.length) this.pending = Buffer.from(chunk.subarray(Math.max(end + 1, from)));
  }
  /**
   * Decodes the rows of `buf[0 .. end]` (`buf[end]` is a row's newline) in one scan of the bytes: a tab ends a
   * field, a newline ends the row's last field (COPY text escapes both inside values). An integer cell of at most
   * 15 digits and a boolean cell are parsed as they are scanned; any other cell (NULL, text, floats, dates, long
   * integers) is found first and decoded by {@link decodeCell}. In a split stream, each row's leading flag picks
   * the snapshot whose columns receive the row.
   */
  decodeRows(buf, end) {
    const split = this.split;
    let side2 = this.sides[0];
    let builders = side2.builders;
    const kinds = this.kinds;
    const last = builders.length - 1;
    let field = 0;
    let i = 0;
    if (split) {
      side2 = this.sideAt(buf, 0);
      builders = side2.builders;
      i = 2;
    }
    while (i <= end) {
      const kind = kinds[field];
      const builder = builders[field];
      let separator = -1;
      if (kind === FLOAT) {
        let j = i;
        const negative = buf[j] === 45;
        if (negative) j++;
        let value = 0;
        let digits = 0;
        let c = buf[j];
        while (c >= 48 && c <= 57) {
          value = value * 10 + (c - 48);
          digits++;
          c = buf[++j];
        }
        let fraction = 0;
        if (c === 46 && digits > 0) {
          c = buf[++j];
          while (c >= 48 && c <= 57) {
            value = value * 10 + (c - 48);
            fraction++;
            c = buf[++j];
          }
        }
        if (digits > 0 && digits + fraction <= 15 && (c === TAB || c === LF)) {
          const magnitude = fraction === 0 ? value : value / POW10[fraction];
          builder.pushNumber(negative ? -magnitude : magnitude, false);
          separator = j;
        }
      } else if (kind === INT) {
        let j = i;
        const negative = buf[j] === 45;
        if (negative) j++;
        const digitsStart = j;
        let value = 0;
        let digit = buf[j] - 48;
        while (digit >= 0 && digit <= 9) {
          value = value * 10 + digit;
          digit = buf[++j] - 48;
        }
        const digits = j - digitsStart;
        const c = buf[j];
        if (digits > 0 && digits <= 15 && (c === TAB || c === LF)) {
          builder.pushNumber(negative ? -value : value, true);
          separator = j;
        }
      } else if (kind === BOOL) {
        const c = buf[i + 1];
        const b = buf[i];
        if ((c === TAB || c === LF) && (b === 116 || b === 102)) {
          builder.pushBool(b === 116);
          separator = i + 1;
        }
      }
      if (separator < 0) {
        let j = i;
        let c = buf[j];
        while (c !== TAB && c !== LF) c = buf[++j];
        this.decodeCell(builder, this.columns[field].kind, buf, i, j);
        separator = j;
      }
      if (buf[separator] === TAB) {
        if (field === last)
          throw new Error(`COPY row ${this.rowCount() + 1} has more than ${builders.length} fields`);
        field++;
      } else {
        if (field !== last)
          throw new Error(
            `COPY row ${this.rowCount() + 1} has ${field + 1} fields, expected ${builders.length}`
          );
        if (++side2.length === side2.reserved) this.extend(side2);
        field = 0;
        if (split && separator < end) {
          side2 = this.sideAt(buf, separator + 1);
          builders = side2.builders;
          i = separator + 3;
          continue;
        }
      }
      i = separator + 1;
    }
  }
  /** The snapshot whose columns receive the split row that starts at `buf[at]` (its flag, then a tab). */
  sideAt(buf, at) {
    const flag = buf[at];
    if (buf[at + 1] !== TAB || flag !== 116 && flag !== 102)
      throw new Error(`COPY row ${this.rowCount() + 1} does not start with a snapshot flag (t or f)`);
    return this.sides[flag === 116 ? 1 : 0];
  }
  /** Rows decoded so far, of both snapshots of a split stream. */
  rowCount() {
    return this.sides.reduce((sum, side2) => sum + side2.length, 0);
  }
  /**
   * The decoded columns, trimmed to the row count (of one snapshot of a split stream: 0, the default, for the `f`
   * rows, 1 for the `t` rows).
   */
  finish(side2 = 0) {
    if (this.pending !== null && this.pending.length > 0) {
      throw new Error(`COPY stream ended inside a row (${this.pending.length} bytes without a newline)`);
    }
    return this.sides[side2].builders.map((builder) => builder.finish());
  }
  decodeCell(builder, kind, buf, start, end) {
    if (end - start === 2 && buf[start] === BACKSLASH && buf[start + 1] === 78) {
      builder.pushMissing();
      return;
    }
    switch (kind) {
      case "int":
      case "float":
        builder.pushNumber(parseNumber(buf, start, end), kind === "int");
        return;
      case "bool":
        builder.pushBool(buf[start] === 116);
        return;
      case "date":
        builder.pushNumber(parseDate(buf, start, end), false);
        return;
      case "timestamp":
        builder.pushNumber(parseTimestamp(buf.toString("latin1", start, end)), false);
        return;
      case "string":
        builder.pushString(decodeText(buf, start, end));
        return;
    }
  }
};
function parseNumber(buf, start, end) {
  const value = parseDecimal(buf, start, end);
  return Number.isNaN(value) ? Number(buf.toString("latin1", start, end)) : value;
}
function parseDate(buf, start, end) {
  if (end - start === 10 && buf[start + 4] === 45 && buf[start + 7] === 45) {
    const year = digitsAt(buf, start, 4);
    const month = digitsAt(buf, start + 5, 2);
    const day = digitsAt(buf, start + 8, 2);
    return daysFromCivil(year, month, day) * MS_PER_DAY;
  }
  return parseTimestamp(buf.toString("latin1", start, end));
}
var TIMESTAMP_PATTERN = /^(\d{4,})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?( BC)?$/;
function parseTimestamp(text) {
  if (text === "infinity") return Infinity;
  if (text === "-infinity") return -Infinity;
  const m = TIMESTAMP_PATTERN.exec(text);
  if (!m) throw new Error(`unexpected date/time text from PostgreSQL: '${text}'`);
  let year = Number(m[1]);
  if (m[12]) year = 1 - year;
  const days = daysFromCivil(year, Number(m[2]), Number(m[3]));
  const fractionMs = m[7] ? Number(m[7].padEnd(6, "0")) / 1e3 : 0;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  let offsetSeconds = 0;
  if (m[8]) {
    offsetSeconds = Number(m[9]) * 3600 + Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0);
    if (m[8] === "-") offsetSeconds = -offsetSeconds;
  }
  return days * MS_PER_DAY + (seconds - offsetSeconds) * 1e3 + fractionMs;
}
function digitsAt(buf, start, count) {
  let value = 0;
  for (let i = start; i < start + count; i++) value = value * 10 + (buf[i] - 48);
  return value;
}
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function decodeText(buf, start, end) {
  let escaped = false;
  for (let i = start; i < end; i++) {
    if (buf[i] === BACKSLASH) {
      escaped = true;
      break;
    }
  }
  if (!escaped) return buf.toString("utf8", start, end);
  const out = Buffer.allocUnsafe(end - start);
  let o = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== BACKSLASH || i + 1 >= end) {
      out[o++] = c;
      continue;
    }
    const next = buf[++i];
    switch (next) {
      case 98:
        out[o++] = 8;
        break;
      case 102:
        out[o++] = 12;
        break;
      case 110:
        out[o++] = 10;
        break;
      case 114:
        out[o++] = 13;
        break;
      case 116:
        out[o++] = 9;
        break;
      case 118:
        out[o++] = 11;
        break;
      case 120: {
        let value = 0;
        let taken = 0;
        while (taken < 2 && i + 1 < end && isHex(buf[i + 1])) {
          value = value * 16 + hexValue(buf[++i]);
          taken++;
        }
        out[o++] = taken === 0 ? 120 : value;
        break;
      }
      default:
        if (next >= 48 && next <= 55) {
          let value = next - 48;
          for (let taken = 1; taken < 3 && i + 1 < end && buf[i + 1] >= 48 && buf[i + 1] <= 55; taken++) {
            value = value * 8 + (buf[++i] - 48);
          }
          out[o++] = value & 255;
        } else {
          out[o++] = next;
        }
    }
  }
  return out.toString("utf8", 0, o);
}
function isHex(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
}
function hexValue(c) {
  return c <= 57 ? c - 48 : (c | 32) - 97 + 10;
}

// src/snapshot/postgres/extended-query.ts
function corked(connection, send) {
  connection.stream.cork?.();
  try {
    send();
  } finally {
    connection.stream.uncork?.();
  }
}
var PARSE_COMPLETE = 49;
var BIND_COMPLETE = 50;
var COPY_OUT_RESPONSE = 72;
var COPY_DATA = 100;
var COPY_DONE = 99;
var NOTICE = 78;
var PARAMETER_STATUS = 83;
var NOTIFICATION = 65;
var CopyOut = class {
  constructor(text, sink) {
    this.text = text;
    this.sink = sink;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
  text;
  sink;
  done;
  resolve;
  reject;
  settled = false;
  socket;
  pgOnData;
  /** A message header split between two chunks. */
  header = Buffer.alloc(5);
  headerLength = 0;
  /** Type and unread body bytes of the current message. */
  type = 0;
  bodyLeft = 0;
  copyDone = false;
  rows = 0;
  /** An error of `sink`: the rest of the copy is read and dropped, then the statement fails with it. */
  sinkError;
  /** Where the payloads of one socket chunk are gathered (valid for `sink` only during its call). */
  out = Buffer.alloc(0);
  onSocketData = (chunk) => this.read(chunk);
  submit(connection) {
    const wire = connection;
    const listeners = wire.stream.listeners("data");
    if (listeners.length !== 1)
      return new Error(`COPY: expected one reader of the socket, found ${listeners.length}`);
    this.socket = wire.stream;
    this.pgOnData = listeners[0];
    this.socket.removeListener("data", this.pgOnData);
    this.socket.on("data", this.onSocketData);
    corked(wire, () => {
      wire.parse({ text: this.text });
      wire.bind({});
      wire.execute({});
      wire.sync();
    });
    return void 0;
  }
  /** Strips the message framing of one socket chunk; hands the socket back to pg at the end of the copy. */
  read(chunk) {
    const n = chunk.length;
    if (this.out.length < n) this.out = Buffer.allocUnsafe(Math.max(n, 65536));
    const out = this.out;
    let outLength = 0;
    let pos = 0;
    while (pos < n) {
      if (this.bodyLeft === 0 && this.headerLength === 0) {
        let at = pos;
        while (at + 5 <= n && chunk[at] === COPY_DATA) {
          const body = (chunk[at + 1] << 24 | chunk[at + 2] << 16 | chunk[at + 3] << 8 | chunk[at + 4]) - 4;
          const bodyEnd = at + 5 + body;
          if (bodyEnd > n) break;
          if (body <= 64) for (let k = at + 5; k < bodyEnd; k++) out[outLength++] = chunk[k];
          else {
            chunk.copy(out, outLength, at + 5, bodyEnd);
            outLength += body;
          }
          at = bodyEnd;
        }
        pos = at;
        if (pos >= n) break;
      }
      if (this.bodyLeft === 0) {
        let headerStart = pos;
        if (this.headerLength === 0 && n - pos >= 5) {
          this.type = chunk[pos];
          this.bodyLeft = (chunk[pos + 1] << 24 | chunk[pos + 2] << 16 | chunk[pos + 3] << 8 | chunk[pos + 4]) - 4;
          pos += 5;
        } else {
          const take2 = Math.min(5 - this.headerLength, n - pos);
          chunk.copy(this.header, this.headerLength, pos, pos + take2);
          this.headerLength += take2;
          pos += take2;
          if (this.headerLength < 5) break;
          this.headerLength = 0;
          this.type = this.header[0];
          this.bodyLeft = this.header.readUInt32BE(1) - 4;
          headerStart = -1;
        }
        const type = this.type;
        if (type === COPY_DONE) {
          this.copyDone = true;
          this.bodyLeft = 0;
          this.deliver(out, outLength);
          this.handBack(chunk.subarray(pos));
          return;
        }
        if (type !== COPY_DATA && type !== COPY_OUT_RESPONSE && type !== PARSE_COMPLETE && type !== BIND_COMPLETE && type !== NOTICE && type !== PARAMETER_STATUS && type !== NOTIFICATION) {
          this.bodyLeft = 0;
          this.deliver(out, outLength);
          this.handBack(
            headerStart >= 0 ? chunk.subarray(headerStart) : Buffer.concat([this.header, chunk.subarray(pos)])
          );
          return;
        }
        continue;
      }
      const take = Math.min(this.bodyLeft, n - pos);
      if (this.type === COPY_DATA) {
        if (take <= 64) for (let k = 0; k < take; k++) out[outLength + k] = chunk[pos + k];
        else chunk.copy(out, outLength, pos, pos + take);
        outLength += take;
      }
      pos += take;
      this.bodyLeft -= take;
    }
    this.deliver(out, outLength);
  }
  deliver(out, length) {
    if (length === 0 || this.sinkError) return;
    try {
      this.sink(out.subarray(0, length));
    } catch (error) {
      this.sinkError = error instanceof Error ? error : new Error(String(error));
    }
  }
  handBack(rest) {
    if (!this.socket || !this.pgOnData) return;
    this.socket.removeListener("data", this.onSocketData);
    this.socket.on("data", this.pgOnData);
    const pgOnData = this.pgOnData;
    this.socket = void 0;
    this.pgOnData = void 0;
    if (rest.length > 0) pgOnData(rest);
  }
  handleCommandComplete(message) {
    const match = /^COPY (\d+)/.exec(message.text ?? "");
    if (match) this.rows = Number(match[1]);
  }
  handleReadyForQuery() {
    if (this.sinkError) this.fail(this.sinkError);
    else if (!this.copyDone) this.fail(new Error("the server ended the statement without a COPY"));
    else if (!this.settled) {
      this.settled = true;
      this.resolve(this.rows);
    }
  }
  /** An ErrorResponse (pg then forgets the statement), or the connection is gone. */
  handleError(error) {
    this.handBack(Buffer.alloc(0));
    this.fail(error);
  }
  fail(error) {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
  handleCopyInResponse(connection) {
    connection.sendCopyFail("not a COPY TO");
  }
  handleRowDescription() {
  }
  handleDataRow() {
  }
  handleEmptyQuery() {
  }
  handlePortalSuspended() {
  }
  handleCopyData() {
  }
};
async function copyOut(client, text, sink) {
  return client.query(new CopyOut(text, sink)).done;
}
var DescribeStatement = class {
  constructor(text) {
    this.text = text;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
  text;
  done;
  resolve;
  reject;
  connection;
  parameterTypes = [];
  fields = [];
  // pg's Client does not route ParameterDescription to the statement; its Connection emits it.
  onParameters = (message) => {
    this.parameterTypes = message.dataTypeIDs;
  };
  submit(connection) {
    const wire = connection;
    this.connection = wire;
    wire.on("parameterDescription", this.onParameters);
    corked(wire, () => {
      wire.parse({ text: this.text });
      wire.describe({ type: "S", name: "" });
      wire.sync();
    });
    return void 0;
  }
  handleRowDescription(message) {
    this.fields = message.fields;
  }
  handleReadyForQuery() {
    this.connection?.removeListener("parameterDescription", this.onParameters);
    this.resolve({ parameterTypes: this.parameterTypes, fields: this.fields });
  }
  handleError(error) {
    this.connection?.removeListener("parameterDescription", this.onParameters);
    this.reject(error);
  }
  handleCopyInResponse() {
  }
  handleDataRow() {
  }
  handleCommandComplete() {
  }
  handleEmptyQuery() {
  }
  handlePortalSuspended() {
  }
  handleCopyData() {
  }
};
async function describeStatement(client, text) {
  return client.query(new DescribeStatement(text)).done;
}
function extended(config) {
  return { ...config, queryMode: "extended" };
}

// src/snapshot/postgres/merge-counts.ts
function compareCountKeys(a, b) {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) {
    if (a !== 0) return 0;
    const aNegative = Object.is(a, -0);
    return aNegative === Object.is(b, -0) ? 0 : aNegative ? -1 : 1;
  }
  const aNaN = Number.isNaN(a);
  return aNaN === Number.isNaN(b) ? 0 : aNaN ? 1 : -1;
}
function mergeSortedCounts(parts) {
  let missing = 0;
  let total = 0;
  for (const part of parts) {
    if (part.counts && part.values.length !== part.counts.length)
      throw new Error("mergeSortedCounts requires one count per value");
    missing += part.missing;
    total += part.values.length;
  }
  const keys = new Float64Array(total);
  const counts = new Float64Array(total);
  const position = new Int32Array(parts.length);
  const heap = new Int32Array(parts.length);
  let size = 0;
  const less = (p, q) => {
    const order = compareCountKeys(parts[p].values[position[p]], parts[q].values[position[q]]);
    return order < 0 || order === 0 && p < q;
  };
  const siftDown = (from) => {
    let at = from;
    const item = heap[at];
    for (; ; ) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && less(heap[child + 1], heap[child])) child++;
      if (!less(heap[child], item)) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = item;
  };
  for (let p = 0; p < parts.length; p++) if (parts[p].values.length > 0) heap[size++] = p;
  for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(at);
  let n = 0;
  while (size > 0) {
    const p = heap[0];
    const part = parts[p];
    const at = position[p];
    const value = part.values[at];
    const count = part.counts ? part.counts[at] : 1;
    if (n > 0 && compareCountKeys(keys[n - 1], value) === 0) counts[n - 1] += count;
    else {
      keys[n] = value;
      counts[n++] = count;
    }
    position[p] = at + 1;
    if (at + 1 === part.values.length) heap[0] = heap[--size];
    siftDown(0);
  }
  if (n === total) return { keys, counts, missing };
  return { keys: keys.slice(0, n), counts: counts.slice(0, n), missing };
}
function mergeCounts(parts) {
  let singles = 0;
  let others = 0;
  let missing = 0;
  for (const part of parts) {
    if (part.values.length !== part.counts.length)
      throw new Error("mergeCounts requires one count per value");
    missing += part.missing;
    for (let k = 0; k < part.counts.length; k++) {
      if (part.counts[k] === 1 && !Number.isNaN(part.values[k])) singles++;
      else others++;
    }
  }
  const once = new Float64Array(singles);
  const otherValues = new Float64Array(others);
  const otherCounts = new Float64Array(others);
  let s = 0;
  let o = 0;
  for (const part of parts) {
    for (let k = 0; k < part.counts.length; k++) {
      const value = part.values[k];
      const count = part.counts[k];
      if (count === 1 && !Number.isNaN(value)) once[s++] = value;
      else {
        otherValues[o] = value;
        otherCounts[o++] = count;
      }
    }
  }
  const order = Array.from({ length: others }, (_, k) => k).sort(
    (a, b) => compareCountKeys(otherValues[a], otherValues[b])
  );
  const sortedOnce = once.length < 4096 ? once.sort() : radixSortedCopy(once);
  return mergeSortedCounts([
    { values: sortedOnce, missing },
    {
      values: Float64Array.from(order, (k) => otherValues[k]),
      counts: Float64Array.from(order, (k) => otherCounts[k]),
      missing: 0
    }
  ]);
}

// src/snapshot/postgres/snapshots.ts
async function planSnapshotQuery(client, source, names = NEUTRAL_DATABASE_NAMES) {
  switch (source.kind) {
    case "table": {
      const columns = await tableColumns(client, source.table);
      const asOf = columns.find((c) => c.name === source.asOfColumn);
      if (!asOf) {
        throw new UserError(
          "DATABASE",
          `column '${source.asOfColumn}' missing in table ${displayTable(source.table)} (columns: ${columns.map((c) => c.name).join(", ")})`
        );
      }
      const selected = columns.filter((c) => c.name !== source.asOfColumn).map((c) => quoteIdent(c.name));
      if (selected.length === 0)
        throw new UserError(
          "DATABASE",
          `table ${displayTable(source.table)} has no columns besides '${source.asOfColumn}'`
        );
      return {
        label: displayTable(source.table),
        sql: `SELECT ${selected.join(", ")} FROM ${quoteTable(source.table)} WHERE ${quoteIdent(source.asOfColumn)} = $1`,
        asOfType: asOf.type,
        ...await discovery(client, source.table, source.asOfColumn)
      };
    }
    case "streamflow": {
      for (const table of STREAMFLOW_TABLES) {
        const found = await client.query("SELECT to_regclass($1)::text AS oid", [
          quoteTable({ schema: source.schema, table: table.name })
        ]);
        if (found.rows[0]?.oid == null) {
          throw new UserError(
            "DATABASE",
            `table ${source.schema}.${table.name} missing (load the StreamFlow fixtures into schema ${source.schema} with driftwatch db load-fixtures)`
          );
        }
      }
      return {
        label: "streamflow",
        sql: streamflowSnapshotQuery(source.schema),
        asOfType: "date",
        ...await discovery(client, { schema: source.schema, table: STREAMFLOW_AS_OF_TABLE }, "as_of")
      };
    }
    case "query": {
      const sql = checkSnapshotQuery(names.query, source.sql);
      if (!usesAsOfPlaceholder(sql)) {
        throw new UserError(
          "USAGE",
          `${names.query}: the query must select one snapshot with $1 (e.g. WHERE as_of = $1)`
        );
      }
      const asOfType = await parameterType(client, sql);
      let discovered = {};
      if (source.discovery) {
        const columns = await tableColumns(client, source.discovery.table);
        if (!columns.some((c) => c.name === source.discovery.asOfColumn)) {
          throw new UserError(
            "DATABASE",
            `column '${source.discovery.asOfColumn}' missing in table ${displayTable(source.discovery.table)}`
          );
        }
        discovered = await discovery(client, source.discovery.table, source.discovery.asOfColumn);
      }
      return { label: "query", sql, asOfType, ...discovered };
    }
    default:
      return assertNever(source);
  }
}
async function discovery(client, table, asOfColumn) {
  const c = quoteIdent(asOfColumn);
  const t = quoteTable(table);
  const listing = {
    discoverySql: `SELECT ${c}::text AS as_of, count(*) AS rows FROM ${t} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY ${c}`,
    discoveryLabel: `${displayTable(table)}.${asOfColumn}`
  };
  if (!await leadsBtreeIndex(client, table, asOfColumn)) return listing;
  return {
    ...listing,
    valuesSql: `WITH RECURSIVE step(value) AS ((SELECT ${c} FROM ${t} WHERE ${c} IS NOT NULL ORDER BY ${c} LIMIT 1) UNION ALL SELECT (SELECT ${c} FROM ${t} WHERE ${c} > step.value ORDER BY ${c} LIMIT 1) FROM step WHERE step.value IS NOT NULL) SELECT value::text AS as_of FROM step WHERE value IS NOT NULL ORDER BY value`
  };
}
async function leadsBtreeIndex(client, table, column) {
  const found = await client.query(
    extended({
      text: `SELECT EXISTS (
         SELECT 1 FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_class x ON x.oid = i.indexrelid
         JOIN pg_am am ON am.oid = x.relam
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
         JOIN pg_opclass o ON o.oid = i.indclass[0]
         WHERE i.indrelid = to_regclass($1) AND a.attname = $2 AND am.amname = 'btree'
           AND t.relkind IN ('r', 'm') AND i.indisvalid AND i.indisready AND i.indpred IS NULL
           AND o.opcdefault AND i.indcollation[0] = a.attcollation) AS ok`,
      values: [quoteTable(table), column]
    })
  );
  return found.rows[0]?.ok === true;
}
async function tableColumns(client, table) {
  const found = await client.query("SELECT to_regclass($1)::oid::text AS oid", [
    quoteTable(table)
  ]);
  const oid = found.rows[0]?.oid;
  if (oid == null)
    throw new UserError(
      "DATABASE",
      `table ${displayTable(table)} does not exist (or is not visible on the search_path)`
    );
  const columns = await client.query(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
     WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [oid]
  );
  return columns.rows;
}
async function parameterType(client, sql) {
  const described = await describeStatement(client, wrapAsSubquery(sql));
  const result = await client.query({
    text: "SELECT format_type($1::oid, NULL) AS type",
    values: [described.parameterTypes[0]]
  });
  return result.rows[0].type;
}
function wrapAsSubquery(sql, columns = "*") {
  return `SELECT ${columns} FROM (
${sql}
) AS snapshot`;
}
async function listAsOf(client, plan, names = NEUTRAL_DATABASE_NAMES) {
  if (plan.discoverySql === void 0) {
    throw new UserError(
      "USAGE",
      `latest/previous need the as_of values: give ${names.table} and ${names.asOfColumn} with ${names.query}`
    );
  }
  const result = await client.query(extended({ text: plan.discoverySql }));
  return result.rows.map((row) => ({ asOf: row.as_of, rows: Number(row.rows) }));
}
async function listAsOfValues(client, valuesSql) {
  const result = await client.query(extended({ text: valuesSql }));
  return result.rows.map((row) => ({ asOf: row.as_of }));
}
async function resolveAsOf(client, plan, reference, current, names = NEUTRAL_DATABASE_NAMES, counts = true) {
  if (current.kind === "previous")
    throw new UserError(
      "USAGE",
      `${names.currentAsOf}: 'previous' is for ${names.referenceAsOf} (use latest or a date)`
    );
  if (reference.kind === "latest")
    throw new UserError(
      "USAGE",
      `${names.referenceAsOf}: 'latest' is for ${names.currentAsOf} (use previous or a date)`
    );
  const needList = plan.discoverySql !== void 0 || current.kind !== "value" || reference.kind !== "value";
  const available = !needList ? void 0 : !counts && plan.valuesSql !== void 0 ? await listAsOfValues(client, plan.valuesSql) : await listAsOf(client, plan, names);
  const where = plan.discoveryLabel ?? plan.label;
  const availableText = () => available.length === 0 ? "none" : available.map((a) => a.asOf).join(", ");
  const check = async (flag, value) => {
    const normalised = await normaliseAsOf(client, plan.asOfType, flag, value);
    if (available && !available.some((a) => a.asOf === normalised)) {
      throw new UserError(
        "DATABASE",
        `${flag}: as_of ${value} has no rows in ${where} (available: ${availableText()})`
      );
    }
    return normalised;
  };
  let currentAsOf;
  if (current.kind === "latest") {
    if (available.length === 0)
      throw new UserError("DATABASE", `no as_of values in ${where}: the table is empty`);
    currentAsOf = available[available.length - 1].asOf;
  } else currentAsOf = await check(names.currentAsOf, current.value);
  let referenceAsOf;
  if (reference.kind === "previous") {
    const index = available.findIndex((a) => a.asOf === currentAsOf);
    if (index <= 0)
      throw new UserError(
        "DATABASE",
        `${names.referenceAsOf} previous: no as_of before ${currentAsOf} in ${where} (available: ${availableText()})`
      );
    referenceAsOf = available[index - 1].asOf;
  } else referenceAsOf = await check(names.referenceAsOf, reference.value);
  const rowsOf = (asOf) => available?.find((a) => a.asOf === asOf)?.rows;
  return {
    reference: referenceAsOf,
    current: currentAsOf,
    referenceRows: rowsOf(referenceAsOf),
    currentRows: rowsOf(currentAsOf)
  };
}
async function normaliseAsOf(client, type, flag, value) {
  await client.query("SAVEPOINT driftwatch_as_of");
  try {
    const result = await client.query(
      extended({ text: `SELECT CAST($1 AS ${type})::text AS value`, values: [value] })
    );
    await client.query("RELEASE SAVEPOINT driftwatch_as_of");
    return result.rows[0].value;
  } catch (error) {
    if (!String(error.code ?? "").startsWith("22")) throw error;
    await client.query("ROLLBACK TO SAVEPOINT driftwatch_as_of");
    throw new UserError("USAGE", `${flag}: '${value}' is not a valid ${type} (${error.message})`);
  }
}
async function describeSnapshot(client, plan, asOf) {
  const result = await client.query(
    extended({ text: `${wrapAsSubquery(plan.sql)} LIMIT 0`, values: [asOf] })
  );
  const seen = /* @__PURE__ */ new Set();
  return result.fields.map((field) => {
    if (seen.has(field.name))
      throw new UserError(
        "DATABASE",
        `${plan.label}: the snapshot query returns column '${field.name}' twice`
      );
    seen.add(field.name);
    return { name: field.name, kind: columnKindOf(field.dataTypeID, field.dataTypeModifier) };
  });
}
async function readSnapshot(client, plan, asOf, options = {}) {
  const described = await describeSnapshot(client, plan, asOf);
  const columns = options.include ? described.filter((column) => options.include(column.name)) : described;
  if (columns.length === 0) throw new UserError("DATABASE", `${plan.label}: no columns left to read`);
  await client.query({
    text: `SELECT set_config('driftwatch.as_of', $1, true), set_config('synchronize_seqscans', 'off', true)`,
    values: [asOf]
  });
  const bound = replaceAsOfPlaceholder(
    (options.names ?? NEUTRAL_DATABASE_NAMES).query,
    plan.sql,
    `CAST(current_setting('driftwatch.as_of') AS ${plan.asOfType})`
  );
  const selected = columns.map((column) => `snapshot.${quoteIdent(column.name)}`).join(", ");
  const query = wrapAsSubquery(bound, selected);
  const estimate = options.expectedRows === void 0 && options.estimateRows === true ? await estimatedRows(client, query) : void 0;
  const decoder = new CopyTextDecoder(
    columns,
    options.expectedRows ?? estimate ?? 1024,
    estimate !== void 0
  );
  let first = true;
  await copyOut(client, `COPY (${query}) TO STDOUT`, (chunk) => {
    if (first) {
      first = false;
      options.onRows?.();
    }
    decoder.write(chunk);
  });
  const rows = decoder.rows;
  if (rows === 0)
    throw new UserError("DATABASE", `${plan.label}: the snapshot query returned no rows for as_of ${asOf}`);
  return { source: `postgres:${plan.label}@${asOf}`, rows, columns: decoder.finish() };
}
async function estimatedRows(client, query) {
  const result = await client.query(
    extended({ text: `EXPLAIN (FORMAT JSON) ${query}` })
  );
  const plan = result.rows[0]?.["QUERY PLAN"];
  const rows = Array.isArray(plan) ? plan[0]?.Plan?.["Plan Rows"] : void 0;
  return typeof rows === "number" && Number.isFinite(rows) && rows >= 1 ? Math.min(rows, 2 ** 26) : void 0;
}
async function readSnapshotPair(client, plan, source, asOf, options = {}) {
  const type = plan.asOfType;
  const eligible = await client.query(
    extended({
      text: `SELECT c.relkind IN ('r', 'm') AND CAST($2 AS ${type}) IS DISTINCT FROM CAST($3 AS ${type}) AS ok
             FROM pg_class c WHERE c.oid = to_regclass($1)`,
      values: [quoteTable(source.table), asOf.reference, asOf.current]
    })
  );
  if (eligible.rows[0]?.ok !== true) return void 0;
  const described = await describeSnapshot(client, plan, asOf.current);
  const columns = options.include ? described.filter((column) => options.include(column.name)) : described;
  if (columns.length === 0) throw new UserError("DATABASE", `${plan.label}: no columns left to read`);
  await client.query(
    `SELECT set_config('synchronize_seqscans', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`
  );
  const asOfColumn = quoteIdent(source.asOfColumn);
  const table = quoteTable(source.table);
  const selected = columns.map((column) => quoteIdent(column.name)).join(", ");
  const bound = (which) => `CAST('${asOf[which].replaceAll("'", "''")}' AS ${type})`;
  const expected = async (which) => {
    const given = options.expectedRows?.[which];
    if (given !== void 0 || options.estimateRows !== true)
      return { rows: given ?? 1024, estimated: false };
    const estimate = await estimatedRows(
      client,
      `SELECT ${selected} FROM ${table} WHERE ${asOfColumn} = ${bound(which)}`
    );
    return { rows: estimate ?? 1024, estimated: estimate !== void 0 };
  };
  const reference = await expected("reference");
  const current = await expected("current");
  const decoder = CopyTextDecoder.split(
    columns,
    [reference.rows, current.rows],
    [reference.estimated, current.estimated]
  );
  const query = `SELECT ${asOfColumn} = ${bound("current")}, ${selected} FROM ${table} WHERE ${asOfColumn} IN (${bound("reference")}, ${bound("current")})`;
  let first = true;
  await copyOut(client, `COPY (${query}) TO STDOUT`, (chunk) => {
    if (first) {
      first = false;
      options.onRows?.();
    }
    decoder.write(chunk);
  });
  const finished = (side2, value) => {
    const rows = decoder.rowsOf(side2);
    if (rows === 0)
      throw new UserError(
        "DATABASE",
        `${plan.label}: the snapshot query returned no rows for as_of ${value}`
      );
    return { source: `postgres:${plan.label}@${value}`, rows, columns: decoder.finish(side2) };
  };
  return { reference: finished(0, asOf.reference), current: finished(1, asOf.current) };
}

// src/snapshot/postgres/partitions.ts
async function partitionLayout(client, table) {
  const kind = await client.query(
    "SELECT relkind FROM pg_class WHERE oid = to_regclass($1)",
    [quoteTable(table)]
  );
  if (kind.rows[0]?.relkind !== "p") return void 0;
  const leaves = await client.query(
    `SELECT n.nspname AS schema, c.relname AS name
     FROM pg_partition_tree(to_regclass($1)) AS t
     JOIN pg_class AS c ON c.oid = t.relid JOIN pg_namespace AS n ON n.oid = c.relnamespace
     WHERE t.isleaf ORDER BY n.nspname, c.relname`,
    [quoteTable(table)]
  );
  const keys = await client.query(
    `SELECT k.attnum, a.attname AS name
     FROM pg_partition_tree(to_regclass($1)) AS t
     JOIN pg_partitioned_table AS p ON p.partrelid = t.relid
     CROSS JOIN LATERAL unnest(p.partattrs::int2[]) WITH ORDINALITY AS k(attnum, position)
     LEFT JOIN pg_attribute AS a ON a.attrelid = t.relid AND a.attnum = k.attnum
     ORDER BY t.level, k.position`,
    [quoteTable(table)]
  );
  return {
    leaves: leaves.rows.map((row) => ({ schema: row.schema, table: row.name })),
    keyColumns: [...new Set(keys.rows.flatMap((row) => row.name === null ? [] : [row.name]))],
    keyIsColumns: keys.rows.every((row) => row.attnum !== 0 && row.name !== null)
  };
}
function partitionPlan(plan, columns, asOfColumn, leaf) {
  return {
    label: `${plan.label} (partition ${displayTable(leaf)})`,
    sql: `SELECT ${columns.map(quoteIdent).join(", ")} FROM ${quoteTable(leaf)} WHERE ${quoteIdent(asOfColumn)} = $1`,
    asOfType: plan.asOfType
  };
}
function addCounts(total, part) {
  for (const [value, count] of part) total.set(value, (total.get(value) ?? 0) + count);
}
async function mapConcurrently(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  let failure;
  const lane = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
  return results;
}

// src/snapshot/postgres/numeric-stats.ts
function bothSides(plan, column, flag) {
  const cell = `snapshot.${quoteIdent(column.name)}::float8`;
  const current = replaceAsOfPlaceholder(flag, plan.sql, "$2");
  return [
    // Inlined, not materialised: each use scans the snapshots again (cheap), and the planner sees the column's
    // statistics, so it groups the runs by sorting and the window functions reuse that order.
    "WITH cells AS NOT MATERIALIZED (",
    `  SELECT 0 AS side, ${cell} AS x FROM (
${plan.sql}
) AS snapshot`,
    `  UNION ALL SELECT 1, ${cell} FROM (
${current}
) AS snapshot),`,
    "s AS NOT MATERIALIZED (SELECT side, x, x IS NOT NULL AND x <> 'NaN' AND x <> 'Infinity' AND x <> '-Infinity' AS finite FROM cells)"
  ].join("\n");
}
var QUARTILES = [0.25, 0.5, 0.75];
var QUARTILE_COLUMNS = (side2) => QUARTILES.flatMap((_, k) => [`merged.q${side2}${k}_lo`, `merged.q${side2}${k}_hi`]).join(", ");
function orderStatistics(side2) {
  const cumulative = `c${side2}`;
  const total = `t${side2}`;
  return QUARTILES.flatMap((q, k) => {
    const below = `floor(${q} * (${total} - 1))`;
    return [
      `min(x) FILTER (WHERE ${cumulative} > ${below}) AS q${side2}${k}_lo`,
      `min(x) FILTER (WHERE ${cumulative} > least(${below} + 1, ${total} - 1)) AS q${side2}${k}_hi`
    ];
  }).join(",\n         ");
}
function numericStatsSql(plan, column, flag = "query") {
  return [
    bothSides(plan, column, flag) + ",",
    "sides AS (",
    "  SELECT side, count(*) AS rows, count(*) FILTER (WHERE finite) AS n, count(*) FILTER (WHERE x IS NULL OR x = 'NaN') AS missing,",
    "         count(*) FILTER (WHERE x = 'Infinity' OR x = '-Infinity') AS infinite,",
    "         min(x) FILTER (WHERE finite) AS min, max(x) FILTER (WHERE finite) AS max, avg(x) FILTER (WHERE finite) AS mean,",
    "         stddev_pop(x) FILTER (WHERE finite) AS std_pop, stddev_samp(x) FILTER (WHERE finite) AS std_samp",
    "  FROM s GROUP BY side),",
    "counted AS (",
    "  SELECT x, count(*) FILTER (WHERE side = 0) AS nr, count(*) FILTER (WHERE side = 1) AS nc",
    "  FROM s WHERE finite GROUP BY x),",
    "cdf AS (",
    "  SELECT x, nr, nc, tr, tc, cr, cc, cr / tr AS fr, cc / tc AS fc, dx FROM (",
    // Counts summed as double precision: exact below 2^53, and much cheaper than numeric sums of bigint.
    "    SELECT x, nr, nc, sum(nr::float8) OVER w AS cr, sum(nc::float8) OVER w AS cc,",
    "           (SELECT n::float8 FROM sides WHERE side = 0) AS tr, (SELECT n::float8 FROM sides WHERE side = 1) AS tc,",
    "           lead(x) OVER (ORDER BY x) - x AS dx",
    "    FROM counted WINDOW w AS (ORDER BY x ROWS UNBOUNDED PRECEDING)) AS windows),",
    "merged AS (",
    "  SELECT count(*) AS merged_distinct, max(abs(fr - fc)) AS ks_d, coalesce(sum(abs(fr - fc) * dx), 0) AS wasserstein1,",
    "         count(*) FILTER (WHERE nr > 0) AS distinct_r, count(*) FILTER (WHERE nc > 0) AS distinct_c,",
    "         coalesce(max(nr), 0) AS mode_r, coalesce(max(nc), 0) AS mode_c, bool_and(x = trunc(x)) AS integers,",
    `         ${orderStatistics("r")},`,
    `         ${orderStatistics("c")}`,
    "  FROM cdf)",
    "SELECT sides.side, sides.rows, sides.n, sides.missing, sides.infinite,",
    "       CASE sides.side WHEN 0 THEN merged.distinct_r ELSE merged.distinct_c END AS distinct,",
    "       CASE sides.side WHEN 0 THEN merged.mode_r ELSE merged.mode_c END AS mode,",
    "       sides.min, sides.max, sides.mean, sides.std_pop, sides.std_samp,",
    "       merged.merged_distinct, merged.ks_d, merged.wasserstein1, merged.integers,",
    `       CASE sides.side WHEN 0 THEN ARRAY[${QUARTILE_COLUMNS("r")}] ELSE ARRAY[${QUARTILE_COLUMNS("c")}] END AS quartiles`,
    "FROM sides CROSS JOIN merged ORDER BY sides.side"
  ].join("\n");
}
var EMPTY_SIDE = {
  rows: 0,
  count: 0,
  missing: 0,
  infinite: 0,
  distinct: 0,
  modeCount: 0,
  min: null,
  max: null,
  mean: null,
  stdPopulation: null,
  stdSample: null,
  quartileBounds: []
};
async function numericColumnStats(client, plan, column, asOf) {
  const result = await client.query(
    extended({
      text: numericStatsSql(plan, column),
      values: [asOf.reference, asOf.current],
      rowMode: "array"
    })
  );
  const sides = [EMPTY_SIDE, EMPTY_SIDE];
  let merged = {
    mergedDistinct: 0,
    ksStatistic: null,
    wasserstein1: null,
    allIntegers: null
  };
  for (const row of result.rows) {
    const [side2, rows, n, missing, infinite, distinct, mode, min, max, mean, stdPop, stdSamp] = row;
    sides[side2] = {
      rows: Number(rows),
      count: Number(n),
      missing: Number(missing),
      infinite: Number(infinite),
      distinct: Number(distinct),
      modeCount: Number(mode),
      min,
      max,
      mean,
      stdPopulation: stdPop,
      stdSample: stdSamp,
      quartileBounds: row[16].map((value) => value === null ? null : Number(value))
    };
    merged = {
      mergedDistinct: Number(row[12]),
      ksStatistic: row[13],
      wasserstein1: row[14],
      allIntegers: row[15]
    };
  }
  const [reference, current] = sides;
  const comparable = reference.count > 0 && current.count > 0;
  return {
    name: column.name,
    reference,
    current,
    mergedDistinct: merged.mergedDistinct,
    ksStatistic: comparable ? merged.ksStatistic : null,
    wasserstein1: comparable ? merged.wasserstein1 : null,
    allIntegers: merged.allIntegers
  };
}
function float8Array(edges) {
  return `{${Array.from(edges, (edge) => String(edge)).join(",")}}`;
}
function numericTwoBinsSql(plan, column, flag = "query") {
  return [
    bothSides(plan, column, flag),
    "SELECT side, least(width_bucket(x, $3::float8[]), $5::int) AS bin_a,",
    "       least(width_bucket(x, $4::float8[]), $6::int) AS bin_b, count(*) AS rows",
    "FROM s WHERE finite GROUP BY 1, 2, 3"
  ].join("\n");
}
async function numericBinCountsOfEach(client, plan, column, asOf, edges) {
  const bins = edges.map((set) => set.length - 1);
  const result = await client.query(
    extended({
      text: numericTwoBinsSql(plan, column),
      values: [asOf.reference, asOf.current, float8Array(edges[0]), float8Array(edges[1]), bins[0], bins[1]],
      rowMode: "array"
    })
  );
  const counts = bins.map((size) => [new Float64Array(size), new Float64Array(size)]);
  for (const [side2, binA, binB, rows] of result.rows) {
    if (binA >= 1) counts[0][side2][binA - 1] += Number(rows);
    if (binB >= 1) counts[1][side2][binB - 1] += Number(rows);
  }
  return [0, 1].map((k) => ({ edges: edges[k], reference: counts[k][0], current: counts[k][1] }));
}
function distinctInPrefixSql(plan, column) {
  const cell = `snapshot.${quoteIdent(column.name)}::float8`;
  return [
    "SELECT count(DISTINCT x) FILTER",
    "  (WHERE x IS NOT NULL AND x <> 'NaN' AND x <> 'Infinity' AND x <> '-Infinity') AS distinct",
    `FROM (SELECT ${cell} AS x FROM (
${plan.sql}
) AS snapshot LIMIT $2) AS prefix`
  ].join("\n");
}
async function distinctInPrefix(client, plan, column, asOf, rows) {
  const result = await client.query(
    extended({ text: distinctInPrefixSql(plan, column), values: [asOf, rows], rowMode: "array" })
  );
  return Number(result.rows[0][0]);
}

// src/snapshot/postgres/summarize.ts
function side(stats, testBins, chartBins) {
  return {
    count: stats.count,
    missing: stats.missing,
    distinct: stats.distinct,
    modeCount: stats.modeCount,
    min: stats.min,
    max: stats.max,
    mean: stats.mean,
    stdPopulation: stats.stdPopulation,
    stdSample: stats.stdSample,
    quartileBounds: stats.quartileBounds,
    testBins,
    chartBins
  };
}
var SUMMARIZE_CONNECTIONS = 2;
async function summarizeNumericColumns(client, plan, wanted, asOf, policy, open) {
  if (asOf.referenceRows !== void 0 && asOf.referenceRows <= policy.minDistinct) return [];
  const candidates = wanted.filter(
    (spec) => (spec.kind === "int" || spec.kind === "float") && policy.candidate(spec.name)
  );
  const results = open !== void 0 && candidates.length > 1 ? await mapConcurrently(
    candidates,
    SUMMARIZE_CONNECTIONS,
    (spec) => open((own) => summarizeColumn(own, plan, spec, asOf, policy))
  ) : await mapSequentially(candidates, (spec) => summarizeColumn(client, plan, spec, asOf, policy));
  return results.filter((column) => column !== void 0);
}
async function mapSequentially(items, work) {
  const results = [];
  for (const item of items) results.push(await work(item));
  return results;
}
async function summarizeColumn(client, plan, spec, asOf, policy) {
  const probe = await distinctInPrefix(client, plan, spec, asOf.reference, policy.probeRows);
  if (probe <= policy.minDistinct) return void 0;
  const stats = await numericColumnStats(client, plan, spec, asOf);
  const { reference, current } = stats;
  if (reference.infinite + current.infinite > 0) return void 0;
  if (reference.count === 0 || current.count === 0 || stats.ksStatistic === null) return void 0;
  if (stats.wasserstein1 === null || stats.allIntegers === null) return void 0;
  const storage = spec.kind === "int" && reference.missing + current.missing === 0 ? "int" : "float";
  const edges = policy.edges({
    name: spec.name,
    storage,
    reference,
    current,
    min: Math.min(reference.min, current.min),
    max: Math.max(reference.max, current.max),
    allIntegers: stats.allIntegers
  });
  if (edges === void 0) return void 0;
  const [test, chart] = await numericBinCountsOfEach(client, plan, spec, asOf, edges);
  return {
    name: spec.name,
    storage,
    reference: side(reference, test.reference, chart.reference),
    current: side(current, test.current, chart.current),
    mergedDistinct: stats.mergedDistinct,
    ksStatistic: stats.ksStatistic,
    wasserstein1: stats.wasserstein1,
    allIntegers: stats.allIntegers,
    testEdges: edges[0],
    chartEdges: edges[1]
  };
}

// src/snapshot/postgres/aggregates.ts
function storageOf(kind) {
  switch (kind) {
    case "int":
    case "float":
    case "bool":
    case "string":
      return kind;
    case "date":
    case "timestamp":
      return "datetime";
  }
}
function valueCountSql(plan, column) {
  const key = groupingKey(column);
  return `SELECT ${key}::text AS value, count(*) AS rows FROM (
${plan.sql}
) AS snapshot GROUP BY ${key}`;
}
function numericValueCountSql(plan, column) {
  const key = groupingKey(column);
  return [
    `SELECT ${key} AS value, CASE WHEN ${key} IS NULL THEN -count(*) ELSE count(*) END AS rows`,
    `FROM (
${plan.sql}
) AS snapshot GROUP BY ${key}`
  ].join("\n");
}
function rowFactsSql(plan, columns) {
  const cells = columns.map((column) => {
    const ref = `snapshot.${quoteIdent(column.name)}`;
    const nan = column.kind === "float" ? ` OR ${ref} = 'NaN'` : "";
    return {
      key: nan ? `CASE WHEN ${ref} = 'NaN' THEN NULL ELSE ${ref} END` : ref,
      missing: `(${ref} IS NULL${nan})`
    };
  });
  if (cells.length === 0)
    return `SELECT count(*) AS rows, 0 AS duplicated, 0 AS empty FROM (
${plan.sql}
) AS snapshot`;
  return [
    "SELECT coalesce(sum(n), 0) AS rows, coalesce(sum(n - 1), 0) AS duplicated, coalesce(sum(n) FILTER (WHERE empty), 0) AS empty",
    `FROM (SELECT count(*) AS n, bool_and(${cells.map((cell) => cell.missing).join(" AND ")}) AS empty`,
    `FROM (
${plan.sql}
) AS snapshot GROUP BY ${cells.map((cell) => cell.key).join(", ")}) AS distinct_rows`
  ].join("\n");
}
function groupingKey(column) {
  const ref = `snapshot.${quoteIdent(column.name)}`;
  return column.kind === "float" ? `CASE WHEN ${ref} = 'NaN' THEN NULL ELSE ${ref} END` : ref;
}
function groupingSetsSql(plan, columns, counted = columns.map(() => true)) {
  const keys = columns.map((column, index) => ({ expression: groupingKey(column), alias: `k${index}` }));
  const flags = keys.map((key) => `GROUPING(${key.alias}) = 0`);
  const own = keys.flatMap((_, index) => counted[index] ? [index] : []);
  const wholeSet = columns.length > 1 || own.length < columns.length;
  const whole = wholeSet ? [`(${keys.map((key) => key.alias).join(", ")})`] : [];
  const which = [
    ...wholeSet ? [`WHEN ${flags.join(" AND ")} THEN -2`] : [],
    ...own.map((index) => `WHEN ${flags[index]} THEN ${index}`)
  ].join(" ");
  const value = own.map((index) => `WHEN ${flags[index]} THEN ${keys[index].alias}::text`).join(" ");
  const allMissing = keys.map((key) => `${key.alias} IS NULL`).join(" AND ");
  return [
    "WITH counted AS (",
    `  SELECT CASE ${which} ELSE -1 END AS col, ${value ? `CASE ${value} END` : "NULL::text"} AS value, count(*) AS rows, bool_and(${allMissing}) AS empty`,
    `  FROM (SELECT ${keys.map((key) => `${key.expression} AS ${key.alias}`).join(", ")} FROM (
${plan.sql}
) AS snapshot) AS keyed`,
    `  GROUP BY GROUPING SETS (${[...own.map((index) => `(${keys[index].alias})`), ...whole, "()"].join(", ")})`,
    ")",
    "SELECT col, value, rows FROM counted WHERE col >= -1",
    ...wholeSet ? [
      "UNION ALL SELECT -2, NULL, coalesce(sum(rows - 1), 0) FROM counted WHERE col = -2",
      "UNION ALL SELECT -3, NULL, coalesce(sum(rows) FILTER (WHERE empty), 0) FROM counted WHERE col = -2"
    ] : []
  ].join("\n");
}
async function countSnapshotValues(client, plan, asOf, include, force, onRows, summarize, open) {
  const specs = await describeSnapshot(client, plan, asOf.current);
  const wanted = include ? specs.filter((spec) => include(spec.name)) : specs;
  const summarized = summarize ? await summarizeNumericColumns(client, plan, wanted, asOf, summarize, open) : [];
  const names = new Set(summarized.map((column) => column.name));
  const counted = wanted.map((spec) => !names.has(spec.name));
  let strategy = force ?? "grouping-sets";
  let sides;
  if (strategy === "grouping-sets") {
    await client.query("SAVEPOINT driftwatch_counts");
    try {
      const reference = await countInOnePass(client, plan, wanted, counted, asOf.reference);
      onRows?.();
      sides = [reference, await countInOnePass(client, plan, wanted, counted, asOf.current)];
      await client.query("RELEASE SAVEPOINT driftwatch_counts");
    } catch (error) {
      if (error.code !== "0A000") throw error;
      await client.query("ROLLBACK TO SAVEPOINT driftwatch_counts");
      strategy = "per-column";
    }
  }
  sides ??= [
    await countColumnByColumn(client, plan, wanted, counted, asOf.reference, onRows),
    await countColumnByColumn(client, plan, wanted, counted, asOf.current, onRows)
  ];
  [asOf.reference, asOf.current].forEach((value, index) => {
    if (sides[index].facts.rows === 0)
      throw new UserError(
        "DATABASE",
        `${plan.label}: the snapshot query returned no rows for as_of ${value}`
      );
  });
  const columns = wanted.flatMap((spec, index) => {
    if (!counted[index]) return [];
    const storage = storageOf(spec.kind);
    return {
      name: spec.name,
      storage,
      reference: toSideCounts(sides[0].columns[index], storage),
      current: toSideCounts(sides[1].columns[index], storage)
    };
  });
  return {
    reference: sides[0].facts,
    current: sides[1].facts,
    columns,
    summarized,
    allColumns: specs.map((spec) => spec.name),
    strategy
  };
}
async function countInOnePass(client, plan, wanted, counted, asOf) {
  if (wanted.length === 0) return { facts: await rowFacts(client, plan, wanted, asOf), columns: [] };
  const result = await client.query(
    extended({
      text: groupingSetsSql(plan, wanted, counted),
      values: [asOf],
      rowMode: "array"
    })
  );
  const side2 = {
    facts: { rows: 0, duplicatedRows: 0, emptyRows: 0 },
    columns: wanted.map(() => [])
  };
  let duplicatedRows = 0;
  let emptyRows = 0;
  let rows = 0;
  for (const [col, value, count] of result.rows) {
    if (col >= 0) side2.columns[col].push([value, Number(count)]);
    else if (col === -1) rows = Number(count);
    else if (col === -2) duplicatedRows = Number(count);
    else emptyRows = Number(count);
  }
  if (wanted.length === 1 && counted[0]) {
    for (const [value, count] of side2.columns[0]) {
      duplicatedRows += count - 1;
      if (value === null) emptyRows += count;
    }
  }
  side2.facts = { rows, duplicatedRows, emptyRows };
  return side2;
}
async function countColumnByColumn(client, plan, wanted, counted, asOf, onRows) {
  const facts = await rowFacts(client, plan, wanted, asOf);
  onRows?.();
  const columns = [];
  for (const [index, spec] of wanted.entries()) {
    if (!counted[index]) {
      columns.push([]);
      continue;
    }
    const result = await client.query(
      extended({
        text: valueCountSql(plan, spec),
        values: [asOf],
        rowMode: "array"
      })
    );
    columns.push(result.rows.map(([value, count]) => [value, Number(count)]));
  }
  return { facts, columns };
}
var PARTITION_CONNECTIONS = 8;
async function countPartitionedValues(client, plan, asOf, partitions, open, include, onRows) {
  const specs = await describeSnapshot(client, plan, asOf.current);
  const wanted = include ? specs.filter((spec) => include(spec.name)) : specs;
  const names = new Set(wanted.map((spec) => spec.name));
  const factsPerPartition = wanted.length > 0 && partitions.keyColumns !== void 0 && partitions.keyColumns.every((name) => names.has(name));
  const sides = [asOf.reference, asOf.current];
  const totals = sides.map(() => wanted.map(() => /* @__PURE__ */ new Map()));
  const parted = sides.map(() => wanted.map(() => []));
  const merged = sides.map(() => wanted.map(() => void 0));
  const facts = sides.map(() => ({ rows: 0, duplicatedRows: 0, emptyRows: 0 }));
  const add = (side2, part) => {
    const sum = facts[side2];
    facts[side2] = {
      rows: sum.rows + part.rows,
      duplicatedRows: sum.duplicatedRows + part.duplicatedRows,
      emptyRows: sum.emptyRows + part.emptyRows
    };
  };
  await mapConcurrently(
    partitions.leaves,
    PARTITION_CONNECTIONS,
    (leaf) => open(async (partition) => {
      for (const [side2, value] of sides.entries()) {
        if (factsPerPartition) add(side2, await rowFacts(partition, leaf, wanted, value));
        for (const [index, spec] of wanted.entries()) {
          if (spec.kind !== "string") {
            const parts = parted[side2][index];
            parts.push(await readPartCounts(partition, leaf, spec, value, onRows));
            if (parts.length === partitions.leaves.length) {
              merged[side2][index] = mergeCounts(parts);
              parts.length = 0;
            }
            continue;
          }
          const result = await partition.query(
            extended({ text: valueCountSql(leaf, spec), values: [value], rowMode: "array" })
          );
          onRows?.();
          addCounts(
            totals[side2][index],
            result.rows.map(([text, count]) => [text, Number(count)])
          );
        }
      }
    })
  );
  if (!factsPerPartition)
    for (const [side2, value] of sides.entries()) add(side2, await rowFacts(client, plan, wanted, value));
  sides.forEach((value, index) => {
    if (facts[index].rows === 0)
      throw new UserError(
        "DATABASE",
        `${plan.label}: the snapshot query returned no rows for as_of ${value}`
      );
  });
  const columns = wanted.map((spec, index) => {
    const storage = storageOf(spec.kind);
    const side2 = (which) => merged[which][index] ?? toSideCounts([...totals[which][index]], storage);
    return { name: spec.name, storage, reference: side2(0), current: side2(1) };
  });
  return {
    reference: facts[0],
    current: facts[1],
    columns,
    summarized: [],
    allColumns: specs.map((spec) => spec.name),
    strategy: "per-partition"
  };
}
function numericValueCountStatement(plan, column, asOf) {
  const literal = `CAST('${asOf.replaceAll("'", "''")}' AS ${plan.asOfType})`;
  return replaceAsOfPlaceholder(plan.label, numericValueCountSql(plan, column), literal);
}
async function readPartCounts(client, leaf, spec, asOf, onRows) {
  const text = numericValueCountStatement(leaf, spec, asOf);
  const decoder = new CopyTextDecoder([
    { name: "value", kind: spec.kind },
    { name: "rows", kind: "int" }
  ]);
  await copyOut(client, `COPY (${text}) TO STDOUT`, (chunk) => {
    onRows?.();
    decoder.write(chunk);
  });
  const [values, counts] = decoder.finish().map((column) => column.values);
  let missing = 0;
  let kept = 0;
  for (let row = 0; row < counts.length; row++) {
    const count = counts[row];
    if (count < 0) missing -= count;
    else {
      values[kept] = values[row];
      counts[kept++] = count;
    }
  }
  return { values: values.subarray(0, kept), counts: counts.subarray(0, kept), missing };
}
async function rowFacts(client, plan, columns, asOf) {
  const result = await client.query(
    extended({
      text: rowFactsSql(plan, columns),
      values: [asOf]
    })
  );
  const row = result.rows[0];
  return { rows: Number(row.rows), duplicatedRows: Number(row.duplicated), emptyRows: Number(row.empty) };
}
function toSideCounts(rows, storage) {
  let missing = 0;
  const present = rows.filter(([value, count]) => {
    if (value === null) missing += count;
    return value !== null;
  });
  const counts = Float64Array.from(present, ([, count]) => count);
  if (storage === "string") return { keys: present.map(([value]) => value), counts, missing };
  const keys = Float64Array.from(
    present,
    ([value]) => storage === "bool" ? value === "true" ? 1 : 0 : storage === "datetime" ? parseTimestamp(value) : Number(value)
  );
  return { keys, counts, missing };
}

// src/snapshot/postgres/index.ts
async function inReadOnlySnapshot(databaseUrl, options, work) {
  const names = options.names ?? NEUTRAL_DATABASE_NAMES;
  return withReadOnlySnapshot(databaseAt(databaseUrl, "read-only", names.databaseUrl), options, work);
}
async function readPostgresSnapshots(settings, include) {
  return inReadOnlySnapshot(settings.databaseUrl, settings, async (client, attempt) => {
    const counted = settings.source.kind === "query";
    const { plan, asOf } = await planAndResolve(client, attempt, settings, counted);
    const onRows = () => {
      attempt.rowsRead = true;
    };
    const options = (which, rows) => ({
      expectedRows: sizeHint(which === "reference" ? asOf.referenceRows : asOf.currentRows),
      estimateRows: !counted,
      include,
      onRows: rows,
      names: settings.names
    });
    const allColumns = (await describeSnapshot(client, plan, asOf.current)).map((column) => column.name);
    if (settings.source.kind === "table") {
      attempt.step = `reading the snapshots as_of ${asOf.reference} and ${asOf.current}`;
      const both = await readSnapshotPair(client, plan, settings.source, asOf, {
        expectedRows: { reference: sizeHint(asOf.referenceRows), current: sizeHint(asOf.currentRows) },
        estimateRows: !counted,
        include,
        onRows,
        names: settings.names
      });
      if (both !== void 0)
        return { ...both, referenceAsOf: asOf.reference, currentAsOf: asOf.current, allColumns };
    }
    const open = await snapshotSessions(client, settings);
    if (open === void 0) {
      attempt.step = `reading the snapshot as_of ${asOf.reference}`;
      const reference2 = await readSnapshot(client, plan, asOf.reference, options("reference", onRows));
      attempt.step = `reading the snapshot as_of ${asOf.current}`;
      const current2 = await readSnapshot(client, plan, asOf.current, options("current", onRows));
      return { reference: reference2, current: current2, referenceAsOf: asOf.reference, currentAsOf: asOf.current, allColumns };
    }
    attempt.step = `reading the snapshot as_of ${asOf.reference}`;
    let failure;
    let second;
    const fail = (error, other) => {
      if (failure === void 0) {
        failure = { error };
        other();
      }
    };
    const endSecond = () => {
      if (second === void 0) return;
      second.attempt.rowsRead = true;
      void second.client.end().catch(() => void 0);
    };
    const endFirst = () => void client.end().catch(() => void 0);
    const [reference, current] = await Promise.allSettled([
      readSnapshot(client, plan, asOf.reference, options("reference", onRows)).catch((error) => {
        fail(error, endSecond);
        throw error;
      }),
      open((secondClient, inner) => {
        second = { client: secondClient, attempt: inner };
        if (failure !== void 0) throw new Error("the other snapshot read failed");
        inner.step = `reading the snapshot as_of ${asOf.current}`;
        return readSnapshot(
          secondClient,
          plan,
          asOf.current,
          options("current", () => {
            inner.rowsRead = true;
            onRows();
          })
        );
      }).catch((error) => {
        fail(error, endFirst);
        throw error;
      })
    ]);
    if (failure !== void 0) throw failure.error;
    if (reference.status === "rejected" || current.status === "rejected")
      throw new Error("unreachable: a read failed without a recorded failure");
    return {
      reference: reference.value,
      current: current.value,
      referenceAsOf: asOf.reference,
      currentAsOf: asOf.current,
      allColumns
    };
  });
}
async function snapshotSessions(client, settings) {
  const recovery = await client.query("SELECT pg_is_in_recovery() AS standby");
  if (recovery.rows[0].standby) return void 0;
  const exported = await client.query("SELECT pg_export_snapshot() AS id");
  const database = databaseAt(
    settings.databaseUrl,
    "read-only",
    (settings.names ?? NEUTRAL_DATABASE_NAMES).databaseUrl
  );
  return (work) => withReadOnlySnapshot(database, { ...settings, snapshot: exported.rows[0].id }, work);
}
function sizeHint(rows) {
  return rows === void 0 || !Number.isFinite(rows) ? void 0 : Math.min(rows, 2 ** 26);
}
async function planAndResolve(client, attempt, settings, counts = true) {
  attempt.step = "checking the snapshot query";
  const plan = await planSnapshotQuery(client, settings.source, settings.names);
  attempt.step = "listing the as_of values";
  const asOf = await resolveAsOf(
    client,
    plan,
    settings.referenceAsOf,
    settings.currentAsOf,
    settings.names,
    counts
  );
  return { plan, asOf };
}
async function listPostgresSnapshots(databaseUrl, source, statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS, connectRetries, names) {
  const options = { statementTimeoutMs, connectRetries, names };
  return inReadOnlySnapshot(databaseUrl, options, async (client, attempt) => {
    attempt.step = "checking the snapshot query";
    const plan = await planSnapshotQuery(client, source, names);
    attempt.step = "listing the as_of values";
    return listAsOf(client, plan, names);
  });
}
async function countPostgresSnapshots(settings, include, force, summarize) {
  return inReadOnlySnapshot(settings.databaseUrl, settings, async (client, attempt) => {
    const { plan, asOf } = await planAndResolve(client, attempt, settings);
    attempt.step = `counting the values of the snapshots as_of ${asOf.reference} and ${asOf.current}`;
    const onRows = () => {
      attempt.rowsRead = true;
    };
    const source = settings.source;
    const layout = source.kind === "table" && (force === void 0 || force === "per-partition") ? await partitionLayout(client, source.table) : void 0;
    let counts;
    if (source.kind === "table" && layout !== void 0 && layout.leaves.length > 0) {
      const exported = await client.query("SELECT pg_export_snapshot() AS id");
      const columns = (await describeSnapshot(client, plan, asOf.current)).map((column) => column.name);
      const database = databaseAt(
        settings.databaseUrl,
        "read-only",
        (settings.names ?? NEUTRAL_DATABASE_NAMES).databaseUrl
      );
      const open = (work) => withReadOnlySnapshot(
        database,
        { ...settings, snapshot: exported.rows[0].id },
        (partition) => work(partition)
      );
      const leaves = layout.leaves.map((leaf) => partitionPlan(plan, columns, source.asOfColumn, leaf));
      const keyColumns = layout.keyIsColumns ? layout.keyColumns.filter((name) => name !== source.asOfColumn) : void 0;
      counts = await countPartitionedValues(
        client,
        plan,
        asOf,
        { leaves, keyColumns },
        open,
        include,
        onRows
      );
    } else {
      const strategy = force === "per-partition" ? void 0 : force;
      const open = summarize ? await snapshotSessions(client, settings) : void 0;
      counts = await countSnapshotValues(client, plan, asOf, include, strategy, onRows, summarize, open);
    }
    const counted = new Set([...counts.columns, ...counts.summarized].map((column) => column.name));
    const unloaded = counts.allColumns.filter((name) => !counted.has(name));
    const side2 = (which) => ({
      source: `postgres:${plan.label}@${asOf[which]}`,
      rows: counts[which].rows,
      counted: counts.columns.map(({ name, storage, [which]: sideCounts }) => ({
        name,
        storage,
        counts: sideCounts
      })),
      unloaded
    });
    const facts = (which) => ({
      duplicatedRows: counts[which].duplicatedRows,
      emptyRows: counts[which].emptyRows
    });
    return {
      reference: side2("reference"),
      current: side2("current"),
      rowFacts: { reference: facts("reference"), current: facts("current") },
      referenceAsOf: asOf.reference,
      currentAsOf: asOf.current,
      strategy: counts.strategy,
      summarized: counts.summarized,
      columnOrder: counts.allColumns.filter((name) => counted.has(name))
    };
  });
}

export {
  PARTITION_CONNECTIONS,
  readPostgresSnapshots,
  listPostgresSnapshots,
  countPostgresSnapshots
};
