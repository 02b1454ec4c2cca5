import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/snapshot/postgres/sql-text.ts
function quoteIdent(name) {
  if (name.length === 0) throw new UserError("USAGE", "an empty SQL identifier is not allowed");
  if (name.includes("\0")) throw new UserError("USAGE", `identifier '${name}' contains a NUL byte`);
  return `"${name.replaceAll('"', '""')}"`;
}
function parseTableName(flag, text) {
  const parts = [];
  let i = 0;
  while (i <= text.length) {
    let part = "";
    if (text[i] === '"') {
      i++;
      for (; ; ) {
        if (i >= text.length) throw new UserError("USAGE", `${flag}: unbalanced quote in '${text}'`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            part += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        part += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ".") part += text[i++];
    }
    if (part.length === 0)
      throw new UserError("USAGE", `${flag}: '${text}' is not a table name (expected table or schema.table)`);
    parts.push(part);
    if (i >= text.length) break;
    if (text[i] !== ".") throw new UserError("USAGE", `${flag}: unexpected '${text[i]}' in '${text}'`);
    i++;
  }
  if (parts.length > 2)
    throw new UserError(
      "USAGE",
      `${flag}: '${text}' has more than two parts (expected table or schema.table)`
    );
  return parts.length === 2 ? { schema: parts[0], table: parts[1] } : { table: parts[0] };
}
function quoteTable(name) {
  return name.schema === void 0 ? quoteIdent(name.table) : `${quoteIdent(name.schema)}.${quoteIdent(name.table)}`;
}
function displayTable(name) {
  return name.schema === void 0 ? name.table : `${name.schema}.${name.table}`;
}
var WORD_START = /[A-Za-z_\u0080-\uffff]/;
var WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
var DIGIT = /[0-9]/;
function positionOf(sql, offset) {
  const before = sql.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}
function tokenizeSql(flag, sql) {
  const tokens = [];
  const n = sql.length;
  const unterminated = (what, start) => new UserError("USAGE", `${flag}: unterminated ${what} starting at ${positionOf(sql, start)}`);
  let i = 0;
  while (i < n) {
    const c = sql[i];
    const start = i;
    if (c === " " || c === "	" || c === "\n" || c === "\r" || c === "\f" || c === "\v") {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < n && sql[i] !== "\n" && sql[i] !== "\r") i++;
    } else if (c === "/" && sql[i + 1] === "*") {
      let depth = 1;
      i += 2;
      while (depth > 0) {
        if (i >= n) throw unterminated("comment", start);
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'") {
      const previous = tokens.at(-1);
      const prefixed = previous?.kind === "word" && previous.end === i && previous.value === "E";
      i++;
      for (; ; ) {
        if (i >= n) throw unterminated("string constant", start);
        if (prefixed && sql[i] === "\\") i += 2;
        else if (sql[i] === "'") {
          if (sql[i + 1] !== "'") break;
          i += 2;
        } else i++;
      }
      i++;
      if (prefixed) tokens.pop();
      const from = prefixed ? previous.start : start;
      tokens.push({ kind: "string", start: from, end: i, value: sql.slice(from, i) });
    } else if (c === '"') {
      i++;
      for (; ; ) {
        if (i >= n) throw unterminated("quoted identifier", start);
        if (sql[i] === '"') {
          if (sql[i + 1] !== '"') break;
          i += 2;
        } else i++;
      }
      i++;
      tokens.push({ kind: "identifier", start, end: i, value: sql.slice(start, i) });
    } else if (c === "$") {
      const digits = /^\$(\d+)/.exec(sql.slice(i, i + 12));
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 66));
      if (digits) {
        i += digits[0].length;
        tokens.push({ kind: "parameter", start, end: i, value: digits[1] });
      } else if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        if (close < 0) throw unterminated("dollar-quoted string", start);
        i = close + tag[0].length;
        tokens.push({ kind: "string", start, end: i, value: sql.slice(start, i) });
      } else {
        i++;
        tokens.push({ kind: "other", start, end: i, value: c });
      }
    } else if (WORD_START.test(c)) {
      while (i < n && WORD_PART.test(sql[i])) i++;
      tokens.push({ kind: "word", start, end: i, value: sql.slice(start, i).toUpperCase() });
    } else if (DIGIT.test(c) || c === "." && DIGIT.test(sql[i + 1] ?? "")) {
      while (i < n && /[0-9A-Za-z_.]/.test(sql[i])) {
        i += /[eE]/.test(sql[i]) && /[+-]/.test(sql[i + 1] ?? "") ? 2 : 1;
      }
      tokens.push({ kind: "other", start, end: i, value: sql.slice(start, i) });
    } else {
      i++;
      const punctuation = c === "(" || c === ")" || c === "," || c === ";";
      tokens.push({ kind: punctuation ? "punctuation" : "other", start, end: i, value: c });
    }
  }
  return tokens;
}
function replaceAsOfPlaceholder(flag, sql, replacement) {
  const placeholders = tokenizeSql(flag, sql).filter((token) => token.kind === "parameter");
  const other = placeholders.find((p) => p.value !== "1");
  if (other)
    throw new UserError("USAGE", `${flag}: only $1 (the as_of value) may be used, found $${other.value}`);
  let out = "";
  let last = 0;
  for (const p of placeholders) {
    out += sql.slice(last, p.start) + replacement;
    last = p.end;
  }
  return out + sql.slice(last);
}
function usesAsOfPlaceholder(sql) {
  return tokenizeSql("query", sql).some((token) => token.kind === "parameter" && token.value === "1");
}
var READING_STATEMENTS = /* @__PURE__ */ new Set(["SELECT", "TABLE", "VALUES"]);
function checkSnapshotQuery(flag, sql) {
  const tokens = tokenizeSql(flag, sql);
  let end = tokens.length;
  while (end > 0 && tokens[end - 1].value === ";") end--;
  if (end === 0) throw new UserError("USAGE", `${flag}: the query is empty`);
  const at = (token) => positionOf(sql, token.start);
  const refuse = (message) => {
    throw new UserError("USAGE", `${flag}: ${message}`);
  };
  const closing = /* @__PURE__ */ new Map();
  const open = [];
  for (let t = 0; t < end; t++) {
    const token = tokens[t];
    if (token.kind !== "punctuation") continue;
    if (token.value === ";")
      refuse(`only one statement is allowed, found ';' at ${at(token)} followed by more SQL`);
    else if (token.value === "(") open.push(t);
    else if (token.value === ")") {
      const opening = open.pop();
      if (opening === void 0) refuse(`unbalanced ')' at ${at(token)}`);
      else closing.set(opening, t);
    }
  }
  if (open.length > 0) refuse(`unclosed '(' at ${at(tokens[open.at(-1)])}`);
  const word = (t) => tokens[t]?.kind === "word" ? tokens[t].value : void 0;
  const isPunctuation = (t, value) => tokens[t]?.kind === "punctuation" && tokens[t].value === value;
  const describe = (t) => t < end ? `'${sql.slice(tokens[t].start, tokens[t].end)}'` : "nothing";
  const statement = (t, what) => {
    while (isPunctuation(t, "(")) t++;
    if (word(t) === "WITH") return statement(withList(t + 1), what);
    if (READING_STATEMENTS.has(word(t) ?? "")) return;
    refuse(
      `${what} must be a single SELECT, WITH ... SELECT, TABLE or VALUES statement that only reads, found ${describe(t)}` + (t < end ? ` at ${at(tokens[t])}` : "")
    );
  };
  const withList = (t) => {
    if (word(t) === "RECURSIVE") t++;
    for (; ; ) {
      t++;
      if (isPunctuation(t, "(")) t = closing.get(t) + 1;
      if (word(t) !== "AS") return t;
      t++;
      if (word(t) === "NOT") t++;
      if (word(t) === "MATERIALIZED") t++;
      if (!isPunctuation(t, "(")) return t;
      statement(t + 1, `the WITH query at ${at(tokens[t])}`);
      t = closing.get(t) + 1;
      const last = word(t) === "SEARCH" ? "SET" : word(t) === "CYCLE" ? "USING" : void 0;
      if (last !== void 0) {
        while (t < end && word(t) !== last) t++;
        t += 2;
      }
      if (!isPunctuation(t, ",")) return t;
      t++;
    }
  };
  statement(0, "the snapshot query");
  const into = tokens.slice(0, end).find((token) => token.kind === "word" && token.value === "INTO");
  if (into) refuse(`SELECT ... INTO (at ${at(into)}) writes a table; the snapshot query must only read`);
  return sql.slice(0, tokens[end - 1].end);
}

