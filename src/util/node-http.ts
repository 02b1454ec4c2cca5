/**
 * `node:http` and `node:https` loaded with `require` at their first use. An ESM `import` of `node:http` makes Node
 * build the module's ESM facade, which reads every export, among them the lazily loaded WebSocket classes: that
 * evaluates Node's bundled HTTP client (undici), about 50 ms; `node:https` loads TLS and the crypto bindings, about
 * 35 ms. A bundle hoists every such import to its start, so every command paid both, `compare` included, before
 * doing anything.
 */
import { createRequire } from 'node:module';
import type * as Http from 'node:http';
import type * as Https from 'node:https';

let http: typeof Http | undefined;
let https: typeof Https | undefined;

/**
 * The `node:http` module.
 *
 * @returns the module, loaded once
 */
export function nodeHttp(): typeof Http {
  return (http ??= createRequire(import.meta.url)('node:http') as typeof Http);
}

/**
 * The `node:https` module.
 *
 * @returns the module, loaded once
 */
export function nodeHttps(): typeof Https {
  return (https ??= createRequire(import.meta.url)('node:https') as typeof Https);
}
