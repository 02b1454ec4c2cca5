// The line-end bound the memory check asks a compare's worker threads for: the same as a search on the main thread,
// nothing for a file the thread cannot search, and a report that does not change when the check takes it.
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES } from '../../src/job/prestart.js';
import type { WorkerReply, WorkerRequest } from '../../src/job/worker-protocol.js';
import { delimitedBound } from '../../src/snapshot/delimited-bound.js';
import { buildCliBundle, runBundle } from '../support/bundle.js';
import { file } from '../snapshot/support.js';

let cli = '';
let worker: Worker;
const work = mkdtempSync(join(tmpdir(), 'dw-worker-bound-'));

beforeAll(() => {
  cli = buildCliBundle();
  worker = new Worker(join(dirname(cli), 'worker.js'));
}, 120_000);

afterAll(async () => {
  await worker.terminate();
  rmSync(dirname(cli), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

let nextId = 1;
function ask(path: string, delimiter: number): Promise<WorkerReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      worker.off('message', onMessage);
      resolve(reply);
    };
    worker.on('message', onMessage);
    worker.postMessage({ id, kind: 'bound', path, delimiter } satisfies WorkerRequest);
  });
}

/** A CSV file of `rows` rows of a label, an integer and a float, `seed` shifting the values. */
function bigCsv(name: string, rows: number, seed: number): string {
  const path = join(work, name);
  const fd = openSync(path, 'w');
  writeSync(fd, 'plan,k,x\n');
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    lines.push(
      `${['free', 'pro', 'team'][(r * 7 + seed) % 3]},${(r * 13 + seed) % 11},${((r * 31 + seed * 17) % 997) / 10}`,
    );
    if (lines.length === 10_000) writeSync(fd, lines.splice(0).join('\n') + '\n');
  }
  if (lines.length > 0) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
  return path;
}

describe("a worker thread's line-end bound", () => {
  it('equals the search on this thread, for a comma and a tab', async () => {
    const csv = file('a,b,c\n1,"x\ny",3\r\n4,5,6\r7,8,9');
    const tsv = file('a\tb\n1\t2\n', 'tsv');
    expect(await ask(csv, 0x2c)).toMatchObject({ kind: 'bound', bound: delimitedBound(csv, 0x2c) });
    expect(delimitedBound(csv, 0x2c)).toEqual({ rows: 6, fields: 3 });
    expect(await ask(tsv, 0x09)).toMatchObject({ kind: 'bound', bound: { rows: 3, fields: 2 } });
  });

  it('is undefined for a quoted header, an empty file and a file that cannot be read', async () => {
    for (const path of [file('"a,b",c\n1,2\n'), file(''), join(work, 'missing.csv')]) {
      const reply = await ask(path, 0x2c);
      expect(reply.kind).toBe('bound');
      expect((reply as Extract<WorkerReply, { kind: 'bound' }>).bound).toBeUndefined();
    }
  });

  it('leaves the report of big files as it is, whether the check reads at once or in batches', async () => {
    // Big enough for the threads; ~20 MB each, so 8 bytes a file byte exceeds 900 MiB while 8 bytes a cell of
    // 1.5M rows × 3 fields does not.
    const rows = 1_500_000;
    const reference = bigCsv('reference.csv', rows, 1);
    const current = bigCsv('current.csv', rows, 2);
    expect(statSync(reference).size).toBeGreaterThanOrEqual(PARALLEL_MIN_BYTES);
    const reports: string[] = [];
    for (const limit of [[], ['--memory-limit', '900MiB'], ['--memory-limit', '450MiB']]) {
      const dir = join(work, `reports-${reports.length}`);
      const run = await runBundle(
        cli,
        [
          'compare',
          '--reference',
          reference,
          '--current',
          current,
          '--format',
          'json',
          '--report-dir',
          dir,
          ...limit,
        ],
        { timeoutMs: 120_000 },
      );
      expect(run.stderr).not.toContain('error');
      expect(run.code).toBe(0);
      const name = readdirSync(dir).find((entry) => entry.endsWith('.json'))!;
      const report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
      for (const key of ['generated_at', 'run', 'timing']) delete report[key];
      reports.push(JSON.stringify(report));
    }
    expect(reports[1]).toBe(reports[0]);
    expect(reports[2]).toBe(reports[0]);
  }, 300_000);
});
