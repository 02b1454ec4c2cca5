/**
 * The bytes of a snapshot file, read chunk by chunk into the caller's buffer: straight from the file, or through
 * zlib for a gzip-compressed file (`.gz`), so neither form is ever held whole in memory.
 */
import { createReadStream, fstatSync, readSync, closeSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { TextDecoder, TextEncoder } from 'node:util';
import { createGunzip } from 'node:zlib';
import { UserError } from '../errors.js';
import { openForReading } from '../util/fs.js';

/** A file's (decompressed) bytes in order. */
export interface ByteSource {
  /**
   * Reads up to `length` bytes into `buffer` at `offset`; 0 at the end. A plain file answers synchronously, a
   * compressed one once zlib has produced the bytes.
   */
  read(buffer: Uint8Array, offset: number, length: number): number | Promise<number>;
  /** Bytes the source will yield in all, as far as known beforehand (a sizing hint, not a promise). */
  readonly expectedBytes: number;
  close(): void;
}

/** Whether a path names a gzip-compressed file. */
export function isGzipPath(path: string): boolean {
  return /\.gz$/i.test(path);
}

/** Told how many more bytes of the file (as stored on disk, compressed or not) have been read. */
export type BytesRead = (bytes: number) => void;

/** Reads the plain file at `path`. */
function fileSource(path: string, onBytes?: BytesRead): ByteSource {
  const fd = openForReading(path);
  return {
    read: onBytes
      ? (buffer, offset, length) => {
          const count = readSync(fd, buffer, offset, length, null);
          if (count > 0) onBytes(count);
          return count;
        }
      : (buffer, offset, length) => readSync(fd, buffer, offset, length, null),
    expectedBytes: fstatSync(fd).size,
    close: () => closeSync(fd),
  };
}

/**
 * The uncompressed size a gzip file records in its last four bytes (ISIZE, modulo 2^32); 0 when unreadable. Only
 * a sizing hint: a file of several gzip members or over 4 GiB records something else.
 */
function recordedSize(fd: number): number {
  const size = fstatSync(fd).size;
  if (size < 18) return 0;
  const trailer = new Uint8Array(4);
  readSync(fd, trailer, 0, 4, size - 4);
  return new DataView(trailer.buffer).getUint32(0, true);
}

/** Reads the gzip file at `path` through a streaming zlib inflater. */
function gzipSource(path: string, onBytes?: BytesRead): ByteSource {
  const fd = openForReading(path);
  let expectedBytes: number;
  try {
    expectedBytes = recordedSize(fd);
  } finally {
    closeSync(fd);
  }
  const file = createReadStream(path);
  if (onBytes) file.on('data', (chunk) => onBytes(chunk.length));
  const inflater = createGunzip();
  // pipeline forwards a read error to the inflater, so the iteration below rejects instead of waiting forever.
  pipeline(file, inflater, () => undefined);
  const chunks = inflater[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer | undefined;
  let at = 0;
  let done = false;
  const fail = (error: unknown): never => {
    throw new UserError(
      'PARSE',
      `${path}: not readable as gzip (${error instanceof Error ? error.message : String(error)})`,
    );
  };
  return {
    async read(buffer, offset, length) {
      while (!done && (pending === undefined || at === pending.length)) {
        const next = await chunks.next().catch(fail);
        if (next.done) done = true;
        else {
          pending = next.value;
          at = 0;
        }
      }
      if (done && (pending === undefined || at === pending.length)) return 0;
      const count = Math.min(length, pending!.length - at);
      buffer.set(pending!.subarray(at, at + count), offset);
      at += count;
      return count;
    },
    expectedBytes,
    close: () => {
      file.destroy();
      inflater.destroy();
    },
  };
}

/** The encodings a byte order mark announces that are turned into UTF-8 before parsing. */
type Utf16 = 'utf-16le' | 'utf-16be';

/** The UTF-16 byte order of text starting with these bytes (FF FE: little-endian, FE FF: big-endian), if any. */
function utf16ByteOrder(head: Uint8Array): Utf16 | undefined {
  if (head.length < 2) return undefined;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Bytes read ahead from the start of a source to look for a byte order mark. */
const HEAD_BYTES = 1 << 16;

/**
 * A source whose text may be UTF-16 (a byte order mark says so, as spreadsheet programs write "Unicode text"):
 * UTF-16LE and UTF-16BE are decoded and served as UTF-8 (without the mark), chunk by chunk; anything else passes
 * through untouched. Text that is not valid UTF-16 after such a mark is one line naming the file and the encoding.
 */
function decodingUtf16(inner: ByteSource, path: string): ByteSource {
  let mode: 'unknown' | 'plain' | Utf16 = 'unknown';
  let pending: Uint8Array = new Uint8Array(0);
  let at = 0;
  let innerDone = false;
  let decoder: TextDecoder | undefined;
  const encoder = new TextEncoder();
  const chunk = new Uint8Array(HEAD_BYTES);

  const readInner = async (): Promise<Uint8Array> => {
    const count = await inner.read(chunk, 0, chunk.length);
    if (count === 0) innerDone = true;
    return chunk.subarray(0, count);
  };
  const decode = (bytes: Uint8Array, last: boolean): Uint8Array => {
    try {
      return encoder.encode(decoder!.decode(bytes, { stream: !last }));
    } catch {
      throw new UserError(
        'PARSE',
        `${path}: not valid ${mode === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} text after its byte order mark`,
      );
    }
  };
  const start = async (): Promise<void> => {
    // The first read (up to 64 KiB) as bytes: spreading it into an array of numbers cost ~50 ms a file.
    let bytes = (await readInner()).slice();
    while (bytes.length < 2 && !innerDone) {
      const more = await readInner();
      const joined = new Uint8Array(bytes.length + more.length);
      joined.set(bytes);
      joined.set(more, bytes.length);
      bytes = joined;
    }
    const order = utf16ByteOrder(bytes);
    if (order === undefined) {
      mode = 'plain';
      pending = bytes;
      return;
    }
    mode = order;
    decoder = new TextDecoder(order, { fatal: true, ignoreBOM: false });
    pending = decode(bytes, innerDone);
  };
  const serve = (buffer: Uint8Array, offset: number, length: number): number => {
    const count = Math.min(length, pending.length - at);
    buffer.set(pending.subarray(at, at + count), offset);
    at += count;
    return count;
  };
  const readSlow = async (buffer: Uint8Array, offset: number, length: number): Promise<number> => {
    if (mode === 'unknown') await start();
    if (at < pending.length) return serve(buffer, offset, length);
    if (mode === 'plain') return inner.read(buffer, offset, length);
    while (at === pending.length && !innerDone) {
      const bytes = await readInner();
      pending = decode(bytes, innerDone);
      at = 0;
    }
    return at < pending.length ? serve(buffer, offset, length) : 0;
  };
  return {
    // Once the head is served, plain text is read straight from the file (synchronously when the file is plain).
    read: (buffer, offset, length) =>
      mode === 'plain' && at === pending.length
        ? inner.read(buffer, offset, length)
        : readSlow(buffer, offset, length),
    expectedBytes: inner.expectedBytes,
    close: () => inner.close(),
  };
}

/**
 * Opens a snapshot file's bytes: decompressed with zlib when the name ends in `.gz`, and decoded to UTF-8 when a
 * byte order mark says the text is UTF-16 (little- or big-endian). `onBytes` is told of the file's bytes as they are
 * read (compressed bytes for a `.gz` file), for a caller that shows progress.
 *
 * @throws {UserError} FILE_NOT_FOUND or FILE_UNREADABLE naming the path
 */
export function openByteSource(path: string, onBytes?: BytesRead): ByteSource {
  return decodingUtf16(isGzipPath(path) ? gzipSource(path, onBytes) : fileSource(path, onBytes), path);
}
