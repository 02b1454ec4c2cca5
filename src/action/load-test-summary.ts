/** The job summary of a load run (`mode: load`): load table, stages, checks, latency gap and objectives. */
import { fixed, formatCounts } from '../loadtest/format.js';
import type { LoadSessionResult } from '../loadtest/session.js';
import { formatBound } from '../prometheus/evaluator.js';

export function loadMarkdownSummary(result: LoadSessionResult): string {
  const { load, gate } = result;
  const latency = load.latency_ms;
  const ms = (value: number): string => fixed(value, 2);
  const offered =
    load.stages === null
      ? `${load.offered_rate}/s for ${load.duration_seconds} s`
      : `${load.stages.length} stages over ${load.duration_seconds} s (${fixed(load.offered_rate, 1)}/s on average)`;
  const lines = [
    '## Load test',
    '',
    '| | |',
    '|---|---|',
    `| target | \`${load.method} ${load.url}\` |`,
    `| offered | ${offered} |`,
    `| sent / scheduled | ${load.sent} / ${load.scheduled} |`,
    `| dropped (in-flight cap ${load.max_in_flight}) | ${load.dropped} |`,
    `| achieved rate | ${load.achieved_rate.toFixed(1)}/s |`,
    `| status codes | ${formatCounts(load.status_counts, '-')} |`,
    `| errors | ${formatCounts(load.errors, '0')} |`,
    `| failed requests (no response, 5xx, failed check) | ${load.failed} (${fixed(load.error_ratio * 100, 2)} %) |`,
    `| latency p50 / p95 / p99 / max (ms, from intended send) | ${ms(latency.p50)} / ${ms(latency.p95)} / ${ms(latency.p99)} / ${ms(latency.max)} |`,
  ];
  if (load.checks?.status)
    lines.push(
      `| check status ${load.checks.status.expected} | ${load.checks.status.failed} of ${load.checks.status.checked} failed |`,
    );
  if (load.checks?.schema)
    lines.push(
      `| check schema \`${load.checks.schema.schema}\` | ${load.checks.schema.failed} of ${load.checks.schema.checked} failed |`,
    );
  for (const gap of result.latency_gap)
    lines.push(
      `| latency p${gap.quantile * 100} client / server (gap) | ${ms(gap.client_ms)} / ${ms(gap.server_ms)} ms (${ms(gap.gap_ms)} ms) |`,
    );
  lines.push('');
  if (load.checks && load.checks.examples.length > 0)
    lines.push(...load.checks.examples.map((example) => `- check failure: ${example}`), '');
  for (const gap of result.latency_gap) if (gap.note) lines.push(`> ${gap.note}`, '');
  if (load.stages) {
    lines.push(
      '| stage | ramp /s | seconds | offered /s | achieved /s | sent | dropped | failed | p95 ms |',
      '|---:|---|---|---:|---:|---:|---:|---:|---:|',
      ...load.stages.map(
        (stage) =>
          `| ${stage.stage} | ${stage.from_rate} → ${stage.to_rate} | ${stage.start_seconds}–${stage.start_seconds + stage.duration_seconds} | ` +
          `${fixed(stage.offered_rate, 1)} | ${fixed(stage.achieved_rate, 1)} | ${stage.sent} | ${stage.dropped} | ${stage.failed} | ${ms(stage.latency_ms.p95)} |`,
      ),
      '',
    );
  }
  if (gate) {
    lines.push(`## SLO gate: ${gate.passed ? 'passed ✅' : `FAILED ❌ (${gate.failed.join(', ')})`}`, '');
    lines.push(
      gate.prometheus
        ? `Evaluated at ${gate.evaluated_at} against ${gate.prometheus} over window \`${gate.variables.window}\`.`
        : `Client objectives, from the generator's own figures.`,
      '',
    );
    lines.push('| objective | value | bound | pass | source |', '|---|---|---|---|---|');
    for (const objective of gate.objectives) {
      const value = objective.value ?? objective.raw ?? 'error';
      const pass = objective.status === 'pass' ? '✅' : objective.status === 'fail' ? '❌' : objective.status;
      const source = objective.source === 'client' ? `client \`${objective.figure}\`` : 'Prometheus';
      lines.push(
        `| ${objective.name} | ${value} | ${formatBound(objective.min, objective.max)} | ${pass} | ${source} |`,
      );
    }
    const reasons = gate.objectives.filter((objective) => objective.status === 'fail');
    if (reasons.length > 0)
      lines.push('', ...reasons.map((objective) => `- **${objective.name}**: ${objective.reason}`));
    lines.push('');
  }
  return lines.join('\n');
}
