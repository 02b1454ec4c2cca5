// Secrets never reach a log line of the action: the bundled action (node index.js, built by this file) started as
// the runner starts it with step debug on (RUNNER_DEBUG=1), against the loopback fake GitHub and the real
// PostgreSQL. The token, the database URL and its password (also percent-decoded), PGPASSWORD and the values of the
// `secrets` input may appear in no output line but the `::add-mask::` commands that hand them to the runner's
// masker, whatever echoes them: the settings debug line, a PostgreSQL error, a GitHub API error body.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub, fakeRuntimeToken } from '../support/fake-github.js';
import { buildCliBundle, removeBundle } from '../support/bundle.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema } from '../snapshot/postgres/support.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'ghs_faultSecretToken5551234abcdef';
const PASSWORD = 'pw:S3cret@Value'; // needs percent-encoding in a URL
const PGPASSWORD = 'PgEnvPassw0rd9';
const EXTRA_SECRET = 'extraSecretValue42';
const available = await databaseAvailable();
const schema = uniqueSchema('secrets');

/** The test server's URL with a password (trust auth accepts any). */
function urlWithPassword(): string {
  const url = new URL(DATABASE_URL);
  url.password = PASSWORD; // percent-encoded by the setter
  return url.toString();
}

interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every secret and form that must stay hidden. */
const SECRETS = [TOKEN, PASSWORD, encodeURIComponent(PASSWORD), PGPASSWORD, EXTRA_SECRET];

/** No secret in any line but an `::add-mask::` command; returns the masked values. */
function expectNoSecretPrinted(run: ActionRun, secrets: readonly string[] = SECRETS): string[] {
  expect(run.stderr).toBe('');
  const masked: string[] = [];
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('::add-mask::')) {
      // Workflow command data escapes %, CR and LF; the runner unescapes them.
      masked.push(
        line.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
      );
      continue;
    }
    for (const secret of secrets) expect(line, `a line shows ${secret}`).not.toContain(secret);
    expect(line).not.toContain(fakeRuntimeToken());
  }
  return masked;
}

