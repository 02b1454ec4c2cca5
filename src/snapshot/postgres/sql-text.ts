/**
 * SQL text helpers: identifier quoting, qualified table names, and the one lexer of user SQL (the snapshot query): it
 * finds the `$1` placeholder and checks, before anything is sent, that the query is one statement that reads.
 *
 * Values are never spliced into SQL. The one exception Postgres forces on us is `COPY (query) TO STDOUT`, a
 * utility statement that accepts no bind parameters; there the as-of value is bound with
 * `set_config('driftwatch.as_of', $1, true)` and the query reads it back with `current_setting(...)`, so the
 * value still travels as a parameter and never as SQL text.
 */
import { UserError } from '../../errors.js';

/** Quotes an identifier the way `quote_ident` would, always (so case and special characters are kept). */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new UserError('USAGE', 'an empty SQL identifier is not allowed');
  if (name.includes('\0')) throw new UserError('USAGE', `identifier '${name}' contains a NUL byte`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** A table name as given on the command line: `table` or `schema.table` (names are case-sensitive). */
export interface TableName {
  readonly schema?: string;
  readonly table: string;
}

/**
 * Parses table names as a user writes them: `features`, `analytics.features`, or quoted parts (`"My Schema"."Features"`).
 *
 * @throws {UserError} on an empty part or an unbalanced quote
 */
export function parseTableName(flag: string, text: string): TableName {
  const parts: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let part = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new UserError('USAGE', `${flag}: unbalanced quote in '${text}'`);
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
      while (i < text.length && text[i] !== '.') part += text[i++];
    }
    if (part.length === 0)
      throw new UserError('USAGE', `${flag}: '${text}' is not a table name (expected table or schema.table)`);
    parts.push(part);
    if (i >= text.length) break;
    if (text[i] !== '.') throw new UserError('USAGE', `${flag}: unexpected '${text[i]}' in '${text}'`);
    i++;
  }
  if (parts.length > 2)
    throw new UserError(
      'USAGE',
      `${flag}: '${text}' has more than two parts (expected table or schema.table)`,
    );
  return parts.length === 2 ? { schema: parts[0]!, table: parts[1]! } : { table: parts[0]! };
}

/** `"schema"."table"` or `"table"`. */
export function quoteTable(name: TableName): string {
  return name.schema === undefined
    ? quoteIdent(name.table)
    : `${quoteIdent(name.schema)}.${quoteIdent(name.table)}`;
}

/** `schema.table` for messages. */
export function displayTable(name: TableName): string {
  return name.schema === undefined ? name.table : `${name.schema}.${name.table}`;
}

