/**
 * The logger every GitHub integration takes as a parameter (codeql-action's injected `Logger`): the action passes
 * one backed by `@actions/core`, tests pass a recording one. Nothing under `src/github` writes to the console.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

/** A logger that keeps every line, for tests and for callers that decide later what to print. */
export class RecordingLogger implements Logger {
  readonly lines: { level: 'debug' | 'info' | 'warning'; message: string }[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  /** The messages of one level, in order. */
  messages(level: 'debug' | 'info' | 'warning'): string[] {
    return this.lines.filter((line) => line.level === level).map((line) => line.message);
  }
}
