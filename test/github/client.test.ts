import { describe, expect, it } from 'vitest';
import { RequestError } from '@octokit/request-error';
import { describeApiError, httpStatusOf } from '../../src/github/client.js';

const requestError = (status: number, message: string) =>
  new RequestError(message, status, {
    request: { method: 'POST', url: 'https://api.github.com/x', headers: {} },
    response: { status, url: 'https://api.github.com/x', headers: {}, data: { message } },
  });

describe('describeApiError', () => {
  it.each([
    [
      requestError(401, 'Bad credentials'),
      'could not dispatch retrain.yml: GitHub rejected the token (401 Bad credentials); check the github-token input',
    ],
    [
      requestError(403, 'Resource not accessible by integration'),
      "could not dispatch retrain.yml: 403 Resource not accessible by integration; the token needs 'actions: write' (a pull request from a fork only gets a read-only token)",
    ],
    [
      requestError(404, 'Not Found'),
      "could not dispatch retrain.yml: 404 Not Found; check the name and that the token has 'actions: write'",
    ],
    [
      requestError(422, 'Unexpected inputs provided: ["epochs"]\nmore'),
      'could not dispatch retrain.yml: 422 Unexpected inputs provided: ["epochs"]',
    ],
    [
      requestError(503, 'Service Unavailable'),
      'could not dispatch retrain.yml: HTTP 503 Service Unavailable',
    ],
    [
      new Error('connect ECONNREFUSED 127.0.0.1:1'),
      'could not dispatch retrain.yml: connect ECONNREFUSED 127.0.0.1:1',
    ],
  ])('%#: one line naming what failed and the permission', (error, message) => {
    const text = describeApiError(error, 'dispatch retrain.yml', 'actions: write');
    expect(text).toBe(message);
    expect(text).not.toContain('\n');
  });

  it('reads the status of Octokit errors only', () => {
    expect(httpStatusOf(requestError(418, 'teapot'))).toBe(418);
    expect(httpStatusOf(new Error('x'))).toBeUndefined();
    expect(httpStatusOf({ status: '500' })).toBeUndefined();
  });
});
