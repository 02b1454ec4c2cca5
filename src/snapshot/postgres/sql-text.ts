/**
 * SQL text helpers: identifier quoting, qualified table names and the one place that rewrites the `$1`
 * placeholder of a user query.
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
 * Parses `--table` values: `features`, `analytics.features`, or quoted parts (`"My Schema"."Features"`).
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

/**
 * Finds the positions of `$n` placeholders in SQL text, skipping string literals (`'..'`, `E'..'`), quoted
 * identifiers, dollar-quoted strings, and `--` / nested block comments, so a `$1` inside a literal is left alone.
 */
function findPlaceholders(sql: string): { start: number; end: number; index: number }[] {
  const found: { start: number; end: number; index: number }[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'") {
      // E'...' strings allow backslash escapes; standard strings only double the quote.
      const escapes = i > 0 && (sql[i - 1] === 'E' || sql[i - 1] === 'e');
      i++;
      while (i < n) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === "'") {
          if (sql[i + 1] === "'") i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (c === '"') {
      i++;
      while (i < n && !(sql[i] === '"' && sql[i + 1] !== '"')) i += sql[i] === '"' ? 2 : 1;
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === '$') {
      const digits = /^\$(\d+)/.exec(sql.slice(i, i + 12));
      const tag = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.exec(sql.slice(i, i + 66));
      // `$1` right after an identifier character is part of a name (e.g. col$1), not a placeholder.
      const glued = i > 0 && /[A-Za-z_0-9$]/.test(sql[i - 1]!);
      if (digits && !glued) {
        found.push({ start: i, end: i + digits[0].length, index: Number(digits[1]) });
        i += digits[0].length;
      } else if (tag && !glued) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? n : close + tag[0].length;
      } else i++;
    } else i++;
  }
  return found;
}

/**
 * Rewrites every `$1` of a snapshot query with `replacement` (e.g. `$2`, or a `current_setting` expression).
 *
 * @throws {UserError} if the query uses a placeholder other than `$1`
 */
export function replaceAsOfPlaceholder(flag: string, sql: string, replacement: string): string {
  const placeholders = findPlaceholders(sql);
  const other = placeholders.find((p) => p.index !== 1);
  if (other)
    throw new UserError('USAGE', `${flag}: only $1 (the as_of value) may be used, found $${other.index}`);
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
  return findPlaceholders(sql).some((p) => p.index === 1);
}

/** Removes trailing semicolons and whitespace so a query can be wrapped as a subquery. */
export function stripTrailingSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}
