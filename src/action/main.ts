/**
 * Entry point of the bundled action (`dist/index.js`). The secrets are masked and the event payload checked before
 * the rest of the action is loaded (a dependency of the GitHub client parses the payload as it loads, and would
 * fail with a stack); then it runs the action and nothing else.
 */
import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { readEventPayload } from './event.js';
import { collectSecrets } from './secrets.js';

const secrets = collectSecrets(process.env, (secret) => core.setSecret(secret));
let payloadError: UserError | undefined;
try {
  readEventPayload(process.env);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  payloadError = error;
}
if (payloadError) core.setFailed(secrets.redact(payloadError.message));
else await (await import('./run.js')).run(secrets);
