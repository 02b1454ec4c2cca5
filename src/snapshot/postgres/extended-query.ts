/**
 * Two statements that pg's Client does not offer, both sent with the extended query protocol (Parse, Bind,
 * Execute, Sync) so the server parses exactly one statement: a Parse message holding a second command is refused
 * ("cannot insert multiple commands into a prepared statement"), whatever the text contains. The simple query
 * protocol (pg's `client.query(text)` without values, and pg-copy-streams) runs every `;`-separated command.
 *
 * - {@link copyOut}: `COPY (...) TO STDOUT`, its rows handed over as raw COPY text, chunk by chunk.
 * - {@link describeStatement}: Parse and Describe without running anything: the parameter types the server
 *   inferred and the result columns.
 */
import type { EventEmitter } from 'node:events';
import type pg from 'pg';

/** The parts of pg's (internal) Connection these statements use. */
interface WireConnection extends EventEmitter {
  readonly stream: EventEmitter & { cork?: () => void; uncork?: () => void };
  parse(message: { text: string }): void;
  bind(message: Record<string, never>): void;
  execute(message: Record<string, never>): void;
  describe(message: { type: 'S'; name: string }): void;
  sync(): void;
}

/** pg's Submittable as pg's Client drives it: `submit` may return an Error, then `handleError` follows. */
interface Statement extends pg.Submittable {
  handleRowDescription(message: unknown): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: { text?: string }): void;
  handleEmptyQuery(): void;
  handlePortalSuspended(): void;
  handleCopyInResponse(connection: WireConnection): void;
  handleCopyData(): void;
  handleError(error: Error): void;
  handleReadyForQuery(): void;
}

/** Sends messages in one write (as pg does for its own extended queries). */
function corked(connection: WireConnection, send: () => void): void {
  connection.stream.cork?.();
  try {
    send();
  } finally {
    connection.stream.uncork?.();
  }
}

/** Backend message types (first byte of each message). */
const PARSE_COMPLETE = 0x31; // '1'
const BIND_COMPLETE = 0x32; // '2'
const COPY_OUT_RESPONSE = 0x48; // 'H'
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const NOTICE = 0x4e; // 'N'
const PARAMETER_STATUS = 0x53; // 'S'
const NOTIFICATION = 0x41; // 'A'

/**
 * `COPY ... TO STDOUT` through Parse/Bind/Execute/Sync. While the copy runs, this statement reads the socket
 * itself instead of pg's parser (as pg-copy-streams does), so a row costs no object: each socket chunk's
 * CopyData payloads are copied into one buffer, reused from chunk to chunk, and handed to `sink` as they arrive. At CopyDone (or at any
 * message that is not part of the copy, such as an ErrorResponse) the socket goes back to pg's parser with the
 * rest of the chunk, and pg finishes the statement (CommandComplete, ReadyForQuery) or reports the error.
 */
class CopyOut implements Statement {
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;
  private settled = false;
  private socket: EventEmitter | undefined;
  private pgOnData: ((chunk: Buffer) => void) | undefined;
  /** A message header split between two chunks. */
  private readonly header = Buffer.alloc(5);
  private headerLength = 0;
  /** Type and unread body bytes of the current message. */
  private type = 0;
  private bodyLeft = 0;
  private copyDone = false;
  private rows = 0;
  /** An error of `sink`: the rest of the copy is read and dropped, then the statement fails with it. */
  private sinkError: Error | undefined;
  /** Where the payloads of one socket chunk are gathered (valid for `sink` only during its call). */
  private out = Buffer.alloc(0);
  private readonly onSocketData = (chunk: Buffer) => this.read(chunk);

