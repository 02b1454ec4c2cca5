/**
 * The action's secrets: collected from the environment before anything is logged, registered with the runner's
 * masker (`core.setSecret`, the `::add-mask::` command), and redacted by the action itself from every line it writes,
 * so a secret stays hidden even where the runner's masker does not apply (a log read outside the runner, a value
 * split across lines, an encoded form).
 *
 * The secrets are the `github-token` input, the `database-url` input and `DATABASE_URL` (each whole, plus the
 * password inside, decoded and encoded), `PGPASSWORD`, and every line of the `secrets` input.
 */
import { Inputs } from './constants.js';

/** What a secret is replaced with in a line the action writes. */
export const REDACTED = '***';

/** Secrets shorter than this are masked with the runner but not redacted from our own lines (too many false hits). */
const MIN_REDACTED_LENGTH = 3;

/** The value of an input as the runner passes it (`INPUT_<NAME>`), or undefined when unset or blank. */
function inputValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The password of a URL with credentials (`scheme://user:password@host`), as written in the URL (percent-encoded),
 * or undefined.
 *
 * @example
 * urlPassword('postgresql://app:s%40cret@db:5432/prod'); // => 's%40cret'
 */
export function urlPassword(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:([^@/]*)@/i.exec(url)?.[1] || undefined;
}

/** The forms a secret may take in a line: as given, percent-decoded and percent-encoded. */
function forms(secret: string): string[] {
  const all = [secret, encodeURIComponent(secret)];
  try {
    all.push(decodeURIComponent(secret));
  } catch {
    // Not percent-encoded text: the other forms are enough.
  }
  return all;
}

/** The set of secrets of one run and the redaction of a line. */
export class Secrets {
  private readonly values = new Set<string>();
  /** Every form, longest first, so a secret containing another is replaced whole. */
  private sorted: string[] = [];

  constructor(private readonly mask: (secret: string) => void) {}

  /** Registers a secret (and its encoded forms) with the runner's masker and for redaction. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret.trim() === '') return;
    let added = false;
    for (const form of forms(secret)) {
      if (form === '' || this.values.has(form)) continue;
      this.values.add(form);
      this.mask(form);
      added = true;
    }
    if (added)
      this.sorted = [...this.values]
        .filter((value) => value.length >= MIN_REDACTED_LENGTH)
        .sort((a, b) => b.length - a.length);
  }

  /** A database URL: the whole URL and its password. */
  addUrl(url: string | undefined): void {
    if (url === undefined || url.trim() === '') return;
    this.add(url.trim());
    this.add(urlPassword(url.trim()));
  }

  /** The text with every secret replaced by {@link REDACTED}. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.sorted)
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    return result;
  }

  /** How many distinct forms are held (for tests and the debug line). */
  get size(): number {
    return this.values.size;
  }
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
