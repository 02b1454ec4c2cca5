/**
 * Runs every JSDoc `@example` in src/, read from the source itself (so a documented example can never drift from
 * what the code does). An example is one or more cases, each a call and its documented result:
 *
 *     mean(new Float64Array([1, 2, 3, 4])); // => 2.5
 *
 * The code before `// =>` (it may span lines) is evaluated with the module's exports in scope, plus the drift
 * kernels, `pairOf(reference, current)` (a cleaned column pair of two arrays) and `binarySample(scores, labels)` (a
 * labelled sample of the model-quality metrics), which examples may use; the text
 * after `// =>` (less a trailing note in parentheses) is evaluated the same way and compared: numbers, strings and
 * booleans exactly, arrays (typed arrays as arrays) element by element, objects field by field for the fields the
 * example names. `// ≈ X` documents a reference value (scipy's, say) that the result matches to 1e-12 relative
 * rather than to the bit. A line starting with `//` but no `=>` is a note and is not run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as kernels from '../src/drift/kernels/index.js';
import { binarySample } from '../src/drift/model-quality/binary-sample.js';
import { pairOf } from './drift/catalogue/helpers.js';

interface ExampleCase {
  readonly code: string;
  readonly expected: string;
  /** `// ≈`: a number within 1e-12 relative (a reference value, e.g. scipy's, that the last bits may miss). */
  readonly approximate: boolean;
}

interface Example {
  readonly file: string;
  readonly line: number;
  readonly cases: readonly ExampleCase[];
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts') ? [path] : [];
  });
}

/** The `@example` sections of a file's JSDoc blocks, split into cases. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const examples: Example[] = [];
  for (const block of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const lines = block[1]!.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
    const blockLine = text.slice(0, block.index).split('\n').length;
    for (let i = 0; i < lines.length; i++) {
      const tag = /^\s*@example\b(.*)$/.exec(lines[i]!);
      if (!tag) continue;
      const body = [tag[1]!];
      for (let j = i + 1; j < lines.length && !/^\s*@\w/.test(lines[j]!); j++) body.push(lines[j]!);
      const cases: ExampleCase[] = [];
      let code: string[] = [];
      for (const line of body) {
        const marker = /\/\/ (=>|≈) /.exec(line);
        if (!marker) {
          if (!/^\s*\/\//.test(line)) code.push(line);
          continue;
        }
        code.push(line.slice(0, marker.index));
        cases.push({
          code: code.join('\n').trim().replace(/;$/, ''),
          expected: withoutNote(line.slice(marker.index + marker[0].length).trim()),
          approximate: marker[1] === '≈',
        });
        code = [];
      }
      examples.push({ file, line: blockLine + i, cases });
    }
  }
  return examples;
}

/** The documented result without a trailing note in parentheses: `0.056 (scipy: 0.05600000000000001)` → `0.056`. */
function withoutNote(text: string): string {
  if (!text.endsWith(')')) return text;
  let depth = 0;
  for (let i = text.length - 1; i > 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return text[i - 1] === ' ' ? text.slice(0, i).trimEnd() : text;
  }
  return text;
}

/** Typed arrays as plain arrays, recursively, so they compare with array literals. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  return value;
}

function evaluate(source: string, scope: Record<string, unknown>): unknown {
  const names = Object.keys(scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  return new Function(...names, `return (${source});`)(...names.map((name) => scope[name]));
}

const examples = sourceFiles('src').flatMap(examplesOf);

describe('JSDoc @examples in src/', () => {
  it('are found throughout the source, each with at least one documented result', () => {
    expect(examples.length).toBeGreaterThan(60);
    for (const example of examples)
      expect(example.cases.length, `${example.file}:${example.line} has no "// =>" result`).toBeGreaterThan(
        0,
      );
    expect(new Set(examples.map((example) => example.file.split('/')[1])).size).toBeGreaterThanOrEqual(6);
  });

  it.each(
    examples.flatMap((example) =>
      example.cases.map((item) => [`${example.file}:${example.line}`, item] as const),
    ),
  )('%s: %o', async (where, { code, expected, approximate }) => {
    const module = (await import(pathToFileURL(where.replace(/:\d+$/, '')).href)) as Record<string, unknown>;
    const scope = { ...kernels, pairOf, binarySample, ...module };
    const actual = plain(evaluate(code, scope));
    const wanted = plain(evaluate(expected, scope));
    if (approximate) {
      expect(typeof actual).toBe('number');
      expect(Math.abs((actual as number) - (wanted as number))).toBeLessThanOrEqual(
        1e-12 * Math.abs(wanted as number),
      );
    } else if (wanted !== null && typeof wanted === 'object' && !Array.isArray(wanted))
      expect(actual).toMatchObject(wanted);
    else expect(actual).toEqual(wanted);
  });
});
