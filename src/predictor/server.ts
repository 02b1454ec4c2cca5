/**
 * The StreamFlow churn prediction API (reference implementation), instrumented with prom-client.
 *
 * Routes: `POST /predict` (`{"user_id": …}` looks the user up in the feature snapshot, `{"features": {…}}` scores
 * the given values), `GET /health`, `GET /metrics`. Every response is JSON except `/metrics`.
 *
 * Metrics (own registry, so several servers can live in one process):
 * - `api_requests_total{method,route,status_code}` (counter),
 * - `api_request_latency_seconds{method,route,status_code}` (histogram with a bucket edge at the latency objective),
 * - prom-client's default process and Node.js metrics (`process_start_time_seconds` backs the "no restart" SLO).
 * Requests to `/metrics` itself are not counted, so scrapes do not inflate the request rate. Every label set the
 * service can produce for `/predict` and `/health` is created at zero at start-up, so `rate()` and `increase()` see
 * the first requests of a load.
 *
 * A client that closes its connection before the response (gives up mid-upload, times out) is counted under
 * `status_code="499"` (nginx's "client closed request", the usual Prometheus convention) on `api_requests_total`,
 * logged at debug level, and not timed: its duration is the client's decision, not the service's. So
 * `status_code=~"5.."` never counts a client's behaviour as a server error, and `sum(api_requests_total)` still
 * counts every request received.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { UserError } from '../errors.js';
import { getColumn, type Column, type Table } from '../snapshot/table.js';
import { nodeHttp } from '../util/node-http.js';
import { predictProbability, type ChurnModel, type FeatureValue } from './model.js';
import { cellValue } from './train.js';

/** Default latency objective (seconds): the histogram always has a bucket edge here. */
export const DEFAULT_LATENCY_OBJECTIVE_SECONDS = 0.3;
const BASE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10];
/** Request bodies above this are refused with 413. */
export const MAX_BODY_BYTES = 1 << 20;
/** The status code a request is counted under when the client closed the connection before the response. */
export const CLIENT_CLOSED_REQUEST = 499;
const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export interface PredictorOptions {
  readonly model: ChurnModel;
  /** Snapshot used for `{"user_id": …}` lookups; null serves `{"features": …}` requests only. */
  readonly features: Table | null;
  /** Column of `features` holding the user id. */
  readonly idColumn: string;
  /** Latency objective in seconds; added to the histogram's bucket edges. */
  readonly latencyObjectiveSeconds: number;
  /** Delay added to every `/predict` response, for testing the gate. */
  readonly injectLatencyMs: number;
  /** Share of `/predict` requests answered with 500, spread evenly (request k fails when ⌊k·r⌋ > ⌊(k−1)·r⌋). */
  readonly injectErrorRate: number;
  readonly log: (line: string) => void;
  /** Debug lines (client aborts); omitted: not written. */
  readonly debug?: (line: string) => void;
}

