#!/usr/bin/env node
/**
 * The `driftwatch` bin (dist/cli.js). It is kept small (~2 KB) because it runs before the CLI's code is loaded, and
 * then loads the CLI (main.ts, a chunk of its own in the bundle, with the chunks of the command it runs).
 */
await import('./main.js');
