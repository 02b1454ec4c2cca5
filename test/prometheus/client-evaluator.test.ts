/**
 * The Prometheus client, the waits and the evaluator against a real Prometheus 2.42 on loopback (its own process,
 * temporary TSDB, 1 s scrape). Its one job, "dead", scrapes a closed port.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sloCommand } from '../../src/cli/commands/slo.js';
import { UserError } from '../../src/errors.js';
import { PrometheusClient, PrometheusQueryError } from '../../src/prometheus/client.js';
import { evaluateSlo, formatGateTable } from '../../src/prometheus/evaluator.js';
import { parseSloFile, prepareQueries } from '../../src/prometheus/slo-file.js';
import { waitForScrapeAfter, waitUntilScraping, type WaitClock } from '../../src/prometheus/wait.js';
import { captureIo } from '../loadtest/helpers/capture.js';
import {
  freePort,
  shouldRun,
  startPrometheus,
  type RunningPrometheus,
} from './helpers/prometheus-process.js';

/** A clock that only moves when the code under test sleeps: waits time out without real waiting. */
function fakeClock(): WaitClock & { slept: number } {
  let now = 0;
  const clock = {
    slept: 0,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      clock.slept += ms;
    },
  };
  return clock;
}

describe.runIf(shouldRun('prometheus'))('against a real Prometheus', () => {
  let prometheus: RunningPrometheus;
  let client: PrometheusClient;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'driftwatch-prom-test-'));
    prometheus = await startPrometheus([{ job: 'dead', targets: [`127.0.0.1:${await freePort()}`] }]);
    client = new PrometheusClient({ url: prometheus.url, timeoutMs: 5000 });
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  describe('client.query', () => {
    it.each([
      ['vector(1) + 0.5', 'vector', '1.5'],
      ['scalar(vector(2))', 'scalar', '2'],
      ['0/0', 'scalar', 'NaN'],
      ['1/0', 'scalar', '+Inf'],
    ])('%s → %s %s', async (query, resultType, value) => {
      const { data } = await client.query(query, Date.now());
      expect(data.resultType).toBe(resultType);
      expect(data.resultType === 'vector' ? data.samples[0]!.value : (data as { value: string }).value).toBe(
        value,
      );
    });

    it('returns an empty vector as zero samples and a range selector as a matrix', async () => {
      expect((await client.query('absent(vector(1))', Date.now())).data).toEqual({
        resultType: 'vector',
        samples: [],
      });
      expect((await client.query('vector(1)[1m:10s]', Date.now())).data).toMatchObject({
        resultType: 'matrix',
      });
    });

    it('pins the evaluation time', async () => {
      const { data } = await client.query('time()', Date.UTC(2026, 0, 1, 12));
      expect(data).toEqual({ resultType: 'scalar', value: String(Date.UTC(2026, 0, 1, 12) / 1000) });
    });

    it('translates an error envelope (bad_data, 400) and a non-2xx answer without one', async () => {
      const bad = await client.query('rate(up)', Date.now()).catch((error: unknown) => error);
      expect(bad).toBeInstanceOf(PrometheusQueryError);
      expect(bad).toMatchObject({ status: 400, errorType: 'bad_data' });
      expect((bad as Error).message).toMatch(/expected type range vector/);
      const wrongPrefix = new PrometheusClient({ url: `${prometheus.url}/nope`, timeoutMs: 5000 });
      const notFound = await wrongPrefix.query('up', Date.now()).catch((error: unknown) => error);
      expect(notFound).toBeInstanceOf(PrometheusQueryError);
      expect(notFound).toMatchObject({ status: 404, errorType: 'http' });
      expect((notFound as Error).message).toBe('HTTP 404 without a Prometheus envelope: 404 page not found');
    });

    it('turns an unreachable server into a UserError naming the URL', async () => {
      const closed = new PrometheusClient({ url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2000 });
      await expect(closed.query('up', Date.now())).rejects.toThrow(
        /^cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED$/,
      );
      await expect(closed.query('up', Date.now())).rejects.toBeInstanceOf(UserError);
      expect(await closed.ready()).toBe(false);
    });
  });

  describe('waits on the targets API', () => {
    it('times out naming the down target, without real sleeping (injected clock)', async () => {
      const clock = fakeClock();
      const error = await waitUntilScraping(client, {
        job: 'dead',
        timeoutMs: 3000,
        pollMs: 100,
        clock,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(
        /^timed out after 3000 ms waiting for job="dead" to be up at http:\/\/127\.0\.0\.1:\d+: http:\/\/127\.0\.0\.1:\d+\/metrics is (unknown|down)|no active target has job="dead"/,
      );
      expect(clock.slept).toBeGreaterThanOrEqual(3000);
    });

    it('names a job with no target', async () => {
      const error = await waitForScrapeAfter(client, 0, {
        job: 'nosuch',
        timeoutMs: 200,
        pollMs: 100,
        clock: fakeClock(),
      }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/no active target has job="nosuch"/);
    });

    it('sees the dead target as down, with the scrape error, once it has been scraped', async () => {
      let dead = (await client.targets()).find((target) => target.job === 'dead');
      for (let i = 0; i < 100 && dead?.health !== 'down'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        dead = (await client.targets()).find((target) => target.job === 'dead');
      }
      expect(dead).toMatchObject({ health: 'down', scrapeIntervalMs: 1000 });
      expect(dead!.lastError).toMatch(/connection refused/);
      expect(dead!.lastScrapeMs).toBeGreaterThan(Date.now() - 60_000);
    }, 20_000);
  });

  describe('evaluateSlo', () => {
    const file = parseSloFile(
      [
        'objectives:',
        '  - name: one',
        '    query: vector(1)',
        '    min: 1',
        '  - name: too_high',
        '    query: vector(0.5)',
        '    max: 0.3',
        '  - name: nan',
        '    query: 0/0',
        '    max: 1',
        '  - name: nan_info',
        '    query: 0/0',
        '    info: true',
        '  - name: empty_fails',
        '    query: absent(vector(1))',
        '    max: 1',
        '  - name: empty_zero',
        '    query: absent(vector(1))',
        '    max: 0',
        '    on_empty: zero',
        '  - name: infinite',
        '    query: 1/0',
        '    min: 0',
        '  - name: two_series',
        '    query: label_replace(vector(1), "a", "x", "", "") or label_replace(vector(2), "a", "y", "", "")',
        '    min: 0',
        '  - name: matrix',
        '    query: vector(1)[1m:10s]',
        '    min: 0',
        '  - name: server_error',
        '    query: rate(up)',
        '    min: 0',
        '',
      ].join('\n'),
      'edge.yml',
    );

    it('applies bounds, on_empty, NaN and result-shape rules', async () => {
      const at = Date.now();
      const result = await evaluateSlo(
        { prometheus: client, client: null },
        file,
        prepareQueries(file, {}),
        {},
        at,
      );
      const row = Object.fromEntries(
        result.objectives.map((o) => [o.name, [o.status, o.value, o.raw, o.reason]]),
      );
      expect(row.one).toEqual(['pass', 1, '1', null]);
      expect(row.too_high).toEqual(['fail', 0.5, '0.5', 'value 0.5 is outside ≤ 0.3']);
      expect(row.nan).toEqual(['fail', null, 'NaN', 'value is NaN']);
      expect(row.nan_info).toEqual(['info', null, 'NaN', null]);
      expect(row.empty_fails).toEqual([
        'fail',
        null,
        'empty',
        'empty result (no series matched; set on_empty: zero if that means 0)',
      ]);
      expect(row.empty_zero).toEqual(['pass', 0, 'empty', null]);
      expect(row.infinite).toEqual(['pass', null, '+Inf', null]);
      expect(row.two_series![0]).toBe('fail');
      expect(row.two_series![3]).toMatch(/returned 2 series; wrap it in sum\(\)/);
      expect(row.matrix![3]).toMatch(/range vector \(matrix\)/);
      expect(row.server_error![3]).toMatch(/^Prometheus error \(bad_data, HTTP 400\): .*range vector/);
      expect(result.passed).toBe(false);
      expect(result.failed).toEqual([
        'too_high',
        'nan',
        'empty_fails',
        'two_series',
        'matrix',
        'server_error',
      ]);
      expect(result.evaluated_at).toBe(new Date(at).toISOString());
      const table = formatGateTable(result);
      expect(table.split('\n')[0]).toMatch(/^objective\s+value\s+bound\s+pass$/);
      expect(table).toMatch(/^too_high\s+0\.5\s+≤ 0\.3\s+FAIL$/m);
      expect(table).toMatch(/^one\s+1\s+≥ 1\s+PASS$/m);
      expect(table).toMatch(/^nan_info\s+NaN\s+info\s+info$/m);
      expect(table).toContain('SLO gate FAILED');
    });
  });

  describe('driftwatch slo', () => {
    it('exits 0 when every objective passes and writes the JSON result', async () => {
      const slo = join(directory, 'pass.yml');
      await writeFile(
        slo,
        'objectives:\n  - name: pinned_time\n    query: time()\n    min: 1767268800\n    max: 1767268800\n',
      );
      const io = captureIo();
      const out = join(directory, 'pass.json');
      expect(
        await sloCommand.run(
          ['--prometheus', prometheus.url, '--file', slo, '--at', '2026-01-01T12:00:00Z', '--out', out],
          io,
        ),
      ).toBe(0);
      expect(io.out()).toMatch(/^pinned_time\s+1767268800\s+1767268800 ≤ x ≤ 1767268800\s+PASS$/m);
      expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({
        passed: true,
        evaluated_at: '2026-01-01T12:00:00.000Z',
      });
    });

    it('exits 1 naming the failed objective, with --var and --format json', async () => {
      const slo = join(directory, 'fail.yml');
      await writeFile(
        slo,
        'objectives:\n  - name: ratio\n    query: vector(${errors}) / ${total}\n    max: 0.01\n',
      );
      const io = captureIo();
      expect(
        await sloCommand.run(
          [
            '--prometheus',
            prometheus.url,
            '--file',
            slo,
            '--var',
            'errors=3',
            '--var',
            'total=100',
            '--format',
            'json',
          ],
          io,
        ),
      ).toBe(1);
      const result = JSON.parse(io.out());
      expect(result.failed).toEqual(['ratio']);
      expect(result.objectives[0]).toMatchObject({ query: 'vector(3) / 100', value: 0.03, status: 'fail' });
    });

    it('is a usage error (exit 2 path) when Prometheus is unreachable', async () => {
      const slo = join(directory, 'pass.yml');
      await expect(
        sloCommand.run(['--prometheus', `http://127.0.0.1:${await freePort()}`, '--file', slo], captureIo()),
      ).rejects.toThrow(/cannot reach Prometheus/);
    });
  });
});
