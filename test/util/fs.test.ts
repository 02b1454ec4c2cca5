// The one atomic writer and the one reader of files the user names.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  TEMPORARY_MARKER,
  openForReading,
  readTextFile,
  temporaryPathFor,
  writeFileAtomic,
} from '../../src/util/fs.js';

const dir = mkdtempSync(join(tmpdir(), 'driftwatch-fs-'));

describe('writeFileAtomic', () => {
  it('writes through a recognisable temporary sibling, creating the directory, and leaves only the file', () => {
    const path = join(dir, 'reports', 'drift.json');
    writeFileAtomic(path, '{"a":1}\n');
    writeFileAtomic(path, '{"a":2}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a":2}\n');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['drift.json']);
    expect(temporaryPathFor(path)).toMatch(
      new RegExp(`/reports/\\.drift\\.json\\${TEMPORARY_MARKER}${process.pid}-[a-z0-9]+$`),
    );
  });

  it('leaves nothing behind when the write fails', () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where a directory is expected');
    expect(() => writeFileAtomic(join(blocked, 'drift.json'), 'x')).toThrow();
    expect(readdirSync(dir).filter((name) => name.includes(TEMPORARY_MARKER))).toEqual([]);
  });
});

describe('readTextFile and openForReading', () => {
  it('read a file, and name the path (and the setting) in one line when they cannot', async () => {
    const path = join(dir, 'model.json');
    writeFileSync(path, '{}');
    expect(await readTextFile(path)).toBe('{}');
    const missing = await readTextFile(join(dir, 'nope.json'), '--model').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(UserError);
    expect(missing).toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: `--model: ${join(dir, 'nope.json')}: file not found`,
    });
    expect(() => openForReading(dir)).toThrow(`${dir}: is a directory, not a file`);
    if (process.getuid?.() !== 0) {
      chmodSync(path, 0);
      expect(() => openForReading(path)).toThrow(`${path}: permission denied`);
    }
  });
});