export interface PredictorServer {
  readonly server: Server;
  readonly registry: Registry;
  /** Listens on `host:port` (port 0 picks a free one) and resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** The histogram's bucket edges: the base edges plus the objective, sorted and unique. */
export function latencyBuckets(objectiveSeconds: number): number[] {
  return [...new Set([...BASE_BUCKETS, objectiveSeconds])].sort((a, b) => a - b);
}

/** A request outcome: HTTP status and JSON body. */
interface Reply {
  readonly status: number;
  readonly body: unknown;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The client closed the connection before the whole body arrived. */
class ClientAbort extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Gone already (e.g. while an injected delay ran): 'end' would never come.
    if (request.destroyed) {
      reject(new ClientAbort('connection closed before the body was read'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpFailure(413, `request body exceeds ${MAX_BODY_BYTES} bytes`));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    // Node reports a connection closed mid-body as an 'aborted' error; 'close' without 'end' is the same event.
    request.on('error', () => reject(new ClientAbort('connection closed mid-body')));
    request.on('close', () => {
      if (!request.complete) reject(new ClientAbort('connection closed mid-body'));
    });
  });
}

/** Resolves each model feature to a column of the snapshot, checking kinds once at start-up. */
function bindColumns(model: ChurnModel, table: Table): Column[] {
  return model.features.map((feature) => {
    const column = getColumn(table, feature.name);
    if (!column)
      throw new UserError('COLUMN_MISSING', `${table.source}: model feature '${feature.name}' not found`);
    const numeric = column.type === 'float' || column.type === 'int' || column.type === 'bool';
    if (feature.kind === 'numeric' ? !numeric : column.type !== 'string')
      throw new UserError(
        'COLUMN_TYPE_MISMATCH',
        `${table.source}: model feature '${feature.name}' is ${feature.kind} but the column is ${column.type}`,
      );
    return column;
  });
}

/** Builds the predictor; nothing listens until `listen()`. */
export function createPredictor(options: PredictorOptions): PredictorServer {
  const { model } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'api_requests_total',
    help: 'HTTP requests handled by the churn prediction API',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'api_request_latency_seconds',
    help: 'Time from the start of request handling to the response, in seconds',
    labelNames,
    buckets: latencyBuckets(options.latencyObjectiveSeconds),
    registers: [registry],
  });
  const expected: Array<[string, string, number[]]> = [
    ['POST', '/predict', [200, 400, 404, 413, 500, CLIENT_CLOSED_REQUEST]],
    ['GET', '/health', [200]],
  ];
  for (const [method, route, statuses] of expected)
    for (const status of statuses) {
      const labels = { method, route, status_code: String(status) };
      requests.inc(labels, 0);
      if (status !== CLIENT_CLOSED_REQUEST) latency.zero(labels);
    }

  // Snapshot index
  let columns: Column[] = [];
  const rowOfUser = new Map<string, number>();
  if (options.features) {
    const table = options.features;
    columns = bindColumns(model, table);
    const idColumn = getColumn(table, options.idColumn);
    if (!idColumn)
      throw new UserError('COLUMN_MISSING', `${table.source}: id column '${options.idColumn}' not found`);
    for (let row = 0; row < table.rows; row++) {
      const id = cellValue(idColumn, row);
      if (id !== null && !rowOfUser.has(String(id))) rowOfUser.set(String(id), row);
    }
  }

  let predictRequests = 0;
  const injectedError = (): boolean => {
    predictRequests++;
    const rate = options.injectErrorRate;
    return Math.floor(predictRequests * rate) > Math.floor((predictRequests - 1) * rate);
  };

  const score = (userId: string | null, values: FeatureValue[]): Reply => {
    const probability = predictProbability(model, values);
    const featuresUsed: Record<string, FeatureValue> = {};
    model.features.forEach((feature, i) => (featuresUsed[feature.name] = values[i] ?? null));
    return {
      status: 200,
      body: {
        user_id: userId,
        prediction: probability >= model.threshold ? 1 : 0,
        probability,
        features_used: featuresUsed,
      },
    };
  };

  const predict = async (request: IncomingMessage): Promise<Reply> => {
    if (options.injectLatencyMs > 0) await sleep(options.injectLatencyMs);
    if (injectedError()) throw new HttpFailure(500, 'injected error (--inject-error-rate)');
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      throw new HttpFailure(400, `malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpFailure(400, 'expected a JSON object with "user_id" or "features"');
    const request_ = body as Record<string, unknown>;
    if ('features' in request_) {
      if ('user_id' in request_) throw new HttpFailure(400, 'give either "user_id" or "features", not both');
      const given = request_.features;
      if (typeof given !== 'object' || given === null || Array.isArray(given))
        throw new HttpFailure(400, '"features" must be an object');
      const record = given as Record<string, unknown>;
      for (const name of Object.keys(record))
        if (!model.features.some((feature) => feature.name === name))
          throw new HttpFailure(400, `unknown feature '${name}'`);
      const values = model.features.map((feature): FeatureValue => {
        if (!(feature.name in record))
          throw new HttpFailure(400, `missing feature '${feature.name}' (use null for a missing value)`);
        const value = record[feature.name];
        if (value === null) return null;
        if (feature.kind === 'numeric') {
          if (typeof value === 'boolean') return value ? 1 : 0;
          if (typeof value === 'number' && Number.isFinite(value)) return value;
          throw new HttpFailure(400, `feature '${feature.name}' must be a number, a boolean or null`);
        }
        if (typeof value === 'string') return value;
        throw new HttpFailure(400, `feature '${feature.name}' must be a string or null`);
      });
      return score(null, values);
    }
    if (!('user_id' in request_)) throw new HttpFailure(400, 'expected "user_id" or "features"');
    const userId = request_.user_id;
    if (typeof userId !== 'string' && typeof userId !== 'number')
      throw new HttpFailure(400, '"user_id" must be a string');
    const row = rowOfUser.get(String(userId));
    if (row === undefined) throw new HttpFailure(404, `unknown user_id '${String(userId)}'`);
    return score(
      String(userId),
      columns.map((column) => cellValue(column, row)),
    );
  };

  const health = (): Reply => ({
    status: 200,
    body: {
      status: 'ok',
      model: {
        target: model.target,
        features: model.features.length,
        holdout_auc: model.training.holdout_auc,
      },
      users: rowOfUser.size,
    },
  });

  const send = (response: ServerResponse, reply: Reply): void => {
    const payload = JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
    });
    response.end(payload);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const path = (request.url ?? '/').split('?')[0];
    const method = KNOWN_METHODS.has(request.method ?? '') ? request.method! : 'OTHER';
    if (path === '/metrics' && method === 'GET') {
      const text = await registry.metrics();
      response.writeHead(200, { 'content-type': registry.contentType });
      response.end(text);
      return;
    }
    // 'close' before the response finished: the client went away (the request itself may have been complete).
    let clientGone = false;
    response.once('close', () => {
      if (!response.writableFinished) clientGone = true;
    });
    let route = 'other';
    let reply: Reply | null;
    try {
      if (path === '/predict') {
        route = '/predict';
        if (method !== 'POST') throw new HttpFailure(405, 'use POST /predict');
        reply = await predict(request);
      } else if (path === '/health') {
        route = '/health';
        if (method !== 'GET') throw new HttpFailure(405, 'use GET /health');
        reply = health();
      } else {
        throw new HttpFailure(404, `no route ${method} ${path}`);
      }
    } catch (error) {
      if (error instanceof HttpFailure) reply = { status: error.status, body: { error: error.message } };
      else if (error instanceof ClientAbort) reply = null;
      else {
        options.log(
          `predictor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        reply = { status: 500, body: { error: 'internal error' } };
      }
    }
    if (reply === null || clientGone || response.destroyed) {
      requests.inc({ method, route, status_code: String(CLIENT_CLOSED_REQUEST) });
      options.debug?.(
        `predictor: client closed the connection before the response (${method} ${path}; counted as ${CLIENT_CLOSED_REQUEST})`,
      );
      return;
    }
    // A body we did not read (405, 404, 413) must be drained for keep-alive to work.
    if (!request.complete) request.resume();
    send(response, reply);
    const labels = { method, route, status_code: String(reply.status) };
    requests.inc(labels);
    latency.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  };

  const server = nodeHttp().createServer((request, response) => {
    void handle(request, response);
  });
  // Keep-alive connections from load generators outlive Node's 5 s default otherwise.
  server.keepAliveTimeout = 65_000;

  return {
    server,
    registry,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) =>
          reject(
            error.code === 'EADDRINUSE'
              ? new UserError('USAGE', `--port: ${host}:${port} is already in use`)
              : error,
          ),
        );
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
