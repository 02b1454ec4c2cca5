/**
 * The layers of src/ are enforced by eslint (`no-restricted-imports` per folder in eslint.config.js): an import
 * that runs upward is an error. Each case lints one line of source as if it sat in a given file.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The rule ids of the errors eslint reports for `source` placed at `file`. */
async function errors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: file });
  return result!.messages.filter((message) => message.severity === 2).map((message) => message.ruleId ?? '');
}

const RULE = '@typescript-eslint/no-restricted-imports';

describe('layer rules', () => {
  it.each([
    ['src/snapshot/x.ts', "import { x } from '../job/settings.js';"],
    ['src/snapshot/postgres/x.ts', "import { x } from '../../drift/engine.js';"],
    ['src/drift/x.ts', "import { x } from '../snapshot/pair.js';"],
    ['src/drift/kernels/x.ts', "import { x } from '../../report/html.js';"],
    ['src/report/x.ts', "import { x } from '../drift/engine.js';"],
    ['src/report/x.ts', "import { x } from '../snapshot/table.js';"],
    ['src/github/x.ts', "import { x } from '../job/compare-job.js';"],
    ['src/predictor/x.ts', "import { x } from '../cli/args.js';"],
    ['src/job/x.ts', "import { x } from '../action/inputs.js';"],
    ['src/util/x.ts', "import { x } from '../snapshot/table.js';"],
  ])('%s may not run `%s` (upward)', async (file, source) => {
    expect(await errors(file, source)).toContain(RULE);
  });

  it.each([
    ['src/drift/x.ts', "import { getColumn as x } from '../snapshot/table.js';"],
    ['src/drift/x.ts', "import { splitList as x } from '../util/values.js';"],
    ['src/report/x.ts', "import { isPValueTest as x } from '../drift/report.js';"],
    ['src/report/x.ts', "import type { ColumnDistribution as x } from '../drift/distribution.js';"],
    ['src/job/x.ts', "import { readSnapshotPair as x } from '../snapshot/pair.js';"],
    ['src/cli/x.ts', "import { runCompareJob as x } from '../job/compare-job.js';"],
    ['src/action/x.ts', "import { parseFlags as x } from '../cli/args.js';"],
  ])('%s may run `%s` (same layer or below)', async (file, source) => {
    expect(await errors(file, source)).not.toContain(RULE);
  });
});
