/**
 * The open-model generator against small loopback servers. Loads are bounded: ≤ 200 requests, ≤ 1.5 s each.
 * Timing assertions use wide margins: they check the model (who decides when a request is sent), not speed.
 */
import type { ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressWriter } from '../../src/cli/commands/load-flags.js';
import { loadtestCommand } from '../../src/cli/commands/loadtest.js';
import { formatLoadTable, formatProgress } from '../../src/loadtest/format.js';
import { runLoad, type LoadOptions } from '../../src/loadtest/generator.js';
import { readPayloads } from '../../src/loadtest/payloads.js';
import { captureIo } from './helpers/capture.js';
import { useLoopbackServers } from './helpers/loopback-server.js';
import { freePort } from '../prometheus/helpers/prometheus-process.js';

const serveAt = useLoopbackServers();
const serve = async (...args: Parameters<typeof serveAt>): Promise<URL> => new URL(await serveAt(...args));

const base = (url: URL, overrides: Partial<LoadOptions> = {}): LoadOptions => ({
  url,
  rate: 100,
  durationSeconds: 1,
  method: 'GET',
  payloads: [],
  maxInFlight: 256,
  timeoutMs: 5000,
  ...overrides,
});

// Timing tests: a busy shared host can stall the process for longer than their margins, so they are tried again.
describe('runLoad (open model)', () => {
  it('keeps the arrival rate when the server is slow: every due request is sent', { retry: 2 }, async () => {
    const url = await serve((_, response) => setTimeout(() => response.end('ok'), 200));
    const result = await runLoad(base(url));
    // A closed loop with a few connections would send far fewer than 100 requests in 1 s at 200 ms each.
    expect(result.scheduled).toBe(100);
    expect(result.sent).toBe(100);
    expect(result.dropped).toBe(0);
    expect(result.responses).toBe(100);
    expect(result.status_counts).toEqual({ '200': 100 });
    expect(result.latency_ms.p50).toBeGreaterThanOrEqual(200);
    expect(result.latency_ms.p50).toBeLessThan(400);
    expect(result.latency_ms.count).toBe(100);
    // The generator's own lateness is reported apart, one sample per sent request, and is small next to 200 ms.
    expect(result.send_lag_ms.count).toBe(100);
    expect(result.send_lag_ms.p50).toBeLessThan(20);
  });

  it(
    'measures latency from the intended send time: a 500 ms stall shows in the percentiles',
    { retry: 2 },
    async () => {
      // Every request that arrives in the first 500 ms is held until then; later ones are answered at once.
      let releaseAt = 0;
      const held: ServerResponse[] = [];
      const url = await serve((_, response) => {
        if (releaseAt === 0) {
          releaseAt = performance.now() + 500;
          setTimeout(() => held.splice(0).forEach((r) => r.end('late')), 500);
        }
        if (performance.now() < releaseAt) held.push(response);
        else response.end('ok');
      });
      const result = await runLoad(base(url));
      // Half the requests waited 10..500 ms (uniformly), half were fast: p75 ≈ 250 ms, p90 ≈ 400 ms, max ≈ 500 ms.
      // A closed-loop client (one connection) would have recorded a single slow request and p90 ≈ 1 ms.
      expect(result.sent).toBe(100);
      expect(result.latency_ms.p90).toBeGreaterThan(300);
      expect(result.latency_ms.p75).toBeGreaterThan(150);
      expect(result.latency_ms.max).toBeGreaterThanOrEqual(480);
      expect(result.latency_ms.p50).toBeLessThan(200);
    },
  );

  it('drops and counts requests due while max-in-flight requests are outstanding', async () => {
    const url = await serve((_, response) => setTimeout(() => response.end('ok'), 100));
    const result = await runLoad(base(url, { rate: 50, maxInFlight: 1 }));
    // One request every 20 ms, each taking ≥ 100 ms: about one in five can be sent.
    expect(result.scheduled).toBe(50);
    expect(result.sent + result.dropped).toBe(50);
    expect(result.sent).toBeGreaterThanOrEqual(4); // fewer only if this host stalls the generator
    expect(result.sent).toBeLessThanOrEqual(11);
    expect(result.responses).toBe(result.sent);
  });

  it('counts connection errors and timeouts, without responses', async () => {
    const closedPort = await freePort();
    const refused = await runLoad(base(new URL(`http://127.0.0.1:${closedPort}/`), { rate: 20 }));
    expect(refused.responses).toBe(0);
    expect(refused.errors).toEqual({ ECONNREFUSED: 20 });
    expect(Number.isNaN(refused.latency_ms.p50)).toBe(true);

    const url = await serve(() => undefined); // never answers
    const silent = await runLoad(base(url, { rate: 10, durationSeconds: 0.5, timeoutMs: 200 }));
    expect(silent.errors).toEqual({ timeout: 5 });
  });

  it('times a request out after --timeout-ms in total, even while the server trickles bytes', async () => {
    const url = await serve((_, response) => {
      response.writeHead(200);
      const drip = setInterval(() => response.write('.'), 20);
      response.on('close', () => clearInterval(drip));
    });
    const started = performance.now();
    const result = await runLoad(base(url, { rate: 10, durationSeconds: 0.2, timeoutMs: 300 }));
    expect(result.errors).toEqual({ timeout: 2 });
    expect(result.responses).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('posts the payloads round-robin as JSON', async () => {
    const bodies: string[] = [];
    const url = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        bodies.push(`${request.method} ${request.headers['content-type']} ${body}`);
        response.end('ok');
      });
    });
    const payloads = ['{"user_id":"a"}', '{"user_id":"b"}', '{"user_id":"c"}'].map((text) =>
      Buffer.from(text),
    );
    const result = await runLoad(base(url, { rate: 20, durationSeconds: 0.3, method: 'POST', payloads }));
    expect(result.sent).toBe(6);
    expect(bodies).toEqual(
      ['a', 'b', 'c', 'a', 'b', 'c'].map((id) => `POST application/json {"user_id":"${id}"}`),
    );
  });
});

