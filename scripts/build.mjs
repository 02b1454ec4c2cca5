// Bundles the entry points into dist/ (committed). Type checking is `npm run typecheck`.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { generateTemplatesModule, generatedPath } from './generate-templates.mjs';

// The report templates are embedded from src/report/templates/*.mustache before bundling.
writeFileSync(generatedPath, generateTemplatesModule());

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['pg-native', 'cloudflare:sockets'],
  // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);",
  },
  loader: { '.mustache': 'text' },
};

const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node\n' },
];

for (const entry of entries) {
  await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    banner: { js: (entry.banner ?? '') + common.banner.js },
  });
}
