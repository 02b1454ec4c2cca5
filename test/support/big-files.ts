// Big snapshot files compared by the bundled CLI (its worker threads read files of 16 MiB and more): a scratch
// directory and a CLI bundle per test file, CSV files written in blocks of lines, and the JSON report of a compare.
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildCliBundle, removeBundle, runBundle } from './bundle.js';

export interface BigFileWorkspace {
  /** The scratch directory (removed after the test file). */
  readonly dir: string;
  /** Writes `dir/name`: `header`, then `line(row)` for each of `rows` rows; returns its path. */
  csv(name: string, header: string, rows: number, line: (row: number) => string): string;
  /** The JSON report of `driftwatch compare` with these arguments (JSON only), without what changes run to run. */
  compare(args: readonly string[]): Promise<Record<string, unknown>>;
}

/** A workspace for this test file: the bundled CLI is built before its tests, and both are removed after them. */
export function bigFileWorkspace(prefix: string): BigFileWorkspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let cli = '';
  let reports = 0;
  beforeAll(() => {
    cli = buildCliBundle();
  }, 120_000);
  afterAll(() => {
    removeBundle(cli);
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    csv(name, header, rows, line) {
      const path = join(dir, name);
      const fd = openSync(path, 'w');
      writeSync(fd, `${header}\n`);
      const lines: string[] = [];
      for (let row = 0; row < rows; row++) {
        lines.push(line(row));
        if (lines.length === 10_000) writeSync(fd, lines.splice(0).join('\n') + '\n');
      }
      if (lines.length > 0) writeSync(fd, lines.join('\n') + '\n');
      closeSync(fd);
      return path;
    },
    async compare(args) {
      const reportDir = join(dir, `reports-${reports++}`);
      const run = await runBundle(cli, ['compare', ...args, '--format', 'json', '--report-dir', reportDir], {
        timeoutMs: 120_000,
      });
      expect(run.stderr).not.toContain('error');
      expect(run.code).toBe(0);
      const name = readdirSync(reportDir).find((entry) => entry.endsWith('.json'))!;
      const report = JSON.parse(readFileSync(join(reportDir, name), 'utf8')) as Record<string, unknown>;
      for (const key of ['generated_at', 'run', 'timing']) delete report[key];
      return report;
    },
  };
}
