/**
 * The shipped Prometheus files pass promtool 2.42: the config, the alert rules (`check rules`) and their unit tests
 * plus the gate's PromQL on synthetic series (`test rules`). A wrong expectation must make promtool fail, so the
 * rule tests are not vacuous.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepareQueries, readSloFile } from '../../src/prometheus/slo-file.js';
import { shouldRun } from './helpers/prometheus-process.js';

const DIRECTORY = 'load-test/prometheus';

function promtool(args: string[], cwd = DIRECTORY) {
  const result = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, output: result.stdout + result.stderr };
}

describe.runIf(shouldRun('promtool'))('promtool on load-test/prometheus', () => {
  it('check config accepts prometheus.yml (job api, 10 s scrape, alert rules loaded)', async () => {
    const { status, output } = promtool(['check', 'config', 'prometheus.yml']);
    expect(output).toContain('SUCCESS: 1 rule files found');
    expect(status).toBe(0);
    const config = await readFile(join(DIRECTORY, 'prometheus.yml'), 'utf8');
    expect(config).toMatch(/job_name: api\n/);
    expect(config).toMatch(/scrape_interval: 10s/);
  });

  it('check rules accepts alerts.yml (latency, error ratio, target down)', async () => {
    const { status, output } = promtool(['check', 'rules', 'alerts.yml']);
    expect(output).toContain('SUCCESS: 5 rules found');
    expect(status).toBe(0);
    const rules = await readFile(join(DIRECTORY, 'alerts.yml'), 'utf8');
    for (const alert of ['ChurnApiLatencyHigh', 'ChurnApiErrorRatioHigh', 'ChurnApiTargetDown'])
      expect(rules).toContain(`alert: ${alert}`);
  });

  it('test rules passes the alert tests and the SLO query tests', () => {
    const { status, output } = promtool(['test', 'rules', 'alerts_test.yml', 'slo_test.yml']);
    expect(output).not.toContain('FAILED');
    expect(status).toBe(0);
  });

  it("slo_test.yml tests the shipped slo.yml's own queries", async () => {
    const file = await readSloFile('load-test/slo.yml');
    const queries = prepareQueries(file, { job: 'api', window: '15s', offered_rate: '200', duration: '15s' });
    const tests = parse(await readFile(join(DIRECTORY, 'slo_test.yml'), 'utf8')) as {
      tests: Array<{ promql_expr_test: Array<{ expr: string }> }>;
    };
    const tested = new Set(tests.tests.flatMap((test) => test.promql_expr_test.map((entry) => entry.expr)));
    for (const query of queries) expect(tested, query ?? '').toContain(query);
  });

  it('test rules fails on a wrong expectation (the tests can fail)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'driftwatch-promtool-'));
    try {
      await copyFile(join(DIRECTORY, 'alerts.yml'), join(directory, 'alerts.yml'));
      const tests = await readFile(join(DIRECTORY, 'alerts_test.yml'), 'utf8');
      expect(tests).toContain('value: 0.02\n');
      await writeFile(join(directory, 'alerts_test.yml'), tests.replace('value: 0.02\n', 'value: 0.05\n'));
      const { status, output } = promtool(['test', 'rules', 'alerts_test.yml'], directory);
      expect(status).toBe(1);
      expect(output).toMatch(/exp:.*5E-02[\s\S]*got:.*2E-02/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
