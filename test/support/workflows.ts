/**
 * Checks shared by the tests of the repository's workflows and of the README's copy-paste workflows: GitHub's own
 * parser (@actions/workflow-parser, the one behind the Actions language service), and the runtime of every action a
 * workflow uses.
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

/** Parse and conversion errors of a workflow file, as GitHub reports them; empty when it is valid. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || result.value === undefined) return errors.length > 0 ? errors : ['no workflow'];
  const template = await convertWorkflowTemplate(result.context, result.value);
  const conversion = (template.errors ?? []).map((error) => error.Message);
  if (conversion.length === 0 && template.jobs.length === 0) return ['no jobs'];
  return conversion;
}

/**
 * The first major of each JavaScript action we use whose action.yml says `runs.using: node24` (read from each
 * action's tags: checkout and setup-node moved in v5, upload-artifact in v6 (its v5 still said node20),
 * download-artifact in v7 (its v5 and v6 still said node20), CodeQL in v4).
 * Node 20 is gone from GitHub's runners, so an older major would be forced onto Node 24 untested.
 */
export const NODE24_MAJORS: Readonly<Record<string, number>> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
  'github/codeql-action/init': 4,
  'github/codeql-action/analyze': 4,
};

/** Actions that run no Node at all (Docker actions). */
const NOT_NODE = new Set(['super-linter/super-linter/slim']);

/**
 * Why `uses` is not acceptable, or undefined when it is: a local action (`./`), driftwatch itself, a Docker action,
 * or one of the actions above at a node24 major or later. Anything else must be checked and added to the table.
 */
export function usesProblem(uses: string): string | undefined {
  if (uses.startsWith('./')) return undefined;
  const match = /^([^@\s]+)@(\S+)$/.exec(uses);
  if (!match) return `'${uses}' is not owner/repo[/path]@ref`;
  const [, action, ref] = match as unknown as [string, string, string];
  if (/^[^/]+\/driftwatch$/.test(action)) return undefined;
  if (NOT_NODE.has(action)) return undefined;
  const minimum = NODE24_MAJORS[action];
  if (minimum === undefined)
    return `${action}: not a known action; check its runs.using and add it to NODE24_MAJORS`;
  const major = /^v(\d+)$/.exec(ref);
  if (!major) return `${uses}: pin a major tag (vN) so Dependabot can move it`;
  if (Number(major[1]) < minimum) return `${uses}: runs on Node 20; use @v${minimum} or later`;
  return undefined;
}
