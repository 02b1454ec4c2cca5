import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, describeApiError } from '../../src/github/client.js';
import { dispatchKey, dispatchRetrain, type RetrainDispatch } from '../../src/github/dispatch.js';
import { RecordingLogger } from '../support/recording-logger.js';
import { FakeGitHub } from '../support/fake-github.js';

const TOKEN = 'ghs_fake_token';

describe('dispatchKey', () => {
  const parts = {
    repository: 'acme/churn',
    workflow: 'retrain.yml',
    referenceLabel: '2024-01-31',
    currentLabel: '2024-02-29',
  };
  it('is deterministic and short enough for a run-name', () => {
    expect(dispatchKey(parts)).toBe(dispatchKey({ ...parts }));
    expect(dispatchKey(parts)).toMatch(/^dw-[0-9a-f]{16}$/);
  });
  it.each([
    ['repository', { repository: 'acme/other' }],
    ['workflow', { workflow: 'retrain-v2.yml' }],
    ['reference label', { referenceLabel: '2023-12-31' }],
    ['current label', { currentLabel: '2024-03-31' }],
    ['swapped labels', { referenceLabel: '2024-02-29', currentLabel: '2024-01-31' }],
  ])('changes with the %s', (_name, change) => {
    expect(dispatchKey({ ...parts, ...change })).not.toBe(dispatchKey(parts));
  });
  it('ignores the case of the repository (GitHub does)', () => {
    expect(dispatchKey({ ...parts, repository: 'ACME/Churn' })).toBe(dispatchKey(parts));
  });
});

