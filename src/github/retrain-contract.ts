/**
 * The retrain workflow's contract, checked before the first dispatch: the action reads the target workflow file
 * through the contents API at the ref it will dispatch to and verifies that it
 *
 * 1. is triggered by `workflow_dispatch` and declares every input the action sends (GitHub refuses a dispatch
 *    carrying an undeclared input, and a run that never sees `dispatch_key` cannot be found again);
 * 2. shows `${{ inputs.dispatch_key }}` in its `run-name`, the title the duplicate look-up searches: without it every
 *    re-run or overlapping run would start another training for the same snapshot pair.
 *
 * A broken contract is one line naming the file, the ref and everything that is missing.
 */
import { parse } from 'yaml';
import { httpStatusOf, type GitHubClient } from './client.js';

export interface RetrainContractTarget {
  readonly owner: string;
  readonly repo: string;
  /** Workflow file name (`retrain.yml`) or numeric id. */
  readonly workflow: string;
  /** The ref the dispatch will run at (`main`, `refs/heads/main`, a tag). */
  readonly ref: string;
  /** Every input name the dispatch will carry. */
  readonly inputs: readonly string[];
}

/** The outcome of the check: `problems` is empty when the contract holds. */
export interface RetrainContractCheck {
  /** `.github/workflows/retrain.yml@refs/heads/main`, for messages. */
  readonly file: string;
  readonly problems: readonly string[];
}

/** A reference to the dispatch key inside an expression: `inputs.dispatch_key`, `github.event.inputs.dispatch_key`, `inputs['dispatch_key']`. */
const DISPATCH_KEY_REFERENCE = /\binputs(?:\.dispatch_key\b|\[\s*['"]dispatch_key['"]\s*\])/;

/** Whether some `${{ … }}` expression of `text` refers to the dispatch key. */
function showsDispatchKey(text: string): boolean {
  for (const match of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g))
    if (DISPATCH_KEY_REFERENCE.test(match[1]!)) return true;
  return false;
}

/**
 * What the workflow file's text lacks (pure; no I/O). `inputs` are the input names the dispatch will send.
 *
 * @example retrainContractProblems('on: push\nrun-name: Retrain\n', ['dispatch_key']); // => ['no workflow_dispatch trigger', 'no workflow_dispatch input dispatch_key', 'run-name does not contain ${{ inputs.dispatch_key }}']
 */
export function retrainContractProblems(text: string, inputs: readonly string[]): string[] {
  let workflow: unknown;
  try {
    workflow = parse(text);
  } catch (error) {
    return [`not valid YAML (${(error as Error).message.split('\n')[0]!})`];
  }
  if (typeof workflow !== 'object' || workflow === null || Array.isArray(workflow))
    return ['not a workflow (the file is not a YAML mapping)'];
  const document = workflow as Record<string, unknown>;
  const problems: string[] = [];

  const on = document.on;
  const triggers =
    typeof on === 'string'
      ? [on]
      : Array.isArray(on)
        ? on.map(String)
        : typeof on === 'object' && on !== null
          ? Object.keys(on)
          : [];
  if (!triggers.includes('workflow_dispatch')) problems.push('no workflow_dispatch trigger');
  const dispatch =
    typeof on === 'object' && on !== null && !Array.isArray(on)
      ? (on as Record<string, unknown>).workflow_dispatch
      : undefined;
  const declaredInputs =
    typeof dispatch === 'object' && dispatch !== null
      ? (dispatch as Record<string, unknown>).inputs
      : undefined;
  const declared =
    typeof declaredInputs === 'object' && declaredInputs !== null ? Object.keys(declaredInputs) : [];
  const missing = inputs.filter((name) => !declared.includes(name));
  if (missing.length > 0)
    problems.push(`no workflow_dispatch input${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);

  const runName = document['run-name'];
  if (typeof runName !== 'string' || !showsDispatchKey(runName))
    problems.push(
      typeof runName === 'string'
        ? 'run-name does not contain ${{ inputs.dispatch_key }}'
        : 'no run-name (it must contain ${{ inputs.dispatch_key }})',
    );
  return problems;
}

/**
 * Reads the target workflow file through the API and checks the contract. Throws the Octokit error when the file
 * (or, for a numeric id, the workflow) cannot be read.
 */
export async function checkRetrainContract(
  client: GitHubClient,
  target: RetrainContractTarget,
): Promise<RetrainContractCheck> {
  let filePath = `.github/workflows/${target.workflow}`;
  if (/^[0-9]+$/.test(target.workflow)) {
    const { data } = await client.rest.actions.getWorkflow({
      owner: target.owner,
      repo: target.repo,
      workflow_id: Number(target.workflow),
    });
    filePath = data.path;
  }
  const file = `${filePath}@${target.ref}`;
  let text: string;
  try {
    const { data } = await client.rest.repos.getContent({
      owner: target.owner,
      repo: target.repo,
      path: filePath,
      ref: target.ref,
    });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
      return { file, problems: ['not a file'] };
    text = data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
  } catch (error) {
    if (httpStatusOf(error) === 404)
      return { file, problems: ["no such file at that ref (or the token lacks 'contents: read')"] };
    throw error;
  }
  return { file, problems: retrainContractProblems(text, target.inputs) };
}
