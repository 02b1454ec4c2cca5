/**
 * Entry point of the companion action (`load-test/action.yml`, bundled to `load-test/dist/index.js`): reads the
 * inputs into one validated settings object, runs the load and the SLO gate, writes the JSON result, the outputs
 * and the job summary. The one catch of the action lives here: a UserError or a failed gate fails the step.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { UserError, getErrorMessage } from '../errors.js';
import { formatProgress, type LoadResult } from '../loadtest/generator.js';
import { runLoadSession } from '../loadtest/session.js';
import { parseLoadSessionSettings, type RawLoadField } from '../loadtest/settings.js';
import { writeJsonAtomic } from '../loadtest/write-json.js';
import { formatBound, type GateResult } from '../prometheus/evaluator.js';
import { systemClock } from '../prometheus/wait.js';

const INPUT_OF: Record<RawLoadField, string> = {
  url: 'url',
  rate: 'rate',
  duration: 'duration',
  payloads: 'payloads',
  method: 'method',
  maxInFlight: 'max-in-flight',
  timeoutMs: 'timeout-ms',
  prometheus: 'prometheus-url',
  slo: 'slo-file',
  job: 'job',
  vars: 'vars',
  waitTimeout: 'wait-timeout',
};

/** The example SLO file shipped beside action.yml (`load-test/slo.yml`), found from the bundle's location. */
function bundledSloFile(): string | undefined {
  const path = fileURLToPath(new URL('../slo.yml', import.meta.url));
  return existsSync(path) ? path : undefined;
}

function markdownSummary(load: LoadResult, gate: GateResult | null): string {
  const latency = load.latency_ms;
  const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : String(value));
  const lines = [
    '## Load test',
    '',
    '| | |',
    '|---|---|',
    `| target | \`${load.method} ${load.url}\` |`,
    `| offered | ${load.offered_rate}/s for ${load.duration_seconds} s |`,
    `| sent / scheduled | ${load.sent} / ${load.scheduled} |`,
    `| dropped (in-flight cap ${load.max_in_flight}) | ${load.dropped} |`,
    `| achieved rate | ${load.achieved_rate.toFixed(1)}/s |`,
    `| status codes | ${
      Object.entries(load.status_counts)
        .map(([code, n]) => `${code}: ${n}`)
        .join(', ') || '-'
    } |`,
    `| errors | ${
      Object.entries(load.errors)
        .map(([code, n]) => `${code}: ${n}`)
        .join(', ') || '0'
    } |`,
    `| latency p50 / p95 / p99 / max (ms, from intended send) | ${ms(latency.p50)} / ${ms(latency.p95)} / ${ms(latency.p99)} / ${ms(latency.max)} |`,
    '',
  ];
  if (gate) {
    lines.push(`## SLO gate: ${gate.passed ? 'passed ✅' : `FAILED ❌ (${gate.failed.join(', ')})`}`, '');
    lines.push(
      `Evaluated at ${gate.evaluated_at} against ${gate.prometheus} over window \`${gate.variables.window}\`.`,
      '',
    );
    lines.push('| objective | value | bound | pass |', '|---|---|---|---|');
    for (const objective of gate.objectives) {
      const value = objective.value ?? objective.raw ?? 'error';
      const pass = objective.status === 'pass' ? '✅' : objective.status === 'fail' ? '❌' : 'info';
      lines.push(`| ${objective.name} | ${value} | ${formatBound(objective.min, objective.max)} | ${pass} |`);
    }
    const reasons = gate.objectives.filter((objective) => objective.status === 'fail');
    if (reasons.length > 0)
      lines.push('', ...reasons.map((objective) => `- **${objective.name}**: ${objective.reason}`));
    lines.push('');
  }
  return lines.join('\n');
}

export async function run(): Promise<void> {
  try {
    const optional = (name: string): string | undefined => core.getInput(name) || undefined;
    const prometheus = optional('prometheus-url');
    const slo = optional('slo-file') ?? (prometheus === undefined ? undefined : bundledSloFile());
    const settings = parseLoadSessionSettings(
      {
        url: core.getInput('url'),
        rate: core.getInput('rate'),
        duration: core.getInput('duration'),
        payloads: optional('payloads'),
        method: optional('method'),
        maxInFlight: optional('max-in-flight'),
        timeoutMs: optional('timeout-ms'),
        prometheus,
        slo,
        job: optional('job'),
        vars: core.getMultilineInput('vars'),
        waitTimeout: optional('wait-timeout'),
      },
      (field) => `input '${INPUT_OF[field]}'`,
    );
    const resultFile = optional('result-file') ?? 'load-test-result.json';
    core.debug(`load settings: ${JSON.stringify({ ...settings, url: settings.url.toString() })}`);

    let ticks = 0;
    const result = await runLoadSession(settings, {
      log: (line) => core.info(line),
      onProgress: (progress) => {
        if (++ticks % 5 === 0) core.info(formatProgress(progress));
      },
      clock: systemClock,
    });
    const json = { load: result.load, gate: result.gate, passed: result.passed };
    await writeJsonAtomic(resultFile, json);

    core.setOutput('passed', String(result.passed));
    core.setOutput('result-file', resultFile);
    core.setOutput('achieved-rate', result.load.achieved_rate.toFixed(3));
    core.setOutput(
      'p95-ms',
      Number.isFinite(result.load.latency_ms.p95) ? result.load.latency_ms.p95.toFixed(3) : '',
    );
    core.setOutput('dropped', String(result.load.dropped));
    core.setOutput('failed-objectives', result.gate?.failed.join(',') ?? '');
    const summary = markdownSummary(result.load, result.gate);
    core.info(summary);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write();
    if (!result.passed) core.setFailed(`SLO gate failed: ${result.gate?.failed.join(', ')}`);
  } catch (error) {
    // Keep as much code within the try-catch as possible: this is the action's only catch.
    if (error instanceof UserError) core.setFailed(error.message);
    else
      core.setFailed(
        `driftwatch load-test internal error (please report): ${(error as Error)?.stack ?? getErrorMessage(error)}`,
      );
  }
}
