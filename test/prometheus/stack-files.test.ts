/**
 * The static files of the stack (no Docker engine here): the Grafana dashboard's queries parse as PromQL and cover
 * the four panels the original system had; provisioning, Prometheus config and docker-compose agree with each other.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPromqlSyntax } from '../../src/prometheus/promql-check.js';

const read = async (path: string) => readFile(path, 'utf8');

describe('Grafana dashboard', () => {
  it('has RPS, mean latency, p95 and error ratio panels whose queries parse', async () => {
    const dashboard = JSON.parse(await read('load-test/grafana/dashboards/churn-api.json'));
    const targets: Array<{ title: string; expr: string }> = dashboard.panels.flatMap(
      (panel: { title: string; targets: Array<{ expr: string }> }) =>
        panel.targets.map((target) => ({ title: panel.title, expr: target.expr })),
    );
    for (const { title, expr } of targets)
      expect(checkPromqlSyntax(expr.replaceAll('$job', 'api')), title).toBeNull();
    const exprs = targets.map((target) => target.expr).join('\n');
    expect(exprs).toMatch(/rate\(api_requests_total\{job="\$job"\}\[5m\]\)/);
    expect(exprs).toMatch(
      /rate\(api_request_latency_seconds_sum\{job="\$job"\}\[5m\]\)\) \/ sum by \(route\) \(rate\(api_request_latency_seconds_count/,
    );
    expect(exprs).toMatch(
      /histogram_quantile\(0\.95, sum by \(le, route\) \(rate\(api_request_latency_seconds_bucket/,
    );
    expect(exprs).toMatch(
      /status_code=~"5\.\."\}\[5m\]\)\) or vector\(0\)\) \/ sum\(rate\(api_requests_total/,
    );
    expect(dashboard.panels.map((panel: { id: number }) => panel.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('uses the provisioned datasource, and provisioning loads the dashboards directory', async () => {
    const dashboard = JSON.parse(await read('load-test/grafana/dashboards/churn-api.json'));
    const datasources = parse(await read('load-test/grafana/provisioning/datasources/prometheus.yml'));
    const providers = parse(await read('load-test/grafana/provisioning/dashboards/dashboards.yml'));
    expect(datasources.datasources[0]).toMatchObject({
      uid: 'prometheus',
      type: 'prometheus',
      url: 'http://prometheus:9090',
    });
    for (const panel of dashboard.panels)
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: 'prometheus' });
    expect(providers.providers[0].options.path).toBe('/var/lib/grafana/dashboards');
  });
});

describe('docker-compose.yml', () => {
  it('starts predictor, Postgres, Prometheus and Grafana, wired to the shipped config', async () => {
    const compose = parse(await read('load-test/docker-compose.yml'), { merge: true });
    const services = compose.services;
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['predictor', 'postgres', 'prometheus', 'grafana']),
    );
    expect(services.prometheus.image).toBe('prom/prometheus:v2.42.0');
    expect(services.prometheus.volumes).toContain('./prometheus:/etc/prometheus:ro');
    expect(services.grafana.volumes).toEqual(
      expect.arrayContaining([
        './grafana/provisioning:/etc/grafana/provisioning:ro',
        './grafana/dashboards:/var/lib/grafana/dashboards:ro',
      ]),
    );
    expect(services.predictor.command.join(' ')).toContain('predictor --model /models/model.json');
    expect(services.predictor.command.join(' ')).toContain('--port 8000');
    const prometheusConfig = parse(await read('load-test/prometheus/prometheus.yml'));
    expect(prometheusConfig.scrape_configs[0]).toMatchObject({
      job_name: 'api',
      static_configs: [{ targets: ['predictor:8000'] }],
    });
    expect(prometheusConfig.global.scrape_interval).toBe('10s');
  });
});

describe('load-test/action.yml and .github/workflows/load-test.yml', () => {
  it('declares every input the action reads, runs node24 from its own bundle, and lists its outputs', async () => {
    const action = parse(await read('load-test/action.yml'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    const source = await read('src/action/load-test.ts');
    const read_ = [
      ...source.matchAll(/(?:getInput|getMultilineInput|optional)\(\s*'([a-z0-9-]+)'\s*\)/g),
    ].map((match) => match[1]);
    expect(new Set(read_)).toEqual(new Set(Object.keys(action.inputs)));
    const set = [...source.matchAll(/setOutput\(\s*'([a-z0-9-]+)'/g)].map((match) => match[1]);
    expect(new Set(set)).toEqual(new Set(Object.keys(action.outputs)));
    // Only url is required of every mode; rate and duration (mode load) or the search inputs are checked by the parser.
    const required = Object.entries(action.inputs as Record<string, { required?: boolean }>)
      .filter(([, input]) => input.required)
      .map(([name]) => name);
    expect(required).toEqual(['url']);
  });

  it('the workflow trains on the fixtures, starts predictor and Prometheus, runs the gate and uploads the results', async () => {
    const workflow = parse(await read('.github/workflows/load-test.yml'));
    const steps: Array<{ run?: string; uses?: string; with?: Record<string, string>; if?: string }> =
      workflow.jobs['load-test'].steps;
    const runs = steps.map((step) => step.run ?? '').join('\n');
    expect(runs).toContain(
      'dist/cli.js train --snapshot fixtures/streamflow/month_000.csv --target churn_label',
    );
    expect(runs).toContain('dist/cli.js predictor --model');
    expect(runs).toMatch(/prometheus --config\.file=.*\n?.*--storage\.tsdb\.path=/);
    expect(runs).toContain('dist/cli.js payloads --snapshot fixtures/streamflow/month_002.csv');
    const capacity = steps.find((step) => step.uses === './load-test' && step.with?.mode === 'capacity')!;
    expect(capacity.with).toMatchObject({ 'slo-file': 'load-test/slo-client.yml', budget: '4m' });
    const gate = steps.find((step) => step.uses === './load-test')!;
    expect(gate.with).toMatchObject({ 'slo-file': 'load-test/slo.yml', job: 'api' });
    expect(gate.with!['prometheus-url']).toContain('127.0.0.1');
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.if).toBe('always()');
    expect(upload.with!.path).toBe('load-test-results/');
  });
});