/** A token of SQL text; whitespace and comments are skipped. */
export interface SqlToken {
  /**
   * `word`: a keyword or an unquoted identifier; `identifier`: a quoted identifier; `string`: a string constant
   * (standard, E'', B'', X'', U&'' or dollar-quoted); `parameter`: `$n`; `punctuation`: `(`, `)`, `,` or `;`;
   * `other`: numbers and operator characters.
   */
  readonly kind: 'word' | 'identifier' | 'string' | 'parameter' | 'punctuation' | 'other';
  readonly start: number;
  readonly end: number;
  /** `word`: upper-cased; otherwise the text itself. */
  readonly value: string;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DIGIT = /[0-9]/;

/** `line L, column C` (1-based) of an offset, for messages. */
function positionOf(sql: string, offset: number): string {
  const before = sql.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Splits SQL into tokens the way PostgreSQL's lexer does for the parts that matter here: `--` comments, nested
 * block comments, quoted identifiers (`""` inside), string constants (`''` inside; backslash escapes only in
 * `E'...'`) and dollar-quoted strings (`$$...$$`, `$tag$...$tag$`). It assumes `standard_conforming_strings` is
 * on, which driftwatch sets on every connection, so the server reads the text exactly as this lexer does.
 *
 * @throws {UserError} naming `flag` and the position of an unterminated comment, string or quoted identifier
 */
export function tokenizeSql(flag: string, sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  const n = sql.length;
  const unterminated = (what: string, start: number): UserError =>
    new UserError('USAGE', `${flag}: unterminated ${what} starting at ${positionOf(sql, start)}`);
  let i = 0;
  while (i < n) {
    const c = sql[i]!;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n' && sql[i] !== '\r') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (depth > 0) {
        if (i >= n) throw unterminated('comment', start);
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'") {
      // E'...' (the E glued to the quote, and a word of its own) allows backslash escapes.
      const previous = tokens.at(-1);
      const prefixed = previous?.kind === 'word' && previous.end === i && previous.value === 'E';
      i++;
      for (;;) {
        if (i >= n) throw unterminated('string constant', start);
        if (prefixed && sql[i] === '\\') i += 2;
        else if (sql[i] === "'") {
          if (sql[i + 1] !== "'") break;
          i += 2;
        } else i++;
      }
      i++;
      if (prefixed) tokens.pop();
      const from = prefixed ? previous.start : start;
      tokens.push({ kind: 'string', start: from, end: i, value: sql.slice(from, i) });
    } else if (c === '"') {
      i++;
      for (;;) {
        if (i >= n) throw unterminated('quoted identifier', start);
        if (sql[i] === '"') {
          if (sql[i + 1] !== '"') break;
          i += 2;
        } else i++;
      }
      i++;
      tokens.push({ kind: 'identifier', start, end: i, value: sql.slice(start, i) });
    } else if (c === '$') {
      const digits = /^\$(\d+)/.exec(sql.slice(i, i + 12));
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 66));
      if (digits) {
        i += digits[0].length;
        tokens.push({ kind: 'parameter', start, end: i, value: digits[1]! });
      } else if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        if (close < 0) throw unterminated('dollar-quoted string', start);
        i = close + tag[0].length;
        tokens.push({ kind: 'string', start, end: i, value: sql.slice(start, i) });
      } else {
        i++;
        tokens.push({ kind: 'other', start, end: i, value: c });
      }
    } else if (WORD_START.test(c)) {
      // `$` inside a word is part of the name (col$1 is an identifier, not a placeholder).
      while (i < n && WORD_PART.test(sql[i]!)) i++;
      tokens.push({ kind: 'word', start, end: i, value: sql.slice(start, i).toUpperCase() });
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(sql[i + 1] ?? ''))) {
      while (i < n && /[0-9A-Za-z_.]/.test(sql[i]!)) {
        i += /[eE]/.test(sql[i]!) && /[+-]/.test(sql[i + 1] ?? '') ? 2 : 1;
      }
      tokens.push({ kind: 'other', start, end: i, value: sql.slice(start, i) });
    } else {
      i++;
      const punctuation = c === '(' || c === ')' || c === ',' || c === ';';
      tokens.push({ kind: punctuation ? 'punctuation' : 'other', start, end: i, value: c });
    }
  }
  return tokens;
}

/**
 * Rewrites every `$1` of a snapshot query with `replacement` (e.g. `$2`, or a `current_setting` expression).
 * A `$1` inside a string, a quoted identifier or a comment is left alone.
 *
 * @throws {UserError} if the query uses a placeholder other than `$1`
 */
export function replaceAsOfPlaceholder(flag: string, sql: string, replacement: string): string {
  const placeholders = tokenizeSql(flag, sql).filter((token) => token.kind === 'parameter');
  const other = placeholders.find((p) => p.value !== '1');
  if (other)
    throw new UserError('USAGE', `${flag}: only $1 (the as_of value) may be used, found $${other.value}`);
  let out = '';
  let last = 0;
  for (const p of placeholders) {
    out += sql.slice(last, p.start) + replacement;
    last = p.end;
  }
  return out + sql.slice(last);
}

/** Whether a query references `$1` outside literals and comments. */
export function usesAsOfPlaceholder(sql: string): boolean {
  return tokenizeSql('query', sql).some((token) => token.kind === 'parameter' && token.value === '1');
}

/** Statements a snapshot query may be: they only read. */
const READING_STATEMENTS = new Set(['SELECT', 'TABLE', 'VALUES']);

