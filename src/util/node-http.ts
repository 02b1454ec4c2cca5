/**
 * `node:http` loaded with `require` at its first use. An ESM `import` of `node:http` makes Node build the module's
 * ESM facade, which reads every export, among them the lazily loaded WebSocket classes: that evaluates Node's bundled
 * HTTP client (undici), about 50 ms. A bundle hoists every such import to its start, so every command paid it,
 * `compare` included, before doing anything.
 */
import { createRequire } from 'node:module';
import type * as Http from 'node:http';

let http: typeof Http | undefined;

/**
 * The `node:http` module.
 *
 * @returns the module, loaded once
 */
export function nodeHttp(): typeof Http {
  return (http ??= createRequire(import.meta.url)('node:http') as typeof Http);
}
