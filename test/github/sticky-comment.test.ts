import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, describeApiError } from '../../src/github/client.js';
import { RecordingLogger } from '../support/recording-logger.js';
import {
  buildCommentBody,
  commentMarker,
  MAX_COMMENT_LENGTH,
  normaliseLogin,
  upsertStickyComment,
} from '../../src/github/sticky-comment.js';
import { FakeGitHub } from '../support/fake-github.js';

const APP_TOKEN = 'ghs_app_token_123';
const PAT = 'ghp_personal_token_456';
const READ_ONLY = 'ghs_fork_token_789';

describe('upsertStickyComment over HTTP against the fake GitHub', () => {
  const fake = new FakeGitHub({
    users: {
      [APP_TOKEN]: { login: 'github-actions[bot]', viewerLogin: 'github-actions', isApp: true },
      [PAT]: { login: 'octocat' },
      [READ_ONLY]: {
        login: 'github-actions[bot]',
        viewerLogin: 'github-actions',
        isApp: true,
        readOnly: true,
      },
    },
  });
  const client = (token: string) =>
    createGitHubClient({ token, baseUrl: fake.url, logger: new RecordingLogger(), retryAfterBaseValue: 5 });
  const target = (issueNumber: number, key = 'churn') => ({ owner: 'acme', repo: 'churn', issueNumber, key });

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.comments.length = 0;
    fake.failures.length = 0;
  });

  it('creates the comment once, then updates that same comment in place', async () => {
    const logger = new RecordingLogger();
    const first = await upsertStickyComment(
      client(APP_TOKEN),
      target(7),
      buildCommentBody('churn', 'drift 0.10'),
      logger,
    );
    const second = await upsertStickyComment(
      client(APP_TOKEN),
      target(7),
      buildCommentBody('churn', 'drift 0.20'),
      logger,
    );
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first.id, url: first.url });
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]!.body).toBe(`${commentMarker('churn')}\ndrift 0.20`);
    expect(fake.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    expect(fake.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(1);
  });

  it('never edits a copy of the marker written by someone else, nor another key', async () => {
    const human = fake.addComment(8, 'alice', `${commentMarker('churn')}\nI pasted the bot's comment`);
    const otherKey = fake.addComment(8, 'github-actions[bot]', `${commentMarker('fraud')}\nother model`);
    const result = await upsertStickyComment(
      client(APP_TOKEN),
      target(8),
      buildCommentBody('churn', 'mine'),
      new RecordingLogger(),
    );
    expect(result.action).toBe('created');
    expect(human.body).toContain('I pasted');
    expect(otherKey.body).toContain('other model');
    expect(fake.comments).toHaveLength(3);
  });

  it('finds its comment on a later page (paginated list, Link headers)', async () => {
    for (let i = 0; i < 230; i++) fake.addComment(9, i % 2 ? 'alice' : 'github-actions[bot]', `chatter ${i}`);
    const mine = fake.addComment(9, 'github-actions[bot]', `${commentMarker('churn')}\nold report`);
    for (let i = 0; i < 20; i++) fake.addComment(9, 'bob', `more ${i}`);
    const result = await upsertStickyComment(
      client(APP_TOKEN),
      target(9),
      buildCommentBody('churn', 'new report'),
      new RecordingLogger(),
    );
    expect(result).toMatchObject({ action: 'updated', id: mine.id });
    expect(mine.body).toContain('new report');
    const pages = fake.requestsTo('GET', /\/issues\/9\/comments$/).map((r) => r.query.get('page') ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
  });

  it('identifies a PAT user through GET /user when GraphQL is refused', async () => {
    fake.fail({ method: 'POST', path: /^\/graphql$/, status: 401, body: { message: 'Bad credentials' } });
    fake.addComment(10, 'octocat', `${commentMarker('churn')}\nby the PAT user`);
    const result = await upsertStickyComment(
      client(PAT),
      target(10),
      buildCommentBody('churn', 'updated by PAT'),
      new RecordingLogger(),
    );
    expect(result.action).toBe('updated');
    expect(fake.requestsTo('GET', /^\/user$/)).not.toHaveLength(0);
  });

  it('retries a transient 502 on the listing (plugin-retry) and still updates', async () => {
    fake.addComment(11, 'github-actions[bot]', `${commentMarker('churn')}\nold`);
    fake.fail({ method: 'GET', path: /\/issues\/11\/comments$/, status: 502, times: 2 });
    const result = await upsertStickyComment(
      client(APP_TOKEN),
      target(11),
      buildCommentBody('churn', 'after 502'),
      new RecordingLogger(),
    );
    expect(result.action).toBe('updated');
    expect(fake.requestsTo('GET', /\/issues\/11\/comments$/)).toHaveLength(3);
  });

  it('a read-only token (fork pull request) fails with a 403 that names the permission', async () => {
    const error = await upsertStickyComment(
      client(READ_ONLY),
      target(12),
      buildCommentBody('churn', 'x'),
      new RecordingLogger(),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    const message = describeApiError(error, 'comment on #12', 'pull-requests: write');
    expect(message).toBe(
      "could not comment on #12: 403 Resource not accessible by integration; the token needs 'pull-requests: write' (a pull request from a fork only gets a read-only token)",
    );
    expect(fake.comments).toHaveLength(0);
  });
});

describe('buildCommentBody', () => {
  it('puts the marker on the first line and cuts an oversized report to GitHub’s limit', () => {
    const body = buildCommentBody(
      'churn',
      'x'.repeat(70_000),
      'https://github.com/acme/churn/actions/runs/1/artifacts/2',
    );
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body.split('\n')[0]).toBe('<!-- driftwatch:sticky-comment key=churn -->');
    expect(body).toMatch(
      /comment truncated; the full report is: https:\/\/github.com\/acme\/churn\/actions\/runs\/1\/artifacts\/2\*\n$/,
    );
  });

  it('leaves a report under the limit untouched', () => {
    expect(buildCommentBody('k', '# Drift\n')).toBe('<!-- driftwatch:sticky-comment key=k -->\n# Drift\n');
  });

  it('refuses a key that could close the HTML comment', () => {
    expect(() => commentMarker('a --> b')).toThrow(/invalid comment key/);
  });

  it.each([
    ['github-actions[bot]', 'github-actions'],
    ['github-actions', 'github-actions'],
    ['OctoCat', 'octocat'],
  ])('normaliseLogin(%j) = %j', (login, expected) => expect(normaliseLogin(login)).toBe(expected));
});
