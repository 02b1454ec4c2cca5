import * as core from '@actions/core';
import type { Logger } from '../github/logger.js';

/** The action's logger: workflow commands through `@actions/core` (debug lines show with ACTIONS_STEP_DEBUG). */
export function actionsLogger(): Logger {
  return {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
  };
}
