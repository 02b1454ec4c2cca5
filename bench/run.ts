// `npm run bench [-- name...]`: runs each benchmark in its own process (so one's memory never counts for another).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ALL = ['compare', 'csv', 'stattests', 'catalogue', 'postgres', 'sharded', 'loadtest'];
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
let failed = false;
for (const name of wanted) {
  const file = `bench/${name}.ts`;
  if (!existsSync(file)) {
    console.log(`# ${name}: no benchmark file ${file}`);
    continue;
  }
  console.log(`\n# ${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