describe('the bundled action with step debug on never prints a secret', () => {
  const fake = new FakeGitHub({ owner: 'acme', repo: 'churn', users: { [TOKEN]: { login: 'bot' } } });
  const work = mkdtempSync(path.join(os.tmpdir(), 'dw-secrets-'));
  const workspace = path.join(work, 'workspace');
  let bundle = '';
  let runId = 70;

  beforeAll(async () => {
    bundle = path.join(path.dirname(buildCliBundle()), 'index.js');
    await fake.start();
    mkdirSync(workspace, { recursive: true });
    for (const month of [0, 1])
      writeFileSync(
        path.join(workspace, `month_00${month}.csv`),
        readFileSync(path.join(repoRoot, `fixtures/streamflow/month_00${month}.csv`)),
      );
    if (available)
      await sql(
        `CREATE SCHEMA ${schema}`,
        `CREATE TABLE ${schema}.t (as_of date, x double precision, c text)`,
        `INSERT INTO ${schema}.t SELECT d::date, g % 7, 'k' || (g % 3) FROM generate_series(1, 60) g,
           (VALUES ('2024-01-31'), ('2024-02-29')) AS v(d)`,
      );
  }, 300_000);

  afterAll(async () => {
    await fake.stop();
    if (available) await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    rmSync(work, { recursive: true, force: true });
    removeBundle(bundle);
  });

  async function runAction(
    inputs: Record<string, string>,
    extra: NodeJS.ProcessEnv = {},
  ): Promise<ActionRun> {
    const runDir = mkdtempSync(path.join(work, 'run-'));
    const eventPath = path.join(runDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ repository: { default_branch: 'main' } }));
    writeFileSync(path.join(runDir, 'output.txt'), '');
    mkdirSync(path.join(runDir, 'tmp'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_DEBUG: '1',
      GITHUB_REPOSITORY: 'acme/churn',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: String(++runId),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: path.join(runDir, 'output.txt'),
      GITHUB_API_URL: fake.url,
      RUNNER_TEMP: path.join(runDir, 'tmp'),
      ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
      ACTIONS_RESULTS_URL: `${fake.url}/`,
      'INPUT_GITHUB-TOKEN': TOKEN,
      INPUT_SECRETS: `${EXTRA_SECRET}\n`,
      PGPASSWORD,
      ...extra,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const child = spawn(process.execPath, [bundle], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout, stderr };
  }

  it.skipIf(!available)(
    'a database run: the settings debug line and a PostgreSQL error echoing the password show neither the password nor the URL',
    async () => {
      const url = urlWithPassword();
      // The relation name carries the password, so the server's error message echoes it.
      const query = `SELECT * FROM ${schema}."${PASSWORD}" WHERE as_of = $1`;
      const run = await runAction({
        'database-url': url,
        query,
        'reference-as-of': '2024-01-31',
        'current-as-of': '2024-02-29',
        comment: 'off',
      });
      const masked = expectNoSecretPrinted(run, [...SECRETS, url]);
      expect(masked).toEqual(expect.arrayContaining([TOKEN, url, PASSWORD, PGPASSWORD, EXTRA_SECRET]));
      // The masks come before any other line.
      const firstOther = run.stdout.split('\n').findIndex((line) => !line.startsWith('::add-mask::'));
      expect(
        run.stdout
          .split('\n')
          .slice(firstOther)
          .some((line) => line.startsWith('::add-mask::')),
      ).toBe(false);
      // Step debug really was on: the settings line is there, redacted.
      const settingsLine = run.stdout.split('\n').find((line) => line.startsWith('::debug::settings = '));
      expect(settingsLine).toContain('"databaseUrl":"***"');
      // The failure is one ::error:: line quoting the server's message with the password redacted.
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^::error::table missing at .*relation ".*\*\*\*" does not exist/);
      expect(run.code).toBe(1);
    },
    60_000,
  );

  it.skipIf(!available)(
    'a successful database run with DATABASE_URL from the environment prints the decision and no secret',
    async () => {
      const url = urlWithPassword();
      const run = await runAction(
        {
          table: `${schema}.t`,
          'reference-as-of': '2024-01-31',
          'current-as-of': '2024-02-29',
          comment: 'off',
        },
        { DATABASE_URL: url },
      );
      expectNoSecretPrinted(run, [...SECRETS, url]);
      expect(run.stdout).toMatch(/^\[driftwatch\] report_html=/m);
      expect(run.code).toBe(0);
    },
    60_000,
  );

  it('GitHub API errors that echo the token are redacted from ::warning:: and ::error:: lines', async () => {
    // The retrain workflow the action reads (contents API) before it dispatches.
    fake.addFile(
      '.github/workflows/retrain.yml',
      readFileSync(path.join(repoRoot, '.github/workflows/retrain.yml'), 'utf8'),
    );
    fake.fail({
      method: 'GET',
      path: /\/issues\/5\/comments$/,
      status: 403,
      body: { message: `token ${TOKEN} lacks issues: write (${EXTRA_SECRET})` },
    });
    fake.fail({
      method: 'POST',
      path: /\/dispatches$/,
      status: 422,
      body: { message: `Bad dispatch with token ${TOKEN} and ${PGPASSWORD}` },
    });
    const run = await runAction({
      reference: 'month_000.csv',
      current: 'month_001.csv',
      exclude: 'user_id',
      'retrain-threshold': '0',
      comment: 'issue',
      'issue-number': '5',
      'retrain-workflow': 'retrain.yml',
      history: 'off',
    });
    expectNoSecretPrinted(run);
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::could not comment'));
    expect(warnings).toEqual([expect.stringContaining('token *** lacks issues: write (***)')]);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toEqual([expect.stringContaining('Bad dispatch with token *** and ***')]);
    expect(run.code).toBe(1);
  }, 60_000);

  it.each([
    ['not JSON', '{"pull_request": {"number": 3', /the event payload is not JSON \(/],
    ['not an object', '[1, 2]', /the event payload is not a JSON object$/],
  ])(
    'a malformed GITHUB_EVENT_PATH (%s) is one ::error:: line naming the file, no stack',
    async (_, text, line) => {
      const eventPath = path.join(work, `event-${runId}.json`);
      writeFileSync(eventPath, text);
      const run = await runAction(
        { reference: 'month_000.csv', current: 'month_001.csv', comment: 'off' },
        { GITHUB_EVENT_PATH: eventPath, RUNNER_DEBUG: undefined },
      );
      const lines = run.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('::add-mask::'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^::error::GITHUB_EVENT_PATH: ${eventPath}: `));
      expect(lines[0]).toMatch(line);
      expect(run.stdout).not.toMatch(/\bat .*\.js:\d+/);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
    },
  );
});
