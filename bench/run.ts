// `npm run bench [-- name... [--flag value...]]`: runs each benchmark in its own process (so one's memory never counts
// for another); the arguments from the first `--flag` on are passed to every benchmark named.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ALL = ['compare', 'csv', 'stattests', 'catalogue', 'postgres', 'sharded', 'loadtest', 'tall', 'wide'];
const argv = process.argv.slice(2);
const firstFlag = argv.findIndex((arg) => arg.startsWith('--'));
const names = firstFlag >= 0 ? argv.slice(0, firstFlag) : argv;
const passed = firstFlag >= 0 ? argv.slice(firstFlag) : [];
const wanted = names.length > 0 ? names : ALL;
let failed = false;
for (const name of wanted) {
  const file = `bench/${name}.ts`;
  if (!existsSync(file)) {
    console.log(`# ${name}: no benchmark file ${file}`);
    continue;
  }
  console.log(`\n# ${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...passed], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
