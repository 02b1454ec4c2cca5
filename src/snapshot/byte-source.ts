/**
 * The bytes of a snapshot file, read chunk by chunk into the caller's buffer: straight from the file, or through
 * zlib for a gzip-compressed file (`.gz`), so neither form is ever held whole in memory.
 */
import { createReadStream, fstatSync, readSync, closeSync } from 'node:fs';
import { pipeline } from 'node:stream';
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

/** Reads the plain file at `path`. */
function fileSource(path: string): ByteSource {
  const fd = openForReading(path);
  return {
    read: (buffer, offset, length) => readSync(fd, buffer, offset, length, null),
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
function gzipSource(path: string): ByteSource {
  const fd = openForReading(path);
  let expectedBytes: number;
  try {
    expectedBytes = recordedSize(fd);
  } finally {
    closeSync(fd);
  }
  const file = createReadStream(path);
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

/**
 * Opens a snapshot file's bytes: decompressed with zlib when the name ends in `.gz`.
 *
 * @throws {UserError} FILE_NOT_FOUND or FILE_UNREADABLE naming the path
 */
export function openByteSource(path: string): ByteSource {
  return isGzipPath(path) ? gzipSource(path) : fileSource(path);
}
