/**
 * Where a snapshot comes from (a file, a file at a git revision, or PostgreSQL), how a surface's text names one,
 * and how it is labelled in reports and messages.
 */
import { basename, extname } from 'node:path';
import { UserError } from '../errors.js';
import type { InputFormat } from './index.js';
import { describeAsOf, type PostgresSnapshotSource } from './postgres/source.js';

/** Where a snapshot comes from. */
export type SnapshotSource =
  /** A file (CSV, TSV, JSON Lines, Parquet; CSV, TSV and JSON Lines may be gzip-compressed). */
  | { readonly kind: 'file'; readonly path: string; readonly format?: InputFormat }
  /** A file as it was at a git revision: `git:<rev>:<path>`, read with `git show` from the checkout. */
  | { readonly kind: 'git'; readonly rev: string; readonly path: string; readonly format?: InputFormat }
  /** One as_of of a PostgreSQL as-of table or query; both sides then come from the database. */
  | PostgresSnapshotSource;

/** The file-based sources (what the file readers accept). */
export type FileSnapshotSource = Exclude<SnapshotSource, PostgresSnapshotSource>;

/**
 * Parses a snapshot path as a user writes it: a path, or `git:<rev>:<path>`.
 *
 * @param label how the surface names the setting (a flag or an input), for messages
 * @param value the text given
 * @throws {UserError} USAGE if the text is empty or a malformed `git:` source
 * @example
 * parseSnapshotSource('reference', 'git:base:data/month.csv'); // => { kind: 'git', rev: 'base', path: 'data/month.csv' }
 */
export function parseSnapshotSource(label: string, value: string): FileSnapshotSource {
  if (value.trim() === '') throw new UserError('USAGE', `${label}: a snapshot path is required`);
  if (value.startsWith('git:')) {
    const match = /^git:([^:]+):(.+)$/.exec(value);
    if (!match) throw new UserError('USAGE', `${label}: '${value}' is not of the form git:<rev>:<path>`);
    return { kind: 'git', rev: match[1]!, path: match[2]! };
  }
  return { kind: 'file', path: value };
}

/**
 * The default report label of a source: the file name without its extensions (`.gz` included), plus `@rev` for git
 * sources; the as_of selector for database sources (the reader replaces it with the resolved as_of).
 *
 * @example
 * defaultLabel({ kind: 'file', path: 'data/month_001.csv' }); // => 'month_001'
 */
export function defaultLabel(source: SnapshotSource): string {
  if (source.kind === 'postgres') return describeAsOf(source.asOf);
  const file = source.path.replace(/\.gz$/i, '');
  const name = basename(file, extname(file));
  return source.kind === 'git' ? `${name}@${source.rev}` : name;
}

/** Describes a source for messages: the path, `git:<rev>:<path>` or `postgres:<as_of>`. */
export function describeSource(source: SnapshotSource): string {
  if (source.kind === 'postgres') return `postgres:${describeAsOf(source.asOf)}`;
  return source.kind === 'git' ? `git:${source.rev}:${source.path}` : source.path;
}
