/**
 * Entry point of the companion action (`load-test/action.yml`, bundled to `load-test/dist/index.js`): reads the
 * inputs into one validated settings object, then either runs the load and the SLO gate (`mode: load`) or the
 * capacity search (`mode: capacity`); writes the JSON result, the outputs and the job summary. The one catch of the
 * action lives here: a UserError, a failed gate or a capacity below its baseline fails the step.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { UserError, getErrorMessage } from '../errors.js';
import { runCapacitySearch } from '../loadtest/capacity.js';
import { capacityHtml, capacityMarkdown, capacitySentence } from '../loadtest/capacity-report.js';
import { formatProgress } from '../loadtest/format.js';
import { runLoadSession } from '../loadtest/session.js';
import {
  parseCapacitySettings,
  parseLoadSessionSettings,
  type RawLoadField,
  type RawLoadInputs,
} from '../loadtest/settings.js';
import { writeJsonFileAtomic, writeFileAtomic } from '../util/fs.js';
import { systemClock, type WaitClock } from '../prometheus/wait.js';
import { loadMarkdownSummary } from './load-test-summary.js';

/** The input of every raw load field, for messages (the CLI has its own FLAG_OF). */
const INPUT_OF: Record<RawLoadField, string> = {
  url: 'url',
  rate: 'rate',
  duration: 'duration',
  stages: 'stages',
  payloads: 'payloads',
  method: 'method',
  maxInFlight: 'max-in-flight',
  timeoutMs: 'timeout-ms',
  expectStatus: 'expect-status',
  expectJsonSchema: 'expect-json-schema',
  checkSample: 'check-sample',
  prometheus: 'prometheus-url',
  slo: 'slo-file',
  job: 'job',
  vars: 'vars',
  waitTimeout: 'wait-timeout',
  min: 'min',
  max: 'max',
  stepDuration: 'step-duration',
  precision: 'precision',
  coolDown: 'cool-down',
  budget: 'budget',
  baseline: 'baseline',
  maxCapacityDrop: 'max-capacity-drop',
};

const label = (field: RawLoadField): string => `input '${INPUT_OF[field]}'`;

/** The example SLO file shipped beside action.yml (`load-test/slo.yml`), found from the bundle's location. */
function bundledSloFile(): string | undefined {
  const path = fileURLToPath(new URL('../slo.yml', import.meta.url));
  return existsSync(path) ? path : undefined;
}

const optional = (name: string): string | undefined => core.getInput(name) || undefined;

/** Every input of both modes, raw; each parser refuses the other mode's fields. */
function rawInputs(): RawLoadInputs {
  const prometheus = optional('prometheus-url');
  return {
    url: core.getInput('url'),
    rate: optional('rate'),
    duration: optional('duration'),
    stages: optional('stages'),
    payloads: optional('payloads'),
    method: optional('method'),
    maxInFlight: optional('max-in-flight'),
    timeoutMs: optional('timeout-ms'),
    expectStatus: optional('expect-status'),
    expectJsonSchema: optional('expect-json-schema'),
    checkSample: optional('check-sample'),
    prometheus,
    slo: optional('slo-file') ?? (prometheus === undefined ? undefined : bundledSloFile()),
    job: optional('job'),
    vars: core.getMultilineInput('vars'),
    waitTimeout: optional('wait-timeout'),
    min: optional('min'),
    max: optional('max'),
    stepDuration: optional('step-duration'),
    precision: optional('precision'),
    coolDown: optional('cool-down'),
    budget: optional('budget'),
    baseline: optional('baseline'),
    maxCapacityDrop: optional('max-capacity-drop'),
  };
}

async function writeSummary(markdown: string): Promise<void> {
  core.info(markdown);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
}

function progressLogger(): (progress: Parameters<typeof formatProgress>[0]) => void {
  let ticks = 0;
  return (progress) => {
    if (++ticks % 5 === 0) core.info(formatProgress(progress));
  };
}

async function runLoadMode(raw: RawLoadInputs, resultFile: string, clock: WaitClock): Promise<void> {
  const settings = parseLoadSessionSettings(raw, label);
  core.debug(`load settings: ${JSON.stringify({ ...settings, url: settings.url.toString() })}`);
  const result = await runLoadSession(settings, {
    log: (line) => core.info(line),
    onProgress: progressLogger(),
    clock,
  });
  const json = {
    load: result.load,
    gate: result.gate,
    latency_gap: result.latency_gap,
    passed: result.passed,
  };
  await writeJsonFileAtomic(resultFile, json);
  core.setOutput('passed', String(result.passed));
  core.setOutput('result-file', resultFile);
  core.setOutput('achieved-rate', result.load.achieved_rate.toFixed(3));
  core.setOutput(
    'p95-ms',
    Number.isFinite(result.load.latency_ms.p95) ? result.load.latency_ms.p95.toFixed(3) : '',
  );
  core.setOutput('dropped', String(result.load.dropped));
  core.setOutput('failed-objectives', result.gate?.failed.join(',') ?? '');
  core.setOutput('capacity-rps', '');
  await writeSummary(loadMarkdownSummary(result));
  if (!result.passed) core.setFailed(`SLO gate failed: ${result.gate?.failed.join(', ')}`);
}

async function runCapacityMode(raw: RawLoadInputs, resultFile: string, clock: WaitClock): Promise<void> {
  const settings = parseCapacitySettings(raw, label);
  const htmlFile = optional('html-file');
  core.debug(`capacity settings: ${JSON.stringify({ ...settings, url: settings.url.toString() })}`);
  const result = await runCapacitySearch(settings, {
    log: (line) => core.info(line),
    onProgress: progressLogger(),
    clock,
  });
  await writeJsonFileAtomic(resultFile, result);
  if (htmlFile !== undefined) await writeFileAtomic(htmlFile, capacityHtml(result));
  core.setOutput('passed', String(result.passed));
  core.setOutput('result-file', resultFile);
  core.setOutput('capacity-rps', String(result.capacity_rps));
  core.setOutput('achieved-rate', '');
  core.setOutput('p95-ms', '');
  core.setOutput('dropped', '');
  core.setOutput('failed-objectives', '');
  await writeSummary(capacityMarkdown(result));
  if (!result.passed)
    core.setFailed(
      result.baseline && !result.baseline.passed
        ? `capacity ${result.capacity_rps}/s dropped ${(result.baseline.drop * 100).toFixed(1)} % against the baseline ${result.baseline.capacity_rps}/s (at most ${(result.baseline.max_drop * 100).toFixed(1)} % allowed)`
        : capacitySentence(result),
    );
}

export async function run(): Promise<void> {
  try {
    const mode = optional('mode') ?? 'load';
    if (mode !== 'load' && mode !== 'capacity')
      throw new UserError('USAGE', `input 'mode': '${mode}' is not one of load, capacity`);
    const resultFile = optional('result-file') ?? 'load-test-result.json';
    const raw = rawInputs();
    if (mode === 'load') {
      if (optional('html-file') !== undefined)
        throw new UserError('USAGE', "input 'html-file' applies to mode: capacity");
      await runLoadMode(raw, resultFile, systemClock);
    } else await runCapacityMode(raw, resultFile, systemClock);
  } catch (error) {
    // Keep as much code within the try-catch as possible: this is the action's only catch.
    if (error instanceof UserError) core.setFailed(error.message);
    else
      core.setFailed(
        `driftwatch load-test internal error (please report): ${(error as Error)?.stack ?? getErrorMessage(error)}`,
      );
  }
}
