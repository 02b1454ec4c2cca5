/**
 * load-test/action.yml and the README's "Companion action" tables agree: every input once with its default, every
 * output once; and the manifest passes GitHub's own parser (@actions/workflow-parser).
 */
import { readFileSync } from 'node:fs';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const actionText = readFileSync('load-test/action.yml', 'utf8');
const action = parse(actionText) as {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
};

/** Rows of the first and second Markdown tables after the README's "### Companion action" heading. */
function readmeTables(): string[][][] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('\n### Companion action (`load-test/action.yml`)\n');
  expect(start).toBeGreaterThanOrEqual(0);
  const section = readme.slice(start + 1).split(/\n### /)[0]!;
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of section.split('\n')) {
    if (line.startsWith('|')) {
      current ??= [];
      current.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((cell) => cell.trim()),
      );
    } else if (current) {
      tables.push(current.slice(2));
      current = null;
    }
  }
  return tables;
}

const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

describe('load-test/action.yml and the README', () => {
  it('is a valid action manifest for the real parser', () => {
    const result = parseAction({ name: 'action.yml', content: actionText }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((error) => error.message)).toEqual([]);
  });

  it('documents every input once with its default, and every output once', () => {
    const [inputs, outputs] = readmeTables();
    expect(inputs!.map((row) => unquote(row[0]!))).toEqual(Object.keys(action.inputs));
    for (const row of inputs!) {
      const spec = action.inputs[unquote(row[0]!)]!;
      const documented = unquote(row[1]!);
      expect(documented, row[0]).toBe(
        spec.required ? '(required)' : spec.default === '' ? "''" : spec.default,
      );
      expect(row[2], `${row[0]} has a meaning`).toBeTruthy();
    }
    expect(outputs!.map((row) => unquote(row[0]!))).toEqual(Object.keys(action.outputs));
  });
});
