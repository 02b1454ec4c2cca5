// Prints the CHANGELOG.md section of one version (its body, without the heading): the GitHub release's notes.
// Usage: node scripts/release-notes.mjs 1.2.0 [CHANGELOG.md]. Exits 1 when the version has no section.
import { readFileSync } from 'node:fs';

const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
if (!version) {
  console.error('usage: node scripts/release-notes.mjs X.Y.Z [CHANGELOG.md]');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n');
const start = lines.findIndex((line) => line.startsWith(`## [${version.replace(/^v/, '')}]`));
if (start < 0) {
  console.error(`${file}: no '## [${version.replace(/^v/, '')}]' section`);
  process.exit(1);
}
const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
const body = lines
  .slice(start + 1, end < 0 ? undefined : end)
  .join('\n')
  .trim();
process.stdout.write(body + '\n');
