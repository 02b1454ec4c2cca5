/**
 * A loopback fake of the parts of GitHub the action talks to, over real HTTP on 127.0.0.1:
 *
 * - REST: issue comments (list with `Link` pagination, create, update), `GET /user`, GraphQL `viewer`, workflow runs
 *   (list), workflow dispatches (with `return_run_details`), workflows by id, repository file contents at a ref
 *   (`GET /contents/{path}?ref=`, base64 as GitHub returns a file);
 * - the artifact results service: Twirp JSON `CreateArtifact` / `FinalizeArtifact`
 *   (`/twirp/github.actions.results.api.v1.ArtifactService/*`, bearer ACTIONS_RUNTIME_TOKEN);
 * - the blob store behind the signed upload URL, as `@azure/storage-blob` drives it (Put Block + Put Block List,
 *   or a single Put Blob).
 *
 * It keeps state (comments, runs, artifacts with their bytes), records every request, and can be told to fail
 * chosen requests (status, body, headers, how many times) to exercise retries and warnings.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  /** Login as REST reports it on comments (`github-actions[bot]` for GITHUB_TOKEN). */
  readonly login: string;
  /** Login GraphQL `viewer` reports (no `[bot]` suffix for apps); defaults to `login`. */
  readonly viewerLogin?: string;
  /** Installation tokens cannot call `GET /user` (403, "Resource not accessible by integration"). */
  readonly isApp?: boolean;
  /** A read-only token (fork pull request): every write is refused with 403. */
  readonly readOnly?: boolean;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
  issueNumber: number;
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface FakeRun {
  id: number;
  workflow: string;
  display_title: string;
  event: string;
  html_url: string;
  inputs: Record<string, string>;
  ref: string;
  /** null while queued or running; `success`, `failure`, `cancelled`, ... once completed. */
  conclusion: string | null;
}

export interface FakeArtifact {
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  mimeType: string | undefined;
  version: number;
  /** Bytes received by the blob endpoint (after the block list was committed). */
  bytes: Buffer | undefined;
  finalized: boolean;
  size: number | undefined;
  hash: string | undefined;
  blobPath: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export interface InjectedFailure {
  readonly method: string;
  /** Matched against the path without the query string. */
  readonly path: RegExp;
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** Apply the request's effect first, then answer with the failure (a response lost after GitHub acted). */
  readonly afterEffect?: boolean;
  /** Wait this long before answering (a hung connection, when longer than the client's timeout). */
  readonly delayMs?: number;
}

export interface FakeGitHubOptions {
  readonly owner?: string;
  readonly repo?: string;
  /** token → user. */
  readonly users?: Record<string, FakeUser>;
  /** ACTIONS_RUNTIME_TOKEN the results service accepts. */
  readonly runtimeToken?: string;
  /**
   * The title a dispatched run gets, i.e. the target workflow's `run-name` evaluated with its inputs.
   * Default: `<workflow> <dispatch_key>`.
   */
  readonly runName?: (workflow: string, inputs: Record<string, string>) => string;
  /** Answer dispatches 204 without run details even when asked (older servers). */
  readonly dispatchReturnsNoContent?: boolean;
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly requests: RecordedRequest[] = [];
  readonly comments: FakeComment[] = [];
  readonly runs: FakeRun[] = [];
  readonly dispatches: {
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
    returnRunDetails: boolean;
  }[] = [];
  readonly artifacts: FakeArtifact[] = [];
  readonly failures: InjectedFailure[] = [];
  private readonly users: Record<string, FakeUser>;
  private readonly runtimeToken: string;
  private readonly options: FakeGitHubOptions;
  private readonly blocks = new Map<string, Map<string, Buffer>>();
  /** Repository files: path → ref (`*` for every ref) → text. */
  private readonly files = new Map<string, Map<string, string>>();
  /** Workflow ids the `GET /actions/workflows/{id}` route knows: id → file path. */
  readonly workflowIds = new Map<number, string>();
  private server: Server | undefined;
  private nextId = 1000;
  url = '';

