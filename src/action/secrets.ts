/**
 * The action's secrets: collected from the environment before anything is logged, registered with the runner's
 * masker (`core.setSecret`, the `::add-mask::` command), and redacted by the action itself from every line it writes,
 * so a secret stays hidden even where the runner's masker does not apply (a log read outside the runner, a value
 * split across lines, an encoded form).
 *
 * The secrets are the `github-token` input, the `database-url` input and `DATABASE_URL` (each whole, plus the
 * password inside, decoded and encoded), `PGPASSWORD`, and every line of the `secrets` input.
 */
import { Secrets } from '../util/secrets.js';
import { Inputs } from './constants.js';

export { REDACTED, Secrets, urlPassword } from '../util/secrets.js';

/** The value of an input as the runner passes it (`INPUT_<NAME>`), or undefined when unset or blank. */
function inputValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Collects every secret of the run from the environment and masks each one; called before the first log line.
 *
 * @param env the runner's environment
 * @param mask registers one value with the runner's masker (`core.setSecret`)
 */
export function collectSecrets(env: NodeJS.ProcessEnv, mask: (secret: string) => void): Secrets {
  const secrets = new Secrets(mask);
  secrets.add(inputValue(env, Inputs.GithubToken));
  secrets.addUrl(inputValue(env, Inputs.DatabaseUrl));
  secrets.addUrl(env.DATABASE_URL);
  secrets.add(env.PGPASSWORD);
  for (const line of (env[`INPUT_${Inputs.Secrets.toUpperCase()}`] ?? '').split(/\r?\n/))
    secrets.add(line.trim() === '' ? undefined : line.trim());
  return secrets;
}
