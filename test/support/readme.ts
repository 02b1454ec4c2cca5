/**
 * The README's fenced blocks with their markers. A marker is an HTML comment (invisible on GitHub) on the last
 * non-blank line before a fence: `<!-- runnable -->`, `<!-- runnable: exit 1 -->`, `<!-- not-runnable: why -->`,
 * `<!-- output -->`, `<!-- workflow -->`. test/readme/commands.test.ts says what each one means.
 */
import { readFileSync } from 'node:fs';

export interface FencedBlock {
  /** The fence's info string (`sh`, `yaml`, or empty). */
  readonly lang: string;
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The marker's name (`runnable`, `not-runnable`, `output`, `workflow`), if any. */
  readonly marker?: string;
  /** What follows the marker's colon (`exit 1`, the reason), if anything. */
  readonly argument?: string;
}

const MARKER = /^<!--\s*([a-z-]+)(?::\s*(.*?))?\s*-->$/;

export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.split('\n');
  const blocks: FencedBlock[] = [];
  let previous = ''; // last non-blank line outside a block
  for (let i = 0; i < lines.length; i++) {
    const open = /^```([\w-]*)\s*$/.exec(lines[i]!);
    if (!open) {
      if (lines[i]!.trim() !== '') previous = lines[i]!.trim();
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    if (i >= lines.length) throw new Error(`README.md:${start + 1}: unclosed fence`);
    const marker = MARKER.exec(previous);
    blocks.push({
      lang: open[1]!,
      body: body.join('\n'),
      line: start + 1,
      ...(marker ? { marker: marker[1]!, ...(marker[2] ? { argument: marker[2] } : {}) } : {}),
    });
    previous = '';
  }
  return blocks;
}

export const readmeBlocks = (path = 'README.md'): FencedBlock[] => fencedBlocks(readFileSync(path, 'utf8'));
