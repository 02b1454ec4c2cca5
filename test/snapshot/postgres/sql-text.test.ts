// The --query lexer: it must read SQL text as PostgreSQL does (comments, quoted identifiers, string constants,
// dollar quoting) and refuse, before anything is sent, every query that is not one statement that only reads.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { checkSnapshotQuery, tokenizeSql } from '../../../src/snapshot/postgres/sql-text.js';

function refusal(sql: string): string {
  try {
    checkSnapshotQuery('--query', sql);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('USAGE');
    expect((error as UserError).message).not.toContain('\n');
    return (error as UserError).message;
  }
  throw new Error(`accepted: ${sql}`);
}

const NOT_A_READ =
  /^--query: the snapshot query must be a single SELECT, WITH \.\.\. SELECT, TABLE or VALUES statement that only reads, found /;

describe('tokenizeSql', () => {
  it('skips comments and keeps strings, quoted identifiers and dollar quotes whole', () => {
    const sql = `SELECT 'a;$1''b', E'it\\'s;', "x"";y", $fn$ ; $1 $fn$, $$;$$ -- ; $1\n/* ; /* nested ; */ $1 */ x$1, $1, 1.5e-3`;
    const tokens = tokenizeSql('--query', sql).map((token) => [token.kind, token.value]);
    expect(tokens).toEqual([
      ['word', 'SELECT'],
      ['string', "'a;$1''b'"],
      ['punctuation', ','],
      ['string', "E'it\\'s;'"],
      ['punctuation', ','],
      ['identifier', '"x"";y"'],
      ['punctuation', ','],
      ['string', '$fn$ ; $1 $fn$'],
      ['punctuation', ','],
      ['string', '$$;$$'],
      ['word', 'X$1'],
      ['punctuation', ','],
      ['parameter', '1'],
      ['punctuation', ','],
      ['other', '1.5e-3'],
    ]);
  });

  it('reads backslashes in a plain string as characters (standard_conforming_strings), in E strings as escapes', () => {
    // 'a\' is a whole string; the `;` after it is outside any string.
    expect(tokenizeSql('--query', `SELECT 'a\\'; x`).map((token) => token.value)).toEqual([
      'SELECT',
      "'a\\'",
      ';',
      'X',
    ]);
    // A word that merely ends in E is not an E'' prefix.
    expect(tokenizeSql('--query', `SELECT some'\\';x`).map((token) => token.kind)).toEqual([
      'word',
      'word',
      'string',
      'punctuation',
      'word',
    ]);
  });

  it('refuses unterminated comments, strings and quoted identifiers, with their position', () => {
    expect(() => tokenizeSql('--query', 'SELECT 1 /* /* */')).toThrow(
      /^--query: unterminated comment starting at line 1, column 10$/,
    );
    expect(() => tokenizeSql('--query', "SELECT\n  'abc")).toThrow(
      /^--query: unterminated string constant starting at line 2, column 3$/,
    );
    expect(() => tokenizeSql('--query', "SELECT E'abc\\'")).toThrow(/unterminated string constant/);
    expect(() => tokenizeSql('--query', 'SELECT "abc')).toThrow(/unterminated quoted identifier/);
    expect(() => tokenizeSql('--query', 'SELECT $a$ x $b$')).toThrow(/unterminated dollar-quoted string/);
  });
});

