// The bundled CLI as users run it (`node dist/cli.js ...`), built once per test file into a temporary directory.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Builds dist/cli.js (and the other bundles) into a fresh temporary directory; returns the CLI's path. */
export function buildCliBundle(): string {
  const out = mkdtempSync(join(tmpdir(), 'driftwatch-bundle-'));
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...process.env, DRIFTWATCH_BUILD_OUT: out },
    stdio: 'inherit',
  });
  return join(out, 'cli.js');
}

/**
 * Removes the directory {@link buildCliBundle} built `file` (its CLI or any bundle beside it) into. An empty path, left
 * by a setup whose build threw, is left alone: its directory would be the working directory, the checkout itself
 * (`dirname('')` is `.`).
 */
export function removeBundle(file: string): void {
  if (file === '') return;
  const dir = dirname(file);
  if (!basename(dir).startsWith('driftwatch-bundle-'))
    throw new Error(`removeBundle: ${dir} is not a directory buildCliBundle made`);
  rmSync(dir, { recursive: true, force: true });
}

export interface BundleRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the process, in milliseconds. */
  readonly ms: number;
}

/**
 * Runs the bundled CLI in its own process and resolves when it exits (a process kept alive by an open handle,
 * such as a database connection, is killed after `timeoutMs` and reported with its signal).
 */
export function runBundle(
  cli: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<BundleRun> {
  return runProcess([process.execPath, cli, ...args], options);
}

/** {@link runBundle} of any command (its program first), such as the CLI under `script` on a pseudo-terminal. */
export function runProcess(
  command: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<BundleRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}
