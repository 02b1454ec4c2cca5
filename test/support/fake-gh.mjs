#!/usr/bin/env node
// A stand-in for the GitHub CLI in workflow tests: the few `gh` calls the workflows make, answered from a state
// directory (FAKE_GH_DIR) and recorded there. `--jq` filters run through the real jq, as gh's do.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const state = process.env.FAKE_GH_DIR;
const args = process.argv.slice(2);
appendFileSync(join(state, 'calls.log'), JSON.stringify(args) + '\n');
if (!process.env.GH_TOKEN)
  fail('gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable.');

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(1);
}
function flag(name) {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
}
function readJson(file, fallback) {
  const path = join(state, file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : fallback;
}
function print(value) {
  const jq = flag('--jq');
  const text = JSON.stringify(value);
  process.stdout.write(
    jq === undefined ? text + '\n' : execFileSync('jq', ['-r', jq], { input: text, encoding: 'utf8' }),
  );
}

const [command, sub] = args;
if (command === 'api') {
  const url = new URL(sub, 'https://api.github.com/');
  if (!/^\/repos\/[^/]+\/[^/]+\/actions\/artifacts$/.test(url.pathname)) fail(`fake gh: no route for ${sub}`);
  const name = url.searchParams.get('name');
  const artifacts = readJson('artifacts.json', []).filter(
    (artifact) => name === null || artifact.name === name,
  );
  print({ total_count: artifacts.length, artifacts });
} else if (command === 'run' && sub === 'download') {
  const source = join(state, 'runs', args[2], flag('--name'));
  if (!existsSync(source)) fail(`no valid artifacts found to download`);
  cpSync(source, flag('--dir') ?? '.', { recursive: true });
} else if (command === 'issue' && sub === 'list') {
  const label = flag('--label');
  print(
    readJson('issues.json', [])
      .filter((issue) => issue.labels.includes(label))
      .map(({ number }) => ({ number })),
  );
} else if (command === 'issue' && sub === 'comment') {
  appendFileSync(
    join(state, 'comments.jsonl'),
    JSON.stringify({
      issue: Number(args[2]),
      repo: flag('--repo'),
      body: readFileSync(flag('--body-file'), 'utf8'),
    }) + '\n',
  );
  process.stdout.write(`https://github.com/${flag('--repo')}/issues/${args[2]}#issuecomment-1\n`);
} else {
  fail(`fake gh: unsupported command ${args.join(' ')}`);
}
