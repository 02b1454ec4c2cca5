/**
 * One yardstick run for `npm run bench -- compare --duckdb`: DuckDB (the `@duckdb/node-api` package, installed by
 * hand: it is not a dependency) reads every column of each file given, on two threads, and prints the milliseconds
 * as JSON: `sniffed`, as a user's `read_csv(path)` reads it (DuckDB sniffs the dialect and the types first), and
 * `typed`, with the types it sniffed given up front (`auto_detect = false`, the sniffing done before the clock
 * starts), which is its parser alone. Every column is read by `min(COLUMNS(*))`, so no column is skipped by
 * projection. The instance is created before either clock starts.
 *
 *   node --import tsx bench/duckdb-read.ts FILE...
 */

/** What this script uses of `@duckdb/node-api`, which is not a dependency (so the type checker never needs it). */
interface DuckDB {
  readonly DuckDBInstance: {
    create(path: string, options: Record<string, string>): Promise<{ connect(): Promise<Connection> }>;
  };
}
interface Connection {
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
}

/** The package's name in a variable: a bare specifier in `import()` would be resolved by the type checker. */
const DUCKDB_PACKAGE: string = '@duckdb/node-api';

const { DuckDBInstance } = (await import(DUCKDB_PACKAGE)) as DuckDB;
const files = process.argv.slice(2);
const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();

let sniffed = 0;
for (const file of files) {
  const started = performance.now();
  await connection.runAndReadAll(`SELECT count(*), min(COLUMNS(*)) FROM read_csv(${quoted(file)})`);
  sniffed += performance.now() - started;
}

let typed = 0;
for (const file of files) {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${quoted(file)})`);
  const columns = described
    .getRows()
    .map(([name, type]) => `${quoted(String(name))}: ${quoted(String(type))}`)
    .join(', ');
  const started = performance.now();
  await connection.runAndReadAll(
    `SELECT count(*), min(COLUMNS(*)) FROM read_csv(${quoted(file)}, auto_detect = false, header = true, ` +
      `delim = ',', quote = '"', columns = {${columns}})`,
  );
  typed += performance.now() - started;
}
process.stdout.write(JSON.stringify({ sniffed, typed }));
