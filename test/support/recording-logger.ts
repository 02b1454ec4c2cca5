import type { Logger } from '../../src/github/logger.js';

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
