/**
 * action.yml, the constants the code uses and the README's "GitHub Action" tables must agree: a renamed input, a
 * new output or a changed default fails here until all three say the same thing.
 */
import { readFileSync } from 'node:fs';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputDefaults, Inputs, Outputs } from '../../src/action/constants.js';

const actionText = readFileSync('action.yml', 'utf8');
const action = parse(actionText) as {
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
};

/** Rows of the Markdown table that follows `heading` in the README's `## GitHub Action` section. */
function readmeTable(heading: string): string[][] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('\n## GitHub Action\n');
  expect(start, 'README has a "## GitHub Action" section').toBeGreaterThanOrEqual(0);
  const section = readme.slice(start + 1).split(/\n## /)[0]!;
  const at = section.indexOf(`\n### ${heading}\n`);
  expect(at, `README GitHub Action section has "### ${heading}"`).toBeGreaterThanOrEqual(0);
  const lines = section.slice(at).split('\n').slice(2);
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  const rows = table.slice(0, table.findIndex((line) => !line.startsWith('|')) >>> 0);
  return rows.slice(2).map((row) =>
    row
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}

const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

describe('action.yml', () => {
  it('is a valid action manifest for the real parser (@actions/workflow-parser)', () => {
    const result = parseAction({ name: 'action.yml', content: actionText }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((error) => error.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it('runs the bundled dist/index.js on node24, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
  });

  it('declares exactly the inputs and outputs the code reads and sets', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort());
  });

  it('declares the same defaults the code applies, and the token default', () => {
    for (const [name, value] of Object.entries(InputDefaults))
      expect(action.inputs[name]?.default, name).toBe(value);
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
    const required = Object.entries(action.inputs)
      .filter(([, spec]) => spec.required)
      .map(([name]) => name);
    // reference/current are required unless the snapshots come from PostgreSQL (checked by getInputs).
    expect(required.sort()).toEqual([]);
  });
});

describe('README "## GitHub Action" agrees with action.yml', () => {
  it('documents every input once, with its default and whether it is required', () => {
    const rows = readmeTable('Inputs');
    expect(rows.map((row) => unquote(row[0]!)).sort()).toEqual(Object.keys(action.inputs).sort());
    for (const row of rows) {
      const name = unquote(row[0]!);
      const spec = action.inputs[name]!;
      const documentedDefault = unquote(row[1]!);
      if (spec.required) expect(documentedDefault, name).toBe('required');
      else expect(documentedDefault, name).toBe(spec.default === undefined ? '' : spec.default);
      expect(row[2], `${name} has a description`).toBeTruthy();
    }
  });

  it('documents every output once', () => {
    const rows = readmeTable('Outputs');
    expect(rows.map((row) => unquote(row[0]!)).sort()).toEqual(Object.keys(action.outputs).sort());
    for (const row of rows) expect(row[1], `${row[0]} has a description`).toBeTruthy();
  });
});
