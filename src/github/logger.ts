/**
 * The logger every GitHub integration takes as a parameter (codeql-action's injected `Logger`): the action passes
 * one backed by `@actions/core`, tests pass a recording one. Nothing under `src/github` writes to the console.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}