describe('output', () => {
  it('formats the table and the progress line', async () => {
    const url = await serve((_, response) => response.end('ok'));
    const result = await runLoad(base(url, { rate: 20, durationSeconds: 0.25 }));
    const table = formatLoadTable(result);
    expect(table).toMatch(/^scheduled \/ sent\s+5 \/ 5$/m);
    expect(table).toMatch(/^status codes\s+200: 5$/m);
    expect(table).toMatch(/^latency ms \(from intended send\)\s+min [\d.]+ {2}mean/m);
    expect(table).toMatch(/^send lag ms \(generator\)\s+p50 [\d.]+ {2}p99 [\d.]+ {2}max [\d.]+$/m);
    expect(
      formatProgress({
        elapsedSeconds: 3.2,
        durationSeconds: 10,
        sent: 64,
        responses: 63,
        inFlight: 1,
        dropped: 0,
        errors: 0,
        p95Ms: 4.26,
      }),
    ).toBe('load 3/10s  sent 64  responses 63  in-flight 1  dropped 0  errors 0  p95 4.3 ms');
  });
});

describe('progress line', () => {
  const progress = {
    elapsedSeconds: 1,
    durationSeconds: 10,
    sent: 20,
    responses: 20,
    inFlight: 0,
    dropped: 0,
    errors: 0,
    p95Ms: 1,
  };
  const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return {
      chunks,
      stream: Object.assign(
        new Writable({ write: (chunk, _e, done) => (chunks.push(String(chunk)), done()) }),
        { isTTY },
      ),
    };
  };

  it('rewrites one line on a terminal and ends it with a newline', () => {
    const { chunks, stream: tty } = stream(true);
    const writer = progressWriter(tty);
    writer.report(progress);
    writer.report({ ...progress, elapsedSeconds: 2, sent: 40 });
    writer.end();
    writer.end();
    expect(chunks).toEqual([
      '\rload 1/10s  sent 20  responses 20  in-flight 0  dropped 0  errors 0  p95 1.0 ms\x1b[K',
      '\rload 2/10s  sent 40  responses 20  in-flight 0  dropped 0  errors 0  p95 1.0 ms\x1b[K',
      '\n',
    ]);
  });

  it('prints a line every 5 reports otherwise (CI logs)', () => {
    const { chunks, stream: pipe } = stream(false);
    const writer = progressWriter(pipe);
    for (let second = 1; second <= 10; second++) writer.report({ ...progress, elapsedSeconds: second });
    writer.end();
    expect(chunks).toEqual([
      'load 5/10s  sent 20  responses 20  in-flight 0  dropped 0  errors 0  p95 1.0 ms\n',
      'load 10/10s  sent 20  responses 20  in-flight 0  dropped 0  errors 0  p95 1.0 ms\n',
    ]);
  });
});

