// Bundles the entry points into dist/ (committed). Type checking is `npm run typecheck`.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { checkTemplatesModule, writeTemplatesModule } from './generate-templates.mjs';
import { checkWasmModule, writeWasmModule } from './generate-wasm.mjs';

// DRIFTWATCH_BUILD_OUT=<dir> builds the same bundles elsewhere (the tests build their own copy).
const outDir = process.env.DRIFTWATCH_BUILD_OUT;

// The report templates are embedded from src/report/templates/*.mustache before bundling. A release build
// regenerates the embedded copy; a test build only checks it (tests never rewrite source files).
if (outDir) checkTemplatesModule();
else writeTemplatesModule();
// The compiled scan (src/snapshot/wasm/numeric-records.c) is embedded the same way; recompiling it needs clang and
// lld, and only a changed C source does.
if (outDir) checkWasmModule();
else writeWasmModule();

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
// the actions their `runs.using` (node24). esbuild only lowers syntax a target lacks; today the targets give
// byte-identical code, and the test suite also runs the CLI on Node 20.

// The CLI and its worker thread are one build split into chunks (ES modules beside them, `lib-*.js`): dist/cli.js is
// the small launcher (src/cli/launch.ts), which loads the CLI's chunk only after it decided whether to restart Node,
// and a run loads only the chunks of its command (the load-test client, YAML, JSON Schema or Parquet code stay on
// disk for a compare of CSV files). dist/worker.js is the worker thread of compare jobs on big snapshots
// (src/job/worker-pool.ts looks for it beside the running chunk): it reads one snapshot, then scores columns.
// Measured against one 2.5 MB bundle: `--version` 0.37 -> 0.14 CPU s, a compare of the 470 KB fixtures
// 0.92 -> 0.79 CPU s.
const cliOut = outDir ?? 'dist';
for (const stale of existsSync(cliOut) ? readdirSync(cliOut) : [])
  if (/^lib-.*\.js$/.test(stale)) rmSync(join(cliOut, stale));
await build({
  ...common,
  entryPoints: { cli: 'src/cli/launch.ts', worker: 'src/job/worker.ts' },
  splitting: true,
  outdir: cliOut,
  chunkNames: 'lib-[name]-[hash]',
  target: 'node22',
});

// The actions: one file each.
const entries = [
  // The GitHub Action (action.yml `runs.main`); it runs dist/worker.js beside it on big snapshots.
  { in: 'src/action/main.ts', out: 'dist/index.js', target: 'node24' },
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
  });
}
