/** Text renderings of a load run: the progress line, the result table and the per-stage table. No I/O. */
import type { LatencySummary, LoadProgress, LoadResult, StageResult } from './generator.js';

/** A number with fixed decimals; NaN and infinities as words. */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** `code: n, code: n` for a count map, or `empty` when it has no entry. */
export function formatCounts(counts: Readonly<Record<string, number>>, empty: string): string {
  return (
    Object.entries(counts)
      .map(([code, n]) => `${code}: ${n}`)
      .join(', ') || empty
  );
}

/** One progress line (no newline). */
export function formatProgress(progress: LoadProgress): string {
  return (
    `load ${fixed(Math.min(progress.elapsedSeconds, progress.durationSeconds), 0)}/${progress.durationSeconds}s  ` +
    `sent ${progress.sent}  responses ${progress.responses}  in-flight ${progress.inFlight}  ` +
    `dropped ${progress.dropped}  errors ${progress.errors}  p95 ${fixed(progress.p95Ms, 1)} ms`
  );
}

function latencyLine(latency: LatencySummary): string {
  return (
    `min ${fixed(latency.min, 2)}  mean ${fixed(latency.mean, 2)}  p50 ${fixed(latency.p50, 2)}  p75 ${fixed(latency.p75, 2)}  ` +
    `p90 ${fixed(latency.p90, 2)}  p95 ${fixed(latency.p95, 2)}  p99 ${fixed(latency.p99, 2)}  p99.9 ${fixed(latency.p999, 2)}  ` +
    `max ${fixed(latency.max, 2)}`
  );
}

function alignedRows(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** The result's offered load in words: `50/s for 60s`, or the stages. */
function offeredText(result: LoadResult): string {
  if (result.stages === null)
    return `${result.offered_rate}/s for ${result.duration_seconds}s (max in flight ${result.max_in_flight})`;
  return (
    `${result.stages.length} stages over ${result.duration_seconds}s, ${fixed(result.offered_rate, 1)}/s on average ` +
    `(max in flight ${result.max_in_flight})`
  );
}

/** The human-readable result table (with the per-stage table below it for a `stages` load). */
export function formatLoadTable(result: LoadResult): string {
  const rows: Array<[string, string]> = [
    ['url', `${result.method} ${result.url}`],
    ['offered rate', offeredText(result)],
    ['scheduled / sent', `${result.scheduled} / ${result.sent}`],
    ['dropped (in-flight cap)', String(result.dropped)],
    ['responses', String(result.responses)],
    ['achieved rate', `${fixed(result.achieved_rate, 1)}/s over ${fixed(result.elapsed_seconds, 2)}s`],
    ['status codes', formatCounts(result.status_counts, '-')],
    ['errors', formatCounts(result.errors, '0')],
    [
      'failed requests',
      `${result.failed} (error ratio ${fixed(result.error_ratio, 4)}; no response, 5xx or a failed check)`,
    ],
  ];
  if (result.checks) {
    const { status, schema, examples } = result.checks;
    if (status)
      rows.push(['check status', `expect ${status.expected}: ${status.failed} of ${status.checked} failed`]);
    if (schema)
      rows.push([
        'check schema',
        `${schema.schema} on ${schema.sample === 1 ? 'every response' : `${schema.sample} of responses`}: ${schema.failed} of ${schema.checked} failed`,
      ]);
    for (const example of examples) rows.push(['check failure', example]);
  }
  rows.push(
    ['latency ms (from intended send)', latencyLine(result.latency_ms)],
    [
      'send lag ms (generator)',
      `p50 ${fixed(result.send_lag_ms.p50, 2)}  p99 ${fixed(result.send_lag_ms.p99, 2)}  max ${fixed(result.send_lag_ms.max, 2)}`,
    ],
  );
  const table = alignedRows(rows);
  return result.stages === null ? table : `${table}\n\n${formatStageTable(result.stages)}`;
}

/** One row per stage: ramp, offered and achieved rates, counts and latency. */
export function formatStageTable(stages: readonly StageResult[]): string {
  const header = [
    'stage',
    'ramp /s',
    'seconds',
    'offered /s',
    'achieved /s',
    'sent',
    'dropped',
    'failed',
    'p50 ms',
    'p95 ms',
    'p99 ms',
  ];
  const rows = stages.map((stage) => [
    String(stage.stage),
    `${stage.from_rate} → ${stage.to_rate}`,
    `${stage.start_seconds}–${stage.start_seconds + stage.duration_seconds}`,
    fixed(stage.offered_rate, 1),
    fixed(stage.achieved_rate, 1),
    String(stage.sent),
    String(stage.dropped),
    String(stage.failed),
    fixed(stage.latency_ms.p50, 2),
    fixed(stage.latency_ms.p95, 2),
    fixed(stage.latency_ms.p99, 2),
  ]);
  return textTable(header, rows);
}

/** A plain-text table: columns padded to their widths, a dashed rule under the header. */
export function textTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
