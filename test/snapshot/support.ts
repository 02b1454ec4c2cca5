// Helpers of the reader tests: files in a temporary directory, a column's cells as plain values, one-line errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { numbersOf, type Column, type Table } from '../../src/snapshot/table.js';

export const dir = mkdtempSync(join(tmpdir(), 'driftwatch-readers-'));
let counter = 0;

/** Writes a file with a fresh name and the extension given; `.gz` extensions get gzip-compressed content. */
export function file(content: string | Uint8Array, extension = 'csv'): string {
  const path = join(dir, `f${counter++}.${extension}`);
  writeFileSync(path, extension.endsWith('.gz') ? gzipSync(content) : content);
  return path;
}

export function column(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

/** A column's cells: numbers, strings, or null for a missing cell. */
export function values(table: Table, name: string): (number | string | null)[] {
  const c = column(table, name);
  if (c.type === 'string') return Array.from(c.codes, (code) => (code < 0 ? null : c.dictionary[code]!));
  return Array.from(numbersOf(c.values), (v) => (Number.isNaN(v) ? null : v));
}

/** Asserts that reading `path` fails with one line of the given code and message. */
export async function rejects(path: string, code: string, message: RegExp): Promise<void> {
  const error = await readSnapshot(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  expect((error as UserError).message).toMatch(message);
  expect((error as UserError).message).not.toContain('\n');
}