  constructor(options: FakeGitHubOptions = {}) {
    this.options = options;
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'churn';
    this.users = options.users ?? {
      ghs_fake_token: { login: 'github-actions[bot]', viewerLogin: 'github-actions', isApp: true },
    };
    this.runtimeToken = options.runtimeToken ?? fakeRuntimeToken();
  }

  /** Starts listening on 127.0.0.1 with a free port; `url` is the origin. */
  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.handle(request, Buffer.concat(chunks), response).catch((error: unknown) => {
          respondJson(response, 500, { message: `fake GitHub crashed: ${String(error)}` });
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Makes the next `times` requests matching method and path fail. */
  fail(failure: InjectedFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  /** Adds a comment as if `login` had written it. */
  addComment(issueNumber: number, login: string, body: string): FakeComment {
    const id = this.nextId++;
    const now = new Date().toISOString();
    const comment: FakeComment = {
      id,
      body,
      user: { login },
      issueNumber,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issueNumber}#issuecomment-${id}`,
      created_at: now,
      updated_at: now,
    };
    this.comments.push(comment);
    return comment;
  }

  /**
   * Puts a file in the repository: at `ref` only (`main` and `refs/heads/main` are the same ref), or at every ref.
   */
  addFile(path: string, text: string, ref = '*'): void {
    const versions = this.files.get(path) ?? new Map<string, string>();
    versions.set(ref.replace(/^refs\/heads\//, ''), text);
    this.files.set(path, versions);
  }

  /** Requests matching method and a path pattern. */
  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && path.test(request.path));
  }

  private async handle(request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    this.requests.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
    });

    const failure = this.failures.find(
      (f) => f.method === method && f.path.test(url.pathname) && (f.times ?? 1) > 0,
    );
    if (failure && !failure.afterEffect) {
      failure.times = (failure.times ?? 1) - 1;
      return this.respondFailure(response, failure);
    }
    const sink = failure ? new ResponseSink() : undefined;
    await this.route(method, url, request, body, sink ?? response);
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      await this.respondFailure(response, failure);
    }
  }

  private async respondFailure(response: ServerResponse, failure: InjectedFailure): Promise<void> {
    if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    if (response.destroyed) return;
    response.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
    response.end(JSON.stringify(failure.body ?? { message: `injected failure ${failure.status}` }));
  }

