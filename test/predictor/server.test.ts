import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { predictProbability, type ChurnModel } from '../../src/predictor/model.js';
import { createPredictor, latencyBuckets, type PredictorServer } from '../../src/predictor/server.js';
import { DEFAULT_TRAIN_OPTIONS, cellValue, trainChurnModel } from '../../src/predictor/train.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import type { Table } from '../../src/snapshot/table.js';
import { shouldRun } from '../prometheus/helpers/prometheus-process.js';

let table: Table;
let model: ChurnModel;

beforeAll(async () => {
  table = await readSnapshot('fixtures/streamflow/month_000.csv');
  model = trainChurnModel(table, {
    ...DEFAULT_TRAIN_OPTIONS,
    target: 'churn_label',
    idColumn: 'user_id',
  }).model;
});

const started: PredictorServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

async function start(
  overrides: {
    injectErrorRate?: number;
    injectLatencyMs?: number;
    latencyObjectiveSeconds?: number;
    log?: (line: string) => void;
    debug?: (line: string) => void;
  } = {},
) {
  const predictor = createPredictor({
    model,
    features: table,
    idColumn: 'user_id',
    latencyObjectiveSeconds: overrides.latencyObjectiveSeconds ?? 0.3,
    injectLatencyMs: overrides.injectLatencyMs ?? 0,
    injectErrorRate: overrides.injectErrorRate ?? 0,
    log: overrides.log ?? (() => undefined),
    debug: overrides.debug,
  });
  started.push(predictor);
  const port = await predictor.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const post = async (body: string) => {
    const response = await fetch(`${base}/predict`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      json: (await response.json()) as Record<string, unknown>,
    };
  };
  const metrics = async () => {
    const response = await fetch(`${base}/metrics`);
    return { type: response.headers.get('content-type'), text: await response.text() };
  };
  return { base, port, post, metrics };
}

/** Sends the headers and half of a 100-byte body on a raw socket, then destroys the socket. */
async function abortMidUpload(port: number): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    'POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n' +
      '{"user_id": "6011-LWREN", "pad": "' +
      'x'.repeat(15),
  );
  await new Promise((resolve) => setTimeout(resolve, 30));
  socket.destroy();
}