// src/snapshot/postgres/target.ts
var DEFAULT_STATEMENT_TIMEOUT_MS = 6e5;
var CONNECT_TIMEOUT_MS = 1e4;
var DEFAULT_CONNECT_RETRIES = 1;
var RETRY_DELAY_MS = 500;
function parseDatabaseUrl(flag, url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError("USAGE", `${flag}: not a valid URL (expected postgresql://user@host:5432/database)`);
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new UserError(
      "USAGE",
      `${flag}: scheme '${parsed.protocol.replace(/:$/, "")}' is not postgres or postgresql`
    );
  }
  const socketHost = parsed.searchParams.get("host");
  return {
    host: decodeURIComponent(parsed.hostname) || socketHost || "localhost",
    port: parsed.port === "" ? 5432 : Number(parsed.port),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres",
    user: decodeURIComponent(parsed.username) || "postgres"
  };
}
function describeTarget(target) {
  return `${target.host}:${target.port}/${target.database}`;
}

export {
  quoteIdent,
  parseTableName,
  quoteTable,
  displayTable,
  replaceAsOfPlaceholder,
  usesAsOfPlaceholder,
  checkSnapshotQuery,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  CONNECT_TIMEOUT_MS,
  DEFAULT_CONNECT_RETRIES,
  RETRY_DELAY_MS,
  parseDatabaseUrl,
  describeTarget
};
