/**
 * The package a user installs: `npm pack` of this repository, installed with `npm install -g` into a temporary
 * prefix, then run as `driftwatch` from a directory outside the clone. The bundles are self-contained (every
 * library is a devDependency that esbuild bundles), so the install needs nothing from the registry, and the
 * tarball holds only what the CLI reads at run time plus the documentation and schema.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES } from '../../src/job/prestart.js';

const repo = process.cwd();
const fixtures = resolve('fixtures/streamflow');
const tmp = mkdtempSync(join(tmpdir(), 'driftwatch-install-'));
const prefix = join(tmp, 'prefix');
const elsewhere = join(tmp, 'elsewhere');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  engines: { node: string };
};

interface PackResult {
  filename: string;
  unpackedSize: number;
  files: { path: string; size: number }[];
}
let packed: PackResult;

/** npm with nothing inherited from the npm process running this suite. */
const npmEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
  npm_config_update_notifier: 'false',
});

const driftwatch = (args: string[]) =>
  spawnSync(join(prefix, 'bin', 'driftwatch'), args, { cwd: elsewhere, encoding: 'utf8' });

beforeAll(() => {
  mkdirSync(elsewhere, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
    cwd: repo,
    env: npmEnv(),
    encoding: 'utf8',
  });
  [packed] = JSON.parse(out) as PackResult[];
  execFileSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(tmp, packed!.filename)],
    { cwd: elsewhere, env: npmEnv(), stdio: 'pipe' },
  );
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships the CLI, its worker, the schema, the load-test configuration and the documents', () => {
    const paths = packed.files.map((file) => file.path).sort();
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'dist/cli.js',
      'dist/worker.js',
      'schema/report.schema.json',
      'load-test/slo.yml',
      'load-test/prometheus/alerts.yml',
    ])
      expect(paths).toContain(required);
  });

  it('ships nothing the CLI does not read: no source, tests, fixtures or action bundles', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths.filter((path) => /^(src|test|fixtures|scripts|bench|\.github)\//.test(path))).toEqual([]);
    // The actions run from the repository (`uses:`), never from an npm install.
    expect(paths).not.toContain('dist/index.js');
    expect(paths).not.toContain('load-test/dist/index.js');
    // The two bundles (CLI and worker, ~3.0 MiB unminified) and the documents: a bound that a stray fixture or
    // bundle of the actions would cross.
    expect(packed.unpackedSize).toBeLessThan(4 * 1024 * 1024);
  });

  it('has no runtime dependencies (the bundles are self-contained) and requires Node 22 or later', () => {
    expect(packageJson.dependencies ?? {}).toEqual({});
    expect(packageJson.engines.node).toBe('>=22');
  });
});

describe('npm install -g of the tarball', () => {
  it('installs the driftwatch command and nothing else', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'driftwatch');
    expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual(['driftwatch']);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(existsSync(join(installed, 'dist', 'worker.js'))).toBe(true);
  });

  it('driftwatch --help runs from another directory', () => {
    const run = driftwatch(['--help']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: driftwatch \[--debug\] <command> \[options\]/);
    expect(run.stdout).toContain('compare');
  });

  it('driftwatch compare on the fixtures writes the reports under the current directory', () => {
    const run = driftwatch([
      'compare',
      '--reference',
      join(fixtures, 'month_001.csv'),
      '--current',
      join(fixtures, 'month_002.csv'),
      '--target',
      'churn_label',
      '--id-column',
      'user_id',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^\[driftwatch\] report_html=reports\/drift_month_001_vs_month_002\.html .* -> RETRAIN /,
    );
    for (const extension of ['html', 'json', 'md'])
      expect(existsSync(join(elsewhere, 'reports', `drift_month_001_vs_month_002.${extension}`))).toBe(true);
  });

  it('driftwatch compare on a big snapshot runs the installed worker threads (dist/worker.js beside dist/cli.js)', () => {
    // Repeat month_002's rows past the size at which a compare job starts its two worker threads.
    const [header, ...rows] = readFileSync(join(fixtures, 'month_002.csv'), 'utf8').trimEnd().split('\n');
    const body = rows.join('\n') + '\n';
    const copies = Math.ceil(PARALLEL_MIN_BYTES / Buffer.byteLength(body)) + 1;
    const big = join(elsewhere, 'big.csv');
    writeFileSync(big, `${header}\n${body.repeat(copies)}`);
    const run = driftwatch([
      'compare',
      '--reference',
      join(fixtures, 'month_001.csv'),
      '--current',
      big,
      '--id-column',
      'user_id',
      '--format',
      'json',
      '--report-dir',
      'big',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(
      readFileSync(join(elsewhere, 'big', 'drift_month_001_vs_big.json'), 'utf8'),
    ) as {
      current: { rows: number };
    };
    expect(report.current.rows).toBe(rows.length * copies);

    // And it is the installed dist/worker.js that ran: a broken one beside dist/cli.js makes the same run fail.
    const worker = join(prefix, 'lib', 'node_modules', 'driftwatch', 'dist', 'worker.js');
    const original = readFileSync(worker);
    writeFileSync(worker, "throw new Error('the installed worker was loaded');\n");
    try {
      const broken = driftwatch([
        'compare',
        '--reference',
        join(fixtures, 'month_001.csv'),
        '--current',
        big,
      ]);
      expect(broken.status).not.toBe(0);
      expect(broken.stderr).toContain('the installed worker was loaded');
    } finally {
      writeFileSync(worker, original);
    }
  });
});
