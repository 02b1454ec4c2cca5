import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parseDurationMs, parseSampleValue, parseTime } from '../../src/prometheus/client.js';
import { formatBound, withinBounds } from '../../src/prometheus/evaluator.js';
import { checkPromqlSyntax } from '../../src/prometheus/promql-check.js';
import { parseSloFile, prepareQueries, readSloFile } from '../../src/prometheus/slo-file.js';
import { formatPromDuration, gateVariables, gateWindowMs } from '../../src/loadtest/session.js';

describe('the shipped load-test/slo.yml', () => {
  it('parses into the six documented objectives', async () => {
    const file = await readSloFile('load-test/slo.yml');
    expect(file.variables).toEqual({ job: 'api' });
    expect(file.objectives.map((o) => [o.name, o.min, o.max, o.info, o.onEmpty])).toEqual([
      ['target_up', 1, null, false, 'fail'],
      ['no_restart', null, 0, false, 'fail'],
      ['request_rate_vs_offered', 0.95, null, false, 'fail'],
      ['error_ratio', null, 0.01, false, 'fail'],
      ['share_under_300ms', 0.95, null, false, 'fail'],
      ['p95_latency_seconds', null, null, true, 'fail'],
    ]);
  });

  it('substitutes the run variables and passes the PromQL syntax check', async () => {
    const file = await readSloFile('load-test/slo.yml');
    const variables = gateVariables(
      file.variables,
      { job: 'api', windowMs: 29_000, offeredRate: 50, durationSeconds: 30 },
      {},
    );
    const queries = prepareQueries(file, variables);
    expect(queries[0]).toBe('min_over_time(up{job="api"}[29s])');
    expect(queries[2]).toBe('sum(rate(api_requests_total{job="api",route="/predict"}[29s])) / 50');
    expect(queries.join('\n')).not.toContain('${');
  });
});