/** Polls /metrics until `series` reads `value` (the server counts an abort once it notices the close). */
async function waitForSample(
  metrics: () => Promise<{ text: string }>,
  series: string,
  value: number,
): Promise<string> {
  const deadline = Date.now() + 5000;
  while (true) {
    const { text } = await metrics();
    if (sample(text, series) === value || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('POST /predict', () => {
  it('looks a user up in the snapshot and scores the row', async () => {
    const { post } = await start();
    const userId = cellValue(table.columns[0]!, 2) as string;
    const { status, json } = await post(JSON.stringify({ user_id: userId }));
    expect(status).toBe(200);
    const values = model.features.map((feature) =>
      cellValue(
        table.columns.find((c) => c.name === feature.name)!,
        2,
      ),
    );
    const probability = predictProbability(model, values);
    expect(json).toEqual({
      user_id: userId,
      prediction: probability >= 0.5 ? 1 : 0,
      probability,
      features_used: Object.fromEntries(model.features.map((feature, i) => [feature.name, values[i]])),
    });
  });

  it('scores given features, and the result equals the lookup of the same row', async () => {
    const { post } = await start();
    const byId = await post(JSON.stringify({ user_id: cellValue(table.columns[0]!, 5) }));
    const features = byId.json.features_used as Record<string, unknown>;
    const given = await post(JSON.stringify({ features }));
    expect(given.status).toBe(200);
    expect(given.json.user_id).toBeNull();
    expect(given.json.probability).toBe(byId.json.probability);
  });

  it.each([
    ['{"user_id": ', 400, /^malformed JSON/],
    ['[1,2]', 400, /expected a JSON object/],
    ['{"user_id": "0000-NOONE"}', 404, /unknown user_id '0000-NOONE'/],
    ['{"user_id": true}', 400, /"user_id" must be a string/],
    ['{"features": {"months_active": 3}}', 400, /missing feature 'monthly_fee'/],
    ['{"features": {"bogus": 3}}', 400, /unknown feature 'bogus'/],
    ['{"user_id": "x", "features": {}}', 400, /either "user_id" or "features"/],
    ['{}', 400, /expected "user_id" or "features"/],
  ])('%s → %i with a JSON error', async (body, status, message) => {
    const { post } = await start();
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(response.type).toBe('application/json');
    expect(response.json.error).toMatch(message);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const { post } = await start();
    const response = await post(JSON.stringify({ user_id: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
  });

  it('answers exactly the injected share of requests with 500, spread evenly', async () => {
    const { post } = await start({ injectErrorRate: 0.25 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await post(JSON.stringify({ user_id: cellValue(table.columns[0]!, i) }))).status);
    expect(statuses).toEqual([200, 200, 200, 500, 200, 200, 200, 500]);
  });

  it('adds the injected latency', async () => {
    const { post } = await start({ injectLatencyMs: 120 });
    const begin = performance.now();
    await post(JSON.stringify({ user_id: cellValue(table.columns[0]!, 0) }));
    expect(performance.now() - begin).toBeGreaterThanOrEqual(119);
  });
});

describe('GET /health and routing', () => {
  it('reports the model and the number of users', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      model: { target: 'churn_label', features: 14, holdout_auc: model.training.holdout_auc },
      users: table.rows,
    });
  });

  it('answers 405 for GET /predict and 404 for an unknown path, as JSON', async () => {
    const { base } = await start();
    const wrongMethod = await fetch(`${base}/predict`);
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toEqual({ error: 'use POST /predict' });
    const unknown = await fetch(`${base}/nope`);
    expect(unknown.status).toBe(404);
  });

  it('refuses a port in use with a UserError', async () => {
    const first = createPredictor({
      model,
      features: null,
      idColumn: 'user_id',
      latencyObjectiveSeconds: 0.3,
      injectLatencyMs: 0,
      injectErrorRate: 0,
      log: () => undefined,
    });
    started.push(first);
    const port = await first.listen(0, '127.0.0.1');
    const second = createPredictor({
      model,
      features: null,
      idColumn: 'user_id',
      latencyObjectiveSeconds: 0.3,
      injectLatencyMs: 0,
      injectErrorRate: 0,
      log: () => undefined,
    });
    await expect(second.listen(port, '127.0.0.1')).rejects.toThrow(UserError);
  });
});

describe('GET /metrics', () => {
  it('exposes every label set at zero before any request, with the text content type', async () => {
    const { metrics } = await start();
    const { type, text } = await metrics();
    expect(type).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('# TYPE api_requests_total counter');
    expect(text).toContain('# TYPE api_request_latency_seconds histogram');
    for (const status of ['200', '400', '404', '413', '500']) {
      expect(sample(text, `api_requests_total{method="POST",route="/predict",status_code="${status}"}`)).toBe(
        0,
      );
      expect(
        sample(
          text,
          `api_request_latency_seconds_count{method="POST",route="/predict",status_code="${status}"}`,
        ),
      ).toBe(0);
    }
    expect(sample(text, 'api_requests_total{method="GET",route="/health",status_code="200"}')).toBe(0);
    expect(text).toMatch(/^process_start_time_seconds \d+/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('counts requests by route, method and status (400 and 404 included), not scrapes', async () => {
    const { post, metrics } = await start();
    await post(JSON.stringify({ user_id: cellValue(table.columns[0]!, 0) }));
    await post('not json');
    await post('{"user_id": "nobody"}');
    await post('{"user_id": "nobody"}');
    await metrics();
    const { text } = await metrics();
    expect(sample(text, 'api_requests_total{method="POST",route="/predict",status_code="200"}')).toBe(1);
    expect(sample(text, 'api_requests_total{method="POST",route="/predict",status_code="400"}')).toBe(1);
    expect(sample(text, 'api_requests_total{method="POST",route="/predict",status_code="404"}')).toBe(2);
    expect(text).not.toMatch(/route="\/metrics"/);
    expect(
      sample(
        text,
        'api_request_latency_seconds_bucket{le="+Inf",method="POST",route="/predict",status_code="404"}',
      ),
    ).toBe(2);
  });

  describe('a client that gives up mid-upload', () => {
    const aborted = 'api_requests_total{method="POST",route="/predict",status_code="499"}';
    const serverError = 'api_requests_total{method="POST",route="/predict",status_code="500"}';

    it.each([
      ['while the body is read', 0],
      ['before the handler reads the body (during an injected delay)', 150],
    ])('%s is counted as 499, logged at debug level only, and not timed', async (_, injectLatencyMs) => {
      const logged: string[] = [];
      const debugged: string[] = [];
      const { port, metrics, post } = await start({
        injectLatencyMs,
        log: (line) => logged.push(line),
        debug: (line) => debugged.push(line),
      });
      expect(sample((await metrics()).text, aborted)).toBe(0); // created at zero like every other label set
      await abortMidUpload(port);
      const text = await waitForSample(metrics, aborted, 1);
      expect(sample(text, aborted)).toBe(1);
      expect(sample(text, serverError)).toBe(0);
      expect(text).not.toMatch(/api_request_latency_seconds_count\{[^}]*status_code="499"/);
      expect(logged).toEqual([]);
      expect(debugged).toEqual([
        'predictor: client closed the connection before the response (POST /predict; counted as 499)',
      ]);
      // The server keeps serving.
      expect((await post(JSON.stringify({ user_id: cellValue(table.columns[0]!, 0) }))).status).toBe(200);
    });
  });

  it('has a bucket edge at the latency objective', async () => {
    expect(latencyBuckets(0.3)).toContain(0.3);
    expect(latencyBuckets(0.25)).toEqual([0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 1, 2.5, 5, 10]);
    const { metrics } = await start({ latencyObjectiveSeconds: 0.25 });
    expect((await metrics()).text).toContain(
      'api_request_latency_seconds_bucket{le="0.25",method="POST",route="/predict",status_code="200"} 0',
    );
  });

  it.runIf(shouldRun('promtool'))('passes promtool check metrics for the api_ metrics', async () => {
    const { post, metrics } = await start();
    await post(JSON.stringify({ user_id: cellValue(table.columns[0]!, 0) }));
    const { text } = await metrics();
    // prom-client's own nodejs_* gauges end in _total and are flagged by promtool (reference §8.4): lint ours only.
    const ours = text
      .split('\n')
      .filter((line) => /^(# (HELP|TYPE) )?api_/.test(line))
      .join('\n');
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: ours + '\n', encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});