  constructor(
    private readonly text: string,
    private readonly sink: (chunk: Buffer) => void,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: pg.Connection): Error | undefined {
    const wire = connection as unknown as WireConnection;
    const listeners = wire.stream.listeners('data') as ((chunk: Buffer) => void)[];
    if (listeners.length !== 1)
      return new Error(`COPY: expected one reader of the socket, found ${listeners.length}`);
    this.socket = wire.stream;
    this.pgOnData = listeners[0]!;
    this.socket.removeListener('data', this.pgOnData);
    this.socket.on('data', this.onSocketData);
    corked(wire, () => {
      wire.parse({ text: this.text });
      wire.bind({});
      wire.execute({});
      wire.sync();
    });
    return undefined;
  }

  /** Strips the message framing of one socket chunk; hands the socket back to pg at the end of the copy. */
  private read(chunk: Buffer): void {
    const n = chunk.length;
    if (this.out.length < n) this.out = Buffer.allocUnsafe(Math.max(n, 65_536));
    const out = this.out;
    let outLength = 0;
    let pos = 0;
    while (pos < n) {
      if (this.bodyLeft === 0 && this.headerLength === 0) {
        // Whole CopyData messages (one per row) inside the chunk, without the general bookkeeping below.
        let at = pos;
        while (at + 5 <= n && chunk[at] === COPY_DATA) {
          const body =
            ((chunk[at + 1]! << 24) | (chunk[at + 2]! << 16) | (chunk[at + 3]! << 8) | chunk[at + 4]!) - 4;
          const bodyEnd = at + 5 + body;
          if (bodyEnd > n) break;
          if (body <= 64) for (let k = at + 5; k < bodyEnd; k++) out[outLength++] = chunk[k]!;
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
        // A message header: type byte and int32 length (which counts itself).
        let headerStart = pos;
        if (this.headerLength === 0 && n - pos >= 5) {
          this.type = chunk[pos]!;
          this.bodyLeft =
            ((chunk[pos + 1]! << 24) | (chunk[pos + 2]! << 16) | (chunk[pos + 3]! << 8) | chunk[pos + 4]!) -
            4;
          pos += 5;
        } else {
          const take = Math.min(5 - this.headerLength, n - pos);
          chunk.copy(this.header, this.headerLength, pos, pos + take);
          this.headerLength += take;
          pos += take;
          if (this.headerLength < 5) break;
          this.headerLength = 0;
          this.type = this.header[0]!;
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
        if (
          type !== COPY_DATA &&
          type !== COPY_OUT_RESPONSE &&
          type !== PARSE_COMPLETE &&
          type !== BIND_COMPLETE &&
          type !== NOTICE &&
          type !== PARAMETER_STATUS &&
          type !== NOTIFICATION
        ) {
          // ErrorResponse, or anything else: pg's parser reads it, from its header on.
          this.bodyLeft = 0;
          this.deliver(out, outLength);
          this.handBack(
            headerStart >= 0
              ? chunk.subarray(headerStart)
              : Buffer.concat([this.header, chunk.subarray(pos)]),
          );
          return;
        }
        continue;
      }
      const take = Math.min(this.bodyLeft, n - pos);
      if (this.type === COPY_DATA) {
        // The server sends one CopyData message per row: a row of a few bytes is copied faster by hand than
        // through a call into Buffer.copy.
        if (take <= 64) for (let k = 0; k < take; k++) out[outLength + k] = chunk[pos + k]!;
        else chunk.copy(out, outLength, pos, pos + take);
        outLength += take;
      }
      pos += take;
      this.bodyLeft -= take;
    }
    this.deliver(out, outLength);
  }

  private deliver(out: Buffer, length: number): void {
    if (length === 0 || this.sinkError) return;
    try {
      this.sink(out.subarray(0, length));
    } catch (error) {
      this.sinkError = error instanceof Error ? error : new Error(String(error));
    }
  }

  private handBack(rest: Buffer): void {
    if (!this.socket || !this.pgOnData) return;
    this.socket.removeListener('data', this.onSocketData);
    this.socket.on('data', this.pgOnData);
    const pgOnData = this.pgOnData;
    this.socket = undefined;
    this.pgOnData = undefined;
    if (rest.length > 0) pgOnData(rest);
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /^COPY (\d+)/.exec(message.text ?? '');
    if (match) this.rows = Number(match[1]);
  }

  handleReadyForQuery(): void {
    if (this.sinkError) this.fail(this.sinkError);
    else if (!this.copyDone) this.fail(new Error('the server ended the statement without a COPY'));
    else if (!this.settled) {
      this.settled = true;
      this.resolve(this.rows);
    }
  }

  /** An ErrorResponse (pg then forgets the statement), or the connection is gone. */
  handleError(error: Error): void {
    this.handBack(Buffer.alloc(0));
    this.fail(error);
  }

  private fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }

  handleCopyInResponse(connection: WireConnection): void {
    (connection as unknown as { sendCopyFail(message: string): void }).sendCopyFail('not a COPY TO');
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Runs `COPY (...) TO STDOUT` as one extended-protocol statement; `sink` receives the COPY text (whole rows or
 * not) as it arrives, in a buffer that is reused once `sink` returns (copy what must outlive the call). Resolves
 * with the row count of the server's CommandComplete.
 *
 * @throws the server's error (pg's DatabaseError), a lost connection's error, or the first error of `sink`
 */
export async function copyOut(
  client: pg.ClientBase,
  text: string,
  sink: (chunk: Buffer) => void,
): Promise<number> {
  return client.query(new CopyOut(text, sink)).done;
}

/** What the server answers to Describe of a parsed statement. */
export interface StatementDescription {
  /** Type OIDs of `$1`, `$2`, ... as the server inferred them. */
  readonly parameterTypes: readonly number[];
  /** Result columns (name, type OID, type modifier); empty for a statement that returns no rows. */
  readonly fields: readonly { name: string; dataTypeID: number; dataTypeModifier: number }[];
}

/** Parse + Describe (statement) + Sync: nothing is bound or executed. */
class DescribeStatement implements Statement {
  readonly done: Promise<StatementDescription>;
  private resolve!: (description: StatementDescription) => void;
  private reject!: (error: Error) => void;
  private connection: WireConnection | undefined;
  private parameterTypes: number[] = [];
  private fields: StatementDescription['fields'] = [];
  // pg's Client does not route ParameterDescription to the statement; its Connection emits it.
  private readonly onParameters = (message: { dataTypeIDs: number[] }) => {
    this.parameterTypes = message.dataTypeIDs;
  };

  constructor(private readonly text: string) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: pg.Connection): undefined {
    const wire = connection as unknown as WireConnection;
    this.connection = wire;
    wire.on('parameterDescription', this.onParameters);
    corked(wire, () => {
      wire.parse({ text: this.text });
      wire.describe({ type: 'S', name: '' });
      wire.sync();
    });
    return undefined;
  }

  handleRowDescription(message: { fields: StatementDescription['fields'] }): void {
    this.fields = message.fields;
  }

  handleReadyForQuery(): void {
    this.connection?.removeListener('parameterDescription', this.onParameters);
    this.resolve({ parameterTypes: this.parameterTypes, fields: this.fields });
  }

  handleError(error: Error): void {
    this.connection?.removeListener('parameterDescription', this.onParameters);
    this.reject(error);
  }

  handleCopyInResponse(): void {}
  handleDataRow(): void {}
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Parses one statement and describes it without running it.
 *
 * @throws the server's error (a syntax error, a second command, a missing table, ...)
 */
export async function describeStatement(client: pg.ClientBase, text: string): Promise<StatementDescription> {
  return client.query(new DescribeStatement(text)).done;
}

/**
 * A pg query config sent with the extended protocol whatever its values (`queryMode: 'extended'`, which pg
 * supports and @types/pg does not declare): for every statement that holds a user's snapshot query.
 */
export function extended<const C extends pg.QueryConfig>(config: C): C {
  return { ...config, queryMode: 'extended' };
}
