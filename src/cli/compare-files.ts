/**
 * The snapshot files a `compare` command line names, read by the launcher (src/cli/launch.ts) before the CLI's own
 * parser is loaded: big files start the worker threads early. A pure function of the command line.
 */
/** The snapshot files a `compare` command line names (`--reference`, `--current`), or none for another command. */
export function compareFiles(argv: readonly string[]): string[] {
  const args = argv.filter((arg) => arg !== '--debug');
  if (args[0] !== 'compare') return [];
  const files: string[] = [];
  for (const [index, arg] of args.entries()) {
    for (const flag of ['--reference', '--current']) {
      const value =
        arg === flag ? args[index + 1] : arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : undefined;
      // A git:<rev>:<path> snapshot has no size before it is read.
      if (value !== undefined && !value.startsWith('git:')) files.push(value);
    }
  }
  return files;
}
