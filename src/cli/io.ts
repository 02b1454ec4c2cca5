/** What a CLI command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Writes one debug line (`--debug`), secrets redacted; absent without `--debug`. */
  readonly debug?: (line: string) => void;
}

/** A `driftwatch <name>` subcommand. Parses its own argv into a validated settings object, then runs. */
export interface Command {
  readonly name: string;
  /** Full usage text, printed for `driftwatch <name> --help` and after a usage error. */
  readonly usage: string;
  /** The command declares `--debug` among its own flags (it is passed on to it as well). */
  readonly ownsDebugFlag?: boolean;
  /** Returns the exit code; throws UserError for bad input. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
