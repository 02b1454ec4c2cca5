// COPY TO STDOUT and Describe through the extended query protocol: the framing of the copy at every chunk
// boundary (a scripted socket), then the real server: one statement per Parse, errors mid-copy, a failing sink.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOut, describeStatement } from '../../../src/snapshot/postgres/extended-query.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema } from './support.js';

/** One backend message: type byte, int32 length (counting itself), body. */
function message(type: string, body: Buffer | string = Buffer.alloc(0)): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(bytes.length + 4, 1);
  return Buffer.concat([header, bytes]);
}

const ROWS = ['1\ta\n', '22\t\\N\n', `333\t${'x'.repeat(300)}\n`];
const COPY_OUT_RESPONSE = message('H', Buffer.from([0, 0, 2, 0, 0, 0, 0]));
const NOTICE = message('N', 'SNOTICE\0Mhello\0\0');
/** ParseComplete, BindComplete, CopyOutResponse: what precedes the rows. */
const HEAD = Buffer.concat([message('1'), message('2'), COPY_OUT_RESPONSE]);
const STREAM = Buffer.concat([
  HEAD,
  message('d', ROWS[0]),
  NOTICE,
  message('d', ROWS[1]),
  message('S', 'application_name\0x\0'),
  message('d', ROWS[2]),
  message('c'),
]);
const AFTER = Buffer.concat([message('C', 'COPY 3\0'), message('Z', 'T')]);
const ERROR = message('E', 'SERROR\0C22012\0Mdivision by zero\0\0');

/** A client whose socket the test scripts: what pg's parser would have read is collected in `handedBack`. */
function scriptedClient() {
  const stream = new EventEmitter();
  const sent: string[] = [];
  const handedBack: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => handedBack.push(chunk));
  const connection = Object.assign(new EventEmitter(), {
    stream,
    parse: (m: { text: string }) => sent.push(`parse ${m.text}`),
    bind: () => sent.push('bind'),
    execute: () => sent.push('execute'),
    sync: () => sent.push('sync'),
  });
  let statement: { submit(c: unknown): unknown; handleCommandComplete(m: unknown): void } & Record<
    string,
    (...args: unknown[]) => void
  >;
  const client = {
    query(submitted: typeof statement) {
      statement = submitted;
      submitted.submit(connection);
      return submitted;
    },
  };
  return { client: client as unknown as pg.ClientBase, stream, sent, handedBack, statement: () => statement };
}

/** Emits `bytes` on the socket split at the given offsets. */
function emitSplit(stream: EventEmitter, bytes: Buffer, cuts: number[]): void {
  let last = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > last) stream.emit('data', bytes.subarray(last, cut));
    last = cut;
  }
}

describe('copyOut framing', () => {
  it('sends Parse/Bind/Execute/Sync and yields exactly the COPY text, split anywhere', async () => {
    const whole = Buffer.concat([STREAM, AFTER]);
    let splits = 0;
    for (let a = 0; a <= whole.length; a++) {
      for (let b = a; b <= whole.length; b += a < 60 ? 1 : 7) {
        const scripted = scriptedClient();
        const received: Buffer[] = [];
        const done = copyOut(scripted.client, 'COPY (SELECT 1) TO STDOUT', (chunk) =>
          received.push(Buffer.from(chunk)),
        );
        expect(scripted.sent).toEqual(['parse COPY (SELECT 1) TO STDOUT', 'bind', 'execute', 'sync']);
        emitSplit(scripted.stream, whole, [a, b]);
        expect(Buffer.concat(received).toString(), `cuts ${a} ${b}`).toBe(ROWS.join(''));
        expect(Buffer.concat(scripted.handedBack).equals(AFTER), `cuts ${a} ${b}`).toBe(true);
        scripted.statement().handleCommandComplete({ text: 'COPY 3' });
        scripted.statement().handleReadyForQuery!();
        expect(await done).toBe(3);
        splits++;
      }
    }
    expect(splits).toBeGreaterThan(10_000);
  });

  it('hands an ErrorResponse to pg from its first byte, wherever the chunk ends', async () => {
    const whole = Buffer.concat([HEAD, message('d', ROWS[0]), ERROR]);
    const errorAt = whole.length - ERROR.length;
    for (let a = 0; a <= whole.length; a++) {
      const scripted = scriptedClient();
      const received: Buffer[] = [];
      const done = copyOut(scripted.client, 'COPY (SELECT 1) TO STDOUT', (chunk) =>
        received.push(Buffer.from(chunk)),
      );
      emitSplit(scripted.stream, whole, [a]);
      expect(Buffer.concat(received).toString()).toBe(ROWS[0]);
      // Bytes pg's parser saw: the error message only (a chunk may have ended inside its header).
      expect(Buffer.concat(scripted.handedBack).equals(whole.subarray(errorAt)), `cut ${a}`).toBe(true);
      scripted.statement().handleError!(new Error('division by zero'));
      await expect(done).rejects.toThrow('division by zero');
    }
  });
});