describe('dispatchRetrain over HTTP against the fake GitHub', () => {
  const fake = new FakeGitHub({
    runName: (_workflow, inputs) => `Retrain churn model (${inputs.dispatch_key})`,
  });
  const client = () =>
    createGitHubClient({
      token: TOKEN,
      baseUrl: fake.url,
      logger: new RecordingLogger(),
      retryAfterBaseValue: 5,
    });
  const timing = { confirmDelayMs: 0 };
  let counter = 0;
  const request = (overrides: Partial<RetrainDispatch> = {}): RetrainDispatch => {
    const key = `dw-test${String(++counter).padStart(12, '0')}`;
    return {
      owner: 'acme',
      repo: 'churn',
      workflow: 'retrain.yml',
      ref: 'refs/heads/main',
      key,
      inputs: {
        reference: 'a.csv',
        current: 'b.csv',
        drift_share: '0.4',
        report_url: 'https://x',
        dispatch_key: key,
      },
      dryRun: false,
      ...overrides,
    };
  };

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.failures.length = 0;
  });

  it('dispatches once with run details, and a second identical request finds the run instead', async () => {
    const dispatch = request();
    const first = await dispatchRetrain(client(), dispatch, new RecordingLogger(), timing);
    const before = fake.dispatches.length;
    const second = await dispatchRetrain(client(), dispatch, new RecordingLogger(), timing);
    expect(first).toMatchObject({ status: 'dispatched', runId: expect.any(Number) });
    expect(second).toEqual({
      status: 'already-dispatched',
      runId: (first as { runId: number }).runId,
      runUrl: expect.stringContaining('/actions/runs/'),
    });
    expect(fake.dispatches.length).toBe(before);
    const sent = fake.dispatches.at(-1)!;
    expect(sent).toEqual({
      workflow: 'retrain.yml',
      ref: 'refs/heads/main',
      inputs: dispatch.inputs,
      returnRunDetails: true,
    });
  });

  it('a run of the key that was cancelled (concurrency group) does not count: the retrain is dispatched again', async () => {
    const dispatch = request();
    await dispatchRetrain(client(), dispatch, new RecordingLogger(), timing);
    const before = fake.dispatches.length;
    fake.runs.at(-1)!.conclusion = 'cancelled';
    const again = await dispatchRetrain(client(), dispatch, new RecordingLogger(), timing);
    expect(again.status).toBe('dispatched');
    expect(fake.dispatches.length - before).toBe(1);
    // A failed run does count: nobody wants a failing retrain re-dispatched on every drift check.
    fake.runs.at(-1)!.conclusion = 'failure';
    expect((await dispatchRetrain(client(), dispatch, new RecordingLogger(), timing)).status).toBe(
      'already-dispatched',
    );
  });

  it('dry-run sends nothing and says what it would do', async () => {
    const logger = new RecordingLogger();
    const before = fake.requests.length;
    const outcome = await dispatchRetrain(client(), request({ dryRun: true }), logger, timing);
    expect(outcome).toEqual({ status: 'dry-run' });
    expect(fake.requests.length).toBe(before);
    expect(logger.messages('info')[0]).toMatch(
      /^dry-run: would dispatch retrain\.yml@refs\/heads\/main with dispatch_key=dw-test\d+ and inputs \{"reference":"a.csv"/,
    );
  });

  it('a 502 whose dispatch was accepted is not sent again: the run is found by its key', async () => {
    const dispatch = request();
    fake.fail({ method: 'POST', path: /\/dispatches$/, status: 502, afterEffect: true });
    const before = fake.dispatches.length;
    const outcome = await dispatchRetrain(client(), dispatch, new RecordingLogger(), timing);
    expect(fake.dispatches.length - before).toBe(1);
    expect(
      fake.requestsTo('POST', /\/dispatches$/).filter((r) => r.body.includes(dispatch.key)),
    ).toHaveLength(1);
    expect(outcome).toMatchObject({ status: 'dispatched', runId: fake.runs.at(-1)!.id });
  });

  it('a dispatch whose answer never comes is cut off, and the run it started is found instead of dispatching again', async () => {
    const dispatch = request();
    fake.fail({ method: 'POST', path: /\/dispatches$/, status: 504, afterEffect: true, delayMs: 1500 });
    const before = fake.dispatches.length;
    const logger = new RecordingLogger();
    const outcome = await dispatchRetrain(client(), dispatch, logger, {
      confirmDelayMs: 0,
      requestTimeoutMs: 200,
    });
    expect(fake.dispatches.length - before).toBe(1);
    expect(outcome).toMatchObject({ status: 'dispatched', runId: fake.runs.at(-1)!.id });
    expect(logger.messages('warning')[0]).toMatch(/^Dispatch of retrain\.yml failed ambiguously/);
  });

  it('a 503 that started nothing is sent exactly once more', async () => {
    const dispatch = request();
    fake.fail({ method: 'POST', path: /\/dispatches$/, status: 503 });
    const before = fake.dispatches.length;
    const outcome = await dispatchRetrain(client(), dispatch, new RecordingLogger(), timing);
    expect(fake.dispatches.length - before).toBe(1);
    expect(
      fake.requestsTo('POST', /\/dispatches$/).filter((r) => r.body.includes(dispatch.key)),
    ).toHaveLength(2);
    expect(outcome.status).toBe('dispatched');
  });

  it('a secondary rate limit is waited out and retried (plugin-throttling), dispatching once', async () => {
    const dispatch = request();
    fake.fail({
      method: 'POST',
      path: /\/dispatches$/,
      status: 403,
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
      headers: { 'retry-after': '1' },
    });
    const logger = new RecordingLogger();
    const before = fake.dispatches.length;
    const outcome = await dispatchRetrain(client(), dispatch, logger, timing);
    expect(outcome.status).toBe('dispatched');
    expect(fake.dispatches.length - before).toBe(1);
  });

  it('falls back to a plain dispatch when the server rejects return_run_details', async () => {
    const dispatch = request();
    fake.fail({
      method: 'POST',
      path: /\/dispatches$/,
      status: 422,
      body: { message: 'Invalid request.\n\n"return_run_details" is not a permitted key.' },
    });
    const outcome = await dispatchRetrain(client(), dispatch, new RecordingLogger(), timing);
    expect(outcome).toEqual({ status: 'dispatched' });
    expect(fake.dispatches.at(-1)!.returnRunDetails).toBe(false);
  });

  it('propagates a 404 for an unknown workflow, with a message naming the permission', async () => {
    fake.fail({
      method: 'GET',
      path: /\/actions\/workflows\/nope\.yml\/runs$/,
      status: 404,
      body: { message: 'Not Found' },
    });
    const error = await dispatchRetrain(
      client(),
      request({ workflow: 'nope.yml' }),
      new RecordingLogger(),
      timing,
    ).catch((e: unknown) => e);
    expect(describeApiError(error, 'dispatch nope.yml', 'actions: write')).toBe(
      "could not dispatch nope.yml: 404 Not Found; check the name and that the token has 'actions: write'",
    );
  });
});
