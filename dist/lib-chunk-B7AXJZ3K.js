import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/errors.ts
var ExitCode = {
  /** The job ran; no failing condition was requested. */
  Ok: 0,
  /** The job ran and a gate failed (`--fail-on-drift` with RETRAIN, a failed SLO objective). */
  GateFailed: 1,
  /** Usage or input error: nothing (or nothing partial) was written. */
  Usage: 2
};
var UserError = class extends Error {
  constructor(code, message, field) {
    super(message);
    this.code = code;
    this.field = field;
  }
  code;
  field;
  name = "UserError";
};
function wrapError(error) {
  return error instanceof Error ? error : new Error(String(error));
}
function getErrorMessage(error) {
  return wrapError(error).message;
}
function assertNever(value) {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

export {
  ExitCode,
  UserError,
  wrapError,
  getErrorMessage,
  assertNever
};
