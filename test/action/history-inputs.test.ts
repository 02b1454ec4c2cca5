/** The action's history inputs: `history` (off|comment|file, its default), `history-file`, `retrain-after`. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getInputs } from '../../src/action/inputs.js';
import { UserError } from '../../src/errors.js';
import { RecordingLogger } from '../support/recording-logger.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-history-inputs-'));
const events = {
  schedule: { schedule: '17 6 1 * *', repository: { default_branch: 'main' } },
  pull_request: {
    pull_request: { number: 7, base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } },
    repository: { default_branch: 'main' },
  },
};
for (const [name, payload] of Object.entries(events))
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(payload));

function settings(inputs: Record<string, string>, eventName: keyof typeof events = 'schedule') {
  const env: NodeJS.ProcessEnv = {
    GITHUB_REPOSITORY: 'acme/churn',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path.join(dir, `${eventName}.json`),
    GITHUB_RUN_ID: '1',
    GITHUB_WORKSPACE: dir,
    'INPUT_GITHUB-TOKEN': 'ghs_token',
  };
  for (const [name, value] of Object.entries({ reference: 'a.csv', current: 'b.csv', ...inputs }))
    env[`INPUT_${name.toUpperCase()}`] = value;
  return getInputs(env, () => undefined, new RecordingLogger());
}

function failure(inputs: Record<string, string>, eventName: keyof typeof events = 'schedule'): string {
  try {
    settings(inputs, eventName);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('history inputs', () => {
  it('defaults to the comment when the comment goes to an issue, else off; to file when history-file is set', () => {
    expect(settings({ 'issue-number': '12' }).history).toBe('comment');
    expect(settings({}).history).toBe('off');
    expect(settings({ 'issue-number': '12' }, 'pull_request').history).toBe('off');
    const file = settings({ 'history-file': 'drift/history.jsonl' });
    expect(file.history).toBe('file');
    expect(file.compare.history).toBe('drift/history.jsonl');
    expect(settings({ 'issue-number': '12', history: 'off' }).history).toBe('off');
    expect(settings({ history: 'comment', comment: 'pr' }, 'pull_request').history).toBe('comment');
  });

  it('refuses contradictions with one line naming the input', () => {
    expect(failure({ history: 'file' })).toBe("history: 'file' needs the history-file input");
    expect(failure({ history: 'comment' })).toBe(
      "history: 'comment' needs a comment (comment is 'auto' and this run has no issue or pull request to comment on)",
    );
    expect(failure({ history: 'off', 'history-file': 'h.jsonl' })).toBe(
      "history-file: only used with history: file (history is 'off')",
    );
    expect(failure({ history: 'sometimes' })).toBe("history: 'sometimes' is not one of off, comment, file");
    expect(failure({ 'retrain-after': '0', 'issue-number': '3' })).toMatch(/^retrain-after: /);
  });

  it('retrain-after goes through the shared settings parser', () => {
    expect(settings({ 'retrain-after': '3', 'issue-number': '3' }).compare.retrainAfter).toBe(3);
  });
});