describe('payload files', () => {
  it('reads JSON lines, skips blank lines, names the bad line', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'driftwatch-payloads-'));
    try {
      await writeFile(join(directory, 'ok.jsonl'), '{"user_id": "a"}\n\n{"features": {}}\n');
      expect((await readPayloads(join(directory, 'ok.jsonl'))).map(String)).toEqual([
        '{"user_id":"a"}',
        '{"features":{}}',
      ]);
      await writeFile(join(directory, 'bad.jsonl'), '{"user_id": "a"}\n{oops\n');
      await expect(readPayloads(join(directory, 'bad.jsonl'))).rejects.toThrow(/bad\.jsonl:2: not JSON/);
      await writeFile(join(directory, 'empty.jsonl'), '\n');
      await expect(readPayloads(join(directory, 'empty.jsonl'))).rejects.toThrow(/no payload lines/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('driftwatch loadtest flags', () => {
  it.each([
    [['--rate', '10', '--duration', '1'], /^--url is required$/],
    [['--url', 'ftp://x', '--rate', '10', '--duration', '1'], /--url: 'ftp:\/\/x' must be http\(s\)/],
    [['--url', 'http://127.0.0.1:1/', '--rate', 'ten', '--duration', '1'], /--rate: 'ten' is not a number/],
    [
      ['--url', 'http://127.0.0.1:1/', '--rate', '10', '--duration', '5x'],
      /--duration: '5x' is not a duration/,
    ],
    [['--url', 'http://127.0.0.1:1/', '--rate', '0.1', '--duration', '1'], /schedules no request/],
    [
      [
        '--url',
        'http://127.0.0.1:1/',
        '--rate',
        '10',
        '--duration',
        '1',
        '--prometheus',
        'http://127.0.0.1:9',
      ],
      /--prometheus needs --slo/,
    ],
    [
      ['--url', 'http://127.0.0.1:1/', '--rate', '10', '--duration', '1', '--method', 'PUT'],
      /--method: 'PUT'/,
    ],
    [
      ['--url', 'http://127.0.0.1:1/', '--rate', '10', '--duration', '1', '--var', 'X=1'],
      /--var: 'X=1' is not NAME=VALUE/,
    ],
  ])('rejects %j', async (args, message) => {
    await expect(loadtestCommand.run(args, captureIo())).rejects.toThrow(message);
  });

  it('prints JSON with --format json and writes --out', async () => {
    const url = await serve((_, response) => response.end('ok'));
    const directory = await mkdtemp(join(tmpdir(), 'driftwatch-lt-'));
    try {
      const io = captureIo();
      const code = await loadtestCommand.run(
        [
          '--url',
          url.toString(),
          '--rate',
          '20',
          '--duration',
          '0.5',
          '--format',
          'json',
          '--quiet',
          '--out',
          join(directory, 'r.json'),
        ],
        io,
      );
      expect(code).toBe(0);
      const printed = JSON.parse(io.out());
      expect(printed).toMatchObject({
        passed: true,
        gate: null,
        load: { sent: 10, responses: 10, method: 'GET' },
      });
      expect(io.err()).toBe('');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
