import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/util/secrets.ts
var REDACTED = "***";
var MIN_REDACTED_LENGTH = 3;
function urlPassword(url) {
  return /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:([^@/]*)@/i.exec(url)?.[1] || void 0;
}
function forms(secret) {
  const all = [secret, encodeURIComponent(secret)];
  try {
    all.push(decodeURIComponent(secret));
  } catch {
  }
  return all;
}
var Secrets = class {
  constructor(mask) {
    this.mask = mask;
  }
  mask;
  values = /* @__PURE__ */ new Set();
  /** Every form, longest first, so a secret containing another is replaced whole. */
  sorted = [];
  /** Registers a secret (and its encoded forms) with the runner's masker and for redaction. */
  add(secret) {
    if (secret === void 0 || secret.trim() === "") return;
    let added = false;
    for (const form of forms(secret)) {
      if (form === "" || this.values.has(form)) continue;
      this.values.add(form);
      this.mask(form);
      added = true;
    }
    if (added)
      this.sorted = [...this.values].filter((value) => value.length >= MIN_REDACTED_LENGTH).sort((a, b) => b.length - a.length);
  }
  /** A database URL: the whole URL and its password. */
  addUrl(url) {
    if (url === void 0 || url.trim() === "") return;
    this.add(url.trim());
    this.add(urlPassword(url.trim()));
  }
  /** The text with every secret replaced by {@link REDACTED}. */
  redact(text) {
    let result = text;
    for (const secret of this.sorted)
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    return result;
  }
  /** How many distinct forms are held (for tests and the debug line). */
  get size() {
    return this.values.size;
  }
};

export {
  REDACTED,
  urlPassword,
  Secrets
};