describe('checkSnapshotQuery', () => {
  it('accepts one reading statement and strips trailing semicolons and comments', () => {
    expect(checkSnapshotQuery('--query', 'SELECT * FROM t WHERE as_of = $1 ;; -- done\n')).toBe(
      'SELECT * FROM t WHERE as_of = $1',
    );
    for (const sql of [
      'select a FROM t WHERE as_of = $1',
      'TABLE t',
      'VALUES ($1::date)',
      '((SELECT 1) UNION ALL (SELECT 2))',
      'WITH x AS (SELECT * FROM t WHERE as_of = $1) SELECT * FROM x',
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SEARCH DEPTH FIRST BY n SET o, ' +
        's AS NOT MATERIALIZED (VALUES (1)), c AS (SELECT 1 AS a, 2 AS b) CYCLE a, b SET seen USING path SELECT * FROM r, s, c',
      'WITH a AS (WITH b AS (SELECT 1) SELECT * FROM b) SELECT * FROM a',
      'SELECT \'INSERT INTO x; DROP TABLE y\', "into" FROM t /* INSERT; */',
      'SELECT update, delete FROM t', // unreserved keywords as column names
    ])
      expect(() => checkSnapshotQuery('--query', sql), sql).not.toThrow();
  });

  it('refuses a second statement, wherever the semicolon is', () => {
    expect(refusal('SELECT * FROM t WHERE as_of = $1; COMMIT; DROP TABLE y')).toBe(
      "--query: only one statement is allowed, found ';' at line 1, column 33 followed by more SQL",
    );
    expect(refusal('SELECT * FROM t WHERE as_of = $1;\nCOMMIT; INSERT INTO w VALUES (1)')).toMatch(
      /found ';' at line 1, column 33/,
    );
    expect(refusal('SELECT (1; DROP TABLE y)')).toMatch(/only one statement/);
  });

  it('refuses statements that are not reads, naming the keyword', () => {
    for (const [sql, found] of [
      ['INSERT INTO w VALUES (1) RETURNING *', 'INSERT'],
      ['COMMIT', 'COMMIT'],
      ['ROLLBACK', 'ROLLBACK'],
      ['SET TRANSACTION READ WRITE', 'SET'],
      ['SET default_transaction_read_only = off', 'SET'],
      ['EXPLAIN ANALYZE DELETE FROM t', 'EXPLAIN'],
      ['COPY t TO STDOUT', 'COPY'],
      ['CALL p()', 'CALL'],
      ['DO $$ BEGIN END $$', 'DO'],
      ['  -- x\n  (UPDATE t SET a = 1)', 'UPDATE'],
    ])
      expect(refusal(sql!)).toMatch(new RegExp(`${NOT_A_READ.source}'${found}' at line \\d+, column \\d+$`));
    expect(refusal('WITH x AS (SELECT 1) DELETE FROM t RETURNING *')).toMatch(
      /found 'DELETE' at line 1, column 22$/,
    );
    expect(refusal('-- nothing\n;')).toBe('--query: the query is empty');
  });

  it('refuses data-modifying WITH queries, also nested ones', () => {
    expect(refusal('WITH x AS (INSERT INTO w VALUES (1) RETURNING *) SELECT * FROM x')).toBe(
      "--query: the WITH query at line 1, column 11 must be a single SELECT, WITH ... SELECT, TABLE or VALUES statement that only reads, found 'INSERT' at line 1, column 12",
    );
    expect(
      refusal('WITH a AS MATERIALIZED (SELECT 1), b AS (DELETE FROM w RETURNING *) SELECT * FROM a, b'),
    ).toMatch(/WITH query at line 1, column 41 .* found 'DELETE'/);
    expect(
      refusal('WITH a AS (WITH b AS (UPDATE w SET a = 1 RETURNING *) SELECT * FROM b) SELECT 1'),
    ).toMatch(/found 'UPDATE'/);
    expect(refusal('WITH m AS (MERGE INTO w USING t ON true WHEN MATCHED THEN DELETE) SELECT 1')).toMatch(
      /found 'MERGE'/,
    );
  });

  it('refuses SELECT ... INTO and unbalanced parentheses (a query closing the COPY around it)', () => {
    expect(refusal('SELECT * INTO copy_of_t FROM t')).toBe(
      '--query: SELECT ... INTO (at line 1, column 10) writes a table; the snapshot query must only read',
    );
    expect(refusal("SELECT * FROM t WHERE as_of = $1) TO '/tmp/x' --")).toBe(
      "--query: unbalanced ')' at line 1, column 33",
    );
    expect(refusal('SELECT 1) TO STDOUT; INSERT INTO w VALUES (1); COPY (SELECT 1')).toMatch(
      /unbalanced '\)' at line 1, column 9|only one statement/,
    );
    expect(refusal('SELECT (1')).toBe("--query: unclosed '(' at line 1, column 8");
  });
});