/**
 * Checks that a user's snapshot query is one statement that only reads, before anything is sent: one `SELECT`,
 * `WITH ... SELECT`, `TABLE` or `VALUES` statement (parenthesised or not), no `;` but trailing ones, balanced
 * parentheses, no data-modifying `WITH` and no `SELECT ... INTO`. Returns the statement without its trailing
 * semicolons and comments, ready to be wrapped as a subquery.
 *
 * This is the first of several fences and the one that gives a clear message; the server enforces the rest (one
 * statement per Parse, the subquery, the read-only transaction and connection). Functions called by the query
 * and locking clauses (`FOR UPDATE`) are left to the read-only transaction, which refuses them.
 *
 * @throws {UserError} naming `flag` and what is not allowed, with its position
 */
export function checkSnapshotQuery(flag: string, sql: string): string {
  const tokens = tokenizeSql(flag, sql);
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.value === ';') end--;
  if (end === 0) throw new UserError('USAGE', `${flag}: the query is empty`);
  const at = (token: SqlToken) => positionOf(sql, token.start);
  const refuse = (message: string): never => {
    throw new UserError('USAGE', `${flag}: ${message}`);
  };
  // Parentheses: each `(` and its `)`, so clauses can be skipped whole.
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let t = 0; t < end; t++) {
    const token = tokens[t]!;
    if (token.kind !== 'punctuation') continue;
    if (token.value === ';')
      refuse(`only one statement is allowed, found ';' at ${at(token)} followed by more SQL`);
    else if (token.value === '(') open.push(t);
    else if (token.value === ')') {
      const opening = open.pop();
      if (opening === undefined) refuse(`unbalanced ')' at ${at(token)}`);
      else closing.set(opening, t);
    }
  }
  if (open.length > 0) refuse(`unclosed '(' at ${at(tokens[open.at(-1)!]!)}`);

  const word = (t: number) => (tokens[t]?.kind === 'word' ? tokens[t].value : undefined);
  const isPunctuation = (t: number, value: string) =>
    tokens[t]?.kind === 'punctuation' && tokens[t].value === value;
  const describe = (t: number) => (t < end ? `'${sql.slice(tokens[t]!.start, tokens[t]!.end)}'` : 'nothing');

  /** Checks the statement starting at token `t` (a WITH query's body, or the query itself); `what` names it. */
  const statement = (t: number, what: string): void => {
    while (isPunctuation(t, '(')) t++;
    if (word(t) === 'WITH') return statement(withList(t + 1), what);
    if (READING_STATEMENTS.has(word(t) ?? '')) return;
    refuse(
      `${what} must be a single SELECT, WITH ... SELECT, TABLE or VALUES statement that only reads, found ${describe(t)}` +
        (t < end ? ` at ${at(tokens[t]!)}` : ''),
    );
  };

  /** Checks the queries of a WITH list (`name [(columns)] AS [[NOT] MATERIALIZED] (query)`, ...); returns the token after it. */
  const withList = (t: number): number => {
    if (word(t) === 'RECURSIVE') t++;
    for (;;) {
      t++; // past the name
      if (isPunctuation(t, '(')) t = closing.get(t)! + 1; // its column names
      if (word(t) !== 'AS') return t;
      t++;
      if (word(t) === 'NOT') t++;
      if (word(t) === 'MATERIALIZED') t++;
      if (!isPunctuation(t, '(')) return t;
      statement(t + 1, `the WITH query at ${at(tokens[t]!)}`);
      t = closing.get(t)! + 1;
      // SEARCH ... BY columns SET column; CYCLE columns SET column [TO value DEFAULT value] USING column.
      const last = word(t) === 'SEARCH' ? 'SET' : word(t) === 'CYCLE' ? 'USING' : undefined;
      if (last !== undefined) {
        while (t < end && word(t) !== last) t++;
        t += 2;
      }
      if (!isPunctuation(t, ',')) return t;
      t++;
    }
  };

  statement(0, 'the snapshot query');
  const into = tokens.slice(0, end).find((token) => token.kind === 'word' && token.value === 'INTO');
  if (into) refuse(`SELECT ... INTO (at ${at(into)}) writes a table; the snapshot query must only read`);
  return sql.slice(0, tokens[end - 1]!.end);
}
