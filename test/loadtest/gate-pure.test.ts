/** The gate's pure parts: the generator's figures, client objectives from them, and the client/server latency gap. */
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src/loadtest/generator.js';
import { clientFigures, latencyGaps } from '../../src/loadtest/session.js';
import {
  evaluateClientObjective,
  evaluateSlo,
  formatGateTable,
  type GateResult,
} from '../../src/prometheus/evaluator.js';
import { parseSloFile } from '../../src/prometheus/slo-file.js';

const latency = (p95: number) => ({
  count: 90,
  min: 1,
  mean: p95 / 2,
  p50: p95 / 2,
  p75: p95 * 0.7,
  p90: p95 * 0.9,
  p95,
  p99: p95 * 1.5,
  p999: p95 * 2,
  max: p95 * 2,
});

function load(overrides: Partial<LoadResult> = {}): LoadResult {
  return {
    url: 'http://127.0.0.1:8000/predict',
    method: 'POST',
    offered_rate: 50,
    duration_seconds: 2,
    max_in_flight: 256,
    started_at: '2026-11-26T05:00:00.000Z',
    ended_at: '2026-11-26T05:00:02.400Z',
    elapsed_seconds: 2.4,
    scheduled: 100,
    sent: 96,
    dropped: 4,
    responses: 90,
    achieved_rate: 37.5,
    status_counts: { '200': 87, '503': 3 },
    errors: { timeout: 6 },
    failed: 9,
    error_ratio: 9 / 96,
    checks: null,
    latency_ms: latency(40),
    send_lag_ms: latency(1),
    stages: null,
    ...overrides,
  };
}

describe('client figures', () => {
  it('are the latency percentiles, failed / sent, dropped, and responses / scheduled', () => {
    expect(clientFigures(load())).toEqual({
      p50_ms: 20,
      p95_ms: 40,
      p99_ms: 60,
      error_ratio: 9 / 96,
      dropped: 4,
      achieved_ratio: 0.9,
    });
  });

  it('bound client objectives; a run without responses fails its latency objective with the reason', () => {
    const file = parseSloFile(
      'objectives:\n  - name: p95\n    source: client\n    figure: p95_ms\n    max: 30\n  - name: served\n    source: client\n    figure: achieved_ratio\n    min: 0.9\n',
      'f.yml',
    );
    const [p95, served] = file.objectives;
    expect(evaluateClientObjective(p95!, clientFigures(load()))).toMatchObject({
      source: 'client',
      figure: 'p95_ms',
      query: null,
      value: 40,
      raw: '40',
      status: 'fail',
      reason: 'value 40 is outside ≤ 30',
    });
    expect(evaluateClientObjective(served!, clientFigures(load()))).toMatchObject({
      status: 'pass',
      value: 0.9,
    });
    const silent = clientFigures(
      load({ responses: 0, latency_ms: { ...latency(0), count: 0, p95: Number.NaN } }),
    );
    expect(evaluateClientObjective(p95!, silent)).toMatchObject({
      status: 'fail',
      value: null,
      reason: 'p95_ms is undefined: no response was received',
    });
    expect(evaluateClientObjective(p95!, null)).toMatchObject({
      status: 'skipped',
      reason: 'no load in this run',
    });
  });
});

describe('a gate without a load (driftwatch slo)', () => {
  it('reports client objectives as skipped, never failing', async () => {
    const file = parseSloFile(
      'objectives:\n  - name: p95\n    source: client\n    figure: p95_ms\n    max: 30\n',
      'f.yml',
    );
    const result = await evaluateSlo(
      { prometheus: null, client: null },
      file,
      [null],
      {},
      Date.parse('2026-11-26T05:00:00Z'),
    );
    expect(result).toMatchObject({ prometheus: null, passed: true, failed: [] });
    expect(result.objectives[0]).toMatchObject({ status: 'skipped', reason: 'no load in this run' });
    expect(formatGateTable(result)).toMatch(/^p95\s+client p95_ms\s+-\s+≤ 30\s+skipped$/m);
  });
});

describe('latency gap', () => {
  const file = parseSloFile(
    'objectives:\n  - name: server_p95\n    query: histogram_quantile(0.95, x)\n    info: true\n    latency_quantile: 0.95\n  - name: other\n    query: up\n    min: 1\n',
    'f.yml',
  );
  const gate = (seconds: number | null): GateResult => ({
    prometheus: 'http://127.0.0.1:9090',
    slo_file: 'f.yml',
    evaluated_at: '2026-11-26T05:00:02.400Z',
    variables: {},
    passed: true,
    failed: [],
    objectives: [
      { value: seconds } as GateResult['objectives'][number],
      { value: 1 } as GateResult['objectives'][number],
    ],
  });

  it('pairs the marked server quantile with the client one; small gaps get no note', () => {
    expect(latencyGaps(file, gate(0.035), load())).toEqual([
      {
        quantile: 0.95,
        objective: 'server_p95',
        client_ms: 40,
        server_ms: 35,
        gap_ms: 5,
        send_lag_ms: 1,
        note: null,
      },
    ]);
  });

  it('notes a large gap: time the server histogram does not see (queueing before the handler)', () => {
    const [gap] = latencyGaps(file, gate(0.012), load({ latency_ms: latency(180) }));
    expect(gap!.gap_ms).toBeCloseTo(168, 9);
    expect(gap!.note).toBe(
      "client p95 is 168.0 ms above the server's: requests wait before the handler starts its timer (accept backlog, event loop, network)",
    );
  });

  it('blames the load host when the generator’s own send lag makes up the gap', () => {
    const [gap] = latencyGaps(
      file,
      gate(0.012),
      load({ latency_ms: latency(180), send_lag_ms: latency(120) }),
    );
    expect(gap!.send_lag_ms).toBe(120);
    expect(gap!.note).toBe(
      "client p95 is 168.0 ms above the server's, but the generator itself sent late (send lag p95 120.0 ms): the load host, not the service, is slow",
    );
  });

  it('reports nothing without a server value or without responses', () => {
    expect(latencyGaps(file, gate(null), load())).toEqual([]);
    expect(latencyGaps(file, gate(0.01), load({ latency_ms: { ...latency(1), p95: Number.NaN } }))).toEqual(
      [],
    );
  });
});