describe('parseSloFile validation', () => {
  const objective = (extra: string) => `objectives:\n  - name: a\n    query: up\n${extra}`;
  // --- Test Input Validation: each message names the file and line ---
  it.each([
    ['objectives: [', /^slo\.yml:1: invalid YAML/],
    ['- a\n- b\n', /^slo\.yml:1: expected a mapping with "objectives"/],
    ['objectives: []\n', /^slo\.yml:1: 'objectives' must be a non-empty list/],
    ['objectives:\n  - name: a\n    query: up\n    min: 1\nextra: 1\n', /^slo\.yml:5: unknown key 'extra'/],
    [objective('    min: one\n'), /^slo\.yml:4: objective 'a': min must be a finite number/],
    [
      objective(''),
      /^slo\.yml:2: objective 'a' has neither min nor max; give a bound or mark it "info: true"/,
    ],
    [objective('    min: 2\n    max: 1\n'), /^slo\.yml:4: objective 'a': min 2 is above max 1/],
    [
      objective('    max: 1\n    on_empty: skip\n'),
      /^slo\.yml:5: objective 'a': on_empty must be 'fail' or 'zero', not 'skip'/,
    ],
    [objective('    max: 1\n    threshold: 3\n'), /^slo\.yml:5: objectives\[0\]: unknown key 'threshold'/],
    [
      objective('    info: true\n    max: 1\n'),
      /^slo\.yml:4: objective 'a': an info objective takes no min\/max/,
    ],
    ['objectives:\n  - query: up\n    max: 1\n', /^slo\.yml:2: objectives\[0\] needs a "name"/],
    ['objectives:\n  - name: a\n    max: 1\n', /^slo\.yml:2: objective 'a' needs a "query"/],
    [
      objective('    max: 1\n  - name: a\n    query: up\n    max: 1\n'),
      /^slo\.yml:5: objective 'a' is defined twice/,
    ],
    [
      'variables: [1]\nobjectives:\n  - name: a\n    query: up\n    max: 1\n',
      /^slo\.yml:1: 'variables' must be a mapping/,
    ],
    [
      'variables:\n  Bad-Name: 1\nobjectives:\n  - name: a\n    query: up\n    max: 1\n',
      /^slo\.yml:2: variable name 'Bad-Name'/,
    ],
  ])('rejects %j', (text, message) => {
    let error: unknown;
    try {
      parseSloFile(text, 'slo.yml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('CONFIG');
    expect((error as UserError).message).toMatch(message);
  });

  it('reads on_empty, info and description', () => {
    const file = parseSloFile(
      'objectives:\n  - name: errors\n    description: d\n    query: sum(x)\n    max: 0\n    on_empty: zero\n  - name: p95\n    query: y\n    info: true\n',
      'f.yml',
    );
    expect(file.objectives[0]).toMatchObject({
      name: 'errors',
      description: 'd',
      onEmpty: 'zero',
      max: 0,
      min: null,
      line: 2,
    });
    expect(file.objectives[1]).toMatchObject({ name: 'p95', info: true, line: 7 });
  });

  describe('client objectives and latency_quantile', () => {
    const client = (extra: string) => `objectives:\n  - name: c\n    source: client\n${extra}`;
    it.each([
      [
        client('    max: 1\n'),
        /^slo\.yml:2: objective 'c': figure must be one of p50_ms, p95_ms, p99_ms, error_ratio, dropped, achieved_ratio$/,
      ],
      [
        client('    figure: p90_ms\n    max: 1\n'),
        /^slo\.yml:4: objective 'c': figure must be one of .*, not 'p90_ms'$/,
      ],
      [
        client('    figure: p95_ms\n    query: up\n    max: 1\n'),
        /^slo\.yml:5: objective 'c': a client objective takes a "figure", not a "query"$/,
      ],
      [
        client('    figure: dropped\n    max: 0\n    on_empty: zero\n'),
        /^slo\.yml:6: objective 'c': on_empty applies to Prometheus objectives only$/,
      ],
      [
        client('    figure: p95_ms\n    max: 1\n    latency_quantile: 0.95\n'),
        /^slo\.yml:6: objective 'c': latency_quantile marks a Prometheus objective$/,
      ],
      [
        objective('    max: 1\n    figure: p95_ms\n'),
        /^slo\.yml:5: objective 'a': "figure" needs source: client$/,
      ],
      [
        objective('    max: 1\n    source: k6\n'),
        /^slo\.yml:5: objective 'a': source must be 'prometheus' or 'client', not 'k6'$/,
      ],
      [
        objective('    info: true\n    latency_quantile: 0.9\n'),
        /^slo\.yml:5: objective 'a': latency_quantile must be one of 0\.5, 0\.95, 0\.99$/,
      ],
    ])('rejects %j', (text, message) => {
      expect(() => parseSloFile(text, 'slo.yml')).toThrow(message);
    });

    it('reads them, and prepares queries for Prometheus objectives only', () => {
      const file = parseSloFile(
        'objectives:\n  - name: c\n    source: client\n    figure: p95_ms\n    max: 50\n  - name: s\n    query: histogram_quantile(0.95, x)\n    info: true\n    latency_quantile: 0.95\n',
        'f.yml',
      );
      expect(file.objectives.map((o) => [o.name, o.source, o.figure, o.query, o.latencyQuantile])).toEqual([
        ['c', 'client', 'p95_ms', null, null],
        ['s', 'prometheus', null, 'histogram_quantile(0.95, x)', 0.95],
      ]);
      expect(prepareQueries(file, {})).toEqual([null, 'histogram_quantile(0.95, x)']);
    });
  });

  it('names an unknown ${variable} and how to set it', () => {
    const file = parseSloFile(
      'objectives:\n  - name: a\n    query: rate(x[${window}]) / ${target}\n    min: 1\n',
      'f.yml',
    );
    expect(() => prepareQueries(file, { window: '1m' })).toThrow(
      "f.yml:2: objective 'a' uses ${target}, which has no value (known: window; set it with --var target=VALUE)",
    );
  });

  it('reports a PromQL syntax error with the objective and the position', () => {
    const ok = parseSloFile(
      'objectives:\n  - name: broken\n    query: sum(rate(x[5m])) by (le\n    min: 1\n',
      'f.yml',
    );
    expect(() => prepareQueries(ok, {})).toThrow(
      "f.yml:2: objective 'broken': PromQL syntax error at 1:24: unexpected end of query",
    );
  });

  it('reports a missing file', async () => {
    await expect(readSloFile('nope/slo.yml')).rejects.toThrow('nope/slo.yml: file not found');
  });
});

describe('checkPromqlSyntax', () => {
  it.each([
    'up',
    'sum(rate(api_requests_total{job="api"}[5m]))',
    '(sum(rate(a{s=~"5.."}[15s])) or vector(0)) / sum(rate(a[15s]))',
    'histogram_quantile(0.95, sum by (le) (rate(x_bucket[15s])))',
    'x @ 1700000000',
    'max(changes(process_start_time_seconds[1m]))',
  ])('accepts %s', (query) => {
    expect(checkPromqlSyntax(query)).toBeNull();
  });

  it.each([
    ['', 1, 1, 'empty query'],
    ['sum(x) / ', 1, 10, 'unexpected end of query'],
    ['rate(x[5m)', 1, 10, "unexpected input near ')'"],
    ['nosuchfunc(up)', 1, 11, "unexpected input near '(up)'"],
    ['sum(x)\n  +* 2', 2, 4, "unexpected input near '* 2'"],
  ])('rejects %j at %i:%i', (query, line, column, message) => {
    expect(checkPromqlSyntax(query)).toEqual({ line, column, message });
  });
});

describe('values, bounds, durations and times', () => {
  it.each([
    ['1', 1],
    ['0.02425', 0.02425],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
    ['NaN', Number.NaN],
    ['1e-3', 0.001],
  ])('parseSampleValue(%s)', (text, value) => {
    expect(parseSampleValue(text)).toBe(value);
  });

  it.each([
    [0.5, null, 0.3, false],
    [0.3, null, 0.3, true], // inclusive
    [1, 1, null, true], // inclusive: up == 1 passes min 1
    [0, null, 0, true], // changes() == 0 passes max 0
    [Number.NaN, null, 0.3, false],
    [Number.NaN, 0, null, false],
    [Number.NaN, null, null, false],
    [Number.POSITIVE_INFINITY, 0, null, true],
    [Number.POSITIVE_INFINITY, null, 1, false],
  ])('withinBounds(%s, min %s, max %s) = %s', (value, min, max, expected) => {
    expect(withinBounds(value, min, max)).toBe(expected);
  });

  it('formats bounds', () => {
    expect([
      formatBound(1, null),
      formatBound(null, 0.01),
      formatBound(0, 1),
      formatBound(null, null),
    ]).toEqual(['≥ 1', '≤ 0.01', '0 ≤ x ≤ 1', 'info']);
  });

  it('parses Prometheus durations and time flags', () => {
    expect(parseDurationMs('1s')).toBe(1000);
    expect(parseDurationMs('1m30s')).toBe(90_000);
    expect(parseDurationMs('500ms')).toBe(500);
    expect(() => parseDurationMs('5 s')).toThrow(/not a Prometheus duration/);
    expect(parseTime('--at', '1795667309.811')).toBe(1795667309811);
    expect(parseTime('--at', '2026-11-26T05:00:00Z')).toBe(Date.UTC(2026, 10, 26, 5));
    expect(() => parseTime('--at', 'yesterday')).toThrow(
      "--at: 'yesterday' is neither RFC 3339 nor Unix seconds",
    );
  });

  it('derives the gate window from the load and the scrape interval', () => {
    expect(gateWindowMs(30_000, 1000)).toBe(29_000);
    expect(gateWindowMs(60_000, 10_000)).toBe(50_000);
    expect(gateWindowMs(5000, 1000)).toBe(4000); // never below 4 scrapes
    expect([formatPromDuration(29_000), formatPromDuration(7500)]).toEqual(['29s', '7500ms']);
    expect(
      gateVariables(
        { job: 'x', extra: 'e' },
        { job: 'api', windowMs: 9000, offeredRate: 12.5, durationSeconds: 10 },
        { window: '1m' },
      ),
    ).toEqual({
      job: 'api',
      extra: 'e',
      window: '1m',
      offered_rate: '12.5',
      duration: '10s',
    });
  });
});