  private async route(
    method: string,
    url: URL,
    request: IncomingMessage,
    body: Buffer,
    response: ServerResponse | ResponseSink,
  ): Promise<void> {
    const path = url.pathname;
    if (path.startsWith(TWIRP_PREFIX))
      return this.twirp(path.slice(TWIRP_PREFIX.length), request, body, response);
    if (path.startsWith('/blob/')) return this.blob(method, url, body, response);

    const user = this.authenticate(request);
    if (!user) return respondJson(response, 401, { message: 'Bad credentials' });
    if (user.readOnly && method !== 'GET' && path !== '/graphql')
      return respondJson(response, 403, { message: 'Resource not accessible by integration' });

    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    let match: RegExpMatchArray | null;
    if (method === 'POST' && path === '/graphql') {
      const query = (JSON.parse(body.toString()) as { query: string }).query;
      if (/viewer\s*\{\s*login/.test(query))
        return respondJson(response, 200, { data: { viewer: { login: user.viewerLogin ?? user.login } } });
      return respondJson(response, 200, { errors: [{ message: `fake GitHub does not answer ${query}` }] });
    }
    if (method === 'GET' && path === '/user') {
      if (user.isApp)
        return respondJson(response, 403, { message: 'Resource not accessible by integration' });
      return respondJson(response, 200, { login: user.login, id: 1 });
    }
    if (!path.startsWith(repoPrefix + '/')) return respondJson(response, 404, { message: 'Not Found' });
    const rest = path.slice(repoPrefix.length);

    if ((match = rest.match(/^\/issues\/(\d+)\/comments$/))) {
      const issueNumber = Number(match[1]);
      if (method === 'GET') {
        const all = this.comments.filter((comment) => comment.issueNumber === issueNumber);
        return this.respondPage(
          response,
          url,
          all.map((comment) => this.commentJson(comment)),
        );
      }
      if (method === 'POST') {
        const { body: text } = JSON.parse(body.toString()) as { body: string };
        if (text.length > 65_536)
          return respondJson(response, 422, { message: 'Body is too long (maximum is 65536 characters)' });
        const comment = this.addComment(issueNumber, user.login, text);
        return respondJson(response, 201, this.commentJson(comment));
      }
    }
    if ((match = rest.match(/^\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(match![1]));
      if (!comment) return respondJson(response, 404, { message: 'Not Found' });
      if (comment.user.login !== user.login)
        return respondJson(response, 403, { message: 'Must have admin rights to Repository.' });
      const { body: text } = JSON.parse(body.toString()) as { body: string };
      if (text.length > 65_536)
        return respondJson(response, 422, { message: 'Body is too long (maximum is 65536 characters)' });
      comment.body = text;
      comment.updated_at = new Date().toISOString();
      return respondJson(response, 200, this.commentJson(comment));
    }
    if ((match = rest.match(/^\/contents\/(.+)$/)) && method === 'GET') {
      const filePath = match[1]!.split('/').map(decodeURIComponent).join('/');
      const ref = (url.searchParams.get('ref') ?? 'main').replace(/^refs\/heads\//, '');
      const versions = this.files.get(filePath);
      const text = versions?.get(ref) ?? versions?.get('*');
      if (text === undefined)
        return respondJson(response, 404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
          status: '404',
        });
      const content = Buffer.from(text);
      return respondJson(response, 200, {
        type: 'file',
        encoding: 'base64',
        size: content.length,
        name: filePath.split('/').pop(),
        path: filePath,
        // GitHub wraps the base64 text at 60 characters.
        content: (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
        sha: createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex'),
      });
    }
    if ((match = rest.match(/^\/actions\/workflows\/([0-9]+)$/)) && method === 'GET') {
      const id = Number(match[1]);
      const workflowPath = this.workflowIds.get(id);
      if (workflowPath === undefined) return respondJson(response, 404, { message: 'Not Found' });
      return respondJson(response, 200, { id, path: workflowPath, state: 'active', name: workflowPath });
    }
    if ((match = rest.match(/^\/actions\/workflows\/([^/]+)\/runs$/)) && method === 'GET') {
      const workflow = decodeURIComponent(match[1]!);
      const event = url.searchParams.get('event');
      const runs = this.runs
        .filter((run) => run.workflow === workflow && (event === null || run.event === event))
        .slice()
        .reverse()
        .map((run) => ({
          id: run.id,
          name: run.workflow,
          display_title: run.display_title,
          event: run.event,
          html_url: run.html_url,
          status: run.conclusion === null ? 'queued' : 'completed',
          conclusion: run.conclusion,
        }));
      return this.respondPage(response, url, runs, (items, total) => ({
        total_count: total,
        workflow_runs: items,
      }));
    }
    if ((match = rest.match(/^\/actions\/workflows\/([^/]+)\/dispatches$/)) && method === 'POST') {
      const workflow = decodeURIComponent(match[1]!);
      const payload = JSON.parse(body.toString()) as {
        ref?: string;
        inputs?: Record<string, string>;
        return_run_details?: boolean;
      };
      if (!payload.ref)
        return respondJson(response, 422, { message: 'Invalid request.\n\n"ref" wasn\'t supplied.' });
      const inputs = payload.inputs ?? {};
      for (const [key, value] of Object.entries(inputs))
        if (typeof value !== 'string')
          return respondJson(response, 422, { message: `input ${key} must be a string` });
      this.dispatches.push({
        workflow,
        ref: payload.ref,
        inputs,
        returnRunDetails: payload.return_run_details === true,
      });
      const id = this.nextId++;
      const run: FakeRun = {
        id,
        workflow,
        display_title: this.options.runName?.(workflow, inputs) ?? `${workflow} ${inputs.dispatch_key ?? ''}`,
        event: 'workflow_dispatch',
        html_url: `https://github.com/${this.owner}/${this.repo}/actions/runs/${id}`,
        inputs,
        ref: payload.ref,
        conclusion: null,
      };
      this.runs.push(run);
      if (payload.return_run_details && !this.options.dispatchReturnsNoContent)
        return respondJson(response, 200, {
          workflow_run_id: id,
          run_url: `${this.url}${repoPrefix}/actions/runs/${id}`,
          html_url: run.html_url,
        });
      return respondEmpty(response, 204);
    }
    return respondJson(response, 404, { message: `Not Found (fake GitHub has no ${method} ${path})` });
  }

  private authenticate(request: IncomingMessage): FakeUser | undefined {
    const header = request.headers.authorization ?? '';
    const token = header.replace(/^(token|bearer)\s+/i, '');
    return this.users[token];
  }

  private commentJson(comment: FakeComment): Record<string, unknown> {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      body: comment.body,
      user: comment.user,
      html_url: comment.html_url,
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${comment.issueNumber}`,
      created_at: comment.created_at,
      updated_at: comment.updated_at,
    };
  }

  /** Pages a list the way GitHub does: `per_page`/`page` query, `Link` header with `rel="next"`/`rel="last"`. */
  private respondPage(
    response: ServerResponse | ResponseSink,
    url: URL,
    items: unknown[],
    wrap?: (items: unknown[], total: number) => unknown,
  ): void {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? '30'), 100);
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    const links: string[] = [];
    const pageUrl = (n: number) => {
      const next = new URL(url.toString().replace('http://fake', this.url));
      next.searchParams.set('page', String(n));
      next.searchParams.set('per_page', String(perPage));
      return next.toString();
    };
    if (page < lastPage)
      links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
    if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`, `<${pageUrl(1)}>; rel="first"`);
    respondJson(
      response,
      200,
      wrap ? wrap(slice, items.length) : slice,
      links.length ? { link: links.join(', ') } : {},
    );
  }

  // --- artifact results service (Twirp JSON) ---

  private twirp(
    method: string,
    request: IncomingMessage,
    body: Buffer,
    response: ServerResponse | ResponseSink,
  ): void {
    if (request.headers.authorization !== `Bearer ${this.runtimeToken}`)
      return respondJson(response, 401, { code: 'unauthenticated', msg: 'invalid runtime token' });
    const payload = JSON.parse(body.toString()) as Record<string, unknown>;
    const field = (snake: string, camel: string) => payload[snake] ?? payload[camel];
    const runId = String(field('workflow_run_backend_id', 'workflowRunBackendId') ?? '');
    const jobId = String(field('workflow_job_run_backend_id', 'workflowJobRunBackendId') ?? '');
    const name = String(payload.name ?? '');
    if (!runId || !jobId || !name)
      return respondJson(response, 400, { code: 'invalid_argument', msg: 'missing ids or name' });

    if (method === 'CreateArtifact') {
      if (this.artifacts.some((a) => a.workflowRunBackendId === runId && a.name === name))
        return respondJson(response, 409, {
          code: 'already_exists',
          msg: `an artifact with this name already exists on the workflow run`,
        });
      const id = this.nextId++;
      const blobPath = `/blob/devstoreaccount1/actions-results/${id}/${encodeURIComponent(name)}`;
      this.artifacts.push({
        id,
        name,
        workflowRunBackendId: runId,
        workflowJobRunBackendId: jobId,
        mimeType: field('mime_type', 'mimeType') as string | undefined,
        version: Number(payload.version ?? 0),
        bytes: undefined,
        finalized: false,
        size: undefined,
        hash: undefined,
        blobPath,
      });
      return respondJson(response, 200, {
        ok: true,
        signed_upload_url: `${this.url}${blobPath}?sv=2024-01-01&sig=fakesignature${id}`,
      });
    }
    if (method === 'FinalizeArtifact') {
      const artifact = this.artifacts.find((a) => a.workflowRunBackendId === runId && a.name === name);
      if (!artifact) return respondJson(response, 404, { code: 'not_found', msg: 'no such artifact' });
      const bytes = artifact.bytes ?? Buffer.alloc(0);
      const size = Number(payload.size);
      const hash = payload.hash as string | undefined;
      const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      if (size !== bytes.length || (hash !== undefined && hash !== actual))
        return respondJson(response, 400, {
          code: 'invalid_argument',
          msg: `size/hash mismatch: ${size} ${hash} vs ${bytes.length} ${actual}`,
        });
      artifact.finalized = true;
      artifact.size = size;
      artifact.hash = hash;
      return respondJson(response, 200, { ok: true, artifact_id: String(artifact.id) });
    }
    return respondJson(response, 404, { code: 'bad_route', msg: `no method ${method}` });
  }

  // --- blob store (Azure Blob REST subset) ---

  private blob(method: string, url: URL, body: Buffer, response: ServerResponse | ResponseSink): void {
    const artifact = this.artifacts.find((a) => a.blobPath === url.pathname);
    if (!artifact || !url.searchParams.get('sig')) return respondXml(response, 403, 'AuthenticationFailed');
    if (method !== 'PUT') return respondXml(response, 405, 'UnsupportedHttpVerb');
    const comp = url.searchParams.get('comp');
    const blocks = this.blocks.get(artifact.blobPath) ?? new Map<string, Buffer>();
    this.blocks.set(artifact.blobPath, blocks);
    if (comp === 'block') {
      blocks.set(url.searchParams.get('blockid') ?? '', body);
      return respondEmpty(response, 201, blobHeaders());
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString().matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map(
        (m) => m[1]!,
      );
      const missing = ids.filter((id) => !blocks.has(id));
      if (missing.length > 0) return respondXml(response, 400, 'InvalidBlockList');
      artifact.bytes = Buffer.concat(ids.map((id) => blocks.get(id)!));
      return respondEmpty(response, 201, blobHeaders());
    }
    if (comp === null) {
      artifact.bytes = body;
      return respondEmpty(response, 201, blobHeaders());
    }
    return respondXml(response, 400, 'InvalidQueryParameterValue');
  }
}

/** Collects a response that is thrown away (the effect happened, the client gets an injected failure instead). */
class ResponseSink {
  writeHead(): this {
    return this;
  }
  end(): void {}
}

function respondJson(
  response: ServerResponse | ResponseSink,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  (response as ServerResponse).writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
  (response as ServerResponse).end(JSON.stringify(body));
}

function respondEmpty(
  response: ServerResponse | ResponseSink,
  status: number,
  headers: Record<string, string> = {},
): void {
  (response as ServerResponse).writeHead(status, headers);
  (response as ServerResponse).end();
}

function respondXml(response: ServerResponse | ResponseSink, status: number, code: string): void {
  (response as ServerResponse).writeHead(status, {
    'content-type': 'application/xml',
    'x-ms-error-code': code,
  });
  (response as ServerResponse).end(
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
  );
}

function blobHeaders(): Record<string, string> {
  return {
    'x-ms-request-id': createHash('md5').update(String(Math.random())).digest('hex'),
    'x-ms-version': '2024-01-01',
    'x-ms-request-server-encrypted': 'true',
    date: new Date().toUTCString(),
  };
}

/**
 * An unsigned JWT like the runner's ACTIONS_RUNTIME_TOKEN: `@actions/artifact` only decodes it (jwt-decode) to find
 * the backend ids in the `scp` claim `Actions.Results:<workflow run backend id>:<job run backend id>`.
 */
export function fakeRuntimeToken(
  runBackendId = 'ce7f54c7-61c7-4aae-887f-30da475f5f1a',
  jobBackendId = 'ca395085-040a-526b-2ce8-bdc85f692774',
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return [
    encode({ alg: 'none', typ: 'JWT' }),
    encode({ scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`, exp: 4102444800 }),
    'unsigned',
  ].join('.');
}