const available = await databaseAvailable();
const schema = uniqueSchema('xq');

describe.skipIf(!available)('extended protocol on the real server', () => {
  let client: pg.Client;
  beforeAll(async () => {
    await sql(`CREATE SCHEMA ${schema}`, `CREATE TABLE ${schema}.w (a int)`);
    client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('streams a large COPY whole (many socket chunks)', async () => {
    let text = '';
    const rows = await copyOut(
      client,
      `COPY (SELECT g, repeat('é', g % 50), CASE WHEN g % 7 = 0 THEN NULL ELSE g * 0.5 END FROM generate_series(1, 100000) g) TO STDOUT`,
      (chunk) => {
        text += chunk.toString('latin1');
      },
    );
    expect(rows).toBe(100_000);
    const lines = Buffer.from(text, 'latin1').toString('utf8').split('\n');
    expect(lines).toHaveLength(100_001);
    expect(lines[6]).toBe(`7\t${'é'.repeat(7)}\t\\N`);
    expect(lines[99_999]).toBe('100000\t\t50000.0');
  });

  it('refuses a second command in the same Parse and runs nothing', async () => {
    const stacked = [
      `COPY (SELECT 1) TO STDOUT; INSERT INTO ${schema}.w VALUES (1)`,
      `COPY (SELECT 1) TO STDOUT; COMMIT; DROP TABLE ${schema}.w`,
    ];
    for (const text of stacked) {
      await expect(copyOut(client, text, () => undefined)).rejects.toMatchObject({
        code: '42601',
        message: 'cannot insert multiple commands into a prepared statement',
      });
      await expect(describeStatement(client, text)).rejects.toMatchObject({ code: '42601' });
    }
    const [rows] = await sql(`SELECT count(*)::int AS n FROM ${schema}.w`);
    expect(rows!.rows[0].n).toBe(0);
  });

  it('reports an error in the middle of a copy, and the connection stays usable', async () => {
    let received = 0;
    await expect(
      copyOut(client, 'COPY (SELECT 1 / (g - 50000) FROM generate_series(1, 60000) g) TO STDOUT', (chunk) => {
        received += chunk.length;
      }),
    ).rejects.toMatchObject({ code: '22012' });
    expect(received).toBeGreaterThan(0);
    expect((await client.query('SELECT 41 + 1 AS n')).rows[0].n).toBe(42);
  });

  it('drains the copy after the sink fails, then fails with the sink error', async () => {
    let calls = 0;
    await expect(
      copyOut(client, 'COPY (SELECT g FROM generate_series(1, 100000) g) TO STDOUT', () => {
        calls++;
        throw new Error('sink broke');
      }),
    ).rejects.toThrow('sink broke');
    expect(calls).toBe(1);
    expect((await client.query('SELECT 1 AS n')).rows[0].n).toBe(1);
  });

  it('describes a statement without running it: inferred parameter types and result columns', async () => {
    const described = await describeStatement(
      client,
      `SELECT a, a::text AS t FROM ${schema}.w WHERE a = $1 AND now()::date > $2`,
    );
    expect(described.parameterTypes).toEqual([23, 1082]); // int4, date
    expect(described.fields.map((field) => [field.name, field.dataTypeID])).toEqual([
      ['a', 23],
      ['t', 25],
    ]);
    await expect(describeStatement(client, 'SELECT nope FROM nowhere')).rejects.toMatchObject({
      code: '42P01',
    });
    expect((await client.query('SELECT 2 AS n')).rows[0].n).toBe(2);
  });
});
