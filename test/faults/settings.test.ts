// Runs that would decide nothing, or decide on a setting that was ignored, are refused: zero tested columns (unless
// --allow-empty), overrides and column settings naming no column, thresholds outside the chosen test's range,
// numbers that are not decimals; a negative number after a space is the flag's value. Each is one line, exit 2,
// no report written. Also: decimal-only spellings in CSV cells read as pandas.read_csv reads them.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numbersOf } from '../../src/snapshot/table.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { cli } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'dw-settings-'));
const reference = join(work, 'ref.csv');
const current = join(work, 'cur.csv');
const rows = (shift: number) =>
  Array.from({ length: 200 }, (_, i) => `${i},${(i * 37 + shift) % 101},${['a', 'b', 'c'][(i + shift) % 3]}`);
writeFileSync(reference, ['id,x,c', ...rows(0)].join('\n') + '\n');
writeFileSync(current, ['id,x,c', ...rows(5)].join('\n') + '\n');

let runs = 0;
async function compare(...args: string[]) {
  const reports = join(work, `reports-${++runs}`);
  const run = await cli([
    'compare',
    '--reference',
    reference,
    '--current',
    current,
    '--report-dir',
    reports,
    ...args,
  ]);
  return { ...run, reports };
}

/** Exit 2, nothing on stdout, one line on stderr matching `line`, no report directory. */
async function expectRefused(args: string[], line: RegExp): Promise<void> {
  const run = await compare(...args);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^driftwatch: error: [^\n]+\n$/);
  expect(run.stderr.slice('driftwatch: error: '.length, -1)).toMatch(line);
  expect(run.code).toBe(2);
  expect(existsSync(run.reports)).toBe(false);
}

const columnsListed = /\(.*ref\.csv, .*cur\.csv; columns: id, x, c\)$/;

describe('zero tested columns', () => {
  it.each([
    ['--columns x --exclude x', ['--columns', 'x', '--exclude', 'x']],
    ['--exclude every column', ['--exclude', 'id,x,c']],
    ['ids and exclusions', ['--id-column', 'id', '--exclude', 'x,c']],
  ])('%s is an error naming --allow-empty', async (_, args) => {
    await expectRefused(
      args,
      /^no column left to test: every column is excluded, an id, a timestamp or a date \(.*ref\.csv, .*cur\.csv\); pass --allow-empty to accept/,
    );
  });

  it('--allow-empty accepts it: a report of no column, NO_ACTION', async () => {
    const run = await compare('--exclude', 'id,x,c', '--allow-empty');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(run.reports, 'drift_ref_vs_cur.json'), 'utf8')) as {
      columns: unknown[];
      decision: { action: string };
    };
    expect(report.columns).toEqual([]);
    expect(report.decision.action).toBe('NO_ACTION');
  });
});

describe('settings naming no column', () => {
  it.each([
    ['--stattest', ['--stattest', 'nosuchcol=ks'], "column 'nosuchcol' is"],
    ['--threshold', ['--threshold', 'nope=0.1'], "column 'nope' is"],
    ['--stattest', ['--stattest', 'a1=ks', '--stattest', 'x=ks,b2=psi'], "columns 'a1', 'b2' are"],
    ['--numerical', ['--numerical', 'x,zz'], "column 'zz' is"],
    ['--categorical', ['--categorical', 'qq'], "column 'qq' is"],
    ['--exclude', ['--exclude', 'gone'], "column 'gone' is"],
    ['--id-column', ['--id-column', 'uid'], "column 'uid' is"],
    ['--target', ['--target', 'label'], "column 'label' is"],
  ])('%s %j is one line naming the setting, the unknown names and the columns', async (flag, args, what) => {
    const escapedWhat = what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expectRefused(
      args,
      new RegExp(`^${flag}: ${escapedWhat} in neither snapshot ${columnsListed.source}`),
    );
  });

  it('a type name (numerical=, categorical=) is not a column name', async () => {
    const run = await compare('--threshold', 'numerical=0.2', '--stattest', 'categorical=psi');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('thresholds and numbers', () => {
  it.each([
    [
      ['--threshold', '5'],
      /^--threshold: 5 for column '\w+' is out of the range of '\w+' \(a p-value\): must be between 0 and 1$/,
    ],
    [
      ['--threshold', '1.5', '--stattest', 'categorical=jensenshannon', '--columns', 'c'],
      /^--threshold: 1\.5 for column 'c' is out of the range of 'jensenshannon' \(a distance\): must be between 0 and 1$/,
    ],
    [
      ['--threshold', 'c=2', '--stattest', 'c=hellinger'],
      /out of the range of 'hellinger' \(a distance\): must be between 0 and 1$/,
    ],
    [['--threshold', '0x10'], /^--threshold: '0x10' is not a decimal number$/],
    [['--drift-share', '0b1'], /^--drift-share: '0b1' is not a decimal number$/],
    [['--retrain-threshold', 'Infinity'], /^--retrain-threshold: 'Infinity' is not a number$/],
    [
      ['--threshold', '-0.1'],
      /^--threshold: threshold -0\.1 is out of range \(must be between 0 and 1 for a p-value test/,
    ],
    [['--threshold', 'x=-.5'], /^--threshold: threshold -\.5 is out of range \(must be between 0 and 1/],
    [['--drift-share', '-0.5'], /^--drift-share: -0\.5 is out of range \(must be between 0 and 1\)$/],
    [['--bins', '-3'], /^--bins: -3 is out of range/],
  ])('%j is refused in one line', async (args, line) => {
    await expectRefused(args, line);
  });

  it('a distance threshold above 1 is fine for an unbounded distance; .5 and 5. are decimals', async () => {
    const run = await compare('--threshold', 'x=3.', '--stattest', 'x=wasserstein', '--threshold', 'c=.5');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(run.reports, 'drift_ref_vs_cur.json'), 'utf8')) as {
      columns: { column: string; threshold: number }[];
    };
    expect(Object.fromEntries(report.columns.map((c) => [c.column, c.threshold]))).toMatchObject({
      x: 3,
      c: 0.5,
    });
  });
});

describe('numbers in CSV cells, as pandas.read_csv reads them', () => {
  it('.5, 5., -.5, +5, -5., 1E5 and padded numbers are numbers; 0x10, 1_000 and a lone dot are text', async () => {
    const path = join(work, 'numbers.csv');
    writeFileSync(
      path,
      'a,b,c,d,e,f,g,hex,under,dot\n.5,5.,-.5,+5,-5.,1E5, 5 ,0x10,1_000,.\n1,2,3,4,5,6,7,8,9,0\n',
    );
    const table = await readSnapshot(path);
    const byName = Object.fromEntries(table.columns.map((column) => [column.name, column]));
    const numbers = (name: string) => {
      const column = byName[name]!;
      return column.type === 'string' ? column.type : Array.from(numbersOf(column.values));
    };
    expect(numbers('a')).toEqual([0.5, 1]);
    expect(numbers('b')).toEqual([5, 2]);
    expect(numbers('c')).toEqual([-0.5, 3]);
    expect(numbers('d')).toEqual([5, 4]);
    expect(numbers('e')).toEqual([-5, 5]);
    expect(numbers('f')).toEqual([100000, 6]);
    expect(numbers('g')).toEqual([5, 7]);
    // pandas keeps an integer column int64 and makes one with 5. or .5 float64.
    expect([byName.a!.type, byName.b!.type, byName.d!.type, byName.g!.type]).toEqual([
      'float',
      'float',
      'int',
      'int',
    ]);
    for (const name of ['hex', 'under', 'dot']) expect(byName[name]!.type, name).toBe('string');
  });
});
