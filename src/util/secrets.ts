/**
 * Secrets of a run (a token, a database URL and its password) and their redaction from the lines a surface writes:
 * every secret is replaced by {@link REDACTED} in each of the forms it may take in a line (as given,
 * percent-decoded, percent-encoded).
 */

/** What a secret is replaced with in a line the action writes. */
export const REDACTED = '***';

/** Secrets shorter than this are masked with the runner but not redacted from our own lines (too many false hits). */
const MIN_REDACTED_LENGTH = 3;

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
