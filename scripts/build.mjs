// Bundles the entry points into dist/ (committed). Type checking is `npm run typecheck`.
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { checkTemplatesModule, writeTemplatesModule } from './generate-templates.mjs';

// DRIFTWATCH_BUILD_OUT=<dir> builds the same bundles elsewhere (the tests build their own copy).
const outDir = process.env.DRIFTWATCH_BUILD_OUT;

// The report templates are embedded from src/report/templates/*.mustache before bundling. A release build
// regenerates the embedded copy; a test build only checks it (tests never rewrite source files).
if (outDir) checkTemplatesModule();
else writeTemplatesModule();

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['pg-native', 'cloudflare:sockets'],
  // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);",
  },
};

// Each bundle targets the oldest Node it runs on: the CLI and its worker the package's `engines` floor (Node 22),
// the actions their `runs.using` (node24). esbuild only lowers syntax a target lacks; today the three targets give
// byte-identical bundles, and the test suite also runs them on Node 20.
const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js', target: 'node22', banner: '#!/usr/bin/env node\n' },
  // The GitHub Action (action.yml `runs.main`).
  { in: 'src/action/main.ts', out: 'dist/index.js', target: 'node24' },
  // Worker thread of compare jobs on big snapshots (src/job/worker-pool.ts), loaded from beside dist/cli.js and
  // dist/index.js: reads both snapshots at once, then scores columns on two cores.
  { in: 'src/job/worker.ts', out: 'dist/worker.js', target: 'node22' },
  // The companion load-test action (load-test/action.yml `runs.main`); `outName` keeps DRIFTWATCH_BUILD_OUT unique.
  {
    in: 'src/action/load-test-main.ts',
    out: 'load-test/dist/index.js',
    outName: 'load-test.js',
    target: 'node24',
  },
];

for (const entry of entries) {
  await build({
    ...common,
    entryPoints: [entry.in],
    target: entry.target,
    outfile: outDir ? join(outDir, entry.outName ?? basename(entry.out)) : entry.out,
    banner: { js: (entry.banner ?? '') + common.banner.js },
  });
}
